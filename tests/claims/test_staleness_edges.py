"""The stale-claim pass at its edges, with knowledge bases of the test's own: the generic limit check
(NL505 from a fact's floor), services whose botocore client is gone (NL507), a retired exam named only
in a link's address (NL502), and how one note's findings keep out of each other's way.

Each case pins a branch that ``bench/mutation.py staleness`` found no test could tell apart
(issue 20): both sides of a boundary, every part of a message and of ``meta``, and the
"skip this one, go on with the next" loops (a ``continue`` that became ``break`` still passed).
"""

from __future__ import annotations

from datetime import date

from notelint.claims.knowledge import build
from notelint.config import Config
from notelint.engine import Linter
from notelint.rules import RULES
from tests.claims.test_staleness_findings import (
    EOL,
    NEWER,
    P_TYPES,
    RENAMED,
    SOURCE,
    SSML,
    _catalog,
    _check,
    _entry,
    _InstanceTypes,
    _lint,
)
from tests.helpers import REPO, note

AS_OF = date(2026, 11, 25)


def _run(body: str, select: str, reviewed: str | None = "2024-06-01", catalog=None, **knowledge) -> list:
    """Findings of the rules ``select`` on ``body`` under a knowledge base built from ``knowledge``."""
    shared = {"claims.knowledge": build(**knowledge), "aws.catalog": catalog or _catalog()}
    linter = Linter(Config(root=REPO, select=(select,)), RULES, AS_OF, shared=shared)
    front = f"---\ntitle: T\nreviewed: {reviewed}\n---\n" if reviewed else "---\ntitle: T\n---\n"
    return _lint(linter, note(body, front))


def _at(found: list) -> list[tuple[str, int, int, int]]:
    return [(f.code, f.line, f.column, f.end_column) for f in found]


# -- NL507: services whose botocore client was removed ------------------------------------------------------
def _retired_clients(*specs: dict) -> list[dict]:
    return [{"removed_in": "1.34.121", "removed_on": "2024-06-06", "abbreviation": "", **spec} for spec in specs]


ZAP = {"client": "zapstore", "full_name": "Amazon ZapStore"}
ZAPPRO = {"client": "zappro", "full_name": "Amazon ZapPro"}
# retired names that head the name of a service botocore still ships (codestar-connections,
# elasticbeanstalk, elasticloadbalancing); neither name alone is a current service
CODESTAR = {"client": "codestar", "full_name": "AWS CodeStar"}
ELASTIC = {"client": "elastic", "full_name": "Amazon Elastic"}
ELASTIC_LOAD = {"client": "elasticload", "full_name": "Amazon Elastic Load"}


def _nl507(body: str, *specs: dict, reviewed: str | None = "2024-06-01", **knowledge) -> list:
    return _run(body, "NL507", reviewed, retired=_retired_clients(*specs), **knowledge)


def test_a_retired_client_finding_in_full():
    (finding,) = _nl507("* ZapStore sells apps.\n", ZAP)
    assert _at([finding]) == [("NL507", 5, 3, 11)]
    assert finding.message == (
        "'ZapStore' has no client in botocore since 1.34.121 (removed on 2024-06-06, after this note was reviewed "
        "(2024-06-01)); AWS drops a client when it retires the service, so check that it still exists")
    assert dict(finding.meta) == {"status": "stale", "effective_date": "2024-06-06", "botocore_version": "1.34.121",
                                  "client": "zapstore"}
    # removed before the review: the note was already wrong; without a review date: only when
    (wrong,) = _nl507("* ZapStore sells apps.\n", ZAP, reviewed="2024-07-01")
    assert wrong.message.startswith("'ZapStore' has no client in botocore since 1.34.121 (removed on 2024-06-06, "
                                    "before this note was reviewed (2024-07-01));")
    assert wrong.meta["status"] == "wrong"
    (undated,) = _nl507("* ZapStore sells apps.\n", ZAP, reviewed=None)
    assert undated.message.startswith("'ZapStore' has no client in botocore since 1.34.121 (removed on 2024-06-06);")
    assert undated.meta["status"] == "outdated"


