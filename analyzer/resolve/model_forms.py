"""Django's ModelForms joined with the models they render, over each app (``analyzer.parse.django_models``).

A ModelForm's control is written in two modules: the forms module names the field (its ``Meta.fields`` entry) and may
give its label and widget (``Meta.labels``, ``Meta.widgets``); the models module gives the rest (its verbose name, its
type, its choices). The read stage reads each module alone; here, per app:

- a forms module whose ModelForms list fields of the app's models has them written again with those model fields, so each
  listed field is the control Django renders, at its entry's line in the forms module (where the form is written and
  where a fix goes);
- a models module's controls are kept where a ModelForm or an editing view of the app shows them and no forms module
  writes them (a field its ModelForm lists or declares itself): one control, one report, at the form, with the label a
  visitor sees (``Meta.labels`` over the model's verbose name). A model only ``fields = "__all__"`` (or ``exclude``)
  or a ``CreateView`` shows keeps its controls in the models module, where they are written.
"""

from __future__ import annotations

import dataclasses

from analyzer.facts.fieldfacts import FieldSite
from analyzer.facts.records import FileFacts
from analyzer.parse import django_models
from analyzer.read import engine
from analyzer.read.discover import SourceFile, app_root
from analyzer.resolve.exposure import PageInfo
from analyzer.signatures import SignatureDB


def link(facts: list[FileFacts], sources: dict[str, SourceFile], pages: dict[str, PageInfo], db: SignatureDB) -> None:
    """Each app's forms modules' controls written again with its model fields, and its models modules' controls kept where a form
    shows them and no forms module writes them (``pages`` updated in place)."""
    # The app of each file a ModelForm or a model is written in, found once (most files hold neither)
    django = [f for f in facts if f.path in sources and (f.model_forms or f.model_declared or f.model_classes)]
    apps = {f.path: app_root(sources[f.path]) for f in django}
    forms: dict[str, list[django_models.ModelForm]] = {}
    known: dict[str, dict[tuple[str, str], django_models.ModelField]] = {}
    for f in facts:
        if f.path not in apps:
            continue
        app = apps[f.path]
        forms.setdefault(app, []).extend(f.model_forms)
        for m in f.model_declared:
            known.setdefault(app, {}).setdefault((m.model, m.name), m)
    # Where each model field's control stands in its models module, before those a forms module writes stand back.
    declared: dict[tuple[str, str, str], tuple[str, int]] = {}
    for f in facts:
        if f.model_classes and f.path in pages and f.path in apps:
            for s in pages[f.path].fields:
                declared.setdefault((apps[f.path], django_models.model_at(f.model_classes, s.line), s.name), (f.path, s.line))
    for f in facts:
        if f.path in apps:
            mine = known.get(apps[f.path], {})
            if any((form.model, e.name) in mine for form in f.model_forms for e in form.listed):
                fields = engine.model_form_fields(f.path, f.form_class_page, db, f.model_forms, mine)
                if f.path in pages:
                    pages[f.path].fields = fields
                elif fields:
                    pages[f.path] = PageInfo(fields)
    for f in facts:
        if f.model_classes and f.path in pages:
            shown = forms.get(apps[f.path], []) if f.path in apps else []
            info = pages[f.path]
            info.fields = [s for s in info.fields if django_models.shown_by(f.model_classes, shown, s.line, s.name)]
    for f in facts:
        if f.model_forms and f.path in pages and f.path in apps:
            info = pages[f.path]
            info.fields = [_with_declaration(s, f.model_forms, apps[f.path], declared) for s in info.fields]


def _with_declaration(
    site: FieldSite, model_forms: tuple[django_models.ModelForm, ...], app: str, declared: dict[tuple[str, str, str], tuple[str, int]]
) -> FieldSite:
    """A forms module's control with the models module's line of the model field it renders, when one is known."""
    model = next((form.model for form in model_forms if form.writes_field(site.name)), "")
    where = declared.get((app, model, site.name)) if model else None
    return dataclasses.replace(site, declared=where) if where is not None else site
