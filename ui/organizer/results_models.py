"""The 结果 screen's tables: one read-only table model and the rows it shows.

Every table on the screen is a list of `Row`s (display texts, a sort key per column, the
submission or expert id it stands for, an optional tooltip and colour) in one
`RowsModel`.  The functions below turn `app.results` objects into rows; they are plain
functions so the tests check the content without a view.  Scores are shown with two
decimals but sorted by their unrounded values.  `make_table` is the one view style of
these tables.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from app.i18n import Message, recognise
from app.results.explain import agreement_sentence, alpha_too_few, too_few
from app.results.model import STATUS_LABELS, TEMPLATES, Results, RowStatus
from app.results.panel import Panel
from app.sheets.payload import FLAG_ARROW, flag_parts
from app.workspace.flags import FLAG_CONTEXT, FLAG_LABELS
from scoring.agreement import ICC_FORMS
from scoring.totals import format_score
from ui.i18n import join_list, render
from ui.organizer.table_model import read_only_table
from ui.plain_text import plain_tooltip
from ui.roles import KEY_ROLE, SORT_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex

_CTX = "ResultsModels"
_WARN = QColor("#b44d12")
_QUIET = QColor("#7b8794")
FLAG_BY_LABEL = {label: flag for flag, label in FLAG_LABELS.items()}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def result_text(text: str) -> str:
    """A row flag or re-review reason the engine wrote in Chinese, in the interface
    language (recognised against its templates, else translated as a marked word)."""
    message = recognise(text, TEMPLATES)
    if isinstance(message, Message):
        return render(message)
    return QCoreApplication.translate("ResultFlags", text)


def flags_text(text: str) -> str:
    """An expert's flags as the sheet wrote them ("疑似不实；类别不符→<类别>"), with the
    flags' names in the interface language (the suggested category is the rubric's)."""
    parts = []
    for written, label, category in flag_parts(text):
        flag = FLAG_BY_LABEL.get(label)
        if flag is None:
            parts.append(written.strip())  # not a flag this version knows: as it was written
            continue
        name = QCoreApplication.translate(FLAG_CONTEXT, FLAG_LABELS[flag])
        parts.append(f"{name}{FLAG_ARROW}{category}" if category else name)
    return join_list(p for p in parts if p)


def score_text(value: Decimal | None, places: int = 2) -> str:
    return "" if value is None else format_score(value, places)


def _float_text(value: float | None, places: int = 3) -> str:
    return "—" if value is None else f"{value:.{places}f}"


@dataclass
class Row:
    """One table row: what is shown, how each column sorts, and what it stands for."""

    cells: tuple[str, ...]
    sort: tuple[Any, ...] = ()
    key: str = ""
    tooltip: str = ""
    warn: bool = False
    quiet: bool = False
    numeric: frozenset[int] = field(default_factory=frozenset)


class RowsModel(QAbstractTableModel):
    """A read-only table of `Row`s under translated headers."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)  # marked with QT_TRANSLATE_NOOP, translated when shown
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row], headers: Sequence[str] | None = None) -> None:
        self.beginResetModel()
        if headers is not None:
            self._headers = list(headers)
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self._rows[index]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 — Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return tr(self._headers[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column] if column < len(row.cells) else ""
        if role == SORT_ROLE:
            return row.sort[column] if column < len(row.sort) else row.cells[column]
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.tooltip) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in row.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.warn:
                return QBrush(_WARN)
            if row.quiet:
                return QBrush(_QUIET)
        return None


# ------------------------------------------------------------------ 排名

RANKING_HEADERS = (
    QT_TRANSLATE_NOOP("ResultsModels", "名次"), QT_TRANSLATE_NOOP("ResultsModels", "编号"),
    QT_TRANSLATE_NOOP("ResultsModels", "标题"), QT_TRANSLATE_NOOP("ResultsModels", "申报单位"),
    QT_TRANSLATE_NOOP("ResultsModels", "最终得分"), QT_TRANSLATE_NOOP("ResultsModels", "评分数"),
    QT_TRANSLATE_NOOP("ResultsModels", "奖项"), QT_TRANSLATE_NOOP("ResultsModels", "提示"))


