"""Load and compile the signature database (vendors, consent managers, script types, severities).

The TOML files are the one source of truth; this module only validates them and turns them into
lookup structures. Loading is cached per set of folders, so a worker process pays for it once.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.datadir import BUILTIN_DIR
from analyzer.model import Status
from analyzer.parse import messages
from analyzer.parse.django_models import ModelFields
from analyzer.parse.docassemble import DocassembleKit
from analyzer.parse.flutter import FlutterWidgets
from analyzer.parse.form_helpers import HEADINGS as HELPER_HEADINGS
from analyzer.parse.form_helpers import FormHelper
from analyzer.parse.jsshapes import CallShape, parse_call
from analyzer.parse.normalise import norm
from analyzer.parse.symfony_forms import FormTypeSpec
from analyzer.parse.view_models import Annotations as ViewAnnotations
from analyzer.signatures import cache
from analyzer.signatures.checktext import GAP
from analyzer.signatures.lexicon import (
    Category,
    ContextWords,
    Inflection,
    SectionWords,
    TermIndex,
    compile_category,
    inflection_rules,
    make_term,
    tokens,
)
from analyzer.signatures.sigschema import (
    CMP_SCHEMA,
    CONTROL_GROUP_NAMES,
    FIELD_CONTEXT_SCHEMA,
    FIELD_INFLECTION_SCHEMA,
    FIELD_LIST_KEYS,
    FIELD_LIST_TYPES,
    FIELD_SCHEMA,
    FIELD_SECTIONS_SCHEMA,
    FORM_HELPERS_SCHEMA,
    JSX_BINDING_LISTS,
    JSX_BINDING_SETS,
    LEGAL_BASIS_SCHEMA,
    LEGAL_SCHEMA,
    POLICY_PAGES_SCHEMA,
    SCRIPT_TYPES_SCHEMA,
    TAG_MANAGERS_SCHEMA,
    UI_COMPONENTS_SCHEMA,
    VENDOR_SCHEMA,
    SignatureError,
    regex_literal,
    validate,
)


@dataclass(frozen=True)
class AttrMatch:
    """``attr`` (optionally with ``value``) or ``class`` on an element."""

    attr: str | None
    cls: str | None
    value: str | None

    def matches(self, attrs: dict[str, str], classes: frozenset[str]) -> bool:
        """Whether an element with these attributes and classes carries the marker (a value compares
        case-insensitively, blanks around ignored)."""
        if self.cls is not None:
            return self.cls in classes
        if self.attr is None or self.attr not in attrs:
            return False
        return self.value is None or attrs[self.attr].strip().lower() == self.value.lower()

    def describe(self) -> str:
        """The marker as written in markup: ``class="x"``, ``attr="value"`` or the bare attribute."""
        if self.cls is not None:
            return f'class="{self.cls}"'
        return f'{self.attr}="{self.value}"' if self.value is not None else str(self.attr)


@dataclass(frozen=True)
class UrlMatcher:
    """Hosts (exact or ``*.suffix``) and URL regexes, as written in a signature file."""

    exact: frozenset[str]
    suffixes: tuple[str, ...]
    regexes: tuple[re.Pattern[str], ...]

    def matches(self, host: str, hostpath: str) -> bool:
        """Whether the URL is the vendor's: its host is listed (exact or by suffix) or a URL regex finds
        ``hostpath``."""
        if host in self.exact or any(host.endswith(s) for s in self.suffixes):
            return True
        return any(r.search(hostpath) for r in self.regexes)

    def rank(self, host: str, hostpath: str) -> int:
        """How specifically this matcher claims a URL: 3 by a URL regex (a path on the host), 2 by
        its exact host, 1 by a wildcard host, 0 not at all. Of two vendors claiming one URL, the more
        specific owns it (Hotjar's static.hj.contentsquare.net/c/csq- path over Contentsquare's
        *.contentsquare.net)."""
        if any(r.search(hostpath) for r in self.regexes):
            return 3
        if host in self.exact:
            return 2
        return 1 if any(host.endswith(s) for s in self.suffixes) else 0

    def literals(self) -> list[str]:
        """Strings one of which every URL it matches contains: its hosts, its suffixes without the dot and
        each regex's literal part (the needles searched for before anything is parsed)."""
        out = list(self.exact) + [s.lstrip(".") for s in self.suffixes]
        return out + [regex_literal(r.pattern) for r in self.regexes]


@dataclass(frozen=True)
class CallSpec:
    """A call as a signature names it, compiled at load: ``LogRocket.init``, ``smartlook('init'``,
    ``posthog.opt_in_capturing(`` (``[sdk] init_calls``, ``identify_calls``, ``[[sdk.hold]] release``)."""

    text: str  # as written, stripped (a release: normalised, as it is compared with code)
    path: str | None  # the callee "LogRocket.init"; None when the text does not start with a call
    obj: str | None  # "LogRocket" in LogRocket.init
    name: str  # the method or function name: the path's last part
    arg: str | None  # the first argument when it is a string: smartlook('init' -> "init"
    # The command a queue push names, its array's first item: ``_uxa.push(['setPath'`` -> "setPath".
    # Only a push of that command is the call (``_uxa.push(['trackDynamicVariable', …])`` is not).
    item: str | None = None


_CALL = re.compile(r"""^([\w$.]+)\(\s*(?:['"]([^'"]*)['"]|\[\s*['"]([^'"]*)['"])?""")


def init_spec(text: str) -> CallSpec:
    """``LogRocket.init`` / ``smartlook('init'`` / ``initHotjar`` / ``_uxa.push(['setPath'``: the callee, its
    first string argument, or the first item of an array it is handed."""
    m = _CALL.match(text.strip()) if "(" in text else None
    path, arg, item = (m.group(1), m.group(2), m.group(3)) if m else (text.strip(), None, None)
    obj, _, name = path.rpartition(".")
    return CallSpec(text.strip(), path, obj or None, name, arg, item)


def release_spec(text: str) -> CallSpec:
    """A release call as compared with code (normalised): ``posthog.opt_in_capturing(``; its path is
    None when it does not start with a callee."""
    normal = norm(text)
    return init_spec(normal) if _CALL.match(normal) else CallSpec(normal, None, None, "", None)


@dataclass(frozen=True)
class ComponentSpec:
    """``[sdk] components``: ``FullStory`` or ``PostHogProvider[apiKey]`` (starts only with that prop)."""

    name: str
    prop: str | None


@dataclass(frozen=True)
class Hold:
    """``[[sdk.hold]]``: a switch that holds recording back until a release call."""

    switch: str  # as written (the message quotes it)
    value: str
    switch_norm: str  # normalised, as compared with code
    value_norm: str
    release: tuple[CallSpec, ...]
    bundle_release: tuple[CallShape, ...]


@dataclass(frozen=True)
class InitHold:
    """``[[sdk.init_hold]]``: init options that hold recording back while each is ``value`` or left
    out; the start is then a ``release`` method called on the instance the SDK records with."""

    options: tuple[str, ...]
    value: str  # normalised
    instance: tuple[CallSpec, ...]  # calls (or constructors) whose value is that instance
    instance_strings: tuple[str, ...]  # in a bundle: strings of the code that builds it
    release: tuple[str, ...]  # method names
    instance_options: tuple[str, ...] = ()  # options of an instance call that set what the hold's options do


@dataclass(frozen=True)
class SnippetSettings:
    """``[[detect.snippet]] replay_on``: a snippet that carries the app's settings as an object
    assigned to ``settings`` (``NREUM.init = {…}``); it records only when one of the ``replay_on``
    key paths holds a value that may be true, and not every ``rates`` path is the literal 0."""

    settings: str  # the assigned global property: "NREUM.init"
    replay_on: tuple[str, ...]  # key paths: "session_replay.enabled"
    rates: tuple[str, ...] = ()  # key paths: "session_replay.sampling_rate", …
    forced: tuple[CallSpec, ...] = ()  # calls that record whatever the rates say: newrelic.recordReplay(
    deferred: str | None = None  # a key path whose false literal defers replay: "session_replay.autoStart"
    deferred_release: tuple[CallSpec, ...] = ()  # what starts a deferred replay: newrelic.start(


@dataclass(frozen=True)
class Sdk:
    """A vendor's ``[sdk]`` table, compiled."""

    packages: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()
    init_calls: tuple[CallSpec, ...] = ()
    # Distinctive starts (dotted or long: LogRocket.init, initHotjar), longest first: the prefilter's
    # needles and the commented-out start pattern.
    init_starts: tuple[str, ...] = ()
    identify_calls: tuple[CallSpec, ...] = ()
    # Options naming the project the start reports to (OpenReplay's projectKey): left empty, the
    # start was never configured and records nothing.
    id_options: tuple[str, ...] = ()
    components: tuple[ComponentSpec, ...] = ()
    bundle_strings: tuple[str, ...] = ()
    core_strings: tuple[str, ...] = ()
    bundle_calls: tuple[CallShape, ...] = ()
    bundle_replay: tuple[CallShape, ...] = ()
    bundle_client: tuple[str, ...] = ()  # the client's method names its package exports as aliases (``var hf = pe.init``)
    integration_strings: tuple[str, ...] = ()  # the replay integration's own code, built apart from the init
    integrations_option: str | None = None  # the init option that carries integrations (Sentry's ``integrations``)
    embeds: tuple[str, ...] = ()
    replay_options: tuple[str, ...] = ()
    disable_options: tuple[str, ...] = ()
    replay_default: str = "on"  # the signature's, else "on" for recorders and "settings" for add-ons
    hold: tuple[Hold, ...] = ()
    init_hold: tuple[InitHold, ...] = ()

    @property
    def brought_by(self) -> frozenset[str]:
        """The npm packages that bring the vendor in: its SDKs and its wrapper plugins."""
        return frozenset(self.packages) | frozenset(self.plugins)


@dataclass(frozen=True)
class MaskOption:
    """An init option visible in code that changes a masking default (``[[masking.option]]``)."""

    match: str  # as written
    match_norm: str  # normalised, as searched in normalised code
    effect: str
    note: str


@dataclass(frozen=True)
class TextMasking:
    """``[masking.text]``: what the vendor records of printed page text."""

    default: str
    summary: str
    sources: tuple[str, ...]
    verified: bool
    scrubbed: frozenset[str]
    fix: str
    options: tuple[MaskOption, ...]
    marks: tuple[AttrMatch, ...]  # attributes and classes that mask an element's text


@dataclass(frozen=True)
class Masking:
    """A vendor's ``[masking]`` table (defaults when the signature has none)."""

    default: str = "unknown"
    summary: str = ""
    fix: str = ""
    masked_types: frozenset[str] = frozenset()
    masked_autocomplete: frozenset[str] = frozenset()
    masked_attribute_words: tuple[str, ...] = ()
    attribute_words_ignore: frozenset[str] = frozenset()
    attribute_words_exempt: frozenset[str] = frozenset()
    unmasked_controls: frozenset[str] = frozenset()
    unmask_scope: str | None = None  # "element" | "subtree"
    options: tuple[MaskOption, ...] = ()
    text: TextMasking | None = None
    page_exclusion: str | None = None


@dataclass(frozen=True)
class Entity:
    name: str
    match: tuple[str, ...]
    country: str | None
    status: str  # verified | secondary | unverified
    source: str
    shared: bool


@dataclass(frozen=True)
class Disclosure:
    """``[disclosure]``: how a privacy or cookie policy names the vendor."""

    names: tuple[str, ...]
    names_cased: tuple[str, ...] = ()
    former_names: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    cookies: tuple[str, ...] = ()
    weak_cookies: frozenset[str] = frozenset()
    self_hosted: bool = False
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True)
class Withdrawal:
    """``[withdrawal]``: what stops a running recorder when consent is refused or withdrawn."""

    calls: tuple[str, ...]
    reload: bool
    summary: str


