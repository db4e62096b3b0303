"""The ``dlglossary_*`` configuration values: one typed definition, validated once.

Every value is a field of :class:`Settings`; :func:`register` turns the fields into Sphinx
configuration values and :func:`read_settings` reads them back on ``config-inited``. A
value of the wrong type or out of range is reported as a ``dlglossary.config`` warning and
its default is used. Values left at ``None`` come from the project's ``dlglossary.toml``
(or ``[tool.dlglossary]`` in ``pyproject.toml``), found from the folder of ``conf.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

from dlglossary import CODES

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config as SphinxConfig

__all__ = ["PREFIX", "PageTerms", "Settings", "Tooltips", "read_settings", "register"]

PREFIX = "dlglossary_"
LinkMode = Literal["first", "section", "all", "off"]
PageTerms = Literal["used", "all"]
Tooltips = Literal["title", "css", "off"]
Severity = Literal["error", "warning", "information", "hint"]


def _one_of(*choices: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(map(repr, choices))}"

    return check


def _strings(value: Any) -> str | None:
    if isinstance(value, list | tuple | set | frozenset) and all(isinstance(v, str) for v in value):
        return None
    return "must be a list of strings"


def _codes(value: Any) -> str | None:
    if _strings(value) is None and set(value) <= set(CODES):
        return None
    return f"must be a list of finding codes out of {', '.join(CODES)}"


def _severity(value: Any) -> str | None:
    levels = get_args(Severity)
    if isinstance(value, Mapping) and all(k in CODES and v in levels for k, v in value.items()):
        return None
    return f"must map finding codes ({', '.join(CODES)}) to one of {', '.join(levels)}"


def _page(value: Any) -> str | None:
    if isinstance(value, str) and not value.startswith("/") and ".." not in value.split("/"):
        return None
    return "must be a document name such as 'glossary-terms' (or '' for no generated page)"


def _title(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def _optional_path(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "must be a file path or None"


def _meta(check: Callable[[Any], str | None], doc: str) -> dict[str, Any]:
    return {"check": check, "doc": doc}


@dataclass(frozen=True)
class Settings:
    """The extension's settings; ``conf.py`` names them ``dlglossary_<field>``.

    Values that default to ``None`` are shared with the other front ends and come from
    the project configuration file unless ``conf.py`` sets them.
    """

    link_mode: LinkMode | None = field(default=None, metadata=_meta(
        _one_of(*get_args(LinkMode)),
        "Which occurrences become links: first (per document), section, all or off.",
    ))
    glossaries: tuple[str, ...] | None = field(default=None, metadata=_meta(
        _strings, "Project glossary files (TOML), relative to the folder of conf.py.",
    ))
    disabled_terms: tuple[str, ...] | None = field(default=None, metadata=_meta(
        _strings, "Ids of built-in terms that are neither linked nor listed.",
    ))
    ignored_words: tuple[str, ...] | None = field(default=None, metadata=_meta(
        _strings, "Words never reported as undefined jargon.",
    ))
    select: tuple[str, ...] | None = field(default=None, metadata=_meta(
        _codes, "Finding codes the checker reports.",
    ))
    severity: Mapping[str, Severity] | None = field(default=None, metadata=_meta(
        _severity,
        "Severity per finding code; only 'error' and 'warning' become Sphinx warnings.",
    ))
    page: str = field(default="glossary-terms", metadata=_meta(
        _page, "Name of the generated glossary page (HTML builders); '' for none.",
    ))
    page_title: str = field(default="Glossary", metadata=_meta(
        _title, "Title of the generated glossary page.",
    ))
    page_terms: PageTerms = field(default="used", metadata=_meta(
        _one_of(*get_args(PageTerms)),
        "Entries of the generated page: the terms the project uses, or all.",
    ))
    tooltips: Tooltips = field(default="title", metadata=_meta(
        _one_of(*get_args(Tooltips)),
        "HTML tooltips of links: the summary as the link title, a CSS tooltip, or off.",
    ))
    config_file: str | None = field(default=None, metadata=_meta(
        _optional_path,
        "The dlglossary.toml or pyproject.toml to read; found from conf.py's folder if None.",
    ))

    def overrides(self) -> dict[str, Any]:
        """The shared settings that ``conf.py`` sets, in the core configuration's keys."""
        shared = ("link_mode", "glossaries", "disabled_terms", "ignored_words", "select",
                  "severity")
        values = {name: getattr(self, name) for name in shared}
        return {
            name: dict(value) if isinstance(value, Mapping) else
            list(value) if isinstance(value, tuple) else value
            for name, value in values.items() if value is not None
        }


def register(app: Sphinx) -> None:
    """Declare every field of :class:`Settings` as a ``dlglossary_*`` config value."""
    for spec in dataclasses.fields(Settings):
        app.add_config_value(
            PREFIX + spec.name, spec.default, "env", description=spec.metadata["doc"]
        )


def read_settings(config: SphinxConfig) -> tuple[Settings, list[str]]:
    """The validated settings of ``config``, and a message for each value rejected."""
    values: dict[str, Any] = {}
    problems: list[str] = []
    for spec in dataclasses.fields(Settings):
        value = getattr(config, PREFIX + spec.name, spec.default)
        if value is None or value == spec.default:
            continue
        problem = spec.metadata["check"](value)
        if problem is not None:
            problems.append(f"{PREFIX}{spec.name} {problem}; using the default {spec.default!r}")
            continue
        if isinstance(value, list | set | frozenset):
            value = tuple(value)
        values[spec.name] = value
    return Settings(**values), problems
