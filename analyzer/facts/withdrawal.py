"""What stops a recorder when the visitor refuses or withdraws consent.

A recorder that code starts after a consent check keeps recording for the rest of the page view when the
visitor later says no, unless something stops it: the vendor's stop or opt-out call (``[withdrawal] calls``
in ``signatures/vendors/<id>.toml``: PostHog ``opt_out_capturing()``, FullStory ``FS('shutdown')``,
Datadog ``setTrackingConsent('not-granted')`` ...) or, for vendors without one (Hotjar, Crazy Egg ...), a
page reload in the code that handles consent (``location.reload()``), after which the consent check no
longer starts it.

Per file (in the worker, from the raw text, no parse): the stop calls present, and the consent-change
listeners (each consent manager's ``js.generic_events``, which fire on refusal and withdrawal too) that a
refusal path would hang on. After the scan: every gated code start of a vendor that nothing in the scan
stops. Markup-gated recorders are left out: the consent manager that un-blocks the tag decides, and most
reload or block again on withdrawal.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick_rs

from analyzer.kinds import Mechanism
from analyzer.model import Detection, Status
from analyzer.parse.normalise import norm
from analyzer.parse.positions import line_col
from analyzer.signatures import SignatureDB

# Verdicts of starts that code gates (consent_code): a consent check in code, or a vendor hold released
# on consent. Markup, template and tag-manager gates leave refusal to the consent manager.
CODE_GATES = frozenset({Mechanism.CODE_GUARD, Mechanism.VENDOR_HOLD_RELEASED_ON_CONSENT})


@dataclass(frozen=True)
class StopCall:
    vendor: str  # vendor id, or "*" for a reload (stops any recorder)
    call: str
    line: int
    column: int


@dataclass(frozen=True)
class Hook:
    name: str  # the consent-change event or callback
    cmp: str
    line: int


@dataclass(frozen=True)
class _Index:
    calls: tuple[tuple[str, str, str], ...]  # (vendor, call as written, normalised lower-case call)
    needles: tuple[str, ...]
    call_needles: dict[str, str]  # call as written -> its needle (_needle), lower-case
    matcher: ahocorasick_rs.BytesAhoCorasick  # over the needles' UTF-8, matched in the file's UTF-8 with ASCII lowered
    events: tuple[tuple[str, str], ...]  # (event, CMP name)
    consent_needles: tuple[str, ...]


def _needle(call: str) -> str:
    """The longest run of identifier characters of a call: what the raw text must hold."""
    runs = re.findall(r"[A-Za-z_$][\w$:]*", call)
    return max(runs, key=len) if runs else call


@functools.lru_cache(maxsize=4)
def index(db: SignatureDB) -> _Index:
    """The vendors' stop calls, the CMPs' consent events and API needles, and one matcher over the calls' and events'
    literals; once per database."""
    calls = []
    for vendor in db.vendors.values():
        for call in vendor.withdrawal.calls if vendor.withdrawal is not None else ():
            calls.append((vendor.id, call, norm(call).lower()))
    events = []
    api = []
    for cmp in db.cmps.values():
        events += [(e, cmp.name) for e in cmp.js.generic_events if len(e) >= 6]
        api += [n for n in cmp.api_needles if len(n) >= 6]
    needles = sorted({_needle(c).lower() for _, c, _ in calls} | {"reload"} | {e.lower() for e, _ in events})
    matcher = ahocorasick_rs.BytesAhoCorasick([n.encode() for n in needles])
    call_needles = {c: _needle(c).lower() for _, c, _ in calls}
    return _Index(tuple(calls), tuple(needles), call_needles, matcher, tuple(events), tuple(sorted(set(api))))


def facts(text: str, db: SignatureDB) -> tuple[tuple[StopCall, ...], tuple[Hook, ...]]:
    """Stop calls and consent-change listeners in one file's code (or a page's source).

    The needles are identifiers, so the text is searched as UTF-8 with only its ASCII letters
    lowered: on a megabyte bundle that is a few times faster than ``str.lower`` and a search of
    the lowered ``str``."""
    idx = index(db)
    lower = text.encode("utf-8", "surrogatepass").lower()
    hits = {idx.needles[i] for i, _s, _e in idx.matcher.find_matches_as_indexes(lower)}
    if not hits:
        return (), ()
    hooks = tuple(_hooks(text, idx, hits))
    stops: list[StopCall] = []
    for vendor, call, normal in idx.calls:
        needle = idx.call_needles[call]
        if needle in hits and _written(lower, needle, normal) >= 0:
            stops.append(StopCall(vendor, call, *_where(lower, needle)))
    if (
        "reload" in hits
        and _written(lower, "reload", "location.reload(") >= 0
        and (hooks or any(n.lower().encode() in lower for n in idx.consent_needles))
    ):
        stops.append(StopCall("*", "location.reload()", *_where(lower, "location.reload")))
    return tuple(stops), hooks


_MAX_LOOKS = 2000  # occurrences of one needle looked around


def _written(lower: bytes, needle: str, normal: str) -> int:
    """The offset of an occurrence of ``needle`` in ``lower`` around which the text, normalised
    (``norm``: whitespace out, quotes alike), holds ``normal``; -1 when none does. Only the
    neighbourhood of each occurrence is normalised, not the whole file (a bundle's megabytes, for
    the "reload" that nearly every bundle holds)."""
    reach = 4 * len(normal) + 32  # the call's own characters, with room for the whitespace norm drops
    raw = needle.encode()
    at = lower.find(raw)
    looks = 0
    while at >= 0 and looks < _MAX_LOOKS:
        if normal in norm(lower[max(0, at - reach) : at + len(raw) + reach].decode("utf-8", "replace")):
            return at
        at = lower.find(raw, at + 1)
        looks += 1
    return -1


def _hooks(text: str, idx: _Index, hits: set[str]) -> list[Hook]:
    out = []
    for event, cmp in idx.events:
        if event.lower() in hits:
            at = text.find(event)
            if at >= 0:
                out.append(Hook(event, cmp, line_col(text, at)[0]))
    return out


def _where(lower: bytes, needle: str) -> tuple[int, int]:
    """1-based line and (character) column of the first ``needle`` in the UTF-8 ``lower``."""
    at = max(lower.find(needle.encode()), 0)
    start = lower.rfind(b"\n", 0, at) + 1
    return lower.count(b"\n", 0, at) + 1, len(lower[start:at].decode("utf-8", "surrogatepass")) + 1


@dataclass(frozen=True)
class Unstopped:
    """A gated code start of a vendor that no code in the scan stops."""

    detection: Detection
    calls: tuple[str, ...]  # what would stop it
    reload: bool  # the vendor has no stop call: a reload is the way
    summary: str
    hooks: tuple[Hook, ...]  # consent-change listeners in the start's file (where the call belongs)


def unstopped(
    detections: list[Detection], stops: dict[str, tuple[StopCall, ...]], hooks: dict[str, tuple[Hook, ...]], db: SignatureDB
) -> list[Unstopped]:
    """Code starts that wait for consent and that nothing stops on refusal or withdrawal."""
    stopped_vendors = {s.vendor for calls in stops.values() for s in calls}
    out = []
    for d in detections:
        if d.verdict.status is not Status.GATED or d.verdict.mechanism not in CODE_GATES:
            continue
        w = db.vendors[d.vendor].withdrawal
        if w is None or (not w.calls and not w.reload):
            continue  # nothing a static scan could look for (rrweb's stop function has the site's name)
        if d.vendor in stopped_vendors or "*" in stopped_vendors:
            continue
        out.append(Unstopped(d, w.calls, w.reload, w.summary, hooks.get(d.location.path, ())))
    return out
