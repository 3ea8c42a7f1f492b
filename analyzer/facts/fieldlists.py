"""Forms built from a list of field definitions: ``fields: [{ name: "dose", label: "Dawka", kind: "number" }, …]``.

Many forms are not written as markup at all: a script holds the fields as data and a renderer elsewhere (a dialog
filled through ``innerHTML``, a generic ``<DynamicForm fields={…}>``, ngx-formly, SurveyJS, a CMS's admin) turns each
definition into a control. A visitor sees those controls, and a recorder records them. ``markup`` writes each
definition as the control it describes, positioned where the definition stands, so the field extractor reads it like
any other form: named by its name, labelled by its label, its choices as options, inside a form named by the title of
the object that holds the list. A definition may be made by a function of the same file that returns one from its
parameters (``createField('allergies', 'Allergien', { type: 'textarea' })`` where ``createField(name, label, options)``
returns ``{ name, label, ...options }``): each call in a list is read as the definition it returns.

Which arrays are such lists, and which keys say what, is data (``ui_components.toml`` ``field_lists``,
:class:`analyzer.signatures.FieldLists`): a table's columns (``sortable``, ``dataIndex``, ``headerName``) and a menu's
links (``href``, ``to``) carry keys that rule a list out. The work is bounded: at most ``_MAX_LISTS`` lists and
``_MAX_FIELDS`` definitions are written per file.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

import tree_sitter
from tree_sitter import Node

from analyzer.facts import jsxhelpers
from analyzer.facts.template_components import ITEM_LINES
from analyzer.parse import form_helpers, messages, script_constants
from analyzer.parse.jsfacts import STRING_TYPES, Program, member_name
from analyzer.parse.jsparse import language
from analyzer.parse.markup_out import INPUT_TYPES
from analyzer.signatures import FieldLists

_MAX_LISTS = 200
_MAX_FIELDS = 2000
MAX_BYTES = 1_500_000  # the largest script read for lists
_MAX_PER_LIST = 500  # definitions one form may hold; a longer array is data, not a form
_ARRAYS = 20_000  # array literals looked at, per file
# A cheap look at the bytes first: a list needs an array or object of objects, a string label-like member and a string
# name-like member ("[{", 'label: "…"', 'name: "…"'), the keys being those of ``field_lists``.
_OF_OBJECTS = re.compile(rb"[\[:]\s*\{")
# ``FIELDS.map(``, and ``Object.entries(QUESTIONS).map((…) => <…`` (``keys``, ``values``; the call may break its line
# before ``.map``): an array, or an object's members whose callback returns markup (jsxmarkup writes them); an object
# listed to build state (``Object.keys(QUESTIONS).map((k) => [k, ""])``) is still read here. Possessive, so that a long
# name or argument is not tried again at each of its bytes.
_MAPPED = re.compile(
    rb"\b([A-Za-z_$][\w$]*+)\.map\("
    rb"|\bObject\.(?:keys|values|entries)\(\s*([A-Za-z_$][\w$]*+)[^()]{0,200}+\)\s*\.map\(\s*"
    rb"(?:\([^()]{0,200}+\)|[A-Za-z_$][\w$]*+)\s*=>\s*(?:\(\s*)?<"
)
# A single-file component's template that maps a list of its script: Vue's v-for="f in fields", Svelte's {#each fields as f}.
_TEMPLATE_MAPPED = re.compile(
    r"""v-for\s*=\s*["'][^"'\n]{0,200}?\b(?:in|of)\s+([A-Za-z_$][\w$.]{0,200})|\{#each\s+([A-Za-z_$][\w$.]{0,200})"""
)
# The words of an identifier: anamneseQuestions -> anamnese, Questions; intake_questions -> intake, questions.
_UPPER = "A-Z\u00c0-\u00de\u0410-\u042f"
_LOWER = "a-z\u00df-\u024f\u0430-\u044f"
_WORDS = re.compile(f"[{_UPPER}]?[{_LOWER}]+|[{_UPPER}]+(?![{_LOWER}])|\\d+")
# A text given per locale (``script_constants.text_of``): an object whose first member is keyed by a language tag or
# "default" and holds a string.
_LOCALISED = rb"""\{\s*["']?(?:default|[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)["']?\s*:\s*["'`]"""


def worth_reading(data: bytes, lists: FieldLists) -> bool:
    """Whether a script's bytes may hold a list of field definitions (three searches, no parse): a hand-written
    script of at most ``MAX_BYTES`` (a larger one is generated data, and parsing it only for lists would cost seconds)."""
    if len(data) > MAX_BYTES or not lists.name_keys or not lists.label_keys:
        return False
    labelled, named, keyed, factory = _patterns(lists)
    # The name may be a member's key instead ({ fieldName: { label: "…" } }): then a member holds an object; a question
    # without a name says its type ({ question: "…", type: "input" }), or its choices ({ text: "Feeling down?", options:
    # ["Not at all", …] }: a questionnaire's items, answered by position), or is asked in a list named as questions
    # (perguntas: [{ pergunta: "…" }]).
    return (
        (
            _OF_OBJECTS.search(data) is not None
            and labelled.search(data) is not None
            and (
                named.search(data) is not None
                or _named_by_member(lists.name_keys).search(data) is not None
                or keyed.search(data) is not None
                or _typed(lists.type_keys).search(data) is not None
                or _choices_listed(lists.option_keys).search(data) is not None
                or (bool(lists.question_keys) and _member(lists.question_keys).search(data) is not None)
                or _asked_member(lists.label_keys).search(data) is not None
            )
        )
        or factory.search(data) is not None
        or _statements_listed((*lists.statement_names, *sorted(lists.generic_holders))).search(data) is not None
    )


@functools.lru_cache(maxsize=4)
def _typed(type_keys: tuple[str, ...]) -> re.Pattern[bytes]:
    """A string-valued member named by one of the type keys (``type: "input"``)."""
    return re.compile(rb"""(?<![\w$])["']?(?:""" + _alternation(type_keys) + rb""")["']?\s*:\s*["'`]""")


@functools.lru_cache(maxsize=4)
def _named_by_member(name_keys: tuple[str, ...]) -> re.Pattern[bytes]:
    """A member named by one of the name keys whose value is an enum's or a constants object's member (``name:
    FieldName.Religion``)."""
    return re.compile(rb"""(?<![\w$])["']?(?:""" + _alternation(name_keys) + rb""")["']?\s*:\s*[A-Za-z_$][\w$]{0,60}\.[A-Za-z_$]""")


