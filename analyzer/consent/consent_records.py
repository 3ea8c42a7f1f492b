"""A consent banner written by hand: the site's own accept control and the choice it stores.

Small sites often skip consent managers: a banner's accept button stores the choice
(``localStorage.setItem('cookiesAccepted', 'true')``, ``document.cookie = 'consent=yes'``) and
starts the recorder, and the next page load reads the key back before starting it again. Both are
consent, under two conditions this module checks from the code itself:

* a **user action**: the handler runs when the visitor clicks (or submits) a control, not where
  ``addEventListener`` is called; a handler that stores an accepting value is the accept control;
* a **consent record**: a storage key whose accepting value is written only by such handlers, and
  whose key or control reads as consent (``signatures/script_types.toml [consent_record]``). A read
  of it compared with that value proves the visitor accepted; anything else (a key also written on
  load, a close button, a value the reject path writes too) proves nothing.

What the refusal path does is the caller's concern: consent_code follows every way into a start,
so a start reached from the reject handler as well stays open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tree_sitter import Node

from analyzer.parse import jsfacts
from analyzer.parse.jsfacts import FUNCTION_TYPES, Program
from analyzer.parse.jsflow import Flow, Use
from analyzer.parse.jstree import inside
from analyzer.signatures.lexicon import tokens

_ACCEPTING = frozenset(
    {"true", "1", "yes", "y", "accept", "accepted", "acceptall", "all", "allow", "allowed", "granted", "agree", "agreed", "ok", "on", "!0"}
)
_COOKIE_READS = ("indexOf", "includes", "match", "test", "search", "startsWith")
_MAX_HOPS = 2  # a handler calling a helper that stores the choice, at most this deep


@dataclass(frozen=True)
class Action:
    """A handler the visitor runs: the event, the control it is registered on, where."""

    event: str
    control: str  # how the code names the control: acceptCookies, $('#accept'), <button id="ok">
    words: frozenset[str]  # the words of that name, its id / class strings and label
    line: int
    fn: Node  # the handler function

    def describe(self) -> str:
        """How evidence names the action: "the click handler of #accept (line 12)"."""
        return f"the {self.event} handler of {self.control} (line {self.line})"


@dataclass(frozen=True)
class Write:
    store: str  # localStorage, sessionStorage, cookie
    key: str
    value: str | None  # the literal written, lower-cased; None when computed
    node: Node


class ConsentRecords:
    """The consent records and user actions of one program (computed on first question)."""

    def __init__(self, prog: Program, flow: Flow, spec: dict[str, frozenset[str]]) -> None:
        self.prog = prog
        self.flow = flow
        self.readers = spec.get("readers", frozenset())
        self.writers = spec.get("writers", frozenset())
        self.events = spec.get("user_events", frozenset())
        self.props = frozenset(p.lower() for p in spec.get("handler_props", frozenset()))
        self.yes = spec.get("consent_words", frozenset())
        self.no = spec.get("not_words", frozenset())
        self._writes: list[Write] | None = None
        self._actions: dict[int, list[Action] | None] = {}

    # -- words ----------------------------------------------------------------------------------
    def _words(self, text: str) -> frozenset[str]:
        toks = tokens(text)
        return frozenset(toks) | frozenset(a + b for a, b in zip(toks, toks[1:], strict=False))  # opt + in -> optin

    def _consent(self, words: frozenset[str]) -> bool:
        return bool(words & self.yes) and not words & self.no

    def reads_as_consent(self, action: Action) -> bool:
        """Does the control read as an accept control (its id, selector or label)?"""
        return self._consent(action.words)

    @staticmethod
    def accepting(value: str | None) -> bool:
        """Is ``value`` a literal that records acceptance (``true``, ``yes``, ``granted`` …)? None (a computed value) is not."""
        return value is not None and value.strip().lower() in _ACCEPTING

    # -- user actions ---------------------------------------------------------------------------
    def action(self, use: Use, fn: Node) -> Action | None:
        """Is this way into ``fn`` the visitor acting: a click / submit listener or handler?"""
        prog = self.prog
        if use.kind == "callback" and use.node.type == "call_expression":
            callee = prog.callee(use.node)
            if callee is None or callee.type != "member_expression":
                return None
            prop = callee.child_by_field_name("property")
            method = prog.text(prop) if prop is not None else ""
            args = prog.args(use.node)
            if not args or args[-1].id != fn.id and not inside(fn, args[-1]):
                return None
            first = prog.string_value(args[0]) if args else None
            event = None
            if method == "addEventListener" and first in self.events:
                event = first
            elif method in ("on", "one", "bind", "delegate", "live") and first and first.split(".", 1)[0].split()[0] in self.events:
                event = first.split(".", 1)[0].split()[0]
            elif method in self.events and len(args) == 1:
                event = method  # jQuery $('#ok').click(fn)
            if event is None:
                return None
            return self._action(event, callee.child_by_field_name("object"), use.node, fn)
        if use.kind == "handler":
            node = use.node
            if node.type == "assignment_expression":
                left = node.child_by_field_name("left")
                if use.key.lower() not in self.props or left is None or left.type != "member_expression":
                    return None
                return self._action(use.key.lower().removeprefix("on"), left.child_by_field_name("object"), node, fn)
            if node.type == "jsx_expression" and node.parent is not None and node.parent.type == "jsx_attribute":
                name = node.parent.named_children[0] if node.parent.named_children else None
                attr = prog.text(name) if name is not None else ""
                element = node.parent.parent
                if attr.lower() not in self.props or element is None:
                    return None
                holder = element.parent if element.type == "jsx_opening_element" and element.parent is not None else element
                return self._action(attr[2:].lower(), holder, node, fn)
        return None

    def _action(self, event: str, control: Node | None, at: Node, fn: Node) -> Action | None:
        if control is None:
            return None
        prog = self.prog
        named = control
        if control.type == "identifier":
            binding = prog.lookup(control)
            if binding is not None and binding.value is not None and binding.kind in ("const", "let", "var"):
                named = binding.value
        text = prog.text(control)
        words = self._words(text) | self._words(" ".join(_strings(prog, named)))
        if control.type in ("jsx_element", "jsx_self_closing_element"):
            opening = control.named_children[0] if control.type == "jsx_element" and control.named_children else control
            label = " ".join(prog.text(c) for c in control.named_children if c.type == "jsx_text").strip()
            text = (prog.text(opening)[:60] + (f"…{label[:40]}" if label else "")).replace("\n", " ")
            words = self._words(prog.text(opening) + " " + label)
        elif named is not control:
            text = f"{text} ({prog.text(named)[:60]})"
        line = prog.position(at)[0]
        return Action(event, " ".join(text.split())[:100], words, line, fn)

    def actions_running(self, fn: Node, hops: int = 0) -> list[Action] | None:
        """The user actions ``fn`` runs under, when every way into it is one (directly, or as a
        helper called only from such handlers); None when some way in is not."""
        key = fn.id
        if key in self._actions:
            return self._actions[key]
        self._actions[key] = None  # a cycle proves nothing
        acts: list[Action] = []
        uses = self.flow.uses(fn)
        every = bool(uses)  # no way in at all proves nothing either
        for use in uses:
            act = self.action(use, fn)
            if act is not None:
                acts.append(act)
                continue
            if use.kind != "call" or hops >= _MAX_HOPS:
                every = False
                break
            caller = self.prog.enclosing_function(use.node)
            outer = self.actions_running(caller, hops + 1) if caller is not None else None
            if outer is None:
                every = False
                break
            acts += outer
        found = acts if every else None
        self._actions[key] = found
        return found

    # -- writes ---------------------------------------------------------------------------------
    def runs_on_action(self, fn: Node) -> bool:
        """Whether ``fn`` runs only when the visitor acts (a handler, or a helper only handlers call): :meth:`actions_running`."""
        return self.actions_running(fn) is not None

    def writes(self) -> list[Write]:
        """Every write of a record: a writer call (``localStorage.setItem``) with a literal key, or a ``document.cookie =
        'key=value'`` assignment; collected on first call."""
        if self._writes is None:
            self._writes = self._collect()
        return self._writes

    def _collect(self) -> list[Write]:
        prog = self.prog
        out: list[Write] = []
        for writer in sorted(self.writers):
            for call in prog.calls_named(writer.rsplit(".", 1)[-1]):
                path = prog.path(prog.callee(call))
                if not jsfacts.names(path, writer):
                    continue
                args = prog.args(call)
                key = prog.string_value(args[0]) if args else None
                if key is None or len(args) < 2:
                    continue
                out.append(Write(_store(path), key, _literal(prog, args[1]), call))
        for assignment in prog.assignments_to("cookie"):
            left = assignment.child_by_field_name("left")
            right = assignment.child_by_field_name("right")
            if left is None or right is None or not jsfacts.names(prog.path(left), "document.cookie"):
                continue
            m = re.match(r"\s*([\w.-]+)=([^;]*)", prog.static_text(right))
            if m is None:
                continue
            computed = right.type not in ("string",) and not (
                right.type == "template_string" and not any(c.type == "template_substitution" for c in right.named_children)
            )
            value = m.group(2).strip() or None
            out.append(Write("cookie", m.group(1), None if computed and not value else value, assignment))
        return out

    def handler_accepts(self, action: Action) -> str | None:
        """Does the handler store the visitor's acceptance? The evidence, naming the key."""
        if action.words & self.no:
            return None
        for write in self.writes():
            if not inside(write.node, action.fn) or not self.accepting(write.value):
                continue
            if self._consent(self._words(write.key)) or self._consent(action.words):
                return f"{_name(write)} = '{write.value}'"
        return None

    # -- reads ----------------------------------------------------------------------------------
    def may_read(self, text: str) -> bool:
        """Can this (lower-cased) condition text read a record at all?"""
        return "cookie" in text or "getitem" in text

    def polarity(self, node: Node, depth: int = 0) -> tuple[int, str | None]:
        """+1 with evidence when the expression being true proves the visitor accepted: a read of
        a record that only ever holds an accepting value, or a cookie string holding ``key=yes``."""
        read = self._read(node, depth)
        if read is None:
            return 0, None
        store, key, value = read
        if value is not None:  # document.cookie.includes('consent=true')
            return self._proves(store, key, value)
        writes = [w for w in self.writes() if w.key == key and w.store == store]
        if writes and all(self.accepting(w.value) for w in writes):
            return self._proves(store, key, writes[0].value)
        return 0, None

    def comparison(self, op: str, left: Node, right: Node) -> tuple[int, str | None]:
        """Polarity and evidence of ``left op right`` when one side reads a record: +1 when the comparison being true proves acceptance,
        -1 when it being false does, 0 (no evidence) otherwise; either side may be the read."""
        side, other = (left, right) if self._read(left, 0) is not None else (right, left)
        read = self._read(side, 0)
        if read is None:
            return 0, None
        if read[2] is not None:  # document.cookie.indexOf('consent=yes') !== -1 / > -1 / >= 0 / === -1
            bound = "".join(self.prog.text(other).split())
            found = (op in ("!==", "!=", ">") and bound == "-1") or (op == ">=" and bound == "0")
            absent = op in ("===", "==") and bound == "-1"
            if not (found or absent):
                return 0, None
            pol, evidence = self._proves(read[0], read[1], read[2])
            return (pol if found else -pol), evidence
        value = _literal(self.prog, other)
        if not self.accepting(value):
            return 0, None  # === 'false' says nothing about the else branch (unset is neither)
        pol, evidence = self._proves(read[0], read[1], value)
        if op in ("===", "=="):
            return pol, evidence
        if op in ("!==", "!="):
            return -pol, evidence
        return 0, None

    def _proves(self, store: str, key: str, value: str | None) -> tuple[int, str | None]:
        value = (value or "").strip().lower()
        writes = [w for w in self.writes() if w.key == key and w.store == store and (w.value or "").strip().lower() == value]
        if not writes or not self.accepting(value):
            return 0, None
        actions: list[Action] = []
        for write in writes:
            fn = self.prog.enclosing_function(write.node)
            found = self.actions_running(fn) if fn is not None else None
            if not found:
                return 0, None  # written on load too: the value proves nothing
            actions += found
        if any(a.words & self.no for a in actions):
            return 0, None
        if not (self._consent(self._words(key)) or all(self._consent(a.words) for a in actions)):
            return 0, None
        where = actions[0].describe() + (f" and {len(actions) - 1} more" if len(actions) > 1 else "")
        return 1, f"the site's own consent record: {_name(writes[0])} is '{value}' only after {where} stores it"

    def assumed(self, cond: Node, at_load=None) -> str | None:
        """A record the condition reads that the file itself fills with an accepting value as the
        page loads (a write at the top level, or one ``at_load(node)`` says every load reaches):
        consent assumed, not asked. The evidence, or None."""
        if cond.end_byte - cond.start_byte > 400:
            return None
        stack = [cond]
        while stack:
            node = stack.pop()
            read = self._read(node, 0) if node.type in ("call_expression", "identifier") else None
            if read is not None:
                for write in self.writes():
                    if write.key != read[1] or write.store != read[0] or not self.accepting(write.value):
                        continue
                    if self.prog.enclosing_function(write.node) is None or (at_load is not None and at_load(write.node)):
                        return (
                            f"{_name(write)} is set to '{write.value}' by the page itself as it loads (line "
                            f"{self.prog.position(write.node)[0]}): consent assumed, not asked"
                        )
            stack.extend(c for c in node.named_children if c.type not in FUNCTION_TYPES)
        return None

    def _read(self, node: Node, depth: int) -> tuple[str, str, str | None] | None:
        """(store, key, value or None) when ``node`` reads a record: ``localStorage.getItem(k)``,
        ``Cookies.get(k)``, ``document.cookie.includes('k=v')``, a const holding one."""
        prog = self.prog
        while node.type in ("parenthesized_expression", "await_expression", "non_null_expression") and node.named_children:
            node = node.named_children[-1]
        if node.type == "identifier" and depth < 3:
            binding = prog.lookup(node)
            if (
                binding is not None
                and binding.value is not None
                and (binding.kind == "const" or (binding.kind in ("let", "var") and not self.prog.reassigned(binding)))
            ):
                return self._read(binding.value, depth + 1)
            return None
        if node.type != "call_expression":
            return None
        callee = prog.callee(node)
        path = prog.path(callee)
        args = prog.args(node)
        if any(jsfacts.names(path, r) for r in self.readers) and len(args) == 1:
            key = prog.string_value(args[0])
            return (_store(path), key, None) if key else None
        method = path.rsplit(".", 1)[-1]
        if method in _COOKIE_READS and callee is not None and callee.type == "member_expression":
            obj = callee.child_by_field_name("object")
            text = prog.static_text(args[0]) if args else ""
            if args and args[0].type == "regex":
                text = prog.text(args[0])
            target = obj if method != "test" else (args[0] if args else None)
            if method == "test" and obj is not None and obj.type == "regex":
                text, target = prog.text(obj), args[0] if args else None
            if target is None or not jsfacts.names(prog.path(target), "document.cookie"):
                return None
            m = re.search(r"([\w.-]+)=([\w-]+)", text)
            return ("cookie", m.group(1), m.group(2)) if m else None
        return None


def _store(path: str) -> str:
    head = path.rsplit(".", 1)[0] if "." in path else ""
    if head.endswith("localStorage"):
        return "localStorage"
    if head.endswith("sessionStorage"):
        return "sessionStorage"
    return "cookie"


def _name(write: Write) -> str:
    return f"{write.store} '{write.key}'" if write.store != "cookie" else f"the cookie '{write.key}'"


def _literal(prog: Program, node: Node) -> str | None:
    """A written or compared value as text: a string, true / false, a number, !0 / !1."""
    value = prog.string_value(node)
    if value is not None:
        return value.strip().lower()
    text = "".join(prog.text(node).split())
    if text in ("true", "false", "!0", "!1") or text.isdigit():
        return {"!0": "true", "!1": "false"}.get(text, text)
    return None


def _strings(prog: Program, node: Node) -> list[str]:
    """The string literals in a short expression: the id or selector a control is found by."""
    if node.end_byte - node.start_byte > 400:
        return []
    out, stack = [], [node]
    while stack:
        n = stack.pop()
        if n.type in ("string", "template_string"):
            out.append(prog.static_text(n))
        elif n.type not in FUNCTION_TYPES:
            stack.extend(n.children)
    return out
