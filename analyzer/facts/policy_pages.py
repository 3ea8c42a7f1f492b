"""Is this scanned page a privacy policy, a cookie policy / declaration or a subprocessor list, and if so,
what does its text say? (``signatures/policy_pages.toml``, twelve languages.)

Recognition, cheapest first, so a page that is not a policy costs a few string operations:

- the path: a folder or file name that is a policy slug (``datenschutz``, ``privacy-policy``,
  ``cookieverklaring``, ``content/cookies/index.es.md``);
- the title: HTML ``<title>`` or first ``<h1>``, Markdown front matter ``title`` or first ``#`` heading;
- a consent manager's cookie-declaration embed (Cookiebot ``cd.js`` / ``CookieDeclaration``, OneTrust
  ``ot-sdk-cookie-policy``, ...): the consent manager fills the cookie list in the browser.

Component sources (JSX / TSX / Vue / Svelte) need more: a policy path and one of that kind's titles in the
file, or a title in heading position (``<h1>``, ``title: '…'``); a footer that links "Privacy Policy" is not
a policy page.

A recognised page's prose (``analyzer.parse.prose``: text, tables, lists and links, never its scripts) gives the
vendors it names (``analyzer.facts.disclosure``) and the sentences that claim legitimate interest for recording
(``analyzer.facts.legal_basis``). Input: a path, its kind and its (decoded, neutralised) text. Output: a small
:class:`PolicyPage` the worker returns; the scan-wide checks run after the scan (``analyzer.resolve.compliance``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from analyzer.facts import disclosure, legal_basis
from analyzer.facts.disclosure import Naming
from analyzer.facts.legal_basis import Claim
from analyzer.parse import prose
from analyzer.signatures import SignatureDB

KINDS = ("privacy", "cookie", "subprocessors")
_LANG_SUFFIX = re.compile(r"-(?:en|de|fr|it|es|nl|pt|pl|cs|sv|da|ru)(?:-[a-z]{2})?$")
_LANG_ONLY = re.compile(r"^(?:en|de|fr|it|es|nl|pt|pl|cs|sv|da|ru)(?:-[a-z]{2})?$")
_TRANSPARENT = frozenset({"", "index", "page", "+page", "default", "main", "content", "pages", "src", "app", "public"})
_TITLE_SPLIT = re.compile(r"\s+[|–—·:-]\s+|\s*[|–—·]\s*")
_MIN_CODE_PROSE = 600  # characters of text a component must hold to be a policy page, not a link list


@dataclass(frozen=True)
class PolicyPage:
    """What the worker keeps of one policy page."""

    path: str
    kinds: tuple[str, ...]
    signals: tuple[str, ...]  # why it was recognised: "path 'datenschutz'", "title 'Privacy Policy'", "Cookiebot cookie declaration"
    language: str | None
    named: tuple[Naming, ...]
    delegated: tuple[str, ...]  # consent managers whose embed fills the cookie list at runtime
    claims: tuple[Claim, ...]
    mentions_recording: bool  # the page speaks of session recording / heatmaps


@dataclass(frozen=True)
class _Signals:
    slugs: dict[str, frozenset[tuple[str, str]]]  # slug -> {(kind, language)}
    titles: tuple[tuple[str, str, str, bool], ...]  # (folded phrase, kind, language, may be contained)
    by_phrase: dict[str, tuple[tuple[str, str], ...]]  # folded phrase -> ((kind, language), ...)
    contained: re.Pattern[str]  # the phrases that may stand inside a longer title
    embeds: tuple[tuple[str, str, tuple[tuple[str, ...], ...]], ...]  # (cmp, kind, groups)


def fold(text: str) -> str:
    """Lower-cased, accents removed, ``_`` / spaces / camelCase made ``-``: how slugs compare."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", text)
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[\s_]+", "-", text)


def _fold_title(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("’", "'").split())


@functools.lru_cache(maxsize=4)
def signals(db: SignatureDB) -> _Signals | None:
    """Policy-page slugs, titles and CMP embeds of every language, compiled once per database; None without a policy-pages table."""
    data = db.policy_pages
    if not data:
        return None
    slugs: dict[str, set[tuple[str, str]]] = {}
    titles: list[tuple[str, str, str, bool]] = []
    for lang, sig in data["lang"].items():
        for kind, key in (("privacy", "privacy"), ("cookie", "cookie"), ("subprocessors", "subprocessor")):
            for slug in sig.get(f"{key}_paths", []):
                slugs.setdefault(fold(slug.strip("/")), set()).add((kind, lang))
            for phrase in sig.get(f"{key}_titles", []):
                folded = _fold_title(phrase)
                titles.append((folded, kind, lang, " " in folded or len(folded) >= 12))
    frozen = {k: frozenset(v) for k, v in slugs.items()}
    embeds = tuple((e["cmp"], e["kind"], tuple(tuple(g) for g in e["groups"])) for e in data.get("embed", []))
    by_phrase: dict[str, list[tuple[str, str]]] = {}
    for phrase, kind, lang, _ in titles:
        by_phrase.setdefault(phrase, []).append((kind, lang))
    alts = sorted({phrase for phrase, _, _, contained in titles if contained}, key=len, reverse=True)
    contained = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")
    return _Signals(frozen, tuple(titles), {k: tuple(v) for k, v in by_phrase.items()}, contained, embeds)


