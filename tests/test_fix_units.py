"""The pieces of --fix one at a time, in process: which fixes apply, how edits
land on the original text, the diff, the atomic write, and how ``keep_meaning``
extends or withholds a fix (articles, renames beside the new name, heading links).

Found unpinned by ``bench/mutation.py fixes`` (issue 20): the end-to-end tests
in tests/test_fix_meaning.py run notelint in another process, where a mutant
of this module is never reached.
"""

from __future__ import annotations

import os
import stat

import pytest

from notelint import fixes
from notelint.diagnostic import Diagnostic, Edit, Fix, FixOut, Severity, TextEdit
from notelint.fixes import (
    FixError,
    apply_fixes,
    bare_name,
    gloss_repeats,
    heading_slug,
    indefinite_article,
    keep_meaning,
    safe_fixes,
    unified_diff,
    write_atomic,
)
from notelint.note import parse_note
from notelint.source import decode

FRONT = "---\ntitle: T\nreviewed: 2026-01-01\n---\n"


def _note(body: str):
    return parse_note(decode("n.md", (FRONT + body).encode("utf-8")))


def _fix(body: str, old: str, new: str, nth: int = 0, safe: bool = True) -> tuple[str, Fix]:
    """The note text and a one-edit fix replacing the ``nth`` occurrence of ``old`` by ``new``."""
    text = FRONT + body
    start = -1
    for _ in range(nth + 1):
        start = text.index(old, start + 1)
    return text, Fix((Edit(start, start + len(old), new),), "fix it", safe)


def _applied(body: str, old: str, new: str, nth: int = 0) -> tuple[str, bool]:
    """The body after ``keep_meaning``'s version of the fix is applied, and whether it is safe."""
    text, fix = _fix(body, old, new, nth)
    kept = keep_meaning(_note(body), fix)
    for edit in sorted(kept.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end:]
    return text[len(FRONT):], kept.safe


# -- which fixes apply ----------------------------------------------------------------------
def _diagnostic(fix: FixOut | None) -> Diagnostic:
    return Diagnostic("NL112", "empty-list-item", Severity.WARNING, "n.md", 1, 1, 1, 2, "m", fix=fix)


def test_safe_fixes_leaves_unsafe_ones_unless_asked():
    safe = FixOut((TextEdit(1, 1, 1, 2, ""),), "safe", True)
    unsafe = FixOut((TextEdit(2, 1, 2, 2, ""),), "unsafe", False)
    diagnostics = [_diagnostic(safe), _diagnostic(None), _diagnostic(unsafe)]
    assert safe_fixes(diagnostics) == [safe]
    assert safe_fixes(diagnostics, unsafe=True) == [safe, unsafe]
    assert safe_fixes(diagnostics, True) == [safe, unsafe]


# -- edits on the original text ---------------------------------------------------------------
def test_edits_land_on_the_original_text_with_crlf_and_a_bom():
    source = decode("n.md", "\ufeffab\r\ncd\r\n".encode())
    fix = FixOut((TextEdit(2, 1, 2, 2, "X"),), "d", True)
    assert apply_fixes(source, [fix]) == ("ab\r\nXd\r\n", 1)
    # two edits of one fix, given in reverse order, both apply
    both = FixOut((TextEdit(2, 2, 2, 3, "Y"), TextEdit(1, 1, 1, 2, "Z")), "d", True)
    assert apply_fixes(source, [both]) == ("Zb\r\ncY\r\n", 1)


def test_a_fix_whose_own_edits_overlap_is_left_out():
    source = decode("n.md", b"abcdef\n")
    crossed = FixOut((TextEdit(1, 1, 1, 4, "X"), TextEdit(1, 3, 1, 5, "Y")), "d", True)
    touching = FixOut((TextEdit(1, 1, 1, 3, "X"), TextEdit(1, 3, 1, 5, "Y")), "d", True)
    assert apply_fixes(source, [crossed]) == ("abcdef\n", 0)
    assert apply_fixes(source, [touching]) == ("XYef\n", 1)


