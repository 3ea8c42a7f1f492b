"""Values a page prints as text: template output expressions and component expressions whose
variable path names personal data (``{{ patient.diagnosis }}``, ``<%= @member.union %>``,
``{user.religion}``, ``{{ order.card_last4 }}``).

A recorder copies page text into its recordings unless its text masking is on (each vendor's model
is ``[masking.text]`` in ``signatures/vendors/*.toml``, judged by ``analyzer.resolve.masking``). This module
finds the printed paths and classifies them; the element each one sits in, with its ancestors'
attributes and classes, is what a text-masking marker (``data-hj-suppress``, ``class="fs-mask"``)
is looked for on.

The path is read from the expression: string literals are dropped, function names and filters
(``|upcase``) are not paths, and ``$applicant->ethnicity``, ``@member.union``, ``user['ssn']``
and Go's ``.Patient.Diagnosis`` all become segments. Its last segment is classified with the field
lexicon as an identifier; a one-word attribute the lexicon only hints at (``union``, ``party``,
``name``) decides when an earlier segment is a person (``signatures/rendered_values.toml``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.etree

from analyzer.parse import htmldoc
from analyzer.parse.positions import blank
from analyzer.signatures.lexicon import Classification, TermIndex, classify, make_term, tokens

_STRINGS = re.compile(r"'[^'\n]{0,500}'|\"[^\"\n]{0,500}\"")
# Tokens of an output expression: member operators, sigils, identifiers, any other character.
_TOKEN = re.compile(r"\?\.|->|[A-Za-z_]\w{0,63}|\S")
_KEYWORDS = frozenset(
    "echo print e esc_html esc_attr htmlspecialchars htmlentities h raw safe escape json if else for in and or not "
    "true false null nil none this self do end isset empty count trans t __ lang php".split()
)
MARK_BASE = 0xE000  # private-use characters stand in for a printed value while the page is parsed


@dataclass(frozen=True)
class RenderedValue:
    """One printed expression that names personal data."""

    line: int
    column: int
    expression: str  # as written, shortened
    path: tuple[str, ...]
    classification: Classification
    kind: str  # "words", "emails", "digits" or "cards": what vendors that scrub page text look for
    element: str = ""  # the tag it is printed in
    attrs: tuple[tuple[str, str], ...] = ()  # attributes of that element and its ancestors
    classes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ValueWords:
    """``signatures/rendered_values.toml``, compiled."""

    person: TermIndex
    attributes: TermIndex  # each term's category is the table it comes from
    hints: tuple[str, ...] = ()  # substrings that make a component worth parsing for printed values


@functools.lru_cache(maxsize=2)
def load_words(path: str) -> ValueWords | None:
    """The person and attribute terms of a ``rendered_values.toml`` at ``path``; None when the file does not exist."""
    import tomllib

    file = Path(path)
    if not file.exists():
        return None
    data: dict[str, Any] = tomllib.loads(file.read_text(encoding="utf-8"))
    person = TermIndex(tuple(t for t in (make_term(w) for w in data["person"]) if t is not None))
    attrs = tuple(t for cat, words in data["attributes"].items() for t in (make_term(w, cat, "attribute") for w in words) if t is not None)
    return ValueWords(person, TermIndex(attrs), tuple(data.get("hints", [])))


_KEYED = re.compile(r"\[\s{0,4}(?:'(\w{1,64})'|\"(\w{1,64})\")\s{0,4}\]")


def paths_in(expression: str) -> list[tuple[str, ...]]:
    """Variable paths an output expression prints (before any filter), longest first: ``$a->b``,
    ``@a.b``, ``a?.b``, ``a['b']``, Go's ``.A.B``; a name followed by ``(`` is a function."""
    body = _KEYED.sub(lambda m: "." + (m.group(1) or m.group(2)), expression)  # $user['ssn'] -> $user.ssn
    body = _STRINGS.sub(" ", body)
    body = re.split(r"(?<!\|)\|(?!\|)", body, maxsplit=1)[0]  # Liquid/Jinja/Twig filters
    toks = _TOKEN.findall(body)
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        after_member = i > 0 and toks[i - 1] in (".", "->", "?.") and i > 1 and _is_name(toks[i - 2])
        if not _is_name(tok) or after_member:
            i += 1
            continue
        segments = [tok]
        j = i + 1
        while j + 1 < len(toks) and toks[j] in (".", "->", "?.") and _is_name(toks[j + 1]):
            segments.append(toks[j + 1])
            j += 2
        called = j < len(toks) and toks[j] == "("
        if not called and segments[0].lower() not in _KEYWORDS:
            out.append(tuple(segments))
        i = j
    return sorted(out, key=len, reverse=True)


