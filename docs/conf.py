"""Sphinx configuration of dlglossary's own documentation (built with the extension)."""

from dlglossary import __version__

project = "dlglossary"
author = "dlglossary developers"
copyright = "dlglossary developers"
version = release = __version__

extensions = ["sphinx_dlglossary"]
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_title = f"dlglossary {version}"
# The glossary page lists every term; links from the other pages go there.
dlglossary_tooltips = "css"
