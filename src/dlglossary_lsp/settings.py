"""Editor settings, split into core overrides and server-only options.

The ``dlglossary`` object of initializationOptions and ``workspace/configuration``.

Precedence, lowest first: the project file (``dlglossary.toml`` or ``[tool.dlglossary]``),
``initializationOptions``, ``workspace/configuration``. Keys are the
:class:`dlglossary.Config` fields in camelCase; ``diagnostics`` (bool) is the server's own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dlglossary.config import Config
from dlglossary.model import Problem

__all__ = ["SERVER_KEYS", "EditorSettings", "apply_layers", "parse_settings"]

#: Keys handled by the server itself, not passed on to :meth:`Config.merged`.
SERVER_KEYS = frozenset({"diagnostics"})


@dataclass(frozen=True)
class EditorSettings:
    """One layer of editor settings (initializationOptions or workspace/configuration).

    Attributes
    ----------
    origin
        Where the layer came from, for messages.
    overrides
        Core settings to apply over the project file.
    diagnostics
        Whether to report diagnostics at all (None: not set in this layer).
    problems
        Bad values met while reading the layer.
    """

    origin: str
    overrides: Mapping[str, Any] = field(default_factory=dict)
    diagnostics: bool | None = None
    problems: tuple[Problem, ...] = ()


def parse_settings(raw: object, origin: str) -> EditorSettings:
    """Read one layer of settings; anything that is not an object is reported and ignored.

    The layer may also be wrapped as ``{"dlglossary": {...}}`` (as some clients send
    ``didChangeConfiguration``).
    """
    if raw is None:
        return EditorSettings(origin)
    if isinstance(raw, Mapping) and isinstance(raw.get("dlglossary"), Mapping):
        raw = raw["dlglossary"]
    if not isinstance(raw, Mapping):
        message = "settings must be an object; using the defaults"
        return EditorSettings(origin, problems=(Problem(origin, 0, message),))
    overrides = {k: v for k, v in raw.items() if k not in SERVER_KEYS and v is not None}
    problems: list[Problem] = []
    diagnostics = raw.get("diagnostics")
    if diagnostics is not None and not isinstance(diagnostics, bool):
        problems.append(
            Problem(origin, 0, "must be true or false; using the default", "diagnostics")
        )
        diagnostics = None
    return EditorSettings(origin, overrides, diagnostics, tuple(problems))


def apply_layers(
    base: Config, layers: tuple[EditorSettings, ...], base_dir: Path | None
) -> tuple[Config, bool, list[Problem]]:
    """``base`` with each layer applied in order: (config, diagnostics enabled, problems)."""
    config = base
    diagnostics = True
    problems: list[Problem] = []
    for layer in layers:
        problems.extend(layer.problems)
        if layer.overrides:
            config, found = config.merged(layer.overrides, layer.origin, base_dir)
            problems.extend(found)
        if layer.diagnostics is not None:
            diagnostics = layer.diagnostics
    return config, diagnostics, problems
