"""Undefined-jargon warnings from the shared checker."""

from __future__ import annotations

import pytest

SEVERE = {"dlglossary_severity": {"undefined-acronym": "warning", "unknown-jargon": "warning"}}


@pytest.mark.sphinx("html", testroot="warnings")
def test_no_warnings_by_default(app):
    app.build()
    assert "dlglossary" not in app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="warnings", confoverrides=SEVERE)
def test_findings_warn_with_file_line_type_and_subtype(app):
    app.build()
    warnings = app.warning.getvalue()
    source = app.srcdir / "index.rst"
    assert f"{source}:4: WARNING: 'QKN' is used before it is spelled out" in warnings
    assert "[dlglossary.undefined-acronym]" in warnings
    assert f"{source}:6: WARNING: 'ZQRX' looks like jargon" in warnings
    assert "[dlglossary.unknown-jargon]" in warnings
    assert "YVWQ" not in warnings


@pytest.mark.sphinx(
    "html", testroot="warnings", srcdir="warnings-without-links",
    confoverrides={**SEVERE, "dlglossary_link_mode": "off"},
)
def test_findings_do_not_depend_on_linking(app):
    app.build()
    warnings = app.warning.getvalue()
    source = app.srcdir / "index.rst"
    assert f"{source}:4: WARNING: 'QKN' is used before it is spelled out" in warnings
    assert f"{source}:6: WARNING: 'ZQRX' looks like jargon" in warnings
    assert warnings.count("WARNING") == 2


@pytest.mark.sphinx(
    "html", testroot="warnings",
    confoverrides={**SEVERE, "suppress_warnings": ["dlglossary.unknown-jargon"]},
)
def test_suppress_warnings_silences_one_code(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "ZQRX" not in warnings
    assert "QKN" in warnings


@pytest.mark.sphinx(
    "html", testroot="warnings",
    confoverrides={**SEVERE, "dlglossary_ignored_words": ["ZQRX"],
                   "dlglossary_select": ["unknown-jargon"]},
)
def test_ignored_words_and_selection(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "ZQRX" not in warnings
    assert "QKN" not in warnings


@pytest.mark.sphinx("html", testroot="warnings", confoverrides=SEVERE, warningiserror=True)
def test_warnings_fail_a_strict_build(app):
    app.build()
    assert app.statuscode == 1


@pytest.mark.sphinx(
    "html", testroot="warnings",
    confoverrides={"dlglossary_link_mode": "sometimes", "dlglossary_page_terms": 3},
)
def test_bad_settings_warn_and_fall_back(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "dlglossary_link_mode must be one of" in warnings
    assert "dlglossary_page_terms must be one of" in warnings
    assert "[dlglossary.config]" in warnings
    assert "glossary-terms.html#dlglossary-quokka-network" in (
        app.outdir / "index.html"
    ).read_text(encoding="utf-8")
