"""Message catalogues (analyzer/parse/messages.py, docs/fields.md "Message catalogues"): a form written with
message keys shows the visitor its catalogue's text for each key, so a key that names nothing ("q5", "f3")
is read as that text. Four template dialects (JSP with Spring's message tag and a resource bundle, Blade
with Laravel's __() and a PHP lang file, Twig's trans filter with a JSON catalogue, an ERB view's lazy
t('.q5') with a Rails YAML locale, a CodeIgniter view's $this->lang->line('q5') with its $lang['q5'] = … file) and two component
frameworks (React with i18next, Vue with vue-i18n), an Angular template's translate pipe; the look-alikes
are the same sites whose catalogue says something benign, and a JSON file outside a catalogue folder."""

from __future__ import annotations

import pytest

from analyzer.parse import messages
from analyzer.scan import ScanOptions, run
from tests.conftest import site_fields

_CLARITY = '<script src="https://www.clarity.ms/tag/abcdefghij" async></script>'


def _site(dialect: str, question: str) -> dict[str, str]:
    """One small site per dialect whose second field is labelled only by the key ``q5``."""
    return {
        "jsp": {
            "src/main/resources/messages_cs.properties": "form.name=Jm\\u00e9no\nform.q5=" + question + "\n",
            "src/main/webapp/WEB-INF/views/form.jsp": '<%@ taglib prefix="spring" uri="http://www.springframework.org/tags" %>\n'
            f'<html><head>{_CLARITY}</head><body><form method="post">\n'
            '<label for="name"><spring:message code="form.name"/></label><input id="name" name="name">\n'
            '<label for="q5"><spring:message code="form.q5"/></label><input id="q5" name="q5">\n'
            "</form></body></html>\n",
        },
        "blade": {
            "resources/lang/de/form.php": f"<?php\nreturn [\n    'name' => 'Name',\n    'q5' => '{question}',\n];\n",
            "resources/views/form.blade.php": f'<html><head>{_CLARITY}</head><body>\n<form method="post">@csrf\n'
            '<label for="name">{{ __(\'form.name\') }}</label><input id="name" name="name">\n'
            '<label for="q5">{{ __(\'form.q5\') }}</label><input id="q5" name="q5">\n'
            "</form>\n</body></html>\n",
        },
        "twig": {
            "translations/messages.fr.json": '{"form": {"name": "Nom", "q5": "' + question + '"}}\n',
            "templates/form.html.twig": f'<html><head>{_CLARITY}</head><body>\n<form method="post">\n'
            '<label for="name">{{ \'form.name\'|trans }}</label><input id="name" name="name">\n'
            '<label for="q5">{{ \'form.q5\'|trans }}</label><input id="q5" name="q5">\n'
            "</form>\n</body></html>\n",
        },
        "erb": {
            "config/locales/de.yml": f'de:\n  patients:\n    form:\n      name: "Name"\n      q5: "{question}"\n',
            "app/views/patients/_form.html.erb": f"{_CLARITY}\n<%= form_with model: @patient do |f| %>\n"
            '<label for="name"><%= t(\'.name\') %></label><input id="name" name="name">\n'
            '<label for="q5"><%= t(\'.q5\') %></label><input id="q5" name="q5">\n'
            "<% end %>\n",
        },
        "react": {
            "src/locales/de/translation.json": '{"form": {"name": "Name", "q5": "' + question + '"}}\n',
            "src/Form.jsx": "import { useTranslation } from 'react-i18next';\nimport Clarity from '@microsoft/clarity';\n"
            "Clarity.init('abcdefghij');\nexport default function Form() {\n  const { t } = useTranslation();\n  return (\n"
            "    <form>\n"
            '      <label htmlFor="name">{t(\'form.name\')}</label><input id="name" name="name" />\n'
            '      <label htmlFor="q5">{t(\'form.q5\')}</label><input id="q5" name="q5" />\n'
            "    </form>\n  );\n}\n",
        },
        "codeigniter": {
            "application/language/spanish/form_lang.php": f"<?php\n$lang['name'] = 'Nombre';\n$lang['q5']   = \"{question}\";\n",
            "application/views/form.php": f'<html><head>{_CLARITY}</head><body>\n<form method="post">\n'
            '<label for="name"><?php echo $this->lang->line(\'name\'); ?></label><input id="name" name="name">\n'
            '<label for="q5"><?php echo $this->lang->line(\'q5\'); ?></label><input id="q5" name="q5">\n'
            "</form>\n</body></html>\n",
        },
        "vue": {
            "src/locales/nl.json": '{"form": {"name": "Naam", "q5": "' + question + '"}}\n',
            "src/views/Form.vue": "<template>\n  <form>\n"
            '    <label for="name">{{ $t(\'form.name\') }}</label><input id="name" v-model="name">\n'
            '    <label for="q5">{{ $t(\'form.q5\') }}</label><input id="q5" v-model="q5">\n'
            "  </form>\n</template>\n<script>\nimport Clarity from '@microsoft/clarity';\nClarity.init('abcdefghij');\n"
            "export default { data: () => ({ name: '', q5: '' }) };\n</script>\n",
        },
        # a catalogue written as a script: vue-i18n's messages by locale in locales/index.js
        "vue-script": {
            "src/locales/index.js": "export default {\n  en: { form: { name: 'Name', q5: 'Your favourite colour' } },\n"
            f"  pt: {{ form: {{ name: 'Nome', q5: `{question}` }} }},\n}};\n",
            "src/views/Form.vue": "<template>\n  <form>\n"
            '    <label for="name">{{ $t(\'form.name\') }}</label><input id="name" v-model="name">\n'
            '    <label for="q5">{{ $t(\'form.q5\') }}</label><input id="q5" v-model="q5">\n'
            "  </form>\n</template>\n<script>\nimport Clarity from '@microsoft/clarity';\nClarity.init('abcdefghij');\n"
            "export default { data: () => ({ name: '', q5: '' }) };\n</script>\n",
        },
        # a hand-written PHP site: its messages in variables in translation.php beside the pages, printed bare
        "php-variables": {
            "translation.php": f'<?php\nif ($lang_val == "eng") {{\n$formname = "Name";\n$formq5 = "{question}";\n}}\n',
            "source/profile.php": f'<html><head>{_CLARITY}</head><body>\n<form method="post">\n'
            '<label for="name"><?=$formname ?></label><input id="name" name="name">\n'
            '<label for="q5"><?= $formq5 ?> :</label><input id="q5" name="q5">\n'
            "</form>\n</body></html>\n",
        },
        # osCommerce / Zen Cart: constants defined in includes/languages/<language>.php, printed bare
        "php-constants": {
            "includes/languages/german.php": f"<?php\ndefine('ENTRY_NAME', 'Name:');\ndefine(\"ENTRY_Q5\", '{question}');\n",
            "account_edit.php": f'<html><head>{_CLARITY}</head><body>\n<form method="post">\n'
            '<label for="name"><?php echo ENTRY_NAME; ?></label><input id="name" name="name">\n'
            '<label for="q5"><? echo ENTRY_Q5 ?></label><input id="q5" name="q5">\n'
            "</form>\n</body></html>\n",
        },
        # angular-translate: a var holding the table in js/i18n/strings_it.js, an AngularJS template's translate filter
        "angularjs": {
            "app/js/i18n/strings_it.js": f"var translations_it = {{\n  NAME: 'Nome',\n  Q5: '{question}',\n}};\n",
            "app/partials/form.html": f'<html><head>{_CLARITY}</head><body>\n<form name="f">\n'
            '<label for="name">{{ \'NAME\' | translate }}</label><input id="name" ng-model="p.name">\n'
            '<label for="q5">{{ \'Q5\' | translate }}</label><input id="q5" ng-model="p.q5">\n'
            "</form>\n</body></html>\n",
        },
    }[dialect]


