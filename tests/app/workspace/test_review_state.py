"""The review state kept in the workspace: identity confirmed, conflicts declared, and the
state the single writer hands back after each change."""

from __future__ import annotations

import importlib.util
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.packet import open_packet
from app.workspace import ReviewSession
from app.workspace.locate import confirmed_expert, workspace_path
from app.workspace.status import ReviewStatus, SubmissionState

_spec = importlib.util.spec_from_file_location(
    "paneldesk_crash_child", Path(__file__).parent / "crash_child.py")
helpers = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("paneldesk_crash_child", helpers)
_spec.loader.exec_module(helpers)

FULL = {"warmth": "25", "efficacy": "25", "authenticity": "8", "typicality": "8",
        "storytelling": "8", "compliance": "8"}


@pytest.fixture
def packet(tmp_path: Path):
    with open_packet(helpers.build_packet(tmp_path / "t.panelpack")) as opened:
        yield opened


def open_session(packet, expert: str, home: Path) -> ReviewSession:
    return ReviewSession(packet, expert, home=home)


def test_identity_confirmation_is_kept_and_found_before_opening(packet, tmp_path):
    home = tmp_path / "home"
    assert confirmed_expert("TEST-2026", ["E1", "E2"], home) is None
    with open_session(packet, "E2", home) as session:
        assert session.review_state() == {"identity_confirmed": None, "recusals_declared": None}
        session.confirm_identity("ab" * 20)
        state = session.review_state()
        assert state["identity_confirmed"] and state["recusals_declared"] is None
        entry = session.history()[-1]
        assert (entry.submission_id, entry.field, entry.new) == (None, "identity_confirmed",
                                                                "ab" * 20)
    assert confirmed_expert("TEST-2026", ["E1", "E2"], home) == "E2"
    assert confirmed_expert("TEST-2026", ["E1"], home) is None  # not on this roster
    with open_session(packet, "E1", home) as session:
        session.confirm_identity(None)
    assert confirmed_expert("TEST-2026", ["E1", "E2"], home) == "E1"  # the latest wins
    assert confirmed_expert("OTHER", ["E1", "E2"], home) is None


def test_a_damaged_workspace_file_confirms_nothing(packet, tmp_path):
    home = tmp_path / "home"
    workspace_path("TEST-2026", "E9", home).write_bytes(b"not a database" * 100)
    with open_session(packet, "E1", home) as session:
        session.confirm_identity(None)
    assert confirmed_expert("TEST-2026", ["E1", "E9"], home) == "E1"


def test_declaring_conflicts_is_one_step_and_shown_in_the_summary(packet, tmp_path):
    home = tmp_path / "home"
    with open_session(packet, "E1", home) as session:
        with pytest.raises(PanelDeskError, match="必须填写回避原因"):
            session.declare_recusals({"S001": "亲属任职", "S002": " "})
        with pytest.raises(PanelDeskError, match="没有编号"):
            session.declare_recusals({"S999": "x"})
        assert session.recusals() == {} and session.review_state()["recusals_declared"] is None
        session.declare_recusals({"S001": "亲属任职"})
        assert session.recusals() == {"S001": "亲属任职"}
        summary = session.summary()
        assert summary["recusals_declared"] and summary["identity_confirmed"] is None
        assert summary["submissions"]["S001"]["status"] == "回避"
    with open_session(packet, "E2", home) as session:
        session.declare_recusals({})  # no conflicts is a declaration too
        assert session.review_state()["recusals_declared"] and session.recusals() == {}


def test_state_after_a_change_matches_the_summary(packet, tmp_path):
    with open_session(packet, "E1", tmp_path / "home") as session:
        assert session.state("S001") == SubmissionState(None, ReviewStatus.TODO, False)
        session.set_scores("S001", FULL)
        assert session.state("S001") == SubmissionState(Decimal(82), ReviewStatus.DONE, False)
        session.set_flag("S002", "suspect_untrue")
        assert session.state("S002") == SubmissionState(None, ReviewStatus.PARTIAL, True)
        session.recuse("S003", "回避")
        states = session.states()
        assert states["S003"].status == ReviewStatus.RECUSED
        summary = session.summary()["submissions"]
        for sid, state in states.items():
            assert summary[sid]["status"] == state.status
            assert summary[sid]["total"] == (None if state.total is None else str(state.total))
