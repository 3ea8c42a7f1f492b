"""Write the used list a blind collection checks candidates against: every repository of every evaluation and fixture
set, every repository named in an evaluation or fixture note, and every fetched mirror, one ``owner/name`` a line in lower
case (a superset: a path that looks like ``owner/name`` in a note is listed too, which only drops a candidate); and
beside it ``record-spec.json``, the record's keys, categories, sectors and languages ``validate.py`` checks.

    python eval/forms/collect/used_repos.py COLLECT_DIR/used-repos.txt [--mirrors /work/.mirror]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "eval" / "forms")]
import score  # noqa: E402 (the sets' own record spec)

from analyzer.signatures.sigschema import FIELD_CATEGORIES, LANGUAGES  # noqa: E402

_NAMED = re.compile(r"(?<![\w./-])([A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100})(?![\w/])")


def used(mirrors: Path | None) -> set[str]:
    repos: set[str] = set()
    for path in list(ROOT.glob("eval/**/*.jsonl")) + list(ROOT.glob("fixtures/**/*.jsonl")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            for key in ("repo", "repository", "source_repo"):
                value = rec.get(key) if isinstance(rec, dict) else None
                if isinstance(value, str) and "/" in value:
                    repos.add(value.strip().lower())
    notes = [
        *ROOT.glob("eval/**/*.md"),
        *ROOT.glob("fixtures/**/*.md"),
        *ROOT.glob("fixtures/**/SOURCE*"),
        *ROOT.glob("fixtures/**/LICENSE*"),
    ]
    for path in notes:
        for m in _NAMED.finditer(path.read_text(encoding="utf-8", errors="replace")):
            name = m.group(1).rstrip(".")
            if "." not in name.split("/")[0]:
                repos.add(name.lower())
    if mirrors is not None and mirrors.is_dir():
        repos |= {d.replace("+", "/", 1).lower().removesuffix(".git") for d in os.listdir(mirrors) if "+" in d}
    return repos


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    args = ap.parse_args()
    repos = used(args.mirrors)
    args.out.write_text("\n".join(sorted(repos)) + "\n", encoding="utf-8")
    spec = {
        "keys": list(score.RECORD_KEYS),
        "categories": [*FIELD_CATEGORIES, "none"],
        "sectors": list(score.SECTORS),
        "languages": list(LANGUAGES),
    }
    (args.out.parent / "record-spec.json").write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(f"{len(repos)} names -> {args.out}; the record spec beside it")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
