"""Match page elements against vendor and consent-manager signatures.

Produces facts, not verdicts: which element loads which vendor and how (``RecorderSite``), which
consent-manager loaders are on the page (``CmpLoader``), resource hints to recorder hosts, and
commented-out snippets. The consent verdict is ``consent_markup``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from analyzer.kinds import Via
from analyzer.parse import anchors
from analyzer.parse.htmldoc import Element, Page
from analyzer.signatures import Cmp, Loader, SignatureDB, UrlMatcher, Vendor

HINT_RELS = frozenset({"preload", "modulepreload", "preconnect", "dns-prefetch", "prefetch"})


@dataclass(frozen=True)
class CodeSpot:
    """Where a code site is, shaped like an HTML element for the rules that report it."""

    line: int
    column: int
    tag: str = "code"
    text: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    classes: frozenset[str] = frozenset()
    order: int = 0
    in_noscript: bool = False


# Where a site or commented snippet stands: a page element, or a place in code or text.
Spot = Element | CodeSpot


@dataclass(frozen=True)
class RecorderSite:
    vendor: Vendor
    element: Spot
    via: Via  # markup vias, or a code via (analyzer.kinds.Via)
    evidence: str
    url: str | None = None
    original: str | None = None  # for code in a bundle: the original source file:line


@dataclass(frozen=True)
class CmpLoader:
    cmp: Cmp
    loader: Loader
    element: Element
    autoblock: bool
    is_async: bool


@dataclass(frozen=True)
class Hint:
    vendor: Vendor
    element: Element
    rel: str
    url: str


@dataclass(frozen=True)
class CommentedSnippet:
    vendor: Vendor
    comment: Spot
    evidence: str


@dataclass(frozen=True)
class PageFacts:
    sites: tuple[RecorderSite, ...]
    loaders: tuple[CmpLoader, ...]
    hints: tuple[Hint, ...]
    commented: tuple[CommentedSnippet, ...]


# A relative path whose first folder is a host name (``../static.hotjar.com/c/hotjar-1.js``,
# ``/web-sdk.smartlook.com/recorder.js``): how site copiers (HTTrack, "save page as" with its
# folder of resources, wget --mirror) lay out files fetched from other hosts; the copy serves them
# from its own host, so the folder's name is the host the file came from. Only a folder followed by
# more path counts, and only a dotted name ending in a letters-only label.
_HOST_LABEL = re.compile(r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")


def _is_host_name(name: str) -> bool:
    """A dotted DNS name (``static.hotjar.com``): two or more labels, the last letters only."""
    labels = name.lower().split(".")
    return len(labels) >= 2 and 2 <= len(labels[-1]) <= 24 and labels[-1].isalpha() and all(_HOST_LABEL.fullmatch(x) for x in labels)


def _copied_host(path: str) -> tuple[str, str] | None:
    """(host, rest) when the relative ``path``'s first folder, after ``./``, ``../`` and ``/``, is a host name."""
    rest = path
    while rest.startswith(("./", "../", "/")):
        rest = rest[rest.index("/") + 1 :]
    folder, sep, tail = rest.partition("/")
    return (folder.lower(), "/" + tail) if sep and tail and _is_host_name(folder) else None


def own_script_vendors(path: str, vendors: Iterable[Vendor]) -> set[str]:
    """Vendors whose own script the file at ``path`` is: a folder of the path is named after a host of
    theirs and the path under it is one of their URLs (a site copy keeps ``edge.fullstory.com/s/fs.js``
    or ``us-assets.i.posthog.com/static/array.js`` as those folders, see ``_copied_host``). The SDK's
    internals (its own snippet for frames, its queue replay of ``init``) are then not the site starting
    it; the page or code that loads the file is."""
    parts = path.replace("\\", "/").split("/")
    out: set[str] = set()
    for i in range(len(parts) - 1):
        copied = _copied_host("/".join(parts[i:]))
        if copied is not None:
            host, rest = copied
            out |= {v.id for v in vendors if v.urls.matches(host, (host + rest).lower())}
    return out


