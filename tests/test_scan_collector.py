"""The cyclic collector is tuned for the scan only: a program that runs scans in-process gets its
own settings back, and nothing it froze or loaded is left frozen by the scan."""

import gc

from analyzer import scan
from analyzer.scan import ScanOptions, run


def test_scan_tunes_the_collector_and_restores_it(tmp_path):
    (tmp_path / "index.html").write_text("<html><body><script>hj('init')</script></body></html>")
    seen = []
    before = gc.get_threshold()
    frozen = gc.get_freeze_count()
    run(ScanOptions(paths=(str(tmp_path),)), progress=lambda i, n: seen.append((gc.get_threshold(), gc.get_freeze_count())))
    assert seen and all(t == scan._SCAN_THRESHOLDS for t, _ in seen)
    assert all(count > frozen for _, count in seen)  # the signature database is out of the collector's passes
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen


def test_collector_restored_when_the_scan_fails(tmp_path, monkeypatch):
    before = gc.get_threshold()

    def boom(*a, **k):
        raise RuntimeError("stage failed")

    monkeypatch.setattr(scan.resolve, "resolve", boom)
    (tmp_path / "a.html").write_text("<p>x</p>")
    try:
        run(ScanOptions(paths=(str(tmp_path),)))
    except RuntimeError:
        pass
    else:
        raise AssertionError("the failing stage should raise")
    assert gc.get_threshold() == before
