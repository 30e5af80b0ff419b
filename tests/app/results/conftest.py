"""Fixtures for the results tests (helpers in `tests/app/results/helpers.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("PANELDESK_HOME", str(home))
    return home


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'org.db'}"


@pytest.fixture
def db(db_url: str) -> Iterator:
    from app.sheets.orgdb import OrgDB

    d = OrgDB(db_url)
    yield d
    d.close()