_fields = site_fields


_QUESTIONS = {  # a question the key does not name, in the catalogue's language
    "jsp": ("Náboženské vyznání", "religion"),
    "blade": ("Welche Medikamente nehmen Sie regelmäßig ein?", "health"),
    "erb": ("Nehmen Sie regelmäßig Medikamente ein?", "health"),
    "twig": ("Avez-vous des allergies ?", "health"),
    "react": ("Konfession", "religion"),
    "vue": ("Welke medicijnen gebruikt u?", "health"),
    "codeigniter": ("Origen étnico", "racial-ethnic"),
    "vue-script": ("Qual é a sua religião?", "religion"),
    "angularjs": ("Patologie croniche", "health"),
    "php-variables": ("Do you wear a hijab?", "religion"),
    "php-constants": ("Welche Medikamente nehmen Sie regelmäßig ein?", "health"),
}
_BENIGN = {  # the same keys' benign texts
    "jsp": "Oblíbená barva",
    "blade": "Lieblingsfarbe",
    "erb": "Lieblingsfarbe",
    "twig": "Couleur préférée",
    "react": "Lieblingsfarbe",
    "vue": "Lievelingskleur",
    "codeigniter": "Color favorito",
    "vue-script": "Cor favorita",
    "angularjs": "Colore preferito",
    "php-variables": "Favourite colour",
    "php-constants": "Lieblingsfarbe",
}


