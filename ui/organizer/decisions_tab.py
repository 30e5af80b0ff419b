"""组织方决定: the organizer's decisions on results, with a reason each, in the GUI.

A table of the decisions (what, which submissions, reason, who, when, and what each did
in the current results), and buttons to add one (`DecisionDialog`), withdraw the selected
one, take over a decisions file, or save them as a file for `paneldesk results
--decisions`.  Every change goes through `DecisionStore` on the task runner — the store
writes the audit log — and then asks the results page to compute again.
"""

from __future__ import annotations

import getpass
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP
from app.results.decision_store import DecisionStore
from app.results.decisions import ACTIONS, Decision, load_decisions, parse_decisions
from app.results.model import NOT_IN_EFFECT, DecisionNote
from ui.file_dialogs import DECISIONS, open_file, save_file, start_folder
from ui.i18n import error_text, join_list, render
from ui.organizer.results_models import Row, RowsModel, make_table

_CTX = "DecisionsTab"
HEADERS = (QT_TRANSLATE_NOOP("ResultsModels", "决定"), QT_TRANSLATE_NOOP("ResultsModels", "作品"),
           QT_TRANSLATE_NOOP("ResultsModels", "理由"), QT_TRANSLATE_NOOP("ResultsModels", "决定人"),
           QT_TRANSLATE_NOOP("ResultsModels", "时间"), QT_TRANSLATE_NOOP("ResultsModels", "效果"))
# What the dialog asks for each action: how many submissions, and what the field means.
ACTION_HELP = {
    "disqualify": QT_TRANSLATE_NOOP("DecisionsTab", "一件作品：不参与评奖（例如经核实材料不实）"),
    "override_minimum": QT_TRANSLATE_NOOP("DecisionsTab", "一件作品：有效评分不足仍予排名"),
    "tie_break": QT_TRANSLATE_NOOP("DecisionsTab", "并列的作品，按决定的名次先后排列"),
    "keep_duplicate": QT_TRANSLATE_NOOP("DecisionsTab", "先写保留的一件，再写不参与评奖的重复件"),
    "not_duplicate": QT_TRANSLATE_NOOP("DecisionsTab", "单位和标题相同但不是重复申报的作品"),
}
# What the dialog says (a bare tr("…") would reach lupdate without this context).
ONE_ID = QT_TRANSLATE_NOOP("DecisionsTab", "请填写一件作品的编号")
KEEP_THEN_DROP = QT_TRANSLATE_NOOP("DecisionsTab", "请先写保留的一件，再写至少一件重复件")
UNKNOWN_IDS = QT_TRANSLATE_NOOP("DecisionsTab", "评审包中没有这些作品：{ids}")
NEW_DECISION = QT_TRANSLATE_NOOP("DecisionsTab", "新的决定")
REASON_PROMPT = QT_TRANSLATE_NOOP("DecisionsTab", "理由（写入审计日志）：")
_SEPARATORS = re.compile(r"[\s,，、;；]+")


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def decision_rows(notes: Sequence[DecisionNote]) -> list[Row]:
    return [Row(cells=(QCoreApplication.translate("DecisionsTab", n.label), join_list(n.subjects),
                       n.reason, n.by, n.at, render(n.effect)), tooltip=n.reason,
                warn=n.effect.startswith(NOT_IN_EFFECT)) for n in notes]


def build_decision(action: str, ids_text: str, reason: str, known: Sequence[str]) -> Decision:
    """The decision the dialog describes, or PanelDeskError saying what is wrong."""
    ids = [i for i in _SEPARATORS.split(ids_text.strip()) if i]
    item: dict[str, Any] = {"action": action, "reason": reason}
    if action in ("disqualify", "override_minimum"):
        if len(ids) != 1:
            raise PanelDeskError(tr(ONE_ID))
        item["submission"] = ids[0]
    elif action == "tie_break":
        item["order"] = ids
    elif action == "keep_duplicate":
        if len(ids) < 2:
            raise PanelDeskError(tr(KEEP_THEN_DROP))
        item["keep"], item["drop"] = ids[0], ids[1:]
    else:
        item["submissions"] = ids
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise PanelDeskError(tr(UNKNOWN_IDS).format(ids=join_list(unknown)))
    return parse_decisions(json.dumps({"version": 1, "decisions": [item]}),
                           tr(NEW_DECISION)).decisions[0]


