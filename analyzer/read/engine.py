"""Analyse one file: read, search literals, parse, extract facts, judge consent, run the rules.

HTML pages: lxml facts and the markup verdict; their executable inline scripts go through the
JavaScript analysis too (a guard in code refines the verdict; an SDK started inline is a site).
JS/TS files and single-file components: the raw-bytes prefilter decides, then tree-sitter.
Every failure on the way becomes a diagnostic on that file; nothing here raises for bad input.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from analyzer.consent import code_data, code_scan, consent_markup, gtm, gtm_template, template_data, template_scan
from analyzer.consent.code_scan import CodeScan, CodeStart
from analyzer.consent.import_gates import DynamicImport
from analyzer.consent.template_scan import TemplateFacts
from analyzer.facts import (
    answer_buttons,
    choice_tiles,
    cmp_config,
    commented,
    compliance_facts,
    detect,
    dombuild,
    fallback,
    fieldfacts,
    fieldlists,
    hyperscript,
    inline_forms,
    jsxmarkup,
    own_components,
    pagecontext,
    project_context,
    rendered,
    tag_managers,
    tapestry,
    template_components,
    textscan,
    vfor,
)
from analyzer.facts.cmp_config import CmpConfigFacts
from analyzer.facts.detect import PageFacts, RecorderSite, own_script_vendors, script_type
from analyzer.facts.fieldfacts import FieldSite
from analyzer.facts.records import Commented, FileFacts, Hint, Inactive, PiiPush, RegistryStart, TagManagerSeen
from analyzer.kinds import Mechanism, Via
from analyzer.model import Detection, Diagnostic, Location, Status, Verdict
from analyzer.parse import (
    bundler_exports,
    chunk_files,
    django_models,
    docassemble,
    flutter,
    form_helpers,
    frontmatter,
    hoststrings,
    htmldoc,
    indented,
    jsfacts,
    jsparse,
    links,
    markdown_html,
    php_arrays,
    php_builders,
    php_constants,
    php_loops,
    positions,
    pug,
    razor,
    reading,
    script_constants,
    sfc,
    sourcemap,
    styled_elements,
    suppress,
    symfony_forms,
    templates,
    title_blocks,
    toml_lists,
    yaml_lists,
)
from analyzer.parse.budget import BudgetExhausted
from analyzer.parse.jsparse import JsSource, dialect_for
from analyzer.parse.normalise import norm
from analyzer.parse.suppress import Directive
from analyzer.read.discover import SourceFile, display_path
from analyzer.signatures import SignatureDB, prefilter

# A call whose callee ends in a parenthesis or an init method, with a literal first argument:
# ``(0, r.Ts)("…"``, ``r.A.init({…``: a start through webpack's registry may be here.
_REGISTRY_CALL = re.compile(rb"\)\(\s*[\"'{]|\.init\(\s*[\"'{]")
# A built ES module chunk that imports another chunk by a relative specifier (Vite, Rollup, esbuild).
_CHUNK_IMPORT = re.compile(rb"\bfrom\s*[\"']\.\.?/")


@functools.lru_cache(maxsize=4)
def _bound_controls(handlers: frozenset[str], selection_props: tuple[str, ...]) -> re.Pattern[bytes]:
    """A component file's own bound components or choice tiles (``jsxmarkup.handler_hint``, ``choice_tiles.hint``), found
    in one pass over its bytes: a file with no native control is searched for either."""
    return re.compile(jsxmarkup.handler_hint(handlers).pattern + b"|" + choice_tiles.hint(selection_props).pattern)


@functools.lru_cache(maxsize=8)
def _chunk_start_call(methods: tuple[str, ...]) -> re.Pattern[bytes]:
    """A call of one of the methods the vendors' start shapes name (``*.init(…)``), with a
    written-out first argument: what a chunk's call of another chunk's SDK export looks like."""
    return re.compile(rb"\.(?:" + b"|".join(re.escape(m.encode()) for m in methods) + rb")\(\s*[\"'{\d]")


HTML_KINDS = frozenset({"html", "template"})
CODE_KINDS = frozenset({"js", "ts", "sfc"})
_NO_FACTS = PageFacts((), (), (), ())
# Markup verdicts that inline code analysis may replace: "the code decides" and "nothing in the markup".
_CODE_DECIDES = frozenset({Mechanism.CODE_GUARD, Mechanism.NONE})
_RANK = {Status.UNGATED: 0, Status.UNVERIFIABLE: 1, Status.GATED: 2}


@dataclass
class FileResult:
    """The facts of one file while it is read (filled in place, so what was found survives an
    exception); ``freeze`` hands them over as ``FileFacts``."""

    path: str
    detections: list[Detection] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: bool = False
    size: int = 0
    loads: list[str] = field(default_factory=list)  # resolved local scripts a page loads (real paths)
    code_parsed: int = 0  # pieces of JavaScript that went through tree-sitter
    fields: list[FieldSite] = field(default_factory=list)  # sensitive form fields (pages)
    pending_fields: list[fieldfacts.PendingField] = field(default_factory=list)  # free text whose topic may be in a layout
    layout_sources: tuple[tuple[str, str], ...] = ()  # what the file says the site is, for pages that extend it
    directives: list[Directive] = field(default_factory=list)  # inline suppressions
    code: str = ""  # normalised code that may set a recorder's masking options
    template: TemplateFacts | None = None  # references and their gating, for composition
    imports: tuple[str, ...] = ()  # code files: module specifiers, for the cross-file pass
    dynamic_imports: tuple[DynamicImport, ...] | None = None  # code files: import() calls judged (None: not judged here)
    compliance: compliance_facts.ComplianceFacts | None = None  # policy page, stop calls, masking off, CMP filings
    rendered: list[rendered.RenderedValue] = field(default_factory=list)  # personal data printed as page text
    page_topic: pagecontext.PageTopic | None = None  # the special category visiting this page reveals
    cmps: list[str] = field(default_factory=list)  # consent managers with blocking markup on the page
    hints: list[Hint] = field(default_factory=list)
    commented: list[Commented] = field(default_factory=list)
    inactive: list[Inactive] = field(default_factory=list)
    pii: list[PiiPush] = field(default_factory=list)
    tag_manager: TagManagerSeen | None = None
    literals: tuple[str, ...] = ()  # code files: vendors whose signature literals the file holds
    model_forms: tuple[django_models.ModelForm, ...] = ()  # a forms module's ModelForms
    model_classes: tuple[django_models.ModelClass, ...] = ()  # a models module's classes, by their lines
    model_declared: tuple[django_models.ModelField, ...] = ()  # a models module's fields, for the ModelForms that list them
    form_class_page: str = ""  # a forms module with ModelForms: its page of declared controls, for its model fields' own
    registry_starts: list[RegistryStart] = field(default_factory=list)  # starts through webpack's module registry (open)
    cmp_configs: tuple[CmpConfigFacts, ...] = ()  # consent-manager configurations in the file (its inline scripts)

    def freeze(self) -> FileFacts:
        """The immutable facts the later stages read (every field of ``FileFacts``, lists made tuples)."""
        values: dict[str, Any] = {}
        for f in dataclasses.fields(FileFacts):
            value = getattr(self, f.name)
            values[f.name] = tuple(value) if isinstance(value, list) else value
        return FileFacts(**values)


def analyze(source: SourceFile, db: SignatureDB, max_bytes: int, result: FileResult | None = None) -> FileResult:
    """``result`` (when given) is filled in place: what was found survives an exception."""
    result = result if result is not None else FileResult(path=source.display)
    data = reading.read_bytes(source.path, source.display, max_bytes)
    if isinstance(data, Diagnostic):
        result.diagnostics.append(data)
        if data.code == "file-too-large":
            _prefilter_only(source, db, result)
        return result
    result.size = len(data)
    if reading.looks_binary(data):
        # A NUL byte does not stop a browser from running the page: what its literals show stays.
        result.diagnostics.append(Diagnostic(path=source.display, code="binary", message="skipped: binary content (NUL bytes)"))
        keep_found(
            source.display, fallback.first_hits(data, db), "binary content (NUL bytes): searched for recorder literals only", db, result
        )
        return result
    if source.kind == "prose":  # Markdown: read as a policy page, and for the forms its raw HTML writes
        text = _decode(source.display, data, result)
        result.compliance = compliance_facts.for_markdown(source.display, text, db)
        if markdown_html.has_controls(data):
            _markdown_page(source.display, text, db, result)
        if data.startswith((b"+++", b"\xef\xbb\xbf+++", b"---", b"\xef\xbb\xbf---")):
            _front_matter_definitions(text, db, result)  # a questionnaire kept in TOML or YAML
        if source.path.name.lower() in db.component_files.projects:  # README.md: the project's title
            result.layout_sources = project_context.readme_sources(text)
        if (result.compliance is not None or result.fields) and b"replaylint:" in data:
            result.directives = suppress.parse(text)
        return result
    data = reading.as_utf8(data)
    if source.kind == "sfc" and pug.in_component(data):  # <template lang="pug">: read as the HTML it renders
        data = _pug_component(source.display, data, result)
    if b"replaylint:" in data:
        result.directives = suppress.parse(reading.decode(data).text)
    kind = source.kind
    if source.display.lower().endswith(pug.SUFFIXES):
        # A Pug template: its controls read from the HTML it renders, its recorders by the text scan (its if / unless
        # lines are not read as gates)
        _pug_page(source.display, data, db, result)
        kind = "text"
    elif kind == "text" and docassemble.is_interview(source.display, data):
        # A docassemble interview: its screens are its page (the HTML its notes hold is text of them), and its text is
        # searched as any text file's.
        _docassemble_file(source.display, data, db, result)
    elif kind == "text" and source.display.lower().endswith((".yml", ".yaml")):
        # A YAML data file (a quiz's questions, a Jekyll _data list): its definitions are read as such, and its text is
        # searched as any text file's.
        _yaml_definitions(source.display, data, db, result)
    elif kind == "text":  # a file of no known kind: a page when it holds markup, else a text scan
        kind = "html" if textscan.looks_like_markup(data) else "text"
    if kind in HTML_KINDS and gtm_template.is_template(data):
        _gtm_template_file(source.display, data, db, result)
    elif kind in HTML_KINDS:
        page = _html_file(source.display, data, db, result, kind, _real_path(source))
        result.loads = _local_scripts(page, source)
        if tapestry.is_tapestry(source.display, page.source, db.tapestry):
            if result.template is None:  # the layout and components the page renders: their recorders record it
                used = tapestry.components(page, db.tapestry)
                result.template = template_scan.facts(templates.Template("tapestry", references=used), page.source, db)
            tapestry.native(page, db.tapestry)
        template_components.native(page, db.template_kit)  # Angular, Ionic, Spring, JSF, ASP.NET templates
        _choice_widgets(page, db, page.text)
        # A Slim or Haml template holding raw HTML: its own lines are no HTML, its helpers print controls too; read
        # as HTML whole only when its lines print nothing.
        indented_page = source.display.lower().endswith(indented.SUFFIXES)
        if not (indented_page and _indented_template_fields(source.display, page.source, db, result)):
            result.fields += _page_fields(page, source.display, db, result)  # after a PHP form class's (_html_file)
        scripted = inline_forms.markup(page, db.script_types.executable)  # area.innerHTML = '<input …>' in the page
        if scripted:
            result.fields += _page_fields(htmldoc.parse(scripted), source.display, db, result)
        if (
            result.template is not None
            and result.template.dialect == "php"
            and php_arrays.worth_reading(page.source, db.field_lists.label_keys)
        ):
            # A form plugin's or builder's definitions in PHP arrays ('fields' => array( array( 'label' => … ) ))
            _definition_fields(JsSource(php_arrays.script(page.source, db.template_kit.translations), 1, 1, "js"), db, result, {})
        result.layout_sources = fieldfacts.layout_sources(page)
        result.page_topic = _page_topic(page, source.display, db)
        if result.fields or result.rendered:
            result.code = masking_code(
                el.text for el in page.elements if el.tag == "script" and script_type(el) in db.script_types.executable
            )
        result.compliance = compliance_facts.for_page(source.display, page, {d.vendor for d in result.detections}, result.fields, db)
        _cmp_configs(cmp_config.in_page(page, db), result)
    elif source.kind in CODE_KINDS:
        prog = _code_file(source.display, source.kind, data, db, result, source.path, source.boundary)
        started = {d.vendor for d in result.detections} | {s.detection.vendor for s in result.registry_starts}
        result.compliance = compliance_facts.for_code(source.display, source.kind, data, dialect_for(source.display), started, db, prog)
        if source.kind != "sfc":
            _cmp_configs(cmp_config.in_code(data, dialect_for(source.display), db, prog), result)
    elif source.kind == "json" and source.path.name.lower() in db.component_files.projects:
        result.layout_sources = project_context.manifest_sources(data)  # package.json: the project's name
    elif source.kind == "json" and gtm.is_export(data):
        _gtm_file(source.display, data, db, result)
    elif source.kind == "json" and _holds_definitions(source.display, data, db):
        _json_definitions(source.display, data, db, result)
    elif source.kind == "hostcode":
        _host_code_file(source.display, data, db, result)
    elif source.kind == "dart":
        _dart_file(source.display, data, db, result)
    elif kind == "text":
        _text_file(source.display, data, db, result)
    return result


def _yaml_definitions(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """A YAML data file's field definitions (``analyzer.parse.yaml_lists``), each where it stands; never a message
    catalogue's (``config/locales/de.yml`` labels a form written elsewhere)."""
    if db.component_files.is_catalogue(path):
        return
    text = reading.decode(data).text.removeprefix("\ufeff")  # its decoding is reported by the text scan after
    if not yaml_lists.holds_definitions(text, db.field_lists.label_words):
        return
    script = yaml_lists.script(text)
    if script is None:
        return
    _definition_fields(JsSource(script, 1, 1, "js"), db, result, {})
    if result.fields:
        result.parsed = True


