"""PHP ``foreach`` loops over an array the same file writes as a literal, as the page prints them.

``<?php $groupes = ['A+', 'A-', 'B+']; ?> … <?php foreach ($groupes as $g): ?><option><?= $g ?></option><?php
endforeach; ?>`` prints one option per item, and ``foreach ($tabac as $val => $label)`` over ``['non' => 'Non-fumeur',
…]`` one radio per item with its text. The template reader writes a loop's body once, its printed values as fill;
:func:`write` writes the body once per item instead, each printed ``$value`` / ``$key`` (``<?= $g ?>``, ``<?php echo
$label; ?>``, ``htmlspecialchars($g)``) given the item's text, over the lines the loop stands on: the text keeps
its length and its line breaks, and items that do not fit there are left out. Only arrays of strings and numbers
written in the file are read; a loop over anything else (a query's rows, a nested array) is left as written.
"""

from __future__ import annotations

import html
import re
from typing import Protocol

from analyzer.parse import template_lexer
from analyzer.parse.messages import php_string

MAX_ITEMS = 60  # items read from one array (or one class: analyzer/parse/php_constants.py)
# A PHP literal an array item or a constant may hold: a quoted string (a double-quoted one without a variable in it) or a
# number.
LITERAL = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\$]|\\.)*"|-?\d+(?:\.\d+)?"""


class ClassItems(Protocol):
    """The items of a class's list a loop may go through (:class:`analyzer.parse.php_constants.Constants`)."""

    def items(self, cls: str, member: str, called: bool) -> list[tuple[str, str]]:
        """The (key, value) items of ``cls::member`` (``called``: ``cls::member()``); [] when none is known."""
        ...


_MAX_ARRAY = 6000  # characters of one array literal
_MAX_BODY = 3000  # characters of one loop body
_MAX_LOOPS = 50  # loops written per file

_ASSIGN = re.compile(r"\$(\w+)\s*=\s*(\[|array\s*\()")
# A loop over a list the file writes ($groupes), or over a class's constant or an enum's cases
# (PersonaModel::TIPOS, App\Enums\Searching::getValues(), Faith::cases(): analyzer/parse/php_constants.py), as PHP
# writes it (foreach (…): … endforeach; or foreach (…) { … }) and as Blade does (@foreach (…) … @endforeach).
_LOOP = re.compile(
    r"(?P<blade>@)?\bforeach\s*\(\s*(?:\$(?P<list>\w+)|(?P<cls>\\?[A-Za-z_][\w\\]{0,120})::(?P<member>\w+)(?P<call>\s*\(\s*\))?)"
    r"\s+as\s+(?:\$(?P<key>\w+)\s*=>\s*)?\$(?P<value>\w+)\s*\)\s*(?P<open>:|\{(?!\{))?"  # Blade's "{{" is a print
)
# What opens and closes a loop nested in a loop's body: PHP's alternative syntax, Blade's directives.
_NESTED = {
    False: re.compile(r"(?P<open>\bforeach\s*\([^;{}]{0,400}\)\s*:)|(?P<close>\bendforeach\b\s*;?)"),
    True: re.compile(r"(?P<open>@foreach\b)|(?P<close>@endforeach\b)"),
}
_ITEM = re.compile(
    r"""\s*(?:(?P<k>'(?:[^'\\]|\\.)*'|"(?:[^"\\$]|\\.)*"|-?\d+)\s*=>\s*)?(?P<v>""" + LITERAL + r""")\s*(?:,|$)""",
    re.S,
)


def arrays(original: str) -> dict[str, list[tuple[str, str]]]:
    """Each variable the file assigns an array literal of strings and numbers: its items as (key, value), a
    list's keys its positions; the first literal of a name counts."""
    out: dict[str, list[tuple[str, str]]] = {}
    for m in _ASSIGN.finditer(original):
        name = m.group(1)
        if name in out:
            continue
        items = literal_items(original, m)
        if items:
            out[name] = items
    return out