@functools.lru_cache(maxsize=4)
def _statements_listed(names: tuple[str, ...]) -> re.Pattern[bytes]:
    """An array of strings, or of rows that start with one, held by a name of a list of questions or statements
    (``const Stellingen = ['…'``, ``"questions": ["…"``, ``QUESTIONS = [["…", "Skola"]``): a questionnaire's items
    written as their texts alone."""
    return re.compile(
        rb"""(?i)(?<![\w$])["']?[\w$]*(?:""" + _alternation(names) + rb""")["']?\s*(?::\s*[\w$<>\[\]]+\s*)?[:=]\s*\[\s*(?:\[\s*)?["'`]"""
    )


@functools.lru_cache(maxsize=4)
def _asked_member(label_keys: tuple[str, ...]) -> re.Pattern[bytes]:
    """A label key's string written as a question (``texto: "¿Se asusta con facilidad?"``, ``text: "Do you smoke?"``)."""
    keys = _alternation(label_keys)
    return re.compile(rb"""(?<![\w$])["']?(?:""" + keys + rb""")["']?\s*:\s*(["'`])(?:\s*\xc2\xbf|[^"'`\n]{1,300}\?\1)""")


@functools.lru_cache(maxsize=4)
def _choices_listed(option_keys: tuple[str, ...]) -> re.Pattern[bytes]:
    """A member named by one of the option keys that holds an array (``options: ["Not at all", …]``)."""
    return re.compile(rb"""(?<![\w$])["']?(?:""" + _alternation(option_keys) + rb""")["']?\s*:\s*\[""")


def _alternation(keys: tuple[str, ...]) -> bytes:
    return b"|".join(re.escape(k.encode("utf-8")) for k in sorted(keys, key=len, reverse=True))


def _patterns(lists: FieldLists) -> tuple[re.Pattern[bytes], ...]:
    """``_key_patterns`` of these lists' keys and label calls."""
    return _key_patterns(lists.label_keys, lists.name_keys, lists.settings_keys, lists.label_calls)


@functools.lru_cache(maxsize=4)
def _key_patterns(
    label_keys: tuple[str, ...], name_keys: tuple[str, ...], nested: tuple[str, ...], calls: tuple[str, ...]
) -> tuple[re.Pattern[bytes], ...]:
    """A string-valued member named by one of the label keys (``label: "…"``), one named by a name key, a member
    holding an object with a label key, or an inner object holding one, among its first members (``zhalobyTrevoga: {
    label: …``, ``complaints: { elementType: "input", elementConfig: …``), and a function returning an object that takes
    its name key from a parameter (``return { name, label, ...options }``)."""

    # Up to the object's first inner brace, at most 160 bytes: each try stops at the next brace.
    inner = _alternation(label_keys + nested)
    # A member's name is tried from its first character only: from inside a long word (a base64 image) the search
    # would be quadratic.
    keyed = re.compile(rb"""(?<![\w$])["']?[\w$]+["']?\s*:\s*\{[^{}]{0,160}?(?<![\w$])["']?(?:""" + inner + rb""")["']?\s*:""")
    factory = re.compile(rb"""(?:\breturn|=>\s*\()\s*\{\s*(?>[\w$]+\s*,\s*){0,8}(?:""" + _alternation(name_keys) + rb""")\s*[,}]""")
    return _member(label_keys, calls), _member(name_keys), keyed, factory


@functools.lru_cache(maxsize=8)
def _member(keys: tuple[str, ...], calls: tuple[str, ...] = ()) -> re.Pattern[bytes]:
    """A member named by one of the keys whose value is a string, or a text given per locale (SurveyJS: "title": {
    "default": "…", "de": "…" }), or one of ``calls`` given a key (``label: t("profile.religion")``, ``i18n.t(…)``)."""
    called = rb"|(?:[\w$]{1,40}\.)?(?:" + _alternation(calls) + rb""")\(\s*["'`]""" if calls else b""
    return re.compile(rb"""(?<![\w$])["']?(?:""" + _alternation(keys) + rb""")["']?\s*:\s*(?:["'`]|""" + _LOCALISED + called + rb")")


def template_maps(text: str) -> frozenset[str]:
    """The names of the lists a single-file component's template maps (the last part of ``section.fields``)."""
    return frozenset((m.group(1) or m.group(2)).rsplit(".", 1)[-1] for m in _TEMPLATE_MAPPED.finditer(text))


def markup(
    prog: Program,
    lists: FieldLists,
    line0: int = 1,
    imported: script_constants.Imported = script_constants.NO_IMPORTS,
    stem: str = "",
    mapped: frozenset[str] = frozenset(),
    strings_read: bool = False,
) -> str:
    """HTML for the field definition lists of a program (``""`` when it has none), each definition written as its
    control where it stands in the source (the program's first line is the file's ``line0``), each list inside a
    ``<form>`` named by its holder's title. A list the file's own markup maps, and can write once per definition
    (``FieldLists.mapped_text_keys``), is read there, not here. ``stem``: the file's name without its suffix, which
    names a list that is the file's whole value (:class:`_Holders`); ``mapped``: the lists a component's template maps
    (:func:`template_maps`), read there like those its JSX maps; ``strings_read``: the program's strings were read as
    markup (``jsxmarkup.string_markup``), a questionnaire's item that holds its control's markup with them."""
    if not lists.name_keys or not lists.label_keys:
        return ""
    found = _lists(prog, lists, imported, _Holders(prog, stem), mapped, strings_read)
    if not found:
        return ""
    parts: list[str] = []
    line = 0
    # Every definition where it stands, in source order; a list read inside another's section (a panel's elements
    # among the questions) interrupts that list's form with its own, and the other's form opens again after it.
    ordered = sorted(
        ((obj, control, k) for k, (_, definitions) in enumerate(found) for obj, control in definitions), key=lambda d: d[0].start_byte
    )
    current = -1
    for obj, control, k in ordered[:_MAX_FIELDS]:
        row = obj.start_point[0] + line0 - 1
        if row > line:
            parts.append("\n" * (row - line))
            line = row
        if k != current:
            title = found[k][0]
            parts.append(("</form>" if current >= 0 else "") + (f'<form aria-label="{escape(title)}">' if title else "<form>"))
            current = k
        parts.append(control)
        line += control.count("\n")
    return "<html><body>" + "".join(parts) + ("</form>" if current >= 0 else "") + "</body></html>"


@dataclass(frozen=True)
class _Factory:
    """A function that returns a field definition made from its parameters: the argument each key comes from, and the
    one whose object is spread into it (``{ name, label, ...options }``)."""

    keys: tuple[tuple[str, int], ...]
    spread: int | None


