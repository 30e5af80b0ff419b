"""The 专家与分配 step's tables as Qt models, tested without views.

- `RosterModel`: one row per expert (编号, 姓名, 单位, 公钥指纹, 指纹状态).
- `PanelsModel`: experts × the rubric's categories, checkable: a checked cell puts the expert
  on that category's panel.  No cell checked means the default, everyone reviews everything.
- `MatrixModel`: experts × submissions as the engine resolves the plan (`resolve`): ● where
  assigned, ◉ where the organizer assigned the pair by hand, ○ where they took it away,
  ⊘ where a declared conflict leaves it out (a tooltip says which); the count per expert
  in the last column and per submission in the last row; a submission below the minimum
  is marked in red.  `KEY_ROLE` of a cell is its (expert id, submission id).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.keys import format_fingerprint
from app.model import Expert
from ui.organizer.table_model import AnyIndex, TableModel
from ui.roles import KEY_ROLE, SORT_ROLE

_CTX = "PanelModels"
_RED = QColor("#b42318")
_MANUAL = QColor("#1d4ed8")
_MUTED = QColor("#8a8f98")
ASSIGNED, MANUAL_ASSIGNED, MANUAL_UNASSIGNED, CONFLICT = "●", "◉", "○", "⊘"
# Words the tables show (a bare tr("…") would reach lupdate without this context).
ENROLLED = QT_TRANSLATE_NOOP("PanelModels", "已登记")
NOT_ENROLLED = QT_TRANSLATE_NOOP("PanelModels", "未登记")
TOTAL = QT_TRANSLATE_NOOP("PanelModels", "合计")
MANUAL_ON = QT_TRANSLATE_NOOP("PanelModels", "手动分配")
MANUAL_OFF = QT_TRANSLATE_NOOP("PanelModels", "手动取消分配")
CONFLICT_TIP = QT_TRANSLATE_NOOP("PanelModels", "已声明回避：{unit}")


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class _Table(TableModel):
    CONTEXT = _CTX


class RosterModel(_Table):
    ID, NAME, ORGANIZATION, FINGERPRINT, STATE = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("PanelModels", "编号"), QT_TRANSLATE_NOOP("PanelModels", "姓名"),
               QT_TRANSLATE_NOOP("PanelModels", "单位"), QT_TRANSLATE_NOOP("PanelModels", "公钥指纹"),
               # The state of the enrolment, not a second fingerprint column.
               QT_TRANSLATE_NOOP("PanelModels", "登记状态"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.experts: list[Expert] = []

    def set_experts(self, experts: Sequence[Expert]) -> None:
        self.beginResetModel()
        self.experts = list(experts)
        self.endResetModel()

    def _row_count(self) -> int:
        return len(self.experts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.experts):
            return None
        expert = self.experts[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            values = (expert.id, expert.name, expert.organization,
                      format_fingerprint(expert.fingerprint) if expert.fingerprint else "",
                      tr(ENROLLED if expert.fingerprint else NOT_ENROLLED))
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE \
                and not expert.fingerprint:
            return QBrush(QColor("#b45309"))
        if role == KEY_ROLE:
            return expert.id
        return None


class PanelsModel(_Table):
    """Experts (rows) × categories (columns), a check box each."""

    changed_by_user = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.experts: list[Expert] = []
        self.categories: list[str] = []
        self.chosen: set[tuple[str, str]] = set()

    def set_panels(self, experts: Sequence[Expert], categories: Sequence[str],
                   chosen: Sequence[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.experts, self.categories = list(experts), list(categories)
        ids = {e.id for e in experts}
        self.chosen = {(e, c) for e, c in chosen if e in ids and c in categories}
        self.endResetModel()

    def rows(self) -> list[tuple[str, str]]:
        """The checked (expert, category) pairs in roster and category order."""
        return [(e.id, c) for e in self.experts for c in self.categories
                if (e.id, c) in self.chosen]

    def _row_count(self) -> int:
        return len(self.experts)

    def _column_count(self) -> int:
        return len(self.categories)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.categories[section] if section < len(self.categories) else None
        expert = self.experts[section] if section < len(self.experts) else None
        return f"{expert.id} {expert.name}" if expert else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsSelectable)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return None
        pair = (self.experts[index.row()].id, self.categories[index.column()])
        return Qt.CheckState.Checked if pair in self.chosen else Qt.CheckState.Unchecked

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        pair = (self.experts[index.row()].id, self.categories[index.column()])
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        if checked:
            self.chosen.add(pair)
        else:
            self.chosen.discard(pair)
        self.dataChanged.emit(index, index, [role])
        self.changed_by_user.emit()
        return True


class MatrixModel(_Table):
    """Experts (rows, then a 合计 row) × submissions (columns, then a 合计 column)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.experts: list[Expert] = []
        self.submissions: list[tuple[str, str]] = []  # (id, intake source)
        self.assigned: dict[str, set[str]] = {}
        self.manual: dict[tuple[str, str], bool] = {}  # (expert, id) → assigned by hand
        self.conflicted: dict[tuple[str, str], str] = {}  # (expert, id) → declared unit
        self.minimum = 0

    def set_plan(self, experts: Sequence[Expert], submissions: Sequence[tuple[str, str]],
                 assignments: dict[str, list[str]], minimum: int, *,
                 manual: dict[tuple[str, str], bool] | None = None,
                 conflicted: dict[tuple[str, str], str] | None = None) -> None:
        self.beginResetModel()
        self.experts, self.submissions = list(experts), list(submissions)
        self.assigned = {e: set(s) for e, s in assignments.items()}
        self.manual, self.conflicted = dict(manual or {}), dict(conflicted or {})
        self.minimum = minimum
        self.endResetModel()

    def per_submission(self, sid: str) -> int:
        return sum(1 for s in self.assigned.values() if sid in s)

    def short(self) -> list[str]:
        """Submissions with fewer experts than the minimum."""
        return [sid for sid, _t in self.submissions if self.per_submission(sid) < self.minimum]

    def pair_at(self, index: AnyIndex) -> tuple[Expert, str, str] | None:
        """(expert, submission id, intake source) of a cell; None for the totals."""
        if not index.isValid() or index.row() >= len(self.experts) \
                or index.column() >= len(self.submissions):
            return None
        sid, source = self.submissions[index.column()]
        return self.experts[index.row()], sid, source

    def _row_count(self) -> int:
        return len(self.experts) + 1 if self.submissions else 0

    def _column_count(self) -> int:
        return len(self.submissions) + 1 if self.experts else 0

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if section == len(self.submissions):
                return tr(TOTAL) if role == Qt.ItemDataRole.DisplayRole else None
            sid, title = self.submissions[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return sid
            return title if role == Qt.ItemDataRole.ToolTipRole else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == len(self.experts):
            return tr(TOTAL)
        return f"{self.experts[section].id} {self.experts[section].name}"

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        total_row, total_column = row == len(self.experts), column == len(self.submissions)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if total_row and not total_column:
            count = self.per_submission(self.submissions[column][0])
            if role == Qt.ItemDataRole.DisplayRole:
                return str(count)
            if role == Qt.ItemDataRole.ForegroundRole and count < self.minimum:
                return QBrush(_RED)
            return None
        if total_row:
            return None
        assigned = self.assigned.get(self.experts[row].id, set())
        if total_column:
            return str(len(assigned)) if role == Qt.ItemDataRole.DisplayRole else None
        return self._cell(self.experts[row].id, self.submissions[column][0], assigned, role)

    def _cell(self, expert: str, sid: str, assigned: set[str], role: int) -> Any:
        manual = self.manual.get((expert, sid))
        unit = self.conflicted.get((expert, sid), "")
        if role == KEY_ROLE:
            return expert, sid
        if role == Qt.ItemDataRole.DisplayRole:
            if manual is not None:
                return MANUAL_ASSIGNED if manual else MANUAL_UNASSIGNED
            return ASSIGNED if sid in assigned else (CONFLICT if unit else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if manual and unit:
                return QBrush(_RED)
            return QBrush(_MANUAL) if manual is not None else (
                QBrush(_MUTED) if unit and sid not in assigned else None)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [tr(MANUAL_ON if manual else MANUAL_OFF)] if manual is not None else []
            if unit:
                parts.append(tr(CONFLICT_TIP).format(unit=unit))
            return "；".join(parts) or None
        return None
