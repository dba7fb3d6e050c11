"""The command line shared by the scripts that derive a committed data file (botocore_limits.py,
botocore_notices.py, sagemaker_hyperparameters.py): write the file, or with --check exit 1 when
the committed file differs from what would be written."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def run(doc: str | None, out: Path, render: Callable[[argparse.Namespace], tuple[str, str]],
        argv: list[str] | None = None, arguments: Callable[[argparse.ArgumentParser], object] | None = None) -> int:
    """``render(args)`` gives (the file's text, a summary such as "49 notices, botocore 1.44.8");
    ``arguments`` adds a script's own arguments (the source folder it reads) to the parser."""
    parser = argparse.ArgumentParser(description=(doc or "").splitlines()[0])
    if arguments is not None:
        arguments(parser)
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is out of date")
    args = parser.parse_args(argv)
    text, summary = render(args)
    if args.check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != text:
            print(f"{out} is out of date; run python scripts/{Path(sys.argv[0]).name}", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({summary})")
    return 0
