"""``report.html``: one self-contained page (inline CSS and SVG, no script),
rendered from ``templates/report.html.j2``.

Autoescaping is on for every template, so text from a note, a path or a rule
message cannot become markup however a template uses it; an undefined name
fails instead of printing nothing. The Content-Security-Policy is a second line
of defence that forbids scripts and any fetched resource outright.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

import jinja2
from markupsafe import Markup

from notelint.report import charts
from notelint.report.model import Excerpt, Report
from notelint.report.wording import plural, score_text

FIX_FIRST = 10
LOW_SCORE = 80  # a note scoring below this is shown in red
_SAFE_SCHEMES = ("https://", "http://")


def render_html(report: Report) -> str:
    return _environment().get_template("report.html.j2").render(report=report)


@lru_cache(maxsize=None)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("notelint.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        FIX_FIRST=FIX_FIRST,
        LOW_SCORE=LOW_SCORE,
        plural=plural,
        score_text=score_text,
        colour=charts.colour,
        per_note=charts.per_note,
        per_family=charts.per_family,
        highlighted=highlighted,
    )
    env.tests["web_address"] = lambda value: value.startswith(_SAFE_SCHEMES)
    return env


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` before autoescaping: text is escaped as ``html.escape``
    does (``&#x27;`` for ``'``), as the report always has been, so the page is
    unchanged; markup from a macro passes; ``None`` is a bug, not text."""
    if value is None:
        raise TypeError("None in report.html")
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(html.escape(value))
    return value


def highlighted(excerpt: Excerpt) -> list[tuple[str, bool]]:
    """The excerpt's text in pieces, each with whether it is highlighted; the
    highlights are in order and clipped to the text and to each other."""
    text, pieces, position = excerpt.text, [], 0
    for start, end in excerpt.highlights:
        start, end = max(start, position), min(end, len(text))
        if end <= start:
            continue
        pieces += [(text[position:start], False), (text[start:end], True)]
        position = end
    pieces.append((text[position:], False))
    return pieces
