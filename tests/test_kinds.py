"""Issue 10 item 4: consent mechanisms and detection vias are enum members, not free strings. The
members must keep the plain ids in every report (JSON, SARIF, text) and in messages, every
mechanism must have the words a message uses, and the pipeline must hand out members."""

from __future__ import annotations

import ast
import dataclasses
import json
from pathlib import Path

from analyzer.kinds import Mechanism, Via
from analyzer.model import Detection, Location, Severity, Status, Verdict
from analyzer.report import FORMATS, ReportOptions, formatter, json_report
from analyzer.rules.common import MECHANISM_WORDS, mechanism_words
from analyzer.scan import ScanOptions, run

ANALYZER = Path(__file__).resolve().parent.parent / "analyzer"
SITES = {"RecorderSite", "CodeSite", "TagSite", "CodeResult"}
PAGE = '<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head></html>'


def test_every_mechanism_has_words_and_every_word_a_mechanism() -> None:
    assert set(MECHANISM_WORDS) == set(Mechanism)
    assert all(isinstance(k, Mechanism) for k in MECHANISM_WORDS)
    assert mechanism_words(Mechanism.NONE) == "nothing holds it back"


def test_members_are_their_plain_ids() -> None:
    for kind in (Mechanism, Via):
        for m in kind:
            assert m == m.value and str(m) == m.value and f"{m}" == m.value and hash(m) == hash(m.value)
            assert json.dumps(m) == json.dumps(m.value)
    assert len({m.value for m in Mechanism}) == len(Mechanism) and len({v.value for v in Via}) == len(Via)


def test_the_json_report_writes_plain_ids() -> None:
    def det(via, mechanism) -> Detection:
        verdict = Verdict(status=Status.UNGATED, mechanism=mechanism, evidence="e")
        return Detection(vendor="hotjar", location=Location(path="p.html", line=1, column=1), via=via, evidence="e", verdict=verdict)

    members = json.dumps(json_report.detection(det(Via.SCRIPT_SRC, Mechanism.NONE)), indent=1)
    plain = json.dumps(json_report.detection(det("script-src", "none")), indent=1)
    assert members == plain
    assert '"via": "script-src"' in members and '"mechanism": "none"' in members


