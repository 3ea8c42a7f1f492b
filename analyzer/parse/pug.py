"""Pug (formerly Jade) markup written as the HTML it renders, line for line, for the readers of HTML.

Pug writes markup by indentation (pugjs.org/language): a line's first word is a tag (``input``, or ``div`` implied by
a ``.class`` / ``#id`` shorthand), its attributes in parentheses (commas optional, values JavaScript expressions,
``checked`` alone a boolean one, the list free to run over several lines), then its text (``label Religion``), a
``.`` that makes the indented lines below it text (``script.``), ``: `` and a child on the same line (block
expansion), ``=`` / ``!=`` and an expression it prints. Lines that start with ``|`` are text, with ``<`` HTML as it
stands; ``//`` and ``//-`` start comments that hold the lines indented below them; ``-`` starts code. ``if``,
``else``, ``unless``, ``each``, ``for``, ``while``, ``case``, ``when``, ``default``, ``block``, ``mixin`` and a
mixin's call (``+field(…)``) write no tag of their own: the lines they hold are read; ``include`` and ``extends``
name another file, which is not read here (nor a mixin's body at its call).

Every Pug line becomes the HTML of its own tags on the same line, and a block's end tags are written at the end of
its last line, so each control stands at its line in the source (its column is the HTML's). What a template prints
(``#{name}``, ``= expr``, an attribute whose value is an expression) is written as other templates' output is
(``templates.OUTPUT_FILL``); a string literal, bare, is its own text. A Vue single-file component whose
``<template lang="pug">`` (or ``jade``) holds its markup has that block written so (``component``).

The work is counted (``analyzer.parse.budget``): an attribute list that never closes is read as ending with its
line after ``_MAX_ATTR_LINES`` lines, and a file that spends its budget gets ``None`` (the caller notes it).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from analyzer.parse.budget import Budget, BudgetExhausted
from analyzer.parse.markup_out import VOID, attr
from analyzer.parse.templates import OUTPUT_FILL, Reference

SUFFIXES = (".pug", ".jade")

# Steps a file may spend: a line or a token of an attribute list or interpolation is one step.
BASE_STEPS = 100_000
STEPS_PER_BYTE = 1
_MAX_ATTR_LINES = 300  # an attribute list longer than this is read as ending with its first line (Pug would fail)
_MAX_GROUP = 20_000  # characters an attribute list or an interpolation may span
_MAX_NESTING = 4  # tag interpolation inside tag interpolation (#[a #[b]]) read this deep

_RAW_TEXT = frozenset({"script", "style", "template", "textarea"})  # their text block is kept as written, no interpolation
# Keywords whose line writes no tag (pugjs.org/language: conditionals, iteration, case, mixins, inheritance,
# includes); ``else if`` is ``else``'s.
_KEYWORD = re.compile(
    r"(?:if|else|unless|each|for|while|case|when|default|mixin|block|append|prepend|yield|extends|extend|include|doctype)"
    r"(?![\w-])"
)
_WHEN = re.compile(r"(?:when\s+(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^:'\"\s]+)|default)\s*:\s+(?P<rest>\S.*)$")
_TAG = re.compile(r"[A-Za-z][\w-]*(?::[A-Za-z][\w-]*)*")
_SHORTHAND = re.compile(r"([.#])(-?[A-Za-z_][\w-]*)")
_ATTRIBUTES_CALL = re.compile(r"&attributes\s*(?=\()")
_TOKEN = re.compile(r"""'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|`(?:[^`\\]|\\.)*`?|[^'"`()\[\]{}]{1,200}|.""", re.S)
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_TEMPLATE_END = re.compile(r"(?:[^`\\]|\\.)*`")  # the rest of a template string begun on an earlier line
# A start tag's attributes are read so far (a file of "<template " without ">" once cost a scan to its end from each)
_SFC_TEMPLATE = re.compile(rb"""<template\b[^>]{0,500}?\blang\s*=\s*["']?(?:pug|jade)\b""", re.I)
_SFC_OPEN = re.compile(r"""<template\b[^>]{0,500}?\blang\s*=\s*["']?(?:pug|jade)\b[^>]{0,500}>""", re.I)
_SFC_CLOSE = re.compile(r"</template\s*>", re.I)
# An attribute's name: quoted, Angular's bound and event names ([(ngModel)], (click), [value]), or plain
_ATTR_NAME = re.compile(r"""\s*(?:'([^'\n]*)'|"([^"\n]*)"|(\[\(?[^\s=,'"()\[\]]+\)?\]|\([^\s=,'"()\[\]]+\)|[^\s=,!'"()]+))""")
_CONTINUES = re.compile(r"[?:+\-*/%&|<>=!.]")  # what continues an expression past a blank (a ? b : c, a + b)
_INTERPOLATION = re.compile(r"\\?[#!]\{|\\?#\[")
_MIXIN_NAME = re.compile(r"[\w.$-]+|#\{[^}\n]*\}")  # +field(…), +#{name}(…)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


