"""Which legacy code page a file that is not UTF-8 and declares no charset is written in.

A browser reads such a file in its locale's code page; replaylint has none. Each candidate of
``signatures/charsets.toml`` decodes a sample of the file (the words around its first ``sample_bytes``
non-ASCII bytes), and the sample's words that hold a non-ASCII character, and are words under every candidate
("Nº" is one letter under windows-1252 and two, "Nş", under windows-1250: it is weighed under neither), are
weighed:

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
weighs above zero) is left to the caller's detection. The cost is one search of the file for its non-ASCII
bytes, then one decoding of the sample per candidate and one pass over it, at most ``sample_bytes`` times
``2 * _REACH + 1`` characters each, whatever the file's size.
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
_REACH = 24  # bytes of context kept either side of a non-ASCII byte in the sample
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

    try:
        return _build(data, text_codec)
    except (TypeError, AttributeError) as exc:  # a table of the wrong shape ("openers = 5", a list of alphabets)
        raise ValueError(f"charsets.toml: {exc}") from None


def _build(data: dict[str, Any], text_codec: Any) -> Charsets:
    where = "charsets.toml"
    candidates = tuple(data.get("candidates") or ())
    if not candidates or any(not isinstance(c, str) or not _single_byte(text_codec(c)) for c in candidates):
        raise ValueError(f"{where}: candidates must name code pages that read ASCII as ASCII, got {candidates!r}")
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


def _single_byte(codec: str | None) -> bool:
    """A code page whose every byte is one character: a sample's words stand at the same places in each reading."""
    if codec is None:
        return False
    return len(bytes(range(256)).decode(codec, errors="replace")) == 256 and len("é".encode().decode(codec, errors="replace")) == 2


def guess(data: bytes, known: Charsets | None = None) -> str | None:
    """The candidate code page ``data`` reads best in, or None when none reads it as one language's letters."""
    known = known or knowledge()
    sample = _sample(data, known.sample_bytes)
    readings = [sample.decode(name, errors="replace") for name in known.candidates]  # one character a byte in each
    words = [_words(text, known) for text in readings]
    # Only a run of bytes that is a word under every candidate is weighed: "Nº" or "m³" (one letter under
    # windows-1252) must not count for windows-1250, which reads them "Nş" and "mł".
    common = set(words[0]).intersection(*words[1:])
    weighed = [
        (*_weigh([found[at] for at in sorted(common)], known), -order, name)
        for order, (name, found) in enumerate(zip(known.candidates, words, strict=True))
    ]
    weight, _, _, chosen = max(weighed)
    first = weighed[0][0]
    if chosen != known.candidates[0] and weight < first + known.margin:
        chosen, weight = known.candidates[0], first  # the web's default keeps a file the others read barely better
    return chosen if weight > 0 else None


def _sample(data: bytes, limit: int) -> bytes:
    """The words around ``data``'s first ``limit`` non-ASCII bytes: ``_REACH`` bytes either side of each, the pieces
    joined by a space (each candidate is a single-byte code page, so any cut decodes). Its size is bounded by
    ``limit`` whatever the file's: a 10 MB page of ASCII with a few accents is not weighed whole."""
    pieces: list[tuple[int, int]] = []
    for count, m in enumerate(_NON_ASCII.finditer(data), 1):
        start, end = max(0, m.start() - _REACH), m.end() + _REACH
        if pieces and start <= pieces[-1][1]:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
        if count >= limit:
            break
    return b" ".join(data[a:b] for a, b in pieces)


def _words(text: str, known: Charsets) -> dict[tuple[int, int], str]:
    """``text``'s words that hold a non-ASCII character and two letters or more, by where they stand, without the
    punctuation they open or close with; a lone letter or sign ("©", "£17", one character of a table) tells no
    language."""
    openers, closers = "".join(known.openers), "".join(known.closers)
    out = {}
    for m in _WORD.finditer(text):
        word = m.group().lstrip(openers).rstrip(closers)
        if not word.isascii() and sum(unicodedata.category(ch) in _CASED for ch in word) >= 2:
            out[m.span()] = word
    return out


def _weigh(words: list[str], known: Charsets) -> tuple[int, int]:
    """(the weight of one candidate's reading of the words, how many of them are all small letters)."""
    fits = misfits = bad = small = 0
    for word in words:
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
