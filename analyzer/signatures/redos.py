"""A static check for regexes whose backtracking can explode (ReDoS), for user signature files.

Python's ``re`` backtracks and has no match-time limit, and signature regexes run over URLs and
whole inline scripts. A regex is refused when it is *ambiguous* in one of the four shapes that
make backtracking super-linear:

1. a repeat inside a repeat (``(a+)+``, ``((a+))+``, ``(a{1,30}){1,30}``): exponential;
2. a repeated alternation whose branches can start with the same character (``(a|a)+``,
   ``(a|ab)*``): exponential;
3. a repeated body whose optional end can start the next repetition (``(aa?)*``, ``(a|aa)+``):
   exponential;
4. two unbounded repeats in a row over characters they share, with nothing required between
   them (``\\w+\\d+``, ``.*.*``, ``a*a?a*``): polynomial.

Possessive repeats and atomic groups never backtrack and are accepted. The check works on the
parse tree ``re`` itself builds (``re._parser``), so it sees through groups and escapes.
"""

from __future__ import annotations

import re
import re._constants as _c  # the standard library's own regex parser (Python 3.11+, as required)
import re._parser as _parser
from typing import TypeAlias

# A character set: (negated, characters). (False, S) is S; (True, S) is every character but S.
CharSet: TypeAlias = tuple[bool, frozenset[str]]
ANY: CharSet = (True, frozenset())
NONE: CharSet = (False, frozenset())
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT}
_WIDE = 256  # a class wider than this is treated as "any character"
_CATEGORIES = {
    _c.CATEGORY_DIGIT: set("0123456789"),
    _c.CATEGORY_WORD: set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"),
    _c.CATEGORY_SPACE: set(" \t\n\r\f\v"),
}


def problem(pattern: str, flags: int = 0) -> str | None:
    """Why ``pattern`` risks catastrophic backtracking, or None if it does not."""
    try:
        tree = _parser.parse(pattern, flags)
    except re.error as exc:
        return f"does not compile: {exc}"
    return _check(list(tree), flags | tree.state.flags)


def _check(items: list, flags: int) -> str | None:
    for i, (op, av) in enumerate(items):
        if op in _REPEATS:
            low, high, body = av
            body = list(body)
            if high > 1:
                if _has_repeat(body):
                    return "nests quantifiers"
                branch = _overlapping_branch(body, flags)
                if branch:
                    return f"repeats an alternation whose branches overlap ({branch})"
                if _trailing_optional_overlap(body, flags):
                    return "repeats a body whose optional end can also start the next repetition"
                if high == _c.MAXREPEAT and _adjacent_overlap(items, i, flags):
                    return "has two unbounded repeats in a row over shared characters"
            found = _check(body, flags)
        else:
            found = next((p for sub in _children(op, av) for p in [_check(sub, flags)] if p), None)
        if found:
            return found
    return None


def _children(op, av) -> list[list]:
    if op == _c.SUBPATTERN:
        return [list(av[-1])]
    if op == _c.BRANCH:
        return [list(b) for b in av[1]]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [list(av[1])]
    if op == _c.GROUPREF_EXISTS:
        return [list(b) for b in av[1:] if b is not None]
    if op in _REPEATS or op == getattr(_c, "POSSESSIVE_REPEAT", None):
        return [list(av[2])]
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return [list(av)]
    return []


def _has_repeat(items: list) -> bool:
    for op, av in items:
        if op in _REPEATS and av[1] > 1:
            return True
        if op != getattr(_c, "ATOMIC_GROUP", None) and any(_has_repeat(sub) for sub in _children(op, av)):
            return True
    return False


def _overlapping_branch(items: list, flags: int) -> str | None:
    """Two alternatives of a branch in a repeated body that can match alike: both may start with
    the same character, or both may match empty (``re`` factors ``(a|a)`` into ``a(?:|)``)."""
    for op, av in items:
        if op == _c.SUBPATTERN:
            found = _overlapping_branch(list(av[-1]), flags)
            if found:
                return found
        elif op == _c.BRANCH:
            firsts = [_first(list(b), flags) for b in av[1]]
            for a in range(len(firsts)):
                for b in range(a + 1, len(firsts)):
                    if _meet(firsts[a][0], firsts[b][0]) or (firsts[a][1] and firsts[b][1]):
                        return f"alternatives {a + 1} and {b + 1}"
    return None