def test_fixes_that_touch_apply_together_and_an_empty_fix_is_skipped():
    source = decode("n.md", b"abcdef\n")
    first = FixOut((TextEdit(1, 1, 1, 3, "X"),), "a", True)
    adjacent = FixOut((TextEdit(1, 3, 1, 5, "Y"),), "b", True)
    empty = FixOut((), "nothing", True)
    assert apply_fixes(source, [adjacent, empty, first]) == ("XYef\n", 2)


def test_two_insertions_at_one_point_apply_one_per_pass():
    source = decode("n.md", b"abc\n")
    one = FixOut((TextEdit(1, 2, 1, 2, "X"),), "a", True)
    two = FixOut((TextEdit(1, 2, 1, 2, "Y"),), "b", True)
    text, applied = apply_fixes(source, [one, two])
    assert applied == 1 and text in ("aXbc\n", "aYbc\n")
    # an insertion where a replacement ends could go before or after its text: it waits too
    replaced = FixOut((TextEdit(1, 1, 1, 2, "Z"),), "c", True)
    assert apply_fixes(source, [replaced, one]) == ("Zbc\n", 1)
    # a replacement that starts where an insertion is made is no such pair
    following = FixOut((TextEdit(1, 2, 1, 3, "Q"),), "d", True)
    assert apply_fixes(source, [following, one]) == ("aXQc\n", 2)


def test_a_fix_starting_inside_an_earlier_one_waits():
    source = decode("n.md", b"abcdef\n")
    wide = FixOut((TextEdit(1, 1, 1, 2, "A"), TextEdit(1, 4, 1, 6, "D")), "a", True)
    inside = FixOut((TextEdit(1, 3, 1, 4, "C"),), "b", True)
    after = FixOut((TextEdit(1, 6, 1, 7, "F"),), "c", True)
    assert apply_fixes(source, [inside, wide, after]) == ("AbcDF\n", 2)


# -- the diff ----------------------------------------------------------------------------------
def test_unified_diff_names_both_sides_and_marks_a_missing_final_newline():
    assert unified_diff("n.md", "a\nb\n", "a\nc\n") == "--- a/n.md\n+++ b/n.md\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
    assert unified_diff("n.md", "a\nb", "a\nc") == (
        "--- a/n.md\n+++ b/n.md\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
        "+c\n\\ No newline at end of file\n"
    )
    assert unified_diff("n.md", "a\r\nb\r\n", "a\r\nc\r\n").endswith("-b\r\n+c\r\n")
    assert unified_diff("n.md", "a\rb\r", "a\rc\r").endswith("-b\r+c\r")
    assert unified_diff("n.md", "same\n", "same\n") == ""


# -- the atomic write --------------------------------------------------------------------------
def test_write_atomic_replaces_the_content_and_keeps_the_mode(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o604)
    write_atomic(path, b"new", b"old")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


@pytest.mark.parametrize("mode", [0o200, 0o020, 0o002])
def test_any_write_bit_makes_a_file_writable(tmp_path, mode):
    path = tmp_path / "n.md"
    path.write_bytes(b"old")
    os.chmod(path, mode | 0o444)
    write_atomic(path, b"new", b"old")
    assert path.read_bytes() == b"new"


def test_write_atomic_refuses_a_read_only_file_and_a_missing_one(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes(b"old")
    os.chmod(path, 0o444)
    with pytest.raises(FixError) as raised:
        write_atomic(path, b"new", b"old")
    assert str(raised.value) == f"{path}: read-only file; not fixed"
    assert path.read_bytes() == b"old"
    with pytest.raises(FixError) as raised:
        write_atomic(tmp_path / "gone.md", b"new", b"old")
    assert str(raised.value) == f"{tmp_path / 'gone.md'}: No such file or directory; not fixed"


def test_a_failed_replace_names_the_file_and_keeps_the_original(tmp_path, monkeypatch):
    path = tmp_path / "n.md"
    path.write_bytes(b"old")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fixes, "replace_file", full_disk)
    with pytest.raises(FixError) as raised:
        write_atomic(path, b"new", b"old")
    assert str(raised.value) == f"{path}: No space left on device; not fixed"
    assert path.read_bytes() == b"old"


