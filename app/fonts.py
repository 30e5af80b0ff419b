"""The CJK font PyMuPDF ships, for machines without a Chinese system font.

The GUI registers it as a fallback (`ui.fonts`); reading it needs PyMuPDF, which the
interface reaches only through `app` (an import-linter contract).
"""

from __future__ import annotations

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message


def bundled_cjk_font() -> bytes:
    """The bytes of PyMuPDF's built-in CJK font (Droid Sans Fallback)."""
    try:
        import pymupdf  # ~0.15 s: imported only when the font is really needed

        return bytes(pymupdf.Font("cjk").buffer)
    except Exception as err:  # whatever PyMuPDF raises, the font is missing
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Files", "无法加载 PyMuPDF 自带的中文字体：{err}"),
            err=err)) from err
