"""ASP.NET's Web Forms view engine (.aspx, .ascx, .master, read as the "erb" dialect): its HTML-encoded output tag
``<%: %>`` and resource expression ``<%$ %>`` print, its server comment ``<%-- --%>`` does not; ASP.NET MVC's HTML
helpers in those tags are the controls they print (signatures/form_helpers.toml, the Razor helpers found a second
way); a ``.resx`` file is a message catalogue (analyzer/parse/messages.py) whose texts ``Resources.Mensagem.key``
(Web Forms, Razor) and ``<%$ Resources:Mensagem, key %>`` print where they stand. Modelled on a pharmacy course's
patient record (D43: EstiloVida/Edit.ascx, radios and text boxes whose texts are Resources.Mensagem keys)."""

from __future__ import annotations

import pytest

from analyzer import signatures
from analyzer.parse import form_helpers, messages, template_lexer, templates
from tests.conftest import site_fields


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("<%: Model.Name %>", "output"),  # HTML-encoded output
        ("<%$ Resources:Mensagem, tabaco %>", "output"),  # a resource expression in a server control's attribute
        ("<%= Model.Name %>", "output"),
        ("<%-- <%: Html.TextBoxFor(model => model.Diagnosis) %> --%>", "comment"),  # a server comment holding a tag
        ('<%# Eval("Name") %>', "comment"),  # data binding: a record's value, never a text (blank either way)
        ("<% if (x) { %>", "code"),
    ],
)
def test_web_forms_tags(text, kind) -> None:
    assert list(template_lexer.regions(text, "erb")) == [(0, len(text), kind)]


def _written(text: str, path: str = "Views/Form/Edit.ascx") -> str:
    dialect = templates.dialect(path, text)
    neutral, tpl = templates.analyse(text, dialect)
    out = form_helpers.write(path, text, neutral, tpl.regions, dialect, signatures.load().form_helpers)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    return out


@pytest.mark.parametrize(
    ("template", "control"),
    [
        ("        <%: Html.TextBoxFor(model => model.Diagnosis) %>", "<input name=Diagnosis>"),
        ("   <%= Html.RadioButtonFor(model => model.Smoker, true) %>", "<input name=Smoker type=radio>"),
        ("      <%: Html.DropDownListFor(model => model.IdReligion, list) %>", "<select name=IdReligion></select>"),
        ("   <%: Html.CheckBoxFor(model => model.Diabetic) %>", "<input name=Diabetic type=checkbox>"),
        ("  <%: Html.TextAreaFor(model => model.Allergies) %>", "<textarea name=Allergies></textarea>"),
        ('      <%: Html.TextBox("Medication") %>', "<input name=Medication>"),
    ],
)
def test_an_mvc_helper_in_a_web_forms_tag_is_its_control(template, control) -> None:
    assert control in _written(template)


@pytest.mark.parametrize(
    "template",
    [
        "<%: Html.ValidationMessageFor(model => model.Diagnosis) %>",  # a message, no control
        "<%: Html.HiddenFor(model => model.Diagnosis) %>",
        "<%: Model.Diagnosis %>",  # the record's value printed
        "<%-- <%: Html.TextBoxFor(model => model.Diagnosis) %> --%>",  # commented out on the server
    ],
)
def test_what_prints_no_control_writes_none(template) -> None:
    assert "<input" not in _written(template) and "<select" not in _written(template)


_RESX = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <data name="nome" xml:space="preserve"><value>Nome</value></data>
  <data name="q5" xml:space="preserve"><value>{question}</value><comment>a note for translators</comment></data>
  <data name="logo" type="System.Resources.ResXFileRef, System.Windows.Forms"><value>logo.png;System.Byte[]</value></data>
</root>
"""


def test_a_resx_file_is_a_catalogue_keyed_by_its_class() -> None:
    assert messages.is_catalogue("App_GlobalResources/Mensagem.pt-BR.resx", frozenset())
    data = _RESX.format(question="Toma algum medicamento?").encode()
    assert messages.read("Resources/Mensagem.pt-BR.resx", data) == [
        ("Mensagem.nome", "Nome"),
        ("Mensagem.q5", "Toma algum medicamento?"),
    ]  # the file reference (a typed entry) is no text


def test_a_resx_files_entities_are_not_expanded() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE root [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<root><data name="a"><value>&x;</value></data></root>'
    )
    assert messages.read("Mensagem.resx", data) == []


_CLARITY = '<script src="https://www.clarity.ms/tag/abcdefghij" async></script>'
_QUESTION = "Toma algum medicamento regularmente?"
_BENIGN = "Cor favorita"


def _site(page: str, question: str) -> dict[str, str]:
    """A view whose field is labelled only by the resource key ``q5``, and its catalogue (neutral and English)."""
    return {
        "Web/Resources/Mensagem.resx": _RESX.format(question=question),
        "Web/Resources/Mensagem.en.resx": _RESX.format(question="-"),
        **page_of(page),
    }


def page_of(kind: str) -> dict[str, str]:
    return {
        "webforms": {
            "Web/Views/Form/Edit.ascx": '<%@ Control Language="C#" Inherits="System.Web.Mvc.ViewUserControl" %>\n'
            f'{_CLARITY}\n<% using (Html.BeginForm("Edit", "Form")) {{ %>\n'
            "<table><tr>\n"
            "  <td>\n      <%: Resources.Mensagem.q5 %>\n  </td>\n"
            "  <td>\n      <%: Html.TextBoxFor(model => model.Q5) %>\n  </td>\n"
            "</tr></table>\n<% } %>\n",
        },
        "razor": {
            "Web/Views/Form/Edit.cshtml": f"@model Form\n{_CLARITY}\n@using (Html.BeginForm()) {{\n"
            '<div>\n  <label for="Q5">@Resources.Mensagem.q5</label>\n  <input id="Q5" name="Q5">\n</div>\n}\n',
        },
        "server-control": {
            "Web/Form.aspx": f'<%@ Page Language="C#" %>\n{_CLARITY}\n<form runat="server">\n'
            '<asp:Label AssociatedControlID="Q5" runat="server" Text="<%$ Resources:Mensagem, q5 %>" />\n'
            '<asp:TextBox ID="Q5" runat="server" />\n</form>\n',
        },
    }[kind]


@pytest.mark.parametrize("kind", ["webforms", "razor", "server-control"])
def test_a_resource_prints_its_catalogues_text(tmp_path, kind) -> None:
    fields = site_fields(tmp_path, _site(kind, _QUESTION))
    assert [(name, got[0]) for name, got in fields.items()] == [("Q5", "health")], fields


@pytest.mark.parametrize("kind", ["webforms", "razor", "server-control"])
def test_a_benign_text_behind_a_resource_stays_benign(tmp_path, kind) -> None:
    assert site_fields(tmp_path, _site(kind, _BENIGN)) == {}


@pytest.mark.parametrize(
    "data",
    [
        # Latin-1 bytes under a UTF-8 declaration, and UTF-8 bytes declared UTF-16: decoded as the scan decodes any file
        '<?xml version="1.0" encoding="utf-8"?><root><data name="q6"><value>Religião</value></data></root>'.encode("latin-1"),
        '<?xml version="1.0" encoding="utf-16"?><root><data name="q6"><value>Religião</value></data></root>'.encode(),
    ],
)
def test_a_resx_file_in_another_encoding_than_it_declares_keeps_its_texts(data: bytes) -> None:
    from analyzer.parse import messages

    assert messages.read("App_GlobalResources/Mensagem.resx", data) == [("Mensagem.q6", "Religião")]
