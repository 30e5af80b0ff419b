"""scoring/ imports nothing but the standard library (docs/architecture.md), checked on the source."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

SCORING = Path(__file__).resolve().parents[2] / "scoring"


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def test_scoring_has_modules_to_check():
    assert (SCORING / "rubric.py").is_file()
    assert (SCORING / "totals.py").is_file()


def test_scoring_imports_only_stdlib():
    offenders = []
    for path in sorted(SCORING.rglob("*.py")):
        for module in _imported_modules(path):
            top = module.split(".")[0]
            if top != "scoring" and top not in sys.stdlib_module_names:
                offenders.append(f"{path.relative_to(SCORING.parent)}: {module}")
    assert offenders == []


def test_checker_catches_a_third_party_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("import os\nfrom PySide6 import QtCore\nfrom . import sibling\n",
                      encoding="utf-8")
    assert _imported_modules(sample) == ["os", "PySide6"]
