"""The markup a component renders, as HTML the form-field classifier can read.

JSX is written back as HTML with each start tag on its original line and, where the text before
it allows, at its original column: the classifier and the positions of its findings then work as
for a page. Only what is static survives: string props, text children, string constants inside
``className={cn('a', cond && 'b')}``; an expression child contributes the JSX inside it
(``{open && <input …/>}``, ``{items.map(i => <option>…</option>)}``). React prop names become
HTML attributes (``htmlFor`` → ``for``); form components of the common UI kits (``<Input>``,
``<TextField label>``, ``<Checkbox>``) become the control they render, from
``signatures/ui_components.toml``.

Single-file components (Vue, Svelte, Astro) are HTML already: their script and style blocks and
Astro's frontmatter are blanked to spaces, so every position stays the file's own.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from collections.abc import Callable, Collection, Iterator

from tree_sitter import Node

from analyzer.facts import choice_tiles, fieldlists, jsxhelpers, own_components
from analyzer.facts.rendered import MARK_BASE
from analyzer.facts.template_components import ITEM_LINES
from analyzer.parse import htmldoc, script_constants, styled_elements
from analyzer.parse.clipping import SHORT_TEXT
from analyzer.parse.component_names import named_control
from analyzer.parse.form_helpers import message_words
from analyzer.parse.jsfacts import STRING_TYPES, Program, member_name, unparen
from analyzer.parse.jsparse import JsSource
from analyzer.parse.markup_out import ATTRIBUTES, VOID
from analyzer.parse.markup_out import Out as _Out
from analyzer.parse.markup_out import attr as _attr
from analyzer.parse.markup_out import attributes as _attributes
from analyzer.parse.markup_out import escape as _escape
from analyzer.parse.positions import blank
from analyzer.signatures import CONTROL_GROUPS, JsxBindings, control_stem
from analyzer.signatures import UiComponent as Component

_JSX = ("jsx_element", "jsx_self_closing_element")
_TAGS = ("jsx_opening_element", "jsx_closing_element")
# A JSX attribute named by a JavaScript keyword, class= or for=, as Preact and Solid write them.
KEYWORD_ATTRIBUTE = re.compile(r"(?<=[\s{])(class|for)(?=\s*=\s*[\"'{])")


def keyword_attributes_renamed(source: JsSource) -> JsSource:
    """The same code with ``class=`` / ``for=`` written ``Class=`` / ``For=`` (same length, read back as
    class / for): the JavaScript grammar parses those as JSX attributes."""
    text = KEYWORD_ATTRIBUTE.sub(lambda m: m.group(1).capitalize(), source.text)
    return JsSource(text, source.line0, source.col0, source.dialect)


_MAX_MAPPED = 60  # choices read from one mapped array
_MAX_OBJECT_PATH = 6  # member steps followed from a listed object's name (``Object.keys(a.b[c].d)``)
_MAX_OBJECTS = 40  # object literals one listed path may name
# ``Object.keys(O)``, ``Object.values(O)``, ``Object.entries(O)``: an object literal's members listed for ``.map``
_OBJECT_LISTINGS = frozenset({"keys", "values", "entries"})
_MAX_HELPER_CALLS = 200  # render-helper calls written out per file
_MAX_HELPER_DEPTH = 3  # helpers called from a helper's markup
_MAX_STYLED_DEPTH = 4  # styled(styled(TextField)): wrappers looked through
_MAX_HELPER_ELEMENTS = 20_000  # JSX elements written out for helper calls and mapped definitions per file


@functools.cache
def handler_hint(handlers: frozenset[str]) -> re.Pattern[bytes]:
    """A JSX element given a change handler (``setChecked={…}``, ``onCheckedChange={…}``: ``jsx_bindings.handlers``): a
    component file whose form is made of a project's own bound components only (``_bound_component``), with no native
    control and no control word in a component's name, is worth parsing too."""
    names = "|".join(re.escape(h) for h in sorted(handlers, key=len, reverse=True))
    return re.compile(rb"\s(?:" + names.encode() + rb")=\{" if names else rb"(?!)")


@functools.lru_cache(maxsize=4)
def form_hint(components: tuple[str, ...], template_names: tuple[str, ...] = (), suffixes: tuple[str, ...] = ()) -> re.Pattern[bytes]:
    """Form markup in a code file (a native control, a known form component, or in a template one of a
    kit's components, whose names the HTML parser lower-cases: ``<v-text-field>``, ``<VTextField>``):
    worth parsing for fields even when no recorder string is in it."""
    names = "|".join(re.escape(n) for n in sorted(components, key=len, reverse=True))
    kit = "|".join(re.escape(n) for n in sorted(template_names, key=len, reverse=True))
    ends = "|".join(re.escape(n) for n in sorted(suffixes, key=len, reverse=True))
    alternatives = r"input|textarea|select|(?:\w+\.)?(?:" + names + ")" + (f"|(?i:{kit})" if kit else "")
    # A project's own RadioField, FormInput, and in a template <form-select>, <x-forms.textarea> (any case).
    alternatives += rf"|\w*(?:{ends})" if ends else ""
    alternatives += rf"|[\w.:-]*[-.:](?i:{ends})" if ends and kit else ""
    pattern = r"<(?:" + alternatives + r")[\s/>]"
    return re.compile(pattern.encode() + rb"|contentEditable|contenteditable")


