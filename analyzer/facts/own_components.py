"""A project's own input components: defined in one script, used by name in another.

A form file often writes only ``<R_R label="Haft mardrömmar om det?" />`` or ``<Text label="Senaste veckan" />``. The
component, defined in the project's ``inputs/R_R.tsx``, renders the radios or the text box and prints its ``label``
prop beside them; its name says nothing the form file shows (no ``component_suffix`` ending, no binding to the form's
state). Here the project's scripts that export a component are read before the pages (``analyzer.scan``, as the
exported choice lists are, ``script_constants``), each within a byte budget, never run. A function component whose
markup holds native controls of one kind (radios, checkboxes, one text box, one textarea, one select) and prints one of
its props as text (``{label}``, ``{props.label}``), or hands it to the control as its placeholder, is recorded as that
control labelled by that prop. A form file's import of it (``import R_R from "../inputs/R_R"``, ``import { Text } from
"./inputs"``) then makes each use with no markup of its own a control (``analyzer.facts.jsxmarkup``).

Only relative imports and the aliases of a ``src/`` folder are followed, as for the choice lists; a package's
components are the UI kits' (``signatures/ui_components.toml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.facts.jsxhelpers import jsx_props, param_pattern, parameters
from analyzer.parse import jsparse, reexports, scanwide, script_constants, styled_elements
from analyzer.parse.jsfacts import Program
from analyzer.parse.preceding import HEADINGS
from analyzer.parse.styled_elements import Styled
from analyzer.signatures import JsxBindings

MAX_FILES = script_constants.MAX_FILES
MAX_FILE_BYTES = 100_000  # a component that renders one control is a small file
MAX_COMPONENTS = 5000  # components kept per scan
_MAX_NODES = 3000  # syntax nodes looked at in one component
_CONTROLS = (b"<input", b"<select", b"<textarea")
# The wrappers a component is exported through, its function their last argument: React's memo and forwardRef.
_WRAPPERS = frozenset({"memo", "forwardRef", "React.memo", "React.forwardRef"})


@dataclass(frozen=True)
class Control:
    """The native control a component renders: ``input`` (``type`` a radio, a checkbox or None for a text-like box),
    ``textarea`` or ``select``, and the prop it prints as its label (None when it prints none)."""

    tag: str
    type: str | None = None
    label_prop: str | None = None
    # A styled element (``export const Input = styled.input`…```: ``analyzer.parse.styled_elements``): what it renders,
    # its props passed through; ``tag`` is its element's ("" when it wraps another component)
    styled: Styled | None = None


Defined = Callable[[str, str], "Control | None"]


def NO_COMPONENTS(spec: str, name: str) -> Control | None:  # noqa: N802 - a constant, called
    """Outside a scan, or for a file read alone: no module's components are known."""
    return None


@dataclass(frozen=True)
class Components:
    """Each exported input component's control, by (module, export name); ``default`` for a default export."""

    controls: dict[tuple[str, str], Control] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    modules: frozenset[str] = frozenset()  # the modules that export one

    def imported_by(self, importer: str, specifiers: Iterable[str]) -> bool:
        """Whether a file imports one of the project's input components' modules (its specifiers, as written)."""
        return bool(self.modules) and any(script_constants.module_of(importer, s, self.aliases) in self.modules for s in specifiers)

    def control(self, importer: str, spec: str, name: str) -> Control | None:
        """The control the component ``name`` exported by the module ``spec`` renders, imported from the file
        ``importer``; None when no component of the project answers."""
        if not self.controls:
            return None
        module = script_constants.module_of(importer, spec, self.aliases)
        return self.controls.get((module, name)) if module is not None else None

    def for_file(self, importer: str) -> Defined:
        """What the file at ``importer`` (a path relative to the scan) finds through its imports."""
        return (lambda spec, name: self.control(importer, spec, name)) if self.controls else NO_COMPONENTS


EMPTY = Components()
_SLOT = scanwide.Installed(EMPTY)
install = _SLOT.install  # this scan's, for every file it reads (analyzer.scan)
installed = _SLOT.get


_REEXPORT = re.compile(rb"export\s*(?:\*|\{[^{}]{0,2000}\})\s*from\s*[\"']")  # a barrel module: export { X } from "./X"
_MAX_REEXPORT_ROUNDS = 4  # barrels that re-export barrels, followed so deep
_MAX_REEXPORT_WORK = 200_000  # names handed on through barrels per scan