@pytest.mark.parametrize("dialect", sorted(_QUESTIONS))
def test_a_key_is_read_as_its_catalogues_text(tmp_path, dialect) -> None:
    question, category = _QUESTIONS[dialect]
    fields = _fields(tmp_path, _site(dialect, question))
    assert set(fields) == {"q5"}, fields
    got, line, label = fields["q5"]
    assert got == category and question in label, fields["q5"]
    # The text written for a key longer than its call keeps the field on its own line.
    page = list(_site(dialect, question).values())[-1]  # each site's page is written last
    assert 'id="q5"' in page.splitlines()[line - 1], (line, page)


@pytest.mark.parametrize("dialect", sorted(_QUESTIONS))
def test_a_benign_text_behind_a_key_stays_benign(tmp_path, dialect) -> None:
    assert _fields(tmp_path, _site(dialect, _BENIGN[dialect])) == {}


def test_a_json_file_outside_a_catalogue_folder_is_no_catalogue(tmp_path) -> None:
    files = _site("react", "Konfession")
    files["src/data/translation.json"] = files.pop("src/locales/de/translation.json")
    assert _fields(tmp_path, files) == {}  # "form q5": the key's words name nothing


def test_an_angular_templates_translate_pipe_reads_the_catalogue(tmp_path) -> None:
    from analyzer.facts import fieldfacts, template_components
    from analyzer.parse import htmldoc
    from analyzer.signatures import load

    db = load()
    html = """<form [formGroup]="form">
  <label for="n">{{ 'INTAKE.NAME' | translate }}</label><input id="n" formControlName="name">
  <label for="q2">{{ 'INTAKE.Q2' | translate }}</label><input id="q2" formControlName="q2">
</form>"""
    messages.install(messages.collect([("src/assets/i18n/fr.json", b'{"INTAKE": {"Q2": "Avez-vous des allergies ?"}}')]))
    try:
        page = htmldoc.parse(html)
        template_components.native(page, db.template_kit)
        found = fieldfacts.extract(page, db.fields, db.consent_words, "src/app/intake/intake.component.html", db.field_context)
    finally:
        messages.install(messages.EMPTY)
    assert [(s.name, s.classification.category, s.line) for s in found] == [("q2", "health", 3)]


