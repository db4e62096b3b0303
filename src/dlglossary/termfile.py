"""Read one TOML term file into :class:`~dlglossary.model.Term` values, validating every field.

``tomllib`` reports syntax errors with a line but gives no positions for values, so a
light scan of the text maps each ``[[term]]`` table and each of its keys to a line. A bad
entry is skipped with a :class:`~dlglossary.model.Problem`; the rest of the file loads.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Problem, Reference, Term

__all__ = ["FIELDS", "TermFile", "parse_term_file", "read_term_file"]

#: The fields of an entry, in canonical order.
FIELDS = (
    "id",
    "term",
    "acronyms",
    "aliases",
    "code",
    "category",
    "summary",
    "definition",
    "related",
    "ambiguous",
    "not_in",
    "well_known",
    "references",
)
_REQUIRED = ("id", "term", "category", "summary")
_LISTS = ("acronyms", "aliases", "code", "related", "ambiguous", "not_in")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HEADER = re.compile(r"^\s*\[\[\s*term\s*\]\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")
MAX_SUMMARY = 160


@dataclass(frozen=True, slots=True)
class TermFile:
    """The entries of one file and the problems found in it."""

    path: Path
    terms: tuple[Term, ...]
    problems: tuple[Problem, ...]


def read_term_file(path: Path) -> TermFile:
    """Read and validate the term file at ``path``; never raises for bad content."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        return TermFile(path, (), (Problem(str(path), 0, f"cannot read: {error.strerror}"),))
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return TermFile(path, (), (Problem(str(path), line, "not valid UTF-8"),))
    return parse_term_file(text, path)


def parse_term_file(text: str, path: Path) -> TermFile:
    """Parse and validate ``text``, the content of the term file ``path``."""
    import tomllib  # here: the store usually comes from its cache, unparsed

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        line = int(match.group(1)) if match else 0
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return TermFile(path, (), (Problem(str(path), line, f"invalid TOML: {message}"),))
    problems: list[Problem] = []
    extra = sorted(set(document) - {"term"})
    for key in extra:
        problems.append(
            Problem(str(path), _top_level_line(text, key), "unknown top-level key", key)
        )
    tables = document.get("term", [])
    if not isinstance(tables, list):
        problems.append(Problem(str(path), 0, "must be an array of [[term]] tables", "term"))
        return TermFile(path, (), tuple(problems))
    lines = _entry_lines(text)
    terms: list[Term] = []
    for index, table in enumerate(tables):
        keys = lines[index] if index < len(lines) else {}
        entry = _EntryReader(str(path), keys)
        term = entry.read(table, path)
        problems.extend(entry.problems)
        if term is not None:
            terms.append(term)
    return TermFile(path, tuple(terms), tuple(problems))


def _entry_lines(text: str) -> list[dict[str, int]]:
    """For each ``[[term]]`` table, in order: its header line ("") and each key's line."""
    entries: list[dict[str, int]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _HEADER.match(line):
            entries.append({"": number})
        elif entries and (key := _KEY.match(line)) and not line.startswith((" ", "\t")):
            entries[-1].setdefault(key.group(1), number)
    return entries


def _top_level_line(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if _HEADER.match(line):
            break
        if (found := _KEY.match(line)) and found.group(1) == key:
            return number
    return 0


class _EntryReader:
    """Validate one ``[[term]]`` table, collecting problems with their lines."""

    def __init__(self, path: str, lines: Mapping[str, int]) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str) -> None:
        line = self.lines.get(field, self.lines.get("", 0))
        self.problems.append(Problem(self.path, line, message, field))

    def read(self, table: Any, path: Path) -> Term | None:
        if not isinstance(table, dict):
            self.problem("", "each [[term]] must be a table")
            return None
        ok = True
        for key in table:
            if key not in FIELDS:
                self.problem(key, f"unknown field (known: {', '.join(FIELDS)})")
                ok = False
        for key in _REQUIRED:
            value = table.get(key)
            if not isinstance(value, str) or not value.strip():
                self.problem(key, "missing" if value is None else "must be a non-empty string")
                ok = False
        if not ok:
            return None
        if not _ID.fullmatch(table["id"]):
            self.problem("id", f"{table['id']!r} is not a kebab-case slug")
            return None
        summary = " ".join(table["summary"].split())
        if len(summary) > MAX_SUMMARY:
            self.problem("summary", f"{len(summary)} characters; at most {MAX_SUMMARY}")
        definition = table.get("definition", "")
        if not isinstance(definition, str):
            self.problem("definition", "must be a string")
            definition = ""
        lists = {key: self.string_list(table, key) for key in _LISTS}
        well_known = table.get("well_known", False)
        if not isinstance(well_known, bool):
            self.problem("well_known", "must be true or false")
            well_known = False
        term = Term(
            id=table["id"],
            term=table["term"].strip(),
            category=table["category"].strip(),
            summary=summary,
            definition=normalize_definition(definition),
            acronyms=lists["acronyms"],
            aliases=lists["aliases"],
            code=lists["code"],
            related=lists["related"],
            references=self.references(table.get("references", [])),
            ambiguous=lists["ambiguous"],
            not_in=lists["not_in"],
            well_known=well_known,
            source=path,
            line=self.lines.get("", 0),
            field_lines={k: v for k, v in self.lines.items() if k},
        )
        self.check_ambiguity(term)
        return term

    def string_list(self, table: Mapping[str, Any], key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problem(key, "must be a list of non-empty strings")
            return ()
        items = tuple(v.strip() for v in value)
        if len(set(items)) != len(items):
            self.problem(key, "lists a value twice")
        return tuple(dict.fromkeys(items))

    def references(self, value: Any) -> tuple[Reference, ...]:
        if not isinstance(value, list):
            self.problem("references", "must be a list of {title, year, url} tables")
            return ()
        found: list[Reference] = []
        for item in value:
            if (
                not isinstance(item, dict)
                or set(item) != {"title", "year", "url"}
                or not isinstance(item["title"], str)
                or not isinstance(item["year"], int)
                or not isinstance(item["url"], str)
            ):
                self.problem("references", "each reference needs title, year (integer) and url")
                continue
            if not item["url"].startswith(("https://", "http://")):
                self.problem("references", f"url {item['url']!r} is not http(s)")
                continue
            found.append(Reference(item["title"].strip(), item["year"], item["url"].strip()))
        return tuple(found)

    def check_ambiguity(self, term: Term) -> None:
        names = set(term.names)
        for form in term.ambiguous:
            if form not in names:
                self.problem("ambiguous", f"{form!r} is not one of the entry's names")
        for phrase in term.not_in:
            folded = phrase.lower()
            # Plural and possessive forms count: "United States" rules out "state".
            if not any(
                re.search(rf"(?<!\w){re.escape(form.lower())}(?:'s|s|es)?(?!\w)", folded)
                for form in term.ambiguous
            ):
                self.problem("not_in", f"{phrase!r} contains none of the ambiguous names")


def normalize_definition(text: str) -> str:
    """Collapse each paragraph of ``text`` to one line; paragraphs stay blank-line separated."""
    paragraphs = [" ".join(chunk.split()) for chunk in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)
