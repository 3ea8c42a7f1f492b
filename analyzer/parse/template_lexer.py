"""Linear scanners for template syntax: construct regions, balanced parentheses, PHP literals.

Each construct is an opener (a short regex matched at one position) and a closer searched from
the opener's end. A regex such as ``<%(.*?)%>`` over a file of unclosed ``<%`` tries every
opener to the end of the file (100 KB took minutes): here a closer that is not found from one
offset is remembered as absent from every later offset (:class:`Finder`), so each closer is
searched across the file at most once. Parentheses are paired by one stack pass, and PHP string
literals and comments by a lexer that stops trying a kind once one of it runs unclosed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Construct:
    # "comment" | "output" | "code" | "php" (output or code, decided by its body) | "literal" (Latte's {l} / {r}) |
    # "verbatim" (a block printed as it is written: :func:`regions` yields its two tags as code, and what lies between
    # them is the page's own text, no construct read there)
    kind: str
    opener: re.Pattern[str]
    closer: str | re.Pattern[str] | None = None  # searched from the opener's end
    until_eof: bool = False  # an unclosed PHP tag runs to the end of the file
    parens: str = ""  # "optional" | "required": a balanced (…) right after the opener (Blade)


def _c(kind: str, opener: str, closer: str | re.Pattern[str] | None = None, **kw) -> Construct:
    return Construct(kind, re.compile(opener), closer, **kw)


_BLADE_DIRECTIVES = (
    "if|elseif|unless|isset|empty|env|include|includeIf|includeWhen|includeUnless|extends|section|yield|push|stack|foreach|for|while|auth|guest|"
    "production|endif|else|endunless|endisset|endempty|endenv|endauth|endguest|endproduction|endsection|endpush|endforeach|endfor|"
    "endwhile|stop|show|csrf|vite"
)
_PHP = _c("php", r"<\?(?:php\b|=)?", "?>", until_eof=True)
# Django's {% comment "note" %} takes an optional note (a quoted string).
_TAG_COMMENT_BLOCK = _c(
    "comment",
    r"""\{%-?[ \t\r\n]*comment[ \t\r\n]*(?:(?:"[^"%\n]{0,200}"|'[^'%\n]{0,200}')[ \t\r\n]*)?-?%\}""",
    re.compile(r"\{%-?\s*endcomment\s*-?%\}"),
)
# A block the engine prints as it is written, its template-like text never read: Liquid's and Jinja's (Nunjucks')
# {% raw %}, Twig's, Nunjucks' and Django's {% verbatim %} (Django's may name itself: {% verbatim js %}).
_RAW_BLOCK = _c("verbatim", r"\{%-?[ \t\r\n]*raw[ \t\r\n]*-?%\}", re.compile(r"\{%-?\s*endraw\s*-?%\}"))
_VERBATIM_BLOCK = _c(
    "verbatim",
    r"\{%-?[ \t\r\n]*verbatim(?:[ \t]+\w{1,64})?[ \t\r\n]*-?%\}",
    re.compile(r"\{%-?\s*endverbatim\b[^%\n]{0,80}%\}"),
)

# Latte's tags (latte.nette.org/en/tags): a tag opens with "{" and its name or a sigil at once, never a blank, so a
# script's or a style's "{ color: red }" stays text; only the tags Latte defines are read as code, so that an inline
# recorder snippet's "{hjid:…}" is never taken for one.
_LATTE_TAGS = (
    "if|elseif|elseifset|else|ifset|ifcontent|ifchanged|switch|case|default|foreach|for|while|first|last|sep|"
    "iterateWhile|continueIf|breakIf|skipIf|exitIf|block|define|include|import|layout|extends|embed|var|capture|"
    "snippet|snippetArea|control|form|formContext|formContainer|formPrint|formClassPrint|label|input|inputError|"
    "link|plink|contentType|spaceless|translate|syntax|do|php|dump|debugbreak|try|rollback|cache|sandbox|"
    "templateType|templatePrint|varType|varPrint|parameters|asset|trace"
)
# Per dialect, in the order they are tried at one position (a comment before the code that
# would also match its opener).
CONSTRUCTS: dict[str, tuple[Construct, ...]] = {
    "php": (_PHP,),
    "blade": (
        _c("comment", r"\{\{--", "--}}"),
        _c("verbatim", r"@verbatim\b", "@endverbatim"),
        # An escaped directive or echo prints itself without the "@" (laravel.com/docs/blade, "Blade and JavaScript
        # Frameworks"): "@@if" is the text "@if", no condition; "@{{ x }}" the text "{{ x }}", a script's own binding,
        # which Blade does not read (so neither does this).
        _c("code", r"@@"),
        _c("code", r"@(?=\{\{)", re.compile(r"\}\}")),
        _c("output", r"\{!!", "!!}"),
        _c("output", r"\{\{", "}}"),
        _c("output", r"@(?:json|js)\b", parens="required"),
        _c("code", r"@php\b", "@endphp"),
        _c("code", rf"@(?:{_BLADE_DIRECTIVES})\b", parens="optional"),
        _PHP,
    ),
    "liquid": (
        _TAG_COMMENT_BLOCK,
        _RAW_BLOCK,
        _c("code", r"\{%", "%}"),
        _c("output", r"\{\{", "}}"),
    ),
    "jinja": (
        _c("comment", r"\{#", "#}"),
        _TAG_COMMENT_BLOCK,
        _RAW_BLOCK,
        _VERBATIM_BLOCK,
        _c("code", r"\{%", "%}"),
        _c("output", r"\{\{", "}}"),
    ),
    "handlebars": (
        # A raw block ({{{{raw}}}} … {{{{/raw}}}}) passes its content to its helper as written, no mustache read there
        # (handlebarsjs.com/guide/block-helpers.html, "Raw Blocks"); the helper prints it.
        _c("verbatim", r"\{\{\{\{(?!/)[^{}\n]{1,80}\}\}\}\}", re.compile(r"\{\{\{\{/[^{}\n]{1,80}\}\}\}\}")),
        # An escaped mustache (\{{#if consent}}) prints itself as text: no tag, no condition.
        _c("code", r"\\\{\{", "}}"),
        _c("comment", r"\{\{!--", "--}}"),
        _c("comment", r"\{\{!", "}}"),
        _c("output", r"\{\{\{", "}}}"),
        _c("code", r"\{\{(?:[#/>^]|else\b)", "}}"),
        _c("output", r"\{\{", "}}"),
    ),
    "erb": (
        # JSP's and ASP.NET's server comment (<%-- … --%>), which may hold a whole tag: not EJS's "<%-" output.
        _c("comment", r"<%--", "--%>"),
        _c("comment", r"<%#", "%>"),
        # ASP.NET writes its HTML-encoded output as <%: expr %> and a resource expression in a server control's
        # attribute as <%$ Resources:Mensagem, tabaco %> (learn.microsoft.com/aspnet/web-forms, "ASP.NET inline
        # expressions"); ERB, EJS, EEx and JSP have no such tag. Its data binding, <%# Eval("x") %>, prints a record's
        # value, never a text a person reads: read as ERB's comment, it stays blank.
        _c("output", r"<%[=:$-]", "%>"),
        _c("code", r"<%", "%>"),
    ),
    "latte": (
        _c("comment", r"\{\*", "*}"),
        _c("code", r"\{/?_\}"),  # {_}Diagnóza{/_}: the text between is printed, translated
        _c("output", r"\{(?:\$|=|_(?=[\"'(]))", "}"),  # {$patient->diagnosis}, {=$x}, {_'Diagnóza'}
        _c("literal", r"\{[lr]\}"),  # a brace written as a tag ({l} prints "{"); a script's "{l=1}" is no tag
        _c("code", rf"\{{/?(?:{_LATTE_TAGS})\b", "}"),
    ),
    "go": (
        _c("comment", r"\{\{-?[ \t\r\n]*/\*", re.compile(r"\*/\s*-?\}\}")),
        _c("code", r"\{\{-?[ \t\r\n]*(?:if|else|end|range|with|define|block|template|partial|partialCached)\b", "}}"),
        # A variable declared or assigned ({{ $id := site.Params.id }}) prints nothing.
        _c("code", r"\{\{-?[ \t\r\n]*\$\w*[ \t]*:?=(?!=)", "}}"),
        _c("output", r"\{\{", "}}"),
    ),
}


# Where a construct can start, per dialect: the first characters of its openers.
def _first_char(pattern: str) -> str:
    """The character an opener's pattern matches first: an escaped one's (``\\{`` is "{", ``\\\\`` a backslash)."""
    return pattern[1:2] if pattern.startswith("\\") else pattern[:1]


_STARTS = {d: re.compile("|".join(sorted({re.escape(_first_char(c.opener.pattern)) for c in cs}))) for d, cs in CONSTRUCTS.items()}


class Finder:
    """``str.find`` / ``re.search`` from increasing offsets, each needle's last answer kept: a
    needle absent after offset p is absent after any later offset, and one found at q is the
    answer for every offset up to q. Callers that move forward search the text once per needle."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._memo: dict[object, tuple[int, int, int]] = {}  # needle -> (searched from, start, end)

    def search(self, needle: str | re.Pattern[str], start: int) -> tuple[int, int]:
        """(start, end) of the first occurrence at or after ``start``, or (-1, -1)."""
        memo = self._memo.get(needle)
        if memo is not None and memo[0] <= start and (memo[1] < 0 or start <= memo[1]):
            return memo[1], memo[2]
        if isinstance(needle, str):
            at = self.text.find(needle, start)
            found = (at, at + len(needle)) if at >= 0 else (-1, -1)
        else:
            m = needle.search(self.text, start)
            found = (m.start(), m.end()) if m else (-1, -1)
        self._memo[needle] = (start, *found)
        return found

    def find(self, needle: str, start: int) -> int:
        """Start of the first ``needle`` at or after ``start``, or -1 (memoised as ``search``)."""
        return self.search(needle, start)[0]


def closing_brace(text: str, start: int, limit: int, brackets: str = "{}") -> int | None:
    """Offset of the ``}`` that closes the block opened right before ``start`` (braces inside counted), looked for in
    at most ``limit`` characters; None when it is not there. Literals are the caller's to mask. ``brackets``: another
    pair of the two ("()")."""
    opening, closing = brackets[0], brackets[1]
    depth = 1
    for i in range(start, min(len(text), start + limit)):
        c = text[i]
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return i
    return None


def paren_pairs(text: str, brackets: str = "()") -> dict[int, int]:
    """Each ``(`` offset -> its matching ``)`` offset (unmatched ones are absent), in one pass; ``brackets``: another
    pair of the two ("{}")."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for m in re.finditer(f"[{re.escape(brackets)}]", text):
        if m.group() == brackets[0]:
            stack.append(m.start())
        elif stack:
            pairs[stack.pop()] = m.start()
    return pairs


