"""Bad input never crashes a scan and never loses another file's result."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from analyzer.scan import ScanOptions, run

SNIPPET = '<html><head><script src="https://static.hotjar.com/c/hotjar-1.js?sv=6"></script></head></html>'


def _scan(root: Path, **kw) -> object:
    return run(ScanOptions(paths=(str(root),), **kw))


def _with_good_page(root: Path) -> None:
    (root / "good.html").write_text(SNIPPET)


def _codes(result) -> dict[str, str]:
    return {Path(d.path).name: d.code for d in result.diagnostics}


BAD_FILES = {
    "binary-with-html-extension": (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" + bytes(range(256)), "binary"),
    "invalid-utf8": (b"<html><head>" + b"\xff\xfe\xfa caf\xe9 " + SNIPPET.encode() + b"</head></html>", None),
    "utf8-bom": (codecs.BOM_UTF8 + SNIPPET.encode(), None),
    "utf16-bom": (codecs.BOM_UTF16_LE + SNIPPET.encode("utf-16-le"), None),
    "latin1-declared": (b'<meta charset="iso-8859-1"><p>caf\xe9</p>' + SNIPPET.encode(), None),
    "empty": (b"", None),
    "broken-html": (b"<html><head><script src='https://static.hotjar.com/c/hotjar-1.js'><<<>>></div></span", None),
    "deeply-nested": (b"<html><body>" + b"<div>" * 5000 + SNIPPET.encode() + b"</div>" * 5000, "parse-degraded"),
    "huge-one-line": (b"<html><body>" + b"<span>x</span>" * 400_000 + SNIPPET.encode() + b"</body></html>", None),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_gets_a_diagnostic_and_the_scan_goes_on(case: str, tmp_path: Path) -> None:
    data, code = BAD_FILES[case]
    _with_good_page(tmp_path)
    (tmp_path / "bad.html").write_bytes(data)
    result = _scan(tmp_path)
    assert [d for d in result.detections if d.location.path.endswith("good.html")], "lost the good file's result"
    assert _codes(result).get("bad.html") == code
    assert not [d for d in result.diagnostics if d.code == "internal-error"]


@pytest.mark.parametrize(
    "case", ["invalid-utf8", "utf8-bom", "utf16-bom", "latin1-declared", "broken-html", "huge-one-line", "deeply-nested"]
)
def test_recorder_in_damaged_file_is_still_found(case: str, tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_bytes(BAD_FILES[case][0])
    result = _scan(tmp_path)
    assert [d.vendor for d in result.detections] == ["hotjar"]


def test_bytes_that_contradict_a_declared_utf8_are_read_as_detected_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_bytes(b'<meta charset="utf-8">\xff\xfe' + SNIPPET.encode())
    assert _codes(_scan(tmp_path)) == {"bad.html": "charset-ignored"}


def test_a_latin1_template_under_a_utf8_declaration_reads_its_words() -> None:
    # A JSP saved as ISO-8859-1 that prints <meta charset="utf-8">: "Henvisende læge", not "l\ufffdge".
    from analyzer.parse import reading

    text = reading.decode('<meta charset="UTF-8"><label>Henvisende læge</label><label>Indlæggelse</label>'.encode("latin-1"))
    assert "Henvisende læge" in text.text and "Indlæggelse" in text.text and not text.lossy
    assert text.note and "utf-8" in text.note, text


def test_a_utf8_template_under_a_latin1_declaration_reads_its_words() -> None:
    # A PHP page saved as UTF-8 that prints <meta charset="iso-8859-1">: "Diagnóstico", not "DiagnÃ³stico".
    from analyzer.parse import reading

    text = reading.decode('<meta charset="iso-8859-1"><label>Diagnóstico</label>'.encode())
    assert "Diagnóstico" in text.text and text.encoding == "utf-8" and text.note, text
    # Latin-1 bytes under their own declaration stay as declared, without a note.
    plain = reading.decode('<meta charset="iso-8859-1"><label>Diagnóstico</label>'.encode("latin-1"))
    assert "Diagnóstico" in plain.text and plain.note is None, plain


def test_file_over_the_size_cap_is_skipped_with_a_diagnostic(tmp_path: Path) -> None:
    _with_good_page(tmp_path)
    (tmp_path / "big.html").write_text("x" * 5000)
    result = _scan(tmp_path, max_bytes=1000)
    assert _codes(result) == {"big.html": "file-too-large"}
    assert len(result.detections) == 1


def test_unreadable_file_is_a_diagnostic(tmp_path: Path, monkeypatch) -> None:
    _with_good_page(tmp_path)
    bad = tmp_path / "locked.html"
    bad.write_text(SNIPPET)
    real_open = os.open

    def guarded(path, *a, **k):
        if str(path).endswith("locked.html"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr(os, "open", guarded)
    result = _scan(tmp_path)
    assert _codes(result) == {"locked.html": "unreadable"}
    assert len(result.detections) == 1


def test_symlink_loop_and_broken_link_are_diagnostics(tmp_path: Path) -> None:
    _with_good_page(tmp_path)
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    os.symlink(tmp_path / "missing.html", tmp_path / "dangling.html")
    result = _scan(tmp_path)
    codes = sorted(d.code for d in result.diagnostics)
    assert codes == ["symlink-loop", "unreadable"]
    assert len(result.detections) == 1


def test_fifo_is_not_opened(tmp_path: Path) -> None:
    _with_good_page(tmp_path)
    os.mkfifo(tmp_path / "pipe.html")
    result = _scan(tmp_path)
    assert _codes(result) == {"pipe.html": "not-a-file"}


def test_missing_path_is_a_diagnostic(tmp_path: Path) -> None:
    result = run(ScanOptions(paths=(str(tmp_path / "nope"),)))
    assert [d.code for d in result.diagnostics] == ["not-found"]


def test_skips_vcs_and_dependency_folders(tmp_path: Path) -> None:
    for folder in ("node_modules/pkg", ".git/x"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "index.html").write_text(SNIPPET)
    _with_good_page(tmp_path)
    result = _scan(tmp_path)
    assert [Path(d.location.path).name for d in result.detections] == ["good.html"]


def test_exclude_glob(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.html").write_text(SNIPPET)
    _with_good_page(tmp_path)
    result = _scan(tmp_path, excludes=("drafts",))
    assert result.files == 1


@pytest.mark.parametrize("root", [".", "./", "site", "./site"])
def test_nested_paths_are_whole_whatever_the_root_is_spelt(root: str, tmp_path: Path, monkeypatch) -> None:
    """`replaylint scan .` once reported inc/page.html as c/page.html (a lost "./" prefix)."""
    (tmp_path / "site" / "inc" / "deep").mkdir(parents=True)
    (tmp_path / "site" / "inc" / "deep" / "page.html").write_text(SNIPPET)
    (tmp_path / "site" / "inc" / "drafts").mkdir()
    (tmp_path / "site" / "inc" / "drafts" / "old.html").write_text(SNIPPET)
    monkeypatch.chdir(tmp_path if root.strip("./") == "site" else tmp_path / "site")
    result = _scan(Path(root) if root != "./" else root, excludes=("inc/drafts",))
    prefix = "site/" if "site" in root else ""
    assert [d.location.path for d in result.detections] == [f"{prefix}inc/deep/page.html"]


def test_parallel_scan_gives_the_same_results(tmp_path: Path) -> None:
    for i in range(30):
        (tmp_path / f"p{i}.html").write_text(SNIPPET if i % 3 == 0 else "<html><body>plain</body></html>")
    (tmp_path / "bad.html").write_bytes(b"\x00\x01binary")
    one = _scan(tmp_path, jobs=1)
    two = _scan(tmp_path, jobs=2)
    assert [(d.location.path, d.vendor) for d in one.detections] == [(d.location.path, d.vendor) for d in two.detections]
    assert [d.code for d in one.diagnostics] == [d.code for d in two.diagnostics] == ["binary"]


def test_scan_opens_no_network_connection(tmp_path: Path, monkeypatch) -> None:
    import socket

    def refuse(*a, **k):
        raise AssertionError("replaylint tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    _with_good_page(tmp_path)
    assert len(_scan(tmp_path).detections) == 1


def test_a_declared_utf16_charset_on_ascii_bytes_is_read_as_utf8(tmp_path: Path) -> None:
    """The HTML standard: a <meta charset="utf-16"> the parser could read is not UTF-16."""
    (tmp_path / "page.html").write_text('<meta charset="utf-16">' + SNIPPET, encoding="utf-8")
    result = _scan(tmp_path)
    assert [d.vendor for d in result.detections] == ["hotjar"] and not result.diagnostics


@pytest.mark.parametrize(
    ("rel", "text"),
    [
        # A message catalogue nested deeper than the JSON parser recurses, read before the pages.
        ("locales/de.json", '{"a":' * 200_000 + "1" + "}" * 200_000),
        # A PHP file whose functions nest deeper than any reading of them could follow, read for form builders.
        ("lib/deep.php", "<?php\nfunction f($a) { echo \"<input name='$a'>\";" + "{" * 300_000 + "\n"),
    ],
)
def test_a_file_read_before_the_pages_never_ends_the_scan(rel: str, text: str, tmp_path: Path) -> None:
    _with_good_page(tmp_path)
    path = tmp_path / rel
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    result = _scan(tmp_path)
    assert [d.vendor for d in result.detections] == ["hotjar"]  # the other page's result is kept
    assert all(d.level != "error" for d in result.diagnostics), result.diagnostics


def test_a_recorder_found_by_its_literal_alone_is_placed_in_characters(tmp_path: Path) -> None:
    # A NUL byte makes the page binary: the recorder is found by its literal, after characters of 3 and 4 bytes.
    text = "<html><head>ࠀࠀ" + "𐀀" * 17 + SNIPPET + "\x00"
    (tmp_path / "page.html").write_bytes(text.encode("utf-8"))
    result = _scan(tmp_path)
    [found] = result.detections
    start = text.index(SNIPPET)  # the column falls inside the snippet, counted in characters (in bytes it lies past it)
    assert found.location.line == 1 and start < found.location.column - 1 < start + len(SNIPPET), found.location
    assert text[found.location.column - 1 :].startswith("static.hotjar.com"), found.location
