"""Train the learned field model (analyzer/signatures/fieldmodel.py) on the development set.

    pip install -e '.[train]'
    python eval/forms/train_field_model.py                      # writes signatures/field_model.json
    python eval/forms/train_field_model.py --folds 5 --out /tmp/m.json   # and out-of-fold figures on dev

The model reads what ``fieldmodel.features`` reads, from the texts ``score.field_level`` builds (the
ones ``fieldfacts.extract`` reads in a scan). It is a multinomial logistic regression (scikit-learn,
needed here only: a scan reads the written weights with plain arithmetic) over the special categories
and "other" (every other label). Weights whose largest magnitude is under ``--prune`` are dropped and
the rest are written in steps of ``SCALE``; the file also holds a few controls with the probabilities
numpy computes from the written weights, which the tests check the scanner's own arithmetic against.

Simulating a blind score (README item 41): ``--exclude-set F`` drops the repositories of the records in
F from training (a retired held-out set, taken from git history, and every later set), and
``--test-set F --lexicon P`` scores the model on F where the lexicon of that time (its predictions, from
``lexicon_predictions.py`` run in a checkout of that time) left a control unclassified.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

import numpy as np  # noqa: E402
import score  # noqa: E402
from scipy.sparse import csr_matrix  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from analyzer import signatures  # noqa: E402
from analyzer.signatures import fieldmodel  # noqa: E402
from analyzer.signatures.lexicon import tokens  # noqa: E402

SCALE = 0.01
OTHER = "other"


def inputs(
    records: list[dict], db: signatures.SignatureDB, unread: frozenset[str] = frozenset()
) -> tuple[list[dict[str, str]], list[dict[str, float]]]:
    """Each record's texts, built with its form's as score.field_level builds them, and its features."""
    forms: dict[str, list[dict]] = {}
    for rec in records:
        forms.setdefault(rec["form"], []).append(rec)
    read: dict[int, dict[str, str]] = {}
    for recs in forms.values():
        texts, _ = score.form_texts(recs, db)
        read.update((id(rec), t) for rec, t in zip(recs, texts, strict=True))
    texts = [read[id(r)] for r in records]
    return texts, [
        fieldmodel.features(t, score.context_sources(r), score.control_type(r), None, unread) for r, t in zip(records, texts, strict=True)
    ]


def generic_nouns(db: signatures.SignatureDB) -> frozenset[str]:
    """The words of a form's generic nouns, folded as the model reads them: the words a list's name is made of
    ("questions", "questionnaire", "Fragebogen", "spørgeskema": ``field_lists.list_name_words``), which name no topic."""
    return frozenset(t for w in db.field_lists.list_name_words for t in tokens(w))


def label(rec: dict) -> str:
    return rec["expected"] if rec["expected"] in score.ART9 else OTHER


def fit(feats: list[dict[str, float]], labels: list[str], c: float) -> tuple[LogisticRegression, list[str]]:
    """The regression fitted to these features, and its vocabulary (the features in column order)."""
    vocab = sorted({f for x in feats for f in x})
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(matrix(feats, {f: i for i, f in enumerate(vocab)}), labels)
    return model, vocab


def matrix(feats: list[dict[str, float]], index: dict[str, int]) -> csr_matrix:
    rows, cols, vals = [], [], []
    for i, x in enumerate(feats):
        for f, v in x.items():
            j = index.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(feats), len(index)))


def export(
    model: LogisticRegression,
    vocab: list[str],
    prune: float,
    threshold: float,
    own_support: float,
    trained_on: str,
    unread: frozenset[str] = frozenset(),
) -> dict:
    coef = model.coef_
    keep = np.abs(coef).max(axis=0) >= prune
    weights = {vocab[j]: [int(round(v / SCALE)) for v in coef[:, j]] for j in np.flatnonzero(keep)}
    return {
        "format": 1,
        "about": "analyzer/signatures/fieldmodel.py; trained by eval/forms/train_field_model.py; do not edit by hand",
        "trained_on": trained_on,
        "classes": [str(c) for c in model.classes_],
        "special": [str(c) for c in model.classes_ if c in score.ART9],
        "threshold": threshold,
        "own_support": own_support,
        "context_unread": sorted(unread),
        "scale": SCALE,
        "intercept": [round(float(v), 6) for v in model.intercept_],
        "weights": dict(sorted(weights.items())),
    }


def numpy_probabilities(data: dict, feats: dict[str, float]) -> list[float]:
    """The written model's probabilities, by numpy (the check the scanner's arithmetic is held to)."""
    w = np.array([data["weights"].get(f, [0] * len(data["classes"])) for f in feats], dtype=float).reshape(-1, len(data["classes"]))
    x = np.array(list(feats.values()), dtype=float)
    z = np.array(data["intercept"], dtype=float) + (x @ w) * data["scale"]
    e = np.exp(z - z.max())
    return [float(v) for v in e / e.sum()]


def hybrid(
    records: list[dict], texts: list[dict[str, str]], base: list[str], data: dict, db: signatures.SignatureDB
) -> tuple[int, int, int]:
    """tp, fp, fn over the special categories: the base prediction, else the model's (as score.field_level asks it)."""
    model = fieldmodel.from_data(data)
    pairs = []
    for rec, t, b in zip(records, texts, base, strict=True):
        got = score.learned_reading(model, t, rec, score.control_type(rec), db) if b == "none" else None
        pairs.append((rec, got.category if got is not None else b))
    return score.counts(pairs)


