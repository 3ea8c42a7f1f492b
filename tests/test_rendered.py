"""Printed values and page topics as tables (issue 14): the paths an output expression prints, the
category a path names, each vendor's text model, and the words that make a page sensitive. Case ids
name the false positive or the miss they guard."""

from __future__ import annotations

import pytest

from analyzer.facts import pagecontext, rendered
from analyzer.parse.normalise import norm
from analyzer.resolve.masking import effective_text_default, evaluate_text


@pytest.mark.parametrize(
    "expression, paths",
    [
        ("{{ patient.diagnosis|title }}", [("patient", "diagnosis")]),
        ("<%= h @user.ssn %>", [("user", "ssn")]),
        ("<?= htmlspecialchars($applicant->ethnicity) ?>", [("applicant", "ethnicity")]),
        ("<?php echo $user['religion']; ?>", [("user", "religion")]),
        ("{{ .Patient.Diagnosis }}", [("Patient", "Diagnosis")]),
        ("{{ user?.profile?.religion }}", [("user", "profile", "religion")]),
        ("{{ format_date(patient.dob) }}", [("patient", "dob")]),
        ("{{ t('patient.diagnosis') }}", []),
        ("{{ 'Diagnosis' | t }}", []),
    ],
    ids=[
        "jinja-filter",
        "erb-helper",
        "php-arrow",
        "php-key",
        "go-dot",
        "optional-chain",
        "call-argument",
        "translation-key-string",
        "liquid-literal",
    ],
)
def test_paths_in(expression: str, paths: list) -> None:
    assert rendered.paths_in(expression) == paths


@pytest.mark.parametrize(
    "path, category",
    [
        (("patient", "diagnosis"), "health"),
        (("record", "diagnosis"), "health"),
        (("member", "union"), "union"),
        (("product", "union"), None),
        (("user", "name"), "contact"),
        (("product", "name"), None),
        (("page", "title"), None),
        (("applicant", "ethnicity"), "racial-ethnic"),
        (("user", "ssn"), "government-id"),
        (("order", "card_last4"), "financial"),
        (("current_user", "profile", "religion"), "religion"),
    ],
    ids=[
        "diagnosis",
        "any-object-diagnosis",
        "member-union",
        "product-named-union",
        "user-name",
        "product-name",
        "page-title",
        "ethnicity",
        "ssn",
        "card-last4",
        "nested-religion",
    ],
)
def test_classify_path(db, path: tuple, category: str | None) -> None:
    found = rendered.classify_path(path, db.fields, rendered.words_for(db))
    assert (found.category if found else None) == category


def _value(db, path: tuple, classes=(), attrs=()):
    found = rendered.classify_path(path, db.fields, rendered.words_for(db))
    return rendered.RenderedValue(
        1, 1, ".".join(path), path, found, rendered.value_kind(found, path), "p", tuple(attrs), frozenset(classes)
    )


def test_text_models(db) -> None:
    diagnosis = _value(db, ("patient", "diagnosis"))
    ssn = _value(db, ("user", "ssn"))
    hotjar, clarity, logrocket, sentry = (db.vendors[v] for v in ("hotjar", "clarity", "logrocket", "sentry"))
    assert evaluate_text(diagnosis, hotjar, effective_text_default(hotjar, [""])).exposed is True
    assert evaluate_text(ssn, clarity, effective_text_default(clarity, [""])).exposed is False  # Balanced scrubs digits
    assert evaluate_text(diagnosis, clarity, effective_text_default(clarity, [""])).exposed is True
    assert evaluate_text(diagnosis, sentry, effective_text_default(sentry, [""])).exposed is False
    code = norm("LogRocket.init('a/b', {dom: {textSanitizer: true}})")
    assert evaluate_text(diagnosis, logrocket, effective_text_default(logrocket, [code])).exposed is False
    assert evaluate_text(diagnosis, logrocket, effective_text_default(logrocket, [""])).exposed is True
    masked = _value(db, ("patient", "diagnosis"), attrs=(("data-private", ""),))
    assert evaluate_text(masked, logrocket, effective_text_default(logrocket, [""])).exposed is False
    assert (
        evaluate_text(_value(db, ("patient", "diagnosis"), classes=("fs-mask",)), db.vendors["fullstory"], ("recorded", None)).exposed
        is False
    )


def test_every_recorder_with_a_text_model_names_its_sources(db) -> None:
    models = {v.id: v.masking.text for v in db.vendors.values() if v.masking.text is not None}
    assert len(models) >= 30
    for vendor, t in models.items():
        assert t.sources and t.fix, vendor
        # An unverified model says what was not verified, or that it comes from a secondary source.
        assert t.verified or "verif" in t.summary or "secondary" in t.summary, vendor


@pytest.mark.parametrize(
    "path, title, headings, category",
    [
        ("dist/mental-health/self-assessment/index.html", "", [], "health"),
        ("dist/hiv-testing/book/index.html", "", [], "health"),
        ("dist/clinic/index.html", "Book an abortion consultation", [], "health"),
        ("site/church/prayer.html", "", ["Prayer requests"], "religion"),
        ("site/join.html", "", ["Join the union"], "union"),
        ("dist/gym/index.html", "Northside Gym", ["Group classes"], None),
        ("dist/health/index.html", "Health and fitness blog", [], None),
        ("dist/products/union-sofa/index.html", "Union – the modular sofa", ["Union"], None),
        ("dist/de/was-ist-neu.html", "Was ist neu", [], None),
        ("dist/hearing-aids/index.html", "Hearing aids", [], None),
    ],
    ids=[
        "mental-health-path",
        "hiv-path",
        "abortion-title",
        "prayer-heading",
        "union-heading",
        "gym",
        "health-blog",
        "product-named-union",
        "german-ist",
        "hearing-aids-not-aids",
    ],
)
def test_sensitive_pages(db, path: str, title: str, headings: list, category: str | None) -> None:
    found = pagecontext.sensitive_page(path, title, headings, db.fields)
    assert (found.category if found else None) == category
