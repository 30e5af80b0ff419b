"""ReviewWindow against real signed packets and a real workspace: open, identify, recuse,
score by keyboard, switch, restart and find every mark restored; tampering refuses."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from app.keys import format_fingerprint
from app.workspace.status import ReviewStatus
from tests.ui.review_helpers import Calls, write_review_packet
from ui.application import open_settings
from ui.review.recent import RECENT_KEY
from ui.review.window import ReviewWindow
from ui.task_runner import TaskRunner


def list_ids(window: ReviewWindow) -> list[str]:
    return window.list_panel.proxy.source_ids()


def test_opening_identifies_declares_and_resumes_first(make_window, packet_path, dialogs):
    calls = Calls(recusals={"S003": "本人曾在该单位任职"})
    window = make_window(calls)
    window.open_path(packet_path)
    assert dialogs == []
    assert calls.identify == ["UI-REVIEW"] and calls.declare == [["S001", "S002", "S003", "S004"]]
    assert list_ids(window) == ["S001", "S002", "S003", "S004"]
    assert window.current_submission == "S001"
    assert window.session.recusals() == {"S003": "本人曾在该单位任职"}
    assert window.list_panel.model.state("S003").status == ReviewStatus.RECUSED
    assert window.list_panel.progress_label.text() == "已评 0 / 3"
    meta = window.header.meta_label.text()
    assert format_fingerprint(window.packet.organizer_fingerprint) in meta and "林思远" in meta
    # Identity and declaration are review state: in the workspace, not in QSettings.
    state = window.session.review_state()
    assert state["identity_confirmed"] and state["recusals_declared"]
    settings = open_settings()
    assert settings.value(RECENT_KEY) in ([str(packet_path.resolve())], str(packet_path.resolve()))


def test_tampered_packet_refuses_to_open(make_window, packet_path, dialogs):
    data = packet_path.read_bytes()
    packet_path.write_bytes(data.replace(b"photo S002", b"phoTo S002", 1))
    window = make_window()
    window.open_path(packet_path)
    assert [d[0] for d in dialogs] == ["critical"]
    assert dialogs[0][1] == "无法打开评审包" and "review.panelpack" in dialogs[0][2]
    assert window.packet is None and window.session is None
    assert window.list_panel.model.rowCount() == 0


def test_dismissed_identity_does_not_open(make_window, packet_path):
    class Nobody(Calls):
        def identify_fn(self, _window, _packet):
            return None
    window = make_window(Nobody())
    window.open_path(packet_path)
    assert window.packet is None and window.session is None
    assert "未确认专家身份" in window.statusBar().currentMessage()


def score_by_keyboard(qtbot, window: ReviewWindow, values: list[str]) -> None:
    """Ctrl+n focuses criterion n; type the value, Enter commits it."""
    digits = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6)
    for key, value in zip(digits, values, strict=False):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        focus = window.focusWidget()
        assert focus is not None
        qtbot.keyClicks(focus, value)
        qtbot.keyClick(focus, Qt.Key.Key_Return)


def test_keyboard_scoring_switching_and_restart_restore_everything(qtbot, make_window,
                                                                  packet_path, dialogs):
    window = make_window(Calls(recusals={"S003": "亲属任职"}))
    window.show()
    window.activateWindow()
    # qtbot.waitActive returns early offscreen; wait for the application to agree.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.open_path(packet_path)
    session = window.session
    crits = [c.id for c in session.rubric.criteria]
    score_by_keyboard(qtbot, window, ["27.5", "26", "9", "8.5", "9", "10"])
    assert session.scores("S001") == dict(zip(crits, map(Decimal, ["27.5", "26", "9", "8.5",
                                                                    "9", "10"]), strict=True))
    assert window.list_panel.model.state("S001").total == Decimal("90")
    assert window.saved_label.text().startswith("已保存 ")
    # Alt+N: next submission; a comment typed there is flushed when switching away.
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert window.current_submission == "S002"
    window.rubric_panel.comment.setFocus()
    # Chinese arrives through the input method as committed text, not as key presses.
    window.rubric_panel.comment.insertPlainText("材料翔实，但数据口径需核实。")
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.current_submission == "S001"
    assert session.comment("S002") == "材料翔实，但数据口径需核实。"
    # Back on S001 the panel shows what is stored.
    assert window.rubric_panel.spins[crits[0]].value() == 27.5
    # A comment on S001 typed and never switched away from: flushed on close.
    window.rubric_panel.comment.insertPlainText("温度突出。")
    assert dialogs == []
    window.close()

    again = make_window(Calls())
    again.open_path(packet_path)
    s2 = again.session
    assert s2 is not None and s2 is not session
    assert again.current_submission == "S001"  # resumes where the expert was
    assert s2.total("S001") == Decimal("90")
    assert s2.comment("S001") == "温度突出。"
    assert s2.comment("S002") == "材料翔实，但数据口径需核实。"
    assert s2.recusals() == {"S003": "亲属任职"}
    assert again.list_panel.model.state("S001").status == ReviewStatus.DONE
    assert again.list_panel.progress_label.text() == "已评 1 / 3"


def test_recuse_later_and_withdraw_with_reasons(make_window, packet_path, monkeypatch, dialogs):
    window = make_window()
    window.open_path(packet_path)
    window.list_panel.select("S004")
    answers = iter([("与申报单位有合作项目", True), ("合作已结束，经组织方确认", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    window.menus.recuse.trigger()
    assert window.session.recusals() == {"S004": "与申报单位有合作项目"}
    assert window.list_panel.model.state("S004").status == ReviewStatus.RECUSED
    assert not window.rubric_panel.isEnabled()  # recused: cannot be scored
    assert window.menus.unrecuse.isEnabled() and not window.menus.recuse.isEnabled()
    window.menus.unrecuse.trigger()
    assert window.session.recusals() == {}
    history = [h for h in window.session.history("S004") if h.field == "recusal"]
    assert history[-1].note == "合作已结束，经组织方确认"
    assert window.rubric_panel.isEnabled()


def test_empty_recusal_reason_is_refused_and_asked_again(make_window, packet_path,
                                                         monkeypatch, dialogs):
    """A blank reason is said to be missing and the question comes back (a new user had to
    start over from the menu); cancelling it then recuses nothing."""
    window = make_window()
    window.open_path(packet_path)
    answers = iter([("  ", True), ("", False), ("  ", True), ("曾为该单位提供咨询", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    window.menus.recuse.trigger()
    assert window.session.recusals() == {}
    assert dialogs and dialogs[0][0] == "warning"
    window.menus.recuse.trigger()
    assert window.session.recusals() == {window.current_submission: "曾为该单位提供咨询"}
    assert [d[0] for d in dialogs] == ["warning", "warning"]


def test_invalid_score_shows_message_and_reloads(make_window, packet_path, dialogs):
    window = make_window()
    window.open_path(packet_path)
    crit = window.session.rubric.criteria[0].id
    window.rubric_panel.score_changed.emit(crit, Decimal("27.3"))  # not a 0.5 step
    assert dialogs and dialogs[0][:2] == ("warning", "未能保存")
    assert window.session.scores("S001") == {}
    assert window.saved_label.text() == ""  # nothing was saved, and the window says nothing else


def test_filters_search_and_progress(make_window, packet_path):
    window = make_window()
    window.open_path(packet_path)
    panel = window.list_panel
    panel.category_combo.setCurrentIndex(panel.category_combo.findData("创新机制"))
    assert list_ids(window) == ["S002"]
    panel.category_combo.setCurrentIndex(0)
    panel.search.setText("第3个")
    assert list_ids(window) == ["S003"]
    panel.search.clear()
    panel.status_combo.setCurrentIndex(panel.status_combo.findData(ReviewStatus.RECUSED))
    assert list_ids(window) == []
    # Selecting a hidden row clears the filters instead of failing.
    assert panel.select("S004") and window.current_submission == "S004"
    assert panel.status_combo.currentIndex() == 0


def test_drop_a_packet_opens_it(make_window, packet_path):
    window = make_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(packet_path))])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.session is not None and window.list_panel.model.rowCount() == 4


def test_remembered_identity_skips_the_dialogs(make_window, packet_path):
    make_window(Calls()).open_path(packet_path)
    calls = Calls()
    window = make_window(calls)
    window.open_path(packet_path)
    assert calls.identify == [] and calls.declare == []
    assert window.session.expert_id == "E1"


def test_recent_menu_lists_opened_packets(make_window, tmp_path):
    first = write_review_packet(tmp_path / "a.panelpack", packet_id="A")
    second = write_review_packet(tmp_path / "b.panelpack", packet_id="B")
    window = make_window()
    window.open_path(first)
    window.open_path(second)
    names = [a.text() for a in window.menus.recent.actions()]
    assert names == ["b.panelpack", "a.panelpack"]
    window.menus.recent.actions()[1].trigger()
    assert window.session.packet_id == "A"


def test_writes_run_on_a_single_worker_thread(qtbot, make_window, packet_path):
    writer = TaskRunner(max_threads=1)
    window = make_window(writer=writer)
    window.open_path(packet_path)
    crit = window.session.rubric.criteria[1].id
    window.rubric_panel.score_changed.emit(crit, Decimal("20"))
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("已保存"), timeout=5000)
    assert window.session.scores("S001") == {crit: Decimal("20")}
    assert window.list_panel.model.state("S001").status == "进行中"
    window.close()
    assert writer.wait_for_done(5000)


def test_shortcuts_dialog_lists_the_keys(make_window, packet_path, qtbot, monkeypatch):
    from ui.review.shortcuts import ShortcutsDialog
    shown: list[ShortcutsDialog] = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: shown.append(self) or 0)
    window = make_window()
    window.menus.shortcuts.trigger()
    window.open_path(packet_path)  # the criterion keys follow the open rubric
    window.menus.shortcuts.trigger()
    before, after = ({shown[i].table.item(r, 1).text() for r in range(shown[i].table.rowCount())}
                     for i in (0, 1))
    assert {"下一项申报", "佐证材料全屏 / 退出全屏", "我的排序"} <= before
    assert not any(text.startswith("跳到第") for text in before)
    assert {"跳到第 1 个评分项（温度）", "跳到第 6 个评分项（合规性）"} <= after
    assert not any(text.startswith("跳到第 7") for text in after)


def test_an_unchanged_packet_is_hashed_in_full_only_once(make_window, packet_path, monkeypatch,
                                                          dialogs):
    from app.packet import Packet

    calls: list[int] = []
    real = Packet.verify_all

    def counting(self, *args, **kwargs):
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Packet, "verify_all", counting)
    make_window(Calls()).open_path(packet_path)
    make_window(Calls()).open_path(packet_path)
    assert calls == [1]


def test_a_choice_kept_in_settings_by_an_earlier_version_is_taken_over_once(make_window,
                                                                           packet_path):
    from ui.review.check_in import legacy_declared_key, legacy_identity_key

    settings = open_settings()
    settings.setValue(legacy_identity_key("UI-REVIEW"), "E2")
    settings.setValue(legacy_declared_key("UI-REVIEW", "E2"), True)
    settings.sync()
    calls = Calls()
    window = make_window(calls)
    window.open_path(packet_path)
    assert calls.identify == [] and calls.declare == []  # nothing asked again
    assert window.session.expert_id == "E2"
    state = window.session.review_state()
    assert state["identity_confirmed"] and state["recusals_declared"]  # now in the workspace
    again = open_settings()
    assert again.value(legacy_identity_key("UI-REVIEW")) is None
    assert again.value(legacy_declared_key("UI-REVIEW", "E2")) is None