def _factory(prog: Program, fn: Node, lists: FieldLists) -> _Factory | None:
    """What a function of the file returns, when it is a definition whose name key is one of its parameters."""
    returned = _returned_object(fn)
    if returned is None:
        return None
    params = [_param_name(prog, p) for p in jsxhelpers.parameters(fn)]
    keys: list[tuple[str, int]] = []
    spread = None
    for member in returned.named_children:
        if member.type == "shorthand_property_identifier" and prog.text(member) in params:
            keys.append((prog.text(member), params.index(prog.text(member))))
        elif member.type == "pair" and (value := member.child_by_field_name("value")) is not None:
            if value.type == "identifier" and prog.text(value) in params:
                keys.append((prog.key_of(member), params.index(prog.text(value))))
        elif member.type == "spread_element" and member.named_child_count == 1:
            spread_name = prog.text(member.named_children[0])
            spread = params.index(spread_name) if spread_name in params else spread
    return _Factory(tuple(keys), spread) if any(k in lists.name_keys for k, _ in keys) else None


def _param_name(prog: Program, param: Node) -> str:
    """A parameter's name (``name``, ``name: string``, ``options = {}``), else "" (a destructuring)."""
    named, _ = jsxhelpers.param_pattern(param)
    return prog.text(named) if named.type == "identifier" else ""


def _unwrapped(node: Node | None) -> Node | None:
    while node is not None and node.type == "parenthesized_expression" and node.named_child_count == 1:
        node = node.named_children[0]
    return node


def _returned_object(fn: Node) -> Node | None:
    """The object literal a function returns: an arrow's body ``({ … })``, or a ``return { … }`` of its block."""
    body = _unwrapped(fn.child_by_field_name("body"))
    if body is not None and body.type == "statement_block":
        returns = [c for c in body.named_children if c.type == "return_statement" and c.named_child_count == 1]
        body = _unwrapped(returns[0].named_children[0]) if len(returns) == 1 else None
    return body if body is not None and body.type == "object" else None


def _made(prog: Program, item: Node, lists: FieldLists, factories: dict[int, _Factory | None]) -> dict[str, Node] | None:
    """A list item made by a factory call (``createField('dx', 'Diagnose', {…})``, also behind ``cond && …``): the
    members of the definition it returns, as arguments of the call; else None. ``factories``: each function's answer."""
    if item.type == "binary_expression" and prog.text(item.child_by_field_name("operator") or item) == "&&":
        item = item.child_by_field_name("right") or item
    callee = item.child_by_field_name("function") if item.type == "call_expression" else None
    arguments = item.child_by_field_name("arguments")
    fn = jsxhelpers.bound_function(prog, callee) if callee is not None and callee.type == "identifier" else None
    if fn is None or arguments is None:
        return None
    if fn.id not in factories:
        factories[fn.id] = _factory(prog, fn, lists)
    factory = factories[fn.id]
    if factory is None:
        return None
    args = arguments.named_children
    members = {key: args[at] for key, at in factory.keys if at < len(args)}
    if factory.spread is not None and factory.spread < len(args) and args[factory.spread].type == "object":
        members = prog.pairs(args[factory.spread]) | members
    return members


def _lists(
    prog: Program,
    lists: FieldLists,
    imported: script_constants.Imported,
    holders: _Holders,
    in_template: frozenset[str] = frozenset(),
    strings_read: bool = False,
) -> list[tuple[str, list[tuple[Node, str]]]]:
    """The definition lists of the program, in source order: (the form's title, [(definition, its control's HTML)]).
    A list is an array of definitions, or an object holding one definition under each field's name
    (``{ zhalobyTrevoga: { label: "тревогу", type: "boolean" }, … }``). A container inside a list already taken (a
    definition's options) is not a list of its own."""
    root = prog.parsed.root
    found = tree_sitter.QueryCursor(_arrays_query(prog.parsed.source.dialect)).captures(root)
    containers = {n.id: n for n in found.get("a", []) + found.get("o", [])}
    # Arrays of calls, where the file returns a definition from a function (the cheap look of worth_reading)
    if found.get("c") and _patterns(lists)[3].search(prog.parsed.source.data):
        containers |= {n.id: n for n in found["c"]}
    factories: dict[int, _Factory | None] = {}
    # Arrays of strings held by a name of questions or statements: a questionnaire's items written as their texts alone.
    # Rows of a list so named whose first entry is the statement ([["Bolagsskatten bör sänkas.", "Ekonomi", "…"], …]).
    statements = {n.id: n for n in found.get("s", []) + found.get("t", []) if n.id not in containers and holders.listed(n, lists)}
    containers |= statements
    # A list the file's own markup maps ({FIELDS.map((f) => <input name={f.name} …/>)}) is read there, as written.
    mapped = (
        frozenset((m.group(1) or m.group(2)).decode() for m in _MAPPED.finditer(prog.parsed.source.data)) if prog.jsx else frozenset()
    ) | in_template
    out: list[tuple[str, list[tuple[Node, str]]]] = []
    # The byte ranges of the definitions taken, in order: a container inside one (its options) is no list of its own;
    # one inside a section the list holds beside its definitions (a SurveyJS panel's elements) is.
    starts: list[int] = []
    ends: list[int] = []
    fields = 0
    for node in sorted(containers.values(), key=lambda n: n.start_byte)[:_ARRAYS]:
        at = bisect.bisect_right(starts, node.start_byte) - 1
        if at >= 0 and node.start_byte < ends[at]:
            continue
        prog.budget.spend()
        if node.id in statements:
            got = _statements(prog, node, lists, holders)
        else:
            got = _definitions(prog, node, lists, mapped, factories, imported, holders, strings_read)
        if got is None:
            continue
        out.append(got)
        for definition, _ in got[1]:
            if not starts or definition.start_byte >= ends[-1]:
                starts.append(definition.start_byte)
                ends.append(definition.end_byte)
        fields += len(got[1])
        if len(out) >= _MAX_LISTS or fields >= _MAX_FIELDS:
            break
    return out


@functools.lru_cache(maxsize=4)
def _arrays_query(dialect: str) -> tree_sitter.Query:
    """Array literals holding an object literal, and object literals holding one as a member's value."""
    return tree_sitter.Query(
        language(dialect),
        "(array (object)) @a (object (pair value: (object))) @o (array (call_expression)) @c (array (string)) @s (array (array)) @t",
    )


