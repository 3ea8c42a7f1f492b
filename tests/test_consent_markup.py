"""The markup verdict, as a table of pages; each case id names the mistake it guards against."""

from __future__ import annotations

import pytest

from tests.conftest import scan_text

HJ = 'src="https://static.hotjar.com/c/hotjar-4819273.js?sv=6"'
CB_MANUAL = '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x" data-blockingmode="manual"></script>'
CB_AUTO = '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x" data-blockingmode="auto"></script>'
CB_AUTO_ASYNC = '<script id="Cookiebot" async src="https://consent.cookiebot.com/uc.js" data-cbid="x" data-blockingmode="auto"></script>'
HJ_SNIPPET = """(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
h._hjSettings={hjid:4819273,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;
r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');"""


def page(*head: str) -> str:
    return "<!doctype html><html><head>\n" + "\n".join(head) + "\n</head><body><p>Hi</p></body></html>"


CASES = {
    "plain-src-is-ungated": (page(f"<script {HJ}></script>"), "ungated", "none"),
    "inline-snippet-is-ungated": (page(f"<script>{HJ_SNIPPET}</script>"), "ungated", "none"),
    "text-plain-with-statistics-is-gated": (
        page(CB_MANUAL, f'<script type="text/plain" data-cookieconsent="statistics" {HJ}></script>'),
        "gated",
        "cmp-markup",
    ),
    "inert-type-upper-case-is-still-inert": (
        page(CB_MANUAL, f'<script type="Text/Plain" data-cookieconsent="statistics" {HJ}></script>'),
        "gated",
        "cmp-markup",
    ),
    "gated-inline-snippet": (
        page(CB_MANUAL, f'<script type="text/plain" data-cookieconsent="statistics">{HJ_SNIPPET}</script>'),
        "gated",
        "cmp-markup",
    ),
    "category-on-executable-script-is-not-a-gate": (
        page(CB_MANUAL, f'<script data-cookieconsent="statistics" {HJ}></script>'),
        "ungated",
        "category-without-inert-type",
    ),
    "partytown-is-not-a-gate": (
        page(CB_MANUAL, f'<script type="text/partytown" data-cookieconsent="statistics" {HJ}></script>'),
        "ungated",
        "look-alike-type",
    ),
    "delay-js-plugin-type-is-not-a-gate": (
        page(f'<script type="rocketlazyloadscript" data-rocket-src="x" {HJ}></script>'),
        "ungated",
        "look-alike-type",
    ),
    "module-type-is-executable": (page(f'<script type="module" {HJ}></script>'), "ungated", "none"),
    "exempt-marker-is-ungated": (page(CB_AUTO, f'<script data-cookieconsent="ignore" {HJ}></script>'), "ungated", "exempt-marker"),
    "necessary-category-is-ungated": (
        page(CB_MANUAL, f'<script type="text/plain" data-cookieconsent="necessary" {HJ}></script>'),
        "ungated",
        "necessary-category",
    ),
    "unknown-category-value-is-unverifiable": (
        page(CB_MANUAL, f'<script type="text/plain" data-cookieconsent="analytics" {HJ}></script>'),
        "unverifiable",
        "unknown-category",
    ),
    "inert-type-without-cmp-attribute-is-unverifiable": (
        page(f'<script type="text/plain" {HJ}></script>'),
        "unverifiable",
        "inert-without-cmp",
    ),
    "deferred-src-without-cmp-is-unverifiable": (
        page('<script data-src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>'),
        "unverifiable",
        "inert-without-cmp",
    ),
    "autoblocker-first-is-unverifiable": (page(CB_AUTO, f"<script {HJ}></script>"), "unverifiable", "autoblocker"),
    "recorder-before-autoblocker-is-ungated": (page(f"<script {HJ}></script>", CB_AUTO), "ungated", "autoblocker-after-recorder"),
    "async-autoblocker-is-ungated": (page(CB_AUTO_ASYNC, f"<script {HJ}></script>"), "ungated", "autoblocker-async"),
    "manual-mode-loader-is-not-an-autoblocker": (page(CB_MANUAL, f"<script {HJ}></script>"), "ungated", "none"),
    "inline-code-checking-statistics-consent-is-gated-by-js-analysis": (
        page(CB_MANUAL, f"<script>if (Cookiebot.consent.statistics) {{ {HJ_SNIPPET} }}</script>"),
        "gated",
        "code-guard",
    ),
    "inline-code-checking-presence-of-cmp-is-not-a-gate": (
        page(CB_MANUAL, f"<script>if (window.Cookiebot) {{ {HJ_SNIPPET} }}</script>"),
        "ungated",
        "no-consent-check",
    ),
    "noscript-pixel-is-ungated": (
        '<html><body><noscript><img src="https://static.hotjar.com/pixel.gif"></noscript></body></html>',
        "ungated",
        "noscript",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_markup_verdict(case: str, tmp_path, db) -> None:
    html, status, mechanism = CASES[case]
    result = scan_text(tmp_path, html, db)
    assert len(result.detections) == 1, result.detections
    verdict = result.detections[0].verdict
    assert (verdict.status.value, verdict.mechanism) == (status, mechanism), verdict


def test_marketing_category_is_gated_but_flagged(tmp_path, db) -> None:
    result = scan_text(tmp_path, page(CB_MANUAL, f'<script type="text/plain" data-cookieconsent="marketing" {HJ}></script>'), db)
    assert result.detections[0].verdict.status.value == "gated"
    assert [f.rule for f in result.findings if f.rule == "RL103"] == ["RL103"]


@pytest.mark.parametrize(
    "html",
    [
        pytest.param(page("<!-- <script src='https://static.hotjar.com/c/hotjar-1.js?sv=6'></script> -->"), id="html-comment"),
        pytest.param(
            '<html><body><pre><code>&lt;script src="https://static.hotjar.com/c/hotjar-1.js"&gt;</code></pre></body></html>',
            id="pre-code-sample",
        ),
        pytest.param(f"<html><body><textarea><script>{HJ_SNIPPET}</script></textarea></body></html>", id="textarea-content"),
        pytest.param(
            "<html><body><p>We use Hotjar (static.hotjar.com) for heatmaps. Cookie _hjSessionUser_123.</p></body></html>",
            id="cookie-policy-prose",
        ),
        pytest.param(
            '<html><head><script type="application/ld+json">{"url": "https://static.hotjar.com/c/hotjar-1.js"}</script></head></html>',
            id="json-ld-data-block",
        ),
        pytest.param(
            '<html><head><meta http-equiv="Content-Security-Policy" content="script-src https://static.hotjar.com"></head></html>',
            id="csp-meta",
        ),
        pytest.param('<html><body><a href="https://www.hotjar.com/">Hotjar</a></body></html>', id="link-to-vendor-site"),
        pytest.param(
            '<html><body><div data-tip="<script src=//static.hotjar.com/c/hotjar-1.js></script>">x</div></body></html>',
            id="markup-inside-attribute",
        ),
        pytest.param("<html><head><script>var csp = ['static.hotjar.com'];</script></head></html>", id="host-in-code-without-injection"),
    ],
)
def test_mentions_are_not_detections(html: str, tmp_path, db) -> None:
    assert scan_text(tmp_path, html, db).detections == []


def test_verdict_names_the_blocker_line(tmp_path, db) -> None:
    result = scan_text(tmp_path, page(CB_AUTO, f"<script {HJ}></script>"), db)
    assert "line 2" in result.detections[0].verdict.evidence


def test_noscript_pixel_is_rl104_low_not_rl101(tmp_path, db) -> None:
    html = '<html><body><noscript><img src="https://mc.yandex.ru/watch/12345678" alt=""></noscript></body></html>'
    result = scan_text(tmp_path, html, db)
    assert [(f.rule, f.severity.label) for f in result.findings] == [("RL104", "low")]


def test_each_verdict_gives_exactly_one_consent_finding(tmp_path, db) -> None:
    html = page(
        CB_MANUAL,
        f"<script {HJ}></script>",
        f'<script type="text/plain" data-cookieconsent="statistics" {HJ}></script>',
        f'<script type="text/plain" {HJ}></script>',
    )
    rules = sorted(f.rule for f in scan_text(tmp_path, html, db).findings)
    assert rules == ["RL100", "RL101", "RL102"]


def test_nextjs_before_interactive_queue_is_a_loader(tmp_path, db) -> None:
    html = page('<script>(self.__next_s=self.__next_s||[]).push(["https://static.hotjar.com/c/hotjar-4819273.js?sv=6",{}])</script>')
    (det,) = scan_text(tmp_path, html, db).detections
    assert (det.vendor, det.via, det.verdict.status.value) == ("hotjar", "inline-loader", "ungated")
