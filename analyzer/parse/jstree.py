"""Navigation over one tree-sitter tree at a cost that does not grow with the file.

tree-sitter keeps no parent pointers: ``Node.parent`` descends from the root on every call, so a
walk up from a node nested *d* deep costs O(d²), and a whole-file query costs about half a parse
on a large bundle. This module finds nodes *on demand* instead:

- ``path(offset)``: the chain of nodes from the root down to the smallest node over a byte range,
  built top-down with a binary search among the children of wide nodes (a minified bundle's
  top-level function has thousands of statements);
- ``occurrences(name)``: where an identifier-like token occurs in the bytes (a substring search
  in native code), so that the callers of ``init`` or the references of ``e`` are found without
  visiting every node.

Every step is paid from the file's ``Budget``.
"""

from __future__ import annotations

import bisect
import functools
import re

import ahocorasick_rs
from tree_sitter import Node, TreeCursor

from analyzer.parse.budget import Budget

# Children lists are cached for nodes wider than this (binary search instead of a linear scan).
_WIDE = 16
# Identifier characters in the bytes: ASCII word characters, $ and any non-ASCII byte (UTF-8
# letters in identifiers are rare but legal).
_ID_CHARS = rb"\w$\x80-\xff"
_ID_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$") | frozenset(range(128, 256))
# Ranges up to this size are scanned for a name directly; larger ones share a whole-file scan.
_LOCAL_SCAN = 65536
# Names of at least this many bytes are found with a SIMD substring search (aho-corasick's memmem,
# ~10x the speed of the regex engine's literal prefix search), which lists every occurrence, also
# those inside longer tokens; single letters (a minified bundle's e, t, n occur tens of thousands of
# times, mostly inside other names) keep the regex, which skips those in C.
_SUBSTRING_MIN = 2
# The substring search runs over chunks of this many bytes (its list of occurrences is built at
# once: a chunk bounds it); a chunk where the name occurs more often than once per _DENSE bytes
# hands the rest of the range to the regex.
_CHUNK = 32768
_DENSE = 64


