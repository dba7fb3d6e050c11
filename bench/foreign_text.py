"""Which detector of text in another language NL201 should use: measured on the corpora.

NL201 leaves alone a sentence (or quoted phrase) written in another language.  Two
ways to tell were measured on every prose sentence of ``../shared/corpora`` (English
notes with the odd foreign phrase, so nearly every sentence flagged is a false alarm
unless it really is foreign):

* ``cheap``: notelint's own test (``notelint.spelling.cues.foreign_spans``): at
  least half the words unknown to English or foreign function words, one of them
  a foreign function word English lacks or a word with a non-ASCII letter;
* ``py3langid``: the offline identifier py3langid (not a notelint dependency;
  ``pip install py3langid`` to include it), a sentence counted as foreign when it
  is not classified ``en`` with normalised probability of at least ``--min-prob``.

Printed: sentences checked, sentences each detector flags, their overlap, a sample
of each detector's flags to judge by hand, and the time each took.  Only the
sentences with an unknown word matter to NL201, so both are also counted on those.

    .venv/bin/python bench/foreign_text.py [--corpora PATH] [--min-prob 0.9] [--show 15]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notelint.spelling import cues  # noqa: E402
from notelint.spelling.vocab import build  # noqa: E402

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_NOISE = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]+>|https?://\S+")
_SENTENCE = re.compile(r"[^.!?;:\"“”«»()\n]+")
_WORD = re.compile(r"[^\W\d_]+")


def sentences(corpora: Path) -> list[tuple[str, str]]:
    found = []
    for path in sorted(corpora.rglob("*.md")):
        text = _NOISE.sub(" ", _FENCE.sub("", path.read_text(encoding="utf-8", errors="replace")))
        for match in _SENTENCE.finditer(text):
            sentence = match.group().strip(" \t*-+#|>")
            if len(_WORD.findall(sentence)) >= cues.MIN_FOREIGN_WORDS:
                found.append((str(path.relative_to(corpora)), sentence))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--min-prob", type=float, default=0.9)
    parser.add_argument("--show", type=int, default=15)
    args = parser.parse_args()
    vocab = build(None, None)

    def unknown(word: str) -> bool:
        return len(word) >= 3 and not word.isupper() and not vocab.knows(word)

    items = sentences(args.corpora)
    with_unknown = {i for i, (_, s) in enumerate(items) if any(unknown(w) for w in _WORD.findall(s))}
    started = time.perf_counter()
    cheap = {i for i, (_, s) in enumerate(items) if cues.foreign_spans(s, unknown)}
    cheap_seconds = time.perf_counter() - started
    print(f"{len(items):,} sentences of 3 words or more in {args.corpora}; {len(with_unknown):,} hold an unknown word\n")
    print("| detector | flagged | flagged with an unknown word | seconds |\n| --- | ---: | ---: | ---: |")
    print(f"| cheap (notelint) | {len(cheap):,} | {len(cheap & with_unknown):,} | {cheap_seconds:.2f} |")
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        print("\npy3langid is not installed: only the cheap test measured.")
        shown = {"cheap": cheap}
    else:
        started = time.perf_counter()
        identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        langid = set()
        for i, (_, s) in enumerate(items):
            language, probability = identifier.classify(s)
            if language != "en" and probability >= args.min_prob:
                langid.add(i)
        langid_seconds = time.perf_counter() - started
        print(f"| py3langid (p >= {args.min_prob}) | {len(langid):,} | {len(langid & with_unknown):,} | {langid_seconds:.2f} |")
        print(f"\nBoth: {len(cheap & langid):,}; cheap only: {len(cheap - langid):,}; py3langid only: {len(langid - cheap):,}")
        shown = {"cheap": cheap, "py3langid, with an unknown word": langid & with_unknown}
    for name, flagged in shown.items():
        print(f"\n## {name}: {min(args.show, len(flagged))} of {len(flagged)}\n")
        for i in sorted(flagged)[: args.show]:
            path, sentence = items[i]
            print(f"- `{path}`: {sentence[:160]}")


if __name__ == "__main__":
    main()
