"""Write notelint/data/words/aws-bigrams.tsv, the AWS prose counts NL208 (out-of-place-word) scores with.

Sources, read at build time only (nothing here is needed at run time):

* botocore's service models (Apache-2.0): the ``documentation`` strings of every
  service, operation, shape and member of the installed botocore (pinned in
  ``constraints.txt``), each distinct string counted once, HTML tags dropped and
  ``<code>``/``<pre>``/link text cut out as code;
* the AWS Glue developer guide in ``../shared/corpora/awsdocs__aws-glue-developer-guide``
  (CC BY-SA 4.0; awsdocs commit c4620ef, 2023-06-15): its prose, fences, code spans
  and link targets cut out.

* general English: the unigram and bigram lists that symspellpy ships
  (``frequency_dictionary_en_82_765.txt``, ``frequency_bigramdictionary_en_243_342.txt``;
  MIT, derived from Google Books Ngram data, CC BY 3.0), in thousands: what
  ordinary English writes, so that a pair it knows is never taken for a slip.

Only counts are shipped, never text: for each word seen in AWS prose at least
``MIN_WORD`` times, its count and the words seen right after it at least
``MIN_BIGRAM`` times; for each word of pyspellchecker's English dictionary
that symspellpy counts, its general count and the general bigrams it starts.  The SageMaker developer guide is left out on purpose: it is the
held-out text on which the rule's false alarms are measured.

Words are runs of letters between spaces; a word glued to a digit, a hyphen,
a slash, an underscore or a dot inside a token (``64-bit``, ``ml.p3``) is not
a word, and punctuation cuts the run, so ``64-bit data`` counts no "bit data".
CamelCase names are left out; words are lowercased.

    python scripts/build_aws_bigrams.py [--corpora PATH]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
from collections import Counter
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notelint.spelling.collocation import runs  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from build_confusions import prose_lines  # noqa: E402  (the same prose of an awsdocs guide)
OUT = ROOT / "notelint" / "data" / "words" / "aws-bigrams.tsv"
GLUE = "awsdocs__aws-glue-developer-guide"
MIN_WORD = 2
MIN_BIGRAM = 2

_HTML_CODE = re.compile(r"<code>.*?</code>|<pre>.*?</pre>|<a [^>]*>.*?</a>", re.S)
_HTML_TAG = re.compile(r"<[^>]+>")


def count_runs(text: str, unigrams: Counter[str], bigrams: Counter[tuple[str, str]]) -> None:
    """Add the words of ``text`` and the pairs of words that stand side by side in it, read as NL208
    reads a note (``collocation.runs``: punctuation, code-like tokens and CamelCase names cut a run)."""
    for run in runs(text):
        words = [token.lower() for _, _, token in run]
        unigrams.update(words)
        bigrams.update(zip(words, words[1:]))


def botocore_documentation() -> tuple[str, list[str]]:
    """The installed botocore's version and its distinct documentation strings, as plain text."""
    import botocore

    root = Path(botocore.__file__).parent / "data"
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "documentation" and isinstance(value, str):
                    found.add(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for service in sorted(p for p in root.iterdir() if p.is_dir()):
        versions = sorted(p for p in service.iterdir() if p.is_dir())
        if not versions:
            continue
        model = versions[-1] / "service-2.json.gz"
        if model.exists():
            walk(json.loads(gzip.decompress(model.read_bytes())))
        elif (versions[-1] / "service-2.json").exists():
            walk(json.loads((versions[-1] / "service-2.json").read_text(encoding="utf-8")))
    texts = [html.unescape(_HTML_TAG.sub(" ", _HTML_CODE.sub(" | ", doc))) for doc in sorted(found)]
    return botocore.__version__, texts


def symspell_lists() -> tuple[dict[str, int], dict[str, list[str]]]:
    """symspellpy's unigram counts and, per first word, its bigrams ("second:count"), in thousands."""
    from importlib import resources

    base = resources.files("symspellpy")
    unigrams = {}
    for line in (base / "frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8").splitlines():
        word, count = line.split()
        unigrams[word] = int(count) // 1000
    right: dict[str, list[str]] = {}
    for line in sorted((base / "frequency_bigramdictionary_en_243_342.txt").read_text(encoding="utf-8").splitlines()):
        first, second, count = line.split()
        right.setdefault(first, []).append(f"{second}:{int(count) // 1000}")
    return unigrams, right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    version, texts = botocore_documentation()
    for text in texts:
        count_runs(text, unigrams, bigrams)
    for line in prose_lines(args.corpora / GLUE, gap=" | "):  # a cut is no neighbour
        count_runs(line, unigrams, bigrams)
    right: dict[str, list[str]] = {}
    for (first, second), count in sorted(bigrams.items()):
        if count >= MIN_BIGRAM and unigrams[first] >= MIN_WORD and unigrams[second] >= MIN_WORD:
            right.setdefault(first, []).append(f"{second}:{count}")
    from notelint.spelling.vocab import english_words

    english = english_words()
    general, general_right = symspell_lists()
    lines = [
        "# AWS prose counts for NL208 (out-of-place-word), written by scripts/build_aws_bigrams.py: do not edit.",
        f"# sources: botocore {version} documentation strings (Apache-2.0), each distinct string once;",
        f"#          {GLUE} @ c4620ef (CC BY-SA 4.0). Counts only, no text.",
        "#          Left out on purpose: the SageMaker developer guide (held out to measure false alarms).",
        f"#          general English: symspellpy {metadata.version('symspellpy')}'s lists (MIT; from Google Books Ngram",
        "#          data, CC BY 3.0), in thousands.",
        "# rows: n <AWS words counted> <general words counted, thousands> |",
        f"#       w <word> <AWS count> <AWS words right after it, seen at least {MIN_BIGRAM} times: word:count ...>",
        "#         <general count> <general words right after it: word:count ...>",
        f"# (words AWS prose uses at least {MIN_WORD} times, and English words symspellpy counts)",
        f"n\t{sum(unigrams.values())}\t{sum(general.values())}",
    ]
    kept = sorted({w for w, c in unigrams.items() if c >= MIN_WORD} | {w for w in general if w in english and general[w]})
    lines += [
        "\t".join(("w", w, str(unigrams[w] if unigrams[w] >= MIN_WORD else 0), " ".join(right.get(w, ())),
                   str(general.get(w, 0)), " ".join(general_right.get(w, ()))))
        for w in kept
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pairs = sum(len(v) for v in right.values())
    print(f"{OUT}: botocore {version}, {sum(unigrams.values())} words, {len(kept)} kept, {pairs} bigrams", file=sys.stderr)


if __name__ == "__main__":
    main()
