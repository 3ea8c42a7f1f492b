"""A page template's title, set in the block its layout prints in ``<title>``, written as the ``<title>`` it becomes.

A page that extends a layout seldom writes ``<title>`` itself: it fills the layout's title block (Jinja's, Twig's,
Django's and Nunjucks' ``{% block title %}Anamnese{% endblock %}``, Blade's ``@section('title', 'Anamnese')`` or
``@section('title') … @endsection``, Rails' ``<% provide(:title, "Anamnese") %>`` and ``<% content_for :title do
%>…<% end %>``, Go's ``{{ define "title" }}…{{ end }}``), and the visitor reads it in the browser's tab and in every
recording's page title. The template reader blanks those statements, so the page lost its title; :func:`write` writes
``<title>…</title>`` over the same characters of the neutralised text (same length, line breaks kept), so the page's
title is read as a rendered page's is. The block names are data (``title_blocks`` in
signatures/template_conventions.toml). A block inside the layout's own ``<title>`` element is left as it is.
"""

from __future__ import annotations

import functools
import html
import re

from analyzer.parse.positions import blank

_MAX_TITLE = 300  # characters of one title
_MAX_BLOCKS = 5  # title blocks written per file (a page has one; a few pages in one file at most)
_OPEN_TITLE = re.compile(r"<title\b", re.I)
_CLOSE_TITLE = re.compile(r"</title\s*>", re.I)


def _alternation(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@functools.lru_cache(maxsize=4)
def _named(names: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the block names, in any case: a file that names none has no title block (one search, no pattern run)."""
    return re.compile(_alternation(names), re.I)


@functools.lru_cache(maxsize=4)
def _patterns(names: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """(pattern, inline): a block holding its title between two statements (group ``body``), or a statement given it
    as a string literal (group ``text``, ``inline``)."""
    alt = _alternation(names)
    body = rf"(?P<body>[^\x00]{{0,{_MAX_TITLE}}}?)"
    literal = rf"""(?P<q>['"])(?P<text>[^'"\n]{{1,{_MAX_TITLE}}})(?P=q)"""
    blocks = (
        rf"\{{%-?\s*block\s+(?:{alt})\s*-?%\}}{body}\{{%-?\s*endblock\b[^%\n]{{0,60}}%\}}",  # Jinja, Twig, Django, Nunjucks
        rf"""@section\(\s*['"](?:{alt})['"]\s*\){body}@(?:endsection|stop|show)\b""",  # Blade
        rf"""<%-?\s*content_for\s*\(?\s*:(?:{alt})\s*\)?\s*do\s*-?%>{body}<%-?\s*end\s*-?%>""",  # Rails
        rf"""\{{\{{-?\s*(?:define|block)\s+"(?:{alt})"[^}}\n]{{0,20}}\}}\}}{body}\{{\{{-?\s*end\s*-?\}}\}}""",  # Go templates, Hugo
    )
    inline = (
        rf"""@section\(\s*['"](?:{alt})['"]\s*,\s*(?:(?:__|trans|lang)\(\s*)?{literal}\s*\)?\s*\)""",  # Blade
        rf"""<%-?\s*(?:provide|content_for)\s*\(?\s*:(?:{alt})\s*,\s*{literal}\s*\)?\s*-?%>""",  # Rails
    )
    return tuple((re.compile(p, re.I), False) for p in blocks) + tuple((re.compile(p, re.I), True) for p in inline)


def write(original: str, neutral: str, names: tuple[str, ...]) -> str:
    """``neutral`` (the neutralised ``original``, same length) with each title block written as ``<title>``."""
    if not names or _named(names).search(original) is None:
        return neutral
    chars: list[str] | None = None
    done = 0
    for pattern, inline in _patterns(names):
        for m in pattern.finditer(original):
            if done >= _MAX_BLOCKS:
                break
            if _inside_title(original, m.start()):
                continue  # the layout's own <title>{% block title %}Praxis{% endblock %}</title>
            chars = chars if chars is not None else list(neutral)
            if inline:
                text = html.escape(" ".join(m.group("text").split()), quote=False)
                written = f"<title>{text}</title>"
                if len(written) > m.end() - m.start() or "\n" in original[m.start() : m.end()]:
                    continue
                chars[m.start() : m.end()] = written + " " * (m.end() - m.start() - len(written))
            else:
                if (
                    "<" in neutral[m.start("body") : m.end("body")]
                    or "\n" in original[m.start() : m.start() + 7] + original[m.end("body") : m.end("body") + 8]
                ):
                    continue  # markup inside (a heading, an icon): not a plain title; or no room on the statement's line
                _put(chars, m.start(), m.start("body"), "<title>")
                _put(chars, m.end("body"), m.end(), "</title>")
            done += 1
    return "".join(chars) if chars is not None else neutral


def _put(chars: list[str], start: int, end: int, text: str) -> None:
    """``text`` written at ``start``, the rest of ``[start, end)`` blank but its line breaks."""
    chars[start:end] = text + blank("".join(chars[start + len(text) : end]))


def _inside_title(text: str, at: int) -> bool:
    """Whether ``at`` stands inside an open ``<title>`` element of the text before it."""
    before = text[max(0, at - 2000) : at]
    opened = [m.start() for m in _OPEN_TITLE.finditer(before)]
    return bool(opened) and not any(m.start() > opened[-1] for m in _CLOSE_TITLE.finditer(before))
