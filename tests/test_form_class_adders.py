"""A Laminas or Zend Framework form class, which adds its elements one call at a time (``$this->add(array(…))``, the
form-class helper of signatures/form_helpers.toml): each call is a control where it stands, labelled by its options,
also written with a space before the parenthesis or a label converted with ``iconv``; the element's own ``options`` and
``attributes`` arrays are no fields."""

from __future__ import annotations

from tests.conftest import controls_by_name

_LAMINAS = """<?php
namespace Secretariat\\Form;

use Laminas\\Form\\Form;

class PatientForm extends Form
{
    public function __construct()
    {
        parent::__construct('patient');
        $this->add ( array (
            'name' => 'telephone',
            'type' => 'Text',
            'options' => array(
                'label' => iconv('ISO-8859-1', 'UTF-8', 'Téléphone'),
            ),
        ));
        $this->add(array(
            'name' => 'ethnie',
            'type' => 'Select',
            'options' => array(
                'label' => 'Ethnie',
                'value_options' => array('' => '', 'Wolof' => 'Wolof', 'Peul' => 'Peul'),
            ),
        ));
        $this->add([
            'name' => 'diagnostic',
            'type' => 'Textarea',
            'options' => ['label' => 'Diagnostic'],
            'attributes' => ['id' => 'diagnostic', 'rows' => 3],
        ]);
    }
}
"""


def test_a_laminas_form_class_is_read_call_by_call(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _LAMINAS, db, "PatientForm.php")
    assert {k: (s.line, s.classification.category) for k, s in sites.items()} == {
        "telephone": (11, "contact"),
        "ethnie": (18, "racial-ethnic"),
        "diagnostic": (26, "health"),
    }, sites
    assert sites["telephone"].texts.get("label") == "Téléphone", sites["telephone"].texts
    # the element's attributes and options are no controls of their own
    assert "options" not in sites and "attributes" not in sites


def test_adder_calls_given_no_definitions_are_no_form(tmp_path, db) -> None:
    # A service container's and a collection's add() calls: objects without a control's name, label or type.
    text = (
        "<?php\nfunction boot($c) {\n"
        "    $c->add(array('id' => 'mailer', 'class' => 'Mailer', 'diagnosis' => true));\n"
        "    $c->add(array('id' => 'logger', 'class' => 'Logger', 'level' => 'debug'));\n"
        "    $items->add(['sku' => 'A1', 'price' => 10]);\n}\n"
    )
    assert controls_by_name(tmp_path, text, db, "services.php") == {}


def test_one_added_definition_alone_is_no_list(tmp_path, db) -> None:
    text = (
        "<?php\nfunction f($form) {\n"
        "    $form->add(array('name' => 'diagnosis', 'type' => 'Text', 'options' => array('label' => 'Diagnosis')));\n}\n"
    )
    assert controls_by_name(tmp_path, text, db, "one.php") == {}
