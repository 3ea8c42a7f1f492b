"""Symfony's form types as the templates that print their fields one by one render them.

A Symfony form's fields are written in a PHP form type (``src/Form/MembreType.php``: ``$builder->add('religion',
ChoiceType::class, ['label' => 'Religion', 'choices' => ['Catholique' => 'c']])``, an embedded type as ``->add('adherent',
AdherentType::class)``), and a Twig template prints each one where it stands: ``{{ form_row(form.religion) }}``,
``{{ form_widget(form.adherent.address.zipCode) }}``. The template's tag names the field only; its control, label and
choices are the type's. The project's types are read before the pages (``analyzer.scan``, like the message catalogues,
each file within a byte budget) and installed for the scan; a template's form is matched to the one type whose fields
its references name best (:meth:`FormTypes.match`: no other type as good, most of the references found), and each
``form_row`` / ``form_widget`` of a field of that type is written as a short stand-in, ``<rl f=12>``, that the field's
own control replaces once the page is parsed (``analyzer.facts.template_components``): a tag as short as
``{{ form_row(form.comment) }}`` has no room for "Commentaire (problème de santé ou autre)". Where no type matches
(two alike, or none), the template is read as before (``analyzer.parse.form_helpers``).

The label shown is the field's ``label``, else its type's ``label_format`` (or that of a type it extends) with the
field's name for ``%name%``: a message key, as Symfony translates every label (read with the site's catalogues when the
page is read). Left out: a field added under a name a variable holds, a label a variable holds, and the
``label_format`` a form hands down to the types it embeds.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from analyzer.parse import scanwide
from analyzer.parse.form_helpers import SHORT, FormHelper, described, label_text
from analyzer.parse.positions import blank, rewritten
from analyzer.parse.templates import Region

MAX_FILES = 2000  # form type files read per scan
MAX_FILE_BYTES = 300_000
MAX_TYPES = 2000
MAX_ENTRIES = 50_000  # fields kept per scan, over every type (a type's inherited fields each count)
_MAX_PARENTS = 5  # the types a type extends, followed up
_MAX_REFERENCES = 300  # field references of one template compared with the types
_MAX_FORMS = 20  # form variables of one template matched to a type (a page prints a few forms)
_MAX_CHECKS = 200_000  # (type, reference) pairs one template's matching may try: past it, the template is read as before
_MIN_MATCHED = 2  # a template's form is a type's when at least this many of its references are that type's fields


@dataclass(frozen=True)
class FormTypeSpec:
    """``form_helpers.toml`` ``[form_types]``: the template dialects and file endings read, and the patterns."""

    dialects: frozenset[str] = frozenset()
    files: tuple[str, ...] = ()
    marker: bytes = b""  # what a form type's file holds (its builder's calls), searched before it is read
    class_: str = r"(?!)"
    embeds: str = r"(?!)"
    label_format: str = r"(?!)"
    references: str = r"(?!)"
    controls: str = r"(?!)"


@dataclass(frozen=True)
class Field:
    """A field of a type as the template prints it: its control ("select", "input:email"; "" for one whose control is
    not known: a file, a captcha, an embedded type), the message or text of its label ("" none), its choices, and the
    project type it embeds ("" none)."""

    name: str
    renders: str = ""
    label: str = ""
    options: tuple[str, ...] = ()
    embeds: str = ""


@dataclass(frozen=True)
class FormTypes:
    """The project's form types: each type's fields by name (its own and those of the types it extends), as indexes
    into ``fields``, the one numbering the templates' stand-ins use."""

    types: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    fields: tuple[Field, ...] = ()

    @functools.cached_property
    def _holding(self) -> dict[str, tuple[str, ...]]:
        """The types that hold a field of each name."""
        out: dict[str, list[str]] = {}
        for type_name, own in self.types.items():
            for name in own:
                out.setdefault(name, []).append(type_name)
        return {name: tuple(types) for name, types in out.items()}

    def _candidates(self, paths: Iterable[tuple[str, ...]]) -> set[str]:
        return {t for p in paths if p for t in self._holding.get(p[0], ())}

    def candidates(self, paths: Iterable[tuple[str, ...]]) -> int:
        """How many types hold the first name of one of ``paths`` (the work matching them costs, per reference)."""
        return len(self._candidates(paths))

    def field_at(self, type_name: str, path: tuple[str, ...]) -> int | None:
        """The field a reference's path names in the type (``("adherent", "address", "zipCode")`` through the types
        each part embeds), or None."""
        for k, part in enumerate(path):
            at = self.types.get(type_name, {}).get(part)
            if at is None:
                return None
            if k == len(path) - 1:
                return at
            type_name = self.fields[at].embeds
        return None

    def match(self, paths: Iterable[tuple[str, ...]]) -> str | None:
        """The one type whose fields a template's references to one form name (``paths``): the type that holds the
        most of them, when no other holds as many, it holds at least two and at least half of them. None else: a
        template whose form could be either of two alike types is read as before."""
        wanted = list(dict.fromkeys(paths))[:_MAX_REFERENCES]
        if len(wanted) < _MIN_MATCHED:
            return None
        # Only the types that hold a path's first name may hold the path (an index, not every type for every path).
        candidates = sorted(self._candidates(wanted))
        held = sorted(((sum(self.field_at(t, p) is not None for p in wanted), t) for t in candidates), reverse=True)
        if not held or held[0][0] < max(_MIN_MATCHED, (len(wanted) + 1) // 2):
            return None
        if len(held) > 1 and held[1][0] == held[0][0]:
            return None
        return held[0][1]


EMPTY = FormTypes()
_SLOT = scanwide.Installed(EMPTY)
install = _SLOT.install  # this scan's, for every file it reads (analyzer.scan)
installed = _SLOT.get


@dataclass
class _Read:
    parent: str
    label_format: str
    fields: dict[str, Field]


def collect(
    sources: Iterable[tuple[str, str]],
    spec: FormTypeSpec,
    helpers: tuple[FormHelper, ...],
    failed: list[tuple[str, Exception]] | None = None,
) -> FormTypes:
    """The form types the texts of a project's files (``(path, text)``, those ending as ``spec.files`` says) define,
    their fields read with the ``helpers`` that read such files. A class name defined twice is left out (which one a
    template prints cannot be told); a file whose reading fails is named in ``failed`` (the scan goes on)."""
    readers = [h for h in helpers if h.calls is not None and any(f.endswith(spec.files) or f in spec.files for f in h.files)]
    read: dict[str, _Read] = {}
    twice: set[str] = set()
    for path, text in sources:
        if not path.lower().endswith(spec.files) or len(read) >= MAX_TYPES:
            continue
        try:
            found = _read_type(text, spec, readers)
        except Exception as exc:  # noqa: BLE001 - one file's failure costs its type, not the scan
            if failed is not None:
                failed.append((path, exc))
            continue
        if found is not None:
            name, definition = found
            if name in read:
                twice.add(name)
            read[name] = definition
    for name in twice:
        del read[name]
    return _numbered(read)


def _read_type(text: str, spec: FormTypeSpec, readers: list[FormHelper]) -> tuple[str, _Read] | None:
    """A file's form type: its class's name, the class it extends, its label_format and its fields."""
    declared = re.search(spec.class_, text)
    if declared is None:
        return None
    fmt = re.search(spec.label_format, text)
    fields: dict[str, Field] = {}
    for calls in {h.calls for h in readers if h.calls is not None}:
        for m in calls.finditer(text):
            call = m.group()
            control = described(call, readers)
            embedded = re.match(spec.embeds, call)
            name = control.name if control is not None else embedded.group("name") if embedded is not None else ""
            if not name or name in fields:
                continue
            fields[name] = Field(
                name,
                control.renders if control is not None else "",
                control.label if control is not None else "",
                control.options if control is not None else (),
                embedded.group("type") if embedded is not None and control is None else "",
            )
    return declared.group("name"), _Read(declared.group("parent"), fmt.group("format") if fmt else "", fields)


def _numbered(read: Mapping[str, _Read]) -> FormTypes:
    """Each type's fields, its own first, then those of the types it extends, numbered once for each type: a field
    a type inherits is labelled by that type's label_format."""
    types: dict[str, dict[str, int]] = {}
    fields: list[Field] = []
    for name in read:
        own: dict[str, int] = {}
        chain = _chain(name, read)
        fmt = next((read[t].label_format for t in chain if read[t].label_format), "")
        for t in chain:
            for fname, f in read[t].fields.items():
                if fname in own or len(fields) >= MAX_ENTRIES:
                    continue
                label = f.label or (fmt.replace("%name%", fname) if fmt else "")
                embeds = f.embeds if f.embeds in read else ""
                own[fname] = len(fields)
                fields.append(Field(fname, f.renders, label, f.options, embeds))
        types[name] = own
    return FormTypes(types, tuple(fields))


def _chain(name: str, read: Mapping[str, _Read]) -> list[str]:
    """The type and the project's types it extends, nearest first."""
    chain = [name]
    while len(chain) <= _MAX_PARENTS and read[chain[-1]].parent in read and read[chain[-1]].parent not in chain:
        chain.append(read[chain[-1]].parent)
    return chain


SHORT_FIELD = "f"  # the attribute of the stand-in (<rl f=12>) that numbers the field it stands for
LABELLED = "t"  # the stand-in's attribute that says the template gives the label (written before it)


def write(original: str, neutral: str, regions: list[Region], forms: FormTypes, spec: FormTypeSpec) -> tuple[str, list[Region]]:
    """``neutral`` with each template tag that prints a field of a matched type written as its stand-in, and the
    regions left for the other helpers (``analyzer.parse.form_helpers``)."""
    if not forms.types:
        return neutral, regions
    references: dict[str, list[tuple[str, ...]]] = {}
    for r in regions:
        for ref in re.finditer(spec.references, r.body) if r.kind == "output" else ():
            references.setdefault(ref.group("form"), []).append(tuple(ref.group("path")[1:].split(".")))
    typed: dict[str, str] = {}
    checks = 0
    for form, paths in list(references.items())[:_MAX_FORMS]:
        checks += forms.candidates(paths) * min(len(paths), _MAX_REFERENCES)
        if checks > _MAX_CHECKS:
            break  # a template of thousands of forms over thousands of alike types is not matched: bounded work
        if (t := forms.match(paths)) is not None:
            typed[form] = t
    if not typed:
        return neutral, regions
    edits: list[tuple[int, int, str]] = []
    left: list[Region] = []
    for r in regions:
        m = re.match(spec.controls, r.body) if r.kind == "output" else None
        at = forms.field_at(typed[m.group("form")], tuple(m.group("path")[1:].split("."))) if m and m.group("form") in typed else None
        stand_in = _stand_in(m, at) if m is not None and at is not None and forms.fields[at].renders else ""
        if not stand_in or len(stand_in) > r.end - r.start:
            left.append(r)
            continue
        edits.append((r.start, r.end, stand_in + blank(original[r.start + len(stand_in) : r.end])))
    return rewritten(neutral, edits), left


def _stand_in(m: re.Match[str], at: int) -> str:
    """The stand-in of field ``at`` for the template's tag ``m``, after the label the tag gives, if any (Symfony shows
    it instead of the type's: ``form_row(form.antecedent, {'label': "Antécédent"})``); it is shorter than the tag."""
    if not m.group("label"):
        return f"<{SHORT} {SHORT_FIELD}={at}>"
    return f"<label>{html.escape(label_text(m.group('label')), quote=False)}</label><{SHORT} {SHORT_FIELD}={at} {LABELLED}>"
