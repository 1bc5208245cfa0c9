"""The package's layers: imports run one way, low to high, with no cycle (docs/architecture.md).

A static scan of every import in aigap/ (at the top of a file, inside a
function, under TYPE_CHECKING: all count), so a cycle is caught before it
can bite at run time.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "aigap"

# Low to high: a module may import its own layer and the ones before it.
LAYERS = ("core", "kinds", "factfiles", "store", "opener", "answers", "output", "cli")

# Each outside library in one layer only.
LIBRARIES = {
    "typer": "cli",
    "click": "cli",
    "rich": "output",
    "matplotlib": "output",
    "koreanize_matplotlib": "output",
    "rapidfuzz": "answers",
    "sqlite3": "store",
    "yaml": "factfiles",
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    """The layer of a module: its folder, or for a top-level module its own name."""
    parts = module.split(".")
    if len(parts) == 1:
        return "core"  # aigap/__init__.py: the version alone
    if parts[1] in LAYERS:
        return parts[1]
    if parts[1] in ("__main__", "usage_errors"):  # the entry point and the CLI's own errors
        return "cli"
    raise AssertionError(f"{module} is in no layer: put it in a layer folder")


def _target(name: str) -> str:
    """The module an import loads: 'aigap.kinds.gap.Gap' -> 'aigap.kinds.gap'."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


@functools.cache
def imports(module: str) -> tuple[tuple[str, int, bool], ...]:
    """(imported module or library, line, inside a function) for every import of a module."""
    return tuple(_imports(module))


def _imports(module: str) -> Iterator[tuple[str, int, bool]]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    inner = {id(n) for f in functions for n in ast.walk(f)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield _target(alias.name), node.lineno, id(node) in inner
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                yield _target(f"{node.module}.{alias.name}"), node.lineno, id(node) in inner


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        layer(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_down_the_layers(module: str) -> None:
    mine = LAYERS.index(layer(module))
    upward = [
        f"{module}:{line} imports {target} ({layer(target)})"
        for target, line, _ in imports(module)
        if target.startswith("aigap") and LAYERS.index(layer(target)) > mine
    ]
    assert not upward


def test_no_import_cycle() -> None:
    graph = {
        m: {t for t, _, _ in imports(m) if t in MODULES and t not in (m, "aigap")} for m in MODULES
    }
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for target in sorted(graph[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_library_in_one_layer(module: str) -> None:
    wrong = [
        f"{module}:{line} imports {target}"
        for target, line, _ in imports(module)
        if LIBRARIES.get(target.split(".")[0], layer(module)) != layer(module)
    ]
    assert not wrong


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_inside_functions_say_why(module: str) -> None:
    """The package's own imports sit at the top; one inside a function has its reason
    beside it or on the line above (start-up time, an optional library). The CLI
    defers each command's modules by design, so that start-up loads only the
    command run: a CLI module says so once, in its docstring, instead of at
    each deferred import."""
    text = MODULES[module].read_text(encoding="utf-8")
    if layer(module) == "cli" and module != "aigap.__main__":
        deferred = [line for _, line, inside in imports(module) if inside]
        docstring = ast.get_docstring(ast.parse(text)) or ""
        assert not deferred or "start-up" in docstring, f"{module}: say why imports wait"
        return
    lines = text.splitlines()
    silent = [
        f"{module}:{line}: {lines[line - 1].strip()}"
        for _, line, inside in imports(module)
        if inside and "#" not in lines[line - 1] and not lines[line - 2].strip().startswith("#")
    ]
    assert not silent
