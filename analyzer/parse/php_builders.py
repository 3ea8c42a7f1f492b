"""A PHP project's own form builders: functions that print a control, and the calls that name it.

Legacy PHP writes its forms through its own helpers: ``ad_input_text($user, 'ad_member_id', 'Medlemsnummer')``
prints ``<th><label for='ad_member_id'>Medlemsnummer</label></th><td><input type='text' name='ad_member_id'>``.
The page holds only the call; the control is in the function's body, often in another file. Here the body
of each function a site defines is read (never run) for what it prints: the control (``<input``, ``<select``,
``<textarea``), which parameter its ``name`` attribute prints (``name='$key'``, or inside a longer name:
``name="form[$feld]"``), its type when written, and
which parameter is printed as text (between a tag's ``>`` and the next ``<``: ``<label …>$name</label>``),
directly or by passing it on to another such function (``ad_input_label($key, $name)``). The functions are
collected from the project's PHP files before the pages are read (``analyzer.scan``, like the message
catalogues), each file within a byte budget, and installed for the scan. A call whose argument in the name's
place is a string literal is then written as the control it prints, at the call, with the literal in the
label's place as its label (:func:`write`).

A function whose control's name is not a parameter (``name="search"``), or that stores its arguments to print
them later from an array, is not read: what it prints cannot be told from its body alone.
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from analyzer.parse import scanwide
from analyzer.parse.clipping import SHORT_TEXT
from analyzer.parse.form_helpers import SHORT, label_text, message_words
from analyzer.parse.hoststrings import LANGUAGE_BY_SUFFIX
from analyzer.parse.htmldoc import SKIP_TYPES
from analyzer.parse.positions import rewritten
from analyzer.parse.templates import DIALECT_BY_SUFFIX, OUTPUT_FILL

# The files searched for builders: PHP pages (templates' dialect) and PHP code (Drupal's .module, .inc, …).
SUFFIXES = tuple(s for s, d in DIALECT_BY_SUFFIX if d == "php") + tuple(s for s, lang in LANGUAGE_BY_SUFFIX if lang == "php")
MAX_FILES = 3000  # PHP files searched for builders per scan
MAX_FILE_BYTES = 1_000_000
MAX_BUILDERS = 2000  # functions kept per scan
_MAX_BODY = 20_000  # characters of one function's body read
_MAX_CALL = 2_000  # characters of one call's arguments read
_MAX_ARGS = 12
_FILE_WORK = 1_000_000  # characters of function bodies read per file
_PASSED = 64  # parameters passed on to other functions read per body
_PAGE_CALLS = 5_000  # builder calls written per page
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_NAME_CHAR = re.compile(r"[\w$]")  # what a name ends with: a builder's name must not be the end of a longer one
_ROOM = 400  # the most blanks looked for on each side of a call
_WRITABLE = frozenset(" \t" + OUTPUT_FILL)  # what a neutralised template holds where code or printed output was

_DEFINITION = re.compile(r"\bfunction\s+&?\s*(?P<name>[A-Za-z_]\w{0,80})\s*\(", re.I)
_MODIFIED = re.compile(r"\b(?:public|private|protected|static|final|abstract)\s+(?:static\s+)?$", re.I)  # a method's
_PARAM = re.compile(r"\$(\w+)")
_CONTROL = re.compile(r"<(input|select|textarea)\b", re.I)
# The parameter a control's name prints, with what the quoted value holds around it: name="form[$feld]" prints
# form[diagnose] for getHtmlInput('diagnose'); also when joined on (name="' . $key) or printed by the next statement
# (echo '<input name="'; echo $key; echo '">').
_NAME_ATTR = re.compile(
    r"""\bname\s*=\s*\\?["']?\s*(?:["']\s*(?:\.|;\s*(?:echo|print)\b)\s*)?(?P<prefix>[\w\[\]-]{0,40})\{?\$(\w+)\}?(?P<suffix>[\w\[\]-]{0,40})""",
    re.I,
)
_TYPE_ATTR = re.compile(r"""\btype\s*=\s*\\?["']?\s*(?:(?P<literal>[A-Za-z-]{1,20})|(?:["']\s*\.\s*)?\{?\$(?P<param>\w+))""", re.I)
_LITERAL = re.compile(r"""^(["'])(?P<text>(?:(?!\1)[^\\]|\\.)*)\1$""", re.S)
_WRAPPED = re.compile(r"""^[\w\\]{1,40}\(\s*(["'])(?P<text>(?:(?!\1)[^\\]|\\.)*)\1\s*\)$""", re.S)  # __('Diagnose'), _t("…")
_FIELD_NAME = re.compile(r"^[A-Za-z_][\w\-\[\].:]{0,80}$")  # "HyperTensionArterielle:TaSys", as JSF's "form:field"
_ESCAPE = re.compile(r"\\(.)")
_TAG_CLOSE = re.compile(r"(?<![-=])>")
_BRACKET = re.compile(r"(?<![-=?<])>(?!=)|<(?![=?<])(?<!<<)")
_BARE_ARGUMENT = re.compile(r"(?<=[(,])\s*\$(\w+)\s*(?=[,)])")  # f($key, $name): a parameter passed on as it is
_CALLEE = re.compile(r"(?<![\w$])([A-Za-z_]\w{0,80})\s*$")  # the function or method name right before a "("
_BETWEEN = re.compile(r"\s*(?::\s*\??[\w\\|]+\s*)?")  # a signature's end and its body: blanks, a return type


