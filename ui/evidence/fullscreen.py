"""Full screen for the evidence viewer: the top-level window it borrows, and the switch."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QVBoxLayout, QWidget

# In the panel's own context, where these strings have always been translated.
ENTER_TIP = QT_TRANSLATE_NOOP("EvidencePanel", "全屏查看（F11）")
EXIT_TIP = QT_TRANSLATE_NOOP("EvidencePanel", "退出全屏（Esc / F11）")
HINT = QT_TRANSLATE_NOOP("EvidencePanel", "全屏查看：按 Esc 或 F11 返回")
# The button's own text says how to get back: in full screen the status bar with the hint
# is hidden behind the full-screen window.
ENTER_TEXT = QT_TRANSLATE_NOOP("EvidencePanel", "全屏")
EXIT_TEXT = QT_TRANSLATE_NOOP("EvidencePanel", "退出全屏")


class FullScreenHost(QWidget):
    """The top-level window the viewer area borrows while full screen."""

    def __init__(self, on_leave: Callable[[], None]) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("evidenceFullScreen")
        self.setWindowTitle(self.tr("佐证材料（按 Esc 返回）"))
        self._on_leave = on_leave
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for keys in ("Esc", "F11"):
            QShortcut(QKeySequence(keys), self, activated=self._on_leave)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window by the window manager must also give the viewer back.
        self._on_leave()
        super().closeEvent(event)


class FullScreenSwitch:
    """Moves the panel's viewer area into a `FullScreenHost` and back.

    `area` sits in `layout` (with stretch 1) when not full screen; `install_shortcuts`
    gives the host the panel's keys, `focus_in` / `focus_back` say where the keyboard goes,
    and `say` puts the hint in the status bar (cleared on the way back).
    """

    def __init__(self, area: QWidget, layout: QVBoxLayout, button: QAbstractButton,
                 install_shortcuts: Callable[[QWidget], None], focus_in: Callable[[], None],
                 focus_back: Callable[[], None], say: Callable[[str], None]) -> None:
        self._area, self._layout, self._button = area, layout, button
        self._install, self._focus_in, self._focus_back = install_shortcuts, focus_in, focus_back
        self._say = say
        self.host: FullScreenHost | None = None

    def toggle(self) -> None:
        if self.host is not None:
            self.leave()
            return
        host = FullScreenHost(self.leave)
        self._install(host)
        self._layout.removeWidget(self._area)
        host.layout().addWidget(self._area)
        self._area.show()
        self.host = host
        self._button.setToolTip(_tr(EXIT_TIP))
        self._button.setText(_tr(EXIT_TEXT))
        host.showFullScreen()
        host.activateWindow()
        self._focus_in()
        self._say(_tr(HINT))

    def leave(self) -> None:
        host, self.host = self.host, None
        if host is None:
            return
        self._layout.addWidget(self._area, 1)
        self._area.show()
        self._button.setToolTip(_tr(ENTER_TIP))
        self._button.setText(_tr(ENTER_TEXT))
        self._say("")  # the full-screen hint no longer applies
        host.hide()
        host.deleteLater()
        self._focus_back()


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvidencePanel", text)
