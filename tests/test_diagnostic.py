"""What a finding carries once it leaves the engine: severities and their order,
positions of a corpus rule's digest, the sort order of the output, and the JSON
form with its inverse (the result cache stores diagnostics in it).

Found unpinned by ``bench/mutation.py diagnostic`` (issue 20): each test pins
exact values, so a changed key, default or tie-break fails here rather than
only in a golden file that happens to contain such a finding.
"""

from __future__ import annotations

import json

import pytest

from notelint.diagnostic import (
    Diagnostic,
    Digest,
    Edit,
    Finding,
    Fix,
    FixOut,
    Location,
    Severity,
    TextEdit,
    diagnostic_from_dict,
)


def _diagnostic(**changes) -> Diagnostic:
    fields = dict(code="NL112", name="empty-list-item", severity=Severity.WARNING, path="n.md",
                  line=3, column=5, end_line=3, end_column=6, message="empty list item")
    fields.update(changes)
    return Diagnostic(**fields)


# -- severities --------------------------------------------------------------------------
def test_severity_ranks_order_info_below_warning_below_error():
    assert [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)] == [1, 2, 3]
    assert Severity("info") is Severity.INFO and Severity("error") is Severity.ERROR
    assert Severity.WARNING.value == "warning"


# -- positions of a digest (what a corpus rule sees of another note) ----------------------
@pytest.mark.parametrize(
    ("offset", "position"),
    [(0, (1, 1)), (3, (1, 4)), (4, (2, 1)), (5, (2, 2)), (6, (3, 1)), (9, (3, 4)), (-5, (1, -4))],
)
def test_digest_position_is_one_based_line_and_column(offset, position):
    # "abc\n" "d\n" "efg": lines start at 0, 4 and 6; a negative offset stays on line 1
    digest = Digest("n.md", None, (0, 4, 6))
    assert digest.position(offset) == position


# -- the output order -----------------------------------------------------------------------
def test_sort_key_orders_by_path_line_column_code_end_and_message():
    base = _diagnostic()
    later = [  # each differs from base in one field of the key, in increasing order
        _diagnostic(message="f"),
        _diagnostic(end_column=7),
        _diagnostic(end_line=4, end_column=1),
        _diagnostic(code="NL113"),
        _diagnostic(column=6),
        _diagnostic(line=4, column=1),
        _diagnostic(path="o.md", line=1),
    ]
    assert base.sort_key == ("n.md", 3, 5, "NL112", 3, 6, "empty list item")
    assert sorted([*reversed(later), base], key=lambda d: d.sort_key) == [base, *later]


# -- defaults -------------------------------------------------------------------------------
def test_defaults_of_a_finding_and_a_diagnostic():
    finding = Finding(1, 2, "m")
    assert (finding.suggestions, finding.fix, finding.related, dict(finding.meta), finding.note,
            finding.severity) == ((), None, (), {}, None, None)
    assert Fix((Edit(0, 1, "x"),), "d").safe is True
    diagnostic = _diagnostic()
    assert (diagnostic.suggestions, diagnostic.fix, diagnostic.related, dict(diagnostic.meta)) == ((), None, (), {})
    assert Location("n.md", 1, 2, 1, 3).message == ""


# -- the JSON form ----------------------------------------------------------------------------
FULL = _diagnostic(
    code="NL502",
    name="stale-claim",
    severity=Severity.ERROR,
    line=7, column=2, end_line=8, end_column=4,
    message="renamed",
    suggestions=("Amazon EventBridge", "EventBridge"),
    fix=FixOut((TextEdit(7, 2, 7, 19, "Amazon EventBridge"), TextEdit(9, 1, 9, 2, "")), "write it", False),
    related=(Location("m.md", 4, 1, 4, 9, "the other side"),),
    meta={"kind": "renamed", "effective_date": "2019-07-11"},
)


def test_to_dict_has_every_key_in_the_documented_order():
    assert FULL.to_dict() == {
        "code": "NL502",
        "name": "stale-claim",
        "severity": "error",
        "path": "n.md",
        "line": 7,
        "column": 2,
        "end_line": 8,
        "end_column": 4,
        "message": "renamed",
        "suggestions": ["Amazon EventBridge", "EventBridge"],
        "fix": {
            "description": "write it",
            "safe": False,
            "edits": [
                {"line": 7, "column": 2, "end_line": 7, "end_column": 19, "text": "Amazon EventBridge"},
                {"line": 9, "column": 1, "end_line": 9, "end_column": 2, "text": ""},
            ],
        },
        "related": [{"path": "m.md", "line": 4, "column": 1, "end_line": 4, "end_column": 9,
                     "message": "the other side"}],
        "meta": {"kind": "renamed", "effective_date": "2019-07-11"},
    }
    assert list(FULL.to_dict()) == ["code", "name", "severity", "path", "line", "column", "end_line", "end_column",
                                    "message", "suggestions", "fix", "related", "meta"]
    assert list(FULL.to_dict()["fix"]) == ["description", "safe", "edits"]


def test_to_dict_of_a_diagnostic_without_fix_or_related():
    data = _diagnostic().to_dict()
    assert (data["fix"], data["related"], data["suggestions"], data["meta"]) == (None, [], [], {})


@pytest.mark.parametrize("diagnostic", [FULL, _diagnostic()], ids=["full", "bare"])
def test_from_dict_inverts_to_dict_through_json(diagnostic):
    data = json.loads(json.dumps(diagnostic.to_dict()))
    back = diagnostic_from_dict(data)
    assert back == diagnostic
    assert back.to_dict() == diagnostic.to_dict()
    assert isinstance(back.suggestions, tuple) and isinstance(back.related, tuple)
    if back.fix is not None:
        assert isinstance(back.fix.edits, tuple) and back.fix.safe is False


def test_digest_position_of_an_empty_first_line():
    # "\n" "a\n": the first line is empty, so line 2 starts at offset 1
    digest = Digest("n.md", None, (0, 1, 3))
    assert [digest.position(offset) for offset in (0, 1, 2, 3)] == [(1, 1), (2, 1), (2, 2), (3, 1)]


def test_the_finding_types_are_still_importable_from_diagnostic_and_nothing_else_is_invented():
    """They moved to notelint.finding (a lighter import); plugins and older code import them from here."""
    from notelint import diagnostic, finding

    for name in ("Digest", "Edit", "Finding", "Fix", "Related"):
        assert getattr(diagnostic, name) is getattr(finding, name)
    with pytest.raises(AttributeError, match=r"^module 'notelint.diagnostic' has no attribute 'Nothing'$"):
        diagnostic.Nothing  # noqa: B018
