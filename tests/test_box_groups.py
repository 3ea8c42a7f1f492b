"""A radio group, and a group of checkboxes of one name, is one question (fieldfacts._controls): reported once at its
first box, with every box's text as its options and the lines of its other boxes (``FieldSite.box_lines``, the JSON
report's ``box_lines``). A lone checkbox is its own question."""

from __future__ import annotations

from tests.conftest import scan_text


def test_a_group_of_boxes_is_one_field_with_its_other_boxes_lines(tmp_path, db) -> None:
    page = """<form>
<fieldset><legend>Which drugs have you used?</legend>
<label><input type="checkbox" name="drugs[]" value="c"> Cannabis</label>
<label><input type="checkbox" name="drugs[]" value="h"> Hallucinogens</label>
<label><input type="checkbox" name="drugs[]" value="d"> Downers</label>
</fieldset>
<label><input type="checkbox" name="hiv"> I live with HIV</label>
</form>"""
    sites = {s.name: s for s in scan_text(tmp_path, page, db, "drugs.html").fields}
    assert sites.keys() == {"drugs[]", "hiv"}, sites
    assert (sites["drugs[]"].line, sites["drugs[]"].box_lines) == (3, (4, 5)), sites["drugs[]"]
    assert "Hallucinogens" in sites["drugs[]"].texts.get("options", ""), sites["drugs[]"].texts
    assert sites["hiv"].box_lines == (), sites["hiv"]


_RECORDED = """<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head><body>
<form>
<fieldset><legend>Which conditions do you have?</legend>
<label><input type="checkbox" name="conditions" value="a"> Asthma</label>
<label><input type="checkbox" name="conditions" value="d"> Diabetes</label>
<label><input type="checkbox" name="conditions" value="h"> HIV</label>
</fieldset>
</form></body></html>"""


def test_the_reports_name_a_groups_other_boxes(tmp_path, capsys) -> None:
    """The JSON report's ``box_lines`` and SARIF's ``relatedLocations`` name the boxes a group's one finding stands for."""
    import json

    from analyzer.cli import main

    (tmp_path / "index.html").write_text(_RECORDED, encoding="utf-8")
    main(["scan", str(tmp_path), "--format", "json"])
    fields = json.loads(capsys.readouterr().out)["fields"]
    assert [(f["name"], f["line"], f["box_lines"]) for f in fields] == [("conditions", 4, [5, 6])], fields
    main(["scan", str(tmp_path), "--format", "sarif"])
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    field = next(r for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 4)
    related = [r["physicalLocation"]["region"]["startLine"] for r in field["relatedLocations"]]
    assert related == [5, 6], field
