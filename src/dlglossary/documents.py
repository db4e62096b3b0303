"""Split documents into the parts the matcher and the checker read.

Each language is cut into :class:`Segment` values: ``prose`` (document text, read as
words and checked for jargon), ``code`` (read as identifiers), ``comment`` and
``string`` (parts of code read as prose). Everything else (front matter, math, URLs,
markup) is left out. The cutting is done with regular expressions, line by line, so a
malformed document never raises: an unclosed fence or string simply runs to the end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache, partial
from pathlib import PurePath
from typing import Literal, NamedTuple

__all__ = ["LANGUAGES", "Segment", "SegmentKind", "language_for_path", "segment"]

SegmentKind = Literal["prose", "code", "comment", "string"]


class Segment(NamedTuple):
    """``text[start:end]`` is of kind ``kind``."""

    start: int
    end: int
    kind: SegmentKind


_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".qmd": "markdown",
    ".rst": "restructuredtext",
    ".rest": "restructuredtext",
    ".txt": "plaintext",
    ".text": "plaintext",
    ".tex": "latex",
    ".ltx": "latex",
    ".sty": "latex",
    ".ipynb": "jupyter",
    ".py": "python",
    ".pyi": "python",
    ".pyw": "python",
    ".js": "javascript",
    ".mjs": "javascript",
    ".ts": "typescript",
    ".tsx": "typescript",
    ".jsx": "javascript",
    ".c": "c",
    ".h": "c",
    ".cc": "cpp",
    ".cpp": "cpp",
    ".cu": "cuda",
    ".hpp": "cpp",
    ".java": "java",
    ".go": "go",
    ".rs": "rust",
    ".swift": "swift",
    ".kt": "kotlin",
    ".scala": "scala",
    ".jl": "julia",
    ".r": "r",
    ".R": "r",
    ".sh": "shellscript",
    ".bash": "shellscript",
    ".lua": "lua",
    ".toml": "toml",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".cfg": "ini",
    ".ini": "ini",
}
#: Languages whose files are documents (checked for jargon by default).
DOCUMENT_LANGUAGES = frozenset({"markdown", "restructuredtext", "latex", "plaintext", "jupyter"})
_HASH_COMMENTS = frozenset({"shellscript", "r", "julia", "toml", "yaml", "ini", "perl", "ruby"})
_C_COMMENTS = frozenset(
    {
        "javascript",
        "typescript",
        "c",
        "cpp",
        "cuda",
        "java",
        "go",
        "rust",
        "swift",
        "kotlin",
        "scala",
        "csharp",
        "javascriptreact",
        "typescriptreact",
    }
)
_ALIASES = {
    "md": "markdown",
    "rst": "restructuredtext",
    "tex": "latex",
    "text": "plaintext",
    "txt": "plaintext",
    "py": "python",
    "python3": "python",
    "ipython": "python",
    "ipynb": "jupyter",
    "bibtex": "latex",
    "sh": "shellscript",
    "bash": "shellscript",
    "js": "javascript",
    "ts": "typescript",
    "c++": "cpp",
    "lua": "lua",
}


def language_for_path(path: str | PurePath) -> str:
    """The LSP language id for a file name ("plaintext" when unknown)."""
    suffix = PurePath(path).suffix
    return _EXTENSIONS.get(suffix) or _EXTENSIONS.get(suffix.lower(), "plaintext")


def normalize_language(language: str) -> str:
    """Map editor and fence language names onto the ids used here."""
    language = language.lower().strip()
    return _ALIASES.get(language, language)


def segment(text: str, language: str) -> list[Segment]:
    """The segments of ``text`` written in ``language`` (an LSP language id)."""
    language = normalize_language(language)
    splitter = _SPLITTERS.get(language)
    if splitter is None:
        if language in _C_COMMENTS:
            splitter = _c_like
        elif language in _HASH_COMMENTS:
            splitter = _hash_like
        else:
            splitter = _plain if language in ("plaintext", "") else _generic_code
    return [s for s in splitter(text, 0, len(text)) if s.end > s.start]


# -- shared inline handling -------------------------------------------------------------

# Every hole pattern starts each alternative with a literal character, so that the regex
# engine can skip ahead to those characters in C instead of trying the alternatives at
# every position (a lookbehind or group first would turn that off; it cost 20x). So a URL
# is found at its "://" (or the "." of "www."), and an e-mail address at its "@", and each
# is widened to the left by `_hole_start`: starting at "h", "f" or "w" would stop the
# engine at a tenth of all letters.
_URL = (
    r"://(?:(?<=https://)|(?<=http://)|(?<=ftp://)|(?<=file://))(?P<url>)"
    r"[^\s<>()\[\]{}\"'`]+"
    r"|\.(?<=www\.)(?P<www>)[^\s<>()\"'`]+"
    r"|@(?<=[\w.+-]@)(?P<email>)[\w-]+\.[\w.]+"
)
_EMAIL_NAME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.+-")
_SCHEMES = ("https", "http", "file", "ftp")
# A tuple's own constructor: NamedTuple's generated ``__new__`` is a Python function, and
# a long Markdown page has thousands of segments.
_segment = partial(tuple.__new__, Segment)


def _hole_start(text: str, found: re.Match[str], floor: int) -> int:
    """Where a hole begins, given the group of `_URL` it matched (not below ``floor``).

    A URL begins at its scheme or "www", an e-mail address with its name.
    """
    start = found.start()
    group = found.lastgroup
    if group == "url":
        scheme = next(s for s in _SCHEMES if text.startswith(s, start - len(s)))
        return max(floor, start - len(scheme))
    if group == "www":
        return max(floor, start - 3)
    if group == "email":
        while start > floor and (text[start - 1] in _EMAIL_NAME or text[start - 1].isalnum()):
            start -= 1
    return start


def _prose_with_holes(text: str, start: int, end: int, holes: re.Pattern[str]) -> list[Segment]:
    """Prose between the matches of ``holes``; a match ending in group ``code`` is code.

    The groups of a hole pattern are told apart by ``lastgroup``: each alternative ends
    with at most one named group (``code``, or one of `_URL`'s). A list rather than a
    generator: a long Markdown page has thousands of segments, and each step of a chain
    of generators costs a resumption.
    """
    segments: list[Segment] = []
    add = segments.append
    position = start
    for found in holes.finditer(text, start, end):
        group = found.lastgroup
        if group is None or group == "code":
            hole_start = found.start()
        else:
            hole_start = _hole_start(text, found, position)
        if hole_start > position:
            add(_segment((position, hole_start, "prose")))
        if group == "code":
            add(_segment((*found.span("code"), "code")))
        position = found.end()
    if position < end:
        add(_segment((position, end, "prose")))
    return segments


_PLAIN_HOLES = re.compile(_URL)


def _plain(text: str, start: int, end: int) -> Iterable[Segment]:
    return _prose_with_holes(text, start, end, _PLAIN_HOLES)


# -- code ---------------------------------------------------------------------------------

# A string is found at its quote, so that the regex engine can skip to quotes and "#" in C
# (a pattern that starts with the optional prefix letters is tried at every position):
# after the quote, a lookbehind checks that no word character comes before the quote and
# its prefix letters, which `_string_start` then adds to the string.
_STRING_OPENS = r"(?:(?<=(?<!\w)[rRbBuUfF]{2}.)|(?<=(?<!\w)[rRbBuUfF].)|(?<=(?<!\w).))"
_PYTHON = re.compile(
    r"(?P<comment>\#[^\n]*)"
    rf"|(?P<string>'{_STRING_OPENS}(?:''(?:\\.|[^\\])*?(?:'''|\Z)|(?:\\.|[^'\\\n])*(?:'|$))"
    rf'|"{_STRING_OPENS}(?:""(?:\\.|[^\\])*?(?:"""|\Z)|(?:\\.|[^"\\\n])*(?:"|$)))',
    re.MULTILINE,
)
_STRING_PREFIX = frozenset("rRbBuUfF")
_C_LIKE = re.compile(
    r"(?P<comment>//[^\n]*|/\*[\s\S]*?(?:\*/|\Z))"
    r'|(?P<string>"(?:\\.|[^"\\\n])*(?:"|$)|`(?:\\.|[^`\\])*(?:`|\Z))',
    re.MULTILINE,
)
_HASH_LIKE = re.compile(
    r"(?P<comment>\#[^\n]*)"
    r"|(?P<string>'(?:\\.|[^'\\\n])*(?:'|$)"
    r'|"(?:\\.|[^"\\\n])*(?:"|$))',
    re.MULTILINE,
)


