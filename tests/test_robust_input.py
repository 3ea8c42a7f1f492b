"""Issue 13, "a recorder hidden from the gate": input that once lost a file's recorder (or made
the scan trust nothing) now keeps it, with a diagnostic that says what was wrong."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from tests.conftest import scan_file, scan_text

RECORDER = '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>'


def _export(tag_changes: dict, cv_changes: dict | None = None) -> str:
    tag = {
        "tagId": "1",
        "name": "Hotjar",
        "type": "html",
        "firingTriggerId": ["2147479553"],
        "parameter": [{"type": "TEMPLATE", "key": "html", "value": RECORDER}],
    }
    tag.update(tag_changes)
    cv = {"containerId": "1", "tag": [tag], "trigger": []}
    cv.update(cv_changes or {})
    return json.dumps({"exportFormatVersion": 2, "containerVersion": cv}, indent=1)


def _gtm(tmp_path: Path, db, text: str):
    path = tmp_path / "container.json"
    path.write_text(text)
    return scan_file(path, db)


def test_a_trigger_id_written_as_a_string_is_one_trigger(tmp_path: Path, db) -> None:
    """'2147479553' was read as ten one-character trigger ids: the All Pages tag became unverifiable."""
    result = _gtm(tmp_path, db, _export({"firingTriggerId": "2147479553"}))
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("hotjar", "ungated")]


@pytest.mark.parametrize(
    "tag_changes, cv_changes, where",
    [
        ({"parameter": "html"}, None, "containerVersion.tag[0].parameter is not a list"),
        ({"consentSettings": "NEEDED"}, None, "containerVersion.tag[0].consentSettings is not an object"),
        ({"consentSettings": {"consentType": []}}, None, "containerVersion.tag[0].consentSettings.consentType is not an object"),
        ({"firingTriggerId": [{"id": 1}]}, None, "containerVersion.tag[0].firingTriggerId[0] is not an id"),
        ({}, {"trigger": {"1": {}}}, "containerVersion.trigger is not a list"),
        ({}, {"trigger": ["PAGEVIEW"]}, "containerVersion.trigger[0] is not an object"),
        ({}, {"customTemplate": "x"}, "containerVersion.customTemplate is not a list"),
    ],
)
def test_a_malformed_export_is_reported_as_invalid_and_what_it_holds_is_kept(tmp_path: Path, db, tag_changes, cv_changes, where) -> None:
    """Strings or dicts where GTM writes objects raised AttributeError: an internal error, the file lost."""
    result = _gtm(tmp_path, db, _export(tag_changes, cv_changes))
    assert [(d.code, d.message.split(";")[0]) for d in result.diagnostics] == [("gtm-export-invalid", where)]
    if "parameter" not in tag_changes:
        assert [d.vendor for d in result.detections] == ["hotjar"]


def test_a_tag_list_of_strings_is_invalid_not_an_internal_error(tmp_path: Path, db) -> None:
    result = _gtm(tmp_path, db, _export({}, {"tag": ["html", 5, None]}))
    assert [d.code for d in result.diagnostics] == ["gtm-export-invalid"]


@pytest.mark.parametrize("codec", ["base64", "zlib", "rot13", "hex", "bz2", "uu", "quopri", "undefined", "punycode", "cp037", "utf-7"])
@pytest.mark.parametrize("name", ["page.html", "app.js"])
def test_a_declared_charset_that_is_not_a_text_encoding_is_ignored_with_a_note(codec: str, name: str, tmp_path: Path, db) -> None:
    """<meta charset="base64"> raised in reading._decode_as (internal error, recorder lost);
    cp037 decoded the page as EBCDIC and found nothing."""
    code = 'window.hj=function(){};(function(h,o,t,j,a,r){a=o.createElement("script");a.src="https://static.hotjar.com/c/hotjar-"+h._hjSettings.hjid+".js?sv=6";})(window,document);'
    head = f'<meta charset="{codec}">'
    text = f"<html><head>{head}{RECORDER}</head></html>" if name.endswith(".html") else f"// {head}\n{code}\n"
    path = tmp_path / name
    path.write_text(text)
    result = scan_file(path, db)
    assert [d.vendor for d in result.detections] == ["hotjar"]
    assert [d.code for d in result.diagnostics] == ["charset-ignored"]


def test_a_utf16_script_with_a_bom_is_searched_as_text(tmp_path: Path, db) -> None:
    """The raw-bytes prefilter saw 'h\\0o\\0t\\0j\\0a\\0r' and found nothing, with no diagnostic."""
    path = tmp_path / "app.js"
    path.write_bytes(codecs.BOM_UTF16_LE + "import Hotjar from '@hotjar/browser';\nHotjar.init(123, 6);\n".encode("utf-16-le"))
    result = scan_file(path, db)
    assert [(d.vendor, d.location.line) for d in result.detections] == [("hotjar", 2)]


@pytest.mark.parametrize("char", ["\x0e", "\x01", "\x7f", "\x1b"])
def test_a_control_character_in_an_attribute_does_not_reach_lxml(char: str, tmp_path: Path, db) -> None:
    """`<script src=… \\x0e>`: lxml named an attribute "\\x0e" and raised ValueError on reading it."""
    path = tmp_path / "page.html"
    path.write_text(f'<html><head><script src="https://static.hotjar.com/c/hotjar-1.js" {char}></script></head></html>')
    result = scan_file(path, db)
    assert [d.vendor for d in result.detections] == ["hotjar"]
    assert not result.diagnostics


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw.replace(b"Next.js", b"Next\xff.js"),
        lambda raw: raw.replace(b'"paths": {', b'"paths": [{').replace(b'},\n    "jsx"', b'}],\n    "jsx"'),
    ],
    ids=["invalid-byte", "paths-list"],
)
def test_a_damaged_tsconfig_does_not_skip_the_cross_file_pass(damage, tmp_path: Path, request) -> None:
    """One invalid byte in tsconfig.json skipped the whole cross-file pass (crossfile._aliases
    caught only OSError): the portal app dropped from its high findings to none."""
    import shutil

    from analyzer.scan import ScanOptions, run
    from tests.conftest import FIXTURES

    app = tmp_path / "portal"
    shutil.copytree(FIXTURES / "crossfile" / "portal", app)
    (app / "tsconfig.json").write_bytes(damage((app / "tsconfig.json").read_bytes()))
    result = run(ScanOptions(paths=(str(app),)))
    assert not [d for d in result.diagnostics if d.code == "internal-error"]
    if request.node.callspec.id == "invalid-byte":
        intact = run(ScanOptions(paths=(str(FIXTURES / "crossfile" / "portal"),)))
        high = lambda r: len([f for f in r.findings if f.severity.label == "high"])  # noqa: E731
        assert high(result) == high(intact) >= 2


def test_a_nul_byte_does_not_hide_a_recorder(tmp_path: Path, db) -> None:
    """A page with one NUL byte in its first 8 KB was skipped as binary: its recorder was gone."""
    path = tmp_path / "page.html"
    path.write_bytes(b"<html>\x00<head>" + RECORDER.encode() + b"</head></html>")
    result = scan_file(path, db)
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("hotjar", "unverifiable")]
    assert [d.code for d in result.diagnostics] == ["binary"]


def test_template_syntax_inside_a_start_tag_is_not_an_internal_error(tmp_path: Path, db) -> None:
    """A Jekyll include writes Liquid inside start tags (``<script src=… {% if x %}integrity=…{% endif %}>``):
    lxml makes attribute names such as ``{%`` of it and raises on reading them, which failed the
    whole file ("analysis failed: ValueError: Invalid tag name") and lost its recorder and fields."""
    page = (
        '<link rel="stylesheet" href="/a.css" {% if site.sri %} integrity="{{ site.sri }}" {% endif %}>\n'
        '<script src="https://cdn.example/jq.js" {% if site.github %} crossorigin="anonymous" {% endif %}></script>\n'
        "<script>(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
        "h._hjSettings={hjid:12345,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');"
        "r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);"
        "})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>\n"
        '<form><label for="d">Diagnosis</label><input id="d" name="diagnosis" {% if req %} required {% endif %}></form>\n'
    )
    result = scan_text(tmp_path, page, db)
    assert not [d for d in result.facts.diagnostics if d.code == "internal-error"]
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("hotjar", "ungated")]
    assert [f.classification.category for f in result.facts.fields] == ["health"]


def test_a_script_written_as_an_ejs_template_is_read_with_its_tags_neutralised(tmp_path: Path, db) -> None:
    """A Nuxt module's plugin template (``const options = <%= serialize(options) %>;``) does not parse
    as JavaScript: its recorder was reported as a snippet that does not parse (RL130), not as a start."""
    plugin = (
        "export default async (ctx) => {\n"
        "  const options = <%= serialize(options) %>;\n"
        "\n"
        "  // Install smartlook\n"
        "  window.smartlook || (function (d) {\n"
        "    var o = window.smartlook = function () { o.api.push(arguments) }, h = d.getElementsByTagName('head')[0];\n"
        "    var c = d.createElement('script'); o.api = new Array(); c.async = true; c.type = 'text/javascript';\n"
        "    c.charset = 'utf-8'; c.src = 'https://rec.smartlook.com/recorder.js'; h.appendChild(c);\n"
        "  })(document);\n"
        "\n"
        "  window.smartlook('init', options.id);\n"
        "}\n"
    )
    result = scan_text(tmp_path, plugin, db, name="plugin.js")
    assert [(d.vendor, d.location.line) for d in result.detections] == [("smartlook", 5)]
    assert result.detections[0].verdict.status.value != "gated"
    assert not [f for f in result.findings if f.rule == "RL130"]


def test_template_tags_inside_the_strings_of_a_working_script_are_left_alone(tmp_path: Path, db) -> None:
    """``<%`` in a string of a script that parses (a lodash template it renders) is no template tag:
    the script is read as written."""
    script = (
        "var row = _.template('<td><%= name %></td>');\n"
        "(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};\n"
        "h._hjSettings={hjid:1,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');\n"
        "r.async=1;r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);\n"
        "})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');\n"
    )
    result = scan_text(tmp_path, script, db, name="app.js")
    assert [(d.vendor, d.location.line, d.verdict.status.value) for d in result.detections] == [("hotjar", 2, "ungated")]


@pytest.mark.parametrize("name", ["page.njk", "page.php", "page.html"])
def test_a_form_feed_after_a_template_brace_keeps_the_recorder(tmp_path: Path, db, name: str) -> None:
    # lxml kept the form feed in the page's text and then refused it back when a translated message's words
    # were written in its place: the whole file raised ValueError (found by tests/test_fuzz.py).
    one = scan_text(tmp_path, f"<html><head>{RECORDER}{{{{\x0c</head><body><label>Notes {{{{\x0c x</label></body>", db, name)
    assert [d.vendor for d in one.detections] == ["hotjar"]
