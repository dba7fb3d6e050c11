"""NL208 (out-of-place-word): real words that AWS prose, by their neighbours, writes as a similar word."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notelint.spelling.collocation import inflected, load, lowered_runs
from tests.helpers import FRONT, REPO, lint

BODY_LINE = FRONT.count("\n") + 1  # the first line after the front matter


def nl208(body: str, front: str = FRONT) -> list[tuple[int, int, int, str, tuple[str, ...]]]:
    return [(d.line, d.column, d.end_column, d.message, tuple(d.suggestions)) for d in lint(front + body, ("NL208",))]


def test_a_slip_between_two_set_phrases_is_reported_with_its_position_message_and_unsafe_fix():
    body = "* With provisioned capability mode you set the reads and writes per second.\n"
    (d,) = lint(FRONT + body, ("NL208",))
    assert (d.code, d.line, d.column, d.end_column) == ("NL208", BODY_LINE, 20, 30)
    assert d.message == "'capability' where AWS prose writes 'capacity' between 'provisioned' and 'mode'"
    assert d.suggestions[0] == "capacity"
    assert d.fix is not None and not d.fix.safe
    assert [e.text for e in d.fix.edits] == ["capacity"]


@pytest.mark.parametrize(
    "body, column, word, likely",
    [
        # a word AWS prose hardly uses, one edit from a far more frequent word that "stored" goes with
        ("1. data is stored ion SSD storage\n", 19, "ion", {"in", "on"}),
        # more than one edit, but the same first letters and a fixed phrase of AWS prose
        ("* Don't use interleaved keys in monotonously increasing attributes.\n", 33, "monotonously", {"monotonically"}),
    ],
)
def test_a_rare_word_beside_a_fixed_phrase_of_its_neighbour_is_reported(body, column, word, likely):
    (found,) = nl208(body)
    line, col, end, message, suggestions = found
    assert (line, col, end) == (BODY_LINE, column, column + len(word))
    assert message.startswith(f"'{word}' where AWS prose writes '")
    assert likely <= set(suggestions) or suggestions[0] in likely


@pytest.mark.parametrize(
    "body",
    [
        "* With provisioned capacity mode you set the reads and writes per second.\n",  # the right word
        "* Kinesis streams send data to the consumers.\n",  # a form of a word is grammar, not a slip
        "* We use it to parallelize reads across shards.\n",  # derived forms too
        "* You deploy our application with the CLI.\n",  # function words are never judged
        "* Solutions that tie SageMaker to other AWS services.\n",  # only a function word speaks for 'the'
        "* For the root account, consider a hardware fob.\n",  # one neighbour says little about 'for'
        "* A common one: the Norvig spell corrector.\n",  # 'corrections' has the same root
        "* Data is stored on SSD storage.\n",
        "* A 64-bit data type.\n",  # a token with a digit cuts the run
    ],
)
def test_right_words_and_what_the_counts_cannot_judge_are_left_alone(body):
    assert nl208(body) == []


def test_words_the_note_declares_or_writes_in_code_are_left_alone():
    body = "* With provisioned capability mode you set the reads.\n"
    assert nl208(body, front="---\ntitle: T\nreviewed: 2026-11-01\nwords: [capability]\n---\n") == []
    assert nl208("* The `capability` field: provisioned capability mode.\n") == []


def test_a_word_in_another_case_is_not_judged():
    assert nl208("* With provisioned Capability mode you set the reads.\n") == []


def test_inflected_and_derived_forms():
    assert inflected("streams", "stream") and inflected("created", "create") and inflected("maps", "map")
    assert inflected("parallelize", "parallel") and inflected("essential", "essentially")
    assert inflected("corrector", "corrections")  # one root
    assert not inflected("capability", "capacity") and not inflected("ion", "on") and not inflected("data", "date")


def test_runs_are_cut_by_punctuation_code_like_tokens_and_camel_case_names():
    text = "stored ion SSD, a 64-bit data type in SageMaker notebooks"
    assert [[t for _, _, t in run] for run in runs(text)] == [["stored", "ion", "SSD"], ["a"], ["data", "type", "in"], ["notebooks"]]
    start, end, token = runs(text)[0][1]
    assert text[start:end] == token == "ion"


def runs(text: str) -> list[list[tuple[int, int, str]]]:
    """``lowered_runs(text)`` as (start, end, token) lists."""
    return [[(*run.span(index), token) for index, token in enumerate(run.tokens)] for run in lowered_runs(text)]


RUN_BREAKS = ".;:!?()[]{}|,\"“”"  # punctuation that ends a run, as the oracle below cuts texts
# a whole token: letters with nothing word-like or code-like glued to it ("64-bit", "ml.p3")
WORD = re.compile(r"(?<![\w\-./@$%#&*+=<>\\])[A-Za-z]+(?:'[a-z]+)?(?![\w\-/@$%#&*+=<>\\]|\.\w)")


def _runs_token_by_token(text: str) -> list[list[tuple[int, int, str]]]:
    """The runs by their definition, token by token (the oracle for the one-search scanner): ``WORD``
    tokens of each piece between punctuation, a run cut where anything but spaces stands between two
    tokens or where a token is in none of lower, Title and UPPER case."""
    found, base = [], 0
    for piece in re.split(f"[{re.escape(RUN_BREAKS)}\n]", text):
        run: list[tuple[int, int, str]] = []
        for match in WORD.finditer(piece):
            token = match.group()
            if run and piece[run[-1][1] - base : match.start()].strip():
                found.append(run)
                run = []
            if token.islower() or token.istitle() or token.isupper():
                run.append((base + match.start(), base + match.end(), token))
            elif run:
                found.append(run)
                run = []
        if run:
            found.append(run)
        base += len(piece) + 1
    return found


@given(st.text(alphabet="aZbY '-./,:\t\n(é@_1\u00a0", max_size=40))
def test_runs_are_the_runs_of_their_token_by_token_definition(text):
    assert list(runs(text)) == _runs_token_by_token(text)


@pytest.mark.parametrize(
    "text",
    [
        "You're redirected to the page",  # "You're" is one token, in none of the cases: "re" is no word
        "The mean rho (Spearman's rank correlation) on it",
        "don't stop it's-x the AWS's note I'm here",
        "foo.bar baz, ml.p3 and Amazon's SageMaker notes ok",
        "a\u00a0non-breaking  space\tand tab",
    ],
)
def test_runs_match_their_definition_on_apostrophes_and_glued_tokens(text):
    assert list(runs(text)) == _runs_token_by_token(text)


def test_the_model_reads_counts_lazily_and_judges_from_them():
    model = load()
    assert model.count("capacity") > model.count("capability") > 0
    assert model.pair("provisioned", "capacity") > 0 and model.pair("provisioned", "capability") == 0
    assert model.judge("capability", "provisioned", "mode")[0] == "capacity"
    assert model.judge("capacity", "provisioned", "mode") == ()
    assert model.judge("our", "of", "application") == ()


def test_two_function_words_do_not_make_a_context():
    # "are presented by" is a set phrase twice over, but "are ... by" fits any participle
    assert nl208("* The environment variables that are preset by the training toolkit.\n") == []


def test_the_counts_name_their_sources_and_the_pinned_botocore():
    """The counts are versioned by their source: rebuild them (scripts/build_aws_bigrams.py) after a botocore bump."""
    from pathlib import Path

    from notelint.shipped import data_text

    header = [line for line in data_text("words", "aws-bigrams.tsv").splitlines()[:12] if line.startswith("#")]
    text = "\n".join(header)
    pinned = next(
        line.split("==")[1].strip()
        for line in (Path(__file__).resolve().parent.parent / "constraints.txt").read_text().splitlines()
        if line.lower().startswith("botocore==")
    )
    assert f"botocore {pinned} documentation strings (Apache-2.0)" in text
    assert "CC BY-SA 4.0" in text and "symspellpy" in text and "SageMaker developer guide" in text


def test_the_row_index_is_stored_and_loaded_as_built(tmp_path, monkeypatch):
    """Past ``SortedRows.SEARCHES_BEFORE_INDEX`` words, the model loads the counts' row index, kept in
    the derived-data store: the second process loads the same rows without reading the 6 MB file's text."""
    from notelint.shipped import data_text
    from notelint.spelling import collocation

    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    built = collocation.index(data_text("words", collocation.COUNTS_FILE))
    first = load()
    assert (first._rows.index(), (first.total, first.general_total)) == built
    monkeypatch.setattr(collocation, "data_text", lambda *args: pytest.fail("the counts were read again"))
    second = load()
    assert (second._rows.index(), (second.total, second.general_total)) == built
    assert second.count("provisioned") == first.count("provisioned") > 0
    assert second.pair("provisioned", "capacity") == first.pair("provisioned", "capacity") > 0
    words, stems = collocation.frequent_index(built[0])
    assert first._frequent() == (frozenset(words), stems)  # built, then stored
    monkeypatch.setattr(collocation, "frequent_index", lambda rows: pytest.fail("listed again"))
    assert load()._frequent() == (frozenset(words), stems)  # loaded


