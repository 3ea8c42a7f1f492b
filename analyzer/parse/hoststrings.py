"""String literals of server-side code (Python, PHP, Ruby), with where they sit.

A recorder snippet held in a string of server code (a Django template tag's constant, a PHP
heredoc handed to a head-injection API, a Ruby helper's heredoc) is data here: it runs wherever
the code that renders it puts it. This module finds those strings without running anything:
Python through the standard ``ast`` (never executed), PHP and Ruby through a small linear lexer
that knows their quotes, heredocs, nowdocs and comments (enough to tell a string from code; not a
parser). Each string comes with its raw body span (offsets in the file), whether its statement
prints it (PHP ``echo``/``print``/``printf``: output, not data), and the function it is in.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass

# Suffixes read as server code (the language by suffix); a PHP file needs "<?php" in it.
LANGUAGE_BY_SUFFIX: tuple[tuple[str, str], ...] = (
    (".py", "python"),
    (".rb", "ruby"),
    (".rake", "ruby"),
    # Drupal and Backdrop modules keep their PHP in these (drupal.org "Module file structure").
    (".module", "php"),
    (".inc", "php"),
    (".install", "php"),
    (".theme", "php"),
    (".engine", "php"),
)


@dataclass(frozen=True)
class HostString:
    start: int  # offset of the literal (its opening quote or heredoc marker)
    body_start: int  # offset of the first character of its content
    body_end: int  # offset just past its content
    text: str  # the content as written (Python: the value, placeholders filled)
    printed: bool = False  # the statement prints it (PHP echo / print / printf)
    function: str | None = None  # the enclosing function's name ("" for a closure), None at top level
    function_span: tuple[int, int] | None = None  # the enclosing function's offsets
    pieces: tuple[tuple[int, int], ...] = ()  # body spans of a concatenation's parts (else the body)

    def spans(self) -> tuple[tuple[int, int], ...]:
        """The (start, end) offsets of the string's text: each part of a concatenation, else the one
        body."""
        return self.pieces or ((self.body_start, self.body_end),)


@dataclass(frozen=True)
class Lexed:
    strings: tuple[HostString, ...]
    comments: tuple[tuple[int, int], ...]


def language(name: str, text: str) -> str | None:
    """The server language of a file by its suffix (PHP only when the text opens ``<?php``)."""
    low = name.lower()
    lang = next((lang for suffix, lang in LANGUAGE_BY_SUFFIX if low.endswith(suffix)), None)
    if lang == "php" and "<?php" not in text[:4096]:
        return None
    return lang


def lex(text: str, lang: str) -> Lexed:
    """The string literals (and, for PHP and Ruby, the comments) of a file in ``lang``."""
    if lang == "python":
        return _python(text)
    if lang == "php":
        return _php(text)
    return _ruby(text)


# --- Python -------------------------------------------------------------------------------------

_PLACEHOLDER = "0"  # what an f-string field or a %-placeholder stands for: an id is a number


def _python(text: str) -> Lexed:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Lexed((), ())
    lines = _line_starts(text)
    docstrings = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant | ast.JoinedStr)}
    out: list[HostString] = []
    # One walk that carries the innermost enclosing function (an explicit stack: no recursion).
    stack: list[tuple[ast.AST, ast.FunctionDef | ast.AsyncFunctionDef | None]] = [(tree, None)]
    while stack:
        node, fn = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            fn = node
        value = None if id(node) in docstrings else _python_value(node)  # a bare string statement: documentation
        if value is not None and isinstance(node, ast.expr) and ("<" in value or "(" in value):  # only expressions hold a value
            start, end = _span(node, lines)
            out.append(
                HostString(
                    start, _body_start(text, start, end), end, value, False, fn.name if fn else None, _span(fn, lines) if fn else None
                )
            )
        stack.extend((child, fn) for child in ast.iter_child_nodes(node))
    return Lexed(tuple(_outermost(out)), ())


def _python_value(node: ast.AST) -> str | None:
    """The text a string expression holds: a constant, an f-string (fields as placeholders), a
    ``"…" % …`` or ``"…".format(k="…")`` template with the keyword strings put in."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else _PLACEHOLDER for v in node.values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        base = node.func.value
        if isinstance(base, ast.Constant) and isinstance(base.value, str):
            out = base.value
            for kw in node.keywords:
                if kw.arg and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                    out = out.replace("{" + kw.arg + "}", kw.value.value)
            return out
    return None


