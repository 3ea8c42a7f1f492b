"""A Twig template that prints a Symfony form's fields one by one ({{ form_row(form.comment) }}) shows each with the
control, label and choices its form type gives (analyzer/parse/symfony_forms.py): the type's own label, its
label_format's message read in the site's catalogue, a type it extends, a type it embeds, the choices of a choice field;
a label the template's call gives wins. Look-alikes: a template whose form two alike types could be (read as before),
a template naming one field of a type only, and a tag of another form variable."""

from __future__ import annotations

from pathlib import Path

from analyzer import resolve, signatures
from analyzer.read.discover import discover
from analyzer.scan import ScanOptions, _results


def _fields(tmp_path: Path, files: dict[str, str], page: str) -> dict[str, tuple[int, str, str, str, str]]:
    """The fields the whole-repository scan holds for ``page``: name -> (line, tag, label, options, category)."""
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    db = signatures.load()
    opts = ScanOptions(paths=(str(tmp_path),), jobs=1)
    found, _ = discover(opts.paths, opts.excludes, opts.follow_outside, set(), opts.include_tests)
    facts = list(_results(found, opts, db))
    pages = resolve.resolve(found, facts, db, opts.max_bytes, opts.config.facts).pages
    info = next(v for k, v in pages.items() if k.endswith(page))
    return {
        f.name: (f.line, f.tag, f.texts.get("label", ""), f.texts.get("options", ""), f.classification.category if f.classification else "")
        for f in info.fields
    }


def _type(name: str, adds: str, parent: str = "AbstractType", options: str = "") -> str:
    """A Symfony form type's class whose buildForm adds these fields (``->add(…)`` lines)."""
    return (
        f"<?php\nnamespace App\\Form;\n\nclass {name} extends {parent}\n{{\n"
        "    public function buildForm(FormBuilderInterface $builder, array $options): void\n    {\n"
        f"        $builder\n{adds};\n    }}\n"
        f"    public function configureOptions(OptionsResolver $resolver): void\n    {{\n"
        f"        $resolver->setDefaults([{options}]);\n    }}\n}}\n"
    )


_MEMBER = _type(
    "MemberType",
    """            ->add('lastName', TextType::class, ['label' => 'Nom'])
            ->add('comment', TextareaType::class, ['required' => false, 'label' => "Commentaire (problème de santé ou d'allergie)"])
            ->add('faith', ChoiceType::class, ['label' => 'Votre paroisse', 'choices' => ['Catholique' => 'c', 'Protestante' => 'p']])
            ->add('contact', ContactType::class)""",
)
_CONTACT = _type("ContactType", "            ->add('phone', TelType::class)\n            ->add('city', TextType::class)")
_TEMPLATE = """{% block body %}
    {{ form_start(form) }}
        {{ form_row(form.lastName) }}
        {{ form_row(form.comment) }}
        {{ form_widget(form.faith) }}
        {{ form_row(form.contact.phone) }}
    {{ form_end(form) }}
{% endblock %}
"""


def test_a_form_row_shows_its_form_types_label_and_choices(tmp_path) -> None:
    files = {"src/Form/MemberType.php": _MEMBER, "src/Form/ContactType.php": _CONTACT, "templates/member/new.html.twig": _TEMPLATE}
    fields = _fields(tmp_path, files, "templates/member/new.html.twig")
    line, tag, label, _, category = fields["comment"]
    assert (line, tag, category) == (4, "textarea", "health"), fields
    assert label == "Commentaire (problème de santé ou d'allergie)"  # a double-quoted label holds an apostrophe
    assert fields["faith"][:2] == (5, "select") and fields["faith"][4] == "religion", fields
    assert "Catholique" in fields["faith"][3], fields
    assert fields["phone"][:2] == (6, "input") and fields["phone"][4] == "contact", fields  # through the embedded type


def test_a_label_format_is_a_message_of_the_catalogue_and_a_parent_types_fields_are_the_types(tmp_path) -> None:
    base = _type("AbstractSignupType", "            ->add('notes', TextareaType::class, ['required' => false])")
    signup = _type(
        "SignupType",
        "            ->add('email', EmailType::class)\n            ->add('nickname', TextType::class)",
        "AbstractSignupType",
        "'label_format' => 'form.signup.%name%'",
    )
    files = {
        "src/Form/AbstractSignupType.php": base,
        "src/Form/SignupType.php": signup,
        "translations/messages.fr.yaml": "form:\n  signup:\n    notes: Problèmes de santé connus\n",
        "templates/signup.html.twig": "{{ form_row(form.email) }}\n{{ form_row(form.nickname) }}\n{{ form_row(form.notes) }}\n",
    }
    fields = _fields(tmp_path, files, "templates/signup.html.twig")
    assert fields["notes"][0] == 3 and fields["notes"][4] == "health", fields
    assert "Problèmes de santé connus" in fields["notes"][2], fields


def test_a_label_the_template_gives_is_shown_instead_of_the_types(tmp_path) -> None:
    template = "{{ form_row(form.lastName) }}\n{{ form_widget(form.faith, {'label': 'Confession religieuse'}) }}\n"
    files = {"src/Form/MemberType.php": _MEMBER, "src/Form/ContactType.php": _CONTACT, "templates/t.html.twig": template}
    fields = _fields(tmp_path, files, "templates/t.html.twig")
    assert fields["faith"][1:3] == ("select", "Confession religieuse"), fields


def test_a_form_two_alike_types_could_be_is_read_as_before(tmp_path) -> None:
    twin = _MEMBER.replace("MemberType", "MemberEditType")
    files = {
        "src/Form/MemberType.php": _MEMBER,
        "src/Form/MemberEditType.php": twin,
        "src/Form/ContactType.php": _CONTACT,
        "templates/member/new.html.twig": _TEMPLATE,
    }
    fields = _fields(tmp_path, files, "templates/member/new.html.twig")
    assert "comment" not in fields and "faith" not in fields, fields  # no label, no choices: nothing sensitive said


def test_one_field_named_or_another_forms_fields_are_not_matched(tmp_path) -> None:
    template = "{{ form_row(form.comment) }}\n{{ form_row(search.comment) }}\n{{ form_row(search.query) }}\n"
    files = {"src/Form/MemberType.php": _MEMBER, "src/Form/ContactType.php": _CONTACT, "templates/t.html.twig": template}
    fields = _fields(tmp_path, files, "templates/t.html.twig")
    assert "comment" not in fields, fields  # one reference is no match; the search form's fields are no type's


def test_a_template_of_thousands_of_forms_over_alike_types_is_matched_in_bounded_time(tmp_path: Path) -> None:
    from tests.conftest import finishes_within

    files = {f"src/Form/T{i}Type.php": _type(f"T{i}Type", "->add('a')->add('b')") for i in range(400)}
    files["templates/page.html.twig"] = "".join(f"{{{{ form_row(f{i}.a) }}}}{{{{ form_row(f{i}.b) }}}}\n" for i in range(2_000))
    with finishes_within(20, "2,000 forms over 400 alike types"):
        found = _fields(tmp_path, files, "templates/page.html.twig")
    # Alike types match no form: the page's fields are read as before, by their names alone.
    assert all(label == "" for _, _, label, _, _ in found.values()), found
