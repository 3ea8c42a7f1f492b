"""Score replaylint on the real-world set (issue 9, "How to measure").

Runs the installed ``replaylint scan <file> --format json`` on every cached file of
manifest.jsonl (one process per file, 60 s timeout each, wall time recorded), matches what it
reports against the labels written by reading each file, and prints the figures; ``--out`` also
writes them as Markdown with a per-file table.

Matching (one detection to at most one label, nearest line first):
- a label with status gated / ungated / unverifiable is a live recorder start. A detection matches
  it when the vendor is the same and the detection's line is within 3 lines of the label's line,
  inside the labelled span (``line``..``end_line``, +/-3), or within 3 lines of one of its
  ``alt_lines`` (the same loader's other natural report point, e.g. the URL literal of an
  ``injectScript`` call);
- a label with status commented / inactive is a dead start: it is "handled" when an RL120
  (commented-out) or RL201 (sdk-inactive) finding of the same vendor falls in the same window, and
  a detection there is a false positive (a dead recorder called live).

Figures: recall = matched live labels / live labels; precision = detections matched to a live
label / all detections; verdict accuracy = matched detections whose consent status equals the
label's / matched detections; false gated = detections reported ``gated`` where the label is not
gated, or matching no label; dead handled = dead labels with an RL120/RL201 finding and no
detection. Per shape: the same figures over the files of that shape.

Usage: python eval/realworld/score.py [--replaylint PATH] [--out SCORE.md] [--json RESULTS.json]
Run materialize.py first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from materialize import cache_path, load_manifest  # noqa: E402

LIVE = ("gated", "ungated", "unverifiable")
DEAD = ("commented", "inactive")
TIMEOUT = 60
SLACK = 3


def window_distance(label: dict, line: int) -> int | None:
    """Distance of ``line`` to the label's accepted window, or None when outside it."""
    start = label["line"]
    end = label.get("end_line", start)
    best = None
    if start - SLACK <= line <= end + SLACK:
        best = 0 if start <= line <= end else min(abs(line - start), abs(line - end))
    for alt in label.get("alt_lines", []):
        if abs(line - alt) <= SLACK:
            d = abs(line - alt)
            best = d if best is None else min(best, d)
    return best


def run_tool(exe: str, file: Path) -> dict:
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [exe, "scan", file.name, "--format", "json"],
            cwd=file.parent,
            capture_output=True,
            timeout=TIMEOUT,
            env={**os.environ, "NO_COLOR": "1"},
        )
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "seconds": time.monotonic() - started}
    seconds = time.monotonic() - started
    if proc.returncode not in (0, 1):
        return {"status": "error", "seconds": seconds, "stderr": proc.stderr.decode(errors="replace")[-2000:]}
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        return {"status": "error", "seconds": seconds, "stderr": f"invalid JSON: {exc}"}
    return {"status": "ok", "seconds": seconds, "report": report}


def score_file(entry: dict, result: dict) -> dict:
    labels = entry["labels"]
    report = result.get("report") or {}
    detections = [
        {"vendor": d["vendor"], "line": d["line"], "status": d["consent"]["status"], "via": d.get("via", "")}
        for d in report.get("detections", [])
    ]
    dead_findings = [
        {"rule": f["rule"], "vendor": f.get("vendor"), "line": f.get("line")}
        for f in report.get("findings", [])
        if f["rule"] in ("RL120", "RL130", "RL201") and f.get("line") is not None
    ]
    live = [(i, lab) for i, lab in enumerate(labels) if lab["status"] in LIVE]
    dead = [(i, lab) for i, lab in enumerate(labels) if lab["status"] in DEAD]

    # one-to-one matching, nearest first
    pairs = []
    for di, det in enumerate(detections):
        for li, lab in live:
            if det["vendor"] != lab["vendor"]:
                continue
            dist = window_distance(lab, det["line"])
            if dist is not None:
                pairs.append((dist, di, li))
    pairs.sort()
    det_to_label: dict[int, int] = {}
    label_to_det: dict[int, int] = {}
    for _, di, li in pairs:
        if di in det_to_label or li in label_to_det:
            continue
        det_to_label[di] = li
        label_to_det[li] = di

    rows = []
    for li, lab in live:
        di = label_to_det.get(li)
        if di is None:
            near = [d for d in detections if window_distance(lab, d["line"]) is not None]
            kind = "miss-vendor" if near else "miss"
            rows.append({"kind": kind, "label": lab, "detection": near[0] if near else None})
        else:
            det = detections[di]
            kind = "match" if det["status"] == lab["status"] else "verdict"
            rows.append({"kind": kind, "label": lab, "detection": det})
    for _li, lab in dead:
        live_det = [
            d
            for di, d in enumerate(detections)
            if di not in det_to_label and d["vendor"] == lab["vendor"] and window_distance(lab, d["line"]) is not None
        ]
        noted = [f for f in dead_findings if f["vendor"] == lab["vendor"] and window_distance(lab, f["line"]) is not None]
        if live_det:
            kind = "dead-called-live"
            for d in live_det:
                d["_dead"] = True
        elif noted:
            kind = "dead-handled"
        else:
            kind = "dead-silent"
        rows.append({"kind": kind, "label": lab, "detection": live_det[0] if live_det else None, "finding": noted[0] if noted else None})
    false_pos = [d for di, d in enumerate(detections) if di not in det_to_label]
    for det in false_pos:
        rows.append({"kind": "fp", "label": None, "detection": det})
    return {
        "repo": entry["repo"],
        "path": entry["path"],
        "shape": entry["shape"],
        "status": result["status"],
        "seconds": round(result["seconds"], 3),
        "live_labels": len(live),
        "dead_labels": len(dead),
        "detections": len(detections),
        "rows": rows,
        "stderr": result.get("stderr", ""),
    }