def test_a_retired_name_heading_a_current_services_name_is_not_reported():
    assert _nl507("* AWS CodeStar connections link repositories.\n", CODESTAR) == []
    assert _nl507("* CodeStar connections link repositories.\n", CODESTAR) == []
    assert _nl507("* CodeStar-Notifications send events.\n", CODESTAR) == []
    assert _at(_nl507("* AWS CodeStar sets up projects.\n", CODESTAR)) == [("NL507", 5, 3, 15)]
    assert _at(_nl507("* Projects came from AWS CodeStar\n", CODESTAR)) == [("NL507", 5, 22, 34)]  # no next word
    # with either vendor, and over more than one word of the retired name
    assert _nl507("* Amazon Elastic Beanstalk runs apps.\n", ELASTIC, ELASTIC_LOAD) == []
    assert _nl507("* Amazon Elastic Load Balancing spreads traffic.\n", ELASTIC, ELASTIC_LOAD) == []
    assert _at(_nl507("* Amazon Elastic stores apps.\n", ELASTIC, ELASTIC_LOAD)) == [("NL507", 5, 3, 17)]
    assert _at(_nl507("* Amazon Elastic Load spreads traffic.\n", ELASTIC, ELASTIC_LOAD)) == [("NL507", 5, 3, 22)]
    # a current name does not stop the next retired name in the sentence
    assert _at(_nl507("* AWS CodeStar connections and ZapStore.\n", CODESTAR, ZAP)) == [("NL507", 5, 32, 40)]


def test_a_retired_name_inside_a_word_or_a_hyphenated_name_is_not_a_mention():
    for glued in ("aZapStore", "my-ZapStore", "my_ZapStore", "9ZapStore"):
        assert _nl507(f"* {glued} sells apps.\n", ZAP) == [], glued
    assert _at(_nl507("* aZapStore, then ZapStore sells apps.\n", ZAP)) == [("NL507", 5, 19, 27)]
    assert _at(_nl507("* (ZapStore) sells apps.\n", ZAP)) == [("NL507", 5, 4, 12)]


def test_a_name_after_a_symbol_that_starts_another_name_is_found_one_character_on():
    # '+ZAPP' is rejected inside the word 'x+ZAPP'; the search goes on one character later and finds 'ZAPP'
    plus = {"client": "plus", "full_name": "+ZAPP"}
    zapp = {"client": "zapp", "full_name": "ZAPP"}
    assert [f.meta["client"] for f in _nl507("* x+ZAPP sells apps.\n", plus, zapp)] == ["zapp"]


def test_one_finding_per_retired_client_and_note():
    body = "* ZapStore sells apps. ZapStore is a store.\n* ZapStore again, and ZapPro.\n\n## Shops\n\n* ZapStore.\n"
    assert _at(_nl507(body, ZAP, ZAPPRO)) == [("NL507", 5, 3, 11), ("NL507", 6, 23, 29)]


def test_a_sentence_that_records_the_retirement_is_skipped_and_the_next_is_read():
    body = "* ZapStore was retired in 2024.\n* ZapPro sells apps.\n"
    assert _at(_nl507(body, ZAP, ZAPPRO)) == [("NL507", 6, 3, 9)]


def test_a_retired_name_in_a_link_title_is_skipped_and_the_next_is_read():
    title = "* See [How to sell apps with ZapStore today](https://example.com/a) in the old days.\n"
    assert _nl507(title, ZAP) == []
    assert _at(_nl507(title.replace(" in the old", " ZapPro in the old"), ZAP, ZAPPRO)) == [("NL507", 5, 69, 75)]


def test_a_name_the_knowledge_base_reported_is_skipped_and_the_next_is_read():
    # an entry of the knowledge base about ZapStore speaks for it; ZapPro, beside it, is still reported
    gone = _entry(id="zap-gone", kind="end-of-life", subject="ZapStore", claim={"mentions": ["ZapStore"]},
                  fact="ZapStore closed.")
    entities = [{"name": "ZapStore"}]
    found = _run("* ZapStore and ZapPro sell apps.\n", "NL5", changes=[gone], entities=entities,
                 retired=_retired_clients(ZAP, ZAPPRO))
    assert _at(found) == [("NL502", 5, 3, 11), ("NL507", 5, 16, 22)]
    # a finding elsewhere in the note keeps nothing out
    found = _run("* ZapStore closed.\n* ZapPro sells apps.\n", "NL5", changes=[gone], entities=entities,
                 retired=_retired_clients(ZAPPRO))
    assert _at(found) == [("NL502", 5, 3, 11), ("NL507", 6, 3, 9)]


