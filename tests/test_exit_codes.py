"""Exit codes under every --fail-on level and --exit-zero, with and without file errors.

README: 0 no finding at or above the fail-on level, 1 findings, 2 usage,
configuration or file errors.  A file error wins over --exit-zero and
``fail-on = "never"`` (the audit of 2026-12-02 moved the --exit-zero check
above the file-error check and no test noticed).
"""

from __future__ import annotations

import itertools

import pytest

from notelint.cli import exit_code, main
from notelint.config import FAIL_ON
from notelint.diagnostic import Severity
from tests.helpers import FRONT

# one note per highest severity; each has exactly one finding
NOTES = {
    None: FRONT + "* A claim that is fine.\n",
    "info": FRONT + "* A claim that is fine.\n\n\n",  # NL115 trailing-blank-lines
    "warning": FRONT + "* one\n*\n",  # NL112 empty-list-item
    "error": "---\ntitle: T\nreviewed: 2099-01-01\n---\n* A claim that is fine.\n",  # NL106 reviewed-in-future
}
RANK = {"info": 1, "warning": 2, "error": 3, "never": 99}


def expected(worst: str | None, fail_on: str, exit_zero: bool) -> int:
    if exit_zero or fail_on == "never" or worst is None:
        return 0
    return 1 if RANK[worst] >= RANK[fail_on] else 0


def run(tmp_path, monkeypatch, capsys, worst, fail_on, exit_zero, broken=False) -> int:
    (tmp_path / "n.md").write_text(NOTES[worst])
    paths = ["n.md"]
    if broken:
        (tmp_path / "bad.md").write_bytes(b"---\ntitle: T\n\xff\n")  # not UTF-8: a file error
        paths.append("bad.md")
    monkeypatch.chdir(tmp_path)
    args = ["check", "--isolated", "--as-of", "2026-11-25", "--fail-on", fail_on, *(["--exit-zero"] if exit_zero else [])]
    code = main([*args, *paths])
    capsys.readouterr()
    return code


def test_the_notes_have_the_severity_they_stand_for(tmp_path, monkeypatch, capsys):
    """The fixture is right: each note's one finding has the severity it is filed under."""
    from tests.helpers import lint

    for worst, text in NOTES.items():
        assert [d.severity.value for d in lint(text)] == ([] if worst is None else [worst])


@pytest.mark.parametrize(("worst", "fail_on", "exit_zero"), list(itertools.product(NOTES, FAIL_ON, (False, True))))
def test_findings_only(tmp_path, monkeypatch, capsys, worst, fail_on, exit_zero):
    assert run(tmp_path, monkeypatch, capsys, worst, fail_on, exit_zero) == expected(worst, fail_on, exit_zero)


@pytest.mark.parametrize(("worst", "fail_on", "exit_zero"), list(itertools.product(("warning", None), FAIL_ON, (False, True))))
def test_a_file_error_exits_2_whatever_the_fail_on_level(tmp_path, monkeypatch, capsys, worst, fail_on, exit_zero):
    assert run(tmp_path, monkeypatch, capsys, worst, fail_on, exit_zero, broken=True) == 2


def test_fail_on_from_the_config_file(tmp_path, monkeypatch, capsys):
    (tmp_path / "notelint.toml").write_text('fail-on = "never"\n')
    (tmp_path / "n.md").write_text(NOTES["error"])
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--as-of", "2026-11-25", "n.md"]) == 0
    assert main(["check", "--as-of", "2026-11-25", "--fail-on", "error", "n.md"]) == 1  # the flag wins
    (tmp_path / "bad.md").write_bytes(b"\xff")
    assert main(["check", "--as-of", "2026-11-25", "n.md", "bad.md"]) == 2
    capsys.readouterr()


def test_diff_mode_exit_codes(tmp_path, monkeypatch, capsys):
    (tmp_path / "n.md").write_text(NOTES["warning"])  # NL112 has a safe fix
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated", "--diff", "n.md"]) == 1
    (tmp_path / "good.md").write_text(NOTES[None])
    assert main(["check", "--isolated", "--diff", "good.md"]) == 0
    (tmp_path / "bad.md").write_bytes(b"\xff")
    assert main(["check", "--isolated", "--diff", "good.md", "bad.md"]) == 2
    capsys.readouterr()


class _Result:
    def __init__(self, severities, errors=()):
        self.diagnostics = [type("D", (), {"severity": Severity(s)})() for s in severities]
        self.errors = list(errors)


@pytest.mark.parametrize(("fail_on", "exit_zero"), list(itertools.product(FAIL_ON, (False, True))))
def test_exit_code_function(fail_on, exit_zero):
    for worst in NOTES:
        findings = [] if worst is None else ["info", worst]
        assert exit_code(_Result(findings), fail_on, exit_zero) == expected(worst, fail_on, exit_zero)
        assert exit_code(_Result(findings, errors=["x"]), fail_on, exit_zero) == 2


def test_exit_zero_is_off_unless_asked_for():
    assert exit_code(_Result(["warning"]), "warning") == 1
    assert exit_code(_Result([]), "warning") == 0
