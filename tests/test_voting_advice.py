"""Voting-advice applications (election compasses): the statements a Wahl-O-Mat, a stemwijzer or a valkompass asks the
visitor to agree or disagree with are political opinions, whatever they are about, wherever the app keeps them (in
its pages, in a data file its project names). Look-alikes: the app's profile questions put to the person, a party's join
form, a quiz of the same shape, and a list of short strings."""

from __future__ import annotations

from pathlib import Path

from analyzer.scan import ScanOptions, run
from analyzer.signatures.lexicon import Topic, classify
from tests.conftest import controls_by_name

_COMPASS = Topic("political", "title 'Wahl-O-Mat Friedrichshain' (wahl o mat)")
_PARTY = Topic("political", "title 'Mitglied werden bei der Partei' (partei)")


def _read(db, question: str, options: str, topic: Topic | None, typ: str = "radio"):
    return classify({"question": question, "options": options}, db.fields, typ, "", db.consent_words, topic, db.field_context)


def test_a_statement_on_a_compass_is_a_political_opinion_whatever_it_names(db) -> None:
    agree = "stimme zu / neutral / stimme nicht zu"
    found = _read(db, "Der Partytourismus in Friedrichshain muss reduziert werden.", agree, _COMPASS)
    assert found is not None and found.category == "political" and found.words == ("voting-advice statement",)
    # a statement whose words name health (a drug problem) is still the opinion its answer gives
    drugs = _read(db, "Die Drogenproblematik rund um die Warschauer Straße muss gelöst werden.", agree, _COMPASS)
    assert drugs is not None and drugs.category == "political", drugs
    slider = _read(db, "Auf einer Skala von 0 bis 7: wie stark lehnst du die Partei ab?", "", _COMPASS, "range")
    assert slider is None or slider.category != "political"  # put to the person ("du"): not read as a statement


def test_the_compass_profile_and_a_party_form_are_not_statements(db) -> None:
    # the app's questions about the visitor address them ("vous", "your"); a party's join form names no compass
    assert _read(db, "Dans quelle tranche d'âge vous situez-vous ?", "18-24 ans / 25-34 ans", _COMPASS) is None
    assert _read(db, "Der Mindestlohn soll auf 15 Euro steigen.", "Ja / Nein", _PARTY) is None
    assert _read(db, "Der Partytourismus muss reduziert werden.", "Ja / Nein", None) is None
    assert _read(db, "Sprache", "Deutsch / English", _COMPASS) is None  # a setting, not a sentence
    # a message key's locales and its own words are one name, not a sentence: "Fachbereich / Faculty (register
    # personal Data faculty)" on a compass's candidate sign-up
    assert _read(db, "Fachbereich / Faculty (register personal Data faculty)", "Informatik / Medizin", _COMPASS, "select") is None
    both = _read(db, "Die Mieten müssen sinken. / Rents must fall. (thesis rent)", "Ja / Nein", _COMPASS)
    assert both is not None and both.category == "political", both
    # the app's profile asks what the person studied or does: no statement, though put without "you"
    assert _read(db, "Nejvyšší dosažené vzdělání", "Základní / Středoškolské / Vysokoškolské", _COMPASS, "select") is None
    trade = _read(db, "Der Beruf des Pflegers muss besser bezahlt werden.", "stimme zu / neutral / stimme nicht zu", _COMPASS)
    assert trade is not None and trade.category == "political", trade  # a statement about a trade is one
    # a box alone is the app's setting, however long its label (a result page's "Show the whole ranking")
    assert _read(db, "Visa hela topplistan för alla partier", "", _COMPASS, "checkbox") is None


def _scan(tmp_path: Path, project: str, files: dict[str, str]) -> dict[str, tuple[str, int]]:
    """The fields a scan of an app reports, by name: its manifest names the project, and its entry starts Hotjar (which
    records every component and data file of the app)."""
    files = {"package.json": f'{{"name": "{project}"}}\n', "src/index.js": _STARTS_HOTJAR, **files}
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {r.field.name: (r.field.classification.category, r.field.line) for r in run(ScanOptions(paths=(str(tmp_path),))).fields}


