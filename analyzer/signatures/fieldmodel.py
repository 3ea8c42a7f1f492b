"""The learned field model: a second reading of the controls no rule classifies.

The lexicon (``signatures/fields/``) names what it knows; a form that asks about a condition, a
church or a partner in words it has never seen goes unread. The model is a linear classifier over the
words and word pieces of a control's own texts, its identifiers and the headings and title around it,
trained by ``eval/forms/train_field_model.py`` on the labelled real forms of ``eval/forms/dev.jsonl``
and shipped as data (``signatures/field_model.json``). It reads pieces of words ("diab", "tholi"), so a
word it was not trained on still weighs by its stem and ending, in every language of the set.

It is only asked about a control every rule has left unclassified, and it answers only with a special
category (GDPR Art. 9) at or above the file's threshold, with the words that weighed most as evidence.
It is plain arithmetic over a dictionary: no dependency, deterministic, no code of the scanned site run.

``features`` is the one definition of what the model reads: the trainer imports it.
"""

from __future__ import annotations

import functools
import json
import math
from array import array
from dataclasses import dataclass
from pathlib import Path

from analyzer.signatures import BUILTIN_DIR, cache
from analyzer.signatures.lexicon import Classification, tokens

MODEL_FILE = "field_model.json"

# What the model reads: the control's own texts (in this order), its identifiers, its context.
OWN_KEYS = ("label", "question", "placeholder", "legend", "options")
ID_KEYS = ("name", "id")
CONTEXT_KINDS = frozenset({"heading", "form", "page title", "page heading"})
_OWN_WORDS, _ID_WORDS, _CONTEXT_WORDS = 200, 30, 120  # bounded work per control
_GRAMS = (3, 4, 5)
_CONTEXT = "c"  # the prefix of the context block's features (the own texts' have none, the identifiers' "i")


def _block(words: tuple[str, ...], prefix: str, out: dict[str, float], pieces: dict[str, list[str]] | None, shown: str) -> None:
    """Add one block's features: each word, each pair of neighbouring words and each 3-5 letter piece
    of a word (with its start and end marked), each present feature weighing 1/sqrt(count). ``pieces``
    collects each word's features under the word as the evidence shows it (``shown``)."""
    seen: dict[str, None] = {}
    for i, word in enumerate(words):
        feats = [f"{prefix}w:{word}"]
        if i:
            feats.append(f"{prefix}b:{words[i - 1]} {word}")
        if not word.isdigit():
            marked = f"<{word}>"
            feats += [f"{prefix}g:{marked[j : j + n]}" for n in _GRAMS for j in range(len(marked) - n + 1)]
        for f in feats:
            seen[f] = None
        if pieces is not None:
            pieces.setdefault(shown.format(word), []).extend(feats)
    if seen:
        value = 1.0 / math.sqrt(len(seen))
        for f in seen:
            out[f] = out.get(f, 0.0) + value


def features(
    texts: dict[str, str],
    sources: list[tuple[str, str]],
    input_type: str,
    pieces: dict[str, list[str]] | None = None,
    unread: frozenset[str] = frozenset(),
) -> dict[str, float]:
    """The model's input for a control: its texts (``fieldfacts`` ``read``), its context ``sources``
    (kind, text; nearest first) and its type. ``pieces`` (when given) collects the features each word
    gave, for the evidence: a word of the control's texts as it is, an identifier's and the context's
    marked so ("diagnosis", "name: diag", "heading: anamnesis"). The context's words in ``unread`` (a form's
    generic nouns, "questionnaire", "spørgeskema": the model's ``context_unread``) are not read: they name no topic."""
    out: dict[str, float] = {}
    own: list[str] = []
    for key in OWN_KEYS:
        if texts.get(key):
            own += tokens(texts[key])
    _block(tuple(own[:_OWN_WORDS]), "", out, pieces, "{}")
    ids = tokens(" ".join(texts.get(k, "") for k in ID_KEYS))
    _block(ids[:_ID_WORDS], "i", out, pieces, "name: {}")
    near: list[str] = []
    for kind, text in sources:
        if kind in CONTEXT_KINDS and text:
            near += [t for t in tokens(text) if t not in unread]
    _block(tuple(near[:_CONTEXT_WORDS]), _CONTEXT, out, pieces, "context: {}")
    out[f"t:{input_type}"] = 1.0
    return out