# extends / include lines, their filter (include:markdown-it) aside: the file each names, ".pug" added when it names
# none (pugjs.org/language/inheritance, /language/includes).
_REFERENCE = re.compile(
    r"(?m)^[ \t]*(?P<kind>extends|extend|include)(?::[\w-]+)*[ \t]+(?P<name>[^\s'\"]+|'[^'\n]+'|\"[^\"\n]+\")[ \t]*\r?$"
)


def references(text: str, suffix: str = ".pug") -> list[Reference]:
    """The templates ``text`` extends and includes, each named as Pug finds it (``suffix`` added to a name without
    one), at the offset of its keyword: its page is composed with its layout's recorders (``resolve.composition``)."""
    out = []
    for m in _REFERENCE.finditer(text):
        name = m.group("name").strip("'\"")
        if not posixpath.splitext(name)[1]:
            name += suffix
        out.append(Reference(m.start("kind"), "extends" if m.group("kind").startswith("extend") else "include", name))
    return out


def budget_for(text: str) -> Budget:
    """The work a file of ``text`` may spend on being read."""
    return Budget(BASE_STEPS + STEPS_PER_BYTE * len(text))


def in_component(data: bytes) -> bool:
    """Whether a single-file component writes its template in Pug (``<template lang="pug">``)."""
    return _SFC_TEMPLATE.search(data) is not None


def component(text: str) -> str | None:
    """The component with its Pug template block written as HTML (the rest as it stands, every line where it was);
    None when the reading ran out of budget."""
    opened = _SFC_OPEN.search(text)
    if opened is None:
        return text
    closed = _SFC_CLOSE.search(text, opened.end())
    end = closed.start() if closed else len(text)
    body = html(text[opened.end() : end])
    if body is None:
        return None
    return text[: opened.end()] + body + text[end:]


def html(text: str, budget: Budget | None = None) -> str | None:
    """The HTML that ``text`` (Pug) renders, as many lines as it has; None when the budget ran out."""
    try:
        return _Writer(text, budget or budget_for(text)).run()
    except BudgetExhausted:
        return None


@dataclass
class _Frame:
    indent: int
    close: str  # the end tag(s) written where the block ends
    mode: str  # "tags": Pug lines; "text": text lines; "raw": text kept as written; "skip": nothing read


def _indent(line: str) -> int:
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4
        else:
            break
    return width


def _fill(expr: str) -> str:
    return OUTPUT_FILL * max(1, len(expr.strip()))


