"""Print ``check`` findings as text, JSON, SARIF 2.1.0 or GitHub workflow annotations."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple, TextIO

from .checker import CODES, Finding

__all__ = ["FORMATS", "Located", "report"]

FORMATS = ("text", "json", "sarif", "github")
_RULES = {
    "undefined-acronym": (
        "UndefinedAcronym",
        "A known acronym is used before the document spells it out.",
    ),
    "unknown-jargon": (
        "UnknownJargon",
        "A word that looks like jargon is neither in the glossary nor defined in the document.",
    ),
}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "information": "note", "hint": "note"}
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "information": "notice", "hint": "notice"}
_COLOUR = {"error": "31", "warning": "33", "information": "36", "hint": "36"}
HELP_URI = "https://github.com/dlglossary/dlglossary#the-command-line"


class Located(NamedTuple):
    """A finding with its file position (1-based lines and columns)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    finding: Finding
    severity: str
    line_text: str  # the finding's line, for SARIF fingerprints ("" for other formats)


def report(
    found: Sequence[Located],
    fmt: str,
    out: TextIO,
    *,
    colour: bool = False,
    version: str = "0",
    root: Path | None = None,
) -> None:
    """Write ``found`` to ``out`` in format ``fmt``."""
    if fmt == "json":
        import json  # the text formats, the usual ones, do without it

        json.dump([_as_json(item) for item in found], out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt == "sarif":
        import json

        json.dump(_sarif(found, version, root or Path.cwd()), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt == "github":
        for item in found:
            out.write(_github(item) + "\n")
    else:
        for item in found:
            out.write(_text(item, colour) + "\n")


def statistics(found: Sequence[Located], out: TextIO) -> None:
    """Counts per finding code, most frequent first."""
    for code, count in Counter(item.finding.code for item in found).most_common():
        out.write(f"{count:6d}  {code}\n")


def _text(item: Located, colour: bool) -> str:
    where = f"{item.path}:{item.line}:{item.column}:"
    code = item.finding.code
    if colour:
        where = f"\x1b[1m{where}\x1b[0m"
        code = f"\x1b[{_COLOUR.get(item.severity, '36')}m{code}\x1b[0m"
    return f"{where} {code} {item.finding.message}"


def _as_json(item: Located) -> dict[str, object]:
    fix = item.finding.fix
    return {
        "path": item.path,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "code": item.finding.code,
        "severity": item.severity,
        "message": item.finding.message,
        "word": item.finding.word,
        "term_id": item.finding.term_id,
        "fix": None if fix is None else {"replacement": fix.replacement, "title": fix.title},
    }


def _github(item: Located) -> str:
    level = _GITHUB_LEVEL.get(item.severity, "notice")
    properties = {
        "file": item.path,
        "line": item.line,
        "col": item.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "title": f"dlglossary {item.finding.code}",
    }
    rendered = ",".join(f"{k}={_escape_property(str(v))}" for k, v in properties.items())
    return f"::{level} {rendered}::{_escape_data(item.finding.message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _sarif(found: Sequence[Located], version: str, root: Path) -> Mapping[str, object]:
    import hashlib  # SARIF's fingerprints only

    rules = [
        {
            "id": code,
            "name": _RULES[code][0],
            "shortDescription": {"text": _RULES[code][1]},
            "fullDescription": {"text": _RULES[code][1]},
            "helpUri": HELP_URI,
            "defaultConfiguration": {"level": "note"},
        }
        for code in CODES
    ]
    results = []
    for item in found:
        fingerprint = hashlib.sha256(
            f"{item.finding.code}:{item.finding.word}:{item.line_text.strip()}".encode()
        ).hexdigest()[:32]
        results.append(
            {
                "ruleId": item.finding.code,
                "ruleIndex": CODES.index(item.finding.code),
                "level": _SARIF_LEVEL.get(item.severity, "note"),
                "message": {"text": item.finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": _uri(item.path, root),
                                "uriBaseId": "%SRCROOT%",
                            },
                            "region": {
                                "startLine": item.line,
                                "startColumn": item.column,
                                "endLine": item.end_line,
                                "endColumn": item.end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"primaryLocationLineHash": fingerprint},
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dlglossary",
                        "version": version,
                        "informationUri": HELP_URI,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _uri(path: str, root: Path) -> str:
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, root.resolve())).as_posix()
