"""How often two labellers agree on the same form controls (issue 14): the first labels are the retired ninth
held-out set's, in ../dev.jsonl; the second were written blind to them (BRIEF.md, second-labels.jsonl) for 373
controls of 32 of its forms. Prints the second labeller's Art. 9 precision and recall against the first, Cohen's
kappa over all categories and over Art. 9 or not, and every disagreement that involves an Art. 9 category.

    python3 eval/forms/agreement/agreement.py
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ART9 = {"health", "genetic", "biometric", "racial-ethnic", "political", "religion", "union", "sex-life"}


def _key(r: dict) -> tuple:
    return (r["form"], r["line"], r["name"] or "")


def _kappa(a: list, b: list) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = collections.Counter(a), collections.Counter(b)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / n / n
    return (observed - expected) / (1 - expected)


def main() -> None:
    first = {}
    for line in (HERE.parent / "dev.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        first.setdefault(_key(r), r)
    second = [json.loads(line) for line in (HERE / "second-labels.jsonl").open(encoding="utf-8")]
    pairs = [(first[_key(s)]["expected"], s["expected"], s) for s in second]
    a = [p[0] for p in pairs]
    b = [p[1] for p in pairs]
    tp = sum(1 for x, y in zip(a, b, strict=True) if x in ART9 and x == y)
    fp = sum(1 for x, y in zip(a, b, strict=True) if y in ART9 and x != y)
    fn = sum(1 for x, y in zip(a, b, strict=True) if x in ART9 and x != y)
    print(f"controls: {len(pairs)}, forms: {len({s['form'] for s in second})}")
    print(f"second vs first, Art. 9: precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f} (tp {tp}, fp {fp}, fn {fn})")
    print(f"exact agreement {sum(x == y for x, y in zip(a, b, strict=True)) / len(a):.3f}, kappa {_kappa(a, b):.3f}")
    print(f"Art. 9 or not: kappa {_kappa([x in ART9 for x in a], [y in ART9 for y in b]):.3f}")
    for x, y, s in pairs:
        if x != y and (x in ART9 or y in ART9):
            print(f"  {s['form']} line {s['line']} {s['name'] or '-'}: first {x}, second {y} ({s['note'][:90]})")


if __name__ == "__main__":
    main()
