"""Every part of a stale-claim finding, exactly, from a knowledge base of the test's own
(so that the shipped entries can change without this test): the headline per kind and
dating, the fact, "Instead:", the confidence note, the source, the span, the severity,
the suggestion, the fix and the evidence in ``meta``.

Found unpinned by ``bench/mutation.py staleness`` (issue 20).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from notelint.aws.catalog import Catalog, load_catalog
from notelint.claims.knowledge import build
from notelint.claims.staleness import Dating, dating
from notelint.config import Config
from notelint.diagnostic import Severity
from notelint.engine import Linter, RunResult
from notelint.note import parse_note
from notelint.source import decode
from notelint.rules import RULES
from tests.helpers import REPO, note

AS_OF = date(2026, 11, 25)
SOURCE = "https://example.com/kb"


def _entry(**spec) -> dict:
    return {"subject": "Polly", "date": "2025-01-01", "claim": {"mentions": ["Polly"]}, "fact": "A fact.",
            "source": SOURCE, "confidence": "verified", **spec}


@lru_cache(maxsize=1)
def _catalog() -> Catalog:
    """One catalog for every linter here (each would load its own: seconds apiece)."""
    return load_catalog()


def _shared(knowledge) -> dict:
    return {"claims.knowledge": knowledge, "aws.catalog": _catalog()}


def _lint(linter: Linter, text: str) -> list:
    """The linter's findings on ``text``; a crash in a rule (which the engine reports as a file
    error, and Linter.check_text drops) fails the test, so that a negative case cannot pass by crashing."""
    result = RunResult()
    found = linter.check_notes([parse_note(decode("n.md", text.encode("utf-8")))], result=result)
    assert result.errors == []
    return found


def _check(entries: list[dict], body: str, reviewed: str = "2024-06-01", select: str = "NL5"):
    knowledge = build(changes=entries)
    linter = Linter(Config(root=REPO, select=(select,)), RULES, AS_OF, shared=_shared(knowledge))
    return _lint(linter, note(body, f"---\ntitle: T\nreviewed: {reviewed}\n---\n"))


RENAMED = _entry(id="polly-renamed", kind="renamed", fact="Polly is Amazon Voice now.", replacement="Amazon Voice",
                 fix=True)


def test_a_rename_after_review_in_full():
    (finding,) = _check([RENAMED], "* Amazon Polly turns text into speech.\n")
    assert (finding.code, finding.line, finding.column, finding.end_column, finding.severity) == (
        "NL501", 5, 3, 15, Severity.WARNING)
    assert finding.message == ("'Amazon Polly' was renamed Amazon Voice on 2025-01-01, after this note was reviewed "
                               "(2024-06-01): Polly is Amazon Voice now. Source: https://example.com/kb")
    assert finding.suggestions == ("Amazon Voice",)
    assert finding.fix is not None and finding.fix.description == "write Amazon Voice" and finding.fix.safe
    assert [(e.line, e.column, e.end_column, e.text) for e in finding.fix.edits] == [(5, 3, 15, "Amazon Voice")]
    assert dict(finding.meta) == {
        "kind": "renamed", "status": "stale", "effective_date": "2025-01-01", "date_known": True,
        "current_fact": "Polly is Amazon Voice now.", "replacement": "Amazon Voice", "source": SOURCE,
        "confidence": "verified", "knowledge_id": "polly-renamed",
    }


def test_a_rename_without_fix_has_the_suggestion_only():
    (finding,) = _check([{**RENAMED, "fix": False}], "* Amazon Polly turns text into speech.\n")
    assert finding.suggestions == ("Amazon Voice",) and finding.fix is None


def test_a_mention_of_the_new_name_is_no_old_name_with_or_without_vendor_or_gloss():
    # (a current service, so that the claim reader takes the new name for a subject)
    for replacement in ("Amazon Lex", "AWS Lex", "Lex (the bot service)"):
        entry = {**RENAMED, "claim": {"mentions": ["Polly", "Lex"]}, "replacement": replacement}
        assert _check([entry], "* Lex builds bots.\n") == [], replacement
        assert _check([entry], "* Amazon Lex builds bots.\n") == [], replacement
        assert [f.column for f in _check([entry], "* Polly builds bots.\n")] == [3], replacement


def test_a_rename_is_reported_once_per_note():
    found = _check([RENAMED], "* Amazon Polly turns text into speech.\n* Polly has voices.\n")
    assert [(f.line, f.column) for f in found] == [(5, 3)]


def test_a_capability_claim_wrong_at_review_with_its_replacement_and_confidence():
    entry = _entry(id="polly-ssml", kind="capability-added", claim={"mentions": ["Polly"], "words_any": ["ssml"]},
                   fact="Polly reads SSML.", replacement="SSML tags", confidence="likely", fix=True)
    (finding,) = _check([entry], "* Polly cannot read SSML.\n", reviewed="2025-06-01")
    assert (finding.code, finding.column, finding.end_column, finding.severity) == ("NL504", 3, 8, Severity.ERROR)
    assert finding.message == (
        "this claim about 'Polly' went out of date on 2025-01-01, before this note was reviewed (2025-06-01): "
        "Polly reads SSML. Instead: SSML tags. (Not fully confirmed by the knowledge base's sources.) "
        "Source: https://example.com/kb")
    assert finding.suggestions == ()  # only a rename suggests a name
    assert [e.text for e in finding.fix.edits] == ["SSML tags"]
    assert finding.meta["status"] == "wrong" and finding.meta["confidence"] == "likely"


def test_a_feature_that_reached_end_of_life_and_an_undated_change():
    entry = _entry(id="polly-v1", kind="end-of-life", claim={"mentions": ["Polly"], "words_any": ["v1"]},
                   fact="Polly v1 is gone.", date_known=False)
    (finding,) = _check([entry], "* Polly v1 reads text.\n")
    assert finding.code == "NL502"
    assert finding.message == ("what this claim says about 'Polly' reached end of life (no change date published; "
                               "checked 2025-01-01): Polly v1 is gone. Source: https://example.com/kb")
    assert finding.meta["status"] == "outdated" and finding.meta["date_known"] is False
    assert finding.fix is None


def test_an_unconfirmed_entry_keeps_its_severity_and_says_it_is_unconfirmed():
    # most unverified entries doubt only the day of a documented change: the finding stands, the message tells
    entry = _entry(id="polly-gone", kind="end-of-life", fact="Polly is gone.", severity="error", confidence="likely")
    (finding,) = _check([entry], "* Polly reads text.\n")
    assert (finding.code, finding.line, finding.column, finding.severity) == ("NL502", 5, 3, Severity.ERROR)
    assert "(Not fully confirmed by the knowledge base's sources.)" in finding.message
    (confirmed,) = _check([{**entry, "confidence": "verified"}], "* Polly reads text.\n")
    assert (confirmed.code, confirmed.line, confirmed.column, confirmed.severity) == ("NL502", 5, 3, Severity.ERROR)
    assert "(Not fully confirmed" not in confirmed.message


def test_an_entry_that_words_what_happened_says_it_in_the_headline():
    # "deprecated from v2 on" is less than "reached end of life": the entry says what AWS says
    feature = _entry(id="polly-v1", kind="end-of-life", claim={"mentions": ["Polly"], "words_any": ["v1"]},
                     fact="Polly v1 is deprecated for new voices.", event="was deprecated for new voices",
                     severity="warning")
    (finding,) = _check([feature], "* Polly v1 reads text.\n")
    assert (finding.code, finding.line, finding.column, finding.end_column, finding.severity) == (
        "NL502", 5, 3, 8, Severity.WARNING)
    assert finding.message == ("what this claim says about 'Polly' was deprecated for new voices on 2025-01-01, after "
                               "this note was reviewed (2024-06-01): Polly v1 is deprecated for new voices. "
                               "Source: https://example.com/kb")
    whole = _entry(id="polly-eos", kind="end-of-life", fact="Polly gets no updates.", event="reached end of support")
    (finding,) = _check([whole], "* Polly reads text.\n")
    assert finding.message.startswith("'Polly' reached end of support on 2025-01-01, after this note was reviewed")
    assert finding.severity == Severity.ERROR  # the entry's words, not its severity: NL502's own


def test_a_whole_service_end_of_life_is_not_a_feature_headline():
    entry = _entry(id="polly-gone", kind="end-of-life", fact="Polly is gone.")
    (finding,) = _check([entry], "* Polly reads text.\n", reviewed="2025-02-01")
    assert finding.message == ("'Polly' reached end of life on 2025-01-01, before this note was reviewed "
                               "(2025-02-01): Polly is gone. Source: https://example.com/kb")
    assert finding.severity == Severity.ERROR  # NL502's own severity


def test_an_entry_severity_wins_and_a_note_without_review_date_is_outdated():
    entry = _entry(id="polly-gone", kind="end-of-life", fact="Polly is gone.", severity="info")
    knowledge = build(changes=[entry])
    linter = Linter(Config(root=REPO, select=("NL5",)), RULES, AS_OF, shared=_shared(knowledge))
    (finding,) = _lint(linter, note("* Polly reads text.\n", "---\ntitle: T\n---\n"))
    assert finding.severity == Severity.INFO
    assert finding.message.startswith("'Polly' reached end of life on 2025-01-01: Polly is gone.")
    assert finding.meta["status"] == "outdated"


def test_a_subject_from_the_heading_names_the_entry_and_spans_the_sentence():
    entry = _entry(id="polly-ssml", kind="capability-added", claim={"mentions": ["Polly"], "words_any": ["ssml"]},
                   fact="Polly reads SSML.", replacement="SSML tags", fix=True)
    (finding,) = _check([entry], "## Amazon Polly\n\n* It cannot read SSML.\n")
    assert (finding.line, finding.column, finding.end_column) == (7, 3, 23)
    assert finding.message.startswith("this claim about 'Polly' went out of date on 2025-01-01, after")
    assert finding.fix is None  # nothing in the sentence to replace


def test_a_change_after_the_as_of_date_and_a_superseded_entry_are_not_reported():
    later = _entry(id="polly-later", kind="end-of-life", date="2027-01-01")
    superseded = _entry(id="polly-old", kind="end-of-life", superseded_by="polly-later")
    assert _check([later], "* Polly reads text.\n") == []
    assert _check([superseded], "* Polly reads text.\n") == []


def test_the_new_name_itself_is_not_reported_as_renamed():
    # the entry's mentions include the new name; a mention of it, with or without vendor or gloss, is no old name
    for replacement in ("Amazon Voice", "AWS Voice (the new name)"):
        entry = {**RENAMED, "claim": {"mentions": ["Polly", "Voice"]}, "replacement": replacement}
        assert _check([entry], "* Voice reads text.\n") == [], replacement
        assert [f.column for f in _check([entry], "* Polly reads text.\n")] == [3], replacement


def test_a_limit_that_was_already_wrong_at_review_is_an_error():
    entry = _entry(id="polly-limit", kind="limit-changed", claim={"mentions": ["Polly"], "words_any": ["3,000"]},
                   fact="Polly reads 6,000 characters.")
    (finding,) = _check([entry], "* Polly reads up to 3,000 characters.\n", reviewed="2025-06-01")
    assert (finding.code, finding.severity, finding.meta["status"]) == ("NL505", Severity.ERROR, "wrong")
    assert finding.message.startswith("this limit of 'Polly' changed on 2025-01-01, before this note was reviewed")
    (stale,) = _check([entry], "* Polly reads up to 3,000 characters.\n", reviewed="2024-06-01")
    assert (stale.severity, stale.meta["status"]) == (Severity.WARNING, "stale")


# -- services whose botocore client was removed (NL507), from retired entries of the test's own ------------
def _retired(*specs: dict, body: str) -> list[tuple[int, int, int, str]]:
    knowledge = build(retired=[{"removed_in": "1.34.121", "removed_on": "2024-06-06", **s} for s in specs])
    linter = Linter(Config(root=REPO, select=("NL507",)), RULES, AS_OF, shared=_shared(knowledge))
    found = _lint(linter, note(body, "---\ntitle: T\nreviewed: 2024-01-01\n---\n"))
    return [(d.line, d.column, d.end_column, d.meta["client"]) for d in found]


ZAP = {"client": "zapstore", "full_name": "Amazon ZapStore", "abbreviation": "Zap Shop"}


def test_a_distinctive_retired_name_counts_alone_a_plain_one_after_its_vendor():
    assert _retired(ZAP, body="* ZapStore sells apps.\n") == [(5, 3, 11, "zapstore")]
    assert _retired(ZAP, body="* The Zap Shop sells apps.\n") == []
    assert _retired(ZAP, body="* Amazon Zap Shop sells apps.\n") == [(5, 3, 18, "zapstore")]
    assert _retired(ZAP, body="* AWS Zap Shop sells apps.\n") == [(5, 3, 15, "zapstore")]
    # capitals in a row, or a digit, make a name distinctive too
    assert _retired({"client": "zz", "full_name": "ZAPS", "abbreviation": ""}, body="* ZAPS sells.\n") == [
        (5, 3, 7, "zz")]
    assert _retired({"client": "zz", "full_name": "Zap 2", "abbreviation": ""}, body="* Zap 2 sells.\n") == [
        (5, 3, 8, "zz")]
    # only plain names: after the vendor, and nothing else (this case once never ended: an empty pattern branch)
    plain = {"client": "zz", "full_name": "ZAP", "abbreviation": ""}
    assert _retired(plain, body="* ZAP sells.\n") == []
    assert _retired(plain, body="* Amazon ZAP sells.\n") == [(5, 3, 13, "zz")]
    assert _retired(plain, body="* Sold by Amazon ZAP\n") == [(5, 11, 21, "zz")]


def test_names_botocore_still_has_or_written_in_lower_case_never_count():
    macie = {"client": "macie", "full_name": "Amazon Macie", "abbreviation": ""}  # macie2 is current
    assert _retired(macie, body="* Amazon Macie finds data.\n") == []
    lower = {"client": "zz", "full_name": "zapper", "abbreviation": ""}
    assert _retired(lower, body="* Amazon zapper sells.\n") == []
    # (and one such name does not stop the others)
    assert _retired(macie, lower, ZAP, body="* ZapStore sells apps.\n") == [(5, 3, 11, "zapstore")]


def test_a_current_service_is_known_by_its_full_name_without_the_vendor():
    # botocore's s3 is 'Amazon Simple Storage Service' (id S3) and kms 'AWS Key Management Service' (id KMS):
    # a retired entry of the same name does not count, with or without the vendor, in any spacing or case
    for full_name in ("Amazon Simple Storage Service", "AWS Key Management Service", "Simple storage-service"):
        spec = {"client": "zz", "full_name": full_name, "abbreviation": ""}
        name = full_name.removeprefix("Amazon ").removeprefix("AWS ")
        assert _retired(spec, body=f"* Amazon {name} stores.\n* AWS {name} stores.\n") == [], full_name


def test_a_retired_abbreviation_counts_when_its_full_name_is_current():
    spec = {"client": "zz", "full_name": "Amazon Macie", "abbreviation": "ZapStore"}
    assert _retired(spec, body="* ZapStore sells apps.\n* Amazon Macie finds data.\n") == [(5, 3, 11, "zz")]


def test_the_longest_retired_name_is_matched():
    longer = {"client": "zapstorepro", "full_name": "Amazon ZapStore Pro", "abbreviation": ""}
    assert _retired(ZAP, longer, body="* ZapStore Pro sells apps.\n") == [(5, 3, 15, "zapstorepro")]
    assert _retired(longer, ZAP, body="* Amazon  ZapStore sells apps.\n") == [(5, 11, 19, "zapstore")]


# -- link titles ------------------------------------------------------------------------------------------
def _renamed_at(body: str) -> list[int]:
    events = _entry(id="events", kind="renamed", subject="CloudWatch Events",
                    claim={"mentions": ["CloudWatch Events", "Kinesis Data Firehose"]},
                    replacement="Amazon EventBridge")
    return [f.column for f in _check([events], body, reviewed="2024-06-01", select="NL501")]


def test_a_link_title_of_five_words_or_more_where_the_name_is_under_half():
    assert _renamed_at("* See [Route CloudWatch Events to Lambda](https://example.com/a).\n") == []  # 2 of 5 words
    assert _renamed_at("* See [Route CloudWatch Events to it](https://example.com/a) now.\n") == []
    assert _renamed_at("* See [Route CloudWatch Events here](https://example.com/a).\n") == [14]  # 2 of 4: no title
    assert _renamed_at("* See [Load streams with Kinesis Data Firehose](https://example.com/a).\n") == [26]  # 3 of 6
    assert _renamed_at("* See [Load many streams with Kinesis Data Firehose](https://example.com/a).\n") == []  # 3 of 7


def test_a_plain_http_link_is_external_and_a_table_of_contents_entry_is_not_a_claim():
    assert _renamed_at("* [CloudWatch Events](http://example.com/events)\n") == [4]
    assert _renamed_at("* [CloudWatch Events](#cloudwatch-events)\n") == []


# -- "the latest generation" against the EC2 instance types of a catalog of the test's own (NL506) ------------
class _InstanceTypes:
    """The real catalog, but with the EC2 instance types and botocore version given (the real ones change)."""

    botocore_version = "9.9.9"

    def __init__(self, types: set[str]):
        self._types = frozenset(types)

    def enum(self, key: str) -> frozenset[str]:
        return self._types if key == "ec2:InstanceType" else _catalog().enum(key)

    def __getattr__(self, name: str):
        return getattr(_catalog(), name)


LATEST = "* EC2 P4 instances are the latest generation of GPU instances\n"
P_TYPES = {"p3.2xlarge", "p4d.24xlarge", "p5.48xlarge", "p5.4xlarge", "p5e.48xlarge", "p6-b200.48xlarge", "g6.xlarge"}


def _latest(types: set[str], body: str = LATEST, entries: tuple[dict, ...] = (), reviewed: str = "2024-06-01"):
    knowledge = build(changes=list(entries))
    shared = {"claims.knowledge": knowledge, "aws.catalog": _InstanceTypes(types)}
    linter = Linter(Config(root=REPO, select=("NL506",)), RULES, AS_OF, shared=shared)
    return _lint(linter, note(body, f"---\ntitle: T\nreviewed: {reviewed}\n---\n"))


def test_a_latest_generation_claim_lists_the_newer_families_once_each_in_generation_order():
    (finding,) = _latest(P_TYPES)
    assert (finding.code, finding.line, finding.column, finding.end_column) == ("NL506", 5, 7, 9)
    assert finding.message == ("P4 is not the latest generation: botocore 9.9.9's EC2 instance types include the "
                               "newer p5, p5e, p6-b200")
    assert dict(finding.meta) == {"botocore_version": "9.9.9", "status": "outdated"}
    assert _latest(P_TYPES - {"p5.48xlarge", "p5.4xlarge", "p5e.48xlarge", "p6-b200.48xlarge"}) == []
    assert _latest(P_TYPES, body="* EC2 Q9 instances are the latest generation of GPU instances\n") == []  # no Q family


def test_eight_newer_families_are_all_named_and_a_ninth_is_counted():
    eight = {f"p{generation}.xlarge" for generation in range(4, 13)}  # p5 ... p12 are newer than p4
    (finding,) = _latest(eight)
    assert finding.message.endswith("include the newer p5, p6, p7, p8, p9, p10, p11, p12")
    (finding,) = _latest(eight | {"p13.xlarge"})
    assert finding.message.endswith("include the newer p5, p6, p7, p8, p9, p10, p11, p12 and 1 more")
    (finding,) = _latest(eight | {"p13.xlarge", "p14.xlarge"})
    assert finding.message.endswith("include the newer p5, p6, p7, p8, p9, p10, p11, p12 and 2 more")


def test_a_family_the_sentence_names_after_a_current_one_is_still_checked():
    body = "* EC2 P6 instances and P4 instances are the latest generation of GPU instances\n"
    assert [(f.column, f.message.split(":")[0]) for f in _latest(P_TYPES, body)] == [
        (24, "P4 is not the latest generation")]


NEWER = _entry(id="p5-launch", kind="capability-added", subject="EC2", claim=None, covered_by="NL506", family="p4",
               date="2023-07-26", fact="P5 instances launched.")


def test_a_knowledge_entry_for_the_family_dates_the_finding():
    for reviewed, status, phrase in (
            ("2023-01-01", "stale", "on 2023-07-26, after this note was reviewed (2023-01-01)"),
            ("2024-01-01", "wrong", "on 2023-07-26, before this note was reviewed (2024-01-01)")):
        (finding,) = _latest(P_TYPES, entries=(NEWER,), reviewed=reviewed)
        assert finding.message == (
            "P4 is not the latest generation: botocore 9.9.9's EC2 instance types include the newer p5, p5e, "
            f"p6-b200. Newer generations arrived {phrase}: P5 instances launched. Source: https://example.com/kb")
        assert dict(finding.meta) == {
            "botocore_version": "9.9.9", "status": status, "effective_date": "2023-07-26", "source": SOURCE,
            "current_fact": "P5 instances launched.", "knowledge_id": "p5-launch", "replacement": None}
    undated = {**NEWER, "date_known": False}
    (finding,) = _latest(P_TYPES, entries=(undated,))
    assert "Newer generations arrived (no change date published; checked 2023-07-26):" in finding.message
    assert finding.meta["status"] == "outdated"
    # an entry of another family, or of another rule, does not date it
    for other in ({**NEWER, "family": "p3"}, {**NEWER, "covered_by": "NL504"}):
        (finding,) = _latest(P_TYPES, entries=(other,))
        assert "Newer generations" not in finding.message and finding.meta["status"] == "outdated"


# -- a sentence that writes the new name beside the old one has taken the rename into account ---------------
def _columns(entries: list[dict], body: str) -> list[tuple[str, int]]:
    return [(f.code, f.column) for f in _check(entries, body)]


def test_the_new_name_beside_the_old_acknowledges_a_rename_whatever_the_vendor_or_gloss():
    for replacement in ("Amazon Voice", "AWS Voice", "Voice (the new name)", "Amazon  Voice"):
        entry = {**RENAMED, "replacement": replacement}
        assert _columns([entry], "* Polly, or Voice as it is called now, reads text.\n") == [], replacement
        assert _columns([entry], "* Polly reads text.\n") == [("NL501", 3)], replacement


def test_the_new_name_must_be_a_whole_word_written_as_aws_writes_it():
    assert _columns([RENAMED], "* Polly does Voiceover work.\n") == [("NL501", 3)]
    assert _columns([RENAMED], "* Polly does Pre-Voice work.\n") == [("NL501", 3)]
    assert _columns([RENAMED], "* Polly has a voice.\n") == [("NL501", 3)]  # the word, not the name


def test_an_old_name_holding_the_new_one_is_no_gloss():
    firehose = _entry(id="firehose", kind="renamed", subject="Kinesis Data Firehose",
                      claim={"mentions": ["Data Firehose", "Kinesis Data Firehose"]},
                      replacement="Amazon Data Firehose")
    assert _columns([firehose], "* Kinesis Data Firehose loads streams.\n") == [("NL501", 3)]
    assert _columns([firehose], "* Kinesis Data Firehose, then Kinesis Data Firehose again.\n") == [("NL501", 3)]


def test_only_a_rename_is_acknowledged_by_a_name():
    gone = _entry(id="polly-gone", kind="end-of-life", fact="Polly is gone.", replacement="Amazon Voice")
    assert _columns([gone], "* Polly, or Voice as it is called now, reads text.\n") == [("NL502", 3)]
    bare = {**RENAMED, "replacement": None}
    assert _columns([bare], "* Polly, or Voice as it is called now, reads text.\n") == [("NL501", 3)]


# -- dating: the status and the words for when -----------------------------------------------------------------
def test_dating_each_branch_and_both_sides_of_the_review_date():
    changed = date(2025, 1, 10)
    assert dating(changed, True, None, "wrong-claim") == Dating("wrong", "")
    assert dating(changed, False, date(2020, 1, 1), "naming") == Dating("wrong", "")
    assert dating(changed, False, date(2020, 1, 1), "renamed") == Dating(
        "outdated", "(no change date published; checked 2025-01-10)")
    assert dating(changed, True, None, "renamed") == Dating("outdated", "on 2025-01-10")
    assert dating(changed, True, date(2025, 1, 9), "renamed") == Dating(
        "stale", "on 2025-01-10, after this note was reviewed (2025-01-09)")
    assert dating(changed, True, date(2025, 1, 10), "renamed") == Dating(
        "wrong", "on 2025-01-10, before this note was reviewed (2025-01-10)")  # reviewed that day: it knew


# -- which entry speaks for a sentence that several match ----------------------------------------------------
EOL = _entry(id="polly-gone", kind="end-of-life", fact="Polly is gone.")  # mentions only
SSML = _entry(id="polly-ssml", kind="capability-added", claim={"mentions": ["Polly"], "words_any": ["ssml"]},
              fact="Polly reads SSML.")  # words
SSML_ANY = _entry(id="polly-ssml-any", kind="capability-added",
                  claim={"mentions": ["Polly"], "any": [{"words_any": ["ssml"]}, {"words_any": ["markup"]}]},
                  fact="Polly reads SSML markup.")  # alternatives


def _ids(entries: list[dict], body: str = "* Polly cannot read SSML.\n") -> list[str]:
    return [f.meta["knowledge_id"] for f in _check(entries, body)]


def test_the_most_specific_entry_speaks_for_a_subject_whatever_the_order():
    assert _ids([EOL, SSML]) == _ids([SSML, EOL]) == ["polly-ssml"]
    assert _ids([SSML, SSML_ANY]) == _ids([SSML_ANY, SSML]) == ["polly-ssml-any"]
    assert _ids([EOL, SSML]) == ["polly-ssml"]
    assert _ids([EOL, SSML], "* Polly reads text.\n") == ["polly-gone"]


def test_an_entry_marked_once_per_note_is_reported_at_its_first_mention_only():
    body = "* Polly reads text.\n* Polly has voices.\n"
    assert [f.line for f in _check([{**EOL, "once_per_note": True}], body)] == [5]
    assert [f.line for f in _check([EOL], body)] == [5, 6]


# -- "since <year>" against the launch dates of the knowledge base (NL508) ------------------------------------
LAUNCH = "https://example.com/launch"


def _since(body: str, launched: dict[str, str] | None = None) -> list[tuple[int, int, int]]:
    entities = [{"name": name, "launched": day, "launch_source": LAUNCH}
                for name, day in (launched or {"Polly": "2016-11-30"}).items()]
    linter = Linter(Config(root=REPO, select=("NL508",)), RULES, AS_OF, shared=_shared(build(entities=entities)))
    found = _lint(linter, note(body, "---\ntitle: T\nreviewed: 2024-06-01\n---\n"))
    return [(d.line, d.column, d.end_column) for d in found]


def test_a_year_dates_the_names_after_it_to_the_end_of_the_clause():
    assert _since("* available since 2015 Polly and Lex read text.\n") == [(5, 3, 23)]
    linter = Linter(Config(root=REPO, select=("NL508",)), RULES, AS_OF, shared=_shared(build(entities=[
        {"name": "Polly", "launched": "2016-11-30", "launch_source": LAUNCH}])))
    (finding,) = _lint(linter, note("* We have had, since 2015, Polly.\n"))
    assert (finding.line, finding.column, finding.end_column) == (5, 16, 26)
    assert finding.message == ("this says 'Polly' is available since 2015, but it became generally available on "
                               "2016-11-30. Source: https://example.com/launch")
    assert dict(finding.meta) == {
        "kind": "wrong-claim", "status": "wrong", "effective_date": "2016-11-30", "date_known": True,
        "current_fact": "Polly became generally available in 2016-11-30.", "source": LAUNCH, "confidence": "verified"}
    assert _since("* since 2015 Polly; Lex reads.\n") == [(5, 3, 13)]
    assert _since("* since 2015 Lex; Polly reads.\n") == []  # after the clause
    assert _since("* Text since 2015 - Polly reads.\n") == []
    assert _since("* available since 2016 Polly reads.\n") == []  # the right year
    assert _since("## Polly (since 2015)\n\n* Polly reads.\n") == []  # a heading names, it does not claim


def test_a_year_in_parentheses_dates_the_one_name_right_before_them():
    assert _since("* Polly (since 2015) reads text.\n") == [(5, 10, 20)]
    assert _since("* Polly(since 2015) reads text.\n") == [(5, 9, 19)]
    assert _since("* Polly (available since 2015) reads.\n") == [(5, 10, 30)]
    assert _since("* Lex (beta) and Polly (since 2015).\n") == [(5, 25, 35)]  # the last parenthesis before the year
    assert _since("* Polly (since 2015); Lex (fast).\n") == [(5, 10, 20)]  # not one after it
    assert _since("* Lex (since 2015 Polly) reads.\n") == [(5, 8, 18)]  # a name after the year comes first
    assert _since("* Polly (v since 2015) reads.\n") == []  # something else before 'since'
    assert _since("## Polly\n\n* It reads (since 2015).\n") == []  # a subject from the heading is not written here
    both = {"Polly": "2016-11-30", "Lex": "2017-04-19"}
    linter = Linter(Config(root=REPO, select=("NL508",)), RULES, AS_OF, shared=_shared(build(entities=[
        {"name": name, "launched": day, "launch_source": LAUNCH} for name, day in both.items()])))
    (finding,) = _lint(linter, note("* Polly and Lex (since 2015) read.\n"))
    assert finding.message.startswith("this says 'Lex' is available since 2015, but it became generally available on "
                                      "2017-04-19")  # the name right before the parenthesis only
    assert _since("* Polly (since 2015) reads.\n* Lex (since 2015) reads.\n", both) == [(5, 10, 20), (6, 8, 18)]


def test_a_launch_month_without_a_day_says_so():
    linter = Linter(Config(root=REPO, select=("NL508",)), RULES, AS_OF, shared=_shared(build(entities=[
        {"name": "Polly", "launched": "2016-11", "launch_source": LAUNCH}])))
    (finding,) = _lint(linter, note("* Polly (since 2015) reads text.\n"))
    assert finding.message == ("this says 'Polly' is available since 2015, but it became generally available in "
                               "2016-11 (day not published). Source: https://example.com/launch")
    assert (finding.meta["effective_date"], finding.meta["date_known"]) == ("2016-11", False)