def worth_reading(data: bytes, toggles: tuple[bytes, ...] = ()) -> bool:
    """Whether a script's bytes may export a component that renders a native control or a toggle (``toggles``: the
    ARIA states it is drawn by), or a styled element, or re-export other modules' (a folder's ``index.ts``) (searches,
    no parse)."""
    if len(data) > MAX_FILE_BYTES or b"export" not in data:
        return False
    return any(c in data for c in _CONTROLS) or any(t in data for t in toggles) or b"styled" in data or _REEXPORT.search(data) is not None


def collect(
    sources: Iterable[tuple[str, bytes]],
    failed: list[tuple[str, Exception]] | None = None,
    aliases: tuple[str, ...] = (),
    bindings: JsxBindings | None = None,
) -> Components:
    """The input components the scripts (``(path, bytes)``) export, and their styled elements (``bindings``: the
    styled factories, the component classes a class component extends); a file whose reading fails is left out and named
    in ``failed`` with why (the scan goes on)."""
    bindings = bindings or JsxBindings()
    controls: dict[tuple[str, str], Control] = {}
    reexports: list[tuple[list[str], str, str | None, str]] = []  # (the barrel's modules, its name, the module, the name)
    for path, data in sources:
        if len(controls) >= MAX_COMPONENTS:
            break
        # TSX reads JSX and type annotations alike; a .ts file's angle-bracket casts are not written in components
        dialect = "js" if path.lower().endswith((".js", ".mjs", ".cjs", ".jsx")) else "tsx"
        try:
            prog = Program(jsparse.parse(jsparse.JsSource(data.decode("utf-8", "replace"), dialect=dialect)))
            wrapped: list[tuple[str, str, str]] = []
            own = functools.partial(_own_module, path, aliases)
            for name, control in _exported(prog, bindings, wrapped, own):
                for module in script_constants.modules_of(path):
                    controls.setdefault((module, name), control)
            # Its styled wrappers of the project's components and its re-exports: names taken from another module
            handed = wrapped + (list(_reexported(prog)) if _REEXPORT.search(data) is not None else [])
            if handed:
                modules = script_constants.modules_of(path)
                reexports += [(modules, exported, script_constants.module_of(path, spec, aliases), name) for exported, spec, name in handed]
        except (ValueError, RecursionError) as exc:
            if failed is not None:
                failed.append((path, exc))
    _through_barrels(controls, reexports)
    return Components(controls, aliases, frozenset(module for module, _ in controls))


def _own_module(path: str, aliases: tuple[str, ...], spec: str) -> bool:
    """Whether an import of the script at ``path`` names one of the project's modules, not a package."""
    return script_constants.module_of(path, spec, aliases) is not None


def _reexported(prog: Program) -> Iterator[tuple[str, str, str]]:
    """(the name a module exports, the module it takes it from as written, that module's name for it; "*" for all) for
    each re-export (``analyzer.parse.reexports``): ``export { TextField } from "./TextField"``, ``export { default as
    Choice } from "./Choice"``, ``export * from "./inputs"``; a namespace re-export names no component."""
    for stmt in prog.parsed.root.named_children:
        found = reexports.read(prog, stmt) if stmt.type == "export_statement" else None
        if found is None or found.namespace:
            continue
        if found.everything:
            yield "*", found.source, "*"
        for key, as_ in found.names:
            yield as_, found.source, key


def _through_barrels(controls: dict[tuple[str, str], Control], reexports: list[tuple[list[str], str, str | None, str]]) -> None:
    """Each component a barrel module re-exports, under the barrel's modules and the name it exports it by, barrels of
    barrels followed a few rounds deep."""
    by_module: dict[str, dict[str, Control]] = {}
    for (module, name), control in controls.items():
        by_module.setdefault(module, {})[name] = control
    work = 0
    for _ in range(_MAX_REEXPORT_ROUNDS):
        added = False
        for barrels, exported, source, imported in reexports:
            held = by_module.get(source, {}) if source is not None else {}
            if imported == "*":
                found = [(n, c) for n, c in held.items() if n != "default"]
            else:
                found = [(exported, held[imported])] if imported in held else []
            work += len(found) * len(barrels) + 1
            if work > _MAX_REEXPORT_WORK or len(controls) >= MAX_COMPONENTS:
                return
            for name, control in found:
                for barrel in barrels:
                    if name not in by_module.get(barrel, {}) and len(controls) < MAX_COMPONENTS:
                        controls[(barrel, name)] = control
                        by_module.setdefault(barrel, {})[name] = control
                        added = True
        if not added:
            return


