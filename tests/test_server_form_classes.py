"""A server framework's form class (a Symfony form type, docs/fields.md "Forms printed by server-side helpers"):
its ->add() calls are the form's fields, with their control, name and label (a label too long for the call's
first line goes there, its control on the next), and they are recorded by the recorders the app's templates
load. Look-alikes: a form class of another app (its own composer.json), a benign field, a project's own field
type, and a field whose label is switched off."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

_HOTJAR = (
    "<script>(function(h,o,t,j,a,r){h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};"
    "h._hjSettings={hjid:3498217,hjsv:6};a=o.getElementsByTagName('head')[0];r=o.createElement('script');r.async=1;"
    "r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;a.appendChild(r);})(window,document,"
    "'https://static.hotjar.com/c/hotjar-','.js?sv=');</script>"
)


def _form_type(name: str, adds: str) -> str:
    """A Symfony form type's class whose buildForm adds these fields (``->add(…)`` lines)."""
    head = (
        "<?php\nnamespace App\\Form;\n\nuse Symfony\\Component\\Form\\AbstractType;\n"
        "use Symfony\\Component\\Form\\Extension\\Core\\Type\\ChoiceType;\n\n"
        f"class {name} extends AbstractType\n{{\n    public function buildForm(FormBuilderInterface $builder, array $options): void\n"
        "    {\n        $builder\n"
    )
    return head + adds + "    }\n}\n"


_TYPE = _form_type(
    "JoinType",
    """            ->add('faith', ChoiceType::class, [
                'label' => 'Religious denomination',
                'choices' => ['Catholic' => 'c', 'Protestant' => 'p'],
            ])
            ->add('q7', Symfony\\Component\\Form\\Extension\\Core\\Type\\TextareaType::class, ['label' => 'Medizinische Vorgeschichte'])
            ->add('q8', TextType::class, ['label' => false])
            ->add('city', TextType::class, ['label' => 'City'])
            ->add('q9', ReligionPickerType::class, ['label' => 'Religion'])
            ->add('allergies', null, ['label' => 'Known allergies'])
            ->add('city');
""",
)


def _scan(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[str, tuple[str, ...], str]]:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    # A box's caption written after it (how Nette and Symfony render one) is its text, as a label is a control's.
    texts = lambda f: f.texts.get("label") or f.texts.get("options", "")  # noqa: E731
    return {r.field.name: (r.field.classification.category, r.exposed, texts(r.field)) for r in result.fields}


def _site(type_path: str = "src/Form/JoinType.php") -> dict[str, str]:
    return {
        "composer.json": '{"require": {"symfony/form": "^7.0"}}\n',
        "templates/base.html.twig": f"<html><head>{_HOTJAR}</head><body>{{% block body %}}{{% endblock %}}</body></html>\n",
        "templates/join.html.twig": "{% extends 'base.html.twig' %}\n{% block body %}<h1>Join</h1>{{ form(form) }}{% endblock %}\n",
        type_path: _TYPE,
    }


def test_a_form_types_fields_are_recorded_by_its_apps_recorders(tmp_path) -> None:
    fields = _scan(tmp_path, _site())
    assert fields["faith"][:2] == ("religion", ("hotjar",)), fields
    assert fields["faith"][2] == "Religious denomination"  # written on the call's first line, its control below
    assert fields["q7"][0] == "health", fields  # a type named with its namespace
    assert fields["allergies"][0] == "health", fields  # a field added without a type: Symfony guesses it, an input
    # A benign field, a field whose label is switched off, and a project's own type (whose control is not known):
    # not reported.
    assert {"city", "q8", "q9"}.isdisjoint(fields), fields


def test_a_form_type_of_another_app_is_not_recorded_by_this_ones(tmp_path) -> None:
    files = _site(type_path="admin/src/Form/JoinType.php")
    files["admin/composer.json"] = '{"require": {"symfony/form": "^7.0"}}\n'
    assert _scan(tmp_path, files) == {}


