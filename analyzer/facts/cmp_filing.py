"""Consent-manager configurations that file a recorder where no consent is asked.

A configuration lists services and files each under a category or purpose: Klaro ``services: [{name:
'hotjar', purposes: ['analytics'], required: false}]``, CookieConsent v3 ``categories: {analytics:
{services: {hotjar: {…}}}}``, a hand-written registry ``{id: 'hotjar', category: 'statistik',
legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO'}``. A recorder filed under a category that is always on
(necessary, essential, functional …), on an object whose flags mean the visitor cannot refuse it
(each consent manager's ``js.category_flags`` with status ``ungated``: CookieConsent ``readOnly: true``,
Klaro ``required: true`` / ``optOut: true``, Silktide ``required: true``), or as a legitimate-interest
purpose (TCF ``legIntPurposes``, a ``legalBasis`` that cites Art. 6(1)(f)) runs without consent.

The flags are the ones the consent-code analysis uses for a recorder started inside a category callback
(``analyzer/consent/consent_code.py``); that case is reported by the consent rules and left out here.

Per file (in the worker): files that mention a recorder and a configuration key are parsed and each
object that names a recorder is read. Output: :class:`Filing` records, compliant or not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ahocorasick_rs

from analyzer.model import Status
from analyzer.signatures import SignatureDB

if TYPE_CHECKING:
    from tree_sitter import Node

# "placed_by" / "platform": the columns of cookie-classification tables (a site scanner's table, the Open
# Cookie Database) that consent tools import to file cookies.
_NAME_KEYS = ("name", "title", "label", "id", "key", "service", "vendor", "provider", "placed_by", "platform")
_CATEGORY_KEYS = ("purposes", "purpose", "category", "categories", "type", "group", "cookieCategory")
_CONTAINERS = frozenset({"services", "apps", "cookies", "vendors", "items", "list", "modules", "sections", "scripts", "trackers"})
MARKERS = ("purposes", "readonly", "required", "legintpurposes", "legalbasis", "categories", "category", "needconsent", "optout")


@dataclass(frozen=True)
class Filing:
    vendor: str
    category: str  # where it is filed ("" when only a flag or basis speaks)
    problem: str  # why no consent is asked; "" when the filing asks for consent
    line: int
    column: int
    cmp: str  # the consent manager whose flag or vocabulary matched, or "configuration"


@dataclass(frozen=True)
class _Vocab:
    names: dict[str, str]  # folded service name or token -> vendor id
    needles: ahocorasick_rs.AhoCorasick
    needles_text: tuple[str, ...]
    words: ahocorasick_rs.BytesAhoCorasick  # ASCII words (4+ letters) of the names, to find them in code
    flags: tuple[tuple[str, str, str], ...]  # (flag key, value, CMP name) that mean "cannot refuse"
    always_on: frozenset[str]
    li_keys: frozenset[str]
    basis_keys: frozenset[str]


def _fold(text: str) -> str:
    return re.sub(r"[\s_.-]+", " ", text.casefold()).strip()


@functools.lru_cache(maxsize=4)
def vocabulary(db: SignatureDB) -> _Vocab | None:
    """Recorder names, "cannot refuse" category flags and always-on categories, compiled once per database; None when the
    legal-basis data has no config table."""
    cfg = db.legal_basis.get("config") if db.legal_basis else None
    if cfg is None:
        return None
    names: dict[str, str] = {}
    for vendor in db.vendors.values():
        d = vendor.disclosure
        for name in [vendor.id, vendor.name, *(d.names + d.names_cased if d is not None else ())]:
            names.setdefault(_fold(name), vendor.id)
    flags = []
    always_on = {_fold(c) for c in cfg["always_on_categories"]}
    for cmp in db.cmps.values():
        for flag in cmp.js.category_flags:
            if flag.status is Status.UNGATED:
                flags.append((flag.flag, flag.value, cmp.name))
        if cmp.markup is not None:
            always_on |= {_fold(v) for v in cmp.markup.necessary}
    needles = sorted({n for n in names if len(n) >= 4})
    words = sorted({w.encode() for n in names for w in n.split() if len(w) >= 4 and w.isascii()})
    return _Vocab(
        names,
        ahocorasick_rs.AhoCorasick(needles),
        tuple(needles),
        ahocorasick_rs.BytesAhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA),
        tuple(flags),
        frozenset(always_on),
        frozenset(cfg["li_keys"]),
        frozenset(cfg["basis_keys"]),
    )


def may_hold(text: str, db: SignatureDB) -> bool:
    """Cheap: does this code name a recorder and hold a configuration key?"""
    vocab = vocabulary(db)
    if vocab is None:
        return False
    lower = text.casefold()
    return any(m in lower for m in MARKERS) and bool(vocab.needles.find_matches_as_indexes(lower))


def _vendor_of(text: str, vocab: _Vocab) -> str | None:
    folded = _fold(text)
    if not folded or len(folded) > 60:
        return None
    if folded in vocab.names:
        return vocab.names[folded]
    tokens = folded.split()
    for size in (2, 1):
        for i in range(len(tokens) - size + 1):
            found = vocab.names.get(" ".join(tokens[i : i + size]))
            if found:
                return found
    return None


MAX_NAME_HITS = 4000  # occurrences of recorder names looked at in one file (a bundle names them often)


def filings(text: str, dialect: str, db: SignatureDB, prog=None) -> list[Filing]:
    """Every object of a configuration that names a recorder, with where it is filed.

    Only the objects around an occurrence of a recorder's name are read (the one holding it in a
    name key or string, the one under a key that names it, and the object around that), so a
    multi-megabyte bundle costs a few look-ups per name, not a walk of every node."""
    from analyzer.parse import jsparse  # tree-sitter loads only for files that look like configurations
    from analyzer.parse.jsfacts import Program

    vocab = vocabulary(db)
    if vocab is None:
        return []
    if prog is None:  # the detection pass's tree when the worker hands it over
        prog = Program(jsparse.parse(jsparse.JsSource(text, 1, 1, dialect)))
    out: list[Filing] = []
    seen: set[int] = set()
    done: set[int] = set()  # the innermost nodes already looked around (same node, same chain)
    root = prog.tree.root
    for at in _name_offsets(prog.parsed.source.data, vocab):
        if _in_code(root.descendant_for_byte_range(at, at + 1)):
            continue
        chain = prog.tree.path(at, at + 1)
        if chain[-1].id in done:
            continue
        done.add(chain[-1].id)
        for obj, outer in _around(chain, prog, seen):
            if obj.id in seen:
                continue  # listed twice (the innermost object and a key's value)
            seen.add(obj.id)
            filing = _read(obj, outer, prog, vocab, db)
            if filing is not None:
                out.append(filing)
    return _dedupe(out)


def _in_code(node: Node | None) -> bool:
    """Can this occurrence of a recorder's name not name a filing? A filing is an object whose own
    key or name-key string names the recorder (``_read``), so only an object key or a string that is
    a pair's key or value can; a name in code (``Sentry.init``, ``hj(…)``, a method, a regex) or in
    a string elsewhere (a URL passed to a call, an array element) files nothing. In a bundle those
    are nine occurrences in ten, each of which would cost a descent of the tree. Comments and
    node types not listed are kept."""
    if node is None:
        return False
    kind = node.type
    if kind in ("identifier", "regex_pattern", "shorthand_property_identifier_pattern"):
        return True
    if kind == "string_fragment":
        node = node.parent
        if node is None:
            return False
    elif kind != "property_identifier":
        return False
    parent = node.parent
    return parent is None or parent.type != "pair"


def _name_offsets(data: bytes, vocab: _Vocab) -> list[int]:
    """Byte offsets of the words of recorders' names (ASCII case folded), the first MAX_NAME_HITS."""
    found = sorted({start for _i, start, _e in vocab.words.find_matches_as_indexes(data.lower(), overlapping=False)})
    return found[:MAX_NAME_HITS]


