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

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from analyzer import consent_markup, detect, htmldoc, prefilter
from analyzer.detect import CodeSpot, RecorderSite
from analyzer.normalise import norm
from analyzer.model import Status, Verdict
from analyzer.positions import line_col
from analyzer.signatures import SignatureDB, Vendor

# GTM's built-in trigger ids (they never appear in an export's trigger list).
BUILT_IN_TRIGGERS = {"2147479553": "All Pages", "2147479572": "Consent Initialization - All Pages", "2147479573": "Initialization - All Pages"}
PAGE_TRIGGERS = frozenset({"PAGEVIEW", "DOM_READY", "WINDOW_LOADED", "INIT", "CONSENT_INIT", "HISTORY_CHANGE"})


def is_export(data: bytes) -> bool:
    return b'"containerVersion"' in data and b'"exportFormatVersion"' in data


@dataclass(frozen=True)
class TagSite:
    vendor: Vendor
    tag: dict[str, Any]
    via: str
    evidence: str
    markup_verdict: Verdict | None = None  # for Custom HTML: the verdict of the HTML itself


def _param(tag: dict, key: str) -> str:
    for p in tag.get("parameter", []) or []:
        if p.get("key") == key:
            return str(p.get("value", ""))
    return ""


def _templates(cv: dict) -> dict[str, str]:
    """Community template code by the tag type that uses it (cvt_<containerId>_<templateId>)."""
    out = {}
    container = str(cv.get("containerId", ""))
    for t in cv.get("customTemplate", []) or []:
        out[f"cvt_{container}_{t.get('templateId')}"] = str(t.get("templateData", ""))
    return out


def _sites(cv: dict, db: SignatureDB) -> list[TagSite]:
    out: list[TagSite] = []
    templates = _templates(cv)
    pf = prefilter.for_db(db)
    for tag in cv.get("tag", []) or []:
        typ = str(tag.get("type", ""))
        for vendor in db.vendors.values():
            if typ in vendor.raw["detect"].get("gtm_tag_types", []):
                out.append(TagSite(vendor, tag, "gtm-tag", f"GTM built-in {vendor.name} tag (type {typ})"))
        if typ == "html":
            out += _html_tag(tag, db, pf)
        elif typ.startswith("cvt_") and typ in templates:
            code = templates[typ]
            found = pf.candidates(code.encode("utf-8", "surrogatepass")).vendors
            for vid in sorted(found):
                vendor = db.vendors[vid]
                url = detect.inline_url_hit(vendor, code) or detect.snippet_hit(vendor, code)
                if url:
                    out.append(TagSite(vendor, tag, "gtm-template", f"community template whose code loads {url}"))
    return out


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
        out.append(TagSite(site.vendor, tag, "gtm-html", f"Custom HTML tag: {site.evidence}", consent_markup.verdict(site, facts, db)))
    return out


