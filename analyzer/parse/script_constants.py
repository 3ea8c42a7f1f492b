"""A project's exported choice lists: the arrays its scripts export for other files to show as a form's choices.

A form component often takes its choices from another module: ``import { genderOptions } from "../config.js"`` then
``<CheckboxInput name="genders" options={genderOptions} />``, or ``import * as Attributes from "../attributes"`` then
``{Attributes.ethnicityOptions.map((o) => <option>{o}</option>)}``. The form's file holds only the name; what the
visitor is asked to choose between ("Woman / Man / Non-binary / Transgender") is in the other file. Here the exported
array literals of a project's scripts (``export const genderOptions = ["Woman", …]``, of strings or of objects whose
text is under a choice key: ``[jsx_bindings] choice_keys``) are read before the pages (``analyzer.scan``, like the
message catalogues and the PHP form builders), each file within a byte budget, never run, and installed for the scan.
A file's import then names the module and the export, and :meth:`Constants.choices` answers with the texts.

Only relative imports (``./``, ``../``) and the aliases of a ``src/`` folder (``@/``, ``~/``: ``module_aliases`` in
signatures/template_conventions.toml) are followed; a package's exports are no project's choices.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tree_sitter import Node

from analyzer.parse import jsparse, scanwide
from analyzer.parse.jsfacts import Program, bare

MAX_FILES = 3000  # scripts searched per scan
MAX_FILE_BYTES = 300_000  # a larger script is generated or vendored, not where a project keeps its lists
MAX_LISTS = 5000  # lists kept per scan
MAX_ITEMS = 60  # choices kept per list
_MAX_ARRAY = 20_000  # bytes of one array literal read
_SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx")
# An exported const holding an array literal, a TypeScript annotation allowed: export const raceOptions: Option[] = [
_EXPORT = re.compile(rb"\bexport\s+const\s+([A-Za-z_$][\w$]{0,80})\s*(?::[^=;\n]{1,80})?=\s*\[")
_LOCALE_KEY = re.compile(r"default|[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")  # a text given per locale is keyed so


@dataclass(frozen=True)
class Constants:
    """Each exported list's choice texts, by (module, export name); the module is the file's path without its
    suffix (``src/config``), a folder's ``index`` also by the folder."""

    texts: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()  # import aliases of the importing file's src/ folder ("@/": template_conventions.toml)

    def choices(self, importer: str, spec: str, name: str) -> tuple[str, ...]:
        """The texts of ``name`` as exported by the module ``spec`` imported from the file ``importer`` (paths with
        forward slashes, relative to the scan); () when no list of the project answers."""
        if not self.texts:
            return ()
        module = module_of(importer, spec, self.aliases)
        return self.texts.get((module, name), ()) if module is not None else ()


EMPTY = Constants()
_SLOT = scanwide.Installed(EMPTY)
install = _SLOT.install  # this scan's, for every file it reads (analyzer.scan)
installed = _SLOT.get


def is_script(path: str) -> bool:
    """Whether the file at ``path`` is a script a project may export a list from (JavaScript or TypeScript source)."""
    return path.lower().endswith(_SUFFIXES) and not path.lower().endswith(".d.ts")


def worth_reading(data: bytes) -> bool:
    """Whether a script's bytes may export an array literal (one search, no parse), within the size budget."""
    return len(data) <= MAX_FILE_BYTES and b"export" in data and _EXPORT.search(data) is not None


def collect(
    sources: Iterable[tuple[str, bytes]],
    choice_keys: tuple[str, ...],
    prefixes: tuple[str, ...],
    failed: list[tuple[str, Exception]] | None = None,
    aliases: tuple[str, ...] = (),
) -> Constants:
    """The exported lists of the scripts (``(path, bytes)``); a file whose reading fails is left out and named in
    ``failed`` with why (the scan goes on)."""
    texts: dict[tuple[str, str], tuple[str, ...]] = {}
    for path, data in sources:
        if len(texts) >= MAX_LISTS:
            break
        try:
            for name, found in _lists(data, choice_keys, prefixes):
                for module in modules_of(path):
                    texts.setdefault((module, name), found)
        except (ValueError, RecursionError) as exc:
            if failed is not None:
                failed.append((path, exc))
    return Constants(texts, aliases)


