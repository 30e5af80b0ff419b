"""The review window's keyboard shortcuts, and the Help ▸ 快捷键 dialog listing them.

One table (`SHORTCUTS`) is the source for both the window's actions and the dialog, so
the help can never disagree with what the keys do.  The criterion keys follow the
rubric: Ctrl+1 … Ctrl+9 for as many criteria as it has (`criterion_keys`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# Formatted with the criterion's number n and name where shown.
CRITERION_TEXT = QT_TRANSLATE_NOOP("ShortcutsDialog", "跳到第 {n} 个评分项（{name}）")
MAX_CRITERION_KEYS = 9  # Ctrl+1 … Ctrl+9
# action name → (keys, description).  Descriptions are translated where shown.
SHORTCUTS: dict[str, tuple[tuple[str, ...], str]] = {
    "next": (("Ctrl+Down", "Alt+N"), QT_TRANSLATE_NOOP("ShortcutsDialog", "下一项申报")),
    "previous": (("Ctrl+Up", "Alt+P"), QT_TRANSLATE_NOOP("ShortcutsDialog", "上一项申报")),
    "fullscreen": (("F11",), QT_TRANSLATE_NOOP("ShortcutsDialog", "佐证材料全屏 / 退出全屏")),
    "search": (("Ctrl+F",), QT_TRANSLATE_NOOP("ShortcutsDialog", "搜索申报")),
    "ranking": (("Ctrl+R",), QT_TRANSLATE_NOOP("ShortcutsDialog", "我的排序")),
    "open": (("Ctrl+O",), QT_TRANSLATE_NOOP("ShortcutsDialog", "打开评审包")),
    "export": (("Ctrl+E",), QT_TRANSLATE_NOOP("ShortcutsDialog", "导出签名评分表")),
    "recuse": (("Ctrl+Shift+H",), QT_TRANSLATE_NOOP("ShortcutsDialog", "申请回避当前申报")),
    "shortcuts": (("F1",), QT_TRANSLATE_NOOP("ShortcutsDialog", "显示快捷键")),
}
# Shown in the help only: keys handled inside the rubric panel, not window actions.
PANEL_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ / ↓", QT_TRANSLATE_NOOP("ShortcutsDialog", "评分项内加减 0.5 分")),
    ("Tab / Shift+Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "在评分项、标记与评语之间移动")),
)


def key_sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(k) for k in SHORTCUTS[name][0]]


def criterion_keys(count: int) -> list[str]:
    """The keys of the first `count` criteria (at most nine): "Ctrl+1", "Ctrl+2", …"""
    return [f"Ctrl+{n}" for n in range(1, min(count, MAX_CRITERION_KEYS) + 1)]


def _tr(text: str) -> str:
    """`text` (marked with QT_TRANSLATE_NOOP above) in the interface language."""
    return QCoreApplication.translate("ShortcutsDialog", text)


def _native(keys: Sequence[str]) -> str:
    return " / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                      for k in keys)


class ShortcutsDialog(QDialog):
    """A two-column table: keys, what they do (`criteria`: the open rubric's names)."""

    def __init__(self, criteria: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键"))
        rows = [(_native(keys), _tr(text)) for keys, text in SHORTCUTS.values()]
        rows += [(_native([key]), _tr(CRITERION_TEXT).format(n=n, name=name))
                 for n, (key, name) in enumerate(zip(criterion_keys(len(criteria)), criteria),
                                                 start=1)]
        rows += [(keys, _tr(text)) for keys, text in PANEL_KEYS]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("功能")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, (keys, text) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, 520)
