"""Scopes, value flow and the consent walk on shapes that minifiers and compilers emit: names
resolve to the binding in scope (never every function of that name), each function is judged
once, and the cost stays bounded on adversarial input."""

from __future__ import annotations

import time

import pytest

from analyzer.consent import consent_code
from analyzer.facts import jsdetect
from analyzer.parse import jsfacts, jsparse
from analyzer.parse.budget import Budget
from analyzer.parse.jsparse import JsSource


def _prog(code: str, budget: Budget | None = None) -> jsfacts.Program:
    return jsfacts.Program(jsparse.parse(JsSource(code)), budget)


@pytest.mark.parametrize(
    ("code", "needle", "kind", "declared_at"),
    [
        # A parameter shadows the outer function of the same name.
        ("function e(){} function f(e){ e(); }", "e(); }", "param", "e){"),
        # Without the parameter the call reaches the outer declaration.
        ("function e(){} function f(t){ e(); }", "e(); }", "function", "e(){}"),
        # let in a block does not leak out of it; var hoists to the function.
        ("var a=1; function f(){ { let a=2; } return a; }", "a;", "var", "a=1"),
        ("function f(){ if (x) { var a=2; } return a; }", "a;", "var", "a=2"),
        # A named function expression binds its own name inside itself only.
        ("var g=function e(){ e(); };", "e();", "self", "e(){"),
        # catch parameters and destructured declarations.
        ("try{}catch(e){ e.x; }", "e.x", "catch", "e)"),
        ("const {init: start} = lib; start();", "start()", "const", "start}"),
        # imports bind at the module level.
        ("import Hotjar from '@hotjar/browser'; function f(){ Hotjar.init(1, 6); }", "Hotjar.init", "import", "Hotjar from"),
    ],
    ids=[
        "param-shadows-outer",
        "outer-function",
        "let-stays-in-block",
        "var-hoists",
        "named-function-expression",
        "catch",
        "destructured",
        "import",
    ],
)
def test_a_name_resolves_to_the_binding_in_scope(code: str, needle: str, kind: str, declared_at: str) -> None:
    prog = _prog(code)
    # The identifier is the first token of the needle, found at the needle's position.
    at = prog.parsed.source.data.index(needle.encode())
    name = needle.split("(")[0].split(".")[0].split(";")[0].split(")")[0]
    ident = prog.tree.at(at, at + len(name))
    binding = prog.lookup(ident)
    assert binding is not None, code
    assert binding.kind == kind
    decl_at = prog.parsed.source.data.index(declared_at.encode())
    assert binding.node.start_byte == decl_at


def test_a_global_resolves_to_nothing() -> None:
    prog = _prog("function f(){ Cookiebot.consent.statistics; }")
    at = prog.parsed.source.data.index(b"Cookiebot")
    assert prog.lookup(prog.tree.at(at, at + 9)) is None


def test_references_skip_inner_scopes_that_declare_the_name_again() -> None:
    code = "function e(){}\nfunction a(e){ e(); }\nfunction b(){ e(); }\nfunction c(){ var e = 1; e(); }\ne();"
    prog = _prog(code)
    at = prog.parsed.source.data.index(b"e(){}")
    binding = prog.lookup(prog.tree.at(at, at + 1))
    lines = sorted(prog.position(ref[-1])[0] for ref in prog.scopes.references(binding))
    assert lines == [3, 5]  # b's call and the top-level call; a's and c's `e` are other bindings


@pytest.fixture(scope="module")
def vocab(db) -> consent_code.ConsentVocabulary:
    return consent_code.vocabulary(db)


def _verdict(code: str, db, vocab, vendor: str = "hotjar") -> list[tuple[str, str]]:
    prog = _prog(code)
    sites, _ = jsdetect.Detector(prog, [db.vendors[vendor]], db.script_types.code).run()
    guard = consent_code.GuardAnalysis(prog, vocab)
    return [(s.via, consent_code.verdict(s, prog, vocab, guard).status.value) for s in sites]


def test_a_minified_helper_of_the_same_name_is_not_a_caller(db, vocab) -> None:
    # The Vite bundle of issue 8: `e` inside the consent callback is a local function; the
    # bundle's outer helper `e` (called from everywhere, ungated) is another binding.
    code = (
        "function e(t){return t}\n"
        + "".join(f"e({i});\n" for i in range(50))
        + "window.addEventListener('CookiebotOnAccept',function(){function e(){Cookiebot.consent.statistics&&hj('event','x')}e()});\n"
        + "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:1,hjsv:6};"
        + "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;"
        + "function go(){a.appendChild(r)} if(Cookiebot.consent.statistics) go();})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
    )
    prog = _prog(code)
    at = prog.parsed.source.data.index(b"e()});")
    binding = prog.lookup(prog.tree.at(at, at + 1))
    assert binding is not None and binding.kind == "function"
    assert len(prog.scopes.references(binding)) == 1


