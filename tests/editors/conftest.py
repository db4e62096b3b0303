"""Shared set-up for the real-editor tests: a project written to a temporary folder
(outside any git checkout, so editors take its folder as the project root), the
environment the editors run in, and a check that the language server can start.

Each editor test skips, with the reason, when its editor is not installed; they all
skip while ``python -m dlglossary_lsp`` cannot run.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
EDITORS = REPO / "editors"
DRIVERS = Path(__file__).parent / "drivers"
VENV_BIN = Path(sys.executable).parent

#: A project-glossary term the tests can assert on exactly.
SUMMARY = "Frobnicates its input before anything else"
TERMS_TOML = f'''[[term]]
id = "frobnication-layer"
term = "frobnication layer"
acronyms = ["FBL"]
category = "layers"
summary = "{SUMMARY}."
'''
#: The FBL in line 2 comes before its expansion in line 4: an undefined-acronym finding.
MARKDOWN = """# Notes

The FBL helps a lot.

A frobnication layer (FBL) is fine.
"""
PYTHON = '''"""Train with a frobnication layer."""

learning_rate = 0.1
'''
#: (line, character) of "frobnication" in each file, and of ``learning_rate``.
MARKDOWN_HOVER = (4, 5)
PYTHON_HOVER = (0, 20)
PYTHON_CODE_HOVER = (2, 3)
#: Where the undefined-acronym diagnostic starts in notes.md.
ACRONYM_AT = (2, 4)


@dataclass(frozen=True)
class Project:
    """A small dlglossary project on disk."""

    root: Path
    markdown: Path
    python: Path


@pytest.fixture
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    root = tmp_path_factory.mktemp("project")
    (root / "dlglossary.toml").write_text('glossaries = ["terms.toml"]\n', encoding="utf-8")
    (root / "terms.toml").write_text(TERMS_TOML, encoding="utf-8")
    (root / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "train.py").write_text(PYTHON, encoding="utf-8")
    return Project(root.resolve(), root.resolve() / "notes.md", root.resolve() / "train.py")


@functools.cache
def _server_problem() -> str | None:
    command = [sys.executable, "-m", "dlglossary_lsp", "--help"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{' '.join(command)} failed: {error}"
    if done.returncode != 0:
        return f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-300:]}"
    return None


@pytest.fixture
def server() -> None:
    """Skip unless the language server of this checkout can start."""
    problem = _server_problem()
    if problem:
        pytest.skip(f"the language server is not runnable: {problem}")


@pytest.fixture
def editor_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for an editor: ``dlglossary-lsp`` on PATH, an empty home."""
    home = tmp_path_factory.mktemp("home")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NVIM", "VIM", "EMACS"))}
    env.update(
        PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local/share"),
        XDG_STATE_HOME=str(home / ".local/state"),
        XDG_CACHE_HOME=str(home / ".cache"),
    )
    return env


def run_driver(
    command: list[str],
    env: Mapping[str, str],
    out: Path,
    timeout: float,
) -> dict[str, Any]:
    """Run an editor driver and return the JSON it wrote to ``out``."""
    try:
        done = subprocess.run(
            command, env=dict(env), capture_output=True, text=True, timeout=timeout, check=False,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"{command[0]} did not finish in {timeout} s: {error.stderr!r}")
    assert out.is_file(), (
        f"{command[0]} wrote no result (exit {done.returncode}):\n{done.stdout}\n{done.stderr}"
    )
    result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert not result.get("errors"), result["errors"]
    return result
