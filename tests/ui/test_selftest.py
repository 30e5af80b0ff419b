"""`PanelDesk --self-test` in the venv: the Qt steps around the core flow, one line each."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui import entry, selftest


def test_the_whole_self_test_passes_offscreen_and_leaves_the_home_alone(
        qapp, paneldesk_home: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # main() sets it; restored after
    assert entry.main([entry.SELF_TEST_FLAG]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [s.name for s in selftest.steps()]
    assert names[:2] == ["window", "packet"] and names[-1] == "results"
    assert {"image", "translations", "render"} <= set(names)
    assert [line.split("：")[0] for line in lines[:-1]] == [f"[通过] {n}" for n in names]
    assert lines[-1] == "自检通过"
    assert not paneldesk_home.exists()  # everything happened in a temporary folder