class DecisionDialog(QDialog):
    """Ask for one decision: what, which submissions, why, who."""

    def __init__(self, known: Sequence[str], selected: Sequence[str], who: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增组织方决定"))
        self._known = list(known)
        self.decision: Decision | None = None
        form = QFormLayout()
        self.action_combo = QComboBox(self)
        for action, (_keys, label) in ACTIONS.items():
            self.action_combo.addItem(QCoreApplication.translate("DecisionsTab", label), action)
        self.help_label = QLabel(self)
        self.help_label.setWordWrap(True)
        self.ids_edit = QLineEdit(join_list(selected), self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("必须写明理由；它会写入审计日志并印在结果报告中"))
        self.who_edit = QLineEdit(who, self)
        form.addRow(self.tr("决定："), self.action_combo)
        form.addRow("", self.help_label)
        form.addRow(self.tr("作品编号："), self.ids_edit)
        form.addRow(self.tr("理由："), self.reason_edit)
        form.addRow(self.tr("决定人："), self.who_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.action_combo.currentIndexChanged.connect(self._show_help)
        self._show_help()

    def _show_help(self) -> None:
        self.help_label.setText(tr(ACTION_HELP[self.action_combo.currentData()]))

    def _accept(self) -> None:
        who = self.who_edit.text().strip()
        try:
            if not who:
                raise PanelDeskError(self.tr("请填写决定人"))
            self.decision = build_decision(self.action_combo.currentData(), self.ids_edit.text(),
                                           self.reason_edit.toPlainText().strip(), self._known)
        except PanelDeskError as err:
            self.error_label.setText(error_text(err))
            return
        self.accept()

    @property
    def who(self) -> str:
        return self.who_edit.text().strip()


def ask_decision(parent: QWidget, known: Sequence[str], selected: Sequence[str],
                 who: str) -> tuple[Decision, str] | None:
    dialog = DecisionDialog(known, selected, who, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.decision is None:
        return None
    return dialog.decision, dialog.who


def ask_reason(parent: QWidget, title: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, tr(REASON_PROMPT))
    return text.strip() if ok and text.strip() else None


class DecisionsTab(QWidget):
    """The 组织方决定 tab of the results page."""

    changed = Signal()  # the decisions changed: compute the results again
    failed = Signal(str)

    def __init__(self, runner: Any, store: DecisionStore, known: Callable[[], list[str]],
                 selected: Callable[[], list[str]], parent: QWidget | None = None, *,
                 ask: Callable[..., tuple[Decision, str] | None] = ask_decision,
                 ask_text: Callable[[QWidget, str], str | None] = ask_reason) -> None:
        super().__init__(parent)
        self._runner, self._store = runner, store
        self._known, self._selected = known, selected
        self._ask, self._ask_text = ask, ask_text
        self.who = getpass.getuser() or self.tr("组织方")
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("组织方对结果的决定（取消资格、评分不足仍予排名、排定并列名次、重复申报）"
                               "都须写明理由，记录在审计日志中，并印在结果工作簿和报告里。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = RowsModel(HEADERS, self)
        self.view = make_table(self, self.model, stretch=2)
        layout.addWidget(self.view, 1)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("新增决定(&N)…"), self)
        self.withdraw_button = QPushButton(self.tr("撤销所选决定"), self)
        self.import_button = QPushButton(self.tr("从决定文件导入…"), self)
        self.save_button = QPushButton(self.tr("另存为决定文件…"), self)
        for button, slot in ((self.add_button, self.add), (self.withdraw_button, self.withdraw),
                             (self.import_button, self.import_file),
                             (self.save_button, self.save_file)):
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        # Withdrawing needs a decision chosen in the table: without one the button did nothing.
        self.view.selectionModel().selectionChanged.connect(self._follow_selection)
        self._follow_selection()

    def show_notes(self, notes: Sequence[DecisionNote]) -> None:
        self.model.set_rows(decision_rows(notes))
        self._follow_selection()

    def _follow_selection(self) -> None:
        self.withdraw_button.setEnabled(bool(self.view.selectionModel().selectedRows()))

    def add(self) -> None:
        answer = self._ask(self, self._known(), self._selected(), self.who)
        if answer is not None:
            decision, self.who = answer
            self._change(lambda: self._store.add(decision, self.who))

    def withdraw(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        index = self.view.model().mapToSource(rows[0]).row()
        reason = self._ask_text(self, self.tr("撤销决定"))
        if reason is not None:
            self._change(lambda: self._store.withdraw(index, self.who, reason))

    def import_file(self) -> None:
        name = open_file(self, DECISIONS, self.tr("选择决定文件"), self.tr("决定文件 (*.json)"))
        if name is None:
            return
        reason = self._ask_text(self, self.tr("导入决定文件"))
        if reason is not None:
            self._change(lambda: self._store.replace_all(load_decisions(Path(name)),
                                                         self.who, reason))

    def save_file(self) -> None:
        name = save_file(self, DECISIONS, self.tr("另存为决定文件"),
                         start_folder(DECISIONS) / "decisions.json", self.tr("决定文件 (*.json)"))
        if name is not None:
            self._change(lambda: Path(name).write_text(self._store.load().to_json(),
                                                       encoding="utf-8"), recompute=False)

    def _change(self, work: Callable[[], object], recompute: bool = True) -> None:
        def done(_result: object) -> None:
            if recompute:
                self.changed.emit()

        def error(err: BaseException) -> None:
            self.failed.emit(error_text(err) if isinstance(err, (PanelDeskError, OSError)) else self.tr(
                "保存决定时发生内部错误（{kind}）").format(kind=type(err).__name__))

        self._runner.run(work, on_done=done, on_error=error)
