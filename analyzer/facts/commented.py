"""Recorder snippets that are commented out, in every comment syntax a scanned file holds.

A snippet disabled by commenting it out does not run: it is reported once as a commented-out
snippet (RL120), never as a recorder, and never dropped in silence. Comments come from the
reader that knows the syntax, never from a regex over raw text:

* template comments (``{# #}``, ``{% comment %}``, ``<%# %>``, ``{{-- --}}``, ``{{!-- --}}``,
  ``{{! }}``, ``{{/* */}}``) from the template lexer's comment regions, and PHP comments from
  its PHP literal lexer;
* JavaScript comments (``//`` line by line, ``/* */``) from tree-sitter, in an inline script of
  any type (an inert ``type="text/plain"`` block included), in a template's script helper
  block (``<%= javascript_tag do %>``) and in JS/TS/JSX files, where ``//`` inside JSX text is
  text, not a comment. The script's code is read with its comments blanked, so a snippet that
  is only in a comment is never a recorder site.

HTML comments are the page's own (``detect``).

Comments next to each other (only blanks between them) are read as one run, so a snippet
commented out line by line is seen whole. A run is a commented-out snippet when it holds a
vendor's snippet anchors, or a vendor URL written as code (in quotes or a ``<script`` tag):
a comment that only names a host in prose is not one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import tree_sitter

from analyzer.facts.detect import CodeSpot, CommentedSnippet, inline_url_hit, snippet_hit
from analyzer.parse import jsparse, template_lexer
from analyzer.parse.jsparse import JsSource, Parsed, language
from analyzer.parse.positions import LineIndex, blank
from analyzer.parse.templates import Template
from analyzer.signatures import Vendor

# A vendor URL written as code: opened by a quote, or inside a <script …> tag.
_URL_AS_CODE = re.compile(r"""['"`](?:https?:)?//|<script\b""", re.I)
_BLANK = re.compile(rb"\s*")
# A comment's opening line holding only its delimiter ({#, {{--, <%#, {% comment %}, /*, <!--).
_OPENER_ONLY = re.compile(r"[ \t\r]*(?:(?:\{#|\{\{--|\{\{!--|\{\{!|<%#|\{%-?[ \t]{0,8}comment\b[^%\n]{0,80}%\}|\{\{/\*|/\*|<!--)[ \t\r]*)?")


@dataclass(frozen=True)
class Run:
    """Comments next to each other: offsets into the host text, and their text."""

    start: int
    end: int
    text: str
    pieces: tuple[tuple[int, str], ...] = ()  # (start, text) of each comment in the run


# A run of more comments than this is read whole (one report at its start), not comment by
# comment: finding where each snippet ends re-reads the run's text (a bound on that work).
MAX_SPLIT = 400


def hits(text: str, vendors: list[Vendor]) -> list[tuple[Vendor, str]]:
    """The vendors whose snippet, whose loader URL written as code, or whose start called with an
    argument (``posthog.init('phc_…', {…})``, not prose naming ``posthog.init()``) is in ``text``."""
    out = []
    for vendor in vendors:
        note = snippet_hit(vendor, text)
        if note is None and _URL_AS_CODE.search(text):
            url = inline_url_hit(vendor, text, vendors)
            note = f"loader URL {url}" if url else None
        if note is None:
            call = _start_call(vendor).search(text)
            note = f"start call {call.group(1)}(…)" if call is not None and not _placeholder(text[call.end() : call.end() + 40]) else None
        if note:
            out.append((vendor, note))
    return out


_START_CALLS: dict[str, re.Pattern[str]] = {}


def _start_call(vendor: Vendor) -> re.Pattern[str]:
    """A vendor's distinctive start (dotted or long: ``LogRocket.init``, ``initHotjar``) called with
    an argument (prose naming ``posthog.init()`` has none); a bare ``init(`` could be anything.
    Compiled once per vendor."""
    found = _START_CALLS.get(vendor.id)
    if found is None:
        found = _START_CALLS[vendor.id] = _compile_start(vendor)
    return found


def _compile_start(vendor: Vendor) -> re.Pattern[str]:
    calls = vendor.sdk.init_starts
    if not calls:
        return re.compile(r"(?!)")
    return re.compile(r"(?<![\w$.])(" + "|".join(re.escape(c) for c in calls) + r")\(\s{0,4}[^)\s]")


def _placeholder(argument: str) -> bool:
    """A documentation placeholder (``init('<ph_project_api_key>')``, ``YOUR_APP_ID``)."""
    return argument.lstrip(" '\"`{").startswith(("<", "YOUR", "your", "[", "...", "…"))


def snippets(run: Run, vendors: list[Vendor]) -> list[tuple[int, Vendor, str]]:
    """(start, vendor, note) of each snippet in the run: two versions of a snippet commented out
    one after the other are two reports, each where its first comment starts."""
    found = hits(run.text, vendors)
    if not found or len(run.pieces) < 2 or len(run.pieces) > MAX_SPLIT:
        return [(run.start, vendor, note) for vendor, note in found]
    out = []
    for vendor, _ in found:
        first, text = 0, ""
        for i, (_, piece) in enumerate(run.pieces):
            text += "\n" + piece
            hit = hits(text, [vendor])
            if hit:
                out.append((_shortest_suffix(run.pieces, first, i, vendor, hit[0][1]), vendor, hit[0][1]))
                first, text = i + 1, ""
    return out


def _shortest_suffix(pieces: tuple[tuple[int, str], ...], first: int, last: int, vendor: Vendor, note: str) -> int:
    """Where the snippet that ends at comment ``last`` starts: the latest comment from which the
    text up to ``last`` still holds it the same way (the lines before belong to something else)."""
    suffix = ""
    for j in range(last, first - 1, -1):
        suffix = pieces[j][1] + "\n" + suffix
        hit = hits(suffix, [vendor])
        if hit and hit[0][1] == note:
            return pieces[_tag_above(pieces, first, j)][0]
    return pieces[first][0]


def _tag_above(pieces: tuple[tuple[int, str], ...], first: int, at: int) -> int:
    """Where the snippet opens, a few comments above the first one its anchors need: the
    ``<script`` (or ``<Script``) tag that holds it, else the IIFE that starts it."""
    window = range(max(first, at - _TAG_REACH), at + 1)
    for opener in ("<script", "(function(", "!function("):
        k = next((k for k in window if opener in pieces[k][1].lower()), None)
        if k is not None:
            return k
    return at


_TAG_REACH = 8


def _spots(runs: list[Run], vendors: list[Vendor], where, syntax: str) -> list[CommentedSnippet]:
    out = []
    for run in runs:
        for start, vendor, note in snippets(run, vendors):
            line, column = where(start)
            out.append(CommentedSnippet(vendor, CodeSpot(line, column, tag="comment"), f"{syntax}: {note}"))
    return out


def in_blocks(blocks: list[tuple[int, str]], text: str, vendors: list[Vendor], syntax: str) -> list[CommentedSnippet]:
    """Comment blocks another reader cut out, as (offset in ``text``, block text)."""
    lines = LineIndex(text)
    return [
        CommentedSnippet(vendor, CodeSpot(*lines.line_col(start), tag="comment"), f"{syntax}: {note}")
        for start, block in blocks
        for vendor, note in hits(block, vendors)
    ]


# -- templates --------------------------------------------------------------------------------------
def _joined(groups: list[list[tuple[int, int, str]]], host: str | None = None) -> list[Run]:
    """Runs from groups of adjacent comments (start, end, text), each joined once. With the host
    text, one block comment of many lines is split into its lines, so that the snippets in a
    block are each reported where they start, as for a snippet commented out line by line."""
    runs = []
    for g in groups:
        pieces: list[tuple[int, str]] = []
        for s, e, t in g:
            inner = host.find(t, s, e) if host is not None and t and "\n" in t else -1
            if inner < 0:
                pieces.append((s, t))
                continue
            at, opened = inner, False
            for line in t.split("\n"):
                # The comment's first written line stands at its opener ({# … #}, {{-- … --}}).
                pieces.append((at if opened else s, line))
                opened = opened or not _OPENER_ONLY.fullmatch(line)
                at += len(line) + 1
        runs.append(Run(g[0][0], g[-1][1], "\n".join(t for _, _, t in g), tuple(pieces)))
    return runs


def template_runs(tpl: Template, text: str) -> list[Run]:
    """Runs of the template's comment regions."""
    groups: list[list[tuple[int, int, str]]] = []
    for r in tpl.regions:
        if r.kind != "comment":
            continue
        if groups and not text[groups[-1][-1][1] : r.start].strip():
            groups[-1].append((r.start, r.end, r.body))
        else:
            groups.append([(r.start, r.end, r.body)])
    return _joined(groups, text)


def php_runs(tpl: Template) -> list[Run]:
    """Runs of the comments inside each ``<?php ?>`` region (``//``, ``#``, ``/* */``)."""
    groups: list[list[tuple[int, int, str]]] = []
    for r in tpl.regions:
        if not r.body.startswith("<?"):
            continue
        last_end = -1
        for start, end, kind in template_lexer.php_literals(r.body):
            if kind != "comment":
                continue
            piece = (r.start + start, r.start + end, r.body[start:end])
            if last_end >= 0 and not r.body[last_end:start].strip():
                groups[-1].append(piece)
            else:
                groups.append([piece])
            last_end = end
    return _joined(groups)


def in_template(tpl: Template, text: str, vendors: list[Vendor]) -> list[CommentedSnippet]:
    """Snippets inside the template's own comments, PHP comments, and JavaScript comments in
    script helper blocks (``<%= javascript_tag do %>``) (``text``: the template, any version of
    the same length: the neutralised page will do)."""
    lines = LineIndex(text)
    out = _spots(template_runs(tpl, text), vendors, lines.line_col, f"{tpl.dialect} template comment")
    out += _spots(php_runs(tpl), vendors, lines.line_col, "PHP comment")
    for block in tpl.script_blocks:
        _, found = script_body(text[block.start : block.end], vendors)
        for start, vendor, note in found:
            line, column = lines.line_col(block.start + start)
            out.append(
                CommentedSnippet(vendor, CodeSpot(line, column, tag="comment"), f"JavaScript comment in a script helper block: {note}")
            )
    return out


def in_markup(html: str, vendors: list[Vendor]) -> list[CommentedSnippet]:
    """Snippets in the HTML comments of a component file (Vue / Svelte / Astro): parsed as HTML,
    its script blocks are raw text, so only the markup's own comments are read."""
    if "<!--" not in html:
        return []
    from analyzer.facts.detect import commented_in
    from analyzer.parse import htmldoc

    return [c for comment in htmldoc.parse(html).comments for c in commented_in(comment, vendors)]


# -- JavaScript -------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=4)
def _query(dialect: str) -> tree_sitter.Query:
    return tree_sitter.Query(language(dialect), "(comment) @c")


def js_runs(parsed: Parsed) -> list[Run]:
    """Runs of the program's comments; offsets are byte offsets into its source."""
    data = parsed.source.data
    nodes = sorted(tree_sitter.QueryCursor(_query(parsed.source.dialect)).captures(parsed.root).get("c", []), key=lambda n: n.start_byte)
    groups: list[list] = []
    for node in nodes:
        if groups and _BLANK.fullmatch(data, groups[-1][-1].end_byte, node.start_byte):
            groups[-1].append(node)
        else:
            groups.append([node])
    out = []
    for group in groups:
        start, end = group[0].start_byte, group[-1].end_byte
        pieces = tuple((n.start_byte, data[n.start_byte : n.end_byte].decode("utf-8", "replace")) for n in group)
        out.append(Run(start, end, data[start:end].decode("utf-8", "replace"), pieces))
    return out


def in_code(parsed: Parsed, vendors: list[Vendor]) -> list[CommentedSnippet]:
    """Snippets in the comments of one parsed piece of JavaScript, at their file positions."""
    return _spots(js_runs(parsed), vendors, parsed.source.position, "JavaScript comment")


def _char_offsets(data: bytes, offsets: list[int]) -> dict[int, int]:
    """Byte offset -> character offset, for ascending byte offsets into UTF-8 ``data`` (one pass)."""
    if data.isascii():
        return {at: at for at in offsets}
    out, last, chars = {}, 0, 0
    for at in offsets:
        chars += len(data[last:at].decode("utf-8", "replace"))
        out[at] = chars
        last = at
    return out


def script_body(text: str, vendors: list[Vendor]) -> tuple[str, list[tuple[int, Vendor, str]]]:
    """An inline script's text with its comments blanked (same length), and the snippets those
    comments hold (start: a character offset into ``text``). Parsed only when a comment
    opener is there at all."""
    if "//" not in text and "/*" not in text:
        return text, []
    parsed = jsparse.parse(JsSource(text))
    runs = js_runs(parsed)
    if not runs:
        return text, []
    located = [(run, at, vendor, note) for run in runs for at, vendor, note in snippets(run, vendors)]
    bounds = _char_offsets(parsed.source.data, sorted({b for r in runs for b in (r.start, r.end)} | {at for _, at, _, _ in located}))
    parts, last = [], 0
    for run in runs:
        start, end = bounds[run.start], bounds[run.end]
        parts += [text[last:start], blank(text[start:end])]
        last = end
    parts.append(text[last:])
    return "".join(parts), [(bounds[at], vendor, note) for _, at, vendor, note in located]
