"""The closed sets of ids that decide control flow: consent mechanisms and detection vias.

Both are string enums (``enum.StrEnum``, Python 3.11+): a member equals its plain value
(``Mechanism.NONE == "none"``), prints and formats as that value (an f-string gives ``none``, not
``Mechanism.NONE``, which a plain ``(str, Enum)`` would give on 3.11+), and ``json.dumps`` writes
the value, so reports and fingerprints keep the ids they always had. Code names a member, so a typo
is an AttributeError instead of a silent mismatch.

This module imports nothing from ``analyzer``: every other module may import it.
"""

from __future__ import annotations

import enum


class Mechanism(enum.StrEnum):
    """What holds a recorder back, or fails to (a detection's ``consent.mechanism`` in the JSON).
    The plain-language wording of each is ``analyzer.rules.common.MECHANISM_WORDS``."""

    # gated
    CMP_MARKUP = "cmp-markup"
    CODE_GUARD = "code-guard"
    VENDOR_HOLD_RELEASED_ON_CONSENT = "vendor-hold-released-on-consent"
    DECLARED_AUTOBLOCK = "declared-autoblock"
    SERVER_SIDE_CONSENT = "server-side-consent"
    GTM_CONSENT_SETTINGS = "gtm-consent-settings"
    GTM_TRIGGER = "gtm-trigger"  # gated or ungated, as the trigger decides
    # ungated
    NONE = "none"
    NO_CONSENT_CHECK = "no-consent-check"
    LOOK_ALIKE_TYPE = "look-alike-type"
    NEGATED_CATEGORY = "negated-category"
    NECESSARY_CATEGORY = "necessary-category"
    EXEMPT_MARKER = "exempt-marker"
    CATEGORY_WITHOUT_INERT_TYPE = "category-without-inert-type"
    CMP_LOADER_MISSING_OR_LATE = "cmp-loader-missing-or-late"
    CMP_LOADER_ASYNC = "cmp-loader-async"
    AUTOBLOCKER_AFTER_RECORDER = "autoblocker-after-recorder"
    AUTOBLOCKER_ASYNC = "autoblocker-async"
    NOSCRIPT = "noscript"
    ALWAYS_RUN_HOOK = "always-run-hook"
    CMP_CONFIG = "cmp-config"  # ungated or unverifiable: the consent manager's configuration runs it without consent
    # unverifiable
    AUTOBLOCKER = "autoblocker"
    UNKNOWN_CATEGORY = "unknown-category"
    INERT_WITHOUT_CMP = "inert-without-cmp"
    INERT_MARKUP_ELSEWHERE = "inert-markup-elsewhere"
    INJECTED_INERT_MARKUP = "injected-inert-markup"
    INJECTED_ELSEWHERE = "injected-elsewhere"
    CODE_UNRESOLVED = "code-unresolved"
    ANALYSIS_BUDGET = "analysis-budget"
    NOT_ANALYSED = "not-analysed"
    PARTIAL_INCLUDERS_DECIDE = "partial-includers-decide"
    PARENT_TEMPLATE_DECIDES = "parent-template-decides"
    GTM_NO_TRIGGER = "gtm-no-trigger"
    HELD_AS_DATA = "held-as-data"
    GTM_TEMPLATE_FILE = "gtm-template-file"
    TEXT_SCAN = "text-scan"
    SYNTAX_ERROR = "syntax-error"


class Via(enum.StrEnum):
    """How a recorder was found (a detection's ``via`` in the JSON). SDKs present but not recording
    and personal data pushed to a recorder are their own record types, not vias."""

    # markup
    SCRIPT_SRC = "script-src"
    DEFERRED_SRC = "deferred-src"
    INLINE_SNIPPET = "inline-snippet"
    INLINE_LOADER = "inline-loader"
    NOSCRIPT_PIXEL = "noscript-pixel"
    # code
    INIT_CALL = "init-call"
    PLUGIN = "plugin"
    COMPONENT = "component"
    SNIPPET = "snippet"
    DYNAMIC_INJECTION = "dynamic-injection"
    JSX_SCRIPT = "jsx-script"
    HEAD_CONFIG = "head-config"
    MARKUP_STRING = "markup-string"
    RELEASE_CALL = "release-call"
    BUNDLE_INIT = "bundle-init"
    BUNDLE_SDK_CALL = "bundle-sdk-call"  # the weakest reading: yields to a start found elsewhere
    # templates, server code, tag managers, text
    TEMPLATE_CODE = "template-code"
    CODE_STRING = "code-string"
    GTM_TAG = "gtm-tag"
    GTM_TEMPLATE = "gtm-template"
    GTM_HTML = "gtm-html"
    TEXT_SCAN = "text-scan"
    PREFILTER = "prefilter"  # vendor literals only: the file or piece was not analysed (or ran out of budget)
