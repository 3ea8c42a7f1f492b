"""Server-side form helpers written as the controls they print (analyzer/parse/form_helpers.py,
signatures/form_helpers.toml): same length and lines as the template, the control at the helper's line,
a label the call gives before it, and no control for what only prints a value."""

from __future__ import annotations

import pytest

from analyzer import signatures
from analyzer.parse import form_helpers, htmldoc, templates


def _written(text: str, dialect: str) -> str:
    neutral, tpl = templates.analyse(text, dialect)
    out = form_helpers.write("page", text, neutral, tpl.regions, dialect, signatures.load().form_helpers)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    return out


@pytest.mark.parametrize(
    ("dialect", "template", "control"),
    [
        ("erb", '<%= f.text_field :diagnosis, label: "Current diagnosis" %>', "<label>Current diagnosis</label><input name=diagnosis>"),
        ("erb", "  <%= form.text_area :symptoms, rows: 4 %>", "<textarea name=symptoms></textarea>"),
        ("erb", "<%= f.select :religion, options %>", "<select name=religion></select>"),
        ("erb", "    <%= check_box_tag :smoker, '1', false %>", "<input name=smoker type=checkbox>"),
        ("erb", "<%= check_box_tag :smoker %>", "<input name=smoker>"),  # no room for its type
        (
            "erb",
            "<%= f.collection_radio_buttons :religion, Religion.all, :id, :name %>",
            "<input name=religion type=radio>",
        ),
        ("blade", "{!! Form::email('contact_email', null, ['class' => 'x']) !!}", "<input name=contact_email type=email>"),
        ("php", "<?php echo form_dropdown('blood_group', $groups); ?>", "<select name=blood_group></select>"),
        ("blade", "{{ Form:: text('alergias', null, ['class' => 'form-control']) }}", "<input name=alergias>"),  # PHP allows "Form:: text"
        ("php", "<?= form_input(['name' => 'allergies', 'id' => 'a']) ?>", "<input name=allergies>"),
        ("jinja", "{{ form_row(form.diagnosis, {'label': 'Diagnosis'}) }}", "<label>Diagnosis</label><input name=diagnosis>"),
        ("jinja", '    {{ form.diagnosis|add_class:"x" }}', "<input name=diagnosis>"),
        ("jinja", "    {{ kfh.form.church|addclass:'custom-select' }}", "<input name=church>"),  # a form another object holds
        ("jinja", "    {{ wizard.form.allergies }}", "<input name=allergies>"),  # formtools' wizard
        # Yii 2 ActiveForm: the widget call says which control; a bare field() is a text input.
        ("php", "<?= $form->field($model, 'disability')->textInput(['maxlength' => true]) ?>", "<input name=disability>"),
        ("php", "<?= $form->field($model, 'religion')->dropDownList($items) ?>", "<select name=religion></select>"),
        (
            "php",
            "<?= $form->field($model, 'notes')->label('Symptoms')->textarea() ?>",
            "<label>Symptoms</label><textarea name=notes></textarea>",
        ),
        ("php", "        <?= $form->field($model, 'allergies') ?>", "<input name=allergies>"),
        (  # the label given after the control, past its options and a hint
            "php",
            "<?= $form->field($model, 'meds')->textarea(['rows' => 3])->hint('Dose incl.')->label('Medicamentos en uso') ?>",
            "<label>Medicamentos en uso</label><textarea name=meds></textarea>",
        ),
        # Choices listed as a literal array: the values of Laravel Collective's key => value pairs, the text of
        # each of Rails' [["Catholic", "c"], ...]; a placeholder given in the attribute array.
        (
            "blade",
            "{!! Form::select('cor', ['Preta' => 'Preta', 'Parda' => 'Parda', 'Indigena' => 'Indígena'], $p->cor) !!}",
            "<select name=cor><option>Preta</option><option>Parda</option><option>Indígena</option></select>",
        ),
        (
            "erb",
            "<%= f.select :religion, [['Catholic', 'c'], ['Muslim', 'm']], prompt: 'Choose one' %>",
            "<select name=religion><option>Catholic</option><option>Muslim</option></select>",
        ),
        (
            "blade",
            "{!! Form::textarea('obs', null, ['placeholder' => 'Sintomas e medicamentos', 'rows' => 3]) !!}",
            '<textarea name=obs placeholder="Sintomas e medicamentos"></textarea>',
        ),
        # A name in PHP's array syntax, as a model's nested attributes are posted (D43: a camp's health sheet).
        (
            "blade",
            "{!! Form::textarea('healthinfo[allergy]', $healthinfo['allergy'], ['class' => 'form-control', 'rows' => 3]) !!}",
            "<textarea name=healthinfo[allergy]></textarea>",
        ),
        ("php", "<?php echo form_input('patient[blood_group]', $p->blood); ?>", "<input name=patient[blood_group]>"),
        # Symfony: a field of an embedded form is named by the path's last name
        ("jinja", "            {{ form_row(form.adherent.address.zipCode) }}", "<input name=zipCode>"),
        ("jinja", "{{ form_widget(form.emergency.phone, {'label': 'Téléphone'}) }}", "<label>Téléphone</label><input name=phone>"),
    ],
)
def test_a_helper_is_written_as_its_control(dialect: str, template: str, control: str) -> None:
    assert control in _written(template, dialect)


