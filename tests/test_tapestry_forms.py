"""Apache Tapestry 5 templates (analyzer/facts/tapestry.py, docs/fields.md "Apache Tapestry"): a page's form
components are read as the controls Tapestry renders, named by their component id and labelled as Tapestry labels
them (the label parameter, the catalogue's "<id>-label", the id made readable); the layout component a page is
wrapped in brings its recorders to the page's fields. The look-alikes: a hotel's booking page in the same shape, and
Tapestry's own components that render no control."""

from __future__ import annotations

from pathlib import Path

from analyzer import signatures
from analyzer.facts import tapestry
from analyzer.parse import htmldoc
from analyzer.scan import ScanOptions, run
from tests.conftest import site_fields

_NS = 'xmlns:t="http://tapestry.apache.org/schema/tapestry_5_4.xsd"'
_PKG = "src/main/resources/org/example"
_LAYOUT = (
    f"<!DOCTYPE html>\n<html {_NS}>\n<head><title>${{title}}</title>\n"
    '<script src="https://www.clarity.ms/tag/abcdefghij" async="async"></script>\n'
    "</head>\n<body><t:body/></body>\n</html>\n"
)
_INTAKE = (
    f'<html t:type="layout" title="Intake" {_NS}>\n'  # 1
    "<h1>${message:intake-title}</h1>\n"  # 2
    '<t:form t:id="intake">\n'  # 3
    '  <t:label for="fullName"/> <t:textfield t:id="fullName" value="patient.fullName"/>\n'  # 4
    '  <t:label for="diagnosis"/>\n'  # 5
    '  <t:textarea t:id="diagnosis" value="patient.diagnosis"/>\n'  # 6
    '  <t:label for="q7"/> <t:textfield t:id="q7"/>\n'  # 7
    '  <t:label for="pregnant"/>\n'  # 8
    '  <t:radiogroup t:id="pregnant" value="patient.pregnant">\n'  # 9
    '    <t:radio t:id="pregnantYes" value="literal:yes" label="Ja"/> <t:label for="pregnantYes"/>\n'  # 10
    '    <t:radio t:id="pregnantNo" value="literal:no" label="Nein"/> <t:label for="pregnantNo"/>\n'  # 11
    "  </t:radiogroup>\n"  # 12
    '  <input t:type="textfield" t:id="x12" label="message:hiv-status"/>\n'  # 13
    '  <label t:type="label" t:for="faith">Religionszugehörigkeit</label>\n'  # 14
    '  <select t:type="select" t:id="faith" t:model="literal:Katholisch,Evangelisch,Muslimisch,Keine"/>\n'  # 15
    '  <t:textfield value="patient.medication"/>\n'  # 16
    "  <t:submit/>\n"  # 17
    "</t:form>\n</html>\n"
)
_CATALOGUE = "intake-title=Anmeldung in der Praxis\nq7-label=Welche Medikamente nehmen Sie ein?\nhiv-status=HIV-Status\n"


def _clinic(tmp_path: Path) -> dict[str, tuple[str, int, str]]:
    return site_fields(
        tmp_path,
        {
            f"{_PKG}/components/Layout.tml": _LAYOUT,
            f"{_PKG}/pages/Intake.tml": _INTAKE,
            f"{_PKG}/pages/Intake.properties": _CATALOGUE,
        },
    )


def test_a_tapestry_page_reads_its_components_as_the_controls_they_render(tmp_path: Path) -> None:
    got = _clinic(tmp_path)
    # the id made readable ("Diagnosis"), the catalogue's "<id>-label", a RadioGroup's id naming its radios, a label
    # parameter read from the catalogue, a Label component's own body, a value binding naming a field with no id
    assert got["diagnosis"] == ("health", 6, "Diagnosis"), got
    assert got["q7"] == ("health", 7, "Welche Medikamente nehmen Sie ein?"), got
    assert got["pregnant"][:2] == ("health", 10), got
    assert got["x12"][:2] == ("health", 13), got
    assert got["faith"] == ("religion", 15, "Religionszugehörigkeit"), got
    assert got["medication"][:2] == ("health", 16), got
    assert "fullName" not in got, got


