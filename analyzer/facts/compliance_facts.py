"""The per-file facts of the compliant-pattern checks (issue 12), gathered in the worker.

One small record per file, empty for almost every file: is it a policy page and what does it say
(``policy_pages``), which stop / opt-out calls and consent-change listeners its code holds
(``withdrawal``), which settings turn a recorder's masking off wholesale (``unmasking``), and how a
consent-manager configuration files recorders (``cmp_filing``). Each extractor first checks cheap
literals, so a page that is none of these costs a few string searches. The scan-wide checks run after
the scan (``analyzer.resolve.compliance``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ahocorasick_rs

from analyzer.facts import cmp_filing, policy_pages, unmasking, withdrawal
from analyzer.facts.cmp_filing import Filing
from analyzer.facts.policy_pages import PolicyPage
from analyzer.facts.unmasking import MaskingOff
from analyzer.facts.withdrawal import Hook, StopCall
from analyzer.parse import htmldoc, reading
from analyzer.signatures import SignatureDB


@dataclass(frozen=True)
class ComplianceFacts:
    policy: PolicyPage | None = None
    stops: tuple[StopCall, ...] = ()
    hooks: tuple[Hook, ...] = ()
    unmasking: tuple[MaskingOff, ...] = ()
    filings: tuple[Filing, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.policy or self.stops or self.hooks or self.unmasking or self.filings)


def for_page(path: str, page, started: set[str], fields, db: SignatureDB) -> ComplianceFacts | None:
    """A parsed HTML page or template (``page.text`` is the neutralised source); ``started`` are the
    vendors it loads or starts itself, ``fields`` its sensitive form fields."""
    text = page.text
    scripts = "\n".join(el.text for el in page.elements if el.tag == "script" and el.text)
    # Stop calls and listeners are code: searched in the inline scripts (a few KB), placed in the page.
    stops, hooks = withdrawal.facts(scripts, db) if scripts else ((), ())
    if stops or hooks:
        stops, hooks = withdrawal.facts(text, db)
    off = unmasking.attributes_in(fields, text, db)
    if started and scripts:
        off += _shift(unmasking.options_in(scripts, started, db), text, scripts)
    # Declaration embeds that are scripts (Cookiebot cd.js, Termly) or comments show in the page's
    # code strings; the div and link forms are read once a page is a policy page by path or title.
    strings = "\n".join(htmldoc.strings(page))
    policy = policy_pages.extract(path, "html", text, db, present=frozenset(s for s in policy_pages.embed_literals(db) if s in strings))
    facts = ComplianceFacts(policy, stops, hooks, tuple(off))
    return facts or None


def for_markdown(path: str, text: str, db: SignatureDB) -> ComplianceFacts | None:
    """A Markdown file's facts: the policy page it may be; None when it is not one."""
    policy = policy_pages.extract(path, "markdown", text, db)
    return ComplianceFacts(policy=policy) if policy is not None else None


@functools.lru_cache(maxsize=4)
def _code_needles(db: SignatureDB) -> tuple[tuple[tuple[str, str], ...], ahocorasick_rs.BytesAhoCorasick]:
    """Lower-case literals that make a code file worth decoding, each with its group: stop calls and
    consent listeners ("stop"), recorder names and configuration keys ("name", "key"), policy titles
    ("title"). One DFA pass over the raw bytes says which groups occur."""
    filing = cmp_filing.vocabulary(db)
    groups: dict[str, set[str]] = {
        "stop": set(withdrawal.index(db).needles),
        "name": set(filing.needles_text) if filing else set(),
        "key": set(cmp_filing.MARKERS),
        "title": set(policy_pages.title_literals(db)),
    }
    pairs = tuple(sorted((n, g) for g, ns in groups.items() for n in ns if len(n) >= 4))
    needles = [n.encode("utf-8") for n, _ in pairs]
    return pairs, ahocorasick_rs.BytesAhoCorasick(needles, implementation=ahocorasick_rs.Implementation.DFA)


def for_code(path: str, kind: str, data: bytes, dialect: str, started: set[str], db: SignatureDB, prog=None) -> ComplianceFacts | None:
    """A JS / TS file or a single-file component (raw bytes); ``started`` are the vendors it starts.
    A file is decoded only when it starts a recorder, has a policy path, or holds literals of a group;
    each extractor runs only for its group."""
    pairs, matcher = _code_needles(db)
    hit = {pairs[i][1] for i, _s, _e in matcher.find_matches_as_indexes(data.lower())}
    by_path = bool(policy_pages.path_kinds(path, db))
    if not started and not by_path and kind != "sfc" and not hit:
        return None
    text = reading.decode(data).text
    stops, hooks = withdrawal.facts(text, db) if "stop" in hit else ((), ())
    off = tuple(unmasking.options_in(text, started, db)) if started else ()
    same = prog if prog is not None and prog.parsed.source.text == text else None  # the tree of this text, when one was made
    filed: tuple[Filing, ...] = ()
    if kind != "sfc" and {"name", "key"} <= hit:
        filed = tuple(cmp_filing.filings(text, dialect, db, same))
    policy = None
    if by_path or kind == "sfc" or ("title" in hit and policy_pages.may_be_titled(text, db)):
        tree = same.parsed if same is not None else None
        policy = policy_pages.extract(path, kind if kind == "sfc" else "code", text, db, dialect, parsed=tree)
    facts = ComplianceFacts(policy, stops, hooks, off, filed)
    return facts or None


def _shift(found: list[MaskingOff], page_text: str, scripts: str) -> list[MaskingOff]:
    """Options found in the page's joined scripts, placed at their line in the page."""
    from dataclasses import replace

    from analyzer.parse.positions import line_col, offset_of

    out = []
    for off in found:
        snippet = scripts[offset_of(scripts, off.line, off.column) :][:40]
        at = page_text.find(snippet)
        line, col = line_col(page_text, at) if at >= 0 else (off.line, off.column)
        out.append(replace(off, line=line, column=col))
    return out
