extensions = ["myst_parser", "sphinx_dlglossary"]
dlglossary_glossaries = ["terms.toml"]
