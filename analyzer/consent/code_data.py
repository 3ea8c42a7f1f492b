"""Recorder snippets held as data in server code (issue 9, group 1).

A snippet or loader in a Python, PHP or Ruby string (a Django template tag's constant, a PHP
heredoc handed to ``registerHeadHtml()`` or ``backdrop_add_js()``, a Ruby helper's heredoc) is
reported at the snippet, as ``unverifiable`` (mechanism ``held-as-data``): the code that renders
or includes the string decides whether it waits for consent, and that code is elsewhere. Where
the file itself shows that the string is added on every page (a hook the framework runs by name,
a function registered for ``wp_head``, a function a Streamlit script calls at its top level) and
no consent check is near, it is ``ungated`` (mechanism ``always-run-hook``). Which hooks run
always is data: ``signatures/code_data.toml``. Docstrings are documentation, never data.

Markup a PHP template prints from inside a function or method is page output only where that
function runs: one this file never hooks (a callable string naming it anywhere) nor calls from code
that runs (``php_unreached``: a plugin class's ``inject_everywhere()`` that the plugin's core calls
from another file) turns an ``ungated`` reading into ``unverifiable`` (``in_uncalled_php``).
"""

from __future__ import annotations

import ast
import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from analyzer.facts import detect
from analyzer.facts.detect import CodeSpot, RecorderSite
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.parse import htmldoc
from analyzer.parse.hoststrings import HostString, Lexed, PhpFunction, blank_spans, language, lex, php_functions
from analyzer.parse.positions import LineIndex, line_col
from analyzer.signatures import BUILTIN_DIR, SignatureDB, Vendor, _read_toml, prefilter
from analyzer.signatures.sigschema import CODE_DATA_SCHEMA, validate

LABELS = {"python": "Python", "php": "PHP", "ruby": "Ruby"}
__all__ = ["language", "sites", "in_php_template", "string_sites", "held_verdict", "rules"]  # language: re-exported from hoststrings


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    """The built-in ``code_data.toml``, validated (a table with no rules when it is missing): the framework hooks,
    registrations and script apps that run a string on every page, and the consent words that make them conditional."""
    path = BUILTIN_DIR / "code_data.toml"
    if not path.exists():
        return {"schema": 1, "consent_words": []}
    data = _read_toml(path)
    validate(data, CODE_DATA_SCHEMA, str(path))
    return data


def sites(
    text: str, lang: str, vendors: list[Vendor], db: SignatureDB, printed: bool = True, lexed: Lexed | None = None
) -> list[tuple[RecorderSite, Verdict]]:
    """Recorder sites in the file's strings, each with its verdict. ``printed=False`` leaves out
    strings a PHP statement prints (``echo '<script>…'``): a template reads those as its output."""
    lexed = lexed if lexed is not None else lex(text, lang)
    wanted = {v.id for v in vendors}
    pf = prefilter.for_db(db)
    index = LineIndex(text)
    judge = _Judge(text, lang, lexed)
    out: list[tuple[RecorderSite, Verdict]] = []
    for hs in lexed.strings:
        if hs.printed and not printed:
            continue
        found = pf.candidates(hs.text.encode("utf-8", "surrogatepass")).vendors & wanted
        if not found:
            continue
        held = list(string_sites(hs, [db.vendors[v] for v in sorted(found)], db, index, LABELS[lang]))
        if held:
            verdict = judge.verdict(hs)
            out += [(site, verdict) for site in held]
    return out


def in_php_template(text: str, verdicts: list, vendors: list[Vendor], db: SignatureDB, lexed: Lexed | None = None) -> list:
    """A PHP template's verdicts with the snippets its code holds as data (a heredoc or string it
    passes on, returns or stores, not one it prints) judged as such: the template reading saw
    the ``<script>`` in the string as page markup."""
    lexed = lexed if lexed is not None else lex(text, "php")
    index = LineIndex(text)
    held_lines = [(index.line(hs.body_start), index.line(max(hs.body_end - 1, hs.body_start))) for hs in lexed.strings if not hs.printed]
    held = sites(text, "php", vendors, db, printed=False, lexed=lexed)
    if not held:
        return verdicts
    vendors_held = {s.vendor.id for s, _ in held}

    def inside(site: RecorderSite) -> bool:
        return site.vendor.id in vendors_held and any(a <= site.element.line <= b for a, b in held_lines)

    return [(s, v) for s, v in verdicts if not inside(s)] + held