def _markdown_page(path: str, text: str, db: SignatureDB, result: FileResult) -> None:
    """The form fields of a Markdown page's raw HTML (Jekyll, MkDocs, Eleventy pass it through), at
    their lines, and the layout its front matter names: the recorders of that layout reach them."""
    page = htmldoc.parse(markdown_html.page(text))
    result.parsed = True
    result.fields = _page_fields(page, path, db, result)
    result.page_topic = _page_topic(page, path, db)
    layout = templates.front_matter_reference(text)
    if layout is not None:
        result.template = template_scan.facts(templates.Template("jinja", references=[layout]), text, db)


def _front_matter_definitions(text: str, db: SignatureDB, result: FileResult) -> None:
    """The questionnaire a page keeps in its front matter, read as the field definitions it is, each where it stands:
    TOML (Hugo edited through a content CMS: one array of tables per question, ``analyzer.parse.toml_lists``) or YAML
    (Jekyll, Eleventy, Astro: a list of questions, ``analyzer.parse.yaml_lists``)."""
    fm = frontmatter.read(text, frontmatter.DATA_LINES)
    if fm is None:
        return
    if fm.fence == "+++":
        script = toml_lists.script(fm, 1) if toml_lists.holds_tables(fm) else None
    else:
        script = yaml_lists.script(fm.text) if yaml_lists.holds_definitions(fm.text, db.field_lists.label_words) else None
    if script is None:
        return
    before = len(result.fields)
    _definition_fields(JsSource(script, text.count("\n", 0, fm.start) + 1, 1, "js"), db, result, {})
    if len(result.fields) > before:
        result.parsed = True


