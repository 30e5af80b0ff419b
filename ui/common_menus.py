"""Menu entries every PanelDesk window shares: 设置 ▸ 界面语言 and 帮助 ▸ 关于.

The language choice is stored in QSettings and applies on the next start (Qt widgets
built with `tr()` do not re-translate themselves, and rebuilding a window mid-review
would risk an unsaved comment), which the user is told at once.  The strings use
`QCoreApplication.translate` with a literal context so `lupdate` finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from app import __version__
from ui import i18n

translate = QCoreApplication.translate


def add_language_menu(window: QMainWindow, settings: QSettings | None) -> dict[str, QAction]:
    """Add 设置 ▸ 界面语言 with one checkable action per language; returns them by code."""
    settings_menu = window.menuBar().addMenu(translate("CommonMenus", "设置(&S)"))
    language_menu = settings_menu.addMenu(translate("CommonMenus", "界面语言(&L)"))
    group = QActionGroup(window)
    current = i18n.language_from_settings(settings) if settings else i18n.DEFAULT_LANGUAGE
    actions: dict[str, QAction] = {}
    for code, name in i18n.LANGUAGES.items():
        action = QAction(name, window, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(
            lambda _checked=False, c=code: choose_language(window, settings, c))
        group.addAction(action)
        language_menu.addAction(action)
        actions[code] = action
    return actions


def choose_language(window: QMainWindow, settings: QSettings | None, language: str) -> None:
    """Remember `language`; tell the user it applies on the next start."""
    if settings is not None:
        i18n.store_language(settings, language)
    QMessageBox.information(
        window, translate("CommonMenus", "界面语言"),
        translate("CommonMenus", "界面语言将在重新启动 PanelDesk 后生效。"))


def add_about_action(window: QMainWindow, help_menu: QMenu) -> QAction:
    """帮助 ▸ 关于: version and a one-line description."""
    action = QAction(translate("CommonMenus", "关于 PanelDesk 评审台(&A)"), window)
    action.setMenuRole(QAction.MenuRole.AboutRole)
    text = translate("CommonMenus", "PanelDesk 评审台 {version}\n"
                     "离线专家评审工具：评审包、专家评分、签名评分表与结果汇总。")
    action.triggered.connect(lambda: QMessageBox.about(
        window, translate("CommonMenus", "关于 PanelDesk 评审台"),
        text.format(version=__version__)))
    help_menu.addAction(action)
    return action
