"""Tables and sets of names kept as one sorted text, answered by binary search until asked often.

The catalog's name indexes (operation -> services, lowercased operation -> its
spellings, IAM action -> prefixes, client method -> services) hold 10,000 to
20,000 keys each.  Unpickling one as a dict from the derived-data store costs
4-5 ms of CPU, and a one-note run loaded two of them to ask about the few dozen
CamelCase words of its note.  Kept instead as one sorted text ("key<TAB>value
<TAB>value", a line a key), a table loads in a fraction of a millisecond (one
string) and answers the first ``SEARCHES_BEFORE_DICT`` questions by binary
search (~10 us each); a run that asks more, or walks the whole table, loads the
dict as before (``whole``), so its answers and its order are the dict's own.
The first questions are one a ``LINES_A_SEARCH`` keys (``searches_before_loading``),
about as many searches as loading the dict costs (~400 for a table of 16,000 keys;
2,000, as before the eleventh session, kept a folder's run searching longer).

``SortedWords`` does the same for a set of words (a word a line): the spelling
vocabulary's 128,000 English words, 18,500 AWS operation names and 6,800 domain
words, which a one-note run asks about a few dozen times each.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Callable, Iterable, Iterator, Mapping, Sequence, TypeVar

_MISSING = object()
_S = TypeVar("_S")

# a search costs about what loading (unpickling, or putting into a set) 40 entries does
LINES_A_SEARCH = 40
_SAMPLE = 4_096


def searches_before_loading(text: str) -> int:
    """One search for every ``LINES_A_SEARCH`` lines of ``text``.  The lines are counted in
    the ``_SAMPLE`` characters at its middle and scaled: counting all of them costs ~5
    instructions a character (17 M for the 3 MB a one-note run loads as sorted text)."""
    if not text:
        return 0
    middle = len(text) // 2
    sample = text[middle : middle + _SAMPLE]
    return len(text) * (sample.count("\n") + 1) // len(sample) // LINES_A_SEARCH


class SortedTable(Mapping[str, tuple[str, ...]]):
    def __init__(self, text: str, whole: Callable[[], Mapping[str, tuple[str, ...]]]):
        """``text`` is ``table_text(whole())``; ``whole`` gives the table as a dict (loaded when needed)."""
        self._text = text
        self._whole = whole
        self._dict: Mapping[str, tuple[str, ...]] | None = None
        self._searches = 0
        self.SEARCHES_BEFORE_DICT = searches_before_loading(text)

    def _table(self) -> Mapping[str, tuple[str, ...]]:
        if self._dict is None:
            self._dict = self._whole()
        return self._dict

    def get(self, key: object, default: object = None) -> object:  # type: ignore[override]
        if self._dict is None and isinstance(key, str):
            self._searches += 1
            if self._searches <= self.SEARCHES_BEFORE_DICT:
                found = line_values(self._text, key)
                return default if found is None else found
        return self._table().get(key, default)  # type: ignore[call-overload]

    def __getitem__(self, key: str) -> tuple[str, ...]:
        found = self.get(key, _MISSING)
        if found is _MISSING:
            raise KeyError(key)
        return found  # type: ignore[return-value]

    def __contains__(self, key: object) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


class SortedWords(Set[str]):
    """A set of words kept as their sorted text, a word a line: unpickling the text is one string,
    where putting 128,000 words into a set costs ~25 ms.  The first ``SEARCHES_BEFORE_SET`` questions
    are answered by binary search (a few microseconds each); the set is built for a run that asks
    more (a folder of notes): one search a ``LINES_A_SEARCH`` words, where a search costs about
    what putting them into the set would (~3,200 searches for the English words, ~460 for the
    operation names).  Iterating walks the text (sorted) until then."""

    def __init__(self, text: str):
        """``text``: ``words_text(words)``; the words hold no tab or line break."""
        self.text = text
        self._set: frozenset[str] | None = None
        self._searches = 0
        self.SEARCHES_BEFORE_SET = searches_before_loading(text)

    def __contains__(self, word: object) -> bool:
        if self._set is None:
            self._searches += 1
            if self._searches <= self.SEARCHES_BEFORE_SET:
                return isinstance(word, str) and line_values(self.text, word) is not None
            self._set = frozenset(self.text.split("\n")) if self.text else frozenset()
        return word in self._set

    def __iter__(self) -> Iterator[str]:
        if self._set is None:
            return iter(self.text.split("\n") if self.text else ())
        return iter(self._set)

    def __len__(self) -> int:
        if self._set is None:
            return self.text.count("\n") + 1 if self.text else 0
        return len(self._set)

    @classmethod
    def _from_iterable(cls, it: Iterable[_S]) -> frozenset[_S]:
        return frozenset(it)  # what ``|``, ``&`` and ``-`` make: a plain set


def words_text(words: Iterable[str]) -> str:
    """The text ``SortedWords`` searches: the words sorted (code-point order), a word a line."""
    return words.text if isinstance(words, SortedWords) else "\n".join(sorted(words))


def table_text(table: Mapping[str, Sequence[str]]) -> str | None:
    """The text ``SortedTable`` searches: a line a key, ``key<TAB>value<TAB>...``, sorted by key
    (code-point order).  None when a key is empty or a key or value holds a tab or a line break
    (such a table is kept as a dict)."""
    lines = []
    for key in sorted(table):
        parts = (key, *table[key])
        if not key or any("\t" in part or "\n" in part for part in parts):
            return None
        lines.append("\t".join(parts))
    return "\n".join(lines)


def line_values(text: str, key: str) -> tuple[str, ...] | None:
    """The values of ``key``'s line of ``text`` (sorted lines, ``key<TAB>value...``; () for a line
    that is the key alone), or None: a binary search over character offsets."""
    if not key or "\t" in key or "\n" in key:
        return None
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", 0, middle) + 1
        end = text.find("\n", middle)
        if end < 0:
            end = len(text)
        tab = text.find("\t", start, end)
        found = text[start : tab if tab >= 0 else end]
        if found == key:
            return tuple(text[tab + 1 : end].split("\t")) if tab >= 0 else ()
        if found < key:
            low = end + 1
        else:
            high = start  # (the line before ends at start - 1)
    return None