@dataclass(frozen=True)
class Builder:
    """A function that prints a control: the argument (0-based) its name is, the one its label is (None: no
    label printed from an argument), the control's tag, and its type (written, or the argument holding it)."""

    name_at: int
    label_at: int | None
    tag: str
    type: str = ""
    type_at: int | None = None
    around: tuple[str, str] = ("", "")  # what the name attribute prints before and after the argument ("form[", "]")


@dataclass(frozen=True)
class Builders:
    """A site's builders by (whether a method, function name in lower case: PHP's names are case-insensitive).
    A method is called on an object or class (``$this->addInput(``, ``Form::text(``), a function bare."""

    by_name: Mapping[tuple[bool, str], Builder] = field(default_factory=dict)

    @functools.cached_property
    def calls(self) -> re.Pattern[str] | None:
        """One pattern for every builder's names followed by "(", made once (see :func:`write`)."""
        names = sorted({n for _, n in self.by_name}, key=len, reverse=True)
        if not names:
            return None
        # Searched in the text with its ASCII letters lowered (PHP's names are case-insensitive in ASCII): a plain
        # alternation, several times faster than one matched ignoring case (1.6 s -> 0.25 s over a 27 MB site).
        return re.compile(rf"(?P<callee>{'|'.join(re.escape(n) for n in names)})\s*\(")


EMPTY = Builders()
_SLOT = scanwide.Installed(EMPTY)
install = _SLOT.install  # this scan's, for every file it reads (analyzer.scan)
installed = _SLOT.get


def _prints_controls(text: str) -> bool:
    """Whether a PHP file may define a builder: it prints a control. The others are searched for their
    functions' names only (a builder's name defined there too is ambiguous)."""
    return "<input" in text or "<select" in text or "<textarea" in text


class _Printed(NamedTuple):
    """The control a function's body prints: its tag, the parameter its name prints (with what the name attribute
    prints ``around`` it: ``form[``, ``]``), the parameter its type prints or the type written."""

    tag: str
    name_param: str
    type_param: str | None
    written: str
    around: tuple[str, str]


@dataclass
class _Definition:
    params: list[str]
    text_params: set[str]  # printed as text
    passed: list[tuple[str, int, str]]  # (function called, argument place, the parameter passed there)
    control: _Printed | None


def collect(sources: Iterable[tuple[str, str]], failed: list[tuple[str, Exception]] | None = None) -> Builders:
    """The builders the texts of a site's PHP files (``(path, text)``) define. A name defined more than once (as a
    function, or as a method) is kept only when every such definition prints the same control from the same
    arguments: two classes' ``get_field`` methods, or a plugin's ``get_field()`` that returns a value, make the
    calls ambiguous. A file whose reading fails is left out and named in ``failed`` with why (the scan goes on)."""
    found: dict[tuple[bool, str], _Definition] = {}
    seen: dict[tuple[bool, str], set[tuple | None]] = {}
    for path, text in sources:
        if "function" not in text:
            continue
        try:
            definitions = _file_definitions(text)
        except Exception as exc:  # noqa: BLE001 - one file's failure costs its builders, not the scan
            if failed is not None:
                failed.append((path, exc))
            continue
        for method, name, definition in definitions:
            key = (method, name.lower())
            seen.setdefault(key, set()).add(_shape(definition))
            if definition is not None and len(found) < MAX_BUILDERS * 4:
                found.setdefault(key, definition)
    # A parameter passed on to another function in a place that function prints as text is printed as text
    # (ad_input_text($user, $key, $name) calls ad_input_label($key, $name)): a few rounds reach every depth used.
    printed = {n: {d.params.index(p) for p in d.text_params if p in d.params} for (_, n), d in found.items()}
    for _ in range(3):
        changed = False
        for (_, n), d in found.items():
            for callee, at, param in d.passed:
                if at in printed.get(callee, ()) and param in d.params and param not in d.text_params:
                    d.text_params.add(param)
                    printed[n].add(d.params.index(param))
                    changed = True
        if not changed:
            break
    out: dict[tuple[bool, str], Builder] = {}
    for key, d in found.items():
        if d.control is None or len(seen[key]) > 1 or len(out) >= MAX_BUILDERS:
            continue
        tag, name_param, type_param, written, around = d.control
        labels = [d.params.index(p) for p in d.params if p in d.text_params and p != name_param]
        out[key] = Builder(
            d.params.index(name_param),
            labels[0] if labels else None,
            tag,
            written,
            d.params.index(type_param) if type_param in d.params else None,
            around,
        )
    return Builders(out)


