"""The package's layers, read from its own imports: no module imports from a layer above its own.

Data flows one way: files -> Note -> rules -> Diagnostics -> formatter or report.
Every import counts, including those inside functions (made late for start-up
speed); only imports under ``if TYPE_CHECKING:`` are left out, as they never run.
A new module must be given a layer here.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import REPO

PACKAGE = REPO / "notelint"

# lowest first; a module belongs to the first layer with a prefix that names it
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("foundation", (
        "notelint", "notelint.source", "notelint.markdown", "notelint.frontmatter", "notelint.files",
        "notelint.parallel", "notelint.cache", "notelint.codes", "notelint.versions", "notelint.diagnostic",
        "notelint.enums", "notelint.shipped", "notelint.dates", "notelint.yamlsafe", "notelint.atomic",
        "notelint.suggest", "notelint.memo", "notelint.derived", "notelint.regexcache", "notelint.finding",
        "notelint.filedigest", "notelint.hashing", "notelint.sortedtable", "notelint.values",
    )),
    ("note model", (
        "notelint.note", "notelint.schema", "notelint.suppressions", "notelint.fixes", "notelint.config", "notelint.htmltext",
    )),
    ("rule contract", ("notelint.rule", "notelint.outcome")),
    ("domain", ("notelint.aws", "notelint.spelling", "notelint.claims")),
    ("rules", ("notelint.rules",)),
    ("engine", ("notelint.engine", "notelint.resultcache")),
    ("front ends", ("notelint.runner", "notelint.baseline", "notelint.output", "notelint.report", "notelint.cli",
                    "notelint.__main__", "notelint.server")),
)


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")


def layer_of(module: str) -> int:
    best = None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or (prefix != "notelint" and module.startswith(prefix + ".")):
                best = index if best is None else best
    if best is None:
        raise AssertionError(f"{module} has no layer in tests/test_layers.py")
    return best


def imports_of(path: Path) -> set[str]:
    """notelint modules this file imports, at any depth, outside TYPE_CHECKING blocks."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(child) for child in ast.walk(node))
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("notelint"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("notelint"))
    return found


def test_every_module_has_a_layer():
    for path in PACKAGE.rglob("*.py"):
        layer_of(module_name(path))


def test_no_module_imports_from_a_layer_above_its_own():
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        for imported in sorted(imports_of(path)):
            if layer_of(imported) > layer_of(module):
                upward.append(
                    f"{module} ({LAYERS[layer_of(module)][0]}) imports {imported} ({LAYERS[layer_of(imported)][0]})"
                )
    assert upward == []


def test_the_checker_sees_imports_inside_functions_and_skips_type_only_ones(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from notelint.engine import Linter\n"
        "def late():\n    from notelint.cli import main\n",
        encoding="utf-8",
    )
    assert imports_of(sample) == {"notelint.cli"}
    assert layer_of("notelint.rules.stale") > layer_of("notelint.claims.staleness") > layer_of("notelint.note")
