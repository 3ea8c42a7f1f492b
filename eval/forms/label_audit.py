"""A label-free audit of the field extractor on real repositories (issue 14, README item 32).

The held-out sets show the tool losing more Art. 9 fields between the field level and the file on fresh forms
than on the development set's: much of that is the extractor reading no visible text for a control. Whether a
control has such a text needs no label, so it can be measured on every form file of the repositories whose
trees ``eval/realworld/materialize.py --trees`` wrote (``.trees``): most of their files no record names.

For a seeded sample of those trees, each file the tool reads is read through the read stage
(``analyzer.read.engine.analyze``) with every control kept, unclassified ones too, and each control that
takes input (not hidden, submit, button, image, reset or file) counts as *named* when a text a person sees
names it: its ``label``, ``question``, ``placeholder``, ``legend`` or ``title``, or for a choice its options.
The output is one JSON line per control (``--out``) and a table of controls and unnamed controls per file
suffix. Comparing two runs (``--compare OLD.jsonl NEW.jsonl``) lists the controls whose texts or category
changed, to read a sample of them by eye: a text gained is only an improvement if it is the text a person
reads there.

    python eval/forms/label_audit.py --sample 200 --seed 31 --out /tmp/audit.jsonl
    python eval/forms/label_audit.py --compare /tmp/old.jsonl /tmp/new.jsonl --show 40

Nothing is executed and nothing is fetched: the trees are read as they are on disk. ``ROOT`` (environment)
names another checkout of the tool to audit (an older commit, for a before/after on the same sample).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, os.environ.get("ROOT", str(HERE.parent.parent)))

NAMING = ("label", "question", "placeholder", "legend", "title")
NOT_INPUT = frozenset({"hidden", "submit", "button", "image", "reset", "file"})
CHOICES = ("radio", "checkbox", "select")
UNCLASSIFIED = "UNCLASSIFIED"


def audit(trees: Path, sample: int, seed: int, out: Path) -> dict[tuple[str, str], int]:
    """Read ``sample`` trees (seeded) and write each control; returns counts by (suffix, "all"/"unnamed")."""
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import discover
    from analyzer.read.engine import analyze

    with fieldfacts.every_control(UNCLASSIFIED):
        return _audit(trees, sample, seed, out, signatures.load(), discover, analyze)


def _audit(trees: Path, sample: int, seed: int, out: Path, db, discover, analyze) -> dict[tuple[str, str], int]:
    folders = sorted(p for p in trees.iterdir() if p.is_dir())
    random.Random(seed).shuffle(folders)
    counts: collections.Counter[tuple[str, str]] = collections.Counter()
    with out.open("w", encoding="utf-8") as fh:
        for folder in folders[:sample]:
            roots = [d for d in folder.iterdir() if d.is_dir()]
            if not roots:
                continue
            files, _ = discover((str(roots[0]),), (), False, set(), False)
            _install_builders(files)
            for f in files:
                if f.kind in ("json", "text", "sourcemap", "binary", "css"):
                    continue
                try:
                    facts = analyze(f, db, 2_000_000)
                except Exception as exc:  # an audit of the tool: a crash is a finding, not a reason to stop
                    print(f"error: {f.display}: {exc!r}", file=sys.stderr)
                    continue
                shown, root = Path(f.display).resolve(), roots[0].resolve()
                rel = shown.relative_to(root).as_posix() if shown.is_relative_to(root) else f.display
                for s in facts.fields:
                    if s.type in NOT_INPUT:
                        continue
                    named = any(s.texts.get(k) for k in NAMING) or (s.type in CHOICES and bool(s.texts.get("options")))
                    suffix = Path(rel).suffix
                    counts[suffix, "all"] += 1
                    counts[suffix, "unnamed"] += not named
                    texts = {k: v[:60] for k, v in s.texts.items()}
                    row = [folder.name, rel, s.line, s.tag, s.type, named, texts, s.classification.category]
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return dict(counts)


def _install_builders(files: list) -> None:
    """The tree's own PHP form builders, as a scan collects them before its pages (analyzer/parse/php_builders.py);
    nothing for a checkout of the tool that predates them (``ROOT``)."""
    try:
        from analyzer import scan
        from analyzer.parse import php_builders
    except ImportError:
        return
    php_builders.install(php_builders.collect(scan._php_sources(files, 2_000_000)))


def compare(old: Path, new: Path, show: int, seed: int) -> None:
    """The controls whose texts or category changed between two runs on the same sample."""

    def relative(r: list) -> str:  # a run made before paths were written relative to the tree: its tail
        at = r[1].find(f"/{r[0]}/")
        return r[1][at + len(r[0]) + 2 :].split("/", 1)[-1] if at >= 0 else r[1]

    def rows(path: Path) -> dict[tuple, list]:
        return {(r[0], relative(r), r[2], r[3], r[4]): r for r in map(json.loads, path.open(encoding="utf-8"))}

    a, b = rows(old), rows(new)
    both = [k for k in a if k in b]
    texts = [k for k in both if a[k][6] != b[k][6]]
    category = [k for k in both if a[k][7] != b[k][7]]
    print(f"controls in both runs: {len(both)}; unnamed: {sum(not a[k][5] for k in both)} -> {sum(not b[k][5] for k in both)}")
    print(f"texts changed: {len(texts)} (in {len({k[0] for k in texts})} repositories); category changed: {len(category)}")
    print(collections.Counter((a[k][7], b[k][7]) for k in category).most_common())
    for k in random.Random(seed).sample(texts, min(show, len(texts))):
        gained = {f: v for f, v in b[k][6].items() if a[k][6].get(f) != v}
        print(f"  {k[0][:30]} {k[1][-45:]}:{k[2]} {k[4]} {gained} {a[k][7]} -> {b[k][7]}")
    for k in category:
        print(f"  category: {k[0][:30]} {k[1][-45:]}:{k[2]} {k[4]} {b[k][6]} {a[k][7]} -> {b[k][7]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trees", type=Path, default=HERE / ".trees")
    ap.add_argument("--sample", type=int, default=200, help="trees read (seeded sample)")
    ap.add_argument("--seed", type=int, default=31)
    ap.add_argument("--out", type=Path, help="one JSON line per control")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    ap.add_argument("--show", type=int, default=30, help="changed controls listed by --compare")
    args = ap.parse_args(argv)
    if args.compare:
        compare(*args.compare, args.show, args.seed)
        return 0
    if args.out is None:
        ap.error("--out is required to audit")
    started = time.perf_counter()
    counts = audit(args.trees, args.sample, args.seed, args.out)
    print(f"{args.sample} trees, seed {args.seed}, {time.perf_counter() - started:.0f} s")
    print("| suffix | controls | unnamed | share |\n|---|---|---|---|")
    for suffix in sorted({s for s, _ in counts}, key=lambda s: -counts[s, "all"]):
        total, unnamed = counts[suffix, "all"], counts.get((suffix, "unnamed"), 0)
        print(f"| {suffix or '(none)'} | {total} | {unnamed} | {unnamed / total:.3f} |")
    total = sum(v for (_, k), v in counts.items() if k == "all")
    unnamed = sum(v for (_, k), v in counts.items() if k == "unnamed")
    print(f"| all | {total} | {unnamed} | {unnamed / max(total, 1):.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