def figures(files: list[dict]) -> dict:
    live = sum(f["live_labels"] for f in files)
    dets = sum(f["detections"] for f in files)
    rows = [r for f in files for r in f["rows"]]
    matched = [r for r in rows if r["kind"] in ("match", "verdict")]
    right = [r for r in matched if r["kind"] == "match"]
    dead = [r for r in rows if r["kind"].startswith("dead-")]
    false_gated = [
        r
        for r in rows
        if r["detection"] is not None
        and r["detection"]["status"] == "gated"
        and ((r["kind"] in ("match", "verdict") and r["label"]["status"] != "gated") or r["kind"] == "fp")
    ]
    return {
        "files": len(files),
        "live_labels": live,
        "detections": dets,
        "matched": len(matched),
        "recall": len(matched) / live if live else None,
        "precision": len(matched) / dets if dets else None,
        "verdict_accuracy": len(right) / len(matched) if matched else None,
        "false_gated": len(false_gated),
        "dead_labels": len(dead),
        "dead_handled": sum(r["kind"] == "dead-handled" for r in dead),
        "dead_called_live": sum(r["kind"] == "dead-called-live" for r in dead),
        "fp": sum(r["kind"] == "fp" for r in rows),
        "timeouts": sum(f["status"] == "timeout" for f in files),
        "errors": sum(f["status"] == "error" for f in files),
    }


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render(files: list[dict], tool_version: str) -> str:
    total = figures(files)
    by_shape: dict[str, list[dict]] = defaultdict(list)
    for f in files:
        key = f["shape"] if not f["shape"].startswith("negative") else "negative"
        by_shape[key].append(f)
    slow = sorted(files, key=lambda f: -f["seconds"])[:5]
    out = [
        f"# Real-world set: {tool_version}",
        "",
        "Produced by `eval/realworld/score.py` (see its docstring for the matching rules).",
        "",
        "| figure | value |",
        "|---|---|",
        f"| files | {total['files']} ({sum(f['shape'].startswith('negative') for f in files)} negatives) |",
        f"| live recorder labels (gated/ungated/unverifiable) | {total['live_labels']} |",
        f"| detections reported | {total['detections']} |",
        f"| **recall** | **{pct(total['recall'])}** ({total['matched']}/{total['live_labels']}) |",
        f"| **precision** | **{pct(total['precision'])}** ({total['matched']}/{total['detections']}) |",
        f"| **verdict accuracy** (among matched) | **{pct(total['verdict_accuracy'])}** |",
        f'| **false "gated"** | **{total["false_gated"]}** |',
        f"| dead labels (commented/inactive) handled by RL120/RL201 | {total['dead_handled']}/{total['dead_labels']} "
        f"({total['dead_called_live']} reported as live recorders) |",
        f"| false positives (unmatched detections) | {total['fp']} |",
        f"| timeouts (60 s) / tool errors | {total['timeouts']} / {total['errors']} |",
        f"| total scan time | {sum(f['seconds'] for f in files):.1f} s |",
        "",
        "Slowest files: " + "; ".join(f"{f['repo']}/{f['path']} {f['seconds']:.2f} s" for f in slow),
        "",
        "## Per shape",
        "",
        "| shape | files | live labels | recall | precision | verdict acc. | false gated | dead handled |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key in sorted(by_shape):
        fig = figures(by_shape[key])
        out.append(
            f"| {key} | {fig['files']} | {fig['live_labels']} | {pct(fig['recall'])} | {pct(fig['precision'])} "
            f"| {pct(fig['verdict_accuracy'])} | {fig['false_gated']} | {fig['dead_handled']}/{fig['dead_labels']} |"
        )
    out += [
        "",
        "## Per file",
        "",
        "Outcome codes: `ok` label matched with the right status; `verdict:L>T` matched, label status L, tool status T; "
        "`miss` no detection; `miss-vendor` a detection at the line under another vendor id; `dead-ok` commented/inactive "
        "noted by RL120/RL201; `dead-silent` nothing reported; `dead-live` reported as a live recorder; `fp:V@N(S)` "
        "unmatched detection of vendor V at line N with status S.",
        "",
        "| repo | path | shape | s | outcomes |",
        "|---|---|---|---|---|",
    ]
    for f in files:
        codes = []
        for r in f["rows"]:
            lab, det = r["label"], r["detection"]
            if r["kind"] == "match":
                codes.append(f"ok {lab['vendor']}@{lab['line']}")
            elif r["kind"] == "verdict":
                codes.append(f"verdict:{lab['status']}>{det['status']} {lab['vendor']}@{lab['line']}")
            elif r["kind"] in ("miss", "miss-vendor"):
                extra = f" (got {det['vendor']})" if det else ""
                codes.append(f"{r['kind']} {lab['vendor']}@{lab['line']}{extra}")
            elif r["kind"] == "dead-handled":
                codes.append(f"dead-ok {lab['vendor']}@{lab['line']}")
            elif r["kind"] == "dead-silent":
                codes.append(f"dead-silent {lab['vendor']}@{lab['line']}")
            elif r["kind"] == "dead-called-live":
                codes.append(f"dead-live {lab['vendor']}@{lab['line']}")
            elif r["kind"] == "fp":
                codes.append(f"fp:{det['vendor']}@{det['line']}({det['status']})")
        if f["status"] != "ok":
            codes.insert(0, f["status"].upper())
        out.append(f"| {f['repo']} | {f['path']} | {f['shape']} | {f['seconds']:.2f} | {'; '.join(codes) or '-'} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replaylint", default=shutil.which("replaylint") or "replaylint")
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    parser.add_argument("--json", type=Path, help="write the raw per-file results here (keep it out of git)")
    parser.add_argument("--only", help="score only files whose repo/path contains this text")
    parser.add_argument("--manifest", type=Path, default=None, help="another manifest of the same form (the held-out set: heldout.jsonl)")
    args = parser.parse_args(argv)
    args.replaylint = shutil.which(args.replaylint) or args.replaylint
    if os.sep in args.replaylint:
        args.replaylint = str(Path(args.replaylint).resolve())

    version = subprocess.run([args.replaylint, "--version"], capture_output=True, text=True).stdout.strip()
    files = []
    for entry in load_manifest(args.manifest) if args.manifest else load_manifest():
        if args.only and args.only not in f"{entry['repo']}/{entry['path']}":
            continue
        target = cache_path(entry)
        if not target.exists():
            print(f"not cached (run materialize.py): {entry['repo']} {entry['path']}", file=sys.stderr)
            return 2
        files.append(score_file(entry, run_tool(args.replaylint, target)))

    total = figures(files)
    print(f"{version}: {total['files']} files")
    for key in ("recall", "precision", "verdict_accuracy"):
        print(f"  {key:17} {pct(total[key])}")
    print(f"  false gated       {total['false_gated']}")
    print(f"  dead handled      {total['dead_handled']}/{total['dead_labels']} (called live: {total['dead_called_live']})")
    print(f"  timeouts/errors   {total['timeouts']}/{total['errors']}")
    slowest = max(files, key=lambda f: f["seconds"])
    print(f"  slowest           {slowest['repo']}/{slowest['path']} {slowest['seconds']:.2f} s")
    if args.out:
        args.out.write_text(render(files, version), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(files, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