def test_a_finding_that_ends_where_a_retired_name_starts_does_not_hide_it():
    # (the exam link's finding spans the whole link, up to its ')')
    exam, entities = _exam()
    url = "https://example.com/aws-certified-zap-builder-specialty/q.pdf"
    # (a link text that ends or starts with a mark, so that the name is a word of its own in the sentence)
    found = _run(f"* [Questions!]({url})ZapStore sells.\n", "NL5", changes=[exam], entities=entities,
                 retired=_retired_clients(ZAP))
    assert _at(found) == [("NL502", 5, 3, 78), ("NL507", 5, 78, 86)]
    found = _run(f"* ZapStore[!Questions]({url}) sells.\n", "NL5", changes=[exam], entities=entities,
                 retired=_retired_clients(ZAP))
    assert _at(found) == [("NL507", 5, 3, 11), ("NL502", 5, 11, 86)]


# -- NL505 from a fact's floor: a stated maximum below every current variant's -------------------------------
REPLICAS = {"id": "rds-replicas", "subject": "RDS", "attribute": "read-replicas", "max": {"value": 100, "unit": "count"},
            "floor": {"value": 100, "unit": "count"}, "unless": ["Oracle"], "fact": "RDS has 100 replicas.",
            "source": SOURCE, "checked": "2025-03-01", "confidence": "likely", "botocore": "rds-replicas-limit"}
MEMORY = {"id": "lambda-memory", "subject": "Lambda", "attribute": "memory", "max": {"value": 10, "unit": "GB"},
          "floor": {"value": 10, "unit": "GB"}, "fact": "Lambda takes 10 GB.", "source": SOURCE, "checked": "2025-03-01",
          "confidence": "verified"}
LIMITS = {"botocore_version": "9.9.9", "limits": [
    {"id": "rds-replicas-limit", "subject": "RDS", "attribute": "read-replicas", "service": "rds", "unit": "count",
     "docs": "https://example.com/docs", "max": 100, "operation": "CreateDBInstanceReadReplica", "member": "Replicas"}]}


def _nl505(body: str, *facts: dict, changes: tuple[dict, ...] = (), reviewed: str = "2024-06-01") -> list:
    return _run(body, "NL505", reviewed, facts=list(facts or (REPLICAS,)), limits=LIMITS, changes=list(changes))


def test_a_maximum_below_the_floor_in_full():
    (finding,) = _nl505("* RDS allows up to 98 read replicas.\n")
    assert _at([finding]) == [("NL505", 5, 14, 36)]
    assert finding.message == (
        "this limit of 'RDS' is out of date (no change date published; checked 2025-03-01): this says at most 98, "
        "but the maximum is now at least 100. RDS has 100 replicas. botocore 9.9.9 (rds CreateDBInstanceReadReplica "
        "Replicas) allows up to 100. Source: https://example.com/kb")
    assert dict(finding.meta) == {
        "kind": "limit-changed", "status": "outdated", "effective_date": "2025-03-01", "date_known": False,
        "current_fact": "RDS has 100 replicas.", "source": SOURCE, "botocore_version": "9.9.9",
        "confidence": "likely", "knowledge_id": "rds-replicas"}
    # the review date does not date it: the fact has no change date, only the day it was checked
    (reviewed_later,) = _nl505("* RDS allows up to 98 read replicas.\n", reviewed="2025-06-01")
    assert reviewed_later.message == finding.message and reviewed_later.meta["status"] == "outdated"


def test_a_fact_that_rests_on_no_botocore_limit_says_nothing_of_botocore():
    (finding,) = _nl505("* Lambda memory up to 1 GB.\n", MEMORY)
    assert _at([finding]) == [("NL505", 5, 17, 27)]
    assert finding.message == (
        "this limit of 'Lambda' is out of date (no change date published; checked 2025-03-01): this says at most "
        "1 GB, but the maximum is now at least 10 GB. Lambda takes 10 GB. Source: https://example.com/kb")
    assert finding.meta["botocore_version"] is None and finding.meta["confidence"] == "verified"


def test_a_maximum_within_one_percent_of_the_floor_is_not_reported():
    assert _nl505("* RDS allows up to 99 read replicas.\n") == []  # 100 x 0.99: rounding, not an old limit
    assert _at(_nl505("* RDS allows up to 98 read replicas.\n")) == [("NL505", 5, 14, 36)]
    assert _nl505("* RDS allows up to 100 read replicas.\n") == []


