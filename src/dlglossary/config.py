"""Project configuration: ``dlglossary.toml`` or ``[tool.dlglossary]`` in ``pyproject.toml``.

The file is found from a document upward. Keys (all optional)::

    glossaries = ["docs/terms.toml"]      # project glossaries, relative to the file
    disabled_terms = ["kernel"]           # ids of built-in terms to turn off
    ignored_words = ["FOO", "BarNet"]     # words never reported as jargon
    link_mode = "first"                   # Sphinx links: first | section | all | off
    select = ["undefined-acronym", "unknown-jargon"]  # finding codes reported
    exclude = ["build/**", "*.generated.md"]           # globs `check` skips
    check_code_comments = false           # also check comments in code
    max_file_size = 2000000               # bytes; larger files are skipped by checks

    [severity]                            # per code: error | warning | information | hint
    unknown-jargon = "warning"

Editor settings and Sphinx ``dlglossary_*`` values override the file through
:meth:`Config.merged`. A bad value is reported as a :class:`~dlglossary.model.Problem`
with its file and line, and the default is used; nothing raises.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from .checker import CODES
from .model import Problem

__all__ = ["CONFIG_FILE", "Config", "LinkMode", "Severity", "find_config_file", "load_config"]

CONFIG_FILE = "dlglossary.toml"
LinkMode = Literal["first", "section", "all", "off"]
Severity = Literal["error", "warning", "information", "hint"]
_SEVERITY_ALIASES = {"info": "information", "warn": "warning", "err": "error"}


@dataclass(frozen=True)
class Config:
    """Settings of one project, with their defaults."""

    glossaries: tuple[Path, ...] = ()
    disabled_terms: frozenset[str] = frozenset()
    ignored_words: frozenset[str] = frozenset()
    link_mode: LinkMode = "first"
    select: frozenset[str] = frozenset(CODES)
    severity: Mapping[str, Severity] = field(
        default_factory=lambda: dict.fromkeys(CODES, "information")
    )
    exclude: tuple[str, ...] = ()
    check_code_comments: bool = False
    max_file_size: int = 2_000_000
    #: The file the settings came from, if any.
    source: Path | None = None

    @property
    def root(self) -> Path | None:
        """The project folder: the one holding the configuration file."""
        return self.source.parent if self.source else None

    def merged(
        self, overrides: Mapping[str, Any], origin: str = "settings", base_dir: Path | None = None
    ) -> tuple[Config, list[Problem]]:
        """The configuration with ``overrides`` (same keys; camelCase accepted) applied."""
        values, problems = _parse(overrides, origin, "", base_dir or self.root or Path.cwd())
        if "severity" in values:
            # Codes the overrides leave out keep their severity from the project file.
            values["severity"] = {**self.severity, **values["severity"]}
        return dataclasses.replace(self, **values), problems


def find_config_file(start: Path) -> Path | None:
    """The nearest ``dlglossary.toml``, or ``pyproject.toml`` with ``[tool.dlglossary]``."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        try:
            if pyproject.is_file() and re.search(
                r"^\[tool\.dlglossary[.\]]", pyproject.read_text(encoding="utf-8"), re.MULTILINE
            ):
                return pyproject
        except (OSError, UnicodeDecodeError):
            continue
    return None


def load_config(
    start: Path | None = None, path: Path | None = None
) -> tuple[Config, list[Problem]]:
    """The configuration for documents under ``start`` (or in the file ``path``)."""
    if path is None:
        path = find_config_file(start or Path.cwd())
    if path is None:
        return Config(), []
    try:
        text = path.read_text(encoding="utf-8")
        import tomllib  # only when there is a configuration file

        document = tomllib.loads(text)
    except (OSError, UnicodeDecodeError) as error:
        return Config(), [Problem(str(path), 0, f"cannot read configuration: {error}")]
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"line (\d+)", str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        return Config(), [
            Problem(str(path), int(match.group(1)) if match else 0, f"invalid TOML: {message}")
        ]
    table: Any = document
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("dlglossary", {})
    if not isinstance(table, dict):
        return Config(source=path), [Problem(str(path), 0, "[tool.dlglossary] must be a table")]
    values, problems = _parse(table, str(path), text, path.parent)
    if "severity" in values:
        values["severity"] = {**Config().severity, **values["severity"]}
    return dataclasses.replace(Config(source=path), **values), problems


def _camel_to_snake(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower().replace("-", "_")


def _parse(
    table: Mapping[str, Any], origin: str, text: str, base_dir: Path
) -> tuple[dict[str, Any], list[Problem]]:
    values: dict[str, Any] = {}
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(origin, _line_of(text, key), f"{message}; using the default", key))

    for raw_key, value in table.items():
        key = _camel_to_snake(raw_key)
        if key == "glossaries":
            if _is_strings(value):
                values[key] = tuple((base_dir / v).resolve() for v in value)
            else:
                bad(raw_key, "must be a list of file paths")
        elif key in ("disabled_terms", "ignored_words"):
            if _is_strings(value):
                values[key] = frozenset(value)
            else:
                bad(raw_key, "must be a list of strings")
        elif key == "link_mode":
            if value in get_args(LinkMode):
                values[key] = value
            else:
                bad(raw_key, f"{value!r} is not one of {', '.join(get_args(LinkMode))}")
        elif key == "select":
            if _is_strings(value) and set(value) <= set(CODES):
                values[key] = frozenset(value)
            else:
                bad(raw_key, f"must list finding codes out of {', '.join(CODES)}")
        elif key == "severity":
            severity = _parse_severity(value, bad, raw_key)
            if severity is not None:
                values[key] = severity
        elif key == "exclude":
            if _is_strings(value):
                values[key] = tuple(value)
            else:
                bad(raw_key, "must be a list of glob patterns")
        elif key == "check_code_comments":
            if isinstance(value, bool):
                values[key] = value
            else:
                bad(raw_key, "must be true or false")
        elif key == "max_file_size":
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                values[key] = value
            else:
                bad(raw_key, "must be a positive number of bytes")
        else:
            bad(raw_key, "unknown setting")
    return values, problems


def _parse_severity(value: Any, bad: Any, key: str) -> dict[str, Severity] | None:
    if not isinstance(value, dict):
        bad(key, "must be a table of finding code = severity")
        return None
    severity: dict[str, Severity] = {}  # only the codes given; the rest keep their level
    for code, raw_level in value.items():
        level = _SEVERITY_ALIASES.get(str(raw_level).lower(), str(raw_level).lower())
        if code not in CODES:
            bad(key, f"{code!r} is not a finding code ({', '.join(CODES)})")
        elif level == "error":
            severity[code] = "error"
        elif level == "warning":
            severity[code] = "warning"
        elif level == "information":
            severity[code] = "information"
        elif level == "hint":
            severity[code] = "hint"
        else:
            bad(key, f"{raw_level!r} for {code} is not one of {', '.join(get_args(Severity))}")
    return severity


def _is_strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line) or line.strip() == f"[{key}]":
            return number
    return 0

