"""PHP array literals written out as the JavaScript literals they are, for the field-list reader.

A PHP form plugin or builder keeps a form as an array of field definitions (a WPForms template's ``'fields' =>
array( 1 => array( 'id' => '1', 'type' => 'number', 'label' => __( 'Age', 'wpforms' ) ), … )``, a Laravel form
config's ``['name' => 'diagnosis', 'label' => 'Diagnóstico', 'type' => 'textarea']``), and renders each as its
control. The code is transcribed character for character, never run: ``=>`` becomes ``:``, ``->`` a member access, an
``array(…)`` or ``[…]`` holding keys an object literal and one without a list (integer keys dropped: ``1 => …`` is the
first item), a translation call (``__( 'Age', 'domain' )``, ``$this->t('Age')``) the string it is given, comments,
heredocs, PHP's tags and the page markup around them blanks (``hoststrings`` tells strings and comments from code).
Every character keeps its line and column, so ``analyzer.facts.fieldlists`` reads each definition where it stands in
the file.
"""

from __future__ import annotations

import functools
import re

from analyzer.parse import hoststrings

MAX_BYTES = 300_000  # a larger PHP file is generated or vendored code, not a form's definitions
_TAGS = re.compile(r"<\?(?:php|=)?|\?>")
# A translation call given a string first (``__( 'Age', 'domain' )``, Drupal's ``$this->t('Age')``; the names are
# ``[translation] calls`` of signatures/ui_components.toml): the string is what a visitor reads.
_STRING_ARGUMENT = r"""\s*\(\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")[^()'"\n]*(?:'[^'\n]*'[^()'"\n]*)*\)"""
_ARRAY = re.compile(r"array\s*\(", re.I)
_INTEGER = re.compile(r"\s*-?\d+\s*")
_WORD = re.compile(r"[\w$)\]]")
_LAST_WORD = re.compile(r"[A-Za-z_]\w*$")
_KEYWORDS = frozenset({"return", "echo", "print", "yield", "case", "in", "as", "and", "or", "xor", "else", "fn"})


@functools.lru_cache(maxsize=4)
def _labelled(label_keys: tuple[str, ...]) -> re.Pattern[str]:
    """An array member keyed by one of a definition's label keys (``'label' =>``, ``"pregunta" =>``)."""
    keys = "|".join(re.escape(k) for k in sorted(label_keys, key=len, reverse=True))
    return re.compile(r"""['"](?:""" + keys + r""")['"]\s*=>""", re.I)


def worth_reading(text: str, label_keys: tuple[str, ...]) -> bool:
    """Whether PHP code may hold field definitions: an array member keyed by a label key (``[field_lists] label_keys``),
    in a file of bounded size."""
    return len(text) <= MAX_BYTES and bool(label_keys) and _labelled(label_keys).search(text) is not None


class _Frame:
    __slots__ = ("array", "open", "keys", "start")

    def __init__(self, array: bool, open_at: int) -> None:
        self.array = array  # an array literal (else a call's or an index's brackets)
        self.open = open_at  # where its opening bracket stands in the output
        self.keys: list[tuple[int, int]] = []  # each top-level key's span, up to and with its "=>"
        self.start = open_at + 1  # where the current item begins


def script(text: str, translations: frozenset[str] = frozenset()) -> str:
    """The PHP code ``text`` transcribed as JavaScript (see the module), of the same length, line for line;
    ``translations``: the names of the calls that print a translated string. Strings, heredocs and comments are told
    from code by the project's PHP lexer (``hoststrings``); the structure is read from the code alone."""
    lexed = hoststrings.lex(text, "php")
    code = hoststrings.php_code(text, lexed)
    heredocs = [(hs.start, hs.body_end) for hs in lexed.strings if text.startswith("<<<", hs.start)]
    kept = hoststrings.blank_spans(text, [*hoststrings.outside_php(text), *lexed.comments, *heredocs])
    out = list(_TAGS.sub(lambda m: " " * len(m.group()), kept))
    if translations:
        _blank_translation_calls(text, out, _translated(tuple(sorted(translations))))
    stack: list[_Frame] = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if c == " " or (out[i] == " " and c != "\n"):  # blank code, or a translation call's blanked name
            i += 1
            continue
        if code.startswith("=>", i):
            out[i : i + 2] = [":", " "]
            if stack and stack[-1].array:
                stack[-1].keys.append((stack[-1].start, i + 2))
            i += 2
            continue
        if code.startswith("->", i):
            out[i : i + 2] = [".", " "]
            i += 2
            continue
        m = _ARRAY.match(code, i) if c in "aA" and (i == 0 or not (code[i - 1].isalnum() or code[i - 1] in "_$")) else None
        if m is not None:
            at = m.end() - 1
            out[i:at] = " " * (at - i)
            stack.append(_Frame(True, at))
            i = at + 1
            continue
        if c in "([":
            stack.append(_Frame(c == "[" and not _indexes(code, i), i))
        elif c in ")]" and stack:
            _close(stack.pop(), i, out)
        elif c == "," and stack:
            stack[-1].start = i + 1
        i += 1
    return "".join(out)


def _indexes(code: str, i: int) -> bool:
    """Whether the ``[`` at ``i`` indexes what stands before it (``$row['label']``, ``f()[0]``), not opens an array."""
    before = code[max(0, i - 40) : i].rstrip()
    if not before or not _WORD.match(before[-1]):
        return False
    word = _LAST_WORD.search(before)
    return word is None or word.group().lower() not in _KEYWORDS


def _close(frame: _Frame, at: int, out: list[str]) -> None:
    """Write an array's brackets: an object's when it has keys, a list's when it has none or only integer ones."""
    if not frame.array:
        return
    listed = not frame.keys or all(_INTEGER.fullmatch("".join(out[s : e - 2])) for s, e in frame.keys)
    if listed:
        for s, e in frame.keys:
            out[s:e] = [ch if ch == "\n" else " " for ch in out[s:e]]
    out[frame.open], out[at] = ("[", "]") if listed else ("{", "}")


@functools.lru_cache(maxsize=4)
def _translated(names: tuple[str, ...]) -> re.Pattern[str]:
    """A call of one of ``names`` (or a method of that name on ``$this``) given a string first."""
    called = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![\w$>])(?:\$this->)?(?:" + called + ")" + _STRING_ARGUMENT)


def _blank_translation_calls(text: str, out: list[str], calls: re.Pattern[str]) -> None:
    """Blank a translation call around its string, keeping its parentheses: ``__( 'Age', 'd' )`` -> ``   ( 'Age'      )``."""
    for m in calls.finditer(text):
        s, e = m.span(1)
        paren = text.index("(", m.start())
        for k in range(m.start(), m.end() - 1):
            if k != paren and not s <= k < e:
                out[k] = " "
