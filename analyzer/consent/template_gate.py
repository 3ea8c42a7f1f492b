"""Server-side gating: a recorder inside a template branch whose condition reads consent.

A branch gates when its condition (or, in an else / unless branch, its negation) guarantees an
analytics-consent check: a CMP's server API (``wp_has_consent('statistics')``,
``cmplz_has_consent('statistics')``) or a consent cookie / object read with its analytics category
(``signatures/consent/*.toml`` ``js.server_checks``). Conditions on settings, the environment or a
login state do not; they are named in the evidence. An ``or`` never gates (either side suffices).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from analyzer.kinds import Mechanism
from analyzer.model import Status, Verdict
from analyzer.parse.template_lexer import paren_pairs
from analyzer.parse.templates import Branch, Template
from analyzer.signatures import SignatureDB
from analyzer.signatures.checktext import granted_after, occurs

_NEGATION = re.compile(r"^\s*(?:!\s*|not\s+|not(?=\())")
# The infix negated membership of Jinja, Django, Twig, Nunjucks and Python: "'C0002:1' not in cookie" is "not ('C0002:1' in
# cookie)", true when the category is missing.
_NOT_IN = re.compile(r"(?<=\s)not\s+in(?=\s)", re.I)
# What a condition may write around a consent check that this reader does not follow, each of which can make it hold
# without consent: a test (Jinja's and Twig's "is false", "is none", "is not defined", "is same as(false)"), a
# membership in a list ("in ['', none, false]"), an ordering or PHP's "<>" (not PHP's "->" or "=>"), a default or null-coalescing operator
# ("?? true", "| default(true)"), a predicate of absence (Ruby's ".nil?", PHP's "empty(…)", "is_null(…)"), PHP's "xor",
# and a function-style comparison (Go's and Hugo's "eq .x false", Handlebars' "(eq x false)"; Go's "not" is a negation).
# Such a condition gates nothing (polarity 0).
_UNREAD = re.compile(
    r"\bis\s+(?:not\b|false\b|none\b|null\b|empty\b|undefined\b|defined\b|same\s*as\b|sameas\b)"
    r"|\bin\s*[\[(]|<>|<=?|(?<![-=])>=?|\?\?|\|\s*default\b|\bdefault\s*\("
    r"|\.(?:nil|blank|empty)\?|\b(?:empty|is_null)\s*\(|\bxor\b"
    r"|(?:^|\(\s*)(?:eq|ne|lt|gt|le|ge)\s",
    re.I,
)
# A site's or theme's setting ("settings.analytics_cookies_enabled", Hugo's ".Site.Params.analytics"): the owner's
# configuration, the same for every visitor, never the visitor's consent.
_SETTING = re.compile(r"(?:^|[^\w.])(?:settings|theme_settings|theme|config|site\.params)\s*[.\[]", re.I)
# Conditions longer than this are not read as consent checks (a deterministic bound on the
# recursive split below; real template conditions are a few dozen characters).
MAX_CONDITION = 500


@dataclass(frozen=True)
class ServerVocabulary:
    exact: tuple[tuple[str, str], ...]  # (lowered check, CMP name)
    pairs: tuple[tuple[tuple[str, ...], str], ...]
    caveats: tuple[tuple[str, str], ...]  # (lowered check, caveat)
    words: frozenset[str] = frozenset()  # words of a consent check that names no category
    choices: tuple[tuple[str, ...], ...] = ()  # [js] server_consent_words: a condition reading a choice, no category
    state_cookies: tuple[str, ...] = ()  # [js] state_cookies, lower-cased: cookies listing every category with its state
    granted_states: tuple[str, ...] = ()  # [js] granted_states, lower-cased: a category's state in one that grants it
    stored: frozenset[str] = frozenset()  # [js] stored_choices' keys, lower-cased: read bare, a refusal ("deny") holds too


@functools.lru_cache(maxsize=4)
def vocabulary(db: SignatureDB) -> ServerVocabulary:
    """The server-side consent checks, fail-open caveats and consent words of the CMPs that gate recorders."""
    exact: list[tuple[str, str]] = []
    pairs: list[tuple[tuple[str, ...], str]] = []
    caveats: list[tuple[str, str]] = []
    consent_words: set[str] = set()
    choices: list[tuple[str, ...]] = []
    state_cookies: list[str] = []
    granted_states: list[str] = []
    stored: set[str] = set()
    for cmp in db.cmps.values():
        state_cookies += [c.lower() for c in cmp.js.state_cookies]
        granted_states += cmp.js.granted_states
        stored.update(k.lower() for k, _ in cmp.js.stored_choices)
        if not cmp.gates_recorders:
            continue
        js = cmp.js
        for check in js.analytics_checks + js.server_checks:
            words = check.lower().split("+")
            if len(words) > 1:
                pairs.append((tuple(words), cmp.name))
            elif "(" in check or "_" in check:
                exact.append((re.sub(r"\s+", "", check.lower()).replace('"', "'"), cmp.name))
        for fail in js.fail_open:
            caveats.append((fail.lower(), f"{cmp.name}: {fail}"))
        consent_words.update(w.lower() for w in js.consent_words)
        choices += [tuple(w.lower().split("+")) for w in js.server_consent_words]
    return ServerVocabulary(
        tuple(exact),
        tuple(pairs),
        tuple(caveats),
        frozenset(consent_words),
        tuple(dict.fromkeys(choices)),
        tuple(dict.fromkeys(state_cookies)),
        tuple(dict.fromkeys(granted_states)),
        frozenset(stored),
    )


def _check(cond: str, vocab: ServerVocabulary) -> str | None:
    """The check ``cond`` names. In a condition on a cookie that lists every category with its state ([js] state_cookies),
    a category found in it holds when the visitor refused too: only its granted state (``'C0002:1' in …``) is a check."""
    low = cond.lower()
    compact = re.sub(r"\s+", "", low).replace('"', "'")
    stated = [c for c in vocab.state_cookies if c in low]

    def granted(words: tuple[str, ...]) -> bool:
        return not stated or any(granted_after(low, w, vocab.granted_states) for w in words if w not in stated)

    for check, cmp in vocab.exact:
        if occurs(check, compact) and granted((check,)):
            return f"{check} ({cmp})"
    for words, cmp in vocab.pairs:
        if all(w in low for w in words) and granted(words):
            return f"{' + '.join(words)} ({cmp})"
    return None


# The blanks around a word operator are left to the parts (polarity strips them): "\s+or\s+"
# backtracked over every blank run that was not followed by "or".
_OR = re.compile(r"[()]|(?<=\s)or(?=\s)|\|\|", re.I)
_AND = re.compile(r"[()]|(?<=\s)and(?=\s)|&&", re.I)


def _split(text: str, sep: re.Pattern[str]) -> list[str]:
    """``text`` split on ``sep`` (which also matches parentheses) outside parentheses."""
    parts, depth, last = [], 0, 0
    for m in sep.finditer(text):
        tok = m.group(0)
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        elif depth == 0:
            parts.append(text[last : m.start()])
            last = m.end()
    return parts + [text[last:]]


def polarity(cond: str, vocab: ServerVocabulary) -> tuple[int, str | None]:
    """+1 when the condition guarantees analytics consent, -1 when it guarantees its absence.
    ``a || b`` guarantees what every part guarantees; ``a && b`` what any part does (a refusal
    anywhere wins: ``logged_in && !has_consent`` runs only without consent)."""
    text = _unwrap(cond)
    if len(text) > MAX_CONDITION:
        return 0, None
    for sep, combine in ((_OR, all), (_AND, any)):
        parts = _split(text, sep)
        if len(parts) > 1:
            pols = [polarity(p, vocab) for p in parts]
            for want in ((-1,) if combine is any else ()) + (1, -1):
                hits = [c for p, c in pols if p == want]
                if (combine is any and hits) or (combine is all and len(hits) == len(pols)):
                    return want, hits[0]
            return 0, None
    if _UNREAD.search(text) or _SETTING.search(text):
        return 0, None
    negation = _NEGATION.match(text)
    if negation:  # "not (a or b)", "!(a || b)": the negation of the whole, its parts read each on its own
        pol, check = polarity(text[negation.end() :], vocab)
        return -pol, check
    not_in = _NOT_IN.search(text)
    if not_in:  # "x not in y": the negation of "x in y"
        pol, check = polarity(f"{text[: not_in.start()]}in{text[not_in.end() :]}", vocab)
        return -pol, check
    check = _check(text, vocab)
    if check is None:
        return 0, None
    if _CMP_OP.search(text) is None and any(check.startswith(k + " (") for k in vocab.stored):
        return 0, None  # isset($_COOKIE['cmplz_statistics']): the cookie keeps a refusal too
    sign = _comparison(text)
    return sign, check if sign else None


def _unwrap(cond: str) -> str:
    """``cond`` without the parentheses that enclose all of it, however many layers (paired in
    one pass, not re-checked per layer)."""
    text = cond.strip()
    if not text.startswith("("):
        return text
    pairs = paren_pairs(text)
    start, end = 0, len(text) - 1
    while start < end and text[start] == "(" and pairs.get(start) == end:
        start += 1
        end -= 1
        while start <= end and text[start].isspace():
            start += 1
        while end >= start and text[end].isspace():
            end -= 1
    return text[start : end + 1]


_CMP_OP = re.compile(r"(===?|!==?)\s*(?:(['\"])([\w-]*)\2|([\w-]+))")
_TRUTHY = {"true", "yes", "granted", "allow", "accepted", "1", "on"}


def _comparison(text: str) -> int:
    """+1: the comparison guarantees consent (``== 'yes'``, no comparison at all); -1: its else guarantees consent
    (``!= 'yes'``); 0: a comparison with a refusal (``== 'no'``, ``== ''``: the else takes an unset cookie too),
    fail-open (``!= 'no'`` lets an absent cookie through) or a value this tool cannot read."""
    m = _CMP_OP.search(text)
    if m is None:
        return 1
    equal = m.group(1).startswith("=")
    value = (m.group(3) if m.group(2) else m.group(4) or "").lower()
    if value in _TRUTHY:
        return 1 if equal else -1
    # "== 'no'" and "== ''" hold on a refusal, but their else holds on any other value, an unset cookie's too: neither
    # branch is known to wait for consent. "!= 'no'" lets an absent cookie through (fail-open).
    return 0


def gate(template: Template, offset: int, vocab: ServerVocabulary) -> tuple[str | None, list[str]]:
    """The consent branch that gates ``offset`` (if any) and notes on the other branches."""
    notes: list[str] = []
    for branch in template.conditions_at(offset):
        pol, check = polarity(branch.condition, vocab)
        wanted = 1 if branch.needs_true else -1
        if check and pol == wanted:
            caveat = next((c for k, c in vocab.caveats if k in branch.condition.lower() or k in (check or "")), None)
            return f"template branch {_show(branch)}: {check}" + (f" (caveat: {caveat})" if caveat else ""), notes
        refused = check and pol == -wanted  # "not consent", "'analytics' not in …": the branch renders without consent
        reading = f"holds when consent is missing ({check})" if refused else "is not a consent check"
        notes.append(f"template condition {_show(branch)} {reading}")
    return None, notes + _bypassed(template, offset)


def _bypassed(template: Template, offset: int) -> list[str]:
    """Why the conditions written around a child template's block gate nothing (``template_blocks``)."""
    block = template.block_at(offset)
    if block is None:
        return []
    return [
        f"template condition {_show(branch)} is written around {' '.join(block.tag.split())[:60]}, which gates nothing: "
        "the template extends another, and the engine renders a child's block wherever its parent places it, "
        "whatever surrounds the block"
        for branch in template.bypassed_at(offset)
    ]


