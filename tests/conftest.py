"""Shared helpers: the fixtures folder, the loaded signatures, and scanning one file in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer import signatures
from analyzer.discover import SourceFile, classify
from analyzer.engine import FileResult, analyze

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def db() -> signatures.SignatureDB:
    return signatures.load()


def scan_file(path: Path, db: signatures.SignatureDB, max_bytes: int = 10 * 1024 * 1024) -> FileResult:
    return analyze(SourceFile(path, path.as_posix(), classify(path) or "html"), db, max_bytes)


def scan_text(tmp_path: Path, text: str, db: signatures.SignatureDB, name: str = "page.html") -> FileResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scan_file(path, db)
