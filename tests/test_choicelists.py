"""analyzer.facts.choicelists: two boxes are one list when only their own choice texts stand between them."""

from __future__ import annotations

from analyzer.facts.choicelists import one_list
from analyzer.parse import htmldoc


def _boxes(html: str):
    root = htmldoc.parse(html).root
    return {el.get("name"): el for el in root.iter("input")}


def test_labels_after_before_or_around_the_boxes_are_their_own_texts() -> None:
    after = _boxes("<div><input type=checkbox name=a> Asma</div><div><input type=checkbox name=b> Diabete</div>")
    assert one_list(after["a"], after["b"], "Asma Diabete")
    before = _boxes(
        "<p><label for=a>Asma</label><input type=checkbox id=a name=a><label for=b>Diabete</label><input type=checkbox id=b name=b></p>"
    )
    assert one_list(before["a"], before["b"], "Asma Diabete")
    wrapped = _boxes("<label><input type=checkbox name=a> Asma</label><br><label><input type=checkbox name=b> Diabete</label>")
    assert one_list(wrapped["a"], wrapped["b"], "Asma Diabete")


def test_other_words_a_control_or_a_long_way_between_them_is_not_one_list() -> None:
    worded = _boxes("<div><input type=checkbox name=a> Asma</div><h3>Newsletter</h3><div><input type=checkbox name=b> Weekly</div>")
    assert not one_list(worded["a"], worded["b"], "Asma Weekly")
    control = _boxes("<div><input type=checkbox name=a> Asma</div><input name=t><div><input type=checkbox name=b> Diabete</div>")
    assert not one_list(control["a"], control["b"], "Asma Diabete")
    far = _boxes("<div><input type=checkbox name=a> Asma</div>" + "<span></span>" * 100 + "<div><input type=checkbox name=b> Diabete</div>")
    assert not one_list(far["a"], far["b"], "Asma Diabete")
    backwards = _boxes("<div><input type=checkbox name=a> Asma</div><div><input type=checkbox name=b> Diabete</div>")
    assert not one_list(backwards["b"], backwards["a"], "Asma Diabete")
