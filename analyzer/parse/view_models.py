"""ASP.NET view models' display names: the label a Razor view prints for a property it binds.

A view declares its model (``@model Code.Models.PersonInformation``) and binds its controls to the model's
properties: ``@Html.LabelFor(model => model.PPostalCode)`` and the label tag helper ``<label
asp-for="Input.PhoneNumber"></label>`` print the property's display name, which the model class gives it with a data
annotation, ``[Display(Name = "Postnummer")]`` or ``[DisplayName("Postnummer")]`` (``Name`` is a resource key when the
attribute names a ``ResourceType``), else the property's name (learn.microsoft.com/aspnet/core/mvc/views/working-with-forms,
"The Label Tag Helper"; System.ComponentModel.DataAnnotations.DisplayAttribute). So the project's C# classes are where
those labels are written.

Here a project's ``.cs`` files are read before the pages (``analyzer.scan``, as the other site-wide readings are), each
within a byte budget, never compiled or run: each class's properties, by name, with the type each holds and its
display name. A view's bound name is looked up from its model's class, property by property (``Input.PhoneNumber``:
the page model's ``Input`` is a ``WaitlistPatientInput``, whose ``PhoneNumber`` says "Telefonnummer"), through the
classes a class derives from; where the view names no model or the walk finds no class the project defines, by the
last property's name alone, when every class of the project that has a property of that name gives it the same
display name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from analyzer.parse import scanwide, template_lexer
from analyzer.parse.positions import blank

SUFFIXES = (".cs",)
MAX_FILES = 3000  # C# files read per scan
MAX_FILE_BYTES = 200_000  # a larger file is generated (a migration's snapshot), not where a view model is written
MAX_CLASSES = 20_000  # classes kept per scan
_MAX_BASES = 8  # classes a property is sought through (a class, its base, that one's base…)
_MAX_ARGS = 2_000  # characters of an attribute's arguments read


@dataclass(frozen=True)
class Annotations:
    """form_helpers.toml ``[view_models]``: the view's model directive (a pattern with the group ``type``), the
    attributes whose ``Name = "…"`` is a property's display name (``Display``), those whose first string is
    (``DisplayName``), and the argument that makes ``Name`` a resource key (``ResourceType``)."""

    directive: str = ""
    named: tuple[str, ...] = ()
    first_string: tuple[str, ...] = ()
    resource: str = ""
    build_dirs: tuple[str, ...] = ()  # folders a build writes its output to (bin/, obj/): no source of the project's


@dataclass(frozen=True)
class Display:
    """A property's display name as written: a text, or a resource's key (``keyed``) whose text a catalogue holds."""

    text: str
    keyed: bool = False


Shown = Callable[[str], "Display | None"]  # a view's bound name -> the display name its model gives it


@dataclass(frozen=True)
class Property:
    """A property of a class: the simple name of the type it holds, and its display name (None: none given)."""

    type: str
    display: Display | None = None


@dataclass(frozen=True)
class ViewModels:
    """Each class of the project (by its simple name) with its properties and the class it derives from."""

    classes: dict[str, dict[str, Property]] = field(default_factory=dict)
    bases: dict[str, str] = field(default_factory=dict)
    directive: str = ""

    def for_view(self, text: str) -> Shown:
        """What the bound names of a Razor view (its ``text``) show: none for a text that declares no model (not a
        view)."""
        if not self.classes or not self.directive:
            return NO_VIEW
        m = _compiled(self.directive).search(text)
        if m is None:
            return NO_VIEW
        model = _simple_type(m.group("type"))
        return lambda bound: self.display(model, bound)

    def display(self, model: str, bound: str) -> Display | None:
        """The display name of the property a view of ``model`` binds as ``bound`` (``Input.PhoneNumber``,
        ``Items[0].Name``); None when the project gives it none."""
        names = [n for n in _INDEXER.sub("", bound.strip()).split(".") if n]
        if not names:
            return None
        cls: str | None = model
        prop: Property | None = None
        for name in names:
            prop = self._member(cls, name) if cls else None
            if prop is None:
                return self._only(names[-1])
            cls = prop.type
        return prop.display if prop is not None else None

    def _member(self, cls: str, name: str) -> Property | None:
        """The property ``name`` of the class ``cls`` or of a class it derives from."""
        for _ in range(_MAX_BASES):
            found = self.classes.get(cls, {}).get(name)
            if found is not None or cls not in self.bases:
                return found
            cls = self.bases[cls]
        return None

    def _only(self, name: str) -> Display | None:
        """The display name every class of the project with a property ``name`` gives it, if they agree."""
        return _agreed(self.classes, name)


def NO_VIEW(bound: str) -> Display | None:  # noqa: N802 - a constant, called
    """A file that is no view, or a scan with no view models: no bound name has a display name."""
    return None


def _agreed(classes: dict[str, dict[str, Property]], name: str) -> Display | None:
    said = {props[name].display for props in classes.values() if name in props}
    return said.pop() if len(said) == 1 else None


EMPTY = ViewModels()
_SLOT = scanwide.Installed(EMPTY)
install = _SLOT.install  # this scan's, for every file it reads (analyzer.scan)
installed = _SLOT.get


def is_source(path: str, annotations: Annotations) -> bool:
    """Whether the file at ``path`` is C# source, outside a build's output (``annotations.build_dirs``: bin/, obj/)."""
    low = path.lower()
    return low.endswith(SUFFIXES) and not any(f"/{d}/" in f"/{low}" for d in annotations.build_dirs)