# -- names and articles ---------------------------------------------------------------------------
def test_bare_name_drops_vendor_parenthetical_and_case():
    assert bare_name("Amazon EventBridge") == "eventbridge"
    assert bare_name("AWS  Glue   DataBrew (visual)") == "glue databrew"
    assert bare_name("amazon") == ""
    assert bare_name("Amazonian Rivers") == "amazonian rivers"


@pytest.mark.parametrize(("words", "article"), [
    ("Amazon EventBridge", "an"), ("`S3` bucket", "an"), ("*CloudWatch* rule", "a"), ("IAM role", "an"),
    ("SQL query", "an"), ("CPU core", "a"), ("XGBoost model", "a"), ("hour", None), ("user", None),
    ("8-GPU node", None), ("X", None), ("Lambda", "a"), ("apple", "an"), ("elephant", "an"), ("igloo", "an"),
    ("orange", "an"), ("banana", "a"), ("zebra", "a"), ("lemon", "a"), ("R", None), ("NLP model", "an"),
    ("M5 instance", None), ("", None), ("...", None),
])
def test_indefinite_article(words, article):
    assert indefinite_article(words) == article


def test_gloss_repeats_finds_a_name_beside_itself():
    text = "Amazon EventBridge (also known as Amazon EventBridge) alerts"
    assert gloss_repeats(text) == [(0, len("Amazon EventBridge (also known as Amazon EventBridge"), "Amazon EventBridge")]
    assert gloss_repeats("Data Firehose, now Amazon Data Firehose")[0][2] == "Data Firehose"
    assert gloss_repeats("Glue aka Glue") == [(0, 13, "Glue")]
    assert gloss_repeats("Glue or Glue") == []  # no parenthesis, comma or gloss word: a plain repeat
    assert gloss_repeats("Glue (and its crawler) Glue") == []  # words between that are no gloss
    assert gloss_repeats("The (the) x") == []  # a gloss word is no name
    assert gloss_repeats("Glue (" + "x" * 80 + ") Glue") == []  # too far apart


# -- keep_meaning: articles -----------------------------------------------------------------------
def test_a_rename_corrects_the_article_in_its_case():
    assert _applied("* Create a CloudWatch Events rule\n", "CloudWatch Events", "Amazon EventBridge") == (
        "* Create an Amazon EventBridge rule\n", True)
    assert _applied("A CloudWatch Events rule starts it.\n", "CloudWatch Events", "Amazon EventBridge") == (
        "An Amazon EventBridge rule starts it.\n", True)
    assert _applied("AN IAM ROLE OWNS IT.\n", "IAM", "Kinesis") == ("A Kinesis ROLE OWNS IT.\n", True)
    assert _applied("* an IAM role\n", "IAM", "Kinesis") == ("* a Kinesis role\n", True)


def test_an_article_that_stays_right_leaves_the_fix_as_it_was():
    text, fix = _fix("* a Kinesis stream\n", "Kinesis", "Lambda")
    assert keep_meaning(_note("* a Kinesis stream\n"), fix) is fix
    # "an HDFS path" -> "an hdfs path": the new word's article is unknown, but it starts as the old one did
    text, fix = _fix("* an HDFS path\n", "HDFS", "hdfs")
    assert keep_meaning(_note("* an HDFS path\n"), fix) is fix


def test_an_article_that_cannot_be_told_makes_the_fix_unsafe():
    # "a user" -> "a umbrella"? the article of a word starting with u cannot be told without a dictionary
    assert _applied("* a user guide\n", "user", "umbrella") == ("* a umbrella guide\n", False)
    # the same first letter, but the old word's article was not known either
    assert _applied("* a hat\n", "hat", "hut") == ("* a hut\n", False)


def test_the_article_is_looked_for_just_before_the_edit():
    # within 8 characters before the edit: "an" and 6 spaces is the farthest
    assert _applied("* an" + " " * 6 + "IAM role\n", "IAM", "Kinesis") == ("* a" + " " * 6 + "Kinesis role\n", True)
    assert _applied("* an" + " " * 7 + "IAM role\n", "IAM", "Kinesis") == ("* an" + " " * 7 + "Kinesis role\n", True)
    assert _applied("* banIAM role\n", "IAM", "Kinesis") == ("* banKinesis role\n", True)  # no space: no article
    assert _applied("* ban IAM role\n", "IAM", "Kinesis") == ("* ban Kinesis role\n", True)  # 'an' inside a word
    assert _applied("* Kinesis\n", "Kinesis", "IAM") == ("* IAM\n", True)  # no article at all