def _text_file(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """Text without markup in a file of no known kind: strong fingerprints only (textscan); a Slim or Haml template's
    form helpers, the controls they print."""
    template = path.lower().endswith(indented.SUFFIXES)
    candidates = prefilter.for_db(db).candidates(data)
    if not (template or candidates.vendors):
        return
    text = _decode(path, data, result)
    blocks: list[tuple[int, str]] = []
    if path.lower().endswith(".haml"):  # -# and / comment blocks are never rendered: blanked once, for both readings
        text, blocks = textscan.haml_comments(text)
    if template:
        _indented_fields(path, text, db, result)
    if not candidates.vendors:
        return
    result.parsed = True
    vendors = [db.vendors[v] for v in sorted(candidates.vendors)]
    found = commented.in_blocks(blocks, text, vendors, "HAML comment") if blocks else []
    facts = PageFacts((), (), (), tuple(found)) if found else _NO_FACTS
    _report(path, facts, textscan.sites(text, vendors, db), None, db, result)


def _indented_template_fields(path: str, text: str, db: SignatureDB, result: FileResult) -> bool:
    """A Slim or Haml template's fields (``_indented_fields``), its Haml comment blocks never rendered; False when it
    prints none."""
    if path.lower().endswith(".haml"):
        text = textscan.haml_comments(text)[0]
    return _indented_fields(path, text, db, result)


def _indented_fields(path: str, text: str, db: SignatureDB, result: FileResult) -> bool:
    """A Slim or Haml template (its comment blocks blank): the page is blank but for the controls its output lines'
    form helpers print (Rails' and the GOV.UK form builder's: ``form_helpers.toml``), each at its line, and its lines
    of raw HTML; the rest of its markup is not HTML. False when it prints none."""
    regions = indented.output_regions(text)
    base = indented.raw_markup(text)  # <input …> written among the template's own lines is HTML as it stands
    if not (regions or "<" in base):
        return False
    return _written_fields(path, form_helpers.write(path, text, base, regions, "erb", db.form_helpers), db, result)


def _pug_budget(path: str) -> Diagnostic:
    """The note that a Pug template's reading ran out of its budget (``analyzer.parse.pug``)."""
    return code_scan.budget_diagnostic(
        path, 1, "reading its Pug markup (its controls are not read; its text is still searched for recorders)"
    )


def _pug_page(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """A Pug template (``.pug``, ``.jade``) read as the page it renders (``analyzer.parse.pug``): its fields, each at
    its line, its headings and title as the page's context."""
    text = reading.decode(data).text  # its decoding is reported by the text scan after
    used = pug.references(text, PurePosixPath(path).suffix.lower())
    if used:  # extends layout, include partials/form: composed with their recorders as other templates are
        result.template = template_scan.facts(templates.Template("pug", references=used), text, db)
    written = pug.html(text)
    if written is None:
        result.diagnostics.append(_pug_budget(path))
        return
    if "<" not in written:
        return
    page = htmldoc.parse(written)
    result.parsed = True
    template_components.native(page, db.template_kit)
    _choice_widgets(page, db, page.text)
    result.fields += _page_fields(page, path, db, result)
    result.layout_sources = fieldfacts.layout_sources(page)
    result.page_topic = _page_topic(page, path, db)
    if result.fields:
        result.code = masking_code(el.text for el in page.elements if el.tag == "script" and script_type(el) in db.script_types.executable)


def _pug_component(path: str, data: bytes, result: FileResult) -> bytes:
    """A component whose ``<template lang="pug">`` is written as the HTML it renders, every line where it was; as it
    stands when its reading ran out of budget (noted)."""
    written = pug.component(reading.decode(data).text)
    if written is None:
        result.diagnostics.append(_pug_budget(path))
        return data
    return written.encode("utf-8", "surrogatepass")


def _written_fields(path: str, written: str, db: SignatureDB, result: FileResult) -> bool:
    """The fields of a page written from code (blank but for the controls it prints); False when it prints none. Such a
    page is no template whose components are read after, so its short stand-ins are read as inputs here."""
    if "<" not in written:
        return False
    result.parsed = True
    page = htmldoc.parse(written)
    if page.root is not None:
        template_components.short_controls(page.root)
    result.fields = _page_fields(page, path, db, result)
    return True


def _gtm_template_file(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """A GTM community template file: its sandboxed code's injectScript() loads (gtm_template)."""
    result.parsed = True
    candidates = prefilter.for_db(db).candidates(data)
    if candidates.vendors:
        _report(path, _NO_FACTS, gtm_template.analyse(_decode(path, data, result), db, candidates.vendors), None, db, result)


def _host_code_file(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """Python, Ruby and Drupal PHP files: recorder snippets held in their strings (code_data), the fields a
    server framework's form class declares (a Django or WTForms ``forms.py``) and a Django models module's. The text
    is decoded once, and only when one of them is there to read."""
    form_class = db.component_files.is_form_class(path)
    # A Streamlit script is its own page: its widgets (st.selectbox("Religión", …)) are its controls.
    script_app = code_data.may_be_script_app(path, data)
    model_module = path.lower().endswith(db.component_files.model_modules)
    view_module = db.component_files.is_views_module(path)
    candidates = prefilter.for_db(db).candidates(data)
    if not (form_class or script_app or model_module or view_module or candidates.vendors):
        return
    text = _decode(path, data, result)
    form_class = form_class or (script_app and code_data.script_app(path, text) is not None)
    if form_class:
        if "ModelForm" in text:
            result.model_forms = django_models.model_forms(text, db.model_fields.widgets)
        _form_class_fields(path, text, db, result)
    if view_module:
        result.model_forms += django_models.view_forms(text, db.component_files.view_classes)
    if model_module and "models." in text:
        _model_fields(path, text, db, result)
    if not candidates.vendors:
        return
    lang = code_data.language(path, text)
    result.parsed = True
    if lang is None:  # an .inc without <?php: text
        _report(path, _NO_FACTS, textscan.sites(text, [db.vendors[v] for v in sorted(candidates.vendors)], db), None, db, result)
        return
    _report(path, _NO_FACTS, code_data.sites(text, lang, [db.vendors[v] for v in sorted(candidates.vendors)], db), None, db, result)


def _dart_file(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """A Flutter screen: its form widgets written as the controls they render, its texts as the page's text
    (``analyzer.parse.flutter``); read only when it may build one."""
    text = _decode(path, data, result)
    if flutter.may_hold_controls(text, db.flutter):
        _written_fields(path, flutter.written(text, db.flutter, db.ui_suffixes), db, result)


def _form_class_fields(path: str, text: str, db: SignatureDB, result: FileResult, known: django_models.Known | None = None) -> None:
    """A form class in server code (``religion = forms.ChoiceField(label="Religion")``): its code is no text a person
    reads, so the page is blank but for the controls its field declarations print (``form_helpers.toml``), each
    at its declaration's line, and those of the model fields its ModelForms list (``result.model_forms``), each at its
    entry's line; ``known``: the app's model fields, by model and name (none here: the resolve stage writes them again
    with those of its app, ``model_form_fields``)."""
    page = form_helpers.write(path, text, positions.blank(text), [], None, db.form_helpers, roomy=True)
    if result.model_forms:
        result.form_class_page = page  # the resolve stage writes the listed model fields on it again (model_form_fields)
        page = django_models.form_page(page, result.model_forms, known or {})
    _written_fields(path, page, db, result)


def model_form_fields(
    path: str, page: str, db: SignatureDB, forms: tuple[django_models.ModelForm, ...], known: django_models.Known
) -> list[FieldSite]:
    """A forms module's fields with its app's model fields (``known``): its page of declared controls (``page``,
    ``FileFacts.form_class_page``) with the labels, controls and choices of the model fields its ModelForms list."""
    result = FileResult(path)
    _written_fields(path, django_models.form_page(page, forms, known), db, result)
    return result.fields


def _model_fields(path: str, text: str, db: SignatureDB, result: FileResult) -> None:
    """A Django models module: each field declaration written as the control a ModelForm renders for it, at its
    line, and the span of each class, so that the resolve stage keeps those a ModelForm of the app shows."""
    page, classes, declared = django_models.written(text, db.model_fields)
    result.model_declared = declared
    if _written_fields(path, page, db, result):
        result.model_classes = classes


def _prefilter_only(source: SourceFile, db: SignatureDB, result: FileResult) -> None:
    """A file over the size cap is searched for recorder literals in chunks instead of skipped."""
    try:
        hits, cut = fallback.search_file(source.path, db)
    except OSError as exc:
        result.diagnostics.append(Diagnostic(path=source.display, code="unreadable", message=f"cannot read ({exc.strerror or exc})"))
        return
    reason = "over the size cap: searched for recorder literals only" + (f" (first {fallback.MAX_SEARCH:,} bytes)" if cut else "")
    keep_found(source.display, hits, reason, db, result)


def keep_found(path: str, hits: dict[str, tuple[int, int]], reason: str, db: SignatureDB, result: FileResult) -> None:
    """Report, as unverifiable, the vendors the prefilter found that the analysis did not."""
    verdicts = fallback.sites(hits, db, reason, {d.vendor for d in result.detections})
    if verdicts:
        _report(path, _NO_FACTS, verdicts, None, db, result)


def _gtm_file(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    found = gtm.analyze(_decode(path, data, result), db)
    result.parsed = True
    if isinstance(found, str):
        result.diagnostics.append(Diagnostic(path=path, code="gtm-export-invalid", message=f"looks like a GTM export but {found}"))
        return
    if found.problem:
        result.diagnostics.append(
            Diagnostic(path=path, code="gtm-export-invalid", message=f"{found.problem}; the tags that could be read are reported")
        )
    _report(path, _NO_FACTS, found.sites, None, db, result)


def _decode(path: str, data: bytes, result: FileResult) -> str:
    text = reading.decode(data)
    if text.note:
        result.diagnostics.append(Diagnostic(path=path, code="charset-ignored", message=text.note))
    if text.lossy:
        result.diagnostics.append(
            Diagnostic(path=path, code="decode-lossy", message=f"some bytes are not valid {text.encoding}; they were replaced")
        )
    return text.text


MAX_CODE = 2 * 1024 * 1024


def _untemplated(text: str, path: str) -> tuple[str, jsparse.Parsed | None]:
    """A script that is a template does not parse, which hid its recorder: an EJS / lodash
    template (``<%= serialize(options) %>`` in a Nuxt module's plugin template), or a Hugo / Jinja
    one (a Hugo module's ``assets/js/…/clarity.js`` wrapping the loader in ``{{ if … }}`` and
    passing ``"{{ $id }}"``). Its template tags are neutralised, same length, as a page
    template's are. Only when the script as written does not parse, so a tag opener inside a
    string of a working script is left alone. The parse that decided it is handed back when the
    script is kept as written (a JSX ``style={{…}}`` opens a Jinja-looking tag), so the file is not
    parsed twice."""
    neutral = templates.neutralise_ejs(text)
    if neutral is None and templates.has_tag_opener(text):
        dialect = templates.dialect(path, text)
        neutral = templates.analyse(text, dialect)[0] if dialect in ("go", "jinja") else None
    if neutral is None or neutral == text:
        return text, None
    as_written = jsparse.parse(JsSource(text, 1, 1, dialect_for(path)))
    return (text, as_written) if not as_written.has_error else (neutral, None)


def masking_code(texts) -> str:
    """Code normalised for matching masking options (``inputSanitizer:true``; minified ``!0``)."""
    out, size = [], 0
    for text in texts:
        if size > MAX_CODE:
            break
        out.append(text)
        size += len(text)
    return norm("\n".join(out)).replace("!0", "true").replace("!1", "false")


def _local_scripts(page: htmldoc.Page, source: SourceFile) -> list[str]:
    """Real paths of the site's own scripts the page loads (src, module preloads): how a bundle's
    recorders are linked to the pages that carry them (``analyzer.parse.links`` resolves the URL)."""
    base = next((el.attrs.get("href") for el in page.elements if el.tag == "base" and el.attrs.get("href")), None)
    out = []
    for el in page.elements:
        url = _script_url(el)
        found = links.resolve(url, source.path, source.root, base) if url else None
        if found is not None and found not in out:
            out.append(found)
    return out


def _script_url(el: htmldoc.Element) -> str | None:
    if el.tag == "script":
        return el.attrs.get("src")
    rels = el.attrs.get("rel", "").lower().split()
    if el.tag == "link" and ("modulepreload" in rels or ("preload" in rels and el.attrs.get("as") == "script")):
        return el.attrs.get("href")
    return None


def _real_path(source: SourceFile) -> str:
    """The file's absolute path: a file named on its own (``scan hotjar.html`` inside templates/)
    still sits in its template folder."""
    try:
        return os.path.abspath(source.path)
    except (OSError, ValueError):
        return source.display


def _html_file(path: str, data: bytes, db: SignatureDB, result: FileResult, kind: str = "html", real: str | None = None) -> htmldoc.Page:
    """Pages are always parsed (lxml parses a page as fast as a raw-bytes prefilter scans it); the
    signature literals are then searched in the page's code and URLs only, not in its prose.
    Templates are neutralised first (same length), so positions stay true to the source."""
    text = _decode(path, data, result)
    dialect = templates.dialect(path, text) if kind == "template" or templates.may_be_template(real or path, text) else None
    tpl = None
    original = text
    if dialect:
        text, tpl = templates.analyse(original, dialect)
        result.template = template_scan.facts(tpl, original, db)
        result.rendered = rendered.from_template(tpl.regions, text, db)
    if dialect is None and path.lower().endswith(razor.SUFFIXES):
        text = razor.blank_code(text)  # @if (…) { and a lone } are no text a person reads
    # f.text_field :diagnosis, {{ form.diagnosis }}, @Html.TextBoxFor(m => m.Diagnosis): the controls they print
    # <?= $form->field($model, 'x') ?> lines: a view of output tags; one whose code blocks span lines (echo $form->field
    # … in a <?php … ?> block of statements) is read as code, each call at its line
    printing = (
        tpl is not None
        and any(r.kind == "output" for r in tpl.regions)
        and not any(r.kind == "code" and "\n" in r.body.strip() for r in tpl.regions)
    )
    if dialect == "php" and "<" not in text and not printing:
        # A PHP file that is all code (a Symfony form type, a Nette presenter, form factory or form class) is read as a
        # Python form class is: its helper calls from a page of their own, each call's whole markup on its first line.
        # The page read here keeps the file's length, as every writer after this one and the positions need.
        _form_class_fields(path, original, db, result)
    else:
        regions = tpl.regions if tpl is not None else []
        if dialect in db.form_types.dialects:  # {{ form_row(form.comment) }}: the control its Symfony form type gives
            text, regions = symfony_forms.write(original, text, regions, symfony_forms.installed(), db.form_types)
        text = form_helpers.write(path, original, text, regions, dialect, db.form_helpers)
    if dialect is None and path.lower().endswith(templates.FREEMARKER):
        text = templates.blank_freemarker(text)  # the macros no helper wrote: <@sf.empty colspan="1"/>, <#if …>
    if dialect:  # {% block title %}Anamnese{% endblock %}, @section('title', 'Anamnese'): the <title> its layout prints
        text = title_blocks.write(original, text, db.component_files.title_blocks)
    if dialect in ("php", "blade"):  # ad_input_text($user, 'ad_member_id', 'Medlemsnummer'): the site's own builders
        text = php_builders.write(original, text, php_builders.installed())
        # foreach ($groupes as $g) over a literal list, @foreach (Faith::cases() as $f) over a class's: one option per item
        classes = php_constants.installed()
        text = php_loops.write(original, text, classes if classes.classes else None)
    page = htmldoc.parse(text, original)
    result.parsed = True
    if page.degraded:
        result.diagnostics.append(
            Diagnostic(
                path=path,
                code="parse-degraded",
                message=f"the HTML parser hit a resource limit (nesting too deep?); {page.degraded} element(s) were recovered one by one",
            )
        )
    strings = list(htmldoc.strings(page))
    if tpl is not None:
        strings += [r.body for r in tpl.regions] + [text[b.start : b.end] for b in tpl.script_blocks]
    candidates = prefilter.for_db(db).candidates("\n".join(strings).encode("utf-8", "surrogatepass"))
    if tpl is not None and template_data.held(original):  # a captured snippet may be JavaScript outside any <script>
        raw = prefilter.for_db(db).candidates(data)
        candidates = prefilter.Candidates(candidates.vendors | raw.vendors, candidates.cmps)
    if candidates.vendors:
        _analyze_html(path, page, candidates, db, result, tpl, original if dialect else None, dialect)
    if not result.detections:
        result.tag_manager = tag_managers.first_loaded(page, db)
    return page


def _analyze_html(
    path: str,
    page: htmldoc.Page,
    candidates: prefilter.Candidates,
    db: SignatureDB,
    result: FileResult,
    tpl=None,
    original: str | None = None,
    dialect: str | None = None,
) -> None:
    vendors = [db.vendors[v] for v in sorted(candidates.vendors)]
    cmps = [db.cmps[c] for c in sorted(candidates.cmps)]
    facts = detect.page_facts(page, vendors, cmps, db)
    if tpl is not None:
        facts = dataclasses.replace(
            facts, commented=facts.commented + tuple(commented.in_template(tpl, original if original is not None else page.text, vendors))
        )
    verdicts = [(site, consent_markup.verdict(site, facts, db)) for site in facts.sites]
    verdicts, code = _inline_code(path, page, verdicts, db, result, original)
    verdicts = _library_tags_only(verdicts, code, result)
    if tpl is not None:
        verdicts += template_scan.code_sites(tpl, page.text, vendors, db)
        verdicts = template_scan.gate_all(verdicts, tpl, page.text, db)
    if original is not None:  # snippets held as data: in PHP strings not printed, in captured template variables
        if dialect == "php":
            lexed = hoststrings.lex(original, "php")  # one lexing for both readings of the PHP code
            verdicts = code_data.in_uncalled_php(original, code_data.in_php_template(original, verdicts, vendors, db, lexed), lexed)
        verdicts = template_data.rejudge(path, original, verdicts, vendors, db)
    _report(path, facts, verdicts, code, db, result)


def _inline_code(
    path: str, page: htmldoc.Page, verdicts: list, db: SignatureDB, result: FileResult, original: str | None = None
) -> tuple[list, CodeScan]:
    """Run the JavaScript analysis on executable inline scripts that mention a vendor (``original``:
    the template as written, when the page is one neutralised)."""
    pf = prefilter.for_db(db)
    pieces: list[JsSource] = []
    owners: list = []
    vendor_sets: set[str] = set()
    for el in page.elements:
        if el.tag != "script" or not el.text.strip() or script_type(el) not in db.script_types.executable:
            continue
        found = pf.candidates(el.text.encode("utf-8", "surrogatepass")).vendors
        if found:
            line, col = page.body_position(el)
            pieces.append(JsSource(el.text, line, col, "js"))
            owners.append(el)
            vendor_sets |= found
    if not pieces:
        return verdicts, CodeScan()
    results, diags = code_scan.analyze(pieces, [db.vendors[v] for v in sorted(vendor_sets)], db, path, template=original)
    result.diagnostics.extend(diags)
    result.code_parsed += len(pieces)
    merged = list(verdicts)
    on_page = {site.vendor.id for site, _ in verdicts}
    code_for: dict[int, list[CodeStart]] = {}
    for r in results.starts:
        el = owners[r.piece]
        same = [i for i, (site, _) in enumerate(merged) if site.element is el and site.vendor.id == r.vendor.id]
        for i in same:
            if merged[i][1].mechanism in _CODE_DECIDES:
                code_for.setdefault(i, []).append(r)
        # A loader of this vendor elsewhere on the page is already the detection; an inline init
        # next to it (LogRocket.init after its <script src>) is the same recorder.
        if not same and r.vendor.id not in on_page:
            merged.append((RecorderSite(r.vendor, r.spot, r.via, r.evidence), r.verdict))
    for i, judged in code_for.items():
        worst = min(judged, key=lambda r: _RANK[r.verdict.status])
        site, markup = merged[i]
        if not (markup.mechanism == Mechanism.NONE and worst.verdict.status is markup.status):
            merged[i] = (site, _refine(markup, worst.verdict, worst.spot.line))
    # A suite's loader whose inline init turns replay off (ym(…, {webvisor: false}), posthog.init
    # with disable_session_recording) records nothing: the RL130 note stays, the site goes. So does
    # a snippet whose id was left as the docs wrote it (YOUR_HOTJAR_ID). A snippet that only fails to
    # parse stays: in a template, syntax the page is rendered with (printf's %d) breaks the parse.
    off = {
        (id(owners[r.piece]), r.vendor.id)
        for r in results.inactive
        if (r.vendor.category == "replay-addon" and r.replay_off) or r.placeholder
    }
    started = {(id(owners[r.piece]), r.vendor.id) for r in results.starts}
    merged = [(site, v) for site, v in merged if (id(site.element), site.vendor.id) not in off - started]
    return merged, results


def _library_tags_only(verdicts: list, code: CodeScan, result: FileResult) -> list:
    """A suite whose replay is off unless its init turns it on (Mixpanel), loaded by a plain
    ``<script src>`` with no start of it in the page's code, records nothing here: the tag becomes
    an RL130 note, as the same suite's stub without an init already does in code."""
    started = {r.vendor.id for r in code.starts}
    kept = []
    for site, verdict in verdicts:
        vendor = site.vendor
        if site.via == Via.SCRIPT_SRC and vendor.replay_needs_init and vendor.id not in started:
            result.inactive.append(
                Inactive(
                    vendor.id,
                    site.element.line,
                    site.element.column,
                    f"{site.evidence}: the library alone records nothing ({vendor.name} records only when an init turns replay on)",
                )
            )
            continue
        kept.append((site, verdict))
    return kept


def _refine(markup: Verdict, code: Verdict, line: int) -> Verdict:
    # The entry goes on: an inline script's global function is called by the page's other scripts (resolve.globals).
    return Verdict(
        status=code.status,
        mechanism=code.mechanism,
        evidence=f"{code.evidence} (code at line {line})",
        cmp=markup.cmp,
        entry=code.entry,
        helpers=code.helpers,
    )


def _display_original(original: str | None) -> str | None:
    if original is None:
        return None
    file, _, line = original.rpartition(":")
    return f"{display_path(Path(file))}:{line}"


def _code_file(
    path: str, kind: str, data: bytes, db: SignatureDB, result: FileResult, file: Path, boundary: str | None = None
) -> jsfacts.Program | None:
    """Detections and fields of a code file; returns the whole file's parsed program when one was
    made (not for a component's script blocks), for the compliance pass to reuse."""
    result.imports = links.specifiers(data) + chunk_files.chunk_specifiers(data)
    candidates = prefilter.for_db(db).candidates(data)
    result.literals = tuple(sorted(candidates.vendors))
    built = jsfacts.minified(data)  # a built bundle: no hand-written markup, comments or templates
    # TypeScript writes no JSX, but its template strings may hold a form (an Angular component's inline template:,
    # lit's html`…`), and it builds forms through the DOM as scripts do.
    markup = not built
    # Components (not built bundles) are also read for the values they print and for a path that
    # names a special category.
    component = kind == "sfc" or path.lower().endswith((".jsx", ".tsx"))
    forms = markup and (
        jsxmarkup.form_hint(
            # a script's template strings may write a kit's components too (lit's html`<vaadin-text-field>`)
            tuple(db.ui_components),
            tuple(db.template_kit.names),
            tuple(s for s, _, _ in db.ui_suffixes),
        ).search(data)
        is not None
        or (bool(db.jsx_bindings.element_builders) and hyperscript.hint(db.jsx_bindings.element_builders).search(data) is not None)
        or (bool(db.jsx_bindings.dom_creators) and dombuild.hint(db.jsx_bindings.dom_creators).search(data) is not None)
        or (kind == "sfc" and answer_buttons.hint(data, db.jsx_bindings))  # <button @click="selectTreatment('akupunktur')">
        or (bool(db.jsx_bindings.styled_factories) and styled_elements.hint(db.jsx_bindings.styled_factories).search(data) is not None)
        or own_components.installed().imported_by(path, result.imports)  # <R_R label="…"/> from ../inputs/R_R, a styled input
        or (
            component
            and (
                _bound_controls(db.jsx_bindings.handlers, db.jsx_bindings.selection_props).search(data) is not None
                or rendered.worth_reading(data, db)
                or (pagecontext.is_route(path) and pagecontext.sensitive_page(path, "", [], db.fields) is not None)
            )
        )
    )
    # A webpack chunk may start an SDK split into another chunk through the module registry,
    # with none of the SDK's literals here: ((0, r.Ts)('<api key>', {…})).
    # An ES module chunk may call another chunk's export the same way (Oe.clarity.init('<id>')).
    registry = kind == "js" and (
        (bundler_exports.webpack_marked(data) and _REGISTRY_CALL.search(data) is not None)
        or (built and _CHUNK_IMPORT.search(data) is not None and _chunk_start_call(db.start_methods).search(data) is not None)
    )
    if (component or path.endswith(".js")) and pagecontext.is_component_layout(path, db.component_files.layouts):
        # app/layout.tsx, +layout.svelte: what the site is called, for the forms of the routes it wraps.
        result.layout_sources = pagecontext.code_layout_sources(data[:200_000].decode("utf-8", "replace"))
    # A form built from a list of field definitions (fields: [{ name, label, type }, …]): any script, TypeScript too.
    lists = not built and bool(db.field_lists.name_keys) and fieldlists.worth_reading(data, db.field_lists)
    if not candidates.vendors and not forms and not registry and not lists:
        return None
    text = raw = _decode(path, data, result)
    parsed = None  # the whole file's parse, when _untemplated made it
    if kind != "sfc" and not built:
        text, parsed = _untemplated(text, path)
    pieces = sfc.script_blocks(text, path) if kind == "sfc" else [JsSource(text, 1, 1, dialect_for(path))]
    programs = {0: jsfacts.Program(parsed)} if parsed is not None else {}
    strings_read = False  # the script's strings read as markup (string_markup), with the questionnaire items holding theirs
    if forms:
        try:
            _component_fields(kind, text, pieces, db, result, programs)
            strings_read = kind != "sfc"
        except BudgetExhausted as exc:  # its forms are not read; its recorders still are (as far as the budget goes)
            result.diagnostics.append(code_scan.budget_diagnostic(path, pieces[0], f"reading the forms it writes: {exc}"))
    # A component's template that writes controls from its script's data (:label="cData.member.label") reads them there;
    # one that writes none hands its definitions to a renderer (vue-form-generator's :schema, a FormWrapper).
    if lists and pieces and not (kind == "sfc" and result.fields):
        _definition_fields(pieces[0], db, result, programs, fieldlists.template_maps(text) if kind == "sfc" else frozenset(), strings_read)
    if not candidates.vendors and not registry:
        return programs.get(0) if kind != "sfc" else None
    srcmap, note = sourcemap.find(file, text, boundary) if kind == "js" else (None, None)
    if note:
        result.diagnostics.append(Diagnostic(path=path, code="outside-root", message=note))
    vendors = [db.vendors[v] for v in sorted(candidates.vendors)]
    in_comments: list = []
    if not built:  # a snippet commented out in source; built bundles keep no such comments
        for i, piece in enumerate(pieces):
            if i not in programs:  # not setdefault: its argument, a whole parse, would run every time
                programs[i] = jsfacts.Program(jsparse.parse(piece))
            in_comments += commented.in_code(programs[i].parsed, vendors)
        if kind == "sfc":
            in_comments += commented.in_markup(text, vendors)
    results, diags = code_scan.analyze(
        pieces,
        vendors,
        db,
        path,
        srcmap,
        programs,
        list(db.vendors.values()) if registry else None,
        whole_file=kind in ("js", "ts"),
        template=raw if text is not raw else None,
    )
    result.dynamic_imports = results.imports
    if vendors or results.starts:
        result.parsed = True
        result.code_parsed += len(pieces)
    result.diagnostics.extend(diags)
    verdicts = [
        (RecorderSite(r.vendor, r.spot, r.via, r.evidence, original=_display_original(r.original)), r.verdict)
        for r in results.starts
        if r.registry is None
    ]
    own = own_script_vendors(os.path.abspath(file), db.vendors.values()) if verdicts else set()
    if own and any(site.vendor.id in own for site, _ in verdicts):
        verdicts = [(site, v) for site, v in verdicts if site.vendor.id not in own]
        result.diagnostics.append(
            Diagnostic(
                path=path,
                code="vendor-file",
                message=f"this file is {', '.join(sorted(db.vendors[o].name for o in own))}'s own script (a copy kept under its host's "
                "folder): the SDK's internals are not a start",
            )
        )
    result.registry_starts += [
        RegistryStart(
            Detection(
                vendor=r.vendor.id,
                location=Location(path=path, line=r.spot.line, column=r.spot.column),
                via=r.via,
                evidence=r.evidence,
                verdict=r.verdict,
                element="code",
                original=_display_original(r.original),
            ),
            r.registry,
            r.registry_keep,
        )
        for r in results.starts
        if r.registry is not None
    ]
    if verdicts or result.registry_starts:
        result.code = masking_code([text])
    _report(path, PageFacts((), (), (), tuple(in_comments)), verdicts, results, db, result)
    return programs.get(0) if kind != "sfc" else None


def _choice_widgets(page: htmldoc.Page, db: SignatureDB, text: str) -> None:
    """Buttons and chips a template asks with instead of radios, read as the radios they act as: choice tiles
    (``:class="{ on: form.sex === o }" @click=…``) and rows of answer buttons (``<button onclick="setAnswer(2, 'sim')">``);
    ``text`` is the file's own, where a page's template blocks are blanked."""
    if page.root is not None:
        choice_tiles.template_tiles(page.root, db.jsx_bindings, text)
        answer_buttons.read(page.root, db.jsx_bindings, text)


def _component_fields(kind: str, text: str, pieces: list[JsSource], db: SignatureDB, result: FileResult, programs: dict) -> None:
    """Sensitive fields a component renders (JSX, or an SFC's template), positioned in the file.
    The programs it parses go into ``programs``, for recorder detection to reuse (one parse per piece)."""
    words = rendered.words_for(db)
    strings = calls = dom = ""
    if kind == "sfc":
        html, values = rendered.sfc_marked(jsxmarkup.sfc_html(text), result.path, db.fields, words)
    else:
        if 0 not in programs:
            programs[0] = jsfacts.Program(jsparse.parse(pieces[0]))
        prog = programs[0]
        if prog.parsed.has_error and pieces[0].dialect == "js" and jsxmarkup.KEYWORD_ATTRIBUTE.search(pieces[0].text):
            # tree-sitter-javascript rejects a JSX attribute named by a keyword (Preact's and Solid's class=,
            # for=); the TSX grammar and Babel do not. The markup is read from a copy that says Class= / For=.
            prog = jsfacts.Program(jsparse.parse(jsxmarkup.keyword_attributes_renamed(pieces[0])))
        html, values = jsxmarkup.jsx_markup(
            prog,
            db.ui_components,
            lambda p: rendered.classify_path(p, db.fields, words),
            db.ui_suffixes,
            db.template_kit.translations,
            db.jsx_bindings,
            db.template_kit.translation_hooks,
            _imports(result.path),
            _title_holders(db),
            own_components.installed().for_file(result.path),
        )
        # A form written in strings (innerHTML, jQuery, lit's html`…`, a printable form a component
        # hands to document.write) is a page of its own, beside the component's JSX; so is one built by element
        # calls (h('input', {…}), React.createElement, compiled JSX's jsx()).
        strings = jsxmarkup.string_markup(
            prog, db.jsx_bindings, db.field_lists.question_keys, db.template_kit.names, db.field_lists.label_keys
        )
        calls, cut = hyperscript.markup(prog, db.jsx_bindings)
        if cut:
            result.diagnostics.append(
                code_scan.budget_diagnostic(
                    result.path, pieces[0], "reading the form it builds by element calls (the first ones were read)"
                )
            )
        dom, cut = dombuild.markup(prog, db.jsx_bindings)  # document.createElement("input"); box.type = "radio" …
        if cut:
            result.diagnostics.append(
                code_scan.budget_diagnostic(
                    result.path, pieces[0], "reading the form it builds through the DOM (the first elements were read)"
                )
            )
    route = result.path if pagecontext.is_route(result.path) else ""
    if html:
        page = htmldoc.parse(html)
        if kind == "sfc":

            def script(i: int) -> jsfacts.Program:
                """Script block ``i``, parsed at most once and kept in ``programs`` for the recorder search after."""
                if i not in programs:
                    programs[i] = jsfacts.Program(jsparse.parse(pieces[i]))
                return programs[i]

            def member(owner: str, prop: str) -> str:
                """What the script's object literals give ``owner.prop``."""
                return next((said for i in range(len(pieces)) if (said := script(i).object_members().get((owner, prop)))), "")

            if "v-for" in text and page.root is not None:  # <option v-for="r in religions">: one per item of its script's list
                vfor.expand(page.root, vfor.arrays([script(i) for i in range(len(pieces))]))
            template_components.native(page, db.template_kit, member, db.jsx_bindings.label_objects, text)
            _choice_widgets(page, db, text)  # the file's own text: its {#each … as o} blocks are blanked in the page's
        result.fields = _page_fields(page, result.path, db, result)
        result.rendered = rendered.placed(page.root, values)
        # A component's path names a page only in a router's folders (pages/, app/, routes/,
        # views/): components/MentalHealthForm.jsx is a piece of some page, not its URL.
        result.page_topic = _page_topic(page, route, db)
    for other in (strings, calls, dom):
        if not other:
            continue
        page = htmldoc.parse(other)
        if other is strings:  # a template string's kit components (lit's html`<vaadin-text-field …>`, a Vue template's <v-select>)
            template_components.native(page, db.template_kit)
        result.fields += _page_fields(page, result.path, db, result)
        if not html:  # the component's own page, when it renders no JSX
            result.page_topic = result.page_topic or _page_topic(page, route, db)
    if result.fields or result.rendered:
        result.code = masking_code([text])


def _cmp_configs(configs: cmp_config.Configs, result: FileResult) -> None:
    """A file's consent-manager configurations; a script whose reading ran out of budget is noted (its markup verdicts stand)."""
    result.cmp_configs = configs.found
    for piece, exhausted in configs.unread:
        what = f"reading a consent manager's configuration (left unread: the markup verdicts stand): {exhausted}"
        result.diagnostics.append(code_scan.budget_diagnostic(result.path, piece, what))


def _definition_fields(
    piece: JsSource, db: SignatureDB, result: FileResult, programs: dict, mapped: frozenset[str] = frozenset(), strings_read: bool = False
) -> None:
    """The controls of a form built from a list of field definitions (``analyzer.facts.fieldlists``), beside the
    ones the file's markup writes (a list that markup maps is read there; ``mapped``: those a component's template maps;
    ``strings_read``: the script's strings were read as markup, and a questionnaire's items that hold their control's
    markup with them)."""
    if 0 not in programs:
        programs[0] = jsfacts.Program(jsparse.parse(piece))
    try:
        stem = PurePosixPath(result.path).stem
        html = fieldlists.markup(programs[0], db.field_lists, piece.line0, _imports(result.path), stem, mapped, strings_read)
    except BudgetExhausted as exc:
        result.diagnostics.append(code_scan.budget_diagnostic(result.path, piece, f"reading its field definitions: {exc}"))
        return
    if not html:
        return
    page = htmldoc.parse(html)
    # The file's path gives the lists no topic: an editor library's dialog under a clinic's assets/plugins/ is no
    # clinical form. Their own definitions and their holder's title do. Two kinds of definition wait for the project's
    # topic: a statement a voting-advice application may ask (a Wahl-O-Mat's questions in public/data/data.json: the app
    # names itself), and a question answered on a symptom's scale, which no editor's dialog asks ("Treppensteigen:
    # Selbstständig / Unselbstständig" in a care service's pflegegradrechner/questions.ts).
    pending: list[fieldfacts.PendingField] = []
    found = fieldfacts.extract(page, db.fields, db.consent_words, "", db.field_context, pending, db.field_model)
    result.pending_fields += [p for p in pending if p.statement or p.scaled]
    if found:
        result.fields += found
        if not result.code:
            result.code = masking_code([piece.text])


def _title_holders(db: SignatureDB) -> tuple[str, ...]:
    """The components a page hands its title to (``title_holders`` of field_context.toml)."""
    return db.field_context.title_holders if db.field_context is not None else ()


def _page_topic(page: htmldoc.Page, path: str, db: SignatureDB) -> pagecontext.PageTopic | None:
    """The special category the page itself puts a visit in (``pagecontext.page_of``), its title read as the page gives
    it to its layout too."""
    return pagecontext.page_of(page, path, db.fields, _title_holders(db))


def _imports(path: str) -> script_constants.Imported:
    """What the lists the project exports answer for the file at ``path``'s imports (``script_constants``)."""
    constants = script_constants.installed()
    return (lambda spec, name: constants.choices(path, spec, name)) if constants.texts else script_constants.NO_IMPORTS


def _holds_definitions(path: str, data: bytes, db: SignatureDB) -> bool:
    """Whether a JSON file may hold a form's field definitions: a form builder's export (SurveyJS, Form.io, a JSON
    Schema form, a project's own questions file) whose bytes pass ``fieldlists.worth_reading``; never a message
    catalogue (``locales/de.json`` labels a form written elsewhere: its keys are no controls of its own)."""
    return not db.component_files.is_catalogue(path) and fieldlists.worth_reading(data, db.field_lists)


def _page_fields(page: htmldoc.Page, path: str, db: SignatureDB, result: FileResult) -> list[FieldSite]:
    """The fields of a page of the file at ``path`` (the file's own page, or one its code writes), read with the
    signatures' words and the file's pending readings (``fieldfacts.extract``)."""
    return fieldfacts.extract(page, db.fields, db.consent_words, path, db.field_context, result.pending_fields, db.field_model)


def _docassemble_file(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """A docassemble interview's controls, each where its item stands, under its screen's question
    (``analyzer.parse.docassemble``)."""
    html = docassemble.page(reading.decode(data).text, db.docassemble)  # its decoding is reported by the text scan after
    if not html:
        return
    page = htmldoc.parse(html)
    result.parsed = True
    result.fields += _page_fields(page, path, db, result)
    result.page_topic = result.page_topic or _page_topic(page, path, db)


def _json_definitions(path: str, data: bytes, db: SignatureDB, result: FileResult) -> None:
    """A JSON form definition's controls, read as the object literal JSON is (in parentheses, on the file's own lines):
    the renderer the page runs (SurveyJS, Form.io, a project's own) shows each definition as its control."""
    text = _decode(path, data, result)
    if text.startswith("\ufeff"):
        text = text[1:]
    _definition_fields(JsSource(f"({text}\n)", 1, 0, "js"), db, result, {})
    if result.fields:
        result.parsed = True


def _report(path: str, facts: PageFacts, verdicts: list, code: CodeScan | None, db: SignatureDB, result: FileResult) -> None:
    """Hand the first pass's sites, verdicts and page facts over as records (no findings here:
    the rules run once, after the resolve stage, on final verdicts)."""
    for site, verdict in verdicts:
        result.detections.append(
            Detection(
                vendor=site.vendor.id,
                location=Location(path=path, line=site.element.line, column=site.element.column),
                via=site.via,
                evidence=site.evidence,
                verdict=verdict,
                element=site.element.tag,
                original=site.original,
            )
        )
    for ld in facts.loaders:
        if ld.cmp.markup and ld.cmp.id not in result.cmps:
            result.cmps.append(ld.cmp.id)
    result.hints += [Hint(h.vendor.id, h.element.line, h.element.column, h.rel, h.url) for h in facts.hints]
    result.commented += [Commented(c.vendor.id, c.comment.line, c.comment.column, c.evidence) for c in facts.commented]
    if code is not None:
        result.inactive += [Inactive(r.vendor.id, r.spot.line, r.spot.column, r.evidence) for r in code.inactive]
        result.pii += [PiiPush(r.vendor.id, r.spot.line, r.spot.column, r.evidence, r.categories) for r in code.pii]
