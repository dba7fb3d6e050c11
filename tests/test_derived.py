"""The derived-data store (notelint/derived.py): values built once, loaded after."""

from __future__ import annotations

import os
import pickle
import time
from datetime import date

import pytest

from notelint import derived


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def counting(value):
    calls = []

    def build():
        calls.append(1)
        return value

    return build, calls


def test_a_value_is_built_once_then_loaded(cache):
    value = {"words": frozenset({"sagemaker", "glue"}), "since": date(2024, 12, 3), "pairs": [("a", 1)]}
    build, calls = counting(value)
    assert derived.stored("example", build) == value
    assert derived.stored("example", build) == value
    assert len(calls) == 1
    assert derived.stored_path("example").is_file()


def test_other_inputs_build_again(cache):
    build, calls = counting([1, 2])
    derived.stored("example", build, inputs=("words: a",))
    derived.stored("example", build, inputs=("words: b",))
    derived.stored("example", build, inputs=("words: a",))
    assert len(calls) == 2


class NotPlain:
    def __eq__(self, other):
        return isinstance(other, NotPlain)


def test_a_value_that_is_not_plain_data_is_returned_and_not_kept(cache):
    build, calls = counting({"object": NotPlain()})
    assert derived.stored("example", build) == {"object": NotPlain()}
    assert derived.stored("example", build) == {"object": NotPlain()}
    assert len(calls) == 2
    assert not derived.stored_path("example").exists()


class Planted:
    def __reduce__(self):
        return (print, ("loading ran code",))


def test_a_file_that_names_other_globals_is_never_loaded(cache, capsys):
    path = derived.stored_path("example")
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps({"value": Planted()}))
    build, calls = counting("built")
    assert derived.stored("example", build) == "built"
    assert calls == [1]
    assert "loading ran code" not in capsys.readouterr().out
    assert derived.stored("example", build) == "built"  # the planted file was replaced
    assert calls == [1]


def test_a_damaged_file_is_built_again(cache):
    path = derived.stored_path("example")
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x80\x05not a pickle")
    build, calls = counting(("value",))
    assert derived.stored("example", build) == ("value",)
    assert calls == [1]


def test_the_key_follows_the_package_files(cache, monkeypatch):
    before = derived.stored_path("example")
    monkeypatch.setattr(derived, "package_stamps", lambda: "notelint/rule.py\t1\t2")
    assert derived.stored_path("example") != before


def test_shipped_yaml_is_parsed_once(cache, monkeypatch):
    from notelint import shipped

    parsed = []
    real = shipped._parse_yaml
    monkeypatch.setattr(shipped, "_parse_yaml", lambda *parts: parsed.append(parts) or real(*parts))
    first = shipped.data_yaml("words", "confusables.yaml")
    second = shipped.data_yaml("words", "confusables.yaml")
    assert first == second and first
    assert parsed == [("words", "confusables.yaml")]


def test_the_vocabulary_is_stored_and_loaded_back_equal(cache, catalog):
    from notelint.spelling import vocab

    built = vocab.build(catalog, None)
    loaded = vocab.build(catalog, None)
    assert built is not loaded
    for name in built.FIELDS:
        if name == "english":
            assert set(built.english) == set(loaded.english) and len(loaded.english) > 100_000
        else:
            assert getattr(built, name) == getattr(loaded, name), name
    assert loaded.english.get("the") == built.english.get("the")  # frequencies still read on demand


def test_sorted_words_answer_as_the_set():
    from notelint.sortedtable import SortedWords, words_text

    words = frozenset({"a", "an", "apple", "applet", "bee", "zebra", "zoo"})
    text = words_text(words)
    assert text == "\n".join(sorted(words)) and words_text(SortedWords(text)) == text
    probes = [*words, "", "ap", "appl", "apples", "b", "zz", "zzz", "Apple", "\n", "a\nan", "é", None, 3]
    searched = SortedWords(text)
    assert searched.SEARCHES_BEFORE_SET == 0  # 7 words: a set at once
    assert 9 <= SortedWords("\n".join(sorted(str(n) for n in range(400)))).SEARCHES_BEFORE_SET <= 11
    searched.SEARCHES_BEFORE_SET = 100
    for probe in probes:
        assert (probe in searched) == (probe in words), probe
    assert searched._set is None  # answered by search so far
    assert len(searched) == len(words) and sorted(searched) == sorted(words) and searched == words
    assert searched | {"x"} == words | {"x"} and isinstance(searched - {"a"}, frozenset)
    searched.SEARCHES_BEFORE_SET = 2
    assert "zoo" in searched and "apple" in searched and "ap" not in searched
    assert searched._set == words  # past the limit: the set is built
    assert SortedWords("")._set is None and "a" not in SortedWords("") and len(SortedWords("")) == 0


def test_english_words_from_sorted_text_answer_as_the_set():
    from notelint.sortedtable import SortedWords
    from notelint.spelling.vocab import EnglishWords

    words = frozenset({"a", "an", "apple", "bee"})
    searched = EnglishWords(None, None, sorted_text="\n".join(sorted(words)))
    assert isinstance(searched.words, SortedWords) and searched.words == words
    assert "apple" in searched and "ap" not in searched and len(searched) == 4 and sorted(searched) == sorted(words)
    assert "a" not in EnglishWords(None, None) and EnglishWords(words, None).words is words


def test_storing_a_value_deletes_its_old_copies(cache, monkeypatch):
    """Copies under other keys (other installs, other word settings): the newest few only; any file written more
    than a week ago goes; other values' recent files stay, even when their names begin with this one's."""
    folder = cache / "derived"
    folder.mkdir()
    day = 24 * 3600
    now = time.time()

    def copy(name, key, age_in_days):
        path = folder / f"{name}-{key:032x}.pickle"
        path.write_bytes(pickle.dumps("old"))
        os.utime(path, (now - age_in_days * day, now - age_in_days * day))
        return path.name

    recent = [copy("example", key, age_in_days=key / 10) for key in range(1, 11)]  # 0.1 to 1 day old
    stale = copy("example", 99, age_in_days=8)
    other_value = copy("example-text", 1, age_in_days=1)
    other_name = copy("other", 1, age_in_days=6)
    old_other = copy("other", 2, age_in_days=8)
    build, calls = counting("new")
    assert derived.stored("example", build, inputs=("words: a",)) == "new"
    left = {path.name for path in folder.iterdir()}
    assert derived.stored_path("example", ("words: a",)).name in left
    assert set(recent[: derived.COPIES_KEPT - 1]) <= left  # the newest 7 and the new one
    assert not left & set(recent[derived.COPIES_KEPT - 1 :])
    assert stale not in left and old_other not in left
    assert {other_value, other_name} <= left
    assert len(left) == derived.COPIES_KEPT + 2


def test_a_value_loaded_from_the_store_deletes_nothing(cache):
    build, calls = counting("value")
    derived.stored("example", build, inputs=("words: a",))
    first = derived.stored_path("example", ("words: a",))
    old = first.stat().st_mtime - derived.COPY_LIFETIME - 60
    os.utime(first, (old, old))
    derived.stored("example", build, inputs=("words: a",))  # loaded: nothing stored, nothing deleted
    assert first.exists() and calls == [1]
    derived.stored("example", build, inputs=("words: b",))  # stored: the week-old copy goes
    assert not first.exists() and derived.stored_path("example", ("words: b",)).exists()
