"""The value classes written out instead of dataclasses (notelint.values) behave as the dataclasses did."""

from __future__ import annotations

import copy
import inspect
import pickle
from datetime import date
from pathlib import Path

import pytest

from notelint.aws.calls import Found
from notelint.aws.catalog import Service
from notelint.aws.names import Entry, Mention
from notelint.aws.hyperparameters import Algorithm
from notelint.aws.operations import OpToken
from notelint.aws.text import Run
from notelint.claims.extract import NameMention, Statement, Subject
from notelint.codes import Selection
from notelint.config import Config
from notelint.diagnostic import Diagnostic, FixOut, Location, Severity, TextEdit
from notelint.files import NoteFile
from notelint.finding import Digest, Edit, Finding, Fix, Related
from notelint.frontmatter import Field, FrontMatter
from notelint.claims.knowledge import AssertionPattern, BotocoreLimit, Change, Entity, Fact, Knowledge, Matcher, RetiredClient
from notelint.claims.assertions import Assertion
from notelint.claims.extract import BoundAssertion
from notelint.claims.staleness import Dating, _ActiveChanges, _Entry
from notelint.htmltext import ItemText
from notelint.spelling.check import Problem
from notelint.spelling.confusion import Confusion, Counts
from notelint.spelling.context import Confusable, Hit
from notelint.spelling.names import NameHit
from notelint.spelling.vocab import Vocabulary
from notelint.note import Block, BlockKind, Claim, ClaimKind, CodeBlock, CodeKind, Html, ListItem, Note, TableRow
from notelint.rule import Context, Rule
from notelint.suppressions import Directive, Suppressions
from notelint.outcome import FileError, FileOutcome, NoteSummary, RunResult
from notelint.output import OutputContext
from notelint.runner import Plan
from notelint.values import FrozenInstanceError, FrozenValue, Record, Value

WRITTEN_OUT = [Selection, Config, Diagnostic, FixOut, Location, TextEdit, NoteFile, FileError, FileOutcome,
               NoteSummary, RunResult, OutputContext, Plan, Edit, Fix, Digest, Related, Finding, Field, FrontMatter,
               Directive, Suppressions, Context, Rule, Run, Found, OpToken, ItemText, Service, Algorithm,
               NameMention, Subject, Statement, Block, ListItem, Claim, CodeBlock, TableRow, Html, Note,
               AssertionPattern, Matcher, Change, Fact, BotocoreLimit, Entity, RetiredClient, Knowledge,
               Assertion, BoundAssertion, Dating, _Entry, _ActiveChanges, Problem, Counts, Confusion, Confusable, Hit,
               NameHit, Vocabulary, Entry, Mention]


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=lambda cls: cls.__name__)
def test_fields_are_the_constructors_parameters_in_order(cls):
    """FIELDS decide equality, hashing, repr and (frozen values) pickling: a field added to
    ``__init__`` and not to FIELDS would be silently left out of all four."""
    parameters = list(inspect.signature(cls.__init__).parameters)[1:]
    assert list(cls.FIELDS) == parameters


def _diagnostic(**changes) -> Diagnostic:
    values = dict(code="NL112", name="empty-list-item", severity=Severity.WARNING, path="n.md", line=3, column=1,
                  end_line=3, end_column=2, message="empty list item")
    return Diagnostic(**{**values, **changes})


def test_a_frozen_value_compares_hashes_and_shows_its_fields():
    edit = TextEdit(1, 2, 1, 5, "x")
    assert edit == TextEdit(1, 2, 1, 5, "x") and edit != TextEdit(1, 2, 1, 5, "y")
    assert edit != (1, 2, 1, 5, "x")  # another class is never equal, as with a dataclass
    assert hash(edit) == hash(TextEdit(1, 2, 1, 5, "x")) == hash((1, 2, 1, 5, "x"))
    assert repr(edit) == "TextEdit(line=1, column=2, end_line=1, end_column=5, text='x')"
    assert repr(Location("n.md", 1, 1, 1, 4)) == (
        "Location(path='n.md', line=1, column=1, end_line=1, end_column=4, message='')"
    )


def test_a_frozen_value_refuses_assignment_and_deletion():
    edit = TextEdit(1, 2, 1, 5, "x")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'text'"):
        edit.text = "y"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del edit.line  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        Config(root=Path(".")).language = "en-GB"  # type: ignore[misc]


def test_frozen_values_cross_processes_and_copy_whole():
    diagnostic = _diagnostic(fix=FixOut((TextEdit(3, 1, 3, 2, ""),), "remove it", True),
                             related=(Location("m.md", 1, 1, 1, 2, "here"),), meta={"kind": "renamed"})
    for copied in (pickle.loads(pickle.dumps(diagnostic)), copy.copy(diagnostic), copy.deepcopy(diagnostic)):
        assert copied == diagnostic and copied.meta == {"kind": "renamed"}
    config = Config(root=Path("/tmp"), select=("NL1",), severity={"NL112": Severity.ERROR})
    assert pickle.loads(pickle.dumps(config)) == config
    assert pickle.loads(pickle.dumps(NoteFile(Path("a.md"), "a.md"))) == NoteFile(Path("a.md"), "a.md")


