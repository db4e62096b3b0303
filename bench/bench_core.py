"""Core speed: store load in a fresh process, matcher throughput on prose and on code.

Run: .venv/bin/python bench/bench_core.py
Targets (foundation issue): full built-in store loads in <= 50 ms in a fresh process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import code_corpus, prose_corpus  # noqa: E402

LOAD = (
    "import time; t0 = time.perf_counter(); import dlglossary; "
    "s = dlglossary.builtin_store(); t1 = time.perf_counter(); s.matcher; "
    "t2 = time.perf_counter(); print(len(s), (t1 - t0) * 1e3, (t2 - t1) * 1e3)"
)


def store_load(runs: int = 7) -> None:
    loads, index = [], []
    count = 0
    # Bytecode on, and one warm-up run to write it: an installed package has its .pyc files
    # already, while a sandbox setting PYTHONDONTWRITEBYTECODE would recompile every run.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", LOAD], capture_output=True, check=True, env=environment)
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                             check=True, env=environment).stdout.split()
        count = int(out[0])
        loads.append(float(out[1]))
        index.append(float(out[2]))
    print(f"store load (fresh process, import + load + validate {count} entries): "
          f"median {statistics.median(loads):.1f} ms, min {min(loads):.1f} ms  [target <= 50 ms]")
    print(
        f"matcher index ready (read from the store's cache): "
        f"median {statistics.median(index):.1f} ms"
    )
    from dlglossary import builtin_store
    from dlglossary.matcher import Matcher

    built = []
    for _ in range(runs):
        start = time.perf_counter()
        Matcher(builtin_store())
        built.append((time.perf_counter() - start) * 1e3)
    print(f"matcher index built from the entries: median {statistics.median(built):.1f} ms")


def throughput(label: str, text: str, language: str) -> None:
    from dlglossary import builtin_store, find_terms

    store = builtin_store()
    _ = store.matcher  # build the index outside the timing
    best = float("inf")
    count = 0
    for _ in range(3):
        start = time.perf_counter()
        count = len(find_terms(text, language, store))
        best = min(best, time.perf_counter() - start)
    megabytes = len(text.encode()) / 1e6
    print(f"matcher on {label}: {megabytes:.1f} MB, {count} matches, "
          f"{megabytes / best:.1f} MB/s (single core, best of 3)")


def main() -> None:
    store_load()
    throughput("prose (Markdown)", prose_corpus(2_000_000), "markdown")
    throughput("code (Python)", code_corpus(2_000_000), "python")


if __name__ == "__main__":
    main()
