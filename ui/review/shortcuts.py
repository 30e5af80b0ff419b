"""The review window's keyboard shortcuts, and the Help ▸ 快捷键 dialog listing them.

One table (`SHORTCUTS`) is the source for both the window's actions and the dialog, so
the help can never disagree with what the keys do.
"""

from __future__ import annotations

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

# Formatted with the criterion number n where shown.
CRITERION_TEXT = QT_TRANSLATE_NOOP("ShortcutsDialog", "跳到第 {n} 个评分项")
# action name → (keys, description).  Descriptions are translated where shown.
SHORTCUTS: dict[str, tuple[tuple[str, ...], str]] = {
    "next": (("Ctrl+Down", "Alt+N"), QT_TRANSLATE_NOOP("ShortcutsDialog", "下一项申报")),
    "previous": (("Ctrl+Up", "Alt+P"), QT_TRANSLATE_NOOP("ShortcutsDialog", "上一项申报")),
    **{f"criterion{i}": ((f"Ctrl+{i}",), CRITERION_TEXT) for i in range(1, 7)},
    "fullscreen": (("F11",), QT_TRANSLATE_NOOP("ShortcutsDialog", "证明材料全屏 / 退出全屏")),
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


def _tr(text: str, name: str = "") -> str:
    """`text` (marked with QT_TRANSLATE_NOOP above) in the interface language."""
    shown = QCoreApplication.translate("ShortcutsDialog", text)
    return shown.format(n=name.removeprefix("criterion")) if text == CRITERION_TEXT else shown


class ShortcutsDialog(QDialog):
    """A two-column table: keys, what they do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键"))
        rows = [(" / ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                            for k in keys), _tr(text, name))
                for name, (keys, text) in SHORTCUTS.items()]
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
