"""A real, non-editable wheel install loads the full store."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_install_loads_the_full_store(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels), str(REPO)],
        check=True,
    )
    [wheel] = wheels.glob("dlglossary-*.whl")
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The core needs nothing from PyPI to load and match; the front ends' dependencies
    # are left out so the test runs offline and quickly.
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], check=True)
    script = (
        "import dlglossary, dlglossary.store as s; st = dlglossary.builtin_store();"
        "print(len(st), s.builtin_data_dir(), len(dlglossary.load_store().problems))"
    )
    out = subprocess.run([python, "-c", script], check=True, capture_output=True, text=True,
                         cwd=tmp_path).stdout.split()
    assert int(out[0]) >= 600
    assert "site-packages" in out[1]
    assert out[2] == "0"
