"""The application text (申报书) as a calm, readable page in a read-only QTextBrowser.

Layout: a band of intake warnings at the top (when there are any), then the header —
unit, category, title, 核心亮点 — then 详细内容 as paragraphs.  Typography aims at long
reading: 11.5 pt, line height 160 %, the text column capped at about 40 em so lines stay
short on a wide screen.  Ranges that intake flagged (`IntakeWarning.spans` on the
"body" or "highlights" field, e.g. an unmasked mobile number) are wrapped in a
highlighted span so the expert sees exactly what the warning is about.  Everything from
the packet is HTML-escaped: it is untrusted text.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.intake.messages import recognise_warning
from app.model import Submission
from ui.i18n import render

MARK_STYLE = "background-color:#ffe08a; color:#5c3b00;"
_BODY_PT = 11.5

def field_spans(sub: Submission, field: str) -> list[tuple[int, int]]:
    """The merged, clamped (start, end) ranges that warnings mark in `field`."""
    text = sub.fields.get(field, "") or ""
    spans: list[tuple[int, int]] = []
    for warning in sub.warnings:
        if warning.field != field:
            continue
        for span in warning.spans or []:
            try:
                start, end = int(span[0]), int(span[1])
            except (TypeError, ValueError, IndexError):
                continue  # a malformed span in a packet is ignored, not fatal
            start, end = max(0, start), min(len(text), end)
            if start < end:
                spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def marked_html(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` escaped, with `spans` wrapped in highlight spans and newlines as paragraphs."""
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        pieces.append(html.escape(text[pos:start]))
        pieces.append(f'<span style="{MARK_STYLE}">{html.escape(text[start:end])}</span>')
        pos = end
    pieces.append(html.escape(text[pos:]))
    joined = "".join(pieces)
    # Paragraph breaks: a span never crosses a newline in practice; if it does, the
    # highlight is cut at the break, which is harmless.
    paragraphs = [p.strip() for p in joined.replace("\r\n", "\n").split("\n")]
    return "".join(f"<p>{p}</p>" for p in paragraphs if p)


def application_html(sub: Submission) -> str:
    """The whole page for `sub` as HTML (tested without a widget)."""
    # Translated outside the f-strings: lupdate does not look inside them.
    warnings_title = QCoreApplication.translate("ApplicationView", "提醒")
    no_category = QCoreApplication.translate("ApplicationView", "未注明类别")
    no_title = QCoreApplication.translate("ApplicationView", "（无标题）")
    highlights_title = QCoreApplication.translate("ApplicationView", "核心亮点")
    no_highlights = QCoreApplication.translate("ApplicationView", "（未填写核心亮点）")
    body_title = QCoreApplication.translate("ApplicationView", "详细内容")
    no_body = QCoreApplication.translate("ApplicationView", "（未填写详细内容）")
    esc = html.escape
    parts: list[str] = []
    if sub.warnings:
        items = "".join(f"<li>{esc(render(recognise_warning(w.message)))}</li>"
                        for w in sub.warnings)
        parts.append(
            '<table width="100%" cellpadding="8" style="background-color:#fff4e0;'
            'border:1px solid #f0c27b;"><tr><td>'
            f'<b style="color:#8a4b08;">{esc(warnings_title)}</b>'
            f'<ul style="margin-top:2px; margin-bottom:0px; color:#6b3a06;">{items}</ul>'
            "</td></tr></table>")
    category = sub.category or no_category
    parts.append(
        f'<p style="color:#52606d; margin-top:14px; margin-bottom:2px;">'
        f'{esc(sub.id)}　·　{esc(category)}　·　{esc(sub.unit or "")}</p>')
    parts.append(f'<h2 style="color:#12355b; font-size:16pt; margin-top:4px;">'
                 f'{esc(sub.title or no_title)}</h2>')
    highlights = sub.fields.get("highlights", "") or ""
    parts.append(f'<h3 style="color:#334e68;">{esc(highlights_title)}</h3>')
    if highlights.strip():
        parts.append('<div style="background-color:#f0f5fb; padding:8px;">'
                     f'{marked_html(highlights, field_spans(sub, "highlights"))}</div>')
    else:
        parts.append(f'<p style="color:#9aa5b1;">{esc(no_highlights)}</p>')
    body = sub.fields.get("body", "") or ""
    parts.append(f'<h3 style="color:#334e68;">{esc(body_title)}</h3>')
    if body.strip():
        parts.append(marked_html(body, field_spans(sub, "body")))
    else:
        parts.append(f'<p style="color:#9aa5b1;">{esc(no_body)}</p>')
    return "".join(parts)