def _outermost(found: list[HostString]) -> list[HostString]:
    """A ``.format`` call and its template constant are one string: keep the enclosing one."""
    found.sort(key=lambda s: (s.start, -(s.body_end - s.start)))
    out: list[HostString] = []
    for s in found:
        if out and out[-1].start <= s.start and s.body_end <= out[-1].body_end:
            continue
        out.append(s)
    return out


def _line_starts(text: str) -> list[int]:
    starts = [0]
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _span(node: ast.expr | ast.stmt, lines: list[int]) -> tuple[int, int]:
    # ast columns count UTF-8 bytes; for the ASCII code around snippets they are characters.
    start = lines[node.lineno - 1] + node.col_offset
    end_line = getattr(node, "end_lineno", node.lineno) or node.lineno
    end = lines[end_line - 1] + (getattr(node, "end_col_offset", 0) or 0)
    return start, end


_PY_PREFIX = re.compile(r"[rRbBuUfF]{0,2}(?:'''|\"\"\"|'|\")")


def _body_start(text: str, start: int, end: int) -> int:
    m = _PY_PREFIX.match(text, start, end)
    body = m.end() if m else start
    return body + 2 if text.startswith("\\\n", body) else body  # """\ : the value starts on the next line


# --- PHP ----------------------------------------------------------------------------------------

_PHP_HEREDOC = re.compile(r"<<<[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\1\r?\n")
_HEAD_MAX = 2000  # a function's signature, a statement's head: looked for this far, no further
_PHP_PRINTERS = ("echo", "print", "printf", "vprintf", "print_r", "?>")
_PHP_FUNCTION = re.compile(r"\bfunction\s*(?:&\s*)?(?:([A-Za-z_][A-Za-z0-9_]*)\s*)?\(")


def _php(text: str) -> Lexed:
    """Strings and comments inside ``<?php … ?>`` (text outside is page markup)."""
    strings: list[tuple[int, int, int]] = []
    comments: list[tuple[int, int]] = []
    n = len(text)
    i = text.find("<?")
    while 0 <= i < n:
        c = text[i]
        if c == "?" and text.startswith("?>", i):
            nxt = text.find("<?", i + 2)
            i = nxt if nxt >= 0 else n
        elif c in "'\"":
            end = _quoted_end(text, i)
            strings.append((i, i + 1, end - 1))
            i = end
        elif c == "#" and not text.startswith("#[", i) or c == "/" and text.startswith("//", i):
            end = _line_comment_end(text, i)
            comments.append((i, end))
            i = end
        elif c == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            comments.append((i, end))
            i = end
        elif c == "<" and text.startswith("<<<", i):
            m = _PHP_HEREDOC.match(text, i)
            if not m:
                i += 3
                continue
            close = re.compile(r"^[ \t]*" + re.escape(m.group(2)) + r"\b", re.M)
            e = close.search(text, m.end())
            body_end = e.start() if e else n
            strings.append((i, m.end(), body_end))
            i = e.end() if e else n
        else:
            i += 1
    return Lexed(tuple(_php_context(text, strings, comments)), tuple(comments))


def _quoted_end(text: str, i: int) -> int:
    """Offset just past the string literal opened at ``i`` (backslash escapes; unterminated: the end)."""
    quote, j, n = text[i], i + 1, len(text)
    while j < n:
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == quote:
            return j + 1
        j += 1
    return n