class _Writer:
    def __init__(self, text: str, budget: Budget) -> None:
        self.lines = [line.removesuffix("\r") for line in text.split("\n")]
        self.out = [""] * len(self.lines)
        self.budget = budget
        self.stack: list[_Frame] = []
        self.last = 0  # the last line that held something: where a block that ends is closed

    def run(self) -> str:
        i = 0
        while i < len(self.lines):
            self.budget.spend()
            line = self.lines[i]
            if not line.strip():
                i += 1
                continue
            indent = _indent(line)
            while self.stack and self.stack[-1].indent >= indent:
                self._close(self.stack.pop())
            mode = self.stack[-1].mode if self.stack else "tags"
            first = i
            if mode == "raw":
                self.out[i] = line
            elif mode == "text":
                self.out[i] = self._text(line)
            elif mode == "tags":
                i = self._line(i, indent)
            if any(self.out[first : i + 1]):  # a comment's or a keyword's line holds no end tag
                self.last = i
            i += 1
        while self.stack:
            self._close(self.stack.pop())
        return "\n".join(self.out)

    def _close(self, frame: _Frame) -> None:
        if frame.close:
            self.out[self.last] += frame.close

    # -- one Pug line ------------------------------------------------------------------------------------------
    def _line(self, i: int, indent: int) -> int:
        """Write line ``i`` (and the lines its attribute list runs over); returns the last line it used."""
        line = self.lines[i]
        body = line.strip()
        if body.startswith("//"):
            self.stack.append(_Frame(indent, "", "skip"))
            return i
        if body.startswith("|"):
            self.out[i] = self._text(body[2:] if body.startswith("| ") else body[1:])
            return i
        if body.startswith("<"):
            self.out[i] = self._text(line)
            return i
        if body.startswith("-"):
            # "-" alone opens a block of code; "- for (…)" code whose indented lines are markup
            self.stack.append(_Frame(indent, "", "skip" if body == "-" else "tags"))
            return i
        if body.startswith(("=", "!=")):
            self.out[i] = _fill(body.lstrip("!="))
            return i
        if body.startswith(":"):  # a filter (:markdown-it): its text is no Pug markup
            self.stack.append(_Frame(indent, "", "skip"))
            return i
        if body.startswith("+"):  # a mixin's call: its indented lines are the block it is handed
            self.stack.append(_Frame(indent, "", "tags"))
            return self._past_call(i, line.index("+") + 1)
        keyword = _KEYWORD.match(body)
        if keyword:
            return self._keyword(i, indent, body, keyword.group())
        return self._tag_line(i, indent, line, len(line) - len(line.lstrip()))

    def _keyword(self, i: int, indent: int, body: str, word: str) -> int:
        if word in ("extends", "extend", "include", "doctype"):
            return i
        if word == "mixin":
            self.stack.append(_Frame(indent, "", "tags"))
            return i
        self.stack.append(_Frame(indent, "", "tags"))
        expanded = _WHEN.match(body) if word in ("when", "default") else None
        if expanded:  # when 'x': p Text
            line = self.lines[i]
            return self._tag_line(i, indent, line, len(line) - len(expanded.group("rest")))
        return i

    def _past_call(self, i: int, at: int) -> int:
        """Past a mixin call's name and its argument and attribute lists (none of them written)."""
        line = self.lines[i]
        name = _MIXIN_NAME.match(line, at)
        at = name.end() if name else at
        for _ in range(2):
            if at < len(line) and line[at] == "(":
                found = self._group(i, at)
                if found is None:
                    return i
                i, at, _ = found
                line = self.lines[i]
        return i

    def _tag_line(self, i: int, indent: int, line: str, at: int) -> int:
        """A line that opens tags: each tag's start (``<input …>``), its text; the frames of the blocks it opens."""
        first = i
        parts: list[str] = []
        placed: list[int] = []  # the line each part's tag began on
        while True:
            began, written = i, len(parts)
            tag, i, at, mode = self._tag(i, line, at, parts)
            placed += [began] * (len(parts) - written)
            line = self.lines[i]
            if tag is None:
                break
            rest = line[at:]
            void, raw = tag.lower() in VOID, tag.lower() in _RAW_TEXT
            if mode == "expand":
                self.stack.append(_Frame(indent, "" if void else f"</{tag}>", "tags"))
                at = len(line) - len(rest.lstrip(": "))
                if at < len(line):
                    continue
                break
            close = "" if void or mode == "self" else f"</{tag}>"
            if mode == "text":
                self.stack.append(_Frame(indent, close, "raw" if raw else "text"))
            else:
                self.stack.append(_Frame(indent, close, "tags"))
            if mode == "output":
                parts.append(_fill(rest.lstrip("!=")))
            elif mode == "inline":
                text = rest[1:] if rest.startswith(" ") else rest
                parts.append(text if raw else self._text(text))
            break
        placed += [i] * (len(parts) - len(placed))  # its text or output: after the tag
        if i == first:
            self.out[i] = "".join(parts)
        else:  # an attribute list over several lines: the start tags begun on its first line there (div: select#r( …),
            # what follows ")" on its last
            self.out[first] = "".join(p for p, at_line in zip(parts, placed, strict=True) if at_line == first)
            self.out[i] = "".join(p for p, at_line in zip(parts, placed, strict=True) if at_line != first)
        return i

    def _tag(self, i: int, line: str, at: int, parts: list[str]) -> tuple[str | None, int, int, str]:
        """The tag at ``line[at:]``: its start tag appended to ``parts``; returns the tag (None: no tag there, the line
        is text), the line and column after it, and what follows it: "expand" (": child"), "text" (a "." block),
        "output" ("= expr"), "self" ("/"), "inline" (its text) or "end"."""
        name = _TAG.match(line, at)
        if name:
            tag = name.group()  # as written: a component's name (TagPicker) is read as the HTML that writes it is
            at = name.end()
        elif at < len(line) - 1 and line[at] in ".#" and _SHORTHAND.match(line, at):
            tag = "div"
        else:
            if at < len(line):
                parts.append(self._text(line[at:]))
            return None, i, len(line), "end"
        classes: list[str] = []
        attrs: list[tuple[str, str | None]] = []
        while at < len(line):
            short = _SHORTHAND.match(line, at)
            if short:
                if short.group(1) == ".":
                    classes.append(short.group(2))
                else:
                    attrs.append(("id", short.group(2)))
                at = short.end()
                continue
            call = _ATTRIBUTES_CALL.match(line, at)
            if line[at] == "(" or call:
                found = self._group(i, call.end() if call else at)
                if found is None:  # never closed within reach: the list read as ending with its line
                    if not call:
                        attrs += _attributes(line[at + 1 :])
                    at = len(line)
                    break
                i, at, inner = found
                line = self.lines[i]
                if not call:
                    attrs += _attributes(inner)
                continue
            break
        rest = line[at:]
        if rest.startswith(":") and (len(rest) == 1 or rest[1] in " \t"):
            mode = "expand"
        elif rest.rstrip() == ".":
            mode, at = "text", len(line)
        elif rest.startswith(("=", "!=")):
            mode = "output"
        elif rest.startswith("/"):
            mode, at = "self", len(line)
        elif rest.strip():
            mode = "inline"
        else:
            mode = "end"
        parts.append(_start_tag(tag, classes, attrs))
        return tag, i, at, mode

    def _group(self, i: int, at: int) -> tuple[int, int, str] | None:
        """The bracketed group that opens at ``lines[i][at]``: the line and column after its close and its inner
        text (lines joined by newlines); None when it does not close within ``_MAX_ATTR_LINES`` lines. A template
        string may run over lines (``data-json=`…```)."""
        depth: list[str] = []
        pieces: list[str] = []
        size = 0
        in_template = False
        for j in range(i, min(len(self.lines), i + _MAX_ATTR_LINES)):
            line = self.lines[j]
            start = at + 1 if j == i else 0
            if j == i:
                depth.append(_OPENERS[line[at]])
            elif in_template:
                closed = _TEMPLATE_END.match(line)
                if closed is None:
                    pieces.append(line)
                    continue
                in_template, start = False, closed.end()
            for m in _TOKEN.finditer(line, start):
                self.budget.spend()
                tok = m.group()
                if tok in _OPENERS:
                    depth.append(_OPENERS[tok])
                elif tok == depth[-1]:
                    depth.pop()
                    if not depth:
                        pieces.append(line[at + 1 if j == i else 0 : m.start()])
                        return j, m.end(), "\n".join(pieces)
                elif tok[0] == "`" and (len(tok) == 1 or tok[-1] != "`"):
                    in_template = True
            pieces.append(line[at + 1 :] if j == i else line)
            size += len(line)
            if size > _MAX_GROUP:
                return None
        return None

    # -- text ------------------------------------------------------------------------------------------------------
    def _text(self, text: str, nesting: int = 0) -> str:
        """Text as it renders: ``#{…}`` and ``!{…}`` printed values, ``#[tag text]`` the tag, ``\\#{`` as written."""
        if "{" not in text and "[" not in text:
            return text
        out: list[str] = []
        at = 0
        for m in _INTERPOLATION.finditer(text):
            self.budget.spend()
            if m.start() < at:
                continue
            out.append(text[at : m.start()])
            mark = m.group()
            if mark.startswith("\\"):
                out.append(mark[1:])
                at = m.end()
                continue
            close = _closing(text, m.end() - 1, self.budget)
            if close < 0:
                out.append(mark)
                at = m.end()
                continue
            inner = text[m.end() : close]
            if mark == "#[" and nesting < _MAX_NESTING:
                out.append(self._inline_tag(inner, nesting + 1))
            elif mark == "#[":
                out.append(" " * len(inner))
            else:
                out.append(_fill(inner))
            at = close + 1
        out.append(text[at:])
        return "".join(out)

    def _inline_tag(self, inner: str, nesting: int) -> str:
        """``#[strong Religion]``: the tag written with its text and end tag on the line."""
        saved = self.lines
        self.lines = [inner]
        try:
            parts: list[str] = []
            tag, _, at, mode = self._tag(0, inner, 0, parts)
        finally:
            self.lines = saved
        if tag is None:
            return "".join(parts)
        void = tag.lower() in VOID
        rest = inner[at:]
        if mode == "output":
            parts.append(_fill(rest.lstrip("!=")))
        elif mode == "inline":
            parts.append(self._text(rest[1:] if rest.startswith(" ") else rest, nesting))
        return "".join(parts) + ("" if void or mode == "self" else f"</{tag}>")


