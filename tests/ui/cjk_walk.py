"""Everything a window shows, as text, and the Chinese left in it that is not data.

`shown_texts(widget)` walks a window the way a reader would: labels, buttons, tab and
group titles, combo-box items, placeholders, tooltips, menus and their actions, window
titles, text views, chart titles and axes, and every item model a view shows (each
cell's display text and tooltip, and the headers).  `chinese_left(texts, data)` keeps
what still has Chinese in it after the packet's and the rubric's own texts (`data`) are
taken out — in English mode that is a string the interface forgot to translate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Leftovers shorter than this that appear inside a data text are not taken as data: a
# short word ("评分不足") could appear in a rubric's descriptor by chance; an excerpt of an
# application's body (a preview cut off with "…") is longer.
EXCERPT_MIN = 8
MAX_ROWS = 400  # enough rows of any table to see every kind of text it shows
# Views that show an applicant's file as it is laid out: its own headings are data too.
FILE_VIEWS = {"originalForm"}


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text `window` and its children show."""
    out: list[tuple[str, str]] = []

    def add(where: str, text: Any) -> None:
        if isinstance(text, str) and text.strip():
            out.append((where, text))

    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        name = f"{type(widget).__name__}({widget.objectName()})"
        add(f"{name}.windowTitle", widget.windowTitle() if widget.isWindow() else "")
        add(f"{name}.toolTip", widget.toolTip())
        add(f"{name}.whatsThis", widget.whatsThis())
        if isinstance(widget, QLabel | QAbstractButton):
            add(f"{name}.text", widget.text())
        elif isinstance(widget, QGroupBox):
            add(f"{name}.title", widget.title())
        elif isinstance(widget, QLineEdit):
            add(f"{name}.text", widget.text())
            add(f"{name}.placeholder", widget.placeholderText())
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            if widget.objectName() not in FILE_VIEWS:
                add(f"{name}.text", widget.toPlainText())
            add(f"{name}.placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(f"{name}.item{i}", widget.itemText(i))
                add(f"{name}.item{i}.tip", widget.itemData(i, Qt.ItemDataRole.ToolTipRole))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(f"{name}.tab{i}", widget.tabText(i))
                add(f"{name}.tab{i}.tip", widget.tabToolTip(i))
        elif isinstance(widget, QMenu):
            add(f"{name}.title", widget.title())
        elif isinstance(widget, QChartView) and widget.chart() is not None:
            chart = widget.chart()
            add(f"{name}.chart", chart.title())
            for axis in chart.axes():
                add(f"{name}.axis", axis.titleText())
        if (isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView)
                and widget.model() is not None):  # a header shows its view's model
            out.extend((f"{name}.model{where}", text) for where, text in model_texts(widget.model()))
        for action in widget.actions():
            add(f"{name}.action", action.text())
            add(f"{name}.action.tip", action.toolTip() if action.toolTip() != action.text()
                .replace("&", "") else "")
            add(f"{name}.action.status", action.statusTip())
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add("menu", action.text())
            if action.menu() is not None:
                out.extend(_menu_texts(action.menu()))
        add("statusBar", window.statusBar().currentMessage())
    return out


def _menu_texts(menu: QMenu) -> list[tuple[str, str]]:
    out = []
    for action in menu.actions():
        if action.text().strip():
            out.append(("menu", action.text()))
        if action.toolTip().strip() and action.toolTip() != action.text().replace("&", ""):
            out.append(("menu.tip", action.toolTip()))
        if action.menu() is not None:
            out.extend(_menu_texts(action.menu()))
    return out


def model_texts(model: QAbstractItemModel) -> list[tuple[str, str]]:
    """Headers, and each cell's display text and tooltip (children of tree items too)."""
    out: list[tuple[str, str]] = []
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)

    def columns(parent: QModelIndex) -> int:  # a list model hides its columnCount
        return 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)

    for orientation, count in ((Qt.Orientation.Horizontal, columns(QModelIndex())),
                               (Qt.Orientation.Vertical, min(model.rowCount(QModelIndex()), MAX_ROWS))):
        for section in range(count):
            for role in roles:
                value = model.headerData(section, orientation, role)
                if isinstance(value, str) and value.strip():
                    out.append((f"[header {section}]", value))

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), MAX_ROWS)):
            for column in range(columns(parent)):
                index = model.index(row, column, parent)
                for role in roles:
                    value = index.data(role)
                    if isinstance(value, str) and value.strip():
                        out.append((f"[{row},{column}]", value))
            first = model.index(row, 0, parent)
            if depth < 3 and model.rowCount(first) > 0:
                walk(first, depth + 1)

    walk(QModelIndex(), 0)
    return out


def data_strings(*sources: Any) -> set[str]:
    """Every string with Chinese in it found in `sources` (nested dicts, lists, dataclasses
    through their `__dict__`, tuples), each also cut at its line breaks."""
    found: set[str] = set()
    seen: set[int] = set()

    def visit(value: Any) -> None:
        if isinstance(value, str):
            if CJK.search(value):
                found.add(value)
                found.update(line.strip() for line in value.splitlines() if CJK.search(line))
            return
        if id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, dict):
            for key, item in value.items():
                visit(key)
                visit(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                visit(item)
        elif hasattr(value, "__dict__"):
            visit(vars(value))
        elif hasattr(value, "__dataclass_fields__"):
            for name in value.__dataclass_fields__:
                visit(getattr(value, name, None))

    for source in sources:
        visit(source)
    return found


def chinese_left(texts: Iterable[tuple[str, str]], data: set[str]) -> list[tuple[str, str]]:
    """(where, leftover) for every text that still has Chinese once data is taken out."""
    ordered = sorted(data, key=len, reverse=True)
    corpus = "\n".join(ordered)
    left: list[tuple[str, str]] = []
    for where, text in texts:
        rest = text
        for known in ordered:
            if known in rest:
                rest = rest.replace(known, " ")
        runs = [run for run in re.findall(r"[^\s\x00-\x7f]+", rest) if CJK.search(run)]
        runs = [run for run in runs
                if not (len(run.strip("…")) >= EXCERPT_MIN and run.strip("…") in corpus)]
        if runs:
            left.append((where, text))
    return left