def _line_comment_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    close = text.find("?>", i, end if end >= 0 else len(text))
    if close >= 0:
        return close
    return len(text) if end < 0 else end


def _php_context(text: str, strings: list[tuple[int, int, int]], comments: list[tuple[int, int]]) -> list[HostString]:
    code = _code_only(text, strings, comments)
    functions = sorted(_php_functions(code), key=lambda f: f[1])
    out = []
    open_fns: list[tuple[str, int, int]] = []  # the functions around the current offset, innermost last
    at = 0
    for start, body, end, joined, pieces in _php_joined(text, code, strings):
        while at < len(functions) and functions[at][1] <= start:
            open_fns.append(functions[at])
            at += 1
        open_fns = [f for f in open_fns if start < f[2]]  # properly nested: a sweep suffices
        fn = open_fns[-1] if open_fns else None
        out.append(
            HostString(start, body, end, joined, _php_printed(code, start), fn[0] if fn else None, (fn[1], fn[2]) if fn else None, pieces)
        )
    return out


# Between two pieces of one concatenated string: "." alone, or ". $id ." / ". esc_attr($id) .".
_PHP_GLUE = re.compile(r"\s*\.\s*(?:[$A-Za-z_][\w$>\-\[\]]{0,80}(?:\([^()]{0,80}\))?\s*\.\s*)?")


def _php_joined(text: str, code: str, strings: list[tuple[int, int, int]]) -> list[tuple[int, int, int, str, tuple[tuple[int, int], ...]]]:
    """Strings joined with ``.`` (around a variable or a call) as one: a snippet is often split where
    its id goes (``"…hjid:" . $id . ",hjsv:5…"``, ``'…id = "' . trim($this->params->get('siteid')) . '";…'``);
    the variable or call reads as a placeholder, a variable the file assigns one string literal as
    that string. A string inside such a call (``'siteid'``) stays a string of its own."""
    out: list[tuple[int, int, int, str, tuple[tuple[int, int], ...]]] = []
    constants = _php_constants(text, code, strings)
    open_at = -1  # the entry a later string may continue
    call_end: int | None = None  # where the string after a glued call (`. f(…) .`) must start
    for start, body, end in strings:
        if open_at >= 0:
            prev_start, prev_body, prev_end, prev_text, pieces = out[open_at]
            glue = _PHP_GLUE.fullmatch(code, prev_end + 1, start) if prev_end < start else None
            filler = None
            if glue is not None:
                filler = "0" if glue.group(0).count(".") > 1 else ""
                name = _PHP_VAR_GLUE.fullmatch(glue.group(0))
                if name is not None and name.group(1) in constants:
                    filler = constants[name.group(1)]  # ' . $wjs . ' with $wjs = '"https://…/w.js"'
            elif call_end is not None and start == call_end:
                filler = "0"
            elif call_end is not None and start < call_end:
                out.append((start, body, end, text[body:end], ((body, end),)))  # an argument of the glued call
                continue
            if filler is not None:
                out[open_at] = (prev_start, prev_body, end, prev_text + filler + text[body:end], pieces + ((body, end),))
                call_end = _call_glue_end(code, end + 1)
                continue
        out.append((start, body, end, text[body:end], ((body, end),)))
        open_at = len(out) - 1
        call_end = _call_glue_end(code, end + 1)
    return out


_PHP_CALL_HEAD = re.compile(r"\s*\.\s*[$A-Za-z_][\w$>\-\[\]:]{0,80}\(")
_PHP_DOT = re.compile(r"\s*\.\s*")


def _call_glue_end(code: str, at: int) -> int | None:
    """Where the next piece starts when ``. f(…) .`` follows offset ``at`` (parentheses balanced
    within 300 characters; string bodies are blank in ``code``), else None."""
    head = _PHP_CALL_HEAD.match(code, at)
    if head is None:
        return None
    depth, i, stop = 1, head.end(), min(len(code), head.end() + 300)
    while i < stop and depth:
        c = code[i]
        depth += 1 if c == "(" else -1 if c == ")" else 0
        i += 1
    if depth:
        return None
    dot = _PHP_DOT.match(code, i)
    return dot.end() if dot is not None and "." in dot.group(0) else None