def _exported(
    prog: Program,
    bindings: JsxBindings,
    wrapped: list[tuple[str, str, str]] | None = None,
    own: Callable[[str], bool] = lambda spec: False,
) -> Iterator[tuple[str, Control]]:
    """(export name, control) for each exported function component of the program that renders one kind of control,
    and for each exported styled element of an element the field reader uses (``styled_elements.READ_TAGS``: a styled
    label or heading is named as what it renders). A styled wrapper of a component imported from another of the
    project's modules (``styled(CampoTexto)``) is that module's component: (export name, the module as written, its
    name there) goes to ``wrapped``, followed as a re-export is; ``own`` tells the project's modules from packages."""
    local: dict[str, Node] = {}
    exports: list[tuple[str, Node | str]] = []
    factories, chains = bindings.styled_factories, bindings.styled_chains
    styled = styled_elements.declared(prog, factories, chains)
    for stmt in prog.parsed.root.named_children:
        exported = stmt.type == "export_statement"
        default = exported and any(c.type == "default" for c in stmt.children)
        decl = stmt.child_by_field_name("declaration") if exported else stmt
        value = stmt.child_by_field_name("value") if exported else None
        for name, fn in _declared(prog, decl, bindings.component_classes):
            local[name] = fn
            if exported:
                exports.append(("default" if default else name, fn))
        if exported and decl is not None and decl.type in ("lexical_declaration", "variable_declaration"):
            exports += [(n, n) for n in _names(prog, decl) if n in styled]  # export const Input = styled.input`…`
        if default and value is not None and value.type == "class":  # export default class extends Component { … }
            render = _render_method(prog, value, bindings.component_classes)
            if render is not None:
                exports.append(("default", render))
            continue
        if default and value is not None:
            written = _function(value)
            made = styled_elements.made(prog, value, factories, chains) if written is None and factories else None
            if made is not None:
                control = _styled_control(prog, "default", made, local, wrapped, own)
                if control is not None:
                    yield "default", control
                continue
            exports.append(("default", written if written is not None else prog.text(value)))
        if exported and decl is None and value is None:  # export { R_R, Text as TextInput }
            for clause in (c for c in stmt.named_children if c.type == "export_clause"):
                for spec in (s for s in clause.named_children if s.type == "export_specifier"):
                    local_name, alias = spec.child_by_field_name("name"), spec.child_by_field_name("alias")
                    if local_name is not None:
                        exports.append((prog.text(alias or local_name), prog.text(local_name)))
    for exported_as, what in exports:
        if isinstance(what, str) and what in styled and what not in local:
            control = _styled_control(prog, exported_as, styled[what], local, wrapped, own)
            if control is not None:
                yield exported_as, control
            continue
        node = local.get(what) if isinstance(what, str) else what
        control = _control(prog, node, bindings) if node is not None else None
        if control is not None:
            yield exported_as, control


def _styled_control(
    prog: Program,
    exported_as: str,
    element: Styled,
    local: dict[str, Node],
    wrapped: list[tuple[str, str, str]] | None,
    own: Callable[[str], bool],
) -> Control | None:
    """What an exported styled element stands for: its element, when the field reader uses it; the control of the
    function component of this file it wraps; a component imported from the project (noted in ``wrapped``: None here);
    else a component named as written (a kit's ``TextField``, read so where it is used)."""
    if element.tag:
        return Control(element.tag, element.attrs.get("type"), None, element) if element.tag in styled_elements.READ_TAGS else None
    if element.component in local:
        return _control(prog, local[element.component])
    imported = prog.imports.get(element.component)
    if imported is not None and own(imported.package):
        if wrapped is not None:
            wrapped.append((exported_as, imported.package, imported.imported or "default"))
        return None
    return Control("", None, None, element)