@pytest.mark.parametrize(
    "condition",
    [
        # esbuild --target=es2019 of `window.Cookiebot?.consent?.statistics`
        "(n=(t=window.Cookiebot)==null?void 0:t.consent)!=null&&n.statistics",
        # TypeScript / Babel
        "(_b = (_a = window.Cookiebot) === null || _a === void 0 ? void 0 : _a.consent) === null || _b === void 0 ? void 0 : _b.statistics",
        # source form
        "window.Cookiebot?.consent?.statistics",
        # minified booleans
        "Cookiebot.consent.statistics===!0",
    ],
    ids=["esbuild", "typescript", "optional-chaining", "minified-true"],
)
def test_down_levelled_optional_chaining_is_the_cmp_check(condition: str, db, vocab) -> None:
    code = f"var t,n,_a,_b;function start(){{LogRocket.init('a/b')}}\nif({condition})start();"
    assert _verdict(code, db, vocab, "logrocket") == [("init-call", "gated")]


@pytest.mark.parametrize(
    "condition",
    ["(n=(t=window.Cookiebot)==null?void 0:t.consent)==null", "Cookiebot.consent.statistics===!1", "window.Cookiebot!=null"],
    ids=["missing-consent-object", "minified-false", "cmp-present"],
)
def test_look_alikes_of_the_check_do_not_gate(condition: str, db, vocab) -> None:
    code = f"var t,n;function start(){{LogRocket.init('a/b')}}\nif({condition})start();"
    assert _verdict(code, db, vocab, "logrocket") == [("init-call", "ungated")]


def test_ten_thousand_functions_named_e_calling_each_other_finish_within_the_budget(db, vocab) -> None:
    # 10,000 module scopes each declare a recursive `e` and call it, ungated; one of them holds
    # the recorder and calls its own `e` only after consent. Resolving `e()` by name gives that
    # function 10,000 ungated callers (and exponential work through the recursion).
    parts = [f"(function(){{function e(t){{return t&&e(t-1)}}e({i})}})();" for i in range(10_000)]
    parts.insert(5_000, "(function(){function e(){LogRocket.init('a/b')}if(Cookiebot.consent.statistics)e()})();")
    started = time.perf_counter()
    result = _verdict("".join(parts), db, vocab, "logrocket")
    assert time.perf_counter() - started < 20
    assert result == [("init-call", "gated")]


def test_a_start_reached_through_a_long_call_chain_is_judged_once_per_function(db, vocab) -> None:
    n = 400
    code = (
        "".join(f"function f{i}(){{f{i + 1}()}}\n" for i in range(n))
        + f"function f{n}(){{LogRocket.init('a/b')}}\nif(Cookiebot.consent.statistics)f0();"
    )
    prog = _prog(code)
    sites, _ = jsdetect.Detector(prog, [db.vendors["logrocket"]], db.script_types.code).run()
    verdict = consent_code.verdict(sites[0], prog, vocab)
    # Deeper than the walk follows: unverifiable, never a guess.
    assert verdict.status.value in ("gated", "unverifiable")
    assert prog.budget.used < prog.budget.limit


def test_the_budget_turns_an_unfinished_analysis_into_unverifiable(db, vocab) -> None:
    code = (
        "function start(){LogRocket.init('a/b')}\n"
        + "".join(f"function g{i}(){{start()}}\n" for i in range(200))
        + "".join(f"g{i}();" for i in range(200))
    )
    prog = _prog(code, Budget(3_000))
    sites, _ = jsdetect.Detector(prog, [db.vendors["logrocket"]], db.script_types.code).run()
    verdict = consent_code.verdict(sites[0], prog, vocab)
    assert verdict.status.value == "unverifiable"
    assert verdict.mechanism == "analysis-budget"


def test_mutual_recursion_does_not_make_a_caller_look_gated(db, vocab) -> None:
    # a and b call each other; b is also called ungated from the top level. The start in a is
    # ungated, whichever function is judged first.
    code = (
        "function a(){LogRocket.init('a/b');b()}\nfunction b(){if(Cookiebot.consent.statistics)a()}\nfunction c(){b()}\nfunction "
        "d(){a()}\nb();d();"
    )
    assert _verdict(code, db, vocab, "logrocket") == [("init-call", "ungated")]


@pytest.mark.parametrize(
    ("code", "status"),
    [
        # Klaro's service callback: its first argument is the service's consent, renamed or not.
        ("klaro.setup({services:[{name:'hj',purposes:['analytics'],callback:e=>{e?LogRocket.init('a/b'):0}}]});", "gated"),
        # The same callback shape outside a Klaro service object is not a consent argument.
        ("loadScript({src:'x.js',callback:function(e){if(e)LogRocket.init('a/b')}});", "ungated"),
    ],
    ids=["klaro-service-callback", "plain-callback-object"],
)
def test_a_cmp_callbacks_consent_argument_is_read_as_consent(code: str, status: str, db, vocab) -> None:
    assert _verdict(code, db, vocab, "logrocket") == [("init-call", status)]


