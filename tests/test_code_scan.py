"""JavaScript analysis beyond the annotated fixtures: page linking, broken code, the prefilter."""

from __future__ import annotations

from pathlib import Path

from analyzer.scan import ScanOptions, run
from tests.conftest import scan_text

INIT = "import LogRocket from 'logrocket';\nLogRocket.init('acme/web');\n"


def test_page_that_loads_a_bundle_lists_it_on_the_bundles_detection(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "about").mkdir()
    (tmp_path / "assets" / "app.js").write_text(INIT)
    (tmp_path / "index.html").write_text('<html><head><script type="module" src="/assets/app.js"></script></head></html>')
    (tmp_path / "about" / "index.html").write_text('<html><head><link rel="modulepreload" href="../assets/app.js"></head></html>')
    (tmp_path / "other.html").write_text("<html><head><script src='/assets/missing.js'></script></head></html>")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    (det,) = result.detections
    assert det.location.path.endswith("assets/app.js") and det.location.line == 2
    assert [Path(p).relative_to(tmp_path).as_posix() for p in det.pages] == ["about/index.html", "index.html"]


def test_broken_code_still_reports_its_recorder_with_a_diagnostic(tmp_path, db) -> None:
    text = INIT + "function broken( {\n  let = ;\n"
    result = scan_text(tmp_path, text, db, name="app.js")
    assert [d.vendor for d in result.detections] == ["logrocket"]
    assert [d.code for d in result.diagnostics] == ["js-parse-error"]


def test_bundle_without_vendor_strings_is_not_parsed(tmp_path, db) -> None:
    result = scan_text(tmp_path, "function a(b){return b*2}\n" * 5000, db, name="vendor.js")
    assert (result.parsed, result.code_parsed) == (False, 0)


def test_typescript_with_types_parses_cleanly(tmp_path, db) -> None:
    text = (
        "import LogRocket from 'logrocket';\nconst id: string = 'acme/web';\nexport function start(opts: { debug?: boolean } = {}): "
        "void {}\nLogRocket.init(id);\n"
    )
    result = scan_text(tmp_path, text, db, name="boot.ts")
    assert [(d.vendor, d.location.line) for d in result.detections] == [("logrocket", 4)]
    assert not result.diagnostics


def test_inline_script_init_is_a_detection_at_its_page_position(tmp_path, db) -> None:
    html = "<html><head>\n<script>\n  posthog.init('phc_x', {api_host: 'https://eu.i.posthog.com'});\n</script></head></html>"
    (det,) = scan_text(tmp_path, html, db).detections
    assert (det.vendor, det.via, det.location.line, det.location.column) == ("posthog", "init-call", 3, 3)


def test_a_refusal_anywhere_in_a_conjunction_is_no_gate(tmp_path) -> None:
    """`consent && !other_consent_check` runs when the second says no: not proof of consent."""
    (tmp_path / "a.js").write_text(
        "import LogRocket from 'logrocket';\n"
        "if (CookieConsent.acceptedCategory('analytics') && !Cookiebot.consent.statistics) {\n"
        "  LogRocket.init('a/b');\n}\n"
    )
    [d] = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status.value != "gated"


def test_a_component_with_a_form_and_a_recorder_is_parsed_once(tmp_path, db, monkeypatch) -> None:
    """The component-fields pass, the commented-snippet pass and recorder detection share one tree
    (a 1.4 MB unminified Vite bundle once paid a second whole parse here)."""
    from analyzer.parse import jsparse

    calls = []
    real = jsparse.parse

    def counting(source):
        calls.append(len(source.text))
        return real(source)

    monkeypatch.setattr(jsparse, "parse", counting)
    text = INIT + 'export function Intake() {\n  return <form><label>Diagnosis <input name="diagnosis" /></label></form>;\n}\n'
    result = scan_text(tmp_path, text, db, name="Intake.jsx")
    assert [d.vendor for d in result.detections] == ["logrocket"]
    assert len(calls) == 1
