"""Write notelint/data/words/rare-words.txt: dictionary words too rare to trust in AWS notes.

A word that only the rarest entries of pyspellchecker's English list know
(frequency at its floor, 50), or that it knows only as the plural of a known
word ("choses" of "chose"), and that is one edit from a word AWS prose uses
far more, is in technical notes almost always that word mistyped:
"withing" (within), "metics" (metrics), "choses" (chooses).  NL201 reports
these words as it reports unknown ones, naming the frequent word.

Sources, read at build time only (nothing here is needed at run time):

* pyspellchecker's English frequency list (MIT), as notelint's vocabulary reads it;
* symspellpy's unigram list (MIT; from the Google Books Ngram data, CC BY 3.0):
  general English frequency (``pip install symspellpy`` and run this script
  with that Python);
* AWS prose: word counts of the documentation strings of the installed
  botocore's service models (Apache License 2.0; botocore's version is
  written into the output).  Only the resulting word pairs are shipped.

A line ``word frequent ...`` lists ``word`` with up to ``MAX_NEAR`` words,
most used first, each one edit from it (not at its first letter, at least
``MIN_LETTERS`` letters, a known word, not another form of the same word:
"debugs" is no typo of "debug"), used at least ``MIN_AWS_USES`` times and ``AWS_RATIO`` times as often as
``word`` in botocore's documentation, and is ``GENERAL_RATIO`` times as
frequent in Google Books; words of notelint's domain lists (the AWS catalog,
curated lists, names) are never listed.

    python scripts/build_rare_words.py
"""

from __future__ import annotations

import gzip
import html
import json
import re
import sys
from collections import Counter
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notelint.aws.catalog import load_catalog  # noqa: E402
from notelint.spelling.suggest import edits1  # noqa: E402
from notelint.spelling.vocab import casing_names, curated_words, english_words, singulars  # noqa: E402

OUT = ROOT / "notelint" / "data" / "words" / "rare-words.txt"
MIN_LETTERS = 4
FLOOR_FREQUENCY = 50  # pyspellchecker's least frequency: words it barely knows
MIN_AWS_USES = 50
AWS_RATIO = 50
GENERAL_RATIO = 200
MAX_NEAR = 3
_WORD = re.compile(r"[A-Za-z]+")
_WORD_APOSTROPHE = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def botocore_word_counts() -> Counter[str]:
    """Lowercase word counts of every documentation string in botocore's newest service models."""
    counts: Counter[str] = Counter()
    for text in botocore_documentation():
        counts.update(w.lower() for w in _WORD.findall(text))
    return counts


def botocore_bigram_counts() -> Counter[tuple[str, str]]:
    """Counts of adjacent lowercase words ("it's" one word) within a sentence of botocore's documentation."""
    counts: Counter[tuple[str, str]] = Counter()
    for text in botocore_documentation():
        for sentence in re.split(r"[.;:!?()|,\"]", text):
            words = [w.lower() for w in _WORD_APOSTROPHE.findall(sentence)]
            counts.update(zip(words, words[1:]))
    return counts


def botocore_documentation():
    """Each distinct documentation string of botocore's newest service models, as text (tags and code dropped)."""
    import botocore

    seen: set[str] = set()
    for service in sorted((Path(botocore.__file__).parent / "data").iterdir()):
        versions = sorted(p for p in service.iterdir() if p.is_dir()) if service.is_dir() else []
        model = versions[-1] / "service-2.json.gz" if versions else None
        if model is None or not model.exists():
            continue
        for doc in _documentation(json.loads(gzip.decompress(model.read_bytes()))):
            if doc not in seen:
                seen.add(doc)
                yield html.unescape(re.sub(r"<code>.*?</code>|<[^>]+>", " ", doc))


def _documentation(data):
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "documentation" and isinstance(value, str):
                yield value
            else:
                yield from _documentation(value)
    elif isinstance(data, list):
        for value in data:
            yield from _documentation(value)


# endings that make another form of one word: deprecates / deprecated, analyses / analyser
_ENDINGS = frozenset("sdrny")


def _inflection(word: str, near: str) -> bool:
    """``near`` is ``word``'s singular ("maximums", "debugs"), or the two differ only in an
    inflection's last letter ("deprecates", "deprecated")."""
    if near in singulars(word) or word in singulars(near):
        return True
    return len(word) == len(near) and word[:-1] == near[:-1] and {word[-1], near[-1]} <= _ENDINGS


def main() -> None:
    english = english_words()
    domain = curated_words() | set(casing_names()) | set(load_catalog().words)
    general = {}
    for line in (resources.files("symspellpy") / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8").splitlines():
        word, count = line.split()
        general[word] = int(count)
    floor = min(general.values())  # the list is cut there: a word it lacks is rarer
    aws = botocore_word_counts()

    def known(word: str) -> bool:
        return word in english or any(stem in english for stem in singulars(word))

    def barely_known(word: str) -> bool:
        if len(word) < MIN_LETTERS or word in domain or not word.isascii() or not word.isalpha():
            return False
        frequency = english.get(word)
        return frequency <= FLOOR_FREQUENCY if frequency is not None else any(s in english for s in singulars(word))

    candidates = {w for w in english if barely_known(w)}
    candidates |= {w for w in (*general, *aws) if w not in english and barely_known(w)}
    pairs = {}
    for word in sorted(candidates):
        rarity = max(general.get(word, floor), floor)
        nears = []
        for near in edits1(word):
            if len(near) < MIN_LETTERS or near[0] != word[0] or near[1:] == word[1:] or not known(near):
                continue
            if _inflection(word, near):
                continue  # "debugs", "deprecates": another form of the same word, not a typo of it
            uses = aws.get(near, 0)
            if uses >= MIN_AWS_USES and uses >= AWS_RATIO * max(aws.get(word, 0), 1) and general.get(near, 0) >= GENERAL_RATIO * rarity:
                nears.append(near)
        if nears:
            pairs[word] = sorted(nears, key=lambda near: (-aws[near], near))[:MAX_NEAR]
    OUT.write_text(
        "# Generated by scripts/build_rare_words.py (do not edit): words that English lists barely know, each with\n"
        "# the words one edit away that AWS prose uses far more, most used first (NL201 reports the first word).\n"
        "# Sources: pyspellchecker's English list (MIT); symspellpy's Google Books unigrams (MIT, CC BY 3.0);\n"
        f"# word counts of botocore {metadata.version('botocore')}'s documentation strings (Apache-2.0), counts only.\n"
        + "".join(f"{word} {' '.join(nears)}\n" for word, nears in sorted(pairs.items())),
        encoding="utf-8",
    )
    print(f"{OUT}: {len(pairs)} words of {len(candidates)} barely known")


if __name__ == "__main__":
    main()
