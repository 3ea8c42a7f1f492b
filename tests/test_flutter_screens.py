"""Flutter screens (analyzer/parse/flutter.py): a Dart file's form widgets are read as the controls they render,
labelled by their decoration, tile title or the text before them, and recorded by the recorders the app's
web/index.html loads. Look-alikes: a screen that only shows texts, a project's own widget the table does not name, a
widget written in a comment or a string, and another app's screens."""

from __future__ import annotations

from analyzer.parse import flutter
from tests.conftest import finishes_within, site_fields

_CLARITY = (
    "<script>(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};"
    't=l.createElement(r);t.async=1;t.src="https://www.clarity.ms/tag/"+i;y=l.getElementsByTagName(r)[0];'
    'y.parentNode.insertBefore(t,y);})(window, document, "clarity", "script", "k2x9mzq3ab");</script>'
)

_SCREEN = """import 'package:flutter/material.dart';

class IntakeScreen extends StatefulWidget {
  const IntakeScreen({super.key});
  @override
  State<IntakeScreen> createState() => _IntakeState();
}

class _IntakeState extends State<IntakeScreen> {
  final _diagnosisController = TextEditingController();
  final _emailController = TextEditingController();
  final _notesCtrl = TextEditingController();
  String? _faith;
  bool _smoker = false;
  String? _sex;

  @override
  Widget build(BuildContext context) {
    return Scaffold(
      appBar: AppBar(title: const Text('Patient intake')),
      body: Form(
        child: Column(children: [
          TextFormField(
            controller: _diagnosisController,
            decoration: const InputDecoration(labelText: 'Current diagnosis (if any)', hintText: 'e.g. asthma'),
            maxLines: 4,
          ),
          TextFormField(
            controller: _emailController,
            keyboardType: TextInputType.emailAddress,
            decoration: InputDecoration(labelText: AppLocalizations.of(context)!.emailAddress),
          ),
          DropdownButtonFormField<String>(
            value: _faith,
            decoration: const InputDecoration(labelText: 'Religion'),
            items: const [
              DropdownMenuItem(value: 'rc', child: Text('Catholic')),
              DropdownMenuItem(value: 'mu', child: Text('Muslim')),
            ],
            onChanged: (v) => setState(() => _faith = v),
          ),
          CheckboxListTile(
            title: const Text('Do you smoke?'),
            value: _smoker,
            onChanged: (v) => setState(() => _smoker = v ?? false),
          ),
          // TextField(decoration: InputDecoration(labelText: 'HIV status')) was removed
          const Text("Anything else we should know? (don't write ')' here)"),
          TextField(controller: _notesCtrl, maxLines: null),
          FormBuilderTextField(name: 'allergies', decoration: const InputDecoration(labelText: 'Allergies')),
          const Text('Sex'),
          RadioListTile<String>(title: const Text('Female'), value: 'f', groupValue: _sex, onChanged: (v) {}),
          RadioListTile<String>(title: const Text('Male'), value: 'm', groupValue: _sex, onChanged: (v) {}),
          MyDiagnosisField(label: 'Diagnosis'),
          const Text('TextField(decoration: InputDecoration(labelText: "Blood type"))'),
        ]),
      ),
    );
  }
}
"""


def _app(screen: str, index: str = f"<html><head>{_CLARITY}</head><body></body></html>\n") -> dict[str, str]:
    return {"pubspec.yaml": "name: clinic\n", "web/index.html": index, "lib/screens/intake.dart": screen}


def test_a_screens_form_widgets_are_its_controls(db) -> None:
    page = flutter.written(_SCREEN, db.flutter).split("\n")
    line = {text.strip().split("(")[0]: n for n, text in enumerate(_SCREEN.split("\n"))}
    assert page[line["appBar: AppBar"]] == "<h1>Patient intake</h1>"
    diagnosis = next(p for p in page if "diagnosis" in p)
    assert diagnosis == '<label>Current diagnosis (if any)</label><textarea name="diagnosis" placeholder="e.g. asthma"></textarea>'
    assert '<label>email Address</label><input name="email" type=email>' in page  # its label the key's words
    assert "<option>Catholic</option><option>Muslim</option>" in "".join(page)
    assert '<label><input name="smoker" type=checkbox> Do you smoke?</label>' in page
    assert '<label><input name="sex" type=radio> Female</label>' in page
    # A comment, a string and a project's own widget are no controls; the text with a parenthesis ends where it does.
    assert "HIV" not in "".join(page) and not any("Blood type</label>" in p for p in page)
    assert "<p>Anything else we should know? (don&#x27;t write &#x27;)&#x27; here)</p>" in page
    assert "MyDiagnosisField" not in "".join(page) and not any("Diagnosis</label>" in p for p in page)