def _definitions(
    prog: Program,
    node: Node,
    lists: FieldLists,
    mapped: frozenset[str],
    factories: dict[int, _Factory | None],
    imported: script_constants.Imported,
    holders: _Holders,
    strings_read: bool = False,
) -> tuple[str, list[tuple[Node, str]]] | None:
    """The container's definitions and its form's title, when it is a list of field definitions."""
    if node.named_child_count > _MAX_PER_LIST:
        return None  # a data table written as code, not a form
    made: dict[int, dict[str, Node]] = {}
    if node.type == "array":
        for c in node.named_children:
            if c.type != "object" and (got := _made(prog, c, lists, factories)) is not None:
                made[c.id] = got
        items = [(c, "") for c in node.named_children if c.type == "object" or c.id in made]
    else:  # { fieldName: { label, type }, … }: each member's key is its field's name
        if _defines_itself(prog, node, lists):
            return None  # a definition's own settings objects ({ name: 'email', type: 'Email', options: { label } })
        items = [
            (value, prog.key_of(c))
            for c in node.named_children
            if c.type == "pair" and (value := c.child_by_field_name("value")) is not None and value.type == "object"
        ]
    prog.budget.spend(len(items))
    if len(items) * 2 < len(node.named_children):
        return None
    if len(items) < 2 and not (items and items[0][0].type == "object" and _matrix_rows(prog, _members(prog, items[0][0], lists), lists)):
        return None  # one definition is no list of them, unless it asks its rows (a survey of one matrix question)
    members = [made[o.id] if o.id in made else _members(prog, o, lists) for o, _ in items]
    laid_out = _in_section(prog, node, lists)
    other = [_not_a_control(prog, m, lists, laid_out) for m in members]
    if any(other):
        # A table's columns, a menu's links; a form's list that holds a few such items beside its controls (a heading
        # block with `children`, a link) keeps the controls, when they are the most and say they are controls.
        kept = [m for m, o in zip(members, other, strict=True) if not o]
        if len(kept) * 2 <= len(members) or sum(1 for m in kept if _asks(prog, m, lists)) * 2 < len(kept):
            return None
        items = [i for i, o in zip(items, other, strict=True) if not o]
        members = kept
    # A survey's pages, a form's panels: sections that hold a list of their own and ask nothing themselves; their lists
    # are read each on its own (a question that holds its follow-ups is a question).
    sections = {id(m) for m in members if _holds_list(m, lists) and not _asks(prog, m, lists)}
    if len(sections) == len(members):
        return None
    holder = holders.name(node)
    listed = holders.listed(node, lists)
    fields = [
        (o, m, name)
        for (o, key), m in zip(items, members, strict=True)
        if id(m) not in sections
        and not (strings_read and _writes_its_control(prog, m, lists))
        and not _answered(prog, m, lists)
        and not _graded(prog, m, lists)
        and not _shows_text(prog, m, lists)
        and (name := _field_name(prog, m, key, lists, imported, listed)) is not None
        and (_label(prog, m, lists) or _options(prog, m, lists, imported))
    ]
    # A matrix question asks each of its rows: two of them are two definitions.
    rows = {id(m): asks for _, m, _ in fields if (asks := _matrix_rows(prog, m, lists))}
    asked = len(fields) + sum(len(r) - 1 for r in rows.values())
    # Two definitions at least, the most of its items; or one beside sections of the list (a questionnaire's e-mail
    # after its groups).
    if not fields or (asked < 2 and not sections) or len(fields) * 2 < len(items) - len(sections):
        return None
    if holder and holder in mapped and all(_written_where_mapped(prog, m, lists) for m in members):
        return None  # the markup that maps it writes each definition (jsxmarkup); one it cannot write is read here
    formish = sum(1 for m in members if _asks(prog, m, lists))
    if not listed and formish * 2 < len(members):
        return None
    title = _title(prog, node, lists) or _named(holder, lists)
    controls = []
    for o, m, name in fields:
        if id(m) in rows:
            controls += _row_controls(prog, m, name, rows[id(m)], lists)
            continue
        controls.append((o, _control(prog, m, name, lists, imported, listed)))
        for inner in _follow_ups(prog, o, lists, functools.partial(_options, prog, m, lists, imported)):
            # Its follow-up ("Qual?" if the answer is yes) right after it, in its own line: read as following it up
            inner_members = _members(prog, inner, lists)
            inner_name = _name(prog, inner_members, lists)
            controls.append((inner, _control(prog, inner_members, inner_name, lists, imported, listed)))
    return title, controls


_MAX_ROWS = 60  # rows of one matrix question read


def _matrix_rows(prog: Program, members: dict[str, Node], lists: FieldLists) -> list[Node]:
    """The rows a matrix question asks (``matrix_types``: SurveyJS's ``{ type: "matrix", rows: [{ value, text }, …] }``),
    each a string or an object with a label; none for any other definition."""
    if not lists.matrix_types or _kind(prog, members, lists) not in lists.matrix_types:
        return []
    value = next((members[k] for k in lists.row_keys if k in members), None)
    if value is None or value.type != "array":
        return []
    return [r for r in value.named_children if r.type in STRING_TYPES or r.type == "object"][:_MAX_ROWS]


def _row_controls(prog: Program, members: dict[str, Node], name: str, rows: list[Node], lists: FieldLists) -> list[tuple[Node, str]]:
    """One radio question per row of a matrix, at the row's line: the row's text asked under the matrix's title, its
    choices the matrix's columns, its name the row's value (``parq01``) within the matrix's (``parq``)."""
    title = escape(_label(prog, members, lists))
    columns = next((members[k] for k in lists.column_keys if k in members), None)
    choices = [c for c in (_row_text(prog, c, lists)[1] for c in (columns.named_children if columns is not None else ())) if c]
    out: list[tuple[Node, str]] = []
    for i, row in enumerate(rows):
        value, text = _row_text(prog, row, lists)
        if not text:
            continue
        named = f' name="{escape(f"{name}[{value}]" if name and value else name or value)}"'
        boxes = (
            "".join(f'<label><input type="radio"{named}>{escape(c)}</label>' for c in choices[:_MAX_ROWS]) or f'<input type="radio"{named}>'
        )
        heading = f"<h4>{title}</h4>" if title and not i else ""  # the matrix's title over its first row: the rows' section
        out.append((row, f"{heading}<fieldset><legend>{escape(text)}</legend>{boxes}</fieldset>"))
    return out


def _row_text(prog: Program, node: Node, lists: FieldLists) -> tuple[str, str]:
    """A matrix row's or column's value and text: a string is both; an object's ``value`` (or name) and label."""
    if node.type in STRING_TYPES:
        said = _text(prog, node)
        return said, said
    if node.type != "object":
        return "", ""
    members = _members(prog, node, lists)
    value = next((said for k in lists.row_value_keys if (said := _said(prog, members.get(k)))), "") or _name(prog, members, lists)
    return value, _label(prog, members, lists) or value


