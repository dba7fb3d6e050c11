"""Synthetic recall of NL206 (confused-word): known confusions injected into clean sentences.

Sentences come from the SageMaker developer guide (``../shared/corpora``, CC BY-SA
4.0), the text held out of NL206's counts.  A sentence qualifies when it is plain
prose (8 to 40 words, no code, no link) and holds a word of a confusion set
with a word on each side.  With a seeded generator the script draws
``--count`` (sentence, word) pairs, half whose word has a curated partner and
half whose word is the frequent side of a generated pair; in each *injected*
copy that word is replaced by a word it is confused with (``lose`` -> loose,
``whether`` -> wether), and a second draw of ``--count`` sentences is left
*untouched*.  Both go through the real CLI (``--isolated --no-cache
--select NL201,NL206``, JSON; of NL201 only its rare-word findings, which take
over rare words such as "withing" from NL206), one note a sentence.  Reported: recall (injected
words reported at their position, with the original word suggested), per
confusion kind, and false alarms (any such finding on an untouched
sentence, and findings on an injected sentence away from the injected word).

With ``--rule NL208`` (out-of-place-word) the injected slips are typos that make
another real word: a lowercase word of the sentence (not a function word) is
replaced by a word of pyspellchecker's English list one edit from it that is
not one of its forms ("capacity" -> capability is not one edit; "big" -> bit,
"on" -> ion are), as a slip of the finger makes them; recall counts the
original word among the suggestions.  NL209 (grammar-slip), which reads the same
counts, runs beside it.  NL208's counts hold no SageMaker text.

    .venv/bin/python bench/real_word_inject.py [--seed 14] [--count 300] [--corpora PATH] [--show 10] [--rule NL208]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notelint.spelling.confusion import load  # noqa: E402

GUIDE = "awsdocs__amazon-sagemaker-developer-guide"
FRONT = "---\ntitle: Injected\nreviewed: 2026-11-01\n---\n"
_WORD = re.compile(r"[A-Za-z]+")


def sentences(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.md")):
        fenced = False
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            if fenced or not line.strip() or line.lstrip().startswith(("#", "|", "<", "!")):
                continue
            text = line.replace("\\", "").lstrip("+*-0123456789. ").strip()
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if re.search(r"[`\[\]()<>*_|{}=/:]", sentence) or not sentence.isascii():
                    continue
                if 8 <= len(sentence.split()) <= 40:
                    found.append(sentence)
    return sorted(set(found))


def targets(sentence: str, model, swaps: dict[str, list[tuple[str, str]]]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, word, replacement, kind) for each word of a set with a word on each side."""
    words = list(_WORD.finditer(sentence))
    result = []
    for index in range(1, len(words) - 1):
        match = words[index]
        word = match.group()
        left, right = sentence[words[index - 1].end() : match.start()], sentence[match.end() : words[index + 1].start()]
        if not word.islower() or left.strip() or right.strip():
            continue
        for replacement, kind in swaps.get(word, ()):
            result.append((match.start(), match.end(), word, replacement, kind))
    return result


def swap_table(model) -> dict[str, list[tuple[str, str]]]:
    """correct word -> [(the word it is confused with, 'curated' or 'generated')]."""
    table: dict[str, list[tuple[str, str]]] = {}
    for word, others in model.alternatives.items():
        for other in others:
            kind = "generated" if (word, other) in model.generated else "curated"
            table.setdefault(other, []).append((word, kind))
    return {word: sorted(set(items)) for word, items in table.items()}


# NL201's message for a word English barely knows one letter from a frequent one ("withing"):
# the rare side of a generated pair, reported there rather than by NL206
RARE_WORD = "is a word English barely uses"


def _forms(word: str, other: str) -> bool:
    """A plural or past form of the other, which a slip of grammar makes, not of the finger (the sample
    must not depend on the rule's own notion of forms)."""
    short, long = sorted((word, other), key=len)
    return long in (short + "s", short + "d", short + "es", short + "ed")


def typo_table(pool: list[str]) -> dict[str, list[tuple[str, str]]]:
    """word -> [(a real word one edit from it, 'typo')], for the lowercase words of ``pool``."""
    from notelint.spelling.collocation import FUNCTION_WORDS
    from notelint.spelling.suggest import edits1
    from notelint.spelling.vocab import english_words

    english = english_words()
    table: dict[str, list[tuple[str, str]]] = {}
    for word in sorted({w for s in pool for w in _WORD.findall(s) if w.islower()}):
        if len(word) < 3 or word in FUNCTION_WORDS:
            continue
        near = [w for w in sorted(edits1(word)) if w in english and w != word and len(w) >= 3
                and w not in FUNCTION_WORDS and not _forms(word, w)]
        if near:
            table[word] = [(w, "typo") for w in near]
    return table


