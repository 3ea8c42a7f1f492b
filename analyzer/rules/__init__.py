"""The rule registry: every rule module, listed explicitly, checked for unique well-formed ids.

Ids are grouped by what the finding is about, whatever kind of file it comes from (HTML, templates,
JavaScript, tag-manager exports), and never reused:

- RL1xx what records the visitor and whether it waits for consent: RL10x the consent verdict of
  each recorder, RL110 resource hints, RL120 commented-out snippets, RL130 SDKs present but not
  recording, RL140 tag-manager containers a page scan cannot see into;
- RL3xx what a recorder captures: RL30x form fields, RL310 personal data sent through its API,
  RL32x values printed as page text, RL330 the visit to a special-category page;
- RL5xx the rest of the compliant pattern over the whole site (disclosure in the policy pages, legal
  basis in policies and consent-manager configurations, masking kept on with consent, stopping on
  withdrawal);
- RL9xx the tool's own directives (suppressions).

RL2xx and RL4xx are retired: RL201 became RL130 and RL401 became RL140 (``model.RENUMBERED``);
the old ids are still accepted in suppressions, configuration and ``explain``, and fingerprints
keep them, so baselines and code-scanning alerts made before stay matched.
"""

from __future__ import annotations

import re

from analyzer.model import RENUMBERED, SEVERITY_NAMES
from analyzer.rules import (
    field_contact,
    field_masking_unknown,
    field_sensitive,
    field_special_category,
    legitimate_interest_recording,
    masking_disabled,
    page_special_category,
    pii_identify,
    policy_missing,
    recorder_category_mismatch,
    recorder_commented_out,
    recorder_filed_without_consent,
    recorder_gated,
    recorder_noscript,
    recorder_not_stopped,
    recorder_resource_hint,
    recorder_undisclosed,
    recorder_ungated,
    recorder_unverifiable,
    sdk_inactive,
    suppression_invalid,
    suppression_unused,
    tag_manager_opaque,
    value_contact,
    value_sensitive,
    value_special_category,
)
from analyzer.rules.base import PageContext, Rule

_ID = re.compile(r"RL[1-9]\d\d")  # RL9xx: the tool's own (suppressions)
_NAME = re.compile(r"[a-z]+(-[a-z]+)+")
_SEVERITIES = SEVERITY_NAMES
SCOPES = ("page", "fields", "compliance", "suppressions")  # the order the check stage runs them in


def _register(modules: list) -> dict[str, Rule]:
    registry: dict[str, Rule] = {}
    names: set[str] = set()
    for module in modules:
        rule = Rule.from_module(module)
        if not _ID.fullmatch(rule.id) or not _NAME.fullmatch(rule.name) or rule.severity not in _SEVERITIES:
            raise RuntimeError(f"malformed rule {module.__name__}: {rule.id} {rule.name} {rule.severity}")
        if rule.id in registry or rule.name in names:
            raise RuntimeError(f"duplicate rule id or name: {rule.id} {rule.name}")
        if not rule.doc:
            raise RuntimeError(f"rule {rule.id} has no docstring")
        if rule.scope not in SCOPES:
            raise RuntimeError(f"rule {rule.id}: unknown scope {rule.scope!r}")
        registry[rule.id] = rule
        names.add(rule.name)
    return dict(sorted(registry.items()))


RULES: dict[str, Rule] = _register(
    [
        recorder_gated,
        recorder_ungated,
        recorder_unverifiable,
        recorder_category_mismatch,
        recorder_noscript,
        recorder_resource_hint,
        recorder_commented_out,
        sdk_inactive,
        field_special_category,
        field_sensitive,
        field_contact,
        field_masking_unknown,
        value_special_category,
        value_sensitive,
        value_contact,
        page_special_category,
        pii_identify,
        tag_manager_opaque,
        recorder_undisclosed,
        policy_missing,
        legitimate_interest_recording,
        recorder_filed_without_consent,
        masking_disabled,
        recorder_not_stopped,
        suppression_invalid,
        suppression_unused,
    ]
)

__all__ = ["RULES", "PageContext", "Rule"]

BY_SCOPE: dict[str, tuple[Rule, ...]] = {scope: tuple(r for r in RULES.values() if r.scope == scope) for scope in SCOPES}


def lookup(key: str) -> Rule | None:
    """A rule by id (``RL101``) or name (``recorder-ungated``), case-insensitive."""
    key = key.strip()
    rule = RULES.get(RENUMBERED.get(key.upper(), key.upper()))
    return rule or next((r for r in RULES.values() if r.name == key.lower()), None)
