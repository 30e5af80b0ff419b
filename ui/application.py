"""Create and configure the QApplication: names, High-DPI, fonts, language, style.

Everything that must happen once per process before the first window lives here, so
the entry point and the GUI tests configure the application the same way.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.paths import user_data_dir
from ui import i18n
from ui.fonts import ensure_cjk_font
from ui.memory import release_large_buffers
from ui.style import apply_style

APP_NAME = "PanelDesk"
ORGANIZATION = "PanelDesk"
SETTINGS_FILE = "settings.ini"
CJK_FAMILY_PROPERTY = "paneldeskCjkFamily"

log = logging.getLogger(__name__)


def open_settings() -> QSettings:
    """The user's interface settings, an INI file in the PanelDesk data folder.

    Kept next to the keys and workspaces (not in the registry or ~/.config) so that
    `PANELDESK_HOME` isolates everything — tests and portable installs rely on that.
    """
    path = user_data_dir() / SETTINGS_FILE
    return QSettings(str(path), QSettings.Format.IniFormat)


GIL_SWITCH_INTERVAL_S = 0.001


def create_application(argv: list[str] | None = None) -> QApplication:
    """The configured application (the existing instance is reused and configured)."""
    existing = QApplication.instance()
    if existing is None:
        # Fractional scale factors (125 %, 150 % on Windows laptops) look crisp only
        # when Qt does not round them; must be set before the application exists.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(list(argv) if argv else [APP_NAME])
    else:
        app = existing
    # Workers decode and render in Python-held code; with the default 5 ms switch
    # interval the GUI thread waits that long for the interpreter lock after every
    # call that released it.  1 ms keeps the interface responsive while they work.
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    release_large_buffers()  # pages and photos come and go all day: keep memory near use
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationVersion(__version__)
    family = ensure_cjk_font()
    app.setProperty(CJK_FAMILY_PROPERTY, family or "")
    i18n.install_translators(app, i18n.language_from_settings(open_settings()))
    apply_style(app, family)
    return app


def show_unexpected_error(kind: type[BaseException], error: BaseException,
                          tb: TracebackType | None) -> None:
    """`sys.excepthook` for the GUI: a bug reaching the event loop becomes a dialog.

    Users never see a traceback; it goes to the log, and
    to stderr as well when `PANELDESK_DEBUG` is set.  The app keeps running.
    """
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log.error("未处理的异常", exc_info=(kind, error, tb))
    if os.environ.get("PANELDESK_DEBUG"):
        traceback.print_exception(kind, error, tb)
    if QApplication.instance() is None:
        return
    QMessageBox.critical(
        QApplication.activeWindow(),
        QCoreApplication.translate("Application", "内部错误"),
        QCoreApplication.translate(
            "Application",
            "PanelDesk 遇到一个内部错误（{kind}: {detail}）。如问题反复出现，请设置 PANELDESK_DEBUG=1 后重试并报告。",
        ).format(kind=kind.__name__, detail=error))