def path_kinds(path: str, db: SignatureDB) -> list[tuple[str, str, str]]:
    """(kind, language, slug) for every folder or file name of ``path`` that is a policy slug."""
    sig = signals(db)
    if sig is None:
        return []
    parts = path.replace("\\", "/").split("/")
    out: list[tuple[str, str, str]] = []
    for i, part in enumerate(parts):
        out += _segment_kinds(part.split(".")[0] if i == len(parts) - 1 else part, db)
    return out


@functools.lru_cache(maxsize=4096)
def _segment_kinds(name: str, db: SignatureDB) -> tuple[tuple[str, str, str], ...]:
    """One folder or file name (cached: the pages of a site share their folders)."""
    sig = signals(db)
    seg = _LANG_SUFFIX.sub("", fold(name).strip("-"))
    if sig is None or seg in _TRANSPARENT or _LANG_ONLY.match(seg):
        return ()
    found = sig.slugs.get(seg)
    if found is None and "-" in seg:  # 'cookies-explaination': a slug of 6+ characters, then '-'
        cuts = [i for i, c in enumerate(seg) if c == "-" and i >= 6]
        found = next((sig.slugs[seg[:i]] for i in reversed(cuts) if seg[:i] in sig.slugs), None)
    return tuple((kind, lang, seg) for kind, lang in sorted(found or ()))


def title_kinds(title: str, db: SignatureDB) -> list[tuple[str, str, str]]:
    """(kind, language, phrase) for the policy titles ``title`` is, or holds."""
    sig = signals(db)
    folded = _fold_title(title)
    if sig is None or not folded or len(folded) > 160:
        return []
    parts = {p.strip(" .") for p in _TITLE_SPLIT.split(folded)} | {folded}
    phrases = {p for p in parts if p in sig.by_phrase} | {m.group(0) for m in sig.contained.finditer(folded)}
    return [(kind, lang, phrase) for phrase in sorted(phrases) for kind, lang in sig.by_phrase[phrase]]


def embed_literals(db: SignatureDB) -> tuple[str, ...]:
    """Every string of the embed groups (searched once per page with the other page literals)."""
    sig = signals(db)
    return tuple(sorted({s for _, _, groups in sig.embeds for g in groups for s in g})) if sig else ()


def embeds(text: str, db: SignatureDB, present: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """(consent manager, kind) of the cookie-declaration embeds in a page's source; ``present``: the
    embed literals already known to occur in it (one Aho-Corasick pass for all of them)."""
    sig = signals(db)
    if sig is None:
        return []
    has = (lambda s: s in present) if present is not None else (lambda s: s in text)
    return [(cmp, kind) for cmp, kind, groups in sig.embeds if any(all(has(s) for s in g) for g in groups)]


_HTML_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})<", re.I)
_HTML_H1 = re.compile(r"<h1[^>]*>(.{1,400}?)</h1", re.I | re.S)
_MD_TITLE = re.compile(r"""^(?:title|linkTitle)\s*[:=]\s*["']?([^"'\n]{1,200})""", re.M)
_MD_H1 = re.compile(r"^#[ \t]+(.{1,200})$", re.M)
_CODE_TITLE = re.compile(
    r"""(?:\b(?:title|heading|mainHeading|pageTitle|headline)\s*[:=]\s*\{?\s*["'`]|<h1[^>]*>\s*|<title[^>]*>\s*)([^"'`<>{}\n]{2,120})""",
    re.I,
)
# Where a _CODE_TITLE match can start, in lower-cased text: its keywords as literals (the pattern
# itself, led by a word boundary and an alternation, has no literal prefix: the regex engine tried it
# at every character of a 200 KB bundle head).
_CODE_TITLE_STARTS = re.compile(r"title|heading|mainheading|pagetitle|headline|<h1|<title")
_MAX_CODE_TITLES = 20


def _code_titles(head: str) -> list[str]:
    """What ``_CODE_TITLE.finditer(head)`` finds, the first ``_MAX_CODE_TITLES``: the pattern tried
    only where one of its keywords stands (all of ``head`` when lower-casing changes its length)."""
    low = head.lower()
    if len(low) != len(head):
        return [m.group(1) for m in _CODE_TITLE.finditer(head)][:_MAX_CODE_TITLES]
    out: list[str] = []
    end = 0
    for k in _CODE_TITLE_STARTS.finditer(low):
        if k.start() < end:
            continue
        m = _CODE_TITLE.match(head, k.start())
        if m is not None:
            out.append(m.group(1))
            end = m.end()
            if len(out) == _MAX_CODE_TITLES:
                break
    return out