_FOLLOW_UP_DEPTH = 2  # { conditional: { sim: { id, label, type } } }: a definition this many objects inside another
_MAX_FOLLOW_UPS = 8  # follow-ups read of one definition


def _follow_ups(prog: Program, item: Node, lists: FieldLists, choices: Callable[[], list[str]]) -> list[Node]:
    """The definitions a definition holds as the question asked on one of its answers, up to two objects deep (``{ id:
    "tomaMedicacao", label: "Toma alguma medicação?", type: "radio", options: ["Sim", "Não"], conditional: { sim: { id:
    "qualMedicacao", label: "Qual?", type: "text" } } }``): under a key that says so (``follow_up_keys``) or one that
    names one of its choices (``choices``, read only for a definition that holds an object). Each names itself, has a
    label and says it is a control (``_defines_itself`` and ``_asks``); a preview's, a column's or a confirmation's object
    under another key is no follow-up."""
    out: list[Node] = []
    skip = {*lists.settings_keys, *lists.option_keys, *lists.label_keys}
    level = [(k, v) for k, v in prog.pairs(item).items() if k not in skip and v.type == "object"]
    if not level:
        return out  # most definitions hold no object: their choices are not read a second time (_control reads them)
    answers = {c.strip().lower() for c in choices()}
    for depth in range(_FOLLOW_UP_DEPTH):
        deeper: list[tuple[str, Node]] = []
        for path, obj in level:
            keys = path.lower().split(".")
            said = keys[0] in lists.follow_up_keys or any(k in answers for k in keys)
            if _defines_itself(prog, obj, lists):
                members = _members(prog, obj, lists)
                if said and _label(prog, members, lists) and _asks(prog, members, lists):
                    out.append(obj)
            elif depth + 1 < _FOLLOW_UP_DEPTH:
                deeper += [(f"{path}.{k}", v) for k, v in prog.pairs(obj).items() if v.type == "object"]
        level = deeper
        prog.budget.spend(len(level))
    return out[:_MAX_FOLLOW_UPS]


def _not_a_control(prog: Program, members: dict[str, Node], lists: FieldLists, laid_out: bool = False) -> bool:
    """Whether an item is a table's column or a menu's link (a ``not_form_keys`` member), or carries an icon or a width
    (``display_keys``) without a form key beside its type (``required``, options, a placeholder: a column's or a settings
    menu's ``type`` says how a cell is shown or a toggle drawn, not that a visitor answers it); in a form builder's
    section (``laid_out``: a SurveyJS panel's elements) a width lays the form out, and says nothing of the kind."""
    if lists.not_form_keys.intersection(members):
        return True
    if laid_out or not lists.display_keys.intersection(members):
        return False
    return not any(k in lists.form_keys and k not in lists.type_keys for k in members)


def _in_section(prog: Program, node: Node, lists: FieldLists) -> bool:
    """Whether a list is the member of an object whose type is a form builder's section (``section_types``: ``{ "type":
    "panel", "elements": [ … ] }``)."""
    pair = node.parent
    owner = pair.parent if pair is not None and pair.type == "pair" else None
    if owner is None or owner.type != "object":
        return False
    own = prog.pairs(owner)
    return any((v := own.get(k)) is not None and (prog.literal(v) or "").lower() in lists.section_types for k in lists.type_keys)


def _defines_itself(prog: Program, node: Node, lists: FieldLists) -> bool:
    """Whether an object is itself a definition: a name given as a string and a type or a label of its own (Laminas'
    element array, whose ``options`` and ``attributes`` objects are its settings, not fields keyed by name)."""
    own = prog.pairs(node)
    named = any((v := own.get(k)) is not None and v.type == "string" for k in lists.name_keys)
    return named and any(k in own for k in (*lists.type_keys, *lists.label_keys))


_STATEMENT_WORDS = 3  # an item of a list of statements is a sentence: a list of shorter strings is choices or tags


def _statements(prog: Program, node: Node, lists: FieldLists, holders: _Holders) -> tuple[str, list[tuple[Node, str]]] | None:
    """A list of questions or statements written as their texts alone (``const Stellingen = ['Accijnzen voor tabak
    moeten omhoog.', …]``), or as rows whose first entry is the text (``[["Vinstuttag från friskolor bör begränsas.",
    "Skola", "Frågan gäller …"], …]``): each item a question the page asks with its own answers (an agreement scale,
    buttons), written as a choice whose answers are not known here, named by its place in the list; three items at
    least, each a sentence."""
    items = [c for c in node.named_children if c.type != "comment"]
    if len(items) < 3 or len(items) > _MAX_PER_LIST:
        return None
    texts = [_string(prog, _first_entry(c)) for c in items]
    if any(len(t.split()) < _STATEMENT_WORDS for t in texts):
        return None
    holder = holders.name(node)
    controls = [
        (c, f'<fieldset><legend>{escape(t)}</legend><input type="radio" name="{escape(holder)}[{n}]"></fieldset>')
        for n, (c, t) in enumerate(zip(items, texts, strict=True))
    ]
    return _named(holder, lists), controls


def _first_entry(item: Node) -> Node | None:
    """A statement's text: the item itself when it is a string, a row's first entry when that is one, else None."""
    if item.type in ("string", "template_string"):
        return item
    entries = [c for c in item.named_children if c.type != "comment"] if item.type == "array" else []
    return entries[0] if entries and entries[0].type in ("string", "template_string") else None


def _field_name(
    prog: Program, members: dict[str, Node], key: str, lists: FieldLists, imported: script_constants.Imported, listed: bool
) -> str | None:
    """A definition's field name: its name key's string, else the key it is held under; "" for a question that has no
    name but shows it is a control (``{ question: "Группа крови", placeholder: "Первая", type: "input", answer: "" }``:
    the answers are kept by position), by a placeholder or choices of its own, or by a control's type in a list named
    as one (``questions: [{ question, type: "text" }]``; a page builder's ``{ type: "text", title }`` blocks are none);
    None for an item that is neither."""
    name = _name(prog, members, lists) or key
    if name:
        return name
    if not any(_text(prog, members.get(k)) for k in lists.label_keys if k != "placeholder"):
        return None
    kind = _kind(prog, members, lists)
    typed = kind in INPUT_TYPES or kind.split(" ", 1)[0] in lists.types  # "input text": a type's first word names it
    shown = "placeholder" in members or bool(_options(prog, members, lists, imported))
    # perguntas: [{ pergunta: "…" }], or preguntas: [{ idpregunta: 1, texto: "¿Se asusta con facilidad?" }]: a question
    # asked under any label key
    asks = listed and (
        any(_text(prog, members.get(k)) for k in lists.question_keys)
        or (
            any(asked(_text(prog, members.get(k)) or "") for k in lists.label_keys if k != "placeholder")
            and not _holds_prose(prog, members, lists)
        )
    )
    return "" if shown or (typed and listed) or asks else None