class _Writer:
    def __init__(
        self,
        prog: Program,
        components: dict[str, Component],
        printed: Callable[[tuple[str, ...]], object] | None = None,
        suffixes: tuple[tuple[str, Component, tuple[str, ...]], ...] = (),
        translations: frozenset[str] = frozenset(),
        bindings: JsxBindings | None = None,
        hooks: frozenset[str] = frozenset(),
        imported: script_constants.Imported = script_constants.NO_IMPORTS,
        title_holders: tuple[str, ...] = (),
        defined: own_components.Defined = own_components.NO_COMPONENTS,
    ) -> None:
        self.prog = prog
        self.defined = defined
        self.hooks = hooks
        self.title_holders = title_holders
        self.components = components
        self.suffixes = suffixes
        self.translations = translations
        self.bindings = bindings or JsxBindings()
        self.imported = imported
        self.out = _Out()
        # Expressions printed as text whose path ``printed`` accepts (personal data): each is
        # written as one private-use character, found again in the parsed page.
        self.printed = printed
        self.values: list[tuple[int, int, str, tuple[str, ...], object]] = []  # line, column, text, path, what printed said
        self.names: list[str] = []  # the field names of the form-field components being written (innermost last)
        self.open_tags: list[str] = []  # the tags of the elements being written ("" for a component), innermost last
        # While a .map() over a known array is written: its callback's parameter and the array's texts joined, so
        # that {impact} or {option.labelDe} in the mapped markup prints every choice (the one box stands for all).
        self.mapped: list[tuple[str, str]] = []
        # ... and the lines of the array's items, when it is written in this file: each control written there is one per item
        self.item_lines: list[str] = []
        # While a .map() callback's markup is written: its index parameter and what it stands for (the item's number
        # when each item is written, else the array's own name with the index: "gad7_catalog[i]"), so that a control
        # named by it (<Form.Item name={i}>) has a name and its radios are one group.
        self.indexes: list[tuple[str, str]] = []
        # While a render helper's markup is written for a call: what its parameters stand for (by binding key),
        # innermost last, and where the outermost call stands (every start tag is written there).
        self.arguments: list[dict[int, Node]] = []
        self.anchor: tuple[int, int] | None = None
        self.helper_calls = 0
        self.helper_elements = 0  # elements those calls wrote, against _MAX_HELPER_ELEMENTS
        self.sizes: dict[int, int] = {}  # JSX elements under a helper's body or a callback, by node id
        self.helpers = jsxhelpers.by_call(prog)  # the helper each call in the markup renders, by the call's id
        self.returns: dict[int, bool] = {}  # whether a component function of this file returns JSX, by its id
        self.tiles: choice_tiles.Compared = {}  # each element's choice-tile comparison, by its opening's id
        # The elements whose component's body is being written and whose children it has not printed yet, by id: where
        # their start tags were anchored and how many argument frames stood, for writing the children in their scope.
        self.holders: dict[int, tuple[tuple[int, int] | None, int]] = {}
        self.bound: dict[int, Component | None] = {}  # _bound_component's answers, by the element's opening id
        self.object_pairs: dict[int, list[tuple[Node, Node, int]]] = {}  # _pairs' answers, by the object literal's id
        self._styled_here: dict[str, styled_elements.Styled] | None = None  # the file's own styled elements, read at the first use

    def element(self, node: Node) -> None:
        prog = self.prog
        opening = node if node.type == "jsx_self_closing_element" else node.child_by_field_name("open_tag")
        name = _tag_name(prog, node)
        # Elements among its children, written or mapped ({options.map((o) => <FormControlLabel …/>)}): a
        # <RadioGroup> that holds its radios is their group, not a radio of its own.
        holds = node.type == "jsx_element" and any(
            c.type in _JSX or (c.type == "jsx_expression" and _outer_jsx(c)) for c in node.named_children
        )
        # A project's field component whose children are only the options of its choice (<CustomFormField
        # fieldType={SELECT} name="insuranceProvider" label="Ubezpieczyciel">{providers.map((p) => <SelectItem …/>)}):
        # the choice itself, not a wrapper around a control.
        choice = holds and self._holds_only_options(node)
        tag, attrs = self._tag(name, opening, holds and not choice)
        if not tag and opening is not None and self._component_written(name, opening):
            return
        if not tag and opening is not None:
            self._title_given(node, name, opening, holds=node.type == "jsx_element" and name[:1].isupper() and not choice)
        # A component given its choices by a prop (options={genderOptions}: ``jsx_bindings.option_props``) asks the
        # visitor to pick among them, as a select does; one known to render radios or checkboxes (<RadioButtonGroup
        # options={…}>, <CheckboxInput options={…}>) draws one box per choice, under its label.
        boxes = tag == "input" and any(k == "type" and v in ("radio", "checkbox") for k, v in attrs)
        given = self._option_prop(opening) if tag in ("input", "select") and opening is not None and not name[:1].islower() else []
        options, box_choices = ([], given) if boxes else (given, [])
        if (choice or options) and tag == "input":
            tag, attrs = "select", [(k, v) for k, v in attrs if k != "type"]
        if not tag and opening is not None and name[:1].isupper() and self._in_slot(node):
            tag, attrs = self._slotted(name, opening)
        # A button, chip or card that sets a field to its value and is drawn as chosen while the field holds it: a
        # radio (or a checkbox) with its text, under the question its wrapper or heading asks (choice_tiles).
        tileable = opening is not None and tag not in _NATIVE and tag != "label"
        if tileable and node.type == "jsx_element" and opening is not None and self._holds_control(opening):
            tileable = False  # <label onClick={…}><input …/></label>: the control inside is the answer
        chosen = choice_tiles.tile(prog, opening, self.bindings, self.tiles) if tileable and opening is not None else None
        if chosen is not None:
            tag, attrs = "label", []
        # react-hook-form's <FormField name="religion" render={…}> / <Controller name=…>: a component that
        # renders nothing we know names the control its render prop or children write ({...field} carries it).
        field_name = self._prop(opening, "name") if not tag and opening is not None else None
        if not field_name and not tag and opening is not None and name.endswith(self.bindings.groups):
            field_name = self._bound_name(opening)  # <IonRadioGroup value={eerderBehandeld}>: its radios' name
        if field_name:
            self.names.append(field_name)
        if tag in _NATIVE and self.item_lines and self.item_lines[-1]:
            attrs.append((ITEM_LINES, self.item_lines[-1]))
        if tag in _NATIVE and self.names and not any(k == "name" for k, _ in attrs):
            attrs.append(("name", self.names[-1]))
        # A component that wraps a control and renders its label from a prop (Ant Design's <Form.Item
        # label="Allergies">, a project's <Field label="Naam">): kept as a <div label=…> around its children,
        # read by the field extractor as that control's label (fieldfacts._wrapper_label).
        held = (
            next((said for p in ("label", *sorted(self.bindings.label_props)) if (said := self._prop(opening, p))), None)
            if not tag and node.type == "jsx_element" and opening is not None
            else None
        )
        if held:
            tag, attrs = "div", [("label", held)]
        # <FormControlLabel control={<Radio />} label="Yes" />: a <label> around the control it is handed, then its text.
        beside = (
            self._prop(opening, "label")
            if not tag and opening is not None and self._renders_jsx(opening, self.bindings.control_props)
            else None
        )
        if beside is not None:
            tag, attrs = "label", []
        self.open_tags.append(tag)
        if tag:
            row, col = self.anchor or node.start_point
            self.out.at(row, col)
            rendered = _attributes((k, v) for k, v in attrs if not (tag == "label" and k == "aria-label"))
            if box_choices:
                legend = next((v for k, v in attrs if k == "aria-label"), "")
                plain = _attributes((k, v) for k, v in attrs if k != "aria-label")
                boxes_html = "".join(f"<label><{tag}{plain}>{_escape(c)}</label>" for c in box_choices)
                self.out.write(f"<fieldset><legend>{_escape(legend)}</legend>{boxes_html}</fieldset>")
            else:
                self.out.write(f"<{tag}{rendered}>")
            # A label component's text prop (<InputLabel value="Email" />) is the label's text.
            said = next((v for k, v in attrs if k == "aria-label"), "") if tag == "label" else ""
            if said:
                self.out.write(_escape(said) + " ")
        # JSX in a prop (a render prop, slotProps, a label element) is rendered by the component: written
        # here, before its children, in source order.
        for attr in opening.named_children if opening is not None else ():
            value = attr.named_children[1] if attr.type == "jsx_attribute" and len(attr.named_children) > 1 else None
            if value is not None and value.type == "jsx_expression":
                for jsx in _outer_jsx(value):
                    self.element(jsx)
        if beside:
            self.out.write(" " + _escape(beside) + " ")
        if chosen is not None:  # the tile's own text: its label prop (label={o.l}), else its children, written next
            named = f' name="{_attr(chosen.name)}"' if chosen.name else ""
            said = self._tile_text(opening) if opening is not None else ""
            self.out.write(f'<input type="{chosen.type}"{named}> {_escape(said)} ')
        for said in options if tag == "select" else ():
            self.out.write(f"<option>{_escape(said)}</option>")
        if node.type == "jsx_element":
            for child in node.named_children:
                if child.type in ("jsx_opening_element", "jsx_closing_element"):
                    continue
                self.child(child)
        if tag and tag not in VOID:
            self.out.write(f"</{tag}>")
        if field_name:
            self.names.pop()
        self.open_tags.pop()

    def child(self, node: Node) -> None:
        if node.type in _JSX:
            self.element(node)
        elif node.type == "jsx_text":
            self.out.write(_escape(" ".join(self.prog.text(node).split())) + " ")
        elif node.type == "jsx_expression":
            expr = _inner(node)
            if self._helpers_written(expr):
                return
            expr = self._argument(expr)
            if expr is not None and expr.id in self.holders:  # {children} in the body of a component written for an element
                self._held_written(expr)
                return
            taken = self._branch(expr) if expr is not None and self.arguments else expr
            if taken is not expr:  # {type === "select" ? <Select …/> : <Input …/>} for a definition whose type is known
                for jsx in ([taken] if taken.type in _JSX else _outer_jsx(taken)) if taken is not None else ():
                    self.element(jsx)
                either = self._either_literal(taken) if taken is not None and taken.type not in _JSX else None
                if either:
                    self.out.write(_escape(" / ".join(either)) + " ")
                return
            said = self._mapped_text(expr) if expr is not None else None
            if said is None and expr is not None:
                said = self._text_of(expr)
            if said is not None:
                self.out.write(_escape(said) + " ")
                return
            # {lang === "de" ? "Versicherungsname" : "Insurance name"}, {label ?? "Diagnosis"}: the texts it may print.
            either = self._either_literal(expr) if expr is not None else None
            if either:
                self.out.write(_escape(" / ".join(either)) + " ")
                return
            if expr is not None and self.printed is not None:
                self._printed(expr)
            # {RELIGIONS.map((r) => <option>{r}</option>)} over a constant array of this file: its choices,
            # as a select's options, else as the text the mapped boxes stand under.
            choices = self._mapped_choices(expr) if expr is not None else []
            in_select = bool(self.open_tags) and self.open_tags[-1] == "select"
            if choices and in_select:  # each choice its own <option>, not the mapped one holding them all
                self.out.write("".join(f"<option>{_escape(c)}</option>" for c in choices))
                return
            if (choices or self._listed_object(expr)) and expr is not None and self._items_written(expr, node):
                return
            param = _map_parameter(self.prog, expr) if choices and expr is not None else ""
            printed = bool(param) and _prints(self.prog, _outer_jsx(node), param, self.bindings.text_props)
            if choices and not printed:
                self.out.write("<span>" + _escape(" / ".join(choices)) + "</span> ")
            if printed:  # the mapped boxes print their own choice: they read the choices as their own text
                self.mapped.append((param, _first_choices(choices)))
                literal = self._mapped_array(expr)[0] if expr is not None else None
                items = literal.named_children if literal is not None else []
                self.item_lines.append(" ".join(str(i.start_point[0] + 1) for i in items if i.type != "comment"))
            array, fn = self._mapped(expr) if expr is not None else (None, None)
            index = _index_parameter(self.prog, fn)
            if index:  # the one block stands for every item: its controls are named for the array by the index
                self.indexes.append((index, f"{self.prog.text(array)[:60] if array is not None else ''}[{index}]"))
            for jsx in _outer_jsx(node):
                self.element(jsx)
            if index:
                self.indexes.pop()
            if printed:
                self.mapped.pop()
                self.item_lines.pop()

    def _items_written(self, expr: Node, node: Node) -> bool:
        """A form built from a list of field definitions (``FIELDS.map((f) => <input name={f.name} …/>)``, or an object's
        keys or entries: ``Object.keys(fields).map((k) => <label>{k}<textarea value={notes[k]}/></label>)``): the mapped
        markup written once per definition, the callback's parameter standing for it, each control it writes defined
        at its item's line (``ITEM_LINES``); whether it was, for one item at least (else the markup is written once,
        as for any list it cannot expand: a parameter that takes an entry whole, an object of computed keys)."""
        if self.helper_calls >= _MAX_HELPER_CALLS or len(self.arguments) >= _MAX_HELPER_DEPTH:
            return False
        items, fn = self._mapped_items(expr)
        if not items or fn is None:
            return False
        param = next(iter(jsxhelpers.parameters(fn)), None)
        bindings = self.bindings
        if param is None or not jsxhelpers.names_by_item(self.prog, fn, bindings.values, bindings.name_props, bindings.register_calls):
            return False
        jsx = _outer_jsx(node)
        index = _index_parameter(self.prog, fn)
        written = False
        for n, (parts, line) in enumerate(items):
            given: dict[int, Node] = {}
            _bind_item(self.prog, param, parts, given)
            if not given or not self._affords(node):
                continue
            written = True
            self.helper_calls += 1
            self.arguments.append(given)
            self.indexes.append((index, str(n)))
            self.item_lines.append(str(line))
            for element in jsx:
                self.element(element)
            self.item_lines.pop()
            self.indexes.pop()
            self.arguments.pop()
        return written

    def _mapped_items(self, expr: Node) -> tuple[list[tuple[tuple[Node, ...], int]] | None, Node | None]:
        """The items ``X.map(fn)`` maps, each with the line it is defined at, and ``fn``: an array literal's elements
        (``_mapped_array``), or an object literal's keys, values or ``[key, value]`` entries when ``X`` is
        ``Object.keys(O)``, ``Object.values(O)`` or ``Object.entries(O)`` (``_listed_object``)."""
        array, fn = self._mapped_array(expr)
        if array is not None:
            elements: list[tuple[tuple[Node, ...], int]] = [
                ((i,), i.start_point[0] + 1) for i in array.named_children if i.type != "comment"
            ]
            return elements[:_MAX_MAPPED], fn
        listed = self._listed_object(expr)
        if listed is None:
            return None, fn
        how, objects = listed
        items: list[tuple[tuple[Node, ...], int]] = []
        for obj in objects:
            for key, value, line in self._pairs(obj):
                items.append(((key,) if how == "keys" else (value,) if how == "values" else (key, value), line))
                if len(items) >= _MAX_MAPPED:  # a map writes no more items than this, whatever the object holds
                    return items, fn
        return items, fn

    def _pairs(self, obj: Node) -> list[tuple[Node, Node, int]]:
        """An object literal's first ``_MAX_MAPPED`` plain members (key, value, line), read once per object (a file may
        map one object of thousands of keys a thousand times)."""
        found = self.object_pairs.get(obj.id)
        if found is None:
            found = []
            for k in range(obj.named_child_count):
                pair = obj.named_child(k)
                key = pair.child_by_field_name("key") if pair is not None and pair.type == "pair" else None
                value = pair.child_by_field_name("value") if key is not None and pair is not None else None
                if pair is None or key is None or value is None or key.type == "computed_property_name":
                    continue
                found.append((key, value, pair.start_point[0] + 1))
                if len(found) >= _MAX_MAPPED:
                    break
            self.object_pairs[obj.id] = found
        return found

    def _listed_object(self, expr: Node | None) -> tuple[str, list[Node]] | None:
        """``Object.keys(O).map(…)`` (or ``values``, ``entries``) where ``O`` names object literals of this file: how
        they are listed and those objects (``_objects_named``); else None."""
        mapped, _ = self._mapped(expr) if expr is not None else (None, None)
        if mapped is None or mapped.type != "call_expression":
            return None
        owner, _, how = self.prog.path(self.prog.callee(mapped)).rpartition(".")
        args = self.prog.args(mapped)
        if owner != "Object" or how not in _OBJECT_LISTINGS or not args:
            return None
        objects = [o for o in self._objects_named(args[0], 0) if o.type == "object"]
        return (how, objects) if objects else None

    def _objects_named(self, expr: Node, depth: int) -> list[Node]:
        """The object literals an expression names: a ``const`` of this file holding one (or a render helper's parameter
        given one), a member of such an object (``defaults.fields``), and any of its members' when indexed by what is
        known only at run time (``defaults[step].fields``: whichever step shows, each is one the visitor may see)."""
        if depth > _MAX_OBJECT_PATH:
            return []
        expr = self._argument(expr) or expr
        if expr.type == "parenthesized_expression" and expr.named_children:
            return self._objects_named(expr.named_children[0], depth + 1)
        if expr.type in ("object", "array"):
            return [expr]
        if expr.type == "identifier":
            binding = self.prog.scopes.lookup(expr)
            value = binding.value if binding is not None and binding.kind == "const" else None
            return [value] if value is not None and value.type in ("object", "array") else []
        if expr.type not in ("member_expression", "subscript_expression"):
            return []
        holder = expr.child_by_field_name("object")
        held = self._objects_named(holder, depth + 1) if holder is not None else []
        key = _member_key(self.prog, expr)
        index = expr.child_by_field_name("index")
        at = self.prog.text(index) if not key and index is not None and index.type == "number" else ""
        found: list[Node] = []
        for obj in held:
            values: list[Node | None]
            if obj.type == "array":  # steps[i] of an array of steps: whichever is shown
                elements: list[Node | None] = [c for c in obj.named_children[: _MAX_OBJECTS * 2] if c.type != "comment"]
                values = elements[int(at) : int(at) + 1] if at.isdigit() else elements if expr.type == "subscript_expression" else []
            elif key or at:
                wanted = key or at
                values = [next((v for k, v, _ in self._pairs(obj) if k.parent is not None and self.prog.key_of(k.parent) == wanted), None)]
            else:
                values = [v for _, v, _ in self._pairs(obj)]
            found += [v for v in values if v is not None and v.type in ("object", "array")]
        return found[:_MAX_OBJECTS]

    def _mapped(self, expr: Node) -> tuple[Node | None, Node | None]:
        """What ``X.map(fn)`` maps (``X``, in a render helper's markup what its parameter stands for) and ``fn``."""
        if expr.type != "call_expression":
            return None, None
        callee = self.prog.callee(expr)
        if callee is None or callee.type != "member_expression":
            return None, None
        obj, prop = callee.child_by_field_name("object"), callee.child_by_field_name("property")
        if obj is None or prop is None or self.prog.text(prop) != "map":
            return None, None
        return self._argument(obj) or obj, _callback(self.prog, expr)

    def _mapped_array(self, expr: Node) -> tuple[Node | None, Node | None]:
        """The array literal ``X.map(fn)`` maps (``X`` a const of this file or written in place) and ``fn``."""
        value, fn = self._mapped(expr)
        if value is not None and value.type == "identifier":
            binding = self.prog.scopes.lookup(value)
            value = binding.value if binding is not None and binding.kind == "const" else None
        return (value if value is not None and value.type == "array" else None), fn

    def _helpers_written(self, expr: Node | None) -> bool:
        """Write the markup of the render helpers ``expr`` calls (``{field('Religião', 'religiao')}``) at the
        call, each parameter standing for its argument; whether any was."""
        written = False
        for call in jsxhelpers.calls(expr):
            if self.helper_calls >= _MAX_HELPER_CALLS or len(self.arguments) >= _MAX_HELPER_DEPTH:
                break
            fn = self.helpers.get(call.id)
            body = fn.child_by_field_name("body") if fn is not None else None
            if fn is None or body is None or not self._affords(body):
                continue
            given = {k: self._argument(v) or v for k, v in jsxhelpers.arguments(self.prog, fn, call).items()}
            self._write_body(body, given, call.start_point)
            written = True
        return written

    def _write_body(self, body: Node, given: dict[int, Node], at: tuple[int, int]) -> None:
        """Write the markup a function of this file returns (a render helper's at its call, a component's where it is
        used: ``at``, unless an outer one already anchors the markup), each of its parameters standing for ``given``."""
        self.helper_calls += 1
        outer = self.anchor
        self.anchor = outer or at
        self.arguments.append(given)
        for jsx in _outer_jsx(body) if body.type not in _JSX else [body]:
            self.element(jsx)
        self.arguments.pop()
        self.anchor = outer

    def _component_written(self, name: str, opening: Node) -> bool:
        """A component of this file used as an element (``<SacramentBlock field="hasBaptism" label="Baptism" …/>`` with
        ``function SacramentBlock({ field, label, … }) { return <label><Checkbox onChange={set(field)}/>{label}</label> }``):
        the markup it returns written here, each destructured prop standing for the value the element gives it, as a
        render helper's is at its call; whether it was. Only a component given a string literal prop (a template
        filled in at each use); its own body, where it is written, shows nothing of it."""
        if name[:1].islower() or "." in name or self.components.get(name) is not None:
            return False
        if self.helper_calls >= _MAX_HELPER_CALLS or len(self.arguments) >= _MAX_HELPER_DEPTH:
            return False
        given_props = jsxhelpers.jsx_props(self.prog, opening)
        if not any(v.type in STRING_TYPES for v in given_props.values()):
            return False
        ident = opening.child_by_field_name("name")
        fn = jsxhelpers.jsx_function(self.prog, ident, self.returns) if ident is not None and ident.type == "identifier" else None
        body = fn.child_by_field_name("body") if fn is not None else None
        if fn is None or body is None or not self._affords(body):
            return False
        params = jsxhelpers.parameters(fn)
        given: dict[int, Node] = {}
        element = opening.parent if opening.type == "jsx_opening_element" else None
        held = [c for c in element.named_children if c.type not in _TAGS] if element is not None else []
        if params:
            # What the element holds is its "children" prop: the component prints it where it says {children}.
            handed = {**given_props, "children": element} if held and element is not None else given_props
            jsxhelpers.bind_props(self.prog, params[0], handed, given)
        if not given:
            return False
        if held and element is not None:
            self.holders[element.id] = (self.anchor, len(self.arguments))
        self._write_body(body, {k: v if v is element else self._argument(v) or v for k, v in given.items()}, opening.start_point)
        if held and element is not None and self.holders.pop(element.id, None) is not None:
            self._held_written(element)  # a body that never prints {children}: they are still on the page
        # JSX handed to it in a prop (extra={(set) => <input …/>}), which its body calls rather than prints: written
        # after its markup, in the scope it was written in, as an unknown component's is.
        for value in given_props.values():
            for jsx in _outer_jsx(value):
                self.element(jsx)
        return True

    def _held_written(self, element: Node) -> None:
        """Write what a component's element holds (its children: ``<SectionCard title="Zdrowie"><FormField …/>
        </SectionCard>``) where the component prints them, each at its own place and in the scope it was written in."""
        anchor, depth = self.holders.pop(element.id, (self.anchor, len(self.arguments)))
        outer, frames = self.anchor, self.arguments[depth:]
        self.anchor, self.arguments = anchor, self.arguments[:depth]
        for c in element.named_children:
            if c.type not in _TAGS:
                self.child(c)
        self.anchor, self.arguments = outer, self.arguments + frames

    def _affords(self, node: Node) -> bool:
        """Whether writing the JSX under ``node`` once more stays within the file's element budget (a helper of 500
        spans called 400 times is 200,000 elements from a 40 KB file); if so, it is counted."""
        size = self.sizes.get(node.id)
        if size is None:
            size = self.sizes[node.id] = sum(1 for n in jsxhelpers.descendants([node], _MAX_HELPER_ELEMENTS) if n.type in _JSX)
        if self.helper_elements + size > _MAX_HELPER_ELEMENTS:
            return False
        self.helper_elements += size
        return True

    def _argument(self, expr: Node | None) -> Node | None:
        """What ``expr`` stands for while a render helper's markup is written: the argument its parameter was
        given at the call, else ``expr`` itself."""
        if expr is None or not self.arguments:
            return expr
        if expr.type in ("member_expression", "subscript_expression"):
            return self._member_argument(expr) or expr
        if expr.type not in ("identifier", "shorthand_property_identifier"):
            return expr
        binding = self.prog.lookup(expr)
        if binding is None or binding.kind != "param":
            return expr
        # The innermost frame first: a callback's parameter, else the one of the callback or helper it is written in
        # ({[0, 1].map((i) => <Input placeholder={`${label} ${i + 1}`} …/>)} inside a map over definitions).
        return next((frame[binding.key] for frame in reversed(self.arguments) if binding.key in frame), expr)

    def _member_argument(self, expr: Node) -> Node | None:
        """``f.label`` / ``f["label"]`` where ``f`` stands for an object literal: that member's value."""
        obj = expr.child_by_field_name("object")
        key = _member_key(self.prog, expr)
        held = self._argument(obj) if obj is not None and obj.type == "identifier" else None
        if not key or held is None or held.type != "object":
            return None
        return jsxhelpers.members(self.prog, held).get(key)

    def _title_given(self, node: Node, name: str, opening: Node, holds: bool) -> None:
        """A component given a title it shows. A layout or SEO component's (``<Layout title="Anamnesebogen">``, ``<Seo
        title="…" />``: ``title_holders``) is the page's: written as an empty element of its name holding that title,
        which the page's reader takes as the page's title (``pagecontext.page_title``), as a template's
        ``<x-layouts.app title="…">``. Another project component that ``holds`` children shows the first of its
        ``section_title_props`` over them (``<OnboardingScreen title="Who would you like to meet?">``): written as an
        ``<h2>`` where it opens, the heading of the controls it holds."""
        tag = re.sub(r"[^a-z0-9-]", "-", name.lower()).strip("-")
        if tag[:1].isalpha() and any(h in tag for h in self.title_holders):
            said = self._prop(opening, "title")
            markup = f'<{tag} title="{_attr(said)}"></{tag}>' if said else ""
        elif holds:
            said = next((t for p in self.bindings.section_title_props if (t := self._prop(opening, p))), None)
            markup = f"<h2>{_escape(said)}</h2>" if said else ""
        else:
            return
        if markup:
            row, col = self.anchor or node.start_point
            self.out.at(row, col)
            self.out.write(markup)

    def _branch(self, expr: Node, depth: int = 0) -> Node | None:
        """The branch a conditional prints while a render helper's or a mapped definition's markup is written, when
        its test compares what a parameter stands for with a literal (``type === "select" ? <Select/> : <Input/>``,
        ``kind !== "radio" && <input/>``, nested): the branch not taken is not on the page, and writing both would give
        a definition the controls of another. ``expr`` itself when the test is not known (both branches may be
        shown), None when nothing is printed (a false ``&&``)."""
        if depth > 8:
            return expr
        inner = unparen(expr)
        if inner.type == "ternary_expression":
            test = inner.child_by_field_name("condition")
            holds = self._holds(test) if test is not None else None
            taken = None if holds is None else inner.child_by_field_name("consequence" if holds else "alternative")
            return expr if taken is None else self._branch(taken, depth + 1)
        if inner.type == "binary_expression":
            op, left, right = (inner.child_by_field_name(k) for k in ("operator", "left", "right"))
            if op is not None and op.type == "&&" and left is not None and right is not None:
                holds = self._holds(left)
                if holds is not None:
                    return self._branch(right, depth + 1) if holds else None
        return expr

    def _holds(self, test: Node) -> bool | None:
        """Whether ``a === "x"`` / ``a !== "x"`` (``==``, ``!=``) holds, each side a literal or a parameter standing for
        one; None when either side is not known."""
        test = unparen(test)
        if test.type != "binary_expression":
            return None
        op, left, right = (test.child_by_field_name(k) for k in ("operator", "left", "right"))
        if op is None or op.type not in ("===", "==", "!==", "!=") or left is None or right is None:
            return None
        a, b = self._literal(left), self._literal(right)
        if a is None or b is None:
            return None
        return (a == b) == (op.type in ("===", "=="))

    def _literal(self, expr: Node) -> str | None:
        """The string or number ``expr`` is (a parameter standing for one, while a helper's markup is written)."""
        value = self._argument(expr)
        if value is not None and value.type in ("number", "property_identifier"):
            return self.prog.text(value)
        return self.prog.literal(value)

    def _mapped_text(self, expr: Node) -> str | None:
        """What an expression inside mapped markup prints when it names the map's parameter (``{impact}``,
        ``{option.labelDe}``, ``{de ? option.labelDe : option.labelEn}``): the array's texts, joined."""
        if not self.mapped:
            return None
        param, joined = self.mapped[-1]
        return joined if _names_parameter(self.prog, expr, param) else None

    def _either_literal(self, expr: Node, depth: int = 0) -> list[str] | None:
        """The strings a conditional prints when every branch is one (``c ? "a" : "b"``, nested), or the
        fallback of ``x ?? "a"`` / ``x || "a"``; None for anything else."""
        if depth > 8:
            return None
        if expr.type == "parenthesized_expression" and expr.named_children:
            return self._either_literal(expr.named_children[0], depth + 1)
        if expr.type in STRING_TYPES:
            value = self.prog.string_value(expr)
            return [value] if value else None
        if expr.type == "ternary_expression":
            branches = [expr.child_by_field_name("consequence"), expr.child_by_field_name("alternative")]
            found = [self._either_literal(b, depth + 1) if b is not None else None for b in branches]
            if any(f is None for f in found):
                return None
            return list(dict.fromkeys(s for f in found for s in f or ()))
        if expr.type == "binary_expression":
            op = expr.child_by_field_name("operator")
            right = expr.child_by_field_name("right")
            if op is not None and op.type in ("??", "||") and right is not None and right.type in STRING_TYPES:
                value = self.prog.string_value(right)
                return [value] if value else None
        return None

    def _mapped_choices(self, expr: Node) -> list[str]:
        """The texts of ``X.map(…)`` when ``X`` is an array literal written in place, a ``const`` of this file holding
        one, or a list the project exports and this file imports (``_choice_texts``)."""
        mapped, _ = self._mapped(expr)
        return self._choice_texts(mapped) if mapped is not None else []

    def _choice_texts(self, value: Node) -> list[str]:
        """The texts of the choices an expression names (``script_constants.listed_choices``): an array literal's, a const's
        of this file, or a list the project exports and this file imports; either list of a conditional, the choices of
        both (``(lgbtq ? GENDER_IDENTITIES : GENDERS).map(…)``: a recording shows whichever the visitor is given)."""
        return script_constants.listed_choices(
            self.prog, value, self.bindings.choice_keys, self.bindings.choice_key_prefixes, self.imported
        )

    def _printed(self, expr: Node) -> None:
        """``{user.religion}``, ``{fmt(patient.diagnosis)}``, ``{a ?? b}``: the paths it prints."""
        for node in _printed_nodes(expr):
            path = self.prog.path(node)
            if not path:
                continue
            segments = tuple(path.split("."))
            found = self.printed(segments)  # type: ignore[misc]
            if found:
                row, col = node.start_point
                self.out.write(chr(MARK_BASE + len(self.values)))
                self.values.append((row + 1, col + 1, self.prog.text(expr)[:80], segments, found))
                return

    def _tag(self, name: str, opening: Node | None, has_elements: bool = False, depth: int = 0) -> tuple[str, list[tuple[str, str]]]:
        """The HTML tag and static attributes of a JSX element ("" for a component that renders
        nothing we know: its children are still written)."""
        if opening is None:
            return "", []  # fragment
        comp = None
        styled = self._styled(name) if name[:1].isupper() and "." not in name else None
        if styled is not None and styled.component and styled.component != name and depth < _MAX_STYLED_DEPTH:
            wrapped = self._tag(styled.component, opening, has_elements, depth + 1)  # styled(TextField): a TextField
            if wrapped[0]:
                return wrapped
            styled = None  # styled(motion.input), a component read as nothing: the wrapper's own name is read as before
        if styled is not None and styled.tag:
            tag = styled.tag  # <InputStyled placeholder="…"/>: the element it styles, its props passed through
        elif name[:1].islower() and "." not in name:
            tag = name
        else:
            last = _last_name(name)
            # a project's own component imported from its own script before a kit's of the same name (<Text label=…/>)
            own = self._defined(name) if not has_elements else None
            comp = own or (None if self._icon(name) else self.components.get(last))
            text_box = comp is not None and comp.tag == "input" and comp.type in (None, "", "text")
            if text_box and has_elements and self._holds_control(opening):
                return "", []  # <Field label="Naam"><input …/></Field>: a project's wrapper, not Formik's field
            if comp is not None and comp.type in ("radio", "checkbox") and has_elements:
                return "", []  # <RadioButtonGroup legendText="…" name="smoker"><RadioButton …/>: the group of its choices
            if comp is None and not has_elements:
                comp = self._by_suffix(last, opening) or self._bound_component(last, opening)
            if comp is None:
                return "", []
            tag = comp.tag
        attrs: list[tuple[str, str]] = []
        for attr in opening.named_children:
            registered = self._registered_name(attr)
            if registered is not None:
                attrs.append(("name", registered))
                continue
            if attr.type != "jsx_attribute" or not attr.named_children:
                continue
            kids = attr.named_children
            key = self.prog.text(kids[0])
            value = self._value(key, kids[1] if len(kids) > 1 else None)
            if value is None:
                continue
            if comp is not None and (key == comp.label_prop or key in self.bindings.label_props):
                key = "aria-label"
            elif comp is not None and key in self.bindings.id_props and not self._prop(opening, "id"):
                key = "id"  # <InputSwitch inputId="smoker" />: <label htmlFor="smoker"> names it
            elif comp is not None and key in self.bindings.name_props and not self._prop(opening, "name"):
                key = "name"  # <SelectField fieldName="sex" …>
            attrs.append((ATTRIBUTES.get(key, key.lower() if key in ("autoComplete", "contentEditable", "tabIndex") else key), value))
        if (tag in _NATIVE or comp is not None) and not any(k == "name" for k, _ in attrs):
            bound = self._bound_name(opening)  # value={form.firstName}, onChange={set("firstName")}
            if bound:
                attrs.append(("name", bound))
        if comp is not None:
            tag, attrs = _rendered_as(tag, attrs)
        if comp is not None and comp.type and not any(k == "type" for k, _ in attrs):
            attrs.append(("type", comp.type))
        if styled is not None and styled.tag:
            given = {k for k, _ in attrs}
            attrs += [(k, v) for k, v in styled.attrs.items() if k not in given]  # styled.input.attrs({ type: "checkbox" })
        return tag, attrs

    def _styled(self, name: str) -> styled_elements.Styled | None:
        """The styled element a component is (``styled_elements``): declared in this file, or exported by another of
        the project's scripts this file imports it from (``own_components``); else None."""
        if self._styled_here is None:
            factories = self.bindings.styled_factories
            self._styled_here = styled_elements.declared(self.prog, factories, self.bindings.styled_chains) if factories else {}
        here = self._styled_here.get(name)
        if here is not None:
            return here
        found = self._imported_component(name)
        return found.styled if found is not None else None

    def _tile_text(self, opening: Node) -> str:
        """A choice tile's text given as a prop (``label={o.l}``, ``title="Oui"``): a string, or a mapped item's text."""
        for key in ("label", "title", "text", "children"):
            said = self._prop(opening, key)
            if said:
                return said
        return ""

    def _changes(self, opening: Node) -> bool:
        """Whether the element is given a change handler (``onChange={…}``: ``jsx_bindings.handlers``)."""
        return any(
            attr.type == "jsx_attribute" and attr.named_children and self.prog.text(attr.named_children[0]) in self.bindings.handlers
            for attr in opening.named_children
        )

    def _renders_jsx(self, opening: Node, props: frozenset[str] | None = None) -> bool:
        """Whether a prop of the element (any, or one of ``props``) holds JSX: a render prop, a control handed over
        (``control={<Radio />}``: ``jsx_bindings.control_props``)."""
        return any(
            attr.type == "jsx_attribute"
            and len(attr.named_children) > 1
            and attr.named_children[1].type == "jsx_expression"
            and (props is None or self.prog.text(attr.named_children[0]) in props)
            and bool(_outer_jsx(attr.named_children[1]))
            for attr in opening.named_children
        )

    def _holds_only_options(self, node: Node) -> bool:
        """Whether the elements among ``node``'s children, written or mapped, are all options of a choice (``<option>``,
        a kit's ``<SelectItem>`` / ``<MenuItem>``: a component ui_components.toml renders as an option)."""
        kids = [c for c in node.named_children if c.type in _JSX] + [
            e for c in node.named_children if c.type == "jsx_expression" for e in _outer_jsx(c)
        ]
        if not kids:
            return False
        for kid in kids:
            name = _tag_name(self.prog, kid)
            if name in ("option", "optgroup"):
                continue
            comp = self._kit_component(name)
            if comp is None or comp.tag != "option":
                return False
        return True

    def _kit_component(self, name: str) -> Component | None:
        """The kit component a JSX name (capitalised or dotted: ``SelectItem``, ``Form.Control``) is, else None."""
        if not (name[:1].isupper() or "." in name) or self._icon(name):
            return None
        return self.components.get(_last_name(name))

    def _icon(self, name: str) -> bool:
        """Whether a component is imported from an icon package (lucide-react's ``<Check />``, a tick beside a chosen
        option, is no checkbox: ``jsx_bindings.icon_packages``)."""
        imported = self.prog.imports.get(name.split(".", 1)[0]) if self.bindings.icon_packages else None
        return imported is not None and imported.package.startswith(self.bindings.icon_packages)

    def _holds_control(self, opening: Node) -> bool:
        """Whether the element opened by ``opening`` has a control among its first descendants: a native one
        (``<input>``, ``<select>``, ``<textarea>``) or a kit's component that renders one (``<Field label="Household
        email"><TextInput type="email" …/></Field>``: the field is the TextInput, the Field its wrapper)."""
        element = opening.parent
        children = [c for c in element.named_children if c is not opening] if element is not None else []
        return any(
            n.type in _JSX and (self._is_control(_tag_name(self.prog, n)) or self._is_tile(n) or self._is_bound_component(n))
            for n in jsxhelpers.descendants(children, _HOLDS_CONTROL_NODES)
        )

    def _is_bound_component(self, element: Node) -> bool:
        """Whether a JSX element is a project's component acting as a control (``_bound_component``)."""
        if element.type != "jsx_self_closing_element":
            return False
        name = _last_name(_tag_name(self.prog, element))
        return name not in self.components and self._bound_component(name, element) is not None

    def _is_tile(self, element: Node) -> bool:
        """Whether a JSX element is a choice tile (a button or chip acting as a radio: ``choice_tiles``)."""
        opening = element if element.type == "jsx_self_closing_element" else element.child_by_field_name("open_tag")
        return opening is not None and choice_tiles.tile(self.prog, opening, self.bindings, self.tiles) is not None

    def _is_control(self, name: str) -> bool:
        comp = self._kit_component(name)
        return name in _NATIVE or (comp is not None and comp.tag in _NATIVE)

    def _by_suffix(self, name: str, opening: Node) -> Component | None:
        """A project's own form component named for the control it renders (``<RadioField name="ethnicity"
        legend={…}>``: ``component_suffix`` in ui_components.toml), when it is given a field name or bound to a
        field (``<FloatInput label="Prénom" value={form.firstname}>``); labelled by the first of its label props it
        is given."""
        stem = control_stem(name, self.bindings.name_qualifiers, self.bindings.name_endings)
        for suffix, comp, label_props in self.suffixes:
            if name.endswith(suffix) or (stem and stem.endswith(suffix)):
                if comp.named_only:  # <LanguageSkillField name="…" label="…">, not <VerifiedField value={…}>
                    # Given a field name, or bound to a field it changes (<ConfigFormField value={formData.nombre}
                    # onChange={…}>): an input's two ways. Only shown a value, it is a display.
                    given = self._prop(opening, "name") or (self._bound_name(opening) if self._changes(opening) else None)
                    if not given or self._renders_jsx(opening):
                        return None  # <FormField name="q12" render={…}>: its render prop writes the control
                    tag, typ = self._told_control(opening, comp.tag)
                    return Component(tag, typ, next((p for p in label_props if self._prop(opening, p)), None))
                named = (
                    self._prop(opening, "name")
                    or any(self._prop(opening, p) for p in self.bindings.name_props)
                    or any(self._registered_name(a) for a in opening.named_children)
                    or self._bound_name(opening)
                )
                choices = self.bindings.choice_props
                asks = comp.tag == "select" and bool(choices) and bool(self._option_prop(opening, choices))
                if not named and not asks:
                    return None  # a choice given its choices (<Dropdown options={bloodTypes} placeholder="…"/>) asks for one
                given = next((p for p in label_props if self._prop(opening, p)), None)
                if comp.tag == "input" and not comp.type:  # <FormInput type="select" options={[…]}>
                    return Component(*self._told_control(opening, comp.tag), given)
                return Component(comp.tag, comp.type, given)
        return None

    def _defined(self, name: str) -> Component | None:
        """The control a project's own component renders when this file imports it from another of the project's
        scripts that defines it (``<R_R label="…" />`` with ``import R_R from "../inputs/R_R"``: ``own_components``)."""
        found = self._imported_component(name)
        return Component(found.tag, found.type, found.label_prop) if found is not None and found.styled is None else None

    def _imported_component(self, name: str) -> own_components.Control | None:
        """What the project's own module this file imports ``name`` from defines under it (``own_components``: a
        component's control or a styled element), else None."""
        imported = self.prog.imports.get(name) if "." not in name else None
        return self.defined(imported.package, imported.imported or "default") if imported is not None else None

    def _bound_component(self, name: str, opening: Node) -> Component | None:
        """A project's component no ending names, read as a control when it acts as one: bound to a member of the
        form's state it changes (``<MultiSelectCheckboxes label="Choroby skóry
        głowy" options={[…]} value={getArrayValue(formData.scalpDiseases)} onChange={…} />``, ``<TagPicker
        value={form.dealbreakers} onChange={…} placeholder="…" />``), and writing no markup through its props. The
        control is the one its name names last (``…Checkboxes`` boxes, ``…Select…`` a select), else an input (a
        select when it is given choices). A display (``value`` without a change handler), a bare state variable
        (``value={tab}``) and a view's own state are none."""
        if opening.id not in self.bound:  # asked of an element by each wrapper around it as well as where it stands
            self.bound[opening.id] = self._bound_reading(name, opening)
        return self.bound[opening.id]

    def _bound_reading(self, name: str, opening: Node) -> Component | None:
        if not name[:1].isupper() or not self._changes(opening) or self._renders_jsx(opening) or not self.suffixes:
            return None
        props = jsxhelpers.jsx_props(self.prog, opening)
        bound = next((props[k] for k in sorted(self.bindings.values) if k in props), None)
        member = _member_of(self.prog, bound) if bound is not None else None
        field = _last_part(self.prog, member) if member is not None else ""
        if not field or field in self.bindings.generic or field.lower() in self.bindings.view_state_names:
            return None
        # The control word the name ends nearest (MultiSelectCheckboxes: "Checkbox", not "Select"), read as that
        # ending's component is (``component_suffix``), else as the generic "…Field" is: an input.
        comp, label_props = named_control(name, self.suffixes)
        comp = comp or Component("input", None, None)
        # Labelled by the first label prop it is given; given none (React Native's <Text>Orzeczenie?</Text> then <YesNo
        # value={hl.has_certificate} onChange={…}/>), by the text before it, as a native control is.
        given = next((p for p in (*label_props, *sorted(self.bindings.label_props)) if self._prop(opening, p)), None)
        return Component(comp.tag, comp.type, None if given == "placeholder" else given)  # a placeholder stays one: a wrapper labels it

    def _option_prop(self, opening: Node, keys: tuple[str, ...] = ()) -> list[str]:
        """The choices a select component is given as a literal array (``options={[{ value: "church", label: "Church
        Marriage" }]}``, ``options={["A", "B"]}``) under one of ``keys``, else of ``jsx_bindings.option_props``, each
        item's string or text key."""
        props = jsxhelpers.jsx_props(self.prog, opening)
        value = next((props[k] for k in keys or self.bindings.option_props if k in props), None)
        return self._choice_texts(value) if value is not None else []

    def _told_control(self, opening: Node, default: str) -> tuple[str, str | None]:
        """The control a generic field component is told to render by a type prop (``fieldType={FormFieldType.CHECKBOX}``,
        ``type="select"``: ``jsx_bindings.type_props``, values read as ``[field_lists.types]``), else ``default``."""
        props = jsxhelpers.jsx_props(self.prog, opening)
        for value in (props[k] for k in self.bindings.type_props if k in props):
            said = (self.prog.string_value(value) or "") if value.type in STRING_TYPES else member_name(self.prog, value)
            if not said:
                continue
            control = self.bindings.control_types.get(said.lower())
            if control is not None and control != "input":  # a text input is the component's own default
                return CONTROL_GROUPS[control]
        return default, None

    def _in_slot(self, node: Node) -> bool:
        """Whether ``node`` is the one element child of a slot (shadcn/ui's ``<FormControl>``) standing in a slot
        parent (``<FormItem>``): the field's control, whatever component it is (``jsx_bindings.slots``)."""
        if not self.bindings.slots:
            return False
        slot = node.parent
        if slot is None or slot.type != "jsx_element" or _last_name(_tag_name(self.prog, slot)) not in self.bindings.slots:
            return False
        if next(itertools.islice((c for c in slot.named_children if c.type in _JSX), 1, None), None) is not None:
            return False  # a second element: no slot's child (asked of each child, the search stops at the second)
        holder = slot.parent
        return (
            holder is not None and holder.type == "jsx_element" and _last_name(_tag_name(self.prog, holder)) in self.bindings.slot_parents
        )

    def _slotted(self, name: str, opening: Node) -> tuple[str, list[tuple[str, str]]]:
        """The control a slot's child stands for: by the first ``component_suffix`` its name holds
        ("MultiSelectWithChips": a select), else an input; with its placeholder."""
        last = _last_name(name)
        found = next((comp for suffix, comp, _ in self.suffixes if suffix in last), None)
        tag, typ = (found.tag, found.type) if found is not None else ("input", None)
        attrs = [("type", typ)] if typ else []
        placeholder = self._prop(opening, "placeholder")
        if placeholder:
            attrs.append(("placeholder", placeholder))
        return tag, attrs

    def _prop(self, opening: Node, key: str) -> str | None:
        """A prop's string value (``name="religion"``, ``name={"religion"}``), else None."""
        for attr in opening.named_children:
            kids = attr.named_children if attr.type == "jsx_attribute" else []
            if len(kids) > 1 and self.prog.text(kids[0]) == key:
                value = self._value(key, kids[1])
                return value or None
        return None

    def _text_of(self, expr: Node) -> str | None:
        """The text an expression child prints as it is written: a string, a translation call's message, a label
        table's member (``{L.firstName}``); None for any other expression."""
        written = _written(self.prog, expr)
        if written is not None:
            return written
        said = self._translated(expr)
        return said if said is not None else self._label_member(expr)

    def _first_string(self, call: Node) -> str | None:
        """The string literal a call is given first (``t('ethnicity.label')``, ``set("firstName")``; in a render helper's
        or a component's markup, ``set(field)`` where the use gives ``field="hasBaptism"``), else None."""
        args = self.prog.args(call)
        if not args:
            return None
        first = self._argument(args[0]) or args[0] if args[0].type in ("identifier", "member_expression") else args[0]
        return self.prog.string_value(first)

    def _translated(self, expr: Node) -> str | None:
        """What a translation call prints (react-i18next's ``t('ethnicity.label')``, vue-i18n's ``$t``,
        ``i18n.t``, ``__``, a function a translation hook returned: ``tE('titleLabel')`` after
        ``const tE = useTranslations('events.form')``): its message, or a key's words ("ethnicity label"); None
        for any other expression."""
        if expr.type != "call_expression":
            return None
        namespace = self._hook_namespace(self.prog.callee(expr))
        if namespace is None and jsxhelpers.callee_name(self.prog, expr) not in self.translations:
            return None
        said = self._first_string(expr)
        return message_words(said, namespace or "") if said else None

    def _hook_namespace(self, callee: Node | None) -> str | None:
        """The namespace of the translation function ``callee`` names, when a translation hook returned it in its
        scope (``const tE = useTranslations("events.form")``, ``const { t } = useTranslation("intake")``, awaited or
        not): the hook's first string ("" when it is given none); None for any other callee."""
        if callee is None or callee.type != "identifier" or not self.hooks:
            return None
        binding = self.prog.lookup(callee)
        value = binding.value if binding is not None and binding.kind in ("const", "let", "var") else None
        if value is not None and value.type == "await_expression":
            value = next(iter(value.named_children), None)
        if value is None or value.type != "call_expression":
            return None
        if jsxhelpers.callee_name(self.prog, value) not in self.hooks:
            return None
        return self._first_string(value) or ""

    def _template_text(self, literal: Node) -> str:
        """A template literal written in a mapped definition's markup (``placeholder={`${label} ${idx + 1}`}``): its
        static parts, each substitution the definition gives a string (``label``: "Preto Velho") and a callback's index
        (the item's number); any other substitution (a computation) is left out, as a static part alone would leave it."""
        out: list[str] = []
        for c in literal.named_children:
            if c.type in ("string_fragment", "escape_sequence"):
                out.append(self.prog.text(c))
            elif c.type == "template_substitution" and c.named_children:
                inner = c.named_children[0]
                named = self.prog.text(inner) if inner.type == "identifier" else ""
                index = next((at for param, at in reversed(self.indexes) if param and param == named), None)
                if index is not None:  # name={`guide_${slug}_${i}`}: the item's number, as name={i} gives it
                    out.append(index)
                    continue
                out.append(self._literal(inner) or "")  # label: "Preto Velho", a key, a number
        return " ".join("".join(out).split())

    def _bound_name(self, opening: Node) -> str | None:
        """The field a control without a name is bound to: the last part of the state its value prop holds
        (``value={form.firstName}``), else the literal its change handler is called with
        (``onChange={set("firstName")}``), else the field whose validation error it shows
        (``helperText={errors.firstName?.message}``); not a part that names nothing (``value={value}``)."""
        found: str | None = None
        errors: str | None = None  # the field whose validation error it shows: its name when nothing else gives one
        for attr in opening.named_children:
            kids = attr.named_children if attr.type == "jsx_attribute" else []
            expr = _unwrapped(self.prog, _inner(kids[1])) if len(kids) > 1 and kids[1].type == "jsx_expression" else None
            if expr is None:
                continue
            key = self.prog.text(kids[0])
            if key in self.bindings.values and expr.type == "call_expression":
                expr = _member_of(self.prog, expr) or expr  # value={getArrayValue(formData.scalpDiseases)}
            # A bare state variable names its field only as a value (value={firstName}); checked={isSelected} is a flag.
            member = expr.type in ("member_expression", "subscript_expression")
            if key in self.bindings.values and (member or (expr.type == "identifier" and key in self.bindings.identifier_values)):
                last = _last_part(self.prog, expr, self._argument)
                if last and last not in self.bindings.generic:
                    return last
            elif key in self.bindings.handlers and found is None and (call := _handler_call(expr)) is not None:
                said = self._first_string(call)
                if said and said not in self.bindings.generic:
                    found = said
            elif key in self.bindings.error_props and errors is None:
                errors = self._error_field(expr)
        return found or errors

    def _error_field(self, expr: Node) -> str | None:
        """The field whose validation error an expression shows: the member after an errors object
        (``errors.email?.message``, ``!!formState.errors.dx``, ``errors["dx"]``), else None."""
        for node in jsxhelpers.descendants([expr], 40):
            if node.type not in ("member_expression", "subscript_expression"):
                continue
            obj = node.child_by_field_name("object")
            last = _last_part(self.prog, obj) if obj is not None else ""
            if last not in self.bindings.error_objects:
                continue
            said = _member_key(self.prog, node)
            return said if said and said not in self.bindings.generic else None
        return None

    def _label_member(self, expr: Node) -> str | None:
        """What ``{L.firstName}`` prints when ``L`` holds the page's labels: the texts the file's object literals
        give that member (``firstName: "Vorname"`` in each language's table), else the member's words."""
        if expr.type != "member_expression":
            return None
        parts = self.prog.path(expr).split(".")
        if len(parts) != 2 or parts[0] not in self.bindings.label_objects or not parts[1]:
            return None
        texts = self.prog.string_members().get(parts[1])
        return " / ".join(texts) if texts else message_words(parts[1])

    def _registered_name(self, attr: Node) -> str | None:
        """``{...register('diagnosis')}`` (react-hook-form) names the field it spreads onto."""
        call = jsxhelpers.registered_call(self.prog, attr, self.bindings.register_calls)
        return self._first_string(call) if call is not None else None

    def _value(self, key: str, node: Node | None) -> str | None:
        if node is None:
            return ""  # <input required />
        if node.type in STRING_TYPES:
            return self.prog.string_value(node) or ""
        if node.type == "jsx_expression":
            expr = self._argument(_inner(node))
            if expr is None:
                return None
            if expr.type == "template_string" and self.arguments:
                return self._template_text(expr)
            written = _written(self.prog, expr)
            if written is not None:
                return written
            if self.indexes and expr.type == "identifier" and self.indexes[-1][0] == self.prog.text(expr):
                return self.indexes[-1][1]  # name={i} in a .map callback: the item's number
            if expr.type == "true":
                return ""
            said = self._translated(expr)
            if said is not None:
                return said
            if key in self.bindings.text_props:  # placeholder={lang === "de" ? "Seit wann?" : "Since when?"}: the texts it may show
                either = self._either_literal(expr)
                if either:
                    return " / ".join(either)
                member = self._label_member(expr) or self._mapped_text(expr)  # label={copy.firstName}, label={opt}
                if member:
                    return member
            if key in ("className", "class"):
                words = _strings_in(self.prog, expr)
                return " ".join(words) if words else None
        return None


