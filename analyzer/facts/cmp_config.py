"""A consent manager's configuration object: the categories or services it runs without consent.

The markup verdict trusts ``type="text/plain" data-category="analytics"`` only as far as the consent
manager waits for the visitor. Its configuration can say otherwise: CookieConsent ``mode: 'opt-out'``
runs an enabled category's scripts on the first visit, ``readOnly: true`` accepts a category on every
choice, Klaro runs a ``required: true`` service (or every service of a ``required: true``
configuration) before any choice. Each consent manager's ``[config]`` table says where its object is
(the first argument of ``CookieConsent.run``, the object assigned to ``klaroConfig``), where a markup
value's entry sits in it, and which options decide; the entry's own flags are the ``[js]
category_flags`` with status ``ungated``, the ones the consent-code analysis and RL504 read.

Per script (a code file, or a page's inline script), in the worker: every configuration object found
is read into a :class:`CmpConfigFacts` that lists the entries run without consent (or that may be: an
option the scan cannot read, a spread it cannot follow). Entries that wait for consent are left out.
The resolve stage (``analyzer/resolve/cmp_configs.py``) applies them to the markup verdicts of the
pages that hold or load the script.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.facts.detect import script_type
from analyzer.model import Status
from analyzer.parse import jsfacts, jsparse, reading
from analyzer.parse.budget import BudgetExhausted
from analyzer.parse.jsfacts import Program, unparen
from analyzer.signatures import Cmp, CmpConfig, ConfigEntries, SignatureDB

if TYPE_CHECKING:
    from tree_sitter import Node

    from analyzer.parse.jsparse import JsSource
    from analyzer.parse.jsscope import Binding

_SPREAD_DEPTH = 4  # spreads and identifiers followed to an object literal
_TRUE = {"!0": "true", "!1": "false"}  # what minifiers write for true / false


@dataclass(frozen=True)
class ConfigEntry:
    """One category or service the configuration runs without consent (or may)."""

    value: str  # the markup value it answers to, lower-cased ("analytics", "hotjar")
    status: Status  # ungated or unverifiable
    why: str


@dataclass(frozen=True)
class CmpConfigFacts:
    """A consent manager's configuration object found in a script, with its entries that do not wait for consent."""

    cmp: str
    line: int
    column: int
    entries: tuple[ConfigEntry, ...]


def may_hold(text: str, db: SignatureDB) -> bool:
    """Cheap: does this code hold a literal of some consent manager's configuration?"""
    return any(n in text for cmp in db.cmps.values() if cmp.config for n in cmp.config.needles)


@dataclass(frozen=True)
class Configs:
    """The configurations of a file, and its scripts whose configurations were left unread (the budget ran out)."""

    found: tuple[CmpConfigFacts, ...] = ()
    unread: tuple[tuple[JsSource, str], ...] = ()  # the script, and the budget's message


def read(prog: Program, db: SignatureDB) -> tuple[list[CmpConfigFacts], str | None]:
    """Every configuration object of a consent manager with ``[config]`` in this program, and the budget's message
    when it ran out: the configuration it was reading and the ones after it are left unread (their markup verdicts
    stand), the ones read before are kept."""
    text = prog.parsed.source.text
    reader = _Reader(prog)
    out: list[CmpConfigFacts] = []
    try:
        for cmp in db.cmps.values():
            cfg = cmp.config
            if cfg is None or not any(n in text for n in cfg.needles):
                continue
            for root in _roots(reader, cfg):
                line, column = prog.position(root)
                out.append(CmpConfigFacts(cmp.id, line, column, tuple(_entries(reader, cmp, cfg, root))))
    except BudgetExhausted as exc:
        return out, str(exc)
    return out, None


class _Reader:
    """A program read for its configurations, each answer kept: whether a binding is written again and what an object
    holds under a key are asked for every entry (a spread ``...base`` in thousands of categories, the whole
    configuration's ``mode``), and read once they cost the configuration's size, not its size times its entries.
    Every member visited is paid from the file's budget."""

    def __init__(self, prog: Program) -> None:
        self.prog = prog
        self._constant: dict[int, bool] = {}  # binding key -> never reassigned
        self._values: dict[tuple[int, str, int], str | None] = {}  # (object, key, depth) -> _value

    def constant(self, binding: Binding) -> bool:
        """A ``const``/``let``/``var`` binding never written after its declaration."""
        found = self._constant.get(binding.key)
        if found is None:
            found = self._constant[binding.key] = binding.kind in ("const", "let", "var") and not self.prog.reassigned(binding)
        return found

    def value(self, obj: Node, key: str, depth: int = 0) -> str | None:
        """``_value`` of ``obj[key]``, read once."""
        memo = (obj.id, key, depth)
        if memo not in self._values:
            self._values[memo] = _value(self, obj, key, depth)
        return self._values[memo]


