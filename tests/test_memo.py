"""The text memo: a pure function of a text is computed once per text, within a bound."""

from __future__ import annotations

from notelint.aws.catalog import load_catalog
from notelint.aws.names import NameIndex
from notelint.memo import TextMemo


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
