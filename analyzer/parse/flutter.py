"""Flutter screens (Dart) read as the page a visitor is shown.

A Flutter form is a tree of widgets in Dart code: ``TextFormField(decoration: InputDecoration(labelText: 'Diagnose'))``,
``DropdownButtonFormField(items: [DropdownMenuItem(child: Text('Katolik'))])``, ``CheckboxListTile(title: Text('Ryger
du?'))``, with the texts around them in ``Text('…')`` widgets. On the web Flutter edits text in a DOM ``<input>`` or
``<textarea>`` it places over the canvas (docs.flutter.dev/platform-integration/web/renderers: text editing and
semantics are DOM elements), so a recorder the app's ``web/index.html`` loads captures what is typed there unless
masked; and a native session-replay SDK records the screen itself.

``written`` turns a Dart file into a page of its lines, each empty but for what the widgets that start on it show: a
control (``signatures/ui_components.toml`` ``[flutter]``: which widget renders which control), labelled by its
decoration's ``labelText`` (else its ``label`` widget's text, a list tile's ``title``), with its ``hintText`` as a
placeholder, named by its ``name`` (flutter_form_builder), else the controller or group value it is bound to
(``_diagnosisController`` -> "diagnosis"), a select's choices from its ``items`` or ``options``; a ``Text`` outside a
control as a paragraph, and an app bar's title as the page's heading. So the field reader reads them as it reads HTML:
a control without a label takes the text before it, a group of radios the question above it.

A label given as a translation (``AppLocalizations.of(context)!.religion``, ``'profile.religion'.tr()``,
``tr('profile.religion')``) reads as the text the app's catalogues hold for the key (``lib/l10n/app_cs.arb``,
``assets/translations/cs.json``: ``analyzer.parse.messages``) beside the key's words. Strings and comments are
skipped as Dart lexes them, so a parenthesis in a string does not end a widget. The code is never run. Cost: one pass
over the text to pair brackets, one sweep for the labels of the project's own widgets, then each control's arguments
once (a control's own span, at most ``_MAX_SPAN`` characters).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from analyzer.parse.component_names import Control, named_control
from analyzer.parse.form_helpers import array_end, key_words, message_words
from analyzer.parse.positions import LineIndex

_MAX_SPAN = 20_000  # characters of one widget's arguments read for its label, name and choices
_MAX_OPTIONS = 60
_MAX_TEXT = 200


@dataclass(frozen=True)
class FlutterWidgets:
    """``[flutter]`` of ``signatures/ui_components.toml``: the control each form widget renders, the widgets that show
    a text, and the widgets whose title is the screen's heading."""

    controls: dict[str, str] = field(default_factory=dict)  # "TextFormField" -> "input", "CheckboxListTile" -> "input:checkbox"
    texts: frozenset[str] = frozenset()  # "Text", "SelectableText"
    headings: frozenset[str] = frozenset()  # "AppBar", "SliverAppBar", "CupertinoNavigationBar"
    # A project's own widget or builder that acts as a control (``_buildDropdown(label: 'Smoking', options: …,
    # onChanged: …)``): the arguments that label it, that say it changes the form's state, and that give its choices.
    bound_labels: tuple[str, ...] = ()
    bound_handlers: frozenset[str] = frozenset()
    # The arguments that label a control: its decoration's (InputDecoration's labelText), else its own (a tile's title).
    decoration_labels: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    placeholders: tuple[str, ...] = ()  # its decoration's, else its own: hintText, placeholder
    choices: tuple[str, ...] = ()  # the arguments that give a select its choices: items, options
    names: tuple[str, ...] = ()  # the arguments that name a control by a string: flutter_form_builder's name
    bindings: tuple[str, ...] = ()  # the arguments whose bound member names it: controller, groupValue, value
    keyboards: dict[str, str] = field(default_factory=dict)  # TextInputType.emailAddress -> "email", .multiline -> "textarea"
    translations: tuple[str, ...] = ()  # a key translated by a call on it or around it: 'form.x'.tr(), tr('form.x')
    lookups: frozenset[str] = frozenset()  # a member chain that looks a key up: AppLocalizations.of(context)!.x, l10n.x


