"""Inline SVG bar charts: findings per note (stacked by family) and per family.

Plain SVG elements with text labels and a ``<title>`` per bar, so the charts
need no script, scale with the page and print; every label is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Sequence

from notelint.report.model import Family, NoteSummary

# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
FAMILY_COLOURS = {
    "NL1": "#0072b2",
    "NL2": "#e69f00",
    "NL3": "#009e73",
    "NL4": "#cc79a7",
    "NL5": "#d55e00",
    "NL6": "#56b4e9",
}
OTHER_COLOUR = "#999999"

_ROW = 24
_BAR = 16
_COUNT = 80  # room after the bar for the count ("not checked")
_MAX_LABEL = 34  # characters (about 250 px); longer labels are shortened, the full one is in <title>


@dataclass(frozen=True)
class _Frame:
    """Geometry of one chart: the viewBox width and the label column on its left."""

    width: int
    label: int

    @property
    def plot(self) -> int:
        return self.width - self.label - _COUNT


_PER_NOTE = _Frame(width=720, label=280)
_PER_FAMILY = _Frame(width=480, label=150)


def colour(prefix: str) -> str:
    return FAMILY_COLOURS.get(prefix, OTHER_COLOUR)


def _shorten(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else "…" + label[-(_MAX_LABEL - 1) :]


def _svg(title: str, frame: _Frame, rows: int, body: list[str]) -> str:
    height = max(rows, 1) * _ROW + 8
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {frame.width} {height}" width="{frame.width}" '
        f'height="{height}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>' + "".join(body) + "</svg>"
    )


def _label(frame: _Frame, y: int, text: str) -> str:
    return (
        f'<text x="{frame.label - 8}" y="{y + _BAR - 4}" text-anchor="end" class="label">'
        f"<title>{escape(text)}</title>{escape(_shorten(text))}</text>"
    )


def _count(x: float, y: int, text: str) -> str:
    return f'<text x="{x + 6:.1f}" y="{y + _BAR - 4}" class="count">{escape(text)}</text>'


def _bar(x: float, y: int, width: float, fill: str, tip: str) -> str:
    return (
        f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{_BAR}" fill="{fill}">'
        f"<title>{escape(tip)}</title></rect>"
    )


def per_note(notes: Sequence[NoteSummary], families: Sequence[Family]) -> str:
    """One bar per note, split by family."""
    frame = _PER_NOTE
    scale = frame.plot / max(max((note.tally.total for note in notes), default=0), 1)
    body = []
    for row, note in enumerate(notes):
        y = row * _ROW + 4
        body.append(_label(frame, y, note.path))
        x = float(frame.label)
        for family in families:
            count = note.tally.by_family.get(family.prefix, 0)
            if count:
                tip = f"{note.path}: {count} {family.prefix} {family.name}"
                body.append(_bar(x, y, count * scale, colour(family.prefix), tip))
                x += count * scale
        body.append(_count(x, y, str(note.tally.total)))
    return _svg("Findings per note, by rule family", frame, len(notes), body)


def per_family(families: Sequence[Family]) -> str:
    """One bar per family; a family none of whose rules ran says so."""
    frame = _PER_FAMILY
    scale = frame.plot / max(max((family.findings for family in families), default=0), 1)
    body = []
    for row, family in enumerate(families):
        y = row * _ROW + 4
        name = f"{family.prefix} {family.name}"
        body.append(_label(frame, y, name))
        width = family.findings * scale
        if width:
            body.append(_bar(frame.label, y, width, colour(family.prefix), f"{name}: {family.findings} findings"))
        body.append(_count(frame.label + width, y, str(family.findings) if family.rules else "not checked"))
    return _svg("Findings per rule family", frame, len(families), body)