def worth_reading(data: bytes) -> bool:
    """Whether a C# file's bytes may declare a class with properties (two searches, no parse), within the budget."""
    return len(data) <= MAX_FILE_BYTES and b"class " in data and b"get" in data


def collect(sources: Iterable[tuple[str, str]], annotations: Annotations, failed: list[tuple[str, Exception]] | None = None) -> ViewModels:
    """The classes a project's C# files (``(path, text)``, in path order) declare, with their properties' display
    names; a file whose reading fails is left out and named in ``failed`` with why (the scan goes on)."""
    if not annotations.directive:
        return EMPTY
    classes: dict[str, dict[str, Property]] = {}
    bases: dict[str, str] = {}
    for path, text in sources:
        if len(classes) >= MAX_CLASSES:
            break
        try:
            for name, base, props in _classes(text, annotations):
                if name not in classes:
                    classes[name] = props
                    if base:
                        bases[name] = base
        except (ValueError, RecursionError) as exc:
            if failed is not None:
                failed.append((path, exc))
    return ViewModels(classes, bases, annotations.directive) if classes else EMPTY


# Comments and string literals (regular, verbatim @"…" with "" inside, interpolated $"…"; a character literal): an
# unclosed one runs to the end of the text, so each is matched once.
_LITERAL = re.compile(r"""//[^\n]*|/\*.*?(?:\*/|\Z)|[$@]{1,2}"(?:[^"]|"")*(?:"|\Z)|\$?"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.){1,6}'""", re.S)
_CLASS = re.compile(r"\b(?:class|record|struct)\s+(?P<name>[A-Za-z_]\w*)(?P<head>[^{;()]{0,400})\{")
_BASE = re.compile(r"^\s*(?:<[^>]*>\s*)?:\s*(?:[\w.]+\.)?(?P<base>[A-Za-z_]\w*)")
_MODIFIERS = r"(?:(?:virtual|override|required|new|sealed|abstract|static|partial)\s+)*"
_PROPERTY = re.compile(
    rf"\b(?:public|internal|protected)\s+{_MODIFIERS}(?!(?:class|record|struct|interface|enum)\b)(?P<type>[\w.]+(?:\s*<[\w.,\s?\[\]<>]{{0,200}}>)?\??(?:\[\])?\??)\s+"
    r"(?P<name>[A-Za-z_]\w*)\s*(?:\{|=>)"
)
_ATTRIBUTE = re.compile(r"[\[,]\s*(?:[\w]+\.)*(?P<name>[A-Za-z_]\w*?)(?:Attribute)?\b\s*(?P<open>\()?")
_STRING = re.compile(r'@?"((?:[^"\\\n]|\\.|""){1,200})"')
_NAME = re.compile(r"\bName\s*=\s*" + _STRING.pattern)  # Display(Name = "…"), not ShortName or GroupName
_INDEXER = re.compile(r"\[[^\]]*\]")


