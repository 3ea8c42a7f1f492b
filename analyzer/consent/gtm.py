"""Google Tag Manager container exports (JSON with ``exportFormatVersion`` and ``containerVersion``).

Recorder tags: built-in vendor tag types (``[detect] gtm_tag_types``: Hotjar's ``hjtc``), Custom
HTML tags (their HTML goes through the same markup and code analysis as a page), and community
template tags (``cvt_…``, recognised by the vendor URL in the template's code). Each tag's verdict
comes from its ``consentSettings`` and its firing triggers (shared/research/cmps.md §D):

- ``consentStatus: NEEDED`` with ``analytics_storage`` holds the tag until that consent is granted;
- otherwise every firing trigger must wait for analytics consent: a custom event a CMP fires per
  category (Cookiebot ``cookie_consent_statistics``), or a generic consent event (OneTrust
  ``OneTrustGroupsUpdated``) whose trigger filter checks the analytics group (``,C0002,``);
- page-view style triggers, generic events without such a filter and ``NOT_NEEDED`` are ungated.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from analyzer.consent import consent_markup
from analyzer.facts import detect
from analyzer.facts.detect import CodeSpot, RecorderSite
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.parse import htmldoc
from analyzer.parse.normalise import norm
from analyzer.parse.positions import LineIndex
from analyzer.signatures import SignatureDB, Vendor, prefilter
from analyzer.signatures.checktext import occurs

# GTM's built-in trigger ids (they never appear in an export's trigger list).
BUILT_IN_TRIGGERS = {
    "2147479553": "All Pages",
    "2147479572": "Consent Initialization - All Pages",
    "2147479573": "Initialization - All Pages",
}
PAGE_TRIGGERS = frozenset({"PAGEVIEW", "DOM_READY", "WINDOW_LOADED", "INIT", "CONSENT_INIT", "HISTORY_CHANGE"})


def _objects(value: Any) -> list[dict]:
    """The objects of a list the export should hold (anything else in it is skipped; the shape
    check reports it)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _ids(value: Any) -> list[str]:
    """Trigger ids: a list, or one id written bare (a string is one id, not a list of characters)."""
    items = value if isinstance(value, list) else [value] if isinstance(value, (str, int)) and not isinstance(value, bool) else []
    return [str(v) for v in items if isinstance(v, (str, int)) and not isinstance(v, bool)]