def test_a_variables_choices_and_a_later_array_are_not_options() -> None:
    # Form::select('cor', $cores): the choices are not in the template; a later argument's array is not them.
    assert "<select name=cor></select>" in _written("{!! Form::select('cor', $cores, null, ['class' => 'form-control']) !!}", "blade")


def test_a_tag_too_short_for_an_input_gets_the_private_short_control() -> None:
    # "{{ form.x }}" at the start of its line is two characters shorter than "<input name=x>".
    out = _written("<form>\n{{ form.diagnosis }}\n</form>", "jinja")
    assert "<rl name=diagnosis>" in out
    root = htmldoc.parse(out).root
    assert root is not None and next(root.iter("rl")).sourceline == 2


@pytest.mark.parametrize(
    ("dialect", "template"),
    [
        ("jinja", "{{ patient.diagnosis }}"),  # a value printed on the page, not a control
        ("jinja", "{{ form.as_p }}"),  # the whole form: its fields are not named here
        ("jinja", "{{ form.diagnosis.errors }}"),
        ("jinja", "{{ user.profile.diagnosis }}"),  # no form on the path
        ("jinja", "{{ wizard.form.as_p }}"),
        ("erb", "<%= @patient.diagnosis %>"),
        ("erb", "<%= f.submit 'Send' %>"),
        ("blade", "{{ $patient->diagnosis }}"),
        # a name built from a variable ('health_question[' . $q->id . ']') names no field the page shows whole
        ("blade", "{!! Form::text('health_question['. $health_question->id.']', $health_question['answer']) !!}"),
    ],
)
def test_what_only_prints_a_value_is_no_control(dialect: str, template: str) -> None:
    out = _written(template, dialect)
    assert "<input" not in out and "<rl " not in out and "<select" not in out and "<textarea" not in out, out


def test_a_helper_spread_over_lines_writes_only_on_its_first_line() -> None:
    text = "  <%= f.text_area :symptoms, class: 'x',\n      rows: 4 %>"
    out = _written(text, "erb")
    first, second = out.split("\n")
    assert "<textarea name=symptoms></textarea>" in first and second.strip() == ""


def test_a_number_in_a_labels_place_is_no_label() -> None:
    # A project's own builder shares Nette's method name but gives rows and columns where Nette gives the label.
    text = "        $this->addTextArea('objawy', '4', '40', '<br>Objawy','');\n        $form->addText('age', 'Věk:');\n"
    out = form_helpers.write("forms/newVisitForm.php", text, text, [], None, signatures.load().form_helpers)
    lines = out.split("\n")
    assert "name=objawy" in lines[0] and "<label>" not in lines[0], out
    assert "<label>Věk:</label><input name=age>" in lines[1], out


def _razor(path: str, text: str) -> tuple[str, list[str]]:
    """A Razor view written by its helpers (no template regions: Razor's calls are found in the text), same length and lines."""
    out = form_helpers.write(path, text, text, [], None, signatures.load().form_helpers)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    return out, out.split("\n")


