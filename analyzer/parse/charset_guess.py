"""Which legacy code page a file that is not UTF-8 and declares no charset is written in.

A browser reads such a file in its locale's code page; replaylint has none. Each candidate of
``signatures/charsets.toml`` decodes a sample of the file (the bytes up to its first ``sample_bytes``
non-ASCII bytes), and the sample's words that hold a non-ASCII character are weighed:

- a word whose non-ASCII letters all belong to one language's alphabet counts for the candidate
  (Czech "těhotná" under windows-1250);
- a word whose letters no one alphabet holds counts against it ("tìhotná": ì and á are in no one
  language's alphabet);
- a word no text holds counts twice against it (``_misread``: "ci¹¿y", "Congregaзхes", "żQué").

A word of fewer than two letters ("©", "£17", one character of a table) is not weighed. Words, not
letters, are weighed, so that a multilingual page reads as its languages and a table of accented
capitals counts once. The best weight wins; a tie goes to the candidate with more all-small words
(KOI8-R read as windows-1251 turns small letters into capitals), then to the earlier candidate. The
first candidate (windows-1252, the web's default) yields only to one that outweighs it by ``margin``: a
Danish "undersøgelse" reads as Czech "undersřgelse" as well, and a real Czech or Polish file outweighs
it by dozens. A file no candidate reads as words of its languages (none
weighs above zero) is left to the caller's detection. The cost is one decoding of the sample per
candidate and one pass over at most ``sample_bytes`` characters each.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from typing import Any

from analyzer.datadir import BUILTIN_DIR

_NON_ASCII = re.compile(rb"[\x80-\xff]")
# A word: a run of characters between ASCII spaces and ASCII punctuation (the same bytes in every candidate).
_WORD = re.compile(r"[^\s!-/:-@\[-`{-~]+")
_CASED = frozenset(("Ll", "Lu", "Lt"))  # letters with a case: "º" and "ª" (Lo) are ordinal signs, read as punctuation


@dataclass(frozen=True)
class Charsets:
    """``signatures/charsets.toml``: the candidates in tie order, the languages' letters, word punctuation."""

    candidates: tuple[str, ...]
    alphabets: tuple[tuple[str, frozenset[str]], ...]
    openers: frozenset[str]
    closers: frozenset[str]
    joiners: frozenset[str]
    sample_bytes: int
    margin: int


@functools.lru_cache(maxsize=1)
def knowledge() -> Charsets:
    """The installed ``charsets.toml``, checked (:func:`build`); ``signatures.load`` reads it first, so a broken
    table fails there as a signature error."""
    path = BUILTIN_DIR / "charsets.toml"
    try:
        with path.open("rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"{path}: {exc}") from None
    return build(data)


def build(data: dict[str, Any]) -> Charsets:
    """``data`` (the table's keys) as :class:`Charsets`, or a ValueError naming what is wrong: every candidate
    must be a text encoding that reads ASCII as ASCII, every alphabet lowercase letters."""
    from analyzer.parse.reading import text_codec  # reading imports this module lazily, when a file is not UTF-8

    where = "charsets.toml"
    candidates = tuple(data.get("candidates") or ())
    if not candidates or any(not isinstance(c, str) or text_codec(c) is None for c in candidates):
        raise ValueError(f"{where}: candidates must name text encodings, got {candidates!r}")
    alphabets = []
    for lang, letters in (data.get("alphabets") or {}).items():
        if not isinstance(letters, str) or not letters or not all(ch.isalpha() and ch == ch.lower() for ch in letters):
            raise ValueError(f"{where}: alphabets.{lang} must be lowercase letters, got {letters!r}")
        alphabets.append((lang, frozenset(letters)))
    if not alphabets:
        raise ValueError(f"{where}: no alphabets")
    sample, margin = data.get("sample_bytes"), data.get("margin")
    if not isinstance(sample, int) or sample <= 0 or not isinstance(margin, int) or margin < 0:
        raise ValueError(f"{where}: sample_bytes must be a positive integer and margin a whole number")
    return Charsets(
        candidates,
        tuple(alphabets),
        frozenset(data.get("openers", "")),
        frozenset(data.get("closers", "")),
        frozenset(data.get("joiners", "")),
        sample,
        margin,
    )


def guess(data: bytes, known: Charsets | None = None) -> str | None:
    """The candidate code page ``data`` reads best in, or None when none reads it as one language's letters."""
    known = known or knowledge()
    sample = _sample(data, known.sample_bytes)
    weighed = [(*_weigh(sample.decode(name, errors="replace"), known), -order, name) for order, name in enumerate(known.candidates)]
    weight, _, _, chosen = max(weighed)
    first = weighed[0][0]
    if chosen != known.candidates[0] and weight < first + known.margin:
        chosen, weight = known.candidates[0], first  # the web's default keeps a file the others read barely better
    return chosen if weight > 0 else None


def _sample(data: bytes, limit: int) -> bytes:
    """``data`` up to a little past its ``limit``-th non-ASCII byte (each candidate is a single-byte code page, so
    any cut decodes)."""
    end = len(data)
    for count, m in enumerate(_NON_ASCII.finditer(data), 1):
        if count >= limit:
            end = m.end() + 32
            break
    return data[:end]


def _weigh(text: str, known: Charsets) -> tuple[int, int]:
    """(the weight of ``text``'s words that hold a non-ASCII character, how many of those words are all small
    letters)."""
    fits = misfits = bad = small = 0
    for m in _WORD.finditer(text):
        word = m.group().lstrip("".join(known.openers)).rstrip("".join(known.closers))
        if word.isascii() or sum(unicodedata.category(ch) in _CASED for ch in word) < 2:
            continue  # a lone letter or sign ("©", "£17", a table of characters) tells no language
        if _misread(word, known):
            bad += 1
            continue
        letters = {ch.lower() for ch in word if ch >= "\x80"}
        if any(letters <= alphabet for _, alphabet in known.alphabets):
            fits += 1
            small += word == word.lower()
        else:
            misfits += 1
    return fits - misfits - 2 * bad, small


def _misread(word: str, known: Charsets) -> bool:
    """A word no text in the right code page holds: a non-ASCII character that is neither a cased letter nor a
    joiner ("ci¹¿y", "przewlek³e", a replaced byte, a control character), a Greek or Cyrillic letter beside a
    Latin letter or a digit ("Congregaзхes", "Ђ22"), or a small letter followed by a capital where either is
    non-ASCII ("żQué", "дИАГНОЗ") or a non-ASCII capital before a capitalised word ("ĄHola")."""
    latin = other = False
    previous = ""
    for k, ch in enumerate(word):
        if ch >= "\x80":
            if unicodedata.category(ch) not in _CASED:
                if ch not in known.joiners:
                    return True
            elif ch.lower() >= "\u0370":
                other = True
            else:
                latin = True
        elif ch.isalnum():
            latin = True
        if previous.islower() and ch.isupper() and (previous >= "\x80" or ch >= "\x80"):
            return True
        if ch >= "\x80" and ch.isupper() and word[k + 1 : k + 2].isupper() and word[k + 2 : k + 3].islower():
            return True
        previous = ch
    return latin and other