def _trailing_optional_overlap(items: list, flags: int) -> bool:
    """``(aa?)*``, ``(a|aa)+`` (factored by re into ``a(?:|a)``): an optional part at the end of a
    repeated body that can match what the next repetition starts with, so a run splits many ways."""
    start = _first(items, flags)[0]
    for op, av in reversed(items):
        optional = (op in _REPEATS and av[0] == 0) or (op == _c.BRANCH and any(_first(list(b), flags)[1] for b in av[1]))
        if op == _c.SUBPATTERN:
            if _trailing_optional_overlap(list(av[-1]), flags):
                return True
        elif optional and _meet(_chars([(op, av)], flags), start):
            return True
        if not _nullable(op, av):
            return False
    return False


def _adjacent_overlap(items: list, i: int, flags: int) -> bool:
    """An unbounded repeat at ``i`` followed, across nullable items only, by another unbounded
    repeat whose characters meet its own."""
    own = _chars(list(items[i][1][2]), flags)
    for op, av in items[i + 1 :]:
        if op in _REPEATS and av[1] == _c.MAXREPEAT and _meet(own, _chars(list(av[2]), flags)):
            return True
        if not _nullable(op, av):
            return False
    return False


def _nullable(op, av) -> bool:
    if op in _REPEATS:
        return av[0] == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return True
    if op == _c.SUBPATTERN:
        return all(_nullable(o, a) for o, a in av[-1])
    return False


def _meet(a: CharSet, b: CharSet) -> bool:
    (neg_a, set_a), (neg_b, set_b) = a, b
    if neg_a and neg_b:
        return True
    if neg_a:
        return bool(set_b - set_a)
    if neg_b:
        return bool(set_a - set_b)
    return bool(set_a & set_b)


def _union(a: CharSet, b: CharSet) -> CharSet:
    (neg_a, set_a), (neg_b, set_b) = a, b
    if neg_a and neg_b:
        return True, set_a & set_b
    if neg_a:
        return True, set_a - set_b
    if neg_b:
        return True, set_b - set_a
    return False, set_a | set_b


def _chars(items: list, flags: int) -> CharSet:
    """Every character the items can consume."""
    out = NONE
    for op, av in items:
        if op in _REPEATS or op == getattr(_c, "POSSESSIVE_REPEAT", None):
            got = _chars(list(av[2]), flags)
        elif op == _c.SUBPATTERN:
            got = _chars(list(av[-1]), flags)
        elif op == getattr(_c, "ATOMIC_GROUP", None):
            got = _chars(list(av), flags)
        elif op == _c.BRANCH:
            got = NONE
            for b in av[1]:
                got = _union(got, _chars(list(b), flags))
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            got = NONE
        else:
            got = _first([(op, av)], flags)[0]
        out = _union(out, got)
    return out


def _first(items: list, flags: int) -> tuple[CharSet, bool]:
    """(the characters the items can start with, whether they can match empty)."""
    out = NONE
    for op, av in items:
        if op == _c.LITERAL:
            return _union(out, (False, _cased(chr(av), flags))), False
        if op == _c.NOT_LITERAL:
            return _union(out, (True, _cased(chr(av), flags))), False
        if op in (_c.ANY, _c.GROUPREF, _c.GROUPREF_EXISTS):
            return ANY, False
        if op == _c.IN:
            return _union(out, _class(av, flags)), False
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op == _c.BRANCH:
            parts = [_first(list(b), flags) for b in av[1]]
            for got, _ in parts:
                out = _union(out, got)
            if not any(p[1] for p in parts):
                return out, False
            continue
        atomic = getattr(_c, "ATOMIC_GROUP", None)
        possessive = getattr(_c, "POSSESSIVE_REPEAT", None)
        if op in (_c.SUBPATTERN, atomic) or op in _REPEATS or op == possessive:
            body = list(av[-1]) if op == _c.SUBPATTERN else list(av) if op == atomic else list(av[2])
            got, empty = _first(body, flags)
            out = _union(out, got)
            if op in _REPEATS or op == possessive:
                empty = empty or av[0] == 0
            if not empty:
                return out, False
            continue
        return ANY, False
    return out, True


def _class(av, flags: int) -> CharSet:
    chars: set[str] = set()
    negated = False
    for op, arg in av:
        if op == _c.NEGATE:
            negated = True
        elif op == _c.LITERAL:
            chars |= _cased(chr(arg), flags)
        elif op == _c.RANGE:
            low, high = arg
            if high - low > _WIDE:
                return NONE if negated else ANY  # a wide negated range: treated as matching little
            for code in range(low, high + 1):
                chars |= _cased(chr(code), flags)
        elif op == _c.CATEGORY and arg in _CATEGORIES:
            chars |= _CATEGORIES[arg]
        else:
            return ANY
    return negated, frozenset(chars)


def _cased(ch: str, flags: int) -> frozenset[str]:
    return frozenset({ch, ch.lower(), ch.upper()}) if flags & re.IGNORECASE else frozenset({ch})