def test_a_flutter_apps_recorder_records_its_screens_fields(tmp_path) -> None:
    fields = site_fields(tmp_path, _app(_SCREEN))
    assert fields["diagnosis"][:3:2] == ("health", "Current diagnosis (if any)"), fields
    assert fields["allergies"][0] == "health" and fields["smoker"][0] == "health", fields
    assert fields["faith"][0] == "religion", fields
    assert fields["notes"][0] == "health", fields  # a free-text box on a screen headed "Patient intake"
    assert fields["diagnosis"][1] == _SCREEN.split("\n").index("          TextFormField(") + 1


def test_screens_that_show_only_texts_or_belong_to_another_app_are_no_fields(tmp_path) -> None:
    texts_only = "Widget build(BuildContext c) => Column(children: [Text('Diagnosis'), Text('Religion')]);\n"
    assert site_fields(tmp_path / "texts", _app(texts_only)) == {}
    other = _app(_SCREEN)
    other["lib/screens/intake.dart"] = ""
    other["mobile/pubspec.yaml"] = "name: mobile\n"
    other["mobile/lib/intake.dart"] = _SCREEN  # another app: the web app's recorder does not run it
    assert site_fields(tmp_path / "other", other) == {}


def test_a_huge_screen_is_read_in_linear_time(db) -> None:
    body = "".join(
        f"      TextFormField(controller: _c{i}, decoration: InputDecoration(labelText: 'Field {i} (x)')),\n" for i in range(20_000)
    )
    text = f"Widget build(BuildContext c) => Column(children: [\n{body}]);\n" + "'unterminated (\n" * 2000
    with finishes_within(20, "writing a 2 MB Flutter screen"):
        page = flutter.written(text, db.flutter)
    assert page.count("<input") == 20_000


_BUILDERS = """class ProfileState extends State<Profile> {
  final List<String> _smokingOptions = ['Non-smoker', 'Social smoker', 'Regular smoker'];
  final _faiths = const <String>['Christian', 'Muslim', 'Jewish'];

  Widget build(BuildContext context) => _buildSection(
        title: 'Lifestyle',
        children: [
          _buildDropdown(
            value: _selectedSmoking,
            label: 'Smoking',
            options: _smokingOptions,
            onChanged: (v) => setState(() => _selectedSmoking = v),
          ),
          ChoicePicker(label: 'Religion', items: _faiths, onSelected: (v) {}),
          LabeledSwitch(title: 'Do you have a disability?', value: _disabled, onChanged: (v) {}),
          _infoRow(label: 'Diagnosis', value: profile.diagnosis),
          _buildField(label: 'Allergies', child: TextFormField(controller: _allergiesController)),
        ],
      );
}
"""


def test_a_projects_own_builders_that_act_as_controls(db) -> None:
    page = flutter.written(_BUILDERS, db.flutter, db.ui_suffixes).split("\n")
    assert any(p.startswith('<label>Smoking</label><select name="selected_smoking"><option>Non-smoker</option>') for p in page), page
    assert any("<label>Religion</label><select><option>Christian</option>" in p for p in page), page
    assert any('<label><input name="disabled" type=checkbox> Do you have a disability?</label>' in p for p in page), page
    # A display of a value (no handler) is no control; a section's title over its children is its heading, a
    # wrapper's label the text before the control it holds, which is read itself.
    joined = "".join(page)
    assert "Diagnosis" not in joined and "Allergies</label>" not in joined, page
    assert "<h2>Lifestyle</h2>" in page[_BUILDERS.split("\n").index("  Widget build(BuildContext context) => _buildSection(")]
    assert '<p>Allergies</p><input name="allergies">' in joined


def test_translated_labels_read_as_the_apps_arb_catalogue(tmp_path) -> None:
    screen = (
        "Widget build(BuildContext context) => Column(children: [\n"
        "  DropdownButtonFormField<String>(\n"
        "    decoration: InputDecoration(labelText: AppLocalizations.of(context)!.vyznani),\n"
        "    items: const [], onChanged: (v) {}),\n"
        "  TextFormField(controller: _lekyController, decoration: InputDecoration(labelText: 'form.leky'.tr())),\n"
        "]);\n"
    )
    files = _app(screen)
    files["lib/l10n/app_cs.arb"] = '{"@@locale": "cs", "vyznani": "Náboženské vyznání", "@vyznani": {"description": "x"}}'
    files["assets/translations/cs.json"] = '{"form": {"leky": "Užívané léky"}}'
    files["assets/translations/README.txt"] = "not a catalogue"
    fields = site_fields(tmp_path, files)
    assert fields["leky"][0] == "health" and "Užívané léky" in fields["leky"][2], fields
    assert next(v for v in fields.values() if v[0] == "religion")[2].startswith("Náboženské vyznání"), fields
