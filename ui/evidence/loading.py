"""The work done on runner threads for the evidence panel: read, preview, prepare.

A file is read through the packet's hash-checked reader; its kind
(`app.evidence.kinds`) turns the bytes into a Qt-free preview payload, and the viewer
registered for the payload's type (`ui.evidence.viewers`) prepares it on the same
thread — decoding an image into a `QImage`, say — so the GUI thread only puts it on
screen.  Thumbnails follow the kind's declaration and are made by the viewer of its
payload type.  Failures are `PanelDeskError`s whose message the `ErrorViewer` shows
(`decoding.error_text`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from app.errors import PanelDeskError
from app.evidence.kinds import kind_named
from app.model import PacketFile
from ui.evidence.viewers import Viewer, viewer_for, viewers_of

ReadFile = Callable[[str], bytes]


class Loaded(NamedTuple):
    """A file ready for its viewer: the viewer, and what its `show_payload` takes."""

    viewer: Viewer
    content: Any


def load_evidence(read_file: ReadFile, pf: PacketFile) -> Loaded:
    """Read file `pf`, preview it as its kind says and prepare that for its viewer."""
    data = read_file(pf.name)
    kind = kind_named(pf.kind)
    if kind.preview is None:
        raise PanelDeskError(QCoreApplication.translate("EvidenceLoading", "此类文件（{0}）无法在评审台中预览，请在评审结束后另行查看")
                             .replace("{0}", pf.media_type or pf.original_name))
    payload = kind.preview(data)
    viewer = viewer_for(type(payload))
    return Loaded(viewer, viewer.prepare(payload))


def load_ahead(read_file: ReadFile, pf: PacketFile,
               first_page_zoom: float | None) -> tuple[Loaded, QImage | None]:
    """`load_evidence`, and for a viewer that pages (a PDF) its first page rendered at
    `first_page_zoom`, in one task: the look-ahead then needs no second round trip
    through the GUI thread."""
    loaded = load_evidence(read_file, pf)
    first_page = None
    if loaded.viewer.first_page is not None and first_page_zoom:
        try:
            first_page = loaded.viewer.first_page(loaded.content, first_page_zoom)
        except PanelDeskError:
            pass  # the viewer renders it again when shown, and says why it cannot
    return loaded, first_page


def ahead_viewer(pf: PacketFile) -> Viewer | None:
    """The viewer of `pf`'s kind that renders a first page ahead, if it has one."""
    return next((v for v in viewers_of(kind_named(pf.kind)) if v.first_page), None)


def has_thumbnail(pf: PacketFile) -> bool:
    return kind_named(pf.kind).thumbnail


def load_thumbnail(read_file: ReadFile, pf: PacketFile, side: int) -> QImage:
    """A thumbnail fitted into `side`×`side` px (the image itself, a PDF's first page)."""
    data = read_file(pf.name)
    kind = kind_named(pf.kind)
    make = next((v.thumbnail for v in viewers_of(kind) if v.thumbnail), None)
    if not kind.thumbnail or make is None:
        raise PanelDeskError(QCoreApplication.translate("EvidenceLoading", "此类文件没有缩略图"))
    return make(data, side)
