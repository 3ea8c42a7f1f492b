"""The signature database: it loads, every vendor has fixtures both ways, the schema rejects mistakes."""

from __future__ import annotations

import pytest

from analyzer import signatures
from analyzer.signatures.sigschema import CMP_SCHEMA, VENDOR_SCHEMA, SignatureError, regex_literal, validate
from tests.annotations import parse
from tests.conftest import FIXTURES, scan_file

SEED = ("hotjar", "clarity", "fullstory", "logrocket", "mouseflow", "smartlook", "inspectlet", "crazyegg")


def test_database_loads_with_the_replay_vendor_coverage(db) -> None:
    assert len(db.vendors) >= 44
    assert set(SEED) <= set(db.vendors)


@pytest.mark.parametrize("vendor_id", sorted(signatures.load().vendors))
def test_every_vendor_has_a_firing_and_a_quiet_fixture(vendor_id: str, db) -> None:
    folder = FIXTURES / "vendors" / vendor_id
    positives = sorted(folder.glob("positive*.html"))
    negatives = sorted(folder.glob("negative*.html"))
    assert positives and negatives, f"{vendor_id}: needs positive*.html and negative*.html in {folder}"
    for path in positives:
        assert any(d.vendor == vendor_id for d in scan_file(path, db).detections), f"{path.name} does not fire"
    for path in negatives:
        result = scan_file(path, db)
        assert not result.detections, f"{path.name} must not detect anything: {result.detections}"


@pytest.mark.parametrize("vendor_id", SEED)
def test_seed_vendor_official_snippet_detected_inline_and_as_src(vendor_id: str, db) -> None:
    folder = FIXTURES / "vendors" / vendor_id
    vias = set()
    for name in ("positive-inline.html", "positive-src.html"):
        vias |= {d.via for d in scan_file(folder / name, db).detections if d.vendor == vendor_id}
    assert vias & {"inline-snippet", "inline-loader"}, vias
    assert "script-src" in vias, vias


def test_every_vendor_states_sources_and_masking_or_says_unknown(db) -> None:
    for vendor in db.vendors.values():
        assert vendor.sources, vendor.id
        assert vendor.urls.exact or vendor.urls.suffixes or vendor.urls.regexes or vendor.snippets, vendor.id
        masking = vendor.masking
        # A masking model, or "unknown" said out loud; either way a summary a user can read (a
        # vendor without a [masking] table has none: its default "unknown" is not said out loud).
        assert masking.default, vendor.id
        assert len(masking.summary) >= 40, vendor.id
        if masking.default != "unknown":
            assert masking.fix, f"{vendor.id}: a known masking model names the attribute that fixes a field"


def test_prefilter_needles_cover_every_vendor(db) -> None:
    assert all(v.needles for v in db.vendors.values())


def _vendor(**over):
    base = {
        "schema": 1,
        "id": "x",
        "name": "X",
        "category": "session-replay",
        "summary": "s",
        "sources": ["https://example.org"],
        "detect": {"hosts": ["cdn.example.org"]},
    }
    base.update(over)
    return base


SCHEMA_MISTAKES = {
    "typo-in-key": (_vendor(detcet={}), "unknown key 'detcet'"),
    "key-in-wrong-table": (_vendor(detect={"hosts": ["a.b"], "storage_keys": ["x"]}), "unknown key 'storage_keys'"),
    "unknown-category": (_vendor(category="analytics"), "is not one of"),
    "string-instead-of-list": (_vendor(sources="https://example.org"), "expected a list"),
    "regex-does-not-compile": (_vendor(detect={"urls": ["cdn(\\.example"]}), "invalid regex"),
    "regex-nested-quantifier": (_vendor(detect={"urls": ["(a+)+\\.example\\.org"]}), "nests quantifiers"),
    "regex-without-literal": (_vendor(detect={"urls": ["[a-z]+\\.x"]}), "literal run"),
    "regex-top-level-alternation": (_vendor(detect={"urls": ["example\\.org|other\\.org"]}), "literal run"),
    "missing-required": ({"schema": 1, "id": "x"}, "missing required key"),
    "second-stage-not-a-bool": (_vendor(detect={"snippet": [{"all": ["a", "b"], "second_stage": "yes"}]}), "expected bool"),
}


@pytest.mark.parametrize("case", sorted(SCHEMA_MISTAKES))
def test_schema_rejects(case: str) -> None:
    data, message = SCHEMA_MISTAKES[case]
    with pytest.raises(SignatureError, match=message):
        validate(data, VENDOR_SCHEMA, "x.toml")


