"""One version of one document, analysed once: its term matches and findings.

Features never scan text on the request path: a hover converts the position to an
offset and bisects the cached matches. Offsets are the core's (code points); LSP
positions are converted with pygls' position codec (UTF-16 by default), one line at a time.
"""

from __future__ import annotations

import bisect
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
    matches: list[Match]
    findings: list[Finding] | None = None
    #: Why there are no findings although the language is checked (e.g. too large).
    skipped: str = ""
    #: The engine's generation (settings and files) the analysis was made in.
    generation: int = 0
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.matches]

    def match_at(self, offset: int) -> Match | None:
        """The match covering the character at ``offset``, if any."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self.matches[index].end:
            return self.matches[index]
        return None


def analyze(
    uri: str, version: int | None, text: str, language: str, context: Context, codec: PositionCodec
) -> Analysis:
    """Match ``text`` and, when its language is checked, find undefined jargon in it."""
    config = context.config
    matches = find_terms(text, language, context.store)
    analysis = Analysis(uri, version, language, LineMap(text, codec), context, matches)
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
        matches=matches,
    )
    return analysis
