"""``report.html``: one self-contained page (inline CSS and SVG, no script).

Every string that comes from a note, a path or a rule message goes through
``escape`` (quotes included); the Content-Security-Policy is a second line of
defence that forbids scripts and any fetched resource outright.
"""

from __future__ import annotations

from html import escape
from importlib import resources
from typing import Iterable, Sequence

from notelint.report import charts
from notelint.report.model import Excerpt, Family, Report, ReportedFinding, Side
from notelint.report.wording import plural, score_text

FIX_FIRST = 10
LOW_SCORE = 80  # a note scoring below this is shown in red
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"
_SAFE_SCHEMES = ("https://", "http://")


def render_html(report: Report) -> str:
    sections = [
        _summary(report),
        _families(report),
        _notes_overview(report),
        _fix_first(report),
        _changes(report),
        _errors(report),
        *(_note_section(report, index) for index in range(len(report.notes))),
    ]
    css = resources.files("notelint.report").joinpath("style.css").read_text(encoding="utf-8")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            f"<title>notelint correctness report, as of {escape(report.as_of)}</title>",
            f"<style>\n{css}</style>",
            "</head>",
            "<body>",
            _header(report),
            "<main>",
            *(section for section in sections if section),
            "</main>",
            _footer(report),
            "</body>",
            "</html>",
            "",
        ]
    )


# -- page furniture -----------------------------------------------------------------
def _made_with(report: Report) -> str:
    parts = [
        f"as of <time>{escape(report.as_of)}</time>",
        f"botocore {escape(report.botocore_version)}",
        f"notelint {escape(report.notelint_version)}",
    ]
    if report.generated_at:
        parts.append(f"generated <time>{escape(report.generated_at)}</time>")
    return " · ".join(parts)


def _header(report: Report) -> str:
    return (
        "<header>\n<h1>Correctness report</h1>\n"
        f'<p class="meta">How far these notes can be trusted: {_made_with(report)}</p>\n</header>'
    )


def _footer(report: Report) -> str:
    return (
        "<footer>\n"
        f"<p>Made by notelint {escape(report.notelint_version)} with the AWS service data of botocore "
        f"{escape(report.botocore_version)}; claims judged as of {escape(report.as_of)}.</p>\n"
        f"<p>{escape(report.score_formula)}.</p>\n"
        "</footer>"
    )


# -- summary ------------------------------------------------------------------------
def _card(label: str, value: str, detail: str = "") -> str:
    detail_html = f'<div class="muted">{detail}</div>' if detail else ""
    return f'<div class="card"><div class="label">{label}</div><div class="value">{value}</div>{detail_html}</div>'


def _summary(report: Report) -> str:
    counts = report.by_severity
    severities = " · ".join(f'<span class="severity-{name}">{plural(count, name)}</span>' for name, count in counts.items())
    cards = [
        _card("Score", f"{score_text(report.score)}<small> / 100</small>",
              f"{report.flagged_claims} of {plural(report.claims, 'claim')} flagged"),
        _card("Findings", str(len(report.findings)), severities),
        _card("Notes", str(len(report.notes)), plural(report.claims, "claim")),
        _card("Since last report", *_delta_card(report)),
    ]
    checked = [f for f in report.families if f.rules]
    unchecked = [f for f in report.families if not f.rules]
    checked_names = ", ".join(f"{escape(f.prefix)} {escape(f.name)} ({plural(f.rules, 'rule')})" for f in checked)
    scope = "Checked: " + (checked_names or "nothing")
    if unchecked:
        scope += ". Not checked: " + ", ".join(f"{escape(f.prefix)} {escape(f.name)}" for f in unchecked)
        scope += "; the score says nothing about what was not checked"
    return (
        '<section id="summary">\n<h2>Summary</h2>\n'
        f'<div class="cards">{"".join(cards)}</div>\n'
        f'<p class="scope">{scope}.</p>\n'
        f'<p class="formula"><strong>Correctness score.</strong> {escape(report.score_formula)}.</p>\n'
        "</section>"
    )


def _delta_card(report: Report) -> tuple[str, str]:
    if report.delta is None:
        return "—", escape(report.no_delta_reason or "no previous report")
    delta = report.delta
    since = f"previous report as of {escape(delta.baseline.as_of)}" if delta.baseline.as_of else "previous report"
    value = (
        f'<span class="severity-error">+{delta.new}</span> <span class="muted">/</span> '
        f'<span class="fixed">−{len(delta.fixed)}</span>'
    )
    return value, f"{delta.new} new · {len(delta.fixed)} fixed · {delta.unchanged} unchanged, since the {since}"


