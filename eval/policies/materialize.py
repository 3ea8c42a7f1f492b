"""Rebuild the local copy of the labelled policy files (eval/policies/.cache/, git-ignored).

The policy texts are third-party prose and are not committed. Each manifest row names a public
repository, a commit and a path; this script copies that one file out of a local bare mirror of the
repository (one made with the session `fetch` tool, which lands in /work/.mirror/<owner>+<name>/repo)
into .cache/<owner>+<name>/<path>. It never touches the network: a missing mirror is reported with the
`fetch` source to ask for, and the row is skipped.

    python eval/policies/materialize.py            # copy every row that has a mirror
    python eval/policies/materialize.py --check    # also verify line counts and labelled lines
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path, PurePosixPath

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.jsonl"
CACHE = HERE / ".cache"


def rows(manifest: Path) -> list[dict]:
    with manifest.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def mirror_of(mirrors: Path, repo: str) -> Path:
    return mirrors / repo.replace("/", "+") / "repo"


def blob(git_dir: Path, commit: str, path: str) -> bytes | None:
    done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True)
    return done.stdout if done.returncode == 0 else None


def target(row: dict) -> Path:
    rel = PurePosixPath(row["path"])
    if rel.is_absolute() or ".." in rel.parts:
        raise ValueError(f"unsafe path in manifest: {row['path']!r}")
    return CACHE / row["repo"].replace("/", "+") / Path(*rel.parts)


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s)).strip().lower()


def check(row: dict, text: str) -> list[str]:
    """The labels point at lines of this exact text: every labelled line must still hold its needle."""
    problems = []
    lines = text.splitlines()
    if len(lines) != row.get("lines_total", len(lines)):
        problems.append(f"{len(lines)} lines, manifest says {row['lines_total']}")
    for v in row.get("vendors_named", []):
        line = lines[v["line"] - 1] if 0 < v["line"] <= len(lines) else ""
        if norm(v["text"]) not in norm(line):
            problems.append(f"line {v['line']} lacks {v['text']!r} ({v['vendor']})")
    quotes = [(row.get("legitimate_interest_for_recording_line"), row.get("legitimate_interest_for_recording_quote"))]
    quotes += [(o["line"], o["quote"]) for o in row.get("legitimate_interest_other", [])]
    for line_no, quote in quotes:
        if not quote:
            continue
        window = norm(" ".join(lines[line_no - 1 : line_no + 7]))
        if norm(quote) not in window:
            problems.append(f"quote not found from line {line_no}: {quote[:60]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"), help="directory of <owner>+<name>/repo bare mirrors")
    ap.add_argument("--manifest", type=Path, default=MANIFEST)
    ap.add_argument("--check", action="store_true", help="verify line counts and labelled lines against the copies")
    args = ap.parse_args(argv)

    copied, missing, bad = 0, {}, 0
    for row in rows(args.manifest):
        git_dir = mirror_of(args.mirrors, row["repo"])
        data = blob(git_dir, row["commit"], row["path"]) if git_dir.is_dir() else None
        if data is None:
            missing.setdefault(row["repo"], []).append(row["path"])
            continue
        out = target(row)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        copied += 1
        if args.check:
            problems = check(row, data.decode("utf-8", "replace"))
            for p in problems:
                print(f"CHECK {row['id']}: {p}", file=sys.stderr)
            bad += bool(problems)
    print(f"{copied} files copied to {CACHE}")
    for repo, paths in sorted(missing.items()):
        print(f"missing: fetch github:{repo}  ({len(paths)} file(s): {', '.join(paths)})", file=sys.stderr)
    if args.check:
        print(f"{bad} row(s) failed the check")
    return 1 if (missing or bad) else 0


if __name__ == "__main__":
    sys.exit(main())