def test_razor_html_helpers_are_written_as_their_controls() -> None:
    text = (
        '    @Html.LabelFor(m => m.Diagnosis, "Current diagnosis")\n'
        '    @Html.TextBoxFor(m => m.Diagnosis, new { @class = "form-control" })\n'
        '    @Html.DropDownListFor(m => m.Religion, Model.Religions, "Choose")\n'
        "    @Html.ValidationMessageFor(m => m.Diagnosis)\n"
        "    <p>@Model.Diagnosis</p>\n"
        '    @Html.DropDownList("ddlGender", (IEnumerable<SelectListItem>)ViewBag.GenderOptions)\n'
        '    @Html.TextArea("allergies", new { rows = 3 })\n'
        '    @Html.Raw("diagnosis")\n'
    )
    out, lines = _razor("Views/Intake.cshtml", text)
    assert "<label>Current diagnosis</label>" in lines[0] and "<input name=Diagnosis>" in lines[1]
    assert "<select name=Religion></select>" in lines[2]
    assert "<input" not in lines[3] and "<input" not in lines[4], out  # a validation message, a printed value
    # Named by a string: the string is the field's name; Html.Raw prints a value, no control.
    assert "<select name=ddlGender></select>" in lines[5] and "<textarea name=allergies></textarea>" in lines[6], out
    assert "<" not in lines[7], out


def test_a_razor_helper_call_over_several_lines_is_written_with_its_listed_choices() -> None:
    # A dating site's register view: the choices given as a SelectListItem list, the call spread over five lines.
    text = (
        '    @Html.LabelFor(m => m.IntresseradAvHane, new { @class = "col-md-2 control-label" })\n'
        '    <div class="col-md-10">\n'
        "        @Html.DropDownListFor(m => m.IntresseradAvHane, new List<SelectListItem>\n"
        "   {\n"
        '       new SelectListItem {Text = "Ja", Value = "true" },\n'
        '       new SelectListItem {Text = "Nej", Value = "false" }\n'
        "   },\n"
        '    new { @class = "form-control" })\n'
        "    </div>\n"
    )
    out, lines = _razor("Views/Account/Register.cshtml", text)
    assert "<select name=IntresseradAvHane><option>Ja</option><option>Nej</option></select>" in lines[2], out
    assert "SelectListItem" not in out, out


def test_phoenix_inputs_are_written_as_their_controls() -> None:
    text = (
        '  <.input field={@form[:diagnosis]} type="text" label="Current diagnosis" />\n'
        "  <.input\n"
        "    field={@form[:religion]}\n"
        '    type="select"\n'
        '    label="Religion"\n'
        "  />\n"
        '  <.input field={@form[:symptoms]} type="textarea" label="Symptoms" />\n'
        "  <.button>Save</.button>\n"
    )
    neutral = templates.analyse(text, "erb")[0]
    out = form_helpers.write("intake.html.heex", text, neutral, [], "erb", signatures.load().form_helpers)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    lines = out.split("\n")
    assert "<label>Current diagnosis</label><input name=diagnosis type=text>" in lines[0]
    # Spread over lines: its label on the first line of the tag with room for it (its field's line here), the control
    # on a later line where one fits (a short input standing in for the select that fits on none).
    assert "<label>Religion</label>" in lines[2] and lines[1].strip() == "" and "name=religion" in lines[4]
    assert "<label>Symptoms</label><textarea name=symptoms></textarea>" in lines[6]
    assert "<input" not in lines[7]


def test_civicrm_smarty_quickform_tags_are_written_as_their_controls(tmp_path, db) -> None:
    from tests.conftest import scan_text

    text = (
        '<div class="crm-section">\n'
        '  <div class="label">{$form.date_bapteme.label}</div>\n'
        '  <div class="content">{$form.date_bapteme.html}</div>\n'
        "</div>\n"
        '<div class="crm-section"><div class="label">{$form.religion.label}</div>\n'
        '<div class="content">{$form.religion.html}</div></div>\n'
        "<p>{$contact.religion}</p>\n"
    )
    out = form_helpers.write("templates/CRM/Form/Individu.tpl", text, text, [], None, signatures.load().form_helpers)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    lines = out.split("\n")
    assert "date bapteme" in lines[1] and "{$form" not in lines[1] and "name=date_bapteme" in lines[2], out
    assert "<input" not in lines[6], out  # a value printed as text is no control
    sites = {s.name: s.classification.category for s in scan_text(tmp_path, text, db, "Individu.tpl").fields}
    assert sites.get("date_bapteme") == "religion" and sites.get("religion") == "religion", sites
    # Another template language's {$form.x.html} (a .php file) is not read as QuickForm's.
    assert "name=religion" not in form_helpers.write("page.php", text, text, [], None, signatures.load().form_helpers)


