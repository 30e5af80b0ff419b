"""An original form's page fits the column: scaled to its width, proportions kept."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from ui.organizer.page_view import FittedPage


def page(width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    return image


def test_a_wide_page_is_scaled_to_the_column_without_a_horizontal_scroll(qtbot) -> None:
    area = QScrollArea()
    area.setWidgetResizable(True)
    holder = QWidget(area)
    layout = QVBoxLayout(holder)
    fitted = FittedPage(page(800, 1000), holder)
    layout.addWidget(fitted)
    area.setWidget(holder)
    qtbot.addWidget(area)
    area.resize(420, 600)
    area.show()
    qtbot.waitUntil(lambda: fitted.width() > 0)
    viewport = area.viewport().width()
    assert fitted.width() <= viewport
    assert area.horizontalScrollBar().maximum() == 0
    rect = fitted.page_rect()
    assert rect.width() == fitted.width() and abs(rect.height() - rect.width() * 1.25) <= 1


def test_a_small_page_is_never_enlarged(qtbot) -> None:
    fitted = FittedPage(page(200, 100))
    qtbot.addWidget(fitted)
    fitted.resize(600, 400)
    assert fitted.page_rect().size().toTuple() == (200, 100)
    assert fitted.heightForWidth(100) == 50
