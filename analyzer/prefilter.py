"""One Aho-Corasick pass over a file's raw bytes decides which vendors need a deep look.

The needles are every literal the signatures imply (hosts, URL-regex literals, the longest string
of each snippet group), lower-cased; the bytes are ASCII-lower-cased, so matching is
case-insensitive for the ASCII needles the signatures use. A file with no hit is not parsed.
"""

from __future__ import annotations

import functools

import ahocorasick_rs

from analyzer.signatures import SignatureDB


class Prefilter:
    def __init__(self, db: SignatureDB) -> None:
        owners: dict[bytes, set[str]] = {}
        for vendor in db.vendors.values():
            for needle in vendor.needles:
                owners.setdefault(needle.lower().encode(), set()).add(vendor.id)
        self._needles = sorted(owners)
        self._owners = [frozenset(owners[n]) for n in self._needles]
        self._matcher = ahocorasick_rs.BytesAhoCorasick(self._needles)

    def candidates(self, data: bytes) -> frozenset[str]:
        """Vendor ids whose literals occur in ``data`` (empty: nothing to parse)."""
        hits = self._matcher.find_matches_as_indexes(data.lower(), overlapping=True)
        found: set[str] = set()
        for index, _, _ in hits:
            found |= self._owners[index]
        return frozenset(found)


@functools.lru_cache(maxsize=4)
def for_db(db: SignatureDB) -> Prefilter:
    return Prefilter(db)
