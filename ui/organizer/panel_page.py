"""专家与分配: the organizer's key, the roster, per-category panels, conflicts, the matrix.

The roster is edited here (add, edit, remove, import a .csv/.xlsx through
`app.intake.roster` — merged into the roster or replacing it, as the organizer chooses —
enrol a fingerprint typed or pasted and checked as typed) and saved through
`Round.set_roster` on the single writer.  Per-category panels are a check box per
expert and category (none checked: everyone reviews everything); conflicts are expert ×
unit pairs.  The matrix shows the plan exactly as the build will resolve it
(`app.assembly.assignments.resolve` over the entries still in the round), with counts per
expert and per submission and a warning for every submission below the minimum.  One
pair is assigned or unassigned in the matrix (double-click, Space, the context menu or the
button; a reason is asked, `PanelQuestions.pair_reason`): the page shows the new plan at
once and saves the override through `Round.set_pair` on the single writer, putting the
plan back if that fails.  The organizer's own key is created here (with a passphrase)
when there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.assembly.assignments import (
    AssignmentRules,
    Candidate,
    Rule,
    minimum_scores,
    resolve,
)
from app.errors import PanelDeskError
from app.intake.roster import read_roster
from app.keys import KeyStore, format_fingerprint
from app.model import Expert
from app.organizer.panel import PairChange, override_rules, toggle_pair
from ui.i18n import error_text, join_list
from ui.organizer.alive import while_alive
from ui.organizer.panel_dialogs import PanelQuestions
from ui.organizer.panel_models import MatrixModel, PanelsModel
from ui.organizer.roster_changes import imported_roster, with_accepted_key
from ui.organizer.roster_pane import RosterPane
from ui.organizer.round import Round
from ui.organizer.table_model import read_only_table


class PanelPage(QWidget):
    """The 专家与分配 step; `changed` after the roster, panels or key changed."""

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, runner: Any, writer: Any, project: Round,
                 candidates: Callable[[], list[Candidate]], parent: QWidget | None = None, *,
                 keys: KeyStore | None = None, questions: Any = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._writer = writer
        self._project = project
        self._candidates = candidates
        self._keys = keys or KeyStore()
        self._questions = questions or PanelQuestions()
        self.rubric = project.rubric()
        self.experts = project.roster()
        panels, self.conflicts = project.panels()
        self.overrides = project.pair_overrides()  # (expert, source) → assigned by hand
        self._build()
        self.panels.set_panels(self.experts, self.rubric.categories, panels)
        self._show()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        key_row = QHBoxLayout()
        self.key_label = QLabel(self)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_button = QPushButton(self.tr("创建组织方密钥…"), self)
        self.key_button.clicked.connect(self.create_key)
        key_row.addWidget(self.key_label, 1)
        key_row.addWidget(self.key_button)
        layout.addLayout(key_row)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = self.roster_pane = RosterPane(split)
        self.roster, self.roster_view = left.model, left.view
        self.add_button, self.edit_button = left.add_button, left.edit_button
        self.remove_button, self.enrol_button = left.remove_button, left.enrol_button
        self.import_button = left.import_button
        for button, slot in ((self.add_button, self.add_expert), (self.edit_button, self.edit_expert),
                             (self.remove_button, self.remove_expert),
                             (self.enrol_button, self.enrol_fingerprint),
                             (self.import_button, self.import_roster)):
            button.clicked.connect(slot)
        self.roster_view.doubleClicked.connect(lambda _index: self.edit_expert())
        tabs = QTabWidget(split)
        self.panels = PanelsModel(self)
        self.panels.changed_by_user.connect(self._save_panels)
        holder = QWidget(tabs)
        holder_layout = QVBoxLayout(holder)
        hint = QLabel(self.tr("勾选即把专家编入该类别的评审组；全部不勾选时，每位专家评审全部申报。"), holder)
        hint.setWordWrap(True)
        holder_layout.addWidget(hint)
        self.panels_view = read_only_table(holder, self.panels)
        self.panels_view.verticalHeader().show()
        holder_layout.addWidget(self.panels_view, 1)
        tabs.addTab(holder, self.tr("分类评审组"))
        conflicts = QWidget(tabs)
        conflicts_layout = QVBoxLayout(conflicts)
        self.conflict_list = QListWidget(conflicts)
        conflicts_layout.addWidget(self.conflict_list, 1)
        row = QHBoxLayout()
        self.add_conflict_button = QPushButton(self.tr("添加回避…"), conflicts)
        self.add_conflict_button.clicked.connect(self.add_conflict)
        self.remove_conflict_button = QPushButton(self.tr("删除回避"), conflicts)
        self.remove_conflict_button.clicked.connect(self.remove_conflict)
        # Offered once a conflict is chosen: with none it did nothing and said nothing.
        self.remove_conflict_button.setEnabled(False)
        self.conflict_list.currentRowChanged.connect(
            lambda row: self.remove_conflict_button.setEnabled(row >= 0))
        row.addWidget(self.add_conflict_button)
        row.addWidget(self.remove_conflict_button)
        row.addStretch(1)
        conflicts_layout.addLayout(row)
        tabs.addTab(conflicts, self.tr("回避"))
        matrix = QWidget(tabs)
        matrix_layout = QVBoxLayout(matrix)
        self.matrix_warning = QLabel(matrix)
        self.matrix_warning.setWordWrap(True)
        self.matrix_warning.setStyleSheet("color: #b42318;")
        self.matrix_warning.setTextFormat(Qt.TextFormat.PlainText)
        matrix_layout.addWidget(self.matrix_warning)
        self.matrix = MatrixModel(self)
        self.matrix_view = read_only_table(matrix, self.matrix)
        self.matrix_view.verticalHeader().show()
        self.matrix_view.horizontalHeader().setDefaultSectionSize(46)
        self.matrix_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        matrix_layout.addWidget(self.matrix_view, 1)
        self.toggle_action = QAction(self.tr("分配/取消分配…"), self.matrix_view)
        self.toggle_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.toggle_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.toggle_action.triggered.connect(self.toggle_current)
        self.matrix_view.addAction(self.toggle_action)
        self.matrix_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.matrix_view.doubleClicked.connect(self.toggle_pair)
        matrix_row = QHBoxLayout()
        legend = QLabel(self.tr("● 已分配　◉ 手动分配　○ 手动取消分配　⊘ 回避 · "
                                "双击单元格或按空格键分配/取消分配"), matrix)
        legend.setWordWrap(True)
        self.toggle_button = QPushButton(self.tr("分配/取消分配…"), matrix)
        self.toggle_button.clicked.connect(self.toggle_current)
        matrix_row.addWidget(legend, 1)
        matrix_row.addWidget(self.toggle_button)
        matrix_layout.addLayout(matrix_row)
        tabs.addTab(matrix, self.tr("分配矩阵"))
        self.tabs = tabs
        split.addWidget(left)
        split.addWidget(tabs)
        split.setSizes([560, 760])
        layout.addWidget(split, 1)

    # -- showing -----------------------------------------------------------------------

    def _show(self) -> None:
        if self._keys.exists():
            self.key_label.setText(self.tr("组织方密钥指纹：{fp}").format(
                fp=format_fingerprint(self._keys.fingerprint())))
        else:
            self.key_label.setText(self.tr("尚未创建组织方密钥：生成评审包前需要创建。"))
        self.key_button.setVisible(not self._keys.exists())
        self.roster.set_experts(self.experts)
        names = {e.id: e.name for e in self.experts}
        self.conflict_list.clear()
        for expert, unit in self.conflicts:
            self.conflict_list.addItem(f"{expert} {names.get(expert, '')} × {unit}")
        self.refresh_matrix()

    def _rules(self) -> AssignmentRules:
        return AssignmentRules(
            [Rule("", e, "category", c) for e, c in self.panels.rows()]
            + override_rules(self.overrides),
            [Rule("", e, "unit", u) for e, u in self.conflicts])

    def refresh_matrix(self) -> None:
        """The plan as the build will resolve it, over the entries still in the round."""
        candidates = self._candidates()
        # An adjusted entry since left out of the round is ignored, as the build ignores it.
        sources = {c.source for c in candidates} | {s for _e, s in self.overrides}
        try:
            plan = resolve(self._rules(), self.experts, candidates, self.rubric, sources)
        except PanelDeskError as err:
            self.matrix_warning.setText(error_text(err))
            return
        needed = minimum_scores(self.rubric, len(self.experts)) if self.experts else 0
        current = self.matrix_view.currentIndex()
        row, column = current.row(), current.column()
        self.matrix.set_plan(self.experts, [(c.id, c.source) for c in candidates],
                             plan.assignments, needed, manual=plan.manual,
                             conflicted=plan.conflicted)
        if current.isValid():
            # The reset forgets the cell: Space again must toggle the same pair, not (0, 0).
            self.matrix_view.setCurrentIndex(self.matrix.index(row, column))
        short = self.matrix.short()
        self.matrix_warning.setText(self.tr(
            "{n} 份申报分配的专家少于 {needed} 位：{ids}").format(
                n=len(short), needed=needed, ids=join_list(short)) if short and self.experts
            else "")

    # -- one pair of the matrix --------------------------------------------------------

    def toggle_current(self) -> None:
        self.toggle_pair(self.matrix_view.currentIndex())

    def toggle_pair(self, index: QModelIndex) -> None:
        """Assign or unassign the pair of a matrix cell, with the organizer's reason."""
        pair = self.matrix.pair_at(index)
        if pair is None:
            return
        expert, sid, source = pair
        try:
            change = toggle_pair(self._rules(), self.experts, self._candidates(), self.rubric,
                                 expert.id, source)
        except PanelDeskError as err:
            self.status_message.emit(error_text(err))
            return
        reason = self._questions.pair_reason(self, expert, f"{sid}（{source}）", change)
        if reason is None:
            return
        previous = dict(self.overrides)
        self._set_override(change)
        self.refresh_matrix()

        def saved(_result: object) -> None:
            self.status_message.emit((self.tr("已分配：{id} × {submission}") if change.after else
                                      self.tr("已取消分配：{id} × {submission}")).format(
                id=expert.id, submission=sid))
            self.changed.emit()

        def failed(err: BaseException) -> None:
            self.overrides = previous
            self.refresh_matrix()
            self.status_message.emit(self.tr("无法保存分配：{error}").format(error=err))

        self._writer.run(self._project.set_pair, change, reason,
                         on_done=while_alive(self, saved), on_error=while_alive(self, failed))

    def _set_override(self, change: PairChange) -> None:
        key = (change.expert, change.submission)
        self.overrides.pop(key, None)
        if change.override is not None:
            self.overrides[key] = change.override

    # -- the key -----------------------------------------------------------------------

    def create_key(self) -> None:
        if self._keys.exists():
            return
        passphrase = self._questions.new_key(self)
        if passphrase is None:
            return
        self.status_message.emit(self.tr("正在创建组织方密钥…"))
        self._runner.run(self._keys.create, passphrase, on_done=while_alive(self, self._key_created),
                         on_error=lambda err: self.status_message.emit(error_text(err)))

    def _key_created(self, fingerprint: str) -> None:
        self._show()
        self.status_message.emit(self.tr("已创建组织方密钥，指纹 {fp}").format(
            fp=format_fingerprint(fingerprint)))
        self.changed.emit()

    # -- the roster --------------------------------------------------------------------

    def selected_expert(self) -> Expert | None:
        row = self.roster_pane.selected_row()
        return self.experts[row] if 0 <= row < len(self.experts) else None

    def select_expert(self, expert_id: str) -> None:
        row = next((i for i, e in enumerate(self.experts) if e.id == expert_id), -1)
        if row >= 0:
            self.roster_view.selectRow(row)

    def _save_roster(self, experts: list[Expert], reason: str, done: str = "",
                     renamed: dict[str, str] | None = None) -> None:
        ids = [e.id for e in experts]
        if len(set(ids)) != len(ids):
            self.status_message.emit(self.tr("专家编号不能重复。"))
            return

        def saved(_result: object) -> None:
            self.experts = experts
            # The project dropped the rows of experts no longer on the roster.
            panels, self.conflicts = self._project.panels()
            self.overrides = self._project.pair_overrides()
            self.panels.set_panels(experts, self.rubric.categories, panels)
            self._show()
            self.changed.emit()
            if done:
                self.status_message.emit(done)

        self._writer.run(self._project.set_roster, experts, reason, renamed,
                         on_done=while_alive(self, saved),
                         on_error=lambda err: self.status_message.emit(
                             self.tr("无法保存专家名单：{error}").format(error=err)))

    def add_expert(self) -> None:
        expert = self._questions.expert(self, None, [e.id for e in self.experts])
        if expert is not None:
            self._save_roster([*self.experts, expert], "add")

    def edit_expert(self) -> None:
        old = self.selected_expert()
        new = self._questions.expert(self, old, [e.id for e in self.experts]) if old else None
        if old is not None and new is not None:
            self._save_roster([new if e is old else e for e in self.experts], "edit",
                              renamed={old.id: new.id} if new.id != old.id else None)

    def remove_expert(self) -> None:
        old = self.selected_expert()
        if old is not None and self._questions.confirm_remove(self, old):
            self._save_roster([e for e in self.experts if e is not old], "remove")

    def enrol_fingerprint(self) -> None:
        old = self.selected_expert()
        fingerprint = self._questions.fingerprint(self, old) if old else None
        if old is not None and fingerprint:
            new = Expert(old.id, old.name, old.organization, fingerprint)
            self._save_roster([new if e is old else e for e in self.experts], "fingerprint")

    def adopt_fingerprint(self, expert_id: str, fingerprint: str) -> None:
        """A key compared and accepted at 导入评分表 becomes the expert's enrolled one."""
        experts, message = with_accepted_key(self.experts, expert_id, fingerprint)
        if experts is not None:
            self._save_roster(experts, "fingerprint accepted at import", message)
        elif message:
            self.status_message.emit(message)

    def import_roster(self) -> None:
        """导入名单…: read the file, then merge it into the roster or replace the roster."""
        path = self._questions.roster_file(self)
        if path is None:
            return

        def read(from_file: list[Expert]) -> None:
            packet = self._project.state("packet")
            change = imported_roster(self._questions, self, self.experts, from_file, path.name,
                                     bool(packet) and Path(packet).is_file())
            if change is not None:
                self._save_roster(*change)

        self._runner.run(read_roster, path, on_done=while_alive(self, read),
                         on_error=while_alive(self, lambda err: self.status_message.emit(error_text(err))))

    # -- panels and conflicts ----------------------------------------------------------

    def _save_panels(self) -> None:
        self._writer.run(self._project.set_panels, self.panels.rows(), list(self.conflicts),
                         on_done=while_alive(self, lambda _r: (self.refresh_matrix(), self.changed.emit())),
                         on_error=lambda err: self.status_message.emit(error_text(err)))

    def add_conflict(self) -> None:
        units = sorted({c.unit for c in self._candidates() if c.unit})
        answer = self._questions.conflict(self, self.experts, units)
        if answer is not None and answer not in self.conflicts:
            self.conflicts.append(answer)
            self._show()
            self._save_panels()

    def remove_conflict(self) -> None:
        row = self.conflict_list.currentRow()
        if 0 <= row < len(self.conflicts):
            del self.conflicts[row]
            self._show()
            self._save_panels()
