"""ASP.NET view models' display names (analyzer/parse/view_models.py): a Razor view's ``@Html.LabelFor(m => m.X)`` and
label tag helper (``<label asp-for="Input.X"></label>``), and ``@Html.DisplayNameFor(m => m.Input.X)`` as text, print
the display name the model class gives the property (``[Display(Name = "Postnummer")]``, ``[DisplayName("Имя")]``),
read from the project's ``.cs`` files before the pages: a Swedish patient form (D43,
``Views/PersonInformations/Create.cshtml``) was read as "PPostalCode" and "PPersonalNumber" where the visitor reads
"Postnummer" and "Personnummer", and a German page model's ``Input.PhoneNumber`` as "Phone Number" for
"Telefonnummer". The look-alikes: a commented-out attribute, a property two classes name differently in a view whose
model the project does not define, a page that declares no model, and a label with its own text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzer import signatures
from analyzer.parse import view_models
from analyzer.read.discover import SourceFile, classify, discover
from analyzer.read.engine import analyze
from analyzer.scan import ScanOptions, _results

_PERSON = """using System.ComponentModel.DataAnnotations;
namespace Code.Models
{
    public class PersonInformation
    {
        public int Id { get; set; }

        // [Display(Name = "Gammal")]
        public string PEmail { get; set; }

        [Required, Display(Name = "Postnummer")]
        public string PPostalCode { get; set; }

        [DisplayName("Personnummer")] public string PPersonalNumber { get; set; }

        [Display(Name = "FamilyDoctor", ResourceType = typeof(Resources.Labels))]
        public string PDoctor { get; set; }
    }

    public class Visit
    {
        [Display(Name = "Diagnos")]
        public string Info { get; set; }
    }

    public class Pet
    {
        [Display(Name = "Allergier")]
        public string Info { get; set; }
    }
}
"""

_PAGE_MODEL = """namespace X.Pages;
public sealed class CreatePatientModel : PageModel
{
    [BindProperty]
    public WaitlistPatientInput Input { get; set; } = new WaitlistPatientInput();

    public class Other
    {
        [Display(Name = "Fel")]
        public string? PhoneNumber { get; set; }
    }
}

public sealed class WaitlistPatientInput : PatientBase
{
    [Display(Name = "Telefonnummer")]
    [RequiredField, PhoneField]
    public string? PhoneNumber { get; set; }
}

public class PatientBase
{
    [Display(Name = "Verordnungsgrund")] public string? Reason { get; set; }
    [Display(Name = "Raucher")] public bool IsSmoker { get; set; }
}
"""

_VIEW = """@model Code.Models.PersonInformation
@using (Html.BeginForm())
{
    <div class="form-group">
        @Html.LabelFor(model => model.PPostalCode, htmlAttributes: new { @class = "control-label col-md-2" })
        @Html.EditorFor(model => model.PPostalCode, new { htmlAttributes = new { @class = "form-control" } })
    </div>
    <div class="form-group">
        @Html.LabelFor(model => model.PPersonalNumber, htmlAttributes: new { @class = "control-label col-md-2" })
        @Html.EditorFor(model => model.PPersonalNumber, new { htmlAttributes = new { @class = "form-control" } })
    </div>
    <div class="form-group">
        @Html.LabelFor(model => model.PDoctor, htmlAttributes: new { @class = "control-label col-md-2" })
        @Html.EditorFor(model => model.PDoctor, new { htmlAttributes = new { @class = "form-control" } })
    </div>
    <div class="form-group">
        @Html.LabelFor(model => model.PEmail, htmlAttributes: new { @class = "control-label col-md-2" })
        @Html.EditorFor(model => model.PEmail, new { htmlAttributes = new { @class = "form-control" } })
    </div>
}
"""

_TAG_HELPERS = """@page
@model X.Pages.CreatePatientModel
<form method="post">
  <label class="label" asp-for="Input.PhoneNumber"></label>
  <input class="input" type="tel" asp-for="Input.PhoneNumber" />
  <label class="label" asp-for="Input.Reason"></label>
  <input class="input" asp-for="Input.Reason" />
  <label class="label" asp-for="Input.Note">Diagnose</label>
  <input class="input" asp-for="Input.Note" />
  <label class="checkbox"><input type="checkbox" asp-for="Input.IsSmoker"/> @Html.DisplayNameFor(m => m.Input.IsSmoker)</label>
</form>
"""

# A view of a model the project does not define: only a name every class agrees on is labelled.
_UNKNOWN_MODEL = """@model Vendor.Library.Contact
<form method="post">
  <label asp-for="Info"></label>
  <input asp-for="Info" />
  <label asp-for="PPostalCode"></label>
  <input asp-for="PPostalCode" />
</form>
"""

# No model declared: not a view whose labels a model gives (a Latte-like template binding by name).
_NO_MODEL = """<form method="post">
  <label asp-for="PPostalCode"></label>
  <input asp-for="PPostalCode" />
