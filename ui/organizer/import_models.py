"""The import screen's tables as Qt models, tested without views.

- `ImportResultsModel`: one row per imported file (文件, 结果, 专家, 版本, 说明); importing
  the same file again replaces its row, so the table always shows each file's latest
  outcome.  A row whose import itself failed (database down, internal error) has the
  outcome `ERROR` — every file gets a row, nothing is dropped silently.
- `DiffModel`: the differing cells of a TAMPERED sheet (申报, 字段, 签名时, 现在).
- `ExpertOverviewModel`: per roster expert, from `app.sheets.importer.expert_overview`.
- `RejectedFilesModel`: every rejected file logged in the organizer database; one that
  was accepted later (its key compared and pinned) is marked 已核对密钥并导入.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.i18n import recognise
from app.sheets.importer import (
    CONFLICT,
    DUPLICATE,
    INVALID,
    KEY_MISMATCH,
    SUPERSEDED,
    TEMPLATES,
    UNKNOWN_KEY,
    VALID,
    WRONG_PACKET,
    ImportOutcome,
)
from app.sheets.verify import MALFORMED, TAMPERED, UNSIGNED, DiffItem
from ui.i18n import render
from ui.organizer.table_model import AnyIndex, ListTableModel
from ui.plain_text import plain_tooltip
from ui.roles import ROW_ROLE

ERROR = "ERROR"  # not an import outcome: importing the file failed (see the message)
_CTX = "ImportModels"
translate = QCoreApplication.translate  # with a literal context, so lupdate files it there

# The same words as app.sheets.importer.OUTCOME_LABELS (a test keeps them equal), marked
# here so lupdate finds them and the English interface can translate them.
OUTCOME_TEXT = {
    VALID: QT_TRANSLATE_NOOP("ImportModels", "有效"),
    TAMPERED: QT_TRANSLATE_NOOP("ImportModels", "已被改动"),
    UNKNOWN_KEY: QT_TRANSLATE_NOOP("ImportModels", "未登记的密钥"),
    KEY_MISMATCH: QT_TRANSLATE_NOOP("ImportModels", "密钥不符"),
    WRONG_PACKET: QT_TRANSLATE_NOOP("ImportModels", "不属于本评审包"),
    INVALID: QT_TRANSLATE_NOOP("ImportModels", "数值无效"),
    SUPERSEDED: QT_TRANSLATE_NOOP("ImportModels", "旧版本"),
    DUPLICATE: QT_TRANSLATE_NOOP("ImportModels", "重复导入"),
    CONFLICT: QT_TRANSLATE_NOOP("ImportModels", "版本冲突"),
    UNSIGNED: QT_TRANSLATE_NOOP("ImportModels", "未签名"),
    MALFORMED: QT_TRANSLATE_NOOP("ImportModels", "文件无效"),
    ERROR: QT_TRANSLATE_NOOP("ImportModels", "导入出错"),
}
_GOOD, _QUIET, _BAD, _WARN = (QColor("#1d7a46"), QColor("#7b8794"), QColor("#b42318"),
                              QColor("#b45309"))
OUTCOME_COLOUR = {VALID: _GOOD, DUPLICATE: _QUIET, SUPERSEDED: _QUIET, UNKNOWN_KEY: _WARN}
_EMPTY = QT_TRANSLATE_NOOP("ImportModels", "（空）")


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def outcome_text(outcome: str) -> str:
    return tr(OUTCOME_TEXT.get(outcome, outcome))


def explanation_text(text: str) -> str:
    """An import's explanation (made, or stored as Chinese text and recognised against
    `app.sheets.importer.TEMPLATES`) in the interface language."""
    return render(recognise(text, TEMPLATES))


def outcome_brush(outcome: str) -> QBrush:
    return QBrush(OUTCOME_COLOUR.get(outcome, _BAD))


def local_time(stamp: str | None) -> str:
    """"2026-03-10T01:00:00Z" → "2026-03-10 09:00" in this computer's time zone."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def expert_label(names: Mapping[str, str], expert: str | None) -> str:
    """"林思远（E1）", or the bare id of an expert not in the roster."""
    if not expert:
        return ""
    name = names.get(expert)
    return f"{name}（{expert}）" if name else expert


@dataclass
class ResultRow(ImportOutcome):
    """One imported file as the screen shows it: the importer's outcome, or ERROR when
    the import itself failed for that file."""

    @classmethod
    def from_outcome(cls, o: ImportOutcome) -> ResultRow:
        return cls(o.file, o.outcome, o.explanation, o.expert, o.version, o.fingerprint,
                   list(o.diff))

    @classmethod
    def error(cls, file: Path, message: str) -> ResultRow:
        return cls(file, ERROR, message)


class _Table(ListTableModel):
    """A read-only table: subclasses give `HEADERS` and `cell(row, column, role)`."""

    CONTEXT = _CTX

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()