def literal_value(prog: Program, node: Node) -> str | None:
    """What a configuration's literal value is, lower-cased (``true``, ``'opt-out'`` -> ``opt-out``, a minifier's ``!0``
    -> ``true``), None for an expression the scan does not evaluate: the one truth rule of a flag's value, shared by
    the configuration reading and by RL504's filings (``analyzer/facts/cmp_filing.py``)."""
    node = unparen(node)
    if node.type in ("true", "false", "number", "null", "undefined"):
        return prog.text(node).lower()
    if node.type in ("string", "template_string"):
        literal = prog.literal(node)
        return literal.lower() if literal is not None else None
    return _TRUE.get(prog.text(node).replace(" ", ""))


def _roots(reader: _Reader, cfg: CmpConfig) -> Iterator[Node]:
    """The configuration objects: first arguments of ``cfg.calls``, values declared or assigned to ``cfg.names``."""
    prog = reader.prog
    for name in cfg.calls:
        for call in prog.calls_named(name.rsplit(".", 1)[-1]):
            path = prog.path(prog.callee(call))
            args = prog.args(call)
            if args and jsfacts.names(path, name):
                obj = _object(reader, args[0])
                if obj is not None:
                    yield obj
    for name in cfg.names:
        for node in _assigned(prog, name):
            obj = _object(reader, node)
            if obj is not None:
                yield obj


def _assigned(prog: Program, name: str) -> Iterator[Node]:
    """Values of ``var name = …`` and of ``name = …`` / ``window.name = …``."""
    for assign in prog.assignments_to(name):
        value = assign.child_by_field_name("right")
        if value is not None:
            yield value
    width = len(name.encode())
    for offset in prog.tree.occurrences(name):
        chain = prog.tree.path(offset, offset + width)
        parent = chain[-2] if len(chain) >= 2 else None
        if parent is not None and parent.type == "variable_declarator" and parent.child_by_field_name("name") == chain[-1]:
            value = parent.child_by_field_name("value")
            if value is not None:
                yield value


def _object(reader: _Reader, node: Node | None, depth: int = 0, kinds: tuple[str, ...] = ("object",)) -> Node | None:
    """The object literal (or one of ``kinds``) ``node`` is, through parentheses and a variable that holds
    one and is never reassigned."""
    if node is None or depth > _SPREAD_DEPTH:
        return None
    node = unparen(node)
    if node.type in kinds:
        return node
    if node.type == "identifier":
        binding = reader.prog.lookup(node)
        if binding is not None and reader.constant(binding):
            return _object(reader, binding.value, depth + 1, kinds)
    return None


def _value(reader: _Reader, obj: Node, key: str, depth: int = 0) -> str | None:
    """The literal value of ``obj[key]`` lower-cased (:func:`literal_value`), "" when the object surely lacks it, None
    when the scan cannot tell (an expression, a shorthand variable, a spread it cannot follow)."""
    prog = reader.prog
    for child in reversed(obj.named_children):  # the last definition wins
        prog.budget.spend()
        if child.type == "pair" and prog.key_of(child) == key:
            value = child.child_by_field_name("value")
            return literal_value(prog, value) if value is not None else None
        if child.type == "shorthand_property_identifier" and prog.text(child) == key:
            return None
        if child.type == "spread_element":
            spread = _object(reader, child.named_children[0] if child.named_children else None, depth + 1)
            found = reader.value(spread, key, depth + 1) if spread is not None else None
            if found != "":
                return found
    return ""


def _entries(reader: _Reader, cmp: Cmp, cfg: CmpConfig, root: Node) -> Iterator[ConfigEntry]:
    for spec in cfg.entries:
        for name, obj in _walk(reader, root, spec, 0, ""):
            found = _judge(reader, cmp, cfg, root, obj, name)
            if found is not None:
                yield ConfigEntry(name, *found)