def _declared(prog: Program, decl: Node | None, classes: frozenset[str] = frozenset()) -> Iterator[tuple[str, Node]]:
    """The functions a declaration names: ``function X(…)``, ``const X = (…) => …``, ``const X = memo((…) => …)``, and
    a class component's ``render()`` (``class X extends Component { render() { … } }``)."""
    if decl is None:
        return
    if decl.type == "class_declaration":
        name, render = decl.child_by_field_name("name"), _render_method(prog, decl, classes)
        if name is not None and render is not None:
            yield prog.text(name), render
    elif decl.type == "function_declaration":
        name = decl.child_by_field_name("name")
        if name is not None:
            yield prog.text(name), decl
    elif decl.type in ("lexical_declaration", "variable_declaration"):
        for d in (c for c in decl.named_children if c.type == "variable_declarator"):
            name, value = d.child_by_field_name("name"), d.child_by_field_name("value")
            fn = _function(value) if value is not None else None
            if name is not None and name.type == "identifier" and fn is not None:
                yield prog.text(name), fn


# The class a component extends: React.Component, Component, with TypeScript's type arguments (Component<P, S>)
_CLASS_BASE = re.compile(r"(?:^|[\s.])([A-Za-z_$][\w$]{0,80})\s*(?:<[^{}]{0,400}>)?\s*$")


def _render_method(prog: Program, cls: Node, classes: frozenset[str]) -> Node | None:
    """A React class component's ``render()`` method (or a ``render = () => …`` field's function), else None (a class
    that extends none of ``classes``: ``jsx_bindings.component_classes``)."""
    heritage = next((c for c in cls.named_children if c.type == "class_heritage"), None)
    base = _CLASS_BASE.search(prog.text(heritage).removeprefix("extends").strip()) if heritage is not None else None
    if base is None or base.group(1) not in classes:
        return None
    body = cls.child_by_field_name("body")
    for member in body.named_children if body is not None else []:
        fn: Node | None = None
        if member.type == "method_definition":
            name, fn = member.child_by_field_name("name"), member
        elif member.type in ("field_definition", "public_field_definition"):
            name = member.child_by_field_name("property") or member.child_by_field_name("name")
            value = member.child_by_field_name("value")
            fn = value if value is not None and value.type in ("arrow_function", "function_expression") else None
        else:
            continue
        if name is not None and fn is not None and prog.text(name) == "render":
            return fn
    return None


def _names(prog: Program, decl: Node) -> list[str]:
    """The names a ``const`` / ``let`` / ``var`` declaration declares."""
    found = (d.child_by_field_name("name") for d in decl.named_children if d.type == "variable_declarator")
    return [prog.text(n) for n in found if n is not None and n.type == "identifier"]


def _function(value: Node) -> Node | None:
    """The function a value is, written in place or handed to ``memo`` / ``forwardRef``."""
    if value.type in ("arrow_function", "function_expression", "function", "function_declaration"):
        return value
    if value.type == "call_expression":
        callee, args = value.child_by_field_name("function"), value.child_by_field_name("arguments")
        if callee is not None and args is not None and callee.text is not None and callee.text.decode() in _WRAPPERS:
            inner = [a for a in args.named_children if a.type != "comment"]
            return _function(inner[-1]) if inner else None
    return None


def _control(prog: Program, fn: Node, bindings: JsxBindings | None = None) -> Control | None:
    """The control a function component renders, when its markup holds controls of one kind only (radios, checkboxes,
    or one text box, textarea or select; radios with one other box beside them are the radios' question), and the prop
    it prints as text beside it (its label), if any; else None (a
    composite of several controls, a component with none, a header or toolbar whose one box is a search box). A prop
    printed in a heading is the component's title, not its control's label (``<Header title="…"/>``)."""
    props, holder = _props(prog, fn)
    body = fn.child_by_field_name("body")
    if body is None:
        return None
    kinds: list[tuple[str, str | None]] = []
    alone: list[tuple[str, str | None]] = []  # toggles not drawn in a loop
    printed: str | None = None
    titled: str | None = None  # a prop printed in a heading: a group of choices' question, else the component's title
    seen = 0
    stack = [body]
    while stack and seen < _MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.type in ("jsx_self_closing_element", "jsx_opening_element"):
            tag_node = node.child_by_field_name("name")
            tag = prog.text(tag_node) if tag_node is not None else ""
            attrs = {k: (prog.literal(v) or "").lower() for k, v in jsx_props(prog, node).items()}  # "" for an expression
            if attrs.get("role") == "search" or (tag == "input" and attrs.get("type") == "search"):
                return None  # a site's search box: page chrome, not a form's field
            if tag in ("input", "select", "textarea"):
                # <input type={props.type}>: the type each use gives (a box, or its radios, in a branch of its own)
                kinds.append(("input", _USE_TYPE) if tag == "input" and attrs.get("type") == "" and "type" in attrs else _kind(tag, attrs))
            elif bindings is not None and _toggle(prog, node, attrs, bindings, props, holder):
                box = attrs.get("role") in bindings.toggle_box_roles
                if box or _in_loop(node, fn):
                    kinds.append(("input", "checkbox" if box else "radio"))
                else:
                    alone.append(("input", "radio"))  # one of the pair written out (Yes, then No), or a lone toggle
        elif node.type == "jsx_expression" and node.parent is not None and node.parent.type == "jsx_element" and printed is None:
            inner = next((c for c in node.named_children if c.type != "comment"), None)
            named = _prop_named(prog, inner, props, holder) if inner is not None else None
            if named is not None and _in_heading(prog, node.parent, fn):
                titled = titled or named
            else:
                printed = named
        stack.extend(reversed(node.named_children))
    if len(alone) >= 2:  # a choice's toggles written one by one; a single one (a wishlist's heart) asks nothing
        kinds += alone
    kinds = _one_control(kinds)
    if not kinds or len(set(kinds)) != 1 or (kinds[0][1] not in ("radio", "checkbox") and len(kinds) > 1):
        return None
    tag, typ = kinds[0]
    if typ == _USE_TYPE:
        typ = None
    # labelled by the prop it prints, else by what stands before each use (as a native control is); a placeholder it is
    # handed stays a placeholder. A group of choices printed under a heading ("<h5>{props.group}</h5>" over its
    # checkboxes) is asked by that heading.
    return Control(tag, typ, printed or (titled if typ in ("radio", "checkbox") else None))


