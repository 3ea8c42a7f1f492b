"""The nearest element of a kind before another in a parsed page, for many elements at once.

The XPath ``preceding::*[self::h2 or …][1]`` asked for each control of a form walks the document
back from that control every time: a page of 12,000 controls, each under its own heading, took
minutes. ``Preceding`` walks the page once in document order and answers the same question for
every element it was built for. Like the XPath, it leaves out the element's ancestors (a
``<legend>`` that holds a checkbox does not precede it).

The same walk gives each heading the heading of the section that holds it (``over``): the nearest
heading before it of a higher rank, as a document's outline nests them (an ``<h3>`` "Etapa 13" under
the ``<h2>`` "Avaliação de Depressão").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import lxml.etree

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_KINDS = {
    "heading": HEADINGS,
    "heading_or_legend": HEADINGS | {"legend"},
    "bold": frozenset({"strong", "b"}),
    "label": frozenset({"label"}),
}
_LOWEST = 7  # the rank of a legend or a section title written without a heading tag: under any h1-h6


def _rank(tag: str) -> int:
    return int(tag[1]) if tag in HEADINGS else _LOWEST


class Preceding:
    """The elements before each of ``elements`` by kind (``heading``: h1-h6; ``heading_or_legend``;
    ``bold``: strong and b; ``label``), in document order, ancestors left out."""

    def __init__(
        self,
        root: lxml.etree._Element,
        elements: Iterable[lxml.etree._Element],
        titled: Callable[[lxml.etree._Element], bool] | None = None,
    ) -> None:
        """``titled``: whether an element of no heading tag is a heading all the same (a section title
        written as ``<div class="section-title">``); it counts as a ``heading`` and a ``heading_or_legend``."""
        wanted = set(elements)
        self._seen: dict[str, list[lxml.etree._Element]] = {kind: [] for kind in _KINDS}
        self._at: dict[lxml.etree._Element, dict[str, int]] = {}
        headings, either = self._seen["heading"], self._seen["heading_or_legend"]
        # The last heading seen of each rank (1-7) and its place, for each heading's ``over``.
        last: list[tuple[int, lxml.etree._Element] | None] = [None] * (_LOWEST + 1)
        self._over: dict[lxml.etree._Element, lxml.etree._Element] = {}
        for el in root.iter():
            tag = el.tag
            if not isinstance(tag, str):
                continue  # comments, processing instructions
            if el in wanted:
                self._at[el] = {kind: len(found) for kind, found in self._seen.items()}
            for kind, tags in _KINDS.items():
                if tag in tags:
                    self._seen[kind].append(el)
            is_heading = tag in _KINDS["heading_or_legend"]
            if titled is not None and not is_heading and titled(el):
                headings.append(el)
                either.append(el)
                is_heading = True
            if is_heading:
                rank = _rank(tag)
                higher = max((seen for seen in last[1:rank] if seen is not None), key=lambda seen: seen[0], default=None)
                if higher is not None:
                    self._over[el] = higher[1]
                last[rank] = (len(either), el)

    def over(self, heading: lxml.etree._Element, limit: int = 2) -> list[lxml.etree._Element]:
        """The headings of the sections that hold ``heading``'s, nearest first, at most ``limit``: for each, the nearest
        heading before it of a higher rank (h1 over h2 over h3 …, any h1-h6 over a legend or a section title written
        without a heading tag). Its ancestors are left out, as ``nearest`` leaves them out: lxml keeps an ``<h3>`` written
        inside an ``<h2>`` there."""
        out: list[lxml.etree._Element] = []
        at = self._over.get(heading)
        ancestors: set[lxml.etree._Element] | None = None
        while at is not None and len(out) < limit:
            if ancestors is None:
                ancestors = set(heading.iterancestors())
            if at not in ancestors:
                out.append(at)
            at = self._over.get(at)
        return out

    def earlier(self, kind: str, el: lxml.etree._Element, limit: int) -> list[lxml.etree._Element]:
        """Up to ``limit`` elements of ``kind`` before ``el``, nearest first (its ancestors too)."""
        at = self._at.get(el)
        if at is None:
            return []
        found = self._seen[kind]
        return found[max(0, at[kind] - limit) : at[kind]][::-1]

    def nearest(self, kind: str, el: lxml.etree._Element) -> lxml.etree._Element | None:
        """The last element of ``kind`` before ``el`` that does not hold it; None for an element the
        index was not built for."""
        at = self._at.get(el)
        if at is None:
            return None
        found = self._seen[kind]
        ancestors: set[lxml.etree._Element] | None = None
        for i in range(at[kind] - 1, -1, -1):
            candidate = found[i]
            if ancestors is None:
                ancestors = set(el.iterancestors())
            if candidate not in ancestors:
                return candidate
        return None