_PROSE_WORDS = 6  # a member's text this long, besides the question, is an answer shown to read (an FAQ's)


def _holds_prose(prog: Program, members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether an item holds a text of its own besides its labels (an FAQ's ``{ title: "Is my test confidential?",
    content: "Yes, your result is only shared with…" }``): a question shown with its answer, no control."""
    labels = {*lists.label_keys, *lists.question_keys}
    return any(k not in labels and _prose(_string(prog, v)) for k, v in members.items())


def _prose(text: str) -> bool:
    """A sentence shown to read: six words or more, or two or more that end as a sentence ends ("Of course.")."""
    words = text.split()
    return len(words) >= _PROSE_WORDS or (len(words) >= 2 and text.rstrip().endswith((".", "!")))


_ASKED = re.compile(r"^\s*¿|[?？؟]\s*$")


def asked(text: str) -> bool:
    """Whether a text is written as a question: it ends with a question mark (Latin, full-width, Arabic), or opens
    with Spanish's ¿."""
    return _ASKED.search(text) is not None


def _listed(holder: str, lists: FieldLists) -> bool:
    """Whether the list's name names a list of controls: one of ``list_names``, or a compound whose first or last word
    is one of ``list_name_words`` (``anamneseQuestions``, ``intake_questions``, ``preguntasSalud``)."""
    if holder.lower() in lists.list_names or holder.lower() in lists.list_name_words:
        return True
    words = _WORDS.findall(holder)
    return len(words) > 1 and bool({words[0].lower(), words[-1].lower()} & lists.list_name_words)


def _named(holder: str, lists: FieldLists) -> str:
    """The form a list's own name names, in words, when the object holding it gives no title: ``anamneseQuestions``
    is the anamnesis' questions, ``healthHistoryFields`` the health history's; a bare ``fields`` names none."""
    if holder.lower() in lists.list_names:
        return ""
    words = [w.lower() for w in _WORDS.findall(holder) if not w.isdigit()]
    return " ".join(w for w in words if w not in lists.list_name_words and w not in lists.list_names)