_STARTS_HOTJAR = 'import Hotjar from "@hotjar/browser";\nHotjar.init(3456781, 6);\n'


def test_a_compass_kept_as_data_is_read_where_its_statements_stand(tmp_path: Path) -> None:
    # A list of statements written as texts alone (const Stellingen = […]), titled by its page for its subject
    # ("Gezondheidswijzer") in a project named for a stemwijzer: each statement, at its line, is political, tobacco
    # tax and all.
    found = _scan(
        tmp_path,
        "zorgstemwijzer",
        {
            "public/index.html": "<html><head><title>Gezondheidswijzer</title></head><body><div id=root></div></body></html>\n",
            "src/Stelling.js": "const Stellingen = [\n  'Accijnzen voor tabak moeten omhoog.',\n"
            "  'Roken in openbare ruimtes is niet meer toegestaan.',\n  'Zorgprofessionals krijgen beter uitbetaald.',\n];\n"
            "export default Stellingen;\n",
        },
    )
    assert found["Stellingen[0]"] == ("political", 2), found
    assert found["Stellingen[1]"] == ("political", 3), found
    assert found["Stellingen[2]"][0] == "political", found


def test_a_quiz_of_the_same_shape_is_no_compass(tmp_path: Path) -> None:
    # The same list in a perfume quiz, and a list of short strings (tags): no statement is political.
    found = _scan(
        tmp_path,
        "scent-personality-quiz",
        {
            "src/questions.js": "export const questions = [\n  'Which kind of everyday life do you long for?',\n"
            "  'Which season feels most like you?',\n  'What do you reach for on a rainy day?',\n];\n"
            "export const tags = ['Rain', 'Sun', 'Night'];\n",
        },
    )
    assert not any(category == "political" for category, _ in found.values()), found


def test_a_questionnaires_items_with_their_choices_are_read_as_data(tmp_path: Path) -> None:
    # { text, options } items answered by position (no name, no type): each a question of its own, at its line.
    found = _scan(
        tmp_path,
        "thoda-sukoon",
        {
            "src/data/phq9.js": "export const PHQ9_QUESTIONS = [\n"
            '  { text: "Feeling down, depressed, or hopeless?", options: ["Not at all", "Several days", "Nearly every day"] },\n'
            '  { text: "Poor appetite or overeating?", options: ["Not at all", "Several days", "Nearly every day"] },\n];\n',
        },
    )
    assert found[""] == ("health", 3), found  # both unnamed: the last one keeps the name
    scanned = run(ScanOptions(paths=(str(tmp_path),))).fields
    assert sorted(r.field.line for r in scanned if r.field.classification.category == "health") == [2, 3], scanned