def split_url(raw: str) -> tuple[str, str] | None:
    """(host, "host/path?query") lower-cased; host is "" for relative URLs. None if not a URL."""
    url = raw.strip()
    if not url or url.startswith(("data:", "javascript:", "blob:", "about:", "#")):
        return None
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    rest = parts.path + (f"?{parts.query}" if parts.query else "")
    if not host and not parts.scheme:
        copied = _copied_host(rest)
        if copied:  # a site copy keeps another host's files in a folder named after that host
            host, rest = copied
    return host, (host + rest).lower()


def url_matches(matcher: UrlMatcher, raw: str) -> bool:
    """Does the raw attribute value (relative, protocol-relative or absolute) match? Not a URL: no."""
    split = split_url(raw)
    return split is not None and matcher.matches(*split)


def _urls_of(el: Element, db: SignatureDB) -> list[tuple[Via, str, tuple[str, str]]]:
    """(via, raw URL, split URL) for src and every deferred-src attribute, each split once."""
    out = []
    deferred = db.deferred_src_set
    for via, attr in [(Via.SCRIPT_SRC, "src")] + [(Via.DEFERRED_SRC, a) for a in el.attrs if a in deferred]:
        raw = el.attrs.get(attr, "").strip()
        split = split_url(raw) if raw else None
        if split is not None:
            out.append((via, raw, split))
    return out


def script_type(el: Spot) -> str:
    """The ``type`` attribute's MIME type, lower-cased, without parameters ("" when absent)."""
    return el.attrs.get("type", "").split(";")[0].strip().lower()


def snippet_hit(vendor: Vendor, text: str) -> str | None:
    """The note of the first of the vendor's snippet anchor groups wholly present in ``text`` (its anchors joined when it has no note)."""
    for group, note in vendor.snippets:
        if anchors.group_present_text(group, text):
            return note or " + ".join(group)
    return None


# A number where an id is written: a value after ':' '=' '(' ',' '[', alone or quoted, up to the next separator.
_NUMBER_ID = re.compile(r"""[:=(,\[]\s{0,8}(['"`]?)(\d{5,12})\1(?=\s{0,8}[,;)}\]\n])""")


def placeholder_id(text: str, code: Mapping[str, frozenset[str]]) -> str | None:
    """The mark of an id left as the docs wrote it in a start's text, else None: one of the
    ``[code] placeholder_ids`` words (``YOUR_``, ``XXXXX``) anywhere, or a number written whole
    where an id is written (a value, an argument, an array item; a number literal or a quoted
    string of just digits) that is one of ``placeholder_numbers`` (``hjid:1234567``,
    ``'clarity', 'script', '0000000'``): digits in a longer token (a URL, a hash) or in arithmetic
    (``String(t) + "000000"``) do not count."""
    mark = next((m for m in sorted(code.get("placeholder_ids", ())) if m in text), None)
    if mark is not None:
        return mark
    numbers = code.get("placeholder_numbers", frozenset())
    if numbers:
        for m in _NUMBER_ID.finditer(text):
            if m.group(2) in numbers:
                return m.group(2)
    return None


def inline_url_hit(vendor: Vendor, text: str, rivals: list[Vendor] | tuple[Vendor, ...] = ()) -> str | None:
    """A vendor URL written in code: ``//host`` (also JSON-escaped) or a URL regex hit. A host that
    one of ``rivals`` claims more specifically at that place (its URL regex: a path on the host)
    is the rival's, not this vendor's."""
    lower = text.lower()
    if vendor.inline_hosts is not None:
        for m in vendor.inline_hosts.finditer(lower):
            if not _claimed_by_path(vendor, lower, m.start(1), rivals):
                return m.group(1)
    for regex in vendor.urls.regexes:
        found = regex.search(lower)
        if found:
            return found.group(0)
    return None


