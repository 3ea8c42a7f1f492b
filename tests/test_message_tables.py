"""A component's table of messages printed by member path (analyzer/facts/template_components.py, _printed_members):
``{t.appointment.form.service}`` in an Astro, Svelte or Vue template, where ``t`` is a table of messages
(``jsx_bindings.label_objects``) and the site's catalogues (an ``i18n/es.ts`` of nested objects) hold the key, prints
that text; a value's path (``{patient.profile.diagnosis}``) and a key no catalogue holds are left as written."""

from __future__ import annotations

import os
from pathlib import Path

from analyzer import signatures
from analyzer.facts import fieldfacts
from analyzer.read.discover import discover
from analyzer.scan import ScanOptions, _results

_CATALOGUE = """export const es = {
  appointment: {
    form: {
      service: 'Motivo de consulta',
      allergies: 'Alergias conocidas',
    },
  },
};
"""

_PAGE = """---
import { getTranslations } from '../i18n';
const t = getTranslations('es');
const patient = await load();
---
<form>
  <label for="service">{t.appointment.form.service}</label>
  <select id="service" name="service"><option>Dolor</option></select>
  <input id="alg" name="alg" placeholder={t.appointment.form.allergies} />
  <label for="x">{t.appointment.form.missing}</label>
  <input id="x" name="x" />
  <label for="y">{patient.profile.diagnosis}</label>
  <input id="y" name="y" />
</form>
"""


def _labels(tmp_path: Path, files: dict[str, str]) -> dict[str, dict[str, str]]:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    home = os.getcwd()
    os.chdir(tmp_path)
    try:
        opts = ScanOptions(paths=(".",), jobs=1)
        files_found, _ = discover(opts.paths, opts.excludes, opts.follow_outside, set(), opts.include_tests)
        with fieldfacts.every_control("-"):
            return {s.name: s.texts for fa in _results(files_found, opts, signatures.load()) for s in fa.fields}
    finally:
        os.chdir(home)


def test_a_table_of_messages_printed_by_path_is_the_catalogue_s_text(tmp_path: Path) -> None:
    found = _labels(tmp_path, {"src/i18n/es.ts": _CATALOGUE, "src/pages/cita.astro": _PAGE})
    assert found["service"]["label"].startswith("Motivo de consulta"), found
    assert found["alg"]["placeholder"].startswith("Alergias conocidas"), found
    # no catalogue holds the key, and a value's path is no message: both left as written
    assert found["x"]["label"] == "{t.appointment.form.missing}", found
    assert "consulta" not in found["y"]["label"] and "Alergias" not in found["y"]["label"], found  # a printed value's mark


def test_a_loop_s_item_and_a_literal_are_no_table_of_messages(tmp_path: Path) -> None:
    # {#each treatments as t}: t is each item ({t.name} prints its name, not the catalogue's "name"); a quoted literal
    # that only looks like a path (placeholder="t.form.religion") stays what it says.
    catalogue = "export default {\n  name: 'Nombre completo',\n  form: { religion: 'Religión' },\n};\n"
    page = (
        "<script>\n  import t from '../i18n/es';\n  export let treatments = [];\n</script>\n<form>\n"
        "  {#each treatments as t}\n"
        '    <label><input type="checkbox" name="treatment" value={t.name} /> {t.name}</label>\n'
        "  {/each}\n"
        '  <input name="faith" placeholder="t.form.religion" />\n'
        "</form>\n"
    )
    found = _labels(tmp_path, {"src/i18n/es.ts": catalogue, "src/routes/Form.svelte": page})
    assert "Nombre completo" not in " ".join(found["treatment"].values()), found
    assert found["faith"]["placeholder"] == "t.form.religion", found
