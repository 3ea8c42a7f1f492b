"""``Tree.path`` (the descent every scope and flow question starts from) finds, for any byte range,
the chain a plain walk over the children lists finds, and charges the budget the same, on real
minified bundles: the cursor, the binary search among wide nodes' children and the reuse of the
previous path must not change a node or a step."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import tree_sitter

from analyzer.parse import jsparse
from analyzer.parse.budget import Budget
from analyzer.parse.jstree import _WIDE, Tree

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "bundles"


def _reference(root: tree_sitter.Node, start: int, end: int) -> tuple[list[int], int]:
    """The chain down to the smallest node covering [start, end) taking, at each node, its first
    child of non-zero width that ends after ``start``; the steps: one per node asked for a child, an
    eighth of a wide node's children the first time (kept by the caller)."""
    node, out, steps = root, [root.id], 0
    while True:
        steps += 1
        kids = [k for k in node.children if k.start_byte != k.end_byte]
        child = next((k for k in kids if k.end_byte > start), None)
        if child is None or child.start_byte > start or end > child.end_byte:
            break
        node = child
        out.append(node.id)
    return out, steps


def _bundles() -> list[Path]:
    files = sorted(p for p in CORPUS.glob("corpus/*/dist/**/*.js") if 20_000 < p.stat().st_size < 400_000)
    return files[:: max(1, len(files) // 6)][:6]


@pytest.mark.parametrize("bundle", _bundles(), ids=lambda p: p.parent.name + "/" + p.name)
def test_path_matches_a_plain_walk_on_a_real_bundle(bundle: Path) -> None:
    data = bundle.read_bytes()
    tree = tree_sitter.Parser(jsparse.language("js")).parse(data)
    rng = random.Random(bundle.name)
    offsets = sorted(rng.randrange(0, len(data) + 3) for _ in range(400))
    ranges = [(o, o + 1) for o in offsets] + [(o, o + rng.randrange(1, 40)) for o in offsets[::3]] + [(len(data), len(data) + 1)]
    budget = Budget(10**12)
    walk = Tree(tree.root_node, data, budget)
    wide_charged: set[int] = set()
    for start, end in ranges:
        expected, steps = _reference(tree.root_node, start, end)
        before = budget.used
        got = walk.path(start, end)
        assert [n.id for n in got] == expected, (start, end)
        # The first descent through a wide node pays an eighth of its children once.
        extra = sum(n.child_count // 8 for n in got if n.child_count > _WIDE and n.id not in wide_charged)
        wide_charged.update(n.id for n in got if n.child_count > _WIDE)
        assert budget.used - before == steps + extra


def test_path_steps_over_missing_nodes_as_a_plain_walk_does() -> None:
    """Error recovery inserts zero-width MISSING nodes that share an offset with a real node."""
    data = b"function f(a){ if (a) { g(a, ; var x = {b: 1, c: } return x\nwhile (q) { r(\nconst y = [1, 2\nh(y"
    tree = tree_sitter.Parser(jsparse.language("js")).parse(data)
    assert tree.root_node.has_error
    missing = []

    def visit(node: tree_sitter.Node) -> None:
        if node.start_byte == node.end_byte:
            missing.append(node.start_byte)
        for k in node.children:
            visit(k)

    visit(tree.root_node)
    assert missing  # the case this test is about
    walk = Tree(tree.root_node, data, Budget(10**12))
    for start in sorted(set(range(len(data) + 2)) | set(missing)):
        assert [n.id for n in walk.path(start, start + 1)] == _reference(tree.root_node, start, start + 1)[0], start
