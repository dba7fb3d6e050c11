"""Files an ordinary user may not read or write, checked by an ordinary user.

Root may read and write any file, so a test run as root that only set the
permission bits would test nothing, and faking ``os.access`` tests only the
reaction to a check that never ran.  Here the check runs in a process whose
real and effective user is an unprivileged account: the current user when the
tests do not run as root, else ``notelint-test`` (created with ``useradd`` if
missing).  Only when no such account can be made are the tests skipped, with
the reason in the summary.

The unprivileged process is a fork of the test process that drops root with
setgid/setuid after a warm-up run (as root, on a copy of the same files) has
loaded every module and the AWS catalog: the interpreter may live where the
account cannot read (``/root/.pyenv``).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pwd
import shutil
import subprocess
import tempfile
import traceback
from pathlib import Path

import pytest

from notelint.cli import main
from tests.helpers import FRONT

ACCOUNT = "notelint-test"
BROKEN = FRONT + "* one\n*\n"  # an empty list item: NL112, with a safe fix
FIXED = FRONT + "* one\n"


@pytest.fixture(scope="session")
def account() -> tuple[int, int] | None:
    """(uid, gid) of the unprivileged account to drop to, or None when the tests already run unprivileged."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(ACCOUNT)
    except KeyError:
        made = subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", ACCOUNT],
            capture_output=True, text=True, check=False,
        )
        if made.returncode != 0:
            pytest.skip(f"running as root and no unprivileged account could be created: {made.stderr.strip()}")
        entry = pwd.getpwnam(ACCOUNT)
    return entry.pw_uid, entry.pw_gid


@pytest.fixture(scope="session")
def readable_cache():
    """A cache folder the account can read: the warm-up run writes the AWS catalog there."""
    folder = Path(tempfile.mkdtemp(prefix="notelint-perm-cache-"))
    session = Path(os.environ.get("NOTELINT_CACHE_DIR", "/nonexistent"))
    if session.is_dir():  # what the session built already (catalog, word lists): no second build
        shutil.copytree(session, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("results"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def workdir(account, readable_cache, monkeypatch):
    """A folder the account owns (tmp_path's parents are root's and closed to it)."""
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(readable_cache))
    folder = Path(tempfile.mkdtemp(prefix="notelint-perm-"))
    if account is not None:
        os.chown(folder, *account)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _make(folder: Path, account, files: dict[str, str], modes: dict[str, int]) -> None:
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        if account is not None:
            os.chown(path, *account)
        os.chmod(path, modes.get(name, 0o644))


def _check(folder: Path, args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    previous = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            code = main(["check", "--isolated", "--no-cache", *args])
    finally:
        os.chdir(previous)
    return code, out.getvalue()


def check_as_user(account, folder: Path, files: dict[str, str], modes: dict[str, int], args: list[str]):
    """Run ``notelint check`` on ``files`` (with ``modes``) in ``folder`` as the unprivileged account."""
    warm = Path(tempfile.mkdtemp(prefix="notelint-warm-"))
    try:  # the same run as the current user on a writable copy: every module and the catalog are loaded
        _make(warm, None, files, {})
        _check(warm, args)
    finally:
        shutil.rmtree(warm, ignore_errors=True)
    _make(folder, account, files, modes)
    cache = Path(os.environ["NOTELINT_CACHE_DIR"])
    for path in [cache, *cache.rglob("*")]:  # cache files are written 0600 (mkstemp): let the account read them
        path.chmod(0o755 if path.is_dir() else 0o644)
    if account is None:
        return _check(folder, args)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root for good, then check
        os.close(read)
        try:
            os.setgroups([])
            os.setgid(account[1])
            os.setuid(account[0])
            assert os.getuid() == os.geteuid() == account[0]
            code, out = _check(folder, args)
            payload = {"code": code, "out": out}
        except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
            payload = {"error": traceback.format_exc()}
        with os.fdopen(write, "w", encoding="utf-8") as pipe:
            json.dump(payload, pipe)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as pipe:
        payload = json.load(pipe)
    os.waitpid(pid, 0)
    assert "error" not in payload, payload.get("error")
    return payload["code"], payload["out"]


def test_the_check_really_runs_unprivileged(account, workdir):
    """The control: as the account, a file closed to it cannot be read (as root it could)."""
    code, out = check_as_user(account, workdir, {"locked.md": BROKEN}, {"locked.md": 0o000}, ["locked.md"])
    assert (code, [line for line in out.splitlines() if line.startswith("error:")]) == (
        2, ["error: locked.md: permission denied"])


def test_an_unreadable_file_is_named_and_the_others_are_checked(account, workdir):
    files = {"a.md": BROKEN, "locked.md": BROKEN, "z.md": BROKEN}
    code, out = check_as_user(account, workdir, files, {"locked.md": 0o000}, ["."])
    assert code == 2
    assert [line for line in out.splitlines() if line.startswith("error:")] == ["error: locked.md: permission denied"]
    assert "a.md:6:1: NL112" in out and "z.md:6:1: NL112" in out


def test_a_read_only_file_is_not_fixed_and_the_others_are(account, workdir):
    files = {"a.md": BROKEN, "locked.md": BROKEN, "z.md": BROKEN}
    code, out = check_as_user(account, workdir, files, {"locked.md": 0o444}, ["--fix", "."])
    assert code == 2
    assert [line for line in out.splitlines() if line.startswith("error:")] == [
        "error: locked.md: read-only file; not fixed"]
    assert "locked.md:6:1: NL112 [empty-list-item] warning: empty list item" in out  # still reported
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in sorted(workdir.iterdir())}
    assert on_disk == {"a.md": FIXED, "locked.md": BROKEN, "z.md": FIXED}  # and no temporary file left
