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
       python eval/realworld/materialize.py --manifest eval/forms/dev.jsonl --trees eval/forms/.trees

The real-form sets of issue 14 (eval/forms/*.jsonl) name their records' files the same way, one
record per form control; each file is written once. With ``--trees`` every file of each named commit
that replaylint reads (by the name ``analyzer.read.discover`` classifies, outside the folders it skips,
at most 2 MB) is written to ``<trees>/<owner>+<name>@<commit[:12]>/<name>/``, so a form's repository can be
scanned whole, as a user scans a clone of it (``eval/forms/score.py --site-e2e``). A tree with more than
``--tree-limit`` MB of such files is not written (listed as skipped).
"""

from __future__ import annotations

import argparse
import hashlib
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
    parser.add_argument("--trees", type=Path, help="write each named commit's readable files here instead (whole-repository scans)")
    parser.add_argument("--tree-limit", type=int, default=150, help="skip a tree with more readable MB than this (default 150)")
    args = parser.parse_args(argv)
    if args.trees is not None:
        return write_trees(load_manifest(args.manifest), args.mirrors, args.trees, args.tree_limit)

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


TREE_FILE_LIMIT = 2_000_000  # bytes: larger files are left out of a tree


def tree_dir(trees: Path, repo: str, commit: str) -> Path:
    """Where a commit's tree is written: a folder named as ``git clone`` names it, inside one per commit."""
    return trees / f"{repo.replace('/', '+')}@{commit[:12]}" / repo.rsplit("/", 1)[-1]


def write_trees(entries: list[dict], mirrors: Path, trees: Path, limit_mb: int) -> int:
    """Write each (repository, commit)'s readable files to its tree folder, once (a ``.complete``
    marker is written last, naming the commit and which files the tool reads: when the tool comes to read
    more kinds of file, ``.properties`` catalogues, a tree is completed with the files it lacks)."""
    sys.path.insert(0, str(HERE.parent.parent))
    from analyzer.read.discover import _KINDS, SKIP_DIRS, classify

    reads = hashlib.sha256(repr(_KINDS).encode()).hexdigest()[:12]

    commits = sorted({(e["repo"], e["commit"]) for e in entries})
    written = kept = 0
    skipped: list[str] = []
    for repo, commit in commits:
        target = tree_dir(trees, repo, commit)
        marker = target / ".complete"
        if marker.exists() and marker.read_text().split()[1:2] == [reads]:
            kept += 1
            continue
        gdir = git_dir(mirrors, repo)
        if gdir is None:
            skipped.append(f"{repo}: no mirror under {mirrors}")
            continue
        listing = subprocess.run(
            ["git", "--git-dir", str(gdir), "ls-tree", "-r", "-l", "-z", commit],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="surrogateescape",  # a path not in UTF-8 is written as its bytes
        )
        if listing.returncode != 0:
            skipped.append(f"{repo}@{commit[:12]}: {listing.stderr.strip()}")
            continue
        wanted: set[str] = set()
        total = 0
        for line in listing.stdout.split("\0"):  # -z: paths unquoted, as written (non-ASCII names)
            meta, _, path = line.partition("\t")
            if not path:
                continue
            kind, size = meta.split()[1], meta.split()[3]
            if kind != "blob" or not size.isdigit() or int(size) > TREE_FILE_LIMIT:
                continue
            if any(part in SKIP_DIRS for part in path.split("/")[:-1]) or classify(Path(path)) is None:
                continue
            if (target / path).exists():  # written before: a tree completed with the kinds read since
                continue
            wanted.add(path)
            total += int(size)
        if total > limit_mb * 1_000_000:
            skipped.append(f"{repo}@{commit[:12]}: {total / 1e6:.0f} MB of readable files (limit {limit_mb} MB)")
            continue
        # One cat-file process per tree; a blob the mirror lacks (its largest files may be absent) answers "missing".
        batch = subprocess.run(
            ["git", "--git-dir", str(gdir), "cat-file", "--batch"],
            input="".join(f"{commit}:{p}\n" for p in sorted(wanted)).encode("utf-8", "surrogateescape"),
            capture_output=True,
        )
        out, at = batch.stdout, 0
        for path in sorted(wanted):
            end = out.index(b"\n", at)
            header = out[at:end].split()
            at = end + 1
            if len(header) != 3 or header[1] != b"blob":
                continue
            size = int(header[2])
            file = target / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(out[at : at + size])
            at += size + 1
        target.mkdir(parents=True, exist_ok=True)
        marker.write_text(f"{commit}\n{reads}\n")
        written += 1
    print(f"{len(commits)} trees: {written} written, {kept} already there, {len(skipped)} skipped")
    for line in skipped:
        print("  skipped:", line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
