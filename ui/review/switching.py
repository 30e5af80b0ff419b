"""Showing a submission's text and evidence when the expert switches: at once, or — while
a key is held down to flip through the list — coalesced.

Holding Ctrl+↓ sends ~30 switches a second (the keyboard's auto-repeat).  Laying out a
long Chinese text and decoding a photo for every one of them would leave the window
further behind with every key.  So a switch that comes within `RAPID_SWITCH_MS` of the
previous one shows its text at the next turn of the event loop (when several keys are
queued, only the last one's text is laid out) and the evidence panel lists its files
without reading them; the first file is read, the next submission prepared and the
position remembered once no switch has come for `SETTLE_MS`.  An ordinary switch shows
everything at once, as before.  The window shows the rubric itself, always at once, so
a mark is always written to the submission the rubric shows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

from app.model import Submission

# Auto-repeat sends a key every 25–90 ms (X11 25/s, Windows ~30/s, macOS ~11/s); a person
# tapping a key is slower than ~8/s.
RAPID_SWITCH_MS = 100
SETTLE_MS = 80


class SwitchPacer(QObject):
    """Shows `app_view` and `evidence` for each switch; `settled()` runs once the
    switching has paused (or at once after an ordinary switch)."""

    def __init__(self, app_view: Any, evidence: Any, settled: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app_view = app_view
        self._evidence = evidence
        self._settled = settled
        self._sub: Submission | None = None
        self._since = QElapsedTimer()  # since the previous switch; invalid before the first
        self._text = QTimer(self)
        self._text.setSingleShot(True)
        self._text.setInterval(0)
        self._text.timeout.connect(self._show_text)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settle_now)

    def show(self, sub: Submission) -> None:
        """Show `sub` (see the module docstring for when the heavy parts follow)."""
        rapid = self._since.isValid() and self._since.elapsed() < RAPID_SWITCH_MS
        self._since.start()
        self._sub = sub
        if rapid:
            self._evidence.set_submission(sub, load=False)
            self._text.start()
            self._settle.start()
            return
        self._text.stop()
        self._settle.stop()
        self._app_view.set_submission(sub)
        self._evidence.set_submission(sub)
        self._settled()

    @property
    def pending(self) -> bool:
        """True while a held key's last switch has not settled yet."""
        return self._settle.isActive()

    def reset(self) -> bool:
        """Forget the switching (the session ends); True if a switch had not settled."""
        pending = self.pending
        self._text.stop()
        self._settle.stop()
        self._sub = None
        self._since.invalidate()
        return pending

    def _show_text(self) -> None:
        if self._sub is not None and self._app_view.submission is not self._sub:
            self._app_view.set_submission(self._sub)

    def _settle_now(self) -> None:
        if self._sub is None:
            return
        self._show_text()
        self._evidence.load_deferred()
        self._settled()
