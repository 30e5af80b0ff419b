"""Cases from a held-out mailbox (entries as organisers receive them) that the builder
got wrong: contact details repeated in the body, several forms in one mail, archives
it cannot open."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from app.assembly.builder import NothingIncluded
from app.assembly.scan import effective, scan_entry
from app.packet import open_packet
from app.rubrics import load_default_rubric
from tests.app.assembly.test_builder import BODY, build, form, jpeg, make_entry

NUMBER = "13912340000"


def test_contact_repeated_in_the_body_is_masked_where_experts_read_it(tmp_path: Path) -> None:
    intake = tmp_path / "intake"
    photo = jpeg(1920, 1080)
    body = BODY + f"如有疑问请联系本单位刘某某 {NUMBER}。群众王某（手机13812345678）来电致谢。"
    make_entry(intake, "01 某区热线", {
        "申报书.docx": form("某区热线", "跨境通勤群众的证件补办", contact=f"刘某某 {NUMBER}",
                          body=body, highlights=f"专人对接（刘某某 {NUMBER}）"),
        "照片1.jpg": photo, "照片2.jpg": photo})
    report = build(intake, tmp_path / "p.panelpack")
    assert report.entries[0].contacts == {"contact_name": "刘某某", "contact_info": NUMBER}
    with open_packet(tmp_path / "p.panelpack") as packet:
        sub = packet.manifest.submissions[0]
    for key in ("body", "highlights"):
        assert NUMBER not in sub.fields[key] and "刘某某" not in sub.fields[key]
        assert "〔联系方式已隐去〕" in sub.fields[key]
    assert NUMBER not in sub.text
    # The other caller's number is not a contact: it stays, warned about, and the
    # warning's span points at it in the masked body.
    phones = [w for w in sub.warnings if w.code == "pii_phone"]
    assert len(phones) == 1
    start, end = phones[0].spans[0]
    assert sub.fields["body"][start:end] == "13812345678"


def contact_in_body(tmp_path: Path, more: str) -> Path:
    """An intake of one entry whose body repeats the contact's number, then `more`."""
    intake = tmp_path / "intake"
    photo = jpeg(1920, 1080)
    body = BODY + f"如有疑问请联系本单位刘某某 {NUMBER}。" + more
    make_entry(intake, "01 某区热线", {
        "申报书.docx": form("某区热线", "标题", contact=f"刘某某 {NUMBER}", body=body),
        "照片1.jpg": photo, "照片2.jpg": photo})
    return intake


def test_keep_contacts_leaves_the_body_as_written(tmp_path: Path) -> None:
    intake = contact_in_body(tmp_path, "")
    build(intake, tmp_path / "p.panelpack", keep_contacts=True)
    with open_packet(tmp_path / "p.panelpack") as packet:
        assert NUMBER in packet.manifest.submissions[0].fields["body"]


def test_two_forms_in_one_mail_final_read_draft_named_not_shipped(tmp_path: Path) -> None:
    intake = tmp_path / "intake"
    photo = jpeg(1920, 1080)
    make_entry(intake, "01 某区热线", {
        "申报书-初稿.docx": form("某区热线", "初稿标题"),
        "申报书-定稿.docx": form("某区热线", "台风天的物资求助协调"),
        "照片1.jpg": photo, "照片2.jpg": photo})
    report = build(intake, tmp_path / "p.panelpack")
    entry = report.entries[0]
    assert entry.submission is not None and entry.submission.title == "台风天的物资求助协调"
    assert any("申报书-初稿.docx" in note and "2 份申报书" in note for note in entry.notes)
    # The other copy holds the contact details the packet leaves out: not evidence.
    assert [f.original_name for f in entry.submission.files] == ["照片1.jpg", "照片2.jpg"]
    scanned = scan_entry(intake / "01 某区热线", load_default_rubric())
    assert [e.name for e in scanned.evidence] == ["照片1.jpg", "照片2.jpg"]
    assert scanned.notes == tuple(entry.notes)


def test_an_archive_the_intake_cannot_open_is_named_in_the_rejection(tmp_path: Path) -> None:
    intake = tmp_path / "intake"
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("申报书.docx", form("某区热线", "标题"))
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as zf:
        zf.writestr("某区申报材料.zip", inner.getvalue())
    intake.mkdir()
    (intake / "01 某区热线.zip").write_bytes(outer.getvalue())
    make_entry(intake, "02 某县热线", {"申报材料.rar": b"Rar!\x1a\x07\x01\x00" + bytes(64)})
    reasons = [e.reason for e in build_report_allowing_nothing(intake, tmp_path)]
    assert "“某区申报材料.zip”无法读取" in reasons[0]
    assert "“申报材料.rar”无法读取" in reasons[1]


