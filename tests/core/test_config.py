"""Project configuration: found upward, validated, bad values reported with their line."""

from __future__ import annotations

from pathlib import Path

from dlglossary.config import Config, find_config_file, load_config


def test_defaults_without_a_file(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path)
    assert problems == [] and config == Config()


def test_found_from_a_file_upward(tmp_path: Path) -> None:
    (tmp_path / "dlglossary.toml").write_text('link_mode = "all"\n', encoding="utf-8")
    doc = tmp_path / "docs" / "guide" / "a.md"
    doc.parent.mkdir(parents=True)
    doc.write_text("x", encoding="utf-8")
    assert find_config_file(doc) == (tmp_path / "dlglossary.toml").resolve()
    config, _ = load_config(doc)
    assert config.link_mode == "all"


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.dlglossary]\nignored_words = ["FOO"]\n'
        'glossaries = ["terms.toml"]\n\n[tool.dlglossary.severity]\nunknown-jargon = "warning"\n',
        encoding="utf-8",
    )
    config, problems = load_config(tmp_path)
    assert problems == []
    assert config.ignored_words == {"FOO"}
    assert config.glossaries == ((tmp_path / "terms.toml").resolve(),)
    assert config.severity["unknown-jargon"] == "warning"
    assert config.severity["undefined-acronym"] == "information"


def test_pyproject_without_table_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config_file(tmp_path) is None


def test_bad_values_are_reported_and_defaulted(tmp_path: Path) -> None:
    path = tmp_path / "dlglossary.toml"
    path.write_text(
        'link_mode = "sometimes"\nselect = ["nope"]\nmax_file_size = -1\ncolour = 1\n'
        'ignored_words = ["OK"]\n',
        encoding="utf-8",
    )
    config, problems = load_config(tmp_path)
    assert config.link_mode == "first" and config.max_file_size == Config().max_file_size
    assert config.ignored_words == {"OK"}
    text = [str(p) for p in problems]
    assert text[0].startswith(f"{path}:1: link_mode: 'sometimes' is not one of")
    assert text[1].startswith(f"{path}:2: select:")
    assert text[2].startswith(f"{path}:3: max_file_size:")
    assert text[3] == f"{path}:4: colour: unknown setting; using the default"


def test_broken_toml_gives_defaults(tmp_path: Path) -> None:
    (tmp_path / "dlglossary.toml").write_text("link_mode = \n", encoding="utf-8")
    config, [problem] = load_config(tmp_path)
    assert config == Config() and problem.line == 1 and "invalid TOML" in problem.message


def test_overrides_accept_camel_case(tmp_path: Path) -> None:
    config, problems = Config().merged(
        {"ignoredWords": ["X"], "severity": {"unknown-jargon": "bogus"}}, "editor"
    )
    assert config.ignored_words == {"X"}
    assert [p.field for p in problems] == ["severity"]


def test_overridden_severity_keeps_the_codes_it_does_not_name(tmp_path: Path) -> None:
    (tmp_path / "dlglossary.toml").write_text(
        '[severity]\nunknown-jargon = "warning"\n', encoding="utf-8"
    )
    project, _ = load_config(tmp_path)
    assert project.severity == {"undefined-acronym": "information", "unknown-jargon": "warning"}
    editor, problems = project.merged({"severity": {"undefined-acronym": "error"}}, "editor")
    assert not problems
    assert editor.severity == {"undefined-acronym": "error", "unknown-jargon": "warning"}
