"""Editor settings reach the diagnostics: workspace/configuration, didChangeConfiguration,
the ``diagnostics`` switch, ``maxFileSize`` and invalid values."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import capabilities, start
from .test_diagnostics import diagnostics_of
from .test_hover import hover, open_doc

#: An undefined acronym (FXC, of the project glossary) and unknown jargon (ZQRT).
DOC = "We use FXC daily. ZQRT helps.\n"
INFO = types.DiagnosticSeverity.Information
WARNING = types.DiagnosticSeverity.Warning
ERROR = types.DiagnosticSeverity.Error

Found = list[tuple[Any, Any]]


def codes(diagnostics: list[types.Diagnostic]) -> Found:
    return sorted((d.code, d.severity) for d in diagnostics)


async def diagnostics_until(
    client: LanguageClient, uri: str, wanted: Callable[[Found], bool], timeout: float = 10.0
) -> Found:
    """The document's diagnostics once ``wanted`` holds for them (or at the timeout)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    found = codes(await diagnostics_of(client, uri))
    while not wanted(found) and loop.time() < deadline:
        await asyncio.sleep(0.1)
        found = codes(await diagnostics_of(client, uri))
    return found


async def test_workspace_configuration_applies_from_the_first_report(
    client: LanguageClient, project: Path
) -> None:
    # The reproduction of the bug: the store was still loading when the settings came
    # in, and the project context built without them was cached and served from then on.
    client.set_configuration(
        {"dlglossary": {"severity": {"unknown-jargon": "warning"}, "select": ["unknown-jargon"]}}
    )
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    assert codes(await diagnostics_of(client, uri)) == [("unknown-jargon", WARNING)]


async def test_settings_answered_late_still_apply_to_the_first_report(
    client: LanguageClient, project: Path
) -> None:
    settings = {"severity": {"unknown-jargon": "warning"}, "select": ["unknown-jargon"]}

    async def answer_late(params: types.ConfigurationParams) -> list[Any]:
        await asyncio.sleep(2.0)  # long after the store has loaded
        return [settings for _ in params.items]

    client.protocol.fm.features[types.WORKSPACE_CONFIGURATION] = answer_late
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    result = await hover(client, uri, 0, 8)  # hover does not wait for the settings
    assert result is not None and "flux capacitor" in result.contents.value  # type: ignore[union-attr]
    assert codes(await diagnostics_of(client, uri)) == [("unknown-jargon", WARNING)]


async def test_workspace_configuration_wins_over_initialization_options(
    client: LanguageClient, project: Path
) -> None:
    client.set_configuration({"dlglossary": {"severity": {"undefined-acronym": "error"}}})
    options = {"severity": {"undefined-acronym": "hint"}, "select": ["undefined-acronym"]}
    await start(client, project, capabilities(client.profile), options)  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    assert codes(await diagnostics_of(client, uri)) == [("undefined-acronym", ERROR)]


async def test_a_null_section_means_the_defaults(client: LanguageClient, project: Path) -> None:
    client.set_configuration({"other": {"select": ["unknown-jargon"]}})
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    assert codes(await diagnostics_of(client, uri)) == [
        ("undefined-acronym", INFO),
        ("unknown-jargon", INFO),
    ]
    assert not client.messages


async def test_did_change_configuration_with_the_settings_in_the_notification(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    assert codes(await diagnostics_of(client, uri)) == [
        ("undefined-acronym", INFO),
        ("unknown-jargon", INFO),
    ]
    # The client's workspace/configuration answer stays empty: only the notification
    # carries the new values.
    settings = {"severity": {"unknown-jargon": "warning"}, "select": ["unknown-jargon"]}
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"dlglossary": settings})
    )
    wanted = [("unknown-jargon", WARNING)]
    assert await diagnostics_until(client, uri, lambda found: found == wanted) == wanted