def test_a_few_words_are_found_in_the_file_without_loading_the_index(tmp_path, monkeypatch):
    """One note asks for a few dozen rows: each is found by binary search, and neither the
    file's text nor the stored index is read."""
    from notelint import derived
    from notelint.spelling import collocation

    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(collocation, "data_text", lambda *args: pytest.fail("the whole text was read"))
    monkeypatch.setattr(derived, "stored", lambda *args, **kwargs: pytest.fail("the index was loaded"))
    model = load()
    assert model.count("provisioned") > 0 and model.pair("provisioned", "capacity") > 0
    assert model.count("qqqzzzx") == 0 and model.general_pair("qqqzzzx", "mode") == 0
    assert model.total > 1_000_000 and model.general_total > 1_000_000  # the totals, from the file's head


def test_the_counts_are_read_not_mapped_on_windows(monkeypatch):
    """A mapped file cannot be replaced on Windows (an upgrade while a language server runs)."""
    import mmap
    import sys

    from notelint.spelling import collocation

    assert isinstance(collocation._counts_bytes(), mmap.mmap)
    monkeypatch.setattr(sys, "platform", "win32")
    read = collocation._counts_bytes()
    assert isinstance(read, bytes) and read.startswith(b"# AWS prose counts")
    assert collocation.load().count("provisioned") > 0


