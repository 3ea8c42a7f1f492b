"""One Aho-Corasick pass over a file's raw bytes decides which vendors need a deep look.

The needles are every literal the signatures imply (hosts, URL-regex literals, the longest string
of each snippet group), lower-cased; the bytes are ASCII-lower-cased, so matching is
case-insensitive for the ASCII needles the signatures use. A file with no hit is not parsed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ahocorasick_rs

from analyzer.signatures import SignatureDB


@dataclass(frozen=True)
class Candidates:
    """Vendors and consent managers whose literals occur in a file."""

    vendors: frozenset[str]
    cmps: frozenset[str]


class Prefilter:
    def __init__(self, db: SignatureDB) -> None:
        owners: dict[bytes, set[tuple[str, str]]] = {}
        for vendor in db.vendors.values():
            for needle in vendor.needles:
                owners.setdefault(needle.lower().encode(), set()).add(("v", vendor.id))
        for cmp in db.cmps.values():
            for needle in cmp.needles:
                owners.setdefault(needle.lower().encode(), set()).add(("c", cmp.id))
        self._needles = sorted(owners)
        self._owners = [frozenset(owners[n]) for n in self._needles]
        # DFA: twice as fast as the default NFA on 40 KB pages, for a one-off build cost.
        self._matcher = ahocorasick_rs.BytesAhoCorasick(self._needles, implementation=ahocorasick_rs.Implementation.DFA)

    @property
    def needles(self) -> list[bytes]:
        """Every literal searched for, lower-cased, sorted."""
        return self._needles

    def first_offsets(self, data: bytes) -> dict[str, int]:
        """Vendor id -> byte offset of the first of its literals in ``data``."""
        out: dict[str, int] = {}
        for index, start, _ in self._matcher.find_matches_as_indexes(data.lower(), overlapping=True):
            for kind, owner in self._owners[index]:
                if kind == "v" and (owner not in out or start < out[owner]):
                    out[owner] = start
        return out

    def candidates(self, data: bytes) -> Candidates:
        """Vendors and CMPs whose literals occur in ``data`` (no vendor: nothing to parse)."""
        hits = self._matcher.find_matches_as_indexes(data.lower(), overlapping=True)
        found: set[tuple[str, str]] = set()
        for index in {h[0] for h in hits}:
            found |= self._owners[index]
        return Candidates(
            vendors=frozenset(i for k, i in found if k == "v"),
            cmps=frozenset(i for k, i in found if k == "c"),
        )


@functools.lru_cache(maxsize=4)
def for_db(db: SignatureDB) -> Prefilter:
    """The prefilter of a signature set (built once per set)."""
    return Prefilter(db)
