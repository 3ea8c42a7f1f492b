"""A ModelForm's Meta read where the form is written (analyzer/parse/django_models.py, analyzer/resolve/model_forms.py):
each field its ``fields`` lists is a control at its entry's line in the forms module, labelled by ``Meta.labels``, else
by the model field's verbose name, else by its name; typed by ``Meta.widgets``, else by the model field (its choices as
options); a field the class declares itself is read at its declaration; the models module no longer reports a control
its forms module writes (one control, one report). Modelled on a care-benefit application whose ModelForm gives every
label in Meta.labels (D43: src/flow/forms.py). Look-alikes: a plain Form with a Meta, a hidden widget, a model field no
form renders, a widget's attrs, a model all of whose fields a form shows without a label."""

from __future__ import annotations

from pathlib import Path

from analyzer.parse import django_models

_CLARITY = (
    "<script>(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};"
    't=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];'
    'y.parentNode.insertBefore(t,y);})(window, document, "clarity", "script", "k2x9mzq3ab");</script>'
)

_MODELS = """from django.db import models


class Member(models.Model):
    SERVICES = (
        ("home", "Pflege durch einen Pflegedienst"),
        ("aids", "Hilfsmittel"),
    )
    bekenntnis = models.CharField(max_length=40)
    contact = models.CharField(max_length=60, verbose_name="Telefonnummer")
    services = models.CharField(max_length=20, choices=SERVICES)
    notes = models.TextField(blank=True)
    photo = models.ImageField(upload_to="m")
    street = models.CharField(max_length=100)
    stamp = models.CharField(max_length=20, editable=False)
"""

_FORMS = """from django import forms
from .models import Member


class MemberForm(forms.ModelForm):
    faith = forms.ChoiceField(label="Religion", choices=[("c", "Katholisch")])

    class Meta:
        model = Member
        fields = (
            "bekenntnis",
            "contact",
            "services",
            "notes",
            "photo",
            "faith",
            "reach",
            "stamp",
        )
        labels = {
            "bekenntnis": "Religionszugehörigkeit",
            "services": "Leistungen",
        }
        widgets = {
            "notes": forms.HiddenInput(attrs={"type": Textarea}),
            "reach": forms.EmailInput(attrs={"class": "wide"}),
        }
"""


def _scan(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[str, str, int, str]]:
    """A whole scan of a Django site written from ``files``: each reported field's name -> its file, category, line
    and label."""
    from analyzer.scan import ScanOptions, run

    site = {
        "manage.py": "import django\n",
        "templates/base.html": f"<html><head>{_CLARITY}</head><body>{{% block content %}}{{% endblock %}}</body></html>\n",
        "templates/member.html": '{% extends "base.html" %}\n{% block content %}<form method="post">{{ form.as_p }}</form>{% endblock %}\n',
        **files,
    }
    for rel, text in site.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return {r.field.name: (r.path, r.field.classification.category, r.field.line, r.field.texts.get("label", "")) for r in result.fields}


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_a_model_forms_listed_fields_are_read_at_its_entries(tmp_path) -> None:
    fields = _scan(tmp_path, {"members/models.py": _MODELS, "members/forms.py": _FORMS})
    forms = str(tmp_path / "members/forms.py")
    # Meta.labels over the model's name: read at the fields entry, in the forms module, once.
    assert fields["bekenntnis"] == (forms, "religion", _line(_FORMS, '"bekenntnis",'), "Religionszugehörigkeit"), fields
    # No Meta.labels entry: the model field's verbose name.
    assert fields["contact"] == (forms, "contact", _line(_FORMS, '"contact",'), "Telefonnummer"), fields
    # The model field's choices are the select's options.
    assert fields["services"][:3] == (forms, "health", _line(_FORMS, '"services",')), fields
    # Meta.widgets types a field the scan sees in no model (an email input).
    assert fields["reach"][:3] == (forms, "contact", _line(_FORMS, '"reach",')), fields
    # A field the class declares is read at its declaration, not at its entry.
    assert fields["faith"][:3] == (forms, "religion", _line(_FORMS, "faith = forms.ChoiceField")), fields
    # A hidden widget, an image field and an uneditable field are no control a visitor fills in.
    assert {"notes", "photo", "stamp"}.isdisjoint(fields), fields


