"""`paneldesk` entry point: CLI delegation without Qt, GUI start on a packet or the demo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ui import entry
from ui.review import check_in
from ui.review.identity_dialog import Identity
from ui.review.window import ReviewWindow

ROOT = Path(__file__).resolve().parents[2]


def run_python(code: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PANELDESK_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, *( ["-c", code] if code else []), *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def test_importing_entry_does_not_import_qt(paneldesk_home):
    result = run_python("import ui.entry, sys; assert 'PySide6' not in sys.modules",
                        home=paneldesk_home)
    assert result.returncode == 0, result.stderr


def test_cli_command_runs_without_loading_qt(paneldesk_home):
    code = ("import sys, ui.entry; code = ui.entry.main(['key', 'show', '--json']); "
            "assert 'PySide6' not in sys.modules, 'CLI path imported Qt'; sys.exit(code)")
    result = run_python(code, home=paneldesk_home)
    # No key yet: the CLI's own clear error (exit 1), not a GUI and not a traceback.
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("paneldesk: ")


def test_key_show_json_is_delegated_to_the_cli(capsys, monkeypatch):
    monkeypatch.setenv("PANELDESK_PASSPHRASE", "correct horse battery staple")
    assert entry.main(["key", "init"]) == 0
    capsys.readouterr()
    assert entry.main(["key", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert len(shown["fingerprint"]) == 40
    assert shown["public_key"]


def test_help_goes_to_the_cli(capsys):
    with pytest.raises(SystemExit) as exit_info:
        entry.main(["--help"])
    assert exit_info.value.code == 0
    assert "paneldesk" in capsys.readouterr().out


def test_mistyped_command_gets_the_cli_error_not_a_window(capsys):
    with pytest.raises(SystemExit) as exit_info:
        entry.main(["pakcet", "info"])
    assert exit_info.value.code == 2
    assert "pakcet" in capsys.readouterr().err


def test_python_dash_m_ui_entry_works(paneldesk_home):
    result = run_python("", "-m", "ui.entry", "--help", home=paneldesk_home)
    assert result.returncode == 0, result.stderr
    assert "key" in result.stdout and "packet" in result.stdout


@pytest.mark.parametrize("arg,cli", [
    ("key", True), ("packet", True), ("demo", True), ("-h", True), ("pakcet", True),
    ("judging.panelpack", False), ("some/dir/file.bin", False), ("-platform", False),
])
def test_cli_or_gui_decision(arg, cli):
    assert entry._wants_cli(arg) is cli


def test_existing_file_opens_the_gui(tmp_path):
    odd = tmp_path / "packet-without-suffix"
    odd.write_bytes(b"x")
    assert entry._wants_cli(str(odd)) is False


def test_cli_commands_include_the_documented_ones():
    assert {"key", "packet", "demo"} <= entry.cli_commands()


def test_the_gui_starts_a_render_worker_before_it_loads_the_interface(qapp, monkeypatch,
                                                                       capsys):
    """The first PDF of a packet must not wait for a worker started after the packet
    opened: run_gui warms the pool first (two packets named: it stops right after)."""
    order: list[str] = []

    class Pool:
        def warm(self) -> None:
            order.append("warm")

    monkeypatch.setattr(entry, "default_pool", Pool)
    monkeypatch.setattr("ui.application.create_application",
                        lambda argv: order.append("application") or qapp)
    assert entry.run_gui(["a.panelpack", "b.panelpack"]) == 2
    assert order == ["warm", "application"]
    assert "一次只能打开一个评审包" in capsys.readouterr().err


def review_packet(path: Path, count: int) -> Path:
    """A signed packet with the real default rubric (the review window needs a valid one)."""
    from app.model import Expert, Submission
    from tests.ui.review_helpers import write_signed_packet

    entries = [(Submission(id=f"S{i:03d}", category="创新机制", title=f"第{i}项", unit="某热线",
                           fields={"body": "详细内容"}, text="详细内容", warnings=[], files=[]),
                {}) for i in range(1, count + 1)]
    return write_signed_packet(path, entries, packet_id=f"ENTRY-{count}", title="入口测试",
                               roster=[Expert("E1", "林思远", "某大学")])


def _run_gui_until_loaded(qtbot, monkeypatch, args: list[str], rows: int) -> int:
    """Run `run_gui` with `exec` replaced by a wait for the window to show `rows` rows."""
    seen: list[ReviewWindow] = []
    # The identity and recusal steps are modal dialogs: answer them as expert E1.
    monkeypatch.setattr(check_in, "dialog_identify", lambda _w, _p, **_k: Identity("E1", None))
    monkeypatch.setattr(check_in, "dialog_recusals", lambda _w, _s, _e: {})

    def fake_exec() -> int:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ReviewWindow) and w.isVisible()]
        assert len(windows) == 1
        window = windows[0]
        qtbot.waitUntil(lambda: not window.opening, timeout=10000)
        seen.append(window)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui replaces it
    code = entry.run_gui(args)
    assert seen, "the GUI never showed a window"
    window = seen[0]
    assert window.isVisible()
    assert window.list_panel.model.rowCount() == rows
    window.close()
    window.deleteLater()
    return code


def test_gui_opens_the_named_packet(qapp, qtbot, monkeypatch, tmp_path, dialogs):
    path = review_packet(tmp_path / "test.panelpack", 6)
    assert _run_gui_until_loaded(qtbot, monkeypatch, [str(path)], rows=6) == 0
    assert dialogs == []


def test_gui_without_arguments_opens_the_demo_packet(qapp, qtbot, monkeypatch, tmp_path,
                                                     dialogs):
    demo = review_packet(tmp_path / "demo.panelpack", 8)
    monkeypatch.setattr(entry, "demo_packet_path", lambda: demo)
    assert _run_gui_until_loaded(qtbot, monkeypatch, [], rows=8) == 0
    assert dialogs == []


def test_gui_with_missing_demo_shows_an_error_and_an_empty_window(qapp, qtbot, monkeypatch,
                                                                  tmp_path, dialogs):
    monkeypatch.setattr(entry, "demo_packet_path", lambda: tmp_path / "demo.panelpack")
    assert _run_gui_until_loaded(qtbot, monkeypatch, [], rows=0) == 0
    assert [d[0] for d in dialogs] == ["critical"]
    assert "demo.panelpack" in dialogs[0][2]


def test_gui_refuses_two_packets(qapp, capsys):
    assert entry.run_gui(["a.panelpack", "b.panelpack"]) == 2
    assert "一次只能打开一个评审包" in capsys.readouterr().err


def test_gui_without_qt_libraries_says_so_in_one_line(monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "ui.application", None)  # import now raises ImportError
    assert entry.run_gui([]) == 1
    err = capsys.readouterr().err
    assert err.startswith("paneldesk: 无法启动图形界面") and "paneldesk --help" in err
    assert "Traceback" not in err


def test_render_worker_flag_serves_pages_as_a_frozen_build_starts_it():
    import pymupdf

    from app.render.pool import WORKER_FLAG, RenderPool

    doc = pymupdf.open()
    doc.new_page()
    doc.new_page()
    code = "import sys; from ui.entry import main; sys.exit(main())"
    pool = RenderPool(size=1, command=[sys.executable, "-c", code, WORKER_FLAG])
    try:
        assert pool.page_count(doc.tobytes()) == 2
    finally:
        pool.close()
