"""Blazor components and Razor's C# (docs/fields.md, "Blazor and Razor"): the framework's input components and
Radzen's and MudBlazor's are read as the controls they render, bound by ``@bind-Value``, and the C# around the
markup (``@if (…) {``, a lone ``}``, ``@code { … }``, ``@x.Name``) is no text a person reads. Look-alikes: a
component with a benign label, and a condition's words that would otherwise label the control after it."""

from __future__ import annotations

from pathlib import Path

from analyzer.parse import razor
from tests.conftest import finishes_within, scan_text

_PAGE = """@page "/informe"
@using Gabinete.Shared
@inject HttpClient Http

<EditForm Model="@informe">
    <RadzenLabel Text="Diagnóstico" Component="dx" />
    <RadzenTextArea Name="dx" @bind-Value=@informe.Dx />
    <MudSelect T="string" Label="Religión" @bind-Value="informe.Fe">
        <MudSelectItem Value="@("a")">A</MudSelectItem>
    </MudSelect>
    <label>Alergias conocidas</label>
    <InputText @bind-Value="informe.Alergias" class="form-control" />
    <MudTextField Label="Ciudad" @bind-Value="informe.Ciudad" />
    @if (user.IsInRole("Paciente con epilepsia"))
    {
        <input type="tel" name="telefono" />
    }
    <p>Escriba a ayuda@clinica.es: @informe.Nombre</p>
</EditForm>

@code {
    private Informe informe = new() { Dx = "<b>none</b>" };
}
"""


def _fields(tmp_path: Path, db) -> dict[str, tuple[str, dict[str, str]]]:
    found = scan_text(tmp_path, _PAGE, db, "Informe.razor").fields
    return {s.name: (s.classification.category, dict(s.texts)) for s in found}


def test_blazor_components_are_read_as_the_controls_they_render(tmp_path, db) -> None:
    fields = _fields(tmp_path, db)
    assert fields["dx"][0] == "health"  # RadzenLabel's Text, tied by Component to the text area's Name
    assert fields["Fe"][0] == "religion"  # MudBlazor's Label; the name from @bind-Value
    assert fields["Alergias"][0] == "health"  # the framework's InputText, named by what it is bound to


def test_razor_code_labels_nothing_and_a_benign_component_stays_benign(tmp_path, db) -> None:
    fields = _fields(tmp_path, db)
    assert "Ciudad" not in fields  # "Ciudad": no sensitive category
    # The condition's words ("epilepsia") are C#, not the phone box's label: it is the phone number it says it is.
    assert fields["telefono"][0] == "contact", fields["telefono"]


def test_blank_code_keeps_length_lines_markup_bindings_and_addresses() -> None:
    out = razor.blank_code(_PAGE)
    assert len(out) == len(_PAGE) and out.count("\n") == _PAGE.count("\n")
    for gone in ("@page", "@using", "@inject", "@if", "IsInRole", "@code", "private Informe", "@informe.Nombre"):
        assert gone not in out, gone
    for kept in ("@bind-Value=@informe.Dx", '@bind-Value="informe.Alergias"', "ayuda@clinica.es", "<InputText", "Alergias conocidas"):
        assert kept in out, kept
    # Only lone braces and braces right after a tag are blanked; a brace in prose or CSS stays.
    assert razor.blank_code("<style>p { color: red }</style>") == "<style>p { color: red }</style>"


def test_blanking_has_a_bounded_cost() -> None:
    # Unclosed heads and blocks, and quotes without partners, each walk within a budget shared by the whole text.
    with finishes_within(10, "the Razor blanker"):
        for text in ("@if (" * 50_000, "@{ " * 50_000, "@* " * 100_000, "@code {" + "'x" * 300_000, '@if ("' + "a" * 600_000):
            assert len(razor.blank_code(text)) == len(text)