# A widget's call: Name(, Name.named(, Name<T>( (a space or two before the parenthesis at most).
_WIDGET = re.compile(r"\b([A-Z]\w*)(?:\.\w+)?(?:<[^<>()]{0,200}>)?[ \t]{0,4}\(")
_CHAIN_NOISE = re.compile(r"\s+|!|\((?:context)?\)")
_BOUND = re.compile(r"^\s*_?([A-Za-z]\w*?)(?:Text)?(?:Editing)?(?:Controller|Ctrl|Ctl)?\s*$")
# What stands right before a choice's string that the screen shows (child: Text('Katolik'), label: 'Katolik'), not its value.
_SHOWN = re.compile(r"\b(?:Text|label|child)[ \t\n]*[(:][ \t\n]*(?:const[ \t\n]+)?(?:Text[ \t\n]*\([ \t\n]*)?$")
_INTERPOLATION = re.compile(r"\$\{[^{}]*\}|\$[A-Za-z_]\w*")


@dataclass(frozen=True)
class _Lexed:
    """A Dart text (``text``, read with ``widgets``) with its strings and comments blanked (``code``), the strings by
    where they start (their values), and each opening parenthesis's closing one."""

    text: str
    widgets: FlutterWidgets
    code: str
    strings: dict[int, tuple[int, str]]  # start -> (end, value)
    closes: dict[int, int]
    order: list[int]  # the strings' starts, in order
    lists: dict[str, tuple[int, int] | None] = field(default_factory=dict)  # a list the file assigns to a name, by name


def _lex(text: str, widgets: FlutterWidgets) -> _Lexed:
    """One pass: strings ('…', "…", '''…''', r'…', with ``${…}`` interpolations) and comments (//, /* */) blanked, and
    parentheses paired outside them."""
    out = list(text)
    strings: dict[int, tuple[int, str]] = {}
    closes: dict[int, int] = {}
    stack: list[int] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "/" and text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out[i:j] = " " * (j - i)
            i = j
            continue
        if c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = [ch if ch == "\n" else " " for ch in text[i:j]]
            i = j
            continue
        if c in "'\"":
            raw = i > 0 and text[i - 1] == "r" and (i < 2 or not (text[i - 2].isalnum() or text[i - 2] == "_"))
            j, value = _string_end(text, i, raw)
            strings[i] = (j, value)
            out[i:j] = [ch if ch == "\n" else " " for ch in text[i:j]]
            i = j
            continue
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            closes[stack.pop()] = i
        i += 1
    return _Lexed(text, widgets, "".join(out), strings, closes, list(strings))


def _string_end(text: str, start: int, raw: bool) -> tuple[int, str]:
    """Where the string opening at ``start`` ends, and its value (interpolations left out, escapes read)."""
    quote = text[start]
    triple = text.startswith(quote * 3, start)
    delim = quote * 3 if triple else quote
    i, n = start + len(delim), len(text)
    value: list[str] = []
    while i < n:
        if text.startswith(delim, i):
            return i + len(delim), "".join(value)
        c = text[i]
        if c == "\n" and not triple:
            break  # an unterminated string ends at its line
        if c == "\\" and not raw and i + 1 < n:
            value.append(text[i + 1] if text[i + 1] not in "nt" else " ")
            i += 2
            continue
        if c == "$" and not raw and text.startswith("${", i):
            depth, i = 1, i + 2
            while i < n and depth:
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                i += 1
            continue
        value.append(c)
        i += 1
    return i, "".join(value)


def may_hold_controls(text: str, widgets: FlutterWidgets) -> bool:
    """Whether a Dart file may build a control: it calls a widget of the table (``TextField(``, ``Radio<int>(``), or
    gives a handler a project's own control is given (``onChanged:``); a model or a service is not lexed."""
    return any(f"{name}(" in text or f"{name}<" in text for name in widgets.controls) or any(
        f"{handler}:" in text for handler in widgets.bound_handlers
    )