def _file_definitions(text: str) -> list[tuple[bool, str, _Definition | None]]:
    """A file's functions: read whole where the file prints a control, else their names only (a builder's name
    defined there too is ambiguous)."""
    classes = _class_bodies(text)
    if _prints_controls(text):
        return list(_definitions(text, classes))
    return [(_is_method(text, m.start(), classes), m.group("name"), None) for m in _DEFINITION.finditer(text)]


_CLASS = re.compile(r"\b(?:class|trait|interface)\s+[A-Za-z_]\w{0,80}[^{;]{0,300}\{")
_MAX_CLASSES = 50  # class bodies looked for per file


def _class_bodies(text: str) -> list[tuple[int, int]]:
    """Where the file's class, trait and interface bodies stand: a function in one is a method, whether a modifier says
    so or not (PHP 4's ``class FPDF { function Text($x, $y, $txt) {…} }``), so it is no function of that name."""
    if "class" not in text and "trait" not in text and "interface" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _CLASS.finditer(text):
        if len(out) >= _MAX_CLASSES:
            break
        if out and m.start() < out[-1][1]:
            continue  # a nested or anonymous class: inside the one found
        opening = m.end() - 1
        close = _closing(text, opening, "{", "}", len(text) - opening)
        out.append((opening, close if close is not None else len(text)))
    return out


def _shape(definition: _Definition | None) -> tuple | None:
    """What a definition prints, to compare two of one name: its control and where its name comes from."""
    if definition is None or definition.control is None:
        return None
    printed = definition.control
    return (printed.tag, definition.params.index(printed.name_param), printed.around)


def _definitions(text: str, classes: Iterable[tuple[int, int]] = ()) -> Iterable[tuple[bool, str, _Definition | None]]:
    """The file's functions (whether a method, the name, and what its body prints: None for one that prints no
    markup), read until ``_FILE_WORK`` characters of bodies have been read (a file of unclosed bodies would read
    each to the limit)."""
    work = 0
    for m in _DEFINITION.finditer(text):
        if work > _FILE_WORK:
            return
        close = _closing(text, m.end() - 1, "(", ")", 600)
        if close is None:
            continue
        params = [p.group(1) for part in _split(text[m.end() : close]) for p in [_PARAM.search(part)] if p is not None]
        opening = text.find("{", close, close + 200)
        method = _is_method(text, m.start(), classes)
        if opening < 0 or not _BETWEEN.fullmatch(text, close + 1, opening):
            continue  # a call named "function…", or an abstract or interface method: no body
        if not params:
            yield method, m.group("name"), None
            continue
        end = _closing(text, opening, "{", "}", _MAX_BODY)
        body = text[opening + 1 : end if end is not None else min(len(text), opening + _MAX_BODY)]
        work += len(body)
        # One that prints no markup is neither a builder nor a label printer, but counts as a definition of its name.
        yield method, m.group("name"), _read_body(body, params) if "<" in body else None