def _is_name(tok: str) -> bool:
    return tok[:1].isalpha() or tok[:1] == "_"


_PATH_CACHE: dict[tuple[int, tuple[str, ...]], Classification | None] = {}


def classify_path(path: tuple[str, ...], categories: dict, words: ValueWords | None) -> Classification | None:
    """The category the printed path's attribute names, if any (cached: templates repeat paths)."""
    key = (id(categories), path)
    if key not in _PATH_CACHE:
        if len(_PATH_CACHE) > 16384:
            _PATH_CACHE.clear()
        _PATH_CACHE[key] = _classify_path(path, categories, words)
    return _PATH_CACHE[key]


def _classify_path(path: tuple[str, ...], categories: dict, words: ValueWords | None) -> Classification | None:
    if not path:
        return None
    attr = path[-1]
    found = classify({"name": attr}, categories)
    if found is not None and found.confidence >= 0.75:
        return found
    if words is None:
        return None
    toks = tokens(attr)
    hits = [t for t in words.attributes.terms if t.find(toks) and len(t.parts) == len(toks)]
    if not hits:
        return None
    cat = hits[0].cat
    art9 = categories[cat].art9 if cat in categories else False
    if (art9 or cat == "contact") and not any(words.person.matches(tokens(seg)) for seg in path[:-1]):
        return None  # product.union, page.name: not a person's attribute
    return Classification(cat, 0.7, (f"{'.'.join(path[-2:])}",))


def value_kind(classification: Classification, path: tuple[str, ...]) -> str:
    """What a printed value looks like, for vendors that scrub e-mail addresses or digits in text."""
    toks = set(tokens(" ".join(path[-1:])))
    cat = classification.category
    if toks & {"email", "mail", "e"} and cat == "contact":
        return "emails"
    if cat == "financial" and toks & {"card", "last", "pan", "cc"}:
        return "cards"
    if cat in ("government", "government-id", "financial") or toks & {"phone", "tel", "mobile", "zip", "postcode"}:
        return "digits"
    return "words"


def found_values(
    spans: list[tuple[int, int, str]], categories: dict, words: ValueWords | None
) -> list[tuple[int, int, str, tuple[str, ...], Classification]]:
    """(start, end, expression, path, classification) for the output spans that print personal data."""
    out = []
    for start, end, expression in spans:
        for path in paths_in(expression):
            found = classify_path(path, categories, words)
            if found is not None:
                out.append((start, end, expression, path, found))
                break
    return out


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by a private-use marker and spaces (same length, its line breaks kept: a value
    printed over three lines, ``{{\n patient.patient_number\n }}``, moved every control after it two lines up)."""
    parts, last = [], 0
    for i, (start, end) in enumerate(spans):
        parts.append(text[last:start])
        parts.append(chr(MARK_BASE + i) + blank(text[start + 1 : end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


# Not page text. (A <template> is: Vue's root, and HTML's is cloned into the page.)
_NOT_TEXT = frozenset({"script", "style", "textarea", "noscript"})


def containers(root: lxml.etree._Element, count: int) -> dict[int, lxml.etree._Element]:
    """Marker index -> the element whose text holds it (not inside script/style; attribute values
    are not page text)."""
    out: dict[int, lxml.etree._Element] = {}
    top = MARK_BASE + count
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            if not text or owner is None:
                continue
            for ch in text:
                if MARK_BASE <= ord(ch) < top:
                    out.setdefault(ord(ch) - MARK_BASE, owner)
        if len(out) == count:
            break
    return {i: el for i, el in out.items() if not any(a.tag in _NOT_TEXT for a in _chain(el))}


def _chain(el: lxml.etree._Element) -> list[lxml.etree._Element]:
    return [el] + [a for a in el.iterancestors() if isinstance(a.tag, str)]


def context_of(el: lxml.etree._Element) -> tuple[str, tuple[tuple[str, str], ...], frozenset[str]]:
    """The element's tag, and the attributes and classes on it and its ancestors."""
    attrs: list[tuple[str, str]] = []
    classes: set[str] = set()
    for node in _chain(el):
        for k, v in htmldoc.attributes(node).items():
            if k == "class":
                classes.update(v.split())
            else:
                attrs.append((k, v))
    return el.tag, tuple(attrs), frozenset(classes)


