"""A JavaScript guard that holds a consent check only inside something whose truth is not the check's gates nothing
(an adversarial review's false "gated" verdicts): typeof, an array, an object, a template string, String(…), new
Boolean(…), a ternary, Object.keys(…), and indexOf asked without a comparison. The check itself, Boolean(…), a method
of the value that holds it and optional chaining down-levelled still gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_CB = '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>'
_HJS = (
    "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:3817264,hjsv:6};"
    "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;"
    "a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"
)


def _status(tmp_path: Path, cond: str) -> str:
    page = f"{_CB}\n<script>\nfunction load(){{{_HJS}}}\nvar t;\nif ({cond}) {{ load(); }}\n</script>\n"
    (tmp_path / "index.html").write_text(page)
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    return d.verdict.status.value


@pytest.mark.parametrize(
    "cond",
    [
        "typeof Cookiebot.consent.statistics",
        "[Cookiebot.consent.statistics]",
        "{ok: Cookiebot.consent.statistics}",
        "`${Cookiebot.consent.statistics}`",
        "String(Cookiebot.consent.statistics)",
        "new Boolean(Cookiebot.consent.statistics)",
        "Cookiebot.consent.statistics ? true : true",
        "Object.keys(Cookiebot.consent.statistics)",
        "document.cookie.indexOf('cookie_consent_statistics=true')",
        # deeper inside the condition
        "Boolean(String(Cookiebot.consent.statistics))",
        "Cookiebot.consent.statistics.toString()",
        "String(Cookiebot.consent.statistics).length",
        "globalThis.String(Cookiebot.consent.statistics)",
        "window['String'](Cookiebot.consent.statistics)",
        "[].concat(Cookiebot.consent.statistics)",
        "~Cookiebot.consent.statistics",
    ],
)
def test_a_check_inside_something_truthy_gates_nothing(tmp_path: Path, cond: str) -> None:
    assert _status(tmp_path, cond) != "gated"


@pytest.mark.parametrize(
    "cond",
    [
        "Cookiebot.consent.statistics",
        "Boolean(Cookiebot.consent.statistics)",
        "(t = window.Cookiebot) == null ? void 0 : t.consent.statistics",
    ],
)
def test_the_check_itself_still_gates(tmp_path: Path, cond: str) -> None:
    assert _status(tmp_path, cond) == "gated"


@pytest.mark.parametrize(
    ("code", "status"),
    [
        ("let ok = window.Cookiebot.consent.statistics; ok = true; if (ok) LogRocket.init('acme/shop');", "ungated"),
        ("let ok = window.Cookiebot.consent.statistics; ok ||= force; if (ok) LogRocket.init('acme/shop');", "ungated"),
        ("let ok = window.Cookiebot.consent.statistics; if (ok) LogRocket.init('acme/shop');", "gated"),
        ("const ok = window.Cookiebot.consent.statistics; if (ok) LogRocket.init('acme/shop');", "gated"),
    ],
    ids=["reassigned", "or-assigned", "let-kept", "const"],
)
def test_a_let_reassigned_after_it_read_the_check_no_longer_holds_it(tmp_path: Path, code: str, status: str) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.js").write_text("import LogRocket from 'logrocket';\n" + code + "\n")
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status.value == status, d.verdict.evidence


def test_a_bitwise_not_of_index_of_is_a_found_check(tmp_path: Path) -> None:
    # ~(-1) is 0: ~x.indexOf(',C0002,') asks whether the group is there.
    page = (
        '<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="x"></script>\n'
        f"<script>\nfunction load(){{{_HJS}}}\n"
        "function OptanonWrapper(){ if (~OnetrustActiveGroups.indexOf(',C0002,')) load(); }\n</script>\n"
    )
    (tmp_path / "index.html").write_text(page)
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status.value != "ungated", d.verdict.evidence


@pytest.mark.parametrize(
    "assign",
    ["[ok] = [true];", "({ok} = {ok: true});", "for (ok of [true]) {}", "for (ok in {a: 1}) {}", "(ok) = true;", "ok++;"],
)
def test_a_let_reassigned_in_any_shape_no_longer_holds_the_check(tmp_path: Path, assign: str) -> None:
    (tmp_path / "src").mkdir()
    code = f"let ok = window.Cookiebot.consent.statistics; {assign} if (ok) LogRocket.init('acme/shop');"
    (tmp_path / "src" / "main.js").write_text("import LogRocket from 'logrocket';\n" + code + "\n")
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status.value != "gated", d.verdict.evidence


def test_many_lets_that_read_the_check_are_each_read_once(tmp_path: Path) -> None:
    # Each let is looked up by its own name as a word (ok1 is not inside ok10), once: 3,000 of them stay gated.
    lines = "".join(f"let ok{i} = window.Cookiebot.consent.statistics; if (ok{i}) LogRocket.init('a/b');\n" for i in range(3000))
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "main.js").write_text("import LogRocket from 'logrocket';\n" + lines)
    statuses = {d.verdict.status.value for d in run(ScanOptions(paths=(str(tmp_path),))).detections}
    assert statuses == {"gated"}, statuses
