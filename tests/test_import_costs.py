"""What a one-note check does not import: modules whose import a run would pay for nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

# module -> why a one-note check does without it
NOT_NEEDED = {
    "multiprocessing": "workers are started only for many files (notelint.parallel imports it then)",
    "hashlib": "OpenSSL's libcrypto; notelint.hashing uses Python's own SHA-256",
    "importlib.resources": "shipped data is found beside the package when it is a folder (notelint.shipped)",
    "tempfile": "imported by importlib.resources, and by atomic writes only",
}


@pytest.mark.parametrize("module", sorted(NOT_NEEDED))
def test_the_checking_path_does_not_import(module, tmp_path):
    code = (
        "import sys, notelint.cli, notelint.engine, notelint.rules, notelint.derived\n"
        "from notelint.shipped import data_file, data_text\n"
        "data_text('words', 'aws-bigrams.tsv'); notelint.derived.stored_path('x')\n"
        f"print({module!r} in sys.modules)\n"
    )
    env = {"NOTELINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert done.stdout.strip() == "False", NOT_NEEDED[module]


def test_the_command_freezes_what_it_leaves_and_main_does_not():
    """``notelint`` (console script and ``python -m``) runs ``cli.run``, which hides the run's objects
    from the collections of Python's exit; ``cli.main``, which tests and servers call, does not."""
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["scripts"]["notelint"] == "notelint.cli:run"
    assert "run()" in (Path(__file__).resolve().parents[1] / "notelint" / "__main__.py").read_text(encoding="utf-8")
    code = (
        "import gc, sys, contextlib, io, notelint.cli as cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    cli.main(['rules']); after_main = gc.get_freeze_count()\n"
        "    sys.argv = ['notelint', 'rules']; cli.run()\n"
        "print(after_main, gc.get_freeze_count() > 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "True"]


# module -> why a run answered whole from the result cache does without it
NOT_NEEDED_WARM = {
    "dataclasses": "its import loads inspect, ast, dis and tokenize, and each dataclass compiles its methods: "
                   "the types such a run makes are written out (notelint.values)",
    "notelint.engine": "the rules, the parser and the shared data load only when a file is checked",
    "shutil": "argparse asked it for the terminal's width (with zlib, bz2, lzma): cli._HelpFormatter finds it itself",
    "datetime": "today's date in the run's key is written by time (resultcache._iso_day)",
    "typing": "notelint's modules import it for type checkers only (TYPE_CHECKING = False)",
}


def test_a_run_answered_from_the_cache_does_not_import(tmp_path):
    note = tmp_path / "note.md"
    note.write_text("# Title\n\nSome text about Amazon S3.\n", encoding="utf-8")
    code = (
        "import sys, contextlib, io\n"
        "from notelint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['check', '--isolated', 'note.md'])\n"
        f"print(*[name for name in {sorted(NOT_NEEDED_WARM)!r} if name in sys.modules])\n"
    )
    env = {"NOTELINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-c", code]
    subprocess.run(run, capture_output=True, text=True, check=True, env=env, cwd=tmp_path)  # fills the cache
    done = subprocess.run(run, capture_output=True, text=True, check=True, env=env, cwd=tmp_path)
    assert done.stdout.split() == [], [NOT_NEEDED_WARM[name] for name in done.stdout.split()]
