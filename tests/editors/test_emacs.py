"""Emacs in batch mode with eglot, loading editors/emacs/dlglossary-eglot.el.

Needs Emacs 28+ and eglot (Debian: ``emacs-nox elpa-eglot elpa-markdown-mode``, which
.ci/install-editors.sh installs); skips otherwise. The project lives in a temporary
folder outside any git checkout, so eglot takes that folder as the project.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import (
    ACRONYM_AT,
    DRIVERS,
    EDITORS,
    MARKDOWN_HOVER,
    PYTHON_HOVER,
    SUMMARY,
    Project,
    run_driver,
)

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("server")]

ELPA = Path("/usr/share/emacs/site-lisp/elpa")


def _emacs() -> str:
    emacs = shutil.which("emacs")
    if emacs is None:
        pytest.skip("Emacs is not installed (apt-get install emacs-nox elpa-eglot)")
    probe = subprocess.run(
        [emacs, "-Q", "--batch", "--eval",
         f'(progn (require (quote package)) (add-to-list (quote package-directory-list) "{ELPA}")'
         " (package-initialize) (princ (if (require (quote eglot) nil t) \"yes\" \"no\")))"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    if probe.stdout.strip() != "yes":
        pytest.skip("eglot is not installed for Emacs (apt-get install elpa-eglot)")
    return emacs


def _run(
    project: Project, env: dict[str, str], cases: list[dict[str, Any]],
    settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    out = project.root / "emacs.json"
    env = env | {
        "DLG_EMACS_DIR": str(EDITORS / "emacs"),
        "DLG_CASES": json.dumps(cases),
        "DLG_OUT": str(out),
        "DLG_TIMEOUT": "20",
        "DLG_SETTINGS": json.dumps(settings) if settings else "",
    }
    command = [_emacs(), "-Q", "--batch", "-l", str(DRIVERS / "emacs.el")]
    return run_driver(command, env, out, timeout=150)


def test_eglot_connects_in_markdown_and_python_with_hover_and_diagnostics(
    project: Project, editor_env: dict[str, str]
) -> None:
    result = _run(project, editor_env, [
        {"file": str(project.markdown), "hovers": [list(MARKDOWN_HOVER)], "diagnostics": True},
        {"file": str(project.python), "hovers": [list(PYTHON_HOVER)], "diagnostics": False},
    ])
    markdown, python = result["files"]
    assert (markdown["mode"], python["mode"]) == ("markdown-mode", "python-mode")
    assert markdown["attached"] is True and python["attached"] is True
    assert markdown["language_id"] == "markdown"
    assert Path(markdown["project"]) == project.root
    assert SUMMARY.lower() in markdown["hovers"][0].lower()
    assert SUMMARY.lower() in python["hovers"][0].lower()
    acronym = [d for d in markdown["diagnostics"] if (d["line"], d["col"]) == ACRONYM_AT]
    assert acronym, markdown["diagnostics"]
    assert "FBL" in acronym[0]["text"]


def test_workspace_configuration_under_dlglossary_reaches_the_server(
    project: Project, editor_env: dict[str, str]
) -> None:
    result = _run(
        project, editor_env,
        [{"file": str(project.markdown), "hovers": [], "diagnostics": True, "type": "error"}],
        settings={"severity": {"undefined-acronym": "error"}},
    )
    (markdown,) = result["files"]
    acronym = [d for d in markdown["diagnostics"] if (d["line"], d["col"]) == ACRONYM_AT]
    assert acronym, markdown["diagnostics"]
    assert "error" in acronym[0]["type"], markdown["diagnostics"]