def _walk(reader: _Reader, node: Node, spec: ConfigEntries, at: int, name: str) -> Iterator[tuple[str, Node]]:
    """The objects ``spec`` reaches from ``node`` with the value each answers to."""
    prog = reader.prog
    if at == len(spec.path):
        named = reader.value(node, spec.named_by) if spec.named_by else name
        if named:
            yield named, node
        return
    part = spec.path[at]
    children: list[tuple[str, Node]] = []
    prog.budget.spend(1 + len(node.named_children))
    if node.type == "object":
        children = [
            (prog.key_of(c), v)
            for c in node.named_children
            if c.type == "pair" and (v := c.child_by_field_name("value")) is not None and part in ("*", "{value}", prog.key_of(c))
        ]
    elif node.type == "array" and part == "*":
        children = [("", c) for c in node.named_children]
    for key, child in children:
        obj = _object(reader, child, kinds=("object", "array"))
        if obj is not None:
            yield from _walk(reader, obj, spec, at + 1, key.lower() if part == "{value}" else name)


def _judge(reader: _Reader, cmp: Cmp, cfg: CmpConfig, root: Node, entry: Node, name: str) -> tuple[Status, str] | None:
    """Whether the consent manager runs this entry without consent: the entry's "cannot refuse" flags
    (inherited from the whole configuration where ``cfg.inherited`` says so), then the modes. A flag or
    option the scan cannot read makes it unverifiable when nothing else decides."""
    what = f"the {cmp.markup.value_model if cmp.markup else 'entry'} '{name}'"
    unread: list[str] = []
    for flag in cmp.js.category_flags:
        if flag.status is not Status.UNGATED:
            continue  # pre-ticked flags: the visitor still chooses in the banner
        held, where = _flag(reader, cfg, root, entry, flag.flag, what)
        if held == flag.value:
            return Status.UNGATED, f"{flag.flag}: {flag.value} {where}: the visitor cannot refuse it, so {cmp.name} runs it without consent"
        if held is None:
            unread.append(f"{flag.flag} {where}")
    for mode in cfg.modes:
        option = reader.value(root, mode.option[0])  # the whole configuration's option: read once, then kept
        held, where = _flag(reader, cfg, root, entry, mode.flag[0], what)
        if option == mode.option[1] and held == mode.flag[1]:
            return mode.status, f"{mode.option[0]}: '{mode.option[1]}' and {mode.flag[0]}: {mode.flag[1]} {where}: {mode.why}"
        if option in (None, mode.option[1]) and held in (None, mode.flag[1]):
            unread.append(f"{mode.option[0]} and {mode.flag[0]} {where}")
    if unread:
        return Status.UNVERIFIABLE, (
            f"values the scan cannot read ({'; '.join(unread)}): with some of them {cmp.name} runs it without consent"
        )
    return None


def _flag(reader: _Reader, cfg: CmpConfig, root: Node, entry: Node, key: str, what: str) -> tuple[str | None, str]:
    """The entry's flag, or the whole configuration's where the entry leaves an inherited flag out, with where it was found."""
    own = reader.value(entry, key)
    if own == "" and key in cfg.inherited:
        return reader.value(root, key), f"on the whole configuration, which {what} inherits"
    return own, f"on {what}"


def in_code(data: bytes, dialect: str, db: SignatureDB, prog: Program | None = None) -> Configs:
    """The configurations in a code file (``prog``: its tree, when the detection pass made one of this text)."""
    if not any(n.encode() in data for cmp in db.cmps.values() if cmp.config for n in cmp.config.needles):
        return Configs()
    text = reading.decode(data).text
    if prog is None or prog.parsed.source.text != text:
        prog = Program(jsparse.parse(jsparse.JsSource(text, 1, 1, dialect)))
    found, exhausted = read(prog, db)
    return Configs(tuple(found), ((prog.parsed.source, exhausted),) if exhausted else ())


def in_page(page, db: SignatureDB) -> Configs:
    """The configurations in a page's executable inline scripts, placed at their lines in the page."""
    out: list[CmpConfigFacts] = []
    unread: list[tuple[JsSource, str]] = []
    for el in page.elements:
        if el.tag == "script" and el.text and script_type(el) in db.script_types.executable and may_hold(el.text, db):
            line, col = page.body_position(el)
            source = jsparse.JsSource(el.text, line, col, "js")
            found, exhausted = read(Program(jsparse.parse(source)), db)
            out += found
            if exhausted:
                unread.append((source, exhausted))
    return Configs(tuple(out), tuple(unread))
