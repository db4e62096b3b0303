"""`dlglossary check` throughput on a multi-megabyte docs tree, beside codespell.

Run: .venv/bin/python bench/bench_check.py
Both tools run single-process on the same generated tree in the same run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import prose_corpus  # noqa: E402


def make_tree(root: Path, pages: int = 400, page_size: int = 12_000) -> int:
    text = prose_corpus(pages * page_size)
    size = 0
    for index in range(pages):
        page = text[index * page_size : (index + 1) * page_size]
        path = root / f"section{index % 20}" / f"page{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
        size += len(page.encode())
    return size


def timed(command: list[str]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        size = make_tree(root)
        megabytes = size / 1e6
        ours = timed([str(bindir / "dlglossary"), "check", str(root)])
        print(f"tree: {megabytes:.1f} MB in 400 Markdown files")
        print(f"dlglossary check: {ours:.2f} s  ({megabytes / ours:.1f} MB/s)")
        codespell = shutil.which("codespell", path=str(bindir)) or shutil.which("codespell")
        if codespell:
            theirs = timed([codespell, str(root)])
            print(f"codespell:        {theirs:.2f} s  ({megabytes / theirs:.1f} MB/s)")
            print(f"ratio dlglossary / codespell: {ours / theirs:.2f}  [target <= 1.00]")
        else:
            print("codespell is not installed: no comparison")


if __name__ == "__main__":
    main()
