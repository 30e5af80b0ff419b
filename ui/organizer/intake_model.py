"""The intake review's table as a Qt model, and its filter by status and by warning.

`IntakeModel` shows `IntakeRow`s (状态, 编号, 申报单位, 类别, 实践标题, 正文字数, 图片, 提示,
来源).  Rows arriving while a scan runs are inserted where they belong, and rows already
shown are updated in place, so the selection and the scroll position survive a scan.
`IntakeFilter` keeps the rows of one status and/or one warning code.  Warning codes get a
short label and an explanation here (`warning_label`, `warning_explanation`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.intake.messages import recognise_warning
from app.model import FIELD_LABELS, IntakeWarning
from ui.i18n import render
from ui.organizer.intake_rows import ATTENTION, EXCLUDED, INCLUDED, REJECTED, IntakeRow
from ui.organizer.table_model import AnyIndex, ListTableModel
from ui.roles import KEY_ROLE, ROW_ROLE, SORT_ROLE

_CTX = "IntakeModel"

STATUS_TEXT = {
    INCLUDED: QT_TRANSLATE_NOOP("IntakeModel", "纳入"),
    ATTENTION: QT_TRANSLATE_NOOP("IntakeModel", "需处理"),
    EXCLUDED: QT_TRANSLATE_NOOP("IntakeModel", "已排除"),
    REJECTED: QT_TRANSLATE_NOOP("IntakeModel", "无法读取"),
}
STATUS_COLOUR = {INCLUDED: QColor("#1d7a46"), ATTENTION: QColor("#b45309"),
                 EXCLUDED: QColor("#7b8794"), REJECTED: QColor("#b42318")}
STATUS_ORDER = {ATTENTION: 0, REJECTED: 1, INCLUDED: 2, EXCLUDED: 3}

# code → (short label, what it means and what the organizer can do)
WARNINGS = {
    "field_missing": (QT_TRANSLATE_NOOP("IntakeModel", "缺栏目"), QT_TRANSLATE_NOOP(
        "IntakeModel", "申报书中有栏目为空或没有找到。可在右侧补填该栏目，或确认后保留。")),
    "category_missing": (QT_TRANSLATE_NOOP("IntakeModel", "缺类别"), QT_TRANSLATE_NOOP(
        "IntakeModel", "没有读到评审细则中的实践类别（未勾选、勾选多个或写法不认识）。"
        "没有类别的申报不参加分类排名，请用“补填类别”选定。")),
    "word_count": (QT_TRANSLATE_NOOP("IntakeModel", "字数"), QT_TRANSLATE_NOOP(
        "IntakeModel", "详细内容的字数不在评审细则建议的范围内。一般只需确认并告知专家。")),
    "image_count": (QT_TRANSLATE_NOOP("IntakeModel", "图片数"), QT_TRANSLATE_NOOP(
        "IntakeModel", "附图数量不符合征集要求。可确认后保留，或联系申报单位补交。")),
    "image_format": (QT_TRANSLATE_NOOP("IntakeModel", "图片格式"), QT_TRANSLATE_NOOP(
        "IntakeModel", "附图不是要求的格式。专家仍可查看，一般确认即可。")),
    "image_resolution": (QT_TRANSLATE_NOOP("IntakeModel", "分辨率"), QT_TRANSLATE_NOOP(
        "IntakeModel", "附图分辨率低于要求。专家仍可查看，一般确认即可。")),
    "unreadable_file": (QT_TRANSLATE_NOOP("IntakeModel", "附件损坏"), QT_TRANSLATE_NOOP(
        "IntakeModel", "有附件无法安全打开，不会放入评审包。可联系申报单位重发。")),
    "unsafe_archive": (QT_TRANSLATE_NOOP("IntakeModel", "压缩包不安全"), QT_TRANSLATE_NOOP(
        "IntakeModel", "压缩包中有路径不安全的文件，已跳过。请核对是否缺少材料。")),
    "pii_phone": (QT_TRANSLATE_NOOP("IntakeModel", "手机号"), QT_TRANSLATE_NOOP(
        "IntakeModel", "专家可见的文字中有未脱敏的手机号。请在对应栏目中改为脱敏写法。")),
    "pii_id_number": (QT_TRANSLATE_NOOP("IntakeModel", "身份证号"), QT_TRANSLATE_NOOP(
        "IntakeModel", "专家可见的文字中有未脱敏的身份证号。请在对应栏目中改为脱敏写法。")),
    "pii_bank_card": (QT_TRANSLATE_NOOP("IntakeModel", "银行卡号"), QT_TRANSLATE_NOOP(
        "IntakeModel", "专家可见的文字中有未脱敏的银行卡号。请在对应栏目中改为脱敏写法。")),
    "duplicate": (QT_TRANSLATE_NOOP("IntakeModel", "疑似重复"), QT_TRANSLATE_NOOP(
        "IntakeModel", "与另一份申报的单位和标题相同。请用“标记为重复”保留其中一份。")),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def status_text(status: str) -> str:
    return tr(STATUS_TEXT.get(status, status))


def warning_message(warning: IntakeWarning) -> str:
    """A warning's message in the interface language (the core stores it in Chinese)."""
    return render(recognise_warning(warning.message))


