"""CJK font fallback: some family always renders 评审台, registering PyMuPDF's if needed."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QImage,
    QPainter,
    QRawFont,
)

from ui import fonts

SAMPLE = "评审台"


def renders(family: str, text: str = SAMPLE) -> bool:
    font = QFont(family)
    metrics = QFontMetrics(font)
    raw = QRawFont.fromFont(font)
    return all(metrics.inFontUcs4(ord(ch)) and raw.supportsCharacter(ord(ch)) for ch in text)


@pytest.fixture
def fresh_registry(monkeypatch):
    """Pretend nothing was registered yet, and restore the module state afterwards."""
    monkeypatch.setattr(fonts, "_registered_family", None)


def test_returns_a_family_that_draws_chinese(qapp):
    family = fonts.ensure_cjk_font()
    assert family
    assert renders(family)


def test_registers_pymupdf_font_when_system_has_none(qapp, monkeypatch, fresh_registry):
    monkeypatch.setattr(fonts, "chinese_families", lambda: [])
    family = fonts.ensure_cjk_font()
    assert family and renders(family)
    # Qt now lists it as a Simplified Chinese family (the real database, not the patch).
    assert family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    # The families the style sheet asks for now fall back to the registered font.
    for wanted in ("Microsoft YaHei", "Noto Sans CJK SC"):
        assert family.lower() in [s.lower() for s in QFont.substitutes(wanted)]


def test_glyphs_actually_paint_distinct_shapes(qapp):
    """Missing glyphs all draw the same box; real ones differ from each other."""
    family = fonts.ensure_cjk_font()
    font = QFont(family)
    font.setPixelSize(32)
    images = []
    for ch in SAMPLE:
        image = QImage(40, 40, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(4, 34, ch)
        painter.end()
        images.append(image)
    assert all(not img.isNull() for img in images)
    inked = [sum(1 for x in range(40) for y in range(40) if img.pixelColor(x, y).value() < 128)
             for img in images]
    assert all(count > 20 for count in inked)
    assert images[0] != images[1] and images[1] != images[2] and images[0] != images[2]


def test_prefers_a_known_installed_family(qapp, monkeypatch, fresh_registry):
    monkeypatch.setattr(fonts, "chinese_families", lambda: ["Some CJK", "Microsoft YaHei"])
    assert fonts.ensure_cjk_font() == "Microsoft YaHei"
    monkeypatch.setattr(fonts, "chinese_families", lambda: ["Some CJK"])
    assert fonts.ensure_cjk_font() == "Some CJK"


def test_the_bundled_font_is_kept_and_a_damaged_copy_replaced(qapp, monkeypatch, fresh_registry,
                                                              paneldesk_home):
    monkeypatch.setattr(fonts, "chinese_families", lambda: [])
    cache = paneldesk_home.joinpath(*fonts.FONT_CACHE)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"not a font")
    family = fonts.ensure_cjk_font()
    assert family and renders(family)
    assert cache.read_bytes() == bytes(pymupdf.Font("cjk").buffer)  # written again, whole

    def unavailable(*_args):
        raise AssertionError("PyMuPDF asked although the copy is there")

    monkeypatch.setattr(fonts, "_registered_family", None)
    monkeypatch.setattr(pymupdf, "Font", unavailable)
    assert fonts.ensure_cjk_font() == family


def test_broken_bundled_font_is_not_fatal(qapp, monkeypatch, fresh_registry, caplog):
    def broken(*_args):
        raise RuntimeError("no font here")

    monkeypatch.setattr(fonts, "chinese_families", lambda: [])
    monkeypatch.setattr(pymupdf, "Font", broken)
    assert fonts.ensure_cjk_font() is None
    assert "no font here" in caplog.text


def test_ui_font_families_end_with_the_fallback():
    assert fonts.ui_font_families(None) == ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC"]
    assert fonts.ui_font_families("Droid Sans Fallback")[-1] == "Droid Sans Fallback"
    assert fonts.ui_font_families("Microsoft YaHei").count("Microsoft YaHei") == 1
