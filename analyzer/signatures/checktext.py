"""Where a consent check of ``signatures/consent/*.toml`` occurs in a condition's normalised text.

A check is a fragment of code (``consent.analytics``); ``…`` in it stands for any balanced run of code, brackets
and quotes closed (``getServicesBaseInfo().find(…).consent.status``: the service a ``find()`` returns is truthy
whether or not it is consented, so only its ``consent.status`` is the visitor's choice;
``acceptedService(…, 'analytics')``: the category a service is asked in must be an analytics one). The run
never reaches past the bracket that encloses it, so a part after it belongs to the same call or chain. ``‹x›``
stands for one name, the same wherever it stands in the check (``find(‹x›=>‹x›.name==='hotjar')``: the predicate
tests its own parameter's name, and nothing else).
"""

from __future__ import annotations

import re

GAP = "…"
NAME = "‹x›"
_PARAMETER = re.compile(r"\(([a-z_$][\w$]*)\)=>")
_AROUND = 12  # characters of literal code either side of a name, read to find its candidates
_OPEN, _CLOSE = "([{", ")]}"
_RUN = 600  # characters a gap may span
_TRIES = 16  # occurrences of a check's first part tried


def occurs(check: str, text: str) -> bool:
    """Whether ``check`` (normalised, as ``text`` is) occurs in ``text``."""
    if NAME in check:
        if check.split(NAME, 1)[0].split(GAP, 1)[0] not in text:
            return False  # the code before the name is not there: no need to read the names
        text = _PARAMETER.sub(r"\1=>", text).replace(";}", "}")  # (s)=>… is s=>…; {return …;} is {return …}
        return any(_occurs(check.replace(NAME, name), text) for name in _names(check, text))
    return _occurs(check, text)


def granted_after(text: str, word: str, states: tuple[str, ...]) -> bool:
    """Whether ``word`` (a category) stands in ``text`` (lower-cased) with a granted state written after it, in a cookie
    that lists every category with its state ([js] granted_states: OneTrust's ``C0002:1``, ``C0002%3A1`` where
    ``document.cookie`` is read undecoded)."""
    if not states:
        return False
    pattern = re.escape(word) + r"\s*(?:" + "|".join(re.escape(s.lower()) for s in states) + r")(?![0-9a-z_])"
    return re.search(pattern, text) is not None


def assigned_after(text: str, word: str, value: str) -> bool:
    """Whether ``word`` (a key that keeps one category's choice) stands in ``text`` (lower-cased) assigned ``value``: a
    cookie's ``key=value`` (``%3D`` where ``document.cookie`` is read undecoded), spaces or a quote allowed around the
    sign as a comparison writes it (``cmplz_statistics = 'allow'``)."""
    pattern = re.escape(word) + r"\s*(?:=|%3d)\s*['\"]?" + re.escape(value.lower()) + r"(?![0-9a-z_])"
    return re.search(pattern, text) is not None


def _names(check: str, text: str) -> list[str]:
    """The names ``text`` holds where the check's first ``‹x›`` stands (between the same code), the first few."""
    at = check.index(NAME)
    before = check[:at].rsplit(GAP, 1)[-1][-_AROUND:]
    after = check[at + len(NAME) :].split(GAP, 1)[0].split(NAME, 1)[0][:_AROUND]
    pattern = re.escape(before) + r"([a-z_$][\w$]*)" + re.escape(after)
    return list(dict.fromkeys(m.group(1) for m in re.finditer(pattern, text)))[:_TRIES]


def _occurs(check: str, text: str) -> bool:
    if GAP not in check:
        return check in text
    first, *rest = check.split(GAP)
    at = text.find(first)
    tries = 0
    while at != -1 and tries < _TRIES:
        if _follows(rest, text, at + len(first)):
            return True
        at = text.find(first, at + 1)
        tries += 1
    return False


def _follows(parts: list[str], text: str, at: int) -> bool:
    """Whether each of ``parts`` follows ``at`` in turn, each after a balanced run of code."""
    for part in parts:
        end = _after_run(text, at, part)
        if end is None:
            return False
        at = end
    return True


def _after_run(text: str, at: int, part: str) -> int | None:
    """Where ``part`` ends when it starts after a balanced run of code from ``at`` (the shortest), else None."""
    depth, quote = 0, ""
    for i in range(at, min(len(text), at + _RUN) + 1):
        if not quote and depth == 0 and text.startswith(part, i):
            return i + len(part)
        if i == len(text):
            return None
        c = text[i]
        if quote:
            quote = "" if c == quote and text[i - 1] != "\\" else quote
        elif c in "'\"`":
            quote = c
        elif c in _OPEN:
            depth += 1
        elif c in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
    return None
