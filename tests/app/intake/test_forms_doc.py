"""Legacy Word .doc (and RTF) 申报书: converted with LibreOffice, or refused clearly
when LibreOffice is missing or the file cannot be converted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.errors import PanelDeskError
from app.intake import form_doc
from app.intake.form_layout import read_layout
from app.intake.forms import looks_like_form
from app.intake.layout import LayoutTable
from tests.app.intake import form_factory as ff

CONVERTED_NOTE = "旧版 Word 文档已由 LibreOffice 转换后读取，请核对提取结果"


def needs_soffice() -> None:
    if form_doc.find_soffice() is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice (soffice) is not installed")


@pytest.fixture(scope="module")
def legacy_forms(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Word forms saved as Word 97-2003 .doc and as RTF by LibreOffice (once per module:
    each conversion starts LibreOffice)."""
    needs_soffice()
    tmp = tmp_path_factory.mktemp("legacy")
    table = ff.table_form(ff.standard_rows(category="□感动瞬间 □创新机制 √坚守故事 □治理成效"),
                          title=ff.DOC_TITLE)
    paragraphs = ff.paragraph_form([ff.DOC_TITLE, f"申报单位：{ff.UNIT}",
                                    f"联系人及联系方式：{ff.NAME}，{ff.PHONE}", "实践类别：坚守故事",
                                    f"实践标题：{ff.TITLE}", "核心亮点", *ff.HIGHLIGHTS,
                                    "详细内容", *ff.BODY])
    sources = {"table.docx": table, "paragraphs.docx": paragraphs, "policy.docx": ff.policy_docx()}
    # Via ODT: LibreOffice 7.4 drops python-docx tables when writing .doc directly.
    odts = ff.soffice_convert_many(sources, "odt", tmp / "odt")
    docs = ff.soffice_convert_many({f"{k}.odt": v for k, v in odts.items()}, "doc", tmp / "doc")
    rtf = ff.soffice_convert_many({"table.docx": table}, "rtf", tmp / "rtf")
    return {"table.doc": docs["table"], "paragraphs.doc": docs["paragraphs"],
            "table.rtf": rtf["table"], "policy.doc": docs["policy"]}


@pytest.mark.parametrize("key", ["table.doc", "paragraphs.doc", "table.rtf"])
def test_legacy_word_form_is_converted_and_parsed(legacy_forms: dict[str, bytes],
                                                  key: str) -> None:
    data = legacy_forms[key]
    assert data.startswith(form_doc.OLE2_MAGIC if key.endswith(".doc") else b"{\\rtf")
    form = ff.parse(f"申报书{Path(key).suffix}", data)
    assert form.fields == ff.expected_fields(category="坚守故事")
    assert form.notes == [CONVERTED_NOTE]
    assert ff.DOC_TITLE in form.text.split("\n")


def test_looks_like_form_reads_doc_text_without_converting(legacy_forms: dict[str, bytes],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(form_doc, "convert_to_docx", None)  # would fail if called
    assert looks_like_form("申报书.doc", legacy_forms["table.doc"]) is True
    assert looks_like_form("申报书.doc", legacy_forms["paragraphs.doc"]) is True
    assert looks_like_form("通知.doc", legacy_forms["policy.doc"]) is False


def test_explicit_soffice_path_is_used(legacy_forms: dict[str, bytes],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    soffice = form_doc.find_soffice()

    def no_lookup() -> None:
        raise AssertionError("find_soffice() must not be called when a path is given")

    monkeypatch.setattr(form_doc, "find_soffice", no_lookup)
    form = ff.parse("申报书.doc", legacy_forms["table.doc"], soffice=soffice)
    assert form.fields["unit"] == ff.UNIT


def test_missing_libreoffice_is_a_clear_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(form_doc, "KNOWN_LOCATIONS", ())
    assert form_doc.find_soffice() is None
    data = form_doc.OLE2_MAGIC + bytes(4096)
    with pytest.raises(PanelDeskError) as err:
        ff.parse("旧申报书.doc", data)
    assert str(err.value).startswith("需要 LibreOffice（soffice）才能读取旧版 .doc：旧申报书.doc")


def test_soffice_that_cannot_run_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PanelDeskError, match=r"^需要 LibreOffice（soffice）才能读取旧版 \.doc：a\.doc（无法运行"):
        ff.parse("a.doc", form_doc.OLE2_MAGIC + bytes(512), soffice=str(tmp_path / "nope"))


def test_conversion_without_output_is_reported(tmp_path: Path) -> None:
    # A stand-in "soffice" that exits without writing anything, as LibreOffice does for
    # a file it cannot load.
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    with pytest.raises(PanelDeskError, match=r"^坏\.doc：LibreOffice 无法转换这个 \.doc 文件"):
        ff.parse("坏.doc", form_doc.OLE2_MAGIC + os.urandom(2048), soffice=str(fake))


def test_encrypted_word_file_is_refused_before_converting(tmp_path: Path) -> None:
    data = form_doc.OLE2_MAGIC + bytes(100) + "EncryptedPackage".encode("utf-16-le") + bytes(100)
    with pytest.raises(PanelDeskError, match=r"^加密\.docx：Word 文档设置了打开密码"):
        ff.parse("加密.docx", data, soffice=str(tmp_path / "never-run"))


def test_find_soffice_prefers_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "libreoffice"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(form_doc, "KNOWN_LOCATIONS", ())
    assert form_doc.find_soffice() == str(fake)


def test_legacy_word_form_layout_keeps_its_table(legacy_forms: dict[str, bytes]) -> None:
    layout = read_layout("申报书.doc", "doc", legacy_forms["table.doc"])
    [table] = [b for b in layout.blocks if isinstance(b, LayoutTable)]
    assert (table.rows, table.columns) == (7, 2)
    title = table.cells[0]
    assert (title.column_span, title.text) == (2, ff.DOC_TITLE)
    assert [c.text for c in table.cells[1:3]] == ["申报单位", ff.UNIT]
