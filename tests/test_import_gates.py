"""import() calls judged in the read stage (analyzer/consent/import_gates.py) and used by the chunk
pass, which reads an importer again only when the read stage did not judge it."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import signatures
from analyzer.model import Status
from analyzer.read.discover import discover
from analyzer.read.engine import analyze
from analyzer.resolve import chunks
from analyzer.scan import ScanOptions, run
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "bundles" / "corpus"


def _verdicts(result) -> list[tuple[str, str, str, str]]:
    return sorted((d.vendor, d.location.path, d.verdict.status.value, d.verdict.evidence) for d in result.detections)


@pytest.mark.parametrize("case", ["vite-fullstory-split-consent", "vite-fullstory-split-toplevel"])
def test_chunk_pass_reaches_the_same_verdicts_from_read_stage_facts(case: str, monkeypatch) -> None:
    dist = str(CORPUS / case / "dist")
    with_facts = _verdicts(run(ScanOptions(paths=(dist,))))
    real = chunks.link

    def read_again(detections, files, imports, loaded_by, db, max_bytes, judged=None):
        return real(detections, files, imports, loaded_by, db, max_bytes, {})

    monkeypatch.setattr(chunks, "link", read_again)
    assert _verdicts(run(ScanOptions(paths=(dist,)))) == with_facts
    assert any("import() at" in evidence for *_, evidence in with_facts)


def test_read_stage_judges_each_literal_import_of_a_parsed_file() -> None:
    db = signatures.load()
    files, _ = discover((str(CORPUS / "vite-datadog-hold-cookieconsent" / "dist"),), ())
    entry = next(f for f in files if f.display.endswith(".js") and "/index-" in f.display)
    facts = analyze(entry, db, 10 * 1024 * 1024).freeze()
    assert facts.dynamic_imports is not None and len(facts.dynamic_imports) == 2
    assert all(i.spec and i.line >= 1 and isinstance(i.status, Status) for i in facts.dynamic_imports)


def test_a_file_the_read_stage_does_not_parse_has_no_judged_imports(tmp_path) -> None:
    page = tmp_path / "app.js"
    page.write_text("document.querySelector('#go').onclick = () => import('./lazy.js');\n")
    files, _ = discover((str(page),), ())
    facts = analyze(files[0], signatures.load(), 10 * 1024 * 1024).freeze()
    assert facts.dynamic_imports is None  # no recorder literal: not parsed here; the chunk pass reads it if it must


HOTJAR = (
    "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};h._hjSettings={hjid:123,hjsv:6};"
    "a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;"
    "a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');\n"
)


@pytest.mark.parametrize(
    "importer,status",
    [
        ("window.addEventListener('CookiebotOnAccept', () => { if (Cookiebot.consent.statistics) import('./rec.js'); });\n", "gated"),
        ("const ready = () => import('./rec.js');\nready();\n", "ungated"),
    ],
)
def test_an_importer_without_recorder_literals_is_read_again_by_the_chunk_pass(tmp_path, importer: str, status: str) -> None:
    (tmp_path / "index.html").write_text('<html><head><script type="module" src="/app.js"></script></head><body></body></html>\n')
    (tmp_path / "app.js").write_text(importer)
    (tmp_path / "rec.js").write_text(HOTJAR)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    found = [d for d in result.detections if d.vendor == "hotjar"]
    assert [d.verdict.status.value for d in found] == [status]
    assert "import() at" in found[0].verdict.evidence and "app.js" in found[0].verdict.evidence


def test_a_file_with_more_import_calls_than_the_cap_is_left_to_the_chunk_pass(tmp_path) -> None:
    """A router's lazy routes by the hundred: the read stage does not judge them all (the chunk pass
    judges only the calls that load a chunk with a start)."""
    from analyzer.consent import import_gates

    app = tmp_path / "app.js"
    routes = "".join(f"function r{i}(c) {{ if (c) return import('./route{i}.js'); return r{i + 1}(c); }}\n" for i in range(200))
    app.write_text(HOTJAR + routes + "r0(window.ok);\n")
    files, _ = discover((str(app),), ())
    facts = analyze(files[0], signatures.load(), 10 * 1024 * 1024).freeze()
    assert [d.vendor for d in facts.detections] == ["hotjar"]
    assert 200 > import_gates.MAX_JUDGED and facts.dynamic_imports is None


def test_import_calls_that_cost_more_than_the_read_stage_allows_are_left_to_the_chunk_pass(tmp_path, monkeypatch) -> None:
    from analyzer.consent import import_gates

    app = tmp_path / "app.js"
    chain = "".join(f"function s{i}() {{ return s{i + 1}(); }}\n" for i in range(40))
    app.write_text(HOTJAR + chain + "function s40() { return import('./late.js'); }\ns0();\n")
    files, _ = discover((str(app),), ())
    db = signatures.load()
    assert analyze(files[0], db, 10 * 1024 * 1024).freeze().dynamic_imports is not None  # within the default allowance
    monkeypatch.setattr(import_gates, "READ_STAGE_STEPS", 20)
    assert analyze(files[0], db, 10 * 1024 * 1024).freeze().dynamic_imports is None


def test_the_read_stage_may_spend_about_a_parse_of_the_file_before_leaving_calls_to_the_chunk_pass(tmp_path, monkeypatch) -> None:
    """Giving up costs the chunk pass a second parse of the file, so a larger file earns a larger
    allowance (one step per BYTES_PER_STEP characters), never less than READ_STAGE_STEPS."""
    from analyzer.consent import import_gates

    assert import_gates.read_stage_steps(10) == import_gates.READ_STAGE_STEPS
    assert import_gates.read_stage_steps(1_600_000) == 1_600_000 // import_gates.BYTES_PER_STEP > import_gates.READ_STAGE_STEPS
    chain = "".join(f"function s{i}() {{ return s{i + 1}(); }}\n" for i in range(40))
    code = HOTJAR + chain + "function s40() { return import('./late.js'); }\ns0();\n"
    monkeypatch.setattr(import_gates, "READ_STAGE_STEPS", 20)
    db = signatures.load()
    small = tmp_path / "small.js"
    small.write_text(code)
    big = tmp_path / "big.js"
    big.write_text(code + "/*" + "x" * 5_000 * import_gates.BYTES_PER_STEP + "*/\n")  # 5,000 steps of allowance
    facts = [analyze(f, db, 10 * 1024 * 1024).freeze() for f in discover((str(small), str(big)), ())[0]]
    judged = {Path(f.path).name: f.dynamic_imports for f in facts}
    assert judged["small.js"] is None
    assert judged["big.js"] is not None and [c.spec for c in judged["big.js"]] == ["./late.js"]


def test_a_budget_allowance_is_a_lower_limit_for_the_block_only() -> None:
    from analyzer.parse.budget import Budget, BudgetExhausted

    budget = Budget(1000)
    budget.spend(100)
    with pytest.raises(BudgetExhausted), budget.allowance(10):
        budget.spend(11)
    assert budget.limit == 1000 and not budget.exhausted
    with budget.allowance(None):
        budget.spend(500)
    with budget.allowance(10_000):  # never above the file's own limit
        assert budget.limit == 1000


def test_lazy_imports_inside_downlevelled_async_functions_are_judged_without_walking_every_async_function(monkeypatch) -> None:
    """The 1.6 MB Vite bundle's five ``() => import(…)`` calls sit in tslib-compiled async methods:
    each body is a callback of the shared ``__awaiter`` / ``__generator``, whose callers are every
    async function of the bundle. Without call contexts the walk went through all of them (63,017
    steps, about as long as the file's parse); with them, back to the one call that handed each
    body in."""
    from analyzer.consent import import_gates

    spent: list[int] = []
    real = import_gates.judged

    def counted(prog, *args, **kwargs):
        before = prog.budget.used
        found = real(prog, *args, **kwargs)
        spent.append(prog.budget.used - before)
        return found

    monkeypatch.setattr(import_gates, "judged", counted)
    bundle = CORPUS / "vite-five-sdks-mixed" / "dist" / "assets" / "index-0fsgfkdB.js"
    files, _ = discover((str(bundle),), ())
    facts = analyze(files[0], signatures.load(), 10 * 1024 * 1024).freeze()
    assert facts.dynamic_imports is not None and len(facts.dynamic_imports) == 5
    assert spent and spent[0] < 10_000