LAY_OUT_AHEAD_MS = 150  # after the switch's own painting

STYLESHEET = (
    f"body {{ font-size:{_BODY_PT}pt; color:#1f2933; }}"
    "p { line-height:160%; margin-top:0px; margin-bottom:10px; }"
    "li { line-height:150%; }"
)


class ApplicationView(QTextBrowser):
    """Shows one submission's application text; read-only, links never followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationView")
        self.setReadOnly(True)
        self.setOpenLinks(False)  # offline tool: nothing in a packet is navigated to
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLESHEET)
        self.document().setDocumentMargin(18)
        self._submission: Submission | None = None
        # The next submission's page, laid out while the expert reads this one: laying
        # out a long Chinese text is the slowest part of switching (~0.1 s here).
        self._ready: tuple[str, int, QTextDocument] | None = None
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(LAY_OUT_AHEAD_MS)
        self._ahead.timeout.connect(self._lay_out_ahead)
        self._coming: Submission | None = None
        self.set_submission(None)

    @property
    def submission(self) -> Submission | None:
        return self._submission

    def set_submission(self, sub: Submission | None) -> None:
        """Show `sub` (None: a quiet placeholder) from the top of the page."""
        self._submission = sub
        ready, self._ready = self._ready, None
        if sub is not None and ready is not None and ready[:2] == (sub.id, self._page_width()):
            self.setDocument(ready[2])  # Qt deletes the previous one: it is our child
        elif sub is None:
            # tr() outside the f-string: lupdate does not look inside one, so the text was
            # never translated and stayed Chinese in English.
            placeholder = html.escape(self.tr("未选择申报"))
            self.setHtml(f'<p style="color:#9aa5b1;">{placeholder}</p>')
        else:
            self.setHtml(application_html(sub))
        self._cap_width()
        self.verticalScrollBar().setValue(0)

    def prefetch(self, sub: Submission | None) -> None:
        """Lay out `sub`'s page shortly, in idle time, so switching to it is instant."""
        self._coming = sub
        if sub is not None:
            self._ahead.start()

    def _page_width(self) -> int:
        return self.viewport().width()

    def _lay_out_ahead(self) -> None:
        sub = self._coming
        if sub is None or sub is self._submission:
            return
        doc = QTextDocument(self)
        doc.setDefaultFont(self.document().defaultFont())
        doc.setDefaultStyleSheet(STYLESHEET)
        doc.setDocumentMargin(18)
        doc.setHtml(application_html(sub))
        root = doc.rootFrame()
        fmt = root.frameFormat()
        margin = self._side_margin()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        root.setFrameFormat(fmt)
        doc.setTextWidth(self._page_width())
        doc.size()  # forces the whole layout now, in idle time
        if self._ready is not None and self._ready[2].parent() is self:
            self._ready[2].deleteLater()
        self._ready = (sub.id, self._page_width(), doc)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._cap_width()

    def _side_margin(self) -> int:
        em = self.fontMetrics().horizontalAdvance("中") * _BODY_PT / max(
            1.0, self.font().pointSizeF())
        cap = int(em * 40) + 36
        width = self.viewport().width()
        return max(18, (width - cap) // 2) if width > cap else 18

    def _cap_width(self) -> None:
        # Long lines tire the eye: cap the text column at ~40 em and centre it.
        margin = self._side_margin()
        # Only the side margins grow; the root frame's top margin stays small.
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - margin) > 1:
            fmt.setLeftMargin(margin)
            fmt.setRightMargin(margin)
            root.setFrameFormat(fmt)
