"""A PHP project's own form builders (analyzer/parse/php_builders.py, docs/fields.md): a function whose body prints a
control named by one of its parameters is read from the site's PHP files before the pages, and each call that names
the field with a string literal is written as that control, at the call, labelled by the literal the function prints
as text (directly or through another such function). Functions that print nothing, names defined ambiguously, calls
with a variable for the name, and builders of hidden or submit inputs give no control."""

from __future__ import annotations

from pathlib import Path

from analyzer.parse import php_builders
from analyzer.scan import ScanOptions, run
from tests.conftest import finishes_within, site_controls, site_fields

_RESOURCES = """<?php
function party_label($key, $name)
{
  echo "<th><label for='$key'>", stripslashes($name), "</label></th>";
}

function party_text($user, $key, $name, $desc = '')
{
  party_label($key, $name);
  $value = $user->$key;
  echo "<td><input type='text' name='$key' id='$key' value='$value' />";
  if ($desc) { echo "<span class='description'>$desc</span>"; }
  echo "</td>";
}

function party_flag($user, $key, $name)
{
  echo '<tr><td>' . $name . '</td><td><input type="checkbox" name="' . $key . '" value="1"></td></tr>';
}

function party_hidden($key, $value)
{
  echo "<input type='hidden' name='$key' value='$value'>";
}

function party_value($key)
{
  return get_option($key);
}
"""

_PAGE = """<?php include 'resources.php'; ?>
<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
<h3>Member details</h3>
<table class='form-table'>
  <tr><?php party_text($user, 'f_affiliation', 'Political party you belong to') ?></tr>
  <tr><?php party_flag($user, 'f_union', 'Member of a trade union') ?></tr>
  <tr><?php party_text($user, 'f_city', 'City') ?></tr>
  <tr><?php party_text($user, $dynamic, 'Religion') ?></tr>
  <tr><?php party_hidden('f_faith', 'Religion') ?></tr>
  <p><?php echo party_value('f_health'); ?></p>
</table>
"""


_fields = site_fields


def test_a_call_of_the_sites_own_builder_is_the_control_it_prints(tmp_path: Path) -> None:
    fields = _fields(tmp_path, {"includes/resources.php": _RESOURCES, "profile.php": _PAGE})
    # The label printed through party_label(), and one printed by concatenation; each at its call's line.
    assert fields.get("f_affiliation") == ("political", 5, "Political party you belong to"), fields
    assert fields.get("f_union", ())[:2] == ("union", 6), fields  # a box: its text is its choice's
    # A field named by a variable is not known; a hidden input is no control; a function that prints nothing is none.
    assert set(fields) == {"f_affiliation", "f_union"}, fields


def test_a_builder_method_is_read_where_it_is_called_on_an_object(tmp_path: Path) -> None:
    form_class = """<?php
class Formulario {
    public function campo($nombre, $texto, $tipo = 'text') {
        $this->html .= '<div><label>' . $texto . '</label><input type="' . $tipo . '" name="' . $nombre . '"></div>';
    }
    public function area($nombre, $texto) {
        $this->html .= "<p>{$texto}</p><textarea name=\\"{$nombre}\\"></textarea>";
    }
}
"""
    page = """<?php
require 'Formulario.php';
$f = new Formulario();
$f->campo('antecedentes', 'Enfermedades previas');
$f->area('observaciones_9', 'Medicación actual');
campo('suelto', 'Enfermedades previas');
?>
<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
"""
    fields = _fields(tmp_path, {"lib/Formulario.php": form_class, "alta.php": page})
    assert fields.get("antecedentes", ("",))[0] == "health", fields
    assert fields.get("observaciones_9", ("",))[:2] == ("health", 5), fields
    # A bare call of a name only a method has is not that method.
    assert "suelto" not in fields, fields


def test_a_name_defined_twice_differently_is_not_read(tmp_path: Path) -> None:
    other = "<?php\nclass Presenter {\n  private function get_field($type, $name) {\n"
    other += "    return \"<input type='$type' name='$name'>\";\n  }\n}\n"
    plugin = "<?php\nclass Api {\n  public function get_field($key, $post = false) {\n    return get_post_meta($post, $key);\n  }\n}\n"
    page = (
        "<?php $api = new Api(); ?>\n"
        '<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>\n'
        "<?php $kept = $api->get_field('text', 'diagnosis'); ?>\n"
    )
    assert _fields(tmp_path, {"a/Presenter.php": other, "b/Api.php": plugin, "index.php": page}) == {}


def test_collecting_builders_has_a_bounded_cost() -> None:
    unclosed = "<?php\n" + "function f{0}($a, $b) {{ echo \"<input name='$a'>\" . $b;\n" * 40_000
    calls = "<?php\n" + "party_text($u, 'x', 'y(' . f(g(h($z, $a), $b)), 'z');\n" * 100_000
    with finishes_within(20, "40,000 unclosed functions and a page of 100,000 calls"):
        found = php_builders.collect([("unclosed.php", unclosed.format(1)), ("resources.php", _RESOURCES)])
        assert (False, "party_text") in found.by_name
        written = php_builders.write(calls, " " * len(calls), found)
    assert len(written) == len(calls)