def _around(chain: list[Node], prog, seen: set[int]) -> list[tuple[Node, tuple]]:
    """The objects a name at the end of ``chain`` may file, those in ``seen`` left out: the two
    innermost objects holding it and, for a key, the object that is its value; each with its
    enclosing (key, object) pairs (worked out only when an object is left)."""
    types = [n.type for n in chain]
    found: list[tuple[int, Node, bool]] = [(i, chain[i], False) for i in [i for i, t in enumerate(types) if t == "object"][-2:]]
    for i in range(len(chain) - 1):
        node = chain[i]
        if types[i] == "pair" and node.child_by_field_name("key") == chain[i + 1]:
            value = node.child_by_field_name("value")
            if value is not None and value.type == "object":
                found.append((i, value, True))
    found = [f for f in found if f[1].id not in seen]
    if not found:
        return []
    outers: list[tuple] = [()]
    for i in range(len(chain) - 1):
        outers.append(_outer(chain[i], chain[i + 1], outers[-1], prog))
    out = []
    for i, obj, keyed in found:
        out.append((obj, outers[i] + ((prog.key_of(chain[i]), obj),) if keyed else outers[i]))
    return out


def _outer(node, child, outer: tuple, prog) -> tuple:
    """The enclosing (key, object) pairs: a pair's key is kept as the walk enters its value."""
    if node.type == "pair" and child == node.child_by_field_name("value"):
        return outer + ((prog.key_of(node), child),)
    return outer


