"""The claim reader's shortcuts of the twelfth speed session (issue 19) read what the plain forms read.

A block is tested once for the words an assertion or a change notice needs before its sentences are
read (``_read_block``); a heading path's headings are looked up by their text; a table cell's span is
one look-up; a row's lent names are picked without a search per cell.  These tests pin each shortcut
against the plain form it replaced, written out here."""

from __future__ import annotations

from functools import lru_cache

import pytest

from notelint.aws.catalog import load_catalog
from notelint.aws.names import NameIndex
from notelint.claims.assertions import _QUANTITY_START, _holds_a_quantity, extract, may_assert
from notelint.claims.extract import (
    _may_say_it_changed,
    _read_block,
    _says_it_changed,
    statements,
)
from notelint.claims.knowledge import load
from notelint.claims.resolver import NameResolver
from notelint.claims.sentences import sentence_spans
from notelint.note import BlockKind, parse_note
from notelint.shipped import data_yaml
from notelint.source import decode


@lru_cache(maxsize=1)
def _resolver() -> NameResolver:
    return NameResolver(NameIndex(load_catalog()), load())


_EXAMPLES = [text for entry in data_yaml("knowledge", "changes.yaml")["entries"]
             for text in entry.get("examples", {}).values()]
_BLOCKS = [
    "Lambda timeout up to 15 mins. It runs code. Memory 128 MB to 10 GB.",
    "XGBoost takes CSV or libsvm input. Only CPU. It is the latest generation.",
    "Kinesis Data Analytics was renamed. The service is now called Managed Service for Apache Flink.",
    "DeepLens reached end-of-life. Send it back. The endpoint answers.",  # "end" alone is no notice
    "Elastic Inference reached end of support in 2024.",
    "Plain prose. Nothing to see here. Call the endpoint and recommend a model.",
    "It needs a role. It must be JSON. Convert it to Parquet.",
    "Up to ٣ GB of memory. Elastic Inference was ſunset.",  # beyond ASCII: a digit, a long s
    "The P4 instances are the newest, and the most recent.",
    "",
    *_EXAMPLES,
]


def _plain_readings(text: str) -> tuple:
    """What the reader did before: each sentence read alone."""
    sentences = tuple(sentence_spans(text))
    return sentences, tuple(
        (tuple(extract(text[start:end])), _says_it_changed(text[start:end])) for start, end in sentences)


@pytest.mark.parametrize("text", _BLOCKS)
def test_a_block_is_read_as_its_sentences_read_alone(text):
    assert _read_block(text) == _plain_readings(text)


def test_a_block_without_a_cue_holds_no_sentence_that_asserts_or_says_a_change_happened():
    asserting = changing = 0
    for text in _BLOCKS:
        for start, end in sentence_spans(text):
            if extract(text[start:end]):
                asserting += 1
                assert may_assert(text), text
            if _says_it_changed(text[start:end]):
                changing += 1
                assert _may_say_it_changed(text), text
    assert asserting > 20 and changing > 5  # the test reaches both tests' positive side
    assert not may_assert("Plain prose. Nothing to see here.")
    assert not _may_say_it_changed("Call the endpoint and recommend a model.")  # "end" alone


@pytest.mark.parametrize(
    "text",
    ["up to 15 mins", "128MB", "no digits at all", "version 1.2", "٣ GB", "3\u00a0GB", "ml.p3.2xlarge", ""],
)
def test_a_quantity_is_found_where_the_pattern_finds_one(text):
    assert _holds_a_quantity(text) is (_QUANTITY_START.search(text) is not None)


# -- a heading path's headings, looked up by their text ------------------------------------------------


def _plain_heading_subjects(note, path):
    """What the reader did before: every heading of the note, last first, whose text is on the path."""
    for heading in reversed([b for b in note.headings if b.text.strip() in path]):
        mentions = _resolver().mentions(heading.text)
        if mentions:
            return [(m.name, *heading.span(m.start, m.end)) for m in mentions]
    return []


def test_a_claim_inherits_the_subjects_of_the_last_heading_on_its_path_that_names_any():
    text = ("# AWS Glue\n\n## Overview\n\n* crawls data\n\n# Amazon Athena\n\n## Overview\n\n* queries data\n\n"
            "## Notes\n\n### AWS Glue\n\n* again\n\n# Plain\n\n## Overview\n\n* nothing named\n")
    note = parse_note(decode("n.md", text.encode()))
    read = [s for s in statements(note, _resolver()) if not s.heading]
    assert [(s.text, [(x.name, x.start, x.end) for x in s.subjects]) for s in read] == [
        (s.text, _plain_heading_subjects(note, s.heading_path)) for s in read]
    # "Overview" names nothing, wherever it is; "again" is under the last heading on its path, "AWS Glue"
    assert [[x.name for x in s.subjects] for s in read] == [["Glue"], ["Athena"], ["Glue"], []]


# -- a table cell's span, in one look-up ---------------------------------------------------------------


def test_a_cell_s_offsets_are_those_of_its_first_and_last_characters():
    text = "| Size | Note |\n|---|---|\n| 512&nbsp;MB \\| x | *S3* `a` |\n"
    note = parse_note(decode("n.md", text.encode()))
    read = [s for s in statements(note, _resolver()) if s.text.startswith(("Size: ", "Note: "))]
    cells = [b for b in note.blocks if b.kind is BlockKind.CELL and b.row == 1]
    assert len(read) == len(cells) == 2
    for statement, cell in zip(read, cells):
        shift = len(statement.text) - len(cell.text)

        def plain(i: int, j: int) -> tuple[int, int]:
            first = cell.span(max(i - shift, 0), max(i - shift, 0))[0]
            if j <= i or j <= shift:
                return first, first
            return first, max(first, cell.span(j - shift - 1, j - shift)[1])

        size = len(statement.text)
        assert [statement.span(i, j) for i in range(size + 1) for j in range(size + 1)] == [
            plain(i, j) for i in range(size + 1) for j in range(size + 1)]


# -- the names a row's other cells lend ----------------------------------------------------------------


def test_each_cell_inherits_each_name_once_from_the_first_other_cell_that_writes_it():
    text = "| A | B | C |\n|---|---|---|\n| Amazon S3 | S3 and AWS Glue | plain |\n"
    read = statements(parse_note(decode("n.md", text.encode())), _resolver())
    assert [(s.text, [(x.name, x.start, x.inherited) for x in s.subjects]) for s in read] == [
        ("A: Amazon S3", [("S3", 30, False), ("S3", 42, True), ("Glue", 49, True)]),
        ("B: S3 and AWS Glue", [("S3", 42, False), ("Glue", 49, False), ("S3", 30, True)]),
        ("C: plain", [("S3", 30, True), ("Glue", 49, True)]),
    ]
