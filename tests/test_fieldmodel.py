"""The learned field model (analyzer/signatures/fieldmodel.py): its arithmetic, its bounds, and where
fieldfacts asks it (only about what no rule reads, and never about what the rules read as no data)."""

from __future__ import annotations

import json
import time

import pytest

from analyzer import signatures
from analyzer.facts import fieldfacts
from analyzer.parse import htmldoc
from analyzer.signatures import fieldmodel


def _found(db, html: str) -> dict[str, tuple[str, tuple[str, ...], str]]:
    page = htmldoc.parse(html)
    return {
        s.name: (s.classification.category, s.classification.words, s.classification.context)
        for s in fieldfacts.extract(page, db.fields, db.consent_words, "", db.field_context)
    }


def test_the_scanner_s_arithmetic_gives_the_trainer_s_probabilities() -> None:
    # The trainer wrote, for a dozen controls, the probabilities numpy computes from the written weights.
    data = json.loads((signatures.BUILTIN_DIR / fieldmodel.MODEL_FILE).read_text(encoding="utf-8"))
    model = fieldmodel.builtin()
    assert model is not None and len(data["checks"]) >= 10
    for check in data["checks"]:
        # The trainer reads a check's context without the model's unread words (a form's generic nouns), as a scan does.
        feats = fieldmodel.features(check["texts"], [tuple(s) for s in check["sources"]], check["type"], None, model.context_unread)
        assert model.probabilities(feats) == pytest.approx(check["probabilities"], abs=1e-9)


def test_the_shipped_model_answers_with_special_categories_only() -> None:
    model = fieldmodel.builtin()
    assert model is not None
    assert model.special <= set(model.classes) and "other" not in model.special
    assert model.special == {"health", "religion", "political", "union", "sex-life", "racial-ethnic", "genetic", "biometric"}
    assert 0.5 < model.threshold < 1 and 0 < model.own_support < model.threshold


def test_a_question_no_rule_reads_is_read_by_the_model_with_its_evidence(db) -> None:
    found = _found(
        db,
        "<h1>Ficha clínica</h1><form><label for=a>Ha donado sangre alguna vez?</label>"
        "<select id=a name=a><option>Si</option><option>No</option></select></form>",
    )
    category, words, why = found["a"]
    assert category == "health" and why.startswith("learned field model, p ")
    assert "sangre" in words and any(w.startswith("context: ") for w in words)
    model = fieldmodel.builtin()
    assert model is not None
    # The evidence leaves out numbers and words of one or two letters ("de", an id's "q3").
    read = model.read({"label": "Pasa algo de sangre en la orina?", "name": "q3"}, [("heading", "Ficha clínica")], "text")
    assert read is not None and read.words and all(len(w.split(": ")[-1]) > 2 and not w[-1].isdigit() for w in read.words), read


def test_a_control_a_rule_reads_keeps_the_rule_s_reading(db) -> None:
    found = _found(db, "<h1>Ficha clínica</h1><form><label for=a>¿Es usted diabético?</label><input id=a name=a></form>")
    assert found["a"][0] == "health" and not found["a"][2].startswith("learned")


def test_the_model_is_not_asked_about_what_the_rules_read_as_no_data(db) -> None:
    # On a medical form: a name, a consent box, how the visitor found the practice, a bare yes/no
    # without its question, a search box.
    found = _found(
        db,
        "<h1>Ficha clínica</h1><form>"
        "<label for=n>Nombre</label><input id=n name=n>"
        "<label><input type=checkbox name=ok> Acepto la política de privacidad</label>"
        "<label for=r>¿Cómo nos conoció?</label><select id=r name=r><option>Google</option><option>Un amigo</option></select>"
        "<input type=radio name=q value=si> Sí <input type=radio name=q value=no> No"
        "<label for=s>Buscar paciente</label><input id=s name=s>"
        "</form>",
    )
    assert not {"n", "ok", "r", "q", "s"} & set(found), found


