"""Policy sentences that give legitimate interest (GDPR Art. 6(1)(f)) as the basis for session recording.

The vocabulary is ``signatures/legal_basis.toml`` (twelve languages). A sentence *claims* legitimate
interest when it holds an LI phrase ("berechtigtes Interesse", "intérêt légitime", ...) or an Art. 6(1)(f)
citation in any of its forms, and no negation stands just before it. What the claim covers decides:

1. the sentence names a recorder vendor, or recording / heatmaps: the claim is about recording;
2. the sentence, or the headings above it, name an analytics product that records nothing (Google
   Analytics) and no recorder: it is about that product, not about recording;
3. the sentence names the analytics / statistics category and the page names a recorder or recording
   somewhere (the category that holds it);
4. the sentence names no purpose at all and no look-alike purpose (security, fraud prevention, server
   logs ...), and its paragraph names a recorder or recording ("We use Hotjar for heatmaps. The legal
   basis is our legitimate interest."), or a heading above it does (a "Hotjar" section), or names the
   analytics category (on a page that names a recorder).

A bare list of legal bases, or LI for security, fraud or logs, claims nothing about recording.

Input: the prose of a page and the vendor names found in it. Output: :class:`Claim` records.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analyzer.parse.prose import Heading, Prose
from analyzer.signatures import SignatureDB

MAX_SENTENCE = 1200
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:#|[-*+][ \t]|\d{1,3}[.)][ \t]|\||>))")
_END = re.compile(r"[.!?;](?=[\s\"'»”)\]]*\s)")
_WORD_BEFORE = re.compile(r"([\w.]{0,12})[.!?;:]$")


@dataclass(frozen=True)
class Claim:
    line: int
    column: int
    quote: str
    covers: str  # what the LI is given for: a vendor's name, "session recording / heatmaps", "the analytics category"
    vendors: tuple[str, ...]  # recorders named in the sentence or its headings
    basis: str  # the LI phrase or citation found
    # LI for the analytics category on a page that names no recorder: about recording only if the
    # site loads one (decided after the scan, from its detections).
    conditional: bool = False


@dataclass(frozen=True)
class Vocabulary:
    li: re.Pattern[str]  # every LI phrase and citation (for a quick "any at all?")
    by_language: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]  # (LI phrases, negations) per language
    citations: re.Pattern[str]
    any_negation: re.Pattern[str]  # negations of three letters or more, for a citation (no language)
    recording: re.Pattern[str]
    analytics: re.Pattern[str]
    other: re.Pattern[str]
    products: re.Pattern[str]


def _prefixes(words: list[str]) -> re.Pattern[str]:
    alts = sorted({w.casefold() for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(r"\s+".join(map(re.escape, a.split())) for a in alts) + ")", re.I)


@functools.lru_cache(maxsize=4)
def vocabulary(db: SignatureDB) -> Vocabulary | None:
    """The legitimate-interest phrases, negations and purpose words of every language, compiled once per database; None
    without a legal-basis table."""
    data = db.legal_basis
    if not data:
        return None
    langs = list(data["lang"].values())
    li = [p for lang in langs for p in lang["legitimate_interest"]] + list(data["li_citations"])
    # Negations are read in the language of the LI phrase: Spanish "no" is Portuguese "in the".
    by_language = tuple(
        (re.compile("|".join(f"(?:{p})" for p in lang["legitimate_interest"]), re.I), _whole_words(lang["negations"])) for lang in langs
    )
    return Vocabulary(
        li=re.compile("|".join(f"(?:{p})" for p in li), re.I),
        by_language=by_language,
        citations=re.compile("|".join(f"(?:{p})" for p in data["li_citations"]), re.I),
        any_negation=_whole_words([w for lang in langs for w in lang["negations"] if len(w) >= 3]),
        recording=_prefixes([w for lang in langs for w in lang["recording"]]),
        analytics=_prefixes([w for lang in langs for w in lang["analytics"]]),
        other=_prefixes([w for lang in langs for w in lang["other_purposes"]]),
        products=_prefixes(data["analytics_products"]["names"]),
    )


def _whole_words(words: list[str]) -> re.Pattern[str]:
    alts = sorted({w.casefold() for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in alts) + r")(?![\w])", re.I)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: cut at blank lines, list items, table rows, headings, blocks."""
    out, start = [], 0
    for m in _PARAGRAPH.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: paragraphs (blank lines, list items, table rows, headings,
    block elements) cut at sentence ends; a period after a word of three characters or fewer, or
    after an abbreviation with inner periods ("Art.", "Abs.", "lit.", "z.B.", "Ltd.", "6."), does not
    end a sentence."""
    out: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        _split(text, start, end, out)
    return out


def _split(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    at = start
    for m in _END.finditer(text, start, end):
        word = _WORD_BEFORE.search(text, max(start, m.start() - 13), m.end())
        before = word.group(1) if word else ""
        if m.group(0) == "." and (len(before.strip(".")) <= 3 or "." in before.strip(".")):
            continue
        _add(text, at, m.end(), out)
        at = m.end()
    _add(text, at, end, out)


def _add(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def claims(prose: Prose, named: list[tuple[int, int, tuple[str, ...]]], recorders: frozenset[str], db: SignatureDB) -> list[Claim]:
    """The sentences of ``prose`` that claim legitimate interest for recording. ``named`` are the
    places vendors are named (prose offsets); ``recorders`` the vendor ids that record."""
    vocab = vocabulary(db)
    if vocab is None or not vocab.li.search(prose.text):
        return []
    text = prose.text
    spans = [(s, e, tuple(v for v in owners if v in recorders)) for s, e, owners in named]
    spans = [sp for sp in spans if sp[2]]
    page_records = bool(spans) or vocab.recording.search(text) is not None
    out: list[Claim] = []
    for p_start, p_end in paragraphs(text):
        found: list[tuple[int, int]] = []
        _split(text, p_start, p_end, found)
        for start, end in found:
            claim = _claim(vocab, prose, start, min(end, start + MAX_SENTENCE), (p_start, p_end), spans, page_records)
            if claim is not None:
                out.append(claim)
    return out


def _claim(vocab: Vocabulary, prose: Prose, start: int, end: int, paragraph: tuple[int, int], spans, page_records: bool) -> Claim | None:
    text = prose.text
    li = _li_match(vocab, text, start, end)
    if li is None:
        return None
    sentence = text[start:end]
    vendors = tuple(sorted({v for s, e, vs in spans if start <= s < end for v in vs}))
    around = _Around(
        text[paragraph[0] : paragraph[1]], tuple(sorted({v for s, e, vs in spans if paragraph[0] <= s < paragraph[1] for v in vs}))
    )
    covers = _covers(vocab, sentence, vendors, _context(prose.headings, start), spans, page_records, around)
    if covers is None:
        return None
    what, vendors, conditional = covers
    line, col = prose.position(li.start())
    return Claim(line, col, " ".join(sentence.split())[:240], what, vendors, " ".join(li.group(0).split()), conditional)


@dataclass(frozen=True)
class _Around:
    """The paragraph of the sentence: its text and the recorders it names."""

    text: str
    vendors: tuple[str, ...]


def _li_match(vocab: Vocabulary, text: str, start: int, end: int) -> re.Match[str] | None:
    """The first LI phrase or citation in the sentence that no negation (of its language) stands
    just before."""
    found: list[tuple[re.Match[str], re.Pattern[str]]] = []
    for phrases, negations in vocab.by_language:
        found += [(m, negations) for m in phrases.finditer(text, start, end)]
    found += [(m, vocab.any_negation) for m in vocab.citations.finditer(text, start, end)]
    for m, negations in sorted(found, key=lambda f: f[0].start()):
        if not negations.search(text, max(start, m.start() - 48), m.start()):
            return m
    return None


def _context(headings: list[Heading], offset: int) -> list[Heading]:
    """The nearest heading above ``offset`` and the nearest of each higher level above that."""
    out: list[Heading] = []
    level = 7
    for h in reversed(headings):
        if h.start > offset:
            continue
        if h.level < level:
            out.append(h)
            level = h.level
        if level == 1:
            break
    return out


def _covers(vocab: Vocabulary, sentence: str, vendors: tuple[str, ...], heads: list[Heading], spans, page_records: bool, around: _Around):
    """(what the LI in this sentence is given for, the recorders named, conditional), or None when
    it is not about recording. ``conditional``: LI for the analytics category of a page that names
    no recorder (it holds one only if the site loads one)."""
    if vendors:
        return "the recorder it names", vendors, False
    if vocab.recording.search(sentence):
        return "session recording / heatmaps", (), False
    head_text = " / ".join(h.text for h in heads)
    head_vendors = tuple(sorted({v for h in heads for s, e, vs in spans if h.start <= s < h.start + len(h.text) + 8 for v in vs}))
    if (vocab.products.search(sentence) or vocab.products.search(head_text)) and not head_vendors:
        return None
    if vocab.analytics.search(sentence):
        return "the analytics category", (), not page_records
    if vocab.other.search(sentence):
        return None
    if around.vendors and not vocab.products.search(around.text):
        return "the recorder its paragraph names", around.vendors, False
    if vocab.recording.search(around.text):
        return "the paragraph about session recording / heatmaps", (), False
    if head_vendors:
        return f"the recorder of the section '{heads[0].text[:60]}'", head_vendors, False
    if vocab.recording.search(head_text):
        return f"the section '{heads[0].text[:60]}'", (), False
    if vocab.analytics.search(head_text):
        return f"the analytics section '{heads[0].text[:60]}'", (), not page_records
    return None