def test_only_an_explicit_maximum_in_the_facts_unit_is_compared():
    # a maximum the sentence does not tie to a setting ("small events (2MB max)") is not compared
    size = {**MEMORY, "id": "lambda-size", "attribute": "size"}
    assert _nl505("* Lambda events (2MB max) only.\n", size) == []
    # a minimum (the lowest a setting takes) is no maximum
    assert _nl505("* Lambda: the minimum memory is 128 MB.\n", MEMORY) == []
    # the fact's unit differs from the claim's: not comparable
    assert _nl505("* Lambda memory up to 1 GB.\n", {**MEMORY, "max": {"value": 100000, "unit": "count"},
                                                      "floor": {"value": 100000, "unit": "count"}}) == []


def test_every_sentence_and_every_bound_of_a_sentence_is_checked():
    body = "* RDS allows up to 98 read replicas.\n* RDS has up to 5 read replicas.\n"
    assert _at(_nl505(body)) == [("NL505", 5, 14, 36), ("NL505", 6, 11, 32)]
    # a first bound about something else does not end the sentence's check
    assert _at(_nl505("* Lambda timeout up to 5 minutes, memory up to 1 GB.\n", MEMORY)) == [("NL505", 5, 42, 52)]


def test_a_variant_or_a_default_is_skipped_and_the_next_bound_is_read():
    both = ("* RDS for Oracle: up to 5 read replicas, and Lambda memory up to 1 GB.\n", REPLICAS, MEMORY)
    assert _at(_nl505(*both)) == [("NL505", 5, 60, 70)]
    default = "* Lambda: the default maximum memory is 1 GB, and memory up to 2 GB on request.\n"
    assert _at(_nl505(default, MEMORY)) == [("NL505", 5, 58, 68)]


def test_a_sentence_a_dated_entry_reported_is_left_to_it_and_the_next_sentence_is_read():
    dated = _entry(id="rds-replicas-raised", kind="limit-changed", subject="RDS",
                   claim={"mentions": ["RDS"], "words_any": ["replicas"]}, fact="RDS raised it.")
    body = "* RDS allows up to 5 read replicas.\n* RDS has up to 6 read replicas.\n"
    found = _nl505(body, changes=(dated,))
    assert [(f.line, f.meta["knowledge_id"]) for f in found] == [(5, "rds-replicas-raised"), (6, "rds-replicas-raised")]
    found = _nl505("* RDS allows up to 5 read replicas.\n* Lambda memory up to 1 GB.\n", REPLICAS, MEMORY,
                   changes=(dated,))
    assert [(f.line, f.meta["knowledge_id"]) for f in found] == [(5, "rds-replicas-raised"), (6, "lambda-memory")]


# -- a retired exam named only in a link's address (NL502) ----------------------------------------------------
def _exam(**spec) -> tuple[dict, list[dict]]:
    exam = _entry(**{"id": "zap-exam", "kind": "end-of-life", "subject": "AWS Certified Zap Builder - Specialty",
                     "claim": {}, "date": "2024-04-01", "fact": "The Zap Builder exam is retired.", **spec})
    return exam, [{"name": "AWS Certified Zap Builder - Specialty", "forms": ["Zap Builder Specialty"]}]


EXAM_URL = "https://example.com/aws-certified-zap-builder-specialty/q.pdf"


def _nl502(body: str, reviewed: str = "2024-06-01", **spec) -> list:
    exam, entities = _exam(**spec)
    return _run(body, "NL502", reviewed, changes=[exam], entities=entities)


def test_an_exam_link_finding_in_full():
    (finding,) = _nl502(f"* ZB questions {EXAM_URL}\n", replacement="AWS Certified Zap Pro")
    assert _at([finding]) == [("NL502", 5, 16, 77)]
    assert finding.message == (
        "'AWS Certified Zap Builder - Specialty' reached end of life on 2024-04-01, before this note was reviewed "
        "(2024-06-01): The Zap Builder exam is retired. Instead: AWS Certified Zap Pro. Source: https://example.com/kb")
    assert finding.meta["status"] == "wrong" and finding.meta["knowledge_id"] == "zap-exam"
    (stale,) = _nl502(f"* ZB questions {EXAM_URL}\n", reviewed="2024-01-01")
    assert "after this note was reviewed (2024-01-01)" in stale.message and stale.meta["status"] == "stale"


