"""Issue 13, "fail closed": a file the tool fails on keeps the recorders its literals show, the
failure exits 2 and is counted in every format; config and baseline faults exit 2 naming the
file and key, never with a traceback; every report is written whatever the names hold."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.scan import ScanOptions, run

SNIPPET = '<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head></html>'


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _boom(*_a, **_k):
    raise RuntimeError("stage exploded")


def test_a_file_whose_analysis_raises_keeps_its_recorder_as_unverifiable(tmp_path: Path, monkeypatch) -> None:
    """An internal error once left only a note: the file's recorder was gone and the gate passed."""
    (tmp_path / "page.html").write_text("<p>x</p>\n" + SNIPPET)
    monkeypatch.setattr("analyzer.read.engine.detect.page_facts", _boom)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    [d] = result.detections
    assert (d.vendor, d.verdict.status.value, d.verdict.mechanism, d.location.line) == ("hotjar", "unverifiable", "not-analysed", 2)
    assert "RuntimeError: stage exploded" in d.verdict.evidence
    assert [(x.code, x.level) for x in result.diagnostics] == [("internal-error", "error")]
    assert result.errors == 1


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_an_internal_error_exits_2_and_is_counted_in_every_format(fmt: str, tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "page.html").write_text(SNIPPET)
    monkeypatch.setattr("analyzer.read.engine.detect.page_facts", _boom)
    code, out, err = _cli(capsys, "scan", "--format", fmt, str(tmp_path))
    assert code == 2 and "replaylint: 1 internal error: the results are incomplete" in err
    if fmt == "json":
        assert json.loads(out)["summary"]["errors"] == 1
    elif fmt == "sarif":
        invocation = json.loads(out)["runs"][0]["invocations"][0]
        assert invocation["executionSuccessful"] is False
        assert [n["level"] for n in invocation["toolExecutionNotifications"]] == ["error"]
    elif fmt == "github":
        assert "::error file=" in out and "internal-error" in out
    else:
        assert "1 internal error" in out and ": error: internal-error:" in out
    assert _cli(capsys, "scan", "--no-fail-on-error", "--format", fmt, str(tmp_path))[0] in (0, 1)


def test_a_file_nested_too_deeply_keeps_its_recorder(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "page.html").write_text(SNIPPET)

    def deep(*_a, **_k):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("analyzer.read.engine.detect.page_facts", deep)
    result = run(ScanOptions(paths=(str(tmp_path),)))
    assert [(d.vendor, d.verdict.status.value) for d in result.detections] == [("hotjar", "unverifiable")]
    assert [(x.code, x.level) for x in result.diagnostics] == [("too-complex", "warning")]


@pytest.mark.parametrize("chunk", [None, 7, 64])
def test_a_file_over_the_size_cap_is_searched_not_skipped(chunk: int | None, tmp_path: Path, monkeypatch) -> None:
    """The cap skipped the file: a recorder in a large page passed the gate."""
    if chunk:
        monkeypatch.setattr("analyzer.facts.fallback.CHUNK", chunk)
    (tmp_path / "big.html").write_text("<p>filler</p>\n" * 300 + "  " + SNIPPET)
    result = run(ScanOptions(paths=(str(tmp_path),), max_bytes=1000))
    [d] = result.detections
    column = len('  <html><head><script src="https://') + 1  # static.hotjar.com
    assert (d.vendor, d.verdict.status.value, d.location.line, d.location.column) == ("hotjar", "unverifiable", 301, column)
    assert [x.code for x in result.diagnostics] == ["file-too-large"]


def _config(tmp_path: Path, name: str, body: str | bytes) -> Path:
    (tmp_path / "site").mkdir(exist_ok=True)
    (tmp_path / "site" / "page.html").write_text(SNIPPET)
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return path


CONFIG_FAULTS = {
    "size-overflow": (".replaylint.toml", "max-file-size = 99999999999999999999", "max-file-size"),
    "size-negative": (".replaylint.toml", 'max-file-size = "-5k"', "max-file-size"),
    "size-inf": (".replaylint.toml", 'max-file-size = "1e400k"', "max-file-size"),
    "tool-int": ("pyproject.toml", "tool = 5", "'tool' must be a table"),
    "tool-string": ("pyproject.toml", 'tool = "replaylint"', "'tool' must be a table"),
    "replaylint-int": ("pyproject.toml", "[tool]\nreplaylint = 5", "must be a table"),
    "replaylint-list": ("pyproject.toml", "[tool]\nreplaylint = []", "must be a table"),
    "replaylint-string": ("pyproject.toml", '[tool]\nreplaylint = "abc"', "must be a table"),
    "binary": (".replaylint.toml", b"\xff\xfe\x00\x01 = \x80", "not valid TOML"),
    "deep-arrays": (".replaylint.toml", "x = " + "[" * 50_000 + "]" * 50_000, ".replaylint.toml"),
    "signatures-missing": (".replaylint.toml", 'signatures = ["./nope"]', "'signatures' folder"),
    "flag-type": (".replaylint.toml", 'fail-on-error = "no"', "'fail-on-error' must be true or false"),
}


