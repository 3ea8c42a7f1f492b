"""Django ModelForms (analyzer/parse/django_models.py): a ModelForm's Meta names a model and the fields it shows, and
Django renders each model field as its control, so a models module's declarations are a form's controls where a
ModelForm of the same app shows them, recorded by the recorders the app's templates load. Look-alikes: a model no
form shows, a field the form leaves out or excludes, a field no form can edit, and a models module in an app with
no ModelForm."""

from __future__ import annotations

from analyzer.parse import django_models
from tests.conftest import site_fields

_CLARITY = (
    "<script>(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};"
    't=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];'
    'y.parentNode.insertBefore(t,y);})(window, document, "clarity", "script", "k2x9mzq3ab");</script>'
)

_MODELS = """from django.db import models
from django.utils.translation import gettext_lazy as _


class Patient(models.Model):
    BLOOD_GROUPS = [
        ('O+', 'O positive'), ('A+', 'A positive'),
        ('B+', 'B positive'), ('AB+', 'AB positive'),
    ]
    name = models.CharField(max_length=200)
    blood_group = models.CharField(max_length=3, choices=BLOOD_GROUPS)
    medication = models.TextField(_("Current medication"), blank=True)
    faith = models.CharField(max_length=50, verbose_name="Religious denomination")
    internal_notes = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    hiv_status = models.CharField(max_length=20, editable=False)

    class Meta:
        verbose_name = "Patient record"


class StaffNote(models.Model):
    diagnosis = models.TextField(verbose_name="Diagnosis")
"""

_FORMS = """from django import forms
from .models import Patient


class PatientForm(forms.ModelForm):
    class Meta:
        model = Patient
        fields = ["name", "blood_group", "medication", "faith", "hiv_status"]
"""


def _site(forms: str | None) -> dict[str, str]:
    files = {
        "manage.py": "import django\n",
        "templates/base.html": f"<html><head>{_CLARITY}</head><body>{{% block content %}}{{% endblock %}}</body></html>\n",
        "templates/patient.html": (
            '{% extends "base.html" %}\n{% block content %}<form method="post">{{ form.as_p }}</form>{% endblock %}\n'
        ),
        "clinic/models.py": _MODELS,
    }
    if forms is not None:
        files["clinic/forms.py"] = forms
    return files


def test_a_model_forms_fields_are_its_models_controls(tmp_path) -> None:
    fields = site_fields(tmp_path, _site(_FORMS))
    source = _FORMS.split("\n")
    assert fields["blood_group"][0] == "health", fields  # a select of the choices the module lists
    assert fields["medication"][:3:2] == ("health", "Current medication"), fields  # labelled by its verbose name
    assert fields["faith"][0] == "religion" and fields["faith"][2] == "Religious denomination", fields
    for name in ("blood_group", "medication", "faith"):  # read where the form lists them (tests/test_django_modelform_meta.py)
        assert f'"{name}"' in source[fields[name][1] - 1], (name, fields[name])
    # Not in the form's fields, not editable in a form, or in a model no form shows: no control.
    assert {"internal_notes", "created", "hiv_status", "diagnosis"}.isdisjoint(fields), fields


def test_all_fields_and_excluded_ones(tmp_path) -> None:
    every = _FORMS.replace('fields = ["name", "blood_group", "medication", "faith", "hiv_status"]', 'exclude = ["faith"]')
    fields = site_fields(tmp_path, _site(every))
    assert "medication" in fields and "blood_group" in fields and "faith" not in fields, fields
    everything = _FORMS.replace('["name", "blood_group", "medication", "faith", "hiv_status"]', '"__all__"')
    assert "faith" in site_fields(tmp_path / "all", _site(everything))


def test_a_model_form_with_a_mixin_is_one(tmp_path) -> None:
    mixed = _FORMS.replace("class PatientForm(forms.ModelForm):", "class PatientForm(BootstrapMixin, forms.ModelForm):")
    assert "faith" in site_fields(tmp_path, _site(mixed))


def test_models_no_model_form_shows_are_no_controls(tmp_path) -> None:
    assert site_fields(tmp_path, _site(None)) == {}
    other = _FORMS.replace("model = Patient", "model = Appointment").replace(  # a form of another model
        '["name", "blood_group", "medication", "faith", "hiv_status"]', '["name", "starts"]'
    )
    assert site_fields(tmp_path / "other", _site(other)) == {}


