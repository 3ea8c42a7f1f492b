"""A form plugin's or builder's field definitions kept in PHP arrays (analyzer/parse/php_arrays.py): a WPForms
template's ``'fields' => array( 1 => array( 'type' => 'radio', 'label' => __( '…', 'domain' ), 'choices' => … ) )`` and
a short-array config (``$fields = [ ['name' => 'diagnosis', 'label' => 'Diagnóstico', 'type' => 'textarea'] ]``) are
read as the definitions they are, each where it stands. A menu's array of labelled links is no form."""

from __future__ import annotations

import re

from analyzer.parse import php_arrays
from tests.conftest import controls_by_name

_TEMPLATE = """<?php
class WPForms_Template_Church_Membership extends WPForms_Template {
	public function init() {
		$this->name = __( 'Church Membership Form', 'wpforms-form-templates-pack' );
		$this->data = array(
			'fields' => array(
				1 => array(
					'id'    => '1',
					'type'  => 'name',
					'label' => __( 'Name', 'wpforms-form-templates-pack' ),
				),
				2 => array(
					'id'      => '2',
					'type'    => 'radio',
					'label'   => __( 'Will you be leaving another church to join ours?', 'wpforms-form-templates-pack' ),
					'choices' => array(
						1 => array( 'label' => __( 'Yes', 'wpforms-form-templates-pack' ) ),
						2 => array( 'label' => __( 'No', 'wpforms-form-templates-pack' ) ),
					),
				),
			),
		);
		// 'label' => 'a comment'
		$menu = [ ['label' => 'Home', 'url' => '/'], ['label' => 'Health', 'url' => '/health'] ];
	}
}
"""

_CONFIG = """<?php
return [
    'fields' => [
        ['name' => 'diagnosis', 'label' => 'Diagnóstico', 'type' => 'textarea'],
        ['name' => 'colour', 'label' => $this->t('Color favorito'), 'type' => 'text'],
    ],
];
"""


def test_a_wpforms_templates_fields_are_read_where_they_stand(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _TEMPLATE, db, "class-church-membership.php")
    assert sites.keys() == {"1", "2"}, sites  # the menu's links are no controls
    leaving = sites["2"]
    # A group is reported where its question is defined, and answers for its first choice's line ('Yes') too, as a
    # group written in markup answers for each of its boxes.
    assert (leaving.line, leaving.type, leaving.classification.category) == (12, "radio", "religion"), leaving
    assert 17 in leaving.box_lines, leaving
    assert sites["1"].texts.get("label") == "Name", sites["1"].texts


def test_a_short_array_config_is_read(tmp_path, db) -> None:
    sites = controls_by_name(tmp_path, _CONFIG, db, "form.php")
    assert (sites["diagnosis"].tag, sites["diagnosis"].line, sites["diagnosis"].classification.category) == ("textarea", 4, "health")
    assert sites["colour"].texts.get("label") == "Color favorito", sites["colour"].texts


def test_the_transcription_keeps_every_line_and_column() -> None:
    written = php_arrays.script(_TEMPLATE)
    assert len(written) == len(_TEMPLATE) and written.count("\\n") == _TEMPLATE.count("\\n")
    assert re.search(r"'fields' :\s+\[", written) and "=>" not in written


def test_unbalanced_and_odd_code_keeps_its_length() -> None:
    for text in ("<?php $a = array( 'label' => ", "<?php ) ] ) $x = ['label' => <<<EOT\n((\nEOT;\n", "'unterminated", "# only\n/* open"):
        written = php_arrays.script(text, frozenset({"__", "t"}))
        assert len(written) == len(text) and written.count("\n") == text.count("\n"), (text, written)


def test_heredocs_comments_and_markup_do_not_disturb_the_arrays(tmp_path, db) -> None:
    page = """<html><body><p>Form (preview) [draft]</p>
<?php
$help = <<<EOT
  Fill in ( every [ field
EOT;
# 'label' => 'a comment', array(
$fields = [
    ['name' => 'diagnosis', 'label' => 'Diagnóstico', 'type' => 'textarea'], // ] )
    ['name' => 'colour', 'label' => 'Color favorito'],
];
?>
</body></html>
"""
    sites = controls_by_name(tmp_path, page, db, "form.php")
    assert (sites["diagnosis"].line, sites["diagnosis"].classification.category) == (8, "health"), sites