_NATIVE = ("input", "select", "textarea")
_HOLDS_CONTROL_NODES = 200  # syntax nodes looked at under a component for a native control


def _written(prog: Program, expr: Node) -> str | None:
    """The text an expression is as written: a string's (a template's static parts), or the object key a mapped
    callback's parameter stands for (``{field}``, ``name={key}`` over ``Object.keys``); None for anything else."""
    if expr.type in STRING_TYPES:
        return prog.string_value(expr) or ""
    return prog.text(expr) if expr.type == "property_identifier" else None


def _bind_item(prog: Program, param: Node, parts: tuple[Node, ...], out: dict[int, Node]) -> None:
    """What a ``.map`` callback's parameter stands for, given one item: the item itself, or an entry's key and value
    to a parameter destructuring them (``([key, field]) => …`` over ``Object.entries``)."""
    if len(parts) == 1:
        jsxhelpers.bind(prog, param, parts[0], out)
        return
    pattern, _ = jsxhelpers.param_pattern(param)
    if pattern.type != "array_pattern":
        return
    for part, item in zip((p for p in pattern.named_children if p.type != "comment"), parts, strict=False):
        jsxhelpers.bind(prog, part, item, out)


def _callback(prog: Program, call: Node) -> Node | None:
    """The function ``X.map(fn)`` is handed written in place, else None."""
    args = prog.args(call)
    fn = args[0] if args else None
    return fn if fn is not None and fn.type in ("arrow_function", "function_expression", "function") else None