def _code_with(
    pattern: re.Pattern[str], string_start: Callable[[str, int], int] | None = None
) -> Callable[[str, int, int], Iterator[Segment]]:
    """A splitter of code into code, comments and strings (the groups of ``pattern``).

    ``string_start`` moves a string's start left from where ``pattern`` found it (Python
    finds a string at its quote, then adds the prefix letters before it).
    """

    def split(text: str, start: int, end: int) -> Iterator[Segment]:
        position = start
        found = pattern.search(text, start, end)
        while found is not None:
            found_start, kind = found.start(), found.lastgroup
            if kind == "string" and string_start is not None:
                found_start = string_start(text, found_start)
                if found_start < position:
                    # Its prefix letters are not ours (a part that starts inside a word):
                    # no string starts at this quote.
                    found = pattern.search(text, found.start() + 1, end)
                    continue
            if found_start > position:
                yield Segment(position, found_start, "code")
            yield Segment(found_start, found.end(), "comment" if kind == "comment" else "string")
            position = found.end()
            found = pattern.search(text, position, end)
        if position < end:
            yield Segment(position, end, "code")

    return split


def _string_start(text: str, quote: int) -> int:
    """Where a string whose opening quote is at ``quote`` starts: at its prefix (``rb``)."""
    start = quote
    while start > quote - 2 and start > 0 and text[start - 1] in _STRING_PREFIX:
        start -= 1
    return start