def warning_label(code: str) -> str:
    return tr(WARNINGS[code][0]) if code in WARNINGS else code


def warning_explanation(code: str) -> str:
    return tr(WARNINGS[code][1]) if code in WARNINGS else ""


def field_label(key: str) -> str:
    """A form field's name (`app.model.FIELD_LABELS`) in the interface language; the
    names are marked in `app.intake.messages.FIELD_WORDS`, the warnings' context."""
    label = FIELD_LABELS.get(key, key)
    return QCoreApplication.translate("IntakeWarning", label)


class IntakeModel(ListTableModel):
    """One row per intake entry."""

    STATUS, ID, UNIT, CATEGORY, TITLE, BODY, IMAGES, WARNINGS, SOURCE = range(9)
    CONTEXT = "IntakeModel"
    HEADERS = (QT_TRANSLATE_NOOP("IntakeModel", "状态"), QT_TRANSLATE_NOOP("IntakeModel", "编号"),
               QT_TRANSLATE_NOOP("IntakeModel", "申报单位"), QT_TRANSLATE_NOOP("IntakeModel", "类别"),
               QT_TRANSLATE_NOOP("IntakeModel", "实践标题"), QT_TRANSLATE_NOOP("IntakeModel", "正文字数"),
               QT_TRANSLATE_NOOP("IntakeModel", "图片"), QT_TRANSLATE_NOOP("IntakeModel", "提示"),
               QT_TRANSLATE_NOOP("IntakeModel", "来源"))

    def row_at(self, row: int) -> IntakeRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, source: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.source == source), -1)

    def rows(self) -> list[IntakeRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[IntakeRow]) -> None:
        """Show `rows`: new ones inserted in place, the others updated where they are."""
        new = list(rows)
        old_sources = [r.source for r in self._rows]
        new_sources = [r.source for r in new]
        if not _is_subsequence(old_sources, new_sources):
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        present = set(old_sources)
        for position, row in enumerate(new):
            if row.source not in present:
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, row)
                self.endInsertRows()
        self._rows = new
        if new:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(new) - 1, len(self.HEADERS) - 1))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == KEY_ROLE:
            return row.source
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(STATUS_COLOUR[row.status])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.WARNINGS:
                return "\n".join(warning_message(w) for w in row.warnings) or None
            if column == self.STATUS and row.status in (EXCLUDED, REJECTED):
                return render(row.scanned.rejected or row.exclusion_reason)
            if column in (self.TITLE, self.SOURCE, self.UNIT):
                return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.BODY, self.IMAGES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: IntakeRow, column: int) -> str:
        if column == self.STATUS:
            return status_text(row.status)
        if column == self.ID:
            return row.submission_id
        if row.scanned.rejected and column not in (self.SOURCE, self.WARNINGS):
            return ""
        if column == self.WARNINGS:
            if row.scanned.rejected:
                return render(row.scanned.rejected)
            return "、".join(warning_label(c) + ("✓" if c in row.acknowledged else "")
                            for c in row.warning_codes)
        values = {self.UNIT: row.fields.get("unit", ""), self.CATEGORY: row.fields.get(
            "category", ""), self.TITLE: row.fields.get("title", ""),
            self.BODY: str(row.body_length), self.IMAGES: str(row.scanned.image_count),
            self.SOURCE: row.source}
        return values.get(column, "")

    def _sort_key(self, row: IntakeRow, column: int) -> Any:
        if column == self.STATUS:
            return STATUS_ORDER[row.status]
        if column == self.BODY:
            return row.body_length
        if column == self.IMAGES:
            return row.scanned.image_count
        if column == self.ID:
            return row.submission_id or "~"
        return self._display(row, column)


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(s == x for x in it) for s in short)


class IntakeFilter(QSortFilterProxyModel):
    """Rows of one status ("" = all) carrying one warning code ("" = any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status = ""
        self._warning = ""
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str) -> None:
        self._change(lambda: setattr(self, "_status", status))

    def set_warning(self, code: str) -> None:
        self._change(lambda: setattr(self, "_warning", code))

    def _change(self, change: Callable[[], None]) -> None:
        # Qt 6.10 deprecates invalidateFilter() for the begin/end pair; support both.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover — older Qt
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        row = model.row_at(source_row) if isinstance(model, IntakeModel) else None
        if row is None:
            return True
        if self._status and row.status != self._status:
            return False
        return not self._warning or self._warning in row.warning_codes
