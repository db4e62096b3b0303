"""Analyses of open documents, computed once per version on a worker thread.

Hovers, definitions and code actions read the finished analysis of the current version
(computing it on the spot only if it is not there yet); diagnostics wait for it.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor

from pygls.workspace import TextDocument
from pygls.workspace.position_codec import PositionCodec

from dlglossary import language_for_path

from .analysis import Analysis, analyze
from .notebook import document_path
from .project import Context, Projects

__all__ = ["Engine"]


class Engine:
    """The analysis cache of the server: one entry per open document."""

    def __init__(self) -> None:
        self.projects = Projects()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dlglossary")
        self._lock = threading.Lock()
        self._done: dict[str, Analysis] = {}
        self._running: dict[str, tuple[int | None, int, Future[Analysis]]] = {}
        #: Bumped whenever settings or files change, so that older results are stale.
        self.generation = 0

    def context_of(self, uri: str) -> Context:
        """The project context of the document ``uri``."""
        return self.projects.context(document_path(uri))

    def invalidate(self) -> None:
        """Forget every analysis (settings or files changed)."""
        with self._lock:
            self.generation += 1
            self._done.clear()
            self.projects.forget_files()

    def forget(self, uri: str) -> None:
        """Drop the analysis of a closed document."""
        with self._lock:
            self._done.pop(uri, None)
            self._running.pop(uri, None)

    def cached(self, document: TextDocument) -> Analysis | None:
        """The finished analysis of the document's current version, if there is one."""
        analysis = self._done.get(document.uri)
        if (
            analysis is not None
            and analysis.version == document.version
            and analysis.generation == self.generation
        ):
            return analysis
        return None

    def now(self, document: TextDocument) -> Analysis:
        """The analysis of the current version, computed here if need be."""
        analysis = self.cached(document)
        if analysis is None:
            analysis = self._compute(*self._inputs(document))
        return analysis

    def submit(self, document: TextDocument) -> Future[Analysis]:
        """The analysis of the current version, computed on the worker thread."""
        analysis = self.cached(document)
        if analysis is not None:
            done: Future[Analysis] = Future()
            done.set_result(analysis)
            return done
        with self._lock:
            running = self._running.get(document.uri)
            if (
                running is not None
                and running[:2] == (document.version, self.generation)
                and not running[2].cancelled()
            ):
                return running[2]
            future = self.pool.submit(self._compute, *self._inputs(document))
            self._running[document.uri] = (document.version, self.generation, future)
            return future

    def _inputs(
        self, document: TextDocument
    ) -> tuple[str, int | None, str, str, PositionCodec, int]:
        """What :meth:`_compute` needs of ``document``, taken now (the text may change)."""
        return (
            document.uri,
            document.version,
            document.source,
            _language(document),
            document.position_codec,
            self.generation,
        )

    def _compute(
        self,
        uri: str,
        version: int | None,
        text: str,
        language: str,
        codec: PositionCodec,
        generation: int,
    ) -> Analysis:
        analysis = analyze(uri, version, text, language, self.context_of(uri), codec)
        analysis.generation = generation
        with self._lock:
            if generation == self.generation:
                current = self._done.get(uri)
                if (
                    current is None
                    or current.version != version
                    or current.generation != generation
                ):
                    self._done[uri] = analysis
                    # Hovers need every match; find them now, after the diagnostics.
                    self.pool.submit(self._match_if_current, analysis)
        return analysis

    def _match_if_current(self, analysis: Analysis) -> None:
        """Compute the matches of ``analysis`` unless a newer version replaced it."""
        if self._done.get(analysis.uri) is analysis and analysis.generation == self.generation:
            analysis.matches  # noqa: B018 - computed and cached by the property


def _language(document: TextDocument) -> str:
    if document.language_id:
        return document.language_id
    path = document_path(document.uri)
    return language_for_path(path) if path is not None else "plaintext"