def outranked(vendor: Vendor, split: tuple[str, str], vendors: list[Vendor]) -> bool:
    """Does another vendor claim this URL more specifically than ``vendor`` (a path over a host)?"""
    mine = vendor.urls.rank(*split)
    return any(v.id != vendor.id and v.urls.rank(*split) > mine for v in vendors)


def _claimed_by_path(vendor: Vendor, lower: str, at: int, rivals: list[Vendor] | tuple[Vendor, ...]) -> bool:
    """Does a rival's URL regex match the URL that starts at ``at`` (Hotjar's csq- path on a
    Contentsquare host)? Only the URL's own run of characters is looked at."""
    end = at
    while end < len(lower) and end - at < 512 and lower[end] not in "'\"` \n\t<>)":
        end += 1
    url = lower[at:end]
    return any(v.id != vendor.id and any(r.match(url) for r in v.urls.regexes) for v in rivals)


def _script_sites(el: Element, vendors: list[Vendor], db: SignatureDB, text: str) -> list[RecorderSite]:
    """``text``: the script's code with its comments blanked (a commented-out snippet is not one)."""
    sites: list[RecorderSite] = []
    urls = _urls_of(el, db)
    for vendor in vendors:
        hit = next(((via, u) for via, u, split in urls if vendor.urls.matches(*split) and not outranked(vendor, split, vendors)), None)
        if hit:
            sites.append(RecorderSite(vendor, el, hit[0], f'src="{hit[1]}"', hit[1]))
            continue
        marker = next((a for a in vendor.script_attributes if a in el.attrs), None)
        if marker and urls:
            sites.append(
                RecorderSite(vendor, el, urls[0][0], f'src="{urls[0][1]}" with {marker} ({vendor.name}\'s tag attribute)', urls[0][1])
            )
            continue
        if not text.strip():
            continue
        note = snippet_hit(vendor, text)
        if note:
            sites.append(RecorderSite(vendor, el, Via.INLINE_SNIPPET, note))
            continue
        url = inline_url_hit(vendor, text, vendors)
        clue = next((c for c in db.script_types.injection_clues if c in text), None) if url else None
        if url and clue:
            sites.append(RecorderSite(vendor, el, Via.INLINE_LOADER, f"code injects a script from {url} ({clue})", url))
    return sites


def _pixel_sites(el: Element, vendors: list[Vendor]) -> list[RecorderSite]:
    src = el.attrs.get("src", "")
    return [
        RecorderSite(v, el, Via.NOSCRIPT_PIXEL, f'<{el.tag} src="{src.strip()}">', src.strip()) for v in vendors if url_matches(v.urls, src)
    ]


def _hints(el: Element, vendors: list[Vendor]) -> list[Hint]:
    rels = set(el.attrs.get("rel", "").lower().split()) & HINT_RELS
    href = el.attrs.get("href", "")
    if not rels or not href:
        return []
    return [Hint(v, el, sorted(rels)[0], href.strip()) for v in vendors if url_matches(v.urls, href)]


def _cmp_loaders(el: Element, cmps: list[Cmp]) -> list[CmpLoader]:
    out = []
    src = el.attrs.get("src", "").strip()
    split = split_url(src) if src else None
    for cmp in cmps:
        for loader in cmp.loaders:
            by_url = split is not None and loader.urls.matches(*split)
            by_snippet = bool(el.text.strip()) and any(all(s in el.text for s in g) for g in loader.snippets)
            if by_url or by_snippet:
                auto = loader.autoblock or any(m.matches(el.attrs, el.classes) for m in loader.autoblock_when)
                is_async = "async" in el.attrs or "defer" in el.attrs
                out.append(CmpLoader(cmp, loader, el, auto, is_async))
                break
    return out


def commented_in(comment: Element, vendors: list[Vendor]) -> list[CommentedSnippet]:
    """The snippets an HTML comment holds (a snippet, or a ``<script`` with a vendor URL)."""
    out = []
    for vendor in vendors:
        note = snippet_hit(vendor, comment.text)
        if note is None and "<script" in comment.text.lower():
            note = inline_url_hit(vendor, comment.text)
        if note:
            out.append(CommentedSnippet(vendor, comment, note))
    return out


