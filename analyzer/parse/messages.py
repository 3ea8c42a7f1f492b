"""A site's message catalogues: the texts its templates' message keys print.

A form written with message keys (``<spring:message code="patient.religion"/>``, ``__('form.diagnosis')``,
``t('anamnesis.epilepsyInFamily')``) shows the visitor the text its catalogue holds for the key, in the
visitor's language: "Náboženství", "Epilepsie v rodině". Without the catalogue only the key's words are
read ("patient religion"), and a key that names nothing ("label_17", "surveydate") hides what is asked.

The catalogues are the site's own files, found by convention (``message_folders`` in
signatures/template_conventions.toml): Java resource bundles (``*.properties``, Spring's MessageSource and
JSTL's fmt:message), ASP.NET's resource files (``*.resx``, ``Mensagem.pt-BR.resx``: XML whose ``<data name="tabaco">``
holds ``<value>Tabaco</value>``, keyed by the class the file generates, ``Mensagem.tabaco``), and JSON, YAML or PHP
files in a folder named for translations (i18next, vue-i18n,
next-intl and ngx-translate's ``locales/de.json``, ``i18n/cs/common.json``; Flutter's ``lib/l10n/app_cs.arb``;
Rails' ``config/locales/de.yml``;
Laravel's ``lang/nl/form.php`` and ``lang/nl.json``), and a hand-written PHP site's ``translation.php`` wherever it stands
(its messages held in variables or ``define()``d constants, printed bare). They are read before the pages
(``analyzer.scan``), each within a byte budget, and installed for the scan: :func:`text` answers a key with its texts,
one per locale. Nothing is executed: a PHP catalogue is read as the array literal or assignments it is.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from lxml import etree
from tree_sitter import Node

from analyzer.parse import jsparse, reading, scanwide
from analyzer.parse.clipping import clip

MAX_FILES = 400  # catalogue files read per scan
MAX_FILE_BYTES = 2_000_000
MAX_ENTRIES = 200_000  # keys kept per scan, over every catalogue
MAX_TEXT = 200  # characters of one message kept
MAX_SCRIPT_BYTES = 500_000  # a catalogue written as a script is parsed (tree-sitter) only up to this size
MAX_SCRIPT_TOTAL = 4_000_000  # bytes of script catalogues parsed per scan (1.5 MB of script costs ~1.5 s)
_TEXTS_PER_KEY = 3  # the same key in several locales: its first texts, distinct


@dataclass(frozen=True)
class Messages:
    """Every catalogue's texts by key (``form.religion``) and by the key's last part (``religion``, for a
    namespace the code names elsewhere: next-intl's ``useTranslations('member')`` then ``t('religion')``)."""

    texts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    by_last: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def text(self, key: str) -> str | None:
        """What the key prints, its locales' texts joined ("Náboženství / Religion"); None when no
        catalogue has it. A key with a namespace ("common:form.religion") is looked up without it too."""
        key = key.strip()
        if not key or len(key) > 200:
            return None
        found = self.texts.get(key)
        if found is None and ":" in key:
            found = self.texts.get(key.split(":", 1)[1])
        if found is None and " " not in key:
            found = self.by_last.get(key.rsplit(".", 1)[-1])
        return " / ".join(found) if found else None


EMPTY = Messages()
_SLOT = scanwide.Installed(EMPTY)
install = _SLOT.install  # this scan's, for every file it reads (analyzer.scan)
installed = _SLOT.get


def is_catalogue(path: str, folders: frozenset[str], php_names: frozenset[str] = frozenset()) -> bool:
    """Whether the file at ``path`` (forward slashes) is a message catalogue: a ``.properties`` bundle, a JSON,
    YAML or PHP file in (or below) a folder named as one of ``folders`` ("locales", "lang", "i18n"), or a PHP file
    whose name holds one of ``php_names`` as a word (a hand-written site's ``translation.php``,
    ``bengali_translation.php``, ``lang_en.php`` beside its pages)."""
    p = PurePosixPath(path.lower())
    if p.suffix in (".properties", ".resx"):
        return True
    if p.suffix == ".php" and php_names and any(w in php_names for w in _PATH_WORDS.findall(p.stem)):
        return True
    return p.suffix in (".json", ".arb", ".php", ".yml", ".yaml", *_SCRIPTS) and any(part in folders for part in p.parts[:-1])


def is_script(path: str) -> bool:
    """Whether a catalogue is written as a script (read after those written as data)."""
    return PurePosixPath(path.lower()).suffix in _SCRIPTS


# Catalogues written as scripts: vue-i18n's and i18next's locales/de.js or i18n/en.ts (export default { … }),
# angular-translate's $translateProvider.translations('it', { … }) or a var holding the table (js/i18n/strings_it.js).
_SCRIPTS = (".js", ".mjs", ".cjs", ".ts")


_PATH_WORDS = re.compile(r"[^/._-]+")


def known_language_first(path: str, languages: frozenset[str]) -> int:
    """0 for a catalogue whose path names one of ``languages`` (a folder or a part of its name: ``locales/de/``,
    ``messages_cs.properties``, ``pt-BR.json``), else 1: the order catalogues are read in."""
    return 0 if any(w.lower() in languages for w in _PATH_WORDS.findall(path)) else 1


def collect(
    sources: Iterable[tuple[str, bytes]],
    failed: list[tuple[str, Exception]] | None = None,
    writing: frozenset[str] = frozenset(),
) -> Messages:
    """The catalogue of a site from its catalogue files (``(path, content)``, in path order): each key's
    texts in the order the files come, at most three distinct; the last part of a key answers only when
    every key ending in it says the same. Where a key already has three texts, a text written in one of
    ``writing`` (the writing systems the lexicon reads: "LATIN", "CYRILLIC") takes the place of one that is
    not: a site's Bengali and Marathi files, read before its English one, must not leave the key with no text
    the classifier can read. A file whose reading fails (a JSON file nested deeper than the parser recurses)
    is left out and named in ``failed`` with why: the scan goes on."""
    texts: dict[str, list[str]] = {}
    scripts = 0
    for path, data in sources:
        if is_script(path):
            if len(data) > MAX_SCRIPT_BYTES or scripts + len(data) > MAX_SCRIPT_TOTAL:
                continue  # a library's bundle in a lang/ folder, or more script than the budget: its texts are left out
            scripts += len(data)  # only what is parsed counts against the budget
        try:
            entries = read(path, data)
        except Exception as exc:  # noqa: BLE001 - one catalogue's failure costs its texts, not the scan
            if failed is not None:
                failed.append((path, exc))
            continue
        for key, text in entries:
            if len(texts) >= MAX_ENTRIES and key not in texts:
                break
            said = texts.setdefault(key, [])
            if text in said:
                continue
            if len(said) < _TEXTS_PER_KEY:
                said.append(text)
            elif writing and written_in(text, writing):
                unread_at = next((i for i, t in enumerate(said) if not written_in(t, writing)), None)
                if unread_at is not None:
                    said[unread_at] = text
    by_last: dict[str, tuple[str, ...] | None] = {}
    for key, said in texts.items():
        last = key.rsplit(".", 1)[-1]
        if last != key:
            seen = by_last.get(last, ())
            by_last[last] = tuple(said) if seen in ((), tuple(said)) else None  # None: two keys disagree
    return Messages({k: tuple(v) for k, v in texts.items() if v}, {k: v for k, v in by_last.items() if v})


def written_in(text: str, scripts: frozenset[str]) -> bool:
    """Whether the text has a letter of one of ``scripts`` (the first word of a letter's Unicode name: "LATIN")."""
    return any(c.isalpha() and writing_system(c) in scripts for c in text)


@functools.lru_cache(maxsize=4096)
def writing_system(letter: str) -> str:
    """A letter's writing system: the first word of its Unicode name ("LATIN", "CYRILLIC", "BENGALI")."""
    return unicodedata.name(letter, "").split(" ", 1)[0]


def read(path: str, data: bytes) -> list[tuple[str, str]]:
    """A catalogue file's ``(key, text)`` pairs; nothing for a file that is not one or does not parse. A
    Laravel PHP file's keys start with the file's name (``__('form.religion')`` is ``religion`` in
    ``form.php``); a JSON file's nested objects are joined with dots."""
    if len(data) > MAX_FILE_BYTES:
        return []
    text = data.decode("utf-8", "replace")
    suffix = PurePosixPath(path.lower()).suffix
    if suffix == ".properties":
        pairs = _properties(text)
    elif suffix in (".json", ".arb"):  # Flutter's .arb is JSON: {"religion": "Náboženství", "@religion": {…}}
        pairs = _json(text)
    elif suffix in (".yml", ".yaml"):
        pairs = _yaml(text)
    elif suffix == ".php":
        found = _php_array(text) + (_php_messages(_PHP_ASSIGNED, text) if "$" in text else [])
        # Variables and constants are global: no file's name before them.
        named = (_php_messages(_PHP_VARIABLE, text) if "$" in text else []) + (_php_messages(_PHP_DEFINE, text) if "define" in text else [])
        pairs = [(f"{PurePosixPath(path).stem}.{k}", v) for k, v in found] + found + named
    elif suffix == ".resx":
        pairs = _resx(reading.decode(data).text, PurePosixPath(path).name.split(".", 1)[0])
    elif suffix in _SCRIPTS:
        pairs = _script(text, "ts" if suffix == ".ts" else "js")
    else:
        return []
    return [(k, clip(" ".join(v.split()), MAX_TEXT)) for k, v in pairs if k and v and v.strip()]


_PROPERTY = re.compile(r"^\s*([^#!\s=:][^=:]*?)\s*[=:]\s*(.*)$")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _properties(text: str) -> list[tuple[str, str]]:
    """``key = value`` lines of a Java resource bundle (``\\uXXXX`` escapes read, continued lines joined)."""
    out: list[tuple[str, str]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        while line.endswith("\\") and i + 1 < len(lines):  # a value continued on the next line
            i += 1
            line = line[:-1] + lines[i].lstrip()
        i += 1
        m = _PROPERTY.match(line)
        if m:
            value = _UNICODE_ESCAPE.sub(lambda u: chr(int(u.group(1), 16)), m.group(2))
            out.append((m.group(1).strip(), value.replace("\\", "")))
    return out


def _json(text: str) -> list[tuple[str, str]]:
    try:
        data = json.loads(text)
    except ValueError:
        return []
    out: list[tuple[str, str]] = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack and len(out) < MAX_ENTRIES:
        prefix, value = stack.pop()
        if isinstance(value, dict):
            stack.extend((f"{prefix}.{k}" if prefix else str(k), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, str) and prefix:
            out.append((prefix, value))
    return out


_MAX_DEPTH = 12  # nested objects read in a script's table


def _script(text: str, dialect: str) -> list[tuple[str, str]]:
    """The string entries of the outermost object literals of a script (read, never run), nested keys joined with
    dots; an object whose keys are all locales (``{ en: { form: … }, de: { form: … } }``: vue-i18n's messages) gives
    its entries without them, as a Rails locale file does."""
    parsed = jsparse.parse(jsparse.JsSource(text, 1, 1, dialect))
    out: list[tuple[str, str]] = []
    stack = [parsed.root]
    while stack and len(out) < MAX_ENTRIES:
        node = stack.pop()
        if node.type == "object":
            pairs = _pairs(parsed, node)
            locales = bool(pairs) and all(_LOCALE.fullmatch(k) and v.type == "object" for k, v in pairs)
            for key, value in pairs:
                _entries(parsed, value, "" if locales else key, out, 1)
            continue
        stack.extend(reversed(node.named_children))
    return out


def _pairs(parsed: jsparse.Parsed, obj: Node) -> list[tuple[str, Node]]:
    out = []
    for pair in obj.named_children:
        value = pair.child_by_field_name("value")
        if pair.type == "pair" and value is not None and (said := parsed.key_of(pair)):
            out.append((said, value))
    return out


def _entries(parsed: jsparse.Parsed, value: Node, prefix: str, out: list[tuple[str, str]], depth: int) -> None:
    kind = value.type
    if kind in ("string", "template_string"):
        said = parsed.literal(value)
        if said and prefix and len(out) < MAX_ENTRIES:
            out.append((prefix, said))
    elif kind == "object" and depth < _MAX_DEPTH:
        for key, inner in _pairs(parsed, value):
            _entries(parsed, inner, f"{prefix}.{key}" if prefix else key, out, depth + 1)


# No entity is expanded and nothing is fetched: a resource file is the repository's data, read as it is written.
_RESX_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True, huge_tree=False)


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")


def _resx(text: str, resource_class: str) -> list[tuple[str, str]]:
    """The strings of an ASP.NET resource file (``<data name="tabaco" xml:space="preserve"><value>Tabaco</value>``),
    each keyed as its generated class names it (``Mensagem.tabaco``, for ``Resources.Mensagem.tabaco`` and
    ``<%$ Resources:Mensagem, tabaco %>``); an entry with a ``type`` or ``mimetype`` (a file, an image) is no text.
    The file is decoded as every file the scan reads is (``reading.decode``: its BOM, its declared charset when its
    bytes bear it out, else detection), so a Latin-1 file or one declaring the wrong encoding keeps its texts."""
    try:
        root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1), _RESX_PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    out: list[tuple[str, str]] = []
    for entry in root.iterchildren("data"):
        name, value = entry.get("name"), entry.find("value")
        if name and value is not None and value.text and entry.get("type") is None and entry.get("mimetype") is None:
            out.append((f"{resource_class}.{name}", value.text))
            if len(out) >= MAX_ENTRIES:
                break
    return out


_YAML_PAIR = re.compile(r"""^(?P<indent> *)(?P<key>"[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(?:\s+(?P<value>.*?))?\s*$""")
_LOCALE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")


def _yaml(text: str) -> list[tuple[str, str]]:
    """The scalar entries of a Rails locale file (nested maps of ``key: text``, by indentation), keys joined
    with dots and without the locale that heads the file (``de: patients: form: diagnosis: Diagnose`` is
    ``patients.form.diagnosis``). Lists, anchors and block texts (``|``, ``>``) are left out."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[int, str]] = []  # (indent, key) of the maps open above the line
    block = -1  # the indent of a block text's key: its lines are text, not keys
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "-", "---")):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if 0 <= block < indent:
            continue
        block = -1
        m = _YAML_PAIR.match(line)
        if m is None:
            continue
        while stack and stack[-1][0] >= indent:
            stack.pop()
        key = m.group("key").strip("'\"")
        value = (m.group("value") or "").strip()
        if not value:
            stack.append((indent, key))
            continue
        if value[0] in "|>":
            block = indent
            continue
        if value[0] in "'\"":
            value = value[1:].split(value[0], 1)[0] if value[0] in value[1:] else value[1:]
        else:
            value = value.split(" #", 1)[0]
        if value[:1] in "&*[{!":  # an anchor, an alias, a list or map written inline, a tag
            continue
        path = [k for _, k in stack] + [key]
        if len(path) > 1 and _LOCALE.fullmatch(path[0]):
            path = path[1:]
        out.append((".".join(path), value))
    return out


# A PHP array literal's parts (Laravel's and CodeIgniter's lang files): 'key' => 'text', 'key' => [ (or
# array( ), an unkeyed [ or array( , and a closing bracket.
_PHP_TOKEN = re.compile(
    r"""(?P<key>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\s*=>\s*"""
    r"""(?:(?P<value>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<open>\[|array\s*\())"""
    r"""|(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(?P<bare>\[|array\s*\()|(?P<close>[\])])""",
    re.I,
)


# A PHP string literal, either quote, its escapes kept (``php_string`` undoes them).
_PHP_STRING = r"'(?:[^'\\]|\\.)*'" + "|" + r'"(?:[^"\\]|\\.)*"'
# A message assigned by key (CodeIgniter's application/language/<language>/<file>_lang.php: $lang['key'] = 'text';,
# printed by $this->lang->line('key') or lang('key'); source: codeigniter.com/userguide3/libraries/language.html).
_PHP_ASSIGNED = re.compile(
    r"""\$\w+\s*\[\s*(?P<key>'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")\s*\]\s*=\s*(?P<value>""" + _PHP_STRING + r""")\s*;"""
)
# A message held in a variable or a constant (a hand-written site's translation.php: $updateprofile2religian =
# "Religion :";, osCommerce's and Zen Cart's includes/languages/english.php: define('ENTRY_GENDER', 'Gender:');),
# printed bare: <?= $updateprofile2religian ?>, <?php echo ENTRY_GENDER; ?>. A variable is keyed with its "$".
# Sources: php.net/manual/en/function.define.php, php.net/manual/en/language.variables.basics.php.
_PHP_VARIABLE = re.compile(r"""^[ \t]*(?P<key>\$[A-Za-z_]\w{0,80})[ \t]*=[ \t]*(?P<value>""" + _PHP_STRING + r""")[ \t]*;""", re.M)
_PHP_DEFINE = re.compile(
    r"""\bdefine\s*\(\s*(?P<q>["'])(?P<key>[A-Za-z_]\w{0,80})(?P=q)\s*,\s*(?P<value>""" + _PHP_STRING + r""")\s*\)""", re.I
)


def _php_messages(pattern: re.Pattern[str], text: str) -> list[tuple[str, str]]:
    """The messages a PHP file assigns one by one, as ``pattern`` finds them: by key (``$lang['race'] = "Raza";``, the
    key a literal), to a variable (``$religion_label = "Religion";``) or as a constant (``define('ENTRY_RELIGION',
    'Religion');``)."""
    out = []
    for m in pattern.finditer(text):
        key = m.group("key")
        out.append((php_string(key) if key[:1] in "'\"" else key, php_string(m.group("value"))))
    return out


def _php_array(text: str) -> list[tuple[str, str]]:
    """The string entries of the arrays a PHP catalogue holds, nested keys joined with dots."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[str, str]] = []  # per open bracket: the closing character, and its key ("" when none)
    for m in _PHP_TOKEN.finditer(text):
        if m.group("close"):
            if stack and stack[-1][0] == m.group("close"):
                stack.pop()
        elif m.group("open") or m.group("bare"):
            opened = m.group("open") or m.group("bare")
            stack.append(("]" if opened == "[" else ")", php_string(m.group("key")) if m.group("key") else ""))
        elif m.group("value") is not None:
            prefix = ".".join(k for _, k in stack if k)
            key = php_string(m.group("key"))
            out.append((f"{prefix}.{key}" if prefix else key, php_string(m.group("value"))))
    return out


def php_string(literal: str) -> str:
    """The text of a PHP string literal as written (``'Lieu d\\'exercice'``), its quotes dropped and escapes undone."""
    return re.sub(r"\\(.)", r"\1", literal[1:-1])
