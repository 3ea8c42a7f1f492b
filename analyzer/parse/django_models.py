"""Django models that a ModelForm renders (docs.djangoproject.com/en/stable/topics/forms/modelforms).

A ``forms.ModelForm`` declares no fields of its own: its ``Meta`` names a model (``model = Paciente``) and which of
its fields the form shows (``fields = [...]``, ``"__all__"``, ``exclude = [...]``), and Django builds each control
from the model field (the "Field types" table of that page: a TextField is a textarea, a field with ``choices`` a
select, a BooleanField a checkbox, a ForeignKey a select, labelled by the field's ``verbose_name``, else its name in
words). So the model module is where such a control's name and label are written.

A class-based view that edits a model builds such a form itself: a ``CreateView`` or ``UpdateView`` (any view with
``ModelFormMixin``) given ``model = Ockovani`` and ``fields = [...]`` renders the ModelForm Django makes of them
(docs.djangoproject.com/en/stable/ref/class-based-views/mixins-editing, ``ModelFormMixin.fields``: "interpreted the same
way as the Meta.fields attribute of ModelForm"; without ``fields`` or a ``form_class`` Django refuses the view).

The read stage writes each field declaration of a ``models.py`` as the control a ModelForm renders for it, at the
declaration's line, and keeps the span of each model class (``written``); a forms module's ModelForms and a views
module's editing views are read as facts (``model_forms``, ``view_forms``). The resolve stage keeps a model's controls
only where a ModelForm of the same app shows them (``shown_by``): a model no form shows is no form a visitor fills in.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from analyzer.parse.form_helpers import array_end, control, key_words, label_text
from analyzer.parse.positions import LineIndex


@dataclass(frozen=True)
class Listed:
    """A field a ModelForm's ``Meta`` names where the form is written: the line of its entry, the label ``Meta.labels``
    gives it and the control ``Meta.widgets`` makes of it ("" where they say nothing: the model field's then)."""

    name: str
    line: int
    label: str = ""
    renders: str = ""


@dataclass(frozen=True)
class ModelForm:
    """A ModelForm's ``Meta``: the model it renders and which of its fields (``fields`` None: all of them); ``listed``:
    the fields whose control the forms module writes (its ``fields`` entries, else its ``labels`` entries), not
    those the class declares itself."""

    model: str
    fields: tuple[str, ...] | None
    exclude: tuple[str, ...] = ()
    listed: tuple[Listed, ...] = ()
    own: tuple[str, ...] = ()  # the fields the class declares itself

    def shows(self, model: str, field: str) -> bool:
        """Whether the form shows ``field`` of ``model``."""
        return model == self.model and (self.fields is None or field in self.fields) and field not in self.exclude

    def writes(self, model: str, field: str) -> bool:
        """Whether the forms module writes the form's control for ``field`` of ``model``: the form lists it or declares
        a field of its name (Django renders the declaration, not the model field)."""
        return model == self.model and self.writes_field(field)

    def writes_field(self, field: str) -> bool:
        """Whether the forms module writes the control of the form's model field ``field``."""
        return field in self.own or any(e.name == field for e in self.listed)


@dataclass(frozen=True)
class ModelFields:
    """Django's model fields as a ModelForm renders them (``form_helpers.toml`` ``[model_fields]``): each field class's
    control ("input", "input:number", "textarea", "select"…), the relations, whose first argument is a model, and the
    control each form widget class renders (``Meta.widgets``)."""

    renders: dict[str, str] = field(default_factory=dict)
    relations: frozenset[str] = frozenset()
    widgets: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelField:
    """A model field as a ModelForm renders it: its model, name, label (its verbose name; "" none), control, choices."""

    model: str
    name: str
    label: str
    renders: str
    options: tuple[str, ...] = ()


Known = Mapping[tuple[str, str], ModelField]  # model fields by their model's name and their own


@dataclass(frozen=True)
class ModelClass:
    """A class of a models module, by its name and its lines (1-based, inclusive)."""

    name: str
    first: int
    last: int


_CLASS = re.compile(r"(?m)^class[ \t]+(\w+)\s*(?:\([^)]*\))?\s*:")
_MODEL_FORM = re.compile(r"(?m)^class[ \t]+\w+\s*\([^()]*\bModelForm\b[^()]*\)\s*:")  # with mixins too
_META_MODEL = re.compile(r"(?m)^[ \t]+model[ \t]*=[ \t]*(?:\w+\.)*(\w+)[ \t]*(?:#.*)?$")
_META_LIST = re.compile(r"(?m)^[ \t]+(fields|exclude)[ \t]*=[ \t]*(\[[^\]]{0,4000}\]|\([^)]{0,4000}\)|[\"']__all__[\"'])")
_TOP_LEVEL = re.compile(r"(?m)^[^\s#]")  # a line of code at column 0: the end of the class above it
_STRING = re.compile(r"""["']([^"'\n]{1,120})["']""")
_COMMENT = re.compile(r"#[^\n]*")  # a Python comment to the end of its line ("# 'religion', removed")


def _entries(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """The strings of a list's text (``text[start:end]``), none of them in a comment: a field commented out of
    ``Meta.fields`` is none the form shows."""
    end = len(text) if end is None else end
    blanked = _COMMENT.sub(lambda m: " " * len(m.group()), text[start:end])
    return list(_STRING.finditer(blanked))


# A field declaration: name = models.Kind( … ), models.fields.Kind( … ) or a field class imported by name
# (PhoneNumberField( … )), its arguments up to the balanced closing parenthesis; a kind the table does not name is
# no field.
_FIELD = re.compile(
    r"(?m)^[ \t]+(?P<name>[a-z_]\w*)[ \t]*=[ \t]*(?:models\.(?:fields\.)?)?(?P<kind>[A-Z]\w*)"
    r"\((?P<args>(?:[^()]|\((?:[^()]|\([^()]*\))*\)){0,3000}?)\)"
)
_GETTEXT = r"(?:_l?\(\s*|gettext(?:_lazy)?\(\s*)?"  # a text passed through _(), _l(), gettext() or gettext_lazy()
_STRING_LABEL = rf"""{_GETTEXT}(?P<q>["'])(?P<label>(?:(?!(?P=q))[^\\\n]|\\.){{1,200}})(?P=q)"""
_VERBOSE = re.compile(rf"\bverbose_name\s*=\s*{_STRING_LABEL}")
_FIRST_STRING = re.compile(rf"^\s*{_STRING_LABEL}")
_CHOICES = re.compile(r"\bchoices\s*=\s*(?:(?P<name>[A-Za-z_][\w.]*)|(?P<open>[\[(]))")
_PAIR = re.compile(rf"""\(\s*(?:["'][^"'\n]*["']|[\w.+-]+)\s*,\s*{_GETTEXT}["']([^"'\n]{{1,120}})["']""")
_META_VERBOSE = re.compile(rf"""(?m)^[ \t]+verbose_name[ \t]*=[ \t]*{_GETTEXT}["']([^"'\n]{{1,120}})["']""")
_NOT_IN_FORMS = re.compile(r"\beditable\s*=\s*False|\bauto_now(?:_add)?\s*=\s*True")
_MAX_OPTIONS = 60


def model_forms(text: str, widgets: Mapping[str, str]) -> tuple[ModelForm, ...]:
    """The ModelForms a forms module declares, each by the model its ``Meta`` names, the fields it shows and those whose
    control the module writes (``widgets``: the control each widget class renders)."""
    index = LineIndex(text)
    out = []
    for form, body, shown in _declared(text, _MODEL_FORM, exclude_only=True):
        own = tuple(dict.fromkeys(m.group(1) for m in _OWN_FIELD.finditer(text, *body)))
        out.append(dataclasses.replace(form, listed=_listed(text, body, shown, form, own, widgets, index), own=own))
    return tuple(out)


def view_forms(text: str, classes: tuple[str, ...]) -> tuple[ModelForm, ...]:
    """The ModelForms a views module's generic editing views build (a class deriving from one of ``classes``:
    ``template_conventions.toml`` ``view_classes``, generic.CreateView, edit.UpdateView, with mixins too), each by its
    ``model`` and ``fields``."""
    return tuple(form for form, _, _ in _declared(text, _editing_view(classes), exclude_only=False)) if classes else ()


@functools.cache
def _editing_view(classes: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(c) for c in classes)
    return re.compile(rf"(?m)^class[ \t]+\w+\s*\([^()]*\b(?:{names})\b[^()]*\)\s*:")


def _declared(text: str, header: re.Pattern[str], exclude_only: bool) -> list[tuple[ModelForm, tuple[int, int], re.Match[str] | None]]:
    """The forms of the classes ``header`` finds, each by the model its body names and the fields it shows, with the
    body's span and its ``fields`` list (None: none); a class that names no fields is none (Django refuses it), nor is
    one with ``exclude`` alone unless ``exclude_only`` (a ModelForm's Meta may say only that; a view may not)."""
    out = []
    for cls in header.finditer(text):
        body = (cls.end(), _class_end(text, cls.end()))
        model = _META_MODEL.search(text, *body)
        if model is None:
            continue
        lists = {m.group(1): m for m in _META_LIST.finditer(text, *body)}
        shown = lists.get("fields")
        fields = None if shown is None or "__all__" in shown.group(2) else tuple(s.group(1) for s in _entries(shown.group(2)))
        exclude = tuple(s.group(1) for s in _entries(lists["exclude"].group(2))) if "exclude" in lists else ()
        if shown is None and not (exclude and exclude_only):
            continue
        out.append((ModelForm(model.group(1), fields, exclude), body, shown))
    return out


_META_DICT = re.compile(r"(?m)^[ \t]+(?P<key>labels|widgets)[ \t]*=[ \t]*\{")
_LABEL_ENTRY = re.compile(rf"""["'](?P<key>\w+)["']\s*:\s*{_STRING_LABEL}""")
_WIDGET_ENTRY = re.compile(r"""["'](?P<key>\w+)["']\s*:\s*(?:[a-z_][\w.]{0,80}\.)?(?P<widget>[A-Z]\w*)[ \t]*""")
# A field the form class declares itself (birth_date = forms.DateField(…), captcha = ReCaptchaField()): Django renders
# the declaration, not the model field of that name, and the declaration is read as a form field (form_helpers.toml).
_OWN_FIELD = re.compile(r"(?m)^[ \t]+(\w+)[ \t]*=[ \t]*(?:\w+\(\s*)?(?:[a-z_][\w.]{0,80}\.)?[A-Z]\w*Field\(")


def _listed(
    text: str,
    body: tuple[int, int],
    shown: re.Match[str] | None,
    form: ModelForm,
    own: tuple[str, ...],
    widgets: Mapping[str, str],
    index: LineIndex,
) -> tuple[Listed, ...]:
    """The fields of a ModelForm (its class's ``body``) whose control the forms module writes: each entry of its
    ``fields`` (``shown``, as ``_declared`` found it), at the entry's line, or, when it shows all of the model's fields,
    each entry of its ``labels``; with the label ``labels`` gives and the control ``widgets`` makes; none the class
    declares itself."""
    dicts = {m.group("key"): (m.end() - 1, array_end(text, m.end() - 1, brackets=("{", "}"))) for m in _META_DICT.finditer(text, *body)}
    labels = {m.group("key"): m for m in _LABEL_ENTRY.finditer(text, *dicts.get("labels", (0, 0)))}
    made = _widgets(text, dicts.get("widgets", (0, 0)), widgets)
    if form.fields is not None:
        entries = [(s.group(1), shown.start(2) + s.start()) for s in _entries(text, *shown.span(2))] if shown else []
    else:
        entries = [(name, m.start()) for name, m in labels.items() if name not in form.exclude]
    return tuple(
        Listed(name, index.line(at), label_text(labels[name].group("label")) if name in labels else "", made.get(name, ""))
        for name, at in entries
        if name not in own and name not in form.exclude  # Django leaves out an excluded field even when listed
    )


def _widgets(text: str, span: tuple[int, int], widgets: Mapping[str, str]) -> dict[str, str]:
    """The control each entry of a ``Meta.widgets`` dict (at ``span``) makes ("" for a widget class the table does not
    name: the model field's control then); a widget's arguments (its attrs) are passed over."""
    out: dict[str, str] = {}
    at, end = span
    while (m := _WIDGET_ENTRY.search(text, at, end)) is not None:
        out.setdefault(m.group("key"), widgets.get(m.group("widget"), ""))
        at = array_end(text, m.end(), brackets=("(", ")")) + 1 if text.startswith("(", m.end()) else m.end()
    return out


def form_page(page: str, forms: Iterable[ModelForm], known: Known) -> str:
    """``page`` (a forms module's: blank but for the controls its declared fields print) with each field its ModelForms
    list written at its entry's line as the control Django renders of it: labelled by ``Meta.labels``, else by the
    model field's verbose name (``known``: the app's model fields by model and name), else by its name alone; the
    control ``Meta.widgets`` makes, else the model field's (with its choices), else a text input. A model field no form
    shows (a file, an uneditable one) is written as none."""
    lines = page.split("\n")
    for form in forms:
        for entry in form.listed:
            model = known.get((form.model, entry.name))
            renders = entry.renders or (model.renders if model else "input")
            if not (renders and 0 < entry.line <= len(lines)):
                continue
            _write(lines, entry.line, entry.label or (model.label if model else ""), renders, entry.name, model.options if model else ())
    return "\n".join(lines)


def _write(lines: list[str], line: int, label: str, renders: str, name: str, options: tuple[str, ...]) -> None:
    """Write a field's control, after its label when it has one, at the end of its (1-based) line of a page."""
    markup = control(renders, name, options)
    lines[line - 1] += f"<label>{html.escape(label, quote=False)}</label>{markup}" if label else markup


def _classes(text: str, lines: LineIndex) -> tuple[ModelClass, ...]:
    """Each class of a models module with the lines it spans."""
    out = []
    for m in _CLASS.finditer(text):
        end = _class_end(text, m.end())
        out.append(ModelClass(m.group(1), lines.line(m.start()), lines.line(max(m.start(), end - 1))))
    return tuple(out)


def _class_end(text: str, start: int) -> int:
    """Where a class whose header ends at ``start`` ends: at the next line that starts at column 0 with code."""
    m = _TOP_LEVEL.search(text, start)
    return m.start() if m else len(text)


def written(text: str, fields: ModelFields) -> tuple[str, tuple[ModelClass, ...], tuple[ModelField, ...]]:
    """A page of ``text``'s lines, each empty but for the model field declarations that start on it, written as the
    control a ModelForm renders for each: its label (its verbose name; a label that is the field's name in words says
    no more than the name), its name, its type, a select's choices when the module lists them; the module's classes;
    and its model fields (one no form renders with no control), for the ModelForms that list them. The page is no copy
    of the code, so a control is written whole, however short the declaration's line."""
    index = LineIndex(text)
    count = text.count("\n") + 1
    classes = _classes(text, index)
    lines = [""] * count
    declared = []
    for line, each in _declarations(text, fields, index, classes):
        declared.append(each)
        if each.renders:
            _write(lines, line, each.label, each.renders, each.name, each.options)
    # Each model's controls stand in a form named for the model (its Meta's verbose_name, else its class name in words):
    # the record a models module's form fills in ("class Anamnese", "verbose_name = 'Historia clínica'").
    for cls in classes:
        inside = range(cls.first, cls.last)
        if not any("<" in lines[i] for i in inside):
            continue
        body = text[index.offset(cls.first, 1) : index.offset(cls.last + 1, 1) if cls.last < count else len(text)]
        meta = _META_VERBOSE.search(body)
        title = meta.group(1) if meta else key_words(cls.name)
        lines[cls.first - 1] = f'<form title="{html.escape(" ".join(title.split()))}">' + lines[cls.first - 1]
        lines[cls.last - 1] += "</form>"
    return "\n".join(lines), classes, tuple(declared)


def _declarations(text: str, fields: ModelFields, index: LineIndex, classes: tuple[ModelClass, ...]) -> Iterable[tuple[int, ModelField]]:
    """Each field declaration of a models module, at the line of its name, as the field a ModelForm renders: its
    control ("" for a field no form renders: a kind the table does not name, an uneditable one), its verbose name (or
    the first string a non-relation takes), its choices."""
    lists = _lists(text)
    for m in _FIELD.finditer(text):
        kind, args = m.group("kind"), m.group("args")
        line = index.line(m.start("name"))
        model = model_at(classes, line)
        renders = fields.renders.get(kind, "")
        if not renders or _NOT_IN_FORMS.search(args):
            yield line, ModelField(model, m.group("name"), "", "")
            continue
        choices = _CHOICES.search(args)
        label = _VERBOSE.search(args) or (None if kind in fields.relations else _FIRST_STRING.match(args))
        said = " ".join(label.group("label").split()) if label else ""
        options = tuple(_options(text, args, choices, lists)) if choices is not None else ()
        yield line, ModelField(model, m.group("name"), said, "select" if choices is not None else renders, options)


_ASSIGNED_LIST = re.compile(r"(?m)^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*[\[(]")


def _lists(text: str) -> dict[str, int]:
    """Where each name the module assigns a list or tuple to opens it (the first assignment), found in one pass."""
    out: dict[str, int] = {}
    for m in _ASSIGNED_LIST.finditer(text):
        out.setdefault(m.group(1), m.end() - 1)
    return out


def _options(text: str, args: str, choices: re.Match[str], lists: dict[str, int]) -> list[str]:
    """The display texts of a field's choices: the pairs written inline, or those of the list its ``choices`` names
    (``TIPO_SANGRE_CHOICES = [('O+', 'O+'), …]`` in the module); none when they are built elsewhere."""
    if choices.group("open"):
        source, at = args, choices.start("open")
    else:
        where = lists.get(choices.group("name").split(".")[-1])
        if where is None:
            return []
        source, at = text, where
    return [p.group(1) for p in _PAIR.finditer(source, at, array_end(source, at))][:_MAX_OPTIONS]


def model_at(classes: Iterable[ModelClass], line: int) -> str:
    """The name of the innermost class of a models module (``classes``, in source order) holding ``line``; "" none."""
    return next((c.name for c in reversed(tuple(classes)) if c.first <= line <= c.last), "")


def shown_by(classes: Iterable[ModelClass], forms: Iterable[ModelForm], line: int, name: str) -> bool:
    """Whether the control written at ``line`` of a models module (``classes``: its classes), named ``name``, stands
    there: a ModelForm of ``forms`` shows it and none writes it in its forms module (there it is read, once)."""
    model = model_at(classes, line)
    return bool(model) and any(form.shows(model, name) for form in forms) and not any(form.writes(model, name) for form in forms)
