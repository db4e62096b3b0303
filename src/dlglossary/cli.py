"""The ``dlglossary`` command: define, list, find, check, export, validate, format.

Exit codes: 0 ok, 1 findings or not found, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .checker import CODES, check_text
from .config import Config, load_config
from .find import find_terms
from .fixes import apply_fixes, write_atomically
from .model import Problem, Term
from .reporting import FORMATS, Located, report, statistics
from .sources import SourceFile, Walk, read_source
from .store import LoadResult, builtin_files, load_store

__all__ = ["main"]

OK, FOUND, USAGE = 0, 1, 2
_GC_THRESHOLD = 100_000  # allocations between collections of the youngest generation


def _version() -> str:
    # Reading package metadata costs tens of milliseconds of start-up: only when needed.
    from . import __version__

    return str(__version__)


class _VersionAction(argparse.Action):
    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        parser.exit(message=f"{parser.prog} {_version()}\n")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = _Parser(
        prog="dlglossary",
        description="Deep-learning jargon: look terms up, find them, check documents for them.",
        epilog="Exit codes: 0 ok, 1 findings or not found, 2 usage or input error.",
    )
    parser.add_argument(
        "--version", action=_VersionAction, nargs=0, help="show the version and exit"
    )
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="configuration file (default: dlglossary.toml or pyproject.toml, "
        "found upward from the current folder)",
    )
    parser.add_argument(
        "--glossary",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="an extra project glossary (may repeat)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.required = True

    define = commands.add_parser("define", help="show the entry for a term")
    define.add_argument("name", metavar="TERM", help="id, name, acronym or code name")
    define.add_argument("--format", choices=("text", "json"), default="text")

    listing = commands.add_parser("list", help="list entries")
    listing.add_argument("--category", metavar="C", help="only this category")
    listing.add_argument("--format", choices=("text", "json"), default="text")

    find = commands.add_parser("find", help="every term occurrence in files")
    find.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    find.add_argument("--format", choices=("text", "json"), default="text")
    find.add_argument("--code", action="store_true", help="also walk source code files")

    check = commands.add_parser("check", help="undefined jargon in documents")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="default: .")
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument(
        "--select", metavar="CODES", help=f"comma-separated codes ({', '.join(CODES)})"
    )
    check.add_argument("--ignore", metavar="CODES", help="comma-separated codes to leave out")
    check.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip paths matching this glob (may repeat)",
    )
    check.add_argument("--comments", action="store_true", help="also check comments in code")
    check.add_argument("--statistics", action="store_true", help="print counts per code")
    check.add_argument(
        "--fix", action="store_true", help="spell out acronyms at their first use, in place"
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    export = commands.add_parser("export", help="the store as JSON")
    export.add_argument("--format", choices=("json",), default="json")

    validate = commands.add_parser("validate", help="check term files")
    validate.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="default: the built-in store"
    )

    fmt = commands.add_parser("format", help="rewrite term files in canonical form")
    fmt.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="default: the built-in store's files"
    )
    fmt.add_argument("--check", action="store_true", help="only report files not in canonical form")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else USAGE
    handler = {
        "define": _define,
        "list": _list,
        "find": _find,
        "check": _check,
        "export": _export,
        "validate": _validate,
        "format": _format,
    }[args.command]
    # A run is short, and what it allocates is freed by reference counting: with the
    # default thresholds the cycle collector walked the young objects about a hundred
    # times per docs tree (2.5% of a check run) and found next to nothing.
    thresholds = gc.get_threshold()
    gc.set_threshold(_GC_THRESHOLD, *thresholds[1:])
    try:
        return handler(args)
    except BrokenPipeError:
        return OK
    except KeyboardInterrupt:
        return 130
    finally:
        gc.set_threshold(*thresholds)


# -- set-up -----------------------------------------------------------------------------------


def _setup(args: argparse.Namespace, start: Path | None = None) -> tuple[Config, LoadResult]:
    config, problems = load_config(start=start, path=args.config)
    if args.config is not None and not args.config.is_file():
        problems.append(Problem(str(args.config), 0, "no such configuration file"))
    glossaries = (*config.glossaries, *(p.resolve() for p in args.glossary))
    result = load_store(glossaries, config.disabled_terms)
    _warn([*problems, *result.problems])
    return config, result


def _warn(problems: Sequence[Problem], out: TextIO | None = None) -> None:
    for problem in problems:
        print(f"dlglossary: {problem}", file=out or sys.stderr)


# -- define / list / export ------------------------------------------------------------------


def _define(args: argparse.Namespace) -> int:
    _, result = _setup(args)
    store = result.store
    term = store.lookup(args.name)
    if term is None:
        close = store.suggest(args.name)
        hint = f"; did you mean: {', '.join(t.term for t in close)}?" if close else ""
        print(f"dlglossary: no entry named {args.name!r}{hint}", file=sys.stderr)
        return FOUND
    if args.format == "json":
        _print_json(_as_json(term))
    else:
        print(_describe(term))
    return OK


def _describe(term: Term) -> str:
    lines = [term.term]
    names = [*term.acronyms, *term.aliases]
    if names:
        lines.append(f"  also: {', '.join(names)}")
    lines.append(f"  category: {term.category}")
    lines += ["", term.summary, "", term.definition] if term.definition else ["", term.summary]
    if term.code:
        lines += ["", "In code: " + ", ".join(term.code)]
    if term.related:
        lines += ["", "Related: " + ", ".join(term.related)]
    for ref in term.references:
        lines += ["", f"Reference: {ref.title} ({ref.year}) {ref.url}"]
    if term.source:
        lines += ["", f"Defined in {term.source}:{term.line}"]
    return "\n".join(lines)


def _list(args: argparse.Namespace) -> int:
    _, result = _setup(args)
    store = result.store
    terms = store.sorted()
    if args.category is not None:
        if args.category not in store.categories():
            print(
                f"dlglossary: no category {args.category!r}; categories: "
                f"{', '.join(store.categories())}",
                file=sys.stderr,
            )
            return USAGE
        terms = [t for t in terms if t.category == args.category]
    if args.format == "json":
        _print_json([_as_json(t) for t in terms])
        return OK
    width = max((len(t.term) for t in terms), default=0)
    for term in terms:
        print(f"{term.term:<{width}}  {term.summary}")
    return OK


def _export(args: argparse.Namespace) -> int:
    _, result = _setup(args)
    terms = sorted(result.store, key=lambda t: t.id)
    _print_json([_as_json(t) for t in terms])
    return OK


def _as_json(term: Term) -> dict[str, object]:
    return {
        "id": term.id,
        "term": term.term,
        "acronyms": list(term.acronyms),
        "aliases": list(term.aliases),
        "code": list(term.code),
        "summary": term.summary,
        "definition": term.definition,
        "category": term.category,
        "related": list(term.related),
        "references": [{"title": r.title, "year": r.year, "url": r.url} for r in term.references],
        "ambiguous": list(term.ambiguous),
        "not_in": list(term.not_in),
        "well_known": term.well_known,
    }


# -- find / check --------------------------------------------------------------------------


def _sources(
    paths: Sequence[Path], walk: Walk, max_size: int
) -> tuple[list[SourceFile], list[Problem], bool]:
    """Read every file; the problems, and whether a path named on the command line was unusable."""
    files: list[SourceFile] = []
    problems: list[Problem] = []
    named = {p for p in paths if not p.is_dir()}
    unusable = False
    for path in walk:
        source = read_source(path, max_size)
        if isinstance(source, Problem):
            problems.append(source)
            unusable = unusable or path in named
        else:
            files.append(source)
    missing = [p for p in walk.problems if Path(p.path) in named]
    return files, problems + walk.problems, unusable or bool(missing)


def _find(args: argparse.Namespace) -> int:
    config, result = _setup(args, start=args.paths[0])
    walk = Walk(args.paths, config.exclude, include_code=args.code, root=config.root)
    occurrences: list[dict[str, object]] = []
    unusable = False
    for path in walk:
        source = read_source(path, config.max_file_size)
        if isinstance(source, Problem):
            _warn([source])
            unusable = unusable or path in args.paths
            continue
        for match in find_terms(source.text, source.language, result.store, source.segments()):
            line, column = source.position(match.start)
            end_line, end_column = source.position(match.end)
            occurrence: dict[str, object] = {
                "path": str(path),
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "id": match.term_id,
                "text": match.text,
            }
            if args.format == "text":
                print(
                    f"{path}:{line}:{column}-{end_line}:{end_column}: "
                    f"{match.term_id} {match.text!r}"
                )
            occurrences.append(occurrence)
    _warn(walk.problems)
    if args.format == "json":
        _print_json(occurrences)
    if unusable or any(Path(p.path) in args.paths for p in walk.problems):
        return USAGE
    return OK if occurrences else FOUND


def _codes(value: str | None) -> set[str] | None:
    if value is None:
        return None
    codes = {c.strip() for c in value.split(",") if c.strip()}
    unknown = codes - set(CODES)
    if unknown:
        raise SystemExit(
            f"dlglossary: unknown finding code(s) {', '.join(sorted(unknown))}; "
            f"known: {', '.join(CODES)}"
        )
    return codes


def _check(args: argparse.Namespace) -> int:
    paths = args.paths or [Path(".")]
    try:
        select, ignore = _codes(args.select), _codes(args.ignore)
    except SystemExit as error:
        print(error, file=sys.stderr)
        return USAGE
    config, result = _setup(args, start=paths[0])
    chosen = (select if select is not None else set(config.select)) - (ignore or set())
    include_comments = args.comments or config.check_code_comments
    walk = Walk(
        paths, (*config.exclude, *args.exclude), include_code=include_comments, root=config.root
    )
    files, problems, unusable = _sources(paths, walk, config.max_file_size)
    _warn(problems)
    found: list[Located] = []
    fingerprinted = args.format == "sarif"  # only SARIF's fingerprints read the line
    for source in files:
        findings = check_text(
            source.text,
            source.language,
            result.store,
            select=chosen,
            ignored_words=config.ignored_words,
            include_comments=include_comments,
            segments=source.segments(),
        )
        if args.fix and findings and not source.cells:
            fixes = [f.fix for f in findings if f.fix is not None]
            if fixes:
                write_atomically(
                    source.path, _with_bom(source.path, apply_fixes(source.text, fixes))
                )
                findings = [f for f in findings if f.fix is None]
        path = str(source.path)
        for finding in findings:
            line, column = source.position(finding.start)
            end_line, end_column = source.position(finding.end)
            found.append(
                Located(
                    path,
                    line,
                    column,
                    end_line,
                    end_column,
                    finding,
                    config.severity.get(finding.code, "information"),
                    source.line_text(finding.start) if fingerprinted else "",
                )
            )
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    version = _version() if args.format == "sarif" else "0"
    report(found, args.format, sys.stdout, colour=colour, version=version, root=config.root)
    if args.statistics:
        statistics(found, sys.stderr if args.format in ("json", "sarif") else sys.stdout)
    if unusable:
        return USAGE
    return FOUND if found else OK


def _print_json(value: object) -> None:
    import json  # only the JSON outputs need it; `check` starts without it

    print(json.dumps(value, indent=2, ensure_ascii=False))


def _with_bom(path: Path, text: str) -> str:
    with path.open("rb") as handle:
        return "\ufeff" + text if handle.read(3) == b"\xef\xbb\xbf" else text


# -- validate / format ------------------------------------------------------------------------


def _validate(args: argparse.Namespace) -> int:
    missing = [f for f in args.files if not f.is_file()]
    for path in missing:
        print(f"dlglossary: {path}: no such file", file=sys.stderr)
    if missing:
        return USAGE
    result = load_store([f.resolve() for f in args.files])
    problems = list(result.problems)
    _warn(problems, sys.stdout)
    files = len(args.files) or len(builtin_files())
    print(
        f"{len(result.store)} entries in {files} file(s) of the store checked; "
        f"{len(problems)} problem(s)"
    )
    return FOUND if problems else OK


def _format(args: argparse.Namespace) -> int:
    from .canonical import dump_terms
    from .termfile import read_term_file

    files = args.files or builtin_files()
    status = OK
    for path in files:
        termfile = read_term_file(path)
        if termfile.problems:
            _warn(termfile.problems)
            print(f"dlglossary: {path}: not formatted (fix the problems first)", file=sys.stderr)
            status = USAGE
            continue
        canonical = dump_terms(termfile.terms)
        current = path.read_text(encoding="utf-8")
        if canonical == current:
            continue
        if args.check:
            print(f"{path}: not in canonical form (run `dlglossary format {path}`)")
            status = max(status, FOUND)
        else:
            write_atomically(path, canonical)
            print(f"{path}: formatted")
    return status
