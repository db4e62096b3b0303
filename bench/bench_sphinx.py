"""Build time of a docs tree with sphinx_dlglossary divided by the time without it.

Generates a Sphinx project of ``--pages`` pages (default 300) of real-sized deep-learning
prose (about 1,000 words each: sections, paragraphs drawn from the built-in store's
definitions, lists and code blocks), then builds it with ``sphinx-build -E -b html``
alternately without and with the extension, ``--repeat`` times each. For each it prints
the plain-Sphinx and the with-extension times side by side (best, median and range over
the repeats), and the ratio of each pair of builds run back to back (median and range).
The target is a ratio of at most 1.10. On a machine shared with other work, CPU time
(user + system of the build) is the steadier figure: it leaves out time spent waiting
for a core. The exit status follows the median wall-clock ratio of the pairs.

    python bench/bench_sphinx.py [--pages 300] [--repeat 3] [--jobs 1] [--keep DIR]
                                 [--link-mode first|section|all|off]

``--link-mode off`` measures what the extension costs when it links nothing.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from dlglossary import builtin_store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import API_PARAMETERS

TARGET = 1.10
CODE = """\
.. code-block:: python

   model = build_model(depth={depth})
   optimizer = torch.optim.AdamW(model.parameters(), lr={lr})
   for step, batch in enumerate(loader):
       loss = criterion(model(batch.inputs), batch.targets)
       loss.backward()
       optimizer.step()
       optimizer.zero_grad()
