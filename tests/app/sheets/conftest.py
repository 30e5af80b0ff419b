"""Fixtures for the score-sheet tests: a small signed packet, filled workspaces, keys."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

_spec = importlib.util.spec_from_file_location(
    "paneldesk_crash_child", Path(__file__).parents[1] / "workspace" / "crash_child.py")
helpers = importlib.util.module_from_spec(_spec)
sys.modules.setdefault(_spec.name, helpers)
_spec.loader.exec_module(helpers)

sys.modules.setdefault("paneldesk_sheet_fill", sys.modules[__name__])

FULL = {"温度": "25", "效能": "24.5", "authenticity": "8", "典型性": "7", "storytelling": "8",
        "合规性": "9"}


def fill(session, *, complete: bool = True) -> None:
    """Marks on every assigned submission: S003 recused, S002 commented and flagged."""
    for i, sid in enumerate(session.assigned):
        if sid == "S003":
            session.recuse(sid, "本人曾在该单位任职")
            continue
        values = dict(FULL)
        values["温度"] = str(20 + i % 10) + (".5" if i % 2 else "")
        session.set_scores(sid, values)
    session.set_comment("S002", "案例细节真实，\r\n建议补充回访记录🙂")
    session.set_flag("S002", "wrong_category", True, "治理成效")
    if not complete:
        session.set_scores("S004", {"温度": ""})


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("PANELDESK_HOME", str(home))
    return home


@pytest.fixture
def packet_path(tmp_path: Path, home: Path) -> Path:
    return helpers.build_packet(tmp_path / "t.panelpack")


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


@pytest.fixture
def session(packet_path: Path, home: Path) -> Iterator:
    from app.packet import open_packet
    from app.workspace import ReviewSession

    packet = open_packet(packet_path)
    s = ReviewSession(packet, "E1", home=home)
    yield s
    s.close()
    packet.close()


@pytest.fixture
def packet(packet_path: Path) -> Iterator:
    from app.packet import open_packet

    p = open_packet(packet_path)
    yield p
    p.close()


@pytest.fixture
def db(tmp_path: Path) -> Iterator:
    from app.sheets.orgdb import OrgDB

    d = OrgDB(f"sqlite:///{tmp_path / 'org.db'}")
    yield d
    d.close()


@pytest.fixture
def sheet(session, key, tmp_path: Path) -> Path:
    """A complete, signed sheet of E1."""
    from app.sheets.export import export_sheet

    fill(session)
    return export_sheet(session, key, tmp_path / "E1.xlsx").path


@pytest.fixture
def filled(session):
    """`session` with `fill()` applied."""
    fill(session)
    return session
