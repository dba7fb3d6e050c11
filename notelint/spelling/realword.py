"""What NL208 and NL209 find in one text of prose, from one scan of its runs.

Both rules read the same texts of a note one after the other, and keep one
reading per text between them (in the run's shared data): a reading scans the text's runs when the first of them asks, and lets them go as
soon as the second has read them too.  Runs kept in a memo of their own until
they dropped out of it were freed long after they were last touched, out of the
processor's caches: on the SageMaker guide those evictions were about a twelfth
of both rules' time.
"""

from __future__ import annotations

from notelint.spelling.collocation import Misplaced, Model, Run, lowered_runs, misplaced_in_runs
from notelint.spelling.grammar import Slip, slips_in_runs


def _no_skip(_word: str) -> bool:
    return False  # the rule skips a note's own words after its memo: a reading is the same for every note


class Reading:
    """The out-of-place words (NL208) and grammar slips (NL209) of one text, each found when first asked."""

    __slots__ = ("_text", "_runs", "_misplaced", "_slips")

    def __init__(self, text: str):
        self._text = text
        self._runs: tuple[Run, ...] | None = None
        self._misplaced: tuple[Misplaced, ...] | None = None
        self._slips: tuple[Slip, ...] | None = None

    def misplaced(self, model: Model) -> tuple[Misplaced, ...]:
        found = self._misplaced
        if found is None:
            found = self._misplaced = tuple(misplaced_in_runs(self._scanned(), model, _no_skip))
            self._let_go_of_read_runs()
        return found

    def slips(self, model: Model) -> tuple[Slip, ...]:
        found = self._slips
        if found is None:
            found = self._slips = tuple(slips_in_runs(self._scanned(), model))
            self._let_go_of_read_runs()
        return found

    def _let_go_of_read_runs(self) -> None:
        if self._misplaced is not None and self._slips is not None:
            self._runs = None  # both have read them: freed now, while the caches still hold them

    def _scanned(self) -> tuple[Run, ...]:
        runs = self._runs
        if runs is None:
            runs = self._runs = lowered_runs(self._text)
        return runs