_CHOICES = _form_type(
    "IntakeType",
    """            ->add('q1', ChoiceType::class, [
                'choices' => [
                    'Katholiek' => 'rk',
                    'Protestants' => 'pr',
                    'Moslim' => 'mo',
                ],
            ])
            ->add('q2', ChoiceType::class, [
                'choices' => [
                    'Amsterdam' => 'ams',
                    'Utrecht' => 'utr',
                ],
            ])
            ->add('primaireProblematiek', VerslavingSelectType::class)
            ->add('locatie', \\App\\Form\\LocatieSelectType::class)
            ->add('q3', EntityType::class, [
                'class' => Geloofsovertuiging::class,
                'label' => 'Keuze',
            ])
            ->add('q4', EntityType::class, [
                'class' => Team::class,
                'label' => 'Keuze',
            ])
            ->add('adres', AutocompleteAddressType::class)
            ->add('medischeAchtergrond', AppTextareaType::class)
            ->add('opmerkingen', AppTextareaType::class)
            ->add('intakedatum', AppDateType::class)
            ->add('context', ContextType::class)
            ->add('lastUpdate', UpdateType::class);
""",
)


def test_a_choice_fields_choices_are_read_where_symfony_says_them(tmp_path: Path) -> None:
    # A ChoiceType's choices over several lines (the keys are what a visitor is shown), the entity class an EntityType
    # chooses among, and the project's own select type (VerslavingSelectType: a select of addictions) name what is
    # chosen. Look-alikes: places, a team, a location select, and a custom type that is no select (an address block).
    files = _site()
    files["src/Form/IntakeType.php"] = _CHOICES
    fields = _scan(tmp_path, files)
    assert fields["q1"][:2] == ("religion", ("hotjar",)), fields
    assert fields["primaireProblematiek"][0] == "health", fields
    assert fields["q3"][0] == "religion", fields
    assert {"q2", "locatie", "q4", "adres"}.isdisjoint(fields), fields
    # A project's type named for the built-in one it extends is that control: AppTextareaType a text area.
    assert fields["medischeAchtergrond"][0] == "health", fields
    assert {"opmerkingen", "intakedatum", "context", "lastUpdate"}.isdisjoint(fields), fields


_CLARITY = (
    "<script>(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};"
    't=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];'
    'y.parentNode.insertBefore(t,y);})(window, document, "clarity", "script", "k2x9mzq3ab");</script>'
)
_DJANGO = """from django import forms
from django.utils.translation import gettext_lazy as _


class SignupForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    faith = forms.ChoiceField(
        label=_("Trosretning"),
        choices=[("a", "A"), ("b", "B")],
    )
    allergies = forms.CharField(label=mark_safe("<b>Allergier</b> og medicin"), widget=forms.Textarea, required=False)
    city = forms.CharField(label="By")
    diagnose = CharField(label="Diagnose", required=False)
    sex = ChoiceField(choices=[("m", "Mand"), ("k", "Kvinde")])
"""
_WTFORMS = """from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField, SelectField


class IntakeForm(FlaskForm):
    name = StringField("Name")
    diagnosis = TextAreaField(_l("Current diagnosis"), validators=[DataRequired()])
    faith = SelectField("Religious affiliation", choices=[("c", "Catholic"), ("m", "Muslim")])
"""


def _django_site(module: str, text: str) -> dict[str, str]:
    return {
        "templates/base.html": f"<html><head>{_CLARITY}</head><body>{{% block content %}}{{% endblock %}}</body></html>\n",
        "templates/signup.html": '{% extends "base.html" %}\n{% block content %}<form method="post">{{ form.as_p }}</form>{% endblock %}\n',
        module: text,
    }


def test_django_and_wtforms_form_classes_declare_their_fields(tmp_path) -> None:
    fields = _scan(tmp_path, _django_site("members/forms.py", _DJANGO))
    assert fields["faith"][0] == "religion" and fields["faith"][2] == "Trosretning", fields
    assert fields["allergies"][0] == "health", fields
    assert fields["allergies"][2] == "Allergier og medicin"  # a label given as markup (mark_safe) is its text
    assert fields["diagnose"][:3:2] == ("health", "Diagnose"), fields  # a Django field class imported by name
    assert {"name", "city"}.isdisjoint(fields), fields
    wtf = _scan(tmp_path / "flask", _django_site("app/forms.py", _WTFORMS))
    assert wtf["diagnosis"][0] == "health" and wtf["faith"][0] == "religion", wtf
    assert "name" not in wtf


def test_field_declarations_outside_a_forms_module_are_not_read(tmp_path) -> None:
    # The same declarations in a module that is not a forms module (a data migration, a settings file) stay code.
    assert _scan(tmp_path, _django_site("members/migrations/0002_data.py", _DJANGO)) == {}