def nested_gate(template: Template, offset: int, vocab: ServerVocabulary) -> str | None:
    """The consent branch between a child template's top-level block and the nested block that holds ``offset``: it
    gates the nested block only where the outer block renders it (``Template.between_at``)."""
    for branch in template.between_at(offset):
        pol, check = polarity(branch.condition, vocab)
        if check and pol == (1 if branch.needs_true else -1):
            return f"template branch {_show(branch)}: {check}"
    return None


def parent_decides(template: Template, offset: int, vocab: ServerVocabulary) -> str | None:
    """Why a consent branch around a nested block of a child template cannot be proven to gate ``offset``: the parent
    template renders a block of its name, if it defines one, whatever surrounds it."""
    gate = nested_gate(template, offset, vocab)
    block = template.block_at(offset)
    if gate is None or block is None:
        return None
    return (
        f"rendered only in {gate} where its outer block renders {' '.join(block.tag.split())[:60]}; the template extends "
        f"another, and a parent that defines a block named '{block.name}' renders this one in its place, whatever "
        "surrounds it: the parent decides"
    )


def inline_gate(cond: str, needs_true: bool, vocab: ServerVocabulary) -> tuple[str | None, str | None]:
    """A condition written on an include (``render 'x' if …``, ``@includeWhen(…)``): (the consent
    check that gates it, None) or (None, why it cannot be read) when it names consent words but
    is no check this tool knows; (None, None) for any other condition (environment, settings)."""
    pol, check = polarity(cond, vocab)
    if check and pol == (1 if needs_true else -1):
        return f"'{' '.join(cond.split())[:70]}' on the include: {check}", None
    low = cond.lower()
    word = next((w for w in sorted(vocab.words) if w in low), None)
    if word:
        return None, f"the include's condition '{' '.join(cond.split())[:70]}' reads '{word}', but is no consent check this tool knows"
    return None, None


