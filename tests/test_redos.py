"""ReDoS: user signature regexes are refused when ambiguous (analyzer/signatures/redos.py), and every regex in
the signatures and in the non-JavaScript readers passes the same check and runs in linear time on
pumped input (long runs of the characters it cares about, never closed)."""

from __future__ import annotations

import importlib
import re
import time
from pathlib import Path

import pytest

from analyzer import signatures
from analyzer.signatures import redos
from analyzer.signatures.sigschema import VENDOR_SCHEMA, SignatureError, validate

# Issue 13: these passed the nested-quantifier guard and hung on a 40-character URL.
HANGING = ["evil((a+))+$", "evil(a|a)+$", "evil(a{1,30}){1,30}$", "evil(aa|a)*$"]
AMBIGUOUS = HANGING + [r"evil\w+\d+\.js", r"evil.*.*\.js", r"evil([^x]|a)+\.js", r"evil(aa|a)*x", r"evil(aa?)+x"]
SAFE = [r"/rrweb(-record)?(\.min)?\.js(\?|$)", r"rrweb(@[^/]*)?/dist/.*record", r"evil(?:ab|cd)+\.js", r"evil(?>a+)+x", r"evil[a-z]+\.js"]


def _vendor(url: str) -> dict:
    return {
        "schema": 1,
        "id": "x",
        "name": "X",
        "category": "session-replay",
        "summary": "s",
        "sources": ["https://example.org"],
        "detect": {"urls": [url]},
    }


@pytest.mark.parametrize("pattern", AMBIGUOUS)
def test_an_ambiguous_user_regex_is_refused(pattern: str) -> None:
    with pytest.raises(SignatureError, match="ReDoS risk"):
        validate(_vendor(pattern), VENDOR_SCHEMA, "user.toml")


@pytest.mark.parametrize("pattern", SAFE)
def test_an_unambiguous_regex_is_accepted(pattern: str) -> None:
    assert redos.problem(pattern) is None
    validate(_vendor(pattern), VENDOR_SCHEMA, "user.toml")


@pytest.mark.parametrize("pattern", HANGING)
def test_the_refused_regexes_do_hang(pattern: str) -> None:
    """The check is not theoretical: each refused pattern backtracks exponentially."""
    regex = re.compile(pattern)

    def best_of_three(n: int) -> float:  # the fastest run is the least disturbed by a busy machine
        times = []
        for _ in range(3):
            start = time.perf_counter()
            regex.search("evil" + "a" * n + "!")
            times.append(time.perf_counter() - start)
        return min(times)

    # Six more characters: an exponential pattern takes over ten times longer (the slowest of
    # these grows 1.6x per character), a linear one about the same.
    assert best_of_three(21) > 5 * best_of_three(15)


def test_every_signature_regex_is_unambiguous() -> None:
    db = signatures.load()
    patterns = {r.pattern for v in db.vendors.values() for r in v.urls.regexes}
    assert patterns
    assert {p: redos.problem(p) for p in patterns if redos.problem(p)} == {}


# The readers outside the JavaScript analysis (which has its own work budget, issue 8).
ANALYZER = Path(__file__).resolve().parent.parent / "analyzer"
MODULES = [
    "templates",
    "template_lexer",
    "template_gate",
    "template_scan",
    "reading",
    "htmldoc",
    "gtm",
    "sourcemap",
    "config",
    "discover",
    "fallback",
    "positions",
    "crossfile",
    "chunk_files",
    "bundler_exports",
    "model",
    "detect",
    "suppress",
    "policy",
    "composition",
    "fieldfacts",
    "lexicon",
    "clipping",
    "messages",
    "normalise",
    "masking",
    "exposure",
    "consent_markup",
    "report.escape",
    "report.github",
    "rendered",
    "pagecontext",
    "commented",
    "hoststrings",
    "code_data",
    "gtm_template",
    "testpaths",
    "jshanded",
    "template_data",
    "textscan",
    "frontmatter",
    "markdown_html",
    "form_helpers",
    "keyed_text",
    "template_components",
    "fieldlists",
    "script_constants",
    "toml_lists",
    "choice_tiles",
    "jsxmarkup",
    "inline_forms",
    "flutter",
    "php_loops",
    "php_constants",
    "charset_guess",
]


def _patterns(value, depth: int = 0):
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, (dict, list, tuple)) and depth < 3:
        for item in value.values() if isinstance(value, dict) else value:
            yield from _patterns(item, depth + 1)
    elif hasattr(value, "opener") and hasattr(value, "closer"):  # template_lexer.Construct
        yield value.opener
        if isinstance(value.closer, re.Pattern):
            yield value.closer


def _dotted(name: str) -> str:
    """A module of the package by its file name, whichever stage folder holds it."""
    [path] = [p for p in ANALYZER.rglob(f"{name.replace('.', '/')}.py")]
    return ".".join(path.relative_to(ANALYZER.parent).with_suffix("").parts)


def _code_regexes() -> list[tuple[str, re.Pattern]]:
    out = {}
    for name in MODULES:
        module = importlib.import_module(_dotted(name))
        for attr, value in vars(module).items():
            for i, pattern in enumerate(_patterns(value)):
                out[(pattern.pattern, pattern.flags)] = (f"{name}.{attr}[{i}]", pattern)
    return sorted(out.values(), key=lambda item: item[0])


CODE_REGEXES = _code_regexes()


def test_there_are_code_regexes_to_check() -> None:
    assert len(CODE_REGEXES) > 50


@pytest.mark.parametrize("where, pattern", CODE_REGEXES, ids=[w for w, _ in CODE_REGEXES])
def test_every_code_regex_is_unambiguous(where: str, pattern: re.Pattern) -> None:
    flags = pattern.flags & ~re.UNICODE
    source = pattern.pattern.decode("latin-1") if isinstance(pattern.pattern, bytes) else pattern.pattern
    assert redos.problem(source, flags) is None