def _lists(data: bytes, choice_keys: tuple[str, ...], prefixes: tuple[str, ...]) -> Iterable[tuple[str, tuple[str, ...]]]:
    for m in _EXPORT.finditer(data):
        end = _closing(data, m.end() - 1)
        if end is None:
            continue
        literal = data[m.end() - 1 : end + 1].decode("utf-8", "replace")
        parsed = jsparse.parse(jsparse.JsSource(f"({literal})"))
        array = _array(parsed)
        if array is None:
            continue
        found = tuple(choice_texts(parsed, array, choice_keys, prefixes)[:MAX_ITEMS])
        if found:
            yield m.group(1).decode(), found


def _array(parsed: jsparse.Parsed) -> Node | None:
    node = parsed.root.named_children[0] if parsed.root.named_child_count else None
    while node is not None and node.type in ("expression_statement", "parenthesized_expression") and node.named_child_count:
        node = node.named_children[0]
    return node if node is not None and node.type == "array" else None


def choice_texts(parsed: jsparse.Parsed, array: Node, choice_keys: tuple[str, ...], prefixes: tuple[str, ...]) -> list[str]:
    """The texts of an array literal's choices: its strings, or of its objects the first text under a choice key
    (``label``, ``title``, ``name``, ``text``, ``value``…; a text given per locale too, :func:`text_of`), else every
    string under a key starting with a prefix (``labelDe``, ``labelEn``), joined; each folded and clipped to 80
    characters. A key every object of two or more holds the same text under names none of them (``{ type: "radio",
    name: "gender", value: "Женщина" }``: the radios' shared field name, not a choice's text)."""
    out: list[str | dict[str, str]] = []
    for item in array.named_children[:MAX_ITEMS]:
        if item.type in ("string", "template_string"):
            out.append(parsed.string_value(item) or "")
        elif item.type == "array":  # a pair ([value, label] or [label, value]): its text (_pair_text)
            out.append(_pair_text(parsed, item))
        elif item.type == "object":
            props: dict[str, str] = {}
            for pair in item.named_children:
                value = pair.child_by_field_name("value") if pair.type == "pair" else None
                if value is not None and (said := text_of(parsed, value)):
                    props.setdefault(parsed.key_of(pair), said)
            out.append(props)
    objects = [o for o in out if isinstance(o, dict)]
    shared = {k for k in objects[0] if all(o.get(k) == objects[0][k] for o in objects[1:])} if len(objects) > 1 else set()
    texts: list[str] = []
    for o in out:
        if isinstance(o, str):
            texts.append(o)
            continue
        said = next((o[k] for k in choice_keys if o.get(k) and k not in shared), "")
        texts.append(said or " / ".join(v for k, v in o.items() if v and k.lower().startswith(prefixes)))
    return [" ".join(c.split())[:80] for c in texts if c.strip()]


_CODE_VALUE = re.compile(r"[a-z0-9_.-]*")  # a value a program keeps ("serious", "non_smoker"), not a text one reads


def _pair_text(parsed: jsparse.Parsed, pair: Node) -> str:
    """The text of a choice written as a pair of strings (``['serious', 'Relation sérieuse']``, ``["Catholic", "c"]``):
    the first that is not written as a program's value (a lower-case word, digits, ``_``, ``-``), else the last."""
    texts = [parsed.string_value(c) or "" for c in pair.named_children[:4] if c.type in ("string", "template_string")]
    return next((t for t in texts if t.strip() and not _CODE_VALUE.fullmatch(t)), texts[-1] if texts else "")


def text_of(parsed: jsparse.Parsed, node: Node | None) -> str:
    """What a visitor reads of a label or a choice: a string's text (its static parts), or a text given per locale,
    as SurveyJS and other form builders write one (``{ "default": "Allergies", "de": "Allergien" }``): its
    ``default``, else its first locale's text; blanks folded."""
    if node is None:
        return ""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[-1]
    if node.type in ("string", "template_string"):
        return " ".join((parsed.string_value(node) or "").split())
    if node.type in _JSX_TEXTS:  # pregunta: (<>Cuestionario … <br /> 1. ¿Alguno de sus hermanos padece…?</>)
        return _jsx_text(parsed, node)
    if node.type != "object":
        return ""
    pairs = {parsed.key_of(p): v for p in node.named_children if p.type == "pair" and (v := p.child_by_field_name("value")) is not None}
    if not pairs or not all(_LOCALE_KEY.fullmatch(k) for k in pairs):
        return ""
    texts = {k: " ".join((parsed.string_value(v) or "").split()) for k, v in pairs.items() if v.type in ("string", "template_string")}
    return texts.get("default") or next((t for t in texts.values() if t), "")


