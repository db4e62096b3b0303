"""One version of one document, analysed once: its findings and term matches.

Findings come first: the checker reads only the clauses it needs, so diagnostics are
quick even for large documents. The full list of term matches (for hovers) is computed
once, afterwards, in the background (see `Engine`); a hover then converts the position to
an offset and bisects the cached matches. Offsets are the core's (code points); LSP
positions are converted with pygls' position codec (UTF-16 by default), one line at a time.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from dlglossary import Finding, Match, check_text, find_terms
from dlglossary.documents import DOCUMENT_LANGUAGES, normalize_language
from dlglossary.positions import LineIndex

from .project import Context

__all__ = ["Analysis", "LineMap", "analyze", "checks_language"]


class LineMap:
    """Offsets <-> LSP positions for one text, in the client's position encoding."""

    def __init__(self, text: str, codec: PositionCodec) -> None:
        self.text = text
        self.codec = codec
        self.starts = LineIndex(text).starts

    def line_text(self, line: int) -> str:
        """The text of ``line`` without its line break."""
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[line] : end].rstrip("\r")

    def offset(self, position: types.Position) -> int | None:
        """The offset of ``position``, or None when it lies past the end of the text."""
        if position.line < 0 or position.line >= len(self.starts) or position.character < 0:
            return None
        line = self.line_text(position.line)
        if self.codec.client_num_units(line) < position.character:
            return None
        probe = types.Position(line=0, character=position.character)
        column = self.codec.position_from_client_units([line], probe).character
        return self.starts[position.line] + column

    def position(self, offset: int) -> types.Position:
        """The LSP position of ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        units = self.codec.client_num_units(self.text[self.starts[line] : offset])
        return types.Position(line=line, character=units)

    def range(self, start: int, end: int) -> types.Range:
        """The LSP range of ``text[start:end]``."""
        return types.Range(start=self.position(start), end=self.position(end))


def checks_language(language: str, include_comments: bool) -> bool:
    """Whether documents in ``language`` get diagnostics (code only for its comments)."""
    return normalize_language(language) in DOCUMENT_LANGUAGES or include_comments


@dataclass
class Analysis:
    """The matches (and, where diagnostics apply, findings) of one document version."""

    uri: str
    version: int | None
    language: str
    lines: LineMap
    context: Context
    findings: list[Finding] | None = None
    #: Why there are no findings although the language is checked (e.g. too large).
    skipped: str = ""
    #: The engine's generation (settings and files) the analysis was made in.
    generation: int = 0
    _matches: list[Match] | None = field(default=None, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def matches(self) -> list[Match]:
        """Every term occurrence, computed on first use (once, whichever thread asks)."""
        with self._lock:
            if self._matches is None:
                self._matches = find_terms(self.lines.text, self.language, self.context.store)
                self._starts = [m.start for m in self._matches]
            return self._matches

    @property
    def has_matches(self) -> bool:
        """Whether the matches are computed already."""
        return self._matches is not None

    def match_at(self, offset: int) -> Match | None:
        """The match covering the character at ``offset``, if any."""
        matches = self.matches
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < matches[index].end:
            return matches[index]
        return None


def analyze(
    uri: str, version: int | None, text: str, language: str, context: Context, codec: PositionCodec
) -> Analysis:
    """Find undefined jargon in ``text`` when its language is checked (matches come later)."""
    config = context.config
    analysis = Analysis(uri, version, language, LineMap(text, codec), context)
    if not (context.diagnostics and checks_language(language, config.check_code_comments)):
        return analysis
    if len(text.encode("utf-8", "surrogatepass")) > config.max_file_size:
        analysis.skipped = f"larger than maxFileSize ({config.max_file_size} bytes)"
        analysis.findings = []
        return analysis
    analysis.findings = check_text(
        text,
        language,
        context.store,
        select=config.select,
        ignored_words=config.ignored_words,
        include_comments=config.check_code_comments,
    )
    return analysis
