"""End to end: an intake folder with good, odd and hostile entries becomes a signed packet."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pymupdf
import pytest
from docx import Document

from app.assembly.builder import BuildOptions, build_packet
from app.intake.roster import default_roster
from app.keys import demo_signing_key
from app.packet import open_packet
from app.rubrics import load_default_rubric

BODY = "2025年4月，热线接到独居老人深夜求助，接线员一边安抚一边联系社区网格员上门处置。" * 30


def jpeg(width: int, height: int) -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pix.clear_with(180)
    return pix.tobytes("jpeg")


def form(unit: str, title: str, *, category: str = "☑感动瞬间 □创新机制 □坚守故事 □治理成效",
         body: str = BODY, contact: str = "王芳 13800000000", highlights: str = "深夜求助，一小时上门") -> bytes:
    doc = Document()
    rows = [("申报单位（盖章）", unit), ("联系人及联系方式", contact), ("实践类别", category),
            ("实践标题", title), ("核心亮点", highlights), ("详细内容", body)]
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def make_entry(root: Path, name: str, files: dict[str, bytes]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    for fname, data in files.items():
        (folder / fname).write_bytes(data)


@pytest.fixture()
def intake(tmp_path: Path) -> Path:
    root = tmp_path / "intake"
    photo = jpeg(1920, 1080)
    make_entry(root, "01 某市热线-感动瞬间", {"申报书.docx": form("某市12345热线", "深夜里的一通电话"),
                                           "照片1.jpg": photo, "照片2.jpg": photo})
    make_entry(root, "02 重复发送", {"申报书.docx": form("某市12345热线", "深夜里的一通电话"),
                                 "照片1.jpg": photo, "照片2.jpg": photo})
    make_entry(root, "03 低分辨率与身份证", {
        "申报表.docx": form("某区热线", "低分辨率", body=BODY + "当事人身份证号110101199003074514。"),
        "截图.jpg": jpeg(1280, 720), "截断.jpg": photo[: len(photo) // 2]})
    make_entry(root, "04 坏申报书", {"申报书.docx": b"this is not a docx at all"})
    # An entry as a zip, with a top folder inside, like a mail attachment saved as is.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("某县热线/申报书.docx", form("某县热线", "乡村诉求快办", category="治理成效"))
        zf.writestr("某县热线/a.jpg", photo)
        zf.writestr("某县热线/b.jpg", photo)
        zf.writestr("../../escape.txt", b"nope")
    (root / "05 某县热线.zip").write_bytes(buf.getvalue())
    (root / "06 空白.zip").write_bytes(b"PK\x03\x04 broken")
    return root


def build(intake: Path, out: Path, keep_contacts: bool = False):
    options = BuildOptions(rubric=load_default_rubric(), roster=default_roster(),
                           title="测试评审包", keep_contacts=keep_contacts)
    return build_packet(intake, out, demo_signing_key(), options)


def test_build_includes_good_entries_and_rejects_broken_ones(intake: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "p.panelpack"
    out.parent.mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    report = build(intake, out)
    by_source = {e.source: e for e in report.entries}
    assert [e.source for e in report.rejected] == ["04 坏申报书", "06 空白.zip"]
    assert "04 坏申报书" in by_source and by_source["04 坏申报书"].reason
    ids = [e.submission.id for e in report.included]
    assert ids == ["S001", "S002", "S003", "S004"]
    codes = {e.source: [w.code for w in e.submission.warnings] for e in report.included}
    assert "duplicate" in codes["01 某市热线-感动瞬间"] and "duplicate" in codes["02 重复发送"]
    assert {"image_resolution", "unreadable_file", "pii_id_number", "image_count"} <= set(
        codes["03 低分辨率与身份证"])
    zipped = by_source["05 某县热线.zip"].submission
    assert zipped.category == "治理成效" and zipped.unit == "某县热线"
    assert any("路径不安全" in n for n in by_source["05 某县热线.zip"].notes)
    # The organizer sees it as a warning too, not only as a note in the JSON report.
    unsafe = [w for w in zipped.warnings if w.code == "unsafe_archive"]
    assert len(unsafe) == 1 and "../../escape.txt" in unsafe[0].message
    # Nothing written anywhere but the output file.
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert [p.name for p in out.parent.iterdir()] == ["p.panelpack"]
    assert not (tmp_path.parent / "escape.txt").exists()


def test_contacts_stay_out_of_the_expert_packet_by_default(intake: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    report = build(intake, out)
    with open_packet(out) as packet:
        manifest_bytes = packet.manifest_bytes.decode("utf-8")
        first = packet.manifest.submissions[0]
        assert first.fields.get("unit") == "某市12345热线"
        assert "contact_name" not in first.fields and "contact_info" not in first.fields
        assert all(f.role == "evidence" for f in first.files)
        assert "13800000000" not in manifest_bytes and "王芳" not in manifest_bytes
        for f in first.files:
            assert packet.read(f.name)  # hash-checked read
    assert report.included[0].contacts["contact_info"].endswith("13800000000")
    json.dumps(report.to_dict(), ensure_ascii=False)  # the report is JSON-safe


def test_keep_contacts_keeps_fields_and_form(intake: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    build(intake, out, keep_contacts=True)
    with open_packet(out) as packet:
        first = packet.manifest.submissions[0]
        assert "13800000000" in first.fields["contact_info"]
        forms = [f for f in first.files if f.role == "form"]
        assert len(forms) == 1 and forms[0].name == "S001/form.docx"


def test_evidence_images_carry_dimensions(intake: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.panelpack"
    build(intake, out)
    with open_packet(out) as packet:
        third = packet.manifest.submission("S003")
        shot = [f for f in third.files if f.original_name == "截图.jpg"][0]
        assert (shot.width, shot.height, shot.media_type) == (1280, 720, "image/jpeg")
        assert not any(f.original_name == "截断.jpg" for f in third.files)


def test_contacts_in_separate_rows_are_masked_in_the_text(tmp_path: Path) -> None:
    doc = Document()
    rows = [("申报单位", "某区热线"), ("联系人", "李娜"), ("联系电话", "010-55501234"),
            ("邮箱", "lina@example.cn"), ("实践类别", "☑创新机制 ☑治理成效 □感动瞬间 □坚守故事"),
            ("实践标题", "多部门联办"), ("核心亮点", "一号响应"), ("详细内容", BODY)]
    table = doc.add_table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    buf = io.BytesIO()
    doc.save(buf)
    photo = jpeg(1920, 1080)
    make_entry(tmp_path / "intake", "entry", {"申报书.docx": buf.getvalue(), "1.jpg": photo,
                                              "2.jpg": photo})
    out = tmp_path / "p.panelpack"
    report = build(tmp_path / "intake", out)
    with open_packet(out) as packet:
        text = packet.manifest_bytes.decode("utf-8")
    for secret in ("李娜", "010-55501234", "lina@example.cn"):
        assert secret not in text
    sub = report.included[0].submission
    missing = [w.message for w in sub.warnings if w.code == "category_missing"]
    assert missing and "创新机制" in missing[0] and "治理成效" in missing[0]


def test_rejection_names_the_hostile_member(tmp_path: Path) -> None:
    root = tmp_path / "intake"
    root.mkdir()
    with zipfile.ZipFile(root / "炸弹.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("申报书.docx", b"\0" * (20 * 1024 * 1024))
    make_entry(root, "好的", {"申报书.docx": form("某市热线", "好的申报"),
                             "1.jpg": jpeg(1920, 1080), "2.jpg": jpeg(1920, 1080)})
    report = build(root, tmp_path / "p.panelpack")
    rejected = {e.source: e.reason for e in report.rejected}
    assert list(rejected) == ["炸弹.zip"]
    assert "没有可读取的文件" in rejected["炸弹.zip"] and "压缩炸弹" in rejected["炸弹.zip"]
    assert [e.submission.id for e in report.included] == ["S001"]