def test_an_exam_retired_on_the_as_of_date_is_reported_one_retired_after_it_is_not_yet():
    assert _at(_nl502(f"* ZB questions {EXAM_URL}\n", date="2026-11-25")) == [("NL502", 5, 16, 77)]
    assert _nl502(f"* ZB questions {EXAM_URL}\n", date="2026-11-26") == []
    # an entry without a published date is reported whatever its date
    assert _at(_nl502(f"* ZB questions {EXAM_URL}\n", date="2026-11-26", date_known=False)) == [
        ("NL502", 5, 16, 77)]
    assert _nl502(f"* ZB questions {EXAM_URL}\n", superseded_by="zap-exam-2") == []


def test_every_link_is_read_a_reference_link_by_its_address():
    assert _at(_nl502(f"* See https://example.com/a and {EXAM_URL}\n")) == [("NL502", 5, 33, 94)]
    assert _at(_nl502(f"* See [the questions][q].\n\n[q]: {EXAM_URL}\n")) == [("NL502", 5, 7, 25)]
    assert _at(_nl502(f"* See <{EXAM_URL}>.\n")) == [("NL502", 5, 7, 70)]


def test_an_exam_the_sentence_names_or_the_note_calls_retired_is_not_told_again_at_its_link():
    named = f"* The AWS Certified Zap Builder - Specialty exam covers Zap.\n* Questions: {EXAM_URL}\n"
    assert _at(_nl502(named)) == [("NL502", 5, 7, 44)]
    assert _at(_nl502(f"* The AWS Certified Zap Builder - Specialty exam: {EXAM_URL}\n")) == [("NL502", 5, 7, 44)]
    notice = f"* The AWS Certified Zap Builder - Specialty exam was retired.\n* Questions: {EXAM_URL}\n"
    assert _nl502(notice) == []
    other = f"* The AWS Certified Zap Pro exam was retired.\n* Questions: {EXAM_URL}\n"
    assert _at(_nl502(other)) == [("NL502", 6, 14, 75)]
    acknowledged = f"* Questions for the retired exam: {EXAM_URL}\n"
    assert _nl502(acknowledged) == []
    # a sentence that names another subject is still a sentence about the link
    assert _at(_nl502(f"* Amazon Polly questions: {EXAM_URL}\n")) == [("NL502", 5, 27, 88)]


def test_a_link_naming_two_retired_exams_reports_the_one_not_reported_yet():
    exam, entities = _exam()
    pro = _entry(id="zap-pro-exam", kind="end-of-life", subject="AWS Certified Zap Pro - Specialty", claim={},
                 date="2024-04-01", fact="The Zap Pro exam is retired.")
    entities.append({"name": "AWS Certified Zap Pro - Specialty", "forms": ["Zap Pro Specialty"]})
    url = "https://example.com/aws-certified-zap-builder-specialty-or-aws-certified-zap-pro-specialty/q.pdf"
    body = f"* The AWS Certified Zap Builder - Specialty exam covers Zap.\n* Questions: {url}\n"
    found = _run(body, "NL502", changes=[exam, pro], entities=entities)
    assert [(f.line, f.meta["knowledge_id"]) for f in found] == [(5, "zap-exam"), (6, "zap-pro-exam")]


def test_an_exam_link_in_the_first_statement_of_a_note_without_front_matter():
    exam, entities = _exam()
    shared = {"claims.knowledge": build(changes=[exam], entities=entities), "aws.catalog": _catalog()}
    linter = Linter(Config(root=REPO, select=("NL502",)), RULES, AS_OF, shared=shared)
    assert _at(_lint(linter, f"* Questions: {EXAM_URL}\n")) == [("NL502", 1, 14, 75)]


def test_an_exam_link_is_reported_once_per_note_and_not_in_a_heading():
    body = f"* Questions: {EXAM_URL}\n* More questions: {EXAM_URL}\n"
    assert _at(_nl502(body)) == [("NL502", 5, 14, 75)]
    assert _nl502(f"## Questions {EXAM_URL}\n") == []
    assert _nl502(f"* Intro.\n\n## Questions {EXAM_URL}\n") == []  # nor in the sentence before the heading
    assert _at(_nl502(f"## Questions {EXAM_URL}\n\n* More: {EXAM_URL}\n")) == [("NL502", 7, 9, 70)]


# -- which findings of the knowledge base a note gets ---------------------------------------------------------
def test_a_subject_a_heading_lends_is_reported_on_every_line_that_makes_the_claim():
    body = "## Amazon Polly\n\n* It cannot read SSML.\n* It still cannot read SSML.\n"
    assert [(f.line, f.column, f.end_column) for f in _check([SSML], body)] == [(7, 3, 23), (8, 3, 29)]


