"""`dlglossary check` throughput on a multi-megabyte docs tree, beside codespell.

Run: .venv/bin/python bench/bench_check.py
Both tools run single-process on the same generated tree in the same run, each once to
warm the file cache and write bytecode, then seven rounds taking turns run by run:
the ratio is printed best to best and as the median of the rounds' ratios.
Bytecode writing is switched on for the runs (a sandbox may set PYTHONDONTWRITEBYTECODE,
which would make every run of an editable install recompile its modules while
codespell's installed ones are compiled already).
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import API_PARAMETERS, prose_corpus  # noqa: E402


def make_tree(root: Path, pages: int = 400, page_size: int = 12_000) -> int:
    """The repetitive tree: a dozen deep-learning sentences in random order."""
    text = prose_corpus(pages * page_size)
    return _write_pages(root, [text[i * page_size : (i + 1) * page_size] for i in range(pages)])


def make_varied_tree(root: Path, pages: int = 400, page_size: int = 12_000) -> int:
    """The varied tree: paragraphs from the store's 800 definitions, so clauses rarely repeat."""
    from dlglossary import builtin_store

    rng = random.Random(7)
    paragraphs = [" ".join(t.definition.split()) for t in builtin_store().sorted() if t.definition]
    texts = []
    for index in range(pages):
        parts, size = [f"# Page {index}\n\n"], 0
        while size < page_size:
            part = rng.choice(paragraphs) + "\n\n"
            if rng.random() < 0.1:
                part = f"## Section {size}\n\n" + part
            parts.append(part)
            size += len(part)
        texts.append("".join(parts))
    return _write_pages(root, texts)


def make_mixed_tree(root: Path, pages: int = 400, page_size: int = 12_000) -> int:
    """The docs-like tree: a third each of guides, API reference pages and tutorials.

    Guides are paragraphs drawn from the store's definitions (as in the varied tree); API
    pages document functions with parameter lists and examples; tutorials alternate
    explanations, instructions, code, notes and a table, as a library's docs do.
    """
    from dlglossary import builtin_store

    rng = random.Random(11)
    store = builtin_store().sorted()
    paragraphs = [" ".join(t.definition.split()) for t in store if t.definition]
    summaries = [t.summary for t in store]
    texts = []
    for index in range(pages):
        kind = index % 3
        parts, size, section = [f"# Page {index}\n\n"], 0, 0
        while size < page_size:
            section += 1
            if kind == 0:
                part = f"## Section {section}\n\n" + rng.choice(paragraphs) + "\n\n"
            elif kind == 1:
                part = _api_section(rng, section, summaries, paragraphs)
            else:
                part = _tutorial_step(rng, section, summaries, paragraphs)
            parts.append(part)
            size += len(part)
        texts.append("".join(parts))
    return _write_pages(root, texts)


def _api_section(
    rng: random.Random, number: int, summaries: list[str], paragraphs: list[str]
) -> str:
    chosen = rng.sample(API_PARAMETERS, 4)
    signature = ", ".join(name for name, _, _ in chosen)
    lines = [f"## `apply_block{number}({signature})`\n\n", rng.choice(summaries), "\n\n"]
    if number % 3 == 1:
        lines += [rng.choice(paragraphs), "\n\n"]
    lines.append("**Parameters**\n\n")
    lines += [f"- `{name}` (*{kind}*): {description}\n" for name, kind, description in chosen]
    lines.append("\n**Returns**: the transformed tensor.\n\n")
    lines.append(
        "```python\n"
        f"out = apply_block{number}({', '.join(str(rng.randint(1, 512)) for _ in chosen)})\n"
        "print(out.shape)\n```\n\n"
    )
    return "".join(lines)


def _tutorial_step(
    rng: random.Random, number: int, summaries: list[str], paragraphs: list[str]
) -> str:
    rows = "".join(
        f"| `{name}` | `{rng.randint(1, 9)}` | {description} |\n"
        for name, _, description in rng.sample(API_PARAMETERS, 3)
    )
    return (
        f"## Step {number}\n\n{rng.choice(paragraphs)}\n\n"
        "Run the cell below, then check that the printed values look reasonable before "
        "going on. If something fails, see the troubleshooting section at the end.\n\n"
        "```python\nmodel = build_model(depth=12)\nmetrics = fit(model, loader, epochs=3)\n"
        "print(metrics)\n```\n\n"
        f"> **Note:** {rng.choice(summaries)}\n\n"
        f"| Setting | Value | Why |\n|---|---|---|\n{rows}\n"
    )


def _write_pages(root: Path, pages: list[str]) -> int:
    size = 0
    for index, page in enumerate(pages):
        path = root / f"section{index % 20}" / f"page{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
        size += len(page.encode())
    return size


def timed(commands: list[list[str]], runs: int = 7) -> list[list[float]]:
    """The wall times of each command, run in turn ``runs`` times after a warm-up.

    Taking turns run by run, rather than all runs of one command and then the other,
    keeps a slow spell of a shared machine from falling on one command only.
    """
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for command in commands:  # warm-up
        subprocess.run(command, capture_output=True, check=False, env=environment)
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, env=environment)
            times[index].append(time.perf_counter() - start)
    return times


def main() -> None:
    bindir = Path(sys.executable).parent
    codespell = shutil.which("codespell", path=str(bindir)) or shutil.which("codespell")
    trees = (
        ("repetitive", make_tree),
        ("docs-like", make_mixed_tree),
        ("varied", make_varied_tree),
    )
    for label, make in trees:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            megabytes = make(root) / 1e6
            print(f"{label} tree: {megabytes:.1f} MB in 400 Markdown files")
            ours_command = [str(bindir / "dlglossary"), "check", str(root)]
            if codespell is None:
                ours = min(timed([ours_command])[0])
                print(f"  dlglossary check: {ours:.2f} s  ({megabytes / ours:.1f} MB/s)")
                print("  codespell is not installed: no comparison")
                continue
            our_times, their_times = timed([ours_command, [codespell, str(root)]])
            ours, theirs = min(our_times), min(their_times)
            # The ratio of each round's two runs, which a slow spell touches alike.
            paired = statistics.median(a / b for a, b in zip(our_times, their_times, strict=True))
            print(f"  dlglossary check: {ours:.2f} s  ({megabytes / ours:.1f} MB/s)")
            print(f"  codespell:        {theirs:.2f} s  ({megabytes / theirs:.1f} MB/s)")
            print(
                f"  ratio dlglossary / codespell: {ours / theirs:.2f} best to best, "
                f"{paired:.2f} median of rounds  [target <= 1.00]"
            )

if __name__ == "__main__":
    main()