def _answered(prog: Program, members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether an item holds its answer's text (``{ question: "Is the test confidential?", answer: "Yes, …" }``): a
    question and its answer shown to read, as an FAQ lists them, not a control."""
    return any(_text(prog, members.get(k)).strip() for k in lists.answer_keys)


_CONTROL_MARKUP = re.compile(r"""\A[`'"]\s*<(?:input|select|textarea)\b""", re.I)


def _writes_its_control(prog: Program, members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether an item is a question that holds its control's own markup in a string (``{ question: "…", rep: '<input
    type="radio" …>' }``: a question key, and a member that is a control's tag): the strings are read as markup where
    they stand (``jsxmarkup.string_markup``), its question with them. A help text that names a tag, or a grid column's
    filter template under its title, is no such item."""
    if not any(k in members for k in lists.question_keys):
        return False
    return any(v.type in ("string", "template_string") and _CONTROL_MARKUP.match(prog.text(v)) for v in members.values())


def _graded(prog: Program, members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether an item is a test's question: it, or one of its choices written as objects, marks the right answer
    (``quiz_keys``: ``{ question, answers: [{ answer: "Eid al-Fitr", correct: true }] }``, ``correctAnswer: 2``)."""
    if not lists.quiz_keys:
        return False
    if lists.quiz_keys.intersection(members):
        return True
    for key in lists.option_keys:
        value = members.get(key)
        if value is not None and value.type == "array":
            for choice in value.named_children[:50]:
                if choice.type == "object" and lists.quiz_keys.intersection(prog.pairs(choice)):
                    return True
    return False


def _kind(prog: Program, members: dict[str, Node], lists: FieldLists) -> str:
    """A definition's type, lower case: its first type key's string or enum member ("" when it names none)."""
    return next((s.lower() for k in lists.type_keys if (s := _said(prog, members.get(k)))), "")


def _shows_text(prog: Program, members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether a definition's type says it shows text or holds others, no control (``not_control_types``: a FHIR
    Questionnaire's ``{ linkId: "intro", type: "display", text: "…" }``)."""
    return _kind(prog, members, lists) in lists.not_control_types


def _holds_list(members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether a list item is a section holding a list of definitions (``{ "name": "page1", "elements": [{…}] }``)."""
    return any(
        (value := members.get(key)) is not None and value.type == "array" and any(c.type == "object" for c in value.named_children)
        for key in lists.container_keys.intersection(members)
    )


def _written_where_mapped(prog: Program, members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether the markup that maps a list writes this definition as its own: it has a string under one of the keys
    the markup reads a mapped item's text from (``{ label: "…" }``; not ``{ chave, pergunta }``, whose mapped markup is
    written once for all). Without such keys in the data, every mapped list is the markup's."""
    keys, prefixes = lists.mapped_text_keys, lists.mapped_text_prefixes
    if not keys and not prefixes:
        return True
    return any(_string(prog, v) and (k in keys or k.lower().startswith(prefixes)) for k, v in members.items())


def _asks(prog: Program, members: dict[str, Node], lists: FieldLists) -> bool:
    """Whether a definition says it is a control: a form key other than a type (``required``, ``options``,
    ``placeholder``…), or a type that names a control (``"select"``, ``"radiogroup"``, ``"email"``; not a record's
    ``type: "document"`` or a diagram node's ``type: "decision"``)."""
    for key in members:
        if key in lists.type_keys:  # any of them (``component: "dropdown"`` too), when it names a control
            said = _said(prog, members[key]).lower()
            if said in lists.types or said in INPUT_TYPES or said == "input":
                return True
        elif key in lists.form_keys:
            return True
    return False


def _string(prog: Program, node: Node | None) -> str:
    """A string literal's text (template literals without substitutions too), blanks folded, else ""."""
    return " ".join((prog.literal(node) or "").split())


def _said(prog: Program, node: Node | None) -> str:
    """A string literal's text, else the last part of an enum's member (``jsfacts.member_name``: ``FieldName.Religion``
    is "Religion"), as a component's type prop is read."""
    return member_name(prog, node) or _string(prog, node)


def _text(prog: Program, node: Node | None) -> str:
    """What a visitor reads of a label: a string, or a text given per locale (``script_constants.text_of``); a string
    that is a key of the site's catalogues (``question: "common:q.questions.breathing.question"``, translated where the
    list is drawn) is the text the catalogues give it, with the key's words (``form_helpers.message_words``)."""
    said = script_constants.text_of(prog.parsed, node)
    if said and _catalogued(said):
        return form_helpers.message_words(said)
    return said


def _catalogued(said: str) -> str | None:
    """The text the site's catalogues give a string written as one of their keys, else None."""
    return messages.installed().text(said) if (":" in said or "." in said) and _KEY.fullmatch(said) else None


_KEY = re.compile(r"[\w-][\w.:-]{1,200}")  # a key as written: no blank, a namespace (ns:) or a path (a.b)


def _name(prog: Program, members: dict[str, Node], lists: FieldLists) -> str:
    return next((s for k in lists.name_keys if (s := _said(prog, members.get(k)))), "")


def _members(prog: Program, item: Node, lists: FieldLists) -> dict[str, Node]:
    """A definition's members by key, with those of the object it holds its settings in (``settings_keys``:
    ngx-formly's ``{ key: "dx", props: { label: "Diagnosis", options: […] } }``, a JSON form's ``{ "component":
    "TextField", "params": { "name": …, "label": …, "components": […] } }``) where it has none of its own."""
    members = prog.pairs(item)
    for key in lists.settings_keys:
        inner = members.get(key)
        if inner is not None and inner.type == "object":
            members = {**prog.pairs(inner), **members}
    return members


def _label(prog: Program, members: dict[str, Node], lists: FieldLists) -> str:
    """A definition's label: the question it asks, when it has one (``question_keys``), else its first label key's text."""
    return next(
        (
            s
            for k in (*lists.question_keys, *lists.label_keys)
            if (s := _text(prog, members.get(k)) or _called(prog, members.get(k), lists))
        ),
        "",
    )


def _called(prog: Program, node: Node | None, lists: FieldLists) -> str:
    """What a translation call given a key shows (``t("profile.religion")``: the site's catalogues' text for the key and
    the key's words, ``form_helpers.message_words``), else "". A call given a namespace and a key (``t("form.patient",
    "label.niss")``) looks the key up under it; Svelte's store read of the function (``get(t)("shared", "address")``) is
    the function."""
    if node is None or node.type != "call_expression":
        return ""
    callee = prog.callee(node)
    if callee is not None and callee.type == "call_expression" and jsxhelpers.callee_name(prog, callee) in lists.store_reads:
        read = prog.args(callee)  # svelte/store's get(t): the store's value, the translation function
        name = prog.text(read[0]) if len(read) == 1 and read[0].type == "identifier" else ""
    else:
        name = jsxhelpers.callee_name(prog, node)
    if name not in lists.label_calls:
        return ""
    args = prog.args(node)
    first = _string(prog, args[0]) if args else ""
    second = _string(prog, args[1]) if len(args) > 1 else ""
    if not first:
        return ""
    if not second or messages.installed().text(first) is not None or name in lists.domain_calls:
        return form_helpers.message_words(first)  # a key the catalogues hold; WordPress's __('Age', 'domain')
    if second.split() != [second]:
        return second  # i18next's t('profile.q7', 'Question seven'): a key no catalogue holds shows its default
    return form_helpers.message_words(second, first)  # t('form.patient', 'label.niss'): a key under a namespace


def _options(prog: Program, members: dict[str, Node], lists: FieldLists, imported: script_constants.Imported) -> list[str]:
    """The choices of a definition: those of its first options array (its strings, or its objects' texts), read where
    a const of the file or an import of the project holds it when it is named instead (``options: raceOptionsList``)."""
    for key in lists.option_keys:
        value = members.get(key)
        found = script_constants.listed_choices(prog, value, lists.option_text_keys, (), imported) if value is not None else []
        if found:
            return [_catalogued(o) or o for o in found]  # a choice written as a catalogue's key: its text
    return []


def _control(
    prog: Program,
    members: dict[str, Node],
    field_name: str,
    lists: FieldLists,
    imported: script_constants.Imported,
    listed: bool,
) -> str:
    """The HTML of the control a definition describes (one without a name is written without one). In a list named as
    questions or statements, an item that names no control of its own (no known type, choices or placeholder) and asks
    a sentence (``{ id: "bolagsskatt", kind: "structural", text: "Bolagsskatten bör sänkas." }``) is a question the page
    answers with choices of its own (an agreement scale, yes / no buttons), as a list of bare texts is."""
    named = f' name="{escape(field_name)}"' if field_name else ""
    label = escape(_label(prog, members, lists))
    kind = _kind(prog, members, lists)
    tag = lists.types.get(kind, "input")
    options = _options(prog, members, lists, imported)
    if listed and not options and kind not in lists.types and kind not in INPUT_TYPES and "placeholder" not in members:
        if len(label.split()) >= _STATEMENT_WORDS:
            return f'<fieldset><legend>{label}</legend><input type="radio"{named}></fieldset>'

    if tag == "select" or (tag == "input" and options and kind not in INPUT_TYPES):
        opts = "".join(f"<option>{escape(o)}</option>" for o in options)
        return f'<select{named} aria-label="{label}">{opts}</select>'
    if tag == "textarea":
        return f'<textarea{named} aria-label="{label}"></textarea>'
    if tag in ("radio", "checkbox") and options:
        # Boxes of a question without a name take its text as their one name: they are one question's choices. The
        # group is reported where its question is defined, and answers for each choice's line too (item lines), as a
        # group written in markup answers for each of its boxes.
        named = named or (f' name="{label}"' if label else "")
        lines = _choice_lines(prog, members, lists)
        items = f' {ITEM_LINES}="{" ".join(map(str, lines))}"' if lines else ""
        boxes = "".join(f'<label><input type="{tag}"{named}{items if not i else ""}>{escape(o)}</label>' for i, o in enumerate(options))
        return f"<fieldset><legend>{label}</legend>{boxes}</fieldset>"
    if tag in ("radio", "checkbox"):
        return f'<label><input type="{tag}"{named}>{label}</label>'
    typ = kind if kind in INPUT_TYPES else "text"
    return f'<input type="{typ}"{named} aria-label="{label}">'


def _choice_lines(prog: Program, members: dict[str, Node], lists: FieldLists) -> list[int]:
    """The file lines of a definition's choices, when they are an array written in it (``answers: [{ answer: "Poor" },
    …]``); none otherwise (at most ``_MAX_ROWS``)."""
    for key in lists.option_keys:
        value = members.get(key)
        if value is not None:
            if value.type != "array":
                return []
            choices = [c for c in value.named_children if c.type != "comment"][:_MAX_ROWS]
            return sorted({prog.position(c)[0] for c in choices})
    return []


class _Holders:
    """What names a file's lists: the member, variable or class field that holds one; the file's own name for a list
    that is the file's whole value (questions.php's ``return [ … ]``, ``export default […]``, a ``stellingen.json``
    that is one array); a function's name for the list it returns (``getQuestions() { return […] }``). A list is also
    named as questions by the names it is passed on to in its file (``const QDEFS = […]``, ``const ALL = [...QDEFS,
    …]``, ``export const catalogQuestions = ALL.map(…)``), found once per file when a list's own name says nothing."""

    def __init__(self, prog: Program, stem: str) -> None:
        self._prog = prog
        self._stem = stem
        self._passed: dict[str, set[str]] | None = None

    def name(self, array: Node) -> str:
        """The name the list is held by (``fields: […]``, ``const questions = […]``, ``fields: FormlyFieldConfig[] =
        […]`` in a class; ``const fields = […].filter(Boolean)`` too), else ""."""
        prog = self._prog
        parent = array.parent
        while parent is not None and parent.type == "member_expression" and (call := parent.parent) is not None:
            if call.type != "call_expression":
                break
            parent = call.parent  # [ … ].filter(…): the chain's value is the list's
        while parent is not None and parent.type in ("as_expression", "satisfies_expression"):
            parent = parent.parent  # [ … ] as const
        if parent is None:
            return ""
        if parent.type == "pair":
            return prog.key_of(parent)
        if parent.type == "variable_declarator":
            name = parent.child_by_field_name("name")
            return prog.text(name) if name is not None and name.type == "identifier" else ""
        if parent.type in ("public_field_definition", "field_definition"):  # a class's field: fields: FormlyFieldConfig[] = […]
            name = parent.child_by_field_name("name") or parent.child_by_field_name("property")
            return prog.text(name) if name is not None else ""
        if parent.type == "assignment_expression":
            left = parent.child_by_field_name("left")
            if left is not None and prog.text(left) in ("module.exports", "exports.default"):
                return self._stem
            if left is not None:
                prop = left.child_by_field_name("property") if left.type == "member_expression" else left
                return prog.text(prop) if prop is not None else ""
        if parent.type == "export_statement":
            return self._stem
        if parent.type == "return_statement":
            return self._returned_by(parent)
        if parent.type == "parenthesized_expression" and (above := parent.parent) is not None:
            if above.type == "expression_statement" and above.parent is not None and above.parent.type == "program":
                return self._stem  # a JSON file that is one array, read as a script
        return ""

    def listed(self, array: Node, lists: FieldLists) -> bool:
        """Whether the list is named as a list of controls (``_listed``), by its own name or one it is passed on to."""
        holder = self.name(array)
        if _listed(holder, lists):
            return True
        if holder in lists.generic_holders and _listed(self._stem, lists):
            return True  # a reducer's initialState = […] in questions.js: named by its file
        return bool(holder) and any(_listed(n, lists) for n in self._passed_on(holder))

    def _returned_by(self, returned: Node) -> str:
        """The name of the function a ``return`` belongs to; the file's own name for one at the file's top (a PHP file
        that returns its array)."""
        node = self._prog.enclosing_function(returned)
        if node is None:
            return self._stem
        name = node.child_by_field_name("name")
        if name is None and node.parent is not None and node.parent.type == "variable_declarator":
            name = node.parent.child_by_field_name("name")
        return self._prog.text(name) if name is not None else ""

    def _passed_on(self, holder: str) -> list[str]:
        """The names a const's list reaches in its file, through at most ``_PASSES`` hands."""
        if self._passed is None:
            self._passed = _passes(self._prog)
        seen = [holder]
        for name in seen:
            if len(seen) > _PASSES:
                break
            seen += [n for n in sorted(self._passed.get(name, ())) if n not in seen]
        return seen[1:]


_PASSES = 8  # names followed from one list


def _passes(prog: Program) -> dict[str, set[str]]:
    """For each name in the file, the consts whose value is built from its list: ``[...A, ...B]``, ``A.map(…)``,
    ``A.filter(…).map(…)``, ``A.concat(B)``, ``A as const``."""
    out: dict[str, set[str]] = {}
    found = tree_sitter.QueryCursor(_declarators_query(prog.parsed.source.dialect)).captures(prog.parsed.root)
    for declarator in found.get("d", [])[:_ARRAYS]:
        prog.budget.spend()
        name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
        if name is None or value is None or name.type != "identifier":
            continue
        for source in _built_from(prog, value):
            out.setdefault(source, set()).add(prog.text(name))
    return out


def _built_from(prog: Program, value: Node) -> list[str]:
    """The names a value's list is built from (see ``_passes``)."""
    while value.type in ("as_expression", "satisfies_expression", "parenthesized_expression") and value.named_child_count:
        value = value.named_children[0]
    if value.type == "identifier":
        return [prog.text(value)]
    if value.type == "array":
        return [
            prog.text(c.named_children[0])
            for c in value.named_children
            if c.type == "spread_element" and c.named_child_count == 1 and c.named_children[0].type == "identifier"
        ]
    if value.type == "call_expression" and (callee := value.child_by_field_name("function")) is not None:
        prop = callee.child_by_field_name("property") if callee.type == "member_expression" else None
        owner = callee.child_by_field_name("object") if prop is not None else None
        if prop is None or owner is None or prog.text(prop) not in script_constants.COPIES:
            return []
        arguments = value.child_by_field_name("arguments")
        joined = (
            [prog.text(a) for a in arguments.named_children if a.type == "identifier"] if prog.text(prop) == "concat" and arguments else []
        )
        return _built_from(prog, owner) + joined
    return []


@functools.lru_cache(maxsize=4)
def _declarators_query(dialect: str) -> tree_sitter.Query:
    return tree_sitter.Query(language(dialect), "(variable_declarator name: (identifier) value: (_)) @d")


def _title(prog: Program, array: Node, lists: FieldLists) -> str:
    """The title the object holding the list gives its form (``medication: { title: "Dodaj lek…", fields: […] }``)."""
    pair = array.parent
    holder = pair.parent if pair is not None and pair.type == "pair" else None
    if holder is None or holder.type != "object":
        return ""
    members = prog.pairs(holder)
    return next((s for k in lists.title_keys if (s := _text(prog, members.get(k)))), "")