def literal_items(text: str, opening: re.Match[str]) -> list[tuple[str, str]]:
    """The (key, value) items of the array literal whose opening (``[`` or ``array(``) ``opening`` ends with, when it
    holds only strings and numbers (a list's keys its positions); [] for any other array."""
    close = "]" if opening.group(opening.lastindex or 0).startswith("[") else ")"
    end = text.find(close, opening.end(), opening.end() + _MAX_ARRAY)
    if end < 0:
        return []
    body = text[opening.end() : end]
    if "[" in body or "(" in body:
        return []  # a nested array or a call: not a literal list of texts
    items: list[tuple[str, str]] = []
    at = 0
    while at < len(body) and len(items) < MAX_ITEMS:
        item = _ITEM.match(body, at)
        if item is None or item.end() == at:
            break
        key = literal(item.group("k")) if item.group("k") else str(len(items))
        items.append((key, literal(item.group("v"))))
        at = item.end()
    return items if items and not body[at:].strip(" \t\r\n,") else []


def literal(token: str) -> str:
    """A PHP string literal's text, or a number as written."""
    return php_string(token) if token[:1] in "'\"" else token


def write(original: str, neutral: str, constants: ClassItems | None = None) -> str:
    """``neutral`` (same length as ``original``) with each loop over a literal array, or over a class's list the
    project defines (``constants``: :mod:`analyzer.parse.php_constants`), written once per item."""
    if "foreach" not in original:
        return neutral
    lists = arrays(original)
    if not lists and constants is None:
        return neutral
    chars = list(neutral)
    done = 0
    for m in _LOOP.finditer(original):
        if done >= _MAX_LOOPS or (m.group("blade") is None and m.group("open") is None):
            continue
        if m.group("list"):
            items = lists.get(m.group("list"))
        elif constants is not None:
            items = constants.items(m.group("cls"), m.group("member"), m.group("call") is not None)[:MAX_ITEMS]
        else:
            items = None
        if not items:
            continue
        end = _loop_end(original, m)
        if end is None:
            continue
        body_start, body_end, loop_end = end
        printed = _printed(original[body_start:body_end], m.group("key"), m.group("value"))  # found once, filled per item
        markup = [_filled(neutral[body_start:body_end], printed, key, value) for key, value in items]
        markup = [_compact(piece) for piece in markup if "<" in piece]
        # The loop's own lines, whole where nothing but blanks stands beside it (the "<?php " before it, indentation).
        line_start = neutral.rfind("\n", 0, m.start()) + 1
        start = line_start if not neutral[line_start : m.start()].strip() else m.start()
        line_end = neutral.find("\n", loop_end)
        line_end = len(neutral) if line_end < 0 else line_end
        stop = line_end if not neutral[loop_end:line_end].strip() else loop_end
        if markup and _lay_out(chars, start, stop, markup):
            done += 1
    return "".join(chars)


def _loop_end(original: str, loop: re.Match[str]) -> tuple[int, int, int] | None:
    """(body start, body end, loop end) of a ``foreach (…):`` … ``endforeach;``, a ``foreach (…) {`` … ``}`` or a
    Blade ``@foreach (…)`` … ``@endforeach``, loops of the same kind nested in the body skipped."""
    start = loop.end()
    blade = loop.group("blade") is not None
    if blade or loop.group("open") == ":":
        depth = 1
        for mark in _NESTED[blade].finditer(original, start, min(len(original), start + _MAX_BODY)):
            depth += 1 if mark.group("open") else -1
            if depth == 0:
                close = -1 if blade else original.find("?>", mark.end(), mark.end() + 20)
                return start, mark.start(), (close + 2 if close >= 0 else mark.end())
        return None
    i = template_lexer.closing_brace(original, start, _MAX_BODY)
    if i is None:
        return None
    close = original.find("?>", i, i + 20)
    return start, i, (close + 2 if close >= 0 else i + 1)