_JSX_TEXTS = ("jsx_element", "jsx_fragment")
_MAX_JSX_TEXT_NODES = 400


def _jsx_text(parsed: jsparse.Parsed, node: Node) -> str:
    """The text a label written as JSX shows: its text children and the strings its ``{…}`` print, in order, blanks
    folded (at most ``_MAX_JSX_TEXT_NODES`` nodes looked at)."""
    parts: list[str] = []
    stack = [node]
    for _ in range(_MAX_JSX_TEXT_NODES):
        if not stack:
            break
        n = stack.pop()
        if n.type == "jsx_text":
            parts.append(parsed.text(n))
        elif n.type == "string" and n.parent is not None and n.parent.type == "jsx_expression":
            parts.append(parsed.string_value(n) or "")
        elif n.type not in ("jsx_opening_element", "jsx_closing_element", "jsx_self_closing_element"):
            stack.extend(reversed(n.named_children))
    return " ".join(" ".join(parts).split())


# A list another module of the project exports: (the import's source, the exported name) -> its choices' texts.
Imported = Callable[[str, str], tuple[str, ...]]


def NO_IMPORTS(spec: str, name: str) -> tuple[str, ...]:  # noqa: N802 - a constant, called
    """Outside a scan, or for a file read alone: no module's lists are known."""
    return ()


def listed_choices(
    prog: Program,
    node: Node,
    keys: tuple[str, ...],
    prefixes: tuple[str, ...],
    imported: Imported,
    depth: int = 0,
    seen: set[int] | None = None,
) -> list[str]:
    """The texts of the choices an expression names: an array literal's (:func:`choice_texts`), a ``const`` of this
    file holding one (``as const`` too), or a list the project exports that this file imports by name (``import {
    raceOptions } from "./config"``) or through a namespace (``Attributes.ethnicityOptions``). A list with a fallback
    (``fetched ?? DEFAULT_DRESS_CODES``, ``props.options || GENDERS``), either list of a conditional, and a list copied
    item by item (``RACES.map((r) => ({ label: r, value: r }))``, ``.filter(…)``, ``.slice()``) name the choices of the
    lists they are written from: what a recording shows when the fetched list has not come, or whichever the visitor is
    given. Followed through at most ``_MAX_HOPS`` such steps (a const of a const of a fallback), each expression once
    and ``_MAX_VISITS`` of them in all (``seen``: those visited by this reading)."""
    node = bare(node)
    seen = set() if seen is None else seen
    if depth > _MAX_HOPS or node.id in seen or len(seen) >= _MAX_VISITS:
        return []
    seen.add(node.id)
    sources = _written_from(node)
    if sources:
        found = [t for source in sources for t in listed_choices(prog, source, keys, prefixes, imported, depth + 1, seen)]
        return list(dict.fromkeys(found))
    if node.type == "array":
        return choice_texts(prog.parsed, node, keys, prefixes)
    if node.type == "member_expression":  # a namespace import's member
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        if obj is None or prop is None or obj.type != "identifier":
            return []
        binding = prog.lookup(obj)
        if binding is None or binding.kind != "import" or binding.node.parent is None or binding.node.parent.type != "namespace_import":
            return []
        return list(imported(_import_source(prog, binding.value), prog.text(prop)))
    binding = prog.lookup(node) if node.type == "identifier" else None
    if binding is None:
        return []
    if binding.kind == "const" and binding.value is not None:
        value = bare(binding.value)
        if value.type == "array":
            return choice_texts(prog.parsed, value, keys, prefixes)
        return listed_choices(prog, value, keys, prefixes, imported, depth + 1, seen) if _written_from(value) else []
    spec = binding.node.parent
    if binding.kind == "import" and spec is not None and spec.type == "import_specifier":
        original = spec.child_by_field_name("name")
        return list(imported(_import_source(prog, binding.value), prog.text(original) if original is not None else binding.name))
    return []