def run(notes: list[str], codes: str = "NL201,NL206") -> list[list[dict]]:
    with tempfile.TemporaryDirectory() as tmp:
        for i, body in enumerate(notes):
            Path(tmp, f"s{i:04d}.md").write_text(FRONT + body + "\n", encoding="utf-8")
        out = subprocess.run(
            [sys.executable, "-m", "notelint", "check", "--isolated", "--no-cache", "--exit-zero",
             "--select", codes, "--format", "json", tmp],
            capture_output=True, text=True, check=True, cwd=ROOT,
        ).stdout
    found: list[list[dict]] = [[] for _ in notes]
    for d in json.loads(out)["diagnostics"]:
        if d["code"] in ("NL206", "NL208", "NL209") or RARE_WORD in d["message"]:
            found[int(Path(d["path"]).stem[1:])].append(d)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--rule", choices=("NL206", "NL208"), default="NL206")
    args = parser.parse_args()
    model = load()
    pool = sentences(args.corpora / GUIDE)
    swaps = typo_table(pool) if args.rule == "NL208" else swap_table(model)
    codes = "NL201,NL206,NL208,NL209" if args.rule == "NL208" else "NL201,NL206"
    rng = random.Random(args.seed)
    kinds = ("typo",) if args.rule == "NL208" else ("curated", "generated")
    by_kind: dict[str, list[tuple[str, tuple[int, int, str, str, str]]]] = {kind: [] for kind in kinds}
    for sentence in pool:
        for target in targets(sentence, model, swaps):
            by_kind[target[4]].append((sentence, target))
    if args.rule == "NL208":  # one target a word, whatever the number of its typos
        by_kind["typo"] = list({(sentence, target[0]): (sentence, target) for sentence, target in by_kind["typo"]}.values())
    per_kind = args.count // len(kinds)
    picked = []
    for kind in by_kind:
        for sentence, target in rng.sample(by_kind[kind], min(per_kind, len(by_kind[kind]))):
            if kind == "typo":  # one slip of the many a word allows
                start, end, word, _, _ = target
                target = (start, end, word, rng.choice(swaps[word])[0], kind)
            picked.append((sentence, target))
    injected, spots = [], []
    for sentence, (start, end, word, replacement, kind) in picked:
        injected.append(sentence[:start] + replacement + sentence[end:])
        spots.append((start, word, replacement, kind))
    untouched = rng.sample(pool, min(args.count, len(pool)))
    found_injected = run(injected, codes)
    found_clean = run(untouched, codes)

    hits = {kind: [0, 0] for kind in kinds}
    by_code: dict[str, int] = {}
    stray, misses = 0, []
    for (start, word, replacement, kind), text, findings in zip(spots, injected, found_injected):
        hits[kind][1] += 1
        column = start + 1
        found_by = sorted({d["code"] for d in findings if d["line"] == 5 and d["column"] == column and word in d["suggestions"]})
        for code in found_by + (["NL208 alone"] if found_by == ["NL208"] else []):
            by_code[code] = by_code.get(code, 0) + 1
        if found_by:
            hits[kind][0] += 1
        else:
            misses.append(f"{replacement} (for {word}): {text}")
        stray += sum(1 for d in findings if not (d["line"] == 5 and d["column"] == column))
    alarms = [(text, d["message"]) for text, findings in zip(untouched, found_clean) for d in findings]
    total = sum(h[1] for h in hits.values())
    found = sum(h[0] for h in hits.values())
    words = sum(len(s.split()) for s in untouched)
    title = "NL208 on injected real-word typos" if args.rule == "NL208" else "NL206 (and NL201 on rare words) on injected confusions"
    print(f"# {title} (seed {args.seed}, {len(pool):,} clean sentences of {GUIDE})\n")
    print("| kind | injected | found | recall |\n| --- | ---: | ---: | ---: |")
    for kind, (hit, n) in hits.items():
        print(f"| {kind} | {n} | {hit} | {hit / n:.0%} |" if n else f"| {kind} | 0 | 0 | – |")
    print(f"| **all** | {total} | {found} | **{found / total:.0%}** |\n")
    print("Found by: " + ", ".join(f"{code} {n}" for code, n in sorted(by_code.items())) + " (NL201: rare words only)\n")
    print(f"False alarms: {len(alarms)} on {len(untouched)} untouched sentences ({words:,} words); "
          f"{stray} elsewhere in the injected ones.\n")
    for text, message in alarms[: args.show]:
        print(f"- alarm: {message}: {text}")
    for line in misses[: args.show]:
        print(f"- missed: {line}")


if __name__ == "__main__":
    main()
