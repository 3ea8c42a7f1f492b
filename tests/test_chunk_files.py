"""Chunk files named by a bundler's runtime (analyzer/parse/chunk_files.py)."""

from __future__ import annotations

import pytest

from analyzer.parse.chunk_files import chunk_specifiers

RUNTIME = b"n.f={},n.e=t=>{const e=[];return n.f.j(t,e),Promise.all(e)},"
ERROR = b's.name="ChunkLoadError";'


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (RUNTIME + b'n.u=t=>"js/clarity.2f44c9f5.chunk.js",' + ERROR, ("/js/clarity.2f44c9f5.chunk.js",)),
        (
            RUNTIME + b'n.u=e=>"js/"+e+"."+{48:"0172df9c",689:"c60d0491"}[e]+".chunk.js",' + ERROR,
            ("/js/48.0172df9c.chunk.js", "/js/689.c60d0491.chunk.js"),
        ),
        (RUNTIME + b'r.u=function(e){return"static/js/"+e+"."+{"12":"aa11"}[e]+".js"};' + ERROR, ("/static/js/12.aa11.js",)),
        (
            b'(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push([0,1,e=>{e.l("static/chunks/0n4xbtuz1g59h.js")}]);',
            ("/_next/static/chunks/0n4xbtuz1g59h.js",),
        ),
    ],
    ids=["webpack-one-chunk", "webpack-hash-map", "webpack-function", "turbopack"],
)
def test_runtime_chunk_names(code: bytes, expected: tuple[str, ...]) -> None:
    assert chunk_specifiers(code) == expected


@pytest.mark.parametrize(
    "code",
    [
        b'n.u=t=>"js/app.js";',  # no bundler runtime in the file
        RUNTIME + b'n.u=e=>"js/"+e+".js",' + ERROR,  # the id alone: ids not listed here
        RUNTIME + b'n.u=e=>"js/"+other(e)+".js",' + ERROR,  # a call: not a shape this reads
        b'var TURBOPACK_docs = "see static/chunks/readme.md";',  # not a .js name in quotes
    ],
    ids=["no-runtime", "id-only", "call", "not-a-chunk"],
)
def test_other_code_names_no_chunks(code: bytes) -> None:
    assert chunk_specifiers(code) == ()
