"""The sensitive-field classifier: which category a form field asks for, how sure, and why.

Knowledge is in ``signatures/fields/*.toml`` (docs/fields.md); this module tokenises the texts
that describe a field (labels and questions in any of twelve languages, developer identifiers
split on camelCase, snake_case, kebab-case and digits), folds accents, and matches stems
(``diagnos*``) and phrases (``medical history``) per category.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Letters NFKD does not decompose into a base letter plus a mark.
_FOLD = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ı": "i", "ё": "е"})
_CAMEL = re.compile(r"(?<=[a-z\u00e0-\u024f])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_WORD = re.compile(r"[^\W\d_]+")

HUMAN_SOURCES = ("label", "question", "legend", "placeholder", "title", "options")
DEV_SOURCES = ("name", "id")


def fold(text: str) -> str:
    text = text.lower().translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-case, accent-folded words; identifiers split at camelCase and digit boundaries."""
    return tuple(_WORD.findall(fold(_CAMEL.sub(" ", text))))


@dataclass(frozen=True)
class Term:
    text: str
    parts: tuple[tuple[str, bool], ...]  # (word, is_prefix)

    def find(self, toks: tuple[str, ...]) -> bool:
        n = len(self.parts)
        for i in range(len(toks) - n + 1):
            if all((toks[i + k].startswith(w) if prefix else toks[i + k] == w) for k, (w, prefix) in enumerate(self.parts)):
                return True
        return False


def _term(raw: str) -> Term | None:
    words = []
    for w in raw.split():
        prefix = w.endswith("*")
        folded = _WORD.findall(fold(w.rstrip("*")))
        if not folded:
            continue
        # "e-mail" folds to two words: the last keeps the prefix flag.
        words += [(f, False) for f in folded[:-1]] + [(folded[-1], prefix)]
    return Term(raw, tuple(words)) if words else None


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    art9: bool
    strong: tuple[Term, ...]
    weak: tuple[Term, ...]
    exclude: tuple[Term, ...]
    autocomplete: frozenset[str]
    input_types: frozenset[str]


def compile_category(data: dict[str, Any]) -> Category:
    def terms(kind: str) -> tuple[Term, ...]:
        out = [_term(t) for lang in data["terms"].values() for t in lang.get(kind, [])]
        return tuple(t for t in out if t is not None)

    return Category(
        id=data["id"],
        label=data["label"],
        art9=data["art9"],
        strong=terms("strong"),
        weak=terms("weak"),
        exclude=terms("exclude"),
        autocomplete=frozenset(a.lower() for a in data.get("autocomplete", [])),
        input_types=frozenset(t.lower() for t in data.get("input_types", [])),
    )


@dataclass(frozen=True)
class Classification:
    category: str
    confidence: float
    words: tuple[str, ...]  # the terms or attributes that decided it


# Most sensitive first: when a field hits several categories, the earlier one is reported.
PRIORITY = ("health", "genetic", "biometric", "sex-life", "racial-ethnic", "religion", "political", "union", "government-id", "financial", "credentials", "contact")
THRESHOLD = 0.5


def classify(texts: dict[str, str], categories: dict[str, Category], input_type: str = "", autocomplete: str = "") -> Classification | None:
    """The most sensitive category the field's texts support at or above the threshold."""
    human_streams = [tokens(texts[src]) for src in HUMAN_SOURCES if texts.get(src)]
    dev_streams = [tokens(texts[src]) for src in DEV_SOURCES if texts.get(src)]
    auto = {a for a in autocomplete.lower().split() if a not in ("on", "off")}
    best: Classification | None = None
    for cat_id in PRIORITY:
        cat = categories.get(cat_id)
        if cat is None:
            continue
        result = _score(cat, human_streams, dev_streams, input_type.lower(), auto)
        if result and result.confidence >= THRESHOLD and (best is None or result.confidence > best.confidence + 0.15):
            best = result
    return best


def _score(cat: Category, human: list[tuple[str, ...]], dev: list[tuple[str, ...]], input_type: str, auto: set[str]) -> Classification | None:
    if any(t.find(s) for t in cat.exclude for s in human + dev):
        return None
    if auto & cat.autocomplete:
        return Classification(cat.id, 0.95, tuple(f"autocomplete={a}" for a in sorted(auto & cat.autocomplete)))
    if input_type and input_type in cat.input_types:
        return Classification(cat.id, 0.9, (f"type={input_type}",))
    strong_human = [t.text for t in cat.strong if any(t.find(s) for s in human)]
    if strong_human:
        return Classification(cat.id, 0.9, tuple(strong_human))
    strong_dev = [t.text for t in cat.strong if any(t.find(s) for s in dev)]
    if strong_dev:
        return Classification(cat.id, 0.75, tuple(strong_dev))
    weak = [t.text for t in cat.weak if any(t.find(s) for s in human + dev)]
    if len(weak) >= 2:
        return Classification(cat.id, 0.6, tuple(weak))
    if weak:
        return Classification(cat.id, 0.35, tuple(weak))
    return None
