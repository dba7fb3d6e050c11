"""NL6xx: contradictions between claims and with known facts; the look-alikes that are not."""


from notelint.config import Config
from notelint.engine import Linter
from notelint.files import NoteFile
from notelint.rules import RULES
from tests.helpers import AS_OF, lint, note


def found(text: str, select: str = "NL6"):
    return [(d.code, d.line, d.column, [(r.line, r.column) for r in d.related]) for d in lint(text, select)]


def test_only_versus_supports():
    text = note("* XGBoost: only CPU\n* XGBoost can train on GPU instances\n")
    assert found(text, "NL601") == [("NL601", 5, 3, [(6, 3)]), ("NL601", 6, 3, [(5, 3)])]


def test_numeric_limits_with_units():
    text = note("* Lambda runs for at most 15 minutes\n* Lambda timeout maximum is 300 seconds\n")
    diagnostics = lint(text, "NL601")
    assert [d.line for d in diagnostics] == [5, 6]
    assert diagnostics[0].message == (
        "contradicts the claim on line 6 about Lambda: this says at most 15 minutes, that one says at most 5 minutes"
    )


def test_capability_and_negation():
    text = note("* Firehose can convert JSON to Parquet\n* Firehose cannot convert record formats\n")
    assert [code for code, *_ in found(text, "NL601")] == ["NL601", "NL601"]


def test_look_alikes_are_not_contradictions():
    cases = [
        "* XGBoost: CPU is preferred\n* XGBoost can use CPU or GPU instances\n",  # a preference asserts nothing
        "* XGBoost: only CPU\n* DeepAR can use CPU or GPU\n",  # different subjects
        "* DeepAR: CPU only for inference\n* DeepAR trains on GPU instances\n",  # different phases
        "* S3 Select reads only CSV\n* S3 stores Parquet files\n",  # not the same subject
        "* SageMaker: only CSV for this job\n* SageMaker supports Parquet input\n",  # an umbrella platform
        "* Lambda authorizers are cached for up to 1 hour\n* Lambda runs for at most 15 minutes\n",  # unnamed limit
        "* DeepAR: supports JSON\n* DeepAR: only JSON Lines\n",  # JSON Lines is JSON
    ]
    for case in cases:
        assert found(note(case), "NL601") == [], case


def test_contradictions_across_notes_report_only_targets(tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(note("* XGBoost: only CPU\n"))
    second.write_text(note("* XGBoost can train on GPU instances\n"))
    config = Config(root=tmp_path, select=("NL601",))
    result = Linter(config, RULES, AS_OF).run([NoteFile(second, "b.md")], [NoteFile(first, "a.md")])
    assert [(d.path, d.line, [(r.path, r.line) for r in d.related]) for d in result.diagnostics] == [
        ("b.md", 5, [("a.md", 5)])
    ]


def test_contradicts_known_fact():
    diagnostics = lint(note("* Lambda timeout maximum is 120 minutes\n"), "NL602")
    assert [(d.line, d.column, d.end_column) for d in diagnostics] == [(5, 10, 40)]
    assert diagnostics[0].meta["source"].startswith("https://")
    assert "botocore 1.44.8 (lambda CreateFunction Timeout) allows up to 90 minutes" in diagnostics[0].message
    assert found(note("* Lambda timeout maximum is 15 minutes\n"), "NL602") == []
    # a smaller maximum is not wrong but out of date: NL505 reports it, NL602 does not
    assert found(note("* Lambda timeout maximum is 5 minutes\n"), "NL602") == []
    # explained by a stale-claim entry (with its date), so not reported twice
    assert found(note("* XGBoost: only CPU\n"), "NL602") == []
    assert found(note("* Linear Learner trains only on CPU\n"), "NL602") == []  # NL508 explains it


def test_how_long_a_change_takes_is_not_a_limit_of_what_changes():
    """'can take up to 15 minutes' to apply a retention change is not a retention of 15 minutes."""
    from tests.helpers import found, note

    text = note("## SQS\n* up to 14 days of retention\n* Change of retention period can take up to 15 minutes\n")
    assert [f for f in found(text, "NL6") if f[0] == "NL601"] == []
