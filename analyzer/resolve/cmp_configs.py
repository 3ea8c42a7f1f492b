"""Markup verdicts read again with the consent manager's configuration of the page.

A recorder held back by a consent manager's markup (``type="text/plain" data-category="analytics"``)
is gated only as far as that manager waits for the visitor. The read stage lists, for every script,
the entries of the configurations it holds that run without consent (``analyzer/facts/cmp_config.py``:
CookieConsent ``mode: 'opt-out'`` with an enabled category, a ``readOnly`` category, a Klaro
``required`` service). Here a gated markup verdict takes the worst of those entries named by its
markup, from the page itself (inline scripts) and from the scanned scripts the page loads (and the
chunks they import). A
configuration the scan does not see (a script it did not read, a remote file) changes nothing.
"""

from __future__ import annotations

from analyzer.facts.cmp_config import CmpConfigFacts, ConfigEntry
from analyzer.facts.records import FileFacts
from analyzer.kinds import Mechanism
from analyzer.model import Detection, Status, Verdict, site_key

_RANK = {Status.UNGATED: 0, Status.UNVERIFIABLE: 1}


def link(
    detections: list[Detection], facts: list[FileFacts], loads: dict[str, list[str]], display: dict[str, str]
) -> dict[tuple[str, int, int, str], Verdict]:
    """The new verdicts of markup-gated recorders whose page's configuration runs their category or
    service without consent; ``loads``: each page's scripts and the chunks they import (real paths),
    ``display``: a script's display path by its real path."""
    by_path = {f.path: f for f in facts}
    changed: dict[tuple[str, int, int, str], Verdict] = {}
    for d in detections:
        v = d.verdict
        page = by_path.get(d.location.path)
        if v.status is not Status.GATED or v.mechanism is not Mechanism.CMP_MARKUP or not v.markup or page is None:
            continue
        found = [
            (path, config, entry)
            for path, config in _configs(page, loads.get(page.path, []), by_path, display)
            if config.cmp == v.cmp
            for entry in config.entries
            if entry.value in v.markup
        ]
        if found:
            changed[site_key(d)] = _verdict(v, *min(found, key=lambda f: _RANK[f[2].status]))
    return changed


def _configs(page: FileFacts, loads: list[str], by_path: dict[str, FileFacts], display: dict[str, str]) -> list[tuple[str, CmpConfigFacts]]:
    """The configurations the page holds and those of the scanned scripts it loads, with their files."""
    out = [(page.path, c) for c in page.cmp_configs]
    for real in loads:
        script = by_path.get(display.get(real, ""))
        if script is not None:
            out += [(script.path, c) for c in script.cmp_configs]
    return out


def _verdict(markup: Verdict, path: str, config: CmpConfigFacts, entry: ConfigEntry) -> Verdict:
    return Verdict(
        status=entry.status,
        mechanism=Mechanism.CMP_CONFIG,
        evidence=f"{markup.evidence}; but its configuration ({path}:{config.line}) has {entry.why}",
        cmp=markup.cmp,
    )
