"""Minimal, text-preserving edits of TOML configuration files.

Only what the code actions need: add a string to an array setting of the dlglossary
table (top level of ``dlglossary.toml``, ``[tool.dlglossary]`` of ``pyproject.toml``),
creating the key when it is missing. Everything else in the file stays byte for byte.
"""

from __future__ import annotations

import json
import re
import tomllib
from typing import NamedTuple

__all__ = ["Insertion", "add_to_array"]

_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


class Insertion(NamedTuple):
    """Insert ``text`` at ``offset``."""

    offset: int
    text: str


def add_to_array(source: str, key: str, value: str, *, pyproject: bool) -> Insertion | None:
    """The insertion that adds ``value`` to the array ``key`` of the dlglossary table.

    None if it is there already or the file cannot be edited safely (invalid TOML, not
    an array, a comment after the last element).
    """
    try:
        document = tomllib.loads(source)
    except tomllib.TOMLDecodeError:
        return None
    table = document.get("tool", {}).get("dlglossary") if pyproject else document
    if not isinstance(table, dict):
        return None
    spellings = {key, key.replace("_", "-")}
    current = next((table[k] for k in spellings if k in table), None)
    if current is not None:
        if not isinstance(current, list):
            return None
        if value in current:
            return None
    start, end = _table_span(source, pyproject)
    if start < 0:
        return None
    entry = json.dumps(value, ensure_ascii=False)
    pattern = re.compile(
        rf"^[ \t]*(?:{'|'.join(re.escape(s) for s in spellings)})[ \t]*=[ \t]*\[", re.MULTILINE
    )
    found = pattern.search(source, start, end)
    if found is None:
        return _new_key(source, start, end, key, entry)
    close = _closing_bracket(source, found.end())
    if close < 0:
        return None
    inside = source[found.end() : close]
    body = inside.rstrip()
    last = found.end() + len(body)
    if not _strip_comments(body).strip():
        return Insertion(found.end() + len(body), entry)
    code = _strip_comments(inside).rstrip()
    if "\n" in inside:
        indent = re.search(r"\n([ \t]*)\S", inside)
        pad = indent.group(1) if indent else "  "
        if code.endswith(","):
            line_start = found.end() + inside.rfind("\n") + 1
            if source[line_start:close].strip():
                return Insertion(close, f",\n{pad}{entry}\n")
            return Insertion(line_start, f"{pad}{entry},\n")
        if body != code:
            return None  # a comment follows the last element: no safe single insertion
        return Insertion(last, f",\n{pad}{entry},")
    if body != code:
        return None
    return Insertion(last, (" " if body.endswith(",") else ", ") + entry)


def _table_span(source: str, pyproject: bool) -> tuple[int, int]:
    if pyproject:
        header = re.search(r"^[ \t]*\[tool\.dlglossary\][ \t]*(?:#[^\n]*)?$", source, re.MULTILINE)
        if header is None:
            return -1, -1
        start = source.find("\n", header.end())
        start = len(source) if start < 0 else start + 1
    else:
        start = 0
    after = _HEADER.search(source, start)
    return start, after.start() if after else len(source)


def _new_key(source: str, start: int, end: int, key: str, entry: str) -> Insertion:
    region = source[start:end]
    stripped = region.rstrip()
    offset = start + len(stripped)
    line = f"{key} = [{entry}]"
    if not stripped:
        return Insertion(start, line + "\n")
    return Insertion(offset, "\n" + line)


def _closing_bracket(source: str, position: int) -> int:
    depth = 1
    index = position
    while index < len(source):
        char = source[index]
        if char in "\"'":
            triple = source.startswith(char * 3, index)
            quote = char * 3 if triple else char
            index += len(quote)
            while index < len(source) and not source.startswith(quote, index):
                index += 2 if char == '"' and source[index] == "\\" else 1
            index += len(quote)
            continue
        if char == "#":
            newline = source.find("\n", index)
            index = len(source) if newline < 0 else newline
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return -1


def _strip_comments(text: str) -> str:
    return re.sub(r"#[^\n]*", "", text)