def test_defaults_that_are_containers_are_new_for_each_value():
    first, second = _diagnostic(), _diagnostic()
    assert first.meta == {} and first.meta is not second.meta
    assert Config(root=Path(".")).severity is not Config(root=Path(".")).severity
    assert RunResult().diagnostics is not RunResult().diagnostics
    assert FileOutcome("n.md").diagnostics == [] and Plan([], []).missing == []
    assert OutputContext(rules=()).sources == {}


def test_a_mutable_value_compares_by_fields_and_is_unhashable():
    assert FileError("a.md", "gone") == FileError("a.md", "gone") != FileError("b.md", "gone")
    assert repr(FileError("a.md", "gone")) == "FileError(path='a.md', message='gone')"
    with pytest.raises(TypeError):
        hash(FileError("a.md", "gone"))
    error = FileError("a.md", "gone")
    error.path = "b.md"
    assert error == FileError("b.md", "gone")
    assert RunResult(files=2) == RunResult(files=2) != RunResult(files=3)


def test_a_record_is_equal_only_to_itself_and_shows_its_fields():
    """A note's parts were dataclasses with eq=False: two blocks with the same text are two places."""
    first = Block(BlockKind.PARAGRAPH, "text", [], ("Title",), 3, 3, _pieces=[(0, 10, 4, 0)])
    second = Block(BlockKind.PARAGRAPH, "text", [], ("Title",), 3, 3, _pieces=[(0, 10, 4, 0)])
    assert first == first and first != second and len({first, second}) == 2
    assert repr(first) == (
        "Block(kind=<BlockKind.PARAGRAPH: 'paragraph'>, text='text', segments=[], heading_path=('Title',), line=3, "
        "end_line=3, level=0, item=None, quote_depth=0, row=None)"
    )
    assert first._piece_starts == [] and first._piece_starts is not second._piece_starts
    claim = Claim(ClaimKind.PARAGRAPH, [first], ("Title",))
    assert claim.item is None and claim != Claim(ClaimKind.PARAGRAPH, [first], ("Title",))
    assert CodeBlock(CodeKind.FENCE, "py", "x = 1\n", 1, 3, ())._line_offsets == []
    item = ListItem("-", 0, 1, 1, 1, 0, None, ())
    assert (item.blocks, item.children, item.is_empty) == ([], [], True)
    assert Html("<br>", 0, 4, True) == Html("<br>", 0, 4, True) and TableRow((first,), ()) != TableRow((second,), ())
    assert Record.__slots__ == () and Value.__mro__[1] is Record


def test_any_value_replaced_is_a_changed_copy():
    diagnostic = _diagnostic(meta={"kind": "renamed"})
    moved = diagnostic.replaced(line=4, end_line=4)
    assert (moved.line, moved.end_line, moved.message, moved.meta) == (4, 4, diagnostic.message, {"kind": "renamed"})
    assert diagnostic.line == 3 and FileError("a.md", "gone").replaced(path="b.md") == FileError("b.md", "gone")


def test_config_replaced_and_with_overrides():
    base = Config(root=Path("."))
    assert base.replaced(language="en-GB").language == "en-GB" and base.language == "en-US"
    assert base.with_overrides(select=None, fail_on="error") == base.replaced(fail_on="error")
    with pytest.raises(TypeError):
        base.replaced(colour="red")


def test_findings_keep_their_defaults_and_copy_whole():
    finding = Finding(3, 7, "misspelt", fix=Fix((Edit(3, 7, "word"),), "write 'word'"))
    assert finding.fix is not None and finding.fix.safe and finding.meta == {} and finding.note is None
    assert finding.meta is not Finding(3, 7, "misspelt").meta
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert Digest("n.md", None, (0, 10)).position(12) == (2, 3)
    assert Related(Digest("n.md", None, (0,)), 1, 2, "there") == Related(Digest("n.md", None, (0,)), 1, 2, "there")


def test_a_context_hides_its_shared_data_from_repr():
    context = Context(date(2026, 12, 2), Config(root=Path(".")))
    context.shared("x", lambda: 1)
    assert context.shared_data == {"x": 1} and "shared_data" not in repr(context)
    assert repr(context).startswith("Context(as_of=datetime.date(2026, 12, 2), settings=Config(")


def test_the_bases_are_plain():
    assert Value.__slots__ == () and FrozenValue.__slots__ == ()
    assert Diagnostic.__slots__ == Diagnostic.FIELDS  # no per-instance dict: findings are many


def test_fill_sets_every_field_in_order_and_refuses_a_count_that_is_not_the_fields():
    class Pair(FrozenValue):
        __slots__ = FIELDS = ("left", "right")

        def __init__(self, left: int, right: int):
            self._fill(left, right)

    assert (Pair(1, 2).left, Pair(1, 2).right) == (1, 2)
    with pytest.raises(ValueError):
        Pair.__new__(Pair)._fill(1)  # one value short
    with pytest.raises(ValueError):
        Pair.__new__(Pair)._fill(1, 2, 3)
