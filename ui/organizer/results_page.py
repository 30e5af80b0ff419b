"""结果: rankings per category, the change of places between two methods, the re-review
list with every expert's marks, per-expert distributions, agreement, and the export.

Reading the packet and the organizer database (`load_panel`) and every computation run
on the task runner; the page shows 正在计算… meanwhile, and a result that arrives after
the user changed the method again is dropped (a generation counter).  The panel is read
once and kept, with its `ResultsEngine`, until 刷新 (or a new import) asks for it again,
so switching methods only re-aggregates.  Errors appear inside the page, never as a crash.
With a `DecisionStore`, the organizer's decisions are read with the panel and applied, and
the 组织方决定 tab changes them (ui/organizer/decisions_tab.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.results.decision_store import DecisionStore
from app.results.decisions import NO_DECISIONS
from app.results.engine import NoValidMarks, ResultsEngine
from app.results.model import Results
from app.results.outputs import write_outputs
from app.results.panel import Panel
from scoring.aggregate import METHOD_LABELS, METHODS
from ui.file_dialogs import RESULTS, existing_folder
from ui.i18n import error_text, join_list
from ui.organizer.charts import DistributionView
from ui.organizer.decisions_tab import DecisionsTab
from ui.organizer.results_models import (
    EXPERT_HEADERS,
    RE_REVIEW_HEADERS,
    RowsModel,
    agreement_headers,
    agreement_rows,
    detail_headers,
    detail_rows,
    expert_rows,
    make_table,
    ranking_headers,
    ranking_rows,
    re_review_rows,
)
from ui.plain_text import plain_labels

DEFAULT_COMPARE = "mean"


def method_text(method: str) -> str:
    """A method's label (from the registry, marked there) in the interface language."""
    return QCoreApplication.translate("AggregationMethod", METHOD_LABELS[method])


@dataclass(frozen=True)
class Computed:
    """What one background computation hands back."""

    engine: ResultsEngine
    results: Results
    places: dict[str, dict[str, int]]  # method → {submission: place}, chosen and compared

    @property
    def panel(self) -> Panel:
        return self.engine.panel


def compute(engine: ResultsEngine, method: str, compare: str) -> Computed:
    return Computed(engine, engine.results(method), engine.compare(sorted({method, compare})))


def choose_output_folder(parent: QWidget) -> Path | None:
    return existing_folder(parent, RESULTS, QCoreApplication.translate("ResultsPage", "选择结果文件的保存文件夹"))