def test_a_renamed_destructured_category_and_a_const_alias_are_read_as_written(db, vocab) -> None:
    code = (
        "const c = window.Cookiebot.consent;\nif (c.statistics) LogRocket.init('a/b');\n"
        "run({callbacks:{onConsentSet:({preferences:e})=>{e.measurement&&LogRocket.init('c/d')}}});"
    )
    assert _verdict(code, db, vocab, "logrocket") == [("init-call", "gated"), ("init-call", "gated")]


def test_a_byte_past_the_last_child_finds_no_child() -> None:
    """py-tree-sitter 0.26's first_child_for_byte crashes the process (segfault) when no child
    ends after the byte; every descent must stop before asking."""
    import tree_sitter_javascript
    from tree_sitter import Language, Parser

    from analyzer.parse.budget import Budget
    from analyzer.parse.jstree import Tree

    data = b"var a = 1;"
    tree = Parser(Language(tree_sitter_javascript.language())).parse(data)
    walk = Tree(tree.root_node, data, Budget(10**6))
    assert [n.type for n in walk.path(len(data))] == ["program"]
    assert [n.type for n in walk.path(len(data) + 5)] == ["program"]
    assert list(walk.occurrences("")) == []


def test_a_snippet_with_a_missing_identifier_is_scanned(tmp_path, db) -> None:
    """A PHP echo splices the id in with '" . $id . "': as JavaScript the object has a hole that
    tree-sitter fills with a zero-width identifier. Looking it up crashed the process."""
    from tests.conftest import scan_text

    page = """<?php
echo "
<script>
  (function(h,o,t,j,a,r){
    h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
    h._hjSettings={hjid:" . $hotjar_id . ",hjsv:5};
    a=o.getElementsByTagName('head')[0];
    r=o.createElement('script');r.async=1;
    r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
    a.appendChild(r);
  })(window,document,'//static.hotjar.com/c/hotjar-','.js?sv=');
</script>
";
"""
    result = scan_text(tmp_path, page, db, "connector.php")
    assert [d.vendor for d in result.detections] == ["hotjar"]


def test_this_member_reads_are_found_as_the_lookbehind_pattern_finds_them() -> None:
    """``this.key`` is searched for from its literal ``this`` and the byte before checked by hand;
    that must find what the pattern with a lookbehind finds, ranges and overlaps included."""
    import random
    import re

    from analyzer.parse.jsflow import _this_reads

    pieces = [b"this", b"this", b".", b".", b"?.", b" ", b"\n", b"x", b"$", b"_", b"-", b"key", b"keys", b"(", b"\xc3\xa9"]
    rng = random.Random(8)
    fixed = [(b"xthis.this.this", 0, 15), (b"xthis.key", 1, 9), (b"this.key", 0, 8), (b"a.this . key", 0, 12)]
    for key in ("key", "this", "thiskey", "k$y", "x"):
        slow = re.compile(rb"(?<![\w$])this\s*(?:\?\.|\.)\s*" + re.escape(key.encode()) + rb"(?![\w$])")
        cases = list(fixed)
        for _ in range(1000):
            data = b"".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
            start = rng.randrange(0, len(data) + 1)
            cases.append((data, start, rng.randrange(start, len(data) + 1)))
        for data, start, end in cases:
            want = [m.span() for m in slow.finditer(data, start, end)]
            assert [m.span() for m in _this_reads(data, key, start, end)] == want, (key, data, start, end)


def test_a_form_too_deep_for_the_budget_leaves_the_file_s_recorder_unverifiable_not_lost(tmp_path, db) -> None:
    # 2,000 lit templates nested in each other's ${…}: reading the forms they write runs out of budget. The file is
    # not lost (an internal error before): the forms are named in a diagnostic, the recorder is still reported.
    from tests.conftest import scan_text

    hotjar = (
        "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
        "h._hjSettings={hjid:3498217,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');"
        "r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})"
        "(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');\n"
    )
    deep = 2000
    code = hotjar + "const x = html`<form>\n" + "${ok ? html`<label>a</label>\n" * deep + "<input name=diagnosis>\n"
    code += '` : ""}\n' * deep + "</form>`;\n"
    one = scan_text(tmp_path, code, db, "deep.js")
    codes = [d.code for d in one.diagnostics]
    assert "internal-error" not in codes and "analysis-budget" in codes, codes
    hotjar_found = [d for d in one.detections if d.vendor == "hotjar"]
    assert hotjar_found and all(d.verdict.status.value != "gated" for d in hotjar_found), one.detections
