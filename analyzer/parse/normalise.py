"""How signature patterns and code are compared: whitespace removed, every quote made ``'``."""

from __future__ import annotations

# A whole file's text is normalised by more than one reader of the same file (recorder detection's
# hold switches, the masking options the engine keeps): the last large result is kept for the next.
_SHARED_MIN = 1 << 16  # characters; smaller texts are normalised each time
_last: tuple[str, str] = ("", "")


def norm(text: str) -> str:
    """Whitespace removed and every quote made ``'``: ``posthog.init( "x", {a: 1} )`` and
    ``posthog.init('x',{a:1})`` compare equal."""
    global _last
    if len(text) < _SHARED_MIN:
        return _norm(text)
    source, done = _last
    if text is source or text == source:
        return done
    done = _norm(text)
    _last = (text, done)
    return done


def _norm(text: str) -> str:
    # str.split() splits on exactly the characters \s matches (Py_UNICODE_ISSPACE), 5x faster on a bundle.
    return "".join(text.split()).replace('"', "'").replace("`", "'")
