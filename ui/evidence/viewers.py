"""The viewer registry: which widget shows which kind of preview, and how it gets there.

Every payload type a kind's preview returns (`app.evidence.kinds`) has one `Viewer` in
`VIEWERS`.  The evidence panel builds its stack from this list, in this order, and hands
each loaded preview to the widget registered for its type.  A viewer widget

- shows what `prepare` made of the payload (on a runner thread: decoding stays off the
  GUI thread) in `show_payload(content, pf)`, on the GUI thread — so nothing slow there;
- says what the status bar shows about it with its `status(str)` signal (the panel puts
  the file's name in front), and that the file is on screen with `shown()` — for a PDF
  once its page is painted;
- drops what it holds for the last file in `release()` (when the submission changes);
- zooms: `zoom_in`, `zoom_out`, `reset_zoom`, and `fit_to_window` if it can fit; its
  `zoom_level` (1.0 = 100 %) is the one value the panel's zoom label shows.

A viewer that renders a first page ahead (`first_page`) also answers `first_page_key`,
the key the panel's page cache keeps that page under.  A new kind of preview is one
more `Viewer` here (and its widget).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from app.evidence.kinds import (
    ImagePayload,
    Kind,
    LinksPayload,
    PdfPayload,
    SheetsPayload,
    TextPayload,
)
from ui.evidence.decoding import decode_image, page_image, pdf_thumbnail
from ui.evidence.image_viewer import ImageViewer
from ui.evidence.pdf_viewer import PageCache, PdfViewer
from ui.evidence.table_viewer import TableViewer
from ui.evidence.text_viewers import LinksViewer, TextViewer
from ui.task_runner import TaskRunner


@dataclass(frozen=True)
class ViewerContext:
    """What viewer widgets may get through their constructors."""

    runner: TaskRunner
    page_cache: PageCache
    parent: QWidget


def percent_text(level: float) -> str:
    """A `zoom_level` as the zoom label shows it: 1.0 → "100%", 0.14 → "14%"."""
    return f"{round(level * 100)}%"


def _as_is(payload: Any) -> Any:
    return payload


@dataclass(frozen=True)
class Viewer:
    """How one payload type is shown."""

    payload: type  # the app.evidence.kinds payload class it shows
    widget: type[QWidget]
    attribute: str  # the panel's attribute holding the widget (tests, screenshots, bench)
    create: Callable[[ViewerContext], QWidget] | None = None  # default: widget(parent)
    # Runner thread: the payload → what `show_payload` takes.
    prepare: Callable[[Any], Any] = _as_is
    # Runner thread: a file's bytes → a picture fitted into side × side px, for kinds
    # that declare a thumbnail.
    thumbnail: Callable[[bytes, int], QImage] | None = None
    # Runner thread: what `prepare` made → its first page at a zoom, rendered with a
    # look-ahead so the file shows at once.
    first_page: Callable[[Any, float], QImage] | None = None

    def make(self, context: ViewerContext) -> QWidget:
        return self.create(context) if self.create else self.widget(context.parent)


def _decode(payload: ImagePayload) -> QImage:
    return decode_image(payload.data)


def _first_page(payload: PdfPayload, zoom: float) -> QImage:
    return page_image(payload.data, 0, zoom)


VIEWERS: tuple[Viewer, ...] = (
    Viewer(ImagePayload, ImageViewer, "image_viewer", prepare=_decode, thumbnail=decode_image),
    Viewer(PdfPayload, PdfViewer, "pdf_viewer",
           create=lambda context: PdfViewer(context.runner, context.page_cache, context.parent),
           thumbnail=pdf_thumbnail, first_page=_first_page),
    Viewer(SheetsPayload, TableViewer, "table_viewer"),
    Viewer(TextPayload, TextViewer, "text_viewer"),
    Viewer(LinksPayload, LinksViewer, "links_viewer"),
)

_BY_PAYLOAD = {viewer.payload: viewer for viewer in VIEWERS}


def viewer_for(payload_type: type) -> Viewer:
    """The viewer registered for `payload_type` (every kind's has one: the registry test)."""
    return _BY_PAYLOAD[payload_type]


def viewers_of(kind: Kind) -> list[Viewer]:
    """The viewers of the payload types `kind`'s preview returns."""
    return [viewer_for(payload_type) for payload_type in kind.payload_types]
