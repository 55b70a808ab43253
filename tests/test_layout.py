"""The package's shape: stage folders, no import circles, short modules."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pipeline"
STAGES = {"read", "extractors", "corpus", "output", "engine", "tools"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_imports(path: Path) -> set[str]:
    """The pipeline modules a module imports when it runs (lazy ones included; imports under
    `if TYPE_CHECKING:` only name types and are left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and getattr(block.test, "id", None) == "TYPE_CHECKING"
                   for node in ast.walk(block)}
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("pipeline")}
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            if not target.startswith("pipeline"):
                continue
            for alias in node.names:  # `from . import cache` imports a module
                candidate = f"{target}.{alias.name}"
                found.add(candidate if candidate in MODULES else target)
    return found - {module_name(path)}


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: runtime_imports(path) for name, path in MODULES.items()}


def test_relative_imports_resolve_to_real_modules():
    unknown = {(m, t) for m, targets in GRAPH.items() for t in targets if t not in MODULES}
    assert unknown == set()


def test_no_import_circle():
    def cycle_from(start):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in GRAPH.get(node, ()):
                if nxt == start:
                    return path
                if nxt not in path and nxt.startswith("pipeline"):
                    stack.append((nxt, path + [nxt]))
        return None

    circles = {name: cycle_from(name) for name in GRAPH}
    assert {n: c for n, c in circles.items() if c} == {}


def test_at_most_eight_modules_at_the_top_and_every_other_in_a_stage_folder():
    top = [p.name for p in PACKAGE.glob("*.py")]
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert len(top) <= 8
    assert folders == STAGES


@pytest.mark.parametrize("name", sorted(MODULES))
def test_module_is_short(name):
    assert len(MODULES[name].read_text(encoding="utf-8").splitlines()) <= 400


def test_data_flows_one_way():
    """read → nlp → extractors → corpus → output; the engine and the tools sit beside them."""
    order = ["read", "extractors", "corpus", "output"]
    backwards = set()
    for name, targets in GRAPH.items():
        stage = name.split(".")[1] if name.count(".") else None
        if stage not in order:
            continue
        for target in targets:
            other = target.split(".")[1] if target.count(".") else None
            if other in order and order.index(other) > order.index(stage):
                backwards.add((name, target))
            if other in ("engine", "tools") or target == "pipeline.cli":
                backwards.add((name, target))
    assert backwards == set()


def test_the_readme_design_table_names_every_module():
    """Each module of the package appears in README's Design table (as `folder/name.py`, or
    `name.py` in a cell that names a sibling of the same folder)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Design"):]
    missing = [str(path.relative_to(PACKAGE)) for path in sorted(PACKAGE.rglob("*.py"))
               if path.name != "__init__.py" and not _named(path.relative_to(PACKAGE), table)]
    assert missing == []


def _named(module: Path, table: str) -> bool:
    if f"`{module.as_posix()}`" in table or f"`pipeline/{module.as_posix()}`" in table:
        return True
    folder = module.parent.as_posix()
    return any(f"`{module.name}`" in line and (folder == "." or f"`{folder}/" in line)
               for line in table.splitlines())