def from_spans(spans: list[tuple[int, int, str]], text: str, categories: dict, words: ValueWords | None) -> list[RenderedValue]:
    """The spans (start, end, expression) of ``text`` that print personal data as page text,
    placed in the elements that hold them (the text is parsed again with markers in their place)."""
    from analyzer.parse import htmldoc
    from analyzer.parse.positions import LineIndex

    found = found_values(spans, categories, words)
    if not found:
        return []
    page = htmldoc.parse(marked(text, [(s, e) for s, e, *_ in found]))
    where = containers(page.root, len(found)) if page.root is not None else {}
    index = LineIndex(text)
    out = []
    for i, (start, _, expression, path, found_cls) in enumerate(found):
        el = where.get(i)
        if el is None:
            continue  # in an attribute value, a script or a style: not page text
        tag, attrs, classes = context_of(el)
        line, column = index.line_col(start)
        out.append(
            RenderedValue(
                line, column, " ".join(expression.split())[:80], path, found_cls, value_kind(found_cls, path), tag, attrs, classes
            )
        )
    return out


def from_template(regions, text: str, db) -> list[RenderedValue]:
    """Output constructs of a template (``templates.Template.regions``), in its neutralised text."""
    spans = [(r.start, r.end, r.body) for r in regions if r.kind == "output"]
    return from_spans(spans, text, db.fields, words_for(db)) if spans else []


_VUE = re.compile(r"\{\{(.{1,300}?)\}\}", re.S)
_SVELTE = re.compile(r"\{([^{}]{1,300})\}")


def sfc_spans(html: str, path: str) -> list[tuple[int, int, str]]:
    """Printed expressions of a Vue (``{{ x }}``) or Svelte/Astro (``{x}``, ``{@html x}``) template;
    Svelte blocks (``{#if}``, ``{:else}``, ``{/if}``) print nothing."""
    if path.lower().endswith(".vue"):
        return [(m.start(), m.end(), m.group(1)) for m in _VUE.finditer(html)]
    out = []
    for m in _SVELTE.finditer(html):
        body = m.group(1).strip()
        if body[:1] in ("#", ":", "/") or (body.startswith("@") and not body.startswith("@html")):
            continue
        out.append((m.start(), m.end(), body.removeprefix("@html")))
    return out


def words_for(db) -> ValueWords | None:
    """The built-in ``rendered_values.toml`` (``db`` is not read: the words are not per database)."""
    from analyzer.signatures import BUILTIN_DIR

    return load_words(str(BUILTIN_DIR / "rendered_values.toml"))


def placed(root, values: list[tuple[int, int, str, tuple[str, ...], Classification]]) -> list[RenderedValue]:
    """Values whose markers (``MARK_BASE + i``) were written into a page, placed in their elements."""
    where = containers(root, len(values)) if root is not None and values else {}
    out = []
    for i, (line, column, expression, path, cls) in enumerate(values):
        el = where.get(i)
        if el is None:
            continue
        tag, attrs, classes = context_of(el)
        out.append(RenderedValue(line, column, " ".join(expression.split())[:80], path, cls, value_kind(cls, path), tag, attrs, classes))
    return out


def sfc_marked(html: str, path: str, categories: dict, words: ValueWords | None) -> tuple[str, list]:
    """A Vue/Svelte/Astro template with its printed personal data as markers (same length), and
    the values (line, column, text, path, classification) in marker order."""
    from analyzer.parse.positions import LineIndex

    found = found_values(sfc_spans(html, path), categories, words)
    if not found:
        return html, []
    index = LineIndex(html)
    values = [(*index.line_col(start), expression, p, cls) for start, _, expression, p, cls in found]
    return marked(html, [(s, e) for s, e, *_ in found]), values


@functools.lru_cache(maxsize=4)
def _hint(words: tuple[str, ...]) -> re.Pattern[bytes]:
    return re.compile(b"|".join(re.escape(w.encode()) for w in words), re.I)


def worth_reading(data: bytes, db) -> bool:
    """A component worth parsing for printed values although it has no form and no recorder: one
    of the ``hints`` of ``signatures/rendered_values.toml`` occurs in it."""
    words = words_for(db)
    return words is not None and bool(words.hints) and _hint(words.hints).search(data) is not None
