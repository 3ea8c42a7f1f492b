"""What the read stage hands over for one file: frozen records, vendors named by id.

A worker never makes findings. It returns one ``FileFacts`` per file: the recorders it found with
their first-pass verdicts (``Detection``), the page facts the rules read (consent managers loaded,
resource hints, commented-out snippets, SDKs present but not recording, personal data pushed to a
recorder, a tag manager loaded), the form fields and printed values, and what the resolve stage
needs to link files (scripts loaded, import specifiers, template references). Everything here is
plain data: it crosses the process boundary by pickling, and no later stage changes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from analyzer.model import Detection, Diagnostic

if TYPE_CHECKING:
    from analyzer.consent.import_gates import DynamicImport
    from analyzer.consent.template_scan import TemplateFacts
    from analyzer.facts.cmp_config import CmpConfigFacts
    from analyzer.facts.compliance_facts import ComplianceFacts
    from analyzer.facts.fieldfacts import FieldSite, PendingField
    from analyzer.facts.pagecontext import PageTopic
    from analyzer.facts.rendered import RenderedValue
    from analyzer.parse.django_models import ModelClass, ModelField, ModelForm
    from analyzer.parse.suppress import Directive


@dataclass(frozen=True)
class Hint:
    """A resource hint (preconnect, preload …) to a recorder's host."""

    vendor: str
    line: int
    column: int
    rel: str
    url: str


@dataclass(frozen=True)
class Commented:
    """A recorder snippet inside a comment (never runs)."""

    vendor: str
    line: int
    column: int
    evidence: str


@dataclass(frozen=True)
class Inactive:
    """A recorder SDK present but not recording here (imported and never started, replay off)."""

    vendor: str
    line: int
    column: int
    evidence: str


@dataclass(frozen=True)
class PiiPush:
    """An identify-style call that sends personal data of these field categories to a recorder."""

    vendor: str
    line: int
    column: int
    evidence: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class TagManagerSeen:
    """The first tag manager a page loads (its container may hold recorders no page shows)."""

    name: str
    export: str  # how to export the container for a scan
    line: int
    column: int


@dataclass(frozen=True)
class RegistryStart:
    """A recorder start called through webpack's module registry with the SDK in another chunk
    (``(0, r.Ts)('<api key>', {…})``): open until the resolve stage has read the module it calls
    (``export``: ``"676:Ts"``). ``keep``: reported as it is when no scanned chunk defines the module."""

    detection: Detection
    export: str
    keep: bool


@dataclass(frozen=True, kw_only=True)
class FileFacts:
    """Everything one file holds that a later stage reads."""

    path: str
    detections: tuple[Detection, ...] = ()
    registry_starts: tuple[RegistryStart, ...] = ()  # starts through the module registry, read in the resolve stage
    diagnostics: tuple[Diagnostic, ...] = ()
    # Page facts the recorder rules read.
    cmps: tuple[str, ...] = ()  # consent managers with blocking markup this page loads, in page order
    hints: tuple[Hint, ...] = ()
    commented: tuple[Commented, ...] = ()
    inactive: tuple[Inactive, ...] = ()
    pii: tuple[PiiPush, ...] = ()
    tag_manager: TagManagerSeen | None = None
    literals: tuple[str, ...] = ()  # code files: vendors whose signature literals the file holds (SDK code)
    # What the field pass reads.
    fields: tuple[FieldSite, ...] = ()
    pending_fields: tuple[PendingField, ...] = ()  # free-text controls whose topic may be named in a layout
    layout_sources: tuple[tuple[str, str], ...] = ()  # what the file says the site is (title, site name)
    rendered: tuple[RenderedValue, ...] = ()
    page_topic: PageTopic | None = None
    code: str = ""  # normalised code that may set a recorder's masking options
    model_forms: tuple[ModelForm, ...] = ()  # a forms module's ModelForms: the models whose fields they render
    model_classes: tuple[ModelClass, ...] = ()  # a models module's classes, by their lines
    model_declared: tuple[ModelField, ...] = ()  # a models module's fields, for the ModelForms that list them
    form_class_page: str = ""  # a forms module with ModelForms: its page of declared controls (engine._form_class_fields)
    # What the resolve stage links.
    loads: tuple[str, ...] = ()  # real paths of the site's own scripts the page loads
    imports: tuple[str, ...] = ()  # module specifiers (code files)
    dynamic_imports: tuple[DynamicImport, ...] | None = None  # code files: import() calls judged where they stand (None: not judged)
    template: TemplateFacts | None = None
    cmp_configs: tuple[CmpConfigFacts, ...] = ()  # consent-manager configurations the file holds (pages: inline)
    compliance: ComplianceFacts | None = None
    directives: tuple[Directive, ...] = ()
    # Counters for the summary.
    parsed: bool = False
    size: int = 0
    code_parsed: int = 0

    @property
    def page_like(self) -> bool:
        """Something the field pass or template composition reads."""
        return bool(self.fields or self.pending_fields or self.code or self.template or self.rendered or self.page_topic)
