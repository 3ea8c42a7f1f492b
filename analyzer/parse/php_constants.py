"""A PHP project's class constants and enums: the lists its templates loop over to print a form's choices.

A Laravel or plain-PHP form often takes its choices from a class: ``@foreach (App\\Enums\\Searching::getValues() as
$item) <option>{{ $item }}</option> @endforeach`` over a laravel-enum class (``const Kaereste = 'Kæreste';``),
``foreach (PersonaModel::TIPOS as $valor => $etiqueta)`` over ``public const TIPOS = ['parroco' => 'Párroco', …]``, or
``@foreach (Faith::cases() as $f) <option>{{ $f->value }}</option>`` over a PHP 8.1 backed enum (``case Catholic =
'Catholic';``). The template holds only the class's name; what the visitor is asked to choose between is in the class's
file. Here each class, interface and enum of a project's PHP files is read (never run) for its constants: array
constants of strings and numbers, scalar constants in the order written, and an enum's cases. They are collected before
the pages (``analyzer.scan``, like the PHP form builders), each file within a byte budget, and installed for the scan;
:mod:`analyzer.parse.php_loops` then writes such a loop's body once per item, as it does for a list the page writes.

A class is known by its short name (``Searching`` of ``App\\Enums\\Searching``); when two files define the same short
name, the first in path order counts. What a static call returns is known for the calls that list a class's
constants as written (``class_list_calls`` in signatures/template_conventions.toml); any other call (a query, a translation) is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from analyzer.parse import php_loops, scanwide, template_lexer
from analyzer.parse.positions import blank

SUFFIXES = (".php", ".inc", ".module")
MAX_FILES = 3000  # PHP files searched per scan
MAX_FILE_BYTES = 300_000  # a larger file is generated or vendored, not where a project keeps its choices
MAX_CLASSES = 5000  # classes kept per scan
_MAX_BODY = 60_000  # characters of one class body read

_CLASS = re.compile(r"\b(?:class|enum|interface)\s+([A-Za-z_]\w{0,80})\b[^{;()]{0,300}\{")
_ARRAY_CONST = re.compile(r"\bconst\s+([A-Za-z_]\w{0,80})\s*=\s*(\[|array\s*\()")
_SCALAR_CONST = re.compile(rf"\bconst\s+([A-Za-z_]\w{{0,80}})\s*=\s*({php_loops.LITERAL})\s*;")
_CASE = re.compile(rf"\bcase\s+([A-Za-z_]\w{{0,80}})\s*(?:=\s*({php_loops.LITERAL})\s*)?;")


@dataclass(frozen=True)
class ClassLists:
    """One class's lists: its array constants by name, its scalar constants and its enum cases as (name, value), in
    the order written (a pure enum's case has its name for value)."""

    arrays: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    scalars: tuple[tuple[str, str], ...] = ()
    cases: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Constants:
    """The project's classes' lists, by short class name, and the static calls that list them (``class_list_calls`` of
    template_conventions.toml, lower case: what each gives, "values", "keys" or "cases")."""

    classes: dict[str, ClassLists] = field(default_factory=dict)
    calls: dict[str, str] = field(default_factory=dict)

    def items(self, cls: str, member: str, called: bool) -> list[tuple[str, str]]:
        """The (key, value) items a template's loop over ``cls::member`` (``called``: ``cls::member()``) goes through;
        [] when the project defines no such list. An array constant's items are its keys and values; a call listing
        constants gives each constant's name as key (``getKeys`` gives the names as values too)."""
        lists = self.classes.get(cls.rsplit("\\", 1)[-1])
        if lists is None:
            return []
        if not called:
            return list(lists.arrays.get(member, ()))
        listed = self.calls.get(member.lower())
        if listed == "cases":
            return list(lists.cases)
        if listed == "keys":
            return [(name, name) for name, _ in lists.scalars]
        return list(lists.scalars) if listed == "values" else []


EMPTY = Constants()
_SLOT = scanwide.Installed(EMPTY)
install = _SLOT.install  # this scan's, for every file it reads (analyzer.scan)
installed = _SLOT.get


def is_source(path: str) -> bool:
    """Whether the file at ``path`` (forward slashes) is one of the project's PHP files: not a Composer package's, under
    a ``vendor/`` folder (a Laravel app's 6,000 vendored files hold its packages' constants, not its forms' choices)."""
    low = path.lower()
    return low.endswith(SUFFIXES) and not low.startswith("vendor/") and "/vendor/" not in low


def worth_reading(data: bytes) -> bool:
    """Whether a PHP file's bytes may define a class constant or an enum case (four searches, no parse), within the
    size budget."""
    return len(data) <= MAX_FILE_BYTES and (b"const " in data or b"case " in data) and (b"class " in data or b"enum " in data)


def collect(sources: Iterable[tuple[str, str]], calls: dict[str, str], failed: list[tuple[str, Exception]] | None = None) -> Constants:
    """The lists the classes of a site's PHP files (``(path, text)``, in path order) define, listed by ``calls``
    (:class:`Constants`); a file whose reading fails is left out and named in ``failed`` with why (the scan goes on)."""
    classes: dict[str, ClassLists] = {}
    for path, text in sources:
        if len(classes) >= MAX_CLASSES:
            break
        try:
            for name, lists in _classes(text):
                classes.setdefault(name, lists)
        except (ValueError, RecursionError) as exc:
            if failed is not None:
                failed.append((path, exc))
    return Constants(classes, calls)


def _classes(text: str) -> Iterable[tuple[str, ClassLists]]:
    clean, masked = _unlettered(text)
    at = 0
    while True:
        m = _CLASS.search(masked, at)
        if m is None:
            return
        end = _closing_brace(masked, m.end())
        at = end
        lists = _lists(_top_level(clean[m.end() : end], masked[m.end() : end]))
        if lists.arrays or lists.scalars or lists.cases:
            yield m.group(1), lists


def _unlettered(text: str) -> tuple[str, str]:
    """The text with its comments blank (``clean``: a constant commented out is none), and that again with its string
    literals' contents blank (``masked``: a brace in ``const OPEN = '{'`` or an apostrophe in ``// Don't`` is no
    structure), both of the text's length: classes and their bodies are found in the one, read in the other."""
    clean, masked = list(text), list(text)
    for start, end, kind in template_lexer.php_literals(text):
        if kind == "comment":
            clean[start:end] = masked[start:end] = blank(text[start:end])
        elif end - start > 2:
            masked[start + 1 : end - 1] = blank(text[start + 1 : end - 1])
    return "".join(clean), "".join(masked)


def _lists(body: str) -> ClassLists:
    arrays: dict[str, tuple[tuple[str, str], ...]] = {}
    for m in _ARRAY_CONST.finditer(body):
        items = php_loops.literal_items(body, m)
        if items and m.group(1) not in arrays:
            arrays[m.group(1)] = tuple(items)
    scalars = tuple((m.group(1), php_loops.literal(m.group(2))) for m in _SCALAR_CONST.finditer(body))[: php_loops.MAX_ITEMS]
    cases = tuple((m.group(1), php_loops.literal(m.group(2)) if m.group(2) else m.group(1)) for m in _CASE.finditer(body))
    return ClassLists(arrays, scalars, cases[: php_loops.MAX_ITEMS])


def _closing_brace(masked: str, start: int) -> int:
    """Where the block opened right before ``start`` closes in the masked text (no literal holds a brace there), or
    ``start + _MAX_BODY`` (or the text's end) when it does not within the budget."""
    end = template_lexer.closing_brace(masked, start, _MAX_BODY)
    return end if end is not None else min(len(masked), start + _MAX_BODY)


def _top_level(body: str, masked: str) -> str:
    """The class body with its methods' bodies blanked (their braces found in ``masked``): a ``case`` of a ``switch``
    or a local ``const`` inside a method is no constant of the class."""
    out, depth, i = [], 0, 0
    for j, c in enumerate(masked):
        if c == "{":
            if depth == 0:
                out.append(body[i : j + 1])
            depth += 1
        elif c == "}" and depth:
            depth -= 1
            if depth == 0:
                i = j
    if depth == 0:
        out.append(body[i:])
    return "".join(out)
