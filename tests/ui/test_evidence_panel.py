"""EvidencePanel with real generated files: every viewer, errors, zoom, keys, full screen."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication

from app.errors import PanelDeskError
from app.model import PacketFile, Submission
from tests.app.render.helpers import make_pdf
from ui.evidence import EvidencePanel
from ui.task_runner import SyncTaskRunner

MEDIA = {"image": "image/jpeg", "pdf": "application/pdf", "spreadsheet": "x/xlsx",
         "document": "x/docx", "text": "text/plain", "links": "text/plain", "other": "x/bin"}


def make_jpg() -> bytes:
    image = QImage(1920, 1080, QImage.Format.Format_RGB32)
    image.fill(QColor("#7aa6d6"))
    painter = QPainter(image)
    painter.fillRect(200, 200, 800, 500, QColor("#d9822b"))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 85)
    return bytes(buffer.data())


def make_xlsx(rows: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "回访记录"
    ws.append(["序号", "来电人", "满意度"])
    for i in range(1, rows):
        ws.append([i, f"市民{i}", "满意"])
    book.create_sheet("汇总").append(["合计", rows - 1])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("情况说明：接线员深夜接到独居老人求助电话。")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


FILES: dict[str, tuple[str, bytes | None]] = {}


def _files() -> dict[str, tuple[str, bytes | None]]:
    if not FILES:
        FILES.update({
            "S1/E1.jpg": ("image", make_jpg()),
            "S1/E2.pdf": ("pdf", make_pdf(3)),
            "S1/E3.xlsx": ("spreadsheet", make_xlsx(600)),
            "S1/E4.docx": ("document", make_docx()),
            "S1/E5.txt": ("links", "媒体报道：https://news.example.cn/a/1 以及 www.12345.gov.cn"
                          .encode()),
            "S1/E6.pdf": ("pdf", b"%PDF-1.7\nthis is not really a pdf" * 5),
            "S1/E7.jpg": ("image", None),  # the reader refuses it: hash mismatch
            "S1/E8.bin": ("other", b"\x00\x01"),
        })
    return FILES


def make_submission(names: list[str] | None = None) -> Submission:
    files = _files()
    chosen = names or list(files)
    pfs = [PacketFile(name=n, original_name=f"材料{i + 1}{n[n.rindex('.'):]}", role="evidence",
                      kind=files[n][0], media_type=MEDIA[files[n][0]],
                      size=len(files[n][1] or b""),
                      sha256=hashlib.sha256(files[n][1] or n.encode()).hexdigest())
           for i, n in enumerate(chosen)]
    return Submission(id="S1", category="感动瞬间", title="标题", unit="单位", fields={}, text="",
                      files=pfs)


def read_file(name: str) -> bytes:
    data = _files()[name][1]
    if data is None:
        raise PanelDeskError(f"评审包中的文件 {name} 校验失败（内容与签名清单不符），可能已被篡改")
    return data


@pytest.fixture
def panel(qtbot: object) -> EvidencePanel:
    widget = EvidencePanel(SyncTaskRunner(), read_file)
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.resize(720, 640)
    return widget


def show(panel: EvidencePanel, name: str) -> None:
    row = panel.model.row_of(name)
    assert row is not None
    panel.select(row)


def test_empty_states(panel: EvidencePanel) -> None:
    assert panel.stack.currentWidget() is panel.empty
    assert panel.empty.text() == "未选择申报"
    sub = make_submission()
    sub.files = []
    panel.set_submission(sub)
    assert panel.empty.text() == "本申报没有佐证材料"
    assert panel.model.rowCount() == 0


def test_image_shown_with_thumbnails(panel: EvidencePanel) -> None:
    messages: list[str] = []
    panel.status_message.connect(messages.append)
    panel.set_submission(make_submission())
    assert panel.model.rowCount() == 8
    assert panel.current_file is not None and panel.current_file.name == "S1/E1.jpg"
    assert panel.stack.currentWidget() is panel.image_viewer
    assert panel.image_viewer.image_size == (1920, 1080)
    # Thumbnails were made for the image and the good PDF, scaled down.
    assert panel.model.has_thumbnail("S1/E1.jpg") and panel.model.has_thumbnail("S1/E2.pdf")
    assert not panel.model.has_thumbnail("S1/E3.xlsx")
    assert any("1920×1080" in m for m in messages)


def test_image_zoom_changes_transform(panel: EvidencePanel, qtbot: object) -> None:
    panel.show()
    panel.set_submission(make_submission())
    viewer = panel.image_viewer
    fitted = viewer.scale_factor
    assert viewer.fitted and fitted < 1.0  # 1920 px does not fit 720 px: fitted below 100 %
    panel.zoom_in()
    assert viewer.scale_factor == pytest.approx(fitted * 1.25)
    assert not viewer.fitted
    panel.zoom_out()
    panel.zoom_out()
    assert viewer.scale_factor == pytest.approx(fitted / 1.25)
    panel.reset_zoom()
    assert viewer.transform().isIdentity()
    panel.fit_to_window()
    assert viewer.scale_factor == pytest.approx(fitted)
    # Keyboard: "+" with focus inside the panel zooms in (shortcuts need an active window).
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)  # type: ignore[attr-defined]
    viewer.setFocus()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus)  # type: ignore[attr-defined]
    assert viewer.scale_factor == pytest.approx(fitted * 1.25)
    qtbot.keyClick(viewer, Qt.Key.Key_0)  # type: ignore[attr-defined]
    assert viewer.scale_factor == pytest.approx(1.0)


def test_pdf_pages_and_cache(panel: EvidencePanel) -> None:
    messages: list[str] = []
    shown: list[str] = []
    panel.status_message.connect(messages.append)
    panel.evidence_shown.connect(shown.append)
    panel.set_submission(make_submission())
    show(panel, "S1/E2.pdf")
    assert shown[-1] == "S1/E2.pdf"  # the page is on screen, not just the bytes loaded
    pdf = panel.pdf_viewer
    assert panel.stack.currentWidget() is pdf
    assert (pdf.page, pdf.page_count) == (0, 3)
    assert pdf.page_label.text() == "第 1 / 3 页"
    assert not pdf.prev_button.isEnabled() and pdf.next_button.isEnabled()
    assert len(panel.page_cache) == 2  # page 1 shown, page 2 rendered ahead
    pdf.next_page()
    pdf.next_page()
    assert pdf.page_label.text() == "第 3 / 3 页" and not pdf.next_button.isEnabled()
    pdf.next_page()  # past the end: stays
    assert pdf.page == 2
    assert any("第 3 / 3 页" in m for m in messages)
    before = len(panel.page_cache)
    panel.zoom_in()
    assert pdf.zoom == 1.25 and len(panel.page_cache) == before + 1
    assert not pdf._item.pixmap().isNull()  # the page really is painted


def test_pdf_cache_bounded_across_submissions(qtbot: object) -> None:
    from ui.evidence import PageCache

    cache = PageCache(max_items=4)
    panel = EvidencePanel(SyncTaskRunner(), read_file, cache=cache)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.set_submission(make_submission())
    show(panel, "S1/E2.pdf")
    for _ in range(3):
        panel.zoom_in()
    assert len(cache) == 4


def test_spreadsheet_truncated_note(panel: EvidencePanel) -> None:
    panel.set_submission(make_submission())
    show(panel, "S1/E3.xlsx")
    table = panel.table_viewer
    assert panel.stack.currentWidget() is table
    assert table.model.rowCount() == 500
    assert table.model.data(table.model.index(0, 1)) == "来电人"
    assert "仅显示前 500 行" in table.note.text() and not table.note.isHidden()
    assert table.tabs.count() == 2 and table.tabs.tabText(1) == "汇总"
    table.tabs.setCurrentIndex(1)
    assert table.model.rowCount() == 1 and table.note.isHidden()


def test_docx_as_text(panel: EvidencePanel) -> None:
    panel.set_submission(make_submission())
    show(panel, "S1/E4.docx")
    assert panel.stack.currentWidget() is panel.text_viewer
    assert "独居老人求助电话" in panel.text_viewer.toPlainText()
    assert panel.text_viewer.isReadOnly()
    size = panel.text_viewer.font().pointSizeF()
    panel.zoom_in()
    assert panel.text_viewer.font().pointSizeF() > size


def test_links_listed_and_copied(panel: EvidencePanel) -> None:
    panel.set_submission(make_submission())
    show(panel, "S1/E5.txt")
    links = panel.links_viewer
    assert panel.stack.currentWidget() is links
    assert links.link_list() == ["https://news.example.cn/a/1", "www.12345.gov.cn"]
    assert "不会自动打开" in links.note.text()
    links.copy_button.click()
    assert QGuiApplication.clipboard().text() == "https://news.example.cn/a/1\nwww.12345.gov.cn"
    links.links.item(1).setSelected(True)
    assert links.copy_links() == "www.12345.gov.cn"


@pytest.mark.parametrize(("name", "reason"), [
    ("S1/E6.pdf", "PDF 文件已损坏"),
    ("S1/E7.jpg", "校验失败"),
    ("S1/E8.bin", "无法在评审台中预览"),
])
def test_errors_shown_in_viewer(panel: EvidencePanel, name: str, reason: str) -> None:
    messages: list[str] = []
    panel.status_message.connect(messages.append)
    panel.set_submission(make_submission())
    show(panel, name)
    assert panel.stack.currentWidget() is panel.error_viewer
    assert reason in panel.error_viewer.text()
    assert "无法显示此文件" in panel.error_viewer.text()
    assert any(reason in m for m in messages)


def test_broken_thumbnail_marks_row(panel: EvidencePanel) -> None:
    from ui.evidence.model import ERROR_ROLE

    panel.set_submission(make_submission())
    row = panel.model.row_of("S1/E7.jpg")
    assert "校验失败" in panel.model.data(panel.model.index(row, 0), ERROR_ROLE)


def test_unexpected_exception_is_a_message(qtbot: object) -> None:
    def exploding(_name: str) -> bytes:
        raise KeyError("boom")

    panel = EvidencePanel(SyncTaskRunner(), exploding)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.set_submission(make_submission(["S1/E2.pdf"]))
    assert panel.stack.currentWidget() is panel.error_viewer
    assert "意外错误（KeyError）" in panel.error_viewer.text()


def test_strip_keys_cycle(panel: EvidencePanel, qtbot: object) -> None:
    panel.set_submission(make_submission(["S1/E1.jpg", "S1/E4.docx", "S1/E5.txt"]))
    panel.show()
    panel.strip.setFocus()
    key: Callable[..., None] = qtbot.keyClick  # type: ignore[attr-defined]
    key(panel.strip, Qt.Key.Key_Right)
    assert panel.current_file.name == "S1/E4.docx"  # type: ignore[union-attr]
    key(panel.strip, Qt.Key.Key_BracketRight)
    assert panel.current_file.name == "S1/E5.txt"  # type: ignore[union-attr]
    key(panel.strip, Qt.Key.Key_Right)  # wraps around
    assert panel.current_file.name == "S1/E1.jpg"  # type: ignore[union-attr]
    key(panel.strip, Qt.Key.Key_Left)
    assert panel.current_file.name == "S1/E5.txt"  # type: ignore[union-attr]
    key(panel.strip, Qt.Key.Key_BracketLeft)
    assert panel.current_file.name == "S1/E4.docx"  # type: ignore[union-attr]


def test_stale_results_are_dropped(qtbot: object) -> None:
    """A load that finishes after the expert moved on must not replace the new view."""
    pending: list[tuple[Callable[..., object], tuple[object, ...], Callable[..., None]]] = []

    class DeferredRunner(SyncTaskRunner):
        def run(self, fn, *args, on_done=None, on_error=None, priority=0, group=None):  # type: ignore[no-untyped-def]
            pending.append((fn, args, on_done))

    panel = EvidencePanel(DeferredRunner(), read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.set_submission(make_submission(["S1/E1.jpg", "S1/E4.docx"]))
    first = list(pending)
    pending.clear()
    panel.set_submission(make_submission(["S1/E4.docx"]))
    for fn, args, on_done in pending:
        on_done(fn(*args))
    assert panel.stack.currentWidget() is panel.text_viewer
    for fn, args, on_done in first:  # the old submission's image and thumbnail arrive late
        on_done(fn(*args))
    assert panel.stack.currentWidget() is panel.text_viewer
    assert panel.model.rowCount() == 1 and not panel.model.has_thumbnail("S1/E1.jpg")


def test_fullscreen_toggles_and_returns(panel: EvidencePanel, qtbot: object) -> None:
    panel.show()
    panel.set_submission(make_submission())
    assert not panel.is_fullscreen
    panel.toggle_fullscreen()
    assert panel.is_fullscreen
    host = panel.viewer_area.window()
    assert host is not panel.window() and host.isVisible()
    assert host.windowState() & Qt.WindowState.WindowFullScreen
    # Zoom keys work inside the full-screen window too.
    scale = panel.image_viewer.scale_factor
    qtbot.waitUntil(host.isActiveWindow)  # type: ignore[attr-defined]
    panel.image_viewer.setFocus()
    qtbot.keyClick(panel.image_viewer, Qt.Key.Key_Plus)  # type: ignore[attr-defined]
    assert panel.image_viewer.scale_factor > scale
    qtbot.keyClick(panel.image_viewer, Qt.Key.Key_Escape)  # type: ignore[attr-defined]
    assert not panel.is_fullscreen
    assert panel.viewer_area.parent() is panel and panel.viewer_area.isVisible()
    QApplication.processEvents()
    assert not shiboken6.isValid(host) or not host.isVisible()  # hidden, then deleted
    panel.toggle_fullscreen()
    assert panel.is_fullscreen
    panel.toggle_fullscreen()  # F11 from the review window calls this again
    assert not panel.is_fullscreen and panel.viewer_area.parent() is panel


def test_screenshot(qtbot: object) -> None:
    """Render the panel with each kind and save /tmp/evidence_shot*.png to look at."""
    from ui.application import create_application  # noqa: F401 — style applied below
    from ui.fonts import ensure_cjk_font
    from ui.style import load_style_sheet

    family = ensure_cjk_font()
    panel = EvidencePanel(SyncTaskRunner(), read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.setStyleSheet(load_style_sheet(family))
    panel.resize(640, 560)
    panel.show()
    panel.set_submission(make_submission())
    for suffix, name in (("", "S1/E1.jpg"), ("_pdf", "S1/E2.pdf"), ("_xlsx", "S1/E3.xlsx"),
                         ("_links", "S1/E5.txt"), ("_error", "S1/E7.jpg")):
        show(panel, name)
        QApplication.processEvents()
        image = panel.grab().toImage()
        assert image.save(f"/tmp/evidence_shot{suffix}.png")
        assert not image.isNull() and image.width() >= 600


def test_look_ahead_shows_the_next_submission_without_reading_again(qtbot: object) -> None:
    reads: list[str] = []

    def counting_read(name: str) -> bytes:
        reads.append(name)
        return read_file(name)

    panel = EvidencePanel(SyncTaskRunner(), counting_read)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    coming = make_submission(["S1/E2.pdf", "S1/E1.jpg"])
    panel.prefetch(coming)
    assert reads == ["S1/E2.pdf"] and len(panel.page_cache) == 1  # bytes and page 1 ready
    reads.clear()
    shown: list[str] = []
    panel.evidence_shown.connect(shown.append)
    panel.set_submission(coming)
    assert shown[0] == "S1/E2.pdf" and panel.pdf_viewer.page == 0
    assert reads == ["S1/E2.pdf", "S1/E1.jpg"]  # the two thumbnails; the PDF was ready
    assert not panel._ready  # used once, then dropped


def test_thumbnails_wait_until_the_selected_file_is_shown(qtbot: object) -> None:
    queued: list[str] = []

    class QueueRunner(SyncTaskRunner):
        def run(self, fn, *args, on_done=None, on_error=None, priority=0, group=None):  # type: ignore[no-untyped-def]
            queued.append(fn.__name__)

    panel = EvidencePanel(QueueRunner(), read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.set_submission(make_submission(["S1/E1.jpg", "S1/E2.pdf"]))
    assert queued == ["load_evidence"]  # nothing competes with what the expert waits for


class HeldRunner(SyncTaskRunner):
    """Holds look-ahead tasks (withdrawable by group) until `release()`; everything else
    runs at once."""

    def __init__(self) -> None:
        super().__init__()
        self.held: list[tuple] = []  # (group, fn, args, on_done, on_error, priority)
        self.calls: list[str] = []

    def run(self, fn, *args, on_done=None, on_error=None, priority=0, group=None):  # type: ignore[no-untyped-def]
        self.calls.append(fn.__name__)
        if fn.__name__ == "load_ahead":
            self.held.append((group, fn, args, on_done, on_error, priority))
            return
        super().run(fn, *args, on_done=on_done, on_error=on_error, priority=priority)

    def drop_queued(self, group: object) -> int:
        kept = [job for job in self.held if job[0] != group]
        dropped = len(self.held) - len(kept)
        self.held = kept
        return dropped

    def release(self) -> None:
        jobs, self.held = self.held, []
        for _group, fn, args, on_done, on_error, priority in jobs:
            super().run(fn, *args, on_done=on_done, on_error=on_error, priority=priority)


@pytest.mark.parametrize("first", ["S1/E2.pdf", "S1/E1.jpg"])
def test_a_file_still_loading_ahead_is_waited_for_not_loaded_twice(qtbot: object,
                                                                  first: str) -> None:
    runner = HeldRunner()
    panel = EvidencePanel(runner, read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    shown: list[str] = []
    panel.evidence_shown.connect(shown.append)
    coming = make_submission([first, "S1/E4.docx"])
    panel.prefetch(coming, now=True)  # as the window does at start, before building the screen
    panel.set_submission(coming)
    assert shown == [] and "load_evidence" not in runner.calls
    runner.release()
    assert shown == [first]
    assert runner.calls.count("load_ahead") == 1 and "load_evidence" not in runner.calls
    if first.endswith(".pdf"):  # its first page came with the look-ahead
        assert runner.calls.count("page_image") == 1  # only page 2, rendered ahead


def test_a_failed_look_ahead_of_the_shown_file_says_why(qtbot: object) -> None:
    runner = HeldRunner()
    panel = EvidencePanel(runner, read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    coming = make_submission(["S1/E7.jpg"])  # the reader refuses it
    panel.prefetch(coming, now=True)
    panel.set_submission(coming)
    runner.release()
    assert panel.stack.currentWidget() is panel.error_viewer
    assert "校验失败" in panel.error_viewer.text()


def test_a_look_ahead_landing_after_the_expert_moved_on_is_kept_for_later(qtbot: object) -> None:
    runner = HeldRunner()
    panel = EvidencePanel(runner, read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    coming = make_submission(["S1/E1.jpg"])
    panel.prefetch(coming, now=True)
    panel.set_submission(coming)
    panel.set_submission(make_submission(["S1/E4.docx"]))  # left before it arrived
    runner.release()
    assert panel.current_file.name == "S1/E4.docx"
    assert "S1/E1.jpg" in panel._ready  # ready should the expert come back


def test_an_ordinary_look_ahead_still_queued_is_not_waited_for(qtbot: object) -> None:
    runner = HeldRunner()  # holds it, as a queue full of thumbnails would
    panel = EvidencePanel(runner, read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    shown: list[str] = []
    panel.evidence_shown.connect(shown.append)
    coming = make_submission(["S1/E1.jpg"])
    panel.prefetch(coming)
    panel.set_submission(coming)
    assert shown == ["S1/E1.jpg"] and "load_evidence" in runner.calls


def test_fullscreen_button_says_how_to_leave(panel: EvidencePanel) -> None:
    # In full screen the status bar with the Esc hint is hidden behind the window.
    panel.show()
    panel.set_submission(make_submission())
    assert panel.fullscreen_button.text() == "全屏"
    panel.toggle_fullscreen()
    assert panel.fullscreen_button.text() == "退出全屏"
    assert panel.fullscreen_button.isVisible()
    panel.toggle_fullscreen()
    assert panel.fullscreen_button.text() == "全屏"


def test_full_screen_is_offered_only_with_a_file_to_show(panel: EvidencePanel) -> None:
    panel.show()
    assert not panel.fullscreen_button.isEnabled()  # no submission yet
    panel.toggle_fullscreen()  # F11 on the empty panel: nothing
    assert not panel.is_fullscreen
    panel.set_submission(make_submission())
    assert panel.fullscreen_button.isEnabled()
    panel.toggle_fullscreen()
    panel.set_submission(None)  # the list emptied while full screen: leaving still works
    assert panel.fullscreen_button.isEnabled()
    panel.toggle_fullscreen()
    assert not panel.is_fullscreen and not panel.fullscreen_button.isEnabled()


def test_the_next_pdf_opens_at_the_zoom_the_expert_chose(panel) -> None:
    """In a laptop's right column a page at 100 % needs a horizontal scroll bar: once the
    expert fits (or zooms) one PDF, every next PDF opens at that zoom, and the look-ahead
    renders its first page at it."""
    panel.resize(480, 640)
    panel.show()
    panel.set_submission(make_submission())
    show(panel, "S1/E2.pdf")
    pdf = panel.pdf_viewer
    assert pdf.zoom == 1.0
    panel.fit_to_window()
    assert pdf.zoom < 1.0 and pdf.view.horizontalScrollBar().maximum() == 0
    fitted = pdf.zoom
    panel.set_submission(make_submission())
    show(panel, "S1/E2.pdf")
    assert pdf.zoom == fitted
    sha = panel.current_file.sha256
    assert pdf.first_page_key(sha)[2] == round(fitted * max(1.0, pdf.devicePixelRatioF()), 3)