@pytest.mark.parametrize("case", sorted(CONFIG_FAULTS))
def test_a_config_fault_exits_2_naming_the_file_and_key(case: str, tmp_path: Path, capsys) -> None:
    """These raised tracebacks with exit 1, the "findings" code; "abc" said "unknown key 'a'"."""
    name, body, says = CONFIG_FAULTS[case]
    path = _config(tmp_path, name, body)
    code, out, err = _cli(capsys, "scan", "--config", str(path), str(tmp_path / "site"))
    assert code == 2 and out == ""
    assert err.startswith("replaylint: ") and str(path) in err and says in err, err
    assert "Traceback" not in err


def test_a_broken_pyproject_without_our_table_above_the_scan_is_ignored(tmp_path: Path, capsys) -> None:
    """An invalid pyproject.toml in a parent folder, not configuring replaylint, stopped the scan."""
    _config(tmp_path, "pyproject.toml", "[project\nname = ")
    code, out, _ = _cli(capsys, "scan", str(tmp_path / "site"))
    assert code == 1 and "RL101" in out


@pytest.mark.parametrize("size", ["-1", "0", "1e400k", "99999999999999999999", "nan", "5x"])
def test_max_file_size_flag_is_range_checked(size: str, tmp_path: Path, capsys) -> None:
    _config(tmp_path, "unused.txt", "")
    code, _, err = _cli(capsys, "scan", "--max-file-size", size, str(tmp_path / "site"))
    assert code == 2 and "--max-file-size" in err


def test_a_deep_baseline_exits_2(tmp_path: Path, capsys) -> None:
    """100k-deep baseline JSON raised RecursionError (a traceback, exit 1)."""
    base = _config(tmp_path, "base.json", "[" * 100_000 + "]" * 100_000)
    code, _, err = _cli(capsys, "scan", "--baseline", str(base), str(tmp_path / "site"))
    assert code == 2 and "nested too deeply" in err


def test_excluding_everything_exits_2(tmp_path: Path, capsys) -> None:
    """exclude = ['*'] scanned nothing and exited 0."""
    path = _config(tmp_path, ".replaylint.toml", "exclude = ['*']")
    code, out, err = _cli(capsys, "scan", "--config", str(path), str(tmp_path / "site"))
    assert (code, out) == (2, "") and "no file to scan" in err


NASTY = "evil\x1b]0;pwned\x07\x1b[2J\nname\u202e.html"


def test_control_characters_in_names_never_reach_the_terminal(tmp_path: Path, capsys) -> None:
    """Terminal escapes (clear screen, OSC title) in a file name reached the terminal and -o files
    raw; a newline in a name broke the text report's lines."""
    (tmp_path / NASTY).write_text(SNIPPET)
    code, out, _ = _cli(capsys, "scan", str(tmp_path))
    assert code == 1
    assert not any(c in out for c in "\x1b\x07\u202e")
    assert "evil\\x1b]0;pwned\\x07\\x1b[2J\\x0aname\\u202e.html:1:" in out
    assert all(line.startswith(("/", " ", "replaylint:")) for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["json", "sarif", "text", "github"])
def test_a_non_utf8_file_name_gives_a_valid_report_in_every_format(fmt: str, tmp_path: Path, capsys) -> None:
    """JSON and SARIF held invalid UTF-8; with -o the write failed (UnicodeEncodeError, exit 1,
    empty report file). SARIF uris were not percent-encoded."""
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9 #1.html"), "w") as fh:
        fh.write(SNIPPET)
    out_file = tmp_path / f"report.{fmt}"
    code, _, err = _cli(capsys, "scan", "--format", fmt, "-o", str(out_file), str(tmp_path))
    assert code == 1, err
    text = out_file.read_bytes().decode("utf-8")  # valid UTF-8
    assert any(spelt in text for spelt in ("caf\\xe9", "caf\\\\xe9", "caf%5Cxe9"))
    if fmt in ("json", "sarif"):
        doc = json.loads(text)
        if fmt == "json":
            assert doc["detections"][0]["path"].endswith("caf\\xe9 #1.html")
        if fmt == "sarif":
            uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"] for loc in r["locations"]]
            assert uris and all(u.endswith("caf%5Cxe9%20%231.html") for u in uris), uris


def test_a_worker_killed_mid_file_fails_that_file_not_the_run(tmp_path: Path, monkeypatch) -> None:
    """Killing one pool worker (as an out-of-memory kill would) left --jobs 2 waiting forever."""
    import signal

    from analyzer import scan

    for i in range(20):
        (tmp_path / f"p{i:02}.html").write_text(SNIPPET)
    real = scan.analyze

    def killer(source, *args, **kwargs):
        if source.path.name == "p07.html":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(scan, "analyze", killer)  # inherited by the forked workers
    result = run(ScanOptions(paths=(str(tmp_path),), jobs=2))
    assert result.files == 20
    assert [(Path(d.path).name, d.code, d.level) for d in result.diagnostics] == [("p07.html", "worker-died", "error")]
    by_file = {Path(d.location.path).name: d.verdict.status.value for d in result.detections}
    assert len(by_file) == 20 and by_file["p07.html"] == "unverifiable"
    assert {s for n, s in by_file.items() if n != "p07.html"} == {"ungated"}
