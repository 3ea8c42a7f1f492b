"""The consent verdict of a recorder element, from the page's markup alone.

The order of the questions matters and follows shared/research/cmps.md §0, §A, §B and the
recipe at its end. A false "gated" is the worst mistake this tool can make, so every path that
cannot prove the gate ends in ``ungated`` or ``unverifiable`` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.facts.detect import PageFacts, RecorderSite, Spot, script_type
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.signatures import Cmp, SignatureDB


@dataclass(frozen=True)
class MarkupHit:
    """A consent manager's blocking markup found on an element, with the values it names."""

    cmp: Cmp
    values: tuple[str, ...]
    where: str


def _split(raw: str, separators: tuple[str, ...]) -> list[str]:
    parts = [raw]
    for sep in separators:
        parts = [p for chunk in parts for p in chunk.split(sep)]
    return [p.strip().lower() for p in parts if p.strip()]


def markup_hits(el: Spot, db: SignatureDB) -> list[MarkupHit]:
    """Every consent manager whose blocking markup (category attribute or class) is on ``el``."""
    hits: list[MarkupHit] = []
    seen: set[str] = set()
    for attr in el.attrs:
        for cmp in db.markup_by_attribute.get(attr, ()):
            m = cmp.markup
            assert m is not None  # markup_by_attribute lists only CMPs with markup
            value = el.attrs[attr].strip()
            if cmp.id in seen or not value or not all(k.matches(el.attrs, el.classes) for k in m.markers):
                continue
            seen.add(cmp.id)
            hits.append(MarkupHit(cmp, tuple(_split(value, m.separators)), f'{attr}="{el.attrs[attr]}"'))
    for cls in sorted(c for c in el.classes if c.startswith(db.markup_class_prefixes)):
        for cmp in db.cmps.values():
            m = cmp.markup
            if m is None:
                continue
            prefix = next((p for p in m.category_class_prefixes if cls.startswith(p)), None)
            if prefix and cls[len(prefix) :] and cmp.id not in seen and all(k.matches(el.attrs, el.classes) for k in m.markers):
                seen.add(cmp.id)
                hits.append(MarkupHit(cmp, tuple(_split(cls[len(prefix) :], m.separators)), f'class="{cls}"'))
    for cmp in db.cmps.values():
        m = cmp.markup
        if m is None or cmp.id in seen or not m.activators:
            continue
        activator = next((a for a in m.activators if a.matches(el.attrs, el.classes)), None)
        if activator is not None:
            seen.add(cmp.id)
            hits.append(MarkupHit(cmp, (), activator.describe()))
    return hits


def _exempt(el: Spot, db: SignatureDB) -> str | None:
    for cmp_id, marker in db.exempt_markers:
        if marker.matches(el.attrs, el.classes):
            return f"{marker.describe()} ({db.cmps[cmp_id].name} exempt marker)"
    return None


def _judge_values(hit: MarkupHit, inert: str) -> Verdict:
    """Verdict for markup on an element that will not run until the CMP activates it."""
    m = hit.cmp.markup
    assert m is not None
    name = hit.cmp.name
    if not hit.values:  # an activator alone: released on consent, no category named
        return Verdict(
            status=Status.GATED,
            mechanism=Mechanism.CMP_MARKUP,
            evidence=f"{inert} + {hit.where}: {name} activates it only after the visitor consents (no {m.value_model} named, so on any "
            "consent)",
            cmp=hit.cmp.id,
        )
    neg = m.negation_prefix
    if neg and any(v.startswith(neg) for v in hit.values):
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.NEGATED_CATEGORY,
            evidence=f"{hit.where}: the '{neg}' prefix makes {name} run it when the category is refused",
            cmp=hit.cmp.id,
        )
    values = set(hit.values)
    if values and values <= m.necessary:
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.NECESSARY_CATEGORY,
            evidence=f"{hit.where}: a strictly-necessary category is always granted, so {name} runs it without consent",
            cmp=hit.cmp.id,
        )
    if m.value_model != "category" and not (values & m.necessary):
        mismatch = None
        if m.value_model == "purpose" and m.analytics and not values & m.analytics:
            mismatch = ", ".join(sorted(values))
        return Verdict(
            status=Status.GATED,
            mechanism=Mechanism.CMP_MARKUP,
            evidence=f"{inert} + {hit.where}: {name} activates it only after consent for that {m.value_model}",
            cmp=hit.cmp.id,
            category_mismatch=mismatch,
            markup=hit.values,
        )
    unknown = values - m.analytics - m.necessary - m.other
    if unknown:
        return Verdict(
            status=Status.UNVERIFIABLE,
            mechanism=Mechanism.UNKNOWN_CATEGORY,
            evidence=f"{hit.where}: {', '.join(sorted(unknown))} is not a {name} category this tool knows",
            cmp=hit.cmp.id,
        )
    mismatch = None if values & m.analytics else ", ".join(sorted(values - m.necessary))
    return Verdict(
        status=Status.GATED,
        mechanism=Mechanism.CMP_MARKUP,
        evidence=f"{inert} + {hit.where}: {name} runs it only after consent to that category",
        cmp=hit.cmp.id,
        category_mismatch=mismatch,
        markup=hit.values,
    )


def _prefer_loaded(hits: list[MarkupHit], facts: PageFacts) -> list[MarkupHit]:
    loaded = {ld.cmp.id for ld in facts.loaders}
    on_page = [h for h in hits if h.cmp.id in loaded]
    return on_page or hits


_RANK = {Status.GATED: 0, Status.UNVERIFIABLE: 1, Status.UNGATED: 2}