def _index_parameter(prog: Program, fn: Node | None) -> str:
    """The name of a ``.map`` callback's second parameter (``(p, i) => …``: the item's index), else ""."""
    params = jsxhelpers.parameters(fn) if fn is not None else []
    return prog.text(params[1]) if len(params) > 1 and params[1].type == "identifier" else ""


def _map_parameter(prog: Program, call: Node) -> str:
    """The name of the first parameter of ``X.map((p) => …)``'s callback (``p``), else ""."""
    fn = _callback(prog, call)
    if fn is None:
        return ""
    param = fn.child_by_field_name("parameter")
    if param is None:
        params = fn.child_by_field_name("parameters")
        first = params.named_children[0] if params is not None and params.named_children else None
        param = first.child_by_field_name("pattern") if first is not None and first.type != "identifier" else first
    return prog.text(param) if param is not None and param.type == "identifier" else ""


def _names_parameter(prog: Program, expr: Node, param: str, depth: int = 0) -> bool:
    """``p``, ``p.label``, ``(p)``, or a conditional whose branches all are."""
    if depth > 6:
        return False
    if expr.type == "identifier":
        return prog.text(expr) == param
    if expr.type == "member_expression":
        obj = expr.child_by_field_name("object")
        return obj is not None and obj.type == "identifier" and prog.text(obj) == param
    if expr.type == "parenthesized_expression" and expr.named_children:
        return _names_parameter(prog, expr.named_children[0], param, depth + 1)
    if expr.type == "ternary_expression":
        branches = [expr.child_by_field_name("consequence"), expr.child_by_field_name("alternative")]
        return all(b is not None and _names_parameter(prog, b, param, depth + 1) for b in branches)
    return False


