"""A control shown only when the control before it holds an answer continues that control's question
(analyzer/facts/fieldfacts.py ``_shown_by``, docs/fields.md "Follow-ups"): a family history's "Hypertension" switch
under its heading, then ``<div v-show="f.hypertension.check"><select>Father / Mother…</select></div>`` asks which
relative had it. Vue (v-show, v-if), Alpine (x-show), AngularJS (ng-if) and Angular (*ngIf); the earlier control's
binding is its v-model, ng-model, x-model, name or id. Look-alikes: a condition naming another control or a page's
step, a control with a label of its own, and a condition around both controls."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import signatures
from analyzer.facts import fieldfacts
from analyzer.read.discover import SourceFile, classify
from analyzer.read.engine import analyze

_RELATIVES = "<option>Father</option><option>Mother</option><option>Sibling</option>"


def _read(tmp_path: Path, name: str, text: str) -> dict[int, tuple[str, str]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        result = analyze(SourceFile(path, name, classify(path) or "html"), signatures.load(), 5_000_000)
    return {s.line: (s.texts.get("question", ""), s.classification.category) for s in result.fields}


_SHOWN = {
    "vue": (
        "Family.vue",
        '<template>\n<div><h6>Hypertension</h6>\n<input type="checkbox" id="h1" v-model="f.hypertension.check">'
        '<label for="h1"></label></div>\n<div v-show="f.hypertension.check">\n<select v-model="f.hypertension.who">'
        + _RELATIVES
        + '</select></div>\n<div><h6>Asthma</h6>\n<input type="checkbox" id="h2" v-model="f.asthma.check"><label for="h2"></label></div>\n'
        '<div v-if="f.asthma.check">\n<select v-model="f.asthma.who">' + _RELATIVES + "</select></div>\n</template>\n",
        {5: "Hypertension", 9: "Asthma"},
    ),
    "alpine": (
        "family.html",
        '<form x-data="{ epi: false }"><h6>Epilepsy</h6>\n<input type="checkbox" x-model="epi" id="e">\n'
        '<div x-show="epi">\n<select name="epi_who">' + _RELATIVES + "</select></div></form>\n",
        {4: "Epilepsy"},
    ),
    "angularjs": (
        "family.html",
        '<form><h6>Diabetes</h6>\n<input type="checkbox" ng-model="fam.diabetes">\n'
        '<div ng-if="fam.diabetes">\n<select ng-model="fam.diabetesWho">' + _RELATIVES + "</select></div></form>\n",
        {4: "Diabetes"},
    ),
    "angular": (
        "family.component.html",
        '<form><h6>Glaucoma</h6>\n<input type="checkbox" name="glaucoma" [(ngModel)]="glaucoma">\n'
        '<div *ngIf="glaucoma">\n<select name="glaucomaWho">' + _RELATIVES + "</select></div></form>\n",
        {4: "Glaucoma"},
    ),
}


@pytest.mark.parametrize("stack", sorted(_SHOWN))
def test_a_control_shown_by_the_one_before_it_continues_its_question(tmp_path: Path, stack: str) -> None:
    name, text, expected = _SHOWN[stack]
    read = _read(tmp_path, name, text)
    for line, question in expected.items():
        assert read[line] == (question, "health"), read


def test_a_condition_naming_another_control_or_a_step_gives_no_question(tmp_path: Path) -> None:
    text = (
        '<form><h6>Diabetes</h6>\n<input type="checkbox" ng-model="fam.diabetes">\n'
        '<div ng-if="step === 2">\n<select ng-model="fam.who">' + _RELATIVES + "</select></div>\n"
        # fam.diabetesType is not fam.diabetes: a longer name is another control's
        '<div ng-if="fam.diabetesType">\n<select ng-model="fam.when"><option>2020</option><option>2021</option></select></div></form>\n'
    )
    read = _read(tmp_path, "family.html", text)
    assert read[4][0] == "" and read[6][0] == "", read


def test_a_control_with_its_own_label_or_a_condition_around_both_keeps_its_own(tmp_path: Path) -> None:
    text = (
        '<form><div v-show="f.smoker">\n<h6>Smoker</h6>\n<input type="checkbox" v-model="f.smoker">\n'
        '<select v-model="f.shop">' + _RELATIVES + "</select></div>\n"
        '<h6>Asthma</h6>\n<input type="checkbox" v-model="f.asthma">\n<div v-show="f.asthma">\n<label for="c">Preferred contact</label>'
        '<select id="c" v-model="f.contact"><option>Phone</option><option>Mail</option></select></div></form>\n'
    )
    read = _read(tmp_path, "form.html", text)
    assert read[4][0] == "", read
    assert read[8][0] == "", read
