"""Whether two controls belong together by what stands between them: two boxes in one list of answers (nothing but
their own choice texts between them), two parts of one entry (nothing but punctuation).

A checkbox list whose boxes are named apart ("[ ] White [ ] Asian [ ] Black or African American" under
"2. Race", each box its own ``name``) asks one question, written once, before the first box. The boxes
after the first have no question of their own: the text before them is the previous box's answer. They
answer the first box's question when the only words between two boxes, in document order, are the two
boxes' own choice texts, whatever markup holds them (a ``<br>`` line, a ``<div>`` per box, a grid of
``<td>`` cells across table rows). A heading, a question or another control between them starts
something else.
"""

from __future__ import annotations

import lxml.etree

from analyzer.signatures.lexicon import tokens

# How many elements the walk from one box to the next may pass: a list's boxes stand close together, and a
# page with boxes far apart is not read further (the walk stays linear in the page).
_MAX_STEPS = 60


def one_list(before: lxml.etree._Element, el: lxml.etree._Element, choices: str) -> bool:
    """Whether ``el`` follows ``before`` in the same list of answers: every word between the two boxes is
    one of ``choices`` (the two boxes' own choice texts), and no control stands between them."""
    allowed = set(tokens(choices))
    between = words_between(before, el)
    return between is not None and all(w in allowed for w in between)


def adjacent(before: lxml.etree._Element, el: lxml.etree._Element) -> bool:
    """Whether nothing but punctuation stands between two controls ("120 / 80", a date in three boxes "dd / mm /
    yyyy"): the second is one more part of the first one's entry."""
    return words_between(before, el) == []


def words_between(a: lxml.etree._Element, b: lxml.etree._Element) -> list[str] | None:
    """The words between the end of ``a`` and the start of ``b`` in document order, or None when a control
    stands between them, ``b`` does not follow ``a`` closely, or the walk passes more than ``_MAX_STEPS``
    elements."""
    holds_b = set(b.iterancestors())  # the elements themselves: lxml keeps their proxies (and ids) while they are held
    words: list[str] = []
    steps = 0
    node: lxml.etree._Element | None = a
    while node is not None:
        words += tokens(node.tail or "")
        nxt = node.getnext()
        while nxt is None:
            node = node.getparent()
            if node is None or node in holds_b:  # b is not after a in this tree
                return None
            words += tokens(node.tail or "")
            nxt = node.getnext()
        for sub in nxt.iter():
            steps += 1
            if sub is b:
                return words
            if steps > _MAX_STEPS or sub.tag in ("input", "select", "textarea"):
                return None
            if isinstance(sub.tag, str):  # a comment's text is not shown
                words += tokens(sub.text or "")
            if sub is not nxt and sub not in holds_b:  # a tail inside nxt, before b when b is outside sub
                words += tokens(sub.tail or "")
        node = nxt
    return None