def written(text: str, widgets: FlutterWidgets, suffixes: Sequence[tuple[str, Control, tuple[str, ...]]] = ()) -> str:
    """A page of ``text``'s lines, each empty but for what the widgets starting on it show (module docstring)."""
    lexed = _lex(text, widgets)
    index = LineIndex(text)
    lines = [""] * (text.count("\n") + 1)

    def line_of(pos: int) -> int:
        return index.line(pos) - 1

    covered = -1  # the end of the spans already shown by a control, a heading or a text (calls come in order)
    controls: list[int] = []  # where the table's controls open
    for m in _WIDGET.finditer(lexed.code):
        name, at, opening = m.group(1), m.start(1), m.end() - 1
        close = lexed.closes.get(opening)
        if close is None or at < covered:
            continue
        bound = min(close, opening + _MAX_SPAN)
        renders = widgets.controls.get(name)
        if renders is not None:
            lines[line_of(at)] += _control(lexed, opening, bound, renders)
            controls.append(opening)
            covered = close
        elif name in widgets.headings:
            said = _text_of(lexed, _named(lexed, opening, bound).get("title"))
            if said:
                lines[line_of(at)] += f"<h1>{_escape(said)}</h1>"
                covered = close
        elif name in widgets.texts:
            said = _text_of(lexed, (opening + 1, bound))
            if said:
                lines[line_of(at)] += f"<p>{_escape(said)}</p>"
            covered = close
    for at, before, markup in _bound_controls(lexed, controls, suffixes):
        row = line_of(at)
        lines[row] = markup + lines[row] if before else lines[row] + markup
    return "\n".join(lines)


def _callee(code: str, opening: int) -> tuple[str, int] | None:
    """The name of the call whose parenthesis opens at ``opening`` and where it starts (a type argument between them
    skipped: _build<String>( ), read backwards without a regex."""
    i = opening - 1
    while i >= 0 and code[i] in " \t\n":
        i -= 1
    if i >= 0 and code[i] == ">":
        i = code.rfind("<", max(0, i - 200), i)
        if i < 0:
            return None
        i -= 1
    end = i + 1
    while i >= 0 and (code[i].isalnum() or code[i] == "_"):
        i -= 1
    name = code[i + 1 : end]
    return (name, i + 1) if name and (name[0].isalpha() or name[0] == "_") else None


def _member_chain(expr: str) -> list[str]:
    """The members of a chain (its spaces, ! and (context) calls gone: AppLocalizations.of.religion), else []."""
    parts = expr.split(".")
    return parts if all(p and not p[0].isdigit() and all(c.isalnum() or c in "_$" for c in p) for p in parts) else []


def _without_conversions(expr: str) -> str:
    """A bound value without the conversions called on it: "sensorisk.toDouble()" -> "sensorisk"."""
    while expr.endswith("()") and "." in expr:
        expr = expr[: expr.rfind(".")]
    return expr


def _bound_controls(
    lexed: _Lexed, controls: list[int], suffixes: Sequence[tuple[str, Control, tuple[str, ...]]]
) -> list[tuple[int, bool, str]]:
    """The project's own widgets and builders that act as controls: a call given a label (a string) and a handler that
    changes the form's state or a controller, that holds none of the table's controls, each as the control its name
    names (``suffixes``: ``component_suffix``, read as a JSX component's name is), else a select when it is given
    choices, else a text input. A label found at the call's own depth only. A call that
    holds a control of the table is a wrapper: its label given as a string is the text shown before that control, a
    ``title`` the heading of the section it holds (``_buildSection(title: 'Medical history', children: […])``)."""
    widgets = lexed.widgets
    if not widgets.bound_labels:
        return []
    names = "|".join(re.escape(n) for n in widgets.bound_labels)
    out: list[tuple[int, bool, str]] = []  # where, whether before what its line shows, the markup
    seen: set[int] = set()
    hits = [m.start() + 1 for m in re.finditer(rf"[(,]\s*(?:{names})\s*:(?!:)", lexed.code)]
    for opening in _enclosing_calls(lexed.code, hits) if hits else []:
        if opening is None or opening in seen:
            continue
        seen.add(opening)
        callee = _callee(lexed.code, opening)
        close = lexed.closes.get(opening)
        if callee is None or close is None:
            continue
        name, name_at = callee
        if (
            name in widgets.controls
            or name in widgets.texts
            or name in widgets.headings
            or name[0].isupper()
            and name.endswith("Decoration")
        ):
            continue
        i = bisect.bisect_right(controls, opening)
        holds_control = i < len(controls) and controls[i] < close
        bound = min(close, opening + _MAX_SPAN)
        own = _named(lexed, opening, bound)
        given, label = next(((a, said) for a in widgets.bound_labels if a in own and (said := _text_of(lexed, own[a]))), ("", ""))
        if not label:
            continue
        if holds_control:
            # A wrapper of a control the table names: its label (a string; a Text widget is read itself) is the text
            # the screen shows before the control, and a title over a section's controls is its heading.
            if _string_first(lexed, own[given]):
                tag = "h2" if given == "title" else "p"
                out.append((name_at, True, f"<{tag}>{_escape(label)}</{tag}>"))
            continue
        if not widgets.bound_handlers & own.keys():
            continue
        choices = next((own[a] for a in widgets.choices if a in own), None)
        comp, _ = named_control(name, suffixes)  # as a JSX component's: the control word its name ends nearest
        if comp is None or comp.named_only:
            renders = "select" if choices is not None else "input"  # a generic name: a select when given choices
        else:
            renders = f"{comp.tag}:{comp.type}" if comp.type else comp.tag
        out.append((name_at, False, _markup(lexed, own, renders, label, choices)))
    return out


