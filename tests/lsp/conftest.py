"""Fixtures: the real server over stdio, driven by pytest-lsp with real client profiles."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = [sys.executable, "-m", "dlglossary_lsp"]

GLOSSARY = """[[term]]
id = "flux-capacitor"
term = "flux capacitor"
acronyms = ["FXC"]
category = "project"
summary = "The part that makes time travel possible."
definition = "A *flux capacitor* stores `temporal` charge."
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with its own glossary and configuration file."""
    (tmp_path / "terms.toml").write_text(GLOSSARY, encoding="utf-8")
    (tmp_path / "dlglossary.toml").write_text('glossaries = ["terms.toml"]\n', encoding="utf-8")
    return tmp_path


def capabilities(profile: str) -> types.ClientCapabilities:
    return client_capabilities(profile)


def notebook_capabilities() -> types.ClientCapabilities:
    caps = client_capabilities("visual-studio-code")
    caps.notebook_document = types.NotebookDocumentClientCapabilities(
        synchronization=types.NotebookDocumentSyncClientCapabilities(dynamic_registration=False)
    )
    return caps


def accept_registrations(client: LanguageClient) -> None:
    """Answer the server's client/registerCapability requests (watched files)."""
    if types.CLIENT_REGISTER_CAPABILITY in client.protocol.fm.features:
        return

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        client.registrations = [*getattr(client, "registrations", []), *params.registrations]  # type: ignore[attr-defined]


async def start(
    client: LanguageClient, root: Path, caps: types.ClientCapabilities, options: Any = None
) -> types.InitializeResult:
    accept_registrations(client)
    client.caps = caps  # type: ignore[attr-defined]
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="root")],
            initialization_options=options,
        )
    )


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER),
    params=["visual-studio-code", "neovim"],
)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    lsp_client.profile = request.param  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def raw_client(lsp_client: LanguageClient):  # type: ignore[no-untyped-def]
    yield
    await lsp_client.shutdown_session()