def test_a_scan_hands_out_members_and_reports_plain_ids(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    [d] = result.detections
    assert d.via is Via.SCRIPT_SRC and d.verdict.mechanism is Mechanism.NONE
    opts = ReportOptions(fail_on=Severity.HIGH)
    doc = json.loads(json_report.render(result, opts))
    [out] = doc["detections"]
    assert (out["via"], out["consent"]["mechanism"]) == ("script-src", "none")
    for name in FORMATS:
        text = formatter(name)(result, opts)
        assert "Mechanism." not in text and "Via." not in text, name


def test_no_mechanism_or_via_is_written_as_a_string_literal() -> None:
    """``mechanism="none"`` or ``via == "snippet"`` in the analyzer would compare by spelling again."""
    ids = {m.value for m in Mechanism} | {v.value for v in Via}
    found = []
    for path in sorted(ANALYZER.rglob("*.py")):
        if path.name == "kinds.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.keyword) and node.arg in ("mechanism", "via") and isinstance(node.value, ast.Constant):
                found.append(f"{path.name}:{node.value.lineno}")
            elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in SITES and len(node.args) > 2:
                if isinstance(node.args[2], ast.Constant):  # a site's via is its third field
                    found.append(f"{path.name}:{node.lineno}")
            elif isinstance(node, ast.Compare) and any(
                isinstance(c, ast.Constant) and c.value in ids for c in [node.left, *node.comparators]
            ):
                names = [n for n in ast.walk(node) if isinstance(n, ast.Attribute | ast.Name)]
                if any(getattr(n, "attr", getattr(n, "id", None)) in ("mechanism", "via") for n in names):
                    found.append(f"{path.name}:{node.lineno}")
    assert not found, found


def test_a_generic_consent_check_is_a_flag_on_its_note_not_text_in_it(tmp_path: Path) -> None:
    """consent_code once marked such a note with a NUL-delimited sentinel inside the text."""
    from analyzer.consent import consent_code

    fixture = ANALYZER.parent / "fixtures" / "js" / "generic-consent-in-conjunction.js"
    (tmp_path / "a.js").write_text(fixture.read_text())
    result = run(ScanOptions(paths=(str(tmp_path),)))
    clarity = next(d for d in result.detections if d.vendor == "clarity")
    assert clarity.verdict.status is Status.UNVERIFIABLE and clarity.verdict.mechanism is Mechanism.CODE_UNRESOLVED
    assert clarity.verdict.evidence.endswith(
        "otherwise it runs at the top level of the file (line 12: (type == 'opt-in' && didConsent) checks consent but names no analytics "
        "category)"
    )
    assert all("\x00" not in d.verdict.evidence for d in result.detections)
    assert not hasattr(consent_code, "_GENERIC")
    assert consent_code.Note("x", generic=True) != consent_code.Note("x")


def test_a_suite_started_with_replay_off_says_so_in_a_field(tmp_path: Path) -> None:
    """engine dropped a suite's loader when its init turned replay off by searching the inactive
    record's evidence for "replay off"; the producer now sets ``replay_off``."""
    from analyzer.consent import code_scan
    from analyzer.facts import jsdetect

    assert {f.name for f in dataclasses.fields(jsdetect.Inactive)} >= {"replay_off"}
    assert {f.name for f in dataclasses.fields(code_scan.CodeInactive)} >= {"replay_off"}
    assert '"replay off" in' not in (ANALYZER / "read" / "engine.py").read_text()
    for webvisor, found in (("false", []), ("true", ["yandex"])):
        (tmp_path / "page.html").write_text(YM.replace("WEBVISOR", webvisor))
        result = run(ScanOptions(paths=(str(tmp_path),)))
        assert [d.vendor for d in result.detections] == found, webvisor
        assert ("RL130" in {f.rule for f in result.findings}) is (webvisor == "false")


YM = """<html><head><script>
(function(m,e,t,r,i,k,a){m[i]=m[i]||function(){(m[i].a=m[i].a||[]).push(arguments)};
m[i].l=1*new Date();k=e.createElement(t),a=e.getElementsByTagName(t)[0],k.async=1,k.src=r,a.parentNode.insertBefore(k,a)})
(window, document, "script", "https://mc.yandex.ru/metrika/tag.js", "ym");
ym(48192736, "init", {clickmap: true, webvisor: WEBVISOR});
</script></head><body></body></html>"""


def test_a_chain_of_static_imports_is_told_by_a_flag_not_by_its_first_word(tmp_path: Path) -> None:
    """chunks joined "imported by b; imported by a, which …" by checking whether the outer way's
    evidence started with "imported"; the way now carries ``imported``."""
    (tmp_path / "main.js").write_text("export function load() {\n  return import('./a.js');\n}\n")
    (tmp_path / "a.js").write_text("import './b.js';\nconsole.log('a');\n")
    (tmp_path / "b.js").write_text("import './c.js';\nconsole.log('b');\n")
    (tmp_path / "c.js").write_text("import LogRocket from 'logrocket';\nLogRocket.init('abcdef/my-app');\n")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    [d] = result.detections
    b, a, main = (str(tmp_path / n) for n in ("b.js", "a.js", "main.js"))
    assert d.verdict.status is Status.UNVERIFIABLE
    assert (
        d.verdict.evidence
        == f"it runs when its chunk loads; imported by {b}; imported by {a}, which import() at {main}:2: load is exported; its callers are "
        "outside this file"
    )
    assert ".startswith(" not in (ANALYZER / "resolve" / "chunks.py").read_text()
