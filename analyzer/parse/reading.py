"""Read a file's bytes within a size cap and decode them; every failure becomes a diagnostic.

Decoding order: a byte-order mark, then a ``<meta charset>`` / XML declaration in the first 2 KB,
then UTF-8, then the legacy code page whose letters the bytes spell (``charset_guess``), then bs4's
``UnicodeDammit`` detection (both imported only when needed: most files are UTF-8). A declaration the
bytes contradict is not followed, with a note: UTF-8 bytes under a declared single-byte charset are read
as UTF-8, and bytes that are not UTF-8 under a declared UTF-8 as detection reads them whole. Undecodable
bytes are replaced, never fatal, and the diagnostic says so.
"""

from __future__ import annotations

import codecs
import os
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
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*(?:["']\s*)?([A-Za-z0-9_.:-]{1,40})""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass(frozen=True)
class Text:
    """Decoded file content with the encoding used (and whether bytes had to be replaced)."""

    text: str
    encoding: str
    lossy: bool = False
    note: str | None = None  # why a declared charset was not used


def read_bytes(path: Path, display: str, max_bytes: int) -> bytes | Diagnostic:
    """The file's bytes, or a diagnostic if it is too large, unreadable or not a regular file.

    The file is opened without blocking (a FIFO that slipped past the stat cannot hang the scan)
    and checked on the open descriptor, through symlinks. A regular file that reports size 0 is
    not read at all: real empty files hold nothing, and pseudo-files such as ``/proc/kmsg``
    report 0 and block or never end."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return _not_a_file(display)
        if st.st_size > max_bytes:
            return Diagnostic(
                path=display,
                code="file-too-large",
                message=f"{st.st_size:,} bytes is over the {max_bytes:,}-byte cap (raise it with --max-file-size)",
            )
        if st.st_size == 0:
            return b""
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return _not_a_file(display)
            return fh.read(min(st.st_size, max_bytes) + 1)
    except OSError as exc:
        return Diagnostic(path=display, code="unreadable", message=f"skipped: cannot read ({exc.strerror or exc})")


def _not_a_file(display: str) -> Diagnostic:
    return Diagnostic(path=display, code="not-a-file", message="skipped: not a regular file (device, FIFO or socket)")


def wide_encoding(data: bytes) -> bool:
    """A UTF-16 or UTF-32 byte-order mark."""
    return any(data.startswith(bom) for bom, _ in _BOMS[1:])


def as_utf8(data: bytes) -> bytes:
    """UTF-16/32 text (with a BOM) as UTF-8 bytes, so that byte-level readers (the prefilter,
    import specifiers) see its characters; any other bytes unchanged."""
    return decode(data).text.encode("utf-8", "surrogatepass") if wide_encoding(data) else data


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB (outside UTF-16/32 text) mean a binary file."""
    return not wide_encoding(data) and b"\x00" in data[:8192]


def decode(data: bytes) -> Text:
    """Decode with BOM, declared charset, UTF-8, then detection; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding)
    declared, refused = _declared_encoding(data[:2048])
    if declared:
        if declared != "utf-8" and not data.isascii():
            # A template saved as UTF-8 under a <meta charset="iso-8859-1"> it prints: its non-ASCII bytes form
            # UTF-8 sequences, which Latin text never does by chance ("DiagnÃ³stico" read as declared).
            try:
                said = f"the declared charset '{declared}' does not fit the bytes, which are UTF-8; read as UTF-8"
                return Text(data.decode("utf-8"), "utf-8", note=said)
            except UnicodeDecodeError:
                pass
        decoded = _decode_as(data, declared)
        if decoded.lossy and declared == "utf-8":
            # A legacy template saved as Latin-1 under a <meta charset="utf-8"> (a JSP's source encoding is its
            # pageEncoding, not what it prints): read as what the bytes are, when detection reads them whole.
            found = _detected(data, None)
            if found is not None and not found.lossy:
                said = f"the declared charset 'utf-8' does not fit the bytes; read as {found.encoding}"
                return Text(found.text, found.encoding, note=said)
        return decoded
    try:
        return Text(data.decode("utf-8"), "utf-8", note=refused)
    except UnicodeDecodeError:
        pass
    return _detected(data, refused) or Text(data.decode("utf-8", errors="replace"), "utf-8", lossy=True, note=refused)


def _detected(data: bytes, note: str | None) -> Text | None:
    """The bytes in the legacy code page whose letters they spell (``charset_guess``: Czech or Polish in
    windows-1250, Russian in KOI8-R), else as bs4's ``UnicodeDammit`` detects them (a text codec only), else None."""
    from analyzer.parse import charset_guess  # lazy: only files that are not UTF-8 weigh code pages

    page = charset_guess.guess(data)
    if page is not None:
        decoded = _decode_as(data, page)
        return Text(decoded.text, decoded.encoding, lossy=decoded.lossy, note=note)
    from bs4 import UnicodeDammit  # lazy: only non-UTF-8 files pay for bs4's import

    dammit = UnicodeDammit(data, is_html=True, exclude_encodings=list(_REFUSED_BY_DAMMIT + ("utf-8",)))
    if dammit.unicode_markup is not None and dammit.original_encoding and text_codec(dammit.original_encoding):
        return Text(dammit.unicode_markup, dammit.original_encoding, lossy=bool(dammit.contains_replacement_characters), note=note)
    return None


# Encodings UnicodeDammit may guess that are never a web page's: EBCDIC and the like.
_REFUSED_BY_DAMMIT = ("cp037", "cp500", "cp1026", "utf-7")
_ASCII = bytes(range(0x20, 0x7F))


def text_codec(name: str) -> str | None:
    """The codec's canonical name if it is a text encoding that reads ASCII as ASCII (what a
    ``<meta charset>`` written in ASCII implies), else None: ``base64``, ``zlib``, ``rot13``,
    ``hex`` (bytes-to-bytes), ``undefined``, ``punycode``, ``utf-7`` and EBCDIC (``cp037``) are
    not, and some of them raise on decoding."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    if info.name.startswith(("utf-16", "utf-32")):
        return info.name  # declared in ASCII bytes: read as UTF-8 (see _declared_encoding)
    try:  # it must also replace what it cannot decode (idna raises instead)
        ascii_ok = _ASCII.decode(info.name, "replace") == _ASCII.decode("ascii") and bool(b"\xff\xfe\x80".decode(info.name, "replace"))
    except Exception:  # noqa: BLE001 - a codec that cannot decode printable ASCII is refused
        return None
    return info.name if ascii_ok else None


def _declared_encoding(head: bytes) -> tuple[str | None, str | None]:
    """(the declared encoding, or None; a note when a declaration was refused)."""
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None, None
    name = match.group(1).decode("ascii", "replace").lower()
    encoding = text_codec(name)
    if encoding is None:
        try:
            codecs.lookup(name)
        except (LookupError, ValueError):
            return None, None  # an unknown label: browsers ignore it too
        return None, f"the declared charset '{name}' is not a text encoding a page can use; ignored"
    # A declaration read as ASCII cannot be UTF-16/32 text; the HTML standard reads it as UTF-8.
    return ("utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding), None


def _decode_as(data: bytes, encoding: str) -> Text:
    """``encoding`` comes from a BOM or from :func:`text_codec`, so it names a text codec."""
    try:
        return Text(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        pass
    try:
        return Text(data.decode(encoding, errors="replace"), encoding, lossy=True)
    except (UnicodeError, LookupError):  # a codec that cannot replace: read as UTF-8
        return Text(data.decode("utf-8", errors="replace"), "utf-8", lossy=True)