_BLANKS_PAREN = re.compile(r"\s*\(")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.finder = Finder(text)
        self._pairs: dict[int, int] | None = None

    def pairs(self) -> dict[int, int]:
        if self._pairs is None:
            self._pairs = paren_pairs(self.text)
        return self._pairs

    def end(self, c: Construct, start: int) -> int | None:
        """Where the construct whose opener ends at ``start`` ends, or None if it does not close."""
        if c.parens:
            m = _BLANKS_PAREN.match(self.text, start)
            close = self.pairs().get(m.end() - 1, -1) if m else -1
            if close >= 0:
                return close + 1
            return start if c.parens == "optional" else None
        if c.closer is None:
            return start
        _, end = self.finder.search(c.closer, start)
        if end >= 0:
            return end
        return len(self.text) if c.until_eof else None


def regions(text: str, dialect: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of every template construct, in order, without overlaps."""
    constructs = CONSTRUCTS[dialect]
    starts = _STARTS[dialect]
    scanner = _Scanner(text)
    pos = 0
    while True:
        m = starts.search(text, pos)
        if m is None:
            return
        at = m.start()
        pos = at + 1
        for c in constructs:
            opened = c.opener.match(text, at)
            if opened is None:
                continue
            if c.kind == "verbatim" and c.closer is not None:
                tail, tail_end = scanner.finder.search(c.closer, opened.end())
                if tail_end >= 0:
                    yield at, opened.end(), "code"
                    yield tail, tail_end, "code"
                    pos = tail_end
                    break
                continue
            end = scanner.end(c, opened.end())
            if end is not None:
                yield at, end, c.kind
                pos = end
                break


# -- PHP string literals and comments ---------------------------------------------------------------
_PHP_OPENERS = re.compile(r"//|#(?!\[)|/\*|'|\"|<<<")
_PHP_SINGLE = re.compile(r"(?:[^'\\]|\\.)*'", re.S)
_PHP_DOUBLE = re.compile(r'(?:[^"\\]|\\.)*"', re.S)
_HEREDOC_HEAD = re.compile(r"""[ \t]*['"]?(\w{1,64})['"]?\n""")  # a label is a short identifier
_MAX_UNCLOSED_HEREDOCS = 16


def php_literals(code: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of PHP comments ("comment"), quoted strings ("string") and heredocs or
    nowdocs ("heredoc"), in order. A kind that once runs unclosed is not tried again: whatever
    follows it is inside that unclosed literal as far as any later opener of its kind can tell."""
    dead: set[str] = set()
    unclosed = 0  # heredocs whose label never comes back (each label is searched once)
    finder = Finder(code)
    pos = 0
    while True:
        m = _PHP_OPENERS.search(code, pos)
        if m is None:
            return
        at, tok = m.start(), m.group()
        pos = at + 1
        end = -1
        if tok in ("//", "#"):
            line_end = finder.find("\n", at)
            end = len(code) if line_end < 0 else line_end
            yield at, end, "comment"
        elif tok == "/*" and tok not in dead:
            end = finder.search("*/", at + 2)[1]
            if end >= 0:
                yield at, end, "comment"
        elif tok in ("'", '"') and tok not in dead:
            body = (_PHP_SINGLE if tok == "'" else _PHP_DOUBLE).match(code, at + 1)
            end = body.end() if body else -1
            if end >= 0:
                yield at, end, "string"
        elif tok == "<<<" and tok not in dead:
            head = _HEREDOC_HEAD.match(code, at + 3)
            if head:
                _, end = finder.search(re.compile(r"\n\s*" + re.escape(head.group(1)) + r"\b"), head.end())
                if end >= 0:
                    yield at, end, "heredoc"
                else:
                    unclosed += 1
            if end < 0 and unclosed < _MAX_UNCLOSED_HEREDOCS:
                continue
        if end < 0:
            dead.add(tok)
            continue
        pos = end
