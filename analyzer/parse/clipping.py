"""Texts cut to a length without a broken word at the cut."""

from __future__ import annotations

import re

MAX_TEXT = 300  # the longest text of a field, page or section read: a 300-choice select is read by its start
SHORT_TEXT = 120  # the longest line read as one label or one choice's text: longer is a paragraph, not a label
_LAST_WORD = re.compile(r"[^\W_]+$")
_WORD_CHAR = re.compile(r"[^\W_]")


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` cut to at most ``limit`` characters, without a word broken at the cut: the cut of a country
    list must not end in "BOLI" (Czech "it hurts") nor a language list in "Kaš" of "Kašubiska"."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if _WORD_CHAR.match(text, limit):  # the cut falls inside a word: drop its start
        cut = _LAST_WORD.sub("", cut)
    return cut.rstrip()
