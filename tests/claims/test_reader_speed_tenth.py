"""The claim reader's shortcuts of the tenth speed session (issue 19) read what the plain forms read.

A block's names are found in one scan and dealt to its sentences (``_sentence_mentions``), and an entry
of the knowledge base is tried on a statement only when the statement holds a word of each of the
entry's word patterns and, where the entry needs one, an assertion (``may_match``).  These tests pin
the answers, positions included, at each shortcut's edge against the plain forms written out here."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import pytest

from notelint.aws.catalog import load_catalog
from notelint.aws.names import NameIndex
from notelint.claims.extract import NameMention, _sentence_mentions, statements
from notelint.claims.knowledge import build, load
from notelint.claims.match import match, may_match
from notelint.claims.resolver import NameResolver
from notelint.claims.sentences import sentence_spans
from notelint.claims.staleness import _active_changes
from notelint.note import parse_note
from notelint.shipped import data_yaml
from notelint.source import decode
from tests.helpers import found, note


@lru_cache(maxsize=1)
def _resolver() -> NameResolver:
    return NameResolver(NameIndex(load_catalog()), load())


def _plain(resolver, text: str) -> list[list[NameMention]]:
    """What the reader did before: each sentence read alone."""
    return [resolver.mentions(text[start:end]) for start, end in sentence_spans(text)]


# -- a block's names, found once and dealt to its sentences ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Use Amazon S3. Then AWS Glue reads it.",  # a name at a sentence's start, after a vendor
        "Store it in S3. Glue crawls S3.",  # a name right before a sentence's full stop
        "  Leading space. Amazon SageMaker trains.  ",  # white space around the block
        "Kinesis Data Streams, Firehose and Analytics ingest data. SQS queues.",  # members of a family
        "It runs 'aws s3 ls'. Next, aws s3",  # a CLI command in prose; the block ends on one
        "See Amazon Athena! Is Athena serverless? Yes. Athena.",  # every sentence mark
        'He said "use Glue." Then Glue ran.',  # a closing quote after the full stop
        "e.g. Glue. Then S3.\nAnd Lambda.",  # an abbreviation, a line break
        "No names here. None at all.",
        "Amazon\nSageMaker Studio runs notebooks. XGBoost 1.x is old.",
    ],
)
def test_each_sentence_gets_the_names_it_would_get_read_alone(text):
    resolver = _resolver()
    assert [list(m) for m in _sentence_mentions(resolver, text, sentence_spans(text))] == _plain(resolver, text)


def test_a_note_s_abbreviations_are_dealt_to_its_sentences_too():
    text = "AWS Single Sign-On (SSO) signs users in. SSO needs a directory. Then SSO works."
    resolver = _resolver().for_note(text)
    dealt = [list(m) for m in _sentence_mentions(resolver, text, sentence_spans(text))]
    assert dealt == _plain(resolver, text)
    assert [[(m.written, m.start, m.end) for m in sentence] for sentence in dealt] == [
        [("AWS Single Sign-On", 0, 18), ("SSO", 20, 23)], [("SSO", 0, 3)], [("SSO", 5, 8)]]


def test_a_block_with_no_sentence_has_no_names():
    assert _sentence_mentions(_resolver(), "   ", []) == []


def test_the_statements_of_a_block_of_several_sentences_keep_their_subjects_and_positions():
    text = "* Amazon S3 stores objects. AWS Glue crawls them. It writes Parquet.\n"
    read = statements(parse_note(decode("n.md", text.encode())), _resolver())
    assert [(s.start, s.end, [(x.name, x.written, x.start, x.end, x.inherited) for x in s.subjects]) for s in read] == [
        (2, 27, [("S3", "Amazon S3", 2, 11, False)]),
        (28, 49, [("Glue", "AWS Glue", 28, 36, False)]),
        (50, 68, [("S3", "Amazon S3", 2, 11, True)]),  # the claim's first names, inherited
    ]


# -- an entry is tried only on a statement that may make its claim ---------------------------------

_ENTRIES = data_yaml("knowledge", "changes.yaml")["entries"]
_EXAMPLES = [text for entry in _ENTRIES for text in entry.get("examples", {}).values()]


def test_an_entry_that_may_not_match_does_not_match_any_example_sentence():
    """Over every entry in force and every example sentence of the knowledge base (both the outdated
    claims and their corrections): where ``may_match`` says no, ``match`` finds nothing; and every
    entry may match its own outdated example."""
    knowledge = load()
    tables = _active_changes(knowledge, date(2026, 12, 2))
    entries = [entry for listed in tables.noticed.values() for entry in listed]
    entries += list(tables.candidates(frozenset(name.casefold() for c in knowledge.changes if c.matcher
                                                for name in c.matcher.mentions)))
    text = "".join(f"* {example}\n" for example in _EXAMPLES)
    read = statements(parse_note(decode("n.md", text.encode())), _resolver().for_note(text))
    ruled_out = 0
    for statement in read:
        lowered = statement.text.lower() if statement.text.isascii() else None
        for entry in entries:
            if not may_match(entry.matcher, statement, lowered):
                ruled_out += 1
                assert match(entry.matcher, statement) is None, (entry.change.id, statement.text)
    assert ruled_out > 1000  # the test exercises the shortcut
    for entry in _ENTRIES:
        bad = entry.get("examples", {}).get("bad")
        if bad and entry.get("claim"):
            matcher = build(changes=[entry]).changes[0].matcher
            statement = statements(parse_note(decode("n.md", f"* {bad}\n".encode())), _resolver())[0]
            lowered = statement.text.lower() if statement.text.isascii() else None
            assert matcher is not None and may_match(matcher, statement, lowered), entry["id"]


def _one_entry(**claim) -> object:
    spec = {"id": "x", "kind": "wrong-claim", "subject": "Glue", "date": "2026-11-24", "fact": "f",
            "source": "https://example.com", "confidence": "verified", "claim": claim}
    return build(changes=[spec]).changes[0].matcher


def _statement(text: str):
    return statements(parse_note(decode("n.md", f"* {text}\n".encode())), _resolver())[0]


def test_a_statement_without_a_word_of_each_pattern_may_not_match():
    matcher = _one_entry(words_all=["only", "spark*"], words_any=["job", "jobs"])
    assert matcher.literals == (("only",), ("spark",), ("job", "jobs"))
    for text, expected in (("Glue ONLY runs Sparkling jobs.", True), ("Glue only runs Spark.", False),
                           ("Glue runs Spark jobs.", False), ("Glue only-ish runs spark jobs", True)):
        statement = _statement(text)
        assert may_match(matcher, statement, statement.text.lower()) is expected, text
        if not expected:
            assert match(matcher, statement) is None


def test_text_beyond_ascii_is_left_to_the_patterns():
    """Case aside, a pattern finds "spark" in "ſpark" (a long s), which "ſpark".lower() does not hold: the
    words are not looked at in such a text."""
    matcher = _one_entry(words_all=["only", "spark"])
    statement = _statement("Glue only runs ſpark jobs.")
    assert may_match(matcher, statement, None)
    assert match(matcher, statement) is not None


def test_an_entry_that_needs_an_assertion_may_not_match_a_statement_that_asserts_nothing():
    matcher = _one_entry(assertion={"relation": "only", "attribute": "hardware", "values_any": ["cpu"]})
    assert not may_match(matcher, _statement("Glue runs jobs."), "glue runs jobs.")
    statement = _statement("Glue: only CPU")
    assert statement.assertions and may_match(matcher, statement, statement.text.lower())
    assert match(matcher, statement) is not None
    either = _one_entry(any=[{"words_all": ["spark"]}, {"words_all": ["ray"]}])
    assert may_match(either, _statement("Glue runs Ray."), "glue runs ray.")
    assert not may_match(either, _statement("Glue runs Python."), "glue runs python.")


def test_the_findings_of_conditional_entries_are_unchanged():
    body = """
        * Glue only runs Spark jobs.
        * Glue runs Spark, Spark streaming, Python shell and Ray jobs.
        """
    # the second line names Ray jobs: Glue for Ray takes no new customers (an entry of its own)
    assert found(note(body), select="NL5") == [("NL508", 5, 3, 5, 7), ("NL503", 6, 3, 6, 7)]


# -- a former name's phrase, looked for by its first word -------------------------------------------


@pytest.mark.parametrize(
    "text, holds",
    [
        ("EventBridge (used to be known as CloudWatch Events) routes events.", True),
        ("OpenSearch Service, the SUCCESSOR OF Amazon Elasticsearch Service.", True),
        ("Previously   named Kinesis Data Firehose.", True),
        ("It is used widely; the successor is unknown.", False),  # a word, not the phrase
        ("EventBridge routes events.", False),
        ("Eventbridge: ſuccessor of CloudWatch Events.", True),  # a long s: case-blind, the pattern finds it
    ],
)
def test_a_former_name_phrase_is_ruled_out_only_where_the_pattern_finds_none(text, holds):
    from notelint.claims.staleness import _FORMER_NAME, _may_name_a_former

    assert (_FORMER_NAME.search(text) is not None) is holds
    if holds:
        assert _may_name_a_former(text)
    assert _may_name_a_former("It is used widely; the successor is unknown.")  # its words: the pattern decides
    assert not _may_name_a_former("EventBridge routes events.")


def test_a_rename_glossed_with_a_former_name_phrase_is_not_reported():
    body = """
        * EventBridge (used to be known as CloudWatch Events) routes events.
        * CloudWatch Events rules run on a schedule.
        """
    assert found(note(body), select="NL501") == []


# -- an address is rewritten only when it holds a word of an exam's name -----------------------------


def test_the_key_words_of_the_exams_forms_are_the_last_longest_runs_of_letters_and_digits():
    from notelint.claims.staleness import _key_words

    assert _key_words(("AWS Certified Data Analytics - Specialty", "DAS-C01", "Data Analytics – Specialty")) == (
        "specialty", "c01")
    assert _key_words(("-",)) is None  # a form without a word: every address is read


@pytest.mark.parametrize(
    "address, reported",
    [
        ("https://d1.awsstatic.com/training/AWS-Certified-Data-Analytics-Specialty_Sample-Questions.pdf", True),
        ("https://example.com/AWS%20CERTIFIED%20DATA%20ANALYTICS%20SPECIALTY/guide", True),  # case aside
        ("https://example.com/aws-certified-data-analytics/guide", False),  # no "specialty": no form
        ("https://example.com/specialty/data-analytics", False),  # the word, not a form
    ],
)
def test_an_exam_named_in_an_address_is_found_whatever_its_case(address, reported):
    got = found(note(f"* Questions: {address}\n"), select="NL502")
    assert got == ([("NL502", 5, 14, 5, 14 + len(address))] if reported else [])


# -- the claim reader's values, written out ----------------------------------------------------------


def test_statements_compare_and_hash_without_their_offset_mapping_as_the_dataclass_did():
    from notelint.claims.extract import Statement, Subject
    from notelint.values import FrozenInstanceError

    subject = Subject("S3", "Amazon S3", 2, 11)
    mapped = Statement("Amazon S3 stores.", 2, 19, 1, (), (subject,), (), False, spans=lambda i, j: (i + 2, j + 2))
    plain = Statement("Amazon S3 stores.", 2, 19, 1, (), (subject,), (), False)
    assert mapped == plain and hash(mapped) == hash(plain) and mapped.span(7, 9) == plain.span(7, 9) == (9, 11)
    assert mapped != plain.replaced(heading=True)
    assert "spans" not in repr(mapped) and repr(subject) == (
        "Subject(name='S3', written='Amazon S3', start=2, end=11, inherited=False)")
    with pytest.raises(FrozenInstanceError):
        subject.start = 3  # type: ignore[misc]
    assert subject == Subject("S3", "Amazon S3", 2, 11, False) and hash(subject) == hash(("S3", "Amazon S3", 2, 11, False))


# -- a table's header cells, read once per table ------------------------------------------------------


def test_each_row_of_a_table_gets_the_subjects_its_header_lends():
    text = ("## Caches\n\n| Feature | Amazon ElastiCache for Redis | Memcached |\n|---|---|---|\n"
            "| Replication | yes | no |\n| Max item size | 512 MB | 1 MB |\n\n| Redis | Memcached |\n|---|---|\n"
            "| Redis | x |\n")
    read = statements(parse_note(decode("n.md", text.encode())), _resolver())
    lent = ("ElastiCache", "Amazon ElastiCache", 23, 41, True)  # the header's name, at the header
    assert [(s.text, s.start, [(x.name, x.written, x.start, x.end, x.inherited) for x in s.subjects])
            for s in read] == [
        ("Feature: Replication", 82, []),
        ("Amazon ElastiCache for Redis: yes", 96, [lent]),
        ("Memcached: no", 102, []),
        ("Feature: Max item size", 109, []),
        ("Amazon ElastiCache for Redis: 512 MB", 125, [lent]),
        ("Memcached: 1 MB", 134, []),
        ("Redis", 176, []),  # a cell that repeats its header is not labelled by it
        ("Memcached: x", 184, []),
    ]
    assert read[1].subjects[0] is read[4].subjects[0]  # one subject per header cell, shared by its rows


def test_the_names_of_each_statement_are_worked_out_once_per_tuple_of_subjects():
    from notelint.claims.staleness import _names_by_statement, _subject_names

    text = "## Amazon Kinesis\n\n* Streams keep data. They scale.\n* It shards.\n\nPlain text.\n"
    read = statements(parse_note(decode("n.md", text.encode())), _resolver())
    names = _names_by_statement(read)
    assert names == [frozenset(_subject_names(s)) for s in read]
    assert names[1] is names[2]  # the same inherited tuple, the same names


# -- a sentence that says a change happened, looked for by its words ----------------------------------


def test_every_phrase_of_a_change_holds_one_of_the_words_looked_for_first():
    from notelint.claims.extract import _ACKNOWLEDGING, _ACKNOWLEDGING_WORDS

    for phrase in _ACKNOWLEDGING:
        # the word is written out at the phrase's top level, outside its groups and character sets: every
        # match holds it ("stop(?:s|ped)?\s+onboarding" holds "onboarding"); a phrase's first character
        # set is read as each of its characters ("end[- ]of": "end-of" and "end of")
        first_set = re.search(r"\[([^\]]*)\]", phrase)
        variants = [phrase[: first_set.start()] + c + phrase[first_set.end() :] for c in first_set.group(1)] \
            if first_set else [phrase]
        for variant in variants:
            plain = re.sub(r"\[[^\]]*\]|\((?:[^()]|\([^()]*\))*\)\??|\\s\+", "|", variant)
            assert any(word in part for part in plain.split("|") for word in _ACKNOWLEDGING_WORDS), variant


@pytest.mark.parametrize(
    "text, says",
    [
        ("Amazon Forecast is no longer available to new customers.", True),
        ("CloudWatch Events, now called EventBridge, routes events.", True),
        ("DeepLens reached END OF LIFE in 2024.", True),
        ("The endpoint serves the model now.", False),  # the words, not a phrase
        ("Training runs on GPU instances.", False),
        ("Elastic Inference was ſunset.", True),  # a long s: beyond ASCII, the case-blind pattern decides
    ],
)
def test_a_sentence_says_a_change_happened_as_the_patterns_say(text, says):
    from notelint.claims.extract import _ACKNOWLEDGED, _says_it_changed

    assert _says_it_changed(text) is says is (_ACKNOWLEDGED.search(text) is not None)


# -- the entity forms, found by two patterns that skip to their first characters ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "use k-means and XGBoost, then xgboost",  # both kinds
        "pre-XGBoost, XGBoost-2, k-Means X",  # glued or cased otherwise: no form
        "(XGBoost) and\nk-NN",  # after a parenthesis, after a line break
        "Amazon Lookout for Equipment x",  # a capital form overlapping a lower-case one
        "for Equipment x then Amazon Lookout for Equipment",
        "",
    ],
)
def test_entity_forms_are_found_where_the_one_pattern_finds_them(text):
    from notelint.claims.resolver import _EntityForms

    forms = _EntityForms(["k-means", "k-NN", "XGBoost", "xgboost", "Amazon Lookout for Equipment", "for Equipment x",
                          "Means X"])
    assert forms.find(text) == [(m.start(), m.end(), m.group()) for m in forms.pattern.finditer(text)]


def test_the_shipped_entity_forms_are_found_where_the_one_pattern_finds_them():
    forms = _resolver().entity_forms
    assert forms is not None and forms.capital is not None and forms.other is not None
    text = ("Amazon SageMaker XGBoost, xgboost and k-means (K-Means) run; Linear Learner and linear learner "
            "too.\nAWS Certified Machine Learning - Specialty, MLS-C01; Amazon Elastic Transcoder or elastic transcoder.")
    found = forms.find(text)
    assert found == [(m.start(), m.end(), m.group()) for m in forms.pattern.finditer(text)] and len(found) >= 6
