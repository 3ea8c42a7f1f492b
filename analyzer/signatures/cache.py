"""The loaded signature database kept between runs, so a scan does not parse ~100 TOML files and
validate them each time it starts (0.17 s of a 0.5 s one-file scan; the cache reads in 0.04 s).

The cache is a pickle of the built ``SignatureDB`` in the user's cache folder
(``$REPLAYLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/replaylint``, else ``~/.cache/replaylint``),
named by a digest of everything the database is built from: the Python version, the size and
modification time of every signature file of the folders loaded and of every module of the
``analyzer`` package (a changed builder must not meet an old pickle). Any change makes another name,
so a stale database is never read. ``REPLAYLINT_NO_CACHE=1`` turns it off. A cache that cannot be
read or written is ignored: the database is built as without it, and errors in signature files are
reported as before (a broken file changes the digest, so it is always read).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent.parent  # analyzer/
_KEEP = 4  # cached databases kept per cache folder (other versions, other signature folders)


def folder() -> Path | None:
    """Where cached databases go, or None when caching is off."""
    if os.environ.get("REPLAYLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("REPLAYLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "replaylint"


def digest(sources: list[Path]) -> str:
    """A digest of the inputs: each file under ``sources`` (a folder, or a file itself) and under the
    package, by relative path, size and modification time."""
    h = hashlib.sha256(sys.version.encode())
    for root in [_PACKAGE, *sources]:
        h.update(b"\0root\0" + str(root.resolve()).encode("utf-8", "surrogatepass"))
        if root.is_file():
            st = root.stat()
            h.update(f"\0{st.st_size}\0{st.st_mtime_ns}".encode())
            continue
        if not root.is_dir():
            continue
        for path in sorted(p for p in root.rglob("*") if p.suffix in (".py", ".toml", ".json")):
            try:
                st = path.stat()
            except OSError:
                continue
            rel = path.relative_to(root).as_posix()
            h.update(f"\0{rel}\0{st.st_size}\0{st.st_mtime_ns}".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def cached(sources: list[Path], build: Callable[[], T], kind: type[T], name: str = "signatures") -> T:
    """The object ``build`` makes from ``sources``, read from the cache when it holds one made from
    the same inputs (and is a ``kind``), else built and written there; ``name`` keeps each kind of
    object in files of its own (the signature database, the learned field model)."""
    where = folder()
    if where is None:
        return build()
    path = where / f"{name}-{digest(sources)}.pickle"
    try:
        with path.open("rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, kind):
            return found
    except Exception:  # noqa: BLE001 - missing, truncated, from another version: build it anew
        pass
    value = build()
    _write(where, path, value, name)
    return value


def _write(where: Path, path: Path, value: object, name: str) -> None:
    try:
        where.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=where)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # readers see the old name or the whole new file, never a partial one
    except Exception:  # noqa: BLE001 - an unwritable cache only costs the next run the build
        return
    try:
        old = sorted(where.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[_KEEP:]:
            stale.unlink()
    except OSError:
        pass