def test_a_file_whose_builders_cannot_be_read_is_named_and_the_scan_goes_on(tmp_path: Path, monkeypatch) -> None:
    real = php_builders._definitions

    def fails_on_one(text: str, *rest):
        if "function party_flag(" in text:
            raise ValueError("a reader bug")
        return real(text, *rest)

    monkeypatch.setattr(php_builders, "_definitions", fails_on_one)
    flag = "<?php\nfunction party_flag($user, $key, $name)\n{\n"
    flag += "  echo '<td>' . $name . '</td><td><input type=\"checkbox\" name=\"' . $key . '\"></td>';\n}\n"
    text = _RESOURCES.replace("function party_flag", "function party_flag_old")
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "resources.php").write_text(text, encoding="utf-8")
    (tmp_path / "includes" / "flag.php").write_text(flag, encoding="utf-8")
    (tmp_path / "profile.php").write_text(_PAGE, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    fields = {r.field.name: r.field.classification.category for r in result.fields}
    # The other file's builders are read; the failing file is named, and its builder's call stays unread.
    assert fields.get("f_affiliation") == "political", fields
    assert "f_union" not in fields, fields
    named = [d for d in result.diagnostics if d.path.endswith("flag.php") and d.code == "internal-error"]
    assert named and "form builders" in named[0].message, result.diagnostics


def test_a_builder_read_past_comments_and_markup_that_hold_quotes(tmp_path: Path) -> None:
    # An apostrophe in a comment or in the markup between ?> and <?php is no string: the body's braces still match.
    lib = """<?php
function row_text($key, $name) {
    // don't print the value here { see below
    # it's escaped later
    /* a brace } in a block comment */
    ?><p class="hint">Don't leave it empty</p><?php
    echo "<tr><th>$name</th><td><input type='text' name='$key'></td></tr>";
}
"""
    page = """<?php include 'lib.php'; ?>
<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
<table><?php row_text('f_conf', 'Religious denomination') ?></table>
"""
    fields = _fields(tmp_path, {"lib.php": lib, "page.php": page})
    assert fields.get("f_conf", ("",))[0] == "religion", fields


_BEAN_TAGS = """<?php
function getPropertyAndValue($property, &$attributeName, &$attributeValue) {
    list($bean, $prop) = explode(":", $property);
    $attributeName = get_class($GLOBALS[$bean]) . ":" . $bean . ":" . $prop;
    $attributeValue = $GLOBALS[$bean]->$prop;
}
function text($htmlParams, $property) {
    getPropertyAndValue($property, $attributeName, $attributeValue);
    echo("<input type='text' $htmlParams name='$attributeName' value=\\"$attributeValue\\">");
}
function area($htmlParams, $property) {
    $fieldName = 'f_' . $property;
    echo("<textarea $htmlParams name='$fieldName'></textarea>");
}
function pair($htmlParams, $bean, $property) {
    $both = $bean . '_' . $property;
    echo("<input $htmlParams name='$both'>");
}
"""
# A PDF library of the same site, PHP 4 style: a class's methods carry no modifier, and its Text() is no builder.
_PDF = (
    "<?php\nclass FPDF\n{\nvar $page;\nfunction Text($x, $y, $txt)\n{\n"
    "  $this->_out(sprintf('BT %.2F %.2F Td (%s) Tj ET', $x, $y, $txt));\n}\n}\n"
)
_FOLLOW_UP = """<?php include 'beanparser/htmltags.php'; ?>
<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
<table>
<tr><td>Glycémie à jeun (g/l)</td><td><?php text("id='glycemie' size='3'", "SuiviDiabete:glycemie"); ?></td></tr>
<tr><td>Traitement en cours</td><td><?php area("rows='3'", "traitement"); ?></td></tr>
<tr><td>Religion</td><td><?php pair("", "Patient", "religion"); ?></td></tr>
</table>
"""


def test_a_builder_naming_its_control_by_a_variable_made_from_one_parameter(tmp_path: Path) -> None:
    # The name printed from a variable a helper fills through a by-reference argument, or one assigned from a single
    # parameter, is that parameter's: the call's literal names the control ("SuiviDiabete:glycemie"). A class method
    # written without a modifier (FPDF's Text) is no function "text", so the bare calls stay unambiguous.
    fields = _fields(tmp_path, {"bean/beanparser/htmltags.php": _BEAN_TAGS, "lib/fpdf.php": _PDF, "suivi.php": _FOLLOW_UP})
    assert fields.get("SuiviDiabete:glycemie", ("",))[:2] == ("health", 4), fields
    assert fields.get("traitement", ("",))[:2] == ("health", 5), fields
    # A name made from two parameters names neither: no control is written for the call.
    assert not [n for n in fields if "religion" in n.lower()], fields


_PUPIL = """<?php
class Schueler {
\tpublic function getHtmlInput($feld, $laenge = 60, $maxlength = 30)
\t{
\t\techo "<input type=\\"text\\" maxlength=\\"$maxlength\\" name=\\"form[$feld]\\" style=\\"width:".$laenge."px;\\"/>";
\t}
\tpublic function getHtmlSelect($feld, $tabel_or_array, $enum = false)
\t{
\t\techo "<select name=\\"form[$feld]\\" style=\\"width:120px\\">\\n";
\t\techo "</select>";
\t}
\tpublic function getHtmlFlag($feld)
\t{
\t\techo "<input type='checkbox' name='opt_{$feld}_yes' value='1'>";
\t}
}
"""

_ENROLMENT = """<?php require_once 'inc/class/schueler.class.php'; $schueler = new Schueler(); ?>
<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
<form><table>
<tr><td>Religionsunterricht</td><td><?php $schueler->getHtmlSelect('religionsunterricht', array('ev', 'rk', 'Ethik'), true); ?></td></tr>
<tr><td>Chronische Erkrankungen</td><td><?php $schueler->getHtmlInput('krankheiten', 120, 40); ?></td></tr>
<tr><td>Allergien</td><td><?php $schueler->getHtmlFlag('allergien'); ?></td></tr>
</table></form>
"""


def test_a_builder_printing_its_parameter_inside_a_longer_name(tmp_path: Path) -> None:
    # name="form[$feld]" prints form[religionsunterricht] for getHtmlSelect('religionsunterricht'): the control keeps
    # the whole name, as the browser posts it, with the text around the parameter ({$feld} inside a name as well).
    fields = _fields(tmp_path, {"inc/class/schueler.class.php": _PUPIL, "inc/seiten/name.inc.php": _ENROLMENT})
    assert fields.get("form[religionsunterricht]", ("",))[:2] == ("religion", 4), fields
    assert fields.get("form[krankheiten]", ("",))[:2] == ("health", 5), fields
    assert fields.get("opt_allergien_yes", ("",))[:2] == ("health", 6) and "allergien" not in fields, fields


_SCREENING = """<?php
function echo_question(string $label, string $text, string $described_by = '')
{
    echo '<li><fieldset><legend>';
    echo $text;
    echo '</legend><label><input type="radio" name="';
    echo $label;
    echo '" value="Ja"> Ja</label><label><input type="radio" name="';
    echo $label;
    echo '" value="Nee"> Nee</label></fieldset></li>';
}
?>
<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
<form method="post">
<label>Naam:<input type="text" name="naam" autocomplete="name"/></label>
<ol><?php
echo_question('diabetes', 'Heeft u diabetes mellitus (suikerziekte) met complicaties?');
echo_question('hivinfectie', 'Heeft u een hivinfectie die (nog) niet onder behandeling is?');
echo_question('fiets', 'Komt u met de fiets?');
?></ol>
</form>
"""


def test_a_builder_printing_its_parameters_by_statements_of_their_own(tmp_path: Path) -> None:
    # echo '<input type="radio" name="'; echo $label; echo '">': the name is the parameter the next statement prints,
    # and echo $text; between <legend> and </legend> its text. Each call is the control at the call's line.
    fields = _fields(tmp_path, {"vragen.php": _SCREENING})
    assert fields.get("diabetes", ())[:2] == ("health", 17) and fields.get("hivinfectie", ())[:2] == ("health", 18), fields
    assert set(fields) == {"diabetes", "hivinfectie"}, fields  # the bicycle and the name are no special category
    # The definition's own radios, their name a blank where the parameter is printed, are no control of the page.
    assert sorted(s.line for s in site_controls(tmp_path)) == [15, 17, 18, 19], site_controls(tmp_path)


_WHOLE_FORM = """<?php
echo '<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>';
function intake_form($extra)
{
    echo '<form><label>Diagnosis<textarea name="diagnosis"></textarea></label>';
    echo '<input type="text" name="' . $extra . '">';
    echo '</form>';
}
intake_form('allergies');
"""


def test_a_builder_whose_body_prints_other_controls_keeps_them(tmp_path: Path) -> None:
    # A function printing a whole form around the control its parameter names: the form's own controls are read in
    # its body, as written, and the call is written as the control it names.
    fields = _fields(tmp_path, {"intake.php": _WHOLE_FORM})
    assert fields.get("diagnosis", ())[:2] == ("health", 5) and fields.get("allergies", ())[:2] == ("health", 9), fields


_OWN_LABEL = """<?php
function pick_religion($name) {
  echo '<label>Religión</label><select name="' . $name . '">';
  echo '<option>Católica</option><option>Evangélica</option><option>Ninguna</option></select>';
}
?>
<script src="https://static.hotjar.com/c/hotjar-1234567.js?sv=6"></script>
<form method="post">
<?php pick_religion('campo7'); ?>
</form>
"""


def test_a_builder_printing_its_own_label_and_options_keeps_its_body(tmp_path: Path) -> None:
    # The call would be written without the label and choices the body prints itself: the body is read as it is.
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "form.php").write_text(_OWN_LABEL, encoding="utf-8")
    read = [(s.line, s.classification.category) for s in site_controls(tmp_path / "site") if s.classification.category != "-"]
    assert read == [(3, "religion")], read