def test_the_forms_module_alone_reads_its_meta_labels(tmp_path) -> None:
    fields = _scan(tmp_path, {"members/forms.py": _FORMS})
    assert fields["bekenntnis"][1:] == ("religion", _line(_FORMS, '"bekenntnis",'), "Religionszugehörigkeit"), fields


def test_all_fields_are_read_at_their_labels_entries_and_the_rest_in_the_models_module(tmp_path) -> None:
    every = _FORMS.replace('fields = (\n            "bekenntnis",', 'fields = "__all__"\n        _unused = (\n            "bekenntnis",')
    fields = _scan(tmp_path, {"members/models.py": _MODELS, "members/forms.py": every})
    assert fields["bekenntnis"][:3] == (str(tmp_path / "members/forms.py"), "religion", _line(every, '"bekenntnis": "Religions')), fields
    assert fields["street"][:3] == (str(tmp_path / "members/models.py"), "contact", _line(_MODELS, "street =")), fields


def test_a_plain_form_with_a_meta_lists_no_model_fields(tmp_path) -> None:
    plain = _FORMS.replace("class MemberForm(forms.ModelForm):", "class MemberForm(forms.Form):")
    fields = _scan(tmp_path, {"members/models.py": _MODELS, "members/forms.py": plain})
    assert set(fields) == {"faith"}, fields


def test_meta_is_read_into_listed_entries(db) -> None:
    (form,) = django_models.model_forms(_FORMS, db.model_fields.widgets)
    listed = {e.name: (e.line, e.label, e.renders) for e in form.listed}
    assert listed["bekenntnis"] == (_line(_FORMS, '"bekenntnis",'), "Religionszugehörigkeit", "")
    assert listed["notes"][2] == "input:hidden" and listed["reach"][2] == "input:email"
    assert "faith" not in listed and form.own == ("faith",)
    assert "Textarea" not in str(listed)  # a widget's attrs hold no entry of Meta.widgets


def test_a_listed_fields_control_names_the_model_line_it_renders(tmp_path) -> None:
    # One report, at the form's entry; the model field it renders is named as where the field is declared.
    from analyzer.scan import ScanOptions, run

    for rel, text in {"members/models.py": _MODELS, "members/forms.py": _FORMS, "manage.py": "import django\n"}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates/member.html").write_text(f"<html><head>{_CLARITY}</head><body>{{{{ form.as_p }}}}</body></html>\n")
    found = {r.field.name: r.field for r in run(ScanOptions(paths=(str(tmp_path),))).fields}
    assert found["bekenntnis"].declared == (str(tmp_path / "members/models.py"), _line(_MODELS, "bekenntnis = ")), found["bekenntnis"]
    assert found["contact"].declared == (str(tmp_path / "members/models.py"), _line(_MODELS, "contact = ")), found["contact"]
    # A field the form declares itself, and one of no model the scan sees, name no model line.
    assert found["faith"].declared is None and found["reach"].declared is None


def test_an_excluded_or_commented_out_entry_is_no_control(tmp_path) -> None:
    # Django leaves out a field Meta.exclude names even when Meta.fields lists it; a commented-out entry is none.
    forms = (
        "from django import forms\nfrom .models import Member\n\n\nclass MemberForm(forms.ModelForm):\n"
        "    class Meta:\n        model = Member\n"
        '        fields = ["bekenntnis", "services",  # "notes",\n            "contact",\n            # "street",\n        ]\n'
        '        exclude = ["services"]\n'
    )
    fields = _scan(tmp_path, {"members/models.py": _MODELS, "members/forms.py": forms})
    assert set(fields) == {"bekenntnis", "contact"}, fields
