"""Benchmark: replaylint against a floor that only lxml-parses every HTML file, in the same run.

Prints throughput of the floor, of ``replaylint scan --jobs 1`` and ``--jobs 2`` (whole CLI runs,
start-up included), their ratios, peak memory at two site sizes, and the wall time of a one-file
scan (the pre-commit case). Ratios, not absolute times, are the figures to quote: this is a noisy
2-core machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

MEASURE = """
import resource, sys, time
sys.argv = ["replaylint"] + sys.argv[1:]
from analyzer.cli import main
t = time.perf_counter()
code = main(sys.argv[1:])
sys.stderr.write("BENCH %f %d\\n" % (time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


FLOOR = """
import os, sys, lxml.html
parser = lxml.html.HTMLParser(huge_tree=True)
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".html"):
            with open(os.path.join(folder, name), "rb") as fh:
                lxml.html.document_fromstring(fh.read(), parser=parser)
"""


def floor(site: Path) -> float:
    """A whole process that only reads and lxml-parses every HTML file: what any scan must pay."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", FLOOR, str(site)], check=True)
    return time.perf_counter() - start


def replaylint(site: Path, *args: str) -> tuple[float, int, dict]:
    """Wall time of the whole CLI process, its peak RSS (KiB), and the JSON summary."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, "scan", str(site), "--format", "json", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"replaylint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    rss = int(proc.stderr.strip().splitlines()[-1].split()[2])
    return wall, rss, json.loads(proc.stdout)["summary"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args()
    site = args.out / f"site-{args.pages}"
    small = args.out / "site-500"
    if not site.exists():
        generate(site, args.pages)
    if not small.exists():
        generate(small, 500)
    html_bytes = sum(p.stat().st_size for p in site.rglob("*.html"))
    mb = html_bytes / 1e6

    floor_s = min(floor(site) for _ in range(2))
    one_s, one_rss, summary = min(replaylint(site, "--jobs", "1") for _ in range(2))
    two_s, _, _ = min(replaylint(site, "--jobs", "2") for _ in range(2))
    _, small_rss, _ = replaylint(small, "--jobs", "1")
    single = next(site.rglob("page-1.html"))
    single_s = min(replaylint(single)[0] for _ in range(3))

    print(
        f"site: {args.pages} pages, {mb:.1f} MB of HTML, {summary['files']} files scanned, {summary['parsed']} parsed, "
        f"{summary['detections']} detections"
    )
    print("(whole processes, start-up included, best of 2)")
    print(f"floor (lxml parse only, 1 process): {floor_s:.2f}s  {mb / floor_s:.1f} MB/s")
    print(f"replaylint --jobs 1:               {one_s:.2f}s  {mb / one_s:.1f} MB/s  ratio to floor {floor_s / one_s:.2f}x (target >= 0.5x)")
    print(
        f"replaylint --jobs 2:               {two_s:.2f}s  {mb / two_s:.1f} MB/s  speed-up over --jobs 1 {one_s / two_s:.2f}x (target >= "
        "1.7x)"
    )
    print(f"peak RSS --jobs 1: 500 pages {small_rss / 1024:.0f} MiB, {args.pages} pages {one_rss / 1024:.0f} MiB")
    print(f"one-file scan (pre-commit case), best of 3: {single_s:.3f}s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
