"""Write notelint/data/words/aws-passive-frames.tsv: what AWS prose writes after "be <verb>-ed to".

NL209 (grammar-slip) reads these counts to judge a verb's -ed form in a passive
frame ("read replicas can be prompted to be ..."), where a verb one edit away
fills the same frame in AWS prose ("is promoted to be the primary instance")
and the written one never does.  Bigrams cannot see this: "be prompted" and
"prompted to" are both common; only the word after "to" tells them apart.

Sources, read at build time only (nothing here is needed at run time), the
same prose ``scripts/build_aws_bigrams.py`` counts:

* botocore's service models (Apache-2.0): the ``documentation`` strings of the
  installed botocore (pinned in ``constraints.txt``), each distinct string once,
  HTML tags dropped and code cut out;
* the AWS Glue developer guide in ``../shared/corpora/awsdocs__aws-glue-developer-guide``
  (CC BY-SA 4.0; awsdocs commit c4620ef, 2023-06-15): its prose.

The SageMaker developer guide is left out on purpose (held out to measure false
alarms).  Only counts are shipped: for each -ed form seen in the frame, how
often each word follows its "to".  Words are read as NL208 reads a note
(``collocation.runs``: punctuation and code cut a run; lowercased).

    python scripts/build_aws_passive_frames.py [--corpora PATH]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from build_aws_bigrams import GLUE, botocore_documentation  # noqa: E402
from build_confusions import prose_lines  # noqa: E402

from notelint.spelling.collocation import runs  # noqa: E402
from notelint.spelling.grammar import BE_FORMS, PASSIVE_FRAMES_FILE  # noqa: E402

OUT = ROOT / "notelint" / "data" / "words" / PASSIVE_FRAMES_FILE


def count_frames(text: str, frames: defaultdict[str, Counter[str]]) -> None:
    """Add each "be <word>-ed to <next>" of ``text``: the -ed form and the word after "to"."""
    for run in runs(text):
        words = [token.lower() for _, _, token in run]
        for index in range(1, len(words) - 2):
            if words[index - 1] in BE_FORMS and words[index].endswith("ed") and words[index + 1] == "to":
                frames[words[index]][words[index + 2]] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = parser.parse_args()
    frames: defaultdict[str, Counter[str]] = defaultdict(Counter)
    version, texts = botocore_documentation()
    for text in texts:
        count_frames(text, frames)
    for line in prose_lines(args.corpora / GLUE, gap=" | "):  # a cut is no neighbour
        count_frames(line, frames)
    lines = [
        "# AWS prose counts for NL209 (grammar-slip): the word after 'to' in 'be <word>-ed to <word>'.",
        "# Written by scripts/build_aws_passive_frames.py: do not edit.",
        f"# sources: botocore {version} documentation strings (Apache-2.0), each distinct string once;",
        f"#          {GLUE} @ c4620ef (CC BY-SA 4.0). Counts only, no text.",
        "#          Left out on purpose: the SageMaker developer guide (held out to measure false alarms).",
        "# rows: <-ed form> <times seen in the frame> <word after 'to':count ...>",
    ]
    lines += [
        f"{word}\t{sum(after.values())}\t" + " ".join(f"{next_word}:{count}" for next_word, count in sorted(after.items()))
        for word, after in sorted(frames.items())
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: botocore {version}, {len(frames)} -ed forms, {sum(map(len, frames.values()))} pairs", file=sys.stderr)


if __name__ == "__main__":
    main()