def place_change(place: int | None, other: int | None) -> tuple[str, int]:
    """"↑2" when the chosen method places it 2 higher than the comparison; "—" if equal."""
    if other is None or place is None:
        return "", 0
    moved = other - place
    if moved > 0:
        return f"↑{moved}", moved
    if moved < 0:
        return f"↓{-moved}", moved
    return "—", 0


def ranking_headers(compare_label: str) -> list[str]:
    """The ranking columns plus "较<method>"; the last one is built, so translated here."""
    return [*RANKING_HEADERS, QCoreApplication.translate("ResultsModels", "较“{method}”").format(method=compare_label)]


def ranking_rows(results: Results, category: str,
                 compare_places: Mapping[str, int] | None = None) -> list[Row]:
    rows = []
    for r in results.rankings.get(category, []):
        change, moved = place_change(r.place, (compare_places or {}).get(r.id))
        decided = (QCoreApplication.translate("ResultsModels", "并列区分依据：{rule}").format(
            rule=result_text(r.decided_by)) if r.decided_by else "")
        ranked = r.status == RowStatus.RANKED
        status = "" if ranked else QCoreApplication.translate("RowStatus", STATUS_LABELS[r.status])
        tooltip = QCoreApplication.translate("ResultsModels", "；").join(
            t for t in (render(r.status_reason), render(r.note), decided) if t)
        # A row not ranked for an award has no place: it sorts after every placed row.
        place = r.place if r.place is not None else 10**9
        rows.append(Row(
            cells=("—" if r.place is None else str(r.place), r.id, r.title, r.unit,
                   score_text(r.score), str(r.n), r.award or "",
                   QCoreApplication.translate("Message", "、").join(
                       x for x in (status, *(result_text(f) for f in r.flags)) if x), change),
            sort=(place, r.id, r.title, r.unit, r.score, r.n, r.award or "", len(r.flags),
                  moved),
            key=r.id, tooltip=tooltip, warn=bool(r.flags) or not ranked,
            numeric=frozenset({0, 4, 5, 8})))
    return rows


# -------------------------------------------------------------- 复核清单

RE_REVIEW_HEADERS = (
    QT_TRANSLATE_NOOP("ResultsModels", "编号"), QT_TRANSLATE_NOOP("ResultsModels", "类别"),
    QT_TRANSLATE_NOOP("ResultsModels", "标题"), QT_TRANSLATE_NOOP("ResultsModels", "最高分"),
    QT_TRANSLATE_NOOP("ResultsModels", "最低分"), QT_TRANSLATE_NOOP("ResultsModels", "分差"),
    QT_TRANSLATE_NOOP("ResultsModels", "原因"))


def re_review_rows(results: Results) -> list[Row]:
    return [Row(cells=(i.id, i.category, i.title, score_text(i.max, 1), score_text(i.min, 1),
                       score_text(i.spread, 1), QCoreApplication.translate("ResultsModels", "；")
                       .join(result_text(reason) for reason in i.reasons)),
                sort=(i.id, i.category, i.title, i.max, i.min, i.spread, len(i.reasons)),
                key=i.id, warn=True, numeric=frozenset({3, 4, 5}))
            for i in results.re_review]


def detail_headers(panel: Panel) -> list[str]:
    """专家, 总分, each criterion (the rubric's Chinese names), 评语."""
    return [QT_TRANSLATE_NOOP("ResultsModels", "专家"), QT_TRANSLATE_NOOP("ResultsModels", "总分"),
            *(c.name for c in panel.rubric.criteria), QT_TRANSLATE_NOOP("ResultsModels", "评语")]


def detail_rows(panel: Panel, submission: str) -> list[Row]:
    """Every expert's marks and comment for one submission (recused and missing too)."""
    totals = {m.expert: m.total for m in panel.marks if m.submission == submission}
    crit_ids = [c.id for c in panel.rubric.criteria]
    rows = []
    for expert in panel.experts.values():
        key = (expert.id, submission)
        if submission not in panel.assignments.get(expert.id, (submission,)):
            continue
        scores = panel.criteria.get(key, {})
        recused = panel.recusals.get(key)
        total = totals.get(expert.id)
        if recused is not None:
            total_text = QCoreApplication.translate("ResultsModels", "回避")
        elif total is None:
            total_text = QCoreApplication.translate("ResultsModels", "未评")
        else:
            total_text = score_text(total, 1)
        comment = panel.comments.get(key, "")
        if key in panel.flags:
            comment = f"〔{flags_text(panel.flags[key])}〕{comment}"
        rows.append(Row(
            cells=(f"{expert.name}（{expert.id}）", total_text,
                   *(score_text(scores.get(c), 1) for c in crit_ids),
                   recused or comment),
            sort=(expert.id, total if total is not None else Decimal(-1),
                  *(scores.get(c, Decimal(-1)) for c in crit_ids), comment),
            key=expert.id, tooltip=recused or comment, quiet=total is None,
            numeric=frozenset(range(1, 2 + len(crit_ids)))))
    return rows


