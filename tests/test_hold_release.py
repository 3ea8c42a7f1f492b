"""Vendor holds released where the consent check is not around the release call itself (issue 8):
the release queued in the app's own collection of callbacks and run where the collection is
drained, and a release whose argument picks the releasing value. Each shape that gates has
must-not-fire twins in which the check is missing, names no category, or the queue's elements
can go where they are not followed: a false "gated" is the worst error."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.model import Status
from analyzer.scan import ScanOptions, run
from tests.conftest import scan_text
from tests.test_registry_checks import ARRAY_EXPORTS, PUSH, _vendor

# Datadog RUM with recording held until setTrackingConsent('granted').
DD_INIT = (
    "datadogRum.init({applicationId:'00000000-0000-4000-8000-000003900901',clientToken:'pubfake0000000000000000003900901',"
    "sessionReplaySampleRate:100,trackingConsent:'not-granted'});"
)
SOURCE = "import { datadogRum } from '@datadog/browser-rum';\n" + DD_INIT + "\n"
CHECK = "CookieConsent.acceptedCategory('analytics')"
RELEASE = "() => datadogRum.setTrackingConsent('granted')"


def _datadog(tmp_path: Path, db, code: str) -> list[tuple[str, str, str]]:
    result = scan_text(tmp_path, code, db, name="main.js")
    return [(d.via.value, d.verdict.status.value, d.verdict.evidence) for d in result.detections if d.vendor == "datadog"]


def _queue(drain: str, store: str = "const listeners = [];", when: str = "function whenAllowed(fn) { listeners.push(fn); }") -> str:
    return f"{SOURCE}{store}\n{when}\n{drain}\nwhenAllowed({RELEASE});\nwindow.addEventListener('cc:onConsent', notify);\n"


UNLESS = f"if (!{CHECK}) return;"
GATED_QUEUES = {
    "for-of over splice(0) after an early return": f"function notify() {{ {UNLESS} for (const fn of listeners.splice(0)) fn(); }}",
    "forEach under if": f"function notify() {{ if ({CHECK}) listeners.forEach((fn) => fn()); }}",
    "shift() until empty": f"function notify() {{ if (!{CHECK}) return; while (listeners.length) listeners.shift()(); }}",
    "indexed loop": f"function notify() {{ if ({CHECK}) for (let i = 0; i < listeners.length; i++) listeners[i](); }}",
    "an alias of a copy": f"function notify() {{ {UNLESS} const q = [...listeners]; listeners.length = 0; q.forEach((f) => f()); }}",
    "moved to a second queue drained under the check": (
        f"const later = [];\nfunction notify() {{ for (const f of listeners) later.push(f); if ({CHECK}) later.forEach((g) => g()); }}"
    ),
    "a named runner": f"function run(f) {{ f(); }}\nfunction notify() {{ if ({CHECK}) listeners.forEach(run); }}",
    "handed to setTimeout": f"function notify() {{ if ({CHECK}) for (const fn of listeners) setTimeout(fn); }}",
}


@pytest.mark.parametrize("drain", list(GATED_QUEUES.values()), ids=list(GATED_QUEUES))
def test_a_release_queued_and_drained_under_the_check_is_gated(tmp_path: Path, db, drain: str) -> None:
    got = _datadog(tmp_path, db, _queue(drain))
    assert [(via, status) for via, status, _ in got] == [("release-call", "gated")], got


def test_a_set_of_callbacks_drained_under_the_check_is_gated(tmp_path: Path, db) -> None:
    code = _queue(
        f"function notify() {{ if ({CHECK}) queue.forEach((fn) => fn()); }}",
        store="const queue = new Set();",
        when="function whenAllowed(fn) { queue.add(fn); }",
    )
    got = _datadog(tmp_path, db, code)
    assert [(via, status) for via, status, _ in got] == [("release-call", "gated")], got


# Vite's output of the corpus app (vanilla-cookieconsent bundled: acceptedCategory renamed y_, its
# state properties kept), the release pushed onto the app's array T_ through D_.
CMP_STATE = "const K={o:{D:!0,R:[],Y:{}}};function b_(e,t){return e.indexOf(t)>-1}"
MINIFIED = (
    "var Zh={init(e){this.o=e},setTrackingConsent(e){this.c=e}};"
    "function q_(){return'recorder-load-failed'}" + CMP_STATE + "function y_(e){let t=K.o.D?[]:K.o.R;return b_(t,e)}"
    "var T_=[];function E_(){{DRAIN}}function D_(e){T_.push(e)}"
    "Zh.init({applicationId:`00000000-0000-4000-8000-000003900902`,clientToken:`pubfake0000000000000000003900902`,"
    "sessionReplaySampleRate:100,trackingConsent:`not-granted`}),D_(()=>Zh.setTrackingConsent(`granted`)),"
    "window.addEventListener(`cc:onConsent`,E_);export{q_ as a};"
)


@pytest.mark.parametrize(
    ("drain", "status"),
    [
        ("if(y_(`analytics`))for(let e of T_.splice(0))e()", "gated"),
        ("for(let e of T_.splice(0))e()", "ungated"),
        ("if(y_(`marketing`)||y_(`analytics`))for(let e of T_.splice(0))e()", "ungated"),
    ],
)
def test_a_minified_queue_of_releases_is_followed(tmp_path: Path, db, drain: str, status: str) -> None:
    got = _datadog(tmp_path, db, MINIFIED.replace("{DRAIN}", drain))
    assert [(via, s) for via, s, _ in got] == [("release-call", status)], got


UNGATED_QUEUES = {
    "drained with no check": "function notify() { for (const fn of listeners.splice(0)) fn(); }",
    "drained under an environment check": "function notify() { if (location.hostname !== 'localhost') listeners.forEach((f) => f()); }",
    "drained twice, once unguarded": (
        f"function notify() {{ if ({CHECK}) listeners.forEach((f) => f()); }}\nsetTimeout(() => listeners.forEach((f) => f()), 5000);"
    ),
    "moved to a second queue drained unguarded": (
        f"const later = [];\nfunction notify() {{ if ({CHECK}) for (const f of listeners) later.push(f); }}\n"
        "setTimeout(() => later.forEach((g) => g()));"
    ),
    "a named runner also called unguarded": (
        f"function run(f) {{ f(); }}\nfunction notify() {{ if ({CHECK}) listeners.forEach(run); }}\nrun(listeners[0]);"
    ),
    "the checked one is another collection": (
        f"const other = [];\nfunction notify() {{ if ({CHECK}) other.forEach((f) => f()); listeners.forEach((f) => f()); }}"
    ),
}


@pytest.mark.parametrize("drain", list(UNGATED_QUEUES.values()), ids=list(UNGATED_QUEUES))
def test_a_queue_drained_without_the_check_is_ungated(tmp_path: Path, db, drain: str) -> None:
    got = _datadog(tmp_path, db, _queue(drain))
    assert [(via, status) for via, status, _ in got] == [("release-call", "ungated")], got


DRAINED = f"function notify() {{ if ({CHECK}) listeners.forEach((f) => f()); }}\n"
OPEN_QUEUES = {
    "returned to callers elsewhere": DRAINED + "export function pending() { return listeners; }",
    "exported": DRAINED + "export { listeners };",
    "kept on window": DRAINED + "window.queue = listeners;",
    "an alias exported": DRAINED + "const q = listeners;\nexport { q };",
    "returned by an exported object's method": DRAINED + "export const api = { all: () => listeners };",
    "handed to a call": DRAINED + "register(listeners);",
    "mapped (a method not followed)": DRAINED + "const names = listeners.map((f) => f);",
    "replaced by another array": DRAINED + "function reset(x) { listeners = x; }",
    "visited with the collection as the third argument": (DRAINED + "listeners.forEach((f, i, all) => setTimeout(all[i]));"),
    "element put on an object handed in": DRAINED + "function put(o) { o.cb = listeners.shift(); }\nconst h = {};\nput(h);\nh.cb();",
    "element stored again": f"let last;\nfunction notify() {{ if ({CHECK}) for (const f of listeners) last = f; }}",
}


@pytest.mark.parametrize("drain", list(OPEN_QUEUES.values()), ids=list(OPEN_QUEUES))
def test_a_queue_whose_elements_go_elsewhere_is_not_gated(tmp_path: Path, db, drain: str) -> None:
    got = _datadog(tmp_path, db, _queue(drain, store="let listeners = [];"))
    assert [(via, status) for via, status, _ in got] == [("release-call", "unverifiable")], got


def test_a_queue_in_a_scripts_global_var_is_not_followed(tmp_path: Path, db) -> None:
    """``var listeners`` at a classic script's top level is ``window.listeners``: other scripts may drain it."""
    code = _queue(f"function notify() {{ if ({CHECK}) listeners.forEach((f) => f()); }}", store="var listeners = [];")
    code = code.replace(SOURCE, DD_INIT.replace("datadogRum.", "DD_RUM.") + "\n").replace("datadogRum.", "DD_RUM.")
    got = _datadog(tmp_path, db, code)
    assert [(via, status) for via, status, _ in got] == [("release-call", "unverifiable")], got


