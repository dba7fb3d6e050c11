"""Bad input: each gets a clear message and exit code, and nothing is lost or written.

Also: pathological text does not hang any rule, and no socket is ever opened.
"""

import socket
import sys
from pathlib import Path

import pytest

from tests.helpers import AS_OF, FRONT, REPO
from notelint import fixes, runner
from notelint.cli import main
from notelint.config import Config
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.rules import RULES

BROKEN = FRONT + "* one\n*\n"  # an empty list item (NL112, fixable)
FIXED = FRONT + "* one\n"


def check(tmp_path, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(tmp_path)
    code = main(["check", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def errors(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("error:")]


def contents(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden and temporary ones included) and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- unreadable files ---------------------------------------------------------------
def test_unreadable_files_are_named_left_untouched_and_the_rest_is_fixed(tmp_path, monkeypatch, capsys):
    (tmp_path / "bad-utf8.md").write_bytes(FRONT.encode() + b"* caf\xe9 au lait\n")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with open(tmp_path / "huge.md", "wb") as out:  # 50 MB of real text, not a sparse file
        out.write(FRONT.encode())
        line = b"* A claim about Amazon S3 buckets and SageMaker endpoints.\n"
        out.write(line * (50_000_000 // len(line) + 1))
    (tmp_path / "fixable.md").write_text(BROKEN)
    before = contents(tmp_path)
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--fix", ".")
    assert code == 2
    size = (tmp_path / "huge.md").stat().st_size
    assert errors(out) == [
        "error: bad-utf8.md: not valid UTF-8: byte 0xe9 at line 5, byte column 6",
        "error: binary.md: binary file (contains NUL bytes), not a Markdown note",
        f"error: huge.md: skipped: {size / 1e6:.1f} MB is larger than max-file-size (5.0 MB)",
    ]
    assert size / 1e6 == pytest.approx(50.0, abs=0.1)
    assert "Fixed 1 finding." in out
    after = contents(tmp_path)
    assert after == {**before, "fixable.md": FIXED.encode()}  # nothing else written, nothing left behind


@pytest.mark.slow
def test_a_12_mb_note_is_checked_to_its_end_when_the_limit_is_raised(tmp_path, monkeypatch, capsys):
    (tmp_path / "notelint.toml").write_text("max-file-size = 20_000_000\n")
    items = "".join(f"* Item {n} stores training data in Amazon S3 for SageMaker.\n" for n in range(2_000))
    code_line = "x = compute(value, other)  # one line of a long listing\n"
    listing = "```python\n" + code_line * (11_950_000 // len(code_line)) + "```\n"
    text = FRONT + "* We recieve data.\n" + items + "\n" + listing + "\n* Store the data we recieve.\n"
    (tmp_path / "big.md").write_text(text)
    assert 12_000_000 <= len(text) < 12_500_000
    last = text.count("\n")
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--quiet", "big.md")
    assert code == 1  # checked, not skipped: no file error, not even the per-file time limit
    assert out.splitlines() == [
        "big.md:5:6: NL202 [misspelled-word] warning: 'recieve' is a misspelling of 'receive'",
        f"big.md:{last}:21: NL202 [misspelled-word] warning: 'recieve' is a misspelling of 'receive'",
    ]


# -- large and deeply nested structure ----------------------------------------------
def test_a_10000_item_list_is_checked_item_by_item(tmp_path, monkeypatch, capsys):
    items = [f"* Item {n} is checked on its own." for n in range(10_000)]
    items[5_000] = "* Item 5000 is where we recieve data."
    (tmp_path / "list.md").write_text(FRONT + "\n".join(items) + "\n*\n")
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--quiet", "list.md")
    assert code == 1
    assert out.splitlines() == [
        "list.md:5005:25: NL202 [misspelled-word] warning: 'recieve' is a misspelling of 'receive'",
        "list.md:10005:1: NL112 [empty-list-item] warning: empty list item",
    ]


DEEP_LIST = FRONT + "* first\n*\n\n" + "".join("  " * n + f"* level {n}\n" for n in range(200))
DEEP_QUOTES = FRONT + "".join(">" * n + f" level {n}\n" for n in range(1, 201)) + "\n* after\n*\n"


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        (
            DEEP_LIST,
            [  # the list swallows the rest of the file, so everything from level 9 on is unchecked
                "list.md:6:1: NL112 [empty-list-item] warning: empty list item",
                "error: list.md: lines 17–207 not checked: lists or block quotes nested too deeply "
                "(the Markdown parser stops at 20 levels; a nested list takes 2)",
            ],
        ),
        (
            DEEP_QUOTES,
            [  # the quote ends; what follows it is checked again
                "list.md:207:1: NL112 [empty-list-item] warning: empty list item",
                "error: list.md: lines 24–204 not checked: lists or block quotes nested too deeply "
                "(the Markdown parser stops at 20 levels; a nested list takes 2)",
            ],
        ),
    ],
    ids=["200 nested lists", "200 nested block quotes"],
)
def test_nesting_too_deep_to_parse_names_the_lines_not_checked(tmp_path, monkeypatch, capsys, text, messages):
    (tmp_path / "list.md").write_text(text)
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--quiet", "list.md")
    assert code == 2
    assert [line for line in out.splitlines() if line] == messages


def test_fix_on_a_too_deep_note_reports_the_lines_of_the_fixed_file_once(tmp_path, monkeypatch, capsys):
    (tmp_path / "list.md").write_text(DEEP_LIST)
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--fix", "list.md")
    assert code == 2
    assert (tmp_path / "list.md").read_text() == DEEP_LIST.replace("* first\n*\n", "* first\n")
    assert errors(out) == [  # one line up: the empty item above was removed
        "error: list.md: lines 16–206 not checked: lists or block quotes nested too deeply "
        "(the Markdown parser stops at 20 levels; a nested list takes 2)",
    ]


# -- front matter ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            "---\ntitle: [unclosed\nreviewed: 2025-06-01\n---\n",
            "3:9: NL102 [invalid-front-matter] error: YAML syntax error: while parsing a flow sequence; "
            "did not find expected ',' or ']'",
        ),
        ("---\ntitle: T\nreviewed: 2025-06-01\n", "1:1: NL102 [invalid-front-matter] error: front matter opened on line 1 "
         "is never closed with a '---' line"),
        ("---\n- title\n- reviewed\n---\n", "2:1: NL102 [invalid-front-matter] error: front matter must be a mapping "
         "of fields, not a YAML list"),
        ("---\ntitle: &a [*a]\nreviewed: 2025-06-01\n---\n", "2:8: NL102 [invalid-front-matter] error: "
         "YAML syntax error: found unconstructable recursive node"),
    ],
    ids=["unclosed flow sequence", "never closed", "a list", "recursive alias"],
)
def test_malformed_front_matter_is_one_clear_finding(tmp_path, monkeypatch, capsys, front, expected):
    (tmp_path / "n.md").write_text(front + "* one\n")
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--quiet", "--select", "NL1", "n.md")
    assert code == 1
    assert out.splitlines() == [f"n.md:{expected}"]


def test_yaml_that_would_construct_python_objects_is_parsed_safely_and_reported(tmp_path, monkeypatch, capsys):
    marker = tmp_path / "constructed"
    front = (
        f'---\ntitle: !!python/object/apply:os.system ["touch {marker}"]\n'
        "reviewed: !!python/object/new:datetime.date [2025, 6, 1]\n---\n"
    )
    (tmp_path / "n.md").write_text(front + "* one\n")
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--quiet", "--select", "NL1", "n.md")
    assert code == 1
    assert out.splitlines() == [
        "n.md:2:8: NL102 [invalid-front-matter] error: YAML tag '!!python/object/apply:os.system' is not allowed: "
        "front matter is read with YAML's safe loader, which constructs no objects",
    ]
    assert not marker.exists()


# -- files that change under notelint -------------------------------------------------
def test_file_deleted_between_listing_and_reading(tmp_path, monkeypatch, capsys):
    (tmp_path / "gone.md").write_text(BROKEN)
    (tmp_path / "kept.md").write_text(BROKEN)
    real_plan = runner.plan

    def plan_then_delete(config, paths):
        the_plan = real_plan(config, paths)
        (tmp_path / "gone.md").unlink()
        return the_plan

    monkeypatch.setattr(runner, "plan", plan_then_delete)
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--fix", ".")
    assert code == 2
    assert errors(out) == ["error: gone.md: no such file (was it deleted while notelint ran?)"]
    assert contents(tmp_path) == {"kept.md": FIXED.encode()}  # not recreated


def test_file_deleted_between_reading_and_writing_a_fix_is_not_recreated(tmp_path, monkeypatch, capsys):
    (tmp_path / "n.md").write_text(BROKEN)
    real_write = fixes.write_atomic

    def delete_then_write(path, data, expected):
        Path(path).unlink()
        real_write(path, data, expected)

    monkeypatch.setattr(fixes, "write_atomic", delete_then_write)  # runner imports it when it fixes
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--fix", "n.md")
    assert code == 2
    assert errors(out) == ["error: n.md: No such file or directory; not fixed"]
    assert contents(tmp_path) == {}


def test_symbolic_link_loops_on_the_command_line_and_in_a_folder(tmp_path, monkeypatch, capsys):
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "good.md").write_text(FRONT + "* one\n")
    (notes / "loop.md").symlink_to("loop.md")
    (notes / "a.md").symlink_to("b.md")
    (notes / "b.md").symlink_to("a.md")
    (notes / "sub" / "up").symlink_to("..", target_is_directory=True)  # a folder loop: not followed
    (notes / "dangling.md").symlink_to("no-such-target.md")
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--fix", "notes/loop.md")
    assert code == 2
    assert errors(out) == ["error: notes/loop.md: symbolic link loop"]
    code, out, _ = check(tmp_path, monkeypatch, capsys, "--isolated", "--fix", "notes")
    assert code == 2
    assert errors(out) == [
        "error: notes/a.md: symbolic link loop",
        "error: notes/b.md: symbolic link loop",
        "error: notes/dangling.md: broken symbolic link (its target does not exist)",
        "error: notes/loop.md: symbolic link loop",
    ]
    assert [p.name for p in sorted(notes.iterdir())] == ["a.md", "b.md", "dangling.md", "good.md", "loop.md", "sub"]