@pytest.mark.parametrize(
    ("dialect", "template", "text"),
    [
        ("blade", "<label for=r>{{ __('Religion or belief') }}</label>", "Religion or belief"),
        ("php", "<label><?php _e('Current medication', 'clinic-theme'); ?></label>", "Current medication"),
        # OpenEMR's and LibreHealth EHR's translation calls (a text, an attribute, a JS string)
        ("php", "<label for=oa><?php echo xlt('Osteoarthritis'); ?></label>", "Osteoarthritis"),
        ("php", "<td><?php echo xl('Blood Pressure'); ?></td>", "Blood Pressure"),
        ("php", "<td><?php echo $this->lang->line('ori_sexual')?></td>", "ori sexual"),
        ("php", "<label><?php echo $lang['sexual_orientation']; ?>:</label>", "sexual orientation"),
        ("php", "<label><?= $txt['current_diagnosis'] ?></label>", "current diagnosis"),
        ("jinja", "<label>{{ 'patient.allergies'|trans }}</label>", "patient allergies"),
        ("jinja", '<label>{% trans "Do you take any medication?" %}</label>', "Do you take any medication?"),
        ("jinja", "<label>{{ _('Diagnosis') }}</label>", "Diagnosis"),
        ("erb", "<label><%= t('.current_diagnosis') %></label>", "current diagnosis"),
        ("erb", "<label><%= t(:religion) %></label>", "religion"),
        ("go", '<label>{{ i18n "bloodGroup" }}</label>', "blood Group"),  # a camelCase key: its words
        # An escaped quote is part of the message, and the other quote may stand in it (a WordPress dating plugin's
        # "I'm looking for" was read as "I\" before, and its select left unread)
        ("php", "<label><?php _e('I\\'m looking for', 'rencontre'); ?></label>", "I'm looking for"),
        ("blade", '<label>{{ __("Partner\'s religion") }}</label>', "Partner's religion"),
        ("jinja", "<label>{{ _('Don\\'t know your blood type?') }}</label>", "Don't know your blood type?"),
    ],
)
def test_a_translation_call_prints_its_text(dialect: str, template: str, text: str) -> None:
    assert f">{text}" in _written(template, dialect).replace("  ", "")


@pytest.mark.parametrize(
    ("dialect", "template"),
    [
        ("blade", "<label>{{ $patient->diagnosis }}</label>"),  # a value, not a message: stays blank
        ("php", "<label><?php echo $row['diagnosis']; ?></label>"),  # a database row's value, not a message array
        ("php", "<?php $pdf->line(10, 20, 30, 40); ?>"),  # no literal argument
        ("php", "<?php echo xlt($row['diagnosis']); ?>"),  # a value translated: no literal message
        ("jinja", "<label>{{ title|upper }}</label>"),
        ("erb", "<%= link_to 'Home', root_path %>"),
    ],
)
def test_what_is_no_translation_stays_blank(dialect: str, template: str) -> None:
    out = _written(template, dialect)
    assert "diagnosis" not in out and "Home" not in out and "title" not in out


def test_a_translation_call_in_a_code_block_leaves_the_markup_it_echoes() -> None:
    # A WordPress plugin's whole <?php … ?>: an admin string through esc_html__() and the recorder's
    # <script> it echoes. Writing the call's text must not blank the echoed script.
    php = (
        "<?php\nclass Plugin {\n  function title() { return esc_html__( 'Hotjar', 'hotjar' ); }\n"
        '  function head() {\n    echo "\n    <script>hj(\'init\', " . $id . ");</script>\n    ";\n  }\n}\n'
    )
    out = _written(php, "php")
    assert "<script>" in out and "</script>" in out and "Hotjar" in out, out