def test_a_queue_that_starts_with_unknown_elements_is_not_followed(tmp_path: Path, db) -> None:
    code = _queue(f"function notify() {{ if ({CHECK}) listeners.forEach((f) => f()); }}", store="const listeners = window.__queue || [];")
    got = _datadog(tmp_path, db, code)
    assert [status for _, status, _ in got] == ["unverifiable"], got


# The release call runs on every consent choice; its argument is the check.
def _chosen(argument: str) -> str:
    return (
        f"{SOURCE}function applyConsent() {{ datadogRum.setTrackingConsent({argument}); }}\n"
        "window.addEventListener('cc:onConsent', applyConsent);\nwindow.addEventListener('cc:onChange', applyConsent);\n"
    )


def test_a_release_whose_argument_is_the_check_is_gated(tmp_path: Path, db) -> None:
    got = _datadog(tmp_path, db, _chosen(f"{CHECK} ? 'granted' : 'not-granted'"))
    assert [(via, status) for via, status, _ in got] == [("release-call", "gated")], got
    assert "acceptedcategory('analytics')" in got[0][2]


def test_a_nested_choice_releases_on_its_one_granting_branch(tmp_path: Path, db) -> None:
    got = _datadog(tmp_path, db, _chosen(f"window.optOut ? 'not-granted' : {CHECK} ? 'granted' : 'not-granted'"))
    assert [(via, status) for via, status, _ in got] == [("release-call", "gated")], got