def string_sites(hs: HostString, vendors: list[Vendor], db: SignatureDB, index: LineIndex, label: str) -> Iterator[RecorderSite]:
    """Sites in one string: its ``<script>`` elements (read as a page), else a snippet's anchor
    group or a loader (a vendor URL with an injection clue) in its code."""
    line0, col0 = index.line_col(hs.body_start)

    def spot(line: int, column: int, **kw: Any) -> CodeSpot:
        return CodeSpot(line0 + line - 1, column + (col0 - 1 if line == 1 else 0), **kw)

    where = f"held in a {label} string"
    if "<script" in hs.text.lower():
        page = htmldoc.parse(hs.text)
        facts = detect.page_facts(page, vendors, [], db)
        for s in facts.sites:
            el = s.element
            yield RecorderSite(
                s.vendor,
                spot(el.line, el.column, tag=el.tag, text=el.text, attrs=el.attrs, classes=el.classes),
                s.via,
                f"{s.evidence}, {where}",
                s.url,
            )
        if facts.sites:
            return
    first = len(hs.text) - len(hs.text.lstrip())
    line, column = line_col(hs.text, first)
    for vendor in vendors:
        note = detect.snippet_hit(vendor, hs.text)
        if note is None:
            url = detect.inline_url_hit(vendor, hs.text, vendors)
            clue = next((c for c in db.script_types.injection_clues if c in hs.text), None) if url else None
            note = f"code injects a script from {url} ({clue})" if clue else None
        if note:
            yield RecorderSite(vendor, spot(line, column), Via.CODE_STRING, f"{note}, {where}")


def held_verdict(label: str, function: str | None) -> Verdict:
    """Unverifiable: a string the code hands on; where it is rendered decides."""
    where = f" in {function}()" if function else ""
    return Verdict(
        status=Status.UNVERIFIABLE,
        mechanism=Mechanism.HELD_AS_DATA,
        evidence=f"held as data in a {label} string{where}: the code that renders or includes it decides whether it waits for consent",
    )


@dataclass
class _Judge:
    text: str
    lang: str
    lexed: Lexed

    def verdict(self, hs: HostString) -> Verdict:
        label = LABELS[self.lang]
        why = self._always_run(hs)
        if why is None:
            return held_verdict(label, hs.function)
        return Verdict(
            status=Status.UNGATED,
            mechanism=Mechanism.ALWAYS_RUN_HOOK,
            evidence=f"held in a {label} string that {why}, with no consent check there",
        )

    def _always_run(self, hs: HostString) -> str | None:
        if self.lang == "php" and hs.function:
            return self._php_hook(hs)
        if self.lang == "python":
            return self._python_app(hs)
        return None

    def _php_hook(self, hs: HostString) -> str | None:
        name = hs.function or ""
        for hook in rules().get("hook", []):
            if hook.get("extends") and not self._in_class_extending(hs, hook["extends"]):
                continue
            if hook["lang"] == "php" and name.endswith(tuple(hook["name_suffixes"])) and not self._consent_near(hs, hs.function_span):
                suffix = next(s for s in hook["name_suffixes"] if name.endswith(s))
                what = f"hook{suffix}" if suffix.startswith("_") else f"the {suffix} event"
                return f"{name}() adds ({what}: {hook['framework']} runs it {hook['runs']})"
        for reg in rules().get("registered", []):
            hooked = _registered(self._blank_comments, reg)
            if reg["lang"] == "php" and name in hooked and not self._consent_near(hs, hs.function_span):
                return f"{name}() adds ({hooked[name]}: {reg['framework']} runs it {reg['runs']})"
        return None

    def _in_class_extending(self, hs: HostString, bases: list[str]) -> bool:
        """Is the string's function a method of a class that extends one of ``bases`` (the class's
        declared parent, last namespace segment: ``PhpFunction.base``, as ``php_unreached`` reads it)?"""
        if hs.function_span is None:
            return False
        start = hs.function_span[0]
        return any(f.body[0] == start and f.base in bases for f in self._php_functions)

    @functools.cached_property
    def _php_functions(self) -> list[PhpFunction]:
        return php_functions(self.text, self.lexed)[1]

    @functools.cached_property
    def _blank_comments(self) -> str:
        chars = list(self.text)
        for s, e in self.lexed.comments:
            chars[s:e] = [" "] * (e - s)
        return "".join(chars)

    def _consent_near(self, hs: HostString, span: tuple[int, int] | None) -> bool:
        if span is None:
            return False
        code = self._blank_comments
        around = (code[span[0] : hs.start] + code[hs.body_end : span[1]]).lower()
        return any(w in around for w in rules()["consent_words"])

    def _python_app(self, hs: HostString) -> str | None:
        for app in rules().get("script_app", []):
            runs = _python_runs_on_load(self.text, hs, tuple(app["imports"]), tuple(rules()["consent_words"]))
            if runs:
                return f"{runs} when the module runs ({app['framework']} runs it {app['runs']})"
        return None


def may_be_script_app(path: str, data: bytes) -> bool:
    """Whether a file may be a script app (``[[script_app]]`` in code_data.toml): written in its language, naming one
    of its imports (one byte search each; ``script_app`` then reads the imports)."""
    lang = language(path, "")
    return any(app["lang"] == lang and any(n.encode() in data for n in app["imports"]) for app in rules().get("script_app", []))


