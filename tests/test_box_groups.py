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
