"""The compliant-pattern rules (RL5xx): annotated fixture sites per language, and tables for each
mechanism whose case ids name the false positive they guard against."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.facts import cmp_filing, disclosure, legal_basis, policy_pages, unmasking, withdrawal
from analyzer.parse import prose
from analyzer.scan import ScanOptions, run
from tests.annotations import parse
from tests.conftest import FIXTURES

SITES = sorted(p for p in (FIXTURES / "compliance").iterdir() if p.is_dir())
TEXT = {".html", ".md", ".js", ".ts", ".tsx", ".jsx"}


def _annotations(site: Path) -> tuple[set, set]:
    findings, detections = set(), set()
    for path in sorted(site.rglob("*")):
        if path.suffix not in TEXT:
            continue
        for e in parse(path.read_text(encoding="utf-8")):
            if e.kind == "finding" and e.subject.startswith("RL5"):
                findings.add((path.resolve(), e.line, e.subject))
            elif e.kind == "detection":
                detections.add((path.resolve(), e.line, e.subject, e.status))
    return findings, detections


@pytest.mark.parametrize("site", SITES, ids=[p.name for p in SITES])
def test_site_findings_are_exactly_the_annotated_ones(site: Path) -> None:
    result = run(ScanOptions(paths=(str(site),)))
    want_findings, want_detections = _annotations(site)
    got_findings = {(Path(f.location.path).resolve(), f.location.line, f.rule) for f in result.findings if f.rule.startswith("RL5")}
    got_detections = {(Path(d.location.path).resolve(), d.location.line, d.vendor, d.verdict.status.value) for d in result.detections}
    assert got_detections == want_detections
    assert got_findings == want_findings, (
        f"missing {sorted(want_findings - got_findings)}; unexpected {sorted(got_findings - want_findings)}"
    )
    assert not [d for d in result.diagnostics if d.code == "internal-error"]


def test_a_site_per_language_family_with_both_variants() -> None:
    names = {p.name for p in SITES}
    for lang in ("en", "de", "fr", "it", "es", "nl"):
        assert {f"{lang}-compliant", f"{lang}-noncompliant"} <= names
    rules = {rule for site in SITES for _, _, rule in _annotations(site)[0]}
    assert rules == {"RL501", "RL502", "RL503", "RL504", "RL505", "RL506"}


def test_delegated_cookie_declaration_lowers_the_disclosure_finding_to_info() -> None:
    result = run(ScanOptions(paths=(str(FIXTURES / "compliance" / "nl-noncompliant"),)))
    found = [f for f in result.findings if f.rule == "RL501"]
    assert [f.severity.label for f in found] == ["info"] and "Cookiebot fills the cookie list" in found[0].message


def test_json_report_lists_the_policy_pages_read(tmp_path: Path, capsys) -> None:
    from analyzer.cli import main

    main(["scan", str(FIXTURES / "compliance" / "en-compliant"), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    pages = {Path(p["path"]).name: p for p in doc["policies"]}
    assert pages["cookies.md"]["kinds"] == ["cookie"] and {n["how"] for n in pages["cookies.md"]["named"] if n["vendor"] == "hotjar"} == {
        "cookie"
    }
    assert {(n["vendor"], n["how"]) for n in pages["privacy.md"]["named"]} >= {("posthog", "product"), ("fullstory", "link")}


def test_sarif_carries_the_compliance_rules(capsys) -> None:
    from analyzer.cli import main

    main(["scan", str(FIXTURES / "compliance" / "en-noncompliant"), "--format", "sarif"])
    doc = json.loads(capsys.readouterr().out)
    rules = {r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    results = {r["ruleId"] for r in doc["runs"][0]["results"]}
    assert {"RL501", "RL503", "RL504", "RL505", "RL506"} <= results <= rules


# -- policy pages -------------------------------------------------------------------------------

RECOGNISED = {
    "en-privacy-policy-folder": ("site/privacy-policy/index.html", "<h1>x</h1>", "privacy"),
    "de-datenschutz-markdown": ("content/datenschutz.md", "# Datenschutz", "privacy"),
    "de-umlaut-file-name": ("public/Datenschutzerklärung.md", "text", "privacy"),
    "fr-slug-with-language-suffix": ("content/cookies.fr.md", "texte", "cookie"),
    "it-informativa-title-only": ("pagine/legale.html", "<title>Informativa sulla privacy | Rossi</title>", "privacy"),
    "es-title-part-after-separator": ("legal.html", "<title>Acme – Política de cookies</title>", "cookie"),
    "nl-cookieverklaring": ("content/cookieverklaring.md", "tekst", "cookie"),
    "pt-politica": ("content/politica-de-privacidade/index.md", "texto", "privacy"),
    "sv-integritetspolicy": ("content/integritetspolicy.md", "text", "privacy"),
    "subprocessor-list": ("docs/legal/sub-processors.md", "# Sub-processors", "subprocessors"),
    "camelcase-component-name": ("src/CookiePolicies_it.js", "const A = () => <p><strong>Cookie Policy</strong></p>", "cookie"),
    "cookiebot-declaration-embed": (
        "site/legal.html",
        '<script id="CookieDeclaration" src="https://consent.cookiebot.com/x/cd.js"></script>',
        "cookie",
    ),
}

NOT_RECOGNISED = {
    "blog-post-about-cookies-recipes": ("blog/chocolate-chip.md", "# How we bake cookies"),
    "footer-component-linking-the-policy": ("src/Footer.jsx", 'export const F = () => <a href="/privacy">Privacy Policy</a>'),
    "cookie-helper-module": ("src/utils/cookies.js", "export function read(name) { return document.cookie; }"),
    "readme": ("README.md", "# Acme website"),
}


@pytest.mark.parametrize("case", sorted(RECOGNISED))
def test_policy_page_is_recognised(case: str, db) -> None:
    path, text, kind = RECOGNISED[case]
    code = "code" if path.endswith((".js", ".jsx", ".ts", ".tsx")) else "markdown" if path.endswith(".md") else "html"
    kinds, why, _, _ = policy_pages.recognise(path, code, text, db)
    assert kind in kinds, why


@pytest.mark.parametrize("case", sorted(NOT_RECOGNISED))
def test_not_a_policy_page(case: str, db) -> None:
    path, text = NOT_RECOGNISED[case]
    code = "code" if path.endswith((".js", ".jsx")) else "markdown"
    assert policy_pages.recognise(path, code, text, db)[0] == []


# -- disclosure ---------------------------------------------------------------------------------

NAMED = {
    "product-name": ("We use Hotjar to improve the site.", {("hotjar", "product")}),
    "entity-only": ("Recipient: Mouseflow ApS, Copenhagen.", {("mouseflow", "product"), ("mouseflow", "entity")}),
    "cookie-table-prefix-key": ("| `_hjSessionUser_{site_id}` | 1 year |", {("hotjar", "cookie")}),
    "cookie-underscore-eaten-by-markdown": ("| hjClosedSurveyInvites | 365 days |", {("hotjar", "cookie")}),
    "escaped-underscore": ("| \\_hjid | 1 year |", {("hotjar", "cookie")}),
    "footnote-link": ("Details in their terms[^1].\n\n[^1]: https://www.fullstory.com/legal/privacy-policy/", {("fullstory", "link")}),
    "nbsp-between-words": ("We use Microsoft&nbsp;Clarity.", {("clarity", "product")}),
    "cased-name": ("Clarity records sessions.", {("clarity", "product")}),
}

NOT_NAMED = {
    "common-word-lower-case": "For clarity, we explain each purpose.",
    "weak-shared-cookie": "| MUID | Microsoft | 1 year |",
    "google-amp-token-is-not-amplitude": "| AMP_TOKEN | Google | 1 year |",
    "shared-entity-alone": "Maps are provided by Microsoft Corporation.",
    "heap-as-a-word": "We keep a heap of old invoices.",
    "script-tag-loading-the-recorder": '<script src="https://static.hotjar.com/c/hotjar-1.js"></script><p>We use cookies.</p>',
    "html-comment": "<!-- Hotjar removed in 2023 --><p>No analytics.</p>",
}


@pytest.mark.parametrize("case", sorted(NAMED))
def test_vendor_is_named(case: str, db) -> None:
    text, want = NAMED[case]
    page = prose.from_markdown(text) if "|" in text or "[^1]" in text else prose.from_html(f"<p>{text}</p>")
    got = {(n.vendor, n.how) for n in disclosure.matcher(db).namings(page)}
    assert want <= got


@pytest.mark.parametrize("case", sorted(NOT_NAMED))
def test_vendor_is_not_named(case: str, db) -> None:
    text = NOT_NAMED[case]
    page = prose.from_markdown(text) if text.startswith("|") else prose.from_html(text)
    assert disclosure.matcher(db).namings(page) == []


def test_naming_position_is_the_source_line(db) -> None:
    page = prose.from_html("<html>\n<body>\n<p>We use\n<strong>Hot</strong>jar</p>\n</body></html>")
    assert [(n.vendor, n.line) for n in disclosure.matcher(db).namings(page)] == [("hotjar", 4)]  # inline tags join words
    page = prose.from_html("<html>\n<body>\n<p>Provider:\n<b>Hotjar Ltd.</b></p>\n</body></html>")
    named = {n.how: (n.line, n.column) for n in disclosure.matcher(db).namings(page)}
    assert named["product"] == (4, 4)


# -- legitimate interest ------------------------------------------------------------------------

CLAIMS = {
    "en-vendor-in-sentence": "We use Hotjar on the basis of our legitimate interest in improving the site.",
    "en-citation-only": "Heatmaps of our pages are made under Art. 6(1)(f) GDPR.",
    "de-heading-section": "## Hotjar\n\nWir nutzen ein Analysetool.\n\nDie Nutzung erfolgt auf Grundlage von Art. 6 Abs. 1 lit. f DSGVO.",
    "de-inflected-phrase": "Wir zeichnen Sitzungen auf (Session-Recording), gestützt auf unsere berechtigten Interessen.",
    "fr-heatmaps": "Nous utilisons des cartes de chaleur sur la base de notre intérêt légitime.",
    "it-registrazioni": "Le registrazioni delle sessioni si basano sul legittimo interesse del titolare.",
    "es-analytics-category-on-a-recording-page": "Usamos Hotjar.\n\nLa analítica se basa en nuestro interés legítimo.",
    "nl-heatmaps": "Wij maken heatmaps op grond van ons gerechtvaardigd belang.",
    "pt-legitimo-interesse": "Usamos mapas de calor com base no nosso interesse legítimo.",
    "pl-citation": "Nagrania sesji przetwarzamy na podstawie art. 6 ust. 1 lit. f RODO.",
    "sv-table-row": "Vi använder Hotjar.\n\n| Analysdata | Berättigat intresse |",
    "paragraph-names-the-recorder": "We use Hotjar to see how visitors move. The legal basis is our legitimate interest.",
}

NO_CLAIMS = {
    "fraud-prevention-only": "We use Hotjar with your consent.\n\nWe keep server logs to prevent fraud, based on our legitimate interest "
    "(Art. 6(1)(f) GDPR).",
    "negated": "We use Hotjar for heatmaps. We do not rely on legitimate interest for this; we ask for your consent.",
    "bare-list-of-bases": "We use Hotjar with your consent.\n\nThe GDPR bases are consent (a), contract (b), legal obligation (c), vital "
    "interests (d), public task (e) and legitimate interests (f).",
    "google-analytics-section": "We use Hotjar with your consent.\n\n## Google Analytics\n\nWe use Google Analytics on the basis of our "
    "legitimate interest in analysing usage.",
    "de-server-logs": "Wir nutzen Hotjar mit Ihrer Einwilligung.\n\n## Server-Log-Dateien\n\nDie Erfassung erfolgt auf Grundlage von Art. "
    "6 Abs. 1 lit. f DSGVO.",
    "art-6-1-a-is-consent": "Heatmaps are made only with your consent (Art. 6(1)(a) GDPR).",
    "newsletter": "Wir nutzen Hotjar mit Einwilligung.\n\nDen Newsletter versenden wir auf Grundlage unseres berechtigten Interesses an "
    "Direktwerbung.",
}


def _claims(text: str, db) -> list:
    page = prose.from_markdown(text)
    matcher = disclosure.matcher(db)
    return legal_basis.claims(page, matcher.spans(page), frozenset(db.vendors), db)


@pytest.mark.parametrize("case", sorted(CLAIMS))
def test_legitimate_interest_for_recording_is_claimed(case: str, db) -> None:
    assert [c for c in _claims(CLAIMS[case], db) if not c.conditional]


@pytest.mark.parametrize("case", sorted(NO_CLAIMS))
def test_no_legitimate_interest_for_recording(case: str, db) -> None:
    assert _claims(NO_CLAIMS[case], db) == []


def test_analytics_li_on_a_page_naming_no_recorder_is_conditional(db) -> None:
    (claim,) = _claims("| Analysdata | Berättigat intresse (webbplatsförbättring) |", db)
    assert claim.conditional and claim.covers == "the analytics category"


def test_sentences_keep_citations_and_abbreviations_whole() -> None:
    text = "Die Nutzung erfolgt gem. Art. 6 Abs. 1 lit. f DSGVO, z.B. für Heatmaps. Hotjar Ltd. sitzt in Malta."
    assert [text[s:e] for s, e in legal_basis.sentences(text)] == [
        "Die Nutzung erfolgt gem. Art. 6 Abs. 1 lit. f DSGVO, z.B. für Heatmaps.",
        "Hotjar Ltd. sitzt in Malta.",
    ]


# -- consent-manager filings --------------------------------------------------------------------

FILINGS = {
    "klaro-required": (
        "var klaroConfig = {services: [{name: 'hotjar', purposes: ['analytics'], required: true}]};",
        "hotjar",
        "required: true",
    ),
    "klaro-opt-out": (
        "var klaroConfig = {services: [{name: 'clarity', title: 'Microsoft Clarity', purposes: ['analytics'], optOut: true}]};",
        "clarity",
        "optOut: true",
    ),
    "cookieconsent-readonly-category": (
        "CookieConsent.run({categories: {necessary: {readOnly: true, services: {hotjar: {label: 'Hotjar'}}}}});",
        "hotjar",
        "readOnly: true",
    ),
    "essential-category-name": ("const registry = [{id: 'fullstory', category: 'essential'}];", "fullstory", "always on"),
    "tcf-legitimate-interest-purpose": (
        "const vendors = [{name: 'Hotjar', purposes: [1], legIntPurposes: [8, 9]}];",
        "hotjar",
        "legIntPurposes",
    ),
    "legal-basis-cites-6-1-f": (
        "const services = [{id: 'hotjar', category: 'statistik', legalBasis: 'Art. 6 Abs. 1 lit. f DSGVO'}];",
        "hotjar",
        "legitimate interest",
    ),
}

COMPLIANT_FILINGS = {
    "klaro-analytics-refusable": "var klaroConfig = {services: [{name: 'hotjar', purposes: ['analytics'], required: false, optOut: "
    "false}]};",
    "cookieconsent-analytics-service": "CookieConsent.run({categories: {necessary: {readOnly: true}, analytics: {services: {hotjar: "
    "{label: 'Hotjar'}}}}});",
    "registry-with-consent-basis": "const services = [{id: 'hotjar', category: 'statistiken', legalBasis: 'Art. 6 Abs. 1 lit. a DSGVO, § "
    "25 Abs. 1 TTDSG'}];",
    "translation-strings-are-not-filings": "const t = {en: {'microsoft-clarity': {title: 'Microsoft Clarity', description: 'Session "
    "recordings'}}, necessary: {}};",
}


@pytest.mark.parametrize("case", sorted(FILINGS))
def test_recorder_filed_without_consent(case: str, db) -> None:
    text, vendor, why = FILINGS[case]
    assert cmp_filing.may_hold(text, db)
    problems = [f for f in cmp_filing.filings(text, "js", db) if f.problem]
    assert [f.vendor for f in problems] == [vendor] and why in problems[0].problem


@pytest.mark.parametrize("case", sorted(COMPLIANT_FILINGS))
def test_recorder_filed_with_consent(case: str, db) -> None:
    assert [f for f in cmp_filing.filings(COMPLIANT_FILINGS[case], "js", db) if f.problem] == []


# -- masking off and withdrawal -----------------------------------------------------------------

MASKING_OFF = {
    "posthog-mask-all-inputs-false": ("posthog", "posthog.init('phc_1', {session_recording: {maskAllInputs: false}})"),
    "minified-false": ("sentry", "Sentry.replayIntegration({maskAllInputs:!1})"),
    "quoted-key": ("datadog", 'datadogRum.init({"defaultPrivacyLevel": "allow"})'),
    "logrocket-input-sanitizer-false": ("logrocket", "LogRocket.init('a/b', {dom: {inputSanitizer: false}})"),
}

MASKING_ON = {
    "posthog-mask-all-inputs-true": ("posthog", "posthog.init('phc_1', {session_recording: {maskAllInputs: true}})"),
    "datadog-mask-user-input": ("datadog", "datadogRum.init({defaultPrivacyLevel: 'mask-user-input'})"),
    "option-of-another-vendor": ("posthog", "Sentry.init({replaysSessionSampleRate: 1}); const maskAllInputs = false;"),
}


@pytest.mark.parametrize("case", sorted(MASKING_OFF))
def test_masking_turned_off(case: str, db) -> None:
    vendor, code = MASKING_OFF[case]
    assert [m.vendor for m in unmasking.options_in(code, {vendor}, db)] == [vendor]


@pytest.mark.parametrize("case", sorted(MASKING_ON))
def test_masking_left_on(case: str, db) -> None:
    vendor, code = MASKING_ON[case]
    assert unmasking.options_in(code, {vendor}, db) == []


STOPS = {
    "posthog-opt-out": ("posthog", "window.addEventListener('CookiebotOnDecline', () => posthog.opt_out_capturing());"),
    "fullstory-shutdown-double-quotes": ("fullstory", 'FS( "shutdown" );'),
    "clarity-consentv2-denied": ("clarity", "window.clarity('consentv2', {ad_Storage: 'denied', analytics_Storage: 'denied'});"),
    "sentry-get-replay-stop": ("sentry", "Sentry.getReplay()?.stop();"),
    "reload-in-consent-code": ("*", "window.addEventListener('CookiebotOnDecline', () => location.reload());"),
    "reload-spread-over-lines": ("*", "window.addEventListener('CookiebotOnDecline', () => {\n  location\n    .reload(\n  );\n});"),
    "stop-after-a-mention": ("fullstory", "// call FS('shutdown') on refusal\nconst x = 'FS';\n" + "a=1;" * 500 + "FS ( 'shutdown' );"),
}


@pytest.mark.parametrize("case", sorted(STOPS))
def test_stop_call_found(case: str, db) -> None:
    vendor, code = STOPS[case]
    stops, _ = withdrawal.facts(code, db)
    assert vendor in {s.vendor for s in stops}


def test_stop_call_written_elsewhere_in_a_large_file_is_found_where_it_stands(db) -> None:
    code = "FS.identify(u);\n" + "x();" * 20000 + "\nFS('shutdown');"
    stops, _ = withdrawal.facts(code, db)
    assert [(s.vendor, s.call) for s in stops] == [("fullstory", "FS('shutdown')")]
    assert withdrawal.facts("FS.identify(u);\n" + "x();" * 20000 + "\nFS('restart');", db)[0] == ()


def test_stop_call_position_counts_characters_not_bytes(db) -> None:
    """The search runs over UTF-8 bytes; the reported column is still a character column."""
    code = "const t = 'Zustimmung widerrufen ÄÖÜ';\nlet ü = 'ß'; posthog.opt_out_capturing();\n"
    stops, _ = withdrawal.facts(code, db)
    assert [(s.vendor, s.line, s.column) for s in stops] == [
        ("posthog", 2, code.split("\n")[1].index("opt_out_capturing") + 1)
    ]  # where the needle stands


def test_reload_outside_consent_code_is_not_a_stop(db) -> None:
    stops, _ = withdrawal.facts("button.onclick = () => window.location.reload();", db)
    assert stops == ()


def test_no_policy_finding_only_for_a_folder_scan() -> None:
    page = FIXTURES / "compliance" / "nopolicy" / "dist" / "index.html"
    assert "RL502" not in {f.rule for f in run(ScanOptions(paths=(str(page),))).findings}
    assert "RL502" in {f.rule for f in run(ScanOptions(paths=(str(page.parent),))).findings}


@pytest.mark.parametrize(
    "text",
    [
        "HOTJAR, hotjar and HotJar; Crazy   Egg and crazy\negg; Microsoft\u00a0Clarity by Microsoft Corporation",
        "www.hotjar.com, support@fullstory.com, /hotjar/ and hotjar-like tools; FullStoryX is not FullStory",
        "İstanbul office: Hotjar Ltd. and Mouseflow ApS",  # lower-casing lengthens the text: the regex alone
        "hotjarhotjar hotjar hotjar",
    ],
)
def test_name_search_tried_at_first_words_finds_what_the_regex_finds(text: str, db) -> None:
    """The families' search runs the regex only where a name's first word stands; it must yield
    exactly the regex's own leftmost non-overlapping matches."""
    for family in disclosure.matcher(db).families[:3]:
        assert family.pattern is not None
        whole = [(m.start(), m.end()) for m in family.pattern.finditer(text)]
        whole = [(s, e) for s, e in whole if family.owners.get(family._norm(text[s:e]))]
        assert [(s, e) for s, e, _f, _o in family.find(text)] == whole


@pytest.mark.parametrize(
    "head",
    [
        "title: 'My title = \\'x' heading: \"Datenschutz\" <h1 class=a>Privacy</h1> pageTitle='Cookie policy'",
        "<TITLE>Privacy Policy</TITLE> mainHeading: `Terms` subtitle: 'no' headline = \"Cookies\"",
        "İ title: 'lower-casing lengthens this text'",
        "".join(f"title: 'Page {i}', " for i in range(30)),
    ],
)
def test_code_titles_are_what_the_title_pattern_finds(head: str) -> None:
    assert policy_pages._code_titles(head) == [m.group(1) for m in policy_pages._CODE_TITLE.finditer(head)][:20]
