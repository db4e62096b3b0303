# A German translation of an English page: the locales/ catalog is compiled to .mo by
# Sphinx itself during the build (gettext_auto_build, on by default).
extensions = ["sphinx_dlglossary"]
language = "de"
locale_dirs = ["locales"]
gettext_compact = False
