"""Make Chinese text render on any machine.

Windows and macOS always have a Chinese UI font (Microsoft YaHei, PingFang SC); a bare
Linux box or a CI container often has none, and then every 汉字 draws as a box.  PyMuPDF,
already a dependency for reading PDFs, bundles a CJK font (Droid Sans Fallback); when no
installed family supports Simplified Chinese we register that font with Qt and make it
the substitute for the families the style sheet asks for, so glyph fallback finds it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from app.atomic import save_atomic
from app.errors import PanelDeskError
from app.fonts import bundled_cjk_font
from app.paths import user_data_dir

log = logging.getLogger(__name__)

# The families the style sheet names, best first: one per desktop platform.
PREFERRED_FAMILIES = ("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC",
                      "Source Han Sans SC", "WenQuanYi Micro Hei")

_registered_family: str | None = None


def chinese_families() -> list[str]:
    """Installed (or registered) font families that declare Simplified Chinese support."""
    return list(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def ensure_cjk_font() -> str | None:
    """Return a font family able to draw Chinese, registering PyMuPDF's if needed.

    Needs a `QGuiApplication`.  Returns None only when the system has no Chinese font
    and the bundled one could not be loaded (logged; the UI then still works, with boxes).
    """
    global _registered_family
    if QGuiApplication.instance() is None:
        raise RuntimeError("ensure_cjk_font() needs a QGuiApplication")
    available = chinese_families()
    if _registered_family and _registered_family in available:
        return _registered_family
    for family in PREFERRED_FAMILIES:
        if family in available:
            return family
    if available:
        return available[0]
    family = _register_bundled_font()
    if family is None:
        return None
    _registered_family = family
    # Point every family we might ask for (and the platform default) at the bundled
    # font, so a widget whose font names "Microsoft YaHei" still finds the glyphs.
    default_family = QGuiApplication.font().family()
    for wanted in (*PREFERRED_FAMILIES, default_family):
        if wanted != family:
            QFont.insertSubstitution(wanted, family)
    return family


FONT_CACHE = ("fonts", "paneldesk-cjk-fallback.ttf")  # under the PanelDesk data folder


def _register_bundled_font() -> str | None:
    # A copy kept in our data folder spares the next starts importing PyMuPDF (~0.15 s);
    # a damaged copy simply fails to register and is written again.
    cache = user_data_dir().joinpath(*FONT_CACHE)
    if cache.is_file():
        family = _family_of(QFontDatabase.addApplicationFont(str(cache)))
        if family is not None:
            return family
    try:
        data = bundled_cjk_font()  # only on machines without a Chinese font, once
    except PanelDeskError as err:  # a missing font must not stop the app
        log.warning("%s", err)
        return None
    family = _family_of(QFontDatabase.addApplicationFontFromData(QByteArray(data)))
    if family is None:
        log.warning("Qt 未能注册 PyMuPDF 自带的中文字体")
        return None
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        save_atomic(lambda fh: fh.write(data), cache, "字体缓存")
    except (OSError, PanelDeskError) as err:  # a read-only data folder costs only speed
        log.warning("无法保存字体缓存：%s", err)
    return family


def _family_of(font_id: int) -> str | None:
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def ui_font_families(cjk_family: str | None) -> list[str]:
    """The family list for the application font: preferred families, then the fallback."""
    families = list(PREFERRED_FAMILIES[:3])
    if cjk_family and cjk_family not in families:
        families.append(cjk_family)
    return families
