"""Which recorder vendors a policy page names, and which recorders of the scan no policy page names.

A vendor is named by a product or former name, a legal entity, a URL or link on one of its domains, or
one of its cookie / storage names (``signatures/vendors/<id>.toml``: ``[disclosure]`` plus the vendor's
``storage_keys``, the one list the detection and the disclosure check share). Names that are also common
words ("Clarity", "Heap", "Sentry") match only as written; cookie names match with or without their leading
underscores (Markdown eats them: ``hjClosedSurveyInvites``), and a key ending in ``_`` or ``.`` is a prefix
(``_hjSessionUser_`` names ``_hjSessionUser_123456``). Storage keys too short or shared to say who set them
(Clarity's ``MUID``, Smartlook's ``AWSELB``) are listed as ``weak_cookies`` and never count alone.

Input: the prose of a page (``analyzer.parse.prose``). Output: one :class:`Naming` per vendor and way of naming,
at its first place in the file.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import ahocorasick_rs

from analyzer.parse.prose import Prose
from analyzer.signatures import SignatureDB

HOWS = ("product", "entity", "link", "cookie")


@dataclass(frozen=True)
class Naming:
    vendor: str
    how: str  # product, entity, link, cookie
    line: int
    column: int
    text: str


def _words(literal: str) -> str:
    """A name as a regex: whitespace runs (and &nbsp;) flexible, word boundaries outside; not inside a
    URL or an e-mail address (``www.fullstory.com`` names FullStory by link, not by name)."""
    body = r"\s+".join(re.escape(part) for part in literal.split())
    return r"(?<![\w./@-])" + body + r"(?![\w]|\.[a-z]{2,6}\b)"


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class _Family:
    """One regex over every vendor for one way of naming, and who each matched text belongs to."""

    how: str
    pattern: re.Pattern[str] | None
    owners: dict[str, tuple[str, ...]]
    fold: bool  # owners keyed case-insensitively
    # The first words of the names, lower-cased: every match starts with one. The pattern (a
    # lookbehind, then hundreds of names) has no literal prefix, so the regex engine would try each
    # of them at every character of a page; it is tried only where one of these words stands.
    first_words: ahocorasick_rs.AhoCorasick | None = None

    def find(self, text: str, start: int = 0) -> list[tuple[int, int, str, tuple[str, ...]]]:
        if self.pattern is None:
            return []
        out = []
        for m in self._finditer(text, start):
            found = m.group(0)
            owner = self.owners.get(self._norm(found))
            if owner:
                out.append((m.start(), m.end(), found, owner))
        return out

    def _finditer(self, text: str, start: int) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer(text, start)`` yields: the same leftmost non-overlapping
        matches, tried only where a first word starts (all of them when lower-casing changes the
        text's length, so offsets would not carry over)."""
        assert self.pattern is not None
        lowered = text.lower()
        if self.first_words is None or len(lowered) != len(text):
            yield from self.pattern.finditer(text, start)
            return
        match = self.pattern.match
        end = start
        for at in sorted({s for _i, s, _e in self.first_words.find_matches_as_indexes(lowered, overlapping=True)}):
            if at < end:
                continue
            m = match(text, at)
            if m is not None:
                yield m
                end = m.end()

    def _norm(self, found: str) -> str:
        if self.how == "cookie":
            return found.lstrip("_")
        if self.how == "link":
            return _domain_key(found)
        return _key(found) if self.fold else " ".join(found.split())


def _domain_key(found: str) -> str:
    return found.casefold()


