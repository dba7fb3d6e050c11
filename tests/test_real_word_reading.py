"""One scan of a text's runs for NL208 and NL209 (``notelint.spelling.realword``)."""

from __future__ import annotations

import pytest

from notelint.spelling import realword
from notelint.spelling.collocation import load, lowered_runs, misplaced
from notelint.spelling.grammar import slips
from notelint.spelling.realword import Reading
from tests.helpers import FRONT, lint

TEXTS = (
    "With provisioned capability mode you set the reads and writes per second.",  # NL208: capacity
    "Update the agent by downloading an installing the new version.",  # NL209: and
    "Stored ion SSD, a 64-bit data set, and the better of the two.",  # NL208 (in); NL209 passes "the better of"
    "Amazon's CamelCase names end a run.",
    "",
)


@pytest.fixture(scope="module")
def model():
    return load()


@pytest.fixture
def scans(monkeypatch):
    """The texts ``Reading`` scanned for runs, in order."""
    scanned: list[str] = []

    def counting(text: str):
        scanned.append(text)
        return lowered_runs(text)

    monkeypatch.setattr(realword, "lowered_runs", counting)
    return scanned


@pytest.mark.parametrize("text", TEXTS)
def test_a_reading_finds_what_each_rule_finds_in_the_text(text, model):
    reading = Reading(text)
    assert reading.slips(model) == tuple(slips(text, model))
    assert reading.misplaced(model) == tuple(misplaced(text, model, lambda _word: False))


def test_the_examples_hits_are_found():
    model = load()
    assert [hit.written for hit in Reading(TEXTS[0]).misplaced(model)] == ["capability"]
    assert [hit.written for hit in Reading(TEXTS[1]).slips(model)] == ["an"]
    assert Reading(TEXTS[1]).misplaced(model) == () and Reading(TEXTS[0]).slips(model) == ()


@pytest.mark.parametrize("first", ["misplaced", "slips"])
def test_a_text_is_scanned_once_for_both_rules_whichever_asks_first(first, scans, model):
    reading = Reading(TEXTS[0])
    second = "slips" if first == "misplaced" else "misplaced"
    found_first = getattr(reading, first)(model)
    found_second = getattr(reading, second)(model)
    assert scans == [TEXTS[0]]
    # asked again, each answers from what it found, without a scan
    assert getattr(reading, first)(model) is found_first and getattr(reading, second)(model) is found_second
    assert scans == [TEXTS[0]]


def test_a_reading_asked_by_one_rule_only_scans_once(scans, model):
    reading = Reading(TEXTS[1])
    for _ in range(3):
        assert [hit.written for hit in reading.slips(model)] == ["an"]
    assert scans == [TEXTS[1]]


def test_both_rules_on_a_note_scan_each_of_its_texts_once(scans):
    # texts no other test lints (the linter, and its memo of readings, is shared between tests)
    first = "In this table the provisioned capability mode sets the writes per second."
    second = "Then update the agent by downloading an installing the new version."
    body = f"* {first}\n* {second}\n* {first}\n"  # the first text twice: read once
    found = [(d.code, d.line, d.column, d.end_column) for d in lint(FRONT + body, ("NL208", "NL209"))]
    line = FRONT.count("\n") + 1
    assert found == [("NL208", line, 33, 43), ("NL209", line + 1, 40, 42), ("NL208", line + 2, 33, 43)]
    assert sorted(scans) == sorted([first, second])