@pytest.mark.parametrize(
    "argument",
    [
        f"{CHECK} ? 'not-granted' : 'granted'",  # granted when analytics is refused
        "CookieConsent.acceptedCategory('necessary') ? 'granted' : 'not-granted'",
        f"({CHECK} || window.debug) ? 'granted' : 'not-granted'",
    ],
)
def test_a_release_chosen_without_the_analytics_check_is_ungated(tmp_path: Path, db, argument: str) -> None:
    got = _datadog(tmp_path, db, _chosen(argument))
    assert [(via, status) for via, status, _ in got] == [("release-call", "ungated")], got


@pytest.mark.parametrize(
    "argument",
    [
        f"{CHECK} ? 'granted' : window.ddConsent",  # the other branch may release too
        f"{CHECK} ? 'granted' : window.debug ? 'granted' : 'not-granted'",  # two branches release
        "window.ddConsent",
    ],
)
def test_a_release_whose_value_is_not_known_is_not_read_as_gated(tmp_path: Path, db, argument: str) -> None:
    got = _datadog(tmp_path, db, _chosen(argument))
    # Not recognised as a release: the held init at the top level is the start, as before.
    assert [(via, status) for via, status, _ in got] == [("init-call", "ungated")], got


# The choosing check called through webpack's registry, the consent library in a vendor chunk
# (analyzer/resolve/registry.py reads module 7587's export Sc as acceptedCategory).
DD_HELD = (
    "var dd={init(e){},setTrackingConsent(e){}};dd.init({applicationId:'00000000-0000-4000-8000-000003900903',"
    "clientToken:'pubfake0000000000000000003900903',sessionReplaySampleRate:100,trackingConsent:'not-granted'});"
    "function q(){return'recorder-load-failed'}"
)


