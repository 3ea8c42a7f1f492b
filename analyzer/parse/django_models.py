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

import functools
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from analyzer.parse.form_helpers import array_end, control, key_words
from analyzer.parse.positions import LineIndex


@dataclass(frozen=True)
class ModelForm:
    """A ModelForm's ``Meta``: the model it renders and which of its fields (``fields`` None: all of them)."""

    model: str
    fields: tuple[str, ...] | None
    exclude: tuple[str, ...] = ()

    def shows(self, model: str, field: str) -> bool:
        """Whether the form shows ``field`` of ``model``."""
        return model == self.model and (self.fields is None or field in self.fields) and field not in self.exclude


@dataclass(frozen=True)
class ModelFields:
    """Django's model fields as a ModelForm renders them (``form_helpers.toml`` ``[model_fields]``): each field class's
    control ("input", "input:number", "textarea", "select"…), and the relations, whose first argument is a model."""

    renders: dict[str, str] = field(default_factory=dict)
    relations: frozenset[str] = frozenset()


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


def model_forms(text: str) -> tuple[ModelForm, ...]:
    """The ModelForms a forms module declares, each by the model its ``Meta`` names and the fields it shows."""
    return _declared(text, _MODEL_FORM, exclude_only=True)


def view_forms(text: str, classes: tuple[str, ...]) -> tuple[ModelForm, ...]:
    """The ModelForms a views module's generic editing views build (a class deriving from one of ``classes``:
    ``template_conventions.toml`` ``view_classes``, generic.CreateView, edit.UpdateView, with mixins too), each by its
    ``model`` and ``fields``."""
    return _declared(text, _editing_view(classes), exclude_only=False) if classes else ()


@functools.cache
def _editing_view(classes: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(c) for c in classes)
    return re.compile(rf"(?m)^class[ \t]+\w+\s*\([^()]*\b(?:{names})\b[^()]*\)\s*:")


def _declared(text: str, header: re.Pattern[str], exclude_only: bool) -> tuple[ModelForm, ...]:
    """The forms of the classes ``header`` finds, each by the model its body names and the fields it shows; a class that
    names no fields is none (Django refuses it), nor is one with ``exclude`` alone unless ``exclude_only`` (a ModelForm's
    Meta may say only that; a view may not)."""
    out = []
    for cls in header.finditer(text):
        body = text[cls.end() : _class_end(text, cls.end())]
        model = _META_MODEL.search(body)
        if model is None:
            continue
        lists = {m.group(1): m.group(2) for m in _META_LIST.finditer(body)}
        shown = lists.get("fields")
        fields = None if shown is None or "__all__" in shown else tuple(s.group(1) for s in _STRING.finditer(shown))
        exclude = tuple(s.group(1) for s in _STRING.finditer(lists.get("exclude", "")))
        if shown is None and not (exclude and exclude_only):
            continue
        out.append(ModelForm(model.group(1), fields, exclude))
    return tuple(out)


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


def written(text: str, fields: ModelFields) -> tuple[str, tuple[ModelClass, ...]]:
    """A page of ``text``'s lines, each empty but for the model field declarations that start on it, written as the
    control a ModelForm renders for each: its label (its verbose name; a label that is the field's name in words says
    no more than the name), its name, its type, a select's choices when the module lists them; and the module's
    classes. The page is no copy of the code, so a control is written whole, however short the declaration's line."""
    index = LineIndex(text)
    count = text.count("\n") + 1
    lists = _lists(text)
    lines = [""] * count
    for m in _FIELD.finditer(text):
        kind, args = m.group("kind"), m.group("args")
        renders = fields.renders.get(kind)
        if renders is None or _NOT_IN_FORMS.search(args):
            continue
        choices = _CHOICES.search(args)
        label = _VERBOSE.search(args) or (None if kind in fields.relations else _FIRST_STRING.match(args))
        said = html.escape(" ".join(label.group("label").split()), quote=False) if label else ""
        options = _options(text, args, choices, lists) if choices is not None else []
        row = index.line(m.start("name")) - 1
        markup = control("select" if choices is not None else renders, m.group("name"), options)
        lines[row] += f"<label>{said}</label>{markup}" if said else markup
    # Each model's controls stand in a form named for the model (its Meta's verbose_name, else its class name in words):
    # the record a models module's form fills in ("class Anamnese", "verbose_name = 'Historia clínica'").
    classes = _classes(text, index)
    for cls in classes:
        inside = range(cls.first, cls.last)
        if not any("<" in lines[i] for i in inside):
            continue
        body = text[index.offset(cls.first, 1) : index.offset(cls.last + 1, 1) if cls.last < count else len(text)]
        meta = _META_VERBOSE.search(body)
        title = meta.group(1) if meta else key_words(cls.name)
        lines[cls.first - 1] = f'<form title="{html.escape(" ".join(title.split()))}">' + lines[cls.first - 1]
        lines[cls.last - 1] += "</form>"
    return "\n".join(lines), classes


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


def shown_by(classes: Iterable[ModelClass], forms: Iterable[ModelForm], line: int, name: str) -> bool:
    """Whether a ModelForm of ``forms`` shows the control written at ``line`` of a models module (``classes``: its
    classes), named ``name``."""
    model = next((c.name for c in classes if c.first <= line <= c.last), "")
    return bool(model) and any(form.shows(model, name) for form in forms)
