"""Schemas for the TOML files in ``signatures/`` and the validator that enforces them at load.

A schema is a plain dict ``{key: Field}``. ``Field.kind`` is ``str``, ``int``, ``float``, ``bool``,
``"str[]"`` (list of non-empty strings), ``"text[]"`` (list of strings, empty allowed), ``"regex[]"`` (list of strings that must compile
and hold a literal for the prefilter), ``"pattern[]"`` (regexes searched in extracted text only: they must
compile and not nest quantifiers, no literal needed), ``"str[][]"`` (list of lists of strings),
``"str{}"`` (a table of non-empty strings), a nested schema dict
(a table) or a one-element list holding a schema dict (an array of tables). ``choices`` limits a
string (or every string of a list) to a closed set. Unknown keys are errors: a typo in a signature
file must fail loudly instead of silently dropping a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from analyzer.signatures import redos


class SignatureError(ValueError):
    """A signature file does not match its schema; the message names the file and the key."""


@dataclass(frozen=True)
class Field:
    kind: Any
    required: bool = False
    choices: frozenset[str] | None = None


def _req(kind: Any, choices: tuple[str, ...] | None = None) -> Field:
    return Field(kind, True, frozenset(choices) if choices else None)


def _opt(kind: Any, choices: tuple[str, ...] | None = None) -> Field:
    return Field(kind, False, frozenset(choices) if choices else None)


VENDOR_CATEGORIES = ("session-replay", "heatmap", "replay-addon")
# Page text: recorded as it appears, masked (all text), set in the vendor's dashboard, not known.
TEXT_DEFAULTS = ("recorded", "masked", "dashboard", "unknown")
# Kinds of printed value some vendors scrub from page text even when text is recorded.
VALUE_KINDS = ("emails", "digits", "cards")
MASKING_DEFAULTS = ("all-inputs", "keystrokes-suppressed", "by-type", "password-only", "none", "dashboard", "unknown")

# second_stage: the group is the vendor's own second-stage script (its CDN file kept in a repository, a page
# saved with its _files folder): the file is the recorder, reported once where the group's longest string
# is, and its inner script and frame loads are its internals, not starts of their own.
# replay_on: a snippet that carries the app's own settings as an object assigned to `settings` (New
# Relic's copy-paste agent: NREUM.init = {session_replay: {enabled: true, …}, …}, written with the
# session_replay block only when replay is enabled): it records only when one of these key paths in
# that object may be true (a false literal or a missing key keeps replay off) and not every
# `replay_rates` path is the literal 0; without that, it is a suite with replay off. The agent's own
# code names the same keys (its defaults), so only the assigned object is read, never the file's text.
# replay_forced: calls that record a replay whatever the sampling rates say (newrelic.recordReplay()):
# with every `replay_rates` path 0, the start is each such call. replay_deferred: a key path whose
# false literal defers the replay until one of `deferred_release` is called (session_replay.autoStart:
# false until newrelic.start()): the start is each such call, and unverifiable where the file has none.
_SNIPPET = {
    "all": _req("str[]"),
    "note": _opt(str),
    "second_stage": _opt(bool),
    "replay_on": _opt("str[]"),
    "settings": _opt(str),
    "replay_rates": _opt("str[]"),
    "replay_forced": _opt("str[]"),
    "replay_deferred": _opt(str),
    "deferred_release": _opt("str[]"),
}

VENDOR_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "id": _req(str),
    "name": _req(str),
    "company": _opt(str),
    "category": _req(str, VENDOR_CATEGORIES),
    "summary": _req(str),
    "sources": _req("str[]"),
    "detect": _req(
        {
            # Script / link / pixel hosts. "*.example.com" matches every subdomain (not the apex).
            "hosts": _opt("str[]"),
            # Regexes over the scheme-less, lower-cased URL "host/path?query", for shared hosts and
            # first-party paths. Each needs a literal run of 4+ characters for the prefilter.
            "urls": _opt("regex[]"),
            # Inline code: a group fires when every one of its strings occurs (case-sensitive).
            "snippet": _opt([_SNIPPET]),
            # Groups that are too weak to detect alone but say "this is this vendor" next to a URL.
            "globals": _opt("str[]"),
            # Attributes that make a <script> element the vendor's tag whatever its src (Dynatrace's
            # data-dtconfig on monitoring code served from a path the site chose).
            "script_attributes": _opt("str[]"),
            # Extra literals for the prefilter, e.g. a first-party path the URL regexes describe.
            "needles": _opt("str[]"),
            # Google Tag Manager built-in tag types for this vendor (Hotjar: "hjtc").
            "gtm_tag_types": _opt("str[]"),
        }
    ),
    "storage_keys": _opt("str[]"),
    "sdk": _opt(
        {
            "packages": _opt("str[]"),
            "init_calls": _opt("str[]"),
            # Wrapper/plugin packages that start the recorder once registered: named in a framework
            # config (Gatsby/Docusaurus `plugins`, Nuxt `modules`, `resolve:`) or their import
            # passed to `app.use(X)` / called as `X.forRoot(…)`.
            "plugins": _opt("str[]"),
            # JSX components of the vendor's packages that start it on render: "Name", or
            # "Name[prop]" when only that prop makes it start (PostHogProvider[apiKey]).
            "components": _opt("str[]"),
            "bundle_strings": _opt("str[]"),
            # Strings of the SDK's core, present also in a build without its recorder
            # (@datadog/browser-rum-slim): with these and no bundle_strings, a start records nothing.
            "core_strings": _opt("str[]"),
            # How the start call looks once a bundler has renamed it (analyzer/parse/jsshapes.py):
            # "*.init({applicationId,clientToken})", "*({dsn})", "new *({projectKey})".
            "bundle_calls": _opt("call[]"),
            # Calls elsewhere in the code that turn replay on (a plugin added apart from the start).
            "bundle_replay": _opt("call[]"),
            # Method names of the SDK's client object that its package exports one by one
            # (`export var add = client.add, init = client.init, …`): a bundle keeps them as
            # aliases read off one object (`var pf=pe.add,hf=pe.init,…`), so a call of the alias of
            # its init (`hf(key, {…})`) is the start when that object's other aliases name at least
            # three of these (jsdetect: Detector._client_inits).
            "bundle_client": _opt("str[]"),
            # Strings of the replay integration's own code (Sentry's constructor message), for an SDK
            # whose replay is an integration the init may leave out (``integrations_option``): an
            # init without that option records only once the app builds the integration, which is
            # then the start (Sentry.addIntegration(replayIntegration()) after consent).
            "integration_strings": _opt("str[]"),
            "integrations_option": _opt(str),
            # Vendor ids of recorder libraries this SDK ships inside it (PostHog, Mixpanel, Sentry
            # embed rrweb): in the same code, their strings are this vendor's, not a recorder of their own.
            "embeds": _opt("str[]"),
            "identify_calls": _opt("str[]"),
            # Options naming the project or site the start reports to (OpenReplay's projectKey): a
            # start that sets one to an empty string was never configured and records nothing.
            "id_options": _opt("str[]"),
            "replay_options": _opt("str[]"),
            "disable_options": _opt("str[]"),
            "consent_switches": _opt("str[]"),
            # Whether an init without any replay option records: "on", "off", or "settings" (a
            # dashboard decides). Defaults: "on" for session-replay/heatmap, "settings" for add-ons.
            "replay_default": _opt(str, ("on", "off", "settings")),
            # Vendor-side switches that hold recording back until a release call (FullStory
            # _fs_capture_on_startup=false + FS('start')): a gate only where the release is guarded.
            "hold": _opt([{"switch": _req(str), "value": _req(str), "release": _req("str[]"), "bundle_release": _opt("call[]")}]),
            # Init options that hold recording back when each is ``value`` or left out (Sentry: both
            # replay sample rates 0): the start is then a release method (``release``) called on the
            # instance the SDK records with, made by one of ``instance`` (``Sentry.replayIntegration``,
            # ``getIntegrationByName('Replay')``; written with an object, that object is the SDK's import or
            # global) or, in a bundle, by code holding one of ``instance_strings`` (default: the SDK's
            # ``integration_strings``, the replay integration's own code). ``instance_options``:
            # options of an instance call that set what the init's options do (Sentry 7's
            # new Replay({sessionSampleRate})); at any other value, or behind a spread, nothing is held.
            "init_hold": _opt(
                [
                    {
                        "options": _req("str[]"),
                        "value": _req(str),
                        "instance": _req("str[]"),
                        "instance_strings": _opt("str[]"),
                        "instance_options": _opt("str[]"),
                        "release": _req("str[]"),
                    }
                ]
            ),
        }
    ),
    "masking": _opt(
        {
            "default": _req(str, MASKING_DEFAULTS),
            "summary": _req(str),
            # by-type: input types the vendor masks by default (beyond password, always masked).
            "masked_types": _opt("str[]"),
            # autocomplete tokens the vendor masks by default (Highlight, Datadog key on them).
            "masked_autocomplete": _opt("str[]"),
            # Words that, found in any attribute value of a field, make the vendor mask or
            # exclude it (Clarity: password, secret, pass, social, ssn, code, hidden).
            "masked_attribute_words": _opt("str[]"),
            # Attributes whose values those words are not looked for in (Clarity: class, style),
            # and input types the word rule does not apply to (Clarity: radio, checkbox, range).
            "attribute_words_ignore": _opt("str[]"),
            "attribute_words_exempt": _opt("str[]"),
            # Controls whose state (choice) is recorded even when typed text is masked.
            "unmasked_controls": _opt("str[]"),
            "mask_attributes": _opt("str[]"),
            "mask_classes": _opt("str[]"),
            "block_attributes": _opt("str[]"),
            "block_classes": _opt("str[]"),
            "unmask_attributes": _opt("str[]"),
            "unmask_classes": _opt("str[]"),
            # Whether an unmask attribute or class applies to the element only or to everything
            # inside it (a form, a page): "subtree" makes one marker on a container unmask its fields.
            "unmask_scope": _opt(str, ("element", "subtree")),
            "fix": _opt(str),
            "options": _opt("str[]"),
            # Page text (values a template or component prints, not typed input): what the
            # vendor captures by default, which kinds of value it scrubs from text anyway, the
            # attributes and classes that mask an element's text, and init options that change it.
            "text": _opt(
                {
                    "default": _req(str, TEXT_DEFAULTS),
                    "summary": _req(str),
                    "sources": _req("str[]"),
                    # "verified": the default and the markers come from the vendor's docs or SDK
                    # source; otherwise they are a secondary source's or an inference (summary says).
                    "verified": _req(bool),
                    "scrubbed": _opt("str[]", VALUE_KINDS),
                    "mask_attributes": _opt("str[]"),
                    "mask_classes": _opt("str[]"),
                    "fix": _req(str),
                    "option": _opt([{"match": _req(str), "effect": _req(str, TEXT_DEFAULTS), "note": _req(str)}]),
                }
            ),
            # How to keep the recorder off a page or section (a sensitive page's visit).
            "page_exclusion": _opt(str),
            # Init options visible in code that change the default: "match" is searched
            # (whitespace removed, quotes made ') in the vendor's init-call arguments or, for
            # globals such as window.mouseflowDisableKeyLogging = true, in the page's code.
            "option": _opt(
                [
                    {
                        "match": _req(str),
                        "effect": _req(str, ("all-inputs", "keystrokes-suppressed", "password-only", "none")),
                        "note": _req(str),
                    }
                ]
            ),
        }
    ),
    "consent": _opt({"summary": _req(str), "switches": _opt("str[]")}),
    # How a privacy or cookie policy names the vendor (analyzer/facts/disclosure.py). storage_keys count too.
    "disclosure": _opt(
        {
            "names": _req("str[]"),  # product and brand names, matched case-insensitively as words
            "names_cased": _opt("str[]"),  # names that are also common words: matched case-sensitively
            "former_names": _opt("str[]"),
            "domains": _opt("str[]"),  # a URL or link on one of these (or a subdomain) names the vendor
            "cookies": _opt("str[]"),  # cookie / storage names seen in policies beyond storage_keys
            "cookies_source": _opt(str),
            "weak_cookies": _opt("str[]"),  # storage keys too short or shared to name the vendor alone
            # Self-hosted recorders (rrweb): naming session recording itself is the disclosure.
            "self_hosted": _opt(bool),
            "sources": _req("str[]"),
            "notes": _opt("str[]"),
            "entity": _opt(
                [
                    {
                        "name": _req(str),
                        "match": _req("str[]"),
                        "country": _opt(str),
                        "status": _req(str, ("verified", "secondary", "unverified")),
                        "source": _req(str),
                        # The entity also runs unrelated services (Microsoft Corporation): naming it
                        # does not name this vendor, so it is kept for messages only.
                        "shared": _opt(bool),
                    }
                ]
            ),
        }
    ),
    # What stops a running recorder when consent is refused or withdrawn (analyzer/facts/withdrawal.py).
    "withdrawal": _opt(
        {
            # Calls that stop it or opt the visitor out, compared like [masking.option] matches
            # (whitespace removed, quotes made '), case-insensitively.
            "calls": _req("text[]"),
            # No stop API: a page reload after withdrawal is the way (the start is consent-checked).
            "reload": _req(bool),
            "summary": _req(str),
            "sources": _req("str[]"),
        }
    ),
    "notes": _opt("str[]"),
}

_ATTR_MATCH = {"attr": _opt(str), "class": _opt(str), "value": _opt(str)}
_LOADER = {
    "name": _opt(str),
    "hosts": _opt("str[]"),
    "urls": _opt("regex[]"),
    "snippet": _opt([_SNIPPET]),
    # The loader is an auto-blocker always, or only when one of these attributes has one of its values.
    "autoblock": _opt(bool),
    "autoblock_when": _opt([_ATTR_MATCH]),
    "exempt_loader_when": _opt([_ATTR_MATCH]),
}

CMP_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "id": _req(str),
    "name": _req(str),
    "sources": _req("str[]"),
    "loader": _opt([_LOADER]),
    "markup": _opt(
        {
            # Manual blocking works only with an inert type (text/plain…); false for CMPs whose markup
            # keeps the script executable and relies on the loader intercepting it (CookieYes).
            "inert_type_required": _req(bool),
            "category_attributes": _opt("str[]"),
            "category_class_prefixes": _opt("str[]"),
            # Attributes or classes that must also be present for this CMP's markup to count.
            "markers": _opt([_ATTR_MATCH]),
            "value_model": _req(str, ("category", "service", "purpose")),
            "separators": _opt("str[]"),
            "analytics_values": _opt("str[]"),
            "necessary_values": _opt("str[]"),
            "other_values": _opt("str[]"),
            "negation_prefix": _opt(str),
            "src_attributes": _opt("str[]"),
            "exempt": _opt([_ATTR_MATCH]),
            # A class or attribute that by itself has the CMP release an inert element on
            # consent when no category is named (iubenda's _iub_cs_activate without data-iub-purposes).
            "activators": _opt([_ATTR_MATCH]),
            "fix": _req(str),
        }
    ),
    # "google-only": the mechanism holds back Google tags only (Consent Mode) and never gates a recorder.
    "gates": _opt(str, ("any-vendor", "google-only")),
    # The site's configuration object, read where the page holds it or loads it, so the markup verdict
    # knows when the consent manager runs a category or service without consent (analyzer/facts/cmp_config.py).
    # The entry's own flags are the [js] category_flags whose status is "ungated".
    "config": _opt(
        {
            "needles": _req("str[]"),  # a script is read only when it holds one of these literals
            "calls": _opt("str[]"),  # the configuration is the first argument of these calls ("CookieConsent.run")
            "names": _opt("str[]"),  # ... or the object declared or assigned to these names ("klaroConfig")
            # Where the object of a markup value is: dot path, "*" any key or array element, "{value}" the key that
            # is the value; "path@key": the object reached whose `key` string is the value ("services.*@name").
            "entries": _req("str[]"),
            "inherited": _opt("str[]"),  # entry flags the whole configuration sets for entries that leave them out
            "mode": _opt(
                [
                    {
                        "option": _req(str),  # "key=value" on the whole configuration ("mode=opt-out")
                        "flag": _req(str),  # "key=value" on the entry ("enabled=true")
                        "status": _req(str, ("ungated", "unverifiable")),
                        "why": _req(str),  # what the consent manager then does, in plain words
                    }
                ]
            ),
            "sources": _req("str[]"),  # where the behaviour is documented or coded
        }
    ),
    "js": _opt(
        {
            "analytics_checks": _opt("str[]"),
            # Checks that name one service ("‹service›"), each read once per name of service_names (the recorders'
            # service names as the CMP lists them): getServicesBaseInfo().find(‹x›=>‹x›.name===‹service›)….
            "service_checks": _opt("str[]"),
            "service_names": _opt("str[]"),
            # Reads of the visitor's choices for every service, refused ones too ("a+b": both present,
            # getServicesBaseInfo()+consent.status): a condition holding one that no check ties to a recorder is
            # consent naming no category (unverifiable).
            "consent_reads": _opt("str[]"),
            "generic_events": _opt("str[]"),
            "api_needles": _opt("str[]"),
            "fail_open": _opt("str[]"),
            # Conditions in server templates that read consent ("a+b": both words present).
            "server_checks": _opt("str[]"),
            # Conditions in server templates that read the visitor's consent choice without naming a
            # category ("a+b": both words present): a recorder rendered only under one is unverifiable.
            "server_consent_words": _opt("str[]"),
            # Words that make a condition a consent check with no category named ("choice ===
            # 'accepted'", "cookieConsent"): such a guard is reported unverifiable, not gated.
            "consent_words": _opt("str[]"),
            # Calls that answer with the visitor's consent only under plugin settings outside the
            # file (a notice in opt-in mode) and load without it under others (notice off, opt-out,
            # a per-tool override): a start reached only through one is unverifiable, never gated.
            "settings_checks": _opt("str[]"),
            # Cookies that list every category with its state, refused ones too (OneTrust's OptanonConsent:
            # "groups=C0001:1,C0002:0"): a category's name found in one is no check, only its granted state is.
            "state_cookies": _opt("str[]"),
            # How such a cookie writes a category's granted state after its name (OneTrust ":1", and "%3A1" as
            # document.cookie holds it URL-encoded): only the category with one of these is a check.
            "granted_states": _opt("str[]"),
            # Cookies and localStorage keys that keep the visitor's choice of one category, refusals too, as
            # "key=granted value" (Complianz "cmplz_statistics=allow", Silktide "silktideCookieChoice_analytics=true"):
            # the key read bare, or found in document.cookie, holds on refusal; only its granted value is a check.
            "stored_choices": _opt("str[]"),
            # Tag-manager events fired per consent category, as "event:category"
            # (Cookiebot pushes cookie_consent_statistics when statistics is accepted).
            "category_events": _opt("str[]"),
            # Callbacks a CMP calls when one consent type is accepted: "callback:key=value" (the
            # function under `callback` in the object whose `key` is `value`: Silktide
            # "onAccept:id=analytics") or "callback:categories.{category}.services.*=analytics"
            # (the category is an enclosing key: CookieConsent v3 services).
            "category_callbacks": _opt("str[]"),
            # Flags on the category object that make its callback no gate, "flag=value:status"
            # (Silktide "required=true:ungated", "defaultValue=true:unverifiable").
            "category_flags": _opt("str[]"),
            # The library's functions as a bundle renames them: "name = shape", the shape being the
            # function's text with local names made _ (analyzer/jsshapes.function_shape), so a
            # renamed acceptedCategory('analytics') is still this CMP's check.
            "bundled_api": _opt("api[]"),
            # Callbacks that receive the visitor's consent as an argument, "key:index:sibling" (Klaro's
            # service callback(consent, service) in an object with purposes: "callback:0:purposes"):
            # that argument reads as "consent", only in an object that has the sibling key.
            "consent_parameters": _opt("str[]"),
            # A consent call that counts as an analytics check only under the options object of the
            # library's init call (cookieconsent 3's popup.hasConsented() is analytics consent only when
            # the banner is opt-in and nothing but its Allow button can set "consented"): see OptionGate.
            "option_gate": _opt(
                {
                    "method": _req(str),  # the consent method, called with no argument
                    "calls": _req("str[]"),  # init calls whose first argument is the options ("cookieconsent.initialise")
                    "callbacks": _opt("str[]"),  # option keys whose function runs with `this` = the popup
                    "complete_argument": _opt(int),  # the init call's argument that receives the popup as its first parameter
                    "require": _req("str[]"),  # "key=value": the option is that string literal
                    "false_or_absent": _opt("str[]"),  # options that must be absent or false (auto-dismiss)
                    "absent": _opt("str[]"),  # options that must be absent (templates that could add a dismiss control)
                    "one_of": _opt("str[]"),  # "key=a|b": absent or one of these string literals
                    "forbidden_text": _opt("str[]"),  # text the options object must not hold (a dismiss class in content HTML)
                    "why": _req(str),  # what the check means when the options prove it
                }
            ),
            # Callbacks that receive the visitor's choice as a status string (cookieconsent 3's
            # onInitialise(status) / onStatusChange(status)): a comparison with a consenting status is a
            # check, the bare argument or any other status is not. See StatusParameter.
            "status_parameter": _opt(
                {
                    "callbacks": _req("str[]"),  # option keys whose function receives the status
                    "index": _opt(int),  # which argument is the status (default 0)
                    "calls": _req("str[]"),  # init calls whose first argument is the options object
                    "granted": _req("str[]"),  # statuses that mean consent ("allow")
                    "refused": _opt("str[]"),  # statuses that mean refusal ("deny")
                    "constants": _opt("str[]"),  # "path=status": the library's constants ("cookieconsent.status.allow=allow")
                    "why": _req(str),  # what the granted status means
                }
            ),
            # How code starts a recorder only after this CMP's analytics consent, for fixes
            # ("if (Cookiebot.consent.statistics) {…}"). CMPs with one are the examples a fix cites.
            "example": _opt(str),
        }
    ),
    "notes": _opt("str[]"),
}


LEGAL_SCHEMA: dict[str, Field] = {
    "schema": _opt(int),
    "authority": _req(
        [
            {
                "id": _req(str),
                "name": _req(str),
                "jurisdiction": _req(str),
                "instrument": _opt(str),
                "summary": _req(str),
                "url": _req(str),
                # recorder: loads before consent; fields: special-category field recorded; disclosure:
                # recorder not named in the policies; legal-basis: legitimate interest or necessary
                # filing for recording; withdrawal: nothing stops it when consent is withdrawn.
                "applies_to": _req("str[]", ("recorder", "fields", "disclosure", "legal-basis", "withdrawal")),
                "verified": _opt(bool),
            }
        ]
    ),
}


# The field categories, most sensitive first: when a field hits several, the earlier one is
# reported (lexicon.classify walks them in this order).
FIELD_CATEGORIES = (
    "health",
    "genetic",
    "biometric",
    "sex-life",
    "racial-ethnic",
    "religion",
    "political",
    "union",
    "government-id",
    "financial",
    "credentials",
    "contact",
)
LANGUAGES = ("en", "de", "fr", "it", "es", "nl", "pt", "pl", "cs", "sv", "da", "ru")
_TERMS = {"strong": _opt("str[]"), "weak": _opt("str[]"), "exclude": _opt("str[]"), "topic": _opt("str[]"), "page": _opt("str[]")}

FIELD_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "id": _req(str, FIELD_CATEGORIES),
    "label": _req(str),
    # true for GDPR Art. 9 special categories: consent to recording never covers them.
    "art9": _req(bool),
    "sources": _req("str[]"),
    # Tokens of the HTML autocomplete attribute that put a field in this category.
    "autocomplete": _opt("str[]"),
    # Input types that put a field in this category (password -> credentials).
    "input_types": _opt("str[]"),
    # The data is a value typed in (an identifier, a password): a choice (select, radio, checkbox) never holds it.
    "typed_only": _opt(bool),
    # A consent checkbox that names this category's data by a strong word records that data (a DNA sample
    # or a biometric template exists because the person consented to give it).
    "consent_is_data": _opt(bool),
    # Per language: strong terms decide alone; weak terms need a second clue; exclude phrases
    # cancel the category for a field ("terms and conditions" is not a health condition).
    # topic: words in a page title, heading, legend, form name or URL path that put the form in
    # this category (with the strong terms); page: words that make visiting the page itself
    # special-category data (a clinic's HIV-testing booking page), read in paths, titles and h1.
    "terms": _req({lang: _opt(_TERMS) for lang in LANGUAGES}),
    "notes": _opt("str[]"),
}


_PAGE_LANG = {
    key: _opt("str[]" if key in ("attested",) else "text[]")
    for key in (
        "privacy_paths",
        "privacy_titles",
        "cookie_paths",
        "cookie_titles",
        "subprocessor_paths",
        "subprocessor_titles",
        "attested",
    )
}
_PAGE_LANG["status"] = _opt(str)

POLICY_PAGES_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "sources": _req("str[]"),
    "lang": _req({lang: _req(_PAGE_LANG) for lang in LANGUAGES}),
    # Consent managers' cookie-declaration embeds: every string of one group present = an embed.
    "embed": _opt(
        [
            {
                "cmp": _req(str),
                "kind": _req(str, ("privacy", "cookie", "subprocessors")),
                "groups": _req("str[][]"),
                "markup": _req(str),
                "attested": _opt("str[]"),
                "status": _req(str),
            }
        ]
    ),
}

_BASIS_LANG = {
    "legitimate_interest": _req("pattern[]"),
    "consent": _req("str[]"),
    "recording": _req("str[]"),
    "analytics": _req("str[]"),
    "other_purposes": _req("str[]"),
    "negations": _req("str[]"),
    "attested": _opt("str[]"),
    "status": _opt(str),
}

LEGAL_BASIS_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "sources": _req("str[]"),
    "li_citations": _req("pattern[]"),
    "lang": _req({lang: _req(_BASIS_LANG) for lang in LANGUAGES}),
    "analytics_products": _req({"names": _req("str[]"), "sources": _req("str[]"), "notes": _opt("str[]")}),
    "config": _req(
        {
            "li_keys": _req("str[]"),
            "basis_keys": _req("str[]"),
            "always_on_categories": _req("str[]"),
            "sources": _req("str[]"),
        }
    ),
}

# signatures/field_context.toml: words about a control's role (free text, follow-up, lookup, answers).
FIELD_CONTEXT_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "free_text": _req("str[]"),
    "follow_up": _req("str[]"),
    "shown_if": _opt("str[]"),
    "lookup": _req("str[]"),
    "answers": _req("str[]"),
    "subjects": _req("str[]"),
    "seeking": _req("str[]"),
    "sexes": _req("str[]"),
    "either": _req("str[]"),
    "membership_topics": _opt("str[]"),
    "symptom_topics": _opt("str[]"),
    "frequency": _opt("str[]"),
    "habit_category": _opt(str),
    "habits": _opt("str[]"),
    "habit_asking": _opt("str[]"),
    "habit_frequency": _opt("str[]"),
    "habits_not": _opt("str[]"),
    "finding_normal": _opt("str[]"),
    "finding_abnormal": _opt("str[]"),
    "care_alone": _opt("str[]"),
    "care_helped": _opt("str[]"),
    "membership": _opt("str[]"),
    "membership_not": _opt("str[]"),
    "free_text_not": _opt("str[]"),
    "adherence": _opt("str[]"),
    "identity": _opt("str[]"),
    "requests": _opt("str[]"),
    "occupation": _opt("str[]"),
    "patient_roles": _opt("str[]"),
    "care_roles": _opt("str[]"),
    "care_contacts": _opt("str[]"),
    "care_providers": _opt("str[]"),
    "care_provider_fillers": _opt("str[]"),
    "care_providers_in_choices": _opt("str[]"),
    "care_provider_filters": _opt("str[]"),
    "care_topics": _opt("str[]"),
    "sizes": _opt("str[]"),
    "account_roles": _opt("str[]"),
    "opinion_topics": _opt("str[]"),
    "opinion_pages": _opt("str[]"),
    "addressed": _opt("str[]"),
    "statement_readings": _opt("str[]"),
    "opinion": _opt("str[]"),
    "criminal_record": _opt("str[]"),
    "referral": _opt("str[]"),
    "animal_care": _opt("str[]"),
    "animal_practice": _opt("str[]"),
    "animal_care_not": _opt("str[]"),
    "animal_questions": _opt("str[]"),
    "animal_questions_not": _opt("str[]"),
    "animal_questions_alone": _opt("str[]"),
    "family_topics": _opt("str[]"),
    "relatives": _opt("str[]"),
    "relatives_also": _opt("str[]"),
    "title_classes": _opt("str[]"),
    "title_class_endings": _opt("str[]"),
    "title_holders": _opt("str[]"),
}

# signatures/field_inflection.toml: per language, how a word's end changes ("a > a e"), applied to the
# terms of signatures/fields/ written without "*" and at least ``min`` letters long.
FIELD_INFLECTION_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "notes": _opt("str[]"),
    "lang": _req(
        {lang: _opt({"min": _req(int), "rules": _req("str[]"), "stems": _opt("str[]"), "notes": _opt("str[]")}) for lang in LANGUAGES}
    ),
}

_ART9 = ("health", "genetic", "biometric", "racial-ethnic", "political", "religion", "union", "sex-life")
# signatures/field_sections.toml: headings of special-category record sections (per category), of the
# person's own data, and controls that ask who the person is.
FIELD_SECTIONS_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "record": _req(
        {cat: _opt("str[]") for cat in ("health", "genetic", "biometric", "racial-ethnic", "political", "religion", "union", "sex-life")}
    ),
    "personal": _req("str[]"),
    "person": _req("str[]"),
    "bare": _req("str[]"),
    "event_age": _opt("str[]"),
    "date_parts": _opt("str[]"),
    "facility": _opt("str[]"),
    "processing": _opt("str[]"),
}


SCRIPT_TYPES_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "executable": _req("text[]"),  # "" (no type attribute) is one of them
    "data": _req("str[]"),
    "runs_anyway": _opt([{"type": _req(str), "by": _req(str)}]),
    "inline": _opt({"injection_clues": _opt("str[]")}),
    "templates": _opt({"include_helpers": _opt("str[]")}),
    # "in": where the method must stand to be the hook: "subclass" (a method of a class that extends
    # a base: React's render), or decorator names (Angular's @Injectable class constructor).
    "lifecycle_hook": _opt([{"names": _req("str[]"), "framework": _req(str), "runs": _req(str), "in": _opt("str[]")}]),
    "consent_trigger": _opt([{"call": _req(str), "option": _req(str)}]),
    "entry_export": _opt(
        [
            {
                "framework": _req(str),
                "runs": _req(str),
                "folders": _req("str[]"),
                "files": _opt("str[]"),
                "exports": _opt("str[]"),
                "not_in_name": _opt("str[]"),
                "params": _req("str[]"),
                "keys": _req("str[]"),
            }
        ]
    ),
    "consent_record": _opt(
        {key: _req("str[]") for key in ("readers", "writers", "user_events", "handler_props", "consent_words", "not_words")}
    ),
    "code": _opt(
        {
            key: _opt("str[]")
            for key in (
                "injectors",
                "evaluators",
                "script_text",
                "plugin_keys",
                "plugin_register",
                "plugin_use",
                "head_lists",
                "head_tag_keys",
                "head_attr_keys",
                "element_factories",
                "stores",
                "member_tables",
                "value_token_brackets",
                "html_runners",
                "markup_keys",
                "placeholder_ids",
                "placeholder_numbers",
            )
        }
    ),
}

TAG_MANAGERS_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "manager": _req([{"id": _req(str), "name": _req(str), "urls": _req("regex[]"), "snippet": _req("str[]"), "export": _req(str)}]),
}

# ui_components.toml [jsx_bindings]: the keys read as sets of names, and those whose order counts.
JSX_BINDING_SETS = (
    "values",
    "handlers",
    "generic",
    "label_objects",
    "identifier_values",
    "text_props",
    "slots",
    "slot_parents",
    "control_props",
    "label_props",
    "id_props",
    "name_props",
    "error_props",
    "error_objects",
    "identity_keys",
    "view_state_names",
    "answer_handlers_not",
    "answer_handler_verbs",
    "element_builders",
    "element_text_props",
    "element_attr_groups",
    "dom_creators",
    "dom_documents",
    "dom_text_props",
    "dom_child_methods",
    "dom_text_nodes",
    "dom_queries",
    "dom_query_text",
    "dom_markup",
    "dom_attribute_methods",
    "styled_factories",
    "styled_chains",
    "component_classes",
    "register_calls",
)
JSX_BINDING_LISTS = (
    "choice_props",
    "section_title_props",
    "name_qualifiers",
    "name_endings",
    "choice_keys",
    "choice_key_prefixes",
    "groups",
    "type_props",
    "option_props",
    "click_props",
    "selection_props",
    "toggle_states",
    "toggle_box_roles",
    "icon_packages",
    "template_clicks",
    "template_selections",
    "template_loops",
    "answer_clicks",
)
# ui_components.toml [field_lists]: the keys of a field definition, and the controls a definition's type names.
FIELD_LIST_KEYS = (
    "list_names",
    "name_keys",
    "label_keys",
    "settings_keys",
    "type_keys",
    "option_keys",
    "option_text_keys",
    "title_keys",
    "form_keys",
    "not_form_keys",
    "display_keys",
    "follow_up_keys",
    "generic_holders",
    "container_keys",
    "list_name_words",
    "answer_keys",
    "not_control_types",
    "section_types",
    "matrix_types",
    "row_keys",
    "column_keys",
    "row_value_keys",
    "question_keys",
    "quiz_keys",
)
FIELD_LIST_TYPES = ("input", "select", "textarea", "checkbox", "radio")
# The control groups Tapestry's and docassemble's types are written under (the keys of signatures.CONTROL_GROUPS).
CONTROL_GROUP_NAMES = ("input", "password", "textarea", "select", "checkbox", "radio")

UI_COMPONENTS_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "component": _req([{"names": _req("str[]"), "tag": _req(str), "type": _opt(str), "label_prop": _opt(str)}]),
    "component_suffix": _opt(
        [{"suffixes": _req("str[]"), "tag": _req(str), "type": _opt(str), "label_props": _req("str[]"), "name_only": _opt(bool)}]
    ),
    # for_prop: the attribute that names the control a label is for (asp:Label's AssociatedControlID);
    # key_prop: the attribute holding a message key, whose words are the text when label_prop gives none;
    # id_prop: the attribute whose value the rendered control takes as its id (PrimeNG's and PrimeVue's inputId).
    "template_component": _opt(
        [
            {
                "names": _req("str[]"),
                "tag": _req(str),
                "type": _opt(str),
                "label_prop": _opt(str),
                "for_prop": _opt(str),
                "key_prop": _opt(str),
                "id_prop": _opt(str),
            }
        ]
    ),
    "bindings": _opt(
        {
            "attributes": _opt("str[]"),
            "prefixes": _opt("str[]"),
            "expressions": _opt("str[]"),
            "labels": _opt("str[]"),
            "one_way": _opt("str[]"),
            "update_events": _opt("str[]"),
        }
    ),
    "jsx_bindings": _opt({k: _opt("str[]") for k in (*JSX_BINDING_SETS, *JSX_BINDING_LISTS)}),
    "translation": _opt(
        {
            "calls": _req("str[]"),
            "pipes": _opt("str[]"),
            "hooks": _opt("str[]"),
            "domain_calls": _opt("str[]"),
            "store_reads": _opt("str[]"),
        }
    ),
    "taglib": _opt([{"uri": _req(str), "prefix": _req(str)}]),
    "template_wrapper": _opt([{"names": _req("str[]"), "label_prop": _opt(str), "label_child": _opt("str[]")}]),
    # forms built from a list of field definitions (analyzer/facts/fieldlists.py)
    "field_lists": _opt(
        {
            **{k: _req("str[]") for k in FIELD_LIST_KEYS},
            "types": _req({t: _req("str[]") for t in FIELD_LIST_TYPES}),
        }
    ),
    # docassemble interviews (analyzer/parse/docassemble.py)
    "docassemble": _opt(
        {
            "modifiers": _req("str[]"),
            "not_fields": _req("str[]"),
            "skipped": _req("str[]"),
            "yes_no": _req("str[]"),
            "types": _req({t: _req("str[]") for t in CONTROL_GROUP_NAMES}),
        }
    ),
    # Flutter's form widgets in Dart screens (analyzer/parse/flutter.py): the control each renders ("input",
    # "input:checkbox", "select"…), the widgets that show a text, and those whose title heads the screen
    "flutter": _opt(
        {
            "controls": _req("str{}"),
            "texts": _req("str[]"),
            "headings": _req("str[]"),
            "bound_labels": _req("str[]"),
            "bound_handlers": _req("str[]"),
            "decoration_labels": _req("str[]"),
            "labels": _req("str[]"),
            "placeholders": _req("str[]"),
            "choices": _req("str[]"),
            "names": _req("str[]"),
            "bindings": _req("str[]"),
            "keyboards": _req("str{}"),
            "translations": _req("str[]"),
            "lookups": _req("str[]"),
        }
    ),
    # Apache Tapestry's form components in .tml templates (analyzer/facts/tapestry.py)
    "tapestry": _opt(
        {
            "suffixes": _req("str[]"),
            "namespaces": _req("str[]"),
            "groups": _req("str[]"),
            "labels": _req("str[]"),
            "forms": _req("str[]"),
            "types": _req({t: _req("str[]") for t in CONTROL_GROUP_NAMES}),
        }
    ),
}


# signatures/form_helpers.toml (analyzer/parse/form_helpers.py): server-side form helpers in templates.
FORM_HELPERS_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "helper": _req(
        [
            {
                "dialects": _opt("str[]"),
                "files": _opt("str[]"),
                "calls": _opt(str),
                "pattern": _opt(str),
                "patterns": _opt("str[]"),  # several shapes of one call (a label before or after the name), alike else
                "renders": _req("str{}"),
                "choices": _opt(str),
                "choices_member": _opt(str),
                "choice_kinds": _opt("str[]"),
            }
        ]
    ),
    "model_fields": _opt({"renders": _req("str{}"), "relations": _req("str[]"), "widgets": _opt("str{}")}),
    "view_models": _opt(
        {
            "directive": _req(str),
            "named": _req("str[]"),
            "first_string": _req("str[]"),
            "resource": _req(str),
            "build_dirs": _opt("str[]"),
        }
    ),
    # Symfony's form types as their templates print their fields (analyzer/parse/symfony_forms.py): patterns.
    "form_types": _opt(
        {
            "dialects": _req("str[]"),
            "files": _req("str[]"),
            "marker": _req(str),
            "class": _req(str),
            "embeds": _req(str),
            "label_format": _req(str),
            "references": _req(str),
            "controls": _req(str),
        }
    ),
}


# signatures/code_data.toml (analyzer/consent/code_data.py): hooks that run a snippet held as data on every page.
CODE_DATA_SCHEMA: dict[str, Field] = {
    "schema": _req(int),
    "hook": _opt(
        [
            {
                "lang": _req(str, ("php", "python", "ruby")),
                "framework": _req(str),
                "name_suffixes": _req("str[]"),
                "extends": _opt("str[]"),
                "runs": _req(str),
                "sources": _req("str[]"),
            }
        ]
    ),
    "registered": _opt(
        [
            {
                "lang": _req(str, ("php",)),
                "framework": _req(str),
                "calls": _req("str[]"),
                "hooks": _req("str[]"),
                "runs": _req(str),
                "sources": _req("str[]"),
            }
        ]
    ),
    "script_app": _opt(
        [{"lang": _req(str, ("python",)), "framework": _req(str), "imports": _req("str[]"), "runs": _req(str), "sources": _req("str[]")}]
    ),
    "consent_words": _req("str[]"),
}


def validate(data: Any, schema: dict[str, Field], where: str) -> None:
    """Raise :class:`SignatureError` naming ``where`` and the dotted key for the first mismatch."""
    if not isinstance(data, dict):
        raise SignatureError(f"{where}: expected a table")
    for key in data:
        if key not in schema:
            raise SignatureError(f"{where}: unknown key '{key}'")
    for key, field in schema.items():
        if key not in data:
            if field.required:
                raise SignatureError(f"{where}: missing required key '{key}'")
            continue
        _check(data[key], field, f"{where}: {key}" if ": " not in where else f"{where}.{key}")


def _check(value: Any, field: Field, where: str) -> None:
    kind = field.kind
    if isinstance(kind, dict):
        validate(value, kind, where)
    elif isinstance(kind, list):
        if not isinstance(value, list):
            raise SignatureError(f"{where}: expected an array of tables")
        for i, item in enumerate(value):
            validate(item, kind[0], f"{where}[{i}]")
    elif kind == "text[]":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SignatureError(f"{where}: expected a list of strings")
    elif kind in ("call[]", "api[]"):
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise SignatureError(f"{where}: expected a list of non-empty strings")
        for v in value:
            _check_shape(v, kind, where)
    elif kind in ("str[]", "regex[]", "pattern[]"):
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise SignatureError(f"{where}: expected a list of non-empty strings")
        for v in value:
            _check_choice(v, field, where)
            if kind == "regex[]":
                _check_regex(v, where)
            elif kind == "pattern[]":
                _check_regex(v, where, literal=False)
    elif kind == "str{}":
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and v for k, v in value.items()):
            raise SignatureError(f"{where}: expected a table of non-empty strings")
    elif kind == "str[][]":
        if not isinstance(value, list) or not all(isinstance(g, list) and g and all(isinstance(v, str) and v for v in g) for g in value):
            raise SignatureError(f"{where}: expected a list of non-empty lists of non-empty strings")
    elif kind is bool or kind is int or kind is float or kind is str:
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise SignatureError(f"{where}: expected {kind.__name__}, got {type(value).__name__}")
        if kind is str and isinstance(value, str):
            _check_choice(value, field, where)
    else:  # pragma: no cover - schema authoring error
        raise TypeError(kind)


def _check_shape(value: str, kind: str, where: str) -> None:
    from analyzer.parse.jsshapes import ShapeError, parse_call

    if kind == "api[]":
        name, sep, shape = value.partition("=")
        if not sep or not name.strip().isidentifier() or not shape.strip():
            raise SignatureError(f"{where}: {value!r} is not 'name = function shape'")
        return
    try:
        parse_call(value)
    except ShapeError as exc:
        raise SignatureError(f"{where}: {exc}") from None


def _check_choice(value: str, field: Field, where: str) -> None:
    if field.choices is not None and value not in field.choices:
        allowed = ", ".join(sorted(field.choices))
        raise SignatureError(f"{where}: '{value}' is not one of: {allowed}")


def _check_regex(pattern: str, where: str, literal: bool = True) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise SignatureError(f"{where}: invalid regex {pattern!r}: {exc}") from None
    # Signature regexes run over URLs and whole inline scripts, and re has no time limit: an
    # ambiguous one (nested or overlapping repeats) can hang a scan on a 40-character URL.
    risk = redos.problem(pattern)
    if risk:
        raise SignatureError(f"{where}: regex {pattern!r} {risk} (ReDoS risk)")
    if literal and len(regex_literal(pattern)) < 4:
        raise SignatureError(f"{where}: regex {pattern!r} needs a literal run of 4+ characters for the prefilter")


def regex_literal(pattern: str) -> str:
    """The longest run of plain characters that every match of ``pattern`` contains.

    Only runs outside groups count (a group may be optional or an alternation); a top-level ``|``
    means no run is required, so the result is empty and the schema rejects the pattern.
    """
    runs: list[str] = []
    current: list[str] = []
    depth = 0
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            if depth == 0 and not pattern[i + 1].isalnum():
                current.append(pattern[i + 1])
            else:
                runs.append("".join(current))
                current = []
            i += 2
            continue
        if ch == "|" and depth == 0:
            return ""
        if ch in "*?{" and current:
            current.pop()  # the quantified character is optional or repeated: not literal
        if ch in ".^$*+?{}[]()|":
            runs.append("".join(current))
            current = []
            if ch == "[":
                end = pattern.find("]", i + 2)
                i = end + 1 if end > 0 else len(pattern)
                continue
            depth += ch == "("
            depth -= ch == ")"
        elif depth == 0:
            current.append(ch)
        i += 1
    runs.append("".join(current))
    return max(runs, key=len)
