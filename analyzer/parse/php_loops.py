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

from analyzer.parse.messages import php_string

_MAX_ITEMS = 60  # items read from one array
_MAX_ARRAY = 6000  # characters of one array literal
_MAX_BODY = 3000  # characters of one loop body
_MAX_LOOPS = 50  # loops written per file

_ASSIGN = re.compile(r"\$(\w+)\s*=\s*(\[|array\s*\()")
_LOOP = re.compile(r"\bforeach\s*\(\s*\$(\w+)\s+as\s+(?:\$(\w+)\s*=>\s*)?\$(\w+)\s*\)\s*(:|\{)")
_END = re.compile(r"\bendforeach\s*;?")
_ITEM = re.compile(
    r"""\s*(?:(?P<k>'(?:[^'\\]|\\.)*'|"(?:[^"\\$]|\\.)*"|-?\d+)\s*=>\s*)?(?P<v>'(?:[^'\\]|\\.)*'|"(?:[^"\\$]|\\.)*"|-?\d+(?:\.\d+)?)\s*(?:,|$)""",
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
        close = "]" if m.group(2) == "[" else ")"
        end = original.find(close, m.end(), m.end() + _MAX_ARRAY)
        if end < 0:
            continue
        body = original[m.end() : end]
        if "[" in body or "(" in body:
            continue  # a nested array or a call: not a literal list of texts
        items: list[tuple[str, str]] = []
        at = 0
        while at < len(body) and len(items) < _MAX_ITEMS:
            item = _ITEM.match(body, at)
            if item is None or item.end() == at:
                break
            key = _literal(item.group("k")) if item.group("k") else str(len(items))
            items.append((key, _literal(item.group("v"))))
            at = item.end()
        if items and not body[at:].strip(" \t\r\n,"):
            out[name] = items
    return out


def _literal(token: str) -> str:
    return php_string(token) if token[:1] in "'\"" else token


def write(original: str, neutral: str) -> str:
    """``neutral`` (same length as ``original``) with each loop over a literal array written once per item."""
    if "foreach" not in original:
        return neutral
    lists = arrays(original)
    if not lists:
        return neutral
    chars = list(neutral)
    done = 0
    for m in _LOOP.finditer(original):
        items = lists.get(m.group(1))
        if not items or done >= _MAX_LOOPS:
            continue
        end = _loop_end(original, m)
        if end is None:
            continue
        body_start, body_end, loop_end = end
        printed = _printed(original[body_start:body_end], m.group(2), m.group(3))  # found once, filled per item
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
    """(body start, body end, loop end) of a ``foreach (…):`` … ``endforeach;`` or ``foreach (…) {`` … ``}``."""
    start = loop.end()
    if loop.group(4) == ":":
        end = _END.search(original, start, start + _MAX_BODY)
        if end is None:
            return None
        close = original.find("?>", end.end(), end.end() + 20)
        return start, end.start(), (close + 2 if close >= 0 else end.end())
    depth = 1
    for i in range(start, min(len(original), start + _MAX_BODY)):
        c = original[i]
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                close = original.find("?>", i, i + 20)
                return start, i, (close + 2 if close >= 0 else i + 1)
    return None


# An output tag printing one variable, escaped or not: <?= $g ?>, <?php echo htmlspecialchars($label); ?>.
_PRINTS = re.compile(
    r"<\?(?:=|php\s+echo|php\s+print)\s*(?:htmlspecialchars|htmlentities|esc_html|esc_attr|e)?\s*\(?\s*\$(?P<var>\w+)\s*\)?\s*;?\s*\?>"
)


def _printed(body: str, key_var: str | None, value_var: str) -> list[tuple[int, int, bool]]:
    """Where the loop's body prints the item's value or key: (start, end, whether the key)."""
    return [(m.start(), m.end(), m.group("var") == key_var) for m in _PRINTS.finditer(body) if m.group("var") in (value_var, key_var)]


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
