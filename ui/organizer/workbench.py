"""The organizer's workbench: one window for a round, laid out as its steps.

申报材料 → 专家与分配 → 评审包 → 导入评分表 → 结果: a list of steps on the left, the step's
page on the right.  The window frames an organizer project (`Round`, a folder); every page
gets the project and the task runners through its constructor.  The last two steps are the
existing import and results pages: they need a packet, so they appear once the round has
one (built on 评审包, or an existing packet opened there).  Reopening the project brings
everything back: the intake folder, decisions, roster, assignments and the last packet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.packet import Packet, open_packet
from app.results.decision_store import DecisionStore
from app.results.panel import Panel, panel_from
from ui.common_menus import add_about_action, add_language_menu, add_quit_action
from ui.i18n import error_text
from ui.organizer.alive import while_alive
from ui.organizer.build_page import BuildPage
from ui.organizer.import_page import ImportPage
from ui.organizer.intake_page import IntakePage
from ui.organizer.panel_page import PanelPage
from ui.organizer.results_page import ResultsPage
from ui.organizer.round import Round
from ui.screen_fit import fit_first_size

GEOMETRY_KEY = "organizer/workbench_geometry"
INTAKE, PANEL, BUILD, IMPORT, RESULTS = range(5)


class OrganizerWorkbench(QMainWindow):
    """组织方工作台 — {project}: the steps of a round."""

    open_project_requested = Signal()
    new_project_requested = Signal()

    def __init__(self, runner: Any, writer: Any, project: Round,
                 settings: QSettings | None = None, parent: QWidget | None = None, *,
                 page_options: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._writer = writer
        self._settings = settings
        self.project = project
        self.packet: Packet | None = None
        options = page_options or {}
        self.setWindowTitle(self.tr("组织方工作台 — {name}").format(name=project.name))
        self.rubric = project.rubric()
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(10, 8, 10, 6)
        self.header = QLabel(project.name, central)
        self.header.setObjectName("packetTitle")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = QLabel(self.tr("项目文件夹：{folder}").format(folder=project.folder), central)
        self.meta.setObjectName("packetMeta")
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.header)
        outer.addWidget(self.meta)
        body = QHBoxLayout()
        self.steps = QListWidget(central)
        self.steps.setObjectName("organizerSteps")
        self.steps.setFixedWidth(170)
        self.steps.setIconSize(QSize(1, 1))
        self.stack = QStackedWidget(central)
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)
        self.intake_page = IntakePage(runner, writer, project, self.rubric, self.stack,
                                      **options.get("intake", {}))
        self.intake_page.status_message.connect(self.statusBar().showMessage)
        self.build_page = BuildPage(runner, project, self.stack, intake=self.intake_page,
                                    **options.get("build", {}))
        self.build_page.status_message.connect(self.statusBar().showMessage)
        self.build_page.built.connect(self.open_packet)
        self.panel_page = PanelPage(runner, writer, project, self.intake_page.rows.candidates,
                                    self.stack, **options.get("panel", {}))
        self.panel_page.status_message.connect(self.statusBar().showMessage)
        self.panel_page.changed.connect(self.build_page.refresh)
        self.intake_page.changed.connect(self.panel_page.refresh_matrix)
        self.pages: dict[int, QWidget] = {INTAKE: self.intake_page, PANEL: self.panel_page,
                                          BUILD: self.build_page}
        for step, title in enumerate(self.step_titles()):
            page = self.pages.get(step) or self._waiting(step)
            self.pages[step] = page
            self.stack.addWidget(page)
            QListWidgetItem(f"{step + 1}  {title}", self.steps)
        self.steps.currentRowChanged.connect(self._step_changed)
        self.steps.setCurrentRow(INTAKE)
        self._menus()
        geometry = settings.value(GEOMETRY_KEY) if settings is not None else None
        if geometry is None or not self.restoreGeometry(geometry):
            fit_first_size(self, 1440, 900)
        if project.intake_dir.is_dir():
            self.intake_page.scan()  # reopening shows the round as it was left
        packet = project.state("packet")
        if packet and Path(packet).is_file():
            self.open_packet(Path(packet))

    def step_titles(self) -> list[str]:
        return [self.tr("申报材料"), self.tr("专家与分配"), self.tr("评审包"),
                self.tr("导入评分表"), self.tr("结果")]

    def go_to(self, step: int) -> None:
        self.steps.setCurrentRow(step)

    def _step_changed(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        if step == BUILD:
            self.build_page.refresh()  # the roster or key may have changed meanwhile

    def _waiting(self, step: int) -> QWidget:
        text = {IMPORT: self.tr("本轮还没有评审包：先在“评审包”一步生成，或打开已有的评审包。"),
                RESULTS: self.tr("导入评分表后在此查看结果。")}[step]
        label = QLabel(text, self.stack)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        return label

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        new = file_menu.addAction(self.tr("新建组织方项目(&N)…"))
        new.triggered.connect(self.new_project_requested.emit)
        open_action = file_menu.addAction(self.tr("打开组织方项目(&O)…"))
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.open_project_requested.emit)
        file_menu.addSeparator()
        close = file_menu.addAction(self.tr("关闭窗口(&C)"))
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)
        # 退出 (Ctrl+Q) as in every PanelDesk window: it did nothing in the workbench.
        self.quit = add_quit_action(self, file_menu)
        add_language_menu(self, self._settings)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        add_about_action(self, help_menu)

    # -- the round's packet: import and results ------------------------------------

    def open_packet(self, path: Path) -> None:
        """Verify `path` on the runner, then show 导入评分表 and 结果 for it."""
        def failed(err: BaseException) -> None:
            self.build_page.packet_unreadable(path, err)
            self.statusBar().showMessage(
                error_text(err) if isinstance(err, PanelDeskError) else
                self.tr("无法打开评审包（{kind}）").format(kind=type(err).__name__))

        self._runner.run(open_packet, path, on_done=while_alive(self, self._packet_opened),
                         on_error=while_alive(self, failed))

    def _packet_opened(self, packet: Packet) -> None:
        if self.packet is not None:
            self.packet.close()
        self.packet = packet
        self.project.set_state("packet", str(packet.path))
        self.build_page.show_packet(packet)
        open_db = self.project.open_db

        def load_panel() -> Panel:
            with open_db() as db:
                return panel_from(packet, db)

        importer = ImportPage(self._runner, packet, open_db, self.stack)
        results = ResultsPage(self._runner, load_panel, self.stack,
                              decisions=DecisionStore(open_db, packet.manifest.packet_id))
        results.import_wanted.connect(lambda: self.go_to(IMPORT))
        importer.status_message.connect(self.statusBar().showMessage)
        results.status_message.connect(self.statusBar().showMessage)
        importer.imported.connect(results.refresh)
        # A key the organizer compared at import is the expert's for the next packet too.
        importer.key_accepted.connect(self.panel_page.adopt_fingerprint)
        self._replace(IMPORT, importer)
        self._replace(RESULTS, results)
        results.refresh()
        self.meta.setText(self.tr("项目文件夹：{folder} · 评审包：{packet}").format(
            folder=self.project.folder, packet=packet.path.name))

    def _replace(self, step: int, page: QWidget) -> None:
        old = self.pages[step]
        current = self.stack.currentIndex()
        self.stack.insertWidget(step, page)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.pages[step] = page
        self.stack.setCurrentIndex(current)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._settings is not None:
            self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
            self._settings.sync()
        if self.packet is not None:
            self.packet.close()
            self.packet = None
        self.project.close()
        super().closeEvent(event)
