"""Server templates: neutralise template syntax, find conditional blocks and template references.

Nine dialects (PHP/WordPress, Blade, Liquid, Twig / Jinja / Django / Nunjucks, Handlebars /
Mustache, ERB / EJS, Go / Hugo, Nette's Latte, whose ``n:if`` attribute is a branch over its
element). ``neutralise`` replaces every template construct with filler of the same length
(newlines kept), so the HTML parser sees the page's markup and every position stays true:
statements and comments become spaces, output expressions become ``0`` (a valid number in a
script, harmless in a URL or an attribute). ``analyse`` returns the conditional branches (each
with its condition and whether the recorder needs it true or false), template references
(extends / include / render / partial / get_template_part) and the template code regions,
where a URL can be assembled (``javascript_include_tag "…mouseflow…#{id}.js"``).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from analyzer.parse import frontmatter, template_lexer
from analyzer.parse.markup_out import VOID
from analyzer.parse.positions import blank
from analyzer.parse.template_blocks import Block, block_definitions
from analyzer.parse.template_lexer import paren_pairs

DIALECT_BY_SUFFIX = (
    (".blade.php", "blade"),
    (".php", "php"),
    (".phtml", "php"),
    (".ctp", "php"),  # CakePHP views up to CakePHP 3
    (".liquid", "liquid"),
    (".twig", "jinja"),
    (".njk", "jinja"),
    (".jinja", "jinja"),
    (".jinja2", "jinja"),
    (".j2", "jinja"),
    (".hbs", "handlebars"),
    (".handlebars", "handlebars"),
    (".mustache", "handlebars"),
    (".erb", "erb"),
    (".ejs", "erb"),
    (".latte", "latte"),
    (".tmpl", "go"),
    (".gohtml", "go"),
    (".eex", "erb"),
    (".heex", "erb"),
    (".leex", "erb"),
    (".jsp", "erb"),
    (".jspf", "erb"),
    (".aspx", "erb"),
    (".ascx", "erb"),
    (".master", "erb"),
)
# Server pages read as HTML with their own syntax left as text (Razor, FreeMarker, Velocity,
# Smarty and other .tpl files, Apache Tapestry's .tml): their conditions are never read as consent gates.
FREEMARKER = (".ftl", ".ftlh")
READ_AS_HTML = (".cshtml", ".razor", *FREEMARKER, ".vm", ".tpl", ".tml")
# FreeMarker's directives (<#if …>, <#list …>, </#list>) and user-defined ones (<@layout.page>, <@sf.empty colspan="1"/>):
# no tag a browser gets, no text a person reads (freemarker.apache.org/docs/dgui_template_overallstructure.html).
_FREEMARKER_TAG = re.compile(r"</?[#@][\w.]+(?:\s[^<>]{0,2000})?/?>")


def blank_freemarker(text: str) -> str:
    """``text`` with FreeMarker's directive tags blank (same length, line breaks kept), but those that hold a URL
    (a layout macro handed a script's address is read for it)."""
    return _FREEMARKER_TAG.sub(lambda m: m.group() if "//" in m.group() else blank(m.group()), text)


# What only Go templates (Hugo) write after "{{": their actions, .Site / site. / hugo. reads, a
# variable declared or assigned ("{{ $id := site.Params.id }}") and a comment ("{{/* … */}}");
# Jinja writes its "if" in "{% %}" and Handlebars its "#if".
_GO_HINT = re.compile(
    r"\{\{-?\s*(?:(?:partial|define|block|template|range|with|end|if|\.Site|\.Params|site\.|hugo\.)\b|\$\w{0,60}\s{0,8}:?=[^=]|/\*)"
)


# Folders where frameworks keep .html templates (Django/Jinja, Hugo, Jekyll, Ghost, Eleventy):
# only there is an .html file sniffed for template syntax (a "{{" search over a built page's
# CSS-heavy text measured as costly as half an lxml parse).
_TEMPLATE_FOLDERS = (
    "templates/",
    "layouts/",
    "_layouts/",
    "_includes/",
    "partials/",
    "views/",
    "snippets/",
    "includes/",
    "theme/",
    "themes/",
)


_JINJA_OPENING = re.compile(r"\s*\{%-?\s*(?:extends|from|import|load)\s")


def may_be_template(path: str, text: str) -> bool:
    """Whether a file under a template folder holds template syntax (``{{``, ``{%`` or a ``{# … #}``
    comment), or a page anywhere names its layout in front matter (Jekyll, Eleventy) or opens with a statement only a
    Jinja, Nunjucks or Django template writes (``{% extends "layout.html" %}``, ``{% from "govuk/…/macro.njk" import
    govukRadios %}``: a Nunjucks page of a GOV.UK service kept beside its step's code, ``app/steps/ui/sex/template.html``).
    Not ``{% if`` or ``{% raw``: a Jekyll page without front matter is copied as it stands, its ``{% if %}`` never run."""
    if frontmatter.layout(text) is not None or _JINJA_OPENING.match(text, 0, 400):
        return True
    low = path.replace("\\", "/").lower()
    return any(f"/{d}" in f"/{low}" for d in _TEMPLATE_FOLDERS) and ("{{" in text or "{%" in text or _jinja_comment(text))


# What opens a template tag in any dialect read here (Django / Jinja / Liquid / Hugo / Handlebars
# {% {{ {#, ERB / EJS <%, PHP <?): a file holding one may be a template, not the script it renders.
TAG_OPENERS = ("{%", "{{", "{#", "<%", "<?")


def has_tag_opener(text: str) -> bool:
    """Does ``text`` hold something that opens a template tag (``TAG_OPENERS``)?"""
    return any(opener in text for opener in TAG_OPENERS)


def _jinja_comment(text: str) -> bool:
    """``{# … #}``: a template whose only template syntax is a comment (a commented-out snippet)."""
    at = text.find("{#")
    return at >= 0 and text.find("#}", at) >= 0


_BLOCK_TAG = re.compile(r"(?<!\{)\{%-?\s*[a-z]")


def dialect(path: str, text: str) -> str | None:
    """The template dialect of a file, by name, or for ``.html`` by its content."""
    name = path.lower()
    for suffix, d in DIALECT_BY_SUFFIX:
        if name.endswith(suffix):
            return d
    # Go templates never write "{%" (Hugo's "{{% shortcode %}}" is not one): Jekyll's Liquid reads
    # "{{ site.title }}" too, and its "{% include %}" decides.
    if "{{" in text and _GO_HINT.search(text) and not _BLOCK_TAG.search(text):
        return "go"
    if "{%" in text or ("{{" in text and "}}" in text and "{{ " in text) or _jinja_comment(text):
        return "jinja"
    if frontmatter.layout(text) is not None:
        return "jinja"  # a Jekyll / Eleventy page: Liquid, read as its near kin
    return None


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    kind: str  # "code" (statement), "output" (expression printed), "comment"
    body: str  # the construct's inner text


@dataclass(frozen=True)
class Branch:
    start: int
    end: int
    condition: str
    needs_true: bool  # False: the recorder is in an else / unless branch


@dataclass(frozen=True)
class Reference:
    offset: int
    kind: str  # extends | include | partial | layout
    name: str
    condition: str | None = None  # a condition on the include itself (Ruby modifier, @includeWhen)
    needs_true: bool = True  # False: ``unless`` / ``@includeUnless``


@dataclass(frozen=True)
class ScriptBlock:
    """JavaScript a template helper wraps in a <script> tag (``<%= javascript_tag do %>``,
    Shopify's ``{% javascript %}``): not a <script> element in the source."""

    opener: int  # offset of the helper
    start: int
    end: int


@dataclass
class Template:
    dialect: str
    regions: list[Region] = field(default_factory=list)
    branches: list[Branch] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    script_blocks: list[ScriptBlock] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # a child template's block definitions (template_blocks)
    defines: frozenset[str] = frozenset()  # the names of the blocks the template defines, child or parent
    child: bool = False  # the template extends another whose blocks its own replace (template_blocks)

    def conditions_at(self, offset: int) -> list[Branch]:
        """The branches that decide whether ``offset`` renders, outermost first: in a child template's block, only
        those inside the (innermost) block."""
        block = self.block_at(offset)
        floor = block.body_start if block else 0
        return sorted((b for b in self.branches if floor <= b.start <= offset < b.end), key=lambda b: b.start)

    def block_at(self, offset: int) -> Block | None:
        """The innermost block of a child template that holds ``offset``."""
        return max((b for b in self.blocks if b.body_start <= offset < b.end), key=lambda b: b.body_start, default=None)

    def bypassed_at(self, offset: int) -> list[Branch]:
        """The branches around the child template's top-level block that holds ``offset``: written there, deciding nothing."""
        block = self.block_at(offset)
        return self._around(offset, 0, block.top) if block else []

    def between_at(self, offset: int) -> list[Branch]:
        """The branches between the child template's top-level block and the nested block that holds ``offset``: they
        decide only where the parent defines no block of its name (``template_blocks``)."""
        block = self.block_at(offset)
        return self._around(offset, block.top, block.body_start) if block else []

    def _around(self, offset: int, start: int, end: int) -> list[Branch]:
        return sorted((b for b in self.branches if start <= b.start < end and b.start <= offset < b.end), key=lambda b: b.start)


_PHP_OUTPUT = re.compile(r"^\s*(?:echo|print)\b|^=")


def _regions(text: str, dialect: str, verbatim: list[tuple[int, int]] | None = None) -> list[Region]:
    """The template's constructs; none inside ``verbatim`` (Latte's spans where its syntax is off: ``_latte_verbatim``)."""
    out = []
    for start, end, kind in template_lexer.regions(text, dialect):
        if verbatim and _inside(verbatim, start):
            continue  # Latte reads no tag there: a script written as it is ({syntax off}, n:syntax="off")
        body = text[start:end]
        if kind == "php":
            inner = body[2:-2] if body.endswith("?>") else body[2:]
            inner = inner[3:] if inner.startswith("php") else inner
            kind = "output" if _PHP_OUTPUT.search(inner) or body.startswith("<?=") else "code"
        out.append(Region(start, end, kind, body))
    return out


# Markup a PHP string literal may hold for the code to print: a script, or a form and what labels its
# controls (``echo '<label for="dx">Diagnosis</label><input id="dx" name="diagnosis">'``, a WordPress
# plugin's settings or booking form). Other strings (SQL, messages, "a < b") stay code.
_ECHOED_MARKUP = re.compile(
    r"</?(?:script|form|input|select|option|textarea|label|fieldset|legend|h[1-6]|button|table|tr|td|th|p|div|span|b|strong)\b",
    re.I,
)
_ESCAPE = re.compile(r"\\(.)", re.S)


def _escaped(m: re.Match[str]) -> str:
    """What one escape prints, as the page parser should read it: ``\\n``, ``\\t``, ``\\r`` a blank."""
    return " " if m.group(1) in "ntr" else m.group(1)


def _unescaped(body: str) -> str:
    """A PHP string's text with its ``\\`` escapes undone (``name=\\"diag\\"`` prints ``name="diag"``), each line
    padded with spaces to its length: the lines stay where they were, and no blank lands inside a value."""
    if "\\" not in body:
        return body
    return "\n".join(line if "\\" not in line else _ESCAPE.sub(_escaped, line).ljust(len(line)) for line in body.split("\n"))


def _php_code(chunk: str, fill: str) -> str:
    """A PHP region, neutralised except for string literals holding markup (``echo '<script …>…</script>'``,
    ``echo '<input name="diagnosis">'``, ``printf(…)``, heredocs: ``_ECHOED_MARKUP``) and those a statement prints as
    text (``echo "Ficha clínica";`` in each branch of an if, ``<?= 'Diagnóstico' ?>``): their text stays
    where it is, so the page parser sees the markup the code prints, attributes and all. Quotes become spaces
    and ``\\`` escapes are undone, each line padded to its length; everything else is filled."""
    parts, last = [], 0
    kept = -1  # where the last literal kept ends: its statement's other pieces of markup go with it
    semicolon = -2  # the first ";" after it (-1: none to the end, -2: not looked for); found moving forward only
    open_tag = False  # whether the markup kept so far leaves a start tag open ("<option value=\"")
    for start, end, kind in template_lexer.php_literals(chunk):
        literal = chunk[start:end]
        if kind == "comment":
            continue
        # "<option value='" . $id . "'>" . $name . "</option>": the "'>" between two pieces of markup
        # closes the attribute and the tag; dropped, the page would read the rest of the file as a value.
        same = kept >= 0 and not 0 <= semicolon < start  # the statement that printed the last markup kept
        glue = same and ("<" in literal or ">" in literal)
        # A tag left open and closed by the pieces after it, in its statement or a later one that prints them:
        # echo '<option value="' . $i . '"'; if ($i == $v) echo 'selected'; echo '>';
        glue = glue or (
            open_tag and _closes_tag(literal) and (same or _PRINTS.search(chunk, max(kept, start - _PRINTED_REACH), start) is not None)
        )
        # A literal the statement prints as it is ("echo 'Ficha clínica';", both branches of an if/else): the text a
        # visitor reads, a heading's or a label's, kept as markup is.
        # Not inside a start tag the code is still printing ("selected", "checked": an attribute, not a text).
        printed = (
            kind == "string"
            and not open_tag
            and _TEXT.search(literal) is not None
            and _PRINTS.search(chunk, max(0, start - _PRINTED_REACH), start) is not None
        )
        if not glue and not printed and not _ECHOED_MARKUP.search(literal):
            continue
        kept = end
        if semicolon == -2 or 0 <= semicolon < kept:
            semicolon = chunk.find(";", kept)
        open_tag = _leaves_open(literal, open_tag)
        parts.append(blank(chunk[last:start], fill))
        if kind == "heredoc":  # drop the opening and closing lines' markers
            head = literal.index("\n") + 1
            tail = literal.rindex("\n")
            parts.append(blank(literal[:head], " ") + literal[head:tail] + blank(literal[tail:], " "))
        else:
            parts.append(" " + _unescaped(literal[1:-1]) + " ")
        last = end
    parts.append(blank(chunk[last:], fill))
    return "".join(parts)


# A statement that prints what follows, right before a literal (after another statement, at the start of a block, after a
# condition: if ($a) echo "…"; else: echo "…"), or an output tag: looked for in the few characters before it only.
_PRINTS = re.compile(r"(?:(?:^|[;{}:)]|<\?php|<\?)\s*(?:echo|print)\b\s*(?:\(\s*)?|<\?=\s*)$")
_TEXT = re.compile(r"[^\W\d_]{2,}")  # a literal a person reads: a word of two letters or more
# Whether a PHP block prints a string literal as it is (echo "…", print('…'), <?= '…' ?>).
_PRINTS_LITERAL = re.compile(r"""(?:\b(?:echo|print)\b\s*(?:\(\s*)?|<\?=\s*)["']""")
_PRINTED_REACH = 64


_TAG_EDGE = re.compile(r"<(?=[A-Za-z/])|>")


def _closes_tag(literal: str) -> bool:
    """A short literal of a tag's closing pieces: a quote ending an attribute's value, the ``>`` (``'"'``, ``'>'``,
    ``"' selected>"``), no new tag."""
    inner = literal[1:-1]
    return len(inner) <= 40 and "<" not in inner and any(c in inner for c in "\"'>")


def _leaves_open(literal: str, was_open: bool) -> bool:
    """Whether a start tag is still open after ``literal``'s text, given whether one was before it."""
    edges = _TAG_EDGE.findall(literal)
    return edges[-1] != ">" if edges else was_open


def _opaque(code: str) -> str:
    """PHP code with comments as spaces and string literals as ``'xxx'`` (same length), so that
    keywords and braces inside them are not read as code."""
    parts, last = [], 0
    for start, end, kind in template_lexer.php_literals(code):
        literal = code[start:end]
        parts.append(code[last:start])
        if kind == "comment":
            parts.append(" " * len(literal))
        elif kind == "heredoc":
            parts.append("".join(c if c == "\n" else "x" for c in literal))
        else:
            parts.append(literal[0] + "x" * (len(literal) - 2) + literal[-1])
        last = end
    parts.append(code[last:])
    return "".join(parts)


# What an output tag's text is written as: a value, so that src="<?= $x ?>" keeps one; the field reader drops
# runs of it from the texts a person would read (analyzer/facts/fieldfacts.py).
OUTPUT_FILL = "0"


def neutralise(text: str, regions: list[Region]) -> str:
    """Same length, newlines kept: statements and comments to spaces, output to ``0``; markup that
    PHP code echoes from string literals is kept (:func:`_php_code`)."""
    parts = []
    last = 0
    for r in regions:
        parts.append(text[last : r.start])
        fill = OUTPUT_FILL if r.kind == "output" else " "
        chunk = text[r.start : r.end]
        if r.kind == "literal":  # Latte's {l} and {r}: the brace they print, where they stand
            parts.append(("{" if chunk == "{l}" else "}").center(len(chunk)))
            last = r.end
            continue
        if r.kind != "comment" and chunk.startswith("<?") and (_ECHOED_MARKUP.search(chunk) or _PRINTS_LITERAL.search(chunk)):
            parts.append(_php_code(chunk, fill))
        else:
            parts.append(blank(chunk, fill))
        last = r.end
    parts.append(text[last:])
    return "".join(parts)


# -- conditional blocks ---------------------------------------------------------------------------
_NEVER = r"^.\A"  # a pattern that matches nothing (\A after a character): a construct the dialect has not
_TAG_IF = {
    "jinja": (
        r"^\s*if\s+(.*)$",
        r"^\s*el(?:s?if|se\s+if)\s+(.*)$",
        r"^\s*else\s*$",
        r"^\s*endif\s*$",
        r"^\s*unless\s+(.*)$",
        r"^\s*endunless\s*$",
    ),
    "liquid": (r"^\s*if\s+(.*)$", r"^\s*elsif\s+(.*)$", r"^\s*else\s*$", r"^\s*endif\s*$", r"^\s*unless\s+(.*)$", r"^\s*endunless\s*$"),
    "handlebars": (r"^#if\s+(.*)$", r"^else\s+if\s+(.*)$", r"^else\s*$", r"^/if\s*$", r"^#unless\s+(.*)$", r"^/unless\s*$"),
    # Latte has no "unless".
    "latte": (r"^if(?:set)?\s+(.*)$", r"^elseif(?:set)?\s+(.*)$", r"^else\s*$", r"^/if(?:set)?\s*$", _NEVER, _NEVER),
}
# Blocks of other kinds that may hold an "else" of their own (a loop's "else" for an empty list, Liquid's case, Latte's
# {try} … {else}), opened and closed: their "else" is no branch of the condition around them.
_TAG_BLOCKS = {
    "jinja": (r"^\s*for\b", r"^\s*endfor\b"),
    "liquid": (r"^\s*(?:for|case|tablerow)\b", r"^\s*end(?:for|case|tablerow)\b"),
    "handlebars": (r"^#(?!if\b|unless\b)[\w-]", r"^/(?!if\b|unless\b)[\w-]"),
    "latte": (
        r"^(?:foreach|for|while|try|ifchanged|first|last|sep|switch)\b",
        r"^/(?:foreach|for|while|try|ifchanged|first|last|sep|switch)\b",
    ),
}


@dataclass
class _Frame:
    kind: str  # "if" or "other"
    branches: list[tuple[int, str, bool]] = field(default_factory=list)  # (start, condition, needs_true)
    conds: list[str] = field(default_factory=list)


class _Blocks:
    """Collects branches from open / elif / else / close events in document order."""

    def __init__(self) -> None:
        self.stack: list[_Frame] = []
        self.branches: list[Branch] = []

    def open(self, at: int, cond: str, negated: bool = False) -> None:
        self.stack.append(_Frame("if", [(at, cond, not negated)], [cond]))

    def other(self) -> None:
        self.stack.append(_Frame("other"))

    def elif_(self, at: int, cond: str, body_at: int | None = None) -> None:
        """The previous branch ends at ``at``; this one's body starts at ``body_at``."""
        frame = self._top_if()
        if frame is None:
            return
        self._close_branch(frame, at)
        frame.branches.append((body_at if body_at is not None else at, cond, True))
        frame.conds.append(cond)

    def else_(self, at: int, body_at: int | None = None) -> None:
        frame = self._top_if()
        if frame is None:
            return
        self._close_branch(frame, at)
        prior = " or ".join(f"({c})" for c in frame.conds)
        frame.branches.append((body_at if body_at is not None else at, prior, False))

    def close(self, at: int, only_if: bool = True) -> None:
        if not self.stack:
            return
        if only_if and self.stack[-1].kind != "if":
            # An "end" that closes a non-if block (loops, with, define) in dialects that share it.
            self.stack.pop()
            return
        frame = self.stack.pop()
        if frame.kind == "if":
            self._close_branch(frame, at)

    def close_other(self) -> None:
        """The end of a block of another kind: its frame, when it is the innermost (a stray end closes no "if")."""
        if self.stack and self.stack[-1].kind == "other":
            self.stack.pop()

    def _top_if(self) -> _Frame | None:
        return self.stack[-1] if self.stack and self.stack[-1].kind == "if" else None

    def _close_branch(self, frame: _Frame, at: int) -> None:
        if frame.branches:
            start, cond, needs_true = frame.branches[-1]
            self.branches.append(Branch(start, at, cond, needs_true))
            frame.branches[-1] = (at, cond, needs_true)  # later branches start after this one

    def finish(self, end: int) -> list[Branch]:
        while self.stack:
            self.close(end, only_if=False)
        return self.branches


# ERB/EEx code that opens a block closed by <% end %> (if/unless open branches and are handled apart).
_ERB_KEYWORD_OPENS = re.compile(r"(?:case|while|until|for|begin)\b")


def _erb_opens(inner: str) -> bool:
    """``… do``, ``… do |x|`` at the end, or a ``case`` / ``while`` / … statement. Read from the
    end by hand: a regex ``do\\s*(\\|[^|]*\\|)?\\s*$`` backtracks over every blank run."""
    if _ERB_KEYWORD_OPENS.match(inner):
        return True
    tail = inner.rstrip()
    if tail.endswith("|"):
        bar = tail.rfind("|", 0, len(tail) - 1)
        if bar < 0:
            return False
        tail = tail[:bar].rstrip()
    return tail.endswith("do") and (len(tail) == 2 or not (tail[-3].isalnum() or tail[-3] == "_"))


def _if_head(inner: str, suffixes: tuple[str, ...], required: bool) -> tuple[str, str] | None:
    """``if cond`` / ``unless cond`` with an optional (or, with ``required``, mandatory) trailing
    ``do`` / ``then``: (keyword, condition). By hand: ``(.*?)\\s+do$`` is quadratic on blanks."""
    word = "unless" if inner.startswith("unless") else "if" if inner.startswith("if") else ""
    rest = inner[len(word) :]
    if not word or not rest[:1].isspace():
        return None
    cond = rest.strip()
    for suffix in suffixes:
        if cond.endswith(suffix) and len(cond) > len(suffix) and cond[-len(suffix) - 1].isspace():
            return word, cond[: -len(suffix)].strip()
    return None if required else (word, cond)


def _tag_blocks(regions: list[Region], dialect: str) -> list[Branch]:
    """The if / elif / else branches of a tag dialect: one reader per grammar, one block builder."""
    b = _Blocks()
    if dialect in _TAG_IF:
        _generic_tags(b, regions, dialect)
    elif dialect in _TAG_READERS:
        _TAG_READERS[dialect](b, regions)
    return b.finish(regions[-1].end if regions else 0)


def _generic_tags(b: _Blocks, regions: list[Region], dialect: str) -> None:
    """Jinja, Liquid, Handlebars, …: the dialect's opener / elif / else / closer patterns (_TAG_IF)."""
    op, el, es, cl, un, ecl = (re.compile(p, re.S) for p in _TAG_IF[dialect])
    block_open, block_close = (re.compile(p, re.S) for p in _TAG_BLOCKS.get(dialect, (_NEVER, _NEVER)))
    for r in regions:
        if r.kind != "code":
            continue
        inner = _inner(r.body, dialect)
        if block_open.match(inner):
            b.other()
        elif block_close.match(inner):
            b.close_other()
        elif m := op.match(inner):
            b.open(r.end, m.group(1).strip())
        elif m := un.match(inner):
            b.open(r.end, m.group(1).strip(), negated=True)
        elif m := el.match(inner):
            b.elif_(r.start, m.group(1).strip(), r.end)
        elif es.match(inner):
            b.else_(r.start, r.end)
        elif cl.match(inner) or ecl.match(inner):
            b.close(r.start)


def _erb_tags(b: _Blocks, regions: list[Region]) -> None:
    """ERB and EEx: ``if`` / ``unless`` (with ``then`` / ``do``), ``elsif``, ``else``, and an ``end``
    that closes any block, so other openers (``do |f|``, ``case``) are counted too."""
    for r in regions:
        inner = _inner(r.body, "erb").strip()
        if r.kind == "output":
            _erb_output(b, r, inner)
        elif r.kind == "code":
            _erb_code(b, r, inner)


def _erb_output(b: _Blocks, r: Region, inner: str) -> None:
    """EEx (Phoenix): <%= if cond do %> … <% else %> … <% end %>; any other output tag that opens
    a block (<%= form_with … do |f| %>) is closed by an <% end %> too."""
    if head := _if_head(inner, ("do",), required=True):
        b.open(r.end, head[1], negated=head[0] == "unless")
    elif _erb_opens(inner):
        b.other()


# A scriptlet of a brace language (EJS's JavaScript, JSP's Java, ASP.NET's C#): it opens or closes a brace block, or
# starts a statement whose head is parenthesised ("if (", "for (", "} else {"). Ruby's own braces ("@items.any? { |i|
# … }", "#{…}" in a string) sit inside an "if" written without parentheses and stay Ruby's.
_BRACE_SCRIPTLET = re.compile(r"[{}]|(?:if|for|while|switch|foreach|using|lock)[ \t\r\n]{0,20}\(|else\b|try\b|catch\b|do[ \t\r\n]{0,20}\{")


def _erb_code(b: _Blocks, r: Region, inner: str) -> None:
    if _BRACE_SCRIPTLET.match(inner) or inner.rstrip().endswith("{"):
        _brace_code(b, r, inner)
    elif head := _if_head(inner, ("then", "do"), required=False):
        b.open(r.end, head[1], negated=head[0] == "unless")
    elif m := re.match(r"^elsif\s+(.*)$", inner, re.S):
        b.elif_(r.start, m.group(1).strip(), r.end)
    elif inner == "else":
        b.else_(r.start, r.end)
    elif inner == "end" or inner.startswith("end "):
        b.close(r.start, only_if=False)
    elif _erb_opens(inner):
        b.other()


# A scriptlet's code in a brace language (EJS's JavaScript, JSP's Java, ASP.NET's C#), read event by event: the
# parenthesised condition of an "if", "} else if (…) {", "} else {", any other "{" (a loop, a callback, a bare block)
# and "}". Quoted strings are skipped.
_BRACE_EVENT = re.compile(
    r"\bif\s*\(|\}\s*else\s+if\s*\(|\}\s*else\s*\{|[{}]" + r"|'(?:[^'\\\n]|\\.){0,400}'" + r'|"(?:[^"\\\n]|\\.){0,400}"'
)
_BLOCK_AFTER = re.compile(r"\s*\{")


def _brace_code(b: _Blocks, r: Region, inner: str) -> None:
    """The blocks a brace language's scriptlet opens and closes: ``<% if (consent.analytics) { %>`` opens a branch on
    ``consent.analytics``, ``<% } else { %>`` its else, ``<% } %>`` closes the innermost block, whatever it is, and
    ``<% items.forEach(function (i) { %>`` opens a block of another kind. A condition whose block does not open in the
    same scriptlet (``if (x) doIt();``) opens none."""
    pairs: dict[int, int] | None = None  # each "(" -> its ")", paired once for the whole scriptlet
    pos = 0
    while (m := _BRACE_EVENT.search(inner, pos)) is not None:
        tok = m.group()
        pos = m.end()
        if tok[0] in "'\"":
            continue
        if tok == "{":
            b.other()
        elif tok == "}":
            b.close(r.start, only_if=False)
        elif tok[0] == "}" and tok.rstrip().endswith("{"):  # } else {
            b.else_(r.start, r.end)
        else:  # "if (" or "} else if (": the condition up to its closing parenthesis, then its block
            if pairs is None:
                pairs = paren_pairs(inner)
            close = pairs.get(pos - 1, -1)
            block = _BLOCK_AFTER.match(inner, close + 1) if close >= 0 else None
            if block is None:
                continue
            cond = inner[pos:close].strip()
            if tok[0] == "}":
                b.elif_(r.start, cond, r.end)
            else:
                b.open(r.end, cond)
            pos = block.end()


def _go_tags(b: _Blocks, regions: list[Region]) -> None:
    """Go templates: ``if`` / ``else if`` / ``else``, and an ``end`` shared with range, with,
    define and block."""
    for r in regions:
        if r.kind != "code":
            continue
        inner = _inner(r.body, "go").strip()
        if m := re.match(r"^if\s+(.*)$", inner, re.S):
            b.open(r.end, m.group(1).strip())
        elif m := re.match(r"^else\s+if\s+(.*)$", inner, re.S):
            b.elif_(r.start, m.group(1).strip(), r.end)
        elif inner == "else":
            b.else_(r.start, r.end)
        elif inner == "end":
            b.close(r.start, only_if=False)
        elif re.match(r"^(range|with|define|block)\b", inner):
            b.other()


_BLADE_OPEN = {
    "if": "{cond}",
    "isset": "isset({cond})",
    "env": "env({cond})",
    "production": "@production",
    "auth": "@auth",
    "guest": "@guest",
}
_BLADE_CLOSE = frozenset({"endif", "endunless", "endisset", "endenv", "endproduction", "endauth", "endguest"})


def _blade_tags(b: _Blocks, regions: list[Region]) -> None:
    """Laravel Blade directives: @if / @unless / @isset / @env / @production / @auth / @guest,
    @elseif, @else and their @end… closers."""
    for r in regions:
        name_match = re.match(r"@(\w+)", r.body) if r.kind == "code" else None
        if name_match is None:
            continue
        name = name_match.group(1)
        arg = r.body[len(name) + 1 :].strip()
        cond = arg[1:-1].strip() if arg.startswith("(") else arg
        if name in _BLADE_OPEN:
            b.open(r.end, _BLADE_OPEN[name].format(cond=cond))
        elif name == "unless":
            b.open(r.end, cond, negated=True)
        elif name == "elseif":
            b.elif_(r.start, cond, r.end)
        elif name == "else":
            b.else_(r.start, r.end)
        elif name in _BLADE_CLOSE:
            b.close(r.start)


_TAG_READERS = {"erb": _erb_tags, "go": _go_tags, "blade": _blade_tags}


def _inner(body: str, dialect: str) -> str:
    if dialect in ("jinja", "liquid"):
        return re.sub(r"^\{%-?|-?%\}$", "", body).strip()
    if dialect == "handlebars":
        return body[2:-2].strip()
    if dialect == "erb":
        return re.sub(r"^<%[-=:$]?|-?%>$", "", body).strip()
    if dialect == "go":
        return re.sub(r"^\{\{-?|-?\}\}$", "", body).strip()
    if dialect == "latte":
        return body[1:-1].strip()
    return body


# -- Latte's n:attributes: n:if="cond" (n:ifset) on an element renders it, and what it holds, only when cond holds
# (latte.nette.org/en/syntax, "n:attributes"): a branch over the element, from its start tag to its end tag.
_N_IF = re.compile(r"""\sn:if(?:set)?[ \t]*=[ \t]*(?:"([^"]{0,400})"|'([^']{0,400})')""")
_TAG_NAME = re.compile(r"<([A-Za-z][\w-]{0,40})")
_MAX_ELEMENT = 200_000  # characters searched for an element's end tag


def _latte_attribute_blocks(text: str, regions: list[Region], verbatim: list[tuple[int, int]]) -> list[Branch]:
    """The branches Latte's ``n:if`` attributes make: each over its element (a void element's start tag alone). An
    attribute Latte does not read (in a comment, an HTML comment, where its syntax is off) or one that may stand inside
    another attribute's quoted value makes none: no branch is better than a wrong one, which could call a recorder
    gated."""
    out: list[Branch] = []
    unread = _unread_spans(text, regions, verbatim)
    for m in _N_IF.finditer(text):
        if len(out) >= _MAX_N_ATTRIBUTES:
            break
        if _inside(unread, m.start()):
            continue
        found = _start_tag(text, m)
        if found is None:
            continue
        start, tag, close = found
        end = close if tag in VOID or text[close - 2] == "/" else _element_end(text, tag, close)
        cond = m.group(1) if m.group(1) is not None else m.group(2)
        out.append(Branch(start, end, cond.strip(), True))
    return out


def _start_tag(text: str, attribute: re.Match[str]) -> tuple[int, str, int] | None:
    """(start, tag name in lower case, end) of the start tag an attribute found at ``attribute`` stands in; None where
    it may not stand in one (no "<" before it on the way back without a ">", or an odd number of quotes between: it
    would be inside a quoted value)."""
    start = text.rfind("<", 0, attribute.start())
    if start < 0:
        return None
    before = text[start : attribute.start()]
    if ">" in before or before.count('"') % 2 or before.count("'") % 2:
        return None
    name = _TAG_NAME.match(text, start)
    close = text.find(">", attribute.end())
    if name is None or close < 0:
        return None
    return start, name.group(1).lower(), close + 1


_MAX_N_ATTRIBUTES = 200  # n:if and n:syntax attributes read per file: the rest make no branch and no verbatim span


def _unread_spans(text: str, regions: list[Region], verbatim: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where Latte reads no attribute, merged and sorted: its comments, HTML comments (an unclosed one runs to the
    end), and where its syntax is off."""
    spans = [(r.start, r.end) for r in regions if r.kind == "comment"]
    at = text.find("<!--")
    while at >= 0:
        end = text.find("-->", at + 4)
        spans.append((at, len(text) if end < 0 else end + 3))
        at = -1 if end < 0 else text.find("<!--", end + 3)
    return _merged(spans + verbatim)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans as disjoint sorted intervals."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies in one of ``spans`` (disjoint and sorted: ``_merged``)."""
    k = bisect.bisect_right(spans, (at, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


# Where Latte reads no single-brace tag (latte.nette.org/en/tags, "{syntax}"): "off" reads none, "double" only {{…}},
# which a script's braces may still be; both are kept as written.
_SYNTAX_OFF = re.compile(r"\{syntax\s+(?:off|double)\}")
_SYNTAX_BACK = re.compile(r"\{/syntax\}")
_N_SYNTAX_OFF = re.compile(r"""\sn:syntax[ \t]*=[ \t]*["'](?:off|double)["']""")


def _latte_verbatim(text: str) -> list[tuple[int, int]]:
    """The spans where Latte's syntax is off or double, merged: after ``{syntax off}`` up to ``{/syntax}``, and inside
    an element with ``n:syntax="off"`` (how a template keeps an inline script's braces); at most ``_MAX_N_ATTRIBUTES``
    of each."""
    spans = []
    for m in itertools.islice(_SYNTAX_OFF.finditer(text), _MAX_N_ATTRIBUTES):
        back = _SYNTAX_BACK.search(text, m.end())
        spans.append((m.end(), back.start() if back else len(text)))
    for m in itertools.islice(_N_SYNTAX_OFF.finditer(text), _MAX_N_ATTRIBUTES):
        found = _start_tag(text, m)
        if found is not None:
            _, tag, close = found
            spans.append((close, _element_end(text, tag, close)))
    return _merged(spans)


def _element_end(text: str, tag: str, at: int) -> int:
    """Where the element whose start tag ends at ``at`` ends (past its end tag, same-named elements inside counted);
    ``at`` when its end tag is not within ``_MAX_ELEMENT`` characters (the start tag alone is the branch)."""
    depth = 1
    for m in re.compile(rf"<(/?){re.escape(tag)}\b[^>]{{0,2000}}>", re.I).finditer(text, at, min(len(text), at + _MAX_ELEMENT)):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return at


# -- PHP: conditions live in code that spans regions ----------------------------------------------
_PHP_TOKEN = re.compile(r"\b(elseif|else\s+if|if|else|endif)\b|[{}]")
_PHP_CONTINUES = re.compile(r"\s*(?:elseif|else\s+if|else)\b")  # after "}": the same if goes on
_PHP_NEXT = re.compile(r"\s*(\S)")


def _past(found: int, fallback: int) -> int:
    """Where to read on after a token looked for: past it, or past ``fallback`` when it is not there."""
    return found + 1 if found >= 0 else fallback + 1


def _php_blocks(text: str, regions: list[Region]) -> list[Branch]:
    """Alternative (``if (…): … endif;``) and brace syntax, across ``<?php ?>`` regions."""
    b = _Blocks()
    braces: list[str] = []  # "if" or "other" per open brace
    for r in regions:
        if not r.body.startswith("<?"):
            continue
        code_start = r.start + (5 if r.body.startswith("<?php") else 2)
        code = text[code_start : r.end - (2 if r.body.endswith("?>") else 0)]
        clean = _opaque(code)
        finder = template_lexer.Finder(clean)
        pairs: dict[int, int] | None = None
        pos = done = 0
        while True:
            # Every step moves forward: a brace looked for and not found (``} elseif ($b) y();``)
            # once sent the search back to the start of the region, for ever.
            m = _PHP_TOKEN.search(clean, max(pos, done))
            if not m:
                break
            done = m.end()
            tok = m.group(0)
            at = code_start + m.start()
            if tok == "{":
                braces.append("other")
                b.other()
                pos = m.end()
                continue
            if tok == "}":
                if braces:
                    kind = braces.pop()
                    if kind == "if" and _PHP_CONTINUES.match(clean, m.end()):
                        pos = m.end()  # the else / elseif that follows continues this if
                        braces.append("if-cont")
                        continue
                    b.close(at, only_if=False)
                pos = m.end()
                continue
            word = re.sub(r"\s+", " ", tok)
            if word in ("if", "elseif", "else if"):
                paren = finder.find("(", m.end())
                if pairs is None and paren >= 0:
                    pairs = template_lexer.paren_pairs(clean)
                close = pairs.get(paren, -1) if pairs is not None and paren >= 0 else -1
                if close < 0:
                    pos = m.end()
                    continue
                cond = code[paren + 1 : close].strip()
                follow = _PHP_NEXT.match(clean, close + 1)
                nxt = follow.group(1) if follow else ""
                opener_at = code_start + close + 1
                if word == "if":
                    if braces and braces[-1] == "if-cont":
                        braces.pop()
                    b.open(opener_at, cond)
                    if nxt == "{":
                        braces.append("if")
                        pos = _past(finder.find("{", close), close)
                        continue
                    if nxt != ":":  # a single statement: the branch ends at its semicolon
                        semi = finder.find(";", close)
                        end = code_start + (semi if semi >= 0 else len(clean))
                        b.close(end)
                        pos = (semi if semi >= 0 else close) + 1
                        continue
                else:
                    b.elif_(at, cond)
                    if braces and braces[-1] == "if-cont":
                        braces[-1] = "if"
                        pos = _past(finder.find("{", close), close)
                        continue
                pos = close + 1
                continue
            if word == "else":
                b.else_(at)
                if braces and braces[-1] == "if-cont":
                    braces[-1] = "if"
                    brace = finder.find("{", m.end())
                    pos = brace + 1 if brace >= 0 else m.end()
                    continue
            elif word == "endif":
                b.close(at)
            pos = m.end()
    return b.finish(len(text))


def match_paren(s: str, open_at: int) -> int:
    """Offset of the ``)`` that closes the ``(`` at ``open_at``, or -1 when it is not closed."""
    depth = 0
    for i in range(open_at, len(s)):
        if s[i] == "(":
            depth += 1
        elif s[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


# -- references -----------------------------------------------------------------------------------
_REFS = [
    ("extends", re.compile(r"""\{%-?\s*extends\s+["']([^"']+)["']""")),
    ("include", re.compile(r"""\{%-?\s*(?:include|embed|import|from)\s+["']([^"']+)["']""")),
    ("include", re.compile(r"""\{%-?\s*render\s+["']([^"']+)["']""")),
    # Jekyll's Liquid names an include without quotes: {% include analytics.html %}, {% include_relative x.html %}
    ("include", re.compile(r"""\{%-?\s*include(?:_relative)?\s+([\w./-]+\.\w+)""")),
    ("include", re.compile(r"""\{%-?\s*section\s+["']([^"']+)["']""")),
    ("layout", re.compile(r"""\{%-?\s*layout\s+["']([^"']+)["']""")),
    ("include", re.compile(r"""\{\{>\s*["']?([\w./-]+)""")),
    ("extends", re.compile(r"""\{\{!<\s*([\w./-]+)""")),
    ("include", re.compile(r"""render\s*(?:\(\s*)?(?:partial:\s*)?["']([\w./-]+)["']""")),
    ("include", re.compile(r"""\{\{-?\s*partial(?:Cached)?\s+["']([^"']+)["']""")),
    ("include", re.compile(r"""\{\{-?\s*template\s+["']([^"']+)["']""")),
    ("extends", re.compile(r"""@extends\s*\(\s*["']([^"']+)["']""")),
    ("include", re.compile(r"""@include(?:If|When|Unless)?\s*\(\s*(?:[^,\s][^,]{0,500},\s*)?["']([^"']+)["']""")),
    # Latte: {include 'parts/form.latte'}, {layout '@layout.latte'}, {extends …}, {import …}, {embed …}
    ("include", re.compile(r"""\{(?:include|import|embed)\s+["']?([\w./@-]+\.latte)""")),
    ("layout", re.compile(r"""\{(?:layout|extends)\s+["']?([\w./@-]+\.latte)""")),
    ("include", re.compile(r"""get_template_part\s*\(\s*["']([^"']+)["'](?:\s*,\s*["']([^"']+)["'])?""")),
    ("include", re.compile(r"""\b(?:include|require)(?:_once)?\s*(?:\(\s*)?(?:[\w:]+\s*\(\s*\)\s*\.\s*)?["']/?([\w./-]+\.php)["']""")),
]
_WP_PARTS = re.compile(r"""\bget_(header|footer|sidebar)\s*\(\s*(?:["']([\w-]+)["']\s*)?\)""")


# A condition written on the include itself: Blade's @includeWhen / @includeUnless (the first
# argument), a Ruby ``if`` / ``unless`` modifier after the call in the same ERB tag.
_INCLUDE_WHEN = re.compile(r"@include(When|Unless)\s*\(")
_MODIFIER = re.compile(r"\s(if|unless)\s")


def _inline_condition(body: str, m: re.Match[str]) -> tuple[str | None, bool]:
    when = _INCLUDE_WHEN.match(body, m.start())
    if when:
        comma = body.find(",", when.end(), m.start(1))
        cond = body[when.end() : comma].strip() if comma >= 0 else ""
        return (cond or None), when.group(1) == "When"
    if body.startswith("<%"):
        tail = body[m.end() : len(body) - 2]
        mod = _MODIFIER.search(tail)
        if mod:
            return tail[mod.end() :].strip(" -") or None, mod.group(1) == "if"
    return None, True


def _references(text: str, regions: list[Region]) -> list[Reference]:
    out = []
    for r in regions:
        body = r.body
        for kind, rx in _REFS:
            for m in rx.finditer(body):
                name = m.group(1)
                cond, needs_true = _inline_condition(body, m)
                if m.lastindex and m.lastindex >= 2 and m.group(2):
                    out.append(Reference(r.start + m.start(), kind, f"{name}-{m.group(2)}", cond, needs_true))
                out.append(Reference(r.start + m.start(), kind, name, cond, needs_true))
        for m in _WP_PARTS.finditer(body):
            part = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
            out.append(Reference(r.start + m.start(), "include", f"{part}.php"))
    return out


def _script_blocks(regions: list[Region], dialect: str) -> list[ScriptBlock]:
    out = []
    if dialect == "erb":
        depth_stack: list[tuple[int, int] | None] = []
        for r in regions:
            inner = _inner(r.body, "erb").strip()
            opens = _erb_opens(inner) or re.match(r"^(if|unless)\b", inner)
            if r.kind in ("output", "code") and opens:
                depth_stack.append((r.start, r.end) if "javascript_tag" in inner else None)
            elif r.kind == "code" and (inner == "end" or inner.startswith("end ")) and depth_stack:
                top = depth_stack.pop()
                if top is not None:
                    out.append(ScriptBlock(top[0], top[1], r.start))
    elif dialect == "liquid":
        opener = None
        for r in regions:
            inner = _inner(r.body, "liquid")
            if r.kind == "code" and inner == "javascript":
                opener = r
            elif r.kind == "code" and inner == "endjavascript" and opener is not None:
                out.append(ScriptBlock(opener.start, opener.end, r.start))
                opener = None
    return out


def neutralise_ejs(text: str) -> str | None:
    """A script written as an EJS / lodash template (a Nuxt module's ``templates/plugin.js``:
    ``const options = <%= serialize(options) %>;``), neutralised like a page template: output to
    ``0``, statements to spaces, same length. None when the text holds no such tag. ``<%`` is no
    valid JavaScript outside a string, so a script that holds it and ``%>`` is a template."""
    if "<%" not in text or "%>" not in text:
        return None
    regions = _regions(text, "erb")
    return neutralise(text, regions) if regions else None


def front_matter_reference(text: str) -> Reference | None:
    """The layout a Jekyll / Eleventy page names in its front matter, as a reference."""
    layout = frontmatter.layout(text)
    return Reference(layout[0], "layout", layout[1]) if layout is not None else None


def analyse(text: str, dialect_name: str) -> tuple[str, Template]:
    """The neutralised text and what the template says about conditions and composition."""
    verbatim = _latte_verbatim(text) if dialect_name == "latte" else []  # read once, for the regions and the n:if
    regions = _regions(text, dialect_name, verbatim)
    tpl = Template(dialect_name, regions)
    tpl.branches = _php_blocks(text, regions) if dialect_name == "php" else _tag_blocks(regions, dialect_name)
    if dialect_name == "latte":
        tpl.branches += _latte_attribute_blocks(text, regions, verbatim)
    if dialect_name == "blade":
        tpl.branches += _php_blocks(text, [r for r in regions if r.body.startswith("<?")])
    tpl.references = _references(text, regions)
    layout = front_matter_reference(text)
    if layout is not None:
        tpl.references.append(layout)
    tpl.script_blocks = _script_blocks(regions, dialect_name)
    defined = block_definitions(regions, dialect_name, len(text), lambda body: _inner(body, dialect_name))
    tpl.child, tpl.blocks, tpl.defines = defined.child, defined.blocks, defined.names
    return neutralise(text, regions), tpl