def test_every_form_class_ending_has_a_helper_that_reads_it(db) -> None:
    # template_conventions.toml's form_classes (the files linked to their app's recorders) and form_helpers.toml's
    # files (the files whose declarations are read): a form class no helper reads would be linked and hold nothing.
    read = tuple(ending for h in db.form_helpers for ending in h.files)
    unread = [e for e in db.component_files.form_classes if not e.endswith(read)]
    assert not unread, unread
    # A forms package's modules are Python files: some helper reads .py files.
    assert not db.component_files.form_folders or ".py".endswith(read), read


_NETTE = """<?php
namespace App\\Presenters;

use Nette\\Application\\UI\\Form;

final class ProfilePresenter extends BasePresenter
{
    protected function createComponentProfileForm(): Form
    {
        $form = new Form;
        $form->addText('nickname', 'Přezdívka:');
        $form->addSelect('faith', 'Vyznání:', $this->faiths);
        $form->addTextArea('diagnosis', 'Diagnóza:')
            ->setRequired(false);
        $form->addCheckbox('smoker', 'Kuřák');
        $form->addCheckbox('agree', 'Souhlasím s podmínkami');
        $form->addSubmit('send', 'Uložit');
        return $form;
    }
}
"""


def _nette_app(tmp_path: Path, templates: str, page: str, form: str, code: dict[str, str]) -> dict:
    """A Nette app: its layout (in ``templates``) loads Hotjar, the page ``page`` prints the form ``form`` whole, and
    ``code`` (path -> text) builds it."""
    return _scan(
        tmp_path,
        {
            "composer.json": '{"require": {"nette/forms": "^3.1"}}\n',
            f"{templates}/@layout.latte": f"<html><head>{_HOTJAR}</head><body>{{include content}}</body></html>\n",
            f"{templates}/{page}/default.latte": f"{{block content}}<h1>{page}</h1>{{control {form}}}{{/block}}\n",
            **code,
        },
    )


def test_a_nette_presenters_controls_are_recorded_by_its_apps_recorders(tmp_path: Path) -> None:
    # Nette Forms: the presenter adds each control in code ($form->addText('name', 'Label')); a box's caption is
    # its label; the Latte template prints the form ({control profileForm}) in a layout that loads Hotjar, which
    # records the select (it masks typed text).
    found = _nette_app(tmp_path, "app/Presenters/templates", "Profile", "profileForm", {"app/Presenters/ProfilePresenter.php": _NETTE})
    assert found["faith"] == ("religion", ("hotjar",), "Vyznání:")
    assert found["diagnosis"][0] == "health" and found["smoker"][0] == "health" and found["smoker"][2] == "Kuřák"
    assert "nickname" not in found and "agree" not in found and "send" not in found  # benign, a consent box, a button


_NETTE_GROUPS = """<?php
namespace App\\Forms;

use Nette\\Application\\UI\\Form;

final class RegistraceFormFactory
{
    public function create(): Form
    {
        $form = new Form;
        $form->addGroup('Osobní údaje');
        $form->addText('jmeno', 'Jméno a příjmení:');
        $form->addTextArea('poznamka', 'Poznámka:');
        $form->addCheckboxList('potize', 'Vyberte, co platí:', [
            'astma' => 'Astma',
            'cukrovka' => 'Cukrovka',
        ]);
        $form->addGroup('Zdravotní stav');
        $form->addTextArea('omezeni', 'Omezení:');
        $form->addRadioList('velikost', 'Velikost trička:', ['s' => 'S', 'm' => 'M']);
        $form->addSelect('vira', $this->translator->translate('Vaše víra'), ['rk' => 'Římskokatolická', 'ev' => 'Evangelická']);
        $form->addGroup();
        $form->addCheckbox('souhlas', 'Souhlasím', ['class' => 'form-check']);
        $form->addSubmit('send', 'Odeslat');
        return $form;
    }
}
"""


def test_a_nette_form_s_groups_head_its_controls_and_its_lists_give_their_choices(tmp_path: Path) -> None:
    # $form->addGroup('Zdravotní stav') prints a fieldset whose legend heads the controls after it: a free-text box
    # there is read under it. addCheckboxList / addRadioList / addSelect list their items after the label: one box (or
    # option) per item. Look-alikes: the box of a group with no health caption, a T-shirt size list, and a single
    # checkbox whose attribute array is no list of choices.
    found = _nette_app(tmp_path, "app/UI", "Registrace", "registraceForm", {"app/Forms/RegistraceFormFactory.php": _NETTE_GROUPS})
    assert found["omezeni"][0] == "health", found  # under the group "Zdravotní stav"
    assert found["potize"][0] == "health", found  # its items, under a group that says nothing
    assert found["vira"][0] == "religion", found  # a select's items after a translated label
    assert "poznamka" not in found and "velikost" not in found and "souhlas" not in found, found