def _closing(text: str, at: int, budget: Budget) -> int:
    """The index of the bracket that closes the one at ``text[at]``, on its line (-1: none)."""
    depth: list[str] = []
    for m in _TOKEN.finditer(text, at, min(len(text), at + _MAX_GROUP)):
        budget.spend()
        tok = m.group()
        if tok in _OPENERS:
            depth.append(_OPENERS[tok])
        elif depth and tok == depth[-1]:
            depth.pop()
            if not depth:
                return m.start()
        elif tok == "\n":
            return -1
    return -1


# -- attributes ----------------------------------------------------------------------------------------------------
def _attributes(inner: str) -> list[tuple[str, str | None]]:
    """An attribute list's attributes, each value as HTML gets it (None: a boolean attribute); an attribute whose value
    is ``false``, ``null`` or ``undefined`` is not written."""
    out: list[tuple[str, str | None]] = []
    at = 0
    n = len(inner)
    while at < n:
        while at < n and inner[at] in " \t\r\n,":
            at += 1
        m = _ATTR_NAME.match(inner, at)
        if at >= n or m is None or m.end() == at:
            break
        name = m.group(1) if m.group(1) is not None else m.group(2) if m.group(2) is not None else m.group(3)
        at = m.end()
        j = at
        while j < n and inner[j] in " \t":
            j += 1
        if inner.startswith("!=", j) or (j < n and inner[j] == "=" and not inner.startswith("==", j)):
            j += 2 if inner[j] == "!" else 1
            while j < n and inner[j] in " \t\r\n":
                j += 1
            end = _value_end(inner, j)
            value = _value(inner[j:end])
            at = end
            if value is False:
                continue
            out.append((name, None if value is True else value))
        else:
            out.append((name, None))
    return out


