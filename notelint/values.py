"""Value classes written out in full, for the types every run uses.

``dataclasses`` makes a class's ``__init__``, ``__repr__``, ``__eq__`` (and a
frozen class's ``__hash__``, ``__setattr__`` and ``__delattr__``) by compiling
source text when the class is defined, and importing it loads ``inspect``,
``ast``, ``dis`` and ``tokenize``.  A run answered from the result cache made 15
dataclasses: with the import, about 80 M of its ~250 M instructions (a third
of its CPU beyond Python's own start), before it read a single cached finding.
The classes that run uses write their ``__init__`` out and take equality,
hashing and ``repr`` from these bases, which read the class's ``FIELDS``; what
a caller sees is what the dataclass gave: the same constructor, ``==`` between
instances of one class field by field, ``hash`` of the fields for frozen ones
(none for the others), the same ``repr`` and an error on assignment to a frozen
one.  A ``Record`` stands for a dataclass with ``eq=False``: its ``repr``, and
identity for equality and hashing.  Nothing is compiled at run time.
"""

from __future__ import annotations


TYPE_CHECKING = False  # typing is for type checkers: its import is a twentieth of a run answered from the cache
if TYPE_CHECKING:
    from typing import Any, ClassVar


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen value (``dataclasses.FrozenInstanceError``'s role)."""


class Record:
    """``repr`` from ``FIELDS``; equal only to itself and hashed by identity, as a dataclass
    with ``eq=False`` is (a note's blocks, list items and claims: each one is a place in a note)."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()  # every field in definition order: shown (and compared by Value)
    HIDDEN: ClassVar[frozenset[str]] = frozenset()  # fields left out of repr

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS if name not in self.HIDDEN)
        return f"{self.__class__.__qualname__}({shown})"


class Value(Record):
    """A ``Record`` compared field by field; unhashable, as a mutable dataclass is."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self.FIELDS])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def replaced(self, **changes: Any) -> Any:
        """A copy with these fields changed (``dataclasses.replace``'s role); an unknown name is a TypeError."""
        return self.__class__(**{**{name: getattr(self, name) for name in self.FIELDS}, **changes})


class FrozenValue(Value):
    """A ``Value`` whose fields are set once, in ``__init__`` (by ``_fill``), and hashed.

    ``FIELDS`` must be the constructor's parameters in order: pickling and copying
    call the class with the field values (a frozen value refuses the attribute
    assignments that restoring its state would otherwise make)."""

    __slots__ = ()

    def _fill(self, *values: Any) -> None:
        """Set every field once, in ``FIELDS`` order: what each ``__init__`` does (a frozen value refuses
        ``self.name = value``)."""
        for name, value in zip(self.FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, self._values())