@dataclass(frozen=True)
class Vendor:
    id: str
    name: str
    category: str
    summary: str
    urls: UrlMatcher
    snippets: tuple[tuple[tuple[str, ...], str], ...]
    needles: tuple[str, ...]
    sources: tuple[str, ...]
    # "//host" in code for any of the hosts (bounded subdomain run: no catastrophic backtracking).
    inline_hosts: re.Pattern[str] | None = None
    # [masking] attributes and classes, compiled: what masks or blocks a field, what unmasks it.
    masks: tuple[AttrMatch, ...] = ()
    unmasks: tuple[AttrMatch, ...] = ()
    # Snippet groups that are the vendor's second-stage script ([[detect.snippet]] second_stage = true).
    second_stage: frozenset[tuple[str, ...]] = frozenset()
    # Snippet groups that carry the app's settings ([[detect.snippet]] replay_on): group -> where
    # the settings are and which of them turn recording on.
    snippet_replay_on: tuple[tuple[tuple[str, ...], SnippetSettings], ...] = ()
    hosts: tuple[str, ...] = ()  # [detect] hosts as written
    script_attributes: tuple[str, ...] = ()  # [detect] script_attributes
    gtm_tag_types: tuple[str, ...] = ()  # [detect] gtm_tag_types
    storage_keys: tuple[str, ...] = ()
    sdk: Sdk = Sdk()
    masking: Masking = Masking()
    disclosure: Disclosure | None = None
    withdrawal: Withdrawal | None = None

    @property
    def self_hosted(self) -> bool:
        """A self-hosted recorder (rrweb): naming session recording itself is the disclosure."""
        return self.disclosure is not None and self.disclosure.self_hosted

    @property
    def replay_needs_init(self) -> bool:
        """A suite whose replay is off unless its init turns it on (Mixpanel: ``replay_default = "off"``):
        loaded with no init (its stub, a plain library tag), it records nothing."""
        return self.category == "replay-addon" and self.sdk.replay_default == "off"


@dataclass(frozen=True)
class Loader:
    name: str
    urls: UrlMatcher
    snippets: tuple[tuple[str, ...], ...]
    autoblock: bool
    autoblock_when: tuple[AttrMatch, ...]


@dataclass(frozen=True)
class Markup:
    inert_type_required: bool
    category_attributes: tuple[str, ...]
    category_class_prefixes: tuple[str, ...]
    markers: tuple[AttrMatch, ...]
    value_model: str
    separators: tuple[str, ...]
    analytics: frozenset[str]
    necessary: frozenset[str]
    other: frozenset[str]
    negation_prefix: str
    src_attributes: tuple[str, ...]
    exempt: tuple[AttrMatch, ...]
    fix: str
    activators: tuple[AttrMatch, ...] = ()


@dataclass(frozen=True)
class CategoryFlag:
    """``flag=value:status`` in ``[js] category_flags``: a flag on a category object that makes its
    callback no gate (Silktide ``required=true:ungated``)."""

    flag: str
    value: str  # lower-cased
    status: Status  # ungated | unverifiable | …


@dataclass(frozen=True)
class CategoryCallbackSpec:
    """``callback:key=value`` (the sibling ``key`` is ``value``) or ``callback:a.{category}.b.*=value``
    (enclosing keys) in ``[js] category_callbacks``."""

    callback: str
    key: str | None  # the sibling key; None for an enclosing-key path
    path: tuple[str, ...]  # the enclosing keys ("categories", "{category}", "services", "*"); () with a key
    value: str  # lower-cased


@dataclass(frozen=True)
class ConsentParameter:
    """``key:index:sibling`` in ``[js] consent_parameters``: the callback under ``key`` receives the
    consent as argument ``index``, in an object that has the ``sibling`` key."""

    key: str
    index: int
    sibling: str


@dataclass(frozen=True)
class BundledApi:
    """``name = shape`` in ``[js] bundled_api``: a library function recognised by its body once renamed."""

    name: str
    shape: str


@dataclass(frozen=True)
class OptionGate:
    """``[js.option_gate]``: a no-argument consent method (``hasConsented``) that is an analytics check
    only on the popup of an init call whose options object is a literal that proves it (``type:
    'opt-in'``, no auto-dismiss option, no template that could add a dismiss control)."""

    method: str
    calls: tuple[str, ...]  # "cookieconsent.initialise": callee paths that end so
    callbacks: tuple[str, ...]  # option keys whose function runs with `this` = the popup
    complete_argument: int | None  # the init argument whose first parameter is the popup
    require: tuple[tuple[str, str], ...]  # (key, string literal)
    false_or_absent: tuple[str, ...]
    absent: tuple[str, ...]
    one_of: tuple[tuple[str, tuple[str, ...]], ...]  # (key, allowed string literals)
    forbidden_text: tuple[str, ...]
    why: str


@dataclass(frozen=True)
class StatusParameter:
    """``[js.status_parameter]``: callbacks of the library's options object that receive the
    visitor's choice as a status string (cookieconsent 3's ``onInitialise(status)``): only a
    comparison of that argument with a status that consents is a check; the argument alone, or
    compared with any other status, is not."""

    callbacks: tuple[str, ...]  # option keys whose function receives the status
    index: int  # the argument that is the status
    calls: tuple[str, ...]  # init calls whose first argument is the options object
    granted: frozenset[str]  # statuses that mean consent
    refused: frozenset[str]  # statuses that mean refusal
    constants: tuple[tuple[str, str], ...]  # (library constant path, status it holds), lower-cased
    why: str


@dataclass(frozen=True)
class CmpJs:
    """A consent manager's ``[js]`` table, compiled."""

    declared: bool = False  # the signature has a non-empty [js] table
    analytics_checks: tuple[str, ...] = ()  # service_checks included, once per service name
    consent_reads: tuple[str, ...] = ()  # calls returning every service's choice: consent naming no category
    generic_events: tuple[str, ...] = ()
    fail_open: tuple[str, ...] = ()
    server_checks: tuple[str, ...] = ()
    server_consent_words: tuple[str, ...] = ()
    consent_words: tuple[str, ...] = ()
    settings_checks: tuple[str, ...] = ()  # calls whose answer is consent only under settings outside the file
    state_cookies: tuple[str, ...] = ()  # cookies that list every category with its state (OptanonConsent)
    granted_states: tuple[str, ...] = ()  # lower-cased: a category's state in one of them that grants it (":1", "%3a1")
    stored_choices: tuple[tuple[str, str], ...] = ()  # (storage key, granted value): a key that keeps the choice, refusals too
    category_events: tuple[tuple[str, str], ...] = ()  # (event, category)
    category_callbacks: tuple[CategoryCallbackSpec, ...] = ()
    category_flags: tuple[CategoryFlag, ...] = ()
    bundled_api: tuple[BundledApi, ...] = ()
    consent_parameters: tuple[ConsentParameter, ...] = ()
    option_gate: OptionGate | None = None
    status_parameter: StatusParameter | None = None
    example: str | None = None  # how code starts a recorder after this CMP's consent, for fixes


@dataclass(frozen=True)
class ConfigMode:
    """``[[config.mode]]``: an option of the whole configuration that, with a flag on the entry, has the
    consent manager run the entry's scripts without consent (CookieConsent ``mode: 'opt-out'`` with
    ``enabled: true``)."""

    option: tuple[str, str]  # (key, lower-cased value)
    flag: tuple[str, str]
    status: Status
    why: str


@dataclass(frozen=True)
class ConfigEntries:
    """One ``[config] entries`` path: the keys from the configuration to a markup value's object
    (``*`` any, ``{value}`` the value itself), and the key whose string names it (``@name``)."""

    path: tuple[str, ...]
    named_by: str | None


