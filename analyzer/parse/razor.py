"""Razor's C# in a Blazor component or an ASP.NET view (``.razor``, ``.cshtml``), blanked where it is no text.

These files are read as HTML (``templates.READ_AS_HTML``): the C# around the markup stays as text, and a person
never sees it. Left so, ``@if (!user.IsInRole("Paciente")) {`` was read as the label of the control after it and
a closing ``}`` as another's. Blanked here, same length and newlines kept (positions stay true to the source):
comments (``@* … *@``), ``@code`` / ``@functions`` blocks and ``@{ … }`` blocks holding no markup, the heads of
control-flow blocks (``@if (…) {``, ``@foreach (…) {``, ``} else if (…) {``, ``} else {``, ``@switch``,
``@using (…) {``, ``@try {``, ``} catch (…) {``) and a block's closing ``}`` standing alone on its line or right
after a tag, and directives (``@page "/x"``, ``@using X``, ``@inject …``). An expression (``@x.TrastornoTipo``,
``@Model.Name``) prints a value: it is written as other templates' output is (``templates.OUTPUT_FILL``), which
the field reader drops from the texts a person reads; an attribute named with ``@`` (``@bind-Value=``) stays.
"""

from __future__ import annotations

import re

from analyzer.parse.templates import OUTPUT_FILL

SUFFIXES = (".razor", ".cshtml")
MAX_BLOCK = 200_000  # characters of one @code block walked for its closing brace
MAX_CONDITION = 2_000  # characters of one block head's condition walked for its closing parenthesis

_CODE_BLOCK = re.compile(r"@(?:code|functions)\s*\{|@\{")
_HEAD = re.compile(r"@(?:if|foreach|for|while|switch|using|lock)\s*\(|@(?:try|do)\s*\{")
_ELSE = re.compile(r"\}\s*(?:else\s+if\s*\(|catch\s*\(|else\s*\{|finally\s*\{)")
_BRACE = re.compile(r"\s*\{")
_LONE_CLOSE = re.compile(r"^[ \t]*\}[ \t]*$", re.M)
_CLOSE_AFTER_TAG = re.compile(r"(?<=>)[ \t]*\}[ \t]*(?=<|$)", re.M)
_DIRECTIVE = re.compile(
    r"^[ \t]*@(?:page|using|inject|model|inherits|layout|namespace|attribute|implements|rendermode|typeparam|preservewhitespace)\b[^\n]*",
    re.M,
)
# @x.Name, @x[0], @Model.Items[i].Text: not after a word character or an @ (an e-mail address, @@), not an
# attribute's name (@bind-Value=, @onclick=) nor its value (@bind-Value=@x.Severidad: what the control is bound to).
_EXPRESSION = re.compile(r"(?<![\w@=\"'])@[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[[^\]\n<>]{0,40}\])*(?![\w-]*[ \t]*=)")


def blank_code(text: str) -> str:
    """``text`` with its Razor code blanked (see the module's doc); the same length, newlines kept. The walks for
    closing brackets share one budget of a few times the text's length: past it, blocks are left as they are."""
    if "@" not in text and "}" not in text:
        return text
    chars = list(text)
    budget = [4 * len(text) + MAX_BLOCK]
    at = text.find("@*")
    while at >= 0:  # comments, found with find(): an unclosed one ends the search, in linear time
        end = text.find("*@", at + 2)
        if end < 0:
            break
        _blank(chars, at, end + 2)
        at = text.find("@*", end + 2)
    for m in _CODE_BLOCK.finditer(text):
        block_end = _closing(text, m.end() - 1, "{", "}", MAX_BLOCK, budget)
        if block_end is not None and (m.group(0) != "@{" or text.find("<", m.end(), block_end) < 0):
            _blank(chars, m.start(), block_end + 1)
    for pattern in (_HEAD, _ELSE):
        for m in pattern.finditer(text):
            end = m.end()
            if text[end - 1] == "(":
                close = _closing(text, end - 1, "(", ")", MAX_CONDITION, budget)
                if close is None:
                    continue
                end = close + 1
                brace = _BRACE.match(text, end)
                end = brace.end() if brace else end
            _blank(chars, m.start(), end)
    for pattern in (_LONE_CLOSE, _CLOSE_AFTER_TAG, _DIRECTIVE):
        for m in pattern.finditer(text):
            _blank(chars, m.start(), m.end())
    for m in _EXPRESSION.finditer(text):
        if chars[m.start()] == "@":  # not inside code blanked above
            _blank(chars, m.start(), m.end(), OUTPUT_FILL)
    return "".join(chars)


def _closing(text: str, at: int, opening: str, closing: str, limit: int, budget: list[int]) -> int | None:
    """Where the bracket opened at ``at`` closes (string literals on one line skipped), within ``limit`` characters;
    every character looked at is spent from ``budget``, and None is the answer once it is spent."""
    end = min(len(text), at + limit)
    depth, k = 0, at
    while k < end:
        if budget[0] <= 0:
            return None
        budget[0] -= 1
        c = text[k]
        if c in "\"'":
            line_end = text.find("\n", k, end)
            stop = end if line_end < 0 else line_end
            close = text.find(c, k + 1, stop)
            budget[0] -= (close if close >= 0 else stop) - k
            if close >= 0:  # a literal on its line; an apostrophe in prose has no partner there
                k = close + 1
                continue
        elif c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return k
        k += 1
    return None


def _blank(chars: list[str], start: int, end: int, fill: str = " ") -> None:
    for k in range(start, end):
        if chars[k] != "\n":
            chars[k] = fill