def _read_body(body: str, params: list[str]) -> _Definition:
    wanted = set(params)
    brackets = _Brackets(body)
    text_params = {p.group(1) for p in _PARAM.finditer(body) if p.group(1) in wanted and brackets.in_text(p.start())}
    passed: list[tuple[str, int, str]] = []
    bare = (p for p in _BARE_ARGUMENT.finditer(body) if p.group(1) in wanted)
    for p in itertools.islice(bare, _PASSED):
        if (where := _argument_of(body, p.start())) is not None:
            passed.append((where[0], where[1], p.group(1)))
    control = None
    derived: dict[str, str] | None = None
    for c in _CONTROL.finditer(body):
        end = _tag_end(body, c.end())
        attrs = body[c.end() : end]
        name = _NAME_ATTR.search(attrs)
        if name is None:
            continue
        named = name.group(2)
        if named not in wanted:
            derived = _derived(body[: c.start()], wanted) if derived is None else derived
            named = derived.get(named, "")
            if not named:
                continue
        typed = _TYPE_ATTR.search(attrs)
        written = (typed.group("literal") or "").lower() if typed is not None else ""
        type_param = typed.group("param") if typed is not None and typed.group("param") in wanted else None
        if c.group(1).lower() == "input" and written in SKIP_TYPES:
            continue
        control = _Printed(c.group(1).lower(), named, type_param, written, (name.group("prefix"), name.group("suffix")))
        break
    return _Definition(params, text_params, passed, control)


_ASSIGNED = re.compile(r"\$(\w+)\s*(?:\.=|=(?![=>]))\s*([^;]{0,300});")
_CALL_ARGUMENTS = re.compile(r"(?<![\w$>:])[A-Za-z_]\w{0,80}\s*\(([^()]{0,300})\)")


def _derived(body: str, params: set[str]) -> dict[str, str]:
    """The body's variables made from one parameter before the control is printed, each with that parameter: an
    assignment whose value reads one parameter (``$name = 'f_' . $field;``), or a variable handed with one parameter to a
    function that fills it (``getPropertyAndValue($property, $attributeName, $attributeValue)``: PHP's by-reference
    out-arguments). A variable made from two parameters, or from one and then another, names no parameter."""
    made: dict[str, str] = {}
    spoilt: set[str] = set()

    def note(var: str, source: str) -> None:
        if var in params or var in spoilt:
            return
        if made.setdefault(var, source) != source:
            spoilt.add(var)
            del made[var]

    for m in _ASSIGNED.finditer(body):
        read = {p.group(1) for p in _PARAM.finditer(m.group(2))} & params
        if len(read) == 1:
            note(m.group(1), read.pop())
    for m in _CALL_ARGUMENTS.finditer(body):
        args = [a.strip() for a in m.group(1).split(",")]
        bare = [a.lstrip("&")[1:] for a in args if _BARE_VARIABLE.fullmatch(a)]
        given = [v for v in bare if v in params]
        if len(given) == 1 and len(bare) == len(args):
            for var in bare:
                if var != given[0]:
                    note(var, given[0])
    return made


_BARE_VARIABLE = re.compile(r"&?\$\w+")


def _argument_of(body: str, at: int) -> tuple[str, int] | None:
    """The function (lower case) a bare argument at ``at`` is passed to, and its place: back to the unclosed
    ``(`` within 300 characters, counting the commas outside brackets and strings on the way."""
    depth, commas, i, floor = 0, 0, at - 1, max(0, at - 300)
    while i >= floor:
        ch = body[i]
        if ch in "\"'":  # a string literal between: skip back to its opening quote
            opening = body.rfind(ch, floor, i)
            if opening < 0:
                return None
            i = opening - 1
            continue
        if ch in ")]}":
            depth += 1
        elif ch in "([{":
            if depth == 0:
                if ch != "(":
                    return None
                callee = _CALLEE.search(body, max(0, i - 81), i)
                return (callee.group(1).lower(), commas) if callee is not None else None
            depth -= 1
        elif ch == "," and depth == 0:
            commas += 1
        i -= 1
    return None


class _Brackets:
    """A body's tag brackets (``<`` and ``>``, not PHP's ``->``, ``=>``, ``>=``, ``<=``, ``<<``, ``<?``, ``?>``), found
    in one pass: what stands after a ``>`` and before the next ``<`` is printed as text."""

    def __init__(self, body: str) -> None:
        found = [(b.start(), b.group()) for b in _BRACKET.finditer(body)]
        self._at = [at for at, _ in found]
        self._closes = [ch == ">" for _, ch in found]

    def in_text(self, at: int) -> bool:
        k = bisect.bisect_left(self._at, at) - 1
        return k >= 0 and at - self._at[k] <= 400 and self._closes[k]


def _tag_end(body: str, start: int) -> int:
    """The end of a start tag printed in pieces: the first ``>`` that is no ``->`` or ``=>``, within 600 characters."""
    limit = min(len(body), start + 600)
    found = _TAG_CLOSE.search(body, start, limit)
    return found.start() if found is not None else limit


