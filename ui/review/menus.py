"""The review window's menus and their actions, each with its shortcut from one table.

`ReviewMenus(window, settings)` builds 文件, 申报, 查看, 设置 and 帮助 and connects every
action to the window's public slots.  Actions are window-wide, so their keys work
whichever panel has the focus.  The 跳到评分项 submenu follows the open rubric:
`set_criteria(names)` gives its first nine criteria Ctrl+1 … Ctrl+9.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.common_menus import add_about_action, add_language_menu, add_quit_action
from ui.review.shortcuts import criterion_keys, key_sequences

# The window's strings: its menus keep the window's translation context.
translate = QCoreApplication.translate


class ReviewMenus:
    """The menu bar of the review window (`window` provides the slots)."""

    def __init__(self, window: Any, settings: QSettings | None) -> None:
        self._window = window
        self.criteria: list[str] = []
        bar = window.menuBar()
        file_menu = bar.addMenu(translate("ReviewWindow", "文件(&F)"))
        self.open = self._action(translate("ReviewWindow", "打开评审包(&O)…"), window.choose_packet, "open")
        file_menu.addAction(self.open)
        self.recent = file_menu.addMenu(translate("ReviewWindow", "最近打开(&R)"))
        file_menu.addSeparator()
        self._export_text = translate("ReviewWindow", "导出评分表(&E)…")
        self.export = self._action(self._export_text, window.export_sheet, "export")
        file_menu.addAction(self.export)
        file_menu.setToolTipsVisible(True)  # a greyed-out entry says why on hover
        file_menu.addSeparator()
        self.organizer = self._action(translate("ReviewWindow", "组织方：导入评分表与结果(&G)…"), window.open_organizer)
        file_menu.addAction(self.organizer)
        self.workbench = self._action(translate("ReviewWindow", "组织方工作台(&W)…"), window.open_workbench)
        file_menu.addAction(self.workbench)
        file_menu.addSeparator()
        self.quit = add_quit_action(window, file_menu)

        sub_menu = bar.addMenu(translate("ReviewWindow", "申报(&S)"))
        self.next = self._action(translate("ReviewWindow", "下一项(&N)"), lambda: window.step(1), "next")
        self.previous = self._action(translate("ReviewWindow", "上一项(&P)"), lambda: window.step(-1), "previous")
        self.search = self._action(translate("ReviewWindow", "搜索(&F)"), window.focus_search, "search")
        self.recuse = self._action(translate("ReviewWindow", "申请回避(&H)…"), window.recusal.ask_recuse, "recuse")
        self.unrecuse = self._action(translate("ReviewWindow", "撤销回避(&U)…"), window.recusal.ask_unrecuse)
        for action in (self.next, self.previous, self.search):
            sub_menu.addAction(action)
        sub_menu.addSeparator()
        sub_menu.addAction(self.recuse)
        sub_menu.addAction(self.unrecuse)

        view_menu = bar.addMenu(translate("ReviewWindow", "查看(&V)"))
        self.fullscreen = self._action(translate("ReviewWindow", "佐证材料全屏(&E)"),
                                       lambda: window.evidence.toggle_fullscreen(), "fullscreen")
        self.ranking = self._action(translate("ReviewWindow", "我的排序(&R)…"), window.show_ranking, "ranking")
        view_menu.addAction(self.fullscreen)
        view_menu.addAction(self.ranking)
        self.criteria_menu = view_menu.addMenu(translate("ReviewWindow", "跳到评分项(&C)"))
        self.criterion_actions: list[QAction] = []
        self.set_criteria([])

        self.languages = add_language_menu(window, settings)
        help_menu = bar.addMenu(translate("ReviewWindow", "帮助(&H)"))
        self.shortcuts = self._action(translate("ReviewWindow", "快捷键(&K)"), window.show_shortcuts, "shortcuts")
        help_menu.addAction(self.shortcuts)
        add_about_action(window, help_menu)

    def set_export_available(self, available: bool) -> None:
        """Enable 导出评分表, or grey it out saying why in the entry itself (a menu shows
        no tooltip or status tip for a disabled entry), its tip and its status tip."""
        self.export.setEnabled(available)
        why = "" if available else translate(
            "ReviewWindow", "请先打开评审包并确认专家身份，才能导出评分表。")
        self.export.setText(self._export_text if available else translate(
            "ReviewWindow", "导出评分表（需先打开评审包）"))
        self.export.setToolTip(why or self._export_text.replace("&", ""))
        self.export.setStatusTip(why)

    def set_criteria(self, names: Sequence[str]) -> None:
        """One action per criterion of the open rubric, the first nine with Ctrl+n."""
        for action in self.criterion_actions:
            self._window.removeAction(action)
            action.deleteLater()
        self.criteria_menu.clear()
        self.criteria = list(names)
        keys = criterion_keys(len(names))
        self.criterion_actions = []
        for index, name in enumerate(names):
            label = translate("ReviewWindow", "第 {n} 项：{name}").format(n=index + 1, name=name)
            action = self._action(label,
                                  lambda _c=False, i=index: self._window.focus_criterion(i))
            if index < len(keys):
                action.setShortcut(QKeySequence(keys[index]))
            self.criteria_menu.addAction(action)
            self.criterion_actions.append(action)
        self.criteria_menu.setEnabled(bool(names))

    def _action(self, text: str, slot: Callable[..., Any], shortcut: str | None = None) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcuts(key_sequences(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action
