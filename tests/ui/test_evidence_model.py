"""EvidenceListModel, SheetTableModel and PageCache without any view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage

from app.evidence.preview import SheetPreview
from app.model import PacketFile
from ui.evidence.model import ERROR_ROLE, FILE_ROLE, EvidenceListModel
from ui.evidence.pdf_viewer import PageCache
from ui.evidence.table_viewer import SheetTableModel, column_name


def _pf(name: str, kind: str, **extra: object) -> PacketFile:
    return PacketFile(name=name, original_name=f"原件-{name}", role="evidence", kind=kind,
                      media_type="x/y", size=2048, sha256="0" * 64, **extra)  # type: ignore[arg-type]


@pytest.fixture
def model(qapp: object) -> EvidenceListModel:
    m = EvidenceListModel()
    m.set_files([_pf("a.jpg", "image", width=1920, height=1080), _pf("b.pdf", "pdf"),
                 _pf("c.xlsx", "spreadsheet")])
    return m


def test_rows_and_roles(model: EvidenceListModel) -> None:
    assert model.rowCount() == 3
    index = model.index(1, 0)
    assert model.data(index) == "原件-b.pdf"
    assert model.data(index, FILE_ROLE).name == "b.pdf"
    assert isinstance(model.data(index, Qt.ItemDataRole.DecorationRole), QIcon)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "1920×1080" in tip and "图片" in tip and "2 KB" in tip
    assert model.data(model.index(5, 0)) is None
    assert model.row_of("c.xlsx") == 2 and model.row_of("nope") is None


def test_thumbnail_and_error_emit_changes(model: EvidenceListModel, qtbot: object) -> None:
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    kind_icon = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    model.set_thumbnail("a.jpg", image)
    assert model.has_thumbnail("a.jpg")
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole) is not kind_icon
    model.set_error("b.pdf", "PDF 文件已损坏，无法打开")
    assert changed == [0, 1]
    assert model.data(model.index(1, 0), ERROR_ROLE) == "PDF 文件已损坏，无法打开"
    assert "无法显示" in model.data(model.index(1, 0), Qt.ItemDataRole.ToolTipRole)
    model.set_thumbnail("unknown", image)  # a late result for a file no longer listed
    assert changed == [0, 1]
    model.set_files([])
    assert model.rowCount() == 0 and not model.has_thumbnail("a.jpg")


def test_sheet_table_model(qapp: object) -> None:
    model = SheetTableModel()
    model.set_sheet(SheetPreview("表", [["a", "b", "c"], ["1", "2", "3"]], False))
    assert (model.rowCount(), model.columnCount()) == (2, 3)
    assert model.data(model.index(1, 2)) == "3"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "C"
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert [column_name(i) for i in (0, 25, 26, 51, 701)] == ["A", "Z", "AA", "AZ", "ZZ"]


def _image(side: int) -> QImage:
    return QImage(side, side, QImage.Format.Format_RGB888)


def test_page_cache_evicts_by_count(qapp: object) -> None:
    cache = PageCache(max_items=3, max_bytes=10**9)
    for page in range(5):
        cache.put(("sha", page, 1.0), _image(10))
    assert len(cache) == 3
    assert ("sha", 0, 1.0) not in cache and ("sha", 1, 1.0) not in cache
    assert ("sha", 4, 1.0) in cache


def test_page_cache_lru_order_and_bytes(qapp: object) -> None:
    one = _image(100).sizeInBytes()
    cache = PageCache(max_items=100, max_bytes=3 * one)
    for page in range(3):
        cache.put(("s", page, 1.0), _image(100))
    assert cache.get(("s", 0, 1.0)) is not None  # page 0 is now the most recent
    cache.put(("s", 3, 1.0), _image(100))
    assert ("s", 1, 1.0) not in cache and ("s", 0, 1.0) in cache
    assert cache.total_bytes <= 3 * one
    cache.put(("s", 9, 2.0), _image(400))  # bigger than the whole budget: kept alone
    assert len(cache) == 1 and ("s", 9, 2.0) in cache
    cache.clear()
    assert len(cache) == 0 and cache.total_bytes == 0
