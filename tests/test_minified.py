"""jsfacts.minified: built output is a file with a line of thousands of characters. A hand-written
file longer than 64 lines is not (the first 64 lines used to be split off the rest of the first
200 KB, which then counted as one long line: any source file past ~64 lines and 5 KB read as built,
so its commented-out snippets, JSX and markup were skipped — held-out set E, vi-theme cookies.js)."""

from __future__ import annotations

from analyzer.parse.jsfacts import minified


def test_a_long_hand_written_file_is_not_built() -> None:
    data = b"\n".join(b"var line%03d = 'some hand-written code here';" % i for i in range(400))
    assert len(data) > 5000
    assert not minified(data)


def test_a_long_line_after_the_first_64_lines_is_built() -> None:
    data = b"\n".join([b"/* licence */"] * 80 + [b"var a=" + b"1+" * 4000 + b"1;"])
    assert minified(data)


def test_a_bundle_on_one_line_is_built() -> None:
    assert minified(b"!function(){" + b"var a=1;" * 1000 + b"}();")


def test_a_long_line_past_the_first_200_kb_is_not_looked_at() -> None:
    data = b"\n".join([b"x = 1;"] * 40_000) + b"\n" + b"y" * 6000
    assert len(data) > 200_000
    assert not minified(data)