def test_a_sentence_recording_an_end_of_life_covers_the_note_only_for_a_whole_service():
    v1 = _entry(id="polly-v1", kind="end-of-life", claim={"mentions": ["Polly"], "words_any": ["v1"]},
                fact="Polly v1 is gone.")
    assert [f.line for f in _check([v1], "* Polly v1 was retired in 2025.\n* Polly v1 reads text.\n")] == [6]
    assert _check([EOL], "* Polly was retired in 2025.\n* Polly reads text.\n") == []


def test_a_sentence_recording_the_end_of_a_feature_leaves_its_other_claims_to_be_read():
    v1 = _entry(id="polly-v1", kind="end-of-life", claim={"mentions": ["Polly"], "words_any": ["v1"]},
                fact="Polly v1 is gone.")
    found = _check([v1, SSML], "* Polly v1 was retired, and Polly cannot read SSML.\n")
    assert [(f.column, f.meta["knowledge_id"]) for f in found] == [(3, "polly-ssml")]


def test_a_later_sentence_glossing_a_rename_covers_the_note():
    assert _check([RENAMED], "* Polly reads text.\n* Polly, now Amazon Voice, speaks.\n") == []
    assert [f.line for f in _check([RENAMED], "* Polly reads text.\n* Polly speaks.\n")] == [5]


def test_an_entry_skipped_for_a_statement_leaves_the_other_entries_to_it():
    # the rename is glossed in the sentence; the end of life is still reported
    assert [f.meta["knowledge_id"] for f in _check([RENAMED, EOL], "* Polly, now Amazon Voice, reads text.\n")] == [
        "polly-gone"]
    # the rename was reported once for the note; the end of life still is on the next line
    found = _check([RENAMED, EOL], "* Polly reads text.\n* Polly has voices.\n")
    # (on its first line, the rename claimed the subject)
    assert [(f.line, f.meta["knowledge_id"]) for f in found] == [(5, "polly-renamed"), (6, "polly-gone")]


def test_an_entry_reported_on_a_line_leaves_the_other_entries_to_its_next_sentence():
    # the more specific entry (SSML) is reported on the line by the first sentence; the second sentence
    # makes both claims and gets the other entry
    found = _check([EOL, SSML], "* Polly cannot read SSML. Polly reads SSML text.\n")
    assert [(f.column, f.meta["knowledge_id"]) for f in found] == [(3, "polly-ssml"), (27, "polly-gone")]


def test_an_entry_that_does_not_apply_to_a_mention_leaves_the_other_entries_to_it():
    # "Polly Studio" is a longer product name that kept its name: no rename, but the end of life holds
    assert [f.meta["knowledge_id"] for f in _check([RENAMED, EOL], "* Polly Studio reads text.\n")] == ["polly-gone"]
    # Polly is named in an article's title: the entry about Lex still speaks for the sentence
    lex = _entry(id="lex-gone", kind="end-of-life", subject="Lex", claim={"mentions": ["Lex"]}, fact="Lex is gone.")
    body = "* See [How to make Polly read your text aloud](https://example.com/a) with Lex.\n"
    assert [(f.column, f.meta["knowledge_id"]) for f in _check([EOL, lex], body)] == [(76, "lex-gone")]


def test_a_rename_without_a_new_name_or_one_that_is_only_a_gloss():
    (finding,) = _check([{**RENAMED, "replacement": None}], "* Polly reads text.\n")
    assert finding.message.startswith("'Polly' was renamed on 2025-01-01, after this note was reviewed (2024-06-01):")
    # a replacement with no name in it (only a parenthetical) glosses nothing
    assert [f.column for f in _check([{**RENAMED, "replacement": "(no new name)"}], "* Polly reads text.\n")] == [3]


def test_a_mention_right_after_a_link_is_not_in_its_title():
    body = "* See [one two three four five!](https://example.com/a)Polly reads.\n"
    assert [(f.column, f.end_column) for f in _check([EOL], body)] == [(56, 61)]
    assert _check([EOL], "* See [one two three four Polly!](https://example.com/a) reads.\n") == []