def test_catalogue_formats() -> None:
    props = (
        "# comment\nsurveydate=\\u0414\\u0430\\u0442\\u0430 \\u043e\\u0441\\u043c\\u043e\\u0442\\u0440\\u0430\n"
        "diagnosis : Диагноз\nlong = a \\\n   b\n"
    )
    assert messages.read("src/main/resources/language_ru.properties", props.encode()) == [
        ("surveydate", "Дата осмотра"),
        ("diagnosis", "Диагноз"),
        ("long", "a b"),
    ]
    php = b"""<?php
return [
    'title' => 'Formular',
    'fields' => ['religion' => 'Konfession', 'list' => ['a', 'b'], 'diag' => "Diagnose (\\"aktuell\\")"],
    'old' => array('x' => 'Y'),
    'after' => 'Nach',
];"""
    pairs = dict(messages.read("resources/lang/de/form.php", php))
    assert pairs["form.fields.religion"] == "Konfession" and pairs["form.old.x"] == "Y" and pairs["form.after"] == "Nach"
    assert pairs["fields.diag"] == 'Diagnose ("aktuell")'  # CodeIgniter's lang('fields.diag'): the file's keys alone
    # CodeIgniter's language files assign each message: $lang['key'] = 'text';
    ci = b"""<?php\n$lang['raza']\t\t= "Raza";\n$lang["0_0_1"] = 'Hombre';\n$lang['n'] = $other;\n"""
    assert dict(messages.read("system/language/ES/admin_lang.php", ci)) == {
        "admin_lang.raza": "Raza",
        "admin_lang.0_0_1": "Hombre",
        "raza": "Raza",
        "0_0_1": "Hombre",
    }
    assert messages.read("messages/de.json", b'{"a": {"b": "Text", "n": 3}}') == [("a.b", "Text")]
    assert messages.read("messages/de.json", b"{broken") == []


def test_a_rails_locale_file() -> None:
    text = """# Rails
de:
  patients:
    form:
      diagnosis: "Diagnose"
      religion: Konfession # a comment
      notes: |
        long text: not a key
      allergy: 'Allergien'
  date:
    day_names: [Sonntag, Montag]
    abbr: &x foo
"""
    assert messages.read("config/locales/de.yml", text.encode()) == [
        ("patients.form.diagnosis", "Diagnose"),
        ("patients.form.religion", "Konfession"),
        ("patients.form.allergy", "Allergien"),
    ]


def test_a_key_is_looked_up_whole_then_without_its_namespace_then_by_its_last_part() -> None:
    found = messages.collect(
        [
            ("messages/de.json", '{"member": {"religion": "Religionszugehörigkeit"}, "a": {"x": "Eins"}, "b": {"x": "Zwei"}}'.encode()),
            ("messages/en.json", b'{"member": {"religion": "Religion"}}'),
        ]
    )
    assert found.text("member.religion") == "Religionszugehörigkeit / Religion"  # each locale's text
    assert found.text("common:member.religion") == "Religionszugehörigkeit / Religion"  # i18next namespace
    assert found.text("religion") == "Religionszugehörigkeit / Religion"  # next-intl: useTranslations('member')
    assert found.text("x") is None  # two keys end in "x" and disagree
    assert found.text("nope") is None


def test_is_catalogue() -> None:
    folders = frozenset({"locales", "lang", "i18n", "messages"})
    assert messages.is_catalogue("backend/src/main/resources/messages_cs.properties", folders)
    assert messages.is_catalogue("resources/lang/de/form.php", folders)
    assert messages.is_catalogue("public/locales/de/translation.json", folders)
    assert messages.is_catalogue("config/locales/de.yml", folders)
    assert not messages.is_catalogue(".github/workflows/ci.yml", folders)
    assert not messages.is_catalogue("src/data/countries.json", folders)
    assert not messages.is_catalogue("resources/views/form.blade.php", folders)
    # A PHP file named for its messages is one wherever it stands; a page named otherwise is not, nor a word
    # that only holds one ("slang", "translate").
    names = frozenset({"translation", "lang", "strings"})
    assert messages.is_catalogue("translation.php", folders, names)
    assert messages.is_catalogue("site/bengali_translation.php", folders, names)
    assert messages.is_catalogue("inc/lang-en.php", folders, names)
    assert not messages.is_catalogue("inc/slang.php", folders, names)
    assert not messages.is_catalogue("translate.php", folders, names)
    assert not messages.is_catalogue("translation.json", folders, names)  # a JSON file needs its folder
    assert not messages.is_catalogue("translation.php", folders)


