"""A hash of what NL208 and NL209 find in every prose text of some folders: a change that must not change
their output is checked by it over every text at once.

    .venv/bin/python bench/real_word_hash.py ../shared/corpora tests/fixtures notes

Every distinct prose text the two rules read (``_real_word_prose`` of each ``*.md`` note) is given to
``misplaced`` and ``slips`` twice: with the model loaded as a run over many notes loads it (the shipped
neighbours and every word's followers) and with the model as one note finds it (every neighbour measured,
every pair read from its row).  It prints the number of texts, how many of them the two models judge
differently (0: they must agree), and a hash of the results, which a change to the rules' speed must leave
as it was (the twelfth and thirteenth sessions: 82,070 texts, 72c1b572ba89).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="folders of Markdown notes")
    args = parser.parse_args(argv)

    from notelint.note import parse_note
    from notelint.rules.spelling import _real_word_prose
    from notelint.source import SourceError, decode
    from notelint.spelling import collocation
    from notelint.spelling.grammar import slips

    texts: set[str] = set()
    for folder in args.folders:
        for path in sorted(folder.rglob("*.md")):
            try:
                note = parse_note(decode(str(path), path.read_bytes()))
            except SourceError:
                continue
            texts.update(text for text, _ in _real_word_prose(note))
    many, one = collocation.load(), collocation.load()
    many.load_for_many_notes()
    differ = 0
    digest = hashlib.sha256()
    for text in sorted(texts):
        found = [(tuple(collocation.misplaced(text, model, lambda _word: False)), tuple(slips(text, model)))
                 for model in (many, one)]
        digest.update(repr(found[0]).encode())
        differ += found[0] != found[1]
    print(f"{len(texts)} texts, {differ} judged differently by the two models, hits {digest.hexdigest()[:12]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