def test_model_forms_and_classes_are_read_from_their_modules(db) -> None:
    forms = django_models.model_forms(_FORMS + "\n\nclass Plain(forms.Form):\n    model = Patient\n", db.model_fields.widgets)
    assert [(f.model, f.fields) for f in forms] == [("Patient", ("name", "blood_group", "medication", "faith", "hiv_status"))]
    classes = django_models.written(_MODELS, db.model_fields)[1]
    assert [(c.name, c.first) for c in classes] == [("Patient", 5), ("StaffNote", 22)]
    assert classes[0].last == 21  # up to the line before the next class


def test_a_huge_models_module_is_written_in_linear_time(db) -> None:
    # 40,000 declarations whose choices name a list the module does not hold: each lookup is one dict get, not a
    # search of the module (which took minutes).
    from tests.conftest import finishes_within

    text = "from django.db import models\n" + "".join(
        f"class M{i}(models.Model):\n" + "".join(f"    f{j} = models.CharField(max_length=9, choices=C{j})\n" for j in range(20))
        for i in range(2000)
    )
    with finishes_within(20, "writing a 2.9 MB models module"):
        written, classes, _ = django_models.written(text, db.model_fields)
    assert written.count("<select") == 40000 and len(classes) == 2000


def test_fields_declared_through_models_fields_or_imported_by_name_are_controls(db) -> None:
    text = (
        "from django.db import models\nfrom phonenumber_field.modelfields import PhoneNumberField\n\n\n"
        "class Child(models.Model):\n"
        "    objects = ChildManager()\n"
        '    helper = Formatter("Diagnosis")\n'
        '    bapteme = models.fields.BooleanField("Baptême")\n'
        '    date_bapteme = models.fields.DateField("Date du Baptême", blank=True, null=True)\n'
        '    tel = PhoneNumberField("Téléphone du jeune", blank=True)\n'
    )
    lines = django_models.written(text, db.model_fields)[0].splitlines()
    assert lines[7] == "<label>Baptême</label><input name=bapteme type=checkbox>"
    assert lines[8] == "<label>Date du Baptême</label><input name=date_bapteme>"
    assert lines[9] == "<label>Téléphone du jeune</label><input name=tel type=tel></form>"
    assert lines[5] == "" and lines[6] == ""  # a manager and a class that is no model field


_VIEWS = """from django.views.generic import CreateView, DetailView, ListView, UpdateView
from .models import Patient


class PatientList(ListView):
    model = Patient


class PatientDetail(DetailView):
    model = Patient
    fields = ["faith"]  # no form: a detail view shows, it does not edit


class PatientCreate(LoginRequiredMixin, CreateView):
    model = Patient
    fields = ["name", "medication"]
    template_name = "patient.html"


class PatientEdit(UpdateView):
    model = Patient
    form_class = PatientForm
"""


def test_a_generic_editing_views_fields_are_its_models_controls(tmp_path) -> None:
    files = _site(None)
    files["clinic/views.py"] = _VIEWS
    fields = site_fields(tmp_path, files)
    assert fields["medication"][0] == "health", fields
    # A list or detail view builds no form; an editing view with a form class shows that form's fields, not these.
    assert {"faith", "blood_group"}.isdisjoint(fields), fields


def test_editing_views_in_a_views_package_and_all_fields(tmp_path) -> None:
    files = _site(None)
    files["clinic/views/patients.py"] = _VIEWS.replace('["name", "medication"]', '"__all__"')
    fields = site_fields(tmp_path, files)
    assert {"medication", "faith", "blood_group"} <= set(fields), fields


def test_editing_views_are_read_only_from_views_modules(tmp_path, db) -> None:
    files = _site(None)
    files["clinic/urls.py"] = _VIEWS  # not a views module: not read for forms
    assert site_fields(tmp_path, files) == {}
    views = db.component_files.view_classes
    assert django_models.view_forms(_VIEWS, views) == (django_models.ModelForm("Patient", ("name", "medication")),)
    # A view that names its model but no fields is refused by Django: no form.
    assert django_models.view_forms("class Add(CreateView):\n    model = Patient\n", views) == ()
