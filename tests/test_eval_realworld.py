"""The real-world evaluation's manifest is well formed and its scorer matches as documented."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval" / "realworld"


def _score_module():
    spec = importlib.util.spec_from_file_location("realworld_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_manifest_entries_are_complete_and_use_known_vendor_ids():
    vendors = {p.stem for p in (ROOT / "signatures" / "vendors").glob("*.toml")}
    entries = [json.loads(line) for line in (EVAL / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line]
    assert len(entries) >= 150
    assert len({e["repo"] for e in entries}) >= 80
    seen = set()
    for e in entries:
        assert re.fullmatch(r"[0-9a-f]{40}", e["commit"]), e
        assert (e["repo"], e["path"]) not in seen
        seen.add((e["repo"], e["path"]))
        assert re.fullmatch(r"group-[1-8]|negative:[a-z-]+", e["shape"]), e["shape"]
        if e["shape"].startswith("negative"):
            assert e["labels"] == []
        for label in e["labels"]:
            assert label["vendor"] in vendors, label
            assert label["status"] in ("gated", "ungated", "unverifiable", "commented", "inactive")
            assert label["line"] >= 1 and label.get("end_line", label["line"]) >= label["line"]
            assert label["why"]


def _entry(*labels):
    return {"repo": "o/r", "path": "p.html", "shape": "group-8", "labels": list(labels)}


def _report(detections=(), findings=()):
    return {
        "status": "ok",
        "seconds": 0.1,
        "report": {
            "detections": [{"vendor": v, "line": n, "consent": {"status": s}, "via": "x"} for v, n, s in detections],
            "findings": [{"rule": r, "vendor": v, "line": n} for r, v, n in findings],
        },
    }


def test_matching_uses_the_span_the_slack_and_alt_lines_one_to_one():
    score = _score_module()
    span = {"vendor": "hotjar", "line": 10, "end_line": 20, "status": "ungated", "why": "w"}
    alt = {"vendor": "clarity", "line": 100, "alt_lines": [50], "status": "unverifiable", "why": "w"}
    result = score.score_file(
        _entry(span, alt),
        _report(
            [
                ("hotjar", 22, "ungated"),  # inside the span + 3
                ("hotjar", 15, "ungated"),  # a second report of the same start: false positive
                ("clarity", 52, "ungated"),  # near the alt line, wrong status
                ("clarity", 200, "ungated"),  # nowhere near a label
            ]
        ),
    )
    kinds = sorted(row["kind"] for row in result["rows"])
    assert kinds == ["fp", "fp", "match", "verdict"]
    figures = score.figures([result])
    assert figures["recall"] == 1.0 and figures["precision"] == 0.5 and figures["verdict_accuracy"] == 0.5


def test_dead_labels_want_a_finding_and_a_live_report_is_a_false_positive():
    score = _score_module()
    commented = {"vendor": "clarity", "line": 14, "status": "commented", "why": "w"}
    broken = {"vendor": "hotjar", "line": 40, "status": "inactive", "why": "w"}
    result = score.score_file(
        _entry(commented, broken), _report(detections=[("hotjar", 41, "ungated")], findings=[("RL120", "clarity", 15)])
    )
    kinds = sorted(row["kind"] for row in result["rows"])
    assert kinds == ["dead-called-live", "dead-handled", "fp"]
    figures = score.figures([result])
    assert figures["precision"] == 0.0 and figures["dead_handled"] == 1


def test_a_gated_report_where_the_label_is_not_gated_counts_as_false_gated():
    score = _score_module()
    label = {"vendor": "hotjar", "line": 5, "status": "unverifiable", "why": "w"}
    result = score.score_file(_entry(label), _report([("hotjar", 5, "gated"), ("clarity", 90, "gated")]))
    assert score.figures([result])["false_gated"] == 2
