"""Inline SVG bar charts: findings per note (stacked by family) and per family.

This module does the geometry; the ``chart`` macro in ``templates/parts.html.j2``
draws it as plain SVG elements with text labels and a ``<title>`` per bar, so
the charts need no script, scale with the page and print.
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    fill: str
    tip: str  # its <title>


@dataclass(frozen=True)
class Row:
    """One labelled row: its bars left to right, then the count after them."""

    y: int  # top of the bars
    label: str
    bars: tuple[Bar, ...]
    count_x: float
    count: str

    @property
    def text_y(self) -> int:
        return self.y + _BAR - 4

    @property
    def short_label(self) -> str:
        return self.label if len(self.label) <= _MAX_LABEL else "…" + self.label[-(_MAX_LABEL - 1) :]


@dataclass(frozen=True)
class Chart:
    title: str
    width: int
    label_x: int  # right edge of the labels
    rows: tuple[Row, ...]

    @property
    def height(self) -> int:
        return max(len(self.rows), 1) * _ROW + 8

    @property
    def bar_height(self) -> int:
        return _BAR


def _chart(title: str, frame: _Frame, rows: list[Row]) -> Chart:
    return Chart(title, frame.width, frame.label - 8, tuple(rows))


def _row(index: int, label: str, bars: list[Bar], end: float, count: str) -> Row:
    return Row(index * _ROW + 4, label, tuple(bars), end + 6, count)


def per_note(notes: Sequence[NoteSummary], families: Sequence[Family]) -> Chart:
    """One bar per note, split by family."""
    frame = _PER_NOTE
    scale = frame.plot / max(max((note.tally.total for note in notes), default=0), 1)
    rows = []
    for index, note in enumerate(notes):
        bars = []
        x = float(frame.label)
        for family in families:
            count = note.tally.by_family.get(family.prefix, 0)
            if count:
                tip = f"{note.path}: {count} {family.prefix} {family.name}"
                bars.append(Bar(x, count * scale, colour(family.prefix), tip))
                x += count * scale
        rows.append(_row(index, note.path, bars, x, str(note.tally.total)))
    return _chart("Findings per note, by rule family", frame, rows)


def per_family(families: Sequence[Family]) -> Chart:
    """One bar per family; a family none of whose rules ran says so."""
    frame = _PER_FAMILY
    scale = frame.plot / max(max((family.findings for family in families), default=0), 1)
    rows = []
    for index, family in enumerate(families):
        name = f"{family.prefix} {family.name}"
        width = family.findings * scale
        bars = [Bar(frame.label, width, colour(family.prefix), f"{name}: {family.findings} findings")] if width else []
        count = str(family.findings) if family.rules else "not checked"
        rows.append(_row(index, name, bars, frame.label + width, count))
    return _chart("Findings per rule family", frame, rows)
