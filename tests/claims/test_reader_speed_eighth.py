"""The claim reader's shortcuts of the eighth speed session (issue 19) read what the plain forms read.

Entries in force are looked up by the names a note writes (a notice acknowledges an entry for the whole
note), the headings on a path are found by their text, a sentence's end is found from its mark, a
note's abbreviations from their parenthesis.  These tests pin the answers, positions included, on the
cases at each shortcut's edge; the plain forms are written out here where the shortcut replaced one."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from notelint.aws.catalog import load_catalog
from notelint.aws.names import NameIndex
from notelint.claims.extract import Subject, folded_forms, statements
from notelint.claims.knowledge import load
from notelint.claims.resolver import _DEFINITION, NameResolver, _definition_start
from notelint.claims.sentences import sentence_spans
from notelint.note import parse_note
from notelint.source import decode
from tests.helpers import found, note


@lru_cache(maxsize=1)
def _resolver() -> NameResolver:
    return NameResolver(NameIndex(load_catalog()), load())


# -- a notice acknowledges an entry for the whole note --------------------------------------------


def test_a_rename_is_reported_once_at_its_first_mention():
    body = """
        * CloudWatch Events routes events to targets.
        * CloudWatch Events rules run on a schedule.
        """
    assert found(note(body), select="NL5") == [("NL501", 5, 3, 5, 20)]  # front matter is 4 lines


def test_a_sentence_that_records_the_rename_acknowledges_it_for_the_note():
    body = """
        * CloudWatch Events routes events to targets.
        * CloudWatch Events was renamed Amazon EventBridge.
        * CloudWatch Events rules run on a schedule.
        """
    assert found(note(body), select="NL5") == []


def test_a_retirement_is_reported_at_each_line_unless_the_note_says_it():
    retired = """
        * AWS DeepLens runs models on the device.
        * AWS DeepLens deploys models trained elsewhere.
        """
    assert found(note(retired), select="NL5") == [("NL502", 5, 3, 5, 15), ("NL502", 6, 3, 6, 15)]
    noticed = """
        * AWS DeepLens runs models on the device.
        * AWS DeepLens was retired on 2024-01-31.
        * AWS DeepLens deploys models trained elsewhere.
        """
    assert found(note(noticed), select="NL5") == []


def test_a_notice_about_another_service_acknowledges_nothing():
    body = """
        * AWS DeepLens runs models on the device.
        * AWS Data Pipeline was retired.
        """
    assert [(code, line, column) for code, line, column, _l, _c in found(note(body), select="NL5")] == [
        ("NL502", 5, 3)]


# -- the headings on a path, found by their text --------------------------------------------------


def test_a_statement_inherits_the_nearest_heading_on_its_path_that_names_something():
    text = (
        "# Amazon Kinesis\n\n## Limits\n\n* retention up to 7 days\n\n"
        "# Other notes\n\n## Limits\n\n* retention up to 7 days\n\n"
        "# Amazon SQS\n\n## Limits\n\n* retention up to 14 days\n"
    )
    read = statements(parse_note(decode("n.md", text.encode())), _resolver())
    assert [(s.line, [(x.name, x.start, x.inherited) for x in s.subjects], [b.subject for b in s.assertions])
            for s in read] == [
        (1, [("Kinesis", 2, False)], []),
        (5, [("Kinesis", 2, True)], ["Kinesis"]),
        (11, [], [None]),  # "## Limits" under "# Other notes": no heading on its path names anything
        (13, [("SQS", 109, False)], []),
        (17, [("SQS", 109, True)], ["SQS"]),
    ]


# -- names folded once ----------------------------------------------------------------------------


def test_a_subject_is_found_by_its_name_as_written_or_without_its_vendor_in_any_case():
    assert folded_forms("Amazon Elasticsearch Service") == ("amazon elasticsearch service", "elasticsearch service")
    assert folded_forms("ES") == ("es", "es")
    text = "Amazon Elasticsearch Service indexes logs."
    statement = statements(parse_note(decode("n.md", text.encode())), _resolver())[0]
    subject = statement.subjects[0]
    assert isinstance(subject, Subject) and (subject.start, subject.end) == (0, 28)
    for names in (("elasticsearch service",), ["Elasticsearch Service"], {"AMAZON ELASTICSEARCH SERVICE"}):
        assert statement.mentions_of(names) == [subject]
    assert statement.mentions_of(("Amazon OpenSearch Service",)) == []


# -- a sentence's end, from its mark --------------------------------------------------------------

_PLAIN_END = re.compile(r"(?<![.!?])[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Use S3. Then Glue.", [(0, 7), (8, 18)]),
        ("Wait... Then go!! Next? Yes.", [(0, 7), (8, 17), (18, 23), (24, 28)]),
        ('He said "stop." Then left.', [(0, 15), (16, 26)]),
        ("e.g. Glue. Then ok", [(0, 10), (11, 18)]),
        ("Version 1.2. 3 files", [(0, 12), (13, 20)]),
        ("no end", [(0, 6)]),
        ("", []),
    ],
)
def test_sentences_end_where_the_plain_pattern_ends_them(text, expected):
    assert sentence_spans(text) == expected
    from notelint.claims import sentences

    assert [m.span() for m in sentences._END.finditer(text)] == [m.span() for m in _PLAIN_END.finditer(text)]


# -- a note's abbreviations, from their parenthesis -----------------------------------------------

_PLAIN_DEFINITION = re.compile(r" ?\(((?:Amazon |AWS )?[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)\)")


@pytest.mark.parametrize(
    "text",
    ["AWS Single Sign-On (SSO)", "(SSO) first", "x  (SSO)", "a) (AB) (Cd) ( EF)", "line\n(SSO)", "Amazon ES(Amazon ES)"],
)
def test_definitions_start_where_the_plain_pattern_starts_them(text):
    plain = [(m.start(), m.end(), m.group(1)) for m in _PLAIN_DEFINITION.finditer(text)]
    assert [(_definition_start(text, m), m.end(), m.group(1)) for m in _DEFINITION.finditer(text)] == plain


def test_an_abbreviation_a_note_defines_names_the_service_later():
    text = "* AWS Single Sign-On (SSO) signs users in.\n* SSO needs a directory.\n"
    read = statements(parse_note(decode("n.md", text.encode())), _resolver().for_note(text))
    assert [(s.line, [(x.name, x.written, x.start, x.end) for x in s.subjects if not x.inherited]) for s in read] == [
        (1, [("AWS Single Sign-On", "AWS Single Sign-On", 2, 20), ("AWS Single Sign-On", "SSO", 22, 25)]),
        (2, [("AWS Single Sign-On", "SSO", 45, 48)]),
    ]
