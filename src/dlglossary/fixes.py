"""Apply fixes to a file: all at once, atomically, changing nothing else."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .checker import Fix

__all__ = ["apply_fixes", "write_atomically"]


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with every non-overlapping fix applied (later ones first)."""
    result = text
    last_start = len(text) + 1
    for fix in sorted(fixes, key=lambda f: f.start, reverse=True):
        if fix.end > last_start:
            continue  # overlaps a fix already applied
        result = result[: fix.start] + fix.replacement + result[fix.end :]
        last_start = fix.start
    return result


def write_atomically(path: Path, text: str) -> None:
    """Replace the file's content; readers see the old or the new file, never a mix."""
    data = text.encode("utf-8")
    mode = path.stat().st_mode & 0o7777
    import tempfile  # only when writing: `check` without --fix never needs it

    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