def test_every_row_is_found_by_search_as_the_index_has_it():
    """The binary search agrees with the index on every word of the file, and finds none of
    a set of words next to them (one letter more, less or changed; before the first; after the last)."""
    from notelint.shipped import data_text
    from notelint.spelling import collocation

    rows, _ = collocation.index(data_text("words", collocation.COUNTS_FILE))
    searched = load()._rows
    assert [word for word, row in rows.items() if searched._search(word) != row] == []
    near = {variant for word in list(rows)[::7] for variant in (word + "q", word[:-1], "a" + word, word.upper())}
    near |= {"", "\t", "a\nb", "é", "0", "~", "zzzzzzzz", "aaaaaaa"}
    assert [word for word in sorted(near - rows.keys()) if searched._search(word) is not None] == []


def test_the_counts_rows_are_sorted_unique_and_together():
    """What the binary search needs of the file: after the header, every line is a ``w`` row, and the
    rows' words are unique and in code-point order (``scripts/build_aws_bigrams.py`` sorts them)."""
    from notelint.shipped import data_text
    from notelint.spelling import collocation

    lines = data_text("words", collocation.COUNTS_FILE).split("\n")
    first = next(number for number, line in enumerate(lines) if line.startswith("w\t"))
    body = [line for line in lines[first:] if line]
    assert all(line.startswith("w\t") and line.count("\t") >= 2 for line in body)
    words = [line.split("\t")[1] for line in body]
    assert words == sorted(set(words))
    assert any(line.startswith("n\t") for line in lines[:first])  # the totals come before the rows