"""


def make_tree(root: Path, pages: int, seed: int = 0, tree: str = "mixed") -> None:
    """Write a Sphinx project of ``pages`` pages under ``root``.

    ``dense``: every page is a guide of paragraphs drawn from the store's definitions,
    the densest jargon text can get (about 85 distinct terms per page). ``mixed``: the
    make-up of a deep-learning library's docs, a third each of guides like those, API
    reference pages (classes and functions with parameter lists and examples) and
    tutorials (steps, code, notes and a table), each about 1,000 words.
    """
    rng = random.Random(seed)
    store = builtin_store().sorted()
    text = _Text(
        paragraphs=[" ".join(t.definition.split()) for t in store if t.definition],
        summaries=[t.summary for t in store],
    )
    names = [f"page{n:04d}" for n in range(pages)]
    (root / "index.rst").write_text(
        "Benchmark\n=========\n\n.. toctree::\n   :maxdepth: 1\n\n"
        + "".join(f"   {name}\n" for name in names),
        encoding="utf-8",
    )
    writers = (_guide_page,) if tree == "dense" else (_guide_page, _api_page, _tutorial_page)
    for number, name in enumerate(names):
        page = writers[number % len(writers)](number, rng, text)
        (root / f"{name}.rst").write_text(page, encoding="utf-8")


class _Text(NamedTuple):
    paragraphs: list[str]
    summaries: list[str]


def _heading(title: str, underline: str) -> str:
    return f"{title}\n{underline * len(title)}\n\n"


def _guide_page(number: int, rng: random.Random, text: _Text) -> str:
    """Four sections of definition paragraphs, a list of summaries and a code block."""
    parts = [_heading(f"Chapter {number}", "=")]
    for section in range(4):
        parts.append(_heading(f"Part {section + 1}", "-"))
        parts.extend(_paragraph(rng.choice(text.paragraphs)) for _ in range(3))
        parts.append("".join(f"* {_rst(rng.choice(text.summaries))}\n" for _ in range(4)) + "\n")
        parts.append(CODE.format(depth=rng.randint(2, 50), lr=rng.choice(["1e-3", "3e-4"])))
        parts.append("\n")
    return "".join(parts)


def _api_page(number: int, rng: random.Random, text: _Text) -> str:
    """A module page: an introduction, then classes and functions with fields and examples."""
    module = f"benchlib.module{number}"
    parts = [_heading(f"``{module}``", "="), f".. py:module:: {module}\n\n"]
    parts.append(_paragraph(rng.choice(text.paragraphs)))
    for index in range(5):
        chosen = rng.sample(API_PARAMETERS, 4)
        signature = ", ".join(f"{name}" for name, _, _ in chosen)
        kind = "class" if index % 2 == 0 else "function"
        name = f"Block{index}" if kind == "class" else f"apply_block{index}"
        parts.append(f".. py:{kind}:: {name}({signature})\n\n")
        parts.append(_indented(_paragraph(rng.choice(text.summaries))))
        if index < 2:
            parts.append(_indented(_paragraph(rng.choice(text.paragraphs))))
        fields = "".join(
            f":param {name}: {description}\n:type {name}: {kind_of}\n"
            for name, kind_of, description in chosen
        )
        parts.append(_indented(fields + ":returns: The transformed tensor.\n:rtype: Tensor\n\n"))
        parts.append(_indented(
            "Example::\n\n"
            f"   >>> block = {name}({', '.join(str(rng.randint(1, 512)) for _ in chosen)})\n"
            "   >>> out = block(torch.randn(8, 128))\n"
            "   >>> out.shape\n"
            "   torch.Size([8, 256])\n\n"
        ))
        if kind == "class":
            parts.append(_indented(
                ".. py:method:: forward(x)\n\n"
                "   Run the block on ``x``.\n\n"
                "   :param x: Input of shape ``(N, C)``.\n"
                "   :returns: Output of shape ``(N, out_features)``.\n\n"
            ))
    return "".join(parts)


def _tutorial_page(number: int, rng: random.Random, text: _Text) -> str:
    """Steps with explanations, code, a note and a table of settings."""
    parts = [_heading(f"Tutorial {number}", "=")]
    parts.append(_paragraph(rng.choice(text.paragraphs)))
    for step in range(4):
        parts.append(_heading(f"Step {step + 1}", "-"))
        parts.append(_paragraph(rng.choice(text.paragraphs)))
        parts.append(_paragraph(
            "Run the cell below, then check that the printed values look reasonable "
            "before going on to the next step. If something fails, see the troubleshooting "
            "section at the end of this page."
        ))
        parts.append(CODE.format(depth=rng.randint(2, 50), lr=rng.choice(["1e-3", "3e-4"])))
        parts.append("\n.. note::\n\n")
        parts.append(_indented(_paragraph(rng.choice(text.summaries))))
    parts.append(".. list-table:: Settings used in this tutorial\n   :header-rows: 1\n\n"
                 "   * - Setting\n     - Value\n     - Why\n")
    for name, _, description in rng.sample(API_PARAMETERS, 6):
        parts.append(f"   * - ``{name}``\n     - ``{rng.randint(1, 9)}``\n     - {description}\n")
    parts.append("\n")
    parts.append(_heading("Troubleshooting", "-"))
    parts.append(_paragraph(rng.choice(text.paragraphs)))
    return "".join(parts)


def _indented(block: str) -> str:
    return "".join(f"   {line}" if line.strip() else line for line in block.splitlines(True))


def _rst(text: str) -> str:
    """Light Markdown as reStructuredText: inline code as a role, no substitution bars.

    Inline markup cannot be followed by a letter (```nn.Module`s``), so an escaped space
    separates them.
    """
    text = re.sub(r"`([^`]+)`(\w?)", _code_role, text.replace("|", "\\|"))
    return re.sub(r"(\w)_(?=\W|$)", r"\1", text)


def _code_role(found: re.Match[str]) -> str:
    after = found.group(2)
    return f":code:`{found.group(1)}`" + (f"\\ {after}" if after else "")


def _paragraph(text: str) -> str:
    """A definition as a wrapped reStructuredText paragraph."""
    text = _rst(text)
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) > 78:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines) + "\n\n"


def build(
    src: Path, out: Path, extension: bool, jobs: str, link_mode: str | None = None
) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one fresh HTML build."""
    conf = "project = 'bench'\n"
    if extension:
        conf += "extensions = ['sphinx_dlglossary']\n"
        if link_mode is not None:
            conf += f"dlglossary_link_mode = {link_mode!r}\n"
    (src / "conf.py").write_text(conf, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-E", "-q", "-b", "html", "-j", jobs,
         str(src), str(out)],
        check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", default="1")
    parser.add_argument("--keep", type=Path, help="write the tree here and keep it")
    parser.add_argument("--tree", choices=["mixed", "dense"], default="mixed",
                        help="mixed: guides, API pages and tutorials; dense: guides only")
    parser.add_argument("--link-mode", choices=["first", "section", "all", "off"],
                        help="dlglossary_link_mode of the build with the extension")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="dlglossary-bench-"))
    src = root / "src"
    src.mkdir(parents=True, exist_ok=True)
    make_tree(src, args.pages, tree=args.tree)
    size = sum(p.stat().st_size for p in src.glob("*.rst"))
    print(f"{args.tree} tree: {args.pages} pages, "
          f"{size / args.pages / 1024:.1f} KiB of reST per page")
    times: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
    for _ in range(args.repeat):  # interleaved, so that load on the machine hits both
        for extension in (False, True):
            times[extension].append(
                build(src, root / f"out-{extension}", extension, args.jobs, args.link_mode)
            )
    ratio = report(times[False], times[True])
    if args.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return 0 if ratio <= TARGET else 1


def report(without: list[tuple[float, float]], with_: list[tuple[float, float]]) -> float:
    """Print plain Sphinx beside Sphinx with the extension; the median wall-clock ratio."""
    median_ratios = []
    for index, measure in enumerate(("wall", "cpu")):
        plain = [t[index] for t in without]
        ours = [t[index] for t in with_]
        pairs = [o / p for o, p in zip(ours, plain, strict=True)]
        median_ratios.append(statistics.median(pairs))
        print(f"{measure:4}  without {_spread(plain)}   with {_spread(ours)}")
        print(f"      ratio of pairs: median {statistics.median(pairs):.3f}  "
              f"range {min(pairs):.3f}-{max(pairs):.3f}  "
              f"(best/best {min(ours) / min(plain):.3f}; target <= {TARGET})")
    return median_ratios[0]


def _spread(seconds: list[float]) -> str:
    return (f"best {min(seconds):6.2f} s  median {statistics.median(seconds):6.2f} s  "
            f"range {min(seconds):.2f}-{max(seconds):.2f}")


if __name__ == "__main__":
    sys.exit(main())