def test_statements_kept_as_rows_records_and_one_array_are_read(tmp_path: Path) -> None:
    # More shapes of a compass's data: records whose statement is their `text`, in a list named only by what it is
    # passed on to (QDEFS -> ALL -> catalogQuestions); rows whose first entry is the statement, in a list named as
    # questions; a JSON file that is one array, named by its file (stellingen.json). A statement whose words name an
    # income or a street is the opinion too: it has no choices of its own.
    found = _scan(
        tmp_path,
        "valkompass-2026",
        {
            "src/data/catalog.ts": "const QDEFS: QDef[] = [\n"
            '  { id: "tax", kind: "structural", topic: "skatter", text: "Skatten på arbete bör sänkas." },\n'
            '  { id: "income", kind: "structural", topic: "skatter", text: "Marginalskatten på höga inkomster bör höjas." },\n'
            '  { id: "asyl", kind: "dynamic", topic: "migration", text: "Sverige bör ta emot färre asylsökande." },\n'
            "];\nconst ALL = [...QDEFS];\nexport const catalogQuestions = ALL.map((d) => ({ ...d, status: 'draft' }));\n",
            "src/data/seed.ts": "const RIKSDAG_QUESTIONS: QuestionSeed[] = [\n"
            '  ["Vinstuttag från friskolor bör begränsas.", "Skola", "Frågan gäller om skolföretag ska kunna dela ut vinst."],\n'
            '  ["Skolan bör förbjuda mobiltelefoner under lektionstid.", "Skola", "Handlar om ordningen i klassrummet."],\n'
            '  ["Straffen för grova våldsbrott bör skärpas ytterligare.", "Kriminalitet", "Handlar om straffnivåer."],\n'
            "];\n",
            "src/data/stellingen.json": '[\n  {"id": "s1", "text": "De gemeente moet meer investeren in de straten van de binnenstad."},\n'
            '  {"id": "s2", "text": "De schuldenlast van de gemeente moet omlaag."},\n'
            '  {"id": "s3", "text": "Er komen meer fietspaden in het centrum."}\n]\n',
        },
    )
    assert found["tax"] == ("political", 2) and found["income"] == ("political", 3) and found["asyl"] == ("political", 4), found
    assert found["RIKSDAG_QUESTIONS[0]"] == ("political", 2) and found["RIKSDAG_QUESTIONS[1]"] == ("political", 3), found
    assert found["s1"] == ("political", 2) and found["s2"] == ("political", 3), found  # a street, a debt: no one's


def test_rows_and_records_not_named_as_questions_are_no_controls(tmp_path: Path) -> None:
    # The same shapes in a dental practice's app: a slider's rows, and tips passed on to a name of no questions, are no
    # form.
    found = _scan(
        tmp_path,
        "zahnarztpraxis-mueller",
        {
            "src/slides.ts": "const SLIDES = [\n  ['Willkommen in unserer Praxis für Zahnmedizin', '/img/1.jpg'],\n"
            "  ['Professionelle Zahnreinigung für gesunde Zähne', '/img/2.jpg'],\n"
            "  ['Implantate und Zahnersatz vom Meister', '/img/3.jpg'],\n];\nexport default SLIDES;\n",
            "src/tips.ts": "const TIPS = [\n  { id: 't1', text: 'Putzen Sie zweimal am Tag.' },\n"
            "  { id: 't2', text: 'Nehmen Sie sich Zeit für die Zahnseide.' },\n  { id: 't3', text: 'Kommen Sie zweimal im Jahr.' },\n];\n"
            "export const homeTips = TIPS.map((t) => t.text);\n",
        },
    )
    assert found == {}, found


_RETURNED = """<?php
return [
    ['id' => 'q1', 'text' => 'Nehmen Sie regelmäßig Medikamente ein?'],
    ['id' => 'q2', 'text' => 'Leiden Sie an einer Herzerkrankung?'],
];
"""


def test_a_php_file_that_returns_its_questions_is_named_by_its_file(tmp_path: Path, db) -> None:
    # questions.php returns a practice's anamnesis (answered by buttons its page draws): each a question, read by its
    # own words; the same array returned by config.php names no list of questions.
    sites = controls_by_name(tmp_path, _RETURNED, db, "questions.php")
    assert {n: (s.classification.category, s.line, s.type) for n, s in sites.items()} == {
        "q1": ("health", 3, "radio"),
        "q2": ("health", 4, "radio"),
    }, sites
    assert controls_by_name(tmp_path, _RETURNED, db, "config.php") == {}


def test_a_compass_profile_question_keeps_its_financial_reading(db) -> None:
    # A profile question with choices of its own asks about the person; a statement without them is the opinion.
    income = _read(db, "Monatliches Nettoeinkommen des Haushalts", "unter 1000 € / 1000 bis 2000 € / über 2000 €", _COMPASS, "select")
    assert income is not None and income.category == "financial", income
    taxed = _read(db, "Der Spitzensteuersatz auf hohe Einkommen soll steigen.", "", _COMPASS)
    assert taxed is not None and taxed.category == "political", taxed