class Tree:
    """The root of one parsed piece of code and the byte-level helpers over it."""

    def __init__(self, root: Node, data: bytes, budget: Budget) -> None:
        self.root = root
        self.data = data
        self.budget = budget
        self._kids: dict[int, tuple[list[int], list[Node]]] = {}
        self._offsets: dict[bytes, list[int]] = {}
        self._last: list[Node] = []  # the previous path (see path)
        self._cursor: TreeCursor | None = None  # moved to each narrow node of a descent (see path)

    # -- descending -----------------------------------------------------------------------------
    def path(self, start: int, end: int | None = None, top: Node | None = None) -> list[Node]:
        """Nodes from ``top`` (default: the root) down to the smallest node covering [start, end),
        outermost first; ``top`` itself is the first element.

        Each step down takes the child whose range covers [start, end): tree-sitter finds the
        first child ending after ``start`` in C; the children of wide nodes (a minified bundle's
        top-level function has thousands of statements) are cached for a binary search.

        Callers look up offsets in order (a name's occurrences), so the descent starts below the
        deepest node of the previous path from the same ``top`` that covers the range: a
        non-empty range has one chain of covering nodes, and the previous path's covering nodes
        are its beginning. The budget is charged as for the whole descent: a step per node
        asked for a child (the last one included), and an eighth of a wide node's children when
        they are first cached; once, when the path is found (the loop is the hottest of a scan)."""
        end = start + 1 if end is None else end
        node = self.root if top is None else top
        out = self._covering_prefix(node, start, end)
        if out:
            steps = len(out) - 1  # the steps the walk down to out[-1] would have taken
            node = out[-1]
        else:
            out = [node]
            steps = 0
        wide = self._kids
        cursor = self._cursor
        if cursor is None:
            cursor = self._cursor = self.root.walk()
        while True:
            steps += 1
            count = node.child_count
            if count == 0:
                break
            if count > _WIDE:
                cached = wide.get(node.id)
                if cached is None:
                    kids = node.children
                    cached = wide[node.id] = ([k.start_byte for k in kids], kids)
                    steps += count // 8
                starts, kids = cached
                i = bisect.bisect_right(starts, start) - 1
                while i >= 0 and kids[i].start_byte == kids[i].end_byte:
                    i -= 1  # a zero-width (missing) node shares its start with the real one
                if i < 0 or kids[i].end_byte < end:
                    break
                node = kids[i]
            else:
                # The cursor finds the first child ending after ``start`` in C and makes one Python
                # node (Node.first_child_for_byte made more, and crashes in py-tree-sitter 0.26 when
                # no child ends after the byte; the cursor returns None).
                cursor.reset(node)
                if cursor.goto_first_child_for_byte(start) is None:
                    break
                child = cursor.node
                # A zero-width (missing) child that ends after ``start`` also starts after it: the
                # check below stops there, as it would at the real node that follows.
                if child is None or child.start_byte > start or end > child.end_byte:
                    break
                node = child
            out.append(node)
        self.budget.spend(steps)
        self._last = out
        return out[:]  # callers may change theirs

    def _covering_prefix(self, top: Node, start: int, end: int) -> list[Node]:
        """The nodes of the previous path from ``top`` that cover [start, end) (ranges nest, so
        they are a prefix of it: binary search); empty when there is none to reuse."""
        last = self._last
        if not last or end <= start or last[0].id != top.id or not (top.start_byte <= start and end <= top.end_byte):
            return []
        lo, hi = 1, len(last)
        while lo < hi:
            mid = (lo + hi) // 2
            node = last[mid]
            if node.start_byte <= start and end <= node.end_byte:
                lo = mid + 1
            else:
                hi = mid
        return last[:lo]

    def path_to(self, node: Node, top: Node | None = None) -> list[Node]:
        """Nodes from ``top`` down to ``node`` (inclusive), outermost first."""
        chain = self.path(node.start_byte, node.end_byte, top)
        # Zero-width or same-range wrappers: stop at the node asked for.
        for i, n in enumerate(chain):
            if n.id == node.id:
                return chain[: i + 1]
        # A node of the same range deeper than the one asked for cannot happen unless the node
        # is not under ``top``: keep what was found, ending with the node itself.
        return chain + [node]

    def ancestors(self, node: Node, top: Node | None = None) -> list[Node]:
        """The ancestors of ``node`` up to ``top``, innermost first (``node`` excluded)."""
        chain = self.path_to(node, top)
        return list(reversed(chain[:-1]))

    def at(self, start: int, end: int) -> Node:
        """The smallest node covering [start, end)."""
        return self.path(start, end)[-1]

    # -- searching the bytes --------------------------------------------------------------------
    def _scan(self, name: bytes, start: int, end: int) -> list[int]:
        """Offsets of ``name`` as a whole token in [start, end): the occurrences not followed by an
        identifier character are found first (as the regex ``name(?![id])`` over [start, end)
        finds them: the end of the range ends the token), the byte before each checked after; the
        budget is charged for the range and for the occurrences of the first step."""
        data = self.data
        if len(name) >= _SUBSTRING_MIN and all(b in _ID_BYTES for b in name):
            out = _token_ends(data, name, start, end)
        else:
            out = [m.start() for m in _token_pattern(name).finditer(data, start, end)]
        self.budget.spend(1 + len(out) // 16 + (end - start) // 65536)
        return [at for at in out if at == 0 or data[at - 1] not in _ID_BYTES]

    def occurrences(self, name: str, start: int = 0, end: int | None = None) -> Occurrences:
        """Byte offsets where ``name`` stands as a whole token in [start, end), in order; the
        iterator's ``skip_to`` jumps past a region (an inner scope) by binary search. A small
        range is scanned on its own; a large one uses the name's offsets over the whole file,
        found once."""
        raw = name.encode("utf-8", "surrogatepass")
        stop = len(self.data) if end is None else end
        if not raw:
            return Occurrences([], start, stop, self.budget)  # a missing (zero-width) identifier
        offsets = self._offsets.get(raw)
        if offsets is None and stop - start <= _LOCAL_SCAN:
            return Occurrences(self._scan(raw, start, stop), start, stop, self.budget)
        if offsets is None:
            offsets = self._offsets[raw] = self._scan(raw, 0, len(self.data))
        return Occurrences(offsets, start, stop, self.budget)

    def text(self, node: Node) -> str:
        """The source text of ``node`` (invalid UTF-8 replaced)."""
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")


@functools.lru_cache(maxsize=8192)
def _token_pattern(name: bytes) -> re.Pattern[bytes]:
    """The literal first (a fast prefix search), then no identifier character after it; shared
    by every file of a scan (minified bundles reuse the same short names)."""
    return re.compile(re.escape(name) + rb"(?![" + _ID_CHARS + rb"])")


def _token_ends(data: bytes, name: bytes, start: int, end: int) -> list[int]:
    """Offsets in [start, end) where ``name`` (identifier characters only) occurs and is not
    followed by an identifier character or stands at ``end``: what ``_token_pattern(name)`` finds
    there. Such occurrences end a run of identifier characters, so no two overlap and every one is
    found, whichever the search starts from (the chunks and the regex fallback agree)."""
    finder = _substring_finder(name)
    view = memoryview(data)
    width = len(name)
    out: list[int] = []
    at = start
    while at < end:
        stop = min(at + _CHUNK, end)
        hits = finder.find_matches_as_indexes(view[at : min(stop + width - 1, end)], overlapping=True)
        for _, first, last in hits:
            after = at + last
            if after == end or data[after] not in _ID_BYTES:
                out.append(at + first)
        if len(hits) > (stop - at) // _DENSE:
            out.extend(m.start() for m in _token_pattern(name).finditer(data, stop, end))
            break
        at = stop
    return out


@functools.lru_cache(maxsize=8192)
def _substring_finder(name: bytes) -> ahocorasick_rs.BytesAhoCorasick:
    """A searcher for the one literal (shared by every file of a scan, as the patterns are)."""
    return ahocorasick_rs.BytesAhoCorasick([name])


class Occurrences:
    """Offsets of one name within a range, iterated in order with jumps."""

    __slots__ = ("offsets", "i", "stop", "budget")

    def __init__(self, offsets: list[int], start: int, stop: int, budget: Budget) -> None:
        self.offsets = offsets
        self.i = bisect.bisect_left(offsets, start)
        self.stop = stop
        self.budget = budget

    def __iter__(self) -> Occurrences:
        return self

    def __next__(self) -> int:
        if self.i >= len(self.offsets) or self.offsets[self.i] >= self.stop:
            raise StopIteration
        self.budget.spend()
        self.i += 1
        return self.offsets[self.i - 1]

    def skip_to(self, position: int) -> None:
        """Continue with the first offset at or after ``position``."""
        if self.i < len(self.offsets) and self.offsets[self.i] < position:
            self.i = bisect.bisect_left(self.offsets, position, self.i)


def inside(node: Node, outer: Node) -> bool:
    """Does ``node`` lie within ``outer``'s bytes (``outer`` itself included)?"""
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte
