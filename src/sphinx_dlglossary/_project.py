"""The project as the extension sees it: settings, shared configuration and term store.

Built once per build on ``config-inited`` and looked up from the Sphinx configuration
object, so that transforms, handlers and parallel readers (forked processes) all use
the same store.
"""

from __future__ import annotations

import hashlib
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dlglossary import Config, Store, load_config, load_store
from dlglossary.store import builtin_files

from ._settings import Settings, read_settings

if TYPE_CHECKING:
    from sphinx.config import Config as SphinxConfig

__all__ = ["Project", "load_project", "project_of"]

#: Severities that become Sphinx warnings; the others are not shown.
WARNING_SEVERITIES = frozenset({"error", "warning"})


@dataclass(frozen=True)
class Project:
    """Everything the extension needs to know about the project being built."""

    settings: Settings
    config: Config
    store: Store
    #: Changes whenever a term file, the configuration file or a setting changes.
    fingerprint: str
    #: Messages about bad settings and glossary files, for the build log.
    problems: tuple[str, ...]

    @property
    def warned_codes(self) -> frozenset[str]:
        """The finding codes that are selected and severe enough to be Sphinx warnings."""
        return frozenset(
            code for code in self.config.select
            if self.config.severity.get(code, "information") in WARNING_SEVERITIES
        )


_projects: weakref.WeakKeyDictionary[SphinxConfig, Project] = weakref.WeakKeyDictionary()


def load_project(config: SphinxConfig, confdir: Path) -> Project:
    """Read the settings of ``config``, the shared configuration file and the store."""
    settings, problems = read_settings(config)
    if settings.config_file is not None:
        core, file_problems = load_config(path=(confdir / settings.config_file))
    else:
        core, file_problems = load_config(start=confdir)
    problems.extend(str(p) for p in file_problems)
    core, merge_problems = core.merged(settings.overrides(), "conf.py", base_dir=confdir)
    problems.extend(str(p) for p in merge_problems)
    loaded = load_store(core.glossaries, core.disabled_terms)
    own = {str(p) for p in core.glossaries}
    # The built-in store is the package's business, not the project's.
    problems.extend(str(p) for p in loaded.problems if p.path in own)
    project = Project(
        settings, core, loaded.store, _fingerprint(settings, core), tuple(problems)
    )
    _projects[config] = project
    return project


def project_of(config: SphinxConfig) -> Project:
    """The project loaded for ``config`` (loading it now if nothing has yet)."""
    project = _projects.get(config)
    if project is None:
        project = load_project(config, Path.cwd())
    return project


def _fingerprint(settings: Settings, core: Config) -> str:
    digest = hashlib.sha256(repr(settings).encode())
    digest.update(repr(sorted(core.disabled_terms)).encode())
    files = [*builtin_files(), *core.glossaries]
    if core.source is not None:
        files.append(core.source)
    for path in files:
        digest.update(str(path).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()