def _string_first(lexed: _Lexed, span: tuple[int, int]) -> bool:
    """Whether an argument's value is a string (not a widget that shows one)."""
    start = span[0]  # strings are blank in lexed.code: stop at the first that starts
    while start < span[1] and start not in lexed.strings and lexed.code[start] in " \t\n":
        start += 1
    return start in lexed.strings or (lexed.code[start : start + 1] == "r" and start + 1 in lexed.strings)


def _enclosing_calls(code: str, hits: list[int]) -> list[int | None]:
    """For each position of ``hits`` (in order), the parenthesis that opens the call whose argument list holds it at
    its own depth (None inside a list or map literal): one sweep of the text with a stack of open brackets."""
    out: list[int | None] = []
    stack: list[int] = []
    k = 0
    for i, c in enumerate(code):
        while k < len(hits) and hits[k] == i:
            top = stack[-1] if stack else None
            out.append(top if top is not None and code[top] == "(" else None)
            k += 1
        if k == len(hits):
            break
        if c in "([{":
            stack.append(i)
        elif c in ")]}" and stack:
            stack.pop()
    return out + [None] * (len(hits) - len(out))


def _control(lexed: _Lexed, opening: int, close: int, renders: str) -> str:
    """The markup of the control a form widget renders: its label, placeholder, name, type and choices."""
    widgets = lexed.widgets
    own = _named(lexed, opening, close)
    decoration = _decoration(lexed, own.get("decoration"))
    label = _first_shown(lexed, decoration, widgets.decoration_labels) or _first_shown(lexed, own, widgets.labels)
    if not label and own.get("decoration") and not decoration:  # a project's helper given the label: _deco('Diagnose')
        label = _first_text(lexed, *own["decoration"])
    hint = _first_shown(lexed, decoration, widgets.placeholders) or _first_shown(lexed, own, widgets.placeholders)
    choices = next((own[a] for a in widgets.choices if a in own), None)
    return _markup(lexed, own, renders, label, choices, hint)


def _first_shown(lexed: _Lexed, args: dict[str, tuple[int, int]], names: tuple[str, ...]) -> str:
    """What the first of the arguments ``names`` that shows a text shows."""
    return next((said for a in names if a in args and (said := _text_of(lexed, args[a]))), "")