def _first_choices(choices: list[str]) -> str:
    """As many of the choices, joined, as a box's own text is read to (a long list is cut between two choices,
    not dropped)."""
    out: list[str] = []
    for c in choices:
        if out and len(" / ".join([*out, c])) > SHORT_TEXT:
            break
        out.append(c)
    return " / ".join(out)[:SHORT_TEXT]


_PRINTS_NODES = 400  # syntax nodes of mapped markup looked at for a printed parameter


def _prints(prog: Program, nodes: list[Node], param: str, text_props: frozenset[str]) -> bool:
    """Whether mapped markup prints its parameter as a text child or in a prop a person reads (``text_props``)."""
    for n in jsxhelpers.descendants(nodes, _PRINTS_NODES):
        if n.type == "jsx_expression" and n.parent is not None:
            inner = _inner(n)
            in_text = n.parent.type == "jsx_element"
            attr = n.parent if n.parent.type == "jsx_attribute" else None
            key = prog.text(attr.named_children[0]) if attr is not None and attr.named_children else ""
            if inner is not None and (in_text or key in text_props) and _names_parameter(prog, inner, param):
                return True
    return False


def _last_name(name: str) -> str:
    """The last part of a dotted name: ``Form.Item`` -> ``Item``, ``i18n.t`` -> ``t``."""
    return name.rsplit(".", 1)[-1]


