"""The package's stages import downward only (docs/design.md): read from the source, so a new
import that reaches up a stage, or into the orchestrator, fails here with the line that does it."""

from __future__ import annotations

import ast
from pathlib import Path

ANALYZER = Path(__file__).resolve().parent.parent / "analyzer"

# Lower stages first. A module may import its own stage and any stage listed before it.
STAGES = [
    ("analyzer", "analyzer.model", "analyzer.kinds", "analyzer.config", "analyzer.datadir"),  # records, settings, data folder
    ("analyzer.parse",),
    ("analyzer.signatures",),
    ("analyzer.facts",),
    ("analyzer.consent",),
    ("analyzer.read",),
    ("analyzer.resolve",),
    ("analyzer.rules",),
    ("analyzer.filter",),
    ("analyzer.report",),
    ("analyzer.scan",),  # the orchestrator
    ("analyzer.cli",),
]
ORCHESTRATOR = {"analyzer.scan", "analyzer.cli"}


def _module(path: Path) -> str:
    parts = path.relative_to(ANALYZER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = set(STAGES[0]) | ORCHESTRATOR  # single modules; every other entry is a package


def _rank(module: str) -> int:
    for rank, names in enumerate(STAGES):
        if any(module == n or (n not in MODULES and module.startswith(n + ".")) for n in names):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def _type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(tree: ast.AST, module: str):
    """(line, imported module) of every import that runs (``if TYPE_CHECKING:`` blocks are types only)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                stack.extend(child.orelse)
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.module.startswith("analyzer") and child.level == 0:
                for alias in child.names:
                    full = f"{child.module}.{alias.name}"
                    yield (
                        child.lineno,
                        full
                        if (ANALYZER.parent / full.replace(".", "/")).with_suffix(".py").exists()
                        or (ANALYZER.parent / full.replace(".", "/")).is_dir()
                        else child.module,
                    )
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("analyzer"):
                        yield child.lineno, alias.name
            stack.append(child)


def _edges():
    for path in sorted(ANALYZER.rglob("*.py")):
        module = _module(path)
        for line, target in _imports(ast.parse(path.read_text(encoding="utf-8")), module):
            yield path.relative_to(ANALYZER.parent), line, module, target


def test_every_module_belongs_to_a_stage() -> None:
    for path in ANALYZER.rglob("*.py"):
        _rank(_module(path))


def test_stages_import_downward_only() -> None:
    upward = [f"{path}:{line}: {module} imports {target}" for path, line, module, target in _edges() if _rank(target) > _rank(module)]
    assert not upward, "\n".join(upward)


def test_no_module_imports_the_orchestrator() -> None:
    found = [
        f"{path}:{line}: imports {target}" for path, line, module, target in _edges() if target in ORCHESTRATOR and module != "analyzer.cli"
    ]
    assert not found, "\n".join(found)


def test_the_check_detects_an_upward_import(tmp_path) -> None:
    tree = ast.parse("from analyzer.rules import RULES\nif TYPE_CHECKING:\n    from analyzer.scan import run\n")
    edges = list(_imports(tree, "analyzer.parse.x"))
    assert edges == [(1, "analyzer.rules")] and _rank("analyzer.rules") > _rank("analyzer.parse.x")
