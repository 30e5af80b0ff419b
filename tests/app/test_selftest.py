"""The self-test's Qt-free steps (`app.selftest`), run in the venv without a bundle."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app import selftest
from app.paths import user_data_dir


@pytest.fixture
def state(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("PANELDESK_HOME", str(tmp_path / "real-home"))  # restored afterwards
    work = selftest.isolate_home()
    test = selftest.SelfTest(work)
    yield test
    test.close()


def test_isolate_home_points_the_data_folder_into_a_new_temporary_folder(state) -> None:
    assert os.environ["PANELDESK_HOME"] == str(state.home)
    assert user_data_dir() == state.home
    assert state.home.parent == state.work and state.work.name.startswith("paneldesk-selftest-")


def test_every_step_passes_with_one_line_each_and_the_real_home_stays_untouched(
        state, tmp_path: Path) -> None:
    lines: list[str] = []
    assert selftest.run_steps(selftest.core_steps(), state, lines.append) == selftest.PASSED
    names = [s.name for s in selftest.core_steps()]
    assert names == ["packet", "font", "render", "score", "export", "import", "results"]
    assert [line.split("：")[0] for line in lines[:-1]] == [f"[通过] {n}" for n in names]
    assert lines[-1] == "自检通过"
    assert state.sheet is not None and state.sheet.is_file()
    assert {p.name for p in (state.work / "results").iterdir()} >= {"results.xlsx", "report.docx"}
    assert not (tmp_path / "real-home").exists()


def test_cleanup_removes_the_temporary_folder(state) -> None:
    selftest.run_steps(selftest.core_steps()[:1], state, lambda _line: None)
    state.close()
    assert not state.work.exists()


def test_a_tampered_packet_fails_its_step_by_name_and_stops(state, tmp_path: Path) -> None:
    copy = tmp_path / "tampered.panelpack"
    shutil.copy(selftest.demo_packet_path(), copy)
    data = bytearray(copy.read_bytes())
    data[len(data) // 2] ^= 0xFF  # inside some member: the packet no longer verifies
    copy.write_bytes(bytes(data))
    state.packet_path = copy
    lines: list[str] = []
    code = selftest.run_steps(selftest.core_steps(), state, lines.append)
    assert code == selftest.FAILED
    assert lines[-1] == "自检失败：步骤 packet"
    assert lines[0].startswith("[失败] packet：")
    assert len(lines) == 2  # nothing after the failing step ran


def test_a_later_step_without_its_input_names_itself(state) -> None:
    lines: list[str] = []
    steps = [s for s in selftest.core_steps() if s.name in ("export", "import")]
    assert selftest.run_steps(steps, state, lines.append) == selftest.FAILED
    assert lines[-1] == "自检失败：步骤 export"


def test_plausible_scores_lie_on_the_step_grid() -> None:
    from decimal import Decimal

    assert selftest._plausible(Decimal(30), Decimal("0.5")) == "24.0"
    assert selftest._plausible(Decimal(10), Decimal(1)) == "8"
