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

from analyzer.sigschema import FIELD_CATEGORIES

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
    cat: str = ""  # the category and kind (strong / weak / exclude) it belongs to
    kind: str = ""

    def find(self, toks: tuple[str, ...]) -> bool:
        n = len(self.parts)
        for i in range(len(toks) - n + 1):
            if all((toks[i + k].startswith(w) if prefix else toks[i + k] == w) for k, (w, prefix) in enumerate(self.parts)):
                return True
        return False


def make_term(raw: str, cat: str = "", kind: str = "") -> Term | None:
    words = []
    for w in raw.split():
        prefix = w.endswith("*")
        folded = _WORD.findall(fold(w.rstrip("*")))
        if not folded:
            continue
        # "e-mail" folds to two words: the last keeps the prefix flag.
        words += [(f, False) for f in folded[:-1]] + [(folded[-1], prefix)]
    return Term(raw, tuple(words), cat, kind) if words else None


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

    def matches(self, toks: tuple[str, ...]) -> list[Term]:
        found: list[Term] = []
        for i, tok in enumerate(toks):
            candidates = list(self.exact.get(tok, ()))
            for k in range(1, len(tok) + 1):
                candidates += self.prefix.get(tok[:k], ())
            for term in candidates:
                if term not in found and term.find(toks[i : i + len(term.parts)]):
                    found.append(term)
        return found


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    art9: bool
    terms: tuple[Term, ...]  # strong, weak and exclude terms of every language
    autocomplete: frozenset[str]
    input_types: frozenset[str]


def compile_category(data: dict[str, Any]) -> Category:
    terms = [make_term(t, data["id"], kind) for kind in ("strong", "weak", "exclude") for lang in data["terms"].values() for t in lang.get(kind, [])]

    return Category(
        id=data["id"],
        label=data["label"],
        art9=data["art9"],
        terms=tuple(t for t in terms if t is not None),
        autocomplete=frozenset(a.lower() for a in data.get("autocomplete", [])),
        input_types=frozenset(t.lower() for t in data.get("input_types", [])),
    )


@dataclass(frozen=True)
class Classification:
    category: str
    confidence: float
    words: tuple[str, ...]  # the terms or attributes that decided it


PRIORITY = FIELD_CATEGORIES  # most sensitive first (sigschema): the earlier category is reported
THRESHOLD = 0.5


_INDEXES: dict[int, tuple[dict[str, Category], TermIndex]] = {}


def index_for(categories: dict[str, Category]) -> TermIndex:
    """One index over every category's terms: a field's texts are matched once, not per category."""
    entry = _INDEXES.get(id(categories))
    if entry is None or entry[0] is not categories:
        entry = (categories, TermIndex(tuple(t for c in categories.values() for t in c.terms)))
        _INDEXES[id(categories)] = entry
    return entry[1]


def classify(
    texts: dict[str, str], categories: dict[str, Category], input_type: str = "", autocomplete: str = "", consent: TermIndex | None = None
) -> Classification | None:
    """The most sensitive category the field's texts support at or above the threshold.

    A checkbox that gives consent (``consent`` words in its own label) is a decision, not data."""
    if consent is not None and input_type.lower() == "checkbox":
        own = [tokens(texts[s]) for s in ("label", "options") if texts.get(s)]
        if any(consent.matches(t) for t in own):
            return None
    index = index_for(categories)
    # A fieldset legend is the question of a radio/checkbox group, but only a section heading
    # for a text input ("Delivery address" above a first-name field): weak evidence there.
    choice = input_type.lower() in ("radio", "checkbox")
    sources = HUMAN_SOURCES if choice else tuple(s for s in HUMAN_SOURCES if s != "legend")
    human = _matched(index, [texts[src] for src in sources if texts.get(src)])
    dev = _matched(index, [texts[src] for src in DEV_SOURCES if texts.get(src)])
    weak_only = _matched(index, [texts["legend"]] if not choice and texts.get("legend") else [])
    auto = {a for a in autocomplete.lower().split() if a not in ("on", "off")}
    typ = input_type.lower()
    hit_cats = {t.cat for t in human + dev + weak_only}
    best: Classification | None = None
    for cat_id in PRIORITY:
        cat = categories.get(cat_id)
        if cat is None or (cat_id not in hit_cats and not (auto & cat.autocomplete) and typ not in cat.input_types):
            continue
        result = _score(cat, human, dev, weak_only, typ, auto)
        if result and result.confidence >= THRESHOLD and (best is None or result.confidence > best.confidence + 0.15):
            best = result
    return best


_MATCHES: dict[tuple[int, str], list[Term]] = {}


def _matched(index: TermIndex, texts: list[str]) -> list[Term]:
    out: list[Term] = []
    for text in texts:
        key = (id(index), text)
        hits = _MATCHES.get(key)
        if hits is None:  # labels and questions repeat across a site's pages
            hits = index.matches(tokens(text))
            if len(_MATCHES) > 65536:
                _MATCHES.clear()
            _MATCHES[key] = hits
        out += [t for t in hits if t not in out]
    return out


def _pick(terms: list[Term], cat: str, *kinds: str) -> list[str]:
    return list(dict.fromkeys(t.text for t in terms if t.cat == cat and t.kind in kinds))


def _score(cat: Category, human: list[Term], dev: list[Term], weak_only: list[Term], input_type: str, auto: set[str]) -> Classification | None:
    if _pick(human + dev, cat.id, "exclude"):
        return None
    if auto & cat.autocomplete:
        return Classification(cat.id, 0.95, tuple(f"autocomplete={a}" for a in sorted(auto & cat.autocomplete)))
    if input_type and input_type in cat.input_types:
        return Classification(cat.id, 0.9, (f"type={input_type}",))
    strong_human = _pick(human, cat.id, "strong")
    if strong_human:
        return Classification(cat.id, 0.9, tuple(strong_human))
    strong_dev = _pick(dev, cat.id, "strong")
    if strong_dev:
        return Classification(cat.id, 0.75, tuple(strong_dev))
    weak = list(dict.fromkeys(_pick(human + dev, cat.id, "weak") + _pick(weak_only, cat.id, "strong", "weak")))
    if len(weak) >= 2:
        return Classification(cat.id, 0.6, tuple(weak))
    if weak:
        return Classification(cat.id, 0.35, tuple(weak))
    return None