def _page_titles(kind: str, text: str) -> list[str]:
    """The page's own titles: HTML <title> and first <h1>; Markdown front matter and first # line."""
    head = text[:200_000]
    if kind == "markdown":
        found = [m.group(1) for m in (_MD_TITLE.search(head[:4000]), _MD_H1.search(head)) if m]
        h1 = _HTML_H1.search(head)
        return found + ([re.sub(r"<[^>]*>", " ", h1.group(1))] if h1 else [])
    if kind == "code":
        return _code_titles(head)
    found = []
    for pattern in (_HTML_TITLE, _HTML_H1):
        m = pattern.search(head)
        if m:
            found.append(re.sub(r"<[^>]*>", " ", m.group(1)))
    return found


def recognise(
    path: str, kind: str, text: str, db: SignatureDB, present: frozenset[str] | None = None
) -> tuple[list[str], list[str], str | None, list[str]]:
    """(kinds, signals, language, delegating CMPs) of a page; no kinds: not a policy page.
    ``kind`` is ``html`` (pages, templates), ``markdown``, ``code`` (JSX / TSX) or ``sfc``."""
    if kind == "sfc":
        kind = "code"
    by_path = path_kinds(path, db)
    by_title = [t for title in _page_titles(kind, text) for t in title_kinds(title, db)]
    found_embeds = embeds(text, db, present) if kind != "code" else []
    if kind == "code":
        if by_path and not by_title:
            wanted = {k for k, _, _ in by_path}
            by_title = [t for t in _titles_in_code(text, db) if t[0] in wanted]
            if not by_title:
                return [], [], None, []
        by_path = by_path if by_title else []
    if (by_path or by_title) and present is not None and kind != "code":
        found_embeds = embeds(text, db)  # a policy page: its div / link embeds are looked for too
    kinds = sorted({k for k, _, _ in by_path} | {k for k, _, _ in by_title} | {k for _, k in found_embeds}, key=KINDS.index)
    why = [f"path '{slug}'" for _, _, slug in by_path[:1]] + [f"title '{phrase}'" for _, _, phrase in by_title[:1]]
    why += [f"{cmp} cookie declaration" for cmp, _ in found_embeds]
    langs = [lang for _, lang, _ in by_title] + [lang for _, lang, _ in by_path]
    language = (
        max(dict.fromkeys(langs), key=langs.count) if langs else None
    )  # a tie: the first signal (not set order, which varies per run)
    return kinds, why, language, [cmp for cmp, _ in found_embeds]


def _titles_in_code(text: str, db: SignatureDB) -> list[tuple[str, str, str]]:
    """Policy titles written anywhere in a component as a whole string or element text."""
    sig = signals(db)
    if sig is None:
        return []
    folded = _fold_title(text[:400_000])
    out = []
    for phrase, kind, lang, _ in sig.titles:
        if re.search(r"""[>"'`]\s*(?:<[^>]{1,40}>\s*)?""" + re.escape(phrase) + r"""\s*(?:<|["'`])""", folded):
            out.append((kind, lang, phrase))
    return out


@functools.lru_cache(maxsize=4)
def _title_matcher(db: SignatureDB):
    import ahocorasick_rs

    sig = signals(db)
    phrases = sorted({phrase for phrase, _, _, _ in sig.titles}) if sig else []
    return ahocorasick_rs.AhoCorasick(phrases) if phrases else None


def title_literals(db: SignatureDB) -> tuple[str, ...]:
    """Every folded policy title phrase, sorted (a prefilter's literals); empty without a policy-pages table."""
    sig = signals(db)
    return tuple(sorted({phrase for phrase, _, _, _ in sig.titles})) if sig else ()


def may_be_titled(text: str, db: SignatureDB) -> bool:
    """Cheap, for a component whose path says nothing: does it hold a policy title at all (then its
    title-position strings are read)? Large files (bundles) are left out."""
    matcher = _title_matcher(db)
    if matcher is None or len(text) > 300_000:
        return False
    return bool(matcher.find_matches_as_indexes(text.casefold()))


def extract(
    path: str, kind: str, text: str, db: SignatureDB, dialect: str = "js", present: frozenset[str] | None = None, parsed=None
) -> PolicyPage | None:
    """The policy facts of a page, or None when it is not a policy page (``parsed``: a code file's
    tree when another pass made it)."""
    kinds, why, language, delegated = recognise(path, kind, text, db, present)
    if not kinds:
        return None
    if kind == "markdown":
        page = prose.from_markdown(text)
    elif kind == "code":
        page = prose.from_code(text, dialect, parsed=parsed)
        if len(page.text) - page.text.count(" ") - page.text.count("\n") < _MIN_CODE_PROSE:
            return None
    elif kind == "sfc":
        page = prose.from_html(text, skip_template=False)
    else:
        page = prose.from_html(text)
    matcher = disclosure.matcher(db)
    named = matcher.namings(page)
    recorders = frozenset(db.vendors)
    li = legal_basis.claims(page, matcher.spans(page), recorders, db)
    vocab = legal_basis.vocabulary(db)
    mentions = bool(vocab and vocab.recording.search(page.text))
    return PolicyPage(path, tuple(kinds), tuple(why), language, tuple(named), tuple(delegated), tuple(li), mentions)
