"""The package layout holds: no import cycles, and no import that runs back up the layers.

Each module of cleanlint belongs to a layer, the deepest entry of LAYERS that names it or a package holding
it. A module may import from its own layer and the layers below; an import from a higher layer is an
upward import, and any loop of imports between modules is a cycle. Imports inside functions count (they
are put off for speed, not for layering); imports under `if TYPE_CHECKING:` do not, since they never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "cleanlint"

# lowest first
LAYERS = (
    "cleanlint",  # the package root: its version; its public names load on first use, through import_module
    "cleanlint.safeio",
    "cleanlint.scan",  # patterns read and compiled: what the document's own patterns use too
    "cleanlint.document",
    "cleanlint.model",
    "cleanlint.rule",
    "cleanlint.config",
    "cleanlint.structure",
    "cleanlint.sources",
    "cleanlint.kinds.support",
    "cleanlint.kinds",
    "cleanlint.engine",
    "cleanlint.ruleset",
    "cleanlint.corpus",
    "cleanlint.run",
    "cleanlint.report",
    "cleanlint.cli",
    "cleanlint.api",
    "cleanlint.__main__",
)
CORE = {"__init__", "__main__", "api", "config", "document", "model", "rule"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    found = [i for i, name in enumerate(LAYERS) if module == name or module.startswith(name + ".")]
    assert found, f"{module} is in no layer: add its package to LAYERS"
    return max(found, key=lambda i: len(LAYERS[i]))


def _runs(node: ast.AST) -> bool:
    """Whether the statements under `node` can run: not an `if TYPE_CHECKING:` block."""
    return not (isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test))


def imports(module: str) -> set[str]:
    """The modules of cleanlint that `module` imports when it runs."""
    path = MODULES[module]
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: set[str] = set()
    pending: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while pending:
        node = pending.pop()
        for child in ast.iter_child_nodes(node):
            if not _runs(child):
                continue
            pending.append(child)
            if isinstance(child, ast.ImportFrom):
                base = package[: len(package) - child.level + 1] if child.level else []
                target = ".".join([*base, *([child.module] if child.module else [])])
                for alias in child.names:
                    named = f"{target}.{alias.name}"
                    found.add(named if named in MODULES else target)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
    return {name for name in found if name in MODULES and name != module}


GRAPH = {module: imports(module) for module in MODULES}


def test_the_graph_is_read():
    """A reading that found nothing would pass every test below."""
    assert "cleanlint.engine.engine" in GRAPH["cleanlint.run.outcome"]
    assert "cleanlint.kinds.support.patterns" in GRAPH["cleanlint.kinds.phrase"]
    assert sum(map(len, GRAPH.values())) > 200


def upward_imports(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted((module, name) for module, names in graph.items() for name in names if layer(name) > layer(module))


def a_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One loop of imports in `graph`, as a path that ends where it starts, or None. Depth-first, iterative."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if root in state:
            continue
        path, todo = [root], [iter(sorted(graph[root]))]
        state[root] = 1
        while todo:
            name = next(todo[-1], None)
            if name is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(name) == 1:
                return [*path[path.index(name) :], name]
            elif name not in state:
                state[name] = 1
                path.append(name)
                todo.append(iter(sorted(graph.get(name, ()))))
    return None


def test_no_import_runs_back_up():
    upward = [f"{module} -> {name} (layer {LAYERS[layer(name)]})" for module, name in upward_imports(GRAPH)]
    assert not upward, "imports from a higher layer:\n" + "\n".join(upward)


def test_no_cycles():
    loop = a_cycle(GRAPH)
    assert loop is None, "import cycle: " + " -> ".join(loop or ())


def test_the_checks_catch_an_upward_import_and_a_cycle():
    """The two checks fail on what they are for: an engine module importing the CLI, and a loop."""
    planted = {"cleanlint.engine.engine": {"cleanlint.cli.main", "cleanlint.model"}, "cleanlint.cli.main": set()}
    assert upward_imports(planted) == [("cleanlint.engine.engine", "cleanlint.cli.main")]
    looped = {"cleanlint.scan.gates": {"cleanlint.scan.literals"}, "cleanlint.scan.literals": {"cleanlint.scan.gates"}}
    assert a_cycle(looped) == ["cleanlint.scan.gates", "cleanlint.scan.literals", "cleanlint.scan.gates"]
    assert a_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_the_top_level_holds_only_the_core_values_and_the_api():
    top = {p.stem for p in PACKAGE.glob("*.py")}
    assert top == CORE, f"move {sorted(top - CORE)} into a package"


@pytest.mark.parametrize("init", sorted(PACKAGE.glob("*/**/__init__.py")), ids=lambda p: module_name(p))
def test_each_package_says_what_it_is_for(init):
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert doc and len(doc.strip().splitlines()) <= 2, f"{init}: say in two lines what the package is for"