_USE_TYPE = "*"  # an input whose type its use gives (type={props.type})
_MAX_HANDLER_NODES = 200  # syntax nodes looked at in one click handler


def _toggle(prog: Program, element: Node, attrs: dict[str, str], bindings: JsxBindings, props: set[str], holder: str | None) -> bool:
    """Whether an element is a toggle the component asks a choice by: drawn pressed or checked by an expression
    (``aria-pressed={value === v}``: ``toggle_states``) and clicked to hand a value to the component's change handler
    prop (``onClick={() => onChange(v)}``: one of ``jsx_bindings.handlers``). An accordion's ``onToggle(id)``, a tab
    bar's ``onSelect(t.id)`` and a button that only opens, closes or submits change no value of the form's."""
    if not any(attrs.get(state) == "" and state in attrs for state in bindings.toggle_states):
        return False
    given = jsx_props(prog, element)
    for click in bindings.click_props:
        handler = given.get(click)
        if handler is not None and _calls_prop(prog, handler, props, holder, bindings.handlers):
            return True
    return False


def _calls_prop(prog: Program, handler: Node, props: set[str], holder: str | None, named: frozenset[str]) -> bool:
    """Whether a handler calls one of the component's props of these ``named`` with an argument (``onChange(v)``,
    ``props.onValueChange(v)``)."""
    stack, seen = [handler], 0
    while stack and seen < _MAX_HANDLER_NODES:
        node = stack.pop()
        seen += 1
        if node.type == "call_expression":
            args = node.child_by_field_name("arguments")
            prop = _prop_named(prog, node.child_by_field_name("function"), props, holder)
            if args is not None and args.named_child_count and prop in named:
                return True
        stack.extend(node.named_children)
    return False


_MAX_LOOP_DEPTH = 12  # ancestors of a toggle looked at for the loop that draws it


def _in_loop(element: Node, fn: Node) -> bool:
    """Whether an element is drawn by a loop over the component's choices (inside a ``.map(…)`` callback within ``fn``)."""
    node, depth = element.parent, 0
    while node is not None and node.id != fn.id and depth < _MAX_LOOP_DEPTH:
        if node.type == "call_expression":
            callee = node.child_by_field_name("function")
            if callee is not None and callee.type == "member_expression":
                prop = callee.child_by_field_name("property")
                if prop is not None and prop.text in (b"map", b"flatMap"):
                    return True
        node, depth = node.parent, depth + 1
    return False


