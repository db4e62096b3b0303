"""Read the files a command is given: walk folders, skip what is excluded, decode safely.

Every problem with a file (missing, unreadable, binary, not UTF-8, too large, a symlink
loop) becomes one :class:`~dlglossary.model.Problem` and the walk goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .documents import DOCUMENT_LANGUAGES, Segment, language_for_path, segment
from .model import Problem
from .positions import LineCounter, LineIndex

if TYPE_CHECKING:
    import pathspec

__all__ = ["SourceFile", "Walk", "read_source"]

_ALWAYS_SKIPPED = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "_build",
        ".ipynb_checkpoints",
    }
)
_BINARY_SNIFF = 8192


@dataclass
class SourceFile:
    """A decoded file, ready for the matcher and the checker.

    For notebooks, ``text`` is the cells' sources joined, ``language`` is "markdown" for
    the whole, and ``cells`` holds (start, end, language) spans so each cell is read in
    its own language; positions map back to the notebook file's lines.
    """

    path: Path
    text: str
    language: str
    cells: list[tuple[int, int, str]] = field(default_factory=list)
    line_map: list[tuple[int, int]] | None = None
    _lines: LineCounter | None = None

    def segments(self) -> list[Segment]:
        """The file's segments; each notebook cell in its own language."""
        if not self.cells:
            return segment(self.text, self.language)
        found: list[Segment] = []
        for start, end, language in self.cells:
            found.extend(
                Segment(s.start + start, s.end + start, s.kind)
                for s in segment(self.text[start:end], language)
            )
        return found

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of ``offset`` in the file on disk."""
        if self._lines is None:
            self._lines = LineCounter(self.text)
        line, column = self._lines.position(offset)
        if self.line_map is not None and line - 1 < len(self.line_map):
            file_line, column_offset = self.line_map[line - 1]
            return file_line, column + column_offset
        return line, column

    def line_text(self, offset: int) -> str:
        """The line of ``text`` that holds ``offset``, without its line break."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return self.text[start : len(self.text) if end == -1 else end].removesuffix("\r")


