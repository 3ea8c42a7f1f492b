"""The per-file facts of the compliant-pattern checks (issue 12), gathered in the worker.

One small record per file, empty for almost every file: is it a policy page and what does it say
(``policy_pages``), which stop / opt-out calls and consent-change listeners its code holds
(``withdrawal``), which settings turn a recorder's masking off wholesale (``unmasking``), and how a
consent-manager configuration files recorders (``cmp_filing``). Each extractor first checks cheap
literals, so a page that is none of these costs a few string searches. The scan-wide checks run after
the scan (``analyzer.compliance``).
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer import cmp_filing, policy_pages, unmasking, withdrawal
from analyzer.cmp_filing import Filing
from analyzer.policy_pages import PolicyPage
from analyzer.signatures import SignatureDB
from analyzer.unmasking import MaskingOff
from analyzer.withdrawal import Hook, StopCall


@dataclass(frozen=True)
class ComplianceFacts:
    policy: PolicyPage | None = None
    stops: tuple[StopCall, ...] = ()
    hooks: tuple[Hook, ...] = ()
    unmasking: tuple[MaskingOff, ...] = ()
    filings: tuple[Filing, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.policy or self.stops or self.hooks or self.unmasking or self.filings)


def for_page(path: str, page, started: set[str], db: SignatureDB) -> ComplianceFacts | None:
    """A parsed HTML page or template (``page.text`` is the neutralised source); ``started`` are the
    vendors it loads or starts itself."""
    text = page.text
    stops, hooks = withdrawal.facts(text, db)
    off = unmasking.attributes_in(page, text, db)
    if started:
        scripts = "\n".join(el.text for el in page.elements if el.tag == "script" and el.text)
        off += _shift(unmasking.options_in(scripts, started, db), text, scripts)
    facts = ComplianceFacts(policy_pages.extract(path, "html", text, db), stops, hooks, tuple(off))
    return facts or None


def for_markdown(path: str, text: str, db: SignatureDB) -> ComplianceFacts | None:
    policy = policy_pages.extract(path, "markdown", text, db)
    return ComplianceFacts(policy=policy) if policy is not None else None


def for_code(path: str, kind: str, text: str, dialect: str, started: set[str], db: SignatureDB) -> ComplianceFacts | None:
    """A JS / TS file or a single-file component; ``started`` are the vendors it starts."""
    stops, hooks = withdrawal.facts(text, db)
    off = tuple(unmasking.options_in(text, started, db)) if started else ()
    filed: tuple[Filing, ...] = ()
    if kind != "sfc" and cmp_filing.may_hold(text, db):
        filed = tuple(cmp_filing.filings(text, dialect, db))
    policy = None
    if policy_pages.path_kinds(path, db) or kind == "sfc" or policy_pages.may_be_titled(text, db):
        policy = policy_pages.extract(path, kind if kind == "sfc" else "code", text, db, dialect)
    facts = ComplianceFacts(policy, stops, hooks, off, filed)
    return facts or None


def _shift(found: list[MaskingOff], page_text: str, scripts: str) -> list[MaskingOff]:
    """Options found in the page's joined scripts, placed at their line in the page."""
    from dataclasses import replace

    from analyzer.positions import line_col, offset_of

    out = []
    for off in found:
        snippet = scripts[offset_of(scripts, off.line, off.column) :][:40]
        at = page_text.find(snippet)
        line, col = line_col(page_text, at) if at >= 0 else (off.line, off.column)
        out.append(replace(off, line=line, column=col))
    return out