def _object(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


# The shape this module reads: {key: nested shape}, [shape] for a list of them, "id" for trigger ids.
_SHAPE: dict[str, Any] = {
    "tag": [{"parameter": [{}], "consentSettings": {"consentType": {"list": [{}]}}, "firingTriggerId": ["id"]}],
    "trigger": [{"customEventFilter": [{"parameter": [{}]}], "filter": [{"parameter": [{}]}]}],
    "customTemplate": [{}],
}


def shape_problem(value: Any, shape: Any = _SHAPE, where: str = "containerVersion") -> str | None:
    """The first place where the export differs from the shape read here, or None."""
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            return f"{where} is not an object"
        return next((p for k, sub in shape.items() if k in value for p in [shape_problem(value[k], sub, f"{where}.{k}")] if p), None)
    if isinstance(shape, list):
        if not isinstance(value, list):
            return f"{where} is not a list"
        return next((p for i, v in enumerate(value) for p in [shape_problem(v, shape[0], f"{where}[{i}]")] if p), None)
    ok = isinstance(value, (str, int)) and not isinstance(value, bool)
    return None if ok else f"{where} is not an id"


def is_export(data: bytes) -> bool:
    """Cheap, on the raw bytes: does this JSON file look like a GTM container export?"""
    return b'"containerVersion"' in data and b'"exportFormatVersion"' in data


@dataclass(frozen=True)
class TagSite:
    vendor: Vendor
    tag: dict[str, Any]
    via: Via
    evidence: str
    markup_verdict: Verdict | None = None  # for Custom HTML: the verdict of the HTML itself


def _param(tag: dict, key: str) -> str:
    for p in _objects(tag.get("parameter")):
        if p.get("key") == key:
            return str(p.get("value", ""))
    return ""


def _templates(cv: dict) -> dict[str, str]:
    """Community template code by the tag type that uses it (cvt_<containerId>_<templateId>)."""
    out = {}
    container = str(cv.get("containerId", ""))
    for t in _objects(cv.get("customTemplate")):
        out[f"cvt_{container}_{t.get('templateId')}"] = str(t.get("templateData", ""))
    return out


def _sites(cv: dict, db: SignatureDB) -> list[TagSite]:
    out: list[TagSite] = []
    templates = _templates(cv)
    pf = prefilter.for_db(db)
    built_in = _built_in_types(db)
    for tag in _objects(cv.get("tag")):
        typ = str(tag.get("type", ""))
        for vendor in built_in.get(typ, ()):
            out.append(TagSite(vendor, tag, Via.GTM_TAG, f"GTM built-in {vendor.name} tag (type {typ})"))
        if typ == "html":
            out += _html_tag(tag, db, pf)
        elif typ.startswith("cvt_") and typ in templates:
            code = templates[typ]
            found = pf.candidates(code.encode("utf-8", "surrogatepass")).vendors
            for vid in sorted(found):
                vendor = db.vendors[vid]
                url = detect.inline_url_hit(vendor, code, [db.vendors[v] for v in found]) or detect.snippet_hit(vendor, code)
                if url:
                    out.append(TagSite(vendor, tag, Via.GTM_TEMPLATE, f"community template whose code loads {url}"))
    return out


@functools.lru_cache(maxsize=4)
def _built_in_types(db: SignatureDB) -> dict[str, tuple[Vendor, ...]]:
    """Built-in tag type -> vendors, once per signature database (not per tag)."""
    out: dict[str, list[Vendor]] = {}
    for vendor in db.vendors.values():
        for typ in vendor.gtm_tag_types:
            out.setdefault(typ, []).append(vendor)
    return {k: tuple(v) for k, v in out.items()}


def _html_tag(tag: dict, db: SignatureDB, pf: prefilter.Prefilter) -> list[TagSite]:
    html = _param(tag, "html")
    found = pf.candidates(html.encode("utf-8", "surrogatepass"))
    if not found.vendors:
        return []
    page = htmldoc.parse(f"<html><head>{html}</head></html>")
    vendors = [db.vendors[v] for v in sorted(found.vendors)]
    facts = detect.page_facts(page, vendors, [db.cmps[c] for c in sorted(found.cmps)], db)
    out, seen = [], set()
    for site in facts.sites:
        if site.vendor.id in seen:
            continue
        seen.add(site.vendor.id)
        out.append(TagSite(site.vendor, tag, Via.GTM_HTML, f"Custom HTML tag: {site.evidence}", consent_markup.verdict(site, facts, db)))
    return out


@functools.lru_cache(maxsize=4)
def _analytics_events(db: SignatureDB) -> tuple[dict[str, tuple[str, str]], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """event -> (category, CMP) for category events; analytics checks; generic events. Built once
    per signature database (it was rebuilt for every trigger of every tag)."""
    events: dict[str, tuple[str, str]] = {}
    checks, generic = [], []
    for cmp in db.cmps.values():
        for event, category in cmp.js.category_events:
            events[event] = (category, cmp.id)
        checks += [(norm(c).lower(), cmp.name) for c in cmp.js.analytics_checks]
        generic += [(e, cmp.name) for e in cmp.js.generic_events]
    return events, tuple(checks), tuple(generic)


@functools.lru_cache(maxsize=4)
def _state_cookies(db: SignatureDB) -> tuple[str, ...]:
    """The lower-cased names of the cookies that list every category with its state ([js] state_cookies)."""
    return tuple(dict.fromkeys(c.lower() for cmp in db.cmps.values() for c in cmp.js.state_cookies))


def _event(trigger: dict) -> str | None:
    for cond in _objects(trigger.get("customEventFilter")):
        params = {str(p.get("key")): str(p.get("value", "")) for p in _objects(cond.get("parameter"))}
        if params.get("arg0") == "{{_event}}":
            return params.get("arg1")
    return None


def _filter_check(trigger: dict, checks: tuple[tuple[str, str], ...], state_cookies: tuple[str, ...] = ()) -> str | None:
    """An analytics check in the trigger's filter conditions (all of them must hold: AND)."""
    for cond in _objects(trigger.get("filter")):
        params = {str(p.get("key")): str(p.get("value", "")) for p in _objects(cond.get("parameter"))}
        text = norm(f"{params.get('arg0', '')} {params.get('arg1', '')}").lower()
        negate = any(p.get("key") == "negate" and str(p.get("value")).lower() == "true" for p in _objects(cond.get("parameter")))
        if negate or str(cond.get("type")) not in ("CONTAINS", "EQUALS", "MATCH_REGEX", "STARTS_WITH"):
            continue
        if _refusal_or_either(str(cond.get("type")), params.get("arg0", ""), params.get("arg1", ""), checks, state_cookies):
            continue
        hit = next((f"{c} ({cmp})" for c, cmp in checks if c.strip("'") and occurs(c.strip("'"), text)), None)
        if hit:
            return hit
    return None


# The values a stored consent choice takes when it was refused, alone or after its category ("C0002:0", stored
# URI-encoded as "C0002%3A0", "statistics=false").
_REFUSALS = frozenset({"false", "no", "denied", "deny", "0", "off", "rejected", "refused", "declined"})
_REFUSED_PAIR = re.compile(r"(?::|%3a|=)\s*(?:0|false|no|denied|deny)\b", re.I)


def _refusal_or_either(kind: str, arg0: str, value: str, checks: tuple[tuple[str, str], ...], state_cookies: tuple[str, ...]) -> bool:
    """Whether a trigger filter checks for no analytics consent: its value is a refusal ("false", "deny",
    "C0002:0"); its pattern has an alternative that names no analytics check ("C0001|C0002": the necessary group is
    always active) or a class of values ("C0002:[01]"); or it finds a bare category in a cookie that lists every
    category with its state ([js] state_cookies: "C0002" in OneTrust's "groups=C0001:1,C0002:0")."""
    low = value.strip().lower()
    if low in _REFUSALS or _REFUSED_PAIR.search(low):
        return True
    names = [c.strip("',") for c, _ in checks if c.strip("',")]
    if kind == "MATCH_REGEX" and ("[" in value or any(not any(n in alt for n in names) for alt in _alternatives(low))):
        return True
    return any(c in arg0.lower() for c in state_cookies) and low.strip(",") in names


def _alternatives(pattern: str) -> list[str]:
    """A regular expression's top-level alternatives ("a|b" -> ["a", "b"]; "(^|,)a(,|$)" is one)."""
    out, depth, last = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and (i == 0 or pattern[i - 1] != "\\"):
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[last:i])
            last = i + 1
    return out + [pattern[last:]]


# Consent Mode's default set to "granted" for analytics_storage, with no region it is limited to
# (developers.google.com/tag-platform/security/guides/consent, "Set up consent mode"): a tag that needs
# analytics_storage then fires before any choice.
_CONSENT_DEFAULT = re.compile(r"""gtag\(\s*['"]consent['"]\s*,\s*['"]default['"]\s*,\s*\{([^{}]{0,2000})\}""")
_GRANTED = re.compile(r"""['"]?analytics_storage['"]?\s*:\s*['"]granted['"]""")
_REGION = re.compile(r"""['"]?region['"]?\s*:""")


def granted_by_default(cv: dict) -> str | None:
    """The name of the container's Custom HTML tag that sets Consent Mode's default analytics_storage to "granted" for
    every region, or None."""
    for tag in _objects(cv.get("tag")):
        if tag.get("type") != "html":
            continue
        for m in _CONSENT_DEFAULT.finditer(_param(tag, "html")):
            if _GRANTED.search(m.group(1)) and not _REGION.search(m.group(1)):
                return str(tag.get("name") or tag.get("tagId") or "")
    return None


def _trigger_verdict(trigger_id: str, triggers: dict, db: SignatureDB) -> tuple[str, str, str | None, str | None]:
    """(gated|ungated|unverifiable, why, wrong category, CMP id) for one firing trigger."""
    events, checks, generic = _analytics_events(db)
    if trigger_id in BUILT_IN_TRIGGERS:
        return "ungated", f"fires on the built-in '{BUILT_IN_TRIGGERS[trigger_id]}' trigger", None, None
    trig = triggers.get(trigger_id)
    if trig is None:
        return "unverifiable", f"trigger {trigger_id} is not in the export", None, None
    name = trig.get("name", trigger_id)
    kind = str(trig.get("type"))
    if kind in PAGE_TRIGGERS:
        check = _filter_check(trig, checks, _state_cookies(db))
        return (
            ("gated", f"trigger '{name}' ({trig.get('type')}) filters on {check}", None, None)
            if check
            else ("ungated", f"trigger '{name}' ({trig.get('type')}) fires on page load", None, None)
        )
    if kind == "CUSTOM_EVENT":
        event = _event(trig) or ""
        if event in events:
            category, cmp_id = events[event]
            markup = db.cmps[cmp_id].markup
            analytics = markup.analytics if markup else frozenset()
            wrong = None if category in analytics else category
            return "gated", f"trigger '{name}' waits for the {db.cmps[cmp_id].name} event '{event}'", wrong, cmp_id
        check = _filter_check(trig, checks, _state_cookies(db))
        if check:
            return "gated", f"trigger '{name}' on '{event}' filters on {check}", None, None
        cmp = next((c for e, c in generic if e == event), None)
        why = (
            f"'{event}' ({cmp}) fires on any consent choice and the trigger checks no analytics category"
            if cmp
            else f"custom event '{event}' is not a consent signal this tool knows"
        )
        return ("ungated" if cmp else "unverifiable"), f"trigger '{name}': {why}", None, None
    return "unverifiable", f"trigger '{name}' of type {trig.get('type')} is not one this tool reads", None, None


def verdict(site: TagSite, triggers: dict, db: SignatureDB, granted: str | None = None) -> Verdict:
    """The tag's verdict: a gated Custom HTML verdict first, then ``consentSettings`` (unless the container's tag
    ``granted`` sets Consent Mode's default analytics_storage to "granted"), then its firing triggers (``triggers`` by
    id), the worst of which decides."""
    tag = site.tag
    consent = _object(tag.get("consentSettings"))
    status = consent.get("consentStatus", "NOT_SET")
    types = [str(x.get("value")) for x in _objects(_object(consent.get("consentType")).get("list"))]
    if site.markup_verdict is not None and site.markup_verdict.status is Status.GATED:
        return site.markup_verdict
    if status == "NEEDED" and "analytics_storage" in types and granted is not None:
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.GTM_CONSENT_SETTINGS,
            evidence=f"consentSettings NEEDED analytics_storage, but the container's tag '{granted}' sets Consent Mode's default "
            "analytics_storage to 'granted' for every region: the tag fires before the visitor chooses",
        )
    if status == "NEEDED" and "analytics_storage" in types:
        return Verdict(
            status=Status.GATED,
            mechanism=Mechanism.GTM_CONSENT_SETTINGS,
            evidence="consentSettings NEEDED analytics_storage: GTM holds the tag until analytics_storage is granted (the page's Consent "
            "Mode default must be denied)",
        )
    results = [_trigger_verdict(t, triggers, db) for t in _ids(tag.get("firingTriggerId"))]
    note = " (consentSettings NOT_NEEDED: explicitly exempt)" if status == "NOT_NEEDED" else ""
    if not results:
        return Verdict(
            status=Status.UNVERIFIABLE, mechanism=Mechanism.GTM_NO_TRIGGER, evidence=f"the tag has no firing trigger in the export{note}"
        )
    for want in ("ungated", "unverifiable"):
        hit = next((r for r in results if r[0] == want), None)
        if hit:
            return Verdict(status=Status(want), mechanism=Mechanism.GTM_TRIGGER, evidence=f"{hit[1]}{note}")
    wrong = next((r for r in results if r[2]), None)
    return Verdict(
        status=Status.GATED,
        mechanism=Mechanism.GTM_TRIGGER,
        evidence="; ".join(r[1] for r in results),
        category_mismatch=wrong[2] if wrong else None,
        cmp=wrong[3] if wrong else next((r[3] for r in results if r[3]), None),
    )