_INCLUDES = {
    "formView.jsp": (
        '<%@ page pageEncoding="UTF-8" %>\n<h2>Anamnéza</h2>\n'
        '<jsp:include page="../../components/checkboxComponentView.jsp">\n'
        '    <jsp:param name="propertyName" value="epilepsyInFamily"/>\n'
        '    <jsp:param name="messageCode" value="epilepsyInFamily"/>\n'
        "</jsp:include>\n"
        '<jsp:include page="../../components/textFieldView.jsp">\n'
        '    <jsp:param name="propertyName" value="diagnosis"/>\n'
        '    <jsp:param name="label" value="Diagnóza"/>\n'
        "</jsp:include>\n"
        '<jsp:include page="header.jsp">\n    <jsp:param name="name" value="religion"/>\n</jsp:include>\n'
    ),
    "intake.blade.php": (
        "<form>\n"
        "  @include('partials.form.input', ['name' => 'allergies', 'label' => 'Allergien'])\n"
        "  @include('partials.form.textarea', [\n      'name' => 'medication',\n      'label' => __('Medikamente'),\n  ])\n"
        "  @includeWhen($show, 'partials.form.select', ['name' => 'religion', 'label' => 'Konfession', 'options' => $faiths])\n"
        "  @include('partials.alert', ['name' => 'diagnosis', 'title' => 'Diagnose'])\n"
        "</form>\n"
    ),
    "templates/join.html.twig": (
        "<form>\n"
        "{% include 'forms/_field.html.twig' with {'name': 'religion', 'label': 'Religion'} %}\n"
        '{% include "forms/checkbox.html" with name="smoker" label="Do you smoke?" %}\n'
        "{% include 'partials/header.html' with {'name': 'diagnosis', 'title': 'Diagnosis'} %}\n"
        "</form>\n"
    ),
}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("formView.jsp", {"epilepsyInFamily": ("checkbox", "health"), "diagnosis": ("text", "health")}),
        ("intake.blade.php", {"allergies": ("text", "health"), "medication": ("textarea", "health"), "religion": ("select", "religion")}),
        ("templates/join.html.twig", {"religion": ("text", "religion"), "smoker": ("checkbox", "health")}),
    ],
)
def test_a_form_partial_included_with_a_fields_name_and_label_is_that_control(tmp_path, path: str, expected: dict) -> None:
    # JSP's <jsp:include> with <jsp:param>, Blade's @include('…', [...]), Twig's and Django's include … with: the
    # partial's file name says which control, its parameters name and label it. A header or an alert included with a
    # name is no control.
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    file = tmp_path / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(_INCLUDES[path], encoding="utf-8")
    with fieldfacts.every_control("-"):
        fields = analyze(SourceFile(file, path, classify(file)), signatures.load(), 10 * 1024 * 1024).fields
    assert {f.name: (f.type, f.classification.category) for f in fields} == expected


def test_helper_kinds_are_matched_in_any_case_and_must_render_alike(tmp_path, monkeypatch) -> None:
    from analyzer import signatures
    from analyzer.signatures.sigschema import SignatureError

    q = "'" * 3
    head = f'schema = 1\n[[helper]]\nfiles = ["form.php"]\ncalls = {q}->add[A-Za-z]+[(][^)]*[)]{q}\n'
    head += f"pattern = {q}->add(?P<kind>[A-Za-z]+)[(]'(?P<name>[a-z]+)'{q}\n"
    monkeypatch.setattr(signatures, "BUILTIN_DIR", tmp_path)
    (tmp_path / "form_helpers.toml").write_text(head + 'renders = { Text = "input", Select = "select" }\n', encoding="utf-8")
    (h,) = signatures._form_helpers()
    assert h.renders == {"text": "input", "select": "select"}  # keyed in lower case: ->addtext( and ->addText( alike
    (tmp_path / "form_helpers.toml").write_text(head + 'renders = { Text = "input", text = "textarea" }\n', encoding="utf-8")
    with pytest.raises(SignatureError, match="two controls in different cases"):
        signatures._form_helpers()


def test_cakephp_form_helper_calls_are_written_as_their_controls() -> None:
    # CakePHP's FormHelper: several calls in one <?php ?> block, each read where it stands; ->control()'s options say
    # which control and its label (a string or a __d() call); ->select() lists its choices; a hidden control is none.
    text = (
        "<?php\n"
        "    echo $this->Form->control('diagnosis', ['type' => 'textarea', 'label' => 'Aktuální diagnóza', 'rows' => 3]);\n"
        "    echo $this->Form->input('faith', array('label' => __d('public', 'Vyznání'), 'type' => 'select'));\n"
        "    echo $this->Form->select('religion', ['c' => 'Catholic', 'm' => 'Muslim'], ['empty' => '(choose one)']);\n"
        "    echo $this->Form->control('token', ['type' => 'hidden']);\n"
        "    echo $this->Form->control('right_to_pension');\n"
        "    echo $this->Form->button('Uložit');\n"
        "?>\n"
    )
    for path in ("src/Template/Patients/add.ctp", "templates/Patients/add.php"):
        out = form_helpers.write(path, text, text, [], None, signatures.load().form_helpers)
        assert len(out) == len(text) and out.count("\n") == text.count("\n")
        lines = out.split("\n")
        assert "<label>Aktuální diagnóza</label><textarea name=diagnosis></textarea>" in lines[1], out
        assert "<label>Vyznání</label><select name=faith></select>" in lines[2], out  # its options array is no choices
        assert "<select name=religion><option>Catholic</option><option>Muslim</option></select>" in lines[3], out
        assert "type=hidden" in lines[4] and "<input name=right_to_pension>" in lines[5], out
        assert "<" not in lines[6], out  # a button prints no control


