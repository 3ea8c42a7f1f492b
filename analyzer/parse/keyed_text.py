"""The text a message key prints, with the key's own words beside it: "Fachbereich / Faculty (register personal Data
faculty)". Written where a key is resolved (``form_helpers.message_words``) and read where a label's sentence is
counted without them (``lexicon.voting_advice_item``): one format, here."""

from __future__ import annotations

import re

_KEY_AFTER = re.compile(r"\s*\([^()]*\)\s*$")


def with_key(text: str, key_words: str) -> str:
    """A catalogue's text followed by the key's words."""
    return f"{text} ({key_words})"


def without_key(label: str) -> str:
    """A label without the words written after it in parentheses (a key's, or an aside such as "(optional)")."""
    return _KEY_AFTER.sub("", label)
