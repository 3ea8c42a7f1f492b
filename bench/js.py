"""JS-heavy benchmark: replaylint on built bundles against a tree-sitter parse-only floor.

The input is the bundle corpus (fixtures/bundles: official recorder SDKs built by Vite, Rollup,
webpack 5, esbuild and Next.js, ~24 MB of JavaScript with their pages) copied into dists of four
sizes (a quarter, half, all, and all twice). For each size, in one run and as whole processes:

- the **floor**: a process that only reads and tree-sitter-parses every JS file of the dist with
  the grammar replaylint would use (what any analysis of those files must pay);
- ``replaylint scan --format json --jobs 1`` on the same dist;
- the ratio floor/scan (1.0 = as fast as parsing alone), the same ratio of their CPU time (user +
  system: steadier than wall time when other processes share the cores), the scan's peak RSS, and
  the slowest single file (timed in-process, one analysis per file).

With ``--repeat N`` (default 3) the floor and the scan run alternately N times each (floor, scan,
floor, scan, ...) and the table gives the median of each, with the spread of the N ratios: on a
shared box the load drifts over the minutes a size takes, and a single floor/scan pair measured a
minute apart can move the ratio by a quarter either way. The slowest file is the median of N too.

Quote ratios: this is a noisy 2-core machine. Usage: ``python bench/js.py [--sizes 0.25,0.5,1,2] [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUNDLES = ROOT / "fixtures" / "bundles"
OUT = HERE / "out"

FLOOR = """
import os, sys, tree_sitter, tree_sitter_javascript, tree_sitter_typescript
js = tree_sitter.Parser(tree_sitter.Language(tree_sitter_javascript.language()))
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith((".js", ".mjs", ".cjs")):
            with open(os.path.join(folder, name), "rb") as fh:
                js.parse(fh.read())
"""

MEASURE = """
import resource, sys, time
from analyzer.cli import main
t = time.perf_counter()
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write("BENCH %f %d\\n" % (time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""

SLOWEST = """
import json, sys, time
from pathlib import Path
from analyzer import signatures
from analyzer.read.discover import discover
from analyzer.read.engine import analyze
db = signatures.load()
files, _ = discover((sys.argv[1],), ())
worst = (0.0, "")
for f in files:
    if f.kind not in ("js", "ts"):
        continue
    t = time.perf_counter()
    analyze(f, db, 10 * 1024 * 1024)
    worst = max(worst, (time.perf_counter() - t, f.display))
print(json.dumps({"seconds": worst[0], "file": worst[1]}))
"""


def _cases() -> list[Path]:
    """Every dist/ of the corpus and of the four older bundle fixtures, in name order."""
    return sorted(p for p in BUNDLES.glob("**/dist") if p.is_dir() and "node_modules" not in p.parts)


def _js_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*.js"))


def build(fraction: float) -> tuple[Path, int, int]:
    """A dist holding the corpus cases up to ``fraction`` of its JavaScript (whole copies of the
    corpus beyond 1.0), made once; returns it with its JS bytes and file count."""
    site = OUT / f"js-{fraction:g}"
    if not site.exists():
        tmp = site.with_name(site.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        cases = _cases()
        total = sum(_js_bytes(c) for c in cases)
        copies, rest = int(fraction), fraction - int(fraction)
        for k in range(copies):
            for case in cases:
                shutil.copytree(case, tmp / f"copy{k}" / case.parent.name)
        budget, taken = rest * total, 0
        for case in cases:
            if taken >= budget:
                break
            shutil.copytree(case, tmp / "part" / case.parent.name)
            taken += _js_bytes(case)
        tmp.rename(site)
    files = list(site.rglob("*.js"))
    return site, sum(p.stat().st_size for p in files), len(files)


# The children read compiled bytecode for replaylint's modules, as an installed package does (pip
# compiles on install; the standard library and the venv's packages have theirs): this machine sets
# PYTHONDONTWRITEBYTECODE, and compiling the package on every run would add half a second that no
# user pays. compileall writes the (git-ignored) __pycache__ folders whatever that variable says.
# The bench measures the steady state of an installed tool.
def _compile() -> None:
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "analyzer")], check=True)
    # The signature cache too (analyzer/signatures/cache.py): every run after the first reads it.
    subprocess.run([sys.executable, "-c", "from analyzer import signatures; signatures.load()"], check=True, cwd=ROOT)


def _child_cpu() -> float:
    """User + system CPU seconds of the finished child processes so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def floor(site: Path) -> tuple[float, float]:
    """Wall and CPU seconds of the parse-only process."""
    start, cpu = time.perf_counter(), _child_cpu()
    subprocess.run([sys.executable, "-c", FLOOR, str(site)], check=True)
    return time.perf_counter() - start, _child_cpu() - cpu


def scan(site: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of the scan process, and its peak RSS (KiB)."""
    start, cpu = time.perf_counter(), _child_cpu()
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, "scan", str(site), "--format", "json", "-o", "/dev/null", "--jobs", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    wall, used = time.perf_counter() - start, _child_cpu() - cpu
    line = next((x for x in proc.stderr.splitlines() if x.startswith("BENCH ")), None)
    if line is None:
        raise SystemExit(f"scan failed: {proc.stderr[-2000:]}")
    return wall, used, int(line.split()[2])


def slowest(site: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", SLOWEST, str(site)], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="0.25,0.5,1,2", help="fractions of the corpus's JavaScript")
    ap.add_argument("--repeat", type=int, default=3, help="alternating floor/scan runs per size (medians reported)")
    args = ap.parse_args()
    _compile()
    print("| JS | files | floor (parse only) | replaylint --jobs 1 | ratio (range) | CPU ratio (range) | peak RSS | slowest file |")
    print("|---|---|---|---|---|---|---|---|")
    for fraction in (float(x) for x in args.sizes.split(",")):
        site, size, count = build(fraction)
        runs = []
        for _ in range(max(1, args.repeat)):
            runs.append((floor(site), scan(site), slowest(site)))
        f = statistics.median(r[0][0] for r in runs)
        s = statistics.median(r[1][0] for r in runs)
        ratios = sorted(r[0][0] / r[1][0] for r in runs)
        cpu = sorted(r[0][1] / r[1][1] for r in runs)
        rss = max(r[1][2] for r in runs)
        worst = sorted((r[2] for r in runs), key=lambda w: w["seconds"])[len(runs) // 2]
        print(
            f"| {size / 1e6:.1f} MB | {count} | {f:.1f} s | {s:.1f} s | {statistics.median(ratios):.2f}x ({_span(ratios)}) "
            f"| {statistics.median(cpu):.2f}x ({_span(cpu)}) | {rss / 1024:.0f} MiB "
            f"| {worst['seconds']:.2f} s ({Path(worst['file']).name}) |",
            flush=True,
        )


def _span(values: list[float]) -> str:
    return f"{values[0]:.2f}-{values[-1]:.2f}" if len(values) > 1 else "one run"


if __name__ == "__main__":
    main()