def script_app(path: str, text: str) -> str | None:
    """The framework that makes a file its own web app (``[[script_app]]``: a Streamlit script, whose widgets are the
    page's controls), by an import of it (``_imports_any``, as a string it adds is judged); None for any other module."""
    apps = [app for app in rules().get("script_app", []) if app["lang"] == language(path, text) == "python"]
    if not apps:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return next((str(app["framework"]) for app in apps if _imports_any(tree, tuple(app["imports"]))), None)


def _registered(code: str, reg: dict[str, Any]) -> dict[str, str]:
    """Function names registered in ``code`` for one of the always-run actions: name -> how."""
    calls = "|".join(re.escape(c) for c in reg["calls"])
    hooks = "|".join(re.escape(h) for h in reg["hooks"])
    # add_action('wp_head', 'fn') / array($this, 'fn') / [__CLASS__, 'fn'] / 'Class::fn'
    pattern = re.compile(
        r"\b(?:"
        + calls
        + r")\s*\(\s*['\"]("
        + hooks
        + r")['\"]\s*,\s*(?:(?:array\s*\(|\[)\s*)?(?:[$\w:\\]{1,80}\s*,\s*)?['\"](?:[\w\\]{1,80}::)?(\w{1,120})['\"]"
    )
    return {m.group(2): f"{reg['calls'][0]}('{m.group(1)}')" for m in pattern.finditer(code)}


