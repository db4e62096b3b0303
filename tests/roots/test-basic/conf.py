extensions = ["sphinx_dlglossary"]
dlglossary_glossaries = ["terms.toml"]