# An output tag printing one variable, escaped or not, or an enum case's value or name: <?= $g ?>, <?php echo
# htmlspecialchars($label); ?>, Blade's {{ $item }}, {{ __($item) }}, {!! $item !!}, {{ $faith->value }}.
_CASE_PART = r"(?:->(?P<{}>value|name|label))?"
_PRINTS = re.compile(
    r"<\?(?:=|php\s+echo|php\s+print)\s*(?:(?:htmlspecialchars|htmlentities|esc_html|esc_attr|e)\s*)?(?:\(\s*)?\$(?P<var>\w+)"
    + _CASE_PART.format("prop")
    + r"\s*(?:\)\s*)?(?:;\s*)?\?>"
    + r"|\{\{\s*(?:(?:e|__|trans|ucfirst|ucwords)\s*)?(?:\(\s*)?\$(?P<bvar>\w+)"
    + _CASE_PART.format("bprop")
    + r"\s*(?:\)\s*)?\}\}"
    + r"|\{!!\s*\$(?P<rvar>\w+)"
    + _CASE_PART.format("rprop")
    + r"\s*!!\}"
)


def _printed(body: str, key_var: str | None, value_var: str) -> list[tuple[int, int, bool]]:
    """Where the loop's body prints the item's value or key: (start, end, whether the key; an enum case's name is its
    key)."""
    out = []
    for m in _PRINTS.finditer(body):
        var = m.group("var") or m.group("bvar") or m.group("rvar")
        prop = m.group("prop") or m.group("bprop") or m.group("rprop")
        if var in (value_var, key_var):
            out.append((m.start(), m.end(), var == key_var or prop == "name"))
    return out


def _filled(body: str, printed: list[tuple[int, int, bool]], key: str, value: str) -> str:
    """The loop's body as the page parser reads it (``body``, neutralised), each place it prints the item's value or
    key given that text."""
    out, last = [], 0
    for a, b, is_key in printed:
        out.append(body[last:a])
        out.append(html.escape(key if is_key else value, quote=True))
        last = b
    out.append(body[last:])
    return "".join(out)


_NOISE = re.compile(r"""\s(?:class|style|onclick|onchange|data-[\w-]+)\s*=\s*(?:"[^"]*"|'[^']*')|\s0{2,}(?=[\s/>])""")


_OPTION_VALUE = re.compile(r"""(<option\b[^>]*?)\svalue\s*=\s*(?:"[^"]*"|'[^']*')""", re.I)


def _compact(piece: str) -> str:
    """One item's markup on one line, without what says nothing of a control: class, style, handlers, printed
    attributes, and an option's value (its text is what a person reads)."""
    return " ".join(_OPTION_VALUE.sub(r"\1", _NOISE.sub("", piece)).split())


def _lay_out(chars: list[str], start: int, end: int, pieces: list[str]) -> bool:
    """Write ``pieces`` (one item's markup each) over ``chars[start:end]`` word by word, a word never split across a
    line break (HTML reads a break between words as a blank), whole items only, the rest blank; the line breaks stay
    where they are. Nothing is written, and False returned, when not even the first item fits: the loop's body as
    written stays."""
    segments, at = [], start
    for line in "".join(chars[start:end]).split("\n"):
        segments.append((at, at + len(line)))
        at += len(line) + 1
    placed: list[tuple[int, str]] = []  # (position, word) of the items written whole
    seg, at = 0, segments[0][0]
    for piece in pieces:
        words, trial, s_i, a_i = piece.split(), [], seg, at
        for word in words:
            while s_i < len(segments) and a_i + len(word) > segments[s_i][1]:
                s_i += 1
                a_i = segments[s_i][0] if s_i < len(segments) else a_i
            if s_i >= len(segments):
                break
            trial.append((a_i, word))
            a_i += len(word) + 1
        else:
            placed += trial
            seg, at = s_i, a_i
            continue
        break
    if not placed:
        return False
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "
    for pos, word in placed:
        chars[pos : pos + len(word)] = word
    return True