def test_a_nette_form_class_is_all_code_and_its_lists_keep_their_items(tmp_path: Path) -> None:
    # A blood centre's donor form as a class of its own (class DonorForm extends Form, $this->add…(), items in array()):
    # the file is all code, so each call is written whole on its first line and a list's items are not dropped for a
    # short line. Look-alike: an "active / inactive" radio list.
    form = (
        "<?php\nnamespace BloodCenter;\n\nuse Nette\\Application\\UI\\Form;\n\nclass DonorForm extends Form\n{\n"
        "    public function __construct($data)\n    {\n        parent::__construct();\n"
        "        $this->addCheckboxList('seznam', 'Označte, co platí:', array('hepatitida' => 'Hepatitida', 'tbc' => 'Tuberkulóza'));\n"
        "        $this->addRadioList('active', 'Stav:', array(0 => 'neaktivní', 1 => 'aktivní'))\n            ->setRequired();\n"
        "    }\n}\n"
    )
    fields = _read(tmp_path, "app/components/DonorForm.php", form)
    assert fields["seznam"][:2] == ("input", "health"), fields
    assert fields["active"][1] == "-", fields


def test_a_php_form_class_s_long_calls_leave_the_rest_of_the_file_where_it_was(tmp_path: Path) -> None:
    # Each call is written whole on its first line on a page of its own: the file's own reading keeps its length, so
    # a loop over a literal list after six long calls does not write over the sixth call's label.
    calls = "".join(f"        $form->addTextArea('d{i}', 'Diagnóza a chronická onemocnění číslo {i}');\n" for i in range(1, 7))
    form = (
        "<?php\nclass SignFormFactory\n{\n    public function create()\n    {\n"
        + calls
        + "        $x = ['a', 'b'];\n        foreach ($x as $v) { f($v); }\n    }\n}\n"
    )
    fields = _read(tmp_path, "app/Forms/SignFormFactory.php", form)
    assert {n: f[2] for n, f in fields.items()} == {f"d{i}": f"Diagnóza a chronická onemocnění číslo {i}" for i in range(1, 7)}, fields


def test_nette_calls_in_a_page_of_another_framework_are_not_read(tmp_path: Path) -> None:
    # ->addText() on a served page (a WordPress template's own widget API) is no Nette form: only presenters, form
    # factories, *Form.php and *Control.php files are read for it.
    page = f"<html><head>{_HOTJAR}</head><body><?php $w->addText('diagnosis', 'Diagnosis'); ?></body></html>\n"
    found = _scan(tmp_path, {"page.php": page})
    assert "diagnosis" not in found


_SYMFONY2_FORM = """<?php
namespace AppBundle\\Form;

use Symfony\\Component\\Form\\AbstractType;

class CreateQuestionForm extends AbstractType
{
    public function buildForm(FormBuilderInterface $builder, array $options)
    {
        $builder
            ->add('email', 'email', ['label' => 'Email'])
            ->add('query', 'textarea', array(
                'label' => 'Popis zdravotních potíží',
            ))
            ->add('faith', 'choice', ['label' => 'Vyznání', 'choices' => ['k' => 'Katolické']])
            ->add('city', 'text', ['label' => 'City'])
            ->add('note', 'notes', ['label' => 'Diagnóza']);
    }
}
"""


