"""A snippet string handed on to code that runs it (issue 9, group 1: snippets held as data).

A wrapper SDK keeps the vendor's snippet in a string and appends it as an inline script: the
string is bound to a ``const`` and passed to a helper (``appendScript(hotjarScriptCode, id)``), or
passed straight to a function expression (a minified build's ``((r,t)=>{n.innerText=r…})(`…`)``).
Where the callee is a known evaluator (``eval``, ``appendScript`` …, ``signatures/script_types.toml``
``code.evaluators``), or a function of this file that writes that parameter into a script
element's text (``script.innerText = scriptText``), the call is where the snippet starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tree_sitter import Node

from analyzer.parse.jsfacts import FUNCTION_TYPES, Program


def handed_to_script(prog: Program, chain: list[Node], code: dict[str, frozenset[str]]) -> tuple[Node, str] | None:
    """The call that runs the string at the end of ``chain`` (its path from the root), and how."""
    for use in _uses(prog, chain):
        parent = use[-2] if len(use) >= 2 else None
        if parent is None or parent.type != "arguments" or len(use) < 3:
            continue
        call = use[-3]
        callee = call.child_by_field_name("function")
        if callee is None:
            continue
        name = prog.path(callee)
        if name and name.rsplit(".", 1)[-1] in code["evaluators"]:
            return call, f"passed as script text to {name}()"
        index = next((i for i, c in enumerate(parent.named_children) if c.id == use[-1].id), -1)
        fn = _function_of(prog, callee)
        if fn is not None and index >= 0 and _writes_parameter(prog, fn, index, code["script_text"]):
            return call, f"passed to {name or 'a function'}(), which writes it into a script element"
    return None


def _uses(prog: Program, chain: list[Node]) -> Iterator[list[Node]]:
    """The string itself, then each reference to the variable it initialises."""
    yield chain
    parent = chain[-2] if len(chain) >= 2 else None
    if parent is None or parent.type != "variable_declarator" or parent.child_by_field_name("value") != chain[-1]:
        return
    name = parent.child_by_field_name("name")
    if name is None or name.type != "identifier":
        return
    prog.remember(chain[:-1] + [name])
    binding = prog.lookup(name)
    if binding is not None:
        yield from prog.scopes.references(binding)[:20]


def _function_of(prog: Program, callee: Node) -> Node | None:
    node = callee
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node.type in FUNCTION_TYPES:
        return node
    if node.type != "identifier":
        return None
    binding = prog.lookup(node)
    if binding is not None and binding.value is not None and binding.value.type in FUNCTION_TYPES:
        return binding.value
    return None


def _parameter_name(prog: Program, fn: Node, index: int) -> str | None:
    single = fn.child_by_field_name("parameter")
    params = (
        [single]
        if single is not None
        else list((fn.child_by_field_name("parameters") or fn).named_children)
        if fn.child_by_field_name("parameters") is not None
        else []
    )
    if index >= len(params):
        return None
    node = params[index]
    for field in ("pattern", "left"):  # TS `scriptText: string`, a default value `x = ''`
        inner = node.child_by_field_name(field)
        if inner is not None:
            node = inner
    return prog.text(node) if node.type == "identifier" else None


_MADE_SCRIPT = re.compile(r"createElement\(\s*['\"`]script['\"`]\s*\)", re.I)


def _is_script_element(prog: Program, obj: Node | None) -> bool:
    """``el`` made by ``document.createElement('script')`` (its initializer says so): a text
    written into any other element (a copy box's textContent) is shown, never run."""
    if obj is None:
        return False
    if obj.type == "identifier":
        binding = prog.lookup(obj)
        obj = binding.value if binding is not None else None
    return obj is not None and _MADE_SCRIPT.search(prog.text(obj)[:2000]) is not None


def _writes_parameter(prog: Program, fn: Node, index: int, properties: frozenset[str]) -> bool:
    """Whether ``fn`` assigns its parameter ``index`` to a script-text property (``el.innerText = p``)."""
    name = _parameter_name(prog, fn, index)
    body = fn.child_by_field_name("body")
    if name is None or body is None:
        return False
    stack = [body]
    while stack:
        node = stack.pop()
        prog.budget.spend()
        if node.type == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if (
                right is not None
                and right.type == "identifier"
                and prog.text(right) == name
                and left is not None
                and left.type == "member_expression"
            ):
                prop = left.child_by_field_name("property")
                if prop is not None and prog.text(prop) in properties and _is_script_element(prog, left.child_by_field_name("object")):
                    return True
        if node.type not in FUNCTION_TYPES or node is body:
            stack.extend(node.named_children)
    return False