def _is_method(text: str, at: int, classes: Iterable[tuple[int, int]] = ()) -> bool:
    return _MODIFIED.search(text, max(0, at - 30), at) is not None or any(lo < at < hi for lo, hi in classes)


# What the scans below stop at: quotes, backslashes, comment and PHP-tag openers, and the brackets they look for.
_STOPS = {pair: re.compile(f"[\\\\\"'/#?{re.escape(pair[0])}{re.escape(pair[1])}]") for pair in ("()", "{}")}
_ARGUMENT_STOPS = re.compile(r"""[\\"'/#?()\[\]{},]""")


def _outside_strings(text: str, start: int, end: int, stops: re.Pattern[str]) -> Iterator[int]:
    """The places of the characters ``stops`` finds that stand in PHP code, from ``start`` to ``end``: not in a string
    literal, a comment (``//``, ``#``, ``/* */``) nor the page markup between ``?>`` and the next ``<?`` (where an
    apostrophe is text). A search jumps from one stop to the next. (``analyzer.parse.hoststrings`` lexes PHP fully,
    heredocs too, but a character at a time: eleven times slower over a site's PHP, and builders need only this.)"""
    quote, i = "", start
    while i < end:
        m = stops.search(text, i, end)
        if m is None:
            return
        i = m.start()
        ch, nxt = text[i], text[i + 1 : i + 2]
        if ch == "\\":
            i += 2
            continue
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and nxt != "[" or ch == "/" and nxt == "/":
            line_end = text.find("\n", i, end)
            i = end if line_end < 0 else line_end
            continue
        elif ch == "/" and nxt == "*":
            close = text.find("*/", i + 2, end)
            i = end if close < 0 else close + 2
            continue
        elif ch == "?" and nxt == ">":
            reopen = text.find("<?", i + 2, end)
            i = end if reopen < 0 else reopen + 2
            continue
        elif ch not in "/#?":
            yield i
        i += 1


def _closing(text: str, opening: int, left: str, right: str, limit: int) -> int | None:
    """The index of the bracket that closes the one at ``opening``, skipping string literals; None past ``limit``."""
    depth = 0
    for i in _outside_strings(text, opening, min(len(text), opening + limit), _STOPS[left + right]):
        depth += 1 if text[i] == left else -1
        if depth == 0:
            return i
    return None


