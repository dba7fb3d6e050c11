"""Small builders for report tests: notes from text, diagnostics at a phrase.

Most diagnostics are built by hand so the tests cover evidence (``meta``) and
related locations, which today's rule families do not produce yet; ``linted``
runs the real rules where a test is about what they report.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from notelint.config import Config
from notelint.diagnostic import Diagnostic, FixOut, Location, Severity
from notelint.engine import Linter, RunResult
from notelint.note import Note, parse_note
from notelint.report import build_report, read_baseline
from notelint.report.model import Baseline
from notelint.report.render_json import render_json
from notelint.rules import RULES
from notelint.source import decode

AS_OF = date(2026, 11, 25)


def note(text: str, path: str = "notes/s3.md") -> Note:
    return parse_note(decode(path, textwrap.dedent(text).lstrip("\n").encode("utf-8")))


def span(of: Note, phrase: str, occurrence: int = 0) -> tuple[int, int, int, int]:
    """1-based (line, column, end_line, end_column) of a phrase in a note."""
    start = -1
    for _ in range(occurrence + 1):
        start = of.text.index(phrase, start + 1)
    line, column = of.position(start)
    end_line, end_column = of.position(start + len(phrase))
    return line, column, end_line, end_column


def diagnostic(
    of: Note,
    phrase: str,
    *,
    code: str = "NL501",
    name: str = "stale-claim",
    severity: Severity = Severity.WARNING,
    message: str = "this changed",
    occurrence: int = 0,
    **extra,
) -> Diagnostic:
    line, column, end_line, end_column = span(of, phrase, occurrence)
    return Diagnostic(code, name, severity, of.path, line, column, end_line, end_column, message, **extra)


def location(of: Note, phrase: str, message: str) -> Location:
    return Location(of.path, *span(of, phrase), message)


def run(notes: list[Note], diagnostics: list[Diagnostic], errors=()) -> RunResult:
    return RunResult(
        diagnostics=sorted(diagnostics, key=lambda d: d.sort_key),
        errors=list(errors),
        sources={note.path: note.source for note in notes},
        files=len(notes),
    )


# The sample reports are made as if only the structure family had run, so that
# their text does not change as other rule families are added.
STRUCTURE_RULES = [rule for rule in RULES if rule.code.startswith("NL1")]


def report(notes: list[Note], diagnostics: list[Diagnostic], **options):
    return build_report(run(notes, diagnostics), STRUCTURE_RULES, as_of=AS_OF, max_file_size=1_000_000, **options)


def linted(*notes: Note, **options):
    """The report on ``notes`` with the real rules, as ``notelint report`` makes it."""
    linter = Linter(Config(root=Path.cwd(), select=("NL1",)), RULES, AS_OF)
    return report(list(notes), linter.check_notes(list(notes)), **options)


def baseline_of(previous, tmp_path: Path) -> Baseline:
    """A report as the next run reads it back from report.json."""
    path = tmp_path / "previous.json"
    path.write_text(render_json(previous), encoding="utf-8")
    return read_baseline(path)


# -- a sample with every kind of finding the report shows ---------------------------
S3 = """
    ---
    title: Amazon S3
    reviewed: 2025-06-01
    ---
    ## Storage

    * **S3** stores objects in buckets.
    * Glacier retrieval takes 12 hours.
      Expedited retrieval exists too.

    Plain paragraph about `GetObject` and \\_escapes\\_.
    """
GLACIER = """
    ---
    title: Glacier
    reviewed: 2025-06-01
    ---
    * Glacier retrieval takes 5 hours.
    """
EVIDENCE = {
    "source": "https://aws.amazon.com/glacier/",
    "effective_date": "2024-01-01",
    "current_fact": "Standard retrieval takes 3-5 hours.",
}


def sample_report(**options):
    """Two notes; a stale claim with evidence, an info, a front matter error
    with an unsafe fix, a contradiction with its other side, a typo."""
    s3 = note(S3)
    glacier = note(GLACIER, "notes/glacier.md")
    diagnostics = [
        diagnostic(s3, "12 hours", meta=EVIDENCE),
        diagnostic(s3, "S3", occurrence=1, code="NL301", name="aws-name-case", severity=Severity.INFO,
                   message="spelled right", suggestions=("Amazon S3",)),
        diagnostic(s3, "title: Amazon S3", code="NL104", name="invalid-field-value", severity=Severity.ERROR,
                   message="bad value", fix=FixOut((), "quote the title", False)),
        diagnostic(s3, "Glacier retrieval takes 12 hours.", code="NL601", name="contradiction", message="contradicts",
                   related=(location(glacier, "Glacier retrieval takes 5 hours.", "other side"),)),
        diagnostic(s3, "_escapes", code="NL201", name="misspelled", message="typo"),
    ]
    return report([s3, glacier], diagnostics, **options)


# -- a note that tries to run script in the report ----------------------------------
# Each payload, if it ran, would mark the page's body with data-pwned.
HOSTILE_PATH = "notes/<img src=x onerror=document.body.dataset.pwned=1>.md"
HOSTILE = """
    ---
    title: "<script>document.body.dataset.pwned='title'</script>"
    reviewed: 2025-06-01
    ---
    ## Keys <u onmouseover=alert(2)>here</u>

    * KMS encrypts <script>document.body.dataset.pwned='claim'</script> data (at rest.
    * Rotate keys <img src=x onerror="document.body.dataset.pwned='img'"> every "year" & more.
    """


def hostile_report():
    """Every place the report shows text from notes, filled with markup."""
    bad = note(HOSTILE, HOSTILE_PATH)
    other = note("* <b>bold</b> other side\n", "notes/other.md")
    diagnostics = [
        diagnostic(bad, "(at", code="NL116", name="unclosed-parenthesis", message="'(' is never closed <b>"),
        diagnostic(bad, "<img src=x onerror=\"document.body.dataset.pwned='img'\">", message='x" onclick="alert(4)',
                   suggestions=("<i>x</i>",),
                   meta={"source": "javascript:alert(5)", "current_fact": "<svg onload=alert(6)>"},
                   related=(location(other, "<b>bold</b>", "<em>see</em>"),)),
        diagnostic(bad, "here", code="NL111", name="duplicate-heading", severity=Severity.INFO),
    ]
    return report([bad, other], diagnostics)