def _tag_name(prog: Program, element: Node) -> str:
    """The name a JSX element is written with (``Form.Item``, ``input``), "" for a fragment."""
    opening = element if element.type == "jsx_self_closing_element" else element.child_by_field_name("open_tag")
    name = opening.child_by_field_name("name") if opening is not None else None
    return prog.text(name) if name is not None else ""


def _inner(expression: Node) -> Node | None:
    """The expression a JSX ``{…}`` holds (its comments left out), else None."""
    return next((c for c in expression.named_children if c.type != "comment"), None)


def _member_key(prog: Program, expr: Node) -> str:
    """The member a member or subscript expression reads: ``label`` of ``f.label`` and of ``f["label"]``, else ""."""
    if expr.type == "member_expression":
        prop = expr.child_by_field_name("property")
        return prog.text(prop) if prop is not None else ""
    index = expr.child_by_field_name("index")
    return (prog.string_value(index) or "") if index is not None and index.type in STRING_TYPES else ""


def _handler_call(expr: Node) -> Node | None:
    """The call a change handler makes: the handler itself when it is a call (``onChange={set("firstName")}``), else the
    one call an arrow function's body is (``onChange={() => setValue("churchDetails.status", "Active")}``, ``(e) =>
    { update("dx", e.target.value); }``); None for anything else."""
    if expr.type == "call_expression":
        return expr
    if expr.type != "arrow_function":
        return None
    body = expr.child_by_field_name("body")
    if body is not None and body.type == "statement_block":
        stmts = [c for c in body.named_children if c.type != "comment"]
        single = len(stmts) == 1 and stmts[0].type == "expression_statement" and stmts[0].named_children
        body = stmts[0].named_children[0] if single else None
    return body if body is not None and body.type == "call_expression" else None


