"""Qt-side preparation of evidence, done on runner threads: decoding, rendering, thumbnails.

Everything here runs off the GUI thread, so it uses only thread-safe Qt classes
(`QImage`, `QImageReader`, `QBuffer`, `QPainter` on a `QImage`) — never `QPixmap` or
widgets.  PDF pages are rendered by worker processes (`app.render`): MuPDF would
otherwise hold the interpreter lock, and with it the GUI thread, for the whole of each
render.  Failures are `PanelDeskError`s; `error_text` says what the viewer shows for any
failure.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from app.errors import PanelDeskError
from app.render.pool import default_pool
from ui import i18n

THUMB_PDF_ZOOM = 0.25  # an A4 page becomes ≈ 150×210 px before scaling to the strip


def decode_image(data: bytes, max_side: int | None = None) -> QImage:
    """Decode an image (EXIF rotation applied), optionally scaled to fit `max_side`."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if max_side and size.isValid() and max(size.width(), size.height()) > max_side:
        # Letting the decoder scale is much cheaper than decoding full size (JPEG DCT scaling).
        reader.setScaledSize(size.scaled(QSize(max_side, max_side),
                                         Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    if image.isNull():
        raise PanelDeskError(QCoreApplication.translate("EvidenceLoading", "图片已损坏或格式不受支持，无法显示"))
    return image


def page_image(data: bytes, page_index: int, zoom: float) -> QImage:
    """Render one PDF page to a QImage that owns its pixels."""
    page = default_pool().render_page(data, page_index, zoom)  # in a worker process
    image = QImage(page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    # Converted here, on the worker: the screen's own format makes the GUI thread's
    # QPixmap.fromImage a plain copy.  The conversion also detaches the image from
    # `page.samples`, which is freed with this frame.
    return image.convertToFormat(QImage.Format.Format_RGB32)


def pdf_thumbnail(data: bytes, side: int) -> QImage:
    """A PDF's first page fitted into `side`×`side` px, with an edge."""
    image = page_image(data, 0, THUMB_PDF_ZOOM).scaled(
        side, side, Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation)
    # A white page on a white strip needs an edge (QPainter on a QImage is thread-safe).
    painter = QPainter(image)
    painter.setPen(QColor("#9aa5b1"))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()
    return image


def error_text(err: BaseException) -> str:
    """What the viewer says about a failure: our message, or a plain note for a bug."""
    if isinstance(err, PanelDeskError):
        return i18n.error_text(err)
    if isinstance(err, MemoryError):
        return QCoreApplication.translate("EvidenceLoading", "文件过大，内存不足，无法显示")
    return QCoreApplication.translate("EvidenceLoading", "读取文件时发生意外错误（{0}）").replace("{0}", type(err).__name__)
