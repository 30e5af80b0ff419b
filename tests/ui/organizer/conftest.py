"""Fixtures the organizer's window tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.demo.intake import write_demo_intake


@pytest.fixture(scope="module")
def demo_intake(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo intake folder, written once per test module (the tests only read it)."""
    return write_demo_intake(tmp_path_factory.mktemp("demo"))