@pytest.mark.parametrize(
    ("argument", "status"),
    [
        ('(0,r.Sc)("analytics")?"granted":"not-granted"', Status.GATED),
        ('(0,r.Sc)("analytics")?"not-granted":"granted"', Status.UNGATED),
        ('(0,r.Sc)("marketing")?"granted":"not-granted"', Status.UNGATED),
    ],
)
def test_a_release_chosen_by_a_check_in_another_chunk(tmp_path: Path, argument: str, status: Status) -> None:
    dist = tmp_path / "dist"
    (dist / "js").mkdir(parents=True)
    (dist / "index.html").write_text('<script defer src="/js/593.js"></script><script defer src="/js/main.js"></script>')
    (dist / "js" / "593.js").write_text(_vendor(ARRAY_EXPORTS))
    app = f"944(e,t,n){{var r=n(7587);{DD_HELD}r.eF({{onConsent:()=>{{dd.setTrackingConsent({argument})}}}})}}"
    (dist / "js" / "main.js").write_text(PUSH.format(chunk=792, modules=app))
    found = [d for d in run(ScanOptions(paths=(str(dist),))).detections if d.vendor == "datadog"]
    assert [(d.via.value, d.verdict.status) for d in found] == [("release-call", status)], found
    if status is Status.GATED:
        assert "Sc of module 7587 is CookieConsent v3" in found[0].verdict.evidence


def test_a_start_put_on_an_object_handed_in_is_not_followed_as_that_objects_property(tmp_path: Path, db) -> None:
    """``o.cb = start`` on a parameter: the caller's object is read under its own name (``h.cb()``),
    so the start is stored where its calls cannot be followed, whatever its other, gated, call."""
    code = (
        "import { datadogRum } from '@datadog/browser-rum';\n"
        f"function start() {{ {DD_INIT.replace(',trackingConsent:' + chr(39) + 'not-granted' + chr(39), '')} }}\n"
        f"function put(o) {{ o.cb = start; }}\nif ({CHECK}) start();\nconst h = {{}};\nput(h);\nh.cb();\n"
    )
    got = _datadog(tmp_path, db, code)
    assert [(via, status) for via, status, _ in got] == [("init-call", "unverifiable")], got


def test_the_values_of_a_long_ternary_chain_are_listed_in_order_without_recursion() -> None:
    """``jsexpr.choices`` recursed once per link and copied the list at each: a minifier's chain of
    thousands of ternaries raised RecursionError (a whole-file failure) and cost quadratic time."""
    from analyzer.parse import jsexpr, jsfacts, jsparse
    from analyzer.parse.jsparse import JsSource

    links = 3000
    code = "x = " + "".join(f"c{i} ? 'v{i}' : " for i in range(links)) + "('last');"
    prog = jsfacts.Program(jsparse.parse(JsSource(code)))
    stmt = prog.parsed.tree.root_node.named_children[0]
    ternary = stmt.named_children[0].child_by_field_name("right")
    values = [prog.text(n) for n in jsexpr.choices(ternary)]
    assert values == [f"'v{i}'" for i in range(links)] + ["'last'"]