def test_followers_are_counted_in_the_text_as_the_parsed_field_has_them():
    """``Followers`` answers from the field's text first, then from its dict (``_pairs``): both agree
    with each item cut at its colon, on every field of the file, for each listed word and for words
    next to them."""
    from notelint.shipped import data_text
    from notelint.spelling import collocation

    rows, _ = collocation.index(data_text("words", collocation.COUNTS_FILE))
    wrong = []
    for number, (word, row) in enumerate(rows.items()):
        fields = row.split("\t")
        for field in (fields[1], fields[3]) if number % 5 == 0 or len(row) > 20_000 else ():
            parsed = {w: int(c) for w, _, c in (item.rpartition(":") for item in field.split())}
            assert {w: int(c) for w, c in collocation._pairs(field).items()} == parsed
            asked = list(parsed)[:40] + [w + "s" for w in list(parsed)[:5]] + [w[:-1] for w in list(parsed)[-5:]]
            asked += ["", "the", "zzzq", "a:b", "a b"]
            followers = collocation.Followers(field)
            answers = [followers.get(w) for w in asked + asked]  # the second round from the dict
            present = [w in collocation.Followers(field) for w in asked] + [w in followers for w in asked]
            if (answers != [parsed.get(w, 0) for w in asked + asked] or followers.kinds != len(parsed)
                    or present != [w in parsed for w in asked + asked]):
                wrong.append(word)
    assert wrong == []


def test_the_counts_fields_are_what_followers_needs():
    """Each field of followers is ``word:count`` items joined by single spaces, no word with a colon,
    none twice, no count under 1: what ``Followers`` searches for and counts (``in`` asks a word's
    presence only)."""
    from notelint.shipped import data_text
    from notelint.spelling import collocation

    rows, _ = collocation.index(data_text("words", collocation.COUNTS_FILE))
    wrong = []
    for word, row in rows.items():
        fields = row.split("\t")
        for field in (fields[1], fields[3]):
            items = field.split()
            words = [item.rpartition(":")[0] for item in items]
            if (field != " ".join(items) or len(set(words)) != len(words)
                    or any(not w or ":" in w or not item.rpartition(":")[2].isdigit() or int(item.rpartition(":")[2]) < 1
                           for w, item in zip(words, items))):
                wrong.append(word)
    assert len(rows) > 80_000 and wrong == []


@pytest.mark.parametrize(
    "field, word, count",
    [
        ("mode:3 model:12 modes:4", "mode", 3),  # the first item
        ("mode:3 model:12 modes:4", "model", 12),  # not "mode:" inside "model:"
        ("mode:3 model:12 modes:4", "modes", 4),  # the last item
        ("mode:3 model:12 modes:4", "ode", 0),  # the end of a word
        ("mode:3 model:12 modes:4", "mod", 0),
        ("", "mode", 0),
        ("a:1", "", 0),
    ],
)
def test_followers_small_fields(field, word, count):
    from notelint.spelling.collocation import Followers

    followers = Followers(field)
    assert [followers.get(word) for _ in range(Followers.SEARCHES_BEFORE_DICT + 2)] == [count] * (Followers.SEARCHES_BEFORE_DICT + 2)
    assert followers.kinds == field.count(":")


@pytest.mark.parametrize(
    "text, found",
    [
        ("# head\nn\t10\t20\nw\tb\t1\t\t2\t\nw\td\t3\t\t4\t\n", {"b": "1\t\t2\t", "d": "3\t\t4\t"}),
        ("n\t10\t20\nw\tb\t1\t\t2\t", {"b": "1\t\t2\t"}),  # no final line break
        ("n\t10\t20\n", {}),  # no rows
        ("", {}),
    ],
)
def test_sorted_rows_on_small_files(text, found):
    from notelint.spelling.collocation import SortedRows

    rows = SortedRows(text.encode(), lambda: pytest.fail("the index was loaded"))
    for word in ("a", "b", "c", "d", "e", "bb", ""):
        assert rows.get(word) == found.get(word), word


def test_sorted_rows_load_the_index_after_many_searches():
    from notelint.spelling.collocation import SortedRows

    loaded = []
    rows = SortedRows(b"n\t1\t1\nw\tb\t1\t\t2\t\n", lambda: loaded.append(1) or {"b": "from the index"})
    rows.SEARCHES_BEFORE_INDEX = 2
    assert [rows.get("b"), rows.get("b")] == ["1\t\t2\t", "1\t\t2\t"] and not loaded
    assert rows.get("b") == "from the index" and rows.get("x") is None and loaded == [1]


def test_a_model_of_other_rows_lists_its_own_frequent_words():
    from notelint.spelling.collocation import Model

    model = Model({"capacity": "12\t\t0\t", "cap": "30\t\t0\t", "capable": "3\t\t0\t"}, (1, 1))
    assert model._frequent() == (frozenset({"capacity", "cap"}), {"capa": ["capacity"]})