def _read(obj, outer: tuple, prog, vocab: _Vocab, db: SignatureDB) -> Filing | None:
    pairs = prog.pairs(obj)
    own_key = outer[-1][0] if outer and outer[-1][1] == obj else ""
    names = [own_key] + [prog.string_value(pairs[k]) or "" for k in _NAME_KEYS if k in pairs]
    vendor = next((v for v in (_vendor_of(n, vocab) for n in names if n) if v), None)
    if vendor is None or not any(k in pairs for k in _NAME_KEYS + _CATEGORY_KEYS) and not _in_container(outer, obj):
        return None
    category, holder = _category(pairs, outer, obj, prog)
    problem, cmp = _problem(category, pairs, holder, prog, vocab, db)
    if not category and not problem:
        return None  # a name only (a translation, a description): not a filing
    line, col = prog.position(obj)
    return Filing(vendor, category, problem, line, col, cmp)


def _in_container(outer: tuple, obj) -> bool:
    return len(outer) >= 2 and outer[-1][1] == obj and outer[-2][0] in _CONTAINERS


def _strings(node, prog) -> list[str]:
    if node is None:
        return []
    value = prog.string_value(node)
    if value is not None:
        return [value] if len(value) <= 40 else []
    if node.type == "array":
        return [v for c in node.named_children for v in _strings(c, prog)]
    return []


def _category(pairs: dict, outer: tuple, obj, prog) -> tuple[str, object | None]:
    """The object's own category values, else the key of the enclosing category object."""
    for key in _CATEGORY_KEYS:
        values = _strings(pairs.get(key), prog)
        if values:
            return ", ".join(values), None
    # categories.<category>.services.<service>: the key above the container that holds the object.
    if len(outer) >= 3 and outer[-1][1] == obj and outer[-2][0] in _CONTAINERS:
        key, holder = outer[-3]
        if key and key not in _CONTAINERS and holder.type == "object":
            return key, holder
    return "", None


def _problem(category: str, pairs: dict, holder, prog, vocab: _Vocab, db: SignatureDB) -> tuple[str, str]:
    from analyzer.facts import cmp_config, legal_basis

    for where, values in (("service", pairs), ("category", prog.pairs(holder) if holder is not None else {})):
        for key, value, cmp in vocab.flags:
            node = values.get(key)
            if node is not None and cmp_config.literal_value(prog, node) == value:  # the configuration reading's truth rule
                return f"{key}: {value} on the {where} (the visitor cannot refuse it)", cmp
    for part in (p.strip() for p in category.split(",")):
        if _fold(part) in vocab.always_on:
            return f"filed under '{part}', a category that is always on", "configuration"
    for key in vocab.li_keys & set(pairs):
        node = pairs[key]
        if node.type in ("true",) or (node.type == "array" and node.named_children):
            return f"{key}: {prog.text(node)[:60]} (a legitimate-interest purpose)", "TCF"
    words = legal_basis.vocabulary(db)
    for key in vocab.basis_keys & set(pairs):
        text = prog.string_value(pairs[key]) or ""
        if text and words is not None and words.li.search(text):
            return f"{key}: '{text[:80]}' (legitimate interest)", "configuration"
    return "", ""


def _dedupe(found: list[Filing]) -> list[Filing]:
    """One filing per vendor and place: an object nested in another naming the same vendor is the same."""
    seen: set[tuple[str, int]] = set()
    out = []
    for f in sorted(found, key=lambda f: (f.line, f.column)):
        if (f.vendor, f.line) not in seen:
            seen.add((f.vendor, f.line))
            out.append(f)
    return out
