"""Issue 13's "Done when" inputs at full size, each timed through the engine in a child process
with a deadline: 200k form fields, 20k form fields each under its own heading, a 20k-tag GTM export,
and every 100 KB template soup.

    python bench/hostile.py              # all of them, 60 s deadline each
    python bench/hostile.py --only gtm   # one stage (fields, sections, gtm, soup, padded)

Prints one line per input and the slowest input per stage. The generators are the test suite's
(tests/hostile.py); the JavaScript stage (deep nesting, large bundles) belongs to issue 8.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests import hostile  # noqa: E402

CHILD = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {root!r})
from tests import hostile
from analyzer import signatures
from analyzer.read.discover import SourceFile, classify
from analyzer.read.engine import analyze
stage, arg, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
name, data = {{"fields": lambda: hostile.form_fields(size), "sections": lambda: hostile.sectioned_fields(size),
               "gtm": lambda: hostile.gtm_export(size),
               "soup": lambda: hostile.template_soup(*arg.split("|"), size), "padded": lambda: hostile.padded(arg, size)}}[stage]()
folder = Path(tempfile.mkdtemp())
path = folder / name
path.write_bytes(data)
db = signatures.load()
start = time.perf_counter()
result = analyze(SourceFile(path, name, classify(path) or "html", folder), db, 10 * 1024 * 1024)
print(f"{{time.perf_counter() - start:.2f}} {{len(result.detections)}} {{len(result.fields)}}")
"""


def inputs(only: str | None) -> list[tuple[str, str, int]]:
    out = [("fields", "-", 200_000), ("sections", "-", 20_000), ("gtm", "-", 20_000)]
    out += [("soup", f"{o}|{s}", 100_000) for o in hostile.SOUP_OPENERS for s in hostile.SOUP_SUFFIXES]
    out += [("padded", name, 100_000) for name in hostile.PADDED]
    return [i for i in out if only in (None, i[0])]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--only", choices=["fields", "sections", "gtm", "soup", "padded"])
    ap.add_argument("--deadline", type=float, default=60.0)
    args = ap.parse_args()
    slowest: dict[str, tuple[float, str]] = {}
    for stage, arg, size in inputs(args.only):
        label = f"{stage} {arg} {size:,}"
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                [sys.executable, "-c", CHILD.format(root=str(ROOT)), stage, arg, str(size)],
                capture_output=True,
                text=True,
                timeout=args.deadline,
            )
            seconds, detections, fields = proc.stdout.split()
            took = float(seconds)
            print(f"{label:<40} {took:7.2f} s  detections={detections} fields={fields}")
        except (subprocess.TimeoutExpired, ValueError):
            took = time.perf_counter() - start
            print(f"{label:<40} > {args.deadline:.0f} s (did not finish)")
        if took > slowest.get(stage, (-1.0, ""))[0]:
            slowest[stage] = (took, label)
    print("slowest per stage:")
    for stage, (took, label) in slowest.items():
        print(f"  {stage:<7} {took:7.2f} s  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
