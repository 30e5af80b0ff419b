"""Charts for the 结果 screen (QtCharts): how each expert's totals are spread.

One box plot per expert (minimum, quartiles, median, maximum of their totals) shows at a
glance who scores high, low or narrowly — what the 宽严偏移 column puts in one number.
The quartiles are computed here (`statistics.quantiles`, inclusive method), so the chart
is a pure function of the marks and testable without rendering.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBoxPlotSeries,
    QBoxSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from app.results.panel import Panel


def five_numbers(values: Iterable[float]) -> tuple[float, float, float, float, float]:
    """(min, lower quartile, median, upper quartile, max); one value repeats itself."""
    data = sorted(values)
    if not data:
        raise ValueError("no values")
    if len(data) == 1:
        return (data[0],) * 5
    q1, q2, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return data[0], q1, q2, q3, data[-1]


def expert_boxes(panel: Panel) -> list[tuple[str, tuple[float, float, float, float, float]]]:
    """(expert label, five numbers) for every expert with at least one total."""
    totals: dict[str, list[float]] = defaultdict(list)
    for mark in panel.marks:
        totals[mark.expert].append(float(mark.total))
    return [(expert.name or expert.id, five_numbers(totals[expert.id]))
            for expert in panel.experts.values() if totals.get(expert.id)]


def distribution_chart(panel: Panel) -> QChart:
    """A box plot of every expert's totals on the rubric's 0–max scale."""
    chart = QChart()
    chart.setTitle(QCoreApplication.translate("ResultsCharts", "各专家总分分布"))
    chart.legend().hide()
    series = QBoxPlotSeries()
    boxes = expert_boxes(panel)
    for label, numbers in boxes:
        series.append(QBoxSet(*numbers, label))
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([label for label, _numbers in boxes])
    axis_y = QValueAxis()
    top = max((float(panel.rubric.max_total(c)) for c in panel.rubric.categories), default=100.0)
    axis_y.setRange(0, top)
    axis_y.setTitleText(QCoreApplication.translate("ResultsCharts", "总分"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
    return chart


class DistributionView(QChartView):
    """The box-plot chart; `show_panel` replaces it with a new panel's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)

    def show_panel(self, panel: Panel | None) -> None:
        old = self.chart()
        self.setChart(distribution_chart(panel) if panel is not None and panel.marks
                      else QChart())
        if old is not None:
            old.deleteLater()