class ImportResultsModel(_Table):
    """Each imported file's latest outcome; `names` maps expert id → name."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportModels", "文件"), QT_TRANSLATE_NOOP("ImportModels", "结果"),
               QT_TRANSLATE_NOOP("ImportModels", "专家"), QT_TRANSLATE_NOOP("ImportModels", "版本"),
               QT_TRANSLATE_NOOP("ImportModels", "说明"))
    FILE, OUTCOME, EXPERT, VERSION, EXPLANATION = range(5)

    def __init__(self, names: Mapping[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = dict(names or {})

    def add_results(self, rows: Sequence[ResultRow]) -> list[int]:
        """Add (or replace, for a file already listed) rows; returns their row numbers."""
        out = []
        for new in rows:
            at = next((i for i, r in enumerate(self._rows) if r.file == new.file), None)
            if at is None:
                at = len(self._rows)
                self.beginInsertRows(QModelIndex(), at, at)
                self._rows.append(new)
                self.endInsertRows()
            else:
                self._rows[at] = new
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.HEADERS) - 1))
            out.append(at)
        return out

    def rows(self) -> list[ResultRow]:
        return list(self._rows)

    def unknown_key_files(self, expert: str, fingerprint: str) -> list[Path]:
        """Files still waiting for this expert's key (same fingerprint) to be accepted."""
        return [r.file for r in self._rows if r.outcome == UNKNOWN_KEY
                and r.expert == expert and r.fingerprint == fingerprint]

    def cell(self, row: ResultRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.file.name, outcome_text(row.outcome), expert_label(self._names, row.expert),
                    "" if row.version is None else str(row.version),
                    explanation_text(row.explanation).replace("\n", " "))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(str(row.file) if column == self.FILE
                                 else explanation_text(row.explanation))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.OUTCOME:
            return outcome_brush(row.outcome)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VERSION:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class DiffModel(_Table):
    """The cells of a TAMPERED sheet that differ from what the expert signed."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportModels", "申报"), QT_TRANSLATE_NOOP("ImportModels", "字段"),
               QT_TRANSLATE_NOOP("ImportModels", "签名时的值"),
               QT_TRANSLATE_NOOP("ImportModels", "现在的值"))

    def cell(self, row: DiffItem, column: int, role: int) -> Any:
        # The column names and the yes/no of a check box are marked in app.sheets.verify
        # ("SheetImport"); the cells' own texts are the expert's.
        value = (row.submission, *(None if text is None else QCoreApplication.translate(
            "SheetImport", text) for text in (row.field, row.signed, row.found)))[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if value is None:
                return tr(_EMPTY)
            return plain_tooltip(value) if role == Qt.ItemDataRole.ToolTipRole else value
        if role == Qt.ItemDataRole.ForegroundRole:
            if value is None:
                return QBrush(_QUIET)
            if column == 3:
                return QBrush(_BAD)
        return None


class ExpertOverviewModel(_Table):
    """Per expert: latest accepted version, scored / recused / missing, rejected files."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportModels", "专家"),
               QT_TRANSLATE_NOOP("ImportModels", "最新版本"),
               QT_TRANSLATE_NOOP("ImportModels", "已评"), QT_TRANSLATE_NOOP("ImportModels", "回避"),
               QT_TRANSLATE_NOOP("ImportModels", "未评"),
               QT_TRANSLATE_NOOP("ImportModels", "部分评分"),
               QT_TRANSLATE_NOOP("ImportModels", "被拒文件"))
    EXPERT, VERSION, SCORED, RECUSED, MISSING, PARTIAL, REJECTED = range(7)

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.EXPERT:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.VERSION and row["version"] is None:
                return QBrush(_QUIET)
            if column == self.MISSING and row["missing"]:
                return QBrush(_WARN)
            if column == self.PARTIAL and row["partial"]:
                return QBrush(_WARN)
            if column == self.REJECTED and row["rejected"]:
                return QBrush(_BAD)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REJECTED:
            return plain_tooltip("\n".join(f"{r['file']}：{outcome_text(r['outcome'])}"
                                            for r in row["rejected"])) or None
        return None

    def _text(self, row: dict[str, Any], column: int) -> str:
        if column == self.EXPERT:
            return expert_label({row["expert"]: row["name"]}, row["expert"])
        if column == self.VERSION:
            if row["version"] is None:
                return translate("ImportModels", "未交")
            return translate("ImportModels", "第 {version} 版").format(version=row["version"])
        if column == self.PARTIAL:
            if row["partial"] is None:
                return "—"
            return (translate("ImportModels", "是") if row["partial"]
                    else translate("ImportModels", "否"))
        if column == self.REJECTED:
            return str(len(row["rejected"]))
        key = {self.SCORED: "scored", self.RECUSED: "recused", self.MISSING: "missing"}[column]
        return f"{row[key]} / {row['assigned']}" if column == self.SCORED else str(row[key])


class RejectedFilesModel(_Table):
    """Every rejected file in the organizer database, oldest first."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportModels", "文件"), QT_TRANSLATE_NOOP("ImportModels", "结果"),
               QT_TRANSLATE_NOOP("ImportModels", "专家"), QT_TRANSLATE_NOOP("ImportModels", "版本"),
               QT_TRANSLATE_NOOP("ImportModels", "原因"),
               QT_TRANSLATE_NOOP("ImportModels", "记录时间"),
               QT_TRANSLATE_NOOP("ImportModels", "后续"))
    OUTCOME = 1

    def __init__(self, names: Mapping[str, str] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = dict(names or {})

    def cell(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            version = row.get("version")
            return (row["file_name"], outcome_text(row["outcome"]),
                    expert_label(self._names, row.get("expert_id")),
                    "" if version is None else str(version),
                    explanation_text(row["reason"]).replace("\n", " "),
                    local_time(row.get("imported_at")),
                    translate("ImportModels", "已核对密钥并导入") if row.get("resolved") else "")[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(explanation_text(row["reason"]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.get("resolved"):
                return QBrush(_QUIET)  # settled: shown for the record, not as a problem
            if column == self.OUTCOME:
                return outcome_brush(row["outcome"])
        return None