_MEMO: dict[tuple, tuple[list, list, list]] = {}
_MEMO_CAP = 4096


def _code_of(text: str, vendors: list[Vendor]) -> tuple[str, list]:
    """The script's text with comments blanked, and the snippets its comments hold, when a
    vendor's text is in it at all (tree-sitter reads the comments only then)."""
    if not text.strip() or not any(snippet_hit(v, text) or inline_url_hit(v, text) for v in vendors):
        return text, []
    from analyzer.facts import commented  # commented builds on this module's matchers

    return commented.script_body(text, vendors)


def _script_facts(el: Element, vendors: list[Vendor], cmps: list[Cmp], db: SignatureDB) -> tuple[list[RecorderSite], list[CmpLoader], list]:
    """Sites, CMP loaders and commented-out snippets of one script, memoised by its content:
    pages built from one layout repeat the same <head> scripts on every page, and matching
    them again is wasted work."""
    key = (tuple(sorted(el.attrs.items())), el.text, tuple(v.id for v in vendors), tuple(c.id for c in cmps))
    hit = _MEMO.get(key)
    if hit is None:
        code, in_comments = _code_of(el.text, vendors)
        sites, loaders = _script_sites(el, vendors, db, code), _cmp_loaders(el, cmps)
        hit = (
            [(s.vendor, s.via, s.evidence, s.url) for s in sites],
            [(ld.cmp, ld.loader, ld.autoblock, ld.is_async) for ld in loaders],
            in_comments,
        )
        if len(_MEMO) >= _MEMO_CAP:
            _MEMO.clear()
        _MEMO[key] = hit
    return (
        [RecorderSite(v, el, via, ev, url) for v, via, ev, url in hit[0]],
        [CmpLoader(c, ld, el, auto, asy) for c, ld, auto, asy in hit[1]],
        hit[2],
    )


def _in_script(page: Page, el: Element, found: list) -> list[CommentedSnippet]:
    """Commented-out snippets of a script's comments, placed in the page."""
    out = []
    line0, col0 = page.body_position(el)
    for start, vendor, note in found:
        before = el.text[:start]
        newlines = before.count("\n")
        column = col0 + start if newlines == 0 else start - before.rfind("\n")
        out.append(CommentedSnippet(vendor, CodeSpot(line0 + newlines, column, tag="comment"), f"JavaScript comment in a script: {note}"))
    return out


def _runs(el: Element, db: SignatureDB) -> bool:
    """Whether a script runs as the page loads, so that a consent manager it loads is there at all: of an executable
    type, not in <noscript> or <template>, and not ``nomodule`` (which current browsers skip)."""
    return not el.in_noscript and script_type(el) in db.script_types.executable and "nomodule" not in el.attrs


def page_facts(page: Page, vendors: list[Vendor], cmps: list[Cmp], db: SignatureDB) -> PageFacts:
    """Everything the checks need to know about one parsed page, for the candidate vendors and CMPs."""
    sites: list[RecorderSite] = []
    loaders: list[CmpLoader] = []
    hints: list[Hint] = []
    commented: list[CommentedSnippet] = []
    data_types = db.script_types.data
    for el in page.elements:
        if el.tag == "script":
            if script_type(el) in data_types:
                continue
            found, loads, in_comments = _script_facts(el, vendors, cmps, db)
            sites += found
            if _runs(el, db):
                # A module runs after the page is parsed, as a deferred script does: the recorders before it ran first.
                loaders += [replace(ld, is_async=True) for ld in loads] if script_type(el) == "module" else loads
            commented += _in_script(page, el, in_comments)
        elif el.tag in ("img", "iframe") and el.in_noscript:
            sites += _pixel_sites(el, vendors)
        elif el.tag == "link":
            hints += _hints(el, vendors)
    commented += [c for comment in page.comments for c in commented_in(comment, vendors)]
    return PageFacts(tuple(sites), tuple(loaders), tuple(hints), tuple(commented))
