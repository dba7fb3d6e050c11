"""The text memo: a pure function of a text is computed once per text, within a bound; and what
the rules keep in memos is placed, and filtered by the note's own words, as a fresh reading would."""

from __future__ import annotations

from notelint.aws.catalog import load_catalog
from notelint.aws.names import NameIndex
from notelint.memo import Memo, TextMemo
from tests.helpers import FRONT, found

BODY_LINE = FRONT.count("\n") + 1  # the first line after the front matter


def test_a_text_is_computed_once_and_the_oldest_is_dropped_first():
    calls: list[str] = []
    memo = TextMemo(lambda text: calls.append(text) or text.upper(), limit=2)
    assert (memo("a"), memo("a"), memo("b")) == ("A", "A", "B")
    assert calls == ["a", "b"] and len(memo) == 2
    assert memo("c") == "C" and len(memo) == 2  # "a" dropped
    assert memo("b") == "B" and calls == ["a", "b", "c"]
    assert memo("a") == "A" and calls == ["a", "b", "c", "a"]


def test_name_mentions_are_the_same_asked_again_and_callers_get_their_own_list():
    index = NameIndex(load_catalog())
    text = "Use Amazon Sagemaker with Kinesis Data Firehose."
    first = index.mentions(text)
    assert [m.written for m in first] == ["Sagemaker", "Kinesis Data Firehose"]
    first.clear()  # a caller's own list: the memo is not changed
    again = index.mentions(text)
    assert [m.written for m in again] == ["Sagemaker", "Kinesis Data Firehose"]
    assert again == index._scan(text)


# -- what the memos keep, asked again from another note ----------------------------
# (tests.helpers.lint reuses one linter per selection: a block met in one test note is
# answered from the memo in the next, as in an editor's re-check)


def test_a_memo_keyed_by_a_tuple_computes_from_its_key_alone():
    calls: list[tuple[str, bool]] = []
    memo: Memo[tuple[str, bool], str] = Memo(lambda key: calls.append(key) or (key[0].upper() if key[1] else key[0]))
    assert (memo(("a", True)), memo(("a", False)), memo(("a", True))) == ("A", "a", "A")
    assert calls == [("a", True), ("a", False)]


def test_a_block_read_before_is_placed_where_it_now_stands():
    block = "* Build the image from the DocerFile.\n"
    assert found(FRONT + block, "NL201") == [("NL201", BODY_LINE, 28, BODY_LINE, 33)]
    # the same block two blocks further down, and after a link that moves its columns
    moved = FRONT + "# Images\n\nSome text.\n\n" + block.replace("Build", "[Build](https://example.com)")
    assert found(moved, "NL201") == [("NL201", BODY_LINE + 4, 51, BODY_LINE + 4, 56)]


def test_the_notes_own_words_apply_to_a_block_read_before():
    block = "* Build the image from the DocerFile.\n"
    assert found(FRONT + block, "NL201") == [("NL201", BODY_LINE, 28, BODY_LINE, 33)]
    own = "---\ntitle: T\nreviewed: 2025-06-01\nwords: [Docer]\n---\n"
    assert found(own + block, "NL201") == []
    assert found(FRONT + block + "* Run `DocerFile` first.\n", "NL201") == []
    assert found(FRONT + block, "NL201") == [("NL201", BODY_LINE, 28, BODY_LINE, 33)]


def test_capitals_marked_on_purpose_are_told_by_the_notes_text_not_the_blocks():
    # "HIgh" and "**HI**gh" make the same block text: the markup is read from the note each time
    for _ in range(2):
        assert found(FRONT + "* HIgh density storage.\n", "NL201") == [("NL201", BODY_LINE, 3, BODY_LINE, 7)]
        assert found(FRONT + "* **HI**gh density storage.\n", "NL201") == []


def test_a_confused_word_is_left_alone_once_the_note_writes_it_as_its_own():
    block = "* If the instance stops, you may loose the data.\n"
    assert found(FRONT + block, "NL206") == [("NL206", BODY_LINE, 34, BODY_LINE, 39)]
    assert found(FRONT + block + "* The `loose` flag.\n", "NL206") == []
    assert found(FRONT + block, "NL206") == [("NL206", BODY_LINE, 34, BODY_LINE, 39)]


def test_near_misses_kept_for_a_text_about_aws_are_not_given_for_one_that_is_not():
    index = NameIndex(load_catalog())
    text = "Build with CodePipline and S# buckets."
    for _ in range(2):  # only the shift slip when the text is not known to be about AWS
        assert index.near_misses(text, aws=False) == [(27, 29, ("S3",))]
        assert index.near_misses(text, aws=True) == [(11, 22, ("CodePipeline",)), (27, 29, ("S3",))]


def test_an_out_of_place_word_is_left_alone_once_the_note_writes_it_as_its_own():
    block = "* With provisioned capability mode you set the reads and writes per second.\n"
    assert found(FRONT + block, "NL208") == [("NL208", BODY_LINE, 20, BODY_LINE, 30)]
    assert found(FRONT + block + "* The `capability` field.\n", "NL208") == []
    assert found(FRONT + "# Modes\n\n" + block, "NL208") == [("NL208", BODY_LINE + 2, 20, BODY_LINE + 2, 30)]