def _show(branch: Branch) -> str:
    cond = " ".join(branch.condition.split())[:70]
    return f"'{cond}'" if branch.needs_true else f"else of '{cond}'"


def unread_choice(template: Template, offset: int, vocab: ServerVocabulary) -> str | None:
    """A branch around ``offset`` that renders only when a condition reading the visitor's consent
    choice holds (``$_COOKIE['cookiebanner-accepted'] == 1``) but is no check this tool knows to
    ask for the analytics category: why the verdict cannot be proven. A negated condition or an
    else branch is not counted (it may render precisely when the choice is missing)."""
    for branch in template.conditions_at(offset):
        low = branch.condition.lower()
        if not branch.needs_true or _NEGATION.match(_unwrap(branch.condition)) or "!" in low or _NOT_IN.search(low):
            continue
        for words in vocab.choices:
            if all(w in low for w in words):
                read = " + ".join(words)
                return f"rendered only under {_show(branch)}, which reads the visitor's consent choice ('{read}') but names no category"
    return None


def refine(verdict: Verdict, template: Template, offset: int, vocab: ServerVocabulary) -> Verdict:
    """Apply the template's branches to a markup or code verdict."""
    by, notes = gate(template, offset, vocab)
    if not by and verdict.status is Status.UNGATED:
        # a condition between a child's blocks the parent decides; a condition that reads a choice naming no category
        for why, mechanism in ((parent_decides, Mechanism.PARENT_TEMPLATE_DECIDES), (unread_choice, Mechanism.UNKNOWN_CATEGORY)):
            said = why(template, offset, vocab)
            if said:
                return Verdict(
                    status=Status.UNVERIFIABLE, mechanism=mechanism, evidence=f"{said}; markup alone: {verdict.evidence}", cmp=verdict.cmp
                )
    if by and verdict.status is not Status.GATED:
        return Verdict(
            status=Status.GATED,
            mechanism=Mechanism.SERVER_SIDE_CONSENT,
            evidence=f"rendered only in {by}; markup alone: {verdict.evidence}",
            cmp=verdict.cmp,
        )
    if notes and verdict.status is not Status.GATED:
        return Verdict(
            status=verdict.status, mechanism=verdict.mechanism, evidence=f"{verdict.evidence}; {'; '.join(notes)}", cmp=verdict.cmp
        )
    return verdict
