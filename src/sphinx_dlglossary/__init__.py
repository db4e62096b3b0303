"""Sphinx extension: deep-learning jargon linked to a glossary, with tooltips and checks.

Add ``"sphinx_dlglossary"`` to ``extensions`` in ``conf.py``; nothing else is needed.

* Term occurrences in prose become ordinary ``std:term`` cross-references (the first
  occurrence per document by default), never inside code, literals, math, titles,
  existing references, glossary terms, index entries, raw output, comments, targets,
  API signatures or a term's own definition.
* The built-in terms work with ``:term:``; a term the project defines in its own
  ``.. glossary::`` wins.
* ``.. dlglossary::`` renders the glossary; without it, HTML builds link to a generated
  page (``dlglossary_page``).
* Links carry the summary as their title (``dlglossary_tooltips = "css"`` for a richer
  tooltip that keyboard users reach too); acronyms become abbreviations.
* The shared checker's findings (``undefined-acronym``, ``unknown-jargon``) become
  warnings of type ``dlglossary`` when their severity is ``warning`` or ``error``; the
  default severity is ``information``, which does not warn, so adopting the extension
  never breaks a ``-W`` build.

Configuration values (``conf.py``; ``None`` means "from ``dlglossary.toml``")::

    dlglossary_link_mode = None        # first | section | all | off  (file default: first)
    dlglossary_glossaries = None       # project glossary files, relative to conf.py
    dlglossary_disabled_terms = None   # ids of terms neither linked nor listed
    dlglossary_ignored_words = None    # words never reported
    dlglossary_select = None           # finding codes checked
    dlglossary_severity = None         # {"unknown-jargon": "warning", ...}
    dlglossary_page = "glossary-terms" # generated page ("" for none)
    dlglossary_page_title = "Glossary"
    dlglossary_page_terms = "used"     # used | all
    dlglossary_tooltips = "title"      # title | css | off
    dlglossary_config_file = None      # path of dlglossary.toml / pyproject.toml

A page opts out with the metadata field ``:dlglossary: off`` (or sets its own link mode,
``:dlglossary: all``); a passage with ``.. dlglossary-skip::`` or
``:dlglossary-skip:`text```.
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from dlglossary import __version__

from ._diagnostics import WARNING_TYPE
from ._domain import GlossaryDomain, domain_of
from ._entries import GlossaryDirective
from ._linking import AutoLink
from ._nodes import (
    SkipDirective,
    SkipRole,
    dlglossary_placeholder,
    dlglossary_tip,
    skip_node,
    visit_tip_html,
)
from ._page import collect_pages, write_singlehtml_page
from ._project import load_project
from ._resolve import (
    BUILTIN_TERM_PRIORITY,
    ResolveAutoLinks,
    doctree_resolved,
    resolve_builtin_term,
)
from ._settings import register

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config as SphinxConfig
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

__all__ = ["__version__", "setup"]

logger = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"
#: Bump when the data the extension keeps in the environment changes shape.
ENV_VERSION = 2  # 2: auto links hold only their text until resolved


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension with Sphinx."""
    register(app)
    app.add_domain(GlossaryDomain)
    app.add_transform(AutoLink)
    app.add_directive("dlglossary", GlossaryDirective)
    app.add_directive("dlglossary-skip", SkipDirective)
    app.add_role("dlglossary-skip", SkipRole())
    skip = (skip_node, None)
    app.add_node(dlglossary_placeholder, html=skip, latex=skip, text=skip, man=skip,
                 texinfo=skip)
    app.add_node(dlglossary_tip, html=(visit_tip_html, None), latex=skip, text=skip,
                 man=skip, texinfo=skip)
    app.add_css_file("dlglossary.css")
    app.connect("config-inited", config_inited)
    app.connect("env-get-outdated", env_get_outdated)
    app.connect("env-get-updated", env_get_updated)
    app.add_post_transform(ResolveAutoLinks)
    app.connect("missing-reference", resolve_builtin_term, priority=BUILTIN_TERM_PRIORITY)
    app.connect("doctree-resolved", doctree_resolved)
    app.connect("html-collect-pages", collect_pages)
    app.connect("build-finished", write_singlehtml_page)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def config_inited(app: Sphinx, config: SphinxConfig) -> None:
    """Validate the settings, read the shared configuration and load the store."""
    project = load_project(config, Path(app.confdir))
    for problem in project.problems:
        logger.warning(problem, type=WARNING_TYPE, subtype="config")
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """Re-read every document when a term file, the configuration file or a setting changed."""
    from ._project import project_of

    domain = domain_of(env)
    fingerprint = project_of(app.config).fingerprint
    if domain.data["fingerprint"] == fingerprint:
        return []
    stale = domain.data["fingerprint"] != ""
    domain.data["fingerprint"] = fingerprint
    return sorted(env.found_docs - added - changed) if stale else []


def env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Rewrite the pages that list used terms, and all pages when glossaries moved."""
    domain = domain_of(env)
    placements = repr(domain.placements())
    if domain.data.get("layout") not in (None, placements):
        domain.data["layout"] = placements
        return sorted(env.all_docs)
    domain.data["layout"] = placements
    return sorted(domain.data["placements"])