def _legend(families: Sequence[Family]) -> str:
    items = "".join(
        f'<li><span class="swatch" style="background: {charts.colour(f.prefix)}"></span>{escape(f.prefix)} {escape(f.name)}</li>'
        for f in families
    )
    return f'<ul class="legend">{items}</ul>'


def _families(report: Report) -> str:
    rows = "".join(
        f"<tr><td><span class=\"swatch\" style=\"background: {charts.colour(f.prefix)}\"></span>{escape(f.prefix)}</td>"
        f"<td>{escape(f.name)}</td><td class=\"num\">{f.rules if f.rules else 'not checked'}</td>"
        f"<td class=\"num\">{f.findings}</td></tr>"
        for f in report.families
    )
    return (
        '<section id="families">\n<h2>Findings by rule family</h2>\n<div class="charts">\n'
        f"<div>{charts.per_family(report.families)}</div>\n"
        '<div><table><thead><tr><th>Family</th><th>Name</th><th class="num">Rules</th>'
        f'<th class="num">Findings</th></tr></thead><tbody>{rows}</tbody></table></div>\n'
        "</div>\n</section>"
    )


def _notes_overview(report: Report) -> str:
    rows = []
    for index, note in enumerate(report.notes):
        bad = ' class="num score-bad"' if note.score is not None and note.score < LOW_SCORE else ' class="num"'
        counts = note.tally.by_severity
        link = f'<a href="#note-{index + 1}">{escape(note.path)}</a>' if note.tally.total else escape(note.path)
        title = escape(note.title) if note.title else '<span class="muted">no title</span>'
        rows.append(
            f"<tr><td>{link}</td><td>{title}</td><td class=\"num\">{note.claims}</td>"
            f"<td class=\"num\">{note.flagged_claims}</td><td{bad}>{score_text(note.score)}</td>"
            f"<td class=\"num\">{counts['error']}</td><td class=\"num\">{counts['warning']}</td>"
            f"<td class=\"num\">{counts['info']}</td></tr>"
        )
    return (
        '<section id="notes">\n<h2>Notes</h2>\n'
        f"{charts.per_note(report.notes, report.families)}\n{_legend(report.families)}\n"
        '<table><thead><tr><th>Note</th><th>Title</th><th class="num">Claims</th><th class="num">Flagged</th>'
        '<th class="num">Score</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th>'
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>\n</section>"
    )


def _fix_first(report: Report) -> str:
    first = report.fix_first(FIX_FIRST)
    if not first:
        return ""
    return (
        '<section id="fix-first">\n<h2>Fix first</h2>\n'
        f'<p class="muted">The {plural(len(first), "most severe finding")}, new ones first; '
        "every finding is listed under its note below.</p>\n"
        f"{_findings_table(first, with_path=True)}\n</section>"
    )


def _changes(report: Report) -> str:
    if report.delta is None:
        reason = escape(report.no_delta_reason or "no previous report")
        return (
            '<section id="changes">\n<h2>Changes since the last report</h2>\n'
            f'<p class="muted">No comparison: {reason}.</p>\n</section>'
        )
    delta = report.delta
    baseline = delta.baseline
    made = ", ".join(
        part
        for part in (
            f"as of {escape(baseline.as_of)}" if baseline.as_of else "",
            f"botocore {escape(baseline.botocore_version)}" if baseline.botocore_version else "",
            f"generated {escape(baseline.generated_at)}" if baseline.generated_at else "",
        )
        if part
    )
    fixed = (
        f"<h3>Fixed ({len(delta.fixed)})</h3>\n{_findings_table(delta.fixed, with_path=True)}"
        if delta.fixed
        else "<p>Nothing from the previous report was fixed.</p>"
    )
    return (
        '<section id="changes">\n<h2>Changes since the last report</h2>\n'
        f"<p>Compared with the previous report ({made or 'no details recorded'}), matched by rule and claim text, "
        f"not by line: <strong>{delta.new} new</strong>, <strong>{len(delta.fixed)} fixed</strong>, "
        f"{delta.unchanged} unchanged. New findings are marked <span class=\"badge status-new\">new</span> below.</p>\n"
        f"{fixed}\n</section>"
    )


