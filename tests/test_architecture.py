"""The layout's rules that a linter does not check (docs/architecture.md): small modules
with docstrings, and no fact of a call written in the code — it comes from the rubric.
(Layers, import direction and cycles are import-linter contracts in pyproject.toml.)"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.rubrics import load_default_rubric
from scoring.rubric_file import load_rubric

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("app", "ui", "scoring", "tools")
MAX_LINES = 400


def modules(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", modules(*PACKAGES), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_are_small_and_say_what_they_are(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= MAX_LINES, f"{path.name}: split it by responsibility"
    if path.name != "__init__.py" or text.strip():
        assert ast.get_docstring(ast.parse(text)), f"{path.name} needs a docstring"


def call_facts() -> set[str]:
    """Names only a rubric may hold: categories (and their spellings), criteria, awards."""
    facts: set[str] = set()
    for rubric in (load_default_rubric(),
                   load_rubric(ROOT / "tests" / "fixtures" / "rubrics" / "community-2027.toml")):
        facts.update(rubric.categories)
        facts.update(name for names in rubric.category_variants.values() for name in names)
        facts.update(c.name for c in rubric.criteria)
        facts.update(a.name for a in rubric.awards)
        if rubric.packet_title:
            facts.add(rubric.packet_title)
    return facts


def test_no_fact_of_a_call_is_written_in_the_code() -> None:
    facts = call_facts()
    found = [f"{path.relative_to(ROOT)}: {fact}" for path in modules("app", "ui")
             for fact in facts if fact in path.read_text(encoding="utf-8")]
    assert found == []
