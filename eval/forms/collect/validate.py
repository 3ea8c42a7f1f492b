"""validate.py FILE PREFIX: check a part's records (keys in order and never null, categories, sectors, languages,
commits, no used repository, (repo, path, line) unique) and print each record's source line from its mirror for the
helper to read; never a label. COLLECT_DIR holds used-repos.txt and record-spec.json; MIRRORS the fetched mirrors
(default /work/.mirror)."""

import json
import os
import re
import subprocess
import sys

# The record spec (keys in order, categories, sectors, languages), written by used_repos.py from the project's own
# (eval/forms/score.py, analyzer/signatures/sigschema.py) into the collection folder.
with open(os.path.join(os.environ["COLLECT_DIR"], "record-spec.json"), encoding="utf-8") as spec_file:
    SPEC = json.load(spec_file)
KEYS, CATS, SECTORS, LANGS = SPEC["keys"], set(SPEC["categories"]), set(SPEC["sectors"]), set(SPEC["languages"])
path, prefix = sys.argv[1], sys.argv[2]
used = {line.strip() for line in open(os.path.join(os.environ["COLLECT_DIR"], "used-repos.txt"), encoding="utf-8")}
seen, errors = set(), 0


def err(i, msg):
    global errors
    errors += 1
    print(f"line {i}: {msg}")


for i, line in enumerate(open(path), 1):
    try:
        r = json.loads(line)
    except Exception as e:
        err(i, f"not JSON: {e}")
        continue
    if list(r) != KEYS:
        err(i, f"keys {list(r)}")
    for k, v in r.items():
        if v is None:
            err(i, f"{k} is null")
    if r.get("expected") not in CATS:
        err(i, "expected not a category")
    if r.get("sector") not in SECTORS:
        err(i, f"sector {r.get('sector')}")
    if r.get("lang") not in LANGS:
        err(i, f"lang {r.get('lang')}")
    if not isinstance(r.get("expected_by_context"), bool):
        err(i, "expected_by_context not bool")
    if not isinstance(r.get("options"), list):
        err(i, "options not list")
    if not str(r.get("form", "")).startswith(prefix):
        err(i, f"form {r.get('form')}")
    c = r.get("context")
    if not (isinstance(c, dict) and set(c) == {"title", "headings", "form", "route"}):
        err(i, "context keys")
    if not re.fullmatch(r"[0-9a-f]{40}", str(r.get("commit"))):
        err(i, "commit not 40-hex")
    repo = str(r.get("repo", ""))
    if repo.lower() in used:
        err(i, f"repo {repo} is in used-repos.txt")
    key = (repo, r.get("path"), r.get("line"))
    if key in seen:
        err(i, f"duplicate {key}")
    seen.add(key)
    gd = os.path.join(os.environ.get("MIRRORS", "/work/.mirror"), repo.replace("/", "+", 1), "repo")
    try:
        text = subprocess.run(
            ["git", "--git-dir", gd, "show", f"{r['commit']}:{r['path']}"], capture_output=True, text=True, errors="replace", check=True
        ).stdout.splitlines()
        src = text[r["line"] - 1].strip()[:140]
    except Exception as e:
        err(i, f"cannot read source: {e}")
        src = "?"
    print(f"{i}\t{r.get('form')}\t{r.get('tag')}/{r.get('type')}\t{src}")
print(f"{errors} errors")
sys.exit(1 if errors else 0)