_python = _code_with(_PYTHON, _string_start)
_c_like = _code_with(_C_LIKE)
_hash_like = _code_with(_HASH_LIKE)


def _generic_code(text: str, start: int, end: int) -> Iterator[Segment]:
    yield Segment(start, end, "code")


def _fenced(language: str) -> Callable[[str, int, int], Iterator[Segment]]:
    language = normalize_language(language)
    if language in ("python", ""):
        return _python
    if language in _C_COMMENTS:
        return _c_like
    if language in _HASH_COMMENTS:
        return _hash_like
    if language in ("text", "plaintext", "console", "output"):
        return lambda text, start, end: iter([Segment(start, end, "code")])
    return _generic_code


# -- Markdown -----------------------------------------------------------------------------

# A fence marker, found by its first character (see `_URL`); `_markdown_fence` checks that
# it begins its line. Each comes with that character: a document without it needs no
# search for the pattern.
_MD_FENCES = (
    ("`", re.compile(r"```+[ \t]*(?P<language>[\w+#.-]*)[^\n]*$", re.MULTILINE)),
    ("~", re.compile(r"~~~+[ \t]*(?P<language>[\w+#.-]*)[^\n]*$", re.MULTILINE)),
)
_MD_FENCE_INDENT = re.compile(r" {0,3}")
_MD_FRONT = re.compile(r"---[ \t]*\n[\s\S]*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
# Display math, comments, link reference definitions and raw HTML blocks. Math, definitions
# and HTML must begin a line (after a little indentation): `_markdown_block` checks that,
# so that the pattern can start with a literal character (see `_URL`).
# One pattern per first character: each is searched for its literal start at memchr
# speed, several times faster than one pattern starting with a set of characters.
_MD_BLOCKS = (
    ("$", re.compile(r"\$\$[\s\S]*?\$\$[ \t]*$", re.MULTILINE)),
    (
        "<",
        re.compile(
            r"<(?:!--[\s\S]*?(?:-->|\Z)"
            r"|(?:script|style|pre)\b[\s\S]*?(?:</(?:script|style|pre)>|\Z))"
        ),
    ),
    ("[", re.compile(r"\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)),
)
_MD_BLOCK_INDENT = {
    "$": re.compile(r"[ \t]*"),
    "<": re.compile(r" {0,3}"),
    "[": re.compile(r" {0,3}"),
}
_MD_INLINE = re.compile(
    r"`(?P<tick>`*)(?P<code>[\s\S]*?[^`])`(?P=tick)(?!`)"
    r"|\$(?<![\\$\w]\$)(?=\S)[^$\n]*?(?<=\S)\$(?![\w$])"
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"
    r"|<(?=/?[A-Za-z])/?[A-Za-z][^<>\n]*>"
    r"|\{[#.][^}\n]*\}"
    r"|" + _URL
)


def _markdown(text: str, start: int, end: int) -> list[Segment]:
    segments: list[Segment] = []
    position = start
    for block_start, block_end, inner in _markdown_blocks(text, start, end):
        if block_start > position:
            segments += _prose_with_holes(text, position, block_start, _MD_INLINE)
        if inner is not None:
            segments += inner
        position = block_end
    if position < end:
        segments += _prose_with_holes(text, position, end, _MD_INLINE)
    return segments


def _markdown_blocks(
    text: str, start: int, end: int
) -> Iterator[tuple[int, int, Iterator[Segment] | None]]:
    """Fenced code (read as code), front matter, display math, comments (left out)."""
    position = start
    front = _MD_FRONT.match(text, 0, end) if start == 0 else None
    if front is not None:
        yield 0, front.end(), None
        position = front.end()
    fences = _Searches([p for mark, p in _MD_FENCES if mark in text], text, end)
    blocks = _Searches([p for mark, p in _MD_BLOCKS if mark in text], text, end)
    while position < end:
        fence = _markdown_fence(text, position, end, fences)
        block = _markdown_block(text, position, fence[0] if fence else end, blocks)
        if block is not None:
            yield block[0], block[1], None
            position = max(block[1], block[0] + 1)
            continue
        if fence is None:
            return
        fence_start, fence_end, marker, language = fence
        body_start = min(fence_end + 1, end)
        # From the line break that ends the opening line, so that a closing line right
        # after it is found too.
        close = _closing_fence(marker[0], len(marker)).search(text, fence_end, end)
        body_end = close.start() + 1 if close else end
        block_end = close.end() if close else end
        splitter = _fenced(language)
        yield fence_start, block_end, splitter(text, body_start, body_end)
        position = max(block_end, fence_end)


@lru_cache(maxsize=32)
def _closing_fence(mark: str, length: int) -> re.Pattern[str]:
    """A line that closes a fence of ``length`` marks, with the line break before it.

    Found by its line break, which the regex engine skips to in C; a pattern starting
    with ``^`` is tried at every position of the code.
    """
    return re.compile(rf"\n {{0,3}}{re.escape(mark)}{{{length},}}[ \t]*$", re.MULTILINE)


class _Searches:
    """The earliest match of several patterns from a position on, each searched once.

    Searching a long document again from each position would scan its end over and over
    for a marker it never holds (the "~~~" of a document fenced with backticks).
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]], text: str, end: int) -> None:
        self.patterns, self.text, self.end = patterns, text, end
        self.next: list[tuple[re.Pattern[str], int, re.Match[str] | None]] = [
            (pattern, -1, None) for pattern in patterns
        ]

    def first(self, start: int) -> re.Match[str] | None:
        """The earliest match starting at or after ``start``."""
        best: re.Match[str] | None = None
        for index, (pattern, searched_from, found) in enumerate(self.next):
            stale = searched_from < 0 or searched_from > start
            if not stale and found is not None and found.start() < start:
                stale = True
            if stale:
                found = pattern.search(self.text, start, self.end)
                self.next[index] = (pattern, start, found)
            if found is not None and (best is None or found.start() < best.start()):
                best = found
        return best


def _markdown_fence(
    text: str, start: int, end: int, fences: _Searches
) -> tuple[int, int, str, str] | None:
    """The first opening fence in ``text[start:end]``: (start, end, marker, language)."""
    position = start
    while True:
        found = fences.first(position)
        if found is None:
            return None
        line_start = text.rfind("\n", 0, found.start()) + 1
        if line_start >= start and _MD_FENCE_INDENT.fullmatch(text, line_start, found.start()):
            opening = found.group()
            marker = opening[: len(opening) - len(opening.lstrip(opening[0]))]
            return line_start, found.end(), marker, found.group("language")
        position = found.start() + 1


def _markdown_block(
    text: str, start: int, end: int, blocks: _Searches
) -> tuple[int, int] | None:
    """The first block of `_MD_BLOCKS` in ``text[start:end]``, from the start of its line.

    ``blocks`` searches on past ``end``, so that each pattern is searched about once per
    document. A block that runs on past ``end`` is cut there by the fence that starts at
    ``end``: it is looked for again with searches that stop at ``end``.
    """
    position = start
    while True:
        found = blocks.first(position)
        if found is None or found.start() >= end:
            return None
        if found.end() > end:
            blocks = _Searches(blocks.patterns, text, end)
            continue
        if text.startswith("<!--", found.start()):
            return found.start(), found.end()
        line_start = text.rfind("\n", 0, found.start()) + 1
        indent = _MD_BLOCK_INDENT[text[found.start()]]
        if line_start >= start and indent.fullmatch(text, line_start, found.start()):
            return line_start, found.end()
        position = found.start() + 1


# -- reStructuredText ---------------------------------------------------------------------

_RST_DIRECTIVE = re.compile(r"^([ \t]*)\.\.[ \t]+([\w:-]+)::(.*)$")
_RST_EXPLICIT = re.compile(r"^([ \t]*)\.\.(?:[ \t]|$)")
_RST_CODE_DIRECTIVES = frozenset(
    {
        "code",
        "code-block",
        "sourcecode",
        "testcode",
        "doctest",
        "testsetup",
        "testcleanup",
        "jupyter-execute",
        "ipython",
        "literalinclude",
        "highlight",
        "autolink-preface",
    }
)
_RST_SKIP_DIRECTIVES = frozenset(
    {
        "math",
        "raw",
        "graphviz",
        "mermaid",
        "csv-table",
        "image",
        "figure",
        "include",
        "toctree",
        "automodule",
        "autoclass",
        "autofunction",
        "literalinclude",
        "highlight",
        "index",
        "meta",
        "plot",
        "only",
        "ifconfig",
    }
)
_RST_INLINE = re.compile(
    r"``(?<![\w`]``)(?P<code>(?!\s)[\s\S]*?\S)``(?![\w`])"
    r"|:(?:math|raw-\w+|ref|doc|numref|eq|download|any|py:\w+|func|class|meth|mod|attr|obj|"
    r"data|exc|envvar|option|file|samp|kbd|code|cite|footcite|label|keyword):`[^`]*`"
    r"|:[\w:+-]+:(?=`)"
    r"|<(?:https?://|/|#)[^>\n]*>`_{1,2}"
    r"|\|[^|\n]+\|_{0,2}"
    r"|" + _URL
)


def _rst(text: str, start: int, end: int) -> Iterator[Segment]:
    lines = _lines(text, start, end)
    index = 0
    prose_start: int | None = None
    literal_next = False
    literal_next_indent = 0
    while index < len(lines):
        line_start, line_end = lines[index]
        line = text[line_start:line_end]
        directive = _RST_DIRECTIVE.match(line)
        explicit = directive is not None or _RST_EXPLICIT.match(line)
        stripped = line.strip()
        if literal_next and stripped and _indent(line) > literal_next_indent:
            block_end_index = _indented_block(text, lines, index, literal_next_indent)
            if prose_start is not None:
                yield from _prose_with_holes(text, prose_start, line_start, _RST_INLINE)
                prose_start = None
            block_end = lines[block_end_index - 1][1]
            yield Segment(line_start, block_end, "code")
            index = block_end_index
            literal_next = False
            continue
        if stripped:
            literal_next = False
        if explicit:
            indent = _indent(line)
            name = directive.group(2) if directive else ""
            body_end_index = _indented_block(text, lines, index + 1, indent)
            if prose_start is not None:
                yield from _prose_with_holes(text, prose_start, line_start, _RST_INLINE)
                prose_start = None
            body_start = lines[index + 1][0] if index + 1 < len(lines) else line_end
            body_end = lines[body_end_index - 1][1] if body_end_index > index + 1 else body_start
            if directive is None:
                pass  # a comment, target, footnote or substitution: left out
            elif name in _RST_CODE_DIRECTIVES:
                yield Segment(body_start, body_end, "code")
            elif name not in _RST_SKIP_DIRECTIVES:
                # Options (":name: value") are markup; the body is prose.
                option_index = index + 1
                while option_index < body_end_index and re.match(
                    r"^\s*:[\w -]+:", text[lines[option_index][0] : lines[option_index][1]]
                ):
                    option_index += 1
                if option_index < body_end_index:
                    yield from _rst(text, lines[option_index][0], body_end)
            index = max(body_end_index, index + 1)
            continue
        if stripped.startswith(">>>"):
            if prose_start is not None:
                yield from _prose_with_holes(text, prose_start, line_start, _RST_INLINE)
                prose_start = None
            yield Segment(line_start, line_end, "code")
            index += 1
            continue
        if prose_start is None:
            prose_start = line_start
        if stripped.endswith("::"):
            literal_next = True
            literal_next_indent = _indent(line)
        index += 1
    if prose_start is not None:
        yield from _prose_with_holes(text, prose_start, end, _RST_INLINE)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    while position < end:
        newline = text.find("\n", position, end)
        stop = end if newline == -1 else newline
        spans.append((position, stop))
        position = stop + 1
    return spans


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _indented_block(text: str, lines: list[tuple[int, int]], index: int, indent: int) -> int:
    """The index just past the block of lines indented more than ``indent`` (blank lines join)."""
    last = index
    while index < len(lines):
        line = text[lines[index][0] : lines[index][1]]
        if line.strip():
            if _indent(line) <= indent:
                break
            last = index + 1
        index += 1
    return last


# -- LaTeX ----------------------------------------------------------------------------------

_LATEX_MATH_ENVS = (
    "equation|align|alignat|gather|multline|eqnarray|math|displaymath|flalign|tikzpicture"
)
_LATEX_CODE_ENVS = "verbatim|Verbatim|lstlisting|minted|BVerbatim|comment"
_LATEX_HOLES = re.compile(
    r"%(?<!\\%)(?P<comment>)[^\n]*"
    rf"|\\begin\{{(?:{_LATEX_MATH_ENVS})\*?\}}[\s\S]*?(?:\\end\{{(?:{_LATEX_MATH_ENVS})\*?\}}|\Z)"
    rf"|\\begin\{{(?:{_LATEX_CODE_ENVS})\}}(?:\[[^\]\n]*\])?(?:\{{[^}}\n]*\}})?"
    rf"(?P<code>[\s\S]*?)(?:\\end\{{(?:{_LATEX_CODE_ENVS})\}}|\Z)"
    r"|\$\$[\s\S]*?(?:\$\$|\Z)|\$(?<!\\\$)(?:\\.|[^$\\])*?(?:\$|\Z)"
    r"|\\\[[\s\S]*?(?:\\\]|\Z)|\\\([\s\S]*?(?:\\\)|\Z)"
    r"|\\(?:cite[pt]?|citeauthor|citeyear|ref|eqref|autoref|cref|Cref|label|usepackage|"
    r"documentclass|url|href|input|include|includegraphics|bibliography|bibliographystyle|"
    r"begin|end|newcommand|renewcommand|DeclareMathOperator|pageref|hypersetup|lstinline|"
    r"verb|texttt|path|graphicspath|setlength|addbibresource)\*?(?:\[[^\]\n]*\])*(?:\{[^}]*\})?"
    r"|\\[A-Za-z@]+\*?(?:\[[^\]\n]*\])?"
    r"|\\."
    r"|" + _URL
)


def _latex(text: str, start: int, end: int) -> Iterator[Segment]:
    position = start
    for found in _LATEX_HOLES.finditer(text, start, end):
        hole_start = _hole_start(text, found, position)
        if hole_start > position:
            yield Segment(position, hole_start, "prose")
        if found.group("comment") is not None:
            yield Segment(found.start(), found.end(), "comment")
        elif found.group("code") is not None:
            yield Segment(found.start("code"), found.end("code"), "code")
        position = found.end()
    if position < end:
        yield Segment(position, end, "prose")


_SPLITTERS: dict[str, Callable[[str, int, int], Iterable[Segment]]] = {
    "markdown": _markdown,
    "restructuredtext": _rst,
    "latex": _latex,
    "tex": _latex,
    "python": _python,
    "plaintext": _plain,
}

LANGUAGES = frozenset(_SPLITTERS) | _C_COMMENTS | _HASH_COMMENTS
