"""The work done on runner threads for the evidence panel: read, decode, render.

Everything here runs off the GUI thread, so it uses only thread-safe Qt classes
(`QImage`, `QImageReader`, `QBuffer`) — never `QPixmap` or widgets.  PDFs are counted
and rendered by worker processes (`app.render`): MuPDF would otherwise hold the
interpreter lock, and with it the GUI thread, for the whole of each render.  Results are small
payload objects the panel hands to the right viewer; failures are `PanelDeskError`s whose
message the `ErrorViewer` shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from app.errors import PanelDeskError
from app.evidence.preview import SheetPreview, docx_text, links_preview, xlsx_preview
from app.model import PacketFile
from app.render.pool import default_pool

ReadFile = Callable[[str], bytes]
THUMB_PDF_ZOOM = 0.25  # an A4 page becomes ≈ 150×210 px before scaling to the strip


@dataclass
class ImagePayload:
    image: QImage


@dataclass
class PdfPayload:
    data: bytes
    page_count: int


@dataclass
class SheetsPayload:
    sheets: list[SheetPreview]


@dataclass
class TextPayload:
    text: str


@dataclass
class LinksPayload:
    text: str
    links: list[str]


Payload = ImagePayload | PdfPayload | SheetsPayload | TextPayload | LinksPayload


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


def load_evidence(read_file: ReadFile, pf: PacketFile) -> Payload:
    """Read file `pf` through the packet's hash-checked reader and prepare it for its viewer."""
    data = read_file(pf.name)
    if pf.kind == "image":
        return ImagePayload(decode_image(data))
    if pf.kind == "pdf":
        return PdfPayload(data, default_pool().page_count(data))
    if pf.kind == "spreadsheet":
        return SheetsPayload(xlsx_preview(data))
    if pf.kind == "document":
        return TextPayload(docx_text(data))
    if pf.kind == "links":
        return LinksPayload(*links_preview(data))
    if pf.kind == "text":
        text, links = links_preview(data)
        return LinksPayload(text, links) if links else TextPayload(text)
    raise PanelDeskError(QCoreApplication.translate("EvidenceLoading", "此类文件（{0}）无法在评审台中预览，请在评审结束后另行查看")
                         .replace("{0}", pf.media_type or pf.original_name))


def load_ahead(read_file: ReadFile, pf: PacketFile,
               first_page_zoom: float | None) -> tuple[Payload, QImage | None]:
    """`load_evidence`, and for a PDF its first page rendered at `first_page_zoom`, in one
    task: the look-ahead then needs no second round trip through the GUI thread."""
    payload = load_evidence(read_file, pf)
    first_page = None
    if isinstance(payload, PdfPayload) and first_page_zoom:
        try:
            first_page = page_image(payload.data, 0, first_page_zoom)
        except PanelDeskError:
            pass  # the viewer renders it again when shown, and says why it cannot
    return payload, first_page


def load_thumbnail(read_file: ReadFile, pf: PacketFile, side: int) -> QImage:
    """A thumbnail fitted into `side`×`side` px: the image itself or a PDF's first page."""
    data = read_file(pf.name)
    if pf.kind == "image":
        return decode_image(data, side)
    if pf.kind == "pdf":
        image = page_image(data, 0, THUMB_PDF_ZOOM).scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        # A white page on a white strip needs an edge (QPainter on a QImage is thread-safe).
        painter = QPainter(image)
        painter.setPen(QColor("#9aa5b1"))
        painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
        painter.end()
        return image
    raise PanelDeskError(QCoreApplication.translate("EvidenceLoading", "此类文件没有缩略图"))


def has_thumbnail(pf: PacketFile) -> bool:
    return pf.kind in ("image", "pdf")


def error_text(err: BaseException) -> str:
    """What the viewer says about a failure: our message, or a plain note for a bug."""
    if isinstance(err, PanelDeskError):
        return str(err)
    if isinstance(err, MemoryError):
        return QCoreApplication.translate("EvidenceLoading", "文件过大，内存不足，无法显示")
    return QCoreApplication.translate("EvidenceLoading", "读取文件时发生意外错误（{0}）").replace("{0}", type(err).__name__)