def _split(args: str) -> list[str]:
    """A call's or a signature's arguments, split at the commas outside brackets and strings."""
    out, depth, start = [], 0, 0
    for i in _outside_strings(args, 0, len(args), _ARGUMENT_STOPS):
        ch = args[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif depth == 0:  # a comma
            out.append(args[start:i])
            start = i + 1
            if len(out) >= _MAX_ARGS:
                return out
    out.append(args[start:])
    return out


def _literal(arg: str) -> str | None:
    """A string literal argument's text; one passed through a call (``__('form.diagnosis')``) is read as a
    translation call's message is (its catalogue's text, else its words). None for anything else."""
    arg = arg.strip()
    m = _LITERAL.match(arg)
    wrapped = m is None
    m = m or _WRAPPED.match(arg)
    if m is None or (m.group(1) == '"' and "$" in m.group("text")):
        return None
    return message_words(_ESCAPE.sub(r"\1", m.group("text"))) if wrapped else m.group("text")


def write(original: str, neutral: str, builders: Builders) -> str:
    """``neutral`` (``original`` neutralised, same length) with each call of a builder whose name argument is a
    string literal written, over the call itself, as the control it prints (labelled by the literal in the
    label's place). A call whose markup does not fit in it stays as it was."""
    pattern = builders.calls
    if pattern is None:
        return neutral
    edits: list[tuple[int, int, str]] = []
    lowered = original.translate(_ASCII_LOWER)  # same length: positions hold
    calls = (m for m in pattern.finditer(lowered) if not _NAME_CHAR.match(lowered, m.start() - 1) or m.start() == 0)
    for k, m in enumerate(calls):
        if k >= _PAGE_CALLS:
            break
        if edits and m.start() < edits[-1][1]:
            continue
        on = lowered[max(0, m.start() - 40) : m.start()].rstrip().endswith(("->", "::"))  # called on an object or class
        builder = builders.by_name.get((on, m.group("callee")))
        close = _closing(original, m.end() - 1, "(", ")", _MAX_CALL)
        if builder is None or close is None:
            continue
        before = original[max(0, m.start() - 12) : m.start()].rstrip().lower()
        if before.endswith("function"):
            # The definition itself: its body prints only where it is called (each call is written as its control, its
            # label the call's), so the control it holds, its parameters printed as blanks, is no control of the page. A
            # body that prints other controls as well (a whole form around it), options of its own, or a label the call
            # does not give (the call's control would be written without it) is left to be read as it is.
            body = _body_span(original, close)
            defined = builders.by_name.get((False, m.group("callee"))) or builders.by_name.get((True, m.group("callee")))
            if (
                body is not None
                and defined is not None
                and defined.label_at is not None
                and _only_its_control(original[body[0] : body[1]])
                and neutral.count("\n", *body) == original.count("\n", *body)
            ):
                edits.append((body[0], body[1], _BLANK_LINES.sub(" ", neutral[body[0] : body[1]])))
            continue
        if before.endswith("new"):
            continue  # a class of that name
        args = _split(original[m.end() : close])
        name = _literal(args[builder.name_at]) if builder.name_at < len(args) else None
        if name is None or not _FIELD_NAME.match(name):
            continue
        name = name.join(builder.around) if _FIELD_NAME.match(name.join(builder.around)) else name
        label = _literal(args[builder.label_at]) if builder.label_at is not None and builder.label_at < len(args) else None
        typ = builder.type
        if builder.type_at is not None and builder.type_at < len(args):
            typ = (_literal(args[builder.type_at]) or "").lower()
        if builder.tag == "input" and typ in SKIP_TYPES:
            continue
        # The room: the blanks around the call on its line, in the neutral text (the PHP block it stands in, the
        # indentation before it), not over anything written there (a helper of form_helpers.toml that is also a
        # function of the site's) nor past an earlier call's control.
        lo = hi = m.start()
        floor, ceiling = max(edits[-1][1] if edits else 0, lo - _ROOM), min(len(neutral), hi + _ROOM)
        while lo > floor and neutral[lo - 1] in _WRITABLE:
            lo -= 1
        while hi < ceiling and neutral[hi] in _WRITABLE:
            hi += 1
        markup = next((c for c in _markup(builder.tag, typ, name, label) if len(c) <= hi - lo), None)
        if markup is not None:
            edits.append((lo, lo + len(markup), markup))
    return rewritten(neutral, edits)


_BLANK_LINES = re.compile(r"[^\n]")


def _only_its_control(body: str) -> bool:
    """Whether every control a builder's body prints is named by one and the same variable (the Ja and Nee radios of
    the one question its call asks), bounded by ``_MAX_BODY``."""
    if "<option" in body[:_MAX_BODY].lower():
        return False  # its choices are the body's own: the call's control would be written without them
    named = set()
    for c in _CONTROL.finditer(body, 0, _MAX_BODY):
        name = _NAME_ATTR.search(body[c.end() : _tag_end(body, c.end())])
        if name is None:
            return False
        named.add(name.group(2))
    return len(named) == 1


def _body_span(text: str, signature_end: int) -> tuple[int, int] | None:
    """The offsets inside a definition's body braces, from the ``)`` that ends its signature; None without a body."""
    opening = text.find("{", signature_end, signature_end + 200)
    if opening < 0 or not _BETWEEN.fullmatch(text, signature_end + 1, opening):
        return None
    end = _closing(text, opening, "{", "}", _MAX_BODY)
    return (opening + 1, end) if end is not None else None


def _markup(tag: str, typ: str, name: str, label: str | None) -> list[str]:
    """What a call prints, longest first: the control with its label as ``aria-label``, then shorter forms."""
    said = html.unescape(label_text(label))[:SHORT_TEXT] if label else ""
    aria = f' aria-label="{html.escape(said)}"' if said else ""
    typed = f" type={typ}" if tag == "input" and re.fullmatch(r"[a-z-]{1,20}", typ or "") else ""
    closing = f"</{tag}>" if tag in ("select", "textarea") else ""
    # Shorter: the label as the text right before the control; the private tag read as an input
    # (analyzer/facts/template_components.py), keeping its type.
    text = html.escape(said, quote=False)
    plain = [f"<{tag} name={name}{typed}>{closing}", f"<{SHORT} name={name}{typed}>", f"<{SHORT} name={name}>"]
    after = typ in ("checkbox", "radio")  # a box's text is the one after it
    forms = [f"<{tag} name={name}{typed}{aria}>{closing}", *((c + text) if after else (text + c) for c in plain)] if said else []
    return forms + plain