# -- NL506 beside the other checks ---------------------------------------------------------------------------
def _nl5_latest(body: str, entries: tuple[dict, ...] = (), retired: tuple[dict, ...] = (),
                reviewed: str = "2024-06-01") -> list:
    return _run(body, "NL5", reviewed, catalog=_InstanceTypes(P_TYPES), changes=list(entries),
                retired=_retired_clients(*retired))


def test_a_family_the_knowledge_base_reported_is_skipped_and_the_next_family_is_read():
    p4 = _entry(id="p4-old", kind="end-of-life", subject="P4", claim={"mentions": ["P4"]}, fact="P4 is old.")
    found = _run("* EC2 P4 instances and P3 instances are the latest generation of GPU instances\n", "NL5",
                 catalog=_InstanceTypes(P_TYPES), changes=[p4], entities=[{"name": "P4"}])
    assert [(f.code, f.column, f.end_column) for f in found] == [("NL502", 7, 9), ("NL506", 24, 26)]


def test_a_latest_generation_finding_beside_a_retired_client():
    body = "* EC2 P4 instances are the latest generation of GPU instances\n* ZapStore sells apps.\n"
    assert [(f.code, f.line, f.column) for f in _nl5_latest(body, retired=(ZAP,))] == [
        ("NL506", 5, 7), ("NL507", 6, 3)]


def test_a_dating_entry_gives_its_replacement_and_its_kind_decides_the_status():
    (finding,) = _nl5_latest("* EC2 P4 instances are the latest generation of GPU instances\n",
                             entries=({**NEWER, "replacement": "P5 instances"},), reviewed="2023-01-01")
    assert finding.meta["replacement"] == "P5 instances" and finding.meta["status"] == "stale"
    # an entry that says the claim was always wrong makes it wrong whatever the review date
    (finding,) = _nl5_latest("* EC2 P4 instances are the latest generation of GPU instances\n",
                             entries=({**NEWER, "kind": "wrong-claim"},), reviewed="2023-01-01")
    assert finding.meta["status"] == "wrong"


# -- what the pass keeps between notes (issue 19, seventh session) ------------------------------------------
def test_the_entries_in_force_are_read_from_the_runs_own_knowledge_base():
    # shared data carried over from a run with another knowledge base (the server, workers) is not reused
    polly = build(changes=[_entry(id="polly-gone", kind="end-of-life", fact="Polly is gone.")])
    other = build(changes=[_entry(id="zap-gone", kind="end-of-life", subject="ZapStore",
                                  claim={"mentions": ["ZapStore"]}, fact="ZapStore closed.")],
                  entities=[{"name": "ZapStore"}])
    body = "* Polly reads text aloud.\n* ZapStore sells apps.\n"
    first = Linter(Config(root=REPO, select=("NL502",)), RULES, AS_OF, shared={"claims.knowledge": polly,
                                                                             "aws.catalog": _catalog()})
    assert _at(_lint(first, note(body, "---\ntitle: T\nreviewed: 2024-06-01\n---\n"))) == [("NL502", 5, 3, 8)]
    kept = {key: value for key, value in first.context.shared_data.items() if key.startswith("claims.active-changes")}
    assert kept  # the first run kept its entries in force
    carried = {**kept, "claims.knowledge": other, "aws.catalog": _catalog()}
    second = Linter(Config(root=REPO, select=("NL502",)), RULES, AS_OF, shared=carried)
    assert _at(_lint(second, note(body, "---\ntitle: T\nreviewed: 2024-06-01\n---\n"))) == [("NL502", 6, 3, 11)]


def test_a_notice_counts_only_in_a_statement_that_names_the_entry():
    gone = _entry(id="polly-gone", kind="end-of-life", fact="Polly is gone.")
    # the notice ("retired") names Polly: no finding at its later mention
    assert _run("* Polly was retired.\n* Polly reads text aloud.\n", "NL502", changes=[gone]) == []
    # a notice about another subject does not acknowledge Polly's entry
    assert _at(_run("* ZapStore was retired.\n* Polly reads text aloud.\n", "NL502", changes=[gone])) == [
        ("NL502", 6, 3, 8)]


def test_an_exam_is_looked_for_only_in_addresses_that_hold_one_of_its_forms():
    # the lower-case address holds the exam's form once title-cased ("Zap Builder Specialty")
    assert _at(_nl502("* ZB questions https://example.com/zap-builder-specialty.pdf\n")) == [("NL502", 5, 16, 61)]
    assert _nl502("* ZB questions https://example.com/zap-builder-pro.pdf\n") == []