def _one_control(kinds: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """The controls a component renders, read as the one it asks (a list of one kind, else as it was): radios with one
    box beside them ("Nej / Ja" and a "currently" tick) are the radios' question; a select, a group of checkboxes or
    radios with one plain text box after them (the "Other: which?" box a choice of "Otro" shows), or inputs typed by
    their use with one such box among them, are that control; inputs typed by their use (``type={props.type}``), one
    per branch of a conditional (a box, or its "Sí / No" radios), are one control."""
    radios = kinds.count(("input", "radio"))
    if radios >= 2 and len(kinds) - radios <= 1:
        return [("input", "radio")]
    rest = [k for k in kinds if k != ("input", None)]
    if len(kinds) - len(rest) == 1 and rest and len(set(rest)) == 1:
        kind = rest[0]
        follows = kinds[-1] == ("input", None)  # the box follows its choice up; one before it is a composite's own
        choice = kind == ("select", None) and len(rest) == 1 or kind[1] in ("radio", "checkbox") and len(rest) >= 2
        if choice and follows or kind[1] == _USE_TYPE:
            kinds = rest
    if kinds and set(kinds) == {("input", _USE_TYPE)}:
        return [("input", _USE_TYPE)]
    return kinds


_HEADINGS = HEADINGS | {"title", "header", "nav"}  # a prop printed in a heading, a title or a header bar is a title


def _in_heading(prog: Program, element: Node, fn: Node) -> bool:
    """Whether a JSX element stands in a heading (or is one) inside the component ``fn``."""
    node: Node | None = element
    while node is not None and node.id != fn.id:
        if node.type == "jsx_element":
            opening = node.child_by_field_name("open_tag")
            name = opening.child_by_field_name("name") if opening is not None else None
            if name is not None and prog.text(name).lower() in _HEADINGS:
                return True
        node = node.parent
    return False


def _props(prog: Program, fn: Node) -> tuple[set[str], str | None]:
    """The prop names a component destructures from its first parameter (``({ label, name }) =>``), and the name of
    that parameter when it is taken whole (``(props) =>``: ``props.label``)."""
    in_class = fn.parent is not None and fn.parent.type in ("field_definition", "public_field_definition")
    if fn.type == "method_definition" or in_class:  # a class's render(): its props are this.props, or destructured from it
        return _destructured(prog, fn, _THIS_PROPS), _THIS_PROPS
    first = next(iter(parameters(fn)), None)
    if first is None:
        return set(), None
    pattern, _ = param_pattern(first)
    if pattern.type == "identifier":
        return set(), prog.text(pattern)
    return _pattern_names(prog, pattern), None


def _pattern_names(prog: Program, pattern: Node) -> set[str]:
    """The names an object pattern binds (``{ label, name = "x", title: heading }``)."""
    names: set[str] = set()
    for c in pattern.named_children if pattern.type == "object_pattern" else []:
        if c.type == "shorthand_property_identifier_pattern":
            names.add(prog.text(c))
        elif c.type == "object_assignment_pattern" and (left := c.child_by_field_name("left")) is not None:
            names.add(prog.text(left))
        elif c.type == "pair_pattern" and (value := c.child_by_field_name("value")) is not None and value.type == "identifier":
            names.add(prog.text(value))
    return names


_THIS_PROPS = "this.props"


def _destructured(prog: Program, fn: Node, holder: str) -> set[str]:
    """The names a function's body destructures from ``holder`` (``const { label, name } = this.props;``)."""
    names: set[str] = set()
    body = fn.child_by_field_name("body")
    for stmt in body.named_children if body is not None else []:
        if stmt.type not in ("lexical_declaration", "variable_declaration"):
            continue
        for d in (c for c in stmt.named_children if c.type == "variable_declarator"):
            pattern, value = d.child_by_field_name("name"), d.child_by_field_name("value")
            if pattern is not None and value is not None and pattern.type == "object_pattern" and prog.text(value) == holder:
                names |= _pattern_names(prog, pattern)
    return names


def _prop_named(prog: Program, node: Node | None, props: set[str], holder: str | None) -> str | None:
    """The prop an expression is: a destructured prop's name (``label``), or ``props.label``'s last part."""
    if node is None:
        return None
    if node.type == "identifier" and prog.text(node) in props:
        return prog.text(node)
    if node.type == "member_expression" and holder is not None:
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        if obj is not None and prop is not None and obj.type in ("identifier", "member_expression") and prog.text(obj) == holder:
            return prog.text(prop)
    return None


def _kind(tag: str, attrs: dict[str, str]) -> tuple[str, str | None]:
    """The control an element is (its string attributes, lower-cased): an input of its type (None for a plain text box:
    ``type="text"`` or none), a textarea or a select."""
    if tag != "input":
        return tag, None
    said = attrs.get("type", "")
    return "input", (said if said not in ("", "text") else None)
