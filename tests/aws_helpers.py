"""Helpers for the AWS rule tests: lint a short note, with lines counted from its body."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from notelint.config import Config
from notelint.engine import Linter
from notelint.rules import RULES

HEAD = "---\ntitle: Notes\nreviewed: 2025-06-01\n---\n\n"


def lint(text: str, select: str, *, head: bool = True):
    """(code, line, column, suggestions) of the findings of rules ``select`` on ``text``.

    Lines count from the first line of ``text`` (the front matter added by
    ``head`` is not counted).
    """
    body = textwrap.dedent(text).lstrip("\n")
    source = (HEAD if head else "") + body
    offset = HEAD.count("\n") if head else 0
    linter = Linter(Config(root=Path.cwd(), select=tuple(select.split(","))), RULES, as_of=date(2025, 6, 1))
    return [
        (d.code, d.line - offset, d.column, d.suggestions)
        for d in linter.check_text(source)
    ]


def messages(text: str, select: str) -> list[str]:
    body = textwrap.dedent(text).lstrip("\n")
    linter = Linter(Config(root=Path.cwd(), select=tuple(select.split(","))), RULES, as_of=date(2025, 6, 1))
    return [d.message for d in linter.check_text(HEAD + body)]