# -- keep_meaning: renames beside the new name ------------------------------------------------------
def test_a_rename_in_a_block_naming_the_new_name_is_unsafe_but_still_corrects_the_article():
    body = "Create a CloudWatch Events rule. EventBridge Scheduler is not covered here.\n"
    assert _applied(body, "CloudWatch Events", "Amazon EventBridge") == (
        "Create an Amazon EventBridge rule. EventBridge Scheduler is not covered here.\n", False)
    # the new name in another block does not count
    body = "Create a CloudWatch Events rule.\n\nEventBridge Scheduler is not covered here.\n"
    assert _applied(body, "CloudWatch Events", "Amazon EventBridge")[1] is True


def test_a_spelling_fix_beside_the_right_spelling_is_safe():
    # not a rename: "Sagemaker" -> "SageMaker" only corrects the case
    assert _applied("* Sagemaker and SageMaker\n", "Sagemaker", "SageMaker") == ("* SageMaker and SageMaker\n", True)
    # a near spelling is no rename either
    assert _applied("* Kinesys and Kinesis\n", "Kinesys", "Kinesis") == ("* Kinesis and Kinesis\n", True)


def test_fixes_keep_meaning_leaves_alone():
    text, unsafe = _fix("* a CloudWatch Events rule\n", "CloudWatch Events", "Amazon EventBridge")
    unsafe = Fix(unsafe.edits, "already unsafe", False)
    assert keep_meaning(_note("* a CloudWatch Events rule\n"), unsafe) is unsafe
    two = Fix((Edit(len(FRONT) + 2, len(FRONT) + 3, "an"), unsafe.edits[0]), "two edits", True)
    assert keep_meaning(_note("* a CloudWatch Events rule\n"), two) is two
    same = Fix((Edit(len(FRONT) + 2, len(FRONT) + 3, "a"),), "no change", True)
    assert keep_meaning(_note("* a CloudWatch Events rule\n"), same) is same


# -- keep_meaning: headings and the links to them ---------------------------------------------------
HEADING = "## Sagemaker Deployement\n\nSee [deploying](#sagemaker-deployement) and [again][d].\n\n[d]: #sagemaker-deployement\n"


def test_a_heading_fix_rewrites_inline_and_reference_links():
    assert _applied(HEADING, "Deployement", "Deployment") == (HEADING.replace("eployement", "eployment"), True)


def test_a_heading_fix_that_keeps_its_anchor_or_has_no_links_is_unchanged():
    text, fix = _fix(HEADING, "Sagemaker", "SageMaker")
    assert keep_meaning(_note(HEADING), fix) is fix
    body = "## Deployement\n\ntext\n"
    text, fix = _fix(body, "Deployement", "Deployment")
    assert keep_meaning(_note(body), fix) is fix


def test_heading_fixes_that_cannot_keep_their_links_are_unsafe():
    # the new anchor is another heading's
    assert _applied("## Deployement\n\nSee [it](#deployement).\n\n## Deployment\n\ntext\n", "Deployement",
                    "Deployment")[1] is False
    # two headings share the old anchor (the second is #deployement-1)
    assert _applied("## Deployement\n\n## Deployement\n\nSee [it](#deployement).\n", "Deployement",
                    "Deployment")[1] is False
    # the word is in the heading twice: which one the anchor keeps cannot be told
    assert _applied("## Glue and Glue\n\ntext\n", "Glue", "Gloo")[1] is False
    # a link in inline code is not rendered: the edits would not account for the links
    assert _applied("## Deployement\n\nSee `[it](#deployement)` and [it](#deployement).\n", "Deployement",
                    "Deployment")[1] is False


def test_links_in_code_blocks_and_html_anchors():
    body = ("## Deployement\n\nSee [it](#deployement) or <a href=\"#deployement\">it</a>.\n\n"
            "```\n[it](#deployement)\n```\n")
    assert _applied(body, "Deployement", "Deployment") == (
        "## Deployment\n\nSee [it](#deployment) or <a href=\"#deployment\">it</a>.\n\n"
        "```\n[it](#deployement)\n```\n", True)


