"""The evidence panel: a thumbnail strip above the viewer for the chosen file.

`EvidencePanel(runner, read_file)` gets the packet's hash-checked reader; every read,
decode and render goes through the runner, and each callback checks a token so a slow
result for a submission or file the expert has already left is dropped, never shown.
Its viewers are the registered ones (`ui.evidence.viewers`): a loaded file goes to the
viewer of its preview's type.
`toggle_fullscreen()` moves the viewer area (toolbar + viewers) into a full-screen
top-level window and back; Esc or F11 there returns.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.model import PacketFile, Submission
from ui.evidence.decoding import error_text
from ui.evidence.fullscreen import FullScreenSwitch
from ui.evidence.loading import (
    Loaded,
    ahead_viewer,
    has_thumbnail,
    load_ahead,
    load_evidence,
    load_thumbnail,
)
from ui.evidence.model import THUMB_SIDE, EvidenceListModel
from ui.evidence.pdf_viewer import PageCache
from ui.evidence.strip import EvidenceStrip
from ui.evidence.text_viewers import ErrorViewer
from ui.evidence.viewers import VIEWERS, ViewerContext, percent_text
from ui.plain_text import plain_labels, plain_tooltip
from ui.task_runner import LOOK_AHEAD, WANTED_NOW, TaskRunner

log = logging.getLogger(__name__)

READY_AHEAD = 2  # first files of coming submissions kept decoded (two photos: ~17 MB)
ZOOM_IN_KEYS = ("+", "=", "Ctrl++", "Ctrl+=")
ZOOM_OUT_KEYS = ("-", "Ctrl+-")
ZOOM_RESET_KEYS = ("0", "Ctrl+0")


class EvidencePanel(QWidget):
    """Thumbnails strip + viewer stack for one submission's evidence."""

    status_message = Signal(str)
    # The selected file's content is on screen (for a PDF: its page); tests and the
    # switching benchmark wait for this.
    evidence_shown = Signal(str)

    def __init__(self, runner: TaskRunner, read_file: Callable[[str], bytes],
                 parent: QWidget | None = None, *, cache: PageCache | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self._runner = runner
        self._read_file = read_file
        self._sub_token = 0  # bumped per submission: stale thumbnails are dropped
        self._thumbs_pending = False
        self._thumbnail_tasks = object()  # their group in the runner, withdrawn on leaving
        self._ready: OrderedDict[str, Loaded] = OrderedDict()  # file name → loaded ahead
        # File names being loaded ahead → whether at WANTED_NOW priority (the window's
        # start): only such a load is waited for; one queued behind thumbnails is not.
        self._pending: dict[str, bool] = {}
        self._awaited: tuple[int, PacketFile] | None = None  # shown once its look-ahead lands
        self._held = False  # keys held down: nothing is read until `load_deferred()`
        self._ahead_tasks = object()  # with a file's name: its look-ahead's task group
        self._load_token = 0  # bumped per file shown: stale loads are dropped
        self._current: PacketFile | None = None
        self.page_cache = cache if cache is not None else PageCache()
        self.model = EvidenceListModel(self)
        self._build()
        self._shortcuts(self, Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.set_submission(None)

    # --- construction -------------------------------------------------------------------
    def _build(self) -> None:
        self.strip = EvidenceStrip(self)
        self.strip.setModel(self.model)
        self.strip.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_row(current.row()))
        self.viewer_area = QWidget(self)
        self.viewer_area.setObjectName("evidenceViewerArea")
        self.file_label = QLabel(self.viewer_area)
        self.file_label.setObjectName("evidenceFileName")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 2, 2)
        bar.addWidget(self.file_label, 1)
        self.zoom_out_button = self._tool("−", self.tr("缩小（-）"), self.zoom_out)
        self.zoom_reset_button = self._tool("100%", self.tr("原始大小（0）"), self.reset_zoom)
        self.zoom_in_button = self._tool("+", self.tr("放大（+）"), self.zoom_in)
        self.fit_button = self._tool(self.tr("适合"), self.tr("适合窗口"), self.fit_to_window)
        self.fullscreen_button = self._tool(self.tr("全屏"), self.tr("全屏查看（F11）"),
                                            self.toggle_fullscreen)
        self.fullscreen_button.setEnabled(False)  # until a submission with files is shown
        for button in (self.zoom_out_button, self.zoom_reset_button, self.zoom_in_button,
                       self.fit_button, self.fullscreen_button):
            bar.addWidget(button)
        plain_labels(self.file_label)  # the applicant's own file name
        self.stack = QStackedWidget(self.viewer_area)
        self.empty = QLabel(self.stack)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("evidenceEmpty")
        self.loading = QLabel(self.tr("正在读取……"), self.stack)
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.loading)
        self.viewers = self._build_viewers()
        self.error_viewer = ErrorViewer(self.stack)
        self.stack.addWidget(self.error_viewer)
        self.evidence_shown.connect(self._load_thumbnails)
        area_layout = QVBoxLayout(self.viewer_area)
        area_layout.setContentsMargins(0, 0, 0, 0)
        area_layout.setSpacing(0)
        area_layout.addLayout(bar)
        area_layout.addWidget(self.stack, 1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.strip)
        self._layout.addWidget(self.viewer_area, 1)
        self.fullscreen = FullScreenSwitch(
            self.viewer_area, self._layout, self.fullscreen_button,
            lambda host: self._shortcuts(host, Qt.ShortcutContext.WindowShortcut),
            lambda: self.stack.currentWidget().setFocus(), self.strip.setFocus,
            self.status_message.emit)

    def _build_viewers(self) -> dict[type, QWidget]:
        """One widget per registered viewer, keyed by the payload type it shows; each is
        also the panel's attribute of the registered name (`image_viewer`, `pdf_viewer` …)."""
        context = ViewerContext(self._runner, self.page_cache, self.stack)
        viewers: dict[type, QWidget] = {}
        for viewer in VIEWERS:
            widget = viewer.make(context)
            widget.status.connect(partial(self._viewer_status, widget))
            widget.shown.connect(partial(self._viewer_shown, widget))
            self.stack.addWidget(widget)
            setattr(self, viewer.attribute, widget)
            viewers[viewer.payload] = widget
        return viewers

    def _tool(self, text: str, tip: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self.viewer_area)
        button.setText(text)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def _shortcuts(self, owner: QWidget, context: Qt.ShortcutContext) -> None:
        for keys, slot in ((ZOOM_IN_KEYS, self.zoom_in), (ZOOM_OUT_KEYS, self.zoom_out),
                           (ZOOM_RESET_KEYS, self.reset_zoom)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), owner)
                shortcut.setContext(context)
                shortcut.activated.connect(slot)

    # --- submission ---------------------------------------------------------------------
    def set_submission(self, sub: Submission | None, *, load: bool = True) -> None:
        """Show `sub`'s evidence (first file selected), or an empty panel for None;
        `load=False` (keys held down): read nothing until `load_deferred()`."""
        self._held = not load
        self._sub_token += 1
        self._load_token += 1
        self._runner.drop_queued(self._thumbnail_tasks)
        self._current = None
        for widget in self.viewers.values():
            widget.release()
        files = sub.evidence if sub is not None else []
        self.model.set_files(files)
        # Nothing to show full screen without a file (leaving it stays possible).
        self.fullscreen_button.setEnabled(bool(files) or self.is_fullscreen)
        if not files:
            self.empty.setText(self.tr("本申报没有佐证材料") if sub is not None
                               else self.tr("未选择申报"))
            self.file_label.setText("")
            self.stack.setCurrentWidget(self.empty)
            self._enable_zoom(False)
            return
        self._thumbs_pending = True
        self.strip.setCurrentIndex(self.model.index(0, 0))

    def load_deferred(self) -> None:
        """Read the selected file, after `set_submission(load=False)`."""
        if self._held:
            self._held, self._current = False, None
            self._show_row(self.strip.currentIndex().row())

    def _load_thumbnails(self) -> None:
        """Thumbnails are made once the selected file is on screen (or failed), so they
        never compete with what the expert is waiting for."""
        if not self._thumbs_pending:
            return
        self._thumbs_pending = False
        token = self._sub_token
        for pf in self.model.files():
            if has_thumbnail(pf):
                self._runner.run(load_thumbnail, self._read_file, pf, THUMB_SIDE * 2,
                                 on_done=lambda image, pf=pf: self._thumb_done(token, pf, image),
                                 on_error=lambda err, pf=pf: self._thumb_failed(token, pf, err),
                                 priority=LOOK_AHEAD, group=self._thumbnail_tasks)

    def _thumb_done(self, token: int, pf: PacketFile, image: QImage) -> None:
        if token == self._sub_token:
            self.model.set_thumbnail(pf.name, image)

    def _thumb_failed(self, token: int, pf: PacketFile, err: BaseException) -> None:
        if token == self._sub_token:
            self.model.set_error(pf.name, error_text(err))

    @property
    def current_file(self) -> PacketFile | None:
        return self._current

    def select(self, row: int) -> None:
        self.strip.setCurrentIndex(self.model.index(row, 0))

    # --- showing one file ---------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        pf = self.model.file(row)
        if pf is None or pf is self._current:
            return
        self._current = pf
        self._load_token += 1
        token = self._load_token
        self.file_label.setText(pf.original_name)
        self.file_label.setToolTip(plain_tooltip(self.model.data(
            self.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)))
        self.stack.setCurrentWidget(self.loading)
        self._enable_zoom(False)
        if self._held:
            return
        ready = self._ready.pop(pf.name, None)
        if ready is not None:  # loaded ahead while the expert read the previous submission
            self._loaded(token, pf, ready)
            return
        if self._pending.get(pf.name):  # being loaded for this very moment: wait for it
            self._awaited = (token, pf)
            return
        self._runner.run(load_evidence, self._read_file, pf,
                         on_done=lambda loaded: self._loaded(token, pf, loaded),
                         on_error=lambda err: self._load_failed(token, pf, err),
                         priority=WANTED_NOW)

    def _loaded(self, token: int, pf: PacketFile, loaded: Loaded) -> None:
        if token != self._load_token:
            return
        widget = self.viewers[loaded.viewer.payload]
        self.stack.setCurrentWidget(widget)
        self._enable_zoom(True)
        widget.show_payload(loaded.content, pf)  # which says when it is on screen: shown()
        self._show_zoom()

    def prefetch(self, sub: Submission | None, *, now: bool = False) -> None:
        """Load `sub`'s first evidence ahead (for a PDF, its first page rendered too):
        experts mostly go on to the next submission, which then shows without waiting.
        At start the window asks this (`now`) for the submission it is about to show, so
        the decoding overlaps building the screen."""
        if sub is None or not sub.evidence:
            return
        pf = sub.evidence[0]
        # Unstarted look-aheads of submissions passed would hold the workers while the
        # next one is wanted: withdrawn (never one the screen waits for, `now`).
        for name in [n for n, waited in self._pending.items() if not waited and n != pf.name]:
            if self._runner.drop_queued((self._ahead_tasks, name)):
                del self._pending[name]
        if pf.name in self._ready or pf.name in self._pending:
            return
        self._pending[pf.name] = now
        ahead = ahead_viewer(pf)
        page_key = self.viewers[ahead.payload].first_page_key(pf.sha256) if ahead else None
        self._runner.run(load_ahead, self._read_file, pf, page_key and page_key[2],
                         on_done=lambda result: self._prefetched(pf, page_key, result),
                         on_error=lambda err: self._prefetch_failed(pf, err),
                         priority=WANTED_NOW if now else LOOK_AHEAD,
                         group=(self._ahead_tasks, pf.name))

    def _prefetched(self, pf: PacketFile, page_key: Any,
                    result: tuple[Loaded, QImage | None]) -> None:
        loaded, first_page = result
        self._pending.pop(pf.name, None)
        if first_page is not None:
            self.page_cache.put(page_key, first_page)
        token = self._take_awaited(pf)
        if token is not None:
            self._loaded(token, pf, loaded)
            return
        self._ready[pf.name] = loaded
        while len(self._ready) > READY_AHEAD:
            self._ready.popitem(last=False)

    def _prefetch_failed(self, pf: PacketFile, err: BaseException) -> None:
        self._pending.pop(pf.name, None)
        token = self._take_awaited(pf)
        if token is not None:
            self._load_failed(token, pf, err)  # otherwise reported if and when it is opened

    def _take_awaited(self, pf: PacketFile) -> int | None:
        """The load token if the file on screen is waiting for `pf`'s look-ahead."""
        if self._awaited is None or self._awaited[1].name != pf.name:
            return None
        token, _file = self._awaited
        self._awaited = None
        return token if token == self._load_token else None

    def _load_failed(self, token: int, pf: PacketFile, err: BaseException) -> None:
        if token != self._load_token:
            return
        reason = error_text(err)
        if not isinstance(err, PanelDeskError):  # ours are expected; anything else is a bug
            log.warning("佐证材料 %s 无法显示：%r", pf.name, err)
        self.model.set_error(pf.name, reason)
        self._load_thumbnails()
        self.error_viewer.set_error(pf.original_name, reason)
        self.stack.setCurrentWidget(self.error_viewer)
        self._enable_zoom(False)
        self.status_message.emit(self.tr("无法显示 {0}：{1}").replace("{0}", pf.original_name)
                                 .replace("{1}", reason))

    # --- zoom ---------------------------------------------------------------------------
    def _zoomable(self) -> Any:
        widget = self.stack.currentWidget()
        return widget if hasattr(widget, "zoom_in") else None

    def _enable_zoom(self, on: bool) -> None:
        for button in (self.zoom_out_button, self.zoom_reset_button, self.zoom_in_button,
                       self.fit_button):
            button.setEnabled(on)
        if not on:
            self.zoom_reset_button.setText(percent_text(1.0))

    def _show_zoom(self) -> None:
        """The zoom label shows the viewer's own zoom: one value, never a copy of it."""
        level = getattr(self._zoomable(), "zoom_level", None)
        self.zoom_reset_button.setText(percent_text(level if level is not None else 1.0))

    def zoom_in(self) -> None:
        if (viewer := self._zoomable()) is not None:
            viewer.zoom_in()
        self._show_zoom()

    def zoom_out(self) -> None:
        if (viewer := self._zoomable()) is not None:
            viewer.zoom_out()
        self._show_zoom()

    def reset_zoom(self) -> None:
        if (viewer := self._zoomable()) is not None:
            viewer.reset_zoom()
        self._show_zoom()

    def fit_to_window(self) -> None:
        viewer = self._zoomable()
        if viewer is not None and hasattr(viewer, "fit_to_window"):
            viewer.fit_to_window()
        elif viewer is not None:
            viewer.reset_zoom()
        self._show_zoom()

    # --- what the viewers report ---------------------------------------------------------
    def _on_screen(self, widget: QWidget) -> bool:
        # A viewer left behind may still finish something (a page render): not news.
        return self._current is not None and widget is self.stack.currentWidget()

    def _viewer_status(self, widget: QWidget, text: str) -> None:
        if self._on_screen(widget):
            self.status_message.emit(f"{self._current.original_name} · {text}")
            self._show_zoom()  # a fit after a resize changes the zoom too

    def _viewer_shown(self, widget: QWidget) -> None:
        if self._on_screen(widget):
            self.evidence_shown.emit(self._current.name)

    # --- full screen --------------------------------------------------------------------
    @property
    def is_fullscreen(self) -> bool:
        return self.fullscreen.host is not None

    def toggle_fullscreen(self) -> None:
        """Show the viewer area full screen, or bring it back into the panel."""
        if not self.is_fullscreen and not self.fullscreen_button.isEnabled():
            return  # F11 with no file to show: a blank full screen said nothing
        self.fullscreen.toggle()
        self.fullscreen_button.setEnabled(bool(self.model.files()) or self.is_fullscreen)
