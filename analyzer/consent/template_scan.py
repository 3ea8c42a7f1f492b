"""What the engine does with a template: recorders emitted by template code, server-side gates,
and the facts the composition pass needs (references with the gate at each reference)."""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzer.consent import template_gate
from analyzer.facts import commented, detect
from analyzer.facts.detect import CodeSpot, RecorderSite
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.parse.jsparse import JsSource
from analyzer.parse.positions import line_col, offset_of
from analyzer.parse.templates import Reference, Template, match_paren
from analyzer.signatures import SignatureDB, Vendor


@dataclass(frozen=True)
class TemplateRef:
    kind: str
    name: str
    line: int
    gated_by: str | None  # the consent branch around the reference, if any
    unknown: str | None = None  # a condition on the include this tool cannot read as consent or not


@dataclass(frozen=True)
class NestedGate:
    """A consent branch between a child template's block and a block nested in it, which the parent decides
    (``template_gate.parent_decides``)."""

    first: int  # the nested block's first and last lines
    last: int
    name: str
    gate: str


@dataclass(frozen=True)
class TemplateFacts:
    dialect: str
    refs: tuple[TemplateRef, ...]
    opt_outs: frozenset[str] = field(default_factory=frozenset)  # convention markers found in the text
    defines: frozenset[str] = field(default_factory=frozenset)  # the names of the blocks the template defines
    nested: tuple[NestedGate, ...] = ()
    child: bool = False  # the template extends another whose blocks its own replace


def facts(tpl: Template, text: str, db: SignatureDB) -> TemplateFacts:
    """The template's references (extends, include, partial, layout) with the consent branch around each, and the opt-out
    markers of its dialect's conventions that the text holds."""
    vocab = template_gate.vocabulary(db)
    refs = tuple(_ref(r, tpl, text, vocab) for r in tpl.references)
    markers = frozenset(c["unless"] for c in db.template_conventions if c["dialect"] == tpl.dialect and c["unless"] in text)
    nested = []
    for block in tpl.blocks:
        gate = template_gate.nested_gate(tpl, block.body_start, vocab) if block.top != block.body_start else None
        if gate:
            nested.append(NestedGate(line_col(text, block.body_start)[0], line_col(text, block.end)[0], block.name, gate))
    return TemplateFacts(tpl.dialect, refs, markers, tpl.defines, tuple(nested), tpl.child)


def _ref(r: Reference, tpl: Template, text: str, vocab: template_gate.ServerVocabulary) -> TemplateRef:
    gated_by = template_gate.gate(tpl, r.offset, vocab)[0]
    unknown = None
    if gated_by is None and r.condition:
        gated_by, unknown = template_gate.inline_gate(r.condition, r.needs_true, vocab)
    if gated_by is None and unknown is None:
        unknown = template_gate.unread_choice(tpl, r.offset, vocab) or template_gate.parent_decides(tpl, r.offset, vocab)
    return TemplateRef(r.kind, r.name, line_col(text, r.offset)[0], gated_by, unknown)


def code_sites(tpl: Template, text: str, vendors: list[Vendor], db: SignatureDB) -> list[tuple[RecorderSite, Verdict]]:
    """Recorder URLs in template code that emits a script (``javascript_include_tag "…"``,
    ``wp_enqueue_script(…)``, ``echo '<script src=…>'``), and snippets inside script helpers
    (``javascript_tag do … end``): the neutralised page cannot show them as <script> elements."""
    out = []
    for block in tpl.script_blocks:
        body, _ = commented.script_body(text[block.start : block.end], vendors)  # a commented-out snippet is RL120
        for vendor in vendors:
            note = detect.snippet_hit(vendor, body)
            if note is None:
                url = detect.inline_url_hit(vendor, body, vendors)
                note = f"code injects a script from {url}" if url and any(c in body for c in db.script_types.injection_clues) else None
            if note:
                site = RecorderSite(vendor, _spot(text, block.opener), Via.TEMPLATE_CODE, f"script helper block: {note}")
                out.append((site, _as_script(body, text, block.start, vendor, db)))
    for region in tpl.regions:
        if region.kind == "comment":
            continue
        php = region.body.startswith("<?")
        for helper in db.script_types.include_helpers:
            if php and helper == "<script":
                continue  # markup PHP echoes stays in the page text (templates._php_code)
            at = region.body.find(helper)
            while at >= 0:
                scope = _call_scope(region.body, at, helper)
                for vendor in vendors:
                    url = detect.inline_url_hit(vendor, scope, vendors)
                    if url:
                        site = RecorderSite(
                            vendor, _spot(text, region.start + at), Via.TEMPLATE_CODE, f"template code {helper} emits a script from {url}"
                        )
                        out.append((site, _EVERY_RENDER))
                at = region.body.find(helper, at + len(helper))
    return out


_EVERY_RENDER = Verdict(status=Status.UNGATED, mechanism=Mechanism.NONE, evidence="the template emits the script on every render")
_RANK = {Status.UNGATED: 0, Status.UNVERIFIABLE: 1, Status.GATED: 2}


def _as_script(body: str, text: str, start: int, vendor: Vendor, db: SignatureDB) -> Verdict:
    """A script helper block is a live inline script: a consent guard in its code decides, as in
    a <script> element; with none, it runs on every render."""
    from analyzer.consent import code_scan  # tree-sitter only for templates that hold such a block

    line, column = line_col(text, start)
    results, _ = code_scan.analyze([JsSource(body, line, column, "js")], [vendor], db, "")
    verdicts = [r.verdict for r in results.starts if r.vendor.id == vendor.id]
    if not verdicts:
        return _EVERY_RENDER
    worst = min(verdicts, key=lambda v: _RANK[v.status])
    return worst if worst.status is not Status.UNGATED else _EVERY_RENDER


def _spot(text: str, offset: int) -> CodeSpot:
    line, column = line_col(text, offset)
    return CodeSpot(line, column, tag="template")


def _call_scope(body: str, at: int, helper: str) -> str:
    """The arguments of a helper call: ``(…)`` when it opens one, else the rest of the line; for
    a filter (``{{ 'https://…' | script_tag }}``) the value piped into it."""
    before = body[max(0, at - _SCOPE) : at].rstrip()
    if before.endswith("|"):
        start = max(before.rfind("{{"), before.rfind("{%"), before.rfind("|", 0, len(before) - 1), 0)
        return before[start:]
    after = at + len(helper)
    rest = body[after : after + _SCOPE]
    stripped = rest.lstrip(" \t")
    if stripped.startswith("("):
        call = stripped[:_SCOPE]
        end = match_paren(call, 0)
        return call[: end + 1 if end >= 0 else len(call)]
    line_end = rest.find("\n")
    return rest[: line_end if line_end >= 0 else len(rest)]


# How far around a helper its arguments are read: a window, so that a region holding thousands
# of helper names costs linear time (each once sliced the whole region).
_SCOPE = 4096


def gate_all(verdicts: list, tpl: Template, text: str, db: SignatureDB) -> list:
    """Apply the template's branches to every site's verdict (and place template-code sites)."""
    vocab = template_gate.vocabulary(db)
    out = []
    for site, verdict in verdicts:
        offset = offset_of(text, site.element.line, site.element.column)
        out.append((site, template_gate.refine(verdict, tpl, offset, vocab)))
    return out
