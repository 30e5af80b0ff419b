"""操作记录: the organizer's decisions on the round, from the organizer database's audit log.

`AuditModel` shows the log (时间, 操作人, 操作, 对象, 原值, 新值, 理由), newest first; values
are the JSON the log stores in words (`audit_text`), the JSON itself as tooltip, all
plain text.  `show_audit` reads it on the runner and
opens a dialog.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QVBoxLayout, QWidget

from ui.organizer.audit_text import reason_text, value_text
from ui.organizer.table_model import AnyIndex, ListTableModel
from ui.roles import ROW_ROLE, SORT_ROLE

ACTION_TEXT = {  # the action names app.organizer.project and Round record (joined by "+")
    "exclude": QT_TRANSLATE_NOOP("AuditModel", "排除"),
    "include": QT_TRANSLATE_NOOP("AuditModel", "恢复纳入"),
    "duplicate": QT_TRANSLATE_NOOP("AuditModel", "标记为重复"),
    "not_duplicate": QT_TRANSLATE_NOOP("AuditModel", "取消重复标记"),
    "edit": QT_TRANSLATE_NOOP("AuditModel", "修改字段"),
    "acknowledge": QT_TRANSLATE_NOOP("AuditModel", "确认提示"),
    "unacknowledge": QT_TRANSLATE_NOOP("AuditModel", "撤销确认"),
    "roster": QT_TRANSLATE_NOOP("AuditModel", "修改专家名单"),
    "assignments": QT_TRANSLATE_NOOP("AuditModel", "修改分组与回避"),
    "assign": QT_TRANSLATE_NOOP("AuditModel", "手动分配"),
    "unassign": QT_TRANSLATE_NOOP("AuditModel", "手动取消分配"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditModel", text)


def action_text(action: str) -> str:
    """"edit+acknowledge" → "修改字段、确认提示"."""
    return "、".join(tr(ACTION_TEXT[part]) if part in ACTION_TEXT else part
                    for part in action.split("+"))


class AuditModel(ListTableModel):
    AT, WHO, ACTION, SUBJECT, OLD, NEW, REASON = range(7)
    CONTEXT = "AuditModel"
    HEADERS = (QT_TRANSLATE_NOOP("AuditModel", "时间"), QT_TRANSLATE_NOOP("AuditModel", "操作人"),
               QT_TRANSLATE_NOOP("AuditModel", "操作"), QT_TRANSLATE_NOOP("AuditModel", "对象"),
               QT_TRANSLATE_NOOP("AuditModel", "原值"), QT_TRANSLATE_NOOP("AuditModel", "新值"),
               QT_TRANSLATE_NOOP("AuditModel", "理由"))
    KEYS = ("at", "who", "action", "subject", "old", "new", "reason")

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (r.get("at") or "", r.get("id") or 0),
                            reverse=True)
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        value = row.get(self.KEYS[column])
        raw = str(value or "")
        if column == self.ACTION:
            text = action_text(raw)
        elif column in (self.OLD, self.NEW):
            text = value_text(raw)
        elif column == self.REASON:
            text = reason_text(raw)
        else:
            text = raw.replace("T", " ")[:19] if column == self.AT else raw  # ISO as read
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.OLD, self.NEW):
            return raw or None  # exactly what the log holds
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return text
        if role == ROW_ROLE:
            return row
        return None


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作记录"))
        self.resize(1300, 520)
        layout = QVBoxLayout(self)
        self.model = AuditModel(self)
        view = QTableView(self)
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.horizontalHeader().setSectionResizeMode(AuditModel.REASON,
                                                     QHeaderView.ResizeMode.Stretch)
        for column, width in ((AuditModel.AT, 150), (AuditModel.WHO, 80),
                              (AuditModel.ACTION, 100), (AuditModel.SUBJECT, 260),
                              (AuditModel.OLD, 200), (AuditModel.NEW, 260)):
            view.setColumnWidth(column, width)
        self.view = view
        layout.addWidget(view)


def show_audit(parent: QWidget, runner: Any, project: Any) -> AuditDialog:
    """Open the log (non-modal), its rows read on the runner."""
    dialog = AuditDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    runner.run(project.audit, on_done=dialog.model.set_rows)
    dialog.show()
    return dialog