def test_the_index_reads_rows_and_totals():
    from notelint.spelling.collocation import index

    rows, totals = index("n\t100\t2000\nw\tcapacity\t7\tmode:3\t90\t\nw\tmode\t5\t\t40\t\n")
    assert rows == {"capacity": "7\tmode:3\t90\t", "mode": "5\t\t40\t"}
    assert totals == (100, 2000)
    assert index("w\tx\t1\t\t2\t\n")[1] == (1, 1)  # no totals line


@given(word=st.text(alphabet="abce'-é", max_size=6), other=st.text(alphabet="abce'-é", max_size=7))
def test_one_edit_agrees_with_the_generated_edits(word, other):
    from notelint.spelling.suggest import edits1, one_edit

    assert one_edit(word, other) == (other in edits1(word))


def _osa_by_table(a: str, b: str) -> int:
    """Optimal string alignment distance by its textbook table (the oracle for ``distance``)."""
    table = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[-1][-1]


@given(a=st.text(alphabet="abcé'", max_size=9), b=st.text(alphabet="abcé'", max_size=9), limit=st.integers(0, 4))
def test_distance_is_the_optimal_string_alignment_distance_capped_above_the_limit(a, b, limit):
    from notelint.spelling.suggest import distance

    assert distance(a, b, limit) == min(_osa_by_table(a, b), limit + 1)


@pytest.mark.parametrize(
    ("a", "b", "limit", "expected"),
    [
        ("form", "from", 2, 1),  # a transposition counts once
        ("ca", "abc", 3, 3),  # (OSA, not Damerau-Levenshtein's 2: no substring is edited twice)
        ("capability", "capacity", 2, 3), ("capability", "capacity", 3, 3),  # capped above the limit
        ("stream", "stream", 0, 0), ("", "abc", 2, 3), ("naïve", "naive", 1, 1),
    ],
)
def test_distance_cases(a, b, limit, expected):
    from notelint.spelling.suggest import distance

    assert distance(a, b, limit) == expected


@pytest.mark.parametrize(
    ("word", "other", "expected"),
    [
        ("capability", "capacity", False),  # two edits
        ("stream", "streams", True), ("streams", "stream", True),  # a letter put in; one taken out
        ("form", "from", True), ("ion", "in", True), ("heal", "health", False),
        ("data", "date", True), ("data", "dat'", False),  # only a letter is put in a word's place
        ("data", "data", True), ("'-", "'-", False),  # a letter in place of itself; no letter, no pair to swap
    ],
)
def test_one_edit_cases(word, other, expected):
    from notelint.spelling.suggest import one_edit

    assert one_edit(word, other) is expected


@given(
    words=st.lists(st.text(alphabet="abcé'", max_size=7), max_size=30),
    word=st.text(alphabet="abcé'", min_size=1, max_size=7),
)
def test_near2_lists_the_words_with_the_first_letter_at_most_two_edits_away(words, word):
    """NL201's distance-2 suggestions (``suggest._Index``): every known word, repeats included, that
    starts with the word's letter and is two edits or fewer from it."""
    from collections import Counter

    from notelint.spelling.suggest import _Index

    index = _Index(lambda: words)
    assert Counter(index.near2(word)) == Counter(w for w in words if w[:1] == word[:1] and _osa_by_table(word, w) <= 2)
    assert Counter(index.near2(word)) == Counter(index.near2(word))  # the letter's list is kept as it was built


def test_near2_cases():
    from notelint.spelling.suggest import _Index

    index = _Index(lambda: ["sagemaker", "sagemakers", "sagemaker", "segmaker", "agemaker", "", "sage"])
    assert sorted(index.near2("sagemakr")) == ["sagemaker", "sagemaker", "sagemakers"]  # not "segmaker": three edits
    assert index.near2("agemakr") == ["agemaker"]  # only words with the same first letter
    assert index.near2("q") == []


def test_the_one_edit_index_finds_what_the_generated_edits_find():
    from notelint.spelling.suggest import OneEditIndex, edits1

    model = load()
    frequent, _ = model._frequent()
    index = OneEditIndex(frequent)
    asked = ["capability", "ion", "from", "heal", "streaming", "a", "", "zzzzqq", "endpont", "it's", "trainning"]
    asked += sorted(frequent)[::97]
    assert [index.near(word) for word in asked] == [edits1(word) & frequent for word in asked]


