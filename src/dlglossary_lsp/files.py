"""New files for clients that cannot create them: the ``dlglossary.createFiles`` command.

The code actions of :mod:`dlglossary_lsp.actions` attach this command instead of a
``CreateFile`` operation when the client does not support one, and the server writes
each file itself. Only TOML files are written, and only where no file exists yet: an
existing file is never overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

__all__ = ["CREATE_FILES", "create_files"]

#: The command name; its arguments are objects ``{"uri": "file:///...", "text": "..."}``.
CREATE_FILES = "dlglossary.createFiles"


def create_files(arguments: Sequence[object]) -> tuple[list[Path], list[str]]:
    """Write each requested file that does not exist yet.

    Parameters
    ----------
    arguments
        The command's arguments, as the client sent them back.

    Returns
    -------
    tuple[list[Path], list[str]]
        The files created, and a message for each file that was not.
    """
    created: list[Path] = []
    problems: list[str] = []
    for argument in arguments:
        uri = argument.get("uri") if isinstance(argument, Mapping) else None
        text = argument.get("text") if isinstance(argument, Mapping) else None
        path = _file_path(uri)
        if path is None or not isinstance(text, str):
            problems.append(f"cannot create {argument!r}: expected a file URI and its text")
        elif path.suffix != ".toml":
            problems.append(f"not creating {path}: only TOML files are created")
        else:
            problem = _create(path, text)
            if problem:
                problems.append(problem)
            else:
                created.append(path)
    return created, problems


def _file_path(uri: object) -> Path | None:
    if not isinstance(uri, str):
        return None
    parsed = urlparse(uri)
    if parsed.scheme != "file" or not parsed.path:
        return None
    return Path(unquote(parsed.path))


def _create(path: Path, text: str) -> str:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # "x": fail rather than overwrite a file that appeared since the action was made.
        with path.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except FileExistsError:
        return f"{path} exists already and was left alone; apply the action again"
    except OSError as error:
        return f"cannot create {path}: {error}"
    return ""