def _markup(
    lexed: _Lexed,
    own: dict[str, tuple[int, int]],
    renders: str,
    label: str,
    choices: tuple[int, int] | None,
    hint: str = "",
) -> str:
    """A control's markup: ``renders`` ("input", "select", "input:checkbox"…), its type refined by what its arguments
    say (several lines, hidden text, a keyboard for e-mail or digits), named, labelled, with its choices."""
    tag, _, typ = renders.partition(":")
    name = _name(lexed, own)
    code = " ".join(f"{arg}: {lexed.code[a:b]}" for arg, (a, b) in own.items())
    if tag == "input" and not typ:
        keyboard = re.search(r"\bTextInputType\.(\w+)", code)
        kind = lexed.widgets.keyboards.get(keyboard.group(1), "") if keyboard else ""
        if kind == "textarea" or re.search(r"\bmaxLines\s*:\s*(?:null\b|[2-9]|\d\d)|\bminLines\s*:\s*[2-9]", code):
            tag = "textarea"
        elif re.search(r"\bobscureText\s*:\s*true\b", code):
            typ = "password"
        else:
            typ = kind
    attributes = f' name="{_escape(name)}"' if name else ""
    attributes += f" type={typ}" if typ else ""
    attributes += f' placeholder="{_escape(hint)}"' if hint and hint != label else ""
    options = _options(lexed, choices)
    if tag == "select":
        inner = "".join(f"<option>{_escape(o)}</option>" for o in options)
        return _labelled(f"<select{attributes}>{inner}</select>", label, typ)
    if tag == "textarea":
        return _labelled(f"<textarea{attributes}></textarea>", label, typ)
    if typ in ("checkbox", "radio") and options:  # a group: the label its question, one box per choice
        boxes = "".join(f"<label><input{attributes}> {_escape(o)}</label>" for o in options)
        return f"<fieldset><legend>{_escape(label)}</legend>{boxes}</fieldset>" if label else boxes
    return _labelled(f"<input{attributes}>", label, typ)


def _labelled(markup: str, label: str, typ: str) -> str:
    if not label:
        return markup
    if typ in ("checkbox", "radio"):  # a tile's title is the box's own text, after it
        return f"<label>{markup} {_escape(label)}</label>"
    return f"<label>{_escape(label)}</label>{markup}"


_NAMED = re.compile(r"\s*([A-Za-z_]\w*)\s*:(?!:)")


