"""Test helpers: lint a note given as text, run the real CLI, fetch test tools."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from notelint.config import Config
from notelint.engine import Linter
from notelint.rules import RULES

REPO = Path(__file__).resolve().parent.parent
ROOT = REPO
FIXTURES = REPO / "tests" / "fixtures"
AS_OF = date(2026, 11, 25)

FRONT = "---\ntitle: T\nreviewed: 2025-06-01\n---\n"


def note(body: str, front: str = FRONT) -> str:
    """A note: default front matter plus a dedented body."""
    return front + textwrap.dedent(body).lstrip("\n")


_LINTERS: dict[tuple, Linter] = {}


def lint(text: str, select: str | tuple[str, ...] | None = "NL", as_of: date = AS_OF, path: str = "note.md",
         config: Config | None = None, **settings):
    """Diagnostics of the rules matching ``select`` on one note given as text.

    Settings come from ``config`` or keyword arguments (Config fields).  Linters
    are reused (with the data their rules share, such as the spell checker)
    when no other settings are given.
    """
    chosen = ("NL",) if select is None else (select,) if isinstance(select, str) else tuple(select)
    if config is not None:
        return Linter(config.with_overrides(select=chosen), RULES, as_of).check_text(text, path)
    if settings:
        return Linter(Config(root=REPO, select=chosen, **settings), RULES, as_of).check_text(text, path)
    key = (chosen, as_of)
    if key not in _LINTERS:
        _LINTERS[key] = Linter(Config(root=REPO, select=chosen), RULES, as_of)
    return _LINTERS[key].check_text(text, path)


def found(text: str, select: str = "NL", **kwargs) -> list[tuple]:
    """(code, line, column, end_line, end_column) of every diagnostic, in order."""
    return [(d.code, d.line, d.column, d.end_line, d.end_column) for d in lint(text, select, **kwargs)]


def link_derived_data(cache: Path, seed: str | os.PathLike | None) -> None:
    """Link the derived data of the cache ``seed`` (the AWS catalog, the spelling lists) into ``cache``.

    Never its cached results (``results``, ``runs``) nor the derived-data store
    (``derived``: values built by notelint's code, which mutmut changes behind a
    switch, not in the files that key them): those answer for one run's code and
    inputs, and a test or a mutant must see its own code run.
    """
    if not seed or not Path(seed).is_dir():
        return
    cache.mkdir(parents=True, exist_ok=True)
    for entry in Path(seed).iterdir():
        if entry.name not in ("results", "runs", "derived") and not (cache / entry.name).exists():
            (cache / entry.name).symlink_to(entry.resolve())


def own_result_cache(monkeypatch, folder: Path) -> Path:
    """A cache folder of the test's own (empty of results), with the session's derived data linked in.

    Building the catalog and the spelling lists again in a fresh folder takes
    10 s and more of CPU; a test about cached results does not need it.
    """
    link_derived_data(folder, os.environ.get("NOTELINT_CACHE_DIR"))
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(folder))
    return folder


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, input: bytes | None = None):
    """Run the installed notelint as a separate process, as a user would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("GITHUB_ACTIONS", None) if env is None or "GITHUB_ACTIONS" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "notelint", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        input=input,
        timeout=300,
    )


TOOLS = REPO / ".ci" / "tools"


def npm_package(spec: str) -> Path:
    """Install an npm package for the tests into .ci/tools (once) and return its folder.

    Test tools come from the npm registry at set-up time, never at notelint's run time.
    """
    name = spec.rsplit("@", 1)[0] if spec.count("@") > (1 if spec.startswith("@") else 0) else spec
    folder = TOOLS / "node_modules" / name
    if not folder.exists():
        TOOLS.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(TOOLS), spec],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0 or not folder.exists():
            pytest.fail(f"could not install {spec} from the npm registry:\n{done.stderr[-2000:]}")
    return folder


def load_bench(name: str):
    """A script of bench/ imported as a module (bench/ is not a package; its scripts import each other)."""
    return _load_module(REPO / "bench", name)


def load_script(name: str):
    """A script of scripts/ imported as a module (scripts/ is not a package either)."""
    return _load_module(REPO / "scripts", name)


def _load_module(folder: Path, name: str):
    import importlib.util

    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, folder / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