def test_a_php_catalogues_variables_and_constants() -> None:
    text = (
        "<?php\nif ($lang_val == 'eng') {\n"
        '\t$updateprofile2religian = "Religion :";\n'
        "  $born_label='Born or Reverted';\n"
        '$greeting = "Hello " . $name;\n'  # built, not a message
        "}\ndefine('ENTRY_GENDER', 'Gender:');\nDEFINE(\"TEXT_DIET\", 'Halal \\'food\\'');\n"
        "$x = array('a' => 'b');\n"
    )
    found = dict(messages.read("translation.php", text.encode()))
    assert found["$updateprofile2religian"] == "Religion :"
    assert found["$born_label"] == "Born or Reverted"
    assert found["ENTRY_GENDER"] == "Gender:"
    assert found["TEXT_DIET"] == "Halal 'food'"
    assert "$greeting" not in found and "$lang_val" not in found
    # Global: no file's name before them (a Laravel file's keys have one).
    assert "translation.$born_label" not in found and "translation.ENTRY_GENDER" not in found


def test_a_text_the_lexicon_reads_takes_the_place_of_one_it_does_not() -> None:
    said = (("a", "ধর্ম"), ("b", "धर्म"), ("c", "धर्म:"), ("d", "Religion"))
    files = [(f"{lang}_translation.php", f'<?php\n$q = "{text}";\n'.encode()) for lang, text in said]
    kept = messages.collect(files, writing=frozenset({"LATIN", "CYRILLIC"})).text("$q")
    assert kept is not None and "Religion" in kept and kept.count(" / ") == 2, kept
    assert messages.collect(files).text("$q") == "ধর্ম / धर्म / धर्म:"  # without writing systems: the first three
    # Three readable texts are kept as they came.
    said = (("a", "Religion"), ("b", "Religión"), ("c", "Religião"), ("d", "Вероисповедание"))
    latin = [(f"{k}_translation.php", f'<?php\n$q = "{t}";\n'.encode()) for k, t in said]
    assert messages.collect(latin, writing=frozenset({"LATIN", "CYRILLIC"})).text("$q") == "Religion / Religión / Religião"


def test_a_variable_no_catalogue_holds_prints_nothing(tmp_path) -> None:
    files = _site("php-variables", "Do you wear a hijab?")
    # The page prints the visitor's own value from a variable no catalogue holds: no label is written from it.
    files["source/profile.php"] = files["source/profile.php"].replace("<?=$formname ?>", "<?= $religion ?>")
    files["source/profile.php"] = files["source/profile.php"].replace("<?= $formq5 ?>", "<?= $diagnosis ?>")
    assert _fields(tmp_path, files) == {}


def test_the_catalogue_writing_systems_are_the_lexicons_letters(db) -> None:
    import tomllib
    import unicodedata

    from tests.conftest import ROOT

    letters = set()
    for path in (ROOT / "signatures" / "fields").glob("*.toml"):
        for words in tomllib.loads(path.read_text("utf-8"))["terms"].values():
            for entry in words.values() if isinstance(words, dict) else [words]:
                for w in entry if isinstance(entry, list) else [entry]:
                    letters |= {c for c in str(w) if c.isalpha()}
    assert {unicodedata.name(c).split(" ", 1)[0] for c in letters} == db.component_files.message_scripts


def test_a_catalogue_in_a_language_the_lexicon_reads_comes_first_and_the_keys_words_stay(tmp_path) -> None:
    assert messages.known_language_first("src/locales/de/translation.json", frozenset({"de"})) == 0
    assert messages.known_language_first("src/main/resources/messages_cs.properties", frozenset({"cs"})) == 0
    assert messages.known_language_first("src/locales/ar/translation.json", frozenset({"de"})) == 1
    # An Arabic catalogue sorts before the German one by path; the German text is read first.
    files = _site("react", "Konfession")
    files["src/locales/ar/translation.json"] = '{"form": {"name": "الاسم", "q5": "الدين"}}\n'
    category, _, label = _fields(tmp_path / "both", files)["q5"]
    assert category == "religion" and label.startswith("Konfession / الدين") and label.endswith("(q5)"), label
    # The Arabic text alone: the key's own words still say what it is.
    files = _site("react", "Konfession")
    del files["src/locales/de/translation.json"]
    files["src/locales/ar/translation.json"] = '{"form": {"name": "الاسم", "religion": "الدين"}}\n'
    files["src/Form.jsx"] = files["src/Form.jsx"].replace("form.q5", "form.religion")
    assert _fields(tmp_path / "arabic", files)["q5"][0] == "religion"