def test_a_project_s_own_form_helper_in_cakephp_prints_the_same_controls() -> None:
    # A helper extending FormHelper ($this->Metronic->input, $this->BootstrapForm->select); other helpers' calls print
    # no control ($this->Html->link, $this->Text->truncate, $this->Paginator->numbers).
    text = (
        "<?php\n"
        "    echo $this->Metronic->input('diagnosis', array('label' => __d('public', 'Rozpoznanie'), 'type' => 'textarea'));\n"
        "    echo $this->BootstrapForm->select('faith', ['c' => 'Catholic', 'm' => 'Muslim']);\n"
        "    echo $this->Html->link('Diagnosis', ['action' => 'view']);\n"
        "    echo $this->Text->truncate('religion', 20);\n"
        "?>\n"
    )
    out = form_helpers.write("src/Template/Patients/add.ctp", text, text, [], None, signatures.load().form_helpers)
    lines = out.split("\n")
    assert "<label>Rozpoznanie</label><textarea name=diagnosis></textarea>" in lines[1], out
    assert "<select name=faith>" in lines[2], out  # its choices when they fit where the call stands
    assert "<" not in lines[3] and "<" not in lines[4], out


def test_laminas_view_helpers_print_the_form_class_s_elements() -> None:
    # A .phtml view prints each element of its form class where it stands; the element's type is the class's, so
    # formRow writes an input, and the element helpers their own control. A value printed is none.
    text = (
        "<?php echo $this->formRow($form->get('diabetique_connu')); ?>\n"
        "<td><?php echo $this->formSelect($this->form->get('religion'));?></td>\n"
        "<?php echo $this->escapeHtml($patient->get('diagnosis')); ?>\n"
    )
    out = _written(text, "php")
    lines = out.split("\n")
    assert "<input name=diabetique_connu>" in lines[0] and "<select name=religion></select>" in lines[1], out
    assert "<" not in lines[2], out


def test_cakephp_views_are_read_as_php_templates(tmp_path) -> None:
    from analyzer.read.discover import classify

    assert classify(tmp_path / "View" / "Joins" / "index.ctp") == "template"
    assert templates.dialect("View/Joins/index.ctp", "<?php echo 1; ?>") == "php"


def test_freemarker_macros_are_written_as_their_controls() -> None:
    # Spring's form macros, a project's macro library read by shape (a control's name in the macro's and a path), its
    # label macro; a layout macro, a spacer and a macro that binds nothing print no control.
    text = (
        '<@layout.page title="Diagnosis and treatment">\n'
        '  <@spring.formTextarea "patient.diagnosis" \'rows="4"\'/>\n'
        '  <@sf.label title="Vyznání:" required=true/>\n'
        '  <@sf.empty colspan="1"/>\n'
        '  <@sf.dictionaryLookup path="form.faith" dictionaryCode="FAITHS" qtip=""/>\n'
        '  <@sf.textfield path="form.allergies" label="Alergie" style="x"/>\n'
        '  <@sf.inputHelp text="Diagnosis"/>\n'
        "</@layout.page>\n"
    )
    out = form_helpers.write("views/patient.ftl", text, text, [], None, signatures.load().form_helpers)
    out = templates.blank_freemarker(out)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    lines = out.split("\n")
    assert lines[0].strip() == "" and lines[7].strip() == "", out
    assert "<textarea name=patient.diagnosis></textarea>" in lines[1], out
    assert "<label>Vyznání:</label>" in lines[2] and lines[3].strip() == "", out
    assert "<select name=form.faith></select>" in lines[4], out
    assert "<label>Alergie</label><input name=form.allergies>" in lines[5], out
    assert lines[6].strip() == "", out


def test_a_freemarker_macro_that_holds_a_url_is_kept() -> None:
    text = '<@layout.script src="https://static.hotjar.com/c/hotjar-123.js?sv=6"/>\n<#if x>y</#if>\n'
    out = templates.blank_freemarker(text)
    assert out.startswith("<@layout.script src=") and out.split("\n")[1].strip() == "y", out


