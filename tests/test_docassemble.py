"""A docassemble interview (analyzer/parse/docassemble.py): each screen's controls, written from its ``fields`` items
(``Label: variable`` with ``datatype`` and ``choices``; ``label:`` / ``field:``), its ``yesno:`` and its ``field:``
with ``buttons:``, at their own lines and under the screen's question. Notes, uploads and code are no controls; a
YAML file that is no interview (a CI workflow, a CMS's settings) is not read so; a block the safe loader refuses is
skipped, the others still read; markup in a note does not make the file an HTML page."""

from __future__ import annotations

from analyzer import signatures
from analyzer.parse import docassemble
from tests.conftest import controls_by_name

_INTERVIEW = """metadata:
  title: Disability benefits intake
---
question: |
  Tell us about your health
subquestion: |
  We use this to find the benefits you can claim.
fields:
  - What is your diagnosis?: diagnosis
    datatype: area
  - Favourite colour: colour
  - label: Which medications do you take?
    field: medications
    datatype: checkboxes
    choices:
      - Insulin
      - Methadone
  - note: |
      Your answers stay <b>private</b>: <a href="/privacy">read how</a>.
  - Upload your medical records: records
    datatype: file
---
question: |
  Are you pregnant?
yesno: is_pregnant
---
question: What is your religion?
field: religion
buttons:
  - Christian
  - Muslim
  - Jewish
  - None
---
question: [unclosed
yesno: ignored
---
question: Where do you live?
fields:
  - Street address: address
  - Number of bedrooms: bedrooms
    datatype: integer
"""


def _sites(tmp_path, db) -> dict:
    path = tmp_path / "docassemble" / "Intake" / "data" / "questions"
    path.mkdir(parents=True)
    return controls_by_name(path, _INTERVIEW, db, "intake.yml")


def test_an_interviews_controls_are_read_at_their_items(tmp_path, db) -> None:
    sites = _sites(tmp_path, db)
    assert sites.keys() == {"diagnosis", "colour", "medications", "is_pregnant", "religion", "address", "bedrooms"}, sites
    diagnosis = sites["diagnosis"]
    assert (diagnosis.tag, diagnosis.line, diagnosis.classification.category) == ("textarea", 9, "health"), diagnosis
    assert (sites["medications"].type, sites["medications"].line) == ("checkbox", 12), sites["medications"]
    assert "Insulin" in sites["medications"].texts.get("options", "") and sites["medications"].classification.category == "health"
    assert (sites["is_pregnant"].line, sites["is_pregnant"].classification.category) == (25, "health"), sites["is_pregnant"]
    assert (sites["religion"].line, sites["religion"].classification.category) == (28, "religion"), sites["religion"]
    assert sites["colour"].classification.category == "-" and sites["bedrooms"].classification.category == "-"
    assert sites["address"].classification.category == "contact", sites["address"]


def test_yaml_that_is_no_interview_is_not_read_as_one() -> None:
    workflow = b"name: CI\\non: push\\njobs:\\n  test:\\n    runs-on: ubuntu-latest\\n"
    settings = b"question: What is this?\\nanswer: a FAQ entry\\n"
    assert not docassemble.is_interview(".github/workflows/ci.yml", workflow)
    assert not docassemble.is_interview("content/faq.yml", settings)
    assert docassemble.is_interview("docassemble/Intake/data/questions/intake.yml", _INTERVIEW.encode())
    # a repository whose questions folder stands at its root, as a scan of it names the file
    asks = b"question: Are you pregnant?\nyesno: is_pregnant\n"
    assert docassemble.is_interview("data/questions/screens.yml", asks) and docassemble.is_interview("./data/questions/s.yml", asks)
    assert not docassemble.is_interview("mydata/questions/s.yml", asks)  # elsewhere it needs docassemble's own blocks
    assert docassemble.page("fields: [unclosed\\n", signatures.load().docassemble) == ""


def test_many_blocks_are_read_in_linear_time() -> None:
    import time

    kit = signatures.load().docassemble
    started = time.perf_counter()
    docassemble.page("---\n" * 120_000, kit)  # 480 KB of separators: each block's line counted on from the last
    written = docassemble.page("---\nquestion: Are you pregnant?\nyesno: is_pregnant\n" * 9_000, kit)
    assert time.perf_counter() - started < 5.0
    assert written.count("<form>") == 2_000  # the controls written per file are capped


def test_pyyaml_is_imported_only_when_an_interview_is_read() -> None:
    import subprocess
    import sys

    check = "import sys, analyzer.cli, analyzer.read.engine; print('yaml' in sys.modules)"
    said = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout.strip()
    assert said == "False"  # a scan that meets no interview (a pre-commit run on one page) does not pay for it