_PUMP = " \t\na{<%'\"\\(/-#=.:@>}!"


@pytest.mark.parametrize("where, pattern", CODE_REGEXES, ids=[w for w, _ in CODE_REGEXES])
def test_every_code_regex_is_linear_on_pumped_input(where: str, pattern: re.Pattern) -> None:
    _assert_linear(where, pattern)


# The patterns a form helper's signature gives for the choices a select's call writes (form_helpers.toml choices: Razor's
# SelectListItem Text), searched over a whole call as a code regex is: the same two checks.
HELPER_CHOICES = [
    (f"form_helpers.toml helper[{i}].choices", re.compile(h.choices_text))
    for i, h in enumerate(signatures.load().form_helpers)
    if h.choices_text
]


@pytest.mark.parametrize("where, pattern", HELPER_CHOICES, ids=[w for w, _ in HELPER_CHOICES])
def test_every_helper_choices_regex_is_unambiguous_and_linear(where: str, pattern: re.Pattern) -> None:
    assert redos.problem(pattern.pattern) is None
    _assert_linear(where, pattern)


# The byte patterns that tell whether a script may hold a list of field definitions (analyzer/facts/fieldlists.py), built
# from ui_components.toml's keys and searched over every hand-written script: the same two checks.
_LISTS = signatures.load().field_lists
_FIELDLISTS = importlib.import_module("analyzer.facts.fieldlists")
FIELD_LIST_PATTERNS = [(f"fieldlists._patterns[{i}]", pattern) for i, pattern in enumerate(_FIELDLISTS._patterns(_LISTS))] + [
    ("fieldlists._statements_listed", _FIELDLISTS._statements_listed(_LISTS.statement_names)),
    ("fieldlists._choices_listed", _FIELDLISTS._choices_listed(_LISTS.option_keys)),
    ("fieldlists._named_by_member", _FIELDLISTS._named_by_member(_LISTS.name_keys)),
]
# The byte patterns that let a component file with no native control be parsed (a change handler given, a tile's
# comparing selection prop), built from ui_components.toml's [jsx_bindings] and searched over every component file.
_BINDINGS = signatures.load().jsx_bindings
FIELD_LIST_PATTERNS += [
    ("jsxmarkup.handler_hint", importlib.import_module("analyzer.facts.jsxmarkup").handler_hint(_BINDINGS.handlers)),
    ("choice_tiles.hint", importlib.import_module("analyzer.facts.choice_tiles").hint(_BINDINGS.selection_props)),
    (
        "engine._bound_controls",
        importlib.import_module("analyzer.read.engine")._bound_controls(_BINDINGS.handlers, _BINDINGS.selection_props),
    ),
]
# The header of a Django generic editing view (django_models._editing_view, from template_conventions' view_classes),
# searched over every views module: the same two checks.
_VIEW_HEADER = importlib.import_module("analyzer.parse.django_models")._editing_view(signatures.load().component_files.view_classes)
FIELD_LIST_PATTERNS += [("django_models._editing_view", re.compile(_VIEW_HEADER.pattern.encode()))]


@pytest.mark.parametrize("where, pattern", FIELD_LIST_PATTERNS, ids=[w for w, _ in FIELD_LIST_PATTERNS])
def test_every_field_list_pattern_is_unambiguous_and_linear(where: str, pattern: re.Pattern) -> None:
    assert redos.problem(pattern.pattern.decode("latin-1")) is None
    _assert_linear(where, pattern)


def _assert_linear(where: str, pattern: re.Pattern) -> None:
    """Each literal of the pattern followed by 10k of one character it cares about (or of a
    template opener): a quadratic regex takes seconds here, a linear one milliseconds."""
    text = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    literals = sorted({lit for lit in re.findall(r"[A-Za-z_]{2,}|[^\w\s\\()\[\]?*+|^$]{1,3}", text)} | {""}, key=len)[-3:]
    pieces = {c for c in _PUMP if c in text or c in " a\n"} | {a + b for a in "{<%@" for b in "{%#!-=?" if a in text}
    start = time.perf_counter()
    for literal in literals:
        for piece in sorted(pieces):
            subject = literal + piece * (10_000 // len(piece))
            if isinstance(pattern.pattern, bytes):
                subject = subject.encode("latin-1", "replace")
            if where.rsplit("[", 1)[0] in MATCH_ONLY:
                pattern.match(subject)
            else:
                for _ in pattern.finditer(subject):
                    pass
    assert time.perf_counter() - start < 3.0, where


# Applied only with .match() at one offset that the caller reaches once (template_lexer's
# lexers mark a kind dead once unclosed): one attempt must be linear, a scan from every offset
# is never made.
MATCH_ONLY = {
    # each top-level comma of a widget's arguments is matched once (analyzer/parse/flutter.py _named)
    "flutter._NAMED",
    "template_lexer._PHP_SINGLE",
    "template_lexer._PHP_DOUBLE",
    "template_lexer._HEREDOC_HEAD",
    "template_lexer._BLANKS_PAREN",
    "templates._PHP_NEXT",
    "templates._PHP_CONTINUES",
    "templates._ERB_KEYWORD_OPENS",
    "hoststrings._PHP_GLUE",  # fullmatch over the gap between two string literals only
    "hoststrings._PHP_VAR_GLUE",  # fullmatch over a glue _PHP_GLUE matched
    "hoststrings._PHP_CALL_HEAD",  # match once just past each string literal
    "hoststrings._PHP_DOT",  # match once just past a glued call's parentheses
    "php_loops._ITEM",  # matched at each item's end in turn, the reading stopping at the first that does not match
}
