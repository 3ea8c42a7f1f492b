"""Fuzzing the readers (Hypothesis): the decoder, the HTML fact extractor, the template
neutraliser, the source-map decoder, the GTM reader and the config loader. Properties: no
exception escapes (other than the documented ConfigError), positions stay inside the file, and a
recorder is never lost to a mutation elsewhere in the file. The whole module runs in well under
two minutes (example counts below); raise them locally with HYPOTHESIS_PROFILE=deep.
"""

from __future__ import annotations

import json
import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer import config, signatures
from analyzer.consent import gtm
from analyzer.parse import htmldoc, reading, sourcemap, templates
from analyzer.read.discover import SourceFile
from analyzer.read.engine import analyze
from analyzer.rules import RULES

settings.register_profile(
    "ci", max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
settings.register_profile(
    "deep", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

DB = signatures.load()
RECORDER = '<script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script>'
# Markup-ish text: the characters and tokens that steer parsers, with arbitrary text between.
TOKENS = [
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<input name=email>",
    "<form>",
    "{%",
    "%}",
    "{{",
    "}}",
    "<%",
    "%>",
    "<?php",
    "?>",
    "@if(",
    ")",
    "'",
    '"',
    "\\",
    "\n",
    "\r",
    "\t",
    "\x00",
    "\x0e",
    "\x1b",
    "\ufeff",
    "é",
    "\udcff",
    " ",
    "=",
    "&amp;",
]
markup = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=40).map("".join)


def _inside(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


@given(
    st.binary(max_size=3000)
    | st.builds(
        lambda cs, body: f'<meta charset="{cs}">'.encode() + body,
        st.sampled_from(
            [
                "base64",
                "zlib",
                "rot13",
                "hex",
                "bz2",
                "uu",
                "quopri",
                "undefined",
                "punycode",
                "cp037",
                "utf-7",
                "utf-16",
                "idna",
                "x" * 40,
                "latin-1",
            ]
        ),
        st.binary(max_size=200),
    )
)
def test_the_decoder_never_raises(data: bytes) -> None:
    text = reading.decode(data)
    assert isinstance(text.text, str) and reading.text_codec(text.encoding)
    reading.as_utf8(data)


@given(markup)
def test_html_facts_stay_inside_the_file(text: str) -> None:
    page = htmldoc.parse(text)
    for el in page.elements + page.comments:
        if el._index >= 0:  # recovered elements carry their own offset
            assert _inside(text, *el.position), (el, el.position)
    for el in page.elements:
        if el.tag == "script":
            page.body_position(el)
    list(htmldoc.strings(page))


def _scan(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return analyze(
        SourceFile(path, name, "template" if name.endswith((".njk", ".erb", ".php")) else "html", tmp_path), DB, 10 * 1024 * 1024
    )


# Text after a recorder cannot legitimately hide it; so may any text before it that opens no
# markup context (no "<" or "{"/"%" for templates, no NUL that marks a file binary).
safe_prefix = st.text(alphabet=st.characters(blacklist_characters="<{%\x00", blacklist_categories=("Cs",)), max_size=60)


@given(prefix=safe_prefix, suffix=markup)
def test_a_page_recorder_survives_any_suffix(tmp_path_factory, prefix: str, suffix: str) -> None:
    tmp = tmp_path_factory.mktemp("page")
    result = _scan(tmp, "page.html", f"<html><head>{prefix}{RECORDER}{suffix}".encode("utf-8", "surrogateescape"))
    assert "hotjar" in [d.vendor for d in result.detections], result.diagnostics
    text = (tmp / "page.html").read_bytes().decode("utf-8", "replace")
    for d in result.detections:
        assert _inside(text, d.location.line, d.location.column)


@given(prefix=safe_prefix, suffix=markup, name=st.sampled_from(["page.njk", "page.erb", "page.php"]))
def test_a_template_recorder_survives_any_suffix(tmp_path_factory, prefix: str, suffix: str, name: str) -> None:
    tmp = tmp_path_factory.mktemp("tpl")
    result = _scan(tmp, name, f"<html><head>{prefix}{RECORDER}{suffix}".encode("utf-8", "surrogateescape"))
    assert "hotjar" in [d.vendor for d in result.detections], result.diagnostics


@given(markup, st.sampled_from(["php", "blade", "liquid", "jinja", "handlebars", "erb", "go"]))
def test_the_template_neutraliser_keeps_length_and_lines(text: str, dialect: str) -> None:
    out, tpl = templates.analyse(text, dialect)
    assert len(out) == len(text)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    for r in tpl.regions:
        assert 0 <= r.start < r.end <= len(text)
    for b in tpl.branches:
        assert 0 <= b.start <= b.end <= len(text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=30,
)
vlq = st.text(alphabet=string.ascii_letters + string.digits + "+/,;!", max_size=200)


@given(
    st.one_of(
        json_values,
        st.fixed_dictionaries({"version": st.just(3), "sources": json_values, "mappings": vlq | json_values, "sourceRoot": json_values}),
    ),
    st.integers(-5, 50),
    st.integers(-5, 500),
)
def test_the_source_map_decoder_never_raises(doc, line: int, column: int) -> None:
    if isinstance(doc, dict):
        smap = sourcemap.SourceMap(doc, Path("/tmp"))
        smap.lookup(line, column)
        smap.lookup(line + 1, column)


@given(st.text(max_size=300), st.binary(max_size=300))
def test_finding_a_source_map_never_raises(tmp_path_factory, tail: str, map_bytes: bytes) -> None:
    tmp = tmp_path_factory.mktemp("map")
    (tmp / "app.js.map").write_bytes(map_bytes)
    found, note = sourcemap.find(tmp / "app.js", "var a = 1;\n" + tail, str(tmp))
    if found is not None:
        found.lookup(1, 1)


def _export(tag_extra: dict, cv_extra: dict) -> dict:
    tag = {
        "tagId": "7",
        "name": "Hotjar",
        "type": "html",
        "firingTriggerId": ["2147479553"],
        "parameter": [{"type": "TEMPLATE", "key": "html", "value": RECORDER}],
    }
    cv = {"containerId": "1", "tag": [tag], "trigger": []}
    cv.update({k: v for k, v in cv_extra.items() if k not in ("tag",)})
    tag.update({k: v for k, v in tag_extra.items() if k not in ("type", "parameter")})
    return {"exportFormatVersion": 2, "containerVersion": cv}


keys = st.sampled_from(
    [
        "tag",
        "trigger",
        "customTemplate",
        "containerId",
        "name",
        "tagId",
        "firingTriggerId",
        "consentSettings",
        "parameter",
        "type",
        "triggerId",
        "filter",
        "customEventFilter",
        "consentStatus",
        "list",
        "value",
        "key",
    ]
)


@given(st.dictionaries(keys, json_values, max_size=4), st.dictionaries(keys, json_values, max_size=4))
def test_the_gtm_reader_keeps_the_recorder_and_its_place(tag_extra: dict, cv_extra: dict) -> None:
    text = json.dumps(_export(tag_extra, cv_extra), indent=1)
    found = gtm.analyze(text, DB)
    assert not isinstance(found, str)
    assert "hotjar" in [site.vendor.id for site, _ in found.sites]
    for site, _ in found.sites:
        assert _inside(text, site.element.line, site.element.column)


@given(json_values)
def test_the_gtm_reader_never_raises_on_any_json(doc) -> None:
    text = json.dumps({"exportFormatVersion": 2, "containerVersion": doc})
    found = gtm.analyze(text, DB)
    if not isinstance(found, str):
        for site, _ in found.sites:
            assert _inside(text, site.element.line, site.element.column)


config_keys = st.sampled_from(sorted(config._KEYS) + ["tool", "replaylint", "x"])


@given(st.dictionaries(config_keys, json_values, max_size=5))
def test_the_config_loader_raises_only_config_errors(table: dict) -> None:
    try:
        config.parse(table, "fuzz.toml", Path("/tmp"), frozenset(RULES))
    except config.ConfigError:
        pass


@given(st.binary(max_size=400) | markup.map(lambda t: t.encode("utf-8", "surrogateescape")))
def test_a_config_file_of_any_bytes_is_a_config_or_a_config_error(tmp_path_factory, data: bytes) -> None:
    tmp = tmp_path_factory.mktemp("cfg")
    for name in (".replaylint.toml", "pyproject.toml"):
        (tmp / name).write_bytes(data)
        try:
            config.load(tmp / name, frozenset(RULES))
            config.find(tmp)
        except config.ConfigError:
            pass


@pytest.mark.parametrize("size", ["10M", "1.5k", "7", "4G"])
def test_a_valid_size_parses(size: str) -> None:
    assert config.parse_size(size) > 0


_YAML_BITS = st.sampled_from(
    [
        "---\n",
        "question: ",
        "fields:\n",
        "  - ",
        "Diagnosis: dx\n",
        "    datatype: ",
        "area\n",
        "choices:\n",
        "yesno: x\n",
        "field: f\nbuttons:\n",
        "- [",
        "{",
        ": ",
        "&a ",
        "*a\n",
        "!!tag ",
        "'",
        '"',
        "\t",
        "\n",
        "é",
        "\x00",
    ]
)


@given(st.lists(_YAML_BITS, max_size=60).map("".join))
def test_the_docassemble_reader_never_raises(text: str) -> None:
    from analyzer.parse import docassemble, php_arrays

    written = docassemble.page(text, signatures.load().docassemble)
    assert written == "" or written.startswith("<html>")
    assert len(php_arrays.script(text, frozenset({"__", "t"}))) == len(text)
