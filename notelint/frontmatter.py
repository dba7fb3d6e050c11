"""YAML front matter: parsed safely, with the position of every top-level key.

PyYAML's SafeLoader never constructs Python objects (``!!python/object`` is an
error, not code execution).  We compose the node tree first so that each key and
value keeps its source mark, which lets rules point at ``tags:`` on line 4
rather than at the top of the file.
"""

from __future__ import annotations

import re

import yaml

from notelint.values import FrozenValue, Value
from notelint.yamlsafe import SafeLoader

TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any


# values written out, not dataclasses: ``notelint.values`` says why
class Field(FrozenValue):
    """One top-level key of the front matter and where its key and value are."""

    __slots__ = FIELDS = ("key", "value", "key_start", "key_end", "value_start", "value_end")
    key: str
    value: Any
    key_start: int  # offsets into the note's normalised text
    key_end: int
    value_start: int
    value_end: int

    def __init__(self, key: str, value: Any, key_start: int, key_end: int, value_start: int, value_end: int):
        self._fill(key, value, key_start, key_end, value_start, value_end)


class FrontMatter(Value):
    """The YAML block between the opening and closing ``---`` lines."""

    __slots__ = FIELDS = ("raw", "start", "end", "data", "fields", "duplicates", "error", "error_offset")
    raw: str
    start: int  # offset of the first character after the opening fence line
    end: int  # offset just after the closing fence line
    data: dict[str, Any] | None
    fields: dict[str, Field]
    duplicates: list[Field]
    error: str | None
    error_offset: int | None

    def __init__(
        self, raw: str, start: int, end: int, data: dict[str, Any] | None = None, fields: dict[str, Field] | None = None,
        duplicates: list[Field] | None = None, error: str | None = None, error_offset: int | None = None,
    ):
        self.raw = raw
        self.start = start
        self.end = end
        self.data = data
        self.fields = {} if fields is None else fields
        self.duplicates = [] if duplicates is None else duplicates
        self.error = error
        self.error_offset = error_offset

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default) if self.data else default


def parse_front_matter(raw: str, start: int, end: int, line_offset) -> FrontMatter:
    """Parse ``raw`` (front matter content beginning at text offset ``start``).

    ``line_offset(line, column)`` maps a 0-based (line, column) within ``raw`` to
    an offset in the note text.
    """
    fm = FrontMatter(raw=raw, start=start, end=end)
    if not raw.strip():
        fm.data = {}
        return fm
    loader = SafeLoader(raw)
    try:
        node = loader.get_single_node()
        if node is None:
            fm.data = {}
            return fm
        if not isinstance(node, yaml.MappingNode):
            fm.error = f"front matter must be a mapping of fields, not a YAML {_kind(node)}"
            fm.error_offset = line_offset(node.start_mark.line, node.start_mark.column)
            return fm
        data: dict[str, Any] = {}
        for key_node, value_node in node.value:
            try:
                key = loader.construct_object(key_node, deep=True)
                value = loader.construct_object(value_node, deep=True)
            except yaml.YAMLError:
                raise
            except Exception as exc:  # e.g. "2024-13-45": a timestamp that is no date
                raise _ValueProblem(str(exc), value_node) from None
            entry = Field(
                key=str(key),
                value=value,
                key_start=line_offset(key_node.start_mark.line, key_node.start_mark.column),
                key_end=line_offset(key_node.end_mark.line, key_node.end_mark.column),
                value_start=line_offset(value_node.start_mark.line, value_node.start_mark.column),
                value_end=line_offset(value_node.end_mark.line, value_node.end_mark.column),
            )
            if entry.key in fm.fields:
                fm.duplicates.append(entry)
            else:
                fm.fields[entry.key] = entry
            data[entry.key] = value
        fm.data = data
    except _ValueProblem as problem:
        mark = problem.node.start_mark
        fm.error = f"invalid value: {problem.message}"
        fm.error_offset = line_offset(mark.line, mark.column)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        fm.error = _describe(exc)
        if mark is not None:
            fm.error_offset = line_offset(mark.line, mark.column)
    except yaml.YAMLError as exc:
        fm.error = str(exc).splitlines()[0]
    finally:
        loader.dispose()
    return fm


class _ValueProblem(Exception):
    def __init__(self, message: str, node: yaml.Node):
        super().__init__(message)
        self.message = message
        self.node = node


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "list"
    return "scalar"


def _describe(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's message on one line, without its multi-line mark dumps."""
    unknown_tag = re.match(r"could not determine a constructor for the tag '(.*)'$", exc.problem or "")
    if isinstance(exc, yaml.constructor.ConstructorError) and unknown_tag:
        tag = unknown_tag.group(1).replace("tag:yaml.org,2002:", "!!")
        return f"YAML tag '{tag}' is not allowed: front matter is read with YAML's safe loader, which constructs no objects"
    parts = [p for p in (exc.context, exc.problem) if p]
    text = "; ".join(parts) or "invalid YAML"
    return f"YAML syntax error: {text}"
