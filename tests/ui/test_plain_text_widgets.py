"""Text from files is shown as text: the review window (header, list, evidence panel),
the organizer's import page — walked with hostile names, titles and file names, no
label may render markup and no tooltip may be taken for it (issue 14, item 5)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from app.model import Expert, PacketFile, Submission
from tests.ui.organizer.test_import_page import (  # noqa: F401 — fixtures, found by name
    db_url,
    drop,
    make_page,
    packet,
    sheets,
)
from tests.ui.review_helpers import write_signed_packet
from tests.ui.test_evidence_panel import make_jpg

BANNER = "<h1 style='color:green'>已核验 ✔ 原件一致<br><img src='x'>"


def hostile_packet(path: Path) -> Path:
    photo = make_jpg()
    entries = []
    for i in range(1, 3):
        sid = f"S00{i}"
        files = {f"{sid}/E01.jpg": photo, f"{sid}/E02.txt": f"{BANNER}\n说明文字".encode()}
        pfs = [PacketFile(name=n, original_name=f"{BANNER}{i}{n[-4:]}", role="evidence",
                          kind="image" if n.endswith(".jpg") else "text",
                          media_type="image/jpeg" if n.endswith(".jpg") else "text/plain",
                          size=len(d), sha256=hashlib.sha256(d).hexdigest(),
                          width=1920 if n.endswith(".jpg") else None,
                          height=1080 if n.endswith(".jpg") else None)
               for n, d in files.items()]
        sub = Submission(id=sid, category="感动瞬间", title=f"{BANNER}标题{i}",
                         unit=f"<b>单位</b>{i}", fields={"body": "正文"}, text=f"{BANNER}正文",
                         files=pfs)
        entries.append((sub, files))
    return write_signed_packet(path, entries, packet_id="UI-HOSTILE", title=f"{BANNER}评审包",
                               roster=[Expert("E1", "<i>林</i>思远", "某大学")])


def markup_shown(root: QWidget) -> list[str]:
    """Labels that would draw file-derived markup, and tooltips Qt would take for markup."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if "<h1" in text or "<b>单位" in text or "<i>林" in text:
            rich = label.textFormat() == Qt.TextFormat.RichText or (
                label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
            if rich:
                found.append(f"label {label.objectName() or type(label.parent()).__name__}: {text}")
        tip = label.toolTip()
        if tip and "<h1" in tip and GuiQt.mightBeRichText(tip):
            found.append(f"tooltip of {label.objectName()}: {tip}")
    models: list[QAbstractItemModel] = [v.model() for v in root.findChildren(QAbstractItemView)
                                        if v.model() is not None]
    for model in models:
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # list models keep columnCount private: one column
            columns = 1
        for row in range(model.rowCount(QModelIndex())):
            for col in range(columns):
                tip = model.data(model.index(row, col), Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and "<h1" in tip and GuiQt.mightBeRichText(tip) \
                        and "&lt;h1" not in tip:
                    found.append(f"tooltip of {type(model).__name__}[{row},{col}]: {tip}")
    return found


def test_review_window_shows_hostile_names_as_text(make_window, tmp_path: Path) -> None:
    window = make_window()
    window.open_path(hostile_packet(tmp_path / "hostile.panelpack"))
    label = window.findChild(QLabel, "evidenceFileName")
    for row in (0, 1):  # the photo, then the text file
        window.evidence.select(row)
        assert label.text().startswith(BANNER)
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert markup_shown(window) == []


def test_import_page_shows_hostile_file_names_as_text(make_page, sheets,  # noqa: F811
                                                      tmp_path) -> None:
    hostile = tmp_path / f"{BANNER.replace('/', '')}.xlsx"
    hostile.write_bytes(sheets["v1"].read_bytes()[:100])  # a broken copy: MALFORMED, named
    page = make_page()
    drop(page, hostile)
    page.results_view.selectRow(0)
    assert page.results.rows() and markup_shown(page) == []


def test_message_boxes_quoting_a_hostile_file_show_it_as_text(make_window, tmp_path: Path,
                                                              dialogs) -> None:
    bad = tmp_path / "<h1 style='color:green'>已核验 ✔<br>.panelpack"
    bad.write_bytes(b"not a packet")
    window = make_window()
    window.open_path(bad)
    assert dialogs, "opening a broken packet says why"
    for _kind, _title, text in dialogs:
        assert "已核验" in text
        assert not GuiQt.mightBeRichText(text) or "&lt;h1" in text