def _value_end(inner: str, at: int) -> int:
    """Where the expression that starts at ``inner[at]`` ends: at a comma, or at a blank neither preceded nor followed
    by an operator, on its outer level (``value=user ? user.name : ""`` is one); a ``:`` continues it only after a
    ``?`` (``v-model="x" :label="y"`` are two)."""
    depth: list[str] = []
    ternary = 0
    last = ""
    for m in _TOKEN.finditer(inner, at):
        tok = m.group()
        if tok in _OPENERS:
            depth.append(_OPENERS[tok])
        elif depth and tok == depth[-1]:
            depth.pop()
        elif not depth and tok[0] not in "'\"`":
            for k, ch in enumerate(tok):
                if ch == ",":
                    return m.start() + k
                if ch in " \t\r\n":
                    if last and _CONTINUES.match(last):
                        continue
                    ahead = _NEXT.match(inner, m.start() + k)
                    nxt = ahead.group(1) if ahead is not None else ""
                    if not nxt or _CONTINUES.match(nxt) is None or (nxt == ":" and ternary == 0):
                        return m.start() + k
                    continue
                if ch == "?":
                    ternary += 1
                elif ch == ":" and ternary:
                    ternary -= 1
                last = ch
            continue
        last = tok[-1:]
    return len(inner)