def test_the_catalogue_languages_are_the_lexicons(db) -> None:
    import tomllib

    from tests.conftest import ROOT

    lexicon = {lang for path in (ROOT / "signatures" / "fields").glob("*.toml") for lang in tomllib.loads(path.read_text("utf-8"))["terms"]}
    assert db.component_files.message_languages == lexicon


@pytest.mark.parametrize("walked", [False, True])
def test_a_yaml_or_properties_file_is_still_searched_for_recorders(tmp_path, walked) -> None:
    # A Neos package's Settings.yaml holds the Smartlook loader it prints: read as a catalogue candidate,
    # the file is still scanned for recorders, named on the command line or found in a folder.
    settings = tmp_path / "Configuration" / "Settings.yaml"
    settings.parent.mkdir(parents=True)
    loader = (
        "window.smartlook||(function(d){var o=smartlook=function(){o.api.push(arguments)},h=d.getElementsByTagName('head')[0];"
        "var c=d.createElement('script');o.api=new Array();c.async=true;c.type='text/javascript';c.charset='utf-8';"
        "c.src='//rec.smartlook.com/recorder.js';h.appendChild(c);})(document);smartlook('init','{ID}');"
    )
    settings.write_text(f"Jonnitto:\n  Smartlook:\n    Id: false\n    Javascript: {loader}\n", encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path if walked else settings),)))
    assert [(d.vendor, d.location.line) for d in result.detections] == [("smartlook", 4)]


def _next_intl(bound: str) -> dict[str, str]:
    """A Next.js page whose labels a translation function prints under its namespace: the same key ("q5") stands
    in two namespaces, one of them a benign question."""
    return {
        "messages/de.json": '{"intake": {"form": {"name": "Name", "q5": "Konfession"}}, "settings": {"q5": "Lieblingsfarbe"}}\n',
        "app/intake/page.tsx": "import { useTranslations } from 'next-intl';\nimport Clarity from '@microsoft/clarity';\n"
        f"Clarity.init('abcdefghij');\nexport default function Intake() {{\n  {bound}\n  return (\n"
        "    <form>\n"
        '      <label htmlFor="name">{tI(\'name\')}</label><input id="name" name="name" />\n'
        '      <label htmlFor="q5">{tI(\'q5\')}</label><input id="q5" name="q5" />\n'
        "    </form>\n  );\n}\n",
    }


def test_a_translation_function_a_hook_returns_reads_its_namespace(tmp_path) -> None:
    # next-intl: the function a hook returns, whatever its name, prints the key under the hook's namespace.
    fields = _fields(tmp_path, _next_intl('const tI = useTranslations("intake.form");'))
    assert fields.get("q5", ("",))[0] == "religion", fields


@pytest.mark.parametrize(
    "bound",
    [
        'const tI = useTranslations("settings");',  # the other namespace: a benign question
        'const tI = makeLabels("intake.form");',  # no translation hook: tI prints nothing known
    ],
)
def test_a_translation_functions_namespace_is_its_own(tmp_path, bound) -> None:
    assert _fields(tmp_path, _next_intl(bound)) == {}