@dataclass(frozen=True)
class FieldModel:
    """A multinomial linear classifier: per feature, one weight for each class (row ``index[feature]`` of
    ``table``, a flat array: it pickles and loads as one block)."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    index: dict[str, int]
    table: array
    threshold: float  # the least probability a special category is reported at
    # The least probability the control's own texts and identifiers alone give that category: a control
    # whose own words lean elsewhere ("Name" on a medical history) does not take it from its context.
    own_support: float
    special: frozenset[str]  # the classes it may answer with (Art. 9)
    trained_on: str  # what it was trained on, for the docs
    # The context's words it was trained without, and reads without (folded tokens): a form's generic nouns.
    context_unread: frozenset[str] = frozenset()

    def weights(self, feature: str) -> tuple[float, ...] | None:
        """The feature's weight for each class, or None when the model does not know it."""
        row = self.index.get(feature)
        if row is None:
            return None
        n = len(self.classes)
        return tuple(self.table[row * n : row * n + n])

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        """Each class's probability for these features (a softmax of the classes' weighted sums)."""
        n = len(self.classes)
        z = list(self.intercept)
        table, index = self.table, self.index
        for f, x in feats.items():
            row = index.get(f)
            if row is not None:
                base = row * n
                for k in range(n):
                    z[k] += x * table[base + k]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return [v / total for v in e]

    def read(self, texts: dict[str, str], sources: list[tuple[str, str]], input_type: str) -> Classification | None:
        """A special category for a control no rule classifies, or None."""
        pieces: dict[str, list[str]] = {}
        feats = features(texts, sources, input_type, pieces, self.context_unread)
        p = self.probabilities(feats)
        k = max(range(len(p)), key=p.__getitem__)
        category = self.classes[k]
        if category not in self.special or p[k] < self.threshold:
            return None
        # What the control's own texts and identifiers give alone: the same features without the context's
        # (each block is weighed on its own, so the others keep their values).
        alone = {f: x for f, x in feats.items() if not f.startswith(_CONTEXT)}
        if self.probabilities(alone)[k] < self.own_support:
            return None
        return Classification(category, p[k], self._evidence(feats, pieces, k), f"learned field model, p {p[k]:.2f}")

    def _evidence(self, feats: dict[str, float], pieces: dict[str, list[str]], k: int) -> tuple[str, ...]:
        """The words that weighed most toward class ``k`` (against the model's other classes on
        average), strongest first: the control's own, its identifiers' or its context's; the model's own
        name when none did."""
        n = len(self.classes)

        def pull(f: str) -> float:
            w = self.weights(f)
            return 0.0 if w is None else feats.get(f, 0.0) * (w[k] - (sum(w) - w[k]) / (n - 1))

        scored = sorted(((sum(pull(f) for f in set(fs)), word) for word, fs in pieces.items()), key=lambda s: (-s[0], s[1]))
        words = tuple(word for score, word in scored if score > 0 and _telling(word))[:3]
        return words or ("learned field model",)


def _telling(shown: str) -> bool:
    """Whether a word tells a reader something as evidence: not a number, not a word of one or two letters
    ("op", "de", an id's "q3")."""
    word = shown.rsplit(": ", 1)[-1]
    return len(word) > 2 and not any(c.isdigit() for c in word)


def from_data(data: dict) -> FieldModel:
    """The model a ``field_model.json`` holds (weights written in steps of ``scale``)."""
    scale = float(data.get("scale", 1.0))
    classes = tuple(data["classes"])
    index: dict[str, int] = {}
    table = array("d")
    for feature, row in data["weights"].items():
        if len(row) != len(classes):
            raise ValueError(f"feature {feature!r} has {len(row)} weights for {len(classes)} classes")
        index[feature] = len(index)
        table.extend(v * scale for v in row)
    return FieldModel(
        classes=classes,
        intercept=tuple(float(v) for v in data["intercept"]),
        index=index,
        table=table,
        threshold=float(data["threshold"]),
        own_support=float(data.get("own_support", 0.0)),
        special=frozenset(data["special"]),
        trained_on=str(data.get("trained_on", "")),
        context_unread=frozenset(str(w) for w in data.get("context_unread", [])),
    )


def _read(path: Path) -> FieldModel | None:
    try:
        with path.open(encoding="utf-8") as fh:
            return from_data(json.load(fh))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@functools.lru_cache(maxsize=4)
def load(folder: str) -> FieldModel | None:
    """The model in ``folder``, or None when the folder has none or it cannot be read: then no control is
    read by it. Read once per process, on the first control no rule classifies, from the cache of an
    earlier run when the file is unchanged (parsing the JSON takes 0.6 s, the cached copy a tenth of it)."""
    path = Path(folder) / MODEL_FILE
    if not path.is_file():
        return None
    model = cache.cached([path], lambda: _read(path), object, name="field-model")  # keyed by this file, not its folder
    return model if isinstance(model, FieldModel) else None


def builtin() -> FieldModel | None:
    """The model shipped with replaylint's signatures."""
    return load(str(BUILTIN_DIR))
