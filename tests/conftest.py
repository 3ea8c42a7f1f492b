"""Shared helpers: the fixtures folder, the loaded signatures, and scanning one file in-process."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# The signature cache (analyzer/signatures/cache.py) of the test run, and of the replaylint processes
# the tests start, goes to a folder of its own, never the user's cache.
os.environ.setdefault("REPLAYLINT_CACHE_DIR", tempfile.mkdtemp(prefix="replaylint-test-cache-"))

from analyzer import signatures
from analyzer.facts.records import FileFacts
from analyzer.read.discover import SourceFile, classify
from analyzer.read.engine import analyze
from analyzer.rules import checks

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def db() -> signatures.SignatureDB:
    return signatures.load()


@dataclasses.dataclass(frozen=True)
class OneFile:
    """One file read in-process: its facts, and the page rules' findings on its first-pass verdicts
    (no other file to resolve against)."""

    facts: FileFacts
    findings: list
    detections: list

    def __getattr__(self, name: str):
        return getattr(self.facts, name)


def scan_file(path: Path, db: signatures.SignatureDB, max_bytes: int = 10 * 1024 * 1024) -> OneFile:
    facts = analyze(SourceFile(path, path.as_posix(), classify(path) or "html"), db, max_bytes).freeze()
    return OneFile(facts, checks.page_findings(facts, facts.detections, db), list(facts.detections))


def scan_text(tmp_path: Path, text: str, db: signatures.SignatureDB, name: str = "page.html") -> OneFile:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scan_file(path, db)


def every_control(tmp_path: Path, text: str, db: signatures.SignatureDB, name: str = "page.html") -> list:
    """Every control the reading of one file extracts, those no reading classifies too (category "-")."""
    from analyzer.facts import fieldfacts

    with fieldfacts.every_control("-"):
        return list(scan_text(tmp_path, text, db, name).fields)


def controls_by_name(tmp_path: Path, text: str, db: signatures.SignatureDB, name: str = "page.html") -> dict:
    """``every_control``'s controls by their field name."""
    return {s.name: s for s in every_control(tmp_path, text, db, name)}


def site_fields(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[str, int, str]]:
    """A whole scan of a site written from ``files`` (relative path -> text): each reported field's name -> its
    category, line and label."""
    from analyzer.scan import ScanOptions, run

    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    result = run(ScanOptions(paths=(str(tmp_path),)))
    return {r.field.name: (r.field.classification.category, r.field.line, r.field.texts.get("label", "")) for r in result.fields}


def site_controls(folder: Path) -> list:
    """Every control a whole scan of ``folder`` reads, classified or not ("-"), after the resolve stage (a reading that
    stage drops is no control at all). The scan walks "." inside ``folder``, as a user's in a clone: the paths it
    reports and the folder's name are read as a page's context (a test's own folder is named for the test)."""
    import os

    from analyzer import resolve
    from analyzer.facts import fieldfacts
    from analyzer.read.discover import discover
    from analyzer.scan import ScanOptions, _results

    db = signatures.load()
    opts = ScanOptions(paths=(".",))
    home = os.getcwd()
    os.chdir(folder)
    try:
        found, _ = discover(opts.paths, opts.excludes, opts.follow_outside, set(), opts.include_tests)
        with fieldfacts.every_control("-"):
            facts = list(_results(found, opts, db))
        pages = resolve.resolve(found, facts, db, opts.max_bytes, opts.config.facts).pages
    finally:
        os.chdir(home)
    return [s for info in pages.values() for s in info.fields]


# An intake form's markup (``@@``) written in three template dialects and two component frameworks, as the
# issue's fixtures ask: Jinja, Blade, ERB, JSX and Vue.
INTAKE_DIALECTS = {
    "intake.html.j2": '{% extends "base.html" %}\n{% block content %}<form method="post">{{ csrf_token() }}\n@@\n</form>{% endblock %}\n',
    "intake.blade.php": "@extends('layouts.app')\n@section('content')\n<form method=\"post\">@csrf\n@@\n</form>\n@endsection\n",
    "intake.html.erb": "<%= form_with url: '/intake' do |f| %>\n@@\n<% end %>\n",
    "Intake.tsx": "export default function Intake() {\n  return (<form>\n@@\n</form>);\n}\n",
    "Intake.vue": "<template>\n<form>\n@@\n</form>\n</template>\n",
}


def page_fields(db: signatures.SignatureDB, html: str, in_form: bool = False) -> dict[str, str]:
    """The sensitive fields of one HTML page (``in_form``: the markup wrapped in a ``<form>``), name -> category,
    read by the field extractor alone."""
    from analyzer.facts import fieldfacts
    from analyzer.parse import htmldoc

    page = htmldoc.parse(f"<form>{html}</form>" if in_form else html)
    found = fieldfacts.extract(page, db.fields, db.consent_words, context=db.field_context)
    return {s.name: s.classification.category for s in found}


@contextlib.contextmanager
def finishes_within(seconds: int, what: str) -> Iterator[None]:
    """Fail with ``what`` when the block runs longer than ``seconds`` (SIGALRM: a cost that grows faster than
    the input shows as a test that does not finish, not as a slow suite)."""

    def stop(signum, frame):
        raise TimeoutError(f"{what} did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# Why a look-alike fails on purpose (a strict xfail): the learned field model retrained in session 46 on 44,741
# development controls reads it so. Measured blind on four development batches (each left out of its training) at
# threshold 0.9, the retrained model gains 6 controls and drops 13 false positives against the model it replaced
# (955 / 74 against 949 / 87), so it ships with these known errors.
RETRAINED_MODEL = "the learned field model retrained in session 46 (tests/conftest.py) "
