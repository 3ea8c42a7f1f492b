"""Recreate the evaluation cache from local git mirrors.

Every file of the real-world set is named in manifest.jsonl by repository, path and commit; no
third-party content is committed. This script reads each file out of a bare mirror of its
repository (``git --git-dir=<mirror> show <commit>:<path>``) and writes it to
``.cache/<owner>+<name>/<path>``, keeping the repository-relative path because extensions and
folder names matter to the tool.

Mirrors are looked up under ``--mirrors`` (default ``/work/.mirror``, where the team's fetch tool
puts them, as ``<owner>+<name>/repo`` or ``<owner>+<name>/repo/.git``). The script never touches the
network: a repository without a local mirror is reported and skipped. Files listed in README.md as
"saved by hand" are expected to be in the cache already and are only checked.

Usage: python eval/realworld/materialize.py [--mirrors DIR] [--force]
       python eval/realworld/materialize.py --manifest eval/forms/dev.jsonl --cache eval/forms/.cache

The real-form sets of issue 14 (eval/forms/*.jsonl) name their records' files the same way, one
record per form control; each file is written once.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.jsonl"
CACHE = HERE / ".cache"


def load_manifest(path: Path = MANIFEST) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def cache_path(entry: dict, cache: Path = CACHE) -> Path:
    return cache / entry["repo"].replace("/", "+") / entry["path"]


def git_dir(mirrors: Path, repo: str) -> Path | None:
    base = mirrors / repo.replace("/", "+") / "repo"
    for candidate in (base / ".git", base):
        if (candidate / "objects").is_dir():
            return candidate
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--force", action="store_true", help="rewrite files already in the cache")
    parser.add_argument(
        "--manifest", type=Path, default=MANIFEST, help="another manifest of the same form (the held-out set: heldout.jsonl)"
    )
    parser.add_argument("--cache", type=Path, default=CACHE, help="where to write the files (default: eval/realworld/.cache)")
    args = parser.parse_args(argv)

    # One file per (repository, path, commit): a forms manifest names a file once per control.
    entries = list({(e["repo"], e["path"], e["commit"]): e for e in load_manifest(args.manifest)}.values())
    written = kept = 0
    missing: list[str] = []
    for entry in entries:
        target = cache_path(entry, args.cache)
        if target.exists() and not args.force:
            kept += 1
            continue
        gdir = git_dir(args.mirrors, entry["repo"])
        if gdir is None:
            missing.append(f"{entry['repo']}: no mirror under {args.mirrors}")
            continue
        spec = f"{entry['commit']}:{entry['path']}"
        result = subprocess.run(["git", "--git-dir", str(gdir), "show", spec], capture_output=True)
        if result.returncode != 0:
            missing.append(f"{entry['repo']} {spec}: {result.stderr.decode(errors='replace').strip()}")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(result.stdout)
        written += 1

    print(f"{len(entries)} files: {written} written, {kept} already cached, {len(missing)} missing")
    for line in missing:
        print("  missing:", line, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