def test_cmp_schema_rejects_unknown_value_model() -> None:
    data = {
        "schema": 1,
        "id": "c",
        "name": "C",
        "sources": ["s"],
        "markup": {"inert_type_required": True, "value_model": "group", "fix": "f"},
    }
    with pytest.raises(SignatureError, match="value_model"):
        validate(data, CMP_SCHEMA, "c.toml")


@pytest.mark.parametrize(
    ("schema_name", "data", "message"),
    [
        ("SCRIPT_TYPES_SCHEMA", {"schema": 1, "executable": [""], "data": [], "code": {"injektors": ["x"]}}, "unknown key 'injektors'"),
        (
            "SCRIPT_TYPES_SCHEMA",
            {"schema": 1, "executable": [""], "data": [], "lifecycle_hook": [{"names": ["mounted"], "runs": "r"}]},
            "missing required key 'framework'",
        ),
        (
            "UI_COMPONENTS_SCHEMA",
            {"schema": 1, "component": [{"names": ["Input"], "tag": "input", "lable_prop": "label"}]},
            "unknown key 'lable_prop'",
        ),
    ],
)
def test_script_types_and_ui_components_are_schema_checked(schema_name: str, data: dict, message: str) -> None:
    import analyzer.signatures.sigschema as sigschema

    with pytest.raises(SignatureError, match=message):
        validate(data, getattr(sigschema, schema_name), "x.toml")


@pytest.mark.parametrize(
    "pattern,literal",
    [
        (r"static\.contentsquare\.com/c/contentsquare-", "static.contentsquare.com/c/contentsquare-"),
        (r"consent\.cookiebot\.(com|eu)/uc\.js", "consent.cookiebot."),
        (r"cdn\d*\.example\.org", ".example.org"),
        (r"/ruxitagentjs_", "/ruxitagentjs_"),
        (r"a|b", ""),
    ],
)
def test_regex_literal_is_required_in_every_match(pattern: str, literal: str) -> None:
    assert regex_literal(pattern) == literal


def test_vendor_file_name_must_equal_id(tmp_path) -> None:
    (tmp_path / "vendors").mkdir()
    (tmp_path / "consent").mkdir()
    text = (FIXTURES.parent / "signatures" / "vendors" / "hotjar.toml").read_text()
    (tmp_path / "vendors" / "other.toml").write_text(text)
    with pytest.raises(SignatureError, match="must equal the file name"):
        signatures.load((str(tmp_path),))


def test_user_signature_folder_adds_a_vendor_without_code(tmp_path, db) -> None:
    (tmp_path / "vendors").mkdir()
    (tmp_path / "consent").mkdir()
    (tmp_path / "vendors" / "acme.toml").write_text(
        'schema = 1\nid = "acme"\nname = "Acme Replay"\ncategory = "session-replay"\nsummary = "s"\n'
        'sources = ["https://acme.example"]\n[detect]\nhosts = ["rec.acme-replay.example"]\n'
    )
    extended = signatures.load((str(tmp_path),))
    page = tmp_path / "p.html"
    page.write_text('<html><head><script src="https://rec.acme-replay.example/r.js"></script></head></html>')
    from analyzer.read.discover import SourceFile
    from analyzer.read.engine import analyze

    result = analyze(SourceFile(page, "p.html", "html"), extended, 10**7)
    assert [d.vendor for d in result.detections] == ["acme"]


def test_fixture_annotations_name_known_vendors(db) -> None:
    for path in FIXTURES.rglob("*.html"):
        for exp in parse(path.read_text(encoding="utf-8")):
            if exp.kind == "detection":
                assert exp.subject in db.vendors, f"{path}: unknown vendor {exp.subject}"


def test_no_field_term_is_written_twice_in_one_list() -> None:
    # One source of truth per word: a term repeated in a language's strong, weak, topic or exclude list is
    # a copy that can drift (two vocabulary rounds once both wrote "emoglobina").
    import collections
    import tomllib

    from tests.conftest import ROOT

    repeated = []
    for path in sorted((ROOT / "signatures" / "fields").glob("*.toml")):
        for lang, lists in tomllib.loads(path.read_text("utf-8"))["terms"].items():
            for kind, terms in lists.items():
                repeated += [(path.name, lang, kind, t) for t, n in collections.Counter(terms).items() if n > 1]
    assert repeated == []