@dataclass(frozen=True)
class CmpConfig:
    """``[config]``: where a consent manager's configuration object is and what in it decides the
    markup verdict (``analyzer/facts/cmp_config.py``)."""

    needles: tuple[str, ...]
    calls: tuple[str, ...]
    names: tuple[str, ...]
    entries: tuple[ConfigEntries, ...]
    inherited: frozenset[str]
    modes: tuple[ConfigMode, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Cmp:
    id: str
    name: str
    loaders: tuple[Loader, ...]
    markup: Markup | None
    api_needles: tuple[str, ...]
    gates_recorders: bool
    sources: tuple[str, ...]
    js: CmpJs = CmpJs()
    config: CmpConfig | None = None

    @functools.cached_property
    def needles(self) -> tuple[str, ...]:
        """Literals of its loaders, for the prefilter."""
        out: list[str] = []
        for loader in self.loaders:
            out += loader.urls.literals() + [max(g, key=len) for g in loader.snippets]
        return tuple(n for n in out if len(n) >= 4)


@dataclass(frozen=True)
class EntryExport:
    """A file whose default export (or named ``exports``) a framework calls by itself (``[[entry_export]]``)."""

    framework: str
    runs: str
    folders: frozenset[str]
    not_in_name: tuple[str, ...]
    params: frozenset[str]
    keys: frozenset[str]
    files: frozenset[str] = frozenset()  # file names that mark the entry wherever they are
    exports: frozenset[str] = frozenset({"default"})  # the exported names the framework calls


@dataclass(frozen=True)
class ScriptTypes:
    executable: frozenset[str]
    data: frozenset[str]
    runs_anyway: dict[str, str]
    injection_clues: tuple[str, ...]
    include_helpers: tuple[str, ...] = ()
    lifecycle_hooks: dict[str, str] = field(default_factory=dict)  # name -> "framework, runs when"
    # name -> (what runs it, where the method must stand: "subclass" or decorator names)
    class_hooks: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    consent_triggers: dict[str, str] = field(default_factory=dict)  # function -> the option holding the consent value
    entry_exports: tuple[EntryExport, ...] = ()  # files whose default export a framework calls ([[entry_export]])
    code: dict[str, frozenset[str]] = field(default_factory=dict)  # [code]: injectors, evaluators, script_text, …
    consent_record: dict[str, frozenset[str]] = field(default_factory=dict)  # [consent_record]: a hand-written banner's storage


@dataclass(frozen=True)
class UiComponent:
    """A UI kit's form component and the native control it renders (ui_components.toml)."""

    tag: str
    type: str | None = None
    label_prop: str | None = None
    # A project component read as a control only when given a field name of its own (<LanguageSkillField name=…>): a
    # generic ending ("Field") that display components share (<VerifiedField value={…}>); its type prop may say select/textarea.
    named_only: bool = False


def control_stem(name: str, qualifiers: tuple[str, ...] = (), endings: tuple[str, ...] = ()) -> str:
    """A component's name before a word that qualifies the control it names (``jsx_bindings`` ``name_qualifiers``: the
    "With…" of ``InputWithButton``, ``SelectWithSearch``, ``textareawithcounter`` as lxml reads a template's tag), or
    before a word that ends it (``name_endings``: the "Component" of ``MetadataSelectComponent``): the control is named
    there, and its end is matched against ``component_suffix`` (ui_components.toml) as the whole name's is. "" when
    there is no such word; a name that starts with a qualifier has nothing before it."""
    lowered = name.lower()
    at = next((i for q in qualifiers if (i := lowered.find(q.lower())) >= 0), -1)
    if at <= 0:
        at = next((len(name) - len(e) for e in endings if lowered.endswith(e.lower())), -1)
    return name[:at].rstrip("-_.:") if at > 0 else ""


@dataclass(frozen=True)
class FieldLists:
    """What makes an array of object literals a form's field definitions (ui_components.toml ``field_lists``; read by
    analyzer/facts/fieldlists.py). Keys are matched as written; ``types`` maps a control's tag to the lower-cased type
    values that name it."""

    list_names: frozenset[str] = frozenset()
    name_keys: tuple[str, ...] = ()
    label_keys: tuple[str, ...] = ()
    settings_keys: tuple[str, ...] = ()
    type_keys: tuple[str, ...] = ()
    option_keys: tuple[str, ...] = ()
    option_text_keys: tuple[str, ...] = ()
    title_keys: tuple[str, ...] = ()
    form_keys: frozenset[str] = frozenset()
    not_form_keys: frozenset[str] = frozenset()
    display_keys: frozenset[str] = frozenset()  # a column's or a link's members a control may carry too (an icon)
    follow_up_keys: frozenset[str] = frozenset()  # lower case: the members a definition holds its follow-up question under
    generic_holders: frozenset[str] = frozenset()  # names that say nothing of a list (initialState): its file's name does
    # Keys under which an item holds a list of its own (a SurveyJS page's elements, a Form.io panel's components): such
    # items are sections, not fields; the list names count too.
    container_keys: frozenset[str] = frozenset()
    # The words (lower case) that name a list as the first or last word of a compound name (anamneseQuestions,
    # intake_questions, preguntasSalud), and the keys an entry of questions and answers holds its answer's text under.
    list_name_words: frozenset[str] = frozenset()
    answer_keys: tuple[str, ...] = ()
    quiz_keys: frozenset[str] = frozenset()  # a test's question marks its right answer: {correct: true}, correctAnswer
    # The translation calls ([translation] calls) a label may be written as: { field: "religion", label: t("profile.religion") }
    # shows what the site's catalogues hold for the key.
    label_calls: tuple[str, ...] = ()
    # Of the label calls, those given a text then a text domain ([translation] domain_calls: WordPress's __('Age', 'domain')),
    # and the reads of a store holding one ([translation] store_reads: svelte/store's get(t)).
    domain_calls: frozenset[str] = frozenset()
    store_reads: frozenset[str] = frozenset()

    @functools.cached_property
    def statement_names(self) -> tuple[str, ...]:
        """The names (lower case) a list of questions or statements is held by, alone or in a compound: the lists' own
        names and the words that name one."""
        return tuple(sorted({n.lower() for n in self.list_names} | self.list_name_words))

    # The types (lower case) of an item that shows text or holds others, no control (a FHIR Questionnaire's "display"
    # and "group" items, SurveyJS's "html", Form.io's "htmlelement" and "button").
    not_control_types: frozenset[str] = frozenset()
    section_types: frozenset[str] = frozenset()  # "panel", "page": a section whose list lays its controls out (widths)
    # A question that asks each of its rows, answered in its columns (SurveyJS's "matrix"): its types, lower case, and
    # the keys of its rows and columns.
    matrix_types: frozenset[str] = frozenset()
    row_keys: tuple[str, ...] = ()
    column_keys: tuple[str, ...] = ()
    row_value_keys: tuple[str, ...] = ()
    # The label keys that hold a question asked of the visitor (``{ pergunta: "Você pesa mais de 50kg?" }``).
    question_keys: tuple[str, ...] = ()
    types: dict[str, str] = field(default_factory=dict)  # a type value (lower case) -> the tag it renders
    # The keys (whole, and the starts of keys, lower case) a file's JSX reads a mapped item's text from ([jsx_bindings]
    # choice_keys and choice_key_prefixes): a list whose definitions have one is written by the markup that maps it.
    mapped_text_keys: tuple[str, ...] = ()
    mapped_text_prefixes: tuple[str, ...] = ()

    @functools.cached_property
    def label_words(self) -> frozenset[str]:
        """``label_keys`` in lower case, for a data format whose keys are matched so (YAML: ``Question:``)."""
        return frozenset(k.lower() for k in self.label_keys)


@dataclass(frozen=True)
class TapestryKit:
    """Apache Tapestry's form components in .tml templates (ui_components.toml ``tapestry``; read by
    analyzer/facts/tapestry.py), by their lower-cased component type."""

    suffixes: tuple[str, ...] = ()  # file endings of Tapestry templates
    namespaces: tuple[str, ...] = ()  # a declared namespace that makes any page one
    types: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # component -> (tag, input type)
    groups: frozenset[str] = frozenset()  # components that name the radios inside them
    labels: frozenset[str] = frozenset()  # components that print a field's label
    forms: frozenset[str] = frozenset()  # components that render a <form>


@dataclass(frozen=True)
class JsxBindings:
    """What names a JSX control that has no ``name``, and what prints a field's label (ui_components.toml
    ``jsx_bindings``)."""

    values: frozenset[str] = frozenset()  # props holding the bound state: value={form.firstName}
    handlers: frozenset[str] = frozenset()  # change handlers called with the field's name: onChange={set("firstName")}
    generic: frozenset[str] = frozenset()  # bound names that say nothing: value={value}
    label_objects: frozenset[str] = frozenset()  # objects whose members are labels: {L.firstName}
    identifier_values: frozenset[str] = frozenset()  # value props a bare state variable names: value={firstName}
    text_props: frozenset[str] = frozenset()  # props a person reads: label, placeholder, title…
    choice_keys: tuple[str, ...] = ()  # an array of choices' object keys that give its text, the first given
    choice_key_prefixes: tuple[str, ...] = ()  # else every key starting so (labelDe, labelEn)
    slots: frozenset[str] = frozenset()  # a slot whose one child is the field's control: shadcn/ui's FormControl
    slot_parents: frozenset[str] = frozenset()  # what such a slot stands in: FormItem
    groups: tuple[str, ...] = ()  # name endings of choice groups whose bound state names their choices: RadioGroup
    # props a project's generic field component is told its control by (fieldType={FormFieldType.CHECKBOX}, type="select"),
    # read with [field_lists.types]: `control_types`
    type_props: tuple[str, ...] = ()
    option_props: tuple[str, ...] = ()  # the prop a select component is given its choices by: options={[{ label }]}
    error_props: frozenset[str] = frozenset()  # props that show a field's validation error: helperText={errors.email?.message}
    error_objects: frozenset[str] = frozenset()  # what holds the errors by field name: errors, formState.errors
    control_types: dict[str, str] = field(default_factory=dict)
    control_props: frozenset[str] = frozenset()  # a prop that hands a component its control: MUI's control={<Radio />}
    label_props: frozenset[str] = frozenset()  # a kit component's label under another prop name: Carbon's labelText
    id_props: frozenset[str] = frozenset()  # a prop the rendered control takes as its id: PrimeReact's inputId
    name_props: frozenset[str] = frozenset()  # a prop a component names its field by besides name: fieldName
    # Choice tiles (analyzer/facts/choice_tiles.py): the props a tile is clicked by and drawn as chosen by, the last
    # parts of a state path that name no field (selected.id), and a view's own state (activeTab), which is no answer.
    click_props: tuple[str, ...] = ()
    selection_props: tuple[str, ...] = ()
    toggle_states: tuple[str, ...] = ()  # ARIA states a project's toggle component draws its choice by
    toggle_box_roles: tuple[str, ...] = ()  # the roles that make such a toggle a box, not a radio
    # The props a project's own section, card or step component shows as the title over what it holds
    # (<OnboardingScreen title="Who would you like to meet?">…</OnboardingScreen>): written as that section's heading.
    section_title_props: tuple[str, ...] = ()
    # The words a component's name may hold after the control it names: a qualifier (InputWithButton) or an ending
    # (MetadataSelectComponent); the name before them is matched against component_suffix (``control_stem``).
    name_qualifiers: tuple[str, ...] = ()
    name_endings: tuple[str, ...] = ()
    identity_keys: frozenset[str] = frozenset()
    view_state_names: frozenset[str] = frozenset()
    icon_packages: tuple[str, ...] = ()  # packages whose components are icons, never controls: lucide-react's Check
    choice_props: tuple[str, ...] = ()  # option props that alone make an unnamed …Select / …Dropdown a question
    # CSS-in-JS factories whose styled.input`…` is a component rendering that element (analyzer/parse/styled_elements.py)
    styled_factories: frozenset[str] = frozenset()
    styled_chains: frozenset[str] = frozenset()  # styled.input.attrs({…})`…`: calls between the factory and the styles
    component_classes: frozenset[str] = frozenset()  # React's component classes a class component extends
    register_calls: frozenset[str] = frozenset()  # react-hook-form's register(name), spread onto its control
    # The same tiles in templates: the starts of a click attribute's name (@click, (click), on:click) and of a selection
    # attribute's (:class, [class.active], class:active), lower case as the page's parser gives them.
    template_clicks: tuple[str, ...] = ()
    template_selections: tuple[str, ...] = ()
    template_loops: tuple[str, ...] = ()  # the attributes a template repeats an element over a list by: v-for, *ngfor
    # Answer buttons (analyzer/facts/answer_buttons.py): the click attributes read, and the words of a handler's name
    # that make it no answer (showTab, setLang, openModal).
    answer_clicks: tuple[str, ...] = ()
    answer_handlers_not: frozenset[str] = frozenset()
    answer_handler_verbs: frozenset[str] = frozenset()  # setAnswer -> "answer": the verbs a row's name leaves out
    # Calls that build an element (h("input", {…}), createElement, compiled JSX's jsx()): their names, the props that
    # give its text, and the objects that group its attributes (analyzer/facts/hyperscript.py).
    element_builders: frozenset[str] = frozenset()
    element_text_props: frozenset[str] = frozenset()
    element_attr_groups: frozenset[str] = frozenset()
    # A form built through the DOM (analyzer/facts/dombuild.py): the document's methods that create an element or a text
    # node, the properties that give an element's text, and the methods that put a node inside another.
    dom_creators: frozenset[str] = frozenset()
    dom_documents: frozenset[str] = frozenset()  # what the creators are called on: document, an iframe's contentDocument
    dom_text_props: frozenset[str] = frozenset()
    dom_child_methods: frozenset[str] = frozenset()
    dom_text_nodes: frozenset[str] = frozenset()
    # jQuery's element creation with its attributes ($('<input>', { name: 'x' }): analyzer/facts/jsxmarkup.string_markup)
    dom_queries: frozenset[str] = frozenset()
    dom_query_text: frozenset[str] = frozenset()  # the members of jQuery's attributes that give the element's text
    dom_markup: frozenset[str] = frozenset()  # the property set to, or method called with, markup: innerHTML, insertAdjacentHTML
    dom_attribute_methods: frozenset[str] = frozenset()  # the method an attribute is set with: setAttribute


@dataclass(frozen=True)
class TemplateKit:
    """Form components of Vue, Angular and web-component kits as written in templates, the wrappers that
    label the controls inside them, and the attributes that bind a control to its field
    (ui_components.toml ``template_component`` / ``template_wrapper`` / ``bindings``)."""

    components: dict[str, UiComponent] = field(default_factory=dict)
    wrapper_props: dict[str, str] = field(default_factory=dict)  # wrapper name -> its label attribute
    wrapper_children: dict[str, tuple[str, ...]] = field(default_factory=dict)  # wrapper name -> label child tags
    for_props: dict[str, str] = field(default_factory=dict)  # label component -> the attribute naming its control
    key_props: dict[str, str] = field(default_factory=dict)  # message tag -> the attribute holding its message key
    id_props: dict[str, str] = field(default_factory=dict)  # component -> the attribute its rendered control takes as id
    bindings: tuple[str, ...] = ()  # attributes that bind a control to its field
    binding_prefixes: tuple[str, ...] = ()  # the same, with modifiers after them
    binding_expressions: tuple[str, ...] = ()  # attributes that bind only when they hold an expression
    label_bindings: tuple[str, ...] = ()  # bindings an empty label takes too: it prints the property's name
    one_way_bindings: frozenset[str] = frozenset()  # bindings that show a field's value without changing it
    update_events: tuple[str, ...] = ()  # handlers that hand a one-way binding's new value back (@input, @update:…)
    translations: frozenset[str] = frozenset()  # calls that print a translated message ([translation] calls)
    translation_pipes: frozenset[str] = frozenset()  # template filters that do ([translation] pipes)
    translation_hooks: frozenset[str] = frozenset()  # calls that return a translation function ([translation] hooks)
    taglibs: dict[str, str] = field(default_factory=dict)  # a JSP tag library's URI -> the prefix the tags are listed with
    # A project's own form components by the end of their name, lower case (``component_suffix``, as for JSX):
    # ``<form-input name="…" label="…">``, ``<x-select name="…">``.
    suffixes: tuple[tuple[str, UiComponent, tuple[str, ...]], ...] = ()
    # The last parts of a binding that name nothing (v-model="cData.bank.value": the field is "bank"): jsx_bindings' generic.
    generic: frozenset[str] = frozenset()
    # The props a project's own form component names its field by besides name (jsx_bindings' name_props): nombre
    name_props: tuple[str, ...] = ()
    # The words that qualify or end a component's name after the control it names (jsx_bindings' name_qualifiers and
    # name_endings, lower case: "with", "component")
    name_qualifiers: tuple[str, ...] = ()
    name_endings: tuple[str, ...] = ()
    # The props a project's own section component shows as the title over the controls it holds (jsx_bindings'
    # section_title_props, lower case: "sectiontitle")
    section_title_props: tuple[str, ...] = ()

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Every component and wrapper name."""
        return frozenset((*self.components, *self.wrapper_props, *self.wrapper_children))

    @functools.cached_property
    def literal(self) -> re.Pattern[str]:
        """A bound attribute's value that is a string literal, bare or translated (``__('Email')``), matched
        on the stripped value; group ``text`` is the text, group ``call`` set when a translation call prints it."""
        return re.compile(rf"""^(?P<call>(?:{_alternation(self.translations)})\(\s*)?(['"])(?P<text>[^'"]+)\2\s*\)?$""")

    @functools.cached_property
    def printed_message(self) -> re.Pattern[str]:
        """A template's output of a translated message with a literal key, in a text: ``{{ $t('form.diagnosis') }}``
        (Vue), ``{{ 'FORM.RELIGION' | translate }}`` (Angular); group ``key`` or ``piped`` is the key."""
        calls, pipes = _alternation(self.translations), _alternation(self.translation_pipes)
        key = r"""(?P<q>['"])(?P<key>[^'"{}]{1,200})(?P=q)"""
        piped = r"""(?P<q2>['"])(?P<piped>[^'"{}]{1,200})(?P=q2)"""
        called = rf"(?:[\w$]+\.)?(?:{calls})\(\s*{key}[^{{}}]{{0,200}}?\)"
        filtered = rf"{piped}\s*\|\s*(?:{pipes})\b[^{{}}]{{0,200}}?"
        return re.compile(rf"\{{\{{\s*(?:{called}|{filtered})\s*\}}\}}")

    @functools.cached_property
    def bound(self) -> re.Pattern[str]:
        """A binding attribute written in a template (`` v-model.trim="…"``, `` formControlName="…"``)."""
        plain = "|".join(re.escape(b) for b in self.bindings)
        prefixed = "|".join(re.escape(b) + r"[\w.:-]*" for b in self.binding_prefixes)
        return re.compile(rf"\s(?:{'|'.join(p for p in (plain, prefixed) if p) or '(?!)'})\s*=", re.I)


def _alternation(words: frozenset[str]) -> str:
    """A regular expression's alternation of ``words``, longest first (``__`` before ``_``); one that
    matches nothing when there are none."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


@dataclass(frozen=True)
class ComponentFiles:
    """template_conventions.toml: the files a component framework wraps its routes in (``layouts``:
    "layout.tsx", "layouts/default.vue") and the endings of templates that are an app's components
    (``templates``: ".component.html"), and the names of a site's home page (``homes``: "index",
    "front-page"), read for the topic of the forms beside and below it, of the files that say what the
    project is (``projects``: "package.json", "readme.md"), of the folders that hold message catalogues
    (``messages``: "locales", "lang"), and the names of the block a page template fills with its title (``title_blocks``:
    ``{% block title %}``, ``@section('title', …)``)."""

    layouts: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()
    homes: frozenset[str] = frozenset()
    projects: frozenset[str] = frozenset()  # file names (lower case) that say what the project is
    messages: frozenset[str] = frozenset()  # folder names (lower case) whose JSON and PHP files are message catalogues
    message_languages: frozenset[str] = frozenset()  # catalogues in these languages are read first
    message_names: frozenset[str] = frozenset()  # words (lower case) that make a PHP file named with one a catalogue
    message_scripts: frozenset[str] = frozenset()  # the writing systems the lexicon's words use ("LATIN"): kept first in a key's texts
    module_aliases: tuple[str, ...] = ()  # import aliases of an app's src/ folder: "@/", "~/"
    form_classes: tuple[str, ...] = ()  # endings (lower case) of a server framework's form classes: "type.php"
    form_folders: tuple[str, ...] = ()  # folders (lower case) whose Python modules are forms modules: "forms"
    # static calls (lower case) that list a PHP class's constants, and what: "values", "keys" or "cases"
    class_list_calls: dict[str, str] = field(default_factory=dict)
    model_modules: tuple[str, ...] = ()  # endings (lower case) of the modules whose models a ModelForm renders: "models.py"
    view_modules: tuple[str, ...] = ()  # endings (lower case) of the modules whose editing views build a ModelForm: "views.py"
    view_folders: tuple[str, ...] = ()  # folders (lower case) whose Python modules are views: "views"
    view_classes: tuple[str, ...] = ()  # the generic editing views that build a ModelForm: "CreateView", "UpdateView"
    app_screens: tuple[str, ...] = ()  # endings (lower case) of an app's screens, rendered by the app: ".dart"
    title_blocks: tuple[str, ...] = ()  # the blocks a page template sets its layout's <title> in: "title", "page_title"

    def is_form_class(self, path: str) -> bool:
        """Whether the file holds a server framework's form classes (``form_classes`` by its ending; a Python module of
        a ``form_folders`` package, ``forms/profile.py``, or named after one, ``forms_screening.py``)."""
        return _module_of(path.lower(), self.form_classes, self.form_folders, named_after=True)

    def is_views_module(self, path: str) -> bool:
        """Whether the file is a Django views module: ``clinic/views.py`` (``view_modules``), or a module of a ``views/``
        package (``view_folders``)."""
        low = path.lower()
        return low.endswith(".py") and _module_of(low, self.view_modules, self.view_folders)

    def is_catalogue(self, path: str) -> bool:
        """Whether the file is a message catalogue (``messages.is_catalogue`` by these folders and file words): read for
        its texts, not as a page's fields."""
        return messages.is_catalogue(path, self.messages, self.message_names)


def _module_of(low: str, endings: tuple[str, ...], folders: tuple[str, ...], named_after: bool = False) -> bool:
    """Whether a lower-case path ends in one of ``endings``, or is a Python module of one of ``folders`` (``forms/x.py``)
    or, ``named_after``, one whose file name starts with a folder's name and "_" (``forms_screening.py``)."""
    if low.endswith(endings):
        return True
    if not low.endswith(".py"):
        return False
    name = low.rsplit("/", 1)[-1]
    return any(f"/{d}/" in f"/{low}" or (named_after and name.startswith(f"{d}_")) for d in folders)


@dataclass(frozen=True)
class TagManager:
    """A tag manager whose container may load recorders the page does not show (tag_managers.toml)."""

    id: str
    name: str
    urls: UrlMatcher
    snippet: tuple[str, ...]  # inline loader: every string present
    export: str  # where to look instead


@dataclass(frozen=True)
class Authority:
    id: str
    name: str
    jurisdiction: str
    summary: str
    url: str
    applies_to: tuple[str, ...]


@dataclass(frozen=True, eq=False)  # identity hash: one loaded database, cached per process
class SignatureDB:
    vendors: dict[str, Vendor]
    cmps: dict[str, Cmp]
    script_types: ScriptTypes
    severity: dict[str, dict[str, str]]
    authorities: tuple[Authority, ...]
    fields: dict[str, Category]
    consent_words: TermIndex | None = None
    field_context: ContextWords | None = None  # signatures/field_context.toml
    # Whether the learned field model (signatures/field_model.json) reads the controls no rule classifies;
    # off with the configuration's field-model = false (analyzer/scan.py).
    field_model: bool = True
    template_conventions: tuple[dict[str, str], ...] = ()
    component_files: ComponentFiles = field(default_factory=ComponentFiles)
    ui_components: dict[str, UiComponent] = field(default_factory=dict)
    # A project's own form components, by the end of their name (ui_components.toml ``component_suffix``):
    # (suffix, the control, the props that may label it), longest suffix first.
    ui_suffixes: tuple[tuple[str, UiComponent, tuple[str, ...]], ...] = ()
    template_kit: TemplateKit = field(default_factory=TemplateKit)
    jsx_bindings: JsxBindings = field(default_factory=JsxBindings)
    field_lists: FieldLists = field(default_factory=FieldLists)
    tapestry: TapestryKit = field(default_factory=TapestryKit)
    docassemble: DocassembleKit = field(default_factory=DocassembleKit)
    flutter: FlutterWidgets = field(default_factory=FlutterWidgets)
    form_helpers: tuple[FormHelper, ...] = ()
    model_fields: ModelFields = ModelFields()  # form_helpers.toml [model_fields]: Django's model fields as a ModelForm renders them
    view_models: ViewAnnotations = ViewAnnotations()  # form_helpers.toml [view_models]: where ASP.NET's display names are written
    form_types: FormTypeSpec = FormTypeSpec()  # form_helpers.toml [form_types]: Symfony's form types their templates print
    tag_managers: tuple[TagManager, ...] = ()
    # Validated data of policy_pages.toml and legal_basis.toml (compiled by analyzer/facts/policy_pages.py,
    # analyzer/facts/legal_basis.py and analyzer/facts/cmp_filing.py, once per database).
    policy_pages: dict[str, Any] = field(default_factory=dict)
    legal_basis: dict[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def deferred_src_attributes(self) -> tuple[str, ...]:
        """Every attribute a consent manager uses to hold a script URL until consent."""
        attrs = {"data-src"}
        for cmp in self.cmps.values():
            if cmp.markup:
                attrs.update(cmp.markup.src_attributes)
        return tuple(sorted(attrs))

    @functools.cached_property
    def start_methods(self) -> tuple[str, ...]:
        """The method names the vendors' start shapes call (``*.init(…)``: ``init``, ``initialize``)."""
        return tuple(sorted({s.method for v in self.vendors.values() for s in v.sdk.bundle_calls if s.method}))

    @functools.cached_property
    def deferred_src_set(self) -> frozenset[str]:
        """``deferred_src_attributes`` as a set."""
        return frozenset(self.deferred_src_attributes)

    @functools.cached_property
    def markup_by_attribute(self) -> dict[str, tuple[Cmp, ...]]:
        """Attribute carrying a category, service or purpose -> the consent managers that use it."""
        index: dict[str, list[Cmp]] = {}
        for c in self.cmps.values():
            for a in c.markup.category_attributes if c.markup else ():
                index.setdefault(a, []).append(c)
        return {a: tuple(cs) for a, cs in index.items()}

    @functools.cached_property
    def markup_class_prefixes(self) -> tuple[str, ...]:
        """Class prefixes that carry a consent category in some consent manager's markup."""
        return tuple(p for c in self.cmps.values() if c.markup for p in c.markup.category_class_prefixes)

    @functools.cached_property
    def exempt_markers(self) -> tuple[tuple[str, AttrMatch], ...]:
        """(consent manager id, marker) for each markup marker that exempts an element from its
        blocking."""
        return tuple((c.id, m) for c in self.cmps.values() if c.markup for m in c.markup.exempt)


def _url_matcher(section: dict[str, Any]) -> UrlMatcher:
    hosts = [h.lower() for h in section.get("hosts", [])]
    exact = frozenset(h for h in hosts if not h.startswith("*."))
    suffixes = tuple(h[1:] for h in hosts if h.startswith("*."))
    regexes = tuple(re.compile(p) for p in section.get("urls", []))
    return UrlMatcher(exact, suffixes, regexes)


def _inline_host_pattern(urls: UrlMatcher) -> re.Pattern[str] | None:
    alts = [re.escape(h) for h in sorted(urls.exact)]
    alts += [r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,5}" + re.escape(s) for s in urls.suffixes]
    if not alts:
        return None
    return re.compile(r"(?://|\\/\\/)(" + "|".join(alts) + r")(?![a-z0-9.-])")


def _attr_matches(items: list[dict[str, str]]) -> tuple[AttrMatch, ...]:
    return tuple(AttrMatch(i.get("attr"), i.get("class"), i.get("value")) for i in items)


def _vendor(data: dict[str, Any]) -> Vendor:
    detect = data["detect"]
    urls = _url_matcher(detect)
    snippets = tuple((tuple(g["all"]), g.get("note", "")) for g in detect.get("snippet", []))
    sdk = _sdk(data.get("sdk", {}), data["category"])
    needles = urls.literals() + list(detect.get("needles", [])) + list(detect.get("script_attributes", []))
    needles += [max(group, key=len) for group, _ in snippets]
    needles += list(sdk.packages + sdk.plugins + sdk.bundle_strings)
    needles += sdk.init_starts  # dotted starts (LogRocket.init) and distinctive bare ones (initHotjar)
    # A start on an alias of the global (``const h = window.heap; h.load(id)``, ``(window as any).heap``):
    # the global read off the window object is all the file names.
    needles += [
        f"{how}{spec.obj}"
        for spec in sdk.init_calls
        if spec.obj and "." not in spec.obj and len(spec.obj) >= 4
        for how in ("window.", ").")
    ]
    masking = data.get("masking", {})
    return Vendor(
        inline_hosts=_inline_host_pattern(urls),
        id=data["id"],
        name=data["name"],
        category=data["category"],
        summary=data["summary"],
        urls=urls,
        snippets=snippets,
        needles=tuple(n for n in needles if len(n) >= 4),
        sources=tuple(data["sources"]),
        masks=_marks(masking, ("mask_attributes", "block_attributes"), ("mask_classes", "block_classes")),
        unmasks=_marks(masking, ("unmask_attributes",), ("unmask_classes",)),
        second_stage=frozenset(tuple(g["all"]) for g in detect.get("snippet", []) if g.get("second_stage")),
        snippet_replay_on=tuple(
            (
                tuple(g["all"]),
                SnippetSettings(
                    g["settings"],
                    tuple(g["replay_on"]),
                    tuple(g.get("replay_rates", [])),
                    tuple(release_spec(c) for c in g.get("replay_forced", [])),
                    g.get("replay_deferred"),
                    tuple(release_spec(c) for c in g.get("deferred_release", [])),
                ),
            )
            for g in detect.get("snippet", [])
            if g.get("replay_on")
        ),
        hosts=tuple(detect.get("hosts", [])),
        script_attributes=tuple(detect.get("script_attributes", [])),
        gtm_tag_types=tuple(detect.get("gtm_tag_types", [])),
        storage_keys=tuple(data.get("storage_keys", [])),
        sdk=sdk,
        masking=_masking(masking),
        disclosure=_disclosure(data["disclosure"]) if "disclosure" in data else None,
        withdrawal=_withdrawal(data["withdrawal"]) if "withdrawal" in data else None,
    )


def _sdk(sdk: dict[str, Any], category: str) -> Sdk:
    starts = {c.split("(")[0] for c in sdk.get("init_calls", [])}
    return Sdk(
        packages=tuple(sdk.get("packages", [])),
        plugins=tuple(sdk.get("plugins", [])),
        init_calls=tuple(init_spec(c) for c in sdk.get("init_calls", [])),
        init_starts=tuple(sorted((c for c in starts if "." in c or len(c) >= 10), key=lambda c: (-len(c), c))),
        identify_calls=tuple(init_spec(c) for c in sdk.get("identify_calls", [])),
        id_options=tuple(sdk.get("id_options", [])),
        components=tuple(ComponentSpec(c.split("[")[0], c[c.index("[") + 1 : -1] if "[" in c else None) for c in sdk.get("components", [])),
        bundle_strings=tuple(sdk.get("bundle_strings", [])),
        core_strings=tuple(sdk.get("core_strings", [])),
        bundle_calls=tuple(parse_call(t) for t in sdk.get("bundle_calls", [])),
        bundle_replay=tuple(parse_call(t) for t in sdk.get("bundle_replay", [])),
        bundle_client=tuple(sdk.get("bundle_client", [])),
        integration_strings=tuple(sdk.get("integration_strings", [])),
        integrations_option=sdk.get("integrations_option"),
        embeds=tuple(sdk.get("embeds", [])),
        replay_options=tuple(sdk.get("replay_options", [])),
        disable_options=tuple(sdk.get("disable_options", [])),
        replay_default=sdk.get("replay_default", "settings" if category == "replay-addon" else "on"),
        hold=tuple(
            Hold(
                h["switch"],
                h["value"],
                norm(h["switch"]),
                norm(h["value"]),
                tuple(release_spec(r) for r in h["release"]),
                tuple(parse_call(t) for t in h.get("bundle_release", [])),
            )
            for h in sdk.get("hold", [])
        ),
        init_hold=tuple(
            InitHold(
                tuple(h["options"]),
                norm(h["value"]),
                tuple(init_spec(c.removeprefix("new ")) for c in h["instance"]),
                tuple(h.get("instance_strings", sdk.get("integration_strings", []))),
                tuple(h["release"]),
                tuple(h.get("instance_options", [])),
            )
            for h in sdk.get("init_hold", [])
        ),
    )


def _mask_options(items: list[dict[str, str]]) -> tuple[MaskOption, ...]:
    return tuple(MaskOption(o["match"], norm(o["match"]), o["effect"], o["note"]) for o in items)


def _masking(m: dict[str, Any]) -> Masking:
    t = m.get("text")
    text = None
    if t is not None:
        text = TextMasking(
            default=t["default"],
            summary=t["summary"],
            sources=tuple(t["sources"]),
            verified=t["verified"],
            scrubbed=frozenset(t.get("scrubbed", [])),
            fix=t["fix"],
            options=_mask_options(t.get("option", [])),
            marks=text_marks(t),
        )
    return Masking(
        default=m.get("default", "unknown"),
        summary=m.get("summary", ""),
        fix=m.get("fix", ""),
        masked_types=frozenset(m.get("masked_types", [])),
        masked_autocomplete=frozenset(m.get("masked_autocomplete", [])),
        masked_attribute_words=tuple(m.get("masked_attribute_words", [])),
        attribute_words_ignore=frozenset(m.get("attribute_words_ignore", [])),
        attribute_words_exempt=frozenset(m.get("attribute_words_exempt", [])),
        unmasked_controls=frozenset(m.get("unmasked_controls", [])),
        unmask_scope=m.get("unmask_scope"),
        options=_mask_options(m.get("option", [])),
        text=text,
        page_exclusion=m.get("page_exclusion"),
    )


def _disclosure(d: dict[str, Any]) -> Disclosure:
    return Disclosure(
        names=tuple(d["names"]),
        names_cased=tuple(d.get("names_cased", [])),
        former_names=tuple(d.get("former_names", [])),
        domains=tuple(d.get("domains", [])),
        cookies=tuple(d.get("cookies", [])),
        weak_cookies=frozenset(d.get("weak_cookies", [])),
        self_hosted=d.get("self_hosted", False),
        entities=tuple(
            Entity(e["name"], tuple(e["match"]), e.get("country"), e["status"], e["source"], e.get("shared", False))
            for e in d.get("entity", [])
        ),
    )


def _withdrawal(w: dict[str, Any]) -> Withdrawal:
    return Withdrawal(tuple(w["calls"]), w["reload"], w["summary"])


def _marks(m: dict[str, Any], attr_keys: tuple[str, ...], class_keys: tuple[str, ...]) -> tuple[AttrMatch, ...]:
    """``name`` / ``name="value"`` attribute specs and class names as AttrMatch."""
    out = []
    for key in attr_keys:
        for spec in m.get(key, []):
            name, _, value = spec.partition("=")
            out.append(AttrMatch(name.strip(), None, value.strip().strip("'\"") or None))
    out += [AttrMatch(None, cls, None) for key in class_keys for cls in m.get(key, [])]
    return tuple(out)


def text_marks(text: dict[str, Any]) -> tuple[AttrMatch, ...]:
    """A vendor's ``[masking.text]`` attributes and classes: what masks an element's printed text."""
    return _marks(text, ("mask_attributes",), ("mask_classes",))


def _markup(m: dict[str, Any]) -> Markup:
    def low(key: str) -> frozenset[str]:
        return frozenset(v.lower() for v in m.get(key, []))

    return Markup(
        inert_type_required=m["inert_type_required"],
        category_attributes=tuple(m.get("category_attributes", [])),
        category_class_prefixes=tuple(m.get("category_class_prefixes", [])),
        markers=_attr_matches(m.get("markers", [])),
        value_model=m["value_model"],
        separators=tuple(m.get("separators", [","])),
        analytics=low("analytics_values"),
        necessary=low("necessary_values"),
        other=low("other_values"),
        negation_prefix=m.get("negation_prefix", ""),
        src_attributes=tuple(m.get("src_attributes", [])),
        exempt=_attr_matches(m.get("exempt", [])),
        fix=m["fix"],
        activators=_attr_matches(m.get("activators", [])),
    )


def _cmp(data: dict[str, Any]) -> Cmp:
    loaders = tuple(
        Loader(
            name=ld.get("name", data["name"]),
            urls=_url_matcher(ld),
            snippets=tuple(tuple(g["all"]) for g in ld.get("snippet", [])),
            autoblock=ld.get("autoblock", False),
            autoblock_when=_attr_matches(ld.get("autoblock_when", [])),
        )
        for ld in data.get("loader", [])
    )
    markup = _markup(data["markup"]) if "markup" in data else None
    js = data.get("js", {})
    return Cmp(
        id=data["id"],
        name=data["name"],
        loaders=loaders,
        markup=markup,
        api_needles=tuple(js.get("api_needles", [])),
        gates_recorders=data.get("gates", "any-vendor") == "any-vendor",
        sources=tuple(data["sources"]),
        js=_cmp_js(js, f"consent manager {data['id']}"),
        config=_cmp_config(data["config"], f"consent manager {data['id']}") if "config" in data else None,
    )


def _key_value(spec: str, where: str) -> tuple[str, str]:
    key, sep, value = spec.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise SignatureError(f"{where}: {spec!r}: expected 'key=value'")
    return key.strip(), value.strip().lower()


def _cmp_config(cfg: dict[str, Any], where: str) -> CmpConfig:
    if not cfg.get("calls") and not cfg.get("names"):
        raise SignatureError(f"{where}: config needs calls or names (where the configuration object is)")

    def entries(spec: str) -> ConfigEntries:
        path, _, named_by = spec.partition("@")
        parts = tuple(path.split("."))
        if not all(parts) or (named_by == "") == ("@" in spec) or ("{value}" in parts) == bool(named_by):
            raise SignatureError(f"{where}: config.entries {spec!r}: expected 'a.{{value}}' or 'a.*@key'")
        return ConfigEntries(parts, named_by or None)

    return CmpConfig(
        needles=tuple(cfg["needles"]),
        calls=tuple(cfg.get("calls", [])),
        names=tuple(cfg.get("names", [])),
        entries=tuple(entries(s) for s in cfg["entries"]),
        inherited=frozenset(cfg.get("inherited", [])),
        modes=tuple(
            ConfigMode(_key_value(m["option"], where), _key_value(m["flag"], where), Status(m["status"]), m["why"])
            for m in cfg.get("mode", [])
        ),
        sources=tuple(cfg["sources"]),
    )


_FLAG_STATUSES = ("gated", "ungated", "unverifiable")
_SERVICE = "‹service›"  # where a [js] service_checks entry names the service


def _cmp_js(js: dict[str, Any], where: str) -> CmpJs:
    def callback(spec: str) -> CategoryCallbackSpec:
        name, _, rest = spec.partition(":")
        keys, _, value = rest.rpartition("=")
        if "{category}" in keys:
            return CategoryCallbackSpec(name, None, tuple(keys.split(".")), value.lower())
        return CategoryCallbackSpec(name, keys, (), value.lower())

    def flag(spec: str) -> CategoryFlag:
        key, _, rest = spec.partition("=")
        value, _, status = rest.partition(":")
        if status not in _FLAG_STATUSES:
            raise SignatureError(
                f"{where}: js.category_flags {spec!r}: expected 'flag=value:status', status one of {', '.join(_FLAG_STATUSES)}"
            )
        return CategoryFlag(key, value.lower(), Status(status))

    def check(spec: str) -> str:
        if GAP in spec and (spec.startswith(("^", GAP)) or spec.endswith(GAP) or GAP + GAP in spec):
            raise SignatureError(f"{where}: js.analytics_checks {spec!r}: '{GAP}' stands between two parts of code")
        return spec

    def per_service(spec: str) -> list[str]:
        if _SERVICE not in spec:
            raise SignatureError(f"{where}: js.service_checks {spec!r}: names no service ('{_SERVICE}')")
        return [check(spec.replace(_SERVICE, "'" + name + "'")) for name in js.get("service_names", [])]

    def parameter(spec: str) -> ConsentParameter:
        parts = spec.split(":")
        if len(parts) != 3 or not parts[1].isdigit():
            raise SignatureError(f"{where}: js.consent_parameters {spec!r}: expected 'key:index:sibling'")
        return ConsentParameter(parts[0], int(parts[1]), parts[2])

    def api(spec: str) -> BundledApi:
        name, _, shape = spec.partition("=")
        return BundledApi(name.strip(), shape.strip())

    def pairs(specs: list[str], key: str) -> tuple[tuple[str, str], ...]:
        out = []
        for spec in specs:
            name, sep, value = spec.partition("=")
            if not sep or not name or not value:
                raise SignatureError(f"{where}: js.option_gate / js.status_parameter {key} {spec!r}: expected 'key=value'")
            out.append((name, value))
        return tuple(out)

    def option_gate(gate: dict[str, Any] | None) -> OptionGate | None:
        if gate is None:
            return None
        return OptionGate(
            method=gate["method"],
            calls=tuple(gate["calls"]),
            callbacks=tuple(gate.get("callbacks", [])),
            complete_argument=gate.get("complete_argument"),
            require=pairs(gate["require"], "require"),
            false_or_absent=tuple(gate.get("false_or_absent", [])),
            absent=tuple(gate.get("absent", [])),
            one_of=tuple((k, tuple(v.split("|"))) for k, v in pairs(gate.get("one_of", []), "one_of")),
            forbidden_text=tuple(gate.get("forbidden_text", [])),
            why=gate["why"],
        )

    def status_parameter(spec: dict[str, Any] | None) -> StatusParameter | None:
        if spec is None:
            return None
        return StatusParameter(
            callbacks=tuple(spec["callbacks"]),
            index=spec.get("index", 0),
            calls=tuple(spec["calls"]),
            granted=frozenset(v.lower() for v in spec["granted"]),
            refused=frozenset(v.lower() for v in spec.get("refused", [])),
            constants=tuple((k.lower(), v.lower()) for k, v in pairs(spec.get("constants", []), "constants")),
            why=spec["why"],
        )

    if js.get("state_cookies") and not js.get("granted_states"):
        raise SignatureError(f"{where}: js.state_cookies needs js.granted_states (how the cookie writes a granted category)")
    return CmpJs(
        declared=bool(js),
        analytics_checks=tuple(
            [check(s) for s in js.get("analytics_checks", [])] + [c for s in js.get("service_checks", []) for c in per_service(s)]
        ),
        consent_reads=tuple(js.get("consent_reads", [])),
        generic_events=tuple(js.get("generic_events", [])),
        fail_open=tuple(js.get("fail_open", [])),
        server_checks=tuple(js.get("server_checks", [])),
        server_consent_words=tuple(js.get("server_consent_words", [])),
        consent_words=tuple(js.get("consent_words", [])),
        settings_checks=tuple(js.get("settings_checks", [])),
        state_cookies=tuple(js.get("state_cookies", [])),
        granted_states=tuple(s.lower() for s in js.get("granted_states", [])),
        stored_choices=tuple((k.strip(), v.strip()) for k, _, v in (s.partition("=") for s in js.get("stored_choices", []))),
        category_events=tuple((e, c) for e, _, c in (i.partition(":") for i in js.get("category_events", []))),
        category_callbacks=tuple(callback(s) for s in js.get("category_callbacks", [])),
        category_flags=tuple(flag(s) for s in js.get("category_flags", [])),
        bundled_api=tuple(api(s) for s in js.get("bundled_api", [])),
        consent_parameters=tuple(parameter(s) for s in js.get("consent_parameters", [])),
        option_gate=option_gate(js.get("option_gate")),
        status_parameter=status_parameter(js.get("status_parameter")),
        example=js.get("example"),
    )


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SignatureError(f"{path}: {exc}") from None


def _load_folder(folder: Path, schema: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    out = []
    for path in sorted(folder.glob("*.toml")):
        data = _read_toml(path)
        validate(data, schema, str(path))
        if data["id"] != path.stem:
            raise SignatureError(f"{path}: id '{data['id']}' must equal the file name '{path.stem}'")
        for i, group in enumerate(data.get("detect", {}).get("snippet", [])):
            if group.get("replay_on") and not group.get("settings"):
                raise SignatureError(f"{path}: detect.snippet[{i}]: replay_on needs 'settings' (the object that holds them)")
        out.append(data)
    return out


def _merge(items: list[dict[str, Any]], build: Any, kind: str) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for data in items:
        if data["id"] in result:
            raise SignatureError(f"duplicate {kind} id '{data['id']}'")
        result[data["id"]] = build(data)
    return result


@functools.lru_cache(maxsize=8)
def load(extra_dirs: tuple[str, ...] = ()) -> SignatureDB:
    """Load the built-in signatures plus any user folders (each with ``vendors/`` and ``consent/``),
    from the cache of an earlier run when nothing they are built from has changed (``cache.py``)."""
    folders = [BUILTIN_DIR, *(Path(d) for d in extra_dirs)]
    return cache.cached(folders, lambda: _build(folders), SignatureDB)


def _build(folders: list[Path]) -> SignatureDB:
    vendors: list[dict[str, Any]] = []
    cmps: list[dict[str, Any]] = []
    fields: list[dict[str, Any]] = []
    for folder in folders:
        vendors += _load_folder(folder / "vendors", VENDOR_SCHEMA, "vendor")
        cmps += _load_folder(folder / "consent", CMP_SCHEMA, "consent manager")
        fields += _load_folder(folder / "fields", FIELD_SCHEMA, "field category")
    types = _read_toml(BUILTIN_DIR / "script_types.toml")
    validate(types, SCRIPT_TYPES_SCHEMA, str(BUILTIN_DIR / "script_types.toml"))
    from analyzer.parse import charset_guess  # lazy, as reading's: a scan of UTF-8 files never imports it

    try:  # read by the parse stage whenever a file is not UTF-8: checked here, with the other tables
        charset_guess.knowledge()
    except ValueError as exc:
        raise SignatureError(str(exc)) from None
    legal = _read_toml(BUILTIN_DIR / "legal.toml") if (BUILTIN_DIR / "legal.toml").exists() else {"authority": []}
    validate(legal, LEGAL_SCHEMA, str(BUILTIN_DIR / "legal.toml"))
    ui_data = _optional_table("ui_components.toml", UI_COMPONENTS_SCHEMA)
    helpers = _optional_table("form_helpers.toml", FORM_HELPERS_SCHEMA)
    conventions = _read_toml(BUILTIN_DIR / "template_conventions.toml") if (BUILTIN_DIR / "template_conventions.toml").exists() else {}
    field_lists = _field_lists(ui_data)
    return SignatureDB(
        vendors=_merge(vendors, _vendor, "vendor"),
        cmps=_merge(cmps, _cmp, "consent manager"),
        script_types=ScriptTypes(
            executable=frozenset(types["executable"]),
            data=frozenset(types["data"]),
            runs_anyway={r["type"]: r["by"] for r in types.get("runs_anyway", [])},
            injection_clues=tuple(types.get("inline", {}).get("injection_clues", [])),
            include_helpers=tuple(types.get("templates", {}).get("include_helpers", [])),
            lifecycle_hooks={
                n: f"a lifecycle hook {h['framework']} calls {h['runs']}"
                for h in types.get("lifecycle_hook", [])
                if not h.get("in")
                for n in h["names"]
            },
            class_hooks={
                n: (f"a lifecycle hook {h['framework']} calls {h['runs']}", tuple(h["in"]))
                for h in types.get("lifecycle_hook", [])
                if h.get("in")
                for n in h["names"]
            },
            consent_triggers={t["call"]: t["option"] for t in types.get("consent_trigger", [])},
            entry_exports=tuple(
                EntryExport(
                    e["framework"],
                    e["runs"],
                    frozenset(e["folders"]),
                    tuple(e.get("not_in_name", [])),
                    frozenset(e["params"]),
                    frozenset(e["keys"]),
                    frozenset(e.get("files", [])),
                    frozenset(e.get("exports", ["default"])),
                )
                for e in types.get("entry_export", [])
            ),
            code={k: frozenset(v) for k, v in types.get("code", {}).items()},
            consent_record={k: frozenset(v) for k, v in types.get("consent_record", {}).items()},
        ),
        severity=_read_toml(BUILTIN_DIR / "severity.toml"),
        authorities=tuple(
            Authority(a["id"], a["name"], a["jurisdiction"], a["summary"], a["url"], tuple(a["applies_to"])) for a in legal["authority"]
        ),
        fields=_merge(fields, functools.partial(compile_category, inflection=_inflection()), "field category"),
        consent_words=_consent_words(),
        field_context=_field_context(ui_data.get("bindings", {})),
        template_conventions=_conventions(conventions),
        component_files=_component_files(conventions, _writing_systems(fields)),
        ui_components=_ui_components(ui_data),
        ui_suffixes=_ui_suffixes(ui_data),
        template_kit=_template_kit(ui_data),
        jsx_bindings=_jsx_bindings(ui_data, field_lists),
        field_lists=field_lists,
        tapestry=_tapestry(ui_data),
        docassemble=_docassemble(ui_data),
        flutter=_flutter(ui_data),
        form_helpers=_form_helpers(helpers),
        model_fields=ModelFields(
            dict(helpers.get("model_fields", {}).get("renders", {})),
            frozenset(helpers.get("model_fields", {}).get("relations", [])),
            dict(helpers.get("model_fields", {}).get("widgets", {})),
        ),
        view_models=_view_models(helpers.get("view_models")),
        form_types=_form_types(helpers.get("form_types")),
        tag_managers=_tag_managers(),
        policy_pages=_optional_table("policy_pages.toml", POLICY_PAGES_SCHEMA),
        legal_basis=_optional_table("legal_basis.toml", LEGAL_BASIS_SCHEMA),
    )


def _optional_table(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """A validated top-level signature file, or {} when the installation lacks it."""
    path = BUILTIN_DIR / name
    if not path.exists():
        return {}
    data = _read_toml(path)
    validate(data, schema, str(path))
    return data


def _tag_managers() -> tuple[TagManager, ...]:
    path = BUILTIN_DIR / "tag_managers.toml"
    if not path.exists():
        return ()
    data = _read_toml(path)
    validate(data, TAG_MANAGERS_SCHEMA, str(path))
    return tuple(TagManager(m["id"], m["name"], _url_matcher(m), tuple(m["snippet"]), m["export"]) for m in data["manager"])


def _ui_suffixes(data: dict[str, Any]) -> tuple[tuple[str, UiComponent, tuple[str, ...]], ...]:
    out = [
        (suffix, UiComponent(c["tag"], c.get("type"), named_only=c.get("name_only", False)), tuple(c["label_props"]))
        for c in data.get("component_suffix", [])
        for suffix in c["suffixes"]
    ]
    return tuple(sorted(out, key=lambda e: -len(e[0])))


def _ui_components(data: dict[str, Any]) -> dict[str, UiComponent]:
    return {n: UiComponent(c["tag"], c.get("type"), c.get("label_prop")) for c in data.get("component", []) for n in c["names"]}


def _spellings(keys: list[str]) -> tuple[str, ...]:
    """Each key as written, then its snake_case spelling when it is written in camelCase (questionText ->
    question_text, fieldName -> field_name): projects name their definitions' members in either style."""
    out: dict[str, None] = {}
    for key in keys:
        out[key] = None
        snake = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key).lower()
        if snake != key.lower() and key.isascii():
            out[snake] = None
    return tuple(out)


def _field_lists(data: dict[str, Any]) -> FieldLists:
    f = data.get("field_lists")
    if not f:
        return FieldLists()
    lists = {k: _spellings(f[k]) for k in FIELD_LIST_KEYS}
    return FieldLists(
        list_names=frozenset(n.lower() for n in lists["list_names"]),
        name_keys=lists["name_keys"],
        label_keys=lists["label_keys"],
        settings_keys=lists["settings_keys"],
        type_keys=lists["type_keys"],
        option_keys=lists["option_keys"],
        option_text_keys=lists["option_text_keys"],
        title_keys=lists["title_keys"],
        form_keys=frozenset(lists["form_keys"]),
        not_form_keys=frozenset(lists["not_form_keys"]),
        display_keys=frozenset(lists["display_keys"]),
        follow_up_keys=frozenset(k.lower() for k in lists["follow_up_keys"]),
        generic_holders=frozenset(lists["generic_holders"]),
        container_keys=frozenset(lists["container_keys"]) | frozenset(lists["list_names"]),
        list_name_words=frozenset(n.lower() for n in lists["list_name_words"]),
        answer_keys=lists["answer_keys"],
        not_control_types=frozenset(t.lower() for t in lists["not_control_types"]),
        section_types=frozenset(t.lower() for t in lists["section_types"]),
        matrix_types=frozenset(t.lower() for t in lists["matrix_types"]),
        row_keys=lists["row_keys"],
        column_keys=lists["column_keys"],
        row_value_keys=lists["row_value_keys"],
        question_keys=lists["question_keys"],
        quiz_keys=frozenset(lists["quiz_keys"]),
        types={v.lower(): tag for tag in FIELD_LIST_TYPES for v in f["types"][tag]},
        mapped_text_keys=tuple(data.get("jsx_bindings", {}).get("choice_keys", [])),
        mapped_text_prefixes=tuple(k.lower() for k in data.get("jsx_bindings", {}).get("choice_key_prefixes", [])),
        label_calls=tuple(sorted(data.get("translation", {}).get("calls", []))),
        domain_calls=frozenset(data.get("translation", {}).get("domain_calls", [])),
        store_reads=frozenset(data.get("translation", {}).get("store_reads", [])),
    )


# A control group of the signature data ([field_lists.types], [tapestry.types], and a JSX type prop's value read with
# [field_lists.types]) -> the tag and the input type it renders.
CONTROL_GROUPS: dict[str, tuple[str, str | None]] = {
    "input": ("input", None),
    "password": ("input", "password"),
    "textarea": ("textarea", None),
    "select": ("select", None),
    "checkbox": ("input", "checkbox"),
    "radio": ("input", "radio"),
}


def _tapestry(data: dict[str, Any]) -> TapestryKit:
    t = data.get("tapestry")
    if not t:
        return TapestryKit()
    return TapestryKit(
        suffixes=tuple(s.lower() for s in t["suffixes"]),
        namespaces=tuple(t["namespaces"]),
        types=_control_types(t["types"]),
        groups=frozenset(g.lower() for g in t["groups"]),
        labels=frozenset(g.lower() for g in t["labels"]),
        forms=frozenset(g.lower() for g in t["forms"]),
    )


def _flutter(data: dict[str, Any]) -> FlutterWidgets:
    """``[flutter]``: each key is the field of ``FlutterWidgets`` of its name, made the collection that field holds."""
    d = data.get("flutter")
    if not d:
        return FlutterWidgets()
    kinds = {name: type(empty) for name, empty in vars(FlutterWidgets()).items()}  # dict, tuple or frozenset
    return FlutterWidgets(**{key: kinds[key](value) for key, value in d.items()})


def _docassemble(data: dict[str, Any]) -> DocassembleKit:
    d = data.get("docassemble")
    if not d:
        return DocassembleKit()
    return DocassembleKit(
        modifiers=frozenset(k.lower() for k in d["modifiers"]),
        not_fields=frozenset(k.lower() for k in d["not_fields"]),
        skipped=frozenset(k.lower() for k in d["skipped"]),
        types=_control_types(d["types"]),
        yes_no=tuple(d["yes_no"]),
    )


def _control_types(table: dict[str, list[str]]) -> dict[str, tuple[str, str | None]]:
    """A ``[….types]`` table (a control group -> the type names that render it) as type name (lower case) -> the tag and
    input type it renders."""
    return {v.lower(): CONTROL_GROUPS[group] for group in CONTROL_GROUP_NAMES for v in table[group]}


def _jsx_bindings(data: dict[str, Any], lists: FieldLists) -> JsxBindings:
    b = data.get("jsx_bindings", {})
    given: dict[str, Any] = {k: frozenset(b.get(k, [])) for k in JSX_BINDING_SETS}
    given |= {k: tuple(b.get(k, [])) for k in JSX_BINDING_LISTS}  # those whose order counts
    given["choice_key_prefixes"] = tuple(k.lower() for k in given["choice_key_prefixes"])  # matched lower case
    return JsxBindings(**given, control_types=lists.types)  # a type prop's value is read as a definition's type is


def _template_kit(data: dict[str, Any]) -> TemplateKit:
    components = data.get("template_component", [])
    wrappers = data.get("template_wrapper", [])
    bindings = data.get("bindings", {})
    return TemplateKit(
        components={n: UiComponent(c["tag"], c.get("type"), c.get("label_prop")) for c in components for n in c["names"]},
        wrapper_props={n: w["label_prop"] for w in wrappers if w.get("label_prop") for n in w["names"]},
        wrapper_children={n: tuple(w["label_child"]) for w in wrappers if w.get("label_child") for n in w["names"]},
        for_props={n: c["for_prop"] for c in components if c.get("for_prop") for n in c["names"]},
        key_props={n: c["key_prop"] for c in components if c.get("key_prop") for n in c["names"]},
        id_props={n: c["id_prop"] for c in components if c.get("id_prop") for n in c["names"]},
        bindings=tuple(bindings.get("attributes", [])),
        binding_prefixes=tuple(bindings.get("prefixes", [])),
        binding_expressions=tuple(bindings.get("expressions", [])),
        label_bindings=tuple(bindings.get("labels", [])),
        one_way_bindings=frozenset(bindings.get("one_way", [])),
        update_events=tuple(bindings.get("update_events", [])),
        translations=frozenset(data.get("translation", {}).get("calls", [])),
        translation_pipes=frozenset(data.get("translation", {}).get("pipes", [])),
        translation_hooks=frozenset(data.get("translation", {}).get("hooks", [])),
        taglibs={t["uri"]: t["prefix"] for t in data.get("taglib", [])},
        suffixes=tuple((suffix.lower(), comp, props) for suffix, comp, props in _ui_suffixes(data)),
        generic=frozenset(data.get("jsx_bindings", {}).get("generic", [])),
        name_props=tuple(p.lower() for p in data.get("jsx_bindings", {}).get("name_props", [])),  # lxml lower-cases names
        name_qualifiers=tuple(w.lower() for w in data.get("jsx_bindings", {}).get("name_qualifiers", [])),
        name_endings=tuple(w.lower() for w in data.get("jsx_bindings", {}).get("name_endings", [])),
        section_title_props=tuple(p.lower() for p in data.get("jsx_bindings", {}).get("section_title_props", [])),
    )


def _view_models(data: dict[str, Any] | None) -> ViewAnnotations:
    """form_helpers.toml's ``[view_models]``, its directive checked: it must compile and name the model's ``type``."""
    if not data:
        return ViewAnnotations()
    try:
        directive = re.compile(data["directive"])
    except re.error as exc:
        raise SignatureError(f"form_helpers.toml: view_models.directive: {exc}") from exc
    if "type" not in directive.groupindex:
        raise SignatureError("form_helpers.toml: view_models.directive needs the group 'type'")
    return ViewAnnotations(
        directive.pattern,
        tuple(data["named"]),
        tuple(data["first_string"]),
        data["resource"],
        tuple(d.lower() for d in data.get("build_dirs", [])),
    )


def _form_types(data: dict[str, Any] | None) -> FormTypeSpec:
    """form_helpers.toml's [form_types], its patterns checked."""
    if not data:
        return FormTypeSpec()
    patterns = {k: data[k] for k in ("class", "embeds", "label_format", "references", "controls")}
    for key, text in patterns.items():
        try:
            re.compile(text)
        except re.error as exc:
            raise SignatureError(f"form_helpers.toml: form_types.{key}: {exc}") from exc
    patterns["class_"] = patterns.pop("class")
    return FormTypeSpec(frozenset(data["dialects"]), tuple(f.lower() for f in data["files"]), data["marker"].encode(), **patterns)


def _form_helpers(data: dict[str, Any] | None = None) -> tuple[FormHelper, ...]:
    """form_helpers.toml's helpers (``data``: the file as read, else read here)."""
    data = _optional_table("form_helpers.toml", FORM_HELPERS_SCHEMA) if data is None else data
    out = []
    for i, h in enumerate(data.get("helper", [])):
        where = f"form_helpers.toml: helper[{i}]"
        if ("pattern" in h) == ("patterns" in h) or not h.get("patterns", [""]):
            raise SignatureError(f"{where}: give either pattern, or patterns (a list of one or more)")
        # A helper written in several shapes (patterns) is one helper a shape, tried in order, alike in all else.
        shapes = h.get("patterns") or [h["pattern"]]
        out += [_form_helper(h, pattern, f"{where}.patterns[{k}]" if "patterns" in h else where) for k, pattern in enumerate(shapes)]
    return tuple(out)


def _form_helper(h: dict[str, Any], pattern_text: str, where: str) -> FormHelper:
    """One shape of a form_helpers.toml helper, checked."""
    try:
        pattern = re.compile(pattern_text)
        calls = re.compile(h["calls"]) if "calls" in h else None
        choices = re.compile(h["choices"]) if "choices" in h else None
    except re.error as exc:
        raise SignatureError(f"{where}: {exc}") from exc
    # Kinds are matched in any case (PHP's method names are: $form->addtext(…)); two kinds differing only in case
    # are one, and must render alike.
    renders: dict[str, str] = {}
    for k, v in h["renders"].items():
        if renders.setdefault(str(k).lower(), str(v)) != str(v):
            raise SignatureError(f"{where}: renders gives the kind {k!r} two controls in different cases")
    # A call that prints text (a translation), or a label with its own text (FreeMarker's <@sf.label title="…"/>),
    # names no field: its text is the group 'label'.
    prints_text = set(renders.values()) <= {"text", "message", "label", *HELPER_HEADINGS} and "name" not in pattern.groupindex
    needs = {"kind", "label"} if prints_text else {"kind", "name"}
    if set(renders) == {""}:  # one control whatever the call (Symfony's ->add('imie') without a type): no kind
        needs.discard("kind")
    if not needs <= set(pattern.groupindex):
        raise SignatureError(f"{where}: pattern needs the groups {' and '.join(repr(n) for n in sorted(needs))}")
    # One helper may be found both ways: in a dialect's output tags and by its calls in files of other endings
    # (ASP.NET MVC's Html.TextBoxFor in a Web Forms view's <%: %> and in a Razor view's @Html.…).
    if bool(calls) != bool(h.get("files")) or not (h.get("dialects") or calls):
        raise SignatureError(f"{where}: give dialects, or files and calls, or both")
    if choices is not None and choices.groups != 1:
        raise SignatureError(f"{where}: choices needs one group, a choice's text")
    choice_kinds = frozenset(str(k).lower() for k in h.get("choice_kinds", []))
    if not choice_kinds <= {k for k, v in renders.items() if v in ("input:radio", "input:checkbox")}:
        raise SignatureError(f"{where}: choice_kinds names kinds that render no radio or checkbox")
    return FormHelper(
        pattern.pattern,
        renders,
        frozenset(h.get("dialects", [])),
        tuple(h.get("files", [])),
        h.get("calls"),
        h.get("choices"),
        h.get("choices_member"),
        choice_kinds,
    )


def _class_list_calls(calls: dict[str, Any]) -> dict[str, str]:
    """template_conventions.toml's class_list_calls, keyed in lower case (PHP's method names are case-insensitive)."""
    out = {str(k).lower(): str(v) for k, v in calls.items()}
    wrong = sorted(k for k, v in out.items() if v not in ("values", "keys", "cases"))
    if wrong:
        raise SignatureError(f"template_conventions.toml: class_list_calls {wrong[0]!r} lists none of values, keys, cases")
    return out


def _conventions(data: dict[str, Any]) -> tuple[dict[str, str], ...]:
    items = data.get("convention", [])
    for i, c in enumerate(items):
        missing = {"dialect", "under", "parent", "unless", "source"} - set(c)
        if missing:
            raise SignatureError(f"template_conventions.toml: convention[{i}] lacks '{sorted(missing)[0]}'")
        if c.get("lookup", "nearest") != "nearest":  # how the parent is found: by its path's ending, or "nearest" the page
            raise SignatureError(f'template_conventions.toml: convention[{i}] lookup must be "nearest" or absent')
    return tuple(items)


def _writing_systems(fields: list[dict[str, Any]]) -> frozenset[str]:
    """The writing systems the field lexicon's words are written in ("LATIN", "CYRILLIC"): a catalogue key keeps a text
    in one of them first (``messages.collect``)."""
    letters = {
        c
        for f in fields
        for kinds in f.get("terms", {}).values()
        for words in kinds.values()
        if isinstance(words, list)
        for w in words
        for c in w
        if c.isalpha()
    }
    return frozenset(messages.writing_system(c) for c in letters)


def _component_files(data: dict[str, Any], scripts: frozenset[str] = frozenset()) -> ComponentFiles:
    return ComponentFiles(
        tuple(data.get("component_layouts", [])),
        tuple(data.get("component_templates", [])),
        frozenset(h.lower() for h in data.get("site_homes", [])),
        frozenset(p.lower() for p in data.get("project_files", [])),
        frozenset(m.lower() for m in data.get("message_folders", [])),
        frozenset(m.lower() for m in data.get("message_languages", [])),
        message_names=frozenset(m.lower() for m in data.get("message_file_words", [])),
        message_scripts=scripts,
        form_classes=tuple(e.lower() for e in data.get("form_classes", [])),
        form_folders=tuple(e.lower() for e in data.get("form_folders", [])),
        class_list_calls=_class_list_calls(data.get("class_list_calls", {})),
        model_modules=tuple(e.lower() for e in data.get("model_modules", [])),
        view_modules=tuple(e.lower() for e in data.get("view_modules", [])),
        view_folders=tuple(e.lower() for e in data.get("view_folders", [])),
        view_classes=tuple(data.get("view_classes", [])),
        app_screens=tuple(e.lower() for e in data.get("app_screens", [])),
        module_aliases=tuple(data.get("module_aliases", [])),
        title_blocks=tuple(data.get("title_blocks", [])),
    )


def _word_index(words: list[str], excluded: list[str] | None = None) -> TermIndex:
    """The words' index; ``excluded`` phrases enter it as excludes (a ``not_consent`` phrase cancels a consent word)."""
    made = [make_term(w) for w in words] + [make_term(w, kind="exclude") for w in excluded or []]
    return TermIndex(tuple(t for t in made if t is not None))


def _word_set(words: list[str]) -> frozenset[str]:
    """Every token of the words: a list of single answers, sizes or relatives looked up word by word."""
    return frozenset(t for w in words for t in tokens(w))


def _field_context(bindings: dict[str, Any]) -> ContextWords | None:
    """field_context.toml, with the binding attributes of ui_components.toml's [bindings] (``bindings``): the controls a
    condition names (``shown_if``)."""
    path = BUILTIN_DIR / "field_context.toml"
    if not path.exists():
        return None
    data = _read_toml(path)
    validate(data, FIELD_CONTEXT_SCHEMA, str(path))
    answers = _word_set(data["answers"])
    sexes = _word_set(data["sexes"])
    either = _word_set(data["either"])
    return ContextWords(
        _word_index(data["free_text"]),
        _word_index(data["follow_up"]),
        _word_index(data["lookup"]),
        answers,
        _word_index(data["subjects"]),
        _word_index(data["seeking"]),
        sexes,
        either,
        _word_index(data.get("membership", []) + data.get("adherence", [])),
        frozenset(data.get("membership_topics", [])),
        _word_index(data.get("membership_not", [])),
        sections=_field_sections(),
        identity=_word_index(data.get("identity", [])),
        requests=_word_index(data.get("requests", [])),
        occupation=_word_index(data.get("occupation", [])),
        patient_roles=_word_set(data.get("patient_roles", [])),
        care_roles=_word_set(data.get("care_roles", [])),
        care_contacts=_word_index(data.get("care_contacts", [])),
        care_providers=_word_set(data.get("care_providers", [])),
        care_provider_fillers=_word_set(data.get("care_provider_fillers", [])),
        care_providers_in_choices=_word_set(data.get("care_providers_in_choices", [])),
        care_provider_filters=_word_set(data.get("care_provider_filters", [])),
        care_topics=tuple(data.get("care_topics", [])),
        adherence=_word_index(data.get("adherence", [])),
        sizes=_word_set(data.get("sizes", [])),
        account_roles=_word_set(data.get("account_roles", [])),
        opinion_topics=frozenset(data.get("opinion_topics", [])),
        opinion_pages=_word_index(data.get("opinion_pages", [])),
        addressed=_word_set(data.get("addressed", [])),
        statement_readings=frozenset(data.get("statement_readings", [])),
        symptom_topics=frozenset(data.get("symptom_topics", [])),
        frequency=_word_index(data.get("frequency", [])),
        habit_category=data.get("habit_category", ""),
        shown_if=frozenset(a.lower() for a in data.get("shown_if", [])),
        binding_attributes=frozenset(a.lower() for a in bindings.get("attributes", [])),
        binding_prefixes=tuple(a.lower() for a in bindings.get("prefixes", [])),
        habits=_word_index(data.get("habits", []), data.get("habits_not", [])),
        habit_asking=_word_set(data.get("habit_asking", [])),
        habit_frequency=_word_index(data.get("frequency", []) + data.get("habit_frequency", [])),
        finding_normal=_word_index(data.get("finding_normal", [])),
        finding_abnormal=_word_index(data.get("finding_abnormal", [])),
        care_alone=_word_index(data.get("care_alone", [])),
        care_helped=_word_index(data.get("care_helped", [])),
        opinion=_word_index(data.get("opinion", [])),
        criminal_record=_word_index(data.get("criminal_record", [])),
        referral=_word_index(data.get("referral", [])),
        animal_care=_word_index(data.get("animal_care", [])),
        animal_practice=_word_index(data.get("animal_practice", [])),
        animal_care_not=_word_index(data.get("animal_care_not", [])),
        animal_questions=_word_index(data.get("animal_questions", [])),
        animal_questions_not=_word_index(data.get("animal_questions_not", [])),
        animal_questions_alone=frozenset(tuple(tokens(w)) for w in data.get("animal_questions_alone", [])),
        family_topics=frozenset(data.get("family_topics", [])),
        relatives=_word_set(data.get("relatives", [])),
        relatives_also=_word_set(data.get("relatives_also", [])),
        free_text_not=_word_index(data.get("free_text_not", [])),
        title_classes=frozenset(c.lower() for c in data.get("title_classes", [])),
        title_class_endings=tuple(e.lower() for e in data.get("title_class_endings", [])),
        title_holders=tuple(h.lower() for h in data.get("title_holders", [])),
    )


def _inflection() -> dict[str, Inflection]:
    """signatures/field_inflection.toml: how each language's words change at their end (docs/fields.md)."""
    path = BUILTIN_DIR / "field_inflection.toml"
    if not path.exists():
        return {}
    data = _read_toml(path)
    validate(data, FIELD_INFLECTION_SCHEMA, str(path))
    return inflection_rules(data)


def _field_sections() -> SectionWords | None:
    """signatures/field_sections.toml: the headings of record sections (docs/fields.md)."""
    path = BUILTIN_DIR / "field_sections.toml"
    if not path.exists():
        return None
    data = _read_toml(path)
    validate(data, FIELD_SECTIONS_SCHEMA, str(path))
    record = tuple(t for cat, words in data["record"].items() for t in (make_term(w, cat, "record") for w in words) if t is not None)
    bare = _word_set(data["bare"])
    return SectionWords(
        TermIndex(record),
        _word_index(data["personal"]),
        _word_index(data["person"]),
        bare,
        _word_index(data.get("event_age", [])),
        _word_set(data.get("date_parts", [])),
        _word_set(data.get("facility", [])),
        _word_index(data.get("processing", [])),
    )


def _consent_words() -> TermIndex | None:
    path = BUILTIN_DIR / "field_consent.toml"
    if not path.exists():
        return None
    data = _read_toml(path)
    for key in ("words", "not_consent"):
        if not isinstance(data.get(key, []), list) or not all(isinstance(w, str) for w in data.get(key, [])):
            raise SignatureError(f"{path}: '{key}' must be a list of strings")
    return _word_index(data["words"], data.get("not_consent", []))  # lexicon.says_consent
