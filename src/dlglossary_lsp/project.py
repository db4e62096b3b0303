"""The configuration and term store that apply to a document, cached and reloaded live.

A document's project is found from its folder upward (``dlglossary.toml`` or
``[tool.dlglossary]`` in ``pyproject.toml``); editor settings are layered over it (see
:mod:`dlglossary_lsp.settings`). Configuration files are re-read when their modification
time changes, and :func:`dlglossary.load_store` re-reads glossaries whose files changed,
so edits apply without a restart even when the client does not report file changes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dlglossary import Config, LoadResult, Problem, Store, find_config_file, load_config, load_store
from dlglossary.store import builtin_data_dir

from .settings import EditorSettings, apply_layers

__all__ = ["Context", "Projects"]


@dataclass(frozen=True)
class Context:
    """Everything a feature needs to know about the project of one document."""

    config: Config
    store: Store
    diagnostics: bool
    #: Problems in settings and configuration files (shown to the user).
    setting_problems: tuple[Problem, ...]
    #: Problems in project glossaries (shown to the user).
    glossary_problems: tuple[Problem, ...]
    #: Problems in the built-in store (logged only).
    builtin_problems: tuple[Problem, ...]


class Projects:
    """Resolve :class:`Context` values for document paths, with caching."""

    def __init__(self) -> None:
        self.layers: tuple[EditorSettings, ...] = ()
        self.workspace_root: Path | None = None
        self._config_files: dict[Path, Path | None] = {}
        self._configs: dict[tuple[Path | None, int], tuple[Config, list[Problem]]] = {}
        self._stores: dict[tuple[int, frozenset[str]], tuple[Store, Store]] = {}
        self._contexts: dict[tuple[Path | None, int], tuple[LoadResult, object, Context]] = {}
        #: Bumped whenever settings or files change. Contexts are built on the worker thread
        #: while the event loop may change settings: a lookup that started before a change
        #: must not store what it found, or the stale result would be served afterwards.
        self._epoch = 0

    def set_layer(self, layer: EditorSettings) -> None:
        """Add or replace the settings layer of ``layer.origin`` (later origins win)."""
        order = {"initializationOptions": 0, "workspace/configuration": 1}
        kept = [old for old in self.layers if old.origin != layer.origin]
        self.layers = tuple(sorted([*kept, layer], key=lambda s: order.get(s.origin, 2)))
        self._epoch += 1
        self._contexts.clear()

    def forget_files(self) -> None:
        """Drop cached lookups after files were created, changed or deleted."""
        self._epoch += 1
        self._config_files.clear()
        self._configs.clear()
        self._contexts.clear()

    def config_file(self, folder: Path) -> Path | None:
        """The configuration file governing ``folder`` (cached)."""
        epoch = self._epoch
        try:
            return self._config_files[folder]
        except KeyError:
            pass
        try:
            found = find_config_file(folder)
        except OSError:
            found = None
        if epoch == self._epoch:
            self._config_files[folder] = found
        return found

    def context(self, path: Path | None) -> Context:
        """The context of a document at ``path`` (None: an unsaved document)."""
        # One snapshot of the settings for the whole lookup: loading the store can take
        # seconds on the worker thread while workspace/configuration replaces a layer.
        epoch, layers = self._epoch, self.layers
        folder = path.parent if path is not None else self.workspace_root
        config_path = self.config_file(folder) if folder is not None else None
        mtime = _mtime(config_path)
        config, problems = self._config(config_path, mtime, epoch)
        base_dir = config.root or self.workspace_root
        config, diagnostics, layer_problems = apply_layers(config, layers, base_dir)
        result = load_store(config.glossaries)
        key = (config_path, mtime)
        cached = self._contexts.get(key)
        if cached is not None and cached[0] is result and cached[1] is layers:
            return cached[2]
        context = Context(
            config,
            self._store(result, config.disabled_terms),
            diagnostics,
            tuple(problems + layer_problems),
            *_split_problems(result),
        )
        if epoch == self._epoch:
            self._contexts[key] = (result, layers, context)
        return context

    def _config(self, path: Path | None, mtime: int, epoch: int) -> tuple[Config, list[Problem]]:
        key = (path, mtime)
        found = self._configs.get(key)
        if found is None:
            found = load_config(path=path) if path is not None else (Config(), [])
            if epoch == self._epoch:
                self._configs[key] = found
        return found

    def _store(self, result: LoadResult, disabled: frozenset[str]) -> Store:
        key = (id(result.store), disabled)
        cached = self._stores.get(key)
        if cached is not None and cached[0] is result.store:
            return cached[1]
        if len(self._stores) > 16:
            self._stores.clear()
        store = result.store.without(disabled)
        self._stores[key] = (result.store, store)
        return store


def _mtime(path: Path | None) -> int:
    if path is None:
        return 0
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def _split_problems(result: LoadResult) -> tuple[tuple[Problem, ...], tuple[Problem, ...]]:
    builtin = str(builtin_data_dir())
    project = tuple(p for p in result.problems if not p.path.startswith(builtin))
    own = tuple(p for p in result.problems if p.path.startswith(builtin))
    return project, own
