"""Read a file's bytes within a size cap and decode them; every failure becomes a diagnostic.

Decoding order: a byte-order mark, then a ``<meta charset>`` / XML declaration in the first 2 KB,
then UTF-8, then bs4's ``UnicodeDammit`` detection (imported only when needed: most files are
UTF-8). Undecodable bytes are replaced, never fatal, and the diagnostic says so.
"""

from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from analyzer.model import Diagnostic

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass(frozen=True)
class Text:
    """Decoded file content with the encoding used (and whether bytes had to be replaced)."""

    text: str
    encoding: str
    lossy: bool = False


def read_bytes(path: Path, display: str, max_bytes: int) -> bytes | Diagnostic:
    """The file's bytes, or a diagnostic if it is too large or unreadable."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return Diagnostic(path=display, code="not-a-file", message="skipped: not a regular file (device, FIFO or socket)")
        size = st.st_size
        if size > max_bytes:
            return Diagnostic(
                path=display,
                code="file-too-large",
                message=f"skipped: {size:,} bytes is over the {max_bytes:,}-byte cap (raise it with --max-file-size)",
            )
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        return Diagnostic(path=display, code="unreadable", message=f"skipped: cannot read ({exc.strerror or exc})")


def wide_encoding(data: bytes) -> bool:
    """A UTF-16 or UTF-32 byte-order mark."""
    return any(data.startswith(bom) for bom, _ in _BOMS[1:])


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB (outside UTF-16/32 text) mean a binary file."""
    return not wide_encoding(data) and b"\x00" in data[:8192]


def decode(data: bytes) -> Text:
    """Decode with BOM, declared charset, UTF-8, then detection; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding)
    declared = _declared_encoding(data[:2048])
    if declared:
        return _decode_as(data, declared)
    try:
        return Text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    from bs4 import UnicodeDammit  # lazy: only non-UTF-8 files pay for bs4's import

    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is not None and dammit.original_encoding:
        return Text(dammit.unicode_markup, dammit.original_encoding, lossy=bool(dammit.contains_replacement_characters))
    return Text(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)


def _declared_encoding(head: bytes) -> str | None:
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return None
    # A declaration read as ASCII cannot be UTF-16/32 text; the HTML standard reads it as UTF-8.
    return "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding


def _decode_as(data: bytes, encoding: str) -> Text:
    """``encoding`` comes from a BOM or from codecs.lookup, so it always names a codec."""
    try:
        return Text(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return Text(data.decode(encoding, errors="replace"), encoding, lossy=True)