def _named(lexed: _Lexed, opening: int, close: int) -> dict[str, tuple[int, int]]:
    """The named arguments of the call whose parenthesis opens at ``opening``: each name's value span, at the call's
    own depth (a nested widget's arguments are its own)."""
    code = lexed.code
    out: dict[str, tuple[int, int]] = {}
    i, depth, arg_start = opening + 1, 0, opening + 1
    current: tuple[str, int] | None = None
    m = _NAMED.match(code, arg_start, close)
    if m:
        current = (m.group(1), m.end())
    while i < close:
        c = code[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            if current is not None:
                out.setdefault(current[0], (current[1], i))
            m = _NAMED.match(code, i + 1, close)
            current = (m.group(1), m.end()) if m else None
        i += 1
    if current is not None:
        out.setdefault(current[0], (current[1], close))
    return out


def _decoration(lexed: _Lexed, span: tuple[int, int] | None) -> dict[str, tuple[int, int]]:
    """The named arguments of the call a ``decoration`` holds (``InputDecoration(labelText: …)``,
    ``kField.copyWith(hintText: …)``)."""
    if span is None:
        return {}
    opening = lexed.code.find("(", span[0], span[1])
    close = lexed.closes.get(opening) if opening >= 0 else None
    return _named(lexed, opening, close) if close is not None else {}


def _text_of(lexed: _Lexed, span: tuple[int, int] | None) -> str:
    """What an argument shows: its first string (a translated key as its words), else the last member of a
    translation lookup (``AppLocalizations.of(context)!.religion``) as its words."""
    if span is None:
        return ""
    start, end = span
    said = _first_text(lexed, start, end)
    if said:
        return said
    parts = _member_chain(_CHAIN_NOISE.sub("", lexed.code[start:end]))
    if len(parts) > 1 and lexed.widgets.lookups.intersection(parts[:-1]):
        return message_words(parts[-1])
    return ""


def _first_text(lexed: _Lexed, start: int, end: int) -> str:
    """The first string between ``start`` and ``end``: its text, or a translation key's words."""
    for at in _strings_in(lexed, start, end):
        stop, value = lexed.strings[at]
        value = _INTERPOLATION.sub("", value).strip()
        if not value or not any(ch.isalpha() for ch in value):
            continue
        if _translated(lexed, at, stop, start):
            return message_words(value)
        return " ".join(value.split())[:_MAX_TEXT]
    return ""


def _translated(lexed: _Lexed, at: int, stop: int, start: int) -> bool:
    """Whether the string at ``at`` (ending at ``stop``) is a key a translation call is made on (``'form.x'.tr()``)
    or given to (``tr('form.x')``), the call's name after ``start``."""
    after = re.match(r"\s*\.\s*(\w+)", lexed.code[stop : stop + 40])
    before = re.search(r"(\w+)\s*\(\s*$", lexed.code[max(start, at - 40) : at])
    names = lexed.widgets.translations
    return bool(after and after.group(1) in names) or bool(before and before.group(1) in names)


def _strings_in(lexed: _Lexed, start: int, end: int) -> list[int]:
    """Where the strings between ``start`` and ``end`` start, in order."""
    keys = lexed.order
    lo = bisect.bisect_left(keys, start)
    hi = bisect.bisect_left(keys, end)
    return keys[lo:hi]


def _name(lexed: _Lexed, own: dict[str, tuple[int, int]]) -> str:
    """The control's name: the string of a naming argument (flutter_form_builder's ``name``), else what a binding
    argument (its ``controller``, ``groupValue``) is bound to (``[flutter]`` ``names``, ``bindings``)."""
    for arg in lexed.widgets.names:
        for at in _strings_in(lexed, *own[arg]) if arg in own else ():
            return lexed.strings[at][1][:80]
    for arg in lexed.widgets.bindings:
        if arg not in own:
            continue
        start, end = own[arg]
        # "sensorisk.toDouble()", "_form.sex ?? ''", "widget.profile!.religion": the member bound, not the call after it
        bound = _without_conversions(_CHAIN_NOISE.sub("", lexed.code[start:end].split("??")[0])).split(".")[-1]
        m = _BOUND.match(bound)
        if m and m.group(1):
            return "_".join(key_words(m.group(1)).lower().split())[:80]
    return ""


def _options(lexed: _Lexed, span: tuple[int, int] | None) -> list[str]:
    """A select's choices: the texts its items show (``DropdownMenuItem(value: 'rc', child: Text('Katolik'))``), else
    the strings of the list they are mapped from (``['A', 'B'].map(…)``)."""
    if span is None:
        return []
    if not _strings_in(lexed, *span):  # a list the file assigns: options: _genderOptions, items: _kinds.map(…)
        named = re.match(r"\s*(?:const\s+)?([A-Za-z_]\w*)\b", lexed.code[span[0] : span[1]])
        listed = _assigned_list(lexed, named.group(1)) if named else None
        if listed is None:
            return []
        span = listed
    shown, every = [], []
    for at in _strings_in(lexed, *span):
        value = " ".join(_INTERPOLATION.sub("", lexed.strings[at][1]).split())[:_MAX_TEXT]
        if not value or not any(ch.isalpha() for ch in value):
            continue
        if value not in every:
            every.append(value)
        if _SHOWN.search(lexed.code, max(0, at - 30), at) and value not in shown:
            shown.append(value)
    return (shown or every)[:_MAX_OPTIONS]


def _assigned_list(lexed: _Lexed, name: str) -> tuple[int, int] | None:
    """The span of the list literal the file first assigns to ``name`` (``final _kinds = <String>['A', 'B'];``), looked
    up once per name."""
    if name not in lexed.lists:
        m = re.search(rf"\b{re.escape(name)}\s*=\s*(?:const\s*)?(?:<[^<>()]{{0,100}}>\s*)?\[", lexed.code)
        lexed.lists[name] = (m.end(), _list_end(lexed.code, m.end() - 1)) if m else None
    return lexed.lists[name]


def _list_end(code: str, opening: int) -> int:
    """Where the list literal opening at ``opening`` closes (strings are blank in ``code``), at most ``_MAX_SPAN`` on."""
    return min(array_end(code, opening, _MAX_SPAN, ("([{", ")]}")), opening + _MAX_SPAN)


def _escape(said: str) -> str:
    return html.escape(" ".join(said.split()), quote=True)
