"""A start in a script's global function is judged at the calls of the other scripts of the pages
that load it (fixtures/crossfile/globals: one small site per case, each scanned on its own)."""

from __future__ import annotations

import pytest

from analyzer.model import Status
from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES

SITES = FIXTURES / "crossfile" / "globals"
CASES = sorted(p.name for p in SITES.iterdir() if p.is_dir())


def _expected(case: str) -> set[tuple[str, int, str, str]]:
    out = set()
    for path in (SITES / case).rglob("*"):
        if path.suffix in (".js", ".html"):
            for e in parse(path.read_text(encoding="utf-8")):
                if e.kind == "detection":
                    out.add((path.name, e.line, e.subject, str(e.status)))
    return out


@pytest.mark.parametrize("case", CASES)
def test_each_site_reads_as_annotated(case: str) -> None:
    result = run(ScanOptions(paths=(str(SITES / case),)))
    got = {(d.location.path.rsplit("/", 1)[-1], d.location.line, d.vendor, d.verdict.status.value) for d in result.detections}
    assert got == _expected(case)


def _evidence(case: str) -> str:
    (d,) = run(ScanOptions(paths=(str(SITES / case),))).detections
    return d.verdict.evidence


@pytest.mark.parametrize(
    ("case", "named"),
    [
        ("accept-call", "accept-call/banner.js:4"),
        ("not-loaded", "not-loaded/banner.js names loadHotjar, but no page that loads"),
        ("second-definition", "second-definition/legacy.js:2"),
        ("handed-on", "handed-on/later.js:3"),
        ("unscanned-script", "https://cdn.example.com/widgets/app.js, which is not a scanned script"),
        ("onclick-attribute", "onclick attribute"),
        ("also-called", "also-called/support.js:2"),
        ("record-written-elsewhere", "returning.js:2 also writes the consent record 'cookie-consent'"),
        ("guard-helper", "via hasConsent() in fixtures/crossfile/globals/guard-helper/banner.js:2"),
        ("guard-helper-theme", "banner.js:2 returns no consent check"),
        ("guard-helper-overwritten", "guard-helper-overwritten/debug.js:2"),
        ("guard-helper-record-elsewhere", "returning.js:2 also writes the consent record"),
    ],
)
def test_the_evidence_names_the_other_file(case: str, named: str) -> None:
    assert named in _evidence(case)


def test_the_tracker_alone_stays_unverifiable() -> None:
    (d,) = run(ScanOptions(paths=(str(SITES / "accept-call" / "tracker.js"),))).detections
    assert d.verdict.status is Status.UNVERIFIABLE and "other scripts call it" in d.verdict.evidence


def test_scripts_without_their_page_stay_unverifiable() -> None:
    site = SITES / "accept-call"
    (d,) = run(ScanOptions(paths=(str(site / "tracker.js"), str(site / "banner.js")))).detections
    assert d.verdict.status is Status.UNVERIFIABLE


def test_a_tag_manager_on_the_page_keeps_it_open(tmp_path) -> None:
    site = SITES / "accept-call"
    for name in ("tracker.js", "banner.js"):
        (tmp_path / name).write_text((site / name).read_text(encoding="utf-8"), encoding="utf-8")
    gtm = (
        "<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});"
        "var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
        "j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})"
        "(window,document,'script','dataLayer','GTM-AB12CD3');</script>\n"
    )
    page = (site / "index.html").read_text(encoding="utf-8").replace("</head>", gtm + "</head>")
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (d,) = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status is Status.UNVERIFIABLE and "tag manager" in d.verdict.evidence


def test_a_script_many_pages_load_is_read_once_per_global(tmp_path, monkeypatch) -> None:
    # Twenty pages load the same banner and tracker: the banner's calls of loadHotjar are sorted once,
    # and the verdict is the one a single page gives.
    from analyzer.resolve import globals as page_globals

    case = SITES / "accept-call"
    for name in ("banner.js", "tracker.js"):
        (tmp_path / name).write_text((case / name).read_text(encoding="utf-8"), encoding="utf-8")
    page = (case / "index.html").read_text(encoding="utf-8")
    for k in range(20):
        (tmp_path / f"page{k}.html").write_text(page, encoding="utf-8")
    calls = []
    real = page_globals._references
    monkeypatch.setattr(page_globals, "_references", lambda *a: calls.append(a[1].where.rsplit("/", 1)[-1]) or real(*a))
    (d,) = run(ScanOptions(paths=(str(tmp_path),))).detections
    assert d.verdict.status is Status.GATED
    assert sorted(calls) == ["banner.js", "tracker.js"]