def test_a_link_in_angle_brackets_or_with_spaces_is_rewritten():
    body = "## Deployement\n\nSee [it]( <#deployement>) and [more](#deployement \"title\").\n"
    assert _applied(body, "Deployement", "Deployment") == (
        "## Deployment\n\nSee [it]( <#deployment>) and [more](#deployment \"title\").\n", True)


def test_heading_slug():
    assert heading_slug("  SageMaker Deployment: step 1  ") == "sagemaker-deployment-step-1"
    assert heading_slug("A_b-c (d)") == "a_b-c-d"


def test_links_written_in_another_case_or_only_as_html_or_definitions_are_rewritten():
    assert _applied("## Deployement\n\nSee [it](#Deployement).\n", "Deployement", "Deployment") == (
        "## Deployment\n\nSee [it](#deployment).\n", True)
    assert _applied("## Deployement\n\nSee <a href=\"#deployement\">it</a>.\n", "Deployement", "Deployment") == (
        "## Deployment\n\nSee <a href=\"#deployment\">it</a>.\n", True)
    # a definition no link uses is rewritten too
    assert _applied("## Deployement\n\ntext\n\n[d]: #deployement\n", "Deployement", "Deployment") == (
        "## Deployment\n\ntext\n\n[d]: #deployment\n", True)


def test_a_code_block_before_a_link_and_a_link_right_after_a_fence():
    body = "## Deployement\n\n```\n[it](#deployement)\n```\n\nSee [it](#deployement).\n"
    assert _applied(body, "Deployement", "Deployment") == (body.replace("e [it](#deployement)", "e [it](#deployment)")
                                                           .replace("## Deployement", "## Deployment"), True)
    body = "## Deployement\n\n```\ncode\n```\nSee [it](#deployement).\n"
    assert _applied(body, "Deployement", "Deployment") == (
        "## Deployment\n\n```\ncode\n```\nSee [it](#deployment).\n", True)


def test_links_the_rewrite_cannot_account_for_make_a_heading_fix_unsafe():
    # an escaped hyphen renders as the anchor, but is not written as it
    escaped = "## Sagemaker Deployement\n\nSee [it](#sagemaker\\-deployement).\n"
    assert _applied(escaped, "Deployement", "Deployment") == (escaped.replace("## Sagemaker Deployement",
                                                                              "## Sagemaker Deployment"), False)
    both = "## Sagemaker Deployement\n\nSee [it](#sagemaker\\-deployement) and [it](#sagemaker-deployement).\n"
    assert _applied(both, "Deployement", "Deployment")[1] is False
    # a link in inline code is no link, even when a definition is rewritten
    code = "## Deployement\n\nSee `[it](#deployement)`.\n\n[d]: #deployement\n"
    assert _applied(code, "Deployement", "Deployment") == (code.replace("## Deployement", "## Deployment"), False)


def test_an_edit_on_the_line_after_a_heading_is_not_a_heading_edit():
    assert _applied("## Deployement\nSagemaker text\n", "Sagemaker", "SageMaker") == (
        "## Deployement\nSageMaker text\n", True)


def test_one_letter_in_five_is_a_spelling_fix_not_a_rename():
    # "Forge" -> "Forgo": 80% alike, a correction, safe beside the right spelling
    assert _applied("* Forge and Forgo\n", "Forge", "Forgo") == ("* Forgo and Forgo\n", True)


def test_the_new_name_in_an_earlier_block_does_not_count():
    body = "EventBridge is here.\n\nCreate a CloudWatch Events rule.\n"
    assert _applied(body, "CloudWatch Events", "Amazon EventBridge") == (
        "EventBridge is here.\n\nCreate an Amazon EventBridge rule.\n", True)


def _bare_note_fix(text: str, old: str, new: str) -> Fix:
    """keep_meaning's fix on a note without front matter (its text starts at offset 0)."""
    start = text.index(old)
    return keep_meaning(parse_note(decode("n.md", text.encode())), Fix((Edit(start, start + len(old), new),), "d"))