def _last_part(prog: Program, expr: Node, argument: Callable[[Node | None], Node | None] | None = None) -> str:
    """The last named part of ``form.firstName``, ``answers["smoker"]``, ``firstName``; in a render helper's
    markup, ``form[fieldName]`` names the field its call gives ``fieldName`` (``argument``)."""
    if expr.type == "subscript_expression":
        index = expr.child_by_field_name("index")
        if index is not None and argument is not None:
            index = argument(index)
        if index is not None and index.type == "property_identifier":  # form[key] over Object.keys: the object's key
            return prog.text(index)
        return (prog.string_value(index) or "") if index is not None and index.type in STRING_TYPES else ""
    return _last_name(prog.path(expr))


_CASTS = frozenset({"String", "Number"})


def _member_of(prog: Program, expr: Node) -> Node | None:
    """The member of the state a value prop shows (``formData.scalpDiseases``), also through a call of one argument that
    reads it (``getArrayValue(formData.scalpDiseases)``) or a cast; None for a bare variable or anything else."""
    for _ in range(4):
        expr = _unwrapped(prog, expr) or expr
        if expr.type in ("member_expression", "subscript_expression"):
            return expr
        args = prog.args(expr) if expr.type == "call_expression" else []
        if len(args) != 1:
            return None
        expr = args[0]
    return None


def _unwrapped(prog: Program, expr: Node | None) -> Node | None:
    """The state a value prop shows under a cast or a fallback: ``String(form[f] ?? '')`` -> ``form[f]``."""
    for _ in range(6):
        if expr is None:
            return None
        if expr.type == "parenthesized_expression" and expr.named_children:
            expr = expr.named_children[-1]
        elif expr.type == "call_expression":
            callee, args = prog.callee(expr), prog.args(expr)
            if callee is None or callee.type != "identifier" or prog.text(callee) not in _CASTS or len(args) != 1:
                return expr
            expr = args[0]
        elif expr.type == "binary_expression":
            op = expr.child_by_field_name("operator")
            if op is None or op.type not in ("??", "||"):
                return expr
            expr = expr.child_by_field_name("left")
        else:
            return expr
    return expr