def test_health_in_a_gym_s_newsletter_is_no_health_data(db) -> None:
    found = _found(
        db,
        "<h1>City Gym</h1><form><label for=e>E-mail</label><input id=e name=e type=email>"
        "<label><input type=checkbox name=nl> Send me health and fitness tips</label>"
        "<label for=c>Favourite class</label><select id=c name=c><option>Yoga</option><option>Spinning</option></select></form>",
    )
    assert set(found) == {"e"} and found["e"][0] == "contact", found


@pytest.mark.parametrize(
    ("question", "choices"),
    [
        ("Recevoir nos nouvelles :", ("Chaque semaine", "Chaque mois")),
        ("Newsletter erhalten?", ("Ja", "Nein")),
        ("Wil je de nieuwsbrief ontvangen?", ("Wekelijks", "Maandelijks")),
        ("Chcete odebírat novinky?", ("Ano", "Ne")),
    ],
)
def test_how_often_a_clinic_sends_its_news_is_a_subscription_not_health(db, question: str, choices: tuple[str, ...]) -> None:
    # On a health questionnaire the model leans every answer toward health; a question that asks whether, and how
    # often, to receive the site's news is a decision (``requests``), and the model is not asked about it.
    radios = "".join(f"<label><input type=radio name=nl value={k}> {c}</label>" for k, c in enumerate(choices))
    page = f"<h1>Questionnaire de santé</h1><form><p>Souffrez-vous d'asthme ?</p><input name=a><p>{question}</p>{radios}</form>"
    found = _found(db, page)
    assert "nl" not in found, found


def test_features_are_bounded_and_deterministic() -> None:
    huge = {"label": " ".join(f"word{i}" for i in range(50_000)), "options": "x " * 50_000}
    sources = [("heading", "y " * 50_000)] * 100
    start = time.perf_counter()
    feats = fieldmodel.features(huge, sources, "text")
    assert time.perf_counter() - start < 1.0
    assert len(feats) < 3_000  # 200 own words, 30 identifier words, 120 context words at most
    assert feats == fieldmodel.features(huge, sources, "text")


def test_a_forms_generic_nouns_are_not_read_in_its_context(db) -> None:
    # A model trained without a form's generic nouns ("questionnaire", "spørgeskema") reads without them: they name
    # no topic, and most questionnaires a model learns from are medical.
    sources = [("form", "Spørgeskema om hjemmesiden"), ("heading", "Questionnaire")]
    unread = frozenset({"sporgeskema", "questionnaire"})
    read = fieldmodel.features({"label": "Teksten er letlæselig"}, sources, "radio")
    kept = fieldmodel.features({"label": "Teksten er letlæselig"}, sources, "radio", None, unread)
    assert any("sporgeskema" in f for f in read) and any("questionnaire" in f for f in read)
    assert not any("sporgeskema" in f or "questionnaire" in f for f in kept)
    assert any("hjemmesiden" in f for f in kept)
    model = fieldmodel.from_data({"classes": ["health", "other"], "special": ["health"], "intercept": [0, 0], "threshold": 0.5,
                                  "weights": {}, "context_unread": ["sporgeskema"]})  # fmt: skip
    assert model.context_unread == frozenset({"sporgeskema"})


def test_a_missing_or_broken_model_file_reads_nothing(tmp_path) -> None:
    assert fieldmodel.load(str(tmp_path)) is None
    (tmp_path / fieldmodel.MODEL_FILE).write_text("{not json", encoding="utf-8")
    assert fieldmodel.load(str(tmp_path / ".")) is None  # another key: load() caches by folder
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / fieldmodel.MODEL_FILE).write_text('{"classes": ["health"]}', encoding="utf-8")
    assert fieldmodel.load(str(tmp_path / "b")) is None