def test_a_helper_names_its_field_unless_it_prints_text_of_its_own(tmp_path, monkeypatch) -> None:
    # A label macro with its own text (<@sf.label title="…"/>) needs no field name; a helper printing a control does.
    from analyzer import signatures
    from analyzer.signatures.sigschema import SignatureError

    q = "'" * 3
    head = f'schema = 1\n[[helper]]\nfiles = [".ftl"]\ncalls = {q}<@[^>]*>{q}\n'
    monkeypatch.setattr(signatures, "BUILTIN_DIR", tmp_path)
    label = f'pattern = {q}^<@(?P<kind>label) title="(?P<label>[^"]+)"{q}\n'
    (tmp_path / "form_helpers.toml").write_text(head + label + 'renders = { label = "label" }\n', encoding="utf-8")
    (h,) = signatures._form_helpers()
    assert form_helpers._markup('<@label title="Vyznání:"/>', [h]) == ["<label>Vyznání:</label>", "Vyznání:"]
    control = f'pattern = {q}^<@(?P<kind>input) title="(?P<label>[^"]+)"{q}\n'
    (tmp_path / "form_helpers.toml").write_text(head + control + 'renders = { input = "input" }\n', encoding="utf-8")
    with pytest.raises(SignatureError, match="needs the groups 'kind' and 'name'"):
        signatures._form_helpers()
    # A helper that prints one control whatever the call (its renders' one key is "") needs no kind; one with two needs it.
    one = f'pattern = {q}^<@field name="(?P<name>\\w+)"{q}\n'
    (tmp_path / "form_helpers.toml").write_text(head + one + 'renders = { "" = "input" }\n', encoding="utf-8")
    (h,) = signatures._form_helpers()
    assert form_helpers._markup('<@field name="allergies"/>', [h])[0] == "<input name=allergies>"
    (tmp_path / "form_helpers.toml").write_text(head + one + 'renders = { "" = "input", select = "select" }\n', encoding="utf-8")
    with pytest.raises(SignatureError, match="needs the groups 'kind' and 'name'"):
        signatures._form_helpers()


_GOVUK_PAGE = """{% extends "layout.html" %}
{% from "govuk/components/radios/macro.njk" import govukRadios %}
{% from "govuk/components/input/macro.njk" import govukInput %}
{% block content %}
  {{ govukInput({
    label: { text: "Full name" },
    id: "full-name",
    name: "fullName"
  }) }}
  {{ govukRadios({
    idPrefix: "religion",
    name: "religion",
    fieldset: {
      legend: { text: "What is your religion?", isPageHeading: true }
    },
    items: [
      { value: "none", text: "No religion" },
      { value: "christian", text: "Christian" },
      { value: "muslim", text: "Muslim" },
      { value: "other", text: content["optionOther"] | safe }
    ]
  }) }}
  {{ govukRadios({
    idPrefix: "exercise",
    name: "exercise",
    fieldset: { legend: { text: "How often do you come to the gym?" } },
    items: [{ value: "1", text: "Once a week" }, { value: "2", text: "Every day" }]
  }) }}
{% endblock %}
"""


def test_govuk_design_system_macros_are_read_as_the_controls_they_render(tmp_path) -> None:
    # A GOV.UK service's Nunjucks page (app/steps/ui/religion/template.html, beside its step's code, so no template
    # folder says it is one: it opens with {% extends %}): govukRadios prints a fieldset of radios, its legend the
    # question, each item's text a choice (a message's key read as its words); govukInput a labelled input. Look-alikes:
    # the name box and the gym's question stay out of the special categories.
    from tests.conftest import site_fields

    hotjar = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
    found = site_fields(
        tmp_path,
        {
            "app/views/layout.html": f"<html><head>{hotjar}</head><body>{{% block content %}}{{% endblock %}}</body></html>\n",
            "app/steps/ui/religion/template.html": _GOVUK_PAGE,
        },
    )
    assert found["religion"][0] == "religion" and 10 <= found["religion"][1] <= 13, found
    assert "exercise" not in found and found.get("fullName", ("none",))[0] in ("none", "contact"), found