_NEXT = re.compile(r"\s*(\S?)")  # the next character after blanks
_STRING = re.compile(r"""^(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)$""", re.S)
_JS_ESCAPE = re.compile(r"\\(.)", re.S)
_TEMPLATE_PART = re.compile(r"\$\{[^{}]*\}")
_OLD_INTERPOLATION = re.compile(r"[#!]\{[^{}]*\}")


def _value(expr: str) -> str | bool:
    """What an attribute's expression gives HTML: a string literal's text, a number as written, True for ``true`` (a
    boolean attribute), False for ``false`` / ``null`` / ``undefined`` (none), else a printed value (``OUTPUT_FILL``)."""
    expr = expr.strip()
    if expr in ("true", ""):
        return True
    if expr in ("false", "null", "undefined"):
        return False
    m = _STRING.match(expr)
    if m:
        if m.group(3) is not None:
            return _JS_ESCAPE.sub(r"\1", _TEMPLATE_PART.sub(lambda p: _fill(p.group()), m.group(3)))
        said = _JS_ESCAPE.sub(r"\1", m.group(1) if m.group(1) is not None else m.group(2))
        return _OLD_INTERPOLATION.sub(lambda p: _fill(p.group()), said)  # Jade's a(href="/#{url}")
    if _NUMBER.fullmatch(expr):
        return expr
    return _fill(expr)


def _start_tag(tag: str, classes: list[str], attrs: list[tuple[str, str | None]]) -> str:
    out = [f"<{tag}"]
    literal_class = [v for k, v in attrs if k == "class" and v is not None and not v.startswith(OUTPUT_FILL)]
    merged = classes + literal_class
    if merged:
        out.append(f' class="{_escaped(" ".join(merged))}"')
    seen = {"class"}
    for name, value in attrs:
        if name in seen or not name:
            continue
        seen.add(name)
        out.append(f" {name}" if value is None else f' {name}="{_escaped(value)}"')
    out.append(">")
    return "".join(out)


def _escaped(value: str) -> str:
    """An attribute's value in a double-quoted attribute of the line it stands on."""
    return attr(value.replace("\n", " "))