def test_candidates_are_the_same_before_and_after_the_frequent_words_are_indexed(monkeypatch):
    from notelint.spelling import collocation

    words = ["capability", "ion", "heal", "streaming", "endpont", "relevant", "bit", "monotonously", "fob", "preset"]
    generated = load()
    expected = [generated.candidates(w) for w in words]
    monkeypatch.setattr(collocation, "WORDS_BEFORE_EDIT_INDEX", 0)
    indexed = load()
    assert [indexed.candidates(w) for w in words] == expected
    assert indexed._one_edit_index is not None and generated._one_edit_index is None


def test_a_word_judged_twice_between_the_same_neighbours_is_judged_once(monkeypatch):
    model = load()
    calls = []
    likely = model._likely
    monkeypatch.setattr(model, "_likely", lambda *key: calls.append(key) or likely(*key))
    assert model.judge("capability", "provisioned", "mode") == model.judge("capability", "provisioned", "mode")
    model.judge("capability", "provisioned", "modes")  # other neighbours: judged again
    assert calls == [("capability", "provisioned", "mode"), ("capability", "provisioned", "modes")]


def test_runs_are_lowercased():
    from notelint.spelling.collocation import lowered_runs

    text = "Stored ion SSD, a 64-bit data"
    first = lowered_runs(text)
    assert [run.words for run in first] == [["stored", "ion", "ssd"], ["a"], ["data"]]
    assert [run.tokens for run in first] == [["Stored", "ion", "SSD"], ["a"], ["data"]]
    assert [(run.start, run.text) for run in first] == [(0, "Stored ion SSD"), (16, "a"), (25, "data")]
    assert first[0].span(2) == (11, 14) and text[11:14] == "SSD"
    assert first[0].tokens is not first[0].words and first[2].tokens is first[2].words  # one list when lowercase


def test_followers_count_their_kinds_only_when_asked():
    from notelint.spelling.collocation import Followers

    followers = Followers("mode:3 units:2")
    assert followers._kinds == -1 and followers.get("mode") == 3 and followers._kinds == -1
    assert followers.kinds == 2 and Followers("").kinds == 0


def test_the_model_is_loaded_whole_only_before_workers_are_forked(tmp_path):
    """A run over many notes loads the counts before forking (the workers inherit them); a one-note
    run does not pay for that."""
    from datetime import date

    from notelint.config import Config
    from notelint.rule import Context
    from notelint.rules.spelling import out_of_place_word

    one = Context(date(2026, 12, 2), Config(root=tmp_path))
    out_of_place_word.prepare(one)
    assert "spelling.collocation" not in one.shared_data

    many = Context(date(2026, 12, 2), Config(root=tmp_path), many_notes=True)
    out_of_place_word.prepare(many)
    model = many.shared_data["spelling.collocation"]
    assert model._shipped is not None and model._rows._index is not None and model._listed is not None
    assert model._tables("the")[0]._counts is not None and model._tables("of")[1]._counts is not None
    assert model.judge("capability", "provisioned", "mode")[0] == "capacity"


def test_every_listed_follower_is_in_the_table_and_nothing_else():
    """The followers a run over many notes tests pairs against answer as the two fields of the first word's row do."""
    from notelint.spelling.collocation import NO_FOLLOWERS, listed_followers

    model = load()
    rows = model._rows.index()
    followers = listed_followers(rows)
    firsts = sorted(rows)[::211] + ["the", "of", "provisioned", "stored", "capacity", "zzzzqq"]
    seconds = sorted(rows)[::1013] + ["mode", "in", "ion", "capacity", "capability", "data", "", "it's", "zzzzqq"]
    asked = [(first, second) for first in firsts for second in seconds]
    asked += [(first, item.rpartition(":")[0]) for first in firsts for item in rows.get(first, "0\t\t0\t").split("\t")[1].split()]
    answers = [second in followers.get(first, NO_FOLLOWERS) for first, second in asked]
    assert any(answers) and not all(answers)
    assert answers == [model._listed_in_fields(first, second) for first, second in asked]
    assert all(followers.values())  # a word with no follower has no entry
    # each word is one object wherever it is listed, so the derived-data store pickles it once
    assert followers["the"] & followers["a"] and all(
        next(w for w in followers["a"] if w == shared) is shared for shared in list(followers["the"] & followers["a"])[:50]
    )


