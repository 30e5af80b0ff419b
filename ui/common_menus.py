"""Menu entries every PanelDesk window shares: 文件 ▸ 退出, 设置 ▸ 界面语言, 帮助 ▸ 关于.

退出 (Ctrl+Q) ends the application, not just the window it was chosen in: every window
is asked to close first, so the review window flushes and saves its marks, and the
organizer's windows close with it.

The language choice is stored in QSettings and applies on the next start (Qt widgets
built with `tr()` do not re-translate themselves, and rebuilding a window mid-review
would risk an unsaved comment), which the user is told at once.  The strings use
`QCoreApplication.translate` with a literal context so `lupdate` finds them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from app import __version__
from ui import i18n

translate = QCoreApplication.translate


QUIT_KEY = "Ctrl+Q"
LANGUAGE_NOTICE = QT_TRANSLATE_NOOP("CommonMenus", "界面语言将在重新启动 PanelDesk 后生效。")


def quit_keys() -> list[QKeySequence]:
    """The platform's Quit keys, plus Ctrl+Q where the platform has none (Windows)."""
    keys = [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) if not k.isEmpty()]
    if QKeySequence(QUIT_KEY) not in keys:
        keys.append(QKeySequence(QUIT_KEY))
    return keys


def quit_application() -> bool:
    """Close every window (each saves what it holds), then end the event loop.

    False if a window refused to close; the application then keeps running."""
    app = QApplication.instance()
    if app is None:
        return False
    QApplication.closeAllWindows()
    if any(w.isVisible() for w in QApplication.topLevelWidgets() if w.isWindow()):
        return False
    app.quit()
    return True


def add_quit_action(window: QMainWindow, menu: QMenu) -> QAction:
    """文件 ▸ 退出 (Ctrl+Q): quits the application, whichever window has the focus."""
    action = QAction(translate("CommonMenus", "退出(&Q)"), window)
    action.setMenuRole(QAction.MenuRole.QuitRole)
    action.setShortcuts(quit_keys())
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(quit_application)
    window.addAction(action)
    menu.addAction(action)
    return action


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
    lines = [translate("CommonMenus", LANGUAGE_NOTICE)]
    # Also in the language chosen: who switches to it may not read the one shown now.
    chosen = i18n.translate_in(language, "CommonMenus", LANGUAGE_NOTICE)
    if chosen not in lines:
        lines.append(chosen)
    QMessageBox.information(window, translate("CommonMenus", "界面语言"), "\n".join(lines))


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
