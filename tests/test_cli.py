"""The command line as users drive it: exit codes, bad input, config, rules/explain."""

from pathlib import Path

import pytest

from tests.helpers import FRONT, run_cli
from notelint.cli import main

GOOD = FRONT + "* A claim that is fine.\n"
BAD = FRONT + "* one\n*\n"


def make(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return tmp_path


def check(tmp_path, capsys, monkeypatch, *args):
    monkeypatch.chdir(tmp_path)
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_exit_codes_and_fail_on(tmp_path, capsys, monkeypatch):
    make(tmp_path, {"notes/good.md": GOOD, "notes/bad.md": BAD})
    assert check(tmp_path, capsys, monkeypatch, "notes/good.md")[0] == 0
    assert check(tmp_path, capsys, monkeypatch, "notes")[0] == 1
    assert check(tmp_path, capsys, monkeypatch, "--fail-on", "error", "notes")[0] == 0
    assert check(tmp_path, capsys, monkeypatch, "--exit-zero", "notes")[0] == 0
    assert check(tmp_path, capsys, monkeypatch, "--ignore", "NL112", "notes")[0] == 0


def test_no_arguments_checks_configured_paths(tmp_path, capsys, monkeypatch):
    make(tmp_path, {"pyproject.toml": "[tool.notelint]\npaths = ['notes']\n", "notes/a.md": GOOD, "README.md": "# not a note\n"})
    code, out, _ = check(tmp_path / "notes", capsys, monkeypatch)
    assert code == 0 and out == "All checks passed (1 file).\n"


def test_bad_config_exits_2_naming_key(tmp_path, capsys, monkeypatch):
    make(tmp_path, {"notelint.toml": "selct = ['NL1']\n", "a.md": GOOD})
    code, _, err = check(tmp_path, capsys, monkeypatch, "a.md")
    assert code == 2
    assert err == f"notelint: error: {tmp_path.resolve() / 'notelint.toml'}: unknown setting 'selct'; did you mean 'select'?\n"


def test_usage_errors_exit_2(tmp_path, capsys, monkeypatch):
    with pytest.raises(SystemExit) as caught:
        main(["check", "--select", "E501"])
    assert caught.value.code == 2
    assert "'E501' is not a rule code or prefix" in capsys.readouterr().err
    make(tmp_path, {"empty/readme.txt": "x"})
    code, _, err = check(tmp_path, capsys, monkeypatch, "empty")
    assert code == 2 and err == "notelint: error: no notes (*.md, *.markdown) found in empty\n"


def test_bad_inputs_are_reported_and_others_still_checked(tmp_path, capsys, monkeypatch):
    make(
        tmp_path,
        {
            "bad-utf8.md": b"---\ntitle: T\n\xff\n",
            "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00",
            "big.md": FRONT + "x" * 6_000_000,
            "good.md": GOOD,
            "bad.md": BAD,
        },
    )
    code, out, _ = check(tmp_path, capsys, monkeypatch, ".", "missing.md")
    assert code == 2
    errors = [line for line in out.splitlines() if line.startswith("error:")]
    assert errors == [  # an unreadable file: tests/test_permissions.py (as an unprivileged user)
        "error: missing.md: no such file or directory",
        "error: bad-utf8.md: not valid UTF-8: byte 0xff at line 3, byte column 1",
        "error: big.md: skipped: 6.0 MB is larger than max-file-size (5.0 MB)",
        "error: binary.md: binary file (contains NUL bytes), not a Markdown note",
    ]
    assert "bad.md:6:1: NL112 [empty-list-item] warning: empty list item" in out


def test_rules_and_explain(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    assert "NL112   empty-list-item" in out
    assert main(["explain", "NL112"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("NL112 empty-list-item\n\nA list item has no text.\n")
    assert "Example that is reported:" in text and "Example that passes:" in text
    assert main(["explain", "empty-list-item"]) == 0
    assert capsys.readouterr().out == text  # the name explains the same rule as the code
    assert main(["explain", "NL999"]) == 2
    assert "unknown rule 'NL999'" in capsys.readouterr().err


def test_real_process_entry_points(tmp_path):
    make(tmp_path, {"n.md": BAD})
    done = run_cli("check", "--isolated", "--format", "json", "n.md", cwd=tmp_path)
    assert done.returncode == 1
    assert b'"code": "NL112"' in done.stdout
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith(b"notelint ")


def test_output_file_and_color(tmp_path, capsys, monkeypatch):
    make(tmp_path, {"n.md": BAD})
    code, out, err = check(tmp_path, capsys, monkeypatch, "--isolated", "--format", "sarif", "--output-file", "out.sarif", "n.md")
    assert code == 1 and out == ""
    assert err == "notelint: 1 finding (0 errors, 1 warning, 0 info) in 1 file; written to out.sarif\n"
    assert (tmp_path / "out.sarif").read_text().startswith("{")
    _, colored, _ = check(tmp_path, capsys, monkeypatch, "--isolated", "--color", "always", "n.md")
    assert "\x1b[" in colored
    _, plain, _ = check(tmp_path, capsys, monkeypatch, "--isolated", "n.md")
    assert "\x1b[" not in plain  # not a terminal


def _subparser(parser, name):
    import argparse

    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return commands.choices.get(name)


def test_a_command_named_first_gets_only_its_own_parser_and_the_same_options():
    """cli._parser makes one sub-parser when argv starts with a command (start-up time);
    its usage, help and parsed values are those of the parser with every command."""
    from notelint import cli

    everything = cli._parser(["--help"])
    assert sorted(_subparser(everything, name) is not None for name in cli.COMMANDS) == [True] * len(cli.COMMANDS)
    for name in cli.COMMANDS:
        alone = cli._parser([name])
        assert [n for n in cli.COMMANDS if _subparser(alone, n) is not None] == [name]
        assert _subparser(alone, name).format_help() == _subparser(everything, name).format_help()
    argv = ["check", "--select", "NL1", "--format", "json", "-q", "notes"]
    assert vars(cli._parser(argv).parse_args(argv)) == vars(everything.parse_args(argv))
