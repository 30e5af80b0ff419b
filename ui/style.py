"""The application's look: base font and the style sheet `resources/styles/app.qss`.

The style sheet is a plain file so it can be tuned without touching code.  Its font
list cannot be static — the fallback font's family is only known once `ui.fonts` has
registered it — so the sheet holds a `@FONT_FAMILIES@` token filled in here.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.paths import resource_path
from ui.fonts import ui_font_families

log = logging.getLogger(__name__)

FONT_TOKEN = "@FONT_FAMILIES@"
BASE_POINT_SIZE = 10.0


def load_style_sheet(cjk_family: str | None) -> str:
    """The style sheet text with the font families filled in ("" if the file is missing)."""
    path = resource_path("styles", "app.qss")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        # A damaged installation should look plain, not fail to start.
        log.warning("无法读取样式表 %s：%s", path, err)
        return ""
    families = ", ".join(_quote(f) for f in ui_font_families(cjk_family))
    return text.replace(FONT_TOKEN, families)


def apply_style(app: QApplication, cjk_family: str | None) -> None:
    """Set the base font (for widgets the sheet does not reach) and the style sheet."""
    font = QFont(app.font())
    font.setFamilies(ui_font_families(cjk_family))
    font.setPointSizeF(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(load_style_sheet(cjk_family))


def _quote(family: str) -> str:
    return '"' + family.replace("\\", "").replace('"', "") + '"'
