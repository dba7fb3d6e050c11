"""Write notelint/data/words/context-counts.tsv, the counts NL206 (confused-word) scores with.

Sources, read at build time only (nothing here is needed at run time):

* general English: the unigram and bigram frequency lists that symspellpy
  ships (``frequency_dictionary_en_82_765.txt``, ``frequency_bigramdictionary_en_243_342.txt``;
  symspellpy is MIT-licensed; its lists are derived from the Google Books
  Ngram data, CC BY 3.0).  ``pip install symspellpy`` in any environment
  and run this script with that Python;
* AWS prose: bigram counts from the AWS Glue developer guide in
  ``../shared/corpora/awsdocs__aws-glue-developer-guide`` (CC BY-SA 4.0).  Only
  counts are shipped, never text.  The SageMaker developer guide is left out
  on purpose: it is the held-out text on which the rule's false alarms are
  measured.

The confusion sets are the curated ``confusion-sets.txt`` plus pairs made
from edit-distance-1 neighbours: a real word ``w`` (at least ``MIN_LETTERS``
letters, in both pyspellchecker's and symspellpy's lists, not one of
notelint's domain words) and a word ``a`` one edit away that is at least
``RATIO`` times as frequent ("wether" and "whether", "planing" and
"planning").  Shipped: those pairs (``confusion-generated.txt``), the unigram count of every word in a
kept bigram, and every bigram that holds a word of a set.

    python scripts/build_confusions.py [--corpora PATH]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notelint.spelling.suggest import edits1  # noqa: E402
from notelint.spelling.vocab import casing_names, curated_words, english_words  # noqa: E402

WORDS = ROOT / "notelint" / "data" / "words"
OUT = WORDS / "context-counts.tsv"
PAIRS = WORDS / "confusion-generated.txt"
MIN_LETTERS = 4
RATIO = 200
MIN_AWS_USES = 2
DOMAIN = "awsdocs__aws-glue-developer-guide"
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def symspell_lists() -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    base = resources.files("symspellpy")
    unigrams = {}
    for line in (base / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8").splitlines():
        word, count = line.split()
        unigrams[word] = int(count)
    bigrams = {}
    for line in (base / "frequency_bigramdictionary_en_243_342.txt").read_text(encoding="utf-8").splitlines():
        first, second, count = line.split()
        bigrams[(first, second)] = int(count)
    return unigrams, bigrams


def curated_sets() -> list[tuple[str, ...]]:
    sets = []
    for line in (WORDS / "confusion-sets.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sets.append(tuple(line.split()))
    return sets


def generated_pairs(unigrams: dict[str, int], curated: set[str]) -> list[tuple[str, str]]:
    english = english_words()
    domain = curated_words() | set(casing_names())
    pairs = []
    for word, count in unigrams.items():
        if len(word) < MIN_LETTERS or word not in english or word in domain or word in curated:
            continue
        for near in sorted(edits1(word)):
            if len(near) >= MIN_LETTERS and near in english and unigrams.get(near, 0) >= RATIO * count:
                pairs.append((word, near))
    return sorted(pairs)


def prose_lines(folder: Path, gap: str = " "):
    """Lines of prose of the Markdown files under ``folder``: fences skipped, awsdocs escapes removed,
    code spans, HTML tags and link targets replaced by ``gap``."""
    for path in sorted(folder.rglob("*.md")):
        fenced = False
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if not fenced:
                yield re.sub(r"`[^`]*`|<[^>]*>|\]\([^)]*\)", gap, line).replace("\\", "")


def domain_bigrams(folder: Path, words: set[str]) -> Counter[tuple[str, str]]:
    counts: Counter[tuple[str, str]] = Counter()
    for line in prose_lines(folder):
        for sentence in re.split(r"[.;:!?()|]", line):
            tokens = [t.lower() for t in _WORD.findall(sentence)]
            for first, second in zip(tokens, tokens[1:]):
                if first in words or second in words:
                    counts[(first, second)] += 1
    return counts


def _neighbours(counts: dict[tuple[str, str], int], words: set[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """For each word of ``words``: the words seen before it and after it, as "word:count"."""
    left: dict[str, list[str]] = {w: [] for w in words}
    right: dict[str, list[str]] = {w: [] for w in words}
    for (first, second), count in sorted(counts.items()):
        if second in words:
            left[second].append(f"{first}:{count}")
        if first in words:
            right[first].append(f"{second}:{count}")
    return left, right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    unigrams, bigrams = symspell_lists()
    sets = curated_sets()
    curated = {w for s in sets for w in s}
    pairs = generated_pairs(unigrams, curated)
    words = curated | {w for pair in pairs for w in pair}
    kept = {key: count for key, count in bigrams.items() if key[0] in words or key[1] in words}
    domain = domain_bigrams(args.corpora / DOMAIN, words)
    used = Counter()
    for (first, second), count in domain.items():
        used[first] += count
        used[second] += count
    # a word that AWS prose uses is not a typo of its frequent neighbour ("shard", "pane")
    pairs = [(w, near) for w, near in pairs if used[w] < MIN_AWS_USES]
    needed = words | {w for key in kept for w in key}
    left, right = _neighbours(kept, words)
    domain_left, domain_right = _neighbours(domain, words)
    lines = [
        "# Counts for NL206 (confused-word), written by scripts/build_confusions.py: do not edit.",
        "# general English: symspellpy's frequency lists (MIT; from Google Books Ngram data, CC BY 3.0)",
        f"# AWS prose: bigram counts from {DOMAIN} (CC BY-SA 4.0); counts only, no text",
        "# confusion sets: confusion-sets.txt (curated) and confusion-generated.txt (edit-distance-1 pairs)",
        "# rows: n <total words> | m <least bigram count listed> | u <word> <count>: a unigram count |",
        "#       w <word> <left> <right> <AWS left> <AWS right>: bigram counts (neighbour:count, spaces between)",
        f"n\t{sum(unigrams.values())}",
        f"m\t{min(bigrams.values())}",
    ]
    PAIRS.write_text(
        "# Generated by scripts/build_confusions.py (do not edit): a rare real word and the far more frequent\n"
        f"# word one edit away (>= {RATIO}x as frequent in symspellpy's Google Books counts, >= {MIN_LETTERS} letters,\n"
        f"# used fewer than {MIN_AWS_USES} times in the AWS Glue guide).  NL206 reads this before the counts.\n"
        + "".join(f"{w} {near}\n" for w, near in pairs),
        encoding="utf-8",
    )
    lines += [f"u\t{w}\t{unigrams[w]}" for w in sorted(needed) if w in unigrams]
    lines += [
        "\t".join(("w", w, " ".join(left[w]), " ".join(right[w]), " ".join(domain_left[w]), " ".join(domain_right[w])))
        for w in sorted(words)
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(pairs)} generated pairs, {len(needed)} unigrams, {len(kept)} bigrams, {len(domain)} domain bigrams")


if __name__ == "__main__":
    main()