def test_at_the_very_start_of_a_note():
    # the article at offset 0 is found, and it comes first among the edits
    assert _bare_note_fix("A CloudWatch Events rule\n", "CloudWatch Events", "Amazon EventBridge").edits == (
        Edit(0, 1, "An"), Edit(2, 19, "Amazon EventBridge"))
    # the new name at offset 0 counts
    assert _bare_note_fix("EventBridge and CloudWatch Events share one API\n", "CloudWatch Events",
                          "Amazon EventBridge").safe is False


def test_the_first_of_two_fixes_for_one_span_applies():
    source = decode("n.md", b"abcdef\n")
    first = FixOut((TextEdit(1, 2, 1, 4, "Y"),), "a", True)
    second = FixOut((TextEdit(1, 2, 1, 4, "X"),), "b", True)
    assert apply_fixes(source, [first, second]) == ("aYdef\n", 1)
    assert apply_fixes(source, [second, first]) == ("aXdef\n", 1)


def test_a_wider_fix_that_starts_first_wins_over_one_inside_it():
    source = decode("n.md", b"abcdef\n")
    wide = FixOut((TextEdit(1, 2, 1, 6, "W"),), "a", True)
    inside = FixOut((TextEdit(1, 3, 1, 4, "I"),), "b", True)
    assert apply_fixes(source, [inside, wide]) == ("aWf\n", 1)


def test_after_two_insertions_at_one_point_later_fixes_still_apply():
    source = decode("n.md", b"abcdef\n")
    one = FixOut((TextEdit(1, 2, 1, 2, "X"),), "a", True)
    two = FixOut((TextEdit(1, 2, 1, 2, "Y"),), "b", True)
    later = FixOut((TextEdit(1, 5, 1, 6, "E"),), "c", True)
    assert apply_fixes(source, [one, two, later]) == ("aXbcdEf\n", 2)


@pytest.mark.parametrize(("text", "found"), [
    ("Now, Glue (aka Glue)", [(5, 19, "Glue")]),  # a gloss word is skipped, the name after it is not
    ("Kinesis streams. Glue (aka Glue)", [(17, 31, "Glue")]),  # a name that is not repeated, then one that is
    ("Glue (Glue)", [(0, 10, "Glue")]),
    ("Glue, Glue", [(0, 10, "Glue")]),
    ("Glue or Glue. Kinesis (Kinesis)", [(14, 30, "Kinesis")]),
    ("Amazon EventBridge (also known as the new service now called Amazon EventBridge)",
     [(0, 79, "Amazon EventBridge")]),  # 42 characters apart: within the gap
])
def test_gloss_repeats_cases(text, found):
    assert gloss_repeats(text) == found


@pytest.mark.parametrize(("words", "article"), [("ML model", "an"), ("XGB model", "an"), ("DB", "a")])
def test_indefinite_article_of_short_acronyms(words, article):
    assert indefinite_article(words) == article


def _title_rename_with_new_name(side: str, distance: int) -> tuple[int, bool]:
    """A rename in the front matter (no block: 200 characters either side are read),
    with the new name ``distance`` characters before its start or after its end;
    (the distance measured, whether the fix stays safe)."""
    if side == "before":  # from the new name's first character to the edit's start
        text = ("---\nsummary: EventBridge " + "x" * (distance - 20)
                + "\ntitle: CloudWatch Events notes\nreviewed: 2026-01-01\n---\n* body\n")
        measured = text.index("CloudWatch") - text.index("EventBridge")
    else:  # from the edit's end to the new name's last character
        text = ("---\ntitle: CloudWatch Events notes\nsummary: " + "x" * (distance - 28)
                + " EventBridge\nreviewed: 2026-01-01\n---\n* body\n")
        measured = text.index("EventBridge") + len("EventBridge") - (text.index("CloudWatch") + len("CloudWatch Events"))
    return measured, _bare_note_fix(text, "CloudWatch Events", "Amazon EventBridge").safe


@pytest.mark.parametrize("side", ["before", "after"])
def test_outside_any_block_the_new_name_counts_within_200_characters(side):
    assert _title_rename_with_new_name(side, 200) == (200, False)
    assert _title_rename_with_new_name(side, 201) == (201, True)
