"""The byte search for a name (``Tree._scan``) finds what a regex over the range finds, and charges
the budget the same: the substring search, its chunks and its fall-back to the regex on dense
input must not change an offset or a step (results and work budgets reproduce across versions)."""

from __future__ import annotations

import random
import re

import pytest

from analyzer.parse import jstree
from analyzer.parse.budget import Budget
from analyzer.parse.jstree import Tree

_ID = rb"\w$\x80-\xff"


def _expected(data: bytes, name: bytes, start: int, end: int) -> tuple[list[int], int]:
    """The specification: ``name`` not followed by an identifier character (the end of the range
    ends the token), not preceded by one; the steps charged for the range and those matches."""
    pattern = re.compile(re.escape(name) + rb"(?![" + _ID + rb"])")
    found = [m.start() for m in pattern.finditer(data, start, end)]
    steps = 1 + len(found) // 16 + (end - start) // 65536
    return [at for at in found if at == 0 or not re.match(rb"[" + _ID + rb"]", data[at - 1 : at])], steps


def _scanned(data: bytes, name: bytes, start: int, end: int) -> tuple[list[int], int]:
    budget = Budget(10**12)
    found = Tree(None, data, budget)._scan(name, start, end)  # type: ignore[arg-type]
    return found, budget.used


SOURCE = (
    "var init=1,$init=2,init$=3,_init,init2,xinit;\n"
    "// init in a comment, init.\n"
    "s='init'+\"init\"+`${init}`;/init/.test(init);\n"
    "const café=1, ñinit=2, inité=3; café+init;\n"
    "a.init(); a['init'](); init\tinit\ninit"
).encode()


@pytest.mark.parametrize("name", ["init", "$init", "init$", "café", "_init", "a", "s", "test", "new init(", "in", "it"])
def test_the_name_search_finds_what_the_regex_finds(name: str) -> None:
    raw = name.encode()
    for start, end in ((0, len(SOURCE)), (5, len(SOURCE) - 3), (10, 40), (0, SOURCE.index(b"init2") + 4)):
        assert _scanned(SOURCE, raw, start, end) == _expected(SOURCE, raw, start, end)


def test_names_in_strings_and_comments_are_found_and_longer_tokens_are_not() -> None:
    found, _ = _scanned(SOURCE, b"init", 0, len(SOURCE))
    words = [SOURCE[at - 1 : at + 5] for at in found]
    assert b"'init'" in words and b'"init"' in words and b" init " in words  # string literals, the comment
    assert all(SOURCE[at + 4 : at + 5] not in (b"$", b"2", b"\xc3") for at in found)  # init$, init2, inité
    assert all(SOURCE[at - 1 : at] not in (b"$", b"_", b"x", b"\xb1") for at in found)  # $init, _init, xinit, ñinit
    assert SOURCE.endswith(b"init") and found[-1] == len(SOURCE) - 4


def test_a_name_that_overlaps_itself_is_found_at_the_end_of_its_run() -> None:
    data = b"aaaa aa;aaa(a) xaa"
    for start, end in ((0, len(data)), (1, 7), (0, 3)):
        assert _scanned(data, b"aa", start, end) == _expected(data, b"aa", start, end)
    assert _scanned(data, b"aa", 0, len(data))[0] == [5]


def test_occurrences_across_chunk_edges_and_in_dense_input_are_the_regexs(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(8)
    alphabet = b"ab$_9 .;(\n\xc3\xa9"
    for chunk in (7, 64, jstree._CHUNK):
        monkeypatch.setattr(jstree, "_CHUNK", chunk)
        for _ in range(40):
            data = bytes(rng.choice(alphabet) for _ in range(rng.randrange(1, 3000)))
            for name in (b"ab", b"ba", b"a$", b"$_", b"aba", b"\xc3\xa9", b"a\xc3\xa9"):
                start = rng.randrange(0, len(data))
                end = rng.randrange(start, len(data) + 1)
                assert _scanned(data, name, start, end) == _expected(data, name, start, end)
                assert _scanned(data, name, 0, len(data)) == _expected(data, name, 0, len(data))


def test_a_dense_chunk_hands_the_rest_to_the_regex_with_the_same_result() -> None:
    data = b"ab" * 40000 + b" ab;" + b"x ab " * 30000 + b"ab"
    found, steps = _scanned(data, b"ab", 0, len(data))
    assert (found, steps) == _expected(data, b"ab", 0, len(data))
    assert len(found) == 30002


def test_occurrences_of_a_long_name_use_the_whole_file_offsets() -> None:
    data = b"function init(){}" + b" " * 70000 + b"init(); x.init; init2; $init;"
    tree = Tree(None, data, Budget(10**9))  # type: ignore[arg-type]
    assert list(tree.occurrences("init")) == _expected(data, b"init", 0, len(data))[0] == [9, 70017, 70027]
    assert list(tree.occurrences("init", 100, len(data))) == [70017, 70027]
