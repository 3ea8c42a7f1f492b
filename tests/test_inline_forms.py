"""A form a page's own inline script writes in strings (``analyzer.facts.inline_forms``): a one-file app's screens,
built by ``innerHTML``, template literals and jQuery, are read at their lines of the page, under the page's title."""

from __future__ import annotations

from tests.conftest import controls_by_name, scan_text

_DIARY = """<!doctype html>
<html><head><title>Diario del paziente</title></head>
<body>
<div id="content-area"></div>
<script>
  function render(protocol) {
    document.getElementById('content-area').innerHTML =
      '<div class="card">' +
      '<label for="diag">Diagnosi</label><input id="diag" name="diag">' +
      '<label for="note">Note</label><textarea id="note" name="note"></textarea>' +
      '</div>';
  }
</script>
<script>
  const step = `
    <label for="rel">Religione</label>
    <select id="rel" name="rel"><option>Cattolica</option><option>Nessuna</option></select>`;
  $('#wizard').append(step);
</script>
</body></html>
"""


def test_a_form_an_inline_script_writes_is_read_at_its_lines(tmp_path, db) -> None:
    fields = {f.name: f for f in scan_text(tmp_path, _DIARY, db).fields}
    assert fields["diag"].classification.category == "health" and fields["diag"].line == 9, fields
    assert fields["rel"].classification.category == "religion" and fields["rel"].line == 17, fields
    # The page's title names the diary: a free-text note in it takes its topic.
    assert fields["note"].classification.category == "health" and fields["note"].line == 10, fields
    assert "Diario del paziente" in fields["note"].classification.context


def test_a_script_that_writes_no_control_adds_nothing(tmp_path, db) -> None:
    page = """<html><head><title>Diario del paziente</title></head><body>
<script>document.body.innerHTML = '<h1>Benvenuto</h1><p>Diagnosi e terapia</p>';</script>
<script type="text/plain" data-category="analytics">x.innerHTML = '<input name="diagnosis">';</script>
<script src="app.js">el.innerHTML = '<input name="diagnosis">';</script>
</body></html>"""
    assert controls_by_name(tmp_path, page, db) == {}


def test_a_minified_bundle_pasted_inline_is_not_read_for_forms(tmp_path, db) -> None:
    code = "var a=1;" * 800 + "el.innerHTML='<label>Diagnosis</label><input name=diagnosis>';"
    page = f"<html><body><script>{code}</script></body></html>"
    assert "diagnosis" not in controls_by_name(tmp_path, page, db)