def _classes(text: str, annotations: Annotations) -> Iterator[tuple[str, str, dict[str, Property]]]:
    """Each class of a file: its name, the class it derives from ("" when none), and its own properties (those of a
    class nested in it are the nested class's)."""
    code = _masked(text)
    closes = template_lexer.paren_pairs(code, "{}")  # every brace's match, in one pass (a class left open: to the end)
    spans: list[tuple[int, int, str, str]] = []
    for m in _CLASS.finditer(code):
        derives = _BASE.match(m.group("head"))
        spans.append((m.end(), closes.get(m.end() - 1, len(code)), m.group("name"), derives.group("base") if derives else ""))
    props: dict[int, dict[str, Property]] = {k: {} for k in range(len(spans))}
    # The innermost class around each property: the classes that opened before it and have not closed, the last on top.
    open_: list[int] = []
    k = 0
    for m in _PROPERTY.finditer(code):
        while k < len(spans) and spans[k][0] <= m.start():
            while open_ and spans[open_[-1]][1] <= spans[k][0]:
                open_.pop()
            open_.append(k)
            k += 1
        while open_ and spans[open_[-1]][1] <= m.start():
            open_.pop()
        if open_:
            found = Property(_simple_type(m.group("type")), _display(text, code, m.start(), annotations))
            props[open_[-1]].setdefault(m.group("name"), found)
    for k, (_, _, name, base) in enumerate(spans):
        yield name, base, props[k]


def _masked(text: str) -> str:
    """The text with its comments and string literals blank (same length): a brace or bracket in a string is no
    structure, and a commented-out attribute is none."""
    return _LITERAL.sub(lambda m: blank(m.group()), text)


def _display(text: str, code: str, at: int, annotations: Annotations) -> Display | None:
    """The display name the attributes before the property at ``at`` give it: those written since the statement or
    block before it ended (read in ``code``, the masked text; their strings in ``text``)."""
    start = max(code.rfind(";", 0, at), code.rfind("{", 0, at), code.rfind("}", 0, at)) + 1
    for m in _ATTRIBUTE.finditer(code, start, at):
        name = m.group("name")
        if not m.group("open") or (name not in annotations.named and name not in annotations.first_string):
            continue
        args = text[m.end() : _closing(code, m.end())]
        if name in annotations.first_string:
            said = _STRING.match(args.lstrip())
        else:
            said = _NAME.search(args)
        if said is not None:
            keyed = bool(annotations.resource) and re.search(rf"\b{annotations.resource}\s*=", args) is not None
            return Display(" ".join(said.group(1).replace('""', '"').split()), keyed)
    return None


def _closing(code: str, start: int) -> int:
    """Where the parenthesis opened right before ``start`` closes (strings are blank in ``code``), within the budget."""
    end = template_lexer.closing_brace(code, start, _MAX_ARGS, "()")
    return end if end is not None else min(len(code), start + _MAX_ARGS)


def _simple_type(written: str) -> str:
    """A type's simple name: the innermost type argument's (``IEnumerable<Code.Models.Patient>``, ``List<X>?``), else
    the type's own, without its namespace, ``?`` or ``[]``."""
    inner = written.rsplit("<", 1)[-1]
    return inner.strip(" >?[]").rsplit(".", 1)[-1].split(",", 1)[0].strip(" >?[]")


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.M)