def test_script_catalogues_are_parsed_within_a_byte_budget() -> None:
    from tests.conftest import finishes_within

    def script(n: int, tag: str) -> bytes:
        return ("export default {\n" + ",\n".join(f'  {tag}_k{i}: "{tag} {i}"' for i in range(n)) + "\n};\n").encode()

    too_big = script(40_000, "big")  # over MAX_SCRIPT_BYTES: a library's bundle, not read
    assert len(too_big) > messages.MAX_SCRIPT_BYTES
    pieces = [script(9_000, f"part{j}") for j in range(20)]  # ~6 MB of script catalogues, over MAX_SCRIPT_TOTAL
    assert sum(map(len, pieces)) > messages.MAX_SCRIPT_TOTAL and all(len(p) < messages.MAX_SCRIPT_BYTES for p in pieces)
    with finishes_within(30, "twenty script catalogues of 280 KB"):
        got = messages.collect([("src/locales/big.js", too_big)] + [(f"src/locales/p{j}.js", p) for j, p in enumerate(pieces)])
    assert got.text("big_k5") is None
    read = [j for j in range(20) if got.text(f"part{j}_k5") == f"part{j} 5"]
    assert read == list(range(len(read))) and 0 < len(read) < 20, read  # the first parts within the budget, in order


def _definitions(answer: str) -> dict[str, str]:
    """A React page whose form is a list of field definitions labelled by translation calls (``label: t("…")``)."""
    return {
        "src/locales/en.json": '{"profile": {"name": "Display name", "q5": "' + answer + '"}}\n',
        "src/ProfileForm.jsx": "import Clarity from '@microsoft/clarity';\nimport { useTranslation } from 'react-i18next';\n"
        "Clarity.init('abcdefghij');\n"
        "const fields = [\n"
        "  { name: 'displayName', label: t('profile.name'), type: 'text' },\n"
        "  { name: 'q5', label: t('profile.q5'), type: 'select' },\n"
        "];\n"
        "export default function ProfileForm({ render }) {\n  return render(fields);\n}\n",
    }


def test_a_field_definitions_translated_label_is_its_catalogues_text(tmp_path) -> None:
    fields = _fields(tmp_path, _definitions("Sexual orientation"))
    assert fields.get("q5", ("",))[0] == "sex-life", fields


def test_a_field_definitions_benign_translated_label_stays_benign(tmp_path) -> None:
    assert "q5" not in _fields(tmp_path, _definitions("Favourite colour"))


def test_a_field_definitions_label_by_a_translation_objects_call(tmp_path) -> None:
    # i18n.t("…") is the translation call t, as in markup ({i18n.t('profile.q5')})
    files = _definitions("Sexual orientation")
    files["src/ProfileForm.jsx"] = files["src/ProfileForm.jsx"].replace("label: t(", "label: i18n.t(")
    assert _fields(tmp_path, files).get("q5", ("",))[0] == "sex-life"


def test_a_keys_namespace_is_not_read_beside_its_text(tmp_path) -> None:
    """A registration's health page files every message under healthInfoForm: "Last Name" is a name there, not health."""
    files = {
        "src/locales/en/translation.json": '{"healthInfoForm": {"title": "Health information", "lastName": "Last Name:",'
        ' "email": "Email:", "allergies": "Allergies:"}}\n',
        "src/locales/vi/translation.json": '{"healthInfoForm": {"title": "Thông tin sức khỏe", "lastName": "Họ:"}}\n',
        "src/HealthInfoForm.jsx": "import { useTranslation } from 'react-i18next';\nimport Clarity from '@microsoft/clarity';\n"
        "Clarity.init('abcdefghij');\nexport default function HealthInfoForm() {\n  const { t } = useTranslation();\n  return (\n"
        "    <form>\n      <h2>{t('healthInfoForm.title')}</h2>\n"
        '      <label htmlFor="lastName">{t(\'healthInfoForm.lastName\')}</label><input id="lastName" name="lastName" />\n'
        '      <label htmlFor="email">{t(\'healthInfoForm.email\')}</label><input id="email" type="email" name="email" />\n'
        '      <label htmlFor="allergies">{t(\'healthInfoForm.allergies\')}</label><input id="allergies" name="allergies" />\n'
        "    </form>\n  );\n}\n",
    }
    fields = _fields(tmp_path, files)
    assert fields["allergies"][0] == "health", fields
    assert "lastName" not in fields or fields["lastName"][0] != "health", fields
    assert fields["email"][0] == "contact", fields