async def test_did_change_configuration_without_settings_asks_again(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    assert len(await diagnostics_of(client, uri)) == 2
    client.set_configuration({"dlglossary": {"severity": {"undefined-acronym": "error"}}})
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    wanted = [("undefined-acronym", ERROR), ("unknown-jargon", INFO)]
    assert await diagnostics_until(client, uri, lambda found: found == wanted) == wanted
    # And back: the section removed means the defaults again.
    client.set_configuration({})
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    wanted = [("undefined-acronym", INFO), ("unknown-jargon", INFO)]
    assert await diagnostics_until(client, uri, lambda found: found == wanted) == wanted


async def test_pull_clients_are_asked_to_refresh_after_a_change(
    raw_client: LanguageClient, project: Path
) -> None:
    caps = capabilities("visual-studio-code")
    assert caps.text_document is not None and caps.workspace is not None
    caps.text_document.diagnostic = types.DiagnosticClientCapabilities()
    caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
    await start(raw_client, project, caps)
    uri = open_doc(raw_client, project / "a.md", DOC, "markdown")
    first = await raw_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert isinstance(first, types.RelatedFullDocumentDiagnosticReport)
    refreshes = raw_client.diagnostic_refresh_count
    settings = {"severity": {"undefined-acronym": "hint"}}
    raw_client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"dlglossary": settings})
    )
    for _ in range(100):
        if raw_client.diagnostic_refresh_count > refreshes:
            break
        await asyncio.sleep(0.05)
    assert raw_client.diagnostic_refresh_count > refreshes
    # The previous result id is stale: the client gets the full, changed report.
    again = await raw_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            previous_result_id=first.result_id,
        )
    )
    assert isinstance(again, types.RelatedFullDocumentDiagnosticReport)
    assert ("undefined-acronym", types.DiagnosticSeverity.Hint) in codes(list(again.items))


async def test_diagnostics_false_turns_them_off_and_back_on(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile), {"diagnostics": False})  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    assert await diagnostics_of(client, uri) == []
    assert await hover(client, uri, 0, 8) is not None  # hover is not a diagnostic
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"dlglossary": {"diagnostics": True}})
    )
    found = await diagnostics_until(client, uri, lambda found: len(found) == 2)
    assert [code for code, _ in found] == ["undefined-acronym", "unknown-jargon"]
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"dlglossary": {"diagnostics": False}})
    )
    assert await diagnostics_until(client, uri, lambda found: not found) == []


async def test_documents_over_max_file_size_get_no_diagnostics_but_hover(
    client: LanguageClient, project: Path
) -> None:
    await start(client, project, capabilities(client.profile), {"maxFileSize": 200})  # type: ignore[attr-defined]
    small = open_doc(client, project / "small.md", DOC, "markdown")
    big_text = DOC + "We use stochastic gradient descent.\n" * 10  # 390 bytes
    big = open_doc(client, project / "big.md", big_text, "markdown")
    assert len(await diagnostics_of(client, small)) == 2
    assert await diagnostics_of(client, big) == []
    result = await hover(client, big, 1, 20)
    assert result is not None and "SGD" in result.contents.value  # type: ignore[union-attr]
    for _ in range(50):
        if any("maxFileSize" in m.message for m in client.log_messages):
            break
        await asyncio.sleep(0.05)
    skipped = [m.message for m in client.log_messages if "maxFileSize" in m.message]
    assert skipped == [f"no diagnostics for {big}: larger than maxFileSize (200 bytes)"]


async def test_invalid_setting_is_shown_and_the_default_used(
    client: LanguageClient, project: Path
) -> None:
    client.set_configuration(
        {"dlglossary": {"severity": {"unknown-jargon": "loud", "undefined-acronym": "error"}}}
    )
    await start(client, project, capabilities(client.profile))  # type: ignore[attr-defined]
    uri = open_doc(client, project / "a.md", DOC, "markdown")
    assert codes(await diagnostics_of(client, uri)) == [
        ("undefined-acronym", ERROR),
        ("unknown-jargon", INFO),
    ]
    for _ in range(50):
        if client.messages:
            break
        await asyncio.sleep(0.05)
    shown = [m for m in client.messages if "'loud'" in m.message]
    assert len(shown) == 1, client.messages
    assert shown[0].type == types.MessageType.Warning
    assert "unknown-jargon" in shown[0].message and "workspace/configuration" in shown[0].message
