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


def make_term(raw: str) -> Term | None:
    words = []
    for w in raw.split():
        prefix = w.endswith("*")
        folded = _WORD.findall(fold(w.rstrip("*")))
        if not folded:
            continue
        # "e-mail" folds to two words: the last keeps the prefix flag.
        words += [(f, False) for f in folded[:-1]] + [(folded[-1], prefix)]
    return Term(raw, tuple(words)) if words else None


class TermIndex:
    """Terms indexed by their first word (exact) or stem (prefix): a token stream is matched with
    a few dictionary look-ups per token instead of trying every term (thousands, 12 languages)."""

    def __init__(self, terms: tuple[Term, ...]) -> None:
        self.terms = terms
        self.exact: dict[str, list[Term]] = {}
        self.prefix: dict[str, list[Term]] = {}
        for t in terms:
            word, is_prefix = t.parts[0]
            (self.prefix if is_prefix else self.exact).setdefault(word, []).append(t)

    def matches(self, toks: tuple[str, ...]) -> list[str]:
        found: list[str] = []
        for i, tok in enumerate(toks):
            candidates = list(self.exact.get(tok, ()))
            for k in range(1, len(tok) + 1):
                candidates += self.prefix.get(tok[:k], ())
            for term in candidates:
                if term.text not in found and term.find(toks[i : i + len(term.parts)]):
                    found.append(term.text)
        return found


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    art9: bool
    strong: TermIndex
    weak: TermIndex
    exclude: TermIndex
    autocomplete: frozenset[str]
    input_types: frozenset[str]


def compile_category(data: dict[str, Any]) -> Category:
    def terms(kind: str) -> TermIndex:
        out = [make_term(t) for lang in data["terms"].values() for t in lang.get(kind, [])]
        return TermIndex(tuple(t for t in out if t is not None))

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


def classify(
    texts: dict[str, str], categories: dict[str, Category], input_type: str = "", autocomplete: str = "", consent: TermIndex | None = None
) -> Classification | None:
    """The most sensitive category the field's texts support at or above the threshold.

    A checkbox that gives consent (``consent`` words in its own label) is a decision, not data."""
    if consent is not None and input_type.lower() == "checkbox":
        own = [tokens(texts[s]) for s in ("label", "options") if texts.get(s)]
        if any(consent.matches(t) for t in own):
            return None
    # A fieldset legend is the question of a radio/checkbox group, but only a section heading
    # for a text input ("Delivery address" above a first-name field): weak evidence there.
    choice = input_type.lower() in ("radio", "checkbox")
    sources = HUMAN_SOURCES if choice else tuple(s for s in HUMAN_SOURCES if s != "legend")
    human_streams = [tokens(texts[src]) for src in sources if texts.get(src)]
    dev_streams = [tokens(texts[src]) for src in DEV_SOURCES if texts.get(src)]
    weak_extra = [tokens(texts["legend"])] if not choice and texts.get("legend") else []
    auto = {a for a in autocomplete.lower().split() if a not in ("on", "off")}
    best: Classification | None = None
    for cat_id in PRIORITY:
        cat = categories.get(cat_id)
        if cat is None:
            continue
        result = _score(cat, human_streams, dev_streams, input_type.lower(), auto, weak_extra)
        if result and result.confidence >= THRESHOLD and (best is None or result.confidence > best.confidence + 0.15):
            best = result
    return best


def _hits(index: TermIndex, streams: list[tuple[str, ...]]) -> list[str]:
    out: list[str] = []
    for stream in streams:
        out += [t for t in index.matches(stream) if t not in out]
    return out


def _score(cat: Category, human: list[tuple[str, ...]], dev: list[tuple[str, ...]], input_type: str, auto: set[str], weak_only: list[tuple[str, ...]] = ()) -> Classification | None:
    if _hits(cat.exclude, human + dev):
        return None
    if auto & cat.autocomplete:
        return Classification(cat.id, 0.95, tuple(f"autocomplete={a}" for a in sorted(auto & cat.autocomplete)))
    if input_type and input_type in cat.input_types:
        return Classification(cat.id, 0.9, (f"type={input_type}",))
    strong_human = _hits(cat.strong, human)
    if strong_human:
        return Classification(cat.id, 0.9, tuple(strong_human))
    strong_dev = _hits(cat.strong, dev)
    if strong_dev:
        return Classification(cat.id, 0.75, tuple(strong_dev))
    weak = list(dict.fromkeys(_hits(cat.weak, human + dev) + _hits(cat.strong, list(weak_only)) + _hits(cat.weak, list(weak_only))))
    if len(weak) >= 2:
        return Classification(cat.id, 0.6, tuple(weak))
    if weak:
        return Classification(cat.id, 0.35, tuple(weak))
    return None
