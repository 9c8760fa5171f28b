"""No import circles among clerk, screens and exports: every import counts, at the top of a
module or inside a function, so a module never needs another that needs it back."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("clerk", "screens", "exports")


def modules(root: Path = ROOT) -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project's modules that ``name`` imports anywhere in its text (``from . import x``
    counts as importing x when x is a module)."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            wanted = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            wanted = [module, *(f"{module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for target in wanted:
            while target not in known and "." in target:
                target = target.rsplit(".", 1)[0]
            if target in known and target != name:
                targets.add(target)
    return targets


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def import_graph(root: Path = ROOT) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imports_of(name, path, known) for name, path in known.items()}


def test_the_checker_finds_a_circle_made_in_a_function(tmp_path):
    (tmp_path / "clerk").mkdir()
    (tmp_path / "screens").mkdir()
    (tmp_path / "exports").mkdir()
    (tmp_path / "clerk" / "__init__.py").write_text("")
    (tmp_path / "clerk" / "a.py").write_text("from . import b\n")
    (tmp_path / "clerk" / "b.py").write_text("def later():\n    from .a import thing\n")
    assert cycles(import_graph(tmp_path)) == [["clerk.a", "clerk.b"]]


def test_no_module_imports_one_that_imports_it_back():
    graph = import_graph()
    assert "clerk.cli" in graph and "clerk.cli.group" in graph["clerk.cli"]
    found = cycles(graph)
    assert found == [], "import circles: " + "; ".join(" ↔ ".join(group) for group in found)


def imported_by(*args: str) -> str:
    """What ``clerk ARGS`` imports, as ``python -X importtime`` reports it."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "clerk.cli", *args], cwd=ROOT, capture_output=True, text=True
    )
    return result.stderr


def test_the_command_line_starts_without_textual(tmp_path):
    """``clerk --help`` and ``clerk meetings`` never load the app's toolkit or the writers."""
    for args in (["--help"], ["--db", str(tmp_path / "c.db"), "meetings"]):
        report = imported_by(*args)
        assert "| clerk.cli" in report, report[-2000:]
        names = {line.rsplit("|", 1)[-1].strip() for line in report.splitlines() if line.startswith("import time:")}
        assert not {n for n in names if n.split(".")[0] in ("textual", "screens", "exports", "docx", "pypdf")}, args
