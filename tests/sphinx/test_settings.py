"""The ``dlglossary_*`` settings: one typed definition, validated, documented."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from sphinx_dlglossary._settings import PREFIX, Settings, read_settings

from ..conftest import REPO


def _config(**values):
    return SimpleNamespace(**{PREFIX + k: v for k, v in values.items()})


def test_defaults_are_valid_and_leave_shared_values_to_the_file():
    settings, problems = read_settings(_config())
    assert problems == []
    assert settings == Settings()
    assert settings.overrides() == {}


def test_valid_values_are_taken_and_passed_on_as_overrides():
    settings, problems = read_settings(_config(
        link_mode="all", disabled_terms=["dropout"], severity={"unknown-jargon": "warning"},
        tooltips="css",
    ))
    assert problems == []
    assert settings.tooltips == "css"
    assert settings.overrides() == {
        "link_mode": "all", "disabled_terms": ["dropout"],
        "severity": {"unknown-jargon": "warning"},
    }


def test_bad_values_are_reported_and_replaced_by_defaults():
    settings, problems = read_settings(_config(
        link_mode="often", select=["no-such-code"], page="../outside", tooltips=True,
        severity={"unknown-jargon": "loud"},
    ))
    assert settings == Settings()
    assert len(problems) == 5
    assert all(p.startswith(PREFIX) and "using the default" in p for p in problems)


def test_every_setting_is_documented():
    reference = (REPO / "docs" / "configuration.rst").read_text(encoding="utf-8")
    for spec in dataclasses.fields(Settings):
        assert f"``{PREFIX}{spec.name}`` (``{spec.default!r}``)".replace("'", '"') in reference


def test_the_project_docs_build_without_warnings(make_app, tmp_path):
    import shutil

    srcdir = tmp_path / "docs"
    shutil.copytree(REPO / "docs", srcdir, ignore=shutil.ignore_patterns("_build"))
    app = make_app("html", srcdir=srcdir)
    app.build()
    assert app.statuscode == 0
    assert "WARNING" not in app.warning.getvalue()
    page = (app.outdir / "glossary.html").read_text(encoding="utf-8")
    assert 'id="dlglossary-dropout"' in page
