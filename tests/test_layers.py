"""The layers of `hooks/` hold: no import cycle, no import from a layer above, no module or function too long.

Each module is parsed, not imported, so a test of the structure cannot be fooled by what importing does.
The checks are functions over a package folder, shown to fail on small packages made for the purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

LAYERS = ("read", "model", "checks", "write", "pages", "publish")
"""The layer folders, lowest first; the modules at the top of the package (the doors) are above them all."""
MODULE_LINES = 300
FUNCTION_LINES = 60


def modules(folder: Path) -> dict[str, ast.Module]:
    """Every module of the package at `folder`, parsed, by dotted name (`hooks.checks.schema`)."""
    found = {}
    for file in sorted(folder.rglob("*.py")):
        parts = file.relative_to(folder.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    return found


def imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The package's own modules that module `name` imports, anywhere in it (functions included)."""
    package = name if name + ".__init__" in known else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            targets.update(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names)
    return {target for target in targets if target in known and target != name}


def graph(trees: dict[str, ast.Module]) -> dict[str, set[str]]:
    known = set(trees) | {f"{name}.__init__" for name, tree in trees.items() if _is_package(name, trees)}
    return {name: imports(name, tree, known) for name, tree in trees.items()}


def _is_package(name: str, trees: dict) -> bool:
    return any(other.startswith(name + ".") for other in trees)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Each group of modules that import one another in a ring (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while not group or group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def layer(name: str, layers: tuple[str, ...] = LAYERS) -> int:
    """A module's height: its layer folder's place in `layers`, or above them all for a module at the top."""
    parts = name.split(".")
    return layers.index(parts[1]) if len(parts) > 1 and parts[1] in layers else len(layers)


def upward(edges: dict[str, set[str]], layers: tuple[str, ...] = LAYERS) -> list[str]:
    """Each import of a module from a layer above the importer's, as `importer -> imported`."""
    return [f"{name} -> {target}" for name, targets in sorted(edges.items()) for target in sorted(targets)
            if layer(target, layers) > layer(name, layers)]


def long_modules(folder: Path, limit: int = MODULE_LINES) -> list[str]:
    return [f"{file.relative_to(folder.parent)} ({lines} lines)" for file in sorted(folder.rglob("*.py"))
            if (lines := len(file.read_text(encoding="utf-8").splitlines())) > limit]


def long_functions(trees: dict[str, ast.Module], limit: int = FUNCTION_LINES) -> list[str]:
    return [f"{name}.{node.name} ({node.end_lineno - node.lineno + 1} lines)"
            for name, tree in sorted(trees.items()) for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > limit]


HOOKS = ROOT / "hooks"


def test_no_import_cycle():
    found = cycles(graph(modules(HOOKS)))
    assert not found, "modules that import one another: " + "; ".join(" <-> ".join(group) for group in found)


def test_no_import_from_a_layer_above():
    found = upward(graph(modules(HOOKS)))
    assert not found, f"imports from a layer above ({' < '.join(LAYERS)} < the top): " + "; ".join(found)


def test_no_module_over_the_limit():
    found = long_modules(HOOKS)
    assert not found, f"modules over {MODULE_LINES} lines: " + "; ".join(found)


def test_no_function_over_the_limit():
    found = long_functions(modules(HOOKS))
    assert not found, f"functions over {FUNCTION_LINES} lines: " + "; ".join(found)


SCHEMA_READERS = ("hooks/model/schema.py", "hooks/model/fields.py", "hooks/checks/schema.py")
"""The modules that read a schema's own keys: the model loads it, `fields` reads it for everyone else, and the
schema check explains a JSON Schema error by the schema it came from."""


def schema_keys(folder: Path, readers: tuple[str, ...]) -> list[str]:
    """Each use of a schema's keys (`x-...`, `$ref`, `properties`) in a module other than `readers`."""
    return [f"{file.relative_to(folder.parent)}:{node.lineno} {node.value}" for file in sorted(folder.rglob("*.py"))
            if file.relative_to(folder.parent).as_posix() not in readers
            for node in ast.walk(ast.parse(file.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and (node.value.startswith("x-") or node.value in ("$ref", "properties"))]


def test_only_the_model_reads_the_schema():
    found = schema_keys(HOOKS, SCHEMA_READERS)
    assert not found, "schema keys read outside hooks.model.fields (give Field what is needed): " + "; ".join(found)


def test_every_layer_folder_exists():
    """A renamed folder would make its modules count as the top layer, and their upward imports pass unseen."""
    assert [name for name in LAYERS if not (HOOKS / name / "__init__.py").is_file()] == []


def package(root: Path, files: dict[str, str]) -> Path:
    """A package `pkg` under `root` with the given modules (relative paths to source)."""
    for path, text in {"__init__.py": "", **files}.items():
        file = root / "pkg" / path
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(text, encoding="utf-8")
    return root / "pkg"


def test_the_checks_name_each_offender(tmp_path):
    folder = package(tmp_path, {
        "read/__init__.py": "", "model/__init__.py": "",
        "read/a.py": "from pkg.model import b\n",
        "model/b.py": "def f():\n    from pkg.read.a import x\n" + "    y = 1\n" * 60,
        "model/c.py": "from . import b\nfrom .b import f\n" + "\n" * 300,
        "cli.py": "import pkg.model.c\nfrom pkg.read import a\n",
    })
    edges = graph(modules(folder))
    assert edges == {"pkg": set(), "pkg.read": set(), "pkg.model": set(), "pkg.read.a": {"pkg.model.b"},
                     "pkg.model.b": {"pkg.read.a"}, "pkg.model.c": {"pkg.model.b"},
                     "pkg.cli": {"pkg.model.c", "pkg.read.a"}}
    assert cycles(edges) == [["pkg.model.b", "pkg.read.a"]]
    assert upward(edges, ("read", "model")) == ["pkg.read.a -> pkg.model.b"]
    assert long_modules(folder) == ["pkg/model/c.py (302 lines)"]
    assert long_functions(modules(folder)) == ["pkg.model.b.f (62 lines)"]
    (folder / "cli.py").write_text('marks = spec.get("x-facet")\n', encoding="utf-8")
    assert schema_keys(folder, ()) == ["pkg/cli.py:1 x-facet"]


def test_a_longer_ring_is_one_cycle_and_a_chain_is_none():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