def test_the_model_is_cached_under_its_own_name_and_a_changed_file_is_read_anew(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("REPLAYLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REPLAYLINT_NO_CACHE", raising=False)
    folder = tmp_path / "sig"
    folder.mkdir()
    data = {"classes": ["health", "other"], "special": ["health"], "threshold": 0.8, "scale": 0.01, "intercept": [0.0, 0.0]}
    (folder / fieldmodel.MODEL_FILE).write_text(json.dumps(data | {"weights": {"w:sangre": [300, -300]}}), encoding="utf-8")
    first = fieldmodel.load.__wrapped__(str(folder))  # past the per-process memo: through the file cache
    assert first is not None and first.weights("w:sangre") == pytest.approx((3.0, -3.0))
    assert [p.name.startswith("field-model-") for p in (tmp_path / "cache").glob("*.pickle")] == [True]
    assert fieldmodel.load.__wrapped__(str(folder)) == first  # read back from the cache
    (folder / "vendors.toml").write_text('id = "x"\n', encoding="utf-8")  # another signature file: the model's key stays
    assert fieldmodel.load.__wrapped__(str(folder)) == first
    assert len(list((tmp_path / "cache").glob("field-model-*.pickle"))) == 1
    (folder / fieldmodel.MODEL_FILE).write_text(json.dumps(data | {"weights": {"w:sangre": [100, -100], "w:x": [1, 1]}}), encoding="utf-8")
    again = fieldmodel.load.__wrapped__(str(folder))
    assert again is not None and again.weights("w:sangre") == pytest.approx((1.0, -1.0))


def test_field_model_false_in_the_configuration_leaves_the_rules_alone(tmp_path) -> None:
    from analyzer import config as configmod
    from analyzer.rules import RULES
    from analyzer.scan import ScanOptions, run

    page = tmp_path / "ficha.html"
    page.write_text(
        '<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head><body><h1>Ficha clínica</h1>'
        "<form><label for=a>Ha donado sangre alguna vez?</label><select id=a name=a><option>Si</option><option>No</option></select>"
        "</form></body></html>",
        encoding="utf-8",
    )
    (tmp_path / "pyproject.toml").write_text("[tool.replaylint]\nfield-model = false\n", encoding="utf-8")
    off = configmod.load(tmp_path / "pyproject.toml", frozenset(RULES))
    assert off.field_model is False and configmod.Config().field_model is True

    def rl301(cfg: configmod.Config, jobs: int) -> list[str]:
        result = run(ScanOptions(paths=(str(page),), jobs=jobs, config=cfg))
        return [f.message for f in result.findings if f.rule == "RL301"]

    assert any("learned field model" in m for m in rl301(configmod.Config(), 1))
    assert rl301(off, 1) == [] and rl301(off, 2) == []


def test_the_json_report_says_the_learned_model_decided(tmp_path) -> None:
    from analyzer.model import Severity
    from analyzer.report import ReportOptions
    from analyzer.report.html import render_html
    from analyzer.report.json_report import document
    from analyzer.scan import ScanOptions, run

    page = tmp_path / "ficha.html"
    page.write_text(
        '<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head><body><h1>Ficha clínica</h1>'
        "<form><label for=a>Ha donado sangre alguna vez?</label><select id=a name=a><option>Si</option><option>No</option></select>"
        "<label for=d>¿Es usted diabético?</label><input id=d name=d></form></body></html>",
        encoding="utf-8",
    )
    result = run(ScanOptions(paths=(str(page),)))
    doc = document(result, ReportOptions(fail_on=Severity.HIGH))
    decided = {f["name"]: f["decided_by"] for f in doc["fields"]}
    assert decided["a"].startswith("learned field model, p ") and decided["d"] == "own texts", decided
    # The HTML report's field table says it too, after the evidence.
    html = render_html(doc)
    table = html[html.index('data-table="fields-table"') :]
    assert "sangre" in table and "; learned field model, p " in table
