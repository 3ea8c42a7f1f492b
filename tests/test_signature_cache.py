"""The signature database cached between runs (analyzer/signatures/cache.py): read when nothing it
is built from changed, built anew otherwise, and never in the way when the cache is unusable."""

from __future__ import annotations

import os
import shutil

import pytest

from analyzer import signatures
from analyzer.signatures import cache
from tests.conftest import ROOT


class _Box:
    def __init__(self, value: int) -> None:
        self.value = value


def _builder(counter: list[int]):
    def build() -> _Box:
        counter.append(1)
        return _Box(len(counter))

    return build


@pytest.fixture
def sources(tmp_path, monkeypatch):
    monkeypatch.setenv("REPLAYLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("REPLAYLINT_NO_CACHE", raising=False)
    folder = tmp_path / "sigs"
    folder.mkdir()
    (folder / "a.toml").write_text('id = "a"\n')
    return [folder]


def test_a_second_run_reads_what_the_first_built(sources) -> None:
    built: list[int] = []
    first = cache.cached(sources, _builder(built), _Box)
    second = cache.cached(sources, _builder(built), _Box)
    assert len(built) == 1 and first.value == second.value == 1


def test_a_changed_signature_file_is_built_anew(sources) -> None:
    built: list[int] = []
    cache.cached(sources, _builder(built), _Box)
    toml = sources[0] / "a.toml"
    toml.write_text('id = "a"\nname = "changed"\n')
    os.utime(toml, ns=(toml.stat().st_atime_ns, toml.stat().st_mtime_ns + 1_000_000))
    assert cache.cached(sources, _builder(built), _Box).value == 2
    (sources[0] / "b.toml").write_text('id = "b"\n')  # a new file too
    assert cache.cached(sources, _builder(built), _Box).value == 3


def test_a_broken_or_foreign_cache_file_is_ignored(sources) -> None:
    built: list[int] = []
    cache.cached(sources, _builder(built), _Box)
    (written,) = (cache.folder() or sources[0]).glob("signatures-*.pickle")
    written.write_bytes(b"\x80\x05not a pickle")
    assert cache.cached(sources, _builder(built), _Box).value == 2
    assert cache.cached(sources, _builder(built), int).__class__ is _Box  # a pickle of another kind: built anew


def test_caching_can_be_turned_off_and_an_unwritable_folder_does_not_matter(sources, monkeypatch, tmp_path) -> None:
    built: list[int] = []
    monkeypatch.setenv("REPLAYLINT_NO_CACHE", "1")
    cache.cached(sources, _builder(built), _Box)
    cache.cached(sources, _builder(built), _Box)
    assert len(built) == 2 and not (tmp_path / "cache").exists()
    monkeypatch.delenv("REPLAYLINT_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("REPLAYLINT_CACHE_DIR", str(blocker / "below-a-file"))
    assert cache.cached(sources, _builder(built), _Box).value == 3


def test_the_cached_database_is_the_built_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("REPLAYLINT_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "signatures"
    shutil.copytree(ROOT / "signatures", copy)
    signatures.load.cache_clear()
    try:
        fresh = signatures._build([copy])
        cache.cached([copy], lambda: fresh, signatures.SignatureDB)
        again = cache.cached([copy], lambda: pytest.fail("built again"), signatures.SignatureDB)
    finally:
        signatures.load.cache_clear()
    assert again is not fresh
    assert sorted(again.vendors) == sorted(fresh.vendors) and sorted(again.cmps) == sorted(fresh.cmps)
    assert again.vendors["hotjar"] == fresh.vendors["hotjar"] and again.script_types == fresh.script_types


def test_a_broken_signature_file_is_still_reported(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("REPLAYLINT_CACHE_DIR", str(tmp_path / "cache"))
    extra = tmp_path / "extra"
    (extra / "vendors").mkdir(parents=True)
    (extra / "consent").mkdir()
    (extra / "fields").mkdir()
    (extra / "vendors" / "broken.toml").write_text("id = \n")
    signatures.load.cache_clear()
    try:
        for _ in range(2):
            with pytest.raises(signatures.SignatureError):
                signatures.load((str(extra),))
    finally:
        signatures.load.cache_clear()


def test_a_file_source_is_keyed_by_its_own_size_and_time(sources) -> None:
    built: list[int] = []
    toml = sources[0] / "a.toml"
    cache.cached([toml], _builder(built), _Box)
    (sources[0] / "b.toml").write_text('id = "b"\n')  # a neighbour: not an input
    assert cache.cached([toml], _builder(built), _Box).value == 1
    toml.write_text('id = "a"\nname = "changed"\n')
    os.utime(toml, ns=(toml.stat().st_atime_ns, toml.stat().st_mtime_ns + 1_000_000))
    assert cache.cached([toml], _builder(built), _Box).value == 2
