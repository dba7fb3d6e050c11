"""``report.md``: the summary as Markdown, short enough for a pull-request comment.

Counts, the findings to fix first, the delta and the lowest-scoring notes;
lists are capped so the comment stays small however many findings there are.
Text from notes is backslash-escaped so it cannot turn into markup, links,
HTML or @-mentions.
"""

from __future__ import annotations

import re

from notelint.report.model import Excerpt, Report, ReportedFinding
from notelint.report.wording import plural, score_text

FIX_FIRST = 10
FIXED = 10
LOWEST_SCORES = 10
EXCERPT_CHARS = 160  # an excerpt longer than this shows a window around the flagged text
_CONTEXT = 60  # characters either side of the flagged text in that window

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#!@])")


def _md(text: str, keep_edges: bool = False) -> str:
    """Plain text as Markdown that shows exactly that text, on one line;
    ``keep_edges`` keeps one space where the text starts or ends with whitespace."""
    core = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    if not keep_edges or not core:
        return " " if keep_edges and text[:1].isspace() else core
    return (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")



def render_markdown(report: Report) -> str:
    lines = ["## notelint correctness report", "", _made_with(report), ""]
    lines += _summary(report)
    lines += _delta(report)
    lines += _fix_first(report)
    lines += _fixed(report)
    lines += _lowest_scores(report)
    lines += _errors(report)
    lines += [f"<sub>{_md(report.score_formula)}. Full report with every finding in context: report.html</sub>", ""]
    return "\n".join(lines)


def _made_with(report: Report) -> str:
    parts = [f"As of {report.as_of}", f"botocore {_md(report.botocore_version)}", f"notelint {_md(report.notelint_version)}"]
    if report.generated_at:
        parts.append(f"generated {_md(report.generated_at)}")
    return " · ".join(parts)


def _summary(report: Report) -> list[str]:
    counts = report.by_severity
    lines = [
        f"**Score {score_text(report.score)} / 100**: {report.flagged_claims} of {plural(report.claims, 'claim')} flagged · "
        f"{plural(len(report.findings), 'finding')} ({plural(counts['error'], 'error')}, "
        f"{plural(counts['warning'], 'warning')}, {plural(counts['info'], 'info')}) in {plural(len(report.notes), 'note')}",
        "",
        "| Family | Rules | Findings |",
        "|---|--:|--:|",
    ]
    for family in report.families:
        rules = str(family.rules) if family.rules else "not checked"
        lines.append(f"| {family.prefix} {_md(family.name)} | {rules} | {family.findings} |")
    return lines + [""]


def _delta(report: Report) -> list[str]:
    if report.delta is None:
        return [f"**Since the previous report:** no comparison ({_md(report.no_delta_reason or 'no previous report')})", ""]
    delta = report.delta
    since = f" (as of {_md(delta.baseline.as_of)})" if delta.baseline.as_of else ""
    return [
        f"**Since the previous report{since}:** {delta.new} new · {len(delta.fixed)} fixed · {delta.unchanged} unchanged",
        "",
    ]


def _finding_line(finding: ReportedFinding, with_status: bool) -> list[str]:
    place = finding.place
    status = f" ({finding.status})" if with_status and finding.status == "new" else ""
    head = (
        f"**{finding.severity}** {_md(place.path)}:{place.line}:{place.column} "
        f"{finding.code} {_md(finding.name)}{status}: {_md(finding.message)}"
    )
    details = []
    if finding.evidence:
        details.append(" · ".join(f"{label}: {_md(value)}" for label, value in finding.evidence))
    for side in finding.related:
        where = side.place
        details.append(f"{_md(side.message or 'see')}: {_md(where.path)}:{where.line}:{where.column}")
    lines = [head, *(f"   {detail}" for detail in details)]
    # two trailing spaces make a hard break, so each detail keeps its own line
    lines = [line + "  " for line in lines[:-1]] + lines[-1:]
    excerpt = _excerpt(finding.excerpt)
    if excerpt:
        lines.append(f"   > {excerpt}")
    return lines


def _fix_first(report: Report) -> list[str]:
    first = report.fix_first(FIX_FIRST)
    if not first:
        return []
    lines = ["### Fix first", ""]
    for number, finding in enumerate(first, 1):
        entry = _finding_line(finding, with_status=True)
        lines.append(f"{number}. {entry[0]}")
        lines.extend(entry[1:])
    return lines + _more(len(report.findings), len(first), "finding") + [""]


def _fixed(report: Report) -> list[str]:
    if report.delta is None or not report.delta.fixed:
        return []
    lines = ["### Fixed since the previous report", ""]
    for finding in report.delta.fixed[:FIXED]:
        entry = _finding_line(finding, with_status=False)
        lines.append(f"- {entry[0]}")
        lines.extend(entry[1:])
    return lines + _more(len(report.delta.fixed), FIXED, "fixed finding") + [""]


def _lowest_scores(report: Report) -> list[str]:
    flagged = [note for note in report.notes if note.tally.total]
    if not flagged:
        return []
    flagged.sort(key=lambda note: (-1 if note.score is None else note.score, note.path))
    lines = ["### Lowest scores", "", "| Note | Score | Flagged claims | Findings |", "|---|--:|--:|--:|"]
    for note in flagged[:LOWEST_SCORES]:
        claims = f"{note.flagged_claims} of {note.claims}"
        lines.append(f"| {_md(note.path)} | {score_text(note.score)} | {claims} | {note.tally.total} |")
    return lines + _more(len(flagged), LOWEST_SCORES, "note with findings") + [""]


def _errors(report: Report) -> list[str]:
    if not report.errors:
        return []
    lines = [f"**{plural(len(report.errors), 'error')}: these were not checked**", ""]
    lines += [f"- {_md(error.path)}: {_md(error.message)}" for error in report.errors]
    return lines + [""]


def _more(total: int, shown: int, noun: str) -> list[str]:
    return ["", f"… and {plural(total - shown, noun)} more in report.html"] if total > shown else []


def _excerpt(excerpt: Excerpt) -> str:
    """The excerpt on one line, the flagged text as code, cut to a window around it."""
    text = excerpt.text
    if not text.strip():
        return ""
    spans = [(start, end) for start, end in excerpt.highlights if end > start]
    window_start, window_end = 0, len(text)
    if len(text) > EXCERPT_CHARS:
        focus = spans[0] if spans else (0, 0)
        window_start = max(focus[0] - _CONTEXT, 0)
        window_end = min(max(focus[1], focus[0] + EXCERPT_CHARS - 2 * _CONTEXT) + _CONTEXT, len(text))
    pieces = ["…" if window_start else ""]
    position = window_start
    for start, end in spans:
        start, end = max(start, position), min(end, window_end)
        if end <= start:
            continue
        pieces.append(_md(text[position:start], keep_edges=True))
        pieces.append(_code(text[start:end]))
        position = end
    pieces.append(_md(text[position:window_end], keep_edges=True))
    pieces.append("…" if window_end < len(text) else "")
    return re.sub(" {2,}", " ", "".join(pieces)).strip()


def _code(text: str) -> str:
    """A code span showing ``text`` on one line, fenced by more backticks than it holds."""
    flat = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"
