"""dlglossary: a curated store of deep-learning terms and the engine that finds them.

The core is pure Python. Front ends (the language server ``dlglossary_lsp``, the Sphinx
extension ``sphinx_dlglossary`` and the ``dlglossary`` command) ask it the same
questions, so they always agree:

>>> from dlglossary import builtin_store, find_terms
>>> store = builtin_store()
>>> text = "Train the neural network with dropout and stochastic gradient descent."
>>> [m.term_id for m in find_terms(text, "plaintext", store)]
['neural-network', 'dropout', 'stochastic-gradient-descent']
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checker import CODES, Finding, Fix, check_text
    from .config import Config, find_config_file, load_config
    from .documents import Segment, language_for_path, segment
    from .find import find_terms
    from .matcher import Match, Matcher
    from .model import Problem, Reference, Term
    from .store import LoadResult, Store, builtin_store, load_store

# Public names and their modules. They are imported on first use, so that a process that
# only needs the store does not pay for compiling every other module's patterns.
_EXPORTS = {
    "CODES": "checker", "Finding": "checker", "Fix": "checker", "check_text": "checker",
    "Config": "config", "find_config_file": "config", "load_config": "config",
    "Segment": "documents", "language_for_path": "documents", "segment": "documents",
    "find_terms": "find", "Match": "matcher", "Matcher": "matcher",
    "Problem": "model", "Reference": "model", "Term": "model",
    "LoadResult": "store", "Store": "store", "builtin_store": "store", "load_store": "store",
}

__all__ = [
    "CODES", "Config", "Finding", "Fix", "LoadResult", "Match", "Matcher", "Problem",
    "Reference", "Segment", "Store", "Term", "__version__", "builtin_store", "check_text",
    "find_config_file", "find_terms", "language_for_path", "load_config", "load_store",
    "segment",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        return getattr(import_module(f".{module}", __name__), name)
    # Reading package metadata costs tens of milliseconds: only when asked.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dlglossary")
        except PackageNotFoundError:  # pragma: no cover - a bare checkout
            return "0.0.0"
    raise AttributeError(name)
