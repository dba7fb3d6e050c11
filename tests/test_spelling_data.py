"""The curated spelling data: sorted, unique, well-formed, and consistent."""

from __future__ import annotations

import re

import pytest

from notelint.shipped import data_text
from notelint.spelling.context import load_confusables
from notelint.spelling.tokens import is_mixed_case
from notelint.spelling.vocab import (
    CASING,
    CURATED,
    MISSPELLINGS,
    NAMES,
    PROSE_NAMES,
    RARE,
    casing_names,
    data_lines,
    english_words,
    misspelling_map,
    rare_words,
)
from notelint.spelling.suggest import distance


def raw_lines(name: str) -> list[str]:
    return data_text("words", name).split("\n")


@pytest.mark.parametrize("name", [*CURATED, CASING])
def test_word_lists_are_one_word_a_line_sorted_and_unique(name):
    lines = raw_lines(name)
    assert lines[-1] == "", f"{name} must end with a newline"
    words = lines[:-1]
    assert words == sorted(set(words)), f"{name} must be sorted and free of duplicates"
    if name == CASING:  # names with a capital inside: TensorFlow, MLlib
        bad = [w for w in words if not (w.isascii() and w.isalpha() and is_mixed_case(w))]
    else:
        bad = [w for w in words if not re.fullmatch(r"[a-z]+", w)]
    assert not bad, f"{name}: not one {'mixed-case name' if name == CASING else 'lowercase word'} a line: {bad}"


def test_no_word_is_in_two_lists():
    seen: dict[str, str] = {}
    for name in CURATED:
        for word in data_lines(name):
            assert word not in seen, f"'{word}' is in both {seen[word]} and {name}"
            seen[word] = name


def test_casing_names_are_not_also_plain_words():
    # a listed lowercase form would read as a second, case-free spelling of the name
    listed = set().union(*(data_lines(name) for name in CURATED))
    assert not [name for name in casing_names().values() if name.lower() in listed]


def test_word_lists_hold_no_known_misspelling():
    typos = misspelling_map()
    for name in CURATED:
        listed = [w for w in data_lines(name) if w in typos]
        assert not listed, f"{name} lists misspellings: {listed}"
    assert not [c for c in casing_names() if c in typos]


def test_plain_casing_names_are_not_english_words():
    # a plain name that is also an English word ("spark") is never reported, so it does not belong
    # in casing.txt or names.txt; a mixed-case one (JavaScript) is, as English has no such word
    english = english_words()
    assert not [n for n in casing_names().values() if n.lower() in english and not is_mixed_case(n)]


def test_names_list_is_sorted_and_each_name_is_words_with_a_capital():
    lines = raw_lines(NAMES)
    assert lines[-1] == "" and lines[:-1] == sorted(set(lines[:-1]))
    bad = [n for n in lines[:-1] if not re.fullmatch(r"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*", n) or any(is_mixed_case(w) for w in n.split())]
    assert not bad, f"{NAMES}: a plain capitalised name (mixed-case ones go in {CASING}): {bad}"
    assert not set(lines[:-1]) & set(raw_lines(CASING))


def test_prose_names_are_english_words_and_nowhere_else():
    # casing-prose.txt holds exactly the names the other lists may not: English words too
    english = english_words()
    names = data_lines(PROSE_NAMES)
    assert names == sorted(set(names)) and all(n[0].isupper() and n[1:].islower() for n in names)
    assert [n for n in names if n.lower() in english] == names
    assert not {n.lower() for n in names} & set(casing_names())
    assert not {n.lower() for n in names} & set().union(*(data_lines(name) for name in CURATED))


def test_misspelling_map_is_sorted_and_each_correction_is_known():
    lines = data_lines(MISSPELLINGS)
    keys = [line.split("->")[0] for line in lines]
    assert keys == sorted(set(keys))
    english = english_words()
    curated = set().union(*(data_lines(name) for name in CURATED))
    for typo, correct in misspelling_map().items():
        assert typo not in english, f"'{typo}' is an English word"
        for word in correct.lower().split():
            assert word in english or word in curated, f"correction '{correct}' of '{typo}' is not a known word"


def test_confusables_load_and_each_has_a_group_or_whole_match():
    from tests.helpers import lint

    entries = load_confusables()
    assert len(entries) >= 5
    for entry in entries:
        assert entry.correct and entry.why
        # the reported part is the group named "w" or the whole match: any other group name is a typo
        assert set(entry.pattern.groupindex) <= {"w"}, entry.pattern.pattern
        # what it suggests is itself spelled right
        assert lint(f"* {entry.correct}\n", "NL201") == [], entry.correct


def test_vocabulary_without_the_aws_catalog():
    from notelint.spelling.vocab import build

    vocab = build(None, None)
    assert vocab.knows("hyperparameters") and vocab.knows("Dockerfile") and not vocab.knows("guarnateed")
    assert vocab.products == {} and vocab.operations == frozenset()


def test_rare_words_are_sorted_and_each_is_one_edit_from_its_frequent_words():
    lines = data_lines(RARE)
    words = [line.split()[0] for line in lines]
    assert words == sorted(set(words))
    english = english_words()
    for word, nears in rare_words().items():
        assert word.isalpha() and word.islower() and 1 <= len(nears) <= 3, word
        for near in nears:
            assert distance(word, near, 1) == 1 and near[0] == word[0], (word, near)
            assert near in english or near[:-1] in english, (word, near)


def test_its_words_are_sorted_unique_lowercase_words():
    from notelint.spelling.confusion import ITS_FILE, its_words

    lines = data_lines(ITS_FILE)
    assert lines == sorted(set(lines)) and all(w.isalpha() and w.islower() for w in lines)
    assert {"target", "root", "performance"} <= its_words()