def test_a_symfony_2_form_class_with_types_named_by_strings(tmp_path) -> None:
    # Symfony 2 named a field's type by a string ('textarea', 'choice'), and its form classes are often *Form.php.
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path = tmp_path / "CreateQuestionForm.php"
    path.write_text(_SYMFONY2_FORM, encoding="utf-8")
    with fieldfacts.every_control("-"):
        got = analyze(SourceFile(path, path.name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    fields = {f.name: (f.line, f.tag, f.classification.category, f.texts.get("label", "")) for f in got}
    # The file is all code: each call's control is written whole on the call's first line (->add('query', …), line 12),
    # its label from the line below with it.
    assert fields["query"] == (12, "textarea", "health", "Popis zdravotních potíží"), fields
    assert fields["faith"][1:3] == ("select", "religion") and fields["email"][2] == "contact", fields
    assert fields["city"][2] == "-", fields
    assert "note" not in fields, fields  # a type name Symfony does not define


_ZEND_FORM = """<?php
namespace Application\\Form;

use Zend\\Form\\Form;

class PatientForm extends Form
{
    public function __construct($name = null)
    {
        parent::__construct('patient');
        $this->add(array(
            'name' => 'id',
            'type' => 'Hidden',
        ));
        $this->add(array(
            'name' => 'diagnosis',
            'type' => 'Textarea',
            'options' => array(
                'label' => 'Rozpoznanie',
            ),
        ));
        $this->add([
            'type' => Element\\Select::class,
            'name' => 'religion',
            'options' => ['label' => 'Wyznanie', 'value_options' => ['k' => 'katolickie']],
        ]);
        $this->add(array('name' => 'city', 'options' => array('label' => 'Miasto')));
        $this->add(array('name' => 'submit', 'type' => 'Submit', 'attributes' => array('value' => 'Zapisz')));
    }
}
"""


def _read(tmp_path: Path, name: str, text: str) -> dict:
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        got = analyze(SourceFile(path, name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    return {f.name: (f.tag, f.classification.category, f.texts.get("label", "")) for f in got}


def test_a_zend_or_laminas_form_class_adds_its_fields_as_arrays(tmp_path) -> None:
    fields = _read(tmp_path, "module/Application/src/Application/Form/PatientForm.php", _ZEND_FORM)
    # Its textarea fits on no line of the call's first four with its label before it: a stand-in input carries the label.
    assert fields["diagnosis"][1:] == ("health", "Rozpoznanie") and fields["diagnosis"][0] in ("input", "textarea"), fields
    assert fields["religion"][:2] == ("select", "religion") and fields["city"] == ("input", "-", "Miasto"), fields
    assert set(fields) == {"diagnosis", "religion", "city"}, fields  # a hidden id and a submit button are no fields


def test_laravel_collective_custom_macros_are_read_by_shape(tmp_path) -> None:
    blade = (
        "{!! Form::open(['url' => 'clientes']) !!}\n"
        "{!! Form::myInput('text', 'enfermedadmamacual', 'Enfermedad de mama cual?', ['required']) !!}\n"
        "{!! Form::mySelect('LGTBI', 'LGTBI: ', config('variables.SINO')) !!}\n"
        "{!! Form::myInput('date', 'menarca', 'Menarca: ', ['required']) !!}\n"
        "{!! Form::label('notas', 'Diagnóstico previo') !!}\n"
        "{!! Form::hidden('diagnosis_id', 'x') !!}\n"
        "{!! Form::close() !!}\n"
    )
    fields = _read(tmp_path, "resources/views/form.blade.php", blade)
    assert fields["enfermedadmamacual"] == ("input", "health", "Enfermedad de mama cual?"), fields
    assert fields["LGTBI"][:1] == ("select",) and fields["LGTBI"][2] == "LGTBI:", fields
    assert set(fields) == {"enfermedadmamacual", "LGTBI", "menarca"}, fields  # a label, a hidden field: no controls


def test_a_nette_method_written_in_lower_case_is_read(tmp_path) -> None:
    form = "<?php\nclass RegisterForm {\n  function create() {\n    $form->addtext('diagnosis', 'Diagnóza');\n  }\n}\n"
    assert _read(tmp_path, "app/forms/RegisterForm.php", form)["diagnosis"] == ("input", "health", "Diagnóza")


_DRUPAL_FORM = """<?php
namespace Drupal\\matrimony\\Form;

class BasicDetailForm extends FormBase {
  public function buildForm(array $form, FormStateInterface $form_state) {
    $form['Smoking_habits'] = array(
      '#type' => 'radios',
      '#title' => t('Smoking habits'),
      '#options' => array('No' => t('No'), 'Yes' => t('Yes')),
    );
    $form['details']['religion'] = [
      '#type' => 'select',
      '#title' => $this->t('Religion'),
      '#options' => ['h' => $this->t('Hindu'), 'm' => $this->t('Muslim')],
    ];
    $form['Caste'] = array('#type' => 'textfield', '#placeholder' => t('Caste'));
    $form['token'] = array('#type' => 'hidden', '#value' => 'x');
    $form['intro'] = array('#markup' => t('Diagnosis and treatment'));
    $form['submit'] = array('#type' => 'submit', '#value' => t('Save'));
    return $form;
  }
}
"""


def test_drupal_form_api_arrays_are_the_controls_they_declare(tmp_path) -> None:
    fields = _read(tmp_path, "modules/matrimony/src/Form/BasicDetailForm.php", _DRUPAL_FORM)
    assert fields["Smoking_habits"][1] == "health" and fields["religion"][:2] == ("select", "religion"), fields
    assert fields["Caste"][0] == "input" and fields["Caste"][2] == "Caste", fields
    assert set(fields) == {"Smoking_habits", "religion", "Caste"}, fields  # hidden, markup and submit are no controls


_DRUPAL7_MODULE = """<?php
/**
 * Implements hook_form(): the membership application.
 */
function party_join_form($form, &$form_state) {
  $form['personal'] = array('#type' => 'fieldset', '#title' => t('Personal data'));
  $form['personal']['party_join_religion'] = array(
    '#type' => 'select',
    '#title' => t('Religion'),
    '#options' => array('none' => t('None'), 'other' => t('Other')),
  );
  $form['personal']['party_join_health'] = array(
    '#type' => 'textarea',
    '#title' => t('Chronic illness or disability we should know about'),
  );
  $form['submit'] = array('#type' => 'submit', '#value' => t('Join'));
  return $form;
}
"""


@pytest.mark.parametrize("name", ["sites/all/modules/party_join/party_join.module", "modules/party_join/party_join.pages.inc"])
def test_a_drupal_7_module_s_form_is_read_from_its_module_and_inc_files(tmp_path, name) -> None:
    # Drupal 7 and Backdrop keep hook_form() in the module's .module file or an .inc it includes: server code, read
    # for its $form arrays as a form class is (form_classes in template_conventions.toml).
    fields = _read(tmp_path, name, _DRUPAL7_MODULE)
    assert fields["party_join_religion"][:2] == ("select", "religion"), fields
    assert fields["party_join_health"][:2] == ("textarea", "health"), fields
    assert set(fields) == {"party_join_religion", "party_join_health"}, fields


def test_a_django_field_handed_to_a_wrapper_is_read(tmp_path) -> None:
    form = (
        "from django import forms\n\nclass SignupForm(forms.Form):\n"
        "    preferred_group = two_wide(\n        forms.ModelChoiceField(\n"
        '            label=_("Which party branch would you like to join?"),\n            queryset=Group.objects.all(),\n'
        "        )\n    )\n"
    )
    fields = _read(tmp_path, "signup/forms.py", form)
    assert fields["preferred_group"][0] == "select" and "party branch" in fields["preferred_group"][2], fields


_SHORT_TYPE = """<?php
class PatientType extends AbstractType
{
    public function buildForm(FormBuilderInterface $builder, array $options)
    {
        $builder
            ->add('dateNaissance', DateTimeType::class, [
                'widget' => 'single_text',
                'html5' => false,
                'label' => 'Date de naissance'
            ])
            ->add('remarques', TextareaType::class, [
                'required' => false
            ]);
    }
}
"""


def test_a_control_written_short_keeps_its_label_to_itself(tmp_path, db) -> None:
    # The first call's label and control find room only as a <label> and the short stand-in (<rl name=…>), which HTML
    # does not know as void: what follows is not inside it, and the next control does not take the label.
    from analyzer.facts import fieldfacts
    from tests.conftest import scan_text

    with fieldfacts.every_control("unclassified"):
        fields = {f.name: f.texts.get("label", "") for f in scan_text(tmp_path, _SHORT_TYPE, db, name="PatientType.php").fields}
    assert fields.get("dateNaissance") == "Date de naissance", fields
    assert fields.get("remarques") == "", fields


_FILAMENT = """<?php

namespace App\\Filament\\Resources;

use Filament\\Forms;
use Filament\\Tables;

class PatientResource extends Resource
{
    public static function form(Form $form): Form
    {
        return $form->schema([
            Forms\\Components\\TextInput::make('name')->label('Nome completo')->required(),
            Forms\\Components\\Textarea::make('diagnosis')
                ->label(__('Diagnóstico atual'))
                ->rows(3),
            Forms\\Components\\Select::make('faith')
                ->options(['c' => 'Católica', 'e' => 'Evangélica'])
                ->label('Religião'),
            StrictTextInput::make('cpf')->mask('99999999999')->label('CPF'),
            Forms\\Components\\Hidden::make('blood_type'),
        ]);
    }

    public static function table(Table $table): Table
    {
        return $table->columns([
            Tables\\Columns\\TextColumn::make('diagnosis')->label('Diagnóstico'),
        ])->filters([
            Tables\\Filters\\SelectFilter::make('faith')->label('Religião'),
        ]);
    }
}
"""


def test_a_filament_form_s_fields_are_read_with_their_chained_labels(tmp_path) -> None:
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path = tmp_path / "app/Filament/Resources/PatientResource.php"
    path.parent.mkdir(parents=True)
    path.write_text(_FILAMENT, encoding="utf-8")
    kind = classify(path)
    assert kind is not None
    with fieldfacts.every_control("unclassified"):
        found = analyze(SourceFile(path, "PatientResource.php", kind), signatures.load(), 10 * 1024 * 1024).fields
    by = {f.name: f for f in found}
    # each at a line of its call (a label too long for the call's first line goes on the next with room)
    assert by["name"].line == 13 and by["cpf"].line == 20, [(f.name, f.line) for f in found]
    assert 14 <= by["diagnosis"].line <= 16 and 17 <= by["faith"].line <= 19, [(f.name, f.line) for f in found]
    assert by["diagnosis"].classification.category == "health", by
    assert by["diagnosis"].texts.get("label") == "Diagnóstico atual"
    assert by["faith"].classification.category == "religion"
    assert by["name"].texts.get("label") == "Nome completo"
    assert by["cpf"].classification.category == "government-id"  # a project's subclass of TextInput
    # a hidden field, a table column and a filter are no controls
    assert sorted(by) == ["cpf", "diagnosis", "faith", "name"], sorted(by)


def test_a_huge_filament_resource_and_an_unclosed_chain_are_read_in_bounded_time(tmp_path) -> None:
    from analyzer import signatures
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze
    from tests.conftest import finishes_within

    body = "".join(
        f"    TextInput::make('f{i}')->label('Feld {i}')->required()->helperText(fn ($get) => strtoupper($get('x{i}'))),\n"
        for i in range(6000)
    )
    path = tmp_path / "BigResource.php"
    path.write_text(
        "<?php\nclass BigResource {\n  function form() { return [\n" + body + "  ]; }\n"
        "  function bad() { return Select::make('x')" + "->a(" * 3000 + " }\n}\n",
        encoding="utf-8",
    )
    from analyzer.facts import fieldfacts

    with finishes_within(20, "reading a 0.8 MB Filament resource"), fieldfacts.every_control("unclassified"):
        found = analyze(SourceFile(path, "BigResource.php", classify(path)), signatures.load(), 10 * 1024 * 1024)
    names = {f.name for f in found.fields}
    assert {f"f{i}" for i in range(6000)} <= names, len(names)  # every field, each with its label


_STREAMLIT_APP = """import streamlit as st

st.set_page_config(page_title="Intake")
st.title("Patient intake")
with st.form("intake"):
    religion = st.selectbox("Religión", ["Católica", "Evangélica", "Ninguna"])
    diagnosis = st.text_area(label="Diagnóstico previo", key="dx")
    smoker = st.sidebar.checkbox("I smoke daily")
    notes = st.text_area("Notes")
    st.write("Religion and diagnosis are kept private")
    st.button("Diagnosis help")
    st.form_submit_button("Send")
"""


def _controls(tmp_path: Path, name: str, text: str) -> list[tuple[int, str, str, str]]:
    """Every control one file's reading extracts, as (line, tag, category, label or question), in order."""
    from analyzer import signatures
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with fieldfacts.every_control("-"):
        got = analyze(SourceFile(path, name, classify(path)), signatures.load(), 10 * 1024 * 1024).fields
    return sorted((f.line, f.tag, f.classification.category, f.texts.get("label") or f.texts.get("question", "")) for f in got)


def test_a_streamlit_script_s_widgets_are_its_controls(tmp_path) -> None:
    # A Streamlit script is its own web app: each input widget renders a control at its line, named by its label only;
    # a button, a submit button and written text are no controls.
    assert _controls(tmp_path, "app.py", _STREAMLIT_APP) == [
        (6, "select", "religion", "Religión"),
        (7, "textarea", "health", "Diagnóstico previo"),
        (8, "input", "health", "I smoke daily"),
        (9, "textarea", "health", "Notes"),  # a free-text box under the app's st.title("Patient intake")
    ]


def test_a_streamlit_script_s_title_is_its_page_s(tmp_path) -> None:
    # st.set_page_config's page_title is the page's <title>, st.title an <h1>: what the app says it is.
    from analyzer import signatures
    from analyzer.read.discover import SourceFile, classify
    from analyzer.read.engine import analyze

    path = tmp_path / "app.py"
    path.write_text(_STREAMLIT_APP, encoding="utf-8")
    notes = [f for f in analyze(SourceFile(path, "app.py", classify(path)), signatures.load(), 10 * 1024 * 1024).fields if f.line == 9]
    assert notes and "Patient intake" in notes[0].classification.context, notes


def test_widget_calls_in_a_module_that_does_not_import_streamlit_are_no_controls(tmp_path) -> None:
    # A module of its own whose object happens to be called st (a statistics helper) renders nothing.
    module = _STREAMLIT_APP.replace("import streamlit as st", "from stats import summary as st")
    assert _controls(tmp_path, "report.py", module) == []


_DJANGO_PACKAGE_FORM = """from django import forms


class ProfileForm(forms.Form):
    union = forms.CharField(label="Engagements syndicaux", required=False)
    party = forms.CharField(label="Parti politique", required=False)
"""


@pytest.mark.parametrize("name", ["agir/people/forms/profile.py", "msrs/forms_screening.py"])
def test_a_django_forms_package_s_modules_are_forms_modules(tmp_path, name) -> None:
    # An app's forms split into a forms/ package, or into forms_<subject>.py files (form_folders in
    # template_conventions.toml), are read as its forms.py is.
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    fields = _read(tmp_path, name, _DJANGO_PACKAGE_FORM)
    assert fields["union"][1:] == ("union", "Engagements syndicaux") and fields["party"][1] == "political", fields


def test_a_module_outside_a_forms_package_is_no_forms_module(db) -> None:
    files = db.component_files
    assert files.is_form_class("agir/people/forms/profile.py") and files.is_form_class("msrs/forms_screening.py")
    assert files.is_form_class("members/forms.py") and files.is_form_class("src/Form/JoinType.php")
    # "platforms" holds the word, a template in a forms/ folder is no Python module, "reforms_x.py" is another word.
    for path in ("app/platforms/profile.py", "templates/forms/profile.html", "app/reforms_x.py", "forms.txt"):
        assert not files.is_form_class(path), path


_CIVICRM = """<?php
class CRM_Paroisse_Form_Individu extends CRM_Core_Form {
  public function buildQuickForm() {
    $this->add('text', 'first_name', ts('Prénom'));
    $this->add(
      'datepicker',
      'date_bapteme',
      ts('Date de baptême'),
      array('class' => 'some-css-class')
    );
    $this->addEntityRef('religion', ts('Religion'), ['entity' => 'OptionValue']);
    $this->addYesNo('is_pregnant', ts('Are you pregnant?'));
    $this->add('text', 'diagnosis', 'Diagnosis');
    $collection->add('religion_note', $value);
  }
}
"""


def test_a_civicrm_form_class_adds_its_controls_with_ts_labels(tmp_path: Path, db) -> None:
    # CiviCRM's QuickForm: each control is added in code with its label in ts(); a call whose label is no ts() text,
    # or another object's add(), is not read as a control.
    from tests.conftest import scan_text

    found = {f.name: (f.classification.category, f.line) for f in scan_text(tmp_path, _CIVICRM, db, "Individu.php").fields}
    assert found["date_bapteme"] == ("religion", 5) and found["religion"] == ("religion", 11), found
    assert found["is_pregnant"][0] == "health", found
    assert "diagnosis" not in found and "religion_note" not in found and "first_name" not in found, found


def test_a_civicrm_call_commented_out_is_no_control_and_an_apostrophe_ends_no_label(tmp_path: Path, db) -> None:
    from tests.conftest import scan_text

    text = """<?php
class CRM_Foo_Form_Individu extends CRM_Core_Form {
  public function buildQuickForm() {
    // $this->add('text', 'religion', ts('Religion'));
    /* $this->addYesNo('is_hiv', ts('HIV positive?')); */
    $this->add('text', 'child_religion', ts("Child's religion"));
    $this->add('text', 'handicap', E::ts('Statut d\\'handicap'));
  }
}
"""
    found = {f.name: f.classification.category for f in scan_text(tmp_path, text, db, "Individu.php").fields}
    assert found == {"child_religion": "religion", "handicap": "health"}, found