def _best(verdicts: list[Verdict]) -> Verdict:
    return min(verdicts, key=lambda v: (_RANK[v.status], v.category_mismatch is not None))


def _is_inert(el: Spot, db: SignatureDB) -> str | None:
    """Why the element cannot run by itself (inert type, or URL only in a deferred attribute)."""
    typ = script_type(el)
    if el.tag != "script":
        deferred = [a for a in db.deferred_src_attributes if el.attrs.get(a)]
        return f"{deferred[0]} without src" if deferred and not el.attrs.get("src") else None
    if typ not in db.script_types.executable and typ not in db.script_types.runs_anyway:
        return f'type="{typ}"'
    if not el.attrs.get("src", "").strip() and not el.text.strip():
        deferred = [a for a in db.deferred_src_attributes if el.attrs.get(a, "").strip()]
        if deferred:
            return f"{deferred[0]} without src"
    return None


def _executable_markup(hit: MarkupHit, el: Spot, facts: PageFacts) -> Verdict:
    """CookieYes-style markup: the script stays executable; only a loader that ran first stops it."""
    first = next((ld for ld in facts.loaders if ld.cmp.id == hit.cmp.id and ld.element.order < el.order), None)
    name = hit.cmp.name
    if first is None:
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.CMP_LOADER_MISSING_OR_LATE,
            evidence=f"{hit.where} keeps the script executable; no {name} loader runs before it on this page",
            cmp=hit.cmp.id,
        )
    if first.is_async:
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.CMP_LOADER_ASYNC,
            evidence=f"{hit.where} relies on the {name} loader (line {first.element.line}), which is async/defer and may run after it",
            cmp=hit.cmp.id,
        )
    verdict = _judge_values(hit, f"{name} loader first (line {first.element.line})")
    return verdict


def _code_dependent(site: RecorderSite, db: SignatureDB) -> str | None:
    if site.via not in (Via.INLINE_SNIPPET, Via.INLINE_LOADER):
        return None
    for cmp in db.cmps.values():
        if not cmp.gates_recorders:
            continue
        needle = next((n for n in cmp.api_needles if n in site.element.text), None)
        if needle:
            return f"the inline code references {needle} ({cmp.name}); JavaScript analysis decides"
    return None


def _autoblock(el: Spot, facts: PageFacts) -> Verdict | None:
    blockers = [ld for ld in facts.loaders if ld.autoblock and ld.cmp.gates_recorders]
    if not blockers:
        return None
    before = [b for b in blockers if b.element.order < el.order]
    if not before:
        b = blockers[0]
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.AUTOBLOCKER_AFTER_RECORDER,
            evidence=f"the {b.cmp.name} auto-blocker loads at line {b.element.line}, after this recorder: it cannot stop it",
            cmp=b.cmp.id,
        )
    sync = [b for b in before if not b.is_async]
    if not sync:
        b = before[0]
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.AUTOBLOCKER_ASYNC,
            evidence=f"the {b.cmp.name} auto-blocker (line {b.element.line}) is async/defer, so the recorder may run first",
            cmp=b.cmp.id,
        )
    b = sync[0]
    return Verdict(
        status=Status.UNVERIFIABLE,
        mechanism=Mechanism.AUTOBLOCKER,
        evidence=f"{b.cmp.name} auto-blocking (line {b.element.line}) blocks it only if the CMP's dashboard classifies this vendor as "
        "non-necessary",
        cmp=b.cmp.id,
    )


def verdict(site: RecorderSite, facts: PageFacts, db: SignatureDB) -> Verdict:
    """Decide gated / ungated / unverifiable for one recorder site from the page's markup."""
    el = site.element
    if site.via == Via.NOSCRIPT_PIXEL:
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.NOSCRIPT,
            evidence="a <noscript> request is made whenever scripting is off; no consent manager can hold it back",
        )
    typ = script_type(el)
    if typ in db.script_types.runs_anyway:
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.LOOK_ALIKE_TYPE,
            evidence=f'type="{typ}" is not a consent gate: {db.script_types.runs_anyway[typ]}',
        )
    hits = _prefer_loaded(markup_hits(el, db), facts)
    inert = _is_inert(el, db)
    if inert:
        judged = [_judge_values(h, inert) for h in hits if h.cmp.markup]
        if judged:
            return _best(judged)
        return Verdict(
            status=Status.UNVERIFIABLE,
            mechanism=Mechanism.INERT_WITHOUT_CMP,
            evidence=f"{inert} holds it back, but no consent-manager attribute says what activates it",
        )
    exempt = _exempt(el, db)
    if exempt:
        return Verdict(status=Status.UNGATED, mechanism=Mechanism.EXEMPT_MARKER, evidence=f"{exempt}: it loads without consent")
    executable_hits = [h for h in hits if h.cmp.markup and not h.cmp.markup.inert_type_required]
    if executable_hits:
        return _best([_executable_markup(h, el, facts) for h in executable_hits])
    code = _code_dependent(site, db)
    if code:
        return Verdict(status=Status.UNVERIFIABLE, mechanism=Mechanism.CODE_GUARD, evidence=code)
    blocked = _autoblock(el, facts)
    if blocked:
        return blocked
    if hits:
        h = hits[0]
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.CATEGORY_WITHOUT_INERT_TYPE,
            evidence=f"{h.where} without an inert type: the browser runs it before {h.cmp.name} can decide "
            f'(type="{typ or "text/javascript"}")',
            cmp=h.cmp.id,
        )
    return Verdict(
        status=Status.UNGATED,
        mechanism=Mechanism.NONE,
        evidence="executable script with no consent-manager markup, no code guard and no auto-blocker on the page",
    )
