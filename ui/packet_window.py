"""The first window: a packet's submissions in a table, the selected one's details beside.

This is the plain window `paneldesk` opens until the review workbench arrives; it is
built the way that workbench will be: the packet comes in through the constructor or
`open_path()`, opening and verifying a packet runs on the task runner (never on the GUI
thread), the table is a model behind a sort proxy, and every string goes through `tr()`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QItemSelection,
    QSettings,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.errors import PanelDeskError
from app.keys import format_fingerprint
from app.model import PacketFile, Submission
from app.packet import Packet, open_packet
from ui import i18n
from ui.submission_table_model import SORT_ROLE, SUBMISSION_ROLE, Column, SubmissionTableModel
from ui.task_runner import ProgressRelay, TaskRunner

LAST_DIR_KEY = "ui/last_packet_dir"
GEOMETRY_KEY = "ui/packet_window/geometry"
PACKET_SUFFIX = ".panelpack"
ProgressFn = Callable[[int, int], None]
Opener = Callable[[Path, ProgressFn, Callable[[], bool]], Packet]
# Detail list items carry a key: the warning code, or the packet file name.
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def open_and_verify(path: Path, progress: ProgressFn | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Packet:
    """Open a packet and hash every member (runs on a worker thread).

    `open_packet` checks the signature and the member list; hashing every member as
    well means a packet with one changed byte is refused when it is opened, not later
    when an expert happens to view that photo.
    """
    packet = open_packet(path)
    try:
        packet.verify_all(progress=progress, cancelled=cancelled)
    except BaseException:
        packet.close()
        raise
    return packet


class PacketWindow(QMainWindow):
    """Lists an opened packet's submissions; File ▸ 打开评审包… opens another."""

    def __init__(self, packet: Packet | None = None, *, runner: TaskRunner,
                 settings: QSettings | None = None,
                 opener: Opener = open_and_verify,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._opener = opener
        self._packet: Packet | None = None
        self._relay: ProgressRelay | None = None  # set while a packet is being opened
        self._closed = False
        self.model = SubmissionTableModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._build_ui()
        self._build_menus()
        self._restore_geometry()
        self.set_packet(packet)

    # -- layout ----------------------------------------------------------------------

    def _build_ui(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(12, 10, 12, 8)
        self.title_label = QLabel(central)
        self.title_label.setObjectName("packetTitle")
        self.title_label.setWordWrap(True)
        self.meta_label = QLabel(central)
        self.meta_label.setObjectName("packetMeta")
        self.meta_label.setWordWrap(True)
        # The fingerprint is read aloud or pasted to compare with the organizer's.
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.table = QTableView(splitter)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.ID, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        # Unit names can be long; a fixed start width leaves the title room (full text in
        # the tooltip), and the user can still drag the column wider.
        header.setSectionResizeMode(Column.UNIT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(Column.UNIT, 220)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        self.detail_title = QLabel(detail)
        self.detail_title.setObjectName("sectionTitle")
        self.detail_title.setWordWrap(True)
        self.highlights_view = QPlainTextEdit(detail)
        self.highlights_view.setReadOnly(True)
        self.warnings_list = QListWidget(detail)
        self.warnings_list.setObjectName("warningsList")
        self.warnings_list.setWordWrap(True)
        self.files_list = QListWidget(detail)
        detail_layout.addWidget(self.detail_title)
        for caption, widget, stretch in ((self.tr("核心亮点"), self.highlights_view, 3),
                                         (self.tr("提醒"), self.warnings_list, 2),
                                         (self.tr("证明材料"), self.files_list, 2)):
            label = QLabel(caption, detail)
            label.setObjectName("sectionTitle")
            detail_layout.addWidget(label)
            detail_layout.addWidget(widget, stretch)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setMaximumWidth(240)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.cancel_open)
        for widget in (self.progress_bar, self.cancel_button):
            self.statusBar().addPermanentWidget(widget)
            widget.hide()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.open_action = QAction(self.tr("打开评审包(&O)…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_packet)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        settings_menu = self.menuBar().addMenu(self.tr("设置(&S)"))
        language_menu = settings_menu.addMenu(self.tr("界面语言(&L)"))
        group = QActionGroup(self)
        current = i18n.language_from_settings(self._settings) if self._settings else None
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == (current or i18n.DEFAULT_LANGUAGE))
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about_action = QAction(self.tr("关于 PanelDesk 评审台(&A)"), self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self._show_about)
        help_menu.addAction(about_action)

    # -- the packet ------------------------------------------------------------------

    @property
    def packet(self) -> Packet | None:
        return self._packet

    def set_packet(self, packet: Packet | None) -> None:
        """Show `packet` (None: the empty state); the previous packet is closed."""
        if self._packet is not None and self._packet is not packet:
            self._packet.close()
        self._packet = packet
        if packet is None:
            self.setWindowTitle(self.tr("PanelDesk 评审台"))
            self.title_label.setText(self.tr("尚未打开评审包"))
            self.meta_label.setText(self.tr("请从“文件 ▸ 打开评审包…”选择组织方发来的 .panelpack 文件。"))
            self.model.set_submissions([])
        else:
            manifest = packet.manifest
            self.setWindowTitle(self.tr("{title} — PanelDesk 评审台").format(title=manifest.title))
            self.title_label.setText(manifest.title)
            fingerprint = packet.organizer_fingerprint
            self.meta_label.setText(self.tr(
                "组织方公钥指纹：{fingerprint}　　评审包编号：{packet_id}　　共 {count} 项申报").format(
                fingerprint=format_fingerprint(fingerprint) if fingerprint else self.tr("（无）"),
                packet_id=manifest.packet_id, count=len(manifest.submissions)))
            self.model.set_submissions(manifest.submissions)
        self._show_submission(None)
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)

    def choose_packet(self) -> None:
        """File ▸ 打开评审包…: ask for a file, then open it in the background."""
        start = str(self._settings.value(LAST_DIR_KEY, "")) if self._settings else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("打开评审包"), start,
            self.tr("评审包 (*{suffix});;所有文件 (*)").format(suffix=PACKET_SUFFIX))
        if path:
            self.open_path(Path(path))

    @property
    def opening(self) -> bool:
        """True while a packet is being opened and verified in the background."""
        return self._relay is not None

    def open_path(self, path: Path | str) -> None:
        """Open and verify the packet at `path` on the task runner, then show it."""
        if self._relay is not None:
            return
        path = Path(path)
        relay = ProgressRelay(self._show_progress, self)
        self._relay = relay
        self.open_action.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.statusBar().showMessage(self.tr("正在打开并校验评审包：{name}…").format(name=path.name))
        self._runner.run(self._opener, path, relay, relay.cancelled,
                         on_done=lambda packet: self._opened(path, packet),
                         on_error=self._open_error)

    def cancel_open(self) -> None:
        """Stop opening the packet (the verification stops at its next chunk)."""
        if self._relay is not None:
            self._relay.cancel()

    def _show_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(int(done * 1000 // total) if total > 0 else 1000)

    def _finish_opening(self) -> bool:
        """Reset the opening state; True if the user cancelled."""
        relay, self._relay = self._relay, None
        if relay is not None:
            relay.deleteLater()  # progress reports still queued for it are dropped with it
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.open_action.setEnabled(True)
        self.statusBar().clearMessage()
        return relay is not None and relay.cancelled()

    def _opened(self, path: Path, packet: Packet) -> None:
        self._finish_opening()
        if self._closed:  # the window went away while the packet was being verified
            packet.close()
            return
        self.set_packet(packet)
        if self._settings is not None:
            self._settings.setValue(LAST_DIR_KEY, str(path.parent))
        self.statusBar().showMessage(self.tr("已打开 {name}：{count} 项申报，校验通过。").format(
            name=path.name, count=len(packet.manifest.submissions)))

    def _open_error(self, err: BaseException) -> None:
        cancelled = self._finish_opening()
        if self._closed:
            return
        if cancelled:
            self.statusBar().showMessage(self.tr("已取消打开评审包。"))
            return
        if isinstance(err, PanelDeskError):
            message = str(err)
        else:
            message = self.tr("打开评审包时发生内部错误（{kind}: {detail}）。").format(
                kind=type(err).__name__, detail=err)
        QMessageBox.critical(self, self.tr("无法打开评审包"), message)

    # -- details -----------------------------------------------------------------------

    def selected_submission(self) -> Submission | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(SUBMISSION_ROLE) if rows else None

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_submission(self.selected_submission())

    def _show_submission(self, sub: Submission | None) -> None:
        self.warnings_list.clear()
        self.files_list.clear()
        if sub is None:
            self.detail_title.setText(self.tr("未选择申报"))
            self.highlights_view.setPlainText("")
            return
        self.detail_title.setText(f"{sub.id}　{sub.title}")
        self.highlights_view.setPlainText(sub.fields.get("highlights", "").strip()
                                          or self.tr("（未填写核心亮点）"))
        for warning in sub.warnings:
            item = QListWidgetItem(f"{warning.message}　[{warning.code}]")
            item.setData(KEY_ROLE, warning.code)
            item.setToolTip(warning.code)
            self.warnings_list.addItem(item)
        if not sub.warnings:
            self._add_placeholder(self.warnings_list, self.tr("无提醒"))
        for packet_file in sub.evidence:
            item = QListWidgetItem(self._describe_file(packet_file))
            item.setData(KEY_ROLE, packet_file.name)
            item.setToolTip(packet_file.media_type)
            self.files_list.addItem(item)
        if not sub.evidence:
            self._add_placeholder(self.files_list, self.tr("无证明材料"))

    def _describe_file(self, packet_file: PacketFile) -> str:
        kinds = {"image": self.tr("图片"), "pdf": self.tr("PDF"), "spreadsheet": self.tr("表格"),
                 "document": self.tr("文档"), "text": self.tr("文本"), "links": self.tr("链接"),
                 "other": self.tr("其他")}
        parts = [packet_file.original_name, kinds.get(packet_file.kind, packet_file.kind),
                 human_size(packet_file.size)]
        if packet_file.width and packet_file.height:
            parts.append(f"{packet_file.width}×{packet_file.height}")
        return "　".join(parts)

    @staticmethod
    def _add_placeholder(widget: QListWidget, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)

    # -- settings, about, closing ------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """Settings ▸ 界面语言: remember the choice; it applies on the next start."""
        if self._settings is not None:
            i18n.store_language(self._settings, language)
        QMessageBox.information(self, self.tr("界面语言"),
                                self.tr("界面语言将在重新启动 PanelDesk 后生效。"))

    def _show_about(self) -> None:
        QMessageBox.about(self, self.tr("关于 PanelDesk 评审台"), self.tr(
            "PanelDesk 评审台 {version}\n离线专家评审工具：评审包、专家评分、签名评分表与结果汇总。"
        ).format(version=__version__))

    def _restore_geometry(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY) if self._settings else None
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 760)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 — Qt's name
        self._closed = True
        self.cancel_open()
        if self._settings is not None:
            self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        if self._packet is not None:
            self._packet.close()
            self._packet = None
        super().closeEvent(event)


def human_size(size: int) -> str:
    """1536 → "1.5 KB" (binary units, one decimal above bytes)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"  # pragma: no cover — the loop always returns