class NameMatcher:
    """Every vendor's names, entities, domains and cookies, compiled once per signature database."""

    def __init__(self, db: SignatureDB) -> None:
        products: dict[str, set[str]] = {}
        cased: dict[str, set[str]] = {}
        entities: dict[str, set[str]] = {}
        domains: dict[str, set[str]] = {}
        cookies: dict[str, tuple[set[str], bool]] = {}
        self.self_hosted: frozenset[str] = frozenset(v.id for v in db.vendors.values() if v.self_hosted)
        for vendor in db.vendors.values():
            d = vendor.disclosure
            if d is None:
                continue
            for name in d.names + d.former_names:
                products.setdefault(_key(name), set()).add(vendor.id)
            for name in d.names_cased:
                cased.setdefault(" ".join(name.split()), set()).add(vendor.id)
            for entity in d.entities:
                if entity.shared:
                    continue
                for name in entity.match:
                    entities.setdefault(_key(name), set()).add(vendor.id)
            for domain in d.domains:
                domains.setdefault(domain.casefold(), set()).add(vendor.id)
            weak = d.weak_cookies
            for key in vendor.storage_keys + d.cookies:
                if key in weak or len(key.strip("_.-")) < 3:
                    continue
                core = key.lstrip("_")
                owners, _ = cookies.get(core, (set(), False))
                owners.add(vendor.id)
                cookies[core] = (owners, key.endswith(("_", ".", "-")))
        self.families = (
            self._family("product", products, fold=True),
            self._family("product", cased, fold=False),
            self._family("entity", entities, fold=True),
            self._domain_family(domains),
            self._cookie_family(cookies),
        )
        # The last prose text's matches per family: a policy page asks for its namings, then its spans.
        self._found: tuple[str, list[list[tuple[int, int, str, tuple[str, ...]]]]] | None = None

    def _matches(self, text: str) -> list[list[tuple[int, int, str, tuple[str, ...]]]]:
        if self._found is None or self._found[0] is not text:
            self._found = (text, [family.find(text) for family in self.families])
        return self._found[1]

    @staticmethod
    def _family(how: str, names: dict[str, set[str]], fold: bool) -> _Family:
        if not names:
            return _Family(how, None, {}, fold)
        alts = sorted(names, key=len, reverse=True)
        pattern = re.compile("|".join(_words(a) for a in alts), re.I if fold else 0)
        worded = all(a.split() for a in alts)
        finder = ahocorasick_rs.AhoCorasick(sorted({a.split()[0].lower() for a in alts})) if worded else None
        return _Family(how, pattern, {k: tuple(sorted(v)) for k, v in names.items()}, fold, finder)

    @staticmethod
    def _domain_family(domains: dict[str, set[str]]) -> _Family:
        alts = "|".join(re.escape(d) for d in sorted(domains, key=len, reverse=True))
        # The domain itself or a subdomain of it; the match is the registered part only.
        pattern = re.compile(r"(?<![\w-])(?:[\w-]{1,63}\.){0,4}?(" + alts + r")(?![\w-])", re.I)
        return _DomainFamily("link", pattern, {k: tuple(sorted(v)) for k, v in domains.items()}, True)

    @staticmethod
    def _cookie_family(cookies: dict[str, tuple[set[str], bool]]) -> _Family:
        alts = []
        for core, (_, prefix) in sorted(cookies.items(), key=lambda kv: -len(kv[0])):
            alts.append(re.escape(core) + ("" if prefix else r"(?![A-Za-z0-9])"))
        pattern = re.compile(r"(?<![A-Za-z0-9])_*(?:" + "|".join(alts) + ")")
        return _Family("cookie", pattern, {k: tuple(sorted(v)) for k, (v, _) in cookies.items()}, False)

    def namings(self, prose: Prose) -> list[Naming]:
        """The first place each vendor is named on the page, per way of naming."""
        seen: dict[tuple[str, str], Naming] = {}
        for family, matches in zip(self.families, self._matches(prose.text), strict=True):
            for start, _end, found, owners in matches:
                for vendor in owners:
                    if (vendor, family.how) not in seen:
                        line, col = prose.position(start)
                        seen[(vendor, family.how)] = Naming(vendor, family.how, line, col, found[:120])
        link_family = self.families[3]
        for offset, href in prose.links:
            for _start, _end, _found, owners in link_family.find(href):
                for vendor in owners:
                    if (vendor, "link") not in seen:
                        line, col = _source_position(prose.source, offset)
                        seen[(vendor, "link")] = Naming(vendor, "link", line, col, href[:120])
        return sorted(seen.values(), key=lambda n: (n.line, n.column, n.vendor, n.how))

    def spans(self, prose: Prose) -> list[tuple[int, int, tuple[str, ...]]]:
        """Every place (prose offsets) a vendor is named, for the legal-basis check."""
        out = []
        for matches in self._matches(prose.text):
            out += [(s, e, owners) for s, e, _f, owners in matches]
        return sorted(out)


class _DomainFamily(_Family):
    def find(self, text: str, start: int = 0) -> list[tuple[int, int, str, tuple[str, ...]]]:
        out = []
        for m in self.pattern.finditer(text, start):  # type: ignore[union-attr]
            owner = self.owners.get(m.group(1).casefold())
            if owner:
                out.append((m.start(), m.end(), m.group(0), owner))
        return out


def _source_position(source: str, offset: int) -> tuple[int, int]:
    from analyzer.parse.positions import line_col

    return line_col(source, offset)


@functools.lru_cache(maxsize=4)
def matcher(db: SignatureDB) -> NameMatcher:
    """The database's ``NameMatcher``, built once per database (cached)."""
    return NameMatcher(db)