# -------------------------------------------------------------- 专家统计

EXPERT_HEADERS = (
    QT_TRANSLATE_NOOP("ResultsModels", "专家"), QT_TRANSLATE_NOOP("ResultsModels", "评分表版本"),
    QT_TRANSLATE_NOOP("ResultsModels", "有效评分"), QT_TRANSLATE_NOOP("ResultsModels", "回避"),
    QT_TRANSLATE_NOOP("ResultsModels", "平均分"), QT_TRANSLATE_NOOP("ResultsModels", "标准差"),
    QT_TRANSLATE_NOOP("ResultsModels", "最低"), QT_TRANSLATE_NOOP("ResultsModels", "最高"),
    QT_TRANSLATE_NOOP("ResultsModels", "宽严偏移"))


def expert_rows(results: Results) -> list[Row]:
    rows = []
    for s in results.expert_stats.values():
        offset = "" if s.offset is None else f"{float(s.offset):+.2f}"
        rows.append(Row(
            cells=(f"{s.name}（{s.expert}）", "" if s.version is None else str(s.version),
                   str(s.n), str(s.recused), score_text(s.mean), _float_text(s.stdev, 2),
                   score_text(s.min, 1), score_text(s.max, 1), offset),
            sort=(s.expert, s.version or 0, s.n, s.recused, s.mean or Decimal(-1),
                  s.stdev or -1.0, s.min or Decimal(-1), s.max or Decimal(-1),
                  s.offset or Decimal(0)),
            key=s.expert, quiet=s.n == 0,
            tooltip=QCoreApplication.translate(
                "ResultsModels", "宽严偏移：加性模型拟合的该专家相对全体的平均宽严（正数偏宽）"),
            numeric=frozenset(range(1, 9))))
    return rows


# ---------------------------------------------------------------- 一致性

def agreement_headers() -> list[str]:
    return [QT_TRANSLATE_NOOP("ResultsModels", "类别"),
            QT_TRANSLATE_NOOP("ResultsModels", "作品数"),
            QT_TRANSLATE_NOOP("ResultsModels", "专家数"), *ICC_FORMS, "Kendall W", "p",
            "Krippendorff α"]


def agreement_rows(results: Results) -> list[Row]:
    rows = []
    for cat, a in results.agreement.items():
        if a.n_subs == 0:
            continue  # a category nobody scored has nothing to agree on
        # Too few fully scored submissions: no ICC, W or α figure is shown as if it were a
        # finding; the sentence below the table (the tooltip) says why.
        icc = {} if too_few(a) else (a.icc or {})
        w, p = (a.kendall[0], a.kendall[3]) if a.kendall and not too_few(a) else (None, None)
        alpha = None if alpha_too_few(a) else a.alpha
        rows.append(Row(
            cells=(cat, str(a.n_subs), str(a.n_experts),
                   *(_float_text(icc.get(form)) for form in ICC_FORMS),
                   _float_text(w), _float_text(p, 4), _float_text(alpha)),
            sort=(cat, a.n_subs, a.n_experts, *(icc.get(f) or -9.0 for f in ICC_FORMS),
                  w or -9.0, p or 9.0, alpha or -9.0),
            key=cat, tooltip=render(agreement_sentence(a)),
            numeric=frozenset(range(1, 4 + len(ICC_FORMS) + 2))))
    return rows


def make_table(parent: QWidget, model: RowsModel, stretch: int | None = None) -> QTableView:
    """A sortable, read-only, row-selecting view of `model` (column `stretch` takes the rest)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = read_only_table(parent, proxy)
    view.setSortingEnabled(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
