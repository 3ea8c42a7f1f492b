"""JSF and PrimeFaces form components (``template_component`` in signatures/ui_components.toml): each read as the native
control it renders, labelled by the h:outputLabel / p:outputLabel whose ``for`` names it (its text is its ``value``)."""

from __future__ import annotations

from tests.conftest import controls_by_name

_PAGE = """<html xmlns:h="http://xmlns.jcp.org/jsf/html" xmlns:f="http://xmlns.jcp.org/jsf/core" xmlns:p="http://primefaces.org/ui">
<h:form id="cliente">
<table>
<tr><td><h:outputLabel value="Diagnóstico:" for="dx"/></td>
<td><h:inputText id="dx" value="#{bean.x}"/></td></tr>
<tr><td><p:outputLabel value="Telefone Celular:" for="cel"/></td>
<td><p:inputMask id="cel" value="#{bean.y}" mask="(99)9999-9999"/></td></tr>
<tr><td><p:outputLabel value="Religião:" for="rel"/></td>
<td><p:selectOneRadio id="rel" value="#{bean.z}">
  <f:selectItem itemLabel="Católica" itemValue="C"/>
  <f:selectItem itemLabel="Evangélica" itemValue="E"/>
</p:selectOneRadio></td></tr>
<tr><td><p:outputLabel value="Alergias e medicamentos:" for="obs"/></td>
<td><p:inputTextarea id="obs" value="#{bean.w}"/></td></tr>
</table>
<h:outputText value="Diagnóstico: #{bean.x}"/>
<p:commandButton value="Salvar" action="#{bean.salvar}"/>
</h:form>
</html>
"""


def test_jsf_and_primefaces_controls_are_read_with_their_output_labels(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _PAGE, db, "novo.xhtml")
    got = {k: (s.line, s.tag, s.classification.category, s.texts.get("label", "")) for k, s in sites.items()}
    assert got == {
        "x": (5, "input", "health", "Diagnóstico:"),
        "y": (7, "input", "contact", "Telefone Celular:"),
        "z": (9, "select", "religion", "Religião:"),
        "w": (14, "textarea", "health", "Alergias e medicamentos:"),
    }, got
    # The printed value and the button are no controls.