def test_the_layout_a_page_names_brings_its_recorders_to_the_page(tmp_path: Path) -> None:
    _clinic(tmp_path)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    recorded = {(r.path.rsplit("/", 1)[-1], r.field.name) for r in result.fields if r.exposed or r.masked}
    assert ("Intake.tml", "pregnant") in recorded, recorded
    assert any(d.vendor == "clarity" and d.location.path.endswith("Layout.tml") for d in result.detections)


def test_a_page_with_no_layout_component_is_not_given_another_pages_recorders(tmp_path: Path) -> None:
    alone = _INTAKE.replace('t:type="layout" ', "")
    files = {f"{_PKG}/components/Layout.tml": _LAYOUT, f"{_PKG}/pages/Intake.tml": alone}
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert not [r for r in result.fields if (r.exposed or r.masked) and r.path.endswith("Intake.tml")]


def test_a_hotel_booking_page_in_the_same_shape_asks_nothing_sensitive(tmp_path: Path) -> None:
    booking = (
        f'<html t:type="layout" title="Book a room" {_NS}>\n<h1>Book a room</h1>\n<t:form t:id="booking">\n'
        '  <t:label for="arrival"/> <t:datefield t:id="arrival"/>\n'
        '  <t:label for="roomType"/> <t:select t:id="roomType" model="literal:Single,Double,Suite"/>\n'
        '  <t:checkbox t:id="smokingRoom"/> <t:label for="smokingRoom"/>\n'
        '  <t:radiogroup t:id="beds"><t:radio t:id="twin" value="literal:2"/><t:label for="twin"/>'
        '<t:radio t:id="king" value="literal:1"/><t:label for="king"/></t:radiogroup>\n'
        '  <t:label for="unionStation">Pick-up at Union Station</t:label> <t:checkbox t:id="unionStation"/>\n'
        '  <t:textarea t:id="requests" label="Special requests"/>\n'
        "</t:form>\n</html>\n"
    )
    got = site_fields(tmp_path, {f"{_PKG}/components/Layout.tml": _LAYOUT, f"{_PKG}/pages/Booking.tml": booking})
    assert not {n: v for n, v in got.items() if v[0] not in ("contact", "credentials")}, got


def test_a_page_declaring_tapestrys_namespace_is_read_whatever_its_ending() -> None:
    db = signatures.load()
    page = htmldoc.parse(f'<html {_NS}><body><t:form><t:textfield t:id="religion"/></t:form></body></html>')
    assert tapestry.is_tapestry("Page.html", page.source, db.tapestry)
    assert not tapestry.is_tapestry("page.html", "<html><body><input name=religion></body></html>", db.tapestry)
    tapestry.native(page, db.tapestry)
    control = next(page.root.iter("input"))
    assert (control.get("name"), control.get("id")) == ("religion", "religion")


def test_tapestrys_own_components_name_no_template_and_render_no_control() -> None:
    db = signatures.load()
    page = htmldoc.parse(
        f'<html t:type="layout" {_NS}><body>\n<t:if test="loggedIn"><t:site.footer/></t:if>\n'
        '<t:form><t:textfield t:id="q1"/><t:label for="q1"/><t:loop source="rows" value="row">${row}</t:loop></t:form>\n'
        '<t:output value="patient.diagnosis"/><t:grid t:id="patients"/></body></html>'
    )
    used = {(r.kind, r.name) for r in tapestry.components(page, db.tapestry)}
    assert ("extends", "layout") in used and ("include", "site.footer") in used, used
    assert not {n for _, n in used} & {"form", "textfield", "label"}, used
    tapestry.native(page, db.tapestry)
    controls = [(el.tag, el.get("name")) for el in page.root.iter("input", "select", "textarea")]
    assert controls == [("input", "q1")], controls  # t:output shows a value, t:grid a table: no control


def test_a_page_written_inside_its_layout_element_extends_it() -> None:
    # the usual shape of a Tapestry page: <t:layout> as its outermost element, the parser's <html><body> around it
    db = signatures.load()
    page = htmldoc.parse(f'<t:layout title="Intake" {_NS}>\n<t:form><t:textfield t:id="q1"/></t:form>\n<t:footer/>\n</t:layout>\n')
    used = [(r.kind, r.name) for r in tapestry.components(page, db.tapestry)]
    assert used == [("extends", "layout"), ("include", "footer")], used
