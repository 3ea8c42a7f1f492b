"""What survives minification: the shape of an SDK's start call and of a library's functions.

A bundler renames every local, so ``Sentry.init({dsn: …})`` becomes ``Em({dsn: …})`` and
``CookieConsent.acceptedCategory('analytics')`` becomes ``qe('analytics')``. Object keys,
property names, literals and the library's own (pre-mangled) property chains stay. Two kinds
of signature data describe them:

- a *call shape* (``[sdk] bundle_calls``): ``*.init({applicationId,clientToken})``,
  ``*({dsn})``, ``*.init('^phc_')``, ``*.init(#,#)``, ``new *({projectKey}) -> start`` (the
  instance's ``.start()`` is the start), ``*("start")``.
  The callee is ``*`` (any expression) or ``*.name`` (a member call of that name); each argument
  is ``{k1,k2}`` (an object literal with those keys, each holding a literal), ``'regex'`` (a
  string literal whose value matches), ``"text"`` (exactly that string), ``#`` (a number), ``_``
  (anything) or ``...`` (any further arguments);
- a *function shape* (``[js] bundled_api``): ``name = shape``, the text of a library function with
  its local names replaced by ``_``, so that a renamed function can be recognised by its body.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the signature loader parses shapes without loading tree-sitter
    from tree_sitter import Node

    from analyzer.parse.jsfacts import Program

_STRINGS = frozenset({"string", "template_string"})

_LITERALS = frozenset({"string", "template_string", "number", "true", "false", "null", "object", "array", "unary_expression"})
_KEYWORDS = frozenset(
    "async await break case catch class const continue debugger default delete do else export extends false finally for "
    "function if import in instanceof let new null of return static super switch this throw true try typeof undefined "
    "var void while with yield".split()
)
_WORD = re.compile(r"(?<![.\w$])[A-Za-z_$][\w$]*")
_SPACE = re.compile(r"\s+")
_GLUE = re.compile(r" ?([^\w$ ]) ?")


class ShapeError(ValueError):
    """A call shape in a signature file does not parse."""


@dataclass(frozen=True)
class ArgShape:
    kind: str  # object | string | exact | number | any | rest
    keys: tuple[str, ...] = ()
    pattern: re.Pattern[str] | None = None
    value: str | None = None


@dataclass(frozen=True)
class CallShape:
    text: str
    new: bool
    method: str | None  # "init" for *.init(…); None for a call of any expression
    args: tuple[ArgShape, ...]
    then: str | None = None  # "start" in "new *({projectKey}) -> start": the instance's method that starts it

    @property
    def anchor_keys(self) -> tuple[str, ...]:
        """Object keys the candidates can be found from when the callee has no name."""
        return next((a.keys for a in self.args if a.kind == "object" and a.keys), ())

    @property
    def anchor_string(self) -> str | None:
        """An exact string argument the candidates can be found from (``*("start")``)."""
        return next((a.value for a in self.args if a.kind == "exact"), None)

    @property
    def anchor_pattern(self) -> re.Pattern[str] | None:
        """A string pattern the candidates can be found from (``*('^[0-9a-f]{32}$')``)."""
        return next((a.pattern for a in self.args if a.kind == "string"), None)


@functools.lru_cache(maxsize=512)
def parse_call(text: str) -> CallShape:
    """``new *({projectKey})`` -> CallShape(new=True, method=None, args=(object(projectKey),))."""
    raw, _, tail = text.strip().partition(" -> ")
    then = tail.strip() or None
    if then is not None and not then.isidentifier():
        raise ShapeError(f"call shape {text!r}: '-> {then}' must name a method")
    new = raw.startswith("new ")
    raw = raw[4:].strip() if new else raw
    m = re.fullmatch(r"\*(?:\.([\w$]+))?\((.*)\)", raw)
    if not m:
        raise ShapeError(f"call shape {text!r}: expected '*(…)', '*.name(…)' or 'new *(…)'")
    args = tuple(_parse_arg(a.strip(), text) for a in _split_args(m.group(2))) if m.group(2).strip() else ()
    shape = CallShape(text, new, m.group(1), args, then)
    if shape.method is None and not shape.anchor_keys and shape.anchor_string is None and shape.anchor_pattern is None:
        raise ShapeError(
            f'call shape {text!r}: a call of any expression needs an object argument with keys, or an exact "string", to be found by'
        )
    return shape


def _split_args(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "{(" and not cur.startswith("'"):
            depth += 1
        elif ch in "})" and not cur.startswith("'"):
            depth -= 1
        if ch == "," and depth == 0 and not (cur.startswith("'") and not cur.endswith("'")):
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return out


def _parse_arg(arg: str, text: str) -> ArgShape:
    if arg == "#":
        return ArgShape("number")
    if arg == "_":
        return ArgShape("any")
    if arg == "...":
        return ArgShape("rest")
    if len(arg) >= 2 and arg[0] == arg[-1] == '"':
        return ArgShape("exact", value=arg[1:-1])
    if arg.startswith("{") and arg.endswith("}"):
        keys = tuple(k.strip() for k in arg[1:-1].split(",") if k.strip())
        return ArgShape("object", keys)
    if len(arg) >= 2 and arg[0] == arg[-1] == "'":
        try:
            return ArgShape("string", pattern=re.compile(arg[1:-1]))
        except re.error as exc:
            raise ShapeError(f"call shape {text!r}: bad regex {arg}: {exc}") from None
    raise ShapeError(f"call shape {text!r}: argument {arg!r} is not {{keys}}, 'regex', \"exact\", #, _ or ...")


def matches(prog: Program, call: Node, shape: CallShape) -> bool:
    """Does ``call`` have this shape? Keys must hold literals (an app's configuration is
    written out; an SDK passes its options on in variables)."""
    if (call.type == "new_expression") != shape.new:
        return False
    if shape.method is not None:
        callee = prog.callee(call)
        if callee is None or member_name(prog, callee) != shape.method:
            return False
    args = prog.args(call)
    for i, want in enumerate(shape.args):
        if want.kind == "rest":
            return True
        if i >= len(args):
            return False
        if not _arg_matches(prog, constant_value(prog, args[i]), want):
            return False
    return True


def constant_value(prog: Program, arg: Node) -> Node:
    """An argument that names a constant (``new BrowserAgent(options)``) stands for its value."""
    if arg.type == "identifier":
        binding = prog.lookup(arg)
        if binding is not None and binding.kind in ("const", "let", "var") and binding.value is not None:
            return binding.value
    return arg


def member_name(prog: Program, callee: Node) -> str | None:
    """``init`` for ``x.init``, ``x.y().init``, ``x['init']``; None for anything else."""
    if callee.type == "member_expression":
        prop = callee.child_by_field_name("property")
        return prog.text(prop) if prop is not None else None
    if callee.type == "subscript_expression":
        return prog.string_value(callee.child_by_field_name("index"))
    return None


def _arg_matches(prog: Program, arg: Node, want: ArgShape) -> bool:
    if want.kind == "any":
        return True
    if want.kind == "number":
        return arg.type == "number"
    if want.kind == "exact":
        return arg.type in _STRINGS and prog.string_value(arg) == want.value
    if want.kind == "string":
        value = prog.literal(arg)
        return value is not None and want.pattern is not None and want.pattern.search(value) is not None
    if arg.type != "object":
        return False
    pairs = prog.pairs(arg)
    return all(k in pairs and pairs[k].type in _LITERALS for k in want.keys)


def function_shape(text: str) -> str:
    """A function's text with whitespace removed and every local name made ``_`` (property
    names after ``.``, keywords and literals kept; ``let`` / ``const`` read as ``var``, which
    minifiers swap): the same for every bundle of one library version, whatever the bundler renamed."""
    named = _WORD.sub(lambda m: ("var" if m.group(0) in ("let", "const") else m.group(0)) if m.group(0) in _KEYWORDS else "_", text)
    return _GLUE.sub(r"\1", _SPACE.sub(" ", named)).strip()
