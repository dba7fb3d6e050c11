"""Fixes keep meaning: a rename next to its own gloss, an article before a new
name, a heading that links point to; --unsafe-fixes for the rest; and the
property over real text (bench/fix_safety.py) that --fix introduces none of it."""

from __future__ import annotations

import os
import stat

import pytest

from notelint.fixes import gloss_repeats, heading_slug, indefinite_article
from tests.helpers import AS_OF, FIXTURES, load_bench, note, run_cli

fix_safety = load_bench("fix_safety")
article_mismatches, check_fixes = fix_safety.article_mismatches, fix_safety.check_fixes

FRONT = "---\ntitle: EB\nreviewed: 2026-01-01\n---\n# EB\n\n"


def _diff(tmp_path, body: str, *flags: str) -> str:
    path = tmp_path / "n.md"
    path.write_text(FRONT + body, encoding="utf-8")
    result = run_cli("check", "--isolated", "--no-cache", "--as-of", AS_OF.isoformat(), "--diff", *flags, str(path),
                     cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.decode()


def _added(diff: str) -> list[str]:
    return [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]


@pytest.mark.parametrize("body", [
    "* Amazon EventBridge (also known as Amazon CloudWatch Events) alerts you when a job ends\n",
    "* Events are delivered to CloudWatch Events (Amazon EventBridge)\n",
    "* Kinesis Data Firehose (now Amazon Data Firehose) delivers streams\n",
    "* CloudWatch Events and EventBridge share one API\n",
])
def test_a_rename_beside_the_new_name_is_neither_reported_nor_fixed(tmp_path, body):
    assert _diff(tmp_path, body) == ""
    assert _diff(tmp_path, body, "--unsafe-fixes") == ""


def test_a_rename_corrects_the_article_before_it(tmp_path):
    added = _added(_diff(tmp_path, "* Create a CloudWatch Events rule to start the job\n"))
    assert added == ["* Create an Amazon EventBridge rule to start the job"]


def test_a_rename_in_a_block_that_names_the_new_name_elsewhere_is_unsafe(tmp_path):
    body = "Create a CloudWatch Events rule. EventBridge Scheduler is not covered here.\n"
    assert _diff(tmp_path, body) == ""
    assert _added(_diff(tmp_path, body, "--unsafe-fixes")) == [
        "Create an Amazon EventBridge rule. EventBridge Scheduler is not covered here."
    ]


def test_a_heading_fix_updates_the_links_to_its_anchor(tmp_path):
    body = "## Sagemaker Deployement\n\nSee [deploying](#sagemaker-deployement) and [again][d].\n\n[d]: #sagemaker-deployement\n"
    added = _added(_diff(tmp_path, body))
    assert "## SageMaker Deployment" in added
    assert "See [deploying](#sagemaker-deployment) and [again][d]." in added
    assert "[d]: #sagemaker-deployment" in added


def test_a_heading_fix_that_would_take_another_headings_anchor_is_unsafe(tmp_path):
    body = "## Deployement\n\nSee [it](#deployement).\n\n## Deployment\n\ntext\n"
    assert "+## Deployment" not in _diff(tmp_path, body)


def test_a_heading_fix_that_keeps_its_anchor_needs_no_link_edit(tmp_path):
    body = "## Sagemaker endpoints\n\nSee [it](#sagemaker-endpoints).\n"
    assert _added(_diff(tmp_path, body)) == ["## SageMaker endpoints"]


def test_unsafe_fixes_are_applied_only_when_asked(tmp_path):
    path = tmp_path / "n.md"
    path.write_text(note("* The the model trains on CPU.\n"), encoding="utf-8")
    result = run_cli("check", "--isolated", "--no-cache", "--select", "NL204", "--fix", str(path), cwd=tmp_path)
    assert "The the" in path.read_text(encoding="utf-8")
    assert "1 more fixable with --fix --unsafe-fixes" in result.stdout.decode()
    result = run_cli("check", "--isolated", "--no-cache", "--select", "NL204", "--fix", "--unsafe-fixes", str(path),
                     cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert "* The model trains on CPU." in path.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can write a read-only file")
def test_fix_refuses_a_read_only_file_even_as_root(tmp_path):
    path = tmp_path / "ro.md"
    path.write_text(note("* Sagemaker trains models.\n"), encoding="utf-8")
    path.chmod(0o444)
    result = run_cli("check", "--isolated", "--no-cache", "--fix", str(path), cwd=tmp_path)
    assert result.returncode == 2
    assert b"read-only" in result.stdout + result.stderr
    assert "Sagemaker" in path.read_text(encoding="utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_the_helpers_see_what_the_property_is_about():
    assert [name for _s, _e, name in gloss_repeats("Amazon EventBridge (also known as Amazon EventBridge) alerts")] == [
        "Amazon EventBridge"
    ]
    assert gloss_repeats("Amazon Data Firehose (now Amazon Data Firehose)")
    assert not gloss_repeats("Amazon EventBridge (formerly CloudWatch Events) and EventBridge Pipes")
    assert article_mismatches("a Amazon EventBridge rule, an IAM role, a S3 bucket, a user") == {
        ("a", "Amazon"): 1, ("a", "S3"): 1
    }
    assert indefinite_article("hour") is None and indefinite_article("EC2") == "an"
    assert heading_slug("SageMaker Deployment: step 1") == "sagemaker-deployment-step-1"


def test_fixing_real_notes_keeps_their_meaning():
    """The property on text notelint did not write: the labelled real set.
    (`bench/fix_safety.py tests/fixtures/corpora ../shared/corpora/*/` runs it on
    the frozen corpora sample and the whole public corpora.)"""
    outcome = check_fixes([FIXTURES / "real"], AS_OF)
    assert outcome.fixes > 50 and outcome.changed > 10  # the property was exercised
    assert outcome.violations == []