def read_source(path: Path, max_size: int) -> SourceFile | Problem:
    """Read ``path`` as text; a :class:`Problem` when it cannot be used."""
    try:
        size = path.stat().st_size
        if size > max_size:
            return Problem(
                str(path), 0, f"skipped: {size:,} bytes is over the limit of {max_size:,}"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        return Problem(str(path), 0, "no such file or directory")
    except IsADirectoryError:
        return Problem(str(path), 0, "is a directory")
    except OSError as error:
        return Problem(str(path), 0, f"cannot read: {error.strerror or error}")
    if b"\x00" in data[:_BINARY_SNIFF]:
        return Problem(str(path), 0, "skipped: binary file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Problem(str(path), line, f"skipped: not valid UTF-8 (byte {error.start})")
    language = language_for_path(path)
    if language == "jupyter":
        return _read_notebook(path, text)
    return SourceFile(path, text, language)


def _read_notebook(path: Path, raw: str) -> SourceFile | Problem:
    import json  # notebooks only

    try:
        notebook = json.loads(raw)
        cells = notebook["cells"]
        if not isinstance(cells, list):
            raise TypeError("cells is not a list")
    except (ValueError, KeyError, TypeError) as error:
        line = getattr(error, "lineno", 0)
        return Problem(str(path), line, f"not a readable notebook: {error}")
    kernel_language = (
        notebook.get("metadata", {}).get("kernelspec", {}).get("language")
        or notebook.get("metadata", {}).get("language_info", {}).get("name")
        or "python"
    )
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    line_map: list[tuple[int, int]] = []
    raw_lines = LineIndex(raw)
    search_from = 0
    offset = 0
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source", "")
        pieces = source if isinstance(source, list) else str(source).splitlines(keepends=True)
        pieces = [str(p) for p in pieces]
        text = "".join(pieces)
        kind = cell.get("cell_type")
        language = (
            "markdown" if kind == "markdown" else kernel_language if kind == "code" else "plaintext"
        )
        # Map each line of the cell to where its JSON string sits in the file.
        for piece in "".join(pieces).splitlines(keepends=True) or [""]:
            encoded = json.dumps(piece, ensure_ascii=False)
            found = raw.find(encoded, search_from)
            if found == -1:
                found = raw.find(json.dumps(piece), search_from)
            if found == -1:
                line_map.append((raw_lines.position(search_from)[0], 0))
                continue
            file_line, file_column = raw_lines.position(found)
            line_map.append((file_line, file_column))  # +1 for the quote, -1 for 1-based
            search_from = found + len(encoded)
        spans.append((offset, offset + len(text), language))
        parts.append(text + "\n\n")
        line_map.append(line_map[-1] if line_map else (1, 0))
        offset += len(text) + 2
    return SourceFile(path, "".join(parts), "jupyter", spans, line_map)


class Walk:
    """The files under some paths, honouring excludes, ``.gitignore`` and symlink loops.

    Parameters
    ----------
    paths
        Files and folders to read. Files named explicitly are always read.
    exclude
        Glob patterns (gitignore syntax) of paths to skip, relative to ``root``.
    include_code
        Also walk source code files, not only documents.
    root
        The folder ``exclude`` patterns are relative to.
    """

    def __init__(
        self,
        paths: Sequence[Path],
        exclude: Iterable[str] = (),
        *,
        include_code: bool = False,
        root: Path | None = None,
    ) -> None:
        self.paths = paths
        patterns = list(exclude)
        self.exclude = _gitignore_spec(patterns) if patterns else None
        self.include_code = include_code
        self.root = (root or Path.cwd()).resolve()
        self.problems: list[Problem] = []

    def __iter__(self) -> Iterator[Path]:
        for path in self.paths:
            if path.is_dir():
                yield from self._walk(path)
            elif path.exists():
                yield path
            else:
                self.problems.append(Problem(str(path), 0, "no such file or directory"))

    def wanted(self, path: Path) -> bool:
        """Whether a file found by walking is one to read."""
        language = language_for_path(path)
        if language in DOCUMENT_LANGUAGES and (path.suffix or language != "plaintext"):
            return True
        return self.include_code and language != "plaintext"

    def _relative(self, path: Path) -> str:
        """``path`` relative to the root, as the exclude patterns see it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def _walk(self, top: Path) -> Iterator[Path]:
        seen: set[tuple[int, int]] = set()
        ignores: list[tuple[Path, pathspec.PathSpec[Any]]] = []
        # Resolved once here; below, names are appended (resolving every entry was the
        # slowest part of walking a large tree).
        relative = self._relative(top)
        yield from self._walk_dir(top, "" if relative == "." else relative, seen, ignores)

    def _walk_dir(
        self,
        folder: Path,
        relative: str,
        seen: set[tuple[int, int]],
        ignores: list[tuple[Path, pathspec.PathSpec[Any]]],
    ) -> Iterator[Path]:
        try:
            stat = folder.stat()
        except OSError as error:
            self.problems.append(Problem(str(folder), 0, f"cannot read: {error.strerror}"))
            return
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            self.problems.append(Problem(str(folder), 0, "skipped: symlink loop"))
            return
        seen.add(key)
        gitignore = folder / ".gitignore"
        local = list(ignores)
        if gitignore.is_file():
            try:
                lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
                local.append((folder, _gitignore_spec(lines)))
            except OSError:
                pass
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as error:
            self.problems.append(Problem(str(folder), 0, f"cannot list: {error.strerror}"))
            return
        exclude = self.exclude
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
            except OSError:
                continue
            if is_dir and entry.name in _ALWAYS_SKIPPED:
                continue
            entry_relative = f"{relative}/{entry.name}" if relative else entry.name
            if exclude is not None and exclude.match_file(entry_relative + ("/" if is_dir else "")):
                continue
            if _ignored(path, is_dir, local):
                continue
            if is_dir:
                yield from self._walk_dir(path, entry_relative, seen, local)
            elif self.wanted(path):
                yield path
        seen.discard(key)


def _gitignore_spec(lines: Iterable[str]) -> pathspec.PathSpec[Any]:
    # pathspec is imported when a pattern is first needed: it is a large share of the
    # start-up time of a check, and many trees have neither excludes nor .gitignore.
    import pathspec

    return pathspec.PathSpec.from_lines("gitignore", lines)


def _ignored(path: Path, is_dir: bool, ignores: list[tuple[Path, pathspec.PathSpec[Any]]]) -> bool:
    for base, spec in ignores:
        relative = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        if spec.match_file(relative):
            return True
    return False
