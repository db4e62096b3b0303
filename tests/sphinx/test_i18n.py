"""Translated documents: links are made on the translation, catalogs stay clean."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po

from dlglossary import builtin_store

from .helpers import auto_links, body, links

ENGLISH = "The model uses dropout and batch normalization."
GERMAN = "Das Modell nutzt Dropout und Batch Normalization."
SEVERE = {"dlglossary_severity": {"undefined-acronym": "warning"}}


@pytest.mark.sphinx("html", testroot="i18n")
def test_links_are_made_on_the_translated_text(app):
    app.build()
    # Sphinx compiles the committed catalog itself (gettext_auto_build).
    assert (app.srcdir / "locales" / "de" / "LC_MESSAGES" / "index.mo").is_file()
    doctree = app.env.get_doctree("index")
    assert GERMAN in doctree.astext()
    assert ENGLISH not in doctree.astext()
    assert auto_links(doctree) == [
        ("dropout", "Dropout"), ("batch-normalization", "Batch Normalization"),
        ("long-short-term-memory", "LSTM"),
    ]
    page = body(app.outdir, "index")
    assert "The model uses" not in page
    assert links(page) == [
        ("glossary.html#dlglossary-dropout", "Dropout"),
        ("glossary.html#dlglossary-batch-normalization", "Batch Normalization"),
        ("glossary.html#dlglossary-long-short-term-memory", "LSTM"),
    ]
    # Sphinx compares the term references of a message with its translation's; links
    # inserted before translation would be reported as inconsistent (or lost).
    assert "WARNING" not in app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="i18n", srcdir="i18n-checked", confoverrides=SEVERE)
def test_the_translated_text_is_checked(app):
    app.build()
    # Only the translation says "LSTM"; the warning points at the source paragraph.
    warnings = app.warning.getvalue()
    assert f"{app.srcdir / 'index.rst'}:6: WARNING: 'LSTM' is used without being spelled" \
        in warnings
    assert "[dlglossary.undefined-acronym]" in warnings


@pytest.mark.sphinx(
    "gettext", testroot="i18n", srcdir="i18n-gettext",
    confoverrides={"dlglossary_link_mode": "all", "dlglossary_tooltips": "css"},
)
def test_message_catalogs_hold_only_the_source_text(app, make_app, sphinx_test_tempdir):
    app.build()
    assert app.statuscode == 0
    assert "WARNING" not in app.warning.getvalue()
    ours = _catalogs(app.outdir)
    for text in ours["text"]:
        for term_id in ("dropout", "batch-normalization"):
            term = builtin_store().get(term_id)
            assert term is not None
            assert term.summary not in text
        assert "dlglossary" not in text
    assert ours["ids"] == {
        "index": {"Training guide", ENGLISH, "A recurrent network reads the sequence."},
        # The entries of a ``dlglossary`` directive come from the store, not the source.
        "glossary": {"Glossary"},
    }
    # The same catalogs as plain Sphinx writes for the same pages.
    plain = sphinx_test_tempdir / "i18n-gettext-plain"
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(app.srcdir, plain, ignore=shutil.ignore_patterns("_build"))
    (plain / "glossary.rst").write_text("Glossary\n========\n", encoding="utf-8")
    other = make_app("gettext", srcdir=plain, confoverrides={"extensions": []})
    other.build()
    assert _catalogs(other.outdir)["messages"] == ours["messages"]


def _catalogs(outdir: Path) -> dict[str, Any]:
    """Text, message ids and (id, locations) of each page's ``.pot`` file."""
    found: dict[str, Any] = {"text": [], "ids": {}, "messages": {}}
    for name in ("index", "glossary"):
        path = outdir / f"{name}.pot"
        found["text"].append(path.read_text(encoding="utf-8"))
        with path.open("rb") as pot:
            messages = [m for m in read_po(pot) if m.id]
        found["ids"][name] = {m.id for m in messages}
        found["messages"][name] = sorted((m.id, sorted(m.locations)) for m in messages)
    return found