def build_report_allowing_nothing(intake: Path, tmp_path: Path):
    try:
        return build(intake, tmp_path / "p.panelpack").entries
    except NothingIncluded as err:
        return err.report.entries


def test_a_letter_named_like_a_form_does_not_win_over_the_form(tmp_path: Path) -> None:
    from docx import Document

    letter = Document()
    for line in ("推荐函", "兹推荐我单位参加本次征集。", "某区政务服务管理局", "2026年2月1日"):
        letter.add_paragraph(line)
    buffer = io.BytesIO()
    letter.save(buffer)
    intake = tmp_path / "intake"
    photo = jpeg(1920, 1080)
    make_entry(intake, "01 某区热线", {
        "申报单位推荐函.docx": buffer.getvalue(), "某区热线创新实践.docx": form("某区热线", "深夜来电"),
        "照片1.jpg": photo, "照片2.jpg": photo})
    scanned = scan_entry(intake / "01 某区热线", load_default_rubric())
    assert scanned.form_name == "某区热线创新实践.docx"
    assert scanned.fields["title"] == "深夜来电"
    assert [e.name for e in scanned.evidence] == ["照片1.jpg", "照片2.jpg", "申报单位推荐函.docx"]


def test_pictures_pasted_into_the_form_reach_experts_as_evidence(tmp_path: Path) -> None:
    from app.assembly.scan import entry_file_data
    from app.intake.source import read_entry
    from tests.app.intake.test_heldout_forms import form_with_pictures, picture

    intake = tmp_path / "intake"
    make_entry(intake, "01 某区热线", {"申报书.docx": form_with_pictures(40, 90)})
    report = build(intake, tmp_path / "p.panelpack")
    entry = report.entries[0]
    assert entry.submission is not None
    assert [(f.original_name, f.kind) for f in entry.submission.files] == [
        ("申报书（内嵌图片1）.jpg", "image"), ("申报书（内嵌图片2）.jpg", "image")]
    assert "image_count" not in [w.code for w in entry.submission.warnings]
    assert any("嵌入了 2 张图片" in note for note in entry.notes)
    scanned = scan_entry(intake / "01 某区热线", load_default_rubric())
    assert scanned.image_count == 2
    # The organizer's previews find them under the same names.
    data = entry_file_data(read_entry(intake / "01 某区热线"), scanned.form_name, scanned.form_kind)
    assert data["申报书（内嵌图片2）.jpg"] == picture(90)


def test_photographs_in_a_pdf_form_reach_experts_as_evidence(tmp_path: Path) -> None:
    from app.assembly.scan import entry_file_data
    from app.intake.source import read_entry
    from tests.app.intake.test_heldout_forms import pdf_form_with_pictures, picture

    intake = tmp_path / "intake"
    make_entry(intake, "01 某区热线", {"申报书.pdf": pdf_form_with_pictures()})
    scanned = scan_entry(intake / "01 某区热线", load_default_rubric())
    assert [e.name for e in scanned.evidence] == ["申报书（内嵌图片1）.jpeg",
                                                  "申报书（内嵌图片2）.jpeg"]
    data = entry_file_data(read_entry(intake / "01 某区热线"), scanned.form_name, scanned.form_kind)
    assert data["申报书（内嵌图片1）.jpeg"] == picture(40)


def test_the_review_warns_of_the_same_numbers_as_the_packet(tmp_path: Path) -> None:
    intake = contact_in_body(tmp_path, "群众王某（手机13812345678）来电致谢。")
    scanned = scan_entry(intake / "01 某区热线", load_default_rubric())
    _fields, warnings = effective(scanned, {}, load_default_rubric())
    report = build(intake, tmp_path / "p.panelpack")
    assert report.entries[0].submission is not None
    packet = [(w.code, w.message) for w in report.entries[0].submission.warnings]
    assert [(w.code, w.message) for w in warnings] == packet
    assert [code for code, _ in packet if code.startswith("pii")] == ["pii_phone"]  # 王某 only