</form>
"""


@pytest.fixture
def installed() -> Iterator[view_models.ViewModels]:
    db = signatures.load()
    models = view_models.collect([("Models/Person.cs", _PERSON), ("Pages/CreatePatient.cshtml.cs", _PAGE_MODEL)], db.view_models)
    view_models.install(models)
    yield models
    view_models.install(view_models.EMPTY)


def _texts(tmp_path: Path, name: str, text: str) -> dict[str, dict[str, str]]:
    """The texts of each sensitive field a page holds, by its name."""
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    kind = classify(page)
    assert kind is not None
    result = analyze(SourceFile(page, name, kind), signatures.load(), 5_000_000)
    return {f.name: dict(f.texts) for f in result.fields}


def _labels(tmp_path: Path, name: str, text: str) -> dict[str, str]:
    return {field: texts.get("label", "") for field, texts in _texts(tmp_path, name, text).items()}


def test_collect_reads_display_names_as_written(installed: view_models.ViewModels) -> None:
    person = installed.classes["PersonInformation"]
    assert person["PPostalCode"].display == view_models.Display("Postnummer")
    assert person["PPersonalNumber"].display == view_models.Display("Personnummer")
    assert person["PDoctor"].display == view_models.Display("FamilyDoctor", keyed=True)
    assert person["PEmail"].display is None  # commented out
    assert installed.classes["CreatePatientModel"]["Input"].type == "WaitlistPatientInput"
    assert "PhoneNumber" not in installed.classes["CreatePatientModel"]  # the nested class's own
    assert installed.bases["WaitlistPatientInput"] == "PatientBase"


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("PPostalCode", "Postnummer"),
        ("PPersonalNumber", "Personnummer"),
        ("PDoctor", "Family Doctor"),  # a resource key no catalogue holds: its words
        ("PEmail", "PEmail"),  # no display name (one commented out): the property's name, as before
    ],
)
def test_label_for_prints_the_models_display_name(installed: view_models.ViewModels, tmp_path: Path, name: str, label: str) -> None:
    assert _labels(tmp_path, "Create.cshtml", _VIEW)[name] == label


def test_label_tag_helper_walks_the_page_model(installed: view_models.ViewModels, tmp_path: Path) -> None:
    texts = _texts(tmp_path, "CreatePatient.cshtml", _TAG_HELPERS)
    labels = {name: t.get("label", "") for name, t in texts.items()}
    assert labels["PhoneNumber"] == "Telefonnummer"  # not the nested class's "Fel"
    assert labels["Reason"] == "Verordnungsgrund"  # declared by the class it derives from
    assert labels["Note"] == "Diagnose"  # a label's own text stays
    assert texts["IsSmoker"]["options"] == "Raucher"  # @Html.DisplayNameFor prints it as the box's caption


def test_unknown_model_takes_only_an_agreed_name(installed: view_models.ViewModels, tmp_path: Path) -> None:
    labels = _labels(tmp_path, "Contact.cshtml", _UNKNOWN_MODEL)
    assert labels["PPostalCode"] == "Postnummer"  # one class names it
    assert "Info" not in labels  # two classes name it differently ("Diagnos", "Allergier"): its words, no category


def test_page_without_model_is_no_view(installed: view_models.ViewModels, tmp_path: Path) -> None:
    assert _labels(tmp_path, "Partial.cshtml", _NO_MODEL)["PPostalCode"] == "P Postal Code"  # its words


def test_scan_reads_the_projects_cs_files_first(tmp_path: Path) -> None:
    (tmp_path / "Models").mkdir()
    (tmp_path / "Models" / "PersonInformation.cs").write_text(_PERSON, encoding="utf-8")
    (tmp_path / "Views").mkdir()
    (tmp_path / "Views" / "Create.cshtml").write_text(_VIEW, encoding="utf-8")
    opts = ScanOptions(paths=(str(tmp_path),), jobs=1)
    files, _ = discover(opts.paths, opts.excludes, opts.follow_outside, set(), opts.include_tests)
    assert any(f.display.endswith("PersonInformation.cs") for f in files)
    facts = list(_results(files, opts, signatures.load()))
    labels = {f.name: f.label for fact in facts for f in fact.fields}
    assert labels["PPostalCode"] == "Postnummer"
    assert view_models.installed() is view_models.EMPTY  # put back when the scan ends


def test_classes_left_open_are_collected_in_linear_time() -> None:
    # 20,000 classes that never close and one property: each brace's match is found in one pass, not per class.
    from tests.conftest import finishes_within

    text = "// get\n" + "class A{\n" * 20_000 + '[Display(Name = "Diagnose")] public string Dx { get; set; }\n'
    with finishes_within(10, "20,000 unclosed classes"):
        found = dict((name, props) for name, _, props in view_models._classes(text, signatures.load().view_models))
    assert found["A"]["Dx"].display is not None and found["A"]["Dx"].display.text == "Diagnose", found["A"]


def test_a_builds_output_folders_are_no_source() -> None:
    # MSBuild's bin/ and obj/ ([view_models] build_dirs) hold generated code, not the project's view models.
    annotations = signatures.load().view_models
    assert view_models.is_source("Code/Models/Patient.cs", annotations)
    assert not view_models.is_source("Code/obj/Debug/net8.0/Razor.g.cs", annotations)
    assert not view_models.is_source("bin/Release/Patient.cs", annotations)
    assert view_models.is_source("Code/Binder/Patient.cs", annotations)  # a folder whose name starts so is source