_PHP_VAR_GLUE = re.compile(r"\s*\.\s*\$(\w{1,80})\s*\.\s*")
_PHP_ASSIGN = re.compile(r"\$(\w{1,80})\s*(\.?)=\s*$")


def _php_constants(text: str, code: str, strings: list[tuple[int, int, int]]) -> dict[str, str]:
    """Variables the file assigns once, a whole string literal (``$wjs = '"https://…/w.js"';``): a
    concatenation that names one reads as that text. A name assigned twice (or appended to) is left
    a placeholder."""
    seen: dict[str, str | None] = {}
    for start, body, end in strings:
        m = _PHP_ASSIGN.search(code, max(0, start - 90), start)
        if m is None:
            continue
        after = code[end + 1 : end + 40].lstrip()
        single = not m.group(2)
        value = text[body:end] if after.startswith(";") and single and end - body <= 2000 else None
        seen[m.group(1)] = value if m.group(1) not in seen else None
    return {k: v for k, v in seen.items() if v is not None}


def _code_only(text: str, strings: list[tuple[int, int, int]], comments: list[tuple[int, int]]) -> str:
    """The text with string bodies and comments blanked (same length): braces and keywords in
    them no longer count."""
    return blank_spans(text, [*((b, e) for _s, b, e in strings), *comments])


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each [start, end) span blanked, line breaks kept (same length, positions unchanged)."""
    chars = list(text)
    n = len(chars)
    for b, e in spans:
        for k in range(b, min(e, n)):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)


def _php_functions(code: str) -> list[tuple[str, int, int]]:
    """(name, body start, body end) of every function, by one pass of brace matching on code only."""
    heads: dict[int, str] = {}
    for m in _PHP_FUNCTION.finditer(code):
        brace = code.find("{", m.end(), m.end() + _HEAD_MAX)
        semi = code.find(";", m.end(), m.end() + _HEAD_MAX)
        if brace >= 0 and not 0 <= semi < brace:  # else an abstract or interface method: no body
            heads[brace] = m.group(1) or ""
    return _braced(code, heads)


def _braced(code: str, heads: dict[int, str]) -> list[tuple[str, int, int]]:
    """(name, opening brace, closing brace) of each block whose opening brace ``heads`` names, by
    one pass of brace matching (``code`` with strings and comments blanked)."""
    out = []
    stack: list[int] = []
    for j, c in enumerate(code):
        if c == "{":
            stack.append(j)
        elif c == "}" and stack:
            opened = stack.pop()
            if opened in heads:
                out.append((heads[opened], opened, j))
    return out


def _php_printed(code: str, start: int) -> bool:
    """Whether the statement holding the string at ``start`` begins with a printer."""
    j = start - 1
    stop = max(-1, start - _HEAD_MAX)
    skip = 1
    while j > stop and code[j] not in ";{}":
        if code.startswith("?>", j) or code.startswith("<?", j):
            skip = 2  # the head starts after the tag's two characters
            break
        j -= 1
    head = code[j + skip : start].strip()
    if head.startswith("php"):
        head = head[3:].strip()
    first = head.split("(")[0].split()[0].lower() if head.split("(")[0].split() else ""
    return first in _PHP_PRINTERS or code.startswith("<?=", max(j, 0)) or code.startswith("<?=", max(j - 1, 0))


# --- Ruby ---------------------------------------------------------------------------------------

_RUBY_HEREDOC = re.compile(r"<<([~-]?)(['\"`]?)([A-Za-z_][A-Za-z0-9_]*)\2")


def _ruby(text: str) -> Lexed:
    strings: list[tuple[int, int, int]] = []
    comments: list[tuple[int, int]] = []
    n = len(text)
    i = 0
    pending: list[tuple[int, str, bool]] = []  # heredocs opened on the current line
    while i < n:
        c = text[i]
        if c == "\n" and pending:
            i = _ruby_heredoc_bodies(text, i + 1, pending, strings)
            pending = []
            continue
        if c in "'\"`":
            end = _quoted_end(text, i)
            strings.append((i, i + 1, end - 1))
            i = end
        elif c == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            comments.append((i, end))
            i = end
        elif c == "<" and text.startswith("<<", i):
            m = _RUBY_HEREDOC.match(text, i)
            if m and (m.group(1) or m.group(2) or m.group(3).isupper()):
                pending.append((i, m.group(3), bool(m.group(1))))
                i = m.end()
            else:
                i += 2
        else:
            i += 1
    return Lexed(tuple(HostString(s, b, e, text[b:e]) for s, b, e in strings), tuple(comments))


def _ruby_heredoc_bodies(text: str, at: int, pending: list[tuple[int, str, bool]], strings: list[tuple[int, int, int]]) -> int:
    for start, word, indented in pending:
        close = re.compile((r"^[ \t]*" if indented else "^") + re.escape(word) + r"[ \t]*\r?$", re.M)
        m = close.search(text, at)
        end = m.start() if m else len(text)
        strings.append((start, at, end))
        at = m.end() if m else len(text)
    return at


_PHP_CLASS = re.compile(r"\b(?:class|trait|enum)\s+([A-Za-z_][A-Za-z0-9_]*)[^{;]{0,2000}?\{")
_PHP_EXTENDS = re.compile(r"\bextends\s+\\?([\w\\]{1,200})")


@dataclass(frozen=True)
class PhpFunction:
    """A named PHP function or method: where its body is, and the class it is a method of."""

    name: str
    body: tuple[int, int]  # offsets of its braces
    owner: str | None  # the class (trait, enum) it is a method of
    base: str | None = None  # the class its owner extends, last namespace segment (class A extends \B\C: "C")


def outside_php(text: str) -> list[tuple[int, int]]:
    """The spans of a file that lie outside its ``<?php … ?>`` blocks (page markup)."""
    outside: list[tuple[int, int]] = []
    inside = False
    i = 0
    n = len(text)
    while i < n:
        j = text.find("?>" if inside else "<?", i)
        end = n if j < 0 else j
        if not inside:
            outside.append((i, end))
        i = end + 2 if j >= 0 else n
        inside = not inside
    return outside


def php_code(text: str, lexed: Lexed) -> str:
    """The PHP code of a file with everything else blanked (same length: page markup outside ``<?php … ?>``, string
    bodies, comments): brackets, keywords and operators in them no longer count."""
    return blank_spans(text, [*outside_php(text), *(span for hs in lexed.strings for span in hs.spans()), *lexed.comments])


def php_functions(text: str, lexed: Lexed) -> tuple[str, list[PhpFunction], list[tuple[int, int]]]:
    """The PHP code of a file (``php_code``), its named functions and methods, and the bodies of its anonymous
    functions (closures), by one pass of brace matching."""
    code = php_code(text, lexed)
    spans = _php_functions(code)
    classes: dict[int, str] = {}
    bases: dict[str, str] = {}
    for m in _PHP_CLASS.finditer(code):
        classes[m.end() - 1] = m.group(1)
        parent = _PHP_EXTENDS.search(m.group(0))
        if parent is not None:
            bases[m.group(1)] = parent.group(1).rsplit("\\", 1)[-1]
    class_spans = _braced(code, classes)
    named: list[PhpFunction] = []
    closures: list[tuple[int, int]] = []
    innermost_first = sorted(class_spans, key=lambda c: c[2] - c[1])
    for name, start, end in spans:
        if not name:
            closures.append((start, end))
            continue
        owner = next((c for c, s, e in innermost_first if s < start and end < e), None)
        named.append(PhpFunction(name, (start, end), owner, bases.get(owner) if owner else None))
    return code, named, closures