class ResultsPage(QWidget):
    """The organizer's 结果 tab."""

    status_message = Signal(str)
    import_wanted = Signal()  # 前往导入评分表: the window shows its import page

    def __init__(self, runner: Any, load_panel: Callable[[], Panel], parent: QWidget | None = None,
                 *, choose_folder: Callable[[QWidget], Path | None] = choose_output_folder,
                 decisions: DecisionStore | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._load_panel = load_panel
        self._decisions = decisions
        self._choose_folder = choose_folder
        self._engine: ResultsEngine | None = None  # the panel read last, with its results
        self.computed: Computed | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        plain_labels(self.message)
        # With nothing imported yet the page points to the window's own import page.
        self.import_button = QPushButton(self.tr("前往“导入评分表”页(&I)"), self)
        self.import_button.clicked.connect(self.import_wanted)
        self.import_button.hide()
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.import_button)
        layout.addLayout(message_row)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_rankings(), self.tr("排名"))
        self.tabs.addTab(self._build_re_review(), self.tr("复核清单"))
        self.tabs.addTab(self._build_experts(), self.tr("专家分布"))
        self.tabs.addTab(self._build_agreement(), self.tr("一致性"))
        self.decisions_tab: DecisionsTab | None = None
        if decisions is not None:
            self.decisions_tab = DecisionsTab(runner, decisions, self._submission_ids,
                                              self._selected_ids, self)
            self.decisions_tab.changed.connect(self.recompute)
            self.decisions_tab.failed.connect(self.message.setText)
            self.tabs.addTab(self.decisions_tab, self.tr("组织方决定"))
        layout.addWidget(self.tabs, 1)
        self._set_busy(False)

    # -- layout -------------------------------------------------------------------------

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.method_combo = QComboBox(self)
        self.compare_combo = QComboBox(self)
        for method in METHODS:
            self.method_combo.addItem(method_text(method), method)
            self.compare_combo.addItem(method_text(method), method)
        self.compare_combo.setCurrentIndex(METHODS.index(DEFAULT_COMPARE))
        self.method_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.compare_combo.currentIndexChanged.connect(lambda _i: self.recompute())
        self.refresh_button = QPushButton(self.tr("刷新(&R)"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出结果(&X)…"), self)
        self.export_button.clicked.connect(self.export)
        bar.addWidget(QLabel(self.tr("汇总方法："), self))
        bar.addWidget(self.method_combo, 2)
        bar.addWidget(QLabel(self.tr("对比方法："), self))
        bar.addWidget(self.compare_combo, 2)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.export_button)
        return bar

    def _build_rankings(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("类别："), page))
        self.category_combo = QComboBox(page)
        self.category_combo.currentIndexChanged.connect(lambda _i: self._show_rankings())
        row.addWidget(self.category_combo)
        row.addStretch(1)
        layout.addLayout(row)
        self.ranking_model = RowsModel(ranking_headers(""), page)
        self.ranking_view = make_table(page, self.ranking_model, stretch=2)
        layout.addWidget(self.ranking_view, 1)
        self.ranking_note = QLabel(page)
        self.ranking_note.setWordWrap(True)
        plain_labels(self.ranking_note)  # titles and ids from the packet
        layout.addWidget(self.ranking_note)
        return page

    def _build_re_review(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.re_review_model = RowsModel(RE_REVIEW_HEADERS, splitter)
        self.re_review_view = make_table(splitter, self.re_review_model, stretch=2)
        self.re_review_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._show_detail(current))
        self.detail_model = RowsModel((), splitter)
        self.detail_view = make_table(splitter, self.detail_model)
        self.detail_view.horizontalHeader().setStretchLastSection(True)
        splitter.addWidget(self.re_review_view)
        splitter.addWidget(self.detail_view)
        return splitter

    def _build_experts(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.chart_view = DistributionView(splitter)
        self.expert_model = RowsModel(EXPERT_HEADERS, splitter)
        self.expert_view = make_table(splitter, self.expert_model, stretch=0)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.expert_view)
        splitter.setSizes([420, 200])
        return splitter

    def _build_agreement(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.agreement_model = RowsModel(agreement_headers(), page)
        self.agreement_view = make_table(page, self.agreement_model)
        layout.addWidget(self.agreement_view, 1)
        self.agreement_text = QLabel(page)
        self.agreement_text.setWordWrap(True)
        plain_labels(self.agreement_text)
        self.agreement_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.agreement_text)
        return page

    # -- computing ----------------------------------------------------------------------

    @property
    def method(self) -> str:
        return self.method_combo.currentData()

    @property
    def compare_method(self) -> str:
        return self.compare_combo.currentData()

    def refresh(self) -> None:
        """Read the accepted sheets again (after an import), then compute."""
        self._engine = None
        self.recompute()

    def recompute(self) -> None:
        self._generation += 1
        generation, engine = self._generation, self._engine
        method, other = self.method, self.compare_method
        self._set_busy(True)
        self.message.setText(self.tr("正在计算…"))

        store = self._decisions

        def work() -> Computed:
            decisions = store.load() if store is not None else NO_DECISIONS
            panel = engine.panel if engine is not None else self._load_panel()
            same = engine is not None and engine.decisions == decisions
            return compute(engine if same else ResultsEngine(panel, decisions), method, other)

        self._runner.run(work, on_done=lambda c: self._computed(generation, c),
                         on_error=lambda err: self._failed(generation, err))

    def _computed(self, generation: int, computed: Computed) -> None:
        if generation != self._generation:
            return  # the user asked for something else meanwhile
        self._engine, self.computed = computed.engine, computed
        self._set_busy(False)
        self.import_button.hide()
        results = computed.results
        self.message.setText(self.tr(
            "{method}：{experts} 位专家的 {marks} 条有效评分；复核清单 {review} 件，"
            "离群评分 {outliers} 条，跨越奖项线的并列 {ties} 处。").format(
                method=method_text(results.method), experts=len(computed.panel.accepted_experts),
                marks=len(computed.panel.marks), review=len(results.re_review),
                outliers=len(results.outliers), ties=len(results.quota_ties)))
        current = self.category_combo.currentText()
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        shown = [c for c, rows in results.rankings.items() if rows or results.unscored.get(c)]
        self.category_combo.addItems(shown)
        if current in shown:
            self.category_combo.setCurrentText(current)
        self.category_combo.blockSignals(False)
        self._show_rankings()
        self.re_review_model.set_rows(re_review_rows(results))
        self.detail_model.set_rows([], detail_headers(computed.panel))
        self.expert_model.set_rows(expert_rows(results))
        self.chart_view.show_panel(computed.panel)
        self.agreement_model.set_rows(agreement_rows(results))
        self.agreement_text.setText("\n".join(
            row.tooltip for row in agreement_rows(results)))
        if self.decisions_tab is not None:
            self.decisions_tab.show_notes(results.decisions)

    def _failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.computed = None
        for model in (self.ranking_model, self.re_review_model, self.detail_model,
                      self.expert_model, self.agreement_model):
            model.set_rows([])
        self.chart_view.show_panel(None)
        self.import_button.setVisible(isinstance(err, NoValidMarks))
        if isinstance(err, NoValidMarks):  # the GUI's own way, not the command line's
            self.message.setText(self.tr("还没有任何有效评分：请先在“导入评分表”页导入并接受"
                                         "专家交回的评分表，结果会随之更新。"))
            return
        self.message.setText(error_text(err) if isinstance(err, PanelDeskError) else self.tr(
            "计算结果时发生内部错误（{kind}: {detail}）。").format(
                kind=type(err).__name__, detail=err))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.method_combo, self.compare_combo, self.refresh_button):
            widget.setEnabled(not busy)
        self.export_button.setEnabled(not busy and self.computed is not None)

    # -- showing ------------------------------------------------------------------------

    def _show_rankings(self) -> None:
        if self.computed is None:
            return
        results, category = self.computed.results, self.category_combo.currentText()
        other = self.computed.places.get(self.compare_method, {})
        self.ranking_model.set_rows(ranking_rows(results, category, other),
                                    ranking_headers(method_text(self.compare_method)))
        self.ranking_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        notes = [self.tr("{award}：第 {place} 名有 {count} 件并列（{ids}），名额只剩 {slots} 个，"
                         "须由评审组决定。").format(award=t.award, place=t.place,
                                                 count=len(t.submissions),
                                                 ids=join_list(t.submissions), slots=t.slots)
                 for t in results.quota_ties if t.category == category]
        unscored = results.unscored.get(category, [])
        if unscored:
            notes.append(self.tr("尚无有效评分、未排名：{ids}").format(ids=join_list(unscored)))
        self.ranking_note.setText("\n".join(notes))

    def _submission_ids(self) -> list[str]:
        return list(self.computed.panel.submissions) if self.computed is not None else []

    def _selected_ids(self) -> list[str]:
        """The submissions selected in the ranking (a new decision starts with them)."""
        proxy = self.ranking_view.model()
        return [self.ranking_model.row(proxy.mapToSource(i).row()).key
                for i in self.ranking_view.selectionModel().selectedRows()]

    def _show_detail(self, index: Any) -> None:
        if self.computed is None or not index.isValid():
            return
        proxy = self.re_review_view.model()
        row = self.re_review_model.row(proxy.mapToSource(index).row())
        self.detail_model.set_rows(detail_rows(self.computed.panel, row.key),
                                   detail_headers(self.computed.panel))

    # -- export -------------------------------------------------------------------------

    def export(self) -> None:
        """导出结果…: results.xlsx, report.docx and results.json into a chosen folder."""
        if self.computed is None:
            return
        folder = self._choose_folder(self)
        if folder is None:
            return
        computed = self.computed
        self.status_message.emit(self.tr("正在导出结果…"))

        def work() -> list[Path]:
            comparison = computed.engine.compare()
            return write_outputs(computed.panel, computed.results, folder,
                                 comparison=comparison)

        self._runner.run(work, on_done=self._exported, on_error=self._export_failed)

    def _exported(self, paths: list[Path]) -> None:
        text = self.tr("已导出：{files}").format(files=join_list(paths))
        self.message.setText(text)
        self.status_message.emit(text)

    def _export_failed(self, err: BaseException) -> None:
        text = error_text(err) if isinstance(err, PanelDeskError) else self.tr(
            "导出结果时发生内部错误（{kind}: {detail}）。").format(kind=type(err).__name__,
                                                           detail=err)
        self.message.setText(text)
        self.status_message.emit(text)