@dataclass(frozen=True)
class Export:
    """What an export holds: recorder sites with verdicts, and the first place where its shape
    is not what GTM writes (the tags that could be read are still reported)."""

    sites: list[tuple[RecorderSite, Verdict]]
    problem: str | None = None


def analyze(text: str, db: SignatureDB) -> Export | str:
    """Sites with verdicts, or an error message if the export does not parse."""
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError) as exc:
        return f"not valid JSON: {exc}"
    cv = doc.get("containerVersion") if isinstance(doc, dict) else None
    if not isinstance(cv, dict):
        return "no containerVersion object"
    triggers = {str(t.get("triggerId")): t for t in _objects(cv.get("trigger"))}
    places = _Places(text)
    granted = granted_by_default(cv)
    out = []
    for site in _sites(cv, db):
        line, column = places.of(site.tag)
        spot = CodeSpot(line, column, tag="gtm-tag")
        evidence = f"tag '{site.tag.get('name')}': {site.evidence}"
        out.append((RecorderSite(site.vendor, spot, site.via, evidence), verdict(site, triggers, db, granted)))
    return Export(out, shape_problem(cv))


# One pass over the export finds every "tagId" and "name" member (values as written: raw or
# \u-escaped strings are decoded, so both spellings compare equal).
_TAG_ID = re.compile(r'"tagId"\s*:\s*("(?:[^"\\]|\\.)*"|-?\d+)')
_NAME = re.compile(r'"name"\s*:\s*("(?:[^"\\]|\\.)*")')


class _Places:
    """Where each tag's ``"name"`` is written: the first one after its own ``"tagId"`` (another
    tag's setup or teardown reference may carry the same name). Built once per export: a
    search from offset 0 per tag took 45 s on 20k tags."""

    def __init__(self, text: str) -> None:
        self._lines = LineIndex(text)
        self._ids: dict[str, int] = {}
        for m in _TAG_ID.finditer(text):
            self._ids.setdefault(_decoded(m.group(1)), m.start())
        self._names: dict[str, list[int]] = {}
        for m in _NAME.finditer(text):
            self._names.setdefault(_decoded(m.group(1)), []).append(m.start(1))

    def of(self, tag: dict) -> tuple[int, int]:
        start = self._ids.get(str(tag.get("tagId")), 0) if tag.get("tagId") is not None else 0
        offsets = self._names.get(str(tag.get("name", "")), [])
        i = bisect.bisect_left(offsets, start)
        if i < len(offsets):
            return self._lines.line_col(offsets[i])
        return self._lines.line_col(start) if start else (1, 1)


def _decoded(literal: str) -> str:
    if "\\" not in literal:
        return literal.strip('"')
    try:
        value = json.loads(literal)
    except ValueError:
        return literal
    return str(value)
