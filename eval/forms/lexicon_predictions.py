"""What a checkout's classifier answered for each record of its held-out set, for simulating a blind
score of the learned field model (train_field_model.py --test-set … --lexicon …).

    git worktree add --detach /tmp/at-10 eab4470        # the commit a held-out set was first scored at
    python eval/forms/lexicon_predictions.py /tmp/at-10 /tmp/lex10.json
    git show eab4470:eval/forms/heldout.jsonl > /tmp/set10.jsonl

It imports the checkout's own analyzer and score.py (that commit's rules and lexicon) and writes one
{repo, path, line, name, expected, pred} per record of its ``heldout.jsonl``, in file order.
"""

from __future__ import annotations

import json
import os
import sys


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    root, out = argv
    sys.path[:0] = [root, os.path.join(root, "eval", "forms")]
    os.environ["REPLAYLINT_NO_CACHE"] = "1"  # that checkout's signatures, never a cached database
    import score  # noqa: PLC0415 (the checkout's own, after the path is set)

    from analyzer import signatures  # noqa: PLC0415

    db = signatures.load()
    records = score.load("heldout")
    rows = [{k: r[k] for k in ("repo", "path", "line", "name", "expected")} | {"pred": got} for r, got in score.field_level(records, db)]
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(rows, fh)
    print(f"{len(rows)} records -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