def figures(name: str, tp: int, fp: int, fn: int) -> str:
    p, r = score.pr(tp, fp, fn)
    return f"{name}: precision {p}, recall {r} (tp {tp}, fp {fp}, fn {fn})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=signatures.BUILTIN_DIR / fieldmodel.MODEL_FILE)
    ap.add_argument("--c", type=float, default=15.0, help="inverse regularisation strength")
    ap.add_argument("--prune", type=float, default=0.1, help="drop features whose largest weight magnitude is under this")
    ap.add_argument("--threshold", type=float, default=0.9, help="least probability a special category is reported at")
    ap.add_argument("--own-support", type=float, default=0.2, help="least probability the control's own texts alone must give it")
    ap.add_argument("--exclude-set", type=Path, action="append", default=[], help="a JSONL set whose repositories are not trained on")
    ap.add_argument("--test-set", type=Path, help="score the model on this JSONL set (with --lexicon)")
    ap.add_argument("--lexicon", type=Path, help="lexicon_predictions.py's output for --test-set")
    ap.add_argument("--folds", type=int, default=0, help="also give out-of-fold figures on the training set (folds by repository)")
    ap.add_argument(
        "--read-generic-nouns", action="store_true", help="read a form's generic nouns in the context too (the models before 2026-12-06)"
    )
    args = ap.parse_args(argv)

    db = signatures.load()
    excluded = {json.loads(line)["repo"] for f in args.exclude_set for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    records = [r for r in score.load("dev") if r["repo"] not in excluded]
    unread = frozenset() if args.read_generic_nouns else generic_nouns(db)
    texts, feats = inputs(records, db, unread)
    labels = [label(r) for r in records]
    repos = sorted({r["repo"] for r in records})
    trained_on = f"{len(records)} labelled controls of {len(repos)} repositories (eval/forms/dev.jsonl)"
    model, vocab = fit(feats, labels, args.c)
    data = export(model, vocab, args.prune, args.threshold, args.own_support, trained_on, unread)
    pick = random.Random(14).sample(range(len(records)), 12)
    data["checks"] = [
        {
            "texts": texts[i],
            "sources": score.context_sources(records[i]),
            "type": score.control_type(records[i]),
            "probabilities": numpy_probabilities(data, feats[i]),
        }
        for i in pick
    ]
    args.out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{trained_on}; {len(vocab)} features, {len(data['weights'])} kept -> {args.out}")

    if args.folds:
        lexicon = [got for _, got in score.field_level(records, db, learned=False)]
        order = list(repos)
        random.Random(7).shuffle(order)
        fold_of = {repo: k % args.folds for k, repo in enumerate(order)}
        tp = fp = fn = 0
        for k in range(args.folds):
            train = [i for i, r in enumerate(records) if fold_of[r["repo"]] != k]
            test = [i for i, r in enumerate(records) if fold_of[r["repo"]] == k]
            m, v = fit([feats[i] for i in train], [labels[i] for i in train], args.c)
            d = export(m, v, args.prune, args.threshold, args.own_support, "", unread)
            a, b, c = hybrid([records[i] for i in test], [texts[i] for i in test], [lexicon[i] for i in test], d, db)
            tp, fp, fn = tp + a, fp + b, fn + c
        print(figures("development set, lexicon alone", *score.counts(list(zip(records, lexicon, strict=True)))))
        print(figures(f"development set, lexicon then the model, {args.folds} folds by repository", tp, fp, fn))
    if args.test_set:
        test = [json.loads(line) for line in args.test_set.read_text(encoding="utf-8").splitlines() if line.strip()]
        lexicon = [p["pred"] for p in json.loads(args.lexicon.read_text(encoding="utf-8"))]
        print(figures(f"{args.test_set.name}, lexicon of its time", *score.counts(list(zip(test, lexicon, strict=True)))))
        print(figures(f"{args.test_set.name}, then the model", *hybrid(test, inputs(test, db, unread)[0], lexicon, data, db)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
