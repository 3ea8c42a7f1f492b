"""What a file still reports when its deep analysis failed or was not run: every recorder whose
literals the prefilter finds in its bytes, as ``unverifiable``, at the first place they occur,
with the reason as evidence. A gate must not pass because the analyzer broke on a file.

Used for a file over the size cap (searched in chunks, never held whole), a file whose analysis
raised, and a file whose worker process died.
"""

from __future__ import annotations

from pathlib import Path

from analyzer.facts.detect import CodeSpot, RecorderSite
from analyzer.kinds import Mechanism, Via
from analyzer.model import Status, Verdict
from analyzer.signatures import SignatureDB, prefilter

CHUNK = 4 * 1024 * 1024
# A file is searched this far at most (a pseudo-file can claim terabytes).
MAX_SEARCH = 1024 * 1024 * 1024


def first_hits(data: bytes, db: SignatureDB, base: int = 0, lines_before: int = 0, last_newline: int = -1) -> dict[str, tuple[int, int]]:
    """Vendor id -> (line, column) of the first literal of that vendor in ``data`` (a chunk that
    starts at byte ``base`` of its file, after ``lines_before`` newlines, the last at ``last_newline``)."""
    out: dict[str, tuple[int, int]] = {}
    for vid, offset in prefilter.for_db(db).first_offsets(data).items():
        newlines = data.count(b"\n", 0, offset)
        line_start = data.rfind(b"\n", 0, offset)
        # Columns count characters, as every other position does (a line of "𐀀" holds four bytes per column); the
        # part of a line that lies in an earlier chunk is counted in bytes, as it is no longer at hand.
        earlier = 0 if line_start >= 0 else base - last_newline - 1
        out[vid] = (lines_before + newlines + 1, earlier + len(data[line_start + 1 : offset].decode("utf-8", "replace")) + 1)
    return out


def search_file(path: Path, db: SignatureDB) -> tuple[dict[str, tuple[int, int]], bool]:
    """First literal position per vendor in a file read in chunks (each chunk searched with the
    tail of the one before, so that a literal across the seam is found), and whether the search
    stopped at :data:`MAX_SEARCH`."""
    found: dict[str, tuple[int, int]] = {}
    overlap = max((len(n) for n in prefilter.for_db(db).needles), default=1)
    base, lines, last_newline, tail = 0, 0, -1, b""
    with path.open("rb") as fh:
        while base < MAX_SEARCH:
            chunk = fh.read(CHUNK)
            if not chunk:
                return found, False
            data = tail + chunk
            # A literal that starts in the tail and was not found before crosses the seam, and a
            # literal holds no newline: the tail's newlines all lie before it.
            hits = first_hits(data, db, base - len(tail), lines - tail.count(b"\n"), last_newline)
            for vid, pos in hits.items():
                found.setdefault(vid, pos)
            lines += chunk.count(b"\n")
            if b"\n" in chunk:
                last_newline = base + chunk.rfind(b"\n")
            base += len(chunk)
            tail = data[-overlap:]
    return found, True


def sites(hits: dict[str, tuple[int, int]], db: SignatureDB, reason: str, skip: set[str]) -> list[tuple[RecorderSite, Verdict]]:
    """Unverifiable recorder sites for vendors found by literal and not already detected."""
    out = []
    for vid, (line, column) in sorted(hits.items()):
        if vid in skip or vid not in db.vendors:
            continue
        vendor = db.vendors[vid]
        site = RecorderSite(
            vendor, CodeSpot(line, column, tag="prefilter"), Via.PREFILTER, f"{vendor.name} literals in the file ({reason})"
        )
        out.append(
            (site, Verdict(status=Status.UNVERIFIABLE, mechanism=Mechanism.NOT_ANALYSED, evidence=f"the file was not analysed: {reason}"))
        )
    return out
