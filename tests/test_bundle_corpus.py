"""The bundle corpus (fixtures/bundles/corpus): official recorder SDKs built from npm by Vite,
Rollup, webpack 5, esbuild and Next.js, each with expectations written from its source before the
tool ran (the corpus README). Every case must get the right vendor, verdict, file, original line,
page links, inactive SDKs and fields, with no extra detection, in a bounded time.

Cases that are still read wrong are listed in KNOWN with the reason; they are strict xfails, so a
fix that makes one right fails the suite until it is moved out of the list.
"""

from __future__ import annotations

import importlib.util
import json
import os
import time
from pathlib import Path

import pytest

from analyzer.model import Severity
from analyzer.report import ReportOptions
from analyzer.report.json_report import document
from analyzer.scan import ScanOptions, run
from tests.conftest import FIXTURES

CORPUS = FIXTURES / "bundles" / "corpus"
CASES = sorted(p.parent.name for p in CORPUS.glob("*/expected.json"))
# Seconds a case may take in-process (the slowest takes ~2 s on the 2-core box; margin for load).
MAX_SECONDS = 20

# Read wrong today, and why (see the closing note of issue 8).
KNOWN: dict[str, str] = {}


def _scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


SCORE = _scorer()


def _problems(case: Path, report: dict) -> list[str]:
    scored = SCORE.score_case(case, report)
    out = []
    for row in scored["rows"]:
        e = row["expected"]
        wrong = [k for k in SCORE.ITEMS if not row[k]]
        if wrong:
            got = row["got"]
            seen = (
                "not reported"
                if got is None
                else f"{got['consent']['status']} at {got['path']}:{got['line']} ({got['consent']['evidence'][:120]})"
            )
            out.append(f"{e['vendor']} {e['status']}: wrong {', '.join(wrong)}; got {seen}")
    out += [f"inactive {x['vendor']} reported" for x in scored["inactive"] if not x["ok"]]
    out += [f"field {x['field']['name']} wrong" for x in scored["fields"] if not x["ok"]]
    out += [f"extra {d['vendor']} {d['consent']['status']} at {d['path']}:{d['line']} via {d['via']}" for d in scored["extra"]]
    return out


@pytest.mark.parametrize(
    "name",
    [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN[c])) if c in KNOWN else c for c in CASES],
)
def test_corpus_case(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CORPUS / name
    monkeypatch.chdir(case)  # reported paths read "dist/…", as the expectations do
    started = time.perf_counter()
    result = run(ScanOptions(paths=("dist",)))
    elapsed = time.perf_counter() - started
    report = json.loads(json.dumps(document(result, ReportOptions(fail_on=Severity.HIGH))))
    assert elapsed < MAX_SECONDS, f"{name} took {elapsed:.1f} s"
    assert not [d for d in report["diagnostics"] if d["code"] in ("internal-error", "analysis-budget")], report["diagnostics"]
    problems = _problems(case, report)
    assert not problems, "\n".join(problems)


def test_the_corpus_is_what_the_issue_asks_for() -> None:
    assert len(CASES) >= 60
    bundlers = {json.loads((CORPUS / c / "expected.json").read_text())["bundler"].split()[0].lower() for c in CASES}
    assert {"vite", "rollup", "webpack", "esbuild", "next"} <= bundlers, bundlers
    assert all(os.listdir(CORPUS / c / "dist") for c in CASES)