@functools.lru_cache(maxsize=4)
def _analytics_events(db: SignatureDB) -> tuple[dict[str, tuple[str, str]], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """event -> (category, CMP) for category events; analytics checks; generic events. Built once
    per signature database (it was rebuilt for every trigger of every tag)."""
    events: dict[str, tuple[str, str]] = {}
    checks, generic = [], []
    for cmp in db.cmps.values():
        js = cmp.raw.get("js", {})
        for item in js.get("category_events", []):
            event, _, category = item.partition(":")
            events[event] = (category, cmp.id)
        checks += [(norm(c).lower(), cmp.name) for c in js.get("analytics_checks", [])]
        generic += [(e, cmp.name) for e in js.get("generic_events", [])]
    return events, tuple(checks), tuple(generic)


def _event(trigger: dict) -> str | None:
    for cond in trigger.get("customEventFilter", []) or []:
        params = {p.get("key"): str(p.get("value", "")) for p in cond.get("parameter", []) or []}
        if params.get("arg0") == "{{_event}}":
            return params.get("arg1")
    return None


def _filter_check(trigger: dict, checks: tuple[tuple[str, str], ...]) -> str | None:
    """An analytics check in the trigger's filter conditions (all of them must hold: AND)."""
    for cond in trigger.get("filter", []) or []:
        params = {p.get("key"): str(p.get("value", "")) for p in cond.get("parameter", []) or []}
        text = norm(f"{params.get('arg0', '')} {params.get('arg1', '')}").lower()
        negate = any(p.get("key") == "negate" and str(p.get("value")).lower() == "true" for p in cond.get("parameter", []) or [])
        if negate or cond.get("type") not in ("CONTAINS", "EQUALS", "MATCH_REGEX", "STARTS_WITH"):
            continue
        hit = next((f"{c} ({cmp})" for c, cmp in checks if c.strip("'") and c.strip("'") in text), None)
        if hit:
            return hit
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
    if trig.get("type") in PAGE_TRIGGERS:
        check = _filter_check(trig, checks)
        return ("gated", f"trigger '{name}' ({trig.get('type')}) filters on {check}", None, None) if check else ("ungated", f"trigger '{name}' ({trig.get('type')}) fires on page load", None, None)
    if trig.get("type") == "CUSTOM_EVENT":
        event = _event(trig) or ""
        if event in events:
            category, cmp_id = events[event]
            analytics = db.cmps[cmp_id].markup.analytics if db.cmps[cmp_id].markup else frozenset()
            wrong = None if category in analytics else category
            return "gated", f"trigger '{name}' waits for the {db.cmps[cmp_id].name} event '{event}'", wrong, cmp_id
        check = _filter_check(trig, checks)
        if check:
            return "gated", f"trigger '{name}' on '{event}' filters on {check}", None, None
        cmp = next((c for e, c in generic if e == event), None)
        why = f"'{event}' ({cmp}) fires on any consent choice and the trigger checks no analytics category" if cmp else f"custom event '{event}' is not a consent signal this tool knows"
        return ("ungated" if cmp else "unverifiable"), f"trigger '{name}': {why}", None, None
    return "unverifiable", f"trigger '{name}' of type {trig.get('type')} is not one this tool reads", None, None


def verdict(site: TagSite, triggers: dict, db: SignatureDB) -> Verdict:
    tag = site.tag
    consent = tag.get("consentSettings", {}) or {}
    status = consent.get("consentStatus", "NOT_SET")
    types = [str(x.get("value")) for x in (consent.get("consentType", {}) or {}).get("list", []) or []]
    if site.markup_verdict is not None and site.markup_verdict.status is Status.GATED:
        return site.markup_verdict
    if status == "NEEDED" and "analytics_storage" in types:
        return Verdict(
            status=Status.GATED,
            mechanism="gtm-consent-settings",
            evidence="consentSettings NEEDED analytics_storage: GTM holds the tag until analytics_storage is granted (the page's Consent Mode default must be denied)",
        )
    results = [_trigger_verdict(str(t), triggers, db) for t in tag.get("firingTriggerId", []) or []]
    note = " (consentSettings NOT_NEEDED: explicitly exempt)" if status == "NOT_NEEDED" else ""
    if not results:
        return Verdict(status=Status.UNVERIFIABLE, mechanism="gtm-no-trigger", evidence=f"the tag has no firing trigger in the export{note}")
    for want in ("ungated", "unverifiable"):
        hit = next((r for r in results if r[0] == want), None)
        if hit:
            return Verdict(status=Status(want), mechanism="gtm-trigger", evidence=f"{hit[1]}{note}")
    wrong = next((r for r in results if r[2]), None)
    return Verdict(
        status=Status.GATED,
        mechanism="gtm-trigger",
        evidence="; ".join(r[1] for r in results),
        category_mismatch=wrong[2] if wrong else None,
        cmp=wrong[3] if wrong else next((r[3] for r in results if r[3]), None),
    )


def analyze(text: str, db: SignatureDB) -> list[tuple[RecorderSite, Verdict]] | str:
    """Sites with verdicts, or an error message if the export does not parse."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        return f"not valid JSON: {exc}"
    cv = doc.get("containerVersion") if isinstance(doc, dict) else None
    if not isinstance(cv, dict):
        return "no containerVersion object"
    triggers = {str(t.get("triggerId")): t for t in cv.get("trigger", []) or []}
    out = []
    for site in _sites(cv, db):
        line, column = _position(text, site.tag)
        spot = CodeSpot(line, column, tag="gtm-tag")
        evidence = f"tag '{site.tag.get('name')}': {site.evidence}"
        out.append((RecorderSite(site.vendor, spot, site.via, evidence), verdict(site, triggers, db)))
    return out


def _position(text: str, tag: dict) -> tuple[int, int]:
    """Where the tag's ``"name"`` is written: after its own ``"tagId"`` (another tag's setup or
    teardown reference may carry the same name), written raw or \\u-escaped."""
    start = 0
    tag_id = tag.get("tagId")
    if tag_id is not None:
        m = re.search(r'"tagId"\s*:\s*"?' + re.escape(str(tag_id)) + r'"?\s*[,}]', text)
        start = m.start() if m else 0
    name = str(tag.get("name", ""))
    for literal in dict.fromkeys((json.dumps(name, ensure_ascii=False), json.dumps(name))):
        m = re.compile(r'"name"\s*:\s*' + re.escape(literal)).search(text, start)
        if m:
            return line_col(text, m.end() - len(literal))
    return line_col(text, start) if start else (1, 1)