_MAX_HOPS = 4
_MAX_VISITS = 64  # expressions one reading of a list visits: a "B.concat(B, B, …)" of hundreds is read no further
_FALLBACKS = ("??", "||")
# The array methods whose result is the list's own items (or some of them, or more: concat): a list passed on by them is
# the same list (here, its choices; in analyzer/facts/fieldlists.py, the names that call it questions).
COPIES = frozenset({"map", "filter", "concat", "slice", "flatMap", "sort", "toSorted", "reverse"})


def _written_from(node: Node) -> list[Node]:
    """The lists an expression is written from, when it is a fallback (``a ?? b``, ``a || b``: both), a conditional
    (``c ? a : b``: both) or a copy made item by item (``a.map(…)``, ``a.filter(…)``, ``a.slice()``: ``a``); else []."""
    if node.type == "binary_expression":
        op = node.child_by_field_name("operator")
        if op is None or op.type not in _FALLBACKS:
            return []
        return [n for n in (node.child_by_field_name("left"), node.child_by_field_name("right")) if n is not None]
    if node.type == "ternary_expression":
        return [n for n in (node.child_by_field_name("consequence"), node.child_by_field_name("alternative")) if n is not None]
    if node.type == "call_expression":
        callee = node.child_by_field_name("function")
        if callee is None or callee.type != "member_expression":
            return []
        prop, obj = callee.child_by_field_name("property"), callee.child_by_field_name("object")
        if prop is None or obj is None or prop.text is None or prop.text.decode() not in COPIES:
            return []
        args = node.child_by_field_name("arguments")
        joined = [a for a in args.named_children if a.type != "comment"] if args is not None and prop.text == b"concat" else []
        return [obj, *joined]
    return []


def _import_source(prog: Program, statement: Node | None) -> str:
    source = statement.child_by_field_name("source") if statement is not None else None
    return prog.literal(source) or "" if source is not None else ""


def _closing(data: bytes, start: int) -> int | None:
    """The index of the ``]`` closing the ``[`` at ``start``, strings and comments skipped; None past the budget."""
    depth = 0
    i = start
    end = min(len(data), start + _MAX_ARRAY)
    while i < end:
        c = data[i]
        if c in b"[{(":
            depth += 1
        elif c in b"]})":
            depth -= 1
            if depth == 0:
                return i if c == ord("]") else None
        elif c in b"\"'`":
            i = _string_end(data, i, end)
        elif c == ord("/") and i + 1 < end and data[i + 1] in b"/*":
            close = b"\n" if data[i + 1] == ord("/") else b"*/"
            at = data.find(close, i + 2, end)
            if at < 0:
                return None
            i = at + len(close) - 1
        i += 1
    return None


def _string_end(data: bytes, i: int, end: int) -> int:
    quote = data[i]
    i += 1
    while i < end and data[i] != quote:
        i += 2 if data[i] == ord("\\") else 1
    return i


def modules_of(path: str) -> list[str]:
    """The modules a script at ``path`` is imported as: its path without the suffix, and its folder for an ``index``."""
    stem = posixpath.splitext(path.removeprefix("./"))[0]
    return [stem, posixpath.dirname(stem)] if posixpath.basename(stem) == "index" else [stem]


def module_of(importer: str, spec: str, aliases: tuple[str, ...]) -> str | None:
    """The module an import names, as :func:`modules_of` keys it; None for a package."""
    spec, importer = spec.strip(), importer.removeprefix("./")
    alias = next((a for a in aliases if spec.startswith(a)), None)
    if alias is not None:  # the src/ folder the importing file is in (an app of a monorepo has its own)
        at = ("/" + importer).rfind("/src/")
        spec = (importer[:at] + "/" if at > 0 else "") + "src/" + spec[len(alias) :]
    elif spec.startswith(("./", "../")):
        spec = posixpath.join(posixpath.dirname(importer), spec)
    else:
        return None
    spec = posixpath.normpath(spec)
    stem, suffix = posixpath.splitext(spec)
    return stem if suffix.lower() in _SUFFIXES else spec
