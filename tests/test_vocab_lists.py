"""Every word of the curated word lists is accepted, read straight from the files.

The oracle is the files themselves (not ``curated_words()``): the audit of
2026-12-02 made ``curated_words()`` drop the first word of each list and no
spelling test noticed (only the labelled original notes did, because one of
their words happened to be first in its list).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from notelint.spelling.vocab import CURATED, build, curated_words
from tests.helpers import lint

WORDS = Path(__file__).resolve().parent.parent / "notelint" / "data" / "words"


def entries(name: str) -> list[str]:
    lines = (WORDS / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.strip().startswith("#")]


@pytest.mark.parametrize("name", CURATED)
def test_every_entry_is_curated(name):
    listed = entries(name)
    assert len(listed) > 10
    assert set(listed) <= curated_words()


@pytest.mark.parametrize("name", CURATED)
def test_every_entry_is_known_to_the_vocabulary(name):
    vocab = build(None, None)
    unknown = [word for entry in entries(name) for word in re.findall(r"[^\W\d_]+", entry) if not vocab.knows(word)]
    assert unknown == []


@pytest.mark.parametrize("name", CURATED)
def test_the_first_and_last_entries_are_not_reported_in_prose(name):
    listed = entries(name)
    words = [w for entry in (listed[0], listed[1], listed[-1]) for w in re.findall(r"[^\W\d_]+", entry)]
    text = "".join(f"* The {word} here\n" for word in words)
    assert lint(text, "NL201") == []