class _HalfWritten:
    """A temporary file that takes half of what is written to it, then fails."""

    def __init__(self, file, failure: BaseException):
        self.file, self.failure = file, failure

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.file.close()

    def write(self, data: bytes):
        self.file.write(data[: len(data) // 2])
        raise self.failure


@pytest.mark.parametrize("where", ["write", "fsync", "chmod", "replace"])
@pytest.mark.parametrize("failure", [KeyboardInterrupt(), OSError(28, "No space left on device")], ids=["interrupt", "disk full"])
def test_interrupted_fix_leaves_the_original_and_no_temporary_file(tmp_path, monkeypatch, capsys, where, failure):
    """a.md is written; writing b.md fails at one step of the atomic write."""
    (tmp_path / "a.md").write_text(BROKEN)
    (tmp_path / "b.md").write_text(BROKEN)
    writing = []
    real_write_atomic = fixes.write_atomic

    def write_atomic(path, data, expected):
        writing.append(Path(path).name)
        real_write_atomic(path, data, expected)

    def failing(real):
        def step(*args, **kwargs):
            if writing[-1:] == ["b.md"]:  # (os is shared: the result cache uses it too)
                if where == "write":
                    return _HalfWritten(real(*args, **kwargs), failure)
                raise failure
            return real(*args, **kwargs)

        return step

    monkeypatch.setattr(fixes, "write_atomic", write_atomic)
    name = "fdopen" if where == "write" else where
    monkeypatch.setattr(fixes.os, name, failing(getattr(fixes.os, name)))
    code, out, err = check(tmp_path, monkeypatch, capsys, "--isolated", "--fix", ".")
    if isinstance(failure, KeyboardInterrupt):
        assert (code, err) == (130, "notelint: interrupted\n")
    else:
        assert code == 2
        assert errors(out) == ["error: b.md: No space left on device; not fixed"]
    assert writing == ["a.md", "b.md"]
    assert contents(tmp_path) == {"a.md": FIXED.encode(), "b.md": BROKEN.encode()}


# -- pathological text ----------------------------------------------------------------
def _table(columns: int, rows: int) -> str:
    head = "| " + " | ".join(f"h{n}" for n in range(columns)) + " |\n|" + "---|" * columns + "\n"
    return head + ("| " + " | ".join(f"cell {n} on S3" for n in range(columns)) + " |\n") * rows


PATHOLOGICAL = {
    "100,000-character word": "A " + "a" * 100_000 + " word.\n",
    "5,000-character CamelCase run": "The " + "AbCdEf" * 834 + " class.\n",
    "long snake_case": "The " + "_".join(["ab"] * 30_000) + " variable.\n",
    "1 MB single line of sentences": "SageMaker trains on ml.p3.2xlarge and S3 stores the data. " * 17_000 + "\n",
    "nested parentheses": "(" * 50_000 + "x" + ")" * 50_000 + "\n",
    "repeated (": "(" * 20_000 + "\n",
    "aaaa...!": "a" * 50_000 + "!\n",
    "runs of *_": "*_" * 50_000 + "\n",
    "10,000 backticks": "`" * 5_000 + " x " + "`" * 4_999 + "\n",
    "backtick runs of every length": " ".join("`" * n for n in range(1, 700)) + "\n",
    "nested brackets": "[" * 50_000 + "x" + "]" * 50_000 + "(y)\n",
    "unclosed links": "[a](" * 20_000 + "\n",
    "unclosed emphasis": "*a " * 30_000 + "\n",
    "unclosed HTML": "<a " * 30_000 + "\n",
    "huge table": _table(100, 400),
    "run of dots": "." * 200_000 + "\n",
    "run of digits": "1" * 200_000 + "\n",
    "abbreviations": "e.g. A " * 50_000 + "\n",
    "one list item with 20,000 API names": "* " + "Call PutObject then GetObject on Amazon S3. " * 10_000 + "\n",
    "many AWS names": "Amazon S3 and Sagemaker " * 20_000 + "\n",
    "URL bait": "https://" + "a." * 50_000 + "com\n",
    "escapes and entities": "\\*&amp;" * 40_000 + "\n",
}


@pytest.fixture(scope="module")
def every_rule(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pathological")
    linter = Linter(Config(root=folder, select=("NL",)), RULES, AS_OF, jobs=1)
    linter.prepare()  # the catalog and word lists: loaded before the clock starts
    return linter, folder


@pytest.mark.slow
@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_does_not_hang_any_rule(every_rule, name):
    linter, folder = every_rule
    text = FRONT + PATHOLOGICAL[name]
    path = folder / "note.md"
    path.write_text(text)
    result = linter.run([NoteFile(path, "note.md")])
    assert result.errors == []  # the per-file time limit (enforced in the engine) did not have to skip it
    lines = text.count("\n") + 1
    assert all(1 <= d.line <= d.end_line <= lines for d in result.diagnostics)


# -- no network, ever -----------------------------------------------------------------
@pytest.mark.slow
def test_no_socket_is_opened_by_a_full_check_and_report(tmp_path, monkeypatch, capsys):
    """Everything, the catalog built from botocore included, works offline."""
    events = []

    def refuse(*args, **kwargs):
        raise OSError("notelint tried to use the network")

    def audit(event, args):
        if event.startswith("socket.") and _AUDITING:
            events.append(event)

    sys.addaudithook(audit)  # cannot be removed: it only records while _AUDITING is set
    # botocore imports http.client and so ssl, whose classes subclass socket.socket: import
    # them before socket.socket is replaced (importing opens nothing; the audit hook sees any use)
    import http.client  # noqa: F401

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))  # empty: the catalog is built
    monkeypatch.chdir(REPO)
    _set_auditing(True)
    try:
        check_code = main(["check", "--no-cache"])
        report_code = main(["report", "--no-cache", "--output-dir", str(tmp_path / "report")])
    finally:
        _set_auditing(False)
    out = capsys.readouterr()
    assert (check_code, report_code) == (0, 0), out
    notes = len(list((REPO / "notes").glob("*.md")))
    assert out.out == f"All checks passed ({notes} files).\n"
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == ["report.html", "report.json", "report.md"]
    assert (tmp_path / "cache").is_dir()
    assert events == []


_AUDITING = False


def _set_auditing(value: bool) -> None:
    global _AUDITING
    _AUDITING = value