def _errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(f"<li><code>{escape(e.path)}</code>: {escape(e.message)}</li>" for e in report.errors)
    return (
        '<section id="errors">\n<h2 class="severity-error">Not checked: errors</h2>\n'
        "<p>These files or rules failed, so their findings are missing from this report.</p>\n"
        f"<ul>{items}</ul>\n</section>"
    )


# -- findings -----------------------------------------------------------------------
def _note_section(report: Report, index: int) -> str:
    note = report.notes[index]
    findings = report.findings_in(note.path)
    if not findings:
        return ""
    title = f"{escape(note.title)} <span class=\"muted\">({escape(note.path)})</span>" if note.title else escape(note.path)
    return (
        f'<section class="note" id="note-{index + 1}">\n<h2>{title}</h2>\n'
        f"<p>Score <strong>{score_text(note.score)}</strong> · {note.flagged_claims} of "
        f"{plural(note.claims, 'claim')} flagged · {plural(note.tally.total, 'finding')}</p>\n"
        f"{_findings_table(findings, with_path=False)}\n</section>"
    )


def _findings_table(findings: Iterable[ReportedFinding], *, with_path: bool) -> str:
    rows = "".join(_finding_row(finding, with_path) for finding in findings)
    return (
        '<table class="findings"><colgroup><col class="where"><col class="claim"><col></colgroup>'
        "<thead><tr><th>Where</th><th>Claim</th><th>Finding</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _finding_row(finding: ReportedFinding, with_path: bool) -> str:
    place = finding.place
    where = f"{escape(place.path)}:" if with_path else "line "
    status = f' <span class="badge status-{finding.status}">{finding.status}</span>' if finding.status in ("new", "fixed") else ""
    where_cell = (
        f'<div>{where}{place.line}:{place.column}</div>'
        f'<div><span class="code">{escape(finding.code)}</span> {escape(finding.name)}</div>'
        f'<div><span class="badge severity-{escape(finding.severity)}">{escape(finding.severity)}</span>{status}</div>'
    )
    return (
        f'<tr class="finding"><td>{where_cell}</td><td>{_excerpt(finding.excerpt)}</td>'
        f"<td>{_finding_detail(finding)}</td></tr>"
    )


def _finding_detail(finding: ReportedFinding) -> str:
    parts = [f"<p>{escape(finding.message)}</p>"]
    if finding.suggestions:
        label = "Suggestion" if len(finding.suggestions) == 1 else "Suggestions"
        parts.append(f"<p>{label}: " + ", ".join(f"<code>{escape(s)}</code>" for s in finding.suggestions) + "</p>")
    if finding.fix is not None:
        kind = "Fix" if finding.fix_safe else "Unsafe fix"
        parts.append(f'<p class="muted">{kind} available: {escape(finding.fix)}</p>')
    if finding.evidence:
        rows = "".join(f"<dt>{escape(label)}</dt><dd>{_value(label, value)}</dd>" for label, value in finding.evidence)
        parts.append(f'<dl class="evidence">{rows}</dl>')
    parts.extend(_side(side) for side in finding.related)
    return "".join(parts)


def _value(label: str, value: str) -> str:
    """Evidence as text; a source that is a web address becomes a link (never
    a ``javascript:`` one: only http and https are linked)."""
    if label == "Source" and value.startswith(_SAFE_SCHEMES):
        return f'<a href="{escape(value)}" rel="noreferrer">{escape(value)}</a>'
    return escape(value)


def _side(side: Side) -> str:
    place = side.place
    head = f"{escape(side.message or 'See')}: {escape(place.path)}:{place.line}:{place.column}"
    body = _excerpt(side.excerpt) if side.excerpt is not None else '<p class="muted">(that note could not be read)</p>'
    return f'<div class="side"><div class="muted">{head}</div>{body}</div>'


def _excerpt(excerpt: Excerpt) -> str:
    crumbs = ""
    if excerpt.heading_path:
        crumbs = f'<div class="crumbs">{" › ".join(escape(part) for part in excerpt.heading_path)}</div>'
    if not excerpt.text.strip():
        blank = "(blank lines)" if "\n" in excerpt.text else "(blank line)"
        return f'<div class="excerpt">{crumbs}<p class="text empty">{blank}</p></div>'
    text = excerpt.text
    pieces = []
    position = 0
    for start, end in excerpt.highlights:
        start, end = max(start, position), min(end, len(text))
        if end <= start:
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    kind = "lines" if excerpt.kind == "lines" else "prose"
    return f'<div class="excerpt {kind}">{crumbs}<p class="text">{"".join(pieces)}</p></div>'