def test_pairs_are_tested_in_the_fields_until_many_are_asked_then_in_one_table(monkeypatch, tmp_path):
    from notelint.spelling import collocation

    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(collocation, "PAIRS_BEFORE_SET", 10)
    model = load()
    asked = [("provisioned", "capacity"), ("capacity", "mode"), ("provisioned", "capability"), ("stored", "in"),
             ("stored", "ion"), ("ion", "ssd")]
    answers = [model.listed(first, second) for first, second in asked]
    assert model._listed is None
    assert answers == [True, True, False, True, False, False]
    run = ["provisioned", "capacity", "mode", "stored", "ion", "ssd"]
    assert model.listed_after(run) == [True, True, False, False, False] and model._listed is not None  # 11 asked
    assert [model.listed(first, second) for first, second in asked] == answers
    assert model.listed_after(run) == [True, True, False, False, False]
    assert model.listed_after(["alone"]) == [] and model.listed_after([]) == []
    assert model.seen("capacity", "provisioned", None) and not model.seen("capability", "provisioned", "zzzzqq")


def test_listed_after_answers_in_the_fields_as_in_the_table(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    fields, table = load(), load()
    table.load_for_many_notes()
    run = "the provisioned capability mode of an endpoint is stored ion ssd zzzzqq and it's fine".split()
    assert fields.listed_after(run) == table.listed_after(run)
    assert fields._listed is None and table._listed is not None


def test_punctuation_ends_a_run_without_touching_a_token():
    """The scanner reads punctuation as it reads a line break: no space (a run does not go on over it) and
    nothing glued (a token may stand beside it)."""
    from notelint.spelling.collocation import GLUED

    assert [mark for mark in RUN_BREAKS if mark.isspace() or re.fullmatch(f"[{GLUED}]", mark)] == []
    text = "in S3. Then e.g. this; (stored) ion, SSD: “a” data|type"
    assert [run.tokens for run in lowered_runs(text)] == [
        ["in"], ["Then", "e"], ["g"], ["this"], ["stored"], ["ion"], ["SSD"], ["a"], ["data"], ["type"]
    ]


def test_the_shipped_neighbours_file_is_what_the_script_writes_from_the_counts():
    """aws-neighbours.tsv is derived from aws-bigrams.tsv by the code that measures neighbours: a change to
    either (the counts, ``inflected``, ``MIN_CANDIDATE``, ...) without running the script fails here."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "scripts/build_collocation_neighbours.py", "--check"],
                          cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_shipped_neighbours_are_read_for_counted_words_and_measured_for_others(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    measured = load()
    shipped = load()
    shipped.load_for_many_notes()
    assert shipped._shipped is not None and measured._shipped is None
    words = ["capability", "ion", "heal", "streaming", "relevant", "bit", "monotonously", "fob", "preset", "the"]
    uncounted = ["endpont", "trainning", "capabilty", "zzzzqq", "sagemakr"]
    assert not any(measured.count(w) or measured.general(w) for w in uncounted)
    assert [shipped.neighbours(w) for w in words + uncounted] == [measured.neighbours(w) for w in words + uncounted]
    assert shipped.neighbours("capability") == ((), ("capacity",))
    assert shipped.neighbours("heal") == (("deal", "head", "heap", "heat", "real"), ("health", "healthy"))
    assert not shipped._neighbours.keys() & set(words)  # counted words were read, not measured
    assert set(uncounted) <= shipped._neighbours.keys()  # the others were measured and kept
    assert [shipped.candidates(w) for w in words] == [measured.candidates(w) for w in words]


def test_neighbours_file_rows_round_trip():
    from notelint.spelling.collocation import NO_NEIGHBOURS, read_neighbours, write_neighbours

    model = load()
    words = ["capability", "heal", "zzzzqq", "ion"]
    text = write_neighbours(model, words)
    assert "zzzzqq" not in text  # no neighbours: no row
    read = read_neighbours("# a comment\n" + text)
    assert [read.get(w, NO_NEIGHBOURS) for w in words] == [model.measure_neighbours(w) for w in words]