def _rendered_as(tag: str, attrs: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The native control a component renders when a prop says which: Formik's and Chakra's
    ``as="select"``, MUI's ``component="textarea"``, MUI TextField's ``select`` and ``multiline``.
    Without it a select would be written as an ``<input>``, whose choices the page parser puts after it."""
    props = dict(attrs)
    chosen = next((props[k] for k in ("as", "component") if props.get(k) in _NATIVE), None)
    if chosen is None and tag == "input":
        chosen = "select" if "select" in props else "textarea" if "multiline" in props else None
    if chosen is None:
        return tag, attrs
    return chosen, [(k, v) for k, v in attrs if k not in ("as", "component", "select", "multiline")]


def _strings_in(prog: Program, node: Node) -> list[str]:
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type in STRING_TYPES:
            out.append(prog.string_value(n) or "")
        else:
            stack.extend(reversed(n.named_children))
    return [w for w in out if w]


_PATHS = ("identifier", "member_expression", "subscript_expression")


def _printed_nodes(expr: Node) -> list[Node]:
    """The path expressions a JSX expression child prints: itself, a call's arguments, either side
    of ``??`` / ``||``, a template string's substitutions (not a JSX element or a callback)."""
    if expr.type in _PATHS:
        return [expr]
    if expr.type == "call_expression":
        args = expr.child_by_field_name("arguments")
        return [a for a in (args.named_children if args is not None else []) if a.type in _PATHS]
    if expr.type == "binary_expression":
        # a ?? b, a || b print a value; cond && <X/> prints the element, not cond.
        op = expr.child_by_field_name("operator")
        if op is None or op.type not in ("??", "||"):
            return []
        return [c for c in expr.named_children if c.type in _PATHS]
    if expr.type == "ternary_expression":
        return [
            c
            for c in (expr.child_by_field_name("consequence"), expr.child_by_field_name("alternative"))
            if c is not None and c.type in _PATHS
        ]
    if expr.type == "template_string":
        return [
            c.named_children[0]
            for c in expr.named_children
            if c.type == "template_substitution" and c.named_children and c.named_children[0].type in _PATHS
        ]
    if expr.type == "parenthesized_expression" and expr.named_children:
        return _printed_nodes(expr.named_children[0])
    return []


def _outer_jsx(node: Node) -> list[Node]:
    """JSX elements inside ``node`` that are not inside another JSX element below it."""
    out, stack = [], list(reversed(node.named_children))
    while stack:
        n = stack.pop()
        if n.type in _JSX:
            out.append(n)
        else:
            stack.extend(reversed(n.named_children))
    return out


def jsx_html(prog: Program, components: dict[str, Component]) -> str:
    """HTML for every outermost JSX element of the program, positioned as in the source."""
    return jsx_markup(prog, components)[0]


def jsx_markup(
    prog: Program,
    components: dict[str, Component],
    printed: Callable[[tuple[str, ...]], object] | None = None,
    suffixes: tuple[tuple[str, Component, tuple[str, ...]], ...] = (),
    translations: frozenset[str] = frozenset(),
    bindings: JsxBindings | None = None,
    hooks: frozenset[str] = frozenset(),
    imported: script_constants.Imported = script_constants.NO_IMPORTS,
    title_holders: tuple[str, ...] = (),
    defined: own_components.Defined = own_components.NO_COMPONENTS,
) -> tuple[str, list]:
    """:func:`jsx_html`, and the expressions it prints that ``printed`` accepts (line, column, text,
    path, its answer), each written into the HTML as the private-use character ``MARK_BASE + i``. ``imported``
    answers a list another module of the project exports (its import's source and the name); ``title_holders``, the
    words of the components a page hands its title to (``<Layout title="…">``: field_context.toml); ``defined``, the
    control a project's own component imported from another of its scripts renders (``own_components``)."""
    if not prog.jsx:
        return "", []
    writer = _Writer(prog, components, printed, suffixes, translations, bindings, hooks, imported, title_holders, defined)
    helpers = {fn.id for fn in writer.helpers.values()}
    end = -1
    for el in sorted(prog.jsx, key=lambda n: n.start_byte):
        if el.start_byte < end:
            continue  # inside an element already written
        end = el.end_byte
        fn = prog.enclosing_function(el) if helpers else None
        if fn is not None and fn.id in helpers:
            continue  # a render helper's markup: written at its calls
        writer.element(el)
    return "<html><body>" + "".join(writer.out.parts) + "</body></html>", writer.values


# Markup of a form in a string: a control, or what labels one.
_FORM_TAG = re.compile(rb"<(?:input|select|textarea|label|legend|fieldset|h[1-6])\b", re.I)
_ESCAPED = re.compile(r"\\.")
_MAX_LITERALS = 2000
_LITERALS = ("string", "template_string")


def string_markup(
    prog: Program,
    bindings: JsxBindings | None = None,
    text_keys: Collection[str] = (),
    components: Collection[str] = (),
    asked_keys: Collection[str] = (),
) -> str:
    """HTML for the string and template literals of a program that hold form markup (``el.innerHTML =
    `<label>Diagnosis</label><input name="diagnosis">` ``, jQuery's ``.append('<input …>')``, lit's
    ``html`…` ``), positioned as in the source. A literal inside another's ``${…}`` (lit's ``${cond ? html`<form>…`
    : ""}``) is written where it stands in the outer one; the rest of each substitution, and backslashes, are
    blanks, line breaks kept. A lone tag handed to jQuery with its attributes (``bindings.dom_queries``: ``$('<input>',
    { name: 'alergias' })``) is written with them (``_created_with``). An object whose member holds a control's markup
    is one item of a questionnaire: the members before it under one of ``text_keys``, markup or text (``{ question:
    '<p>Avez-vous de la fièvre ?</p>', rep: '<input type="radio" …>' }``), are written too, its question standing before
    its control (``_item_texts``); so are those under one of ``asked_keys`` whose text is written as a question
    (``{ text: 'Pensez-vous avoir de la fièvre ?', choices: `<input type="radio" …>` }``). ``components``: the kits'
    form components by tag name, lower case; a literal that writes one (lit's ``html`<vaadin-text-field
    label="Diagnóstico">` ``, a Vue template string's ``<v-select>``) is form markup too."""
    data = prog.parsed.source.data
    literals: dict[int, Node] = {}
    for m in _form_tags(data, components):
        chain = prog.tree.path(m.start(), m.end())
        literal = next((n for n in chain if n.type in _LITERALS), None)  # the outermost: it writes those within it
        if literal is not None:
            literals.setdefault(literal.start_byte, literal)
            if len(literals) >= _MAX_LITERALS:
                break
    if not literals:
        return ""
    texts: set[int] = set()  # an item's question written as plain text: a paragraph of its own
    # An item whose questions are all plain text: they are the legend of a fieldset around the item's control markup, so
    # a control that has a label of its own ("degrée", a unit) is asked them too (first text -> its control's literal).
    legends: dict[int, int] = {}
    legend_ends: set[int] = set()  # the last text of each
    for node in [n for n in literals.values() if _CONTROL_TAG.search(data, n.start_byte, n.end_byte)]:
        said_here: list[int] = []
        for said in _item_texts(prog, node, text_keys, asked_keys):
            if len(literals) >= _MAX_LITERALS:
                break
            if said.start_byte not in literals:
                literals[said.start_byte] = said
                if not _A_TAG.search(data, said.start_byte, said.end_byte):
                    texts.add(said.start_byte)
                said_here.append(said.start_byte)
        if said_here and all(t in texts for t in said_here):
            legends[said_here[0]] = node.start_byte
            legend_ends.add(said_here[-1])
    closing = set(legends.values())
    out = _Out()
    for start in sorted(literals):
        node = literals[start]
        written = bytearray(data[node.start_byte : node.end_byte])
        _blank_substitutions(node, written, node.start_byte)
        body = written[1:-1].decode("utf-8", errors="replace")
        body = _ESCAPED.sub("  ", body)
        if start in texts:  # an item's question: a paragraph, or its control's legend (opened at its first text)
            opened, closed = "<fieldset><legend>" if start in legends else "", "</legend>" if start in legend_ends else ""
            body = opened + _escape(body) + closed if opened or closed else f"<p>{_escape(body)}</p>"
        else:
            if bindings is not None and bindings.dom_queries:
                body = _created_with(prog, node, body, bindings)
            if start in closing:
                body += "</fieldset>"
        row, col = node.start_point
        for i, line in enumerate(body.split("\n")):
            out.at(row + i, col + 1 if i == 0 else 0)
            out.write(line)
    return "<html><body>" + "".join(out.parts) + "</body></html>"


def _form_tags(data: bytes, components: Collection[str]) -> Iterator[re.Match[bytes]]:
    """The form tags of a program's text, in order: the native ones, and the custom elements ``components`` names."""
    native = _FORM_TAG.finditer(data)
    if not components:
        return native
    custom = (m for m in _CUSTOM_TAG.finditer(data) if m.group(1).decode("ascii").lower() in components)
    return heapq.merge(native, custom, key=lambda m: m.start())


_CUSTOM_TAG = re.compile(rb"<([A-Za-z][A-Za-z0-9]{0,40}-[A-Za-z0-9-]{1,60})\b")  # a custom element's name has a hyphen
_CONTROL_TAG = re.compile(rb"<(?:input|select|textarea)\b", re.I)
_A_TAG = re.compile(rb"<[A-Za-z]")
_MAX_ITEM_MEMBERS = 20  # members of one questionnaire item looked at


def _item_texts(prog: Program, literal: Node, text_keys: Collection[str], asked_keys: Collection[str] = ()) -> list[Node]:
    """The string members written before ``literal`` in the object it is a member of (a questionnaire's item) under one
    of ``text_keys``, as markup (``question: '<p class="q">Fumez-vous ?</p>'``) or text (``question: "Fumez-vous ?"``),
    or under one of ``asked_keys`` written as a question (``text: "Fumez-vous ?"``); none when the literal is no
    object's member. A member under another key (a banner's markup beside a newsletter box), or one that asks nothing
    (``title: "Newsletter"``), is not the control's question. At most ``_MAX_ITEM_MEMBERS`` members before it are looked at."""
    pair = literal.parent
    if pair is None or pair.type != "pair" or pair.child_by_field_name("value") != literal or not (text_keys or asked_keys):
        return []
    found: list[Node] = []
    member = pair.prev_named_sibling
    for _ in range(_MAX_ITEM_MEMBERS):
        if member is None:
            break
        key, value = member.child_by_field_name("key"), member.child_by_field_name("value")
        if member.type == "pair" and key is not None and value is not None and value.type in _LITERALS:
            key_name = prog.literal(key) if key.type == "string" else prog.text(key)
            named = key_name in text_keys or (key_name in asked_keys and fieldlists.asked(prog.literal(value) or ""))
            if named and not _CONTROL_TAG.search(prog.parsed.source.data, value.start_byte, value.end_byte):
                found.append(value)
        member = member.prev_named_sibling
    return found[::-1]


_LONE_TAG = re.compile(r"<([A-Za-z][\w-]*)\s*/?>(?:</\1>)?")  # '<input>', '<input/>', '<select></select>'
_MAX_CREATED_ATTRS = 40  # members of one attributes object read


def _created_with(prog: Program, literal: Node, body: str, bindings: JsxBindings) -> str:
    """A lone tag created with its attributes: ``$('<input>', { type: 'text', name: 'alergias' })`` is ``<input
    type="text" name="alergias">``, and ``$('<label>', { for: 'alergias', text: 'Alergias' })`` a label holding its text
    (``dom_query_text``; a member written as a string or a number; a function, a variable or a computed value is left
    out). Any other literal is as it was."""
    args = literal.parent
    call = args.parent if args is not None and args.type == "arguments" else None
    if call is None or call.type != "call_expression" or prog.path(prog.callee(call)) not in bindings.dom_queries:
        return body
    given = prog.args(call)
    lone = _LONE_TAG.fullmatch(body.strip())
    if lone is None or len(given) < 2 or given[0].id != literal.id or given[1].type != "object":
        return body
    attrs: list[tuple[str, str]] = []
    text = ""
    for name, value in list(prog.pairs(given[1]).items())[:_MAX_CREATED_ATTRS]:
        said = prog.literal(value) if value.type in STRING_TYPES else prog.text(value) if value.type == "number" else None
        if said is None:
            continue
        if name in bindings.dom_query_text:
            text = said
        else:
            attrs.append(("class" if name == "className" else name, said))
    tag = lone.group(1).lower()
    return f"<{tag}{_attributes(attrs)}>{_escape(text)}" + ("" if tag in VOID else f"</{tag}>")


_BLANKED_BYTES = bytes(b if b in (10, 13) else 32 for b in range(256))  # every byte a blank but line breaks
_PRINTED_STRING = frozenset({"template_substitution", "ternary_expression", "binary_expression", "parenthesized_expression"})


def _blank_substitutions(literal: Node, written: bytearray, base: int) -> None:
    """Blank (line breaks kept) each ``${…}`` of a template ``literal`` in ``written`` (the source from ``base``) but
    the literals it prints (a template anywhere in it, a string as a branch: ``${ok ? '<input …>' : ''}``), whose
    own delimiters are blanked and their substitutions so in turn."""
    for child in literal.children:
        if child.type != "template_substitution":
            continue
        start, end = child.start_byte - base, child.end_byte - base
        kept = bytes(written[start:end])
        written[start:end] = kept.translate(_BLANKED_BYTES)
        stack = list(reversed(child.children))
        while stack:
            node = stack.pop()
            if node.type not in _LITERALS:
                stack.extend(reversed(node.children))
                continue
            if node.type == "string" and (node.parent is None or node.parent.type not in _PRINTED_STRING):
                continue  # a string the code uses ('<input …>'.length), not one it prints
            lo, hi = node.start_byte - base, node.end_byte - base
            written[lo + 1 : hi - 1] = kept[lo + 1 - start : hi - 1 - start]
            if node.type == "template_string":
                _blank_substitutions(node, written, base)


_BLANKED = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_FRONTMATTER = re.compile(r"\A\s*---\n.*?\n---", re.S)


def sfc_html(text: str) -> str:
    """A Vue/Svelte/Astro file with its code blocks and frontmatter blanked, positions kept, and its braced attribute
    values quoted."""

    def hide(m: re.Match[str]) -> str:
        return blank(m.group(0))

    return _closed_textareas(_quoted_braces(_SVELTE_BLOCK.sub(hide, _BLANKED.sub(hide, _FRONTMATTER.sub(hide, text)))))


# A component template may close any element with "/>" (shadcn-vue's, PrimeVue's <Textarea v-model="…" />); the HTML
# parser reads a textarea's content as raw text up to the next </textarea>, so a self-closed one swallowed the controls
# after it (a clinic's consultation workspace lost its diagnosis and treatment boxes).
_TEXTAREA_START = re.compile(r"<textarea(?=[\s/>])", re.I)
_INDENT = re.compile(r"(?<=\n)[ \t]+")  # a line's indentation (never a quoted value's own spaces)
_CLOSED = "></textarea>"


def _closed_textareas(text: str) -> str:
    """Each self-closed ``<textarea …/>`` written with its end tag, ``<textarea …></textarea>``. The room is taken from
    the start tag's own indentation where it has that much (a tag written over several lines), and blanks fill what a
    longer "…/>" leaves, so what follows keeps its offset; else the rest of its line moves right (its line numbers never
    change)."""
    if "/>" not in text:
        return text
    out: list[str] = []
    at = 0
    for m in _TEXTAREA_START.finditer(text):
        if m.start() < at:
            continue
        close = htmldoc.tag_end(text, m.end())
        if close < 0 or text[close - 1] != "/":
            continue
        inner = text[m.start() : close - 1].rstrip(" \t")  # the tag without its "/>" and the blanks before it
        need = len(_CLOSED) - (close + 1 - m.start() - len(inner))  # what "></textarea>" adds to what it stands for
        if 0 < need <= sum(len(r.group()) for r in _INDENT.finditer(inner)):
            inner = _shrunk(inner, need)
        out += [text[at : m.start()], inner, _CLOSED + " " * max(0, -need)]  # blanks where "…\n    />" was longer
        at = close + 1
    if not out:
        return text
    out.append(text[at:])
    return "".join(out)


def _shrunk(tag: str, need: int) -> str:
    """A start tag less ``need`` characters of its indentation, taken from its first runs on."""
    out: list[str] = []
    at = 0
    for run in _INDENT.finditer(tag):
        take = min(need, len(run.group()))
        need -= take
        out += [tag[at : run.start()], run.group()[take:]]
        at = run.end()
    out.append(tag[at:])
    return "".join(out)


# Svelte's block tags ({#each parties as party}, {:else}, {/if}, {@html …}): logic, not text a visitor reads.
_SVELTE_BLOCK = re.compile(r"\{[#:/@][a-z][^{}\n]{0,300}\}")
_BRACED = re.compile(r"(?<=[\w:|.-])=\{")
_MAX_BRACED = 2000  # the longest braced value read; a longer one is left as written
_BRACE = re.compile(r"[{}]")


def _quoted_braces(text: str) -> str:
    """Svelte's and Astro's attribute values in braces (``class:selected={form.party === party}``, ``on:click={() =>
    pick(p)}``) written as quoted values of the same length: the HTML parser reads a space or the ``>`` of an arrow in
    them as the end of the value or of the tag. The braces become quotes and a double quote inside becomes a single one."""
    if "={" not in text:
        return text
    out = list(text)
    at = 0
    for m in _BRACED.finditer(text):
        start = m.end() - 1
        if start < at:
            continue
        depth, i, end = 0, start, min(len(text), start + _MAX_BRACED)
        for brace in _BRACE.finditer(text, start, end):  # from brace to brace, not character by character
            i = brace.start()
            depth += 1 if brace.group() == "{" else -1
            if depth == 0:
                break
        if depth != 0:
            at = end  # unbalanced: what was scanned is left as written, and not scanned again
            continue
        out[start] = out[i] = '"'
        for j in range(start + 1, i):
            if out[j] == '"':
                out[j] = "'"
        at = i + 1
    return "".join(out)
