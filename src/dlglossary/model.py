"""The value types every part of dlglossary shares: terms, references and problems."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

__all__ = ["Problem", "Reference", "Term"]


@dataclass(frozen=True, slots=True)
class Reference:
    """The paper or documentation that introduced or defines a term."""

    title: str
    year: int
    url: str

    def __reduce__(self) -> tuple[type[Reference], tuple[Any, ...]]:
        return _by_init(self)


@dataclass(frozen=True, slots=True)
class Term:
    """One concept of the store.

    Attributes
    ----------
    id
        Stable kebab-case slug, unique in the store.
    term
        Display name, in the case it is normally written.
    category
        Category name (the file stem for the built-in store).
    summary
        One sentence for tooltips and the first line of a hover.
    definition
        A short Markdown paragraph or two (may be empty in project glossaries).
    acronyms, aliases, code
        The other names the matcher finds (see ``data/README.md``).
    related
        Ids of neighbouring entries.
    references
        Papers or documentation.
    ambiguous
        Names that are also ordinary words and need a deep-learning context.
    not_in
        Phrases that rule the deep-learning sense of an ambiguous name out.
    well_known
        Acronyms that never need spelling out.
    source, line
        Where the entry is defined (for go-to-definition and messages).
    """

    id: str
    term: str
    category: str
    summary: str
    definition: str = ""
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    code: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    ambiguous: tuple[str, ...] = ()
    not_in: tuple[str, ...] = ()
    well_known: bool = False
    source: Path | None = field(default=None, compare=False)
    line: int = field(default=0, compare=False)
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def __reduce__(self) -> tuple[type[Term], tuple[Any, ...]]:
        return _by_init(self)

    def line_of(self, name: str) -> int:
        """The line of field ``name`` in the source file (the entry's line if unknown)."""
        return self.field_lines.get(name, self.line)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the entry: display name, aliases, acronyms and code names."""
        return (self.term, *self.aliases, *self.acronyms, *self.code)

    @property
    def expansion(self) -> str | None:
        """The spelled-out name to put before an acronym, if the entry has one."""
        for name in (self.term, *self.aliases):
            if name not in self.acronyms and " " in name.strip():
                return name
        return None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with an input file, reported instead of raised.

    ``line`` is 1-based, or 0 when no line applies.
    """

    path: str
    line: int
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


def _by_init(value: Any) -> tuple[type[Any], tuple[Any, ...]]:
    """How to pickle a frozen dataclass so that unpickling makes it with one call.

    The dataclass's own unpickling of a class with slots lists the fields of each object
    again and sets them one at a time: two thirds of reading the store's cache.
    """
    return type(value), tuple(getattr(value, spec.name) for spec in fields(value))