def _python_runs_on_load(text: str, hs: HostString, imports: tuple[str, ...], consent: tuple[str, ...]) -> str | None:
    """How a string reaches the top level of a script app: a top-level statement that uses it, or
    calls (through functions of this file) the function that uses it, with no consent word in the
    statement or that function."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not _imports_any(tree, imports):
        return None
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    names, holder, within = _python_names(tree, text, hs)
    users = [hs.function] if hs.function in funcs else [n for n, fn in funcs.items() if names and _names_any(fn, names)]
    for stmt in tree.body:
        if stmt is holder or isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Import | ast.ImportFrom):
            continue
        direct = stmt is within or (bool(names) and _names_any(stmt, names))
        used = next((u for u in users if u in _reachable(stmt, funcs)), None)
        if not direct and used is None:
            continue
        texts = [ast.get_source_segment(text, stmt) or ""] + ([ast.get_source_segment(text, funcs[used]) or ""] if used else [])
        if any(w in t.lower() for t in texts for w in consent):
            return None
        return "the module adds" if direct else f"{used}() adds"
    return None


def _imports_any(tree: ast.Module, names: tuple[str, ...]) -> bool:
    for n in ast.walk(tree):
        if isinstance(n, ast.Import) and any(a.name.split(".")[0] in names for a in n.names):
            return True
        if isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] in names:
            return True
    return False


def _python_names(tree: ast.Module, text: str, hs: HostString) -> tuple[set[str], ast.AST | None, ast.AST | None]:
    """The module-level names the string is assigned to and that assignment; or else the
    top-level statement the string is written in (``components.html("<script>…")``)."""
    index = LineIndex(text)

    def span(n: ast.stmt) -> tuple[int, int]:
        return index.offset(n.lineno, n.col_offset + 1), index.offset(n.end_lineno or n.lineno, (n.end_col_offset or 0) + 1)

    for n in tree.body:
        start, end = span(n)
        if not start <= hs.start < end:
            continue
        if isinstance(n, ast.Assign | ast.AnnAssign) and n.value is not None:
            targets = n.targets if isinstance(n, ast.Assign) else [n.target]
            return {t.id for t in targets if isinstance(t, ast.Name)}, n, None
        return set(), None, None if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) else n
    return set(), None, None


def _names_any(node: ast.AST, names: set[str]) -> bool:
    return any(isinstance(x, ast.Name) and x.id in names for x in ast.walk(node))


def _reachable(stmt: ast.AST, funcs: dict[str, ast.FunctionDef]) -> set[str]:
    seen: set[str] = set()
    stack = [stmt]
    while stack:
        node = stack.pop()
        for n in ast.walk(node):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in funcs and n.func.id not in seen:
                seen.add(n.func.id)
                stack.append(funcs[n.func.id])
    return seen


_MAGIC_RUN = ("__invoke", "__tostring", "__call", "__callstatic", "__get", "__set", "__destruct")
# What names a function in PHP code: a call ``f(`` (``$this->f(``, ``self::f(``), a callable string
# (``'f'``, ``'Class::f'``, ``array($this, 'f')``) or an instantiation ``new Class``.
_PHP_REF = re.compile(
    r"\bnew\s+\\?(?:[\w\\]{0,200}\\)?([A-Za-z_]\w{0,120})|(?<![\w$])([A-Za-z_]\w{0,120})\s*\(|['\"](?:[\w\\]{1,80}::)?([A-Za-z_]\w{0,120})['\"]"
)


def php_unreached(text: str, lexed: Lexed | None = None) -> list[PhpFunction]:
    """The named PHP functions and methods of a file that nothing in the file runs: no code that
    runs calls one (``f(``, ``$this->f(``, ``self::f(``; the top level, the closures in it, which run
    where they are handed, and the functions so called), and no callable string anywhere names it
    (``add_action('wp_head', 'f')``, ``array($this, 'f')``, ``'Class::f'``: a plugin's class
    that hooks its own method is wiring it, whoever calls the hooking method); a constructor runs
    where its class is instantiated (``new Hotjar``), a framework's by-name hook
    (``code_data.toml [[hook]]``) and PHP's other magic methods are taken as run. What such a
    function prints is output only where another file calls it. One pass over the text for the
    names, then a walk over the functions."""
    lexed = lexed if lexed is not None else lex(text, "php")
    _code, functions, _closures = php_functions(text, lexed)
    if not functions:
        return []
    # A hook that needs its class's base (Joomla's events) is taken as run only in such a class.
    hooks = [hook for hook in rules().get("hook", []) if hook["lang"] == "php"]
    suffixes = tuple(s for hook in hooks if not hook.get("extends") for s in hook["name_suffixes"])
    based = [(frozenset(hook["extends"]), tuple(hook["name_suffixes"])) for hook in hooks if hook.get("extends")]
    order = sorted(range(len(functions)), key=lambda k: functions[k].body[0])
    starts = [functions[k].body[0] for k in order]
    refs: dict[int, set[str]] = {}  # function index (-1: the top level) -> what it calls or instantiates
    callables: set[str] = set()
    text = blank_spans(text, lexed.comments)  # a comment names nothing
    for m in _PHP_REF.finditer(text):
        if m.group(2) is not None and text[max(0, m.start() - 40) : m.start()].rstrip(" \t\r\n&").endswith("function"):
            continue  # the function's own head
        if m.group(3) is not None:
            callables.add(m.group(3).lower())
            continue
        name = ("new " + m.group(1)) if m.group(1) is not None else m.group(2)
        at = bisect.bisect_right(starts, m.start()) - 1
        while at >= 0 and functions[order[at]].body[1] < m.start():
            at -= 1
        refs.setdefault(order[at] if at >= 0 else -1, set()).add(name.lower())
    # A callable string anywhere (``add_action('wp_head', array($this, 'f'))`` in another method)
    # is the plugin wiring ``f``: the registration is taken to run.
    reached: set[str] = set(refs.get(-1, ())) | callables
    pending = set(range(len(functions)))
    changed = True
    while changed:
        changed = False
        for k in sorted(pending):
            f = functions[k]
            low = f.name.lower()
            if low == "__construct":
                run = f.owner is not None and "new " + f.owner.lower() in reached
            else:
                run = (
                    low in _MAGIC_RUN
                    or bool(suffixes and f.name.endswith(suffixes))
                    or any(f.base in bases and f.name.endswith(names) for bases, names in based)
                    or low in reached
                )
            if run:
                pending.discard(k)
                reached |= refs.get(k, set())
                changed = True
    return [functions[k] for k in sorted(pending)]


def in_uncalled_php(text: str, verdicts: list, lexed: Lexed | None = None) -> list:
    """A PHP template's ``ungated`` sites that lie in the body of a function or method this file
    never runs (``php_unreached``: a plugin class's ``inject_everywhere()``, a ``hotjar_script()``
    hooked only from a method that another file calls): ``unverifiable``, since what the function
    prints is output only where it is called, and that caller decides. Gated and unverifiable
    sites stay as they are (a check inside the function gates its output wherever it runs)."""
    if not any(v.status is Status.UNGATED for _s, v in verdicts):
        return verdicts
    unreached = php_unreached(text, lexed)
    if not unreached:
        return verdicts
    index = LineIndex(text)
    spans = [(index.line(f.body[0]), index.line(f.body[1]), f) for f in unreached]
    out = []
    for site, verdict in verdicts:
        holder = next((f for a, b, f in spans if a <= site.element.line <= b), None) if verdict.status is Status.UNGATED else None
        if holder is not None:
            kind = f"method {holder.owner}::{holder.name}()" if holder.owner else f"function {holder.name}()"
            verdict = Verdict(
                status=Status.UNVERIFIABLE,
                mechanism=Mechanism.HELD_AS_DATA,
                evidence=f"printed by the PHP {kind}, which this file never hooks, nor calls from code that runs: where it is "
                f"called decides whether it waits for consent ({verdict.evidence})",
            )
        out.append((site, verdict))
    return out
