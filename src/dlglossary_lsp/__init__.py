"""dlglossary_lsp: the dlglossary language server (pygls 2), a thin front end of the core.

Run it as ``dlglossary-lsp`` (stdio; ``--tcp --port N`` for debugging) or
``python -m dlglossary_lsp``.

Features: hover on every term occurrence the core's matcher finds (code, comments,
docstrings, Markdown, reStructuredText, LaTeX, plain text, Jupyter notebook cells through
LSP notebook sync); diagnostics ``undefined-acronym`` and ``unknown-jargon`` from the
shared checker (pull where the client supports it, push otherwise, debounced); code
actions (spell an acronym out, ignore a word for the project, add a word to the project
glossary); completion of term names in documents; go to a term's entry in its TOML file.

Settings
--------
One object, section ``dlglossary`` of ``workspace/configuration``, and the same object as
``initializationOptions``. Keys are the :class:`dlglossary.Config` fields in camelCase:

``glossaries`` (list of paths), ``disabledTerms`` (ids), ``ignoredWords`` (words),
``select`` (finding codes), ``severity`` (code -> ``error`` | ``warning`` |
``information`` | ``hint``; default ``information``), ``checkCodeComments`` (bool,
default false), ``maxFileSize`` (bytes; larger documents get no diagnostics, hover still
works; default 2,000,000), plus the server's own ``diagnostics`` (bool, default true).

Precedence, lowest first: the project file (``dlglossary.toml`` or ``[tool.dlglossary]``
in ``pyproject.toml``, found from the document upward), ``initializationOptions``,
``workspace/configuration``. An invalid value is shown to the user and the default used.
Glossary and configuration files are re-read when they change (watched files, saves, or
their modification time), without a restart.
"""

from __future__ import annotations

__all__: list[str] = []
