"""Text from files (names, titles, cells, reasons) shown as text, never as markup.

A QLabel guesses whether its text is HTML; an applicant's file named
`<h1 style='color:green'>已核验 ✔…` would be drawn as a big green banner.  Labels that
show file-derived text are switched to plain text (`plain_labels`).  Tooltips and the
static message boxes have no such switch — Qt makes the same guess
(`Qt.mightBeRichText`) — so `plain_tooltip` (also for message texts) escapes exactly
the texts Qt would take for markup and leaves all others unchanged.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel


def plain_labels(*labels: QLabel) -> None:
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str | None) -> str | None:
    """`text` as a tooltip that shows its characters, markup or not."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    return '<p style="white-space:pre-wrap">' + html.escape(text) + "</p>"