def test_code_for_americas_form_builder_is_read_as_the_controls_it_renders(tmp_path) -> None:
    # The cfa-styleguide gem's builder: a label as the second argument, a text or a message its catalogue holds; a
    # radio set's collection lists its choices. Look-alike: the benefits form's name field stays out of Art. 9.
    from tests.conftest import site_fields

    hotjar = '<script async src="https://static.hotjar.com/c/hotjar-3456781.js?sv=6"></script>'
    page = (
        "<%= form_with model: @form, builder: VitaMinFormBuilder do |f| %>\n"
        '  <%= f.cfa_input_field(:first_name, "First name") %>\n'
        '  <%= f.cfa_checkbox(:race_asian, t("general.race.asian"), options: { checked_value: true }) %>\n'
        "  <%= f.cfa_radio_set(\n"
        "        :pregnant,\n"
        '        label_text: "Are you pregnant?",\n'
        '        collection: [{ value: :yes, label: t("general.affirmative") }, { value: :no, label: t("general.negative") }]\n'
        "      ) %>\n"
        "<% end %>\n"
    )
    found = site_fields(
        tmp_path,
        {
            "app/views/layouts/application.html.erb": f"<html><head>{hotjar}</head><body><%= yield %></body></html>\n",
            "app/views/questions/demographics/edit.html.erb": page,
            "config/locales/en.yml": "en:\n  general:\n    race:\n      asian: Asian\n    affirmative: 'Yes'\n    negative: 'No'\n",
        },
    )
    assert found["race_asian"][0] == "racial-ethnic" and found["race_asian"][1] == 3, found
    assert found["pregnant"][0] == "health", found
    assert "first_name" not in found, found


@pytest.mark.parametrize("change", [{}, {"pattern": "x(?P<kind>a)(?P<name>b)", "patterns": ["y"]}, {"patterns": []}])
def test_a_helper_gives_either_one_pattern_or_a_list_of_shapes(change: dict) -> None:
    from analyzer.signatures import SignatureError, _form_helpers

    helper = {"dialects": ["erb"], "renders": {"a": "input"}, **change}
    with pytest.raises(SignatureError, match="either pattern, or patterns"):
        _form_helpers({"schema": 1, "helper": [helper]})


def test_a_helper_with_two_shapes_is_one_helper_a_shape() -> None:
    from analyzer.signatures import _form_helpers

    helper = {"dialects": ["erb"], "renders": {"a": "input"}, "patterns": ["x(?P<kind>a)(?P<name>b)", "(?P<name>b)y(?P<kind>a)"]}
    found = _form_helpers({"schema": 1, "helper": [helper]})
    assert [h.pattern_text for h in found] == helper["patterns"] and found[0].renders == found[1].renders


def test_a_php_view_of_output_tags_alone_prints_its_helpers_controls(tmp_path, db) -> None:
    # A Yii view written without one HTML element (<?php $form = ActiveForm::begin(); ?> … <?= $form->field(…) ?>) is a
    # template whose output tags print the controls, not a class file of code; a class file prints none.
    from tests.conftest import every_control

    view = (
        "<?php use yii\\widgets\\ActiveForm; ?>\n<?php $form = ActiveForm::begin(); ?>\n"
        "<?= $form->field($model, 'alergias')->textInput() ?>\n"
        "<?= $form->field($model, 'medicamentos')->textarea(['rows' => 3])->label('Medicamentos en uso') ?>\n"
        "<?php ActiveForm::end(); ?>\n"
    )
    found = every_control(tmp_path, view, db, "_form.php")
    read = {s.name: (s.line, s.tag, s.texts.get("label"), s.classification.category) for s in found}
    assert read == {"alergias": (3, "input", None, "health"), "medicamentos": (4, "textarea", "Medicamentos en uso", "health")}, read
    code = "<?php\nclass Paciente extends ActiveRecord {\n  public function rules() { return [['alergias', 'string']]; }\n}\n"
    assert every_control(tmp_path, code, db, "Paciente.php") == []


def test_a_php_view_whose_code_blocks_span_lines_is_read_as_code(tmp_path, db) -> None:
    # echo $form->field(…) statements in one <?php … ?> block, and one output tag after it: the block is no single tag
    # (the first call was reported alone, at the block's first line); read as code, as before.
    from tests.conftest import every_control

    view = (
        "<?php\nuse yii\\widgets\\ActiveForm;\n$form = ActiveForm::begin();\n"
        "echo $form->field($model, 'religion')->textInput()->label('Religião');\n"
        "echo $form->field($model, 'hiv')->checkbox();\nActiveForm::end();\n?>\n<?= Html::encode($this->title) ?>\n"
    )
    assert not [s for s in every_control(tmp_path, view, db, "_form.php") if s.line != 4 and s.name == "religion"]
