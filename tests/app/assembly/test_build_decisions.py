"""The organizer's decisions applied by the builder: exclusions, field edits, duplicates,
acknowledged warnings — reflected in the report and the signed manifest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.assembly.builder import BuildOptions, build_packet
from app.errors import PanelDeskError
from app.intake.roster import default_roster
from app.keys import demo_signing_key
from app.organizer.decisions import IntakeDecisions
from app.packet import open_packet
from app.rubrics import load_default_rubric
from tests.app.assembly.test_builder import intake  # noqa: F401 — the shared fixture


def build(folder: Path, out: Path, decisions: dict | None):
    parsed = None if decisions is None else IntakeDecisions.parse(
        json.dumps({"version": 1, "entries": decisions}), "decisions.json")
    options = BuildOptions(rubric=load_default_rubric(), roster=default_roster(),
                           title="测试评审包", decisions=parsed, packet_id="PD-TEST",
                           created="2026-01-01T00:00:00Z")
    return build_packet(folder, out, demo_signing_key(), options)


def manifest_of(path: Path) -> dict:
    with open_packet(path) as packet:
        return json.loads(packet.manifest_bytes)


def test_exclusion_category_and_duplicate(intake: Path, tmp_path: Path) -> None:  # noqa: F811
    rubric = load_default_rubric()
    new_category = rubric.categories[0]  # the zipped entry ticked the last one
    decisions = {
        "02 重复发送": {"duplicate_of": "01 某市热线-感动瞬间"},
        "03 低分辨率与身份证": {"exclude": "申报单位撤回"},
        "05 某县热线.zip": {"fields": {"category": new_category, "title": "乡村诉求快办（修订）"}},
    }
    report = build(intake, tmp_path / "p.panelpack", decisions)
    by_source = {e.source: e for e in report.entries}
    assert by_source["03 低分辨率与身份证"].status == "excluded"
    assert by_source["03 低分辨率与身份证"].reason == "申报单位撤回"
    assert by_source["02 重复发送"].status == "excluded"
    assert "01 某市热线-感动瞬间" in by_source["02 重复发送"].reason
    data = report.to_dict()
    assert data["counts"]["excluded"] == 2
    assert [e.submission.id for e in report.included] == ["S001", "S002"]
    manifest = manifest_of(tmp_path / "p.panelpack")
    subs = {s["id"]: s for s in manifest["submissions"]}
    kept = subs["S001"]
    # The kept one no longer warns (its partner is gone) and records the decision.
    assert "duplicate" not in [w["code"] for w in kept["warnings"]]
    assert kept["duplicates"] == {"flagged": [], "excluded": ["02 重复发送"], "decided": True}
    assert kept["decisions"]["source"] == "01 某市热线-感动瞬间"
    zipped = subs["S002"]
    assert zipped["category"] == new_category and zipped["title"] == "乡村诉求快办（修订）"
    # The packet records the new values; the old ones stay in the organizer's report.
    assert zipped["decisions"]["fields"] == {"category": {"new": new_category},
                                             "title": {"new": "乡村诉求快办（修订）"}}
    changes = data["entries"][[e["source"] for e in data["entries"]].index(
        "05 某县热线.zip")]["field_changes"]
    assert changes["category"]["new"] == new_category and changes["category"]["old"]
    assert changes["title"] == {"old": "乡村诉求快办", "new": "乡村诉求快办（修订）"}
    assert "乡村诉求快办（修订）" in zipped["text"] and "乡村诉求快办\n" not in zipped["text"]
    assert manifest["excluded"] == [
        {"source": "02 重复发送", "reason": by_source["02 重复发送"].reason, "duplicate_of": "S001"},
        {"source": "03 低分辨率与身份证", "reason": "申报单位撤回"}]
    with open_packet(tmp_path / "p.panelpack") as packet:
        first = packet.manifest.submission("S001")
        assert first.duplicates is not None and first.duplicates.decided


def test_undecided_duplicates_are_flagged_in_the_manifest(intake: Path,  # noqa: F811
                                                          tmp_path: Path) -> None:
    build(intake, tmp_path / "p.panelpack", None)
    subs = {s["id"]: s for s in manifest_of(tmp_path / "p.panelpack")["submissions"]}
    assert subs["S001"]["duplicates"] == {"flagged": ["S002"], "excluded": [], "decided": False}
    assert subs["S002"]["duplicates"]["flagged"] == ["S001"]
    assert "duplicates" not in subs["S003"] and "decisions" not in subs["S003"]


def test_acknowledged_duplicate_settles_the_pair(intake: Path, tmp_path: Path) -> None:  # noqa: F811
    decisions = {"01 某市热线-感动瞬间": {"acknowledge": {"duplicate": "两个不同的项目"}}}
    build(intake, tmp_path / "p.panelpack", decisions)
    subs = {s["id"]: s for s in manifest_of(tmp_path / "p.panelpack")["submissions"]}
    assert subs["S001"]["duplicates"]["decided"] and subs["S002"]["duplicates"]["decided"]
    assert "duplicate" not in [w["code"] for w in subs["S001"]["warnings"]]
    ack = subs["S001"]["decisions"]["acknowledged"]["duplicate"]
    assert ack["note"] == "两个不同的项目" and ack["kept"] is False and ack["messages"]


def test_kept_warning_carries_the_note(intake: Path, tmp_path: Path) -> None:  # noqa: F811
    decisions = {"03 低分辨率与身份证": {"acknowledge": {"image_resolution": "原图已索取"},
                                       "keep_warnings": ["image_resolution"]}}
    build(intake, tmp_path / "p.panelpack", decisions)
    subs = {s["id"]: s for s in manifest_of(tmp_path / "p.panelpack")["submissions"]}
    kept = [w for w in subs["S003"]["warnings"] if w["code"] == "image_resolution"]
    assert kept and "原图已索取" in kept[0]["message"]
    assert subs["S003"]["decisions"]["acknowledged"]["image_resolution"]["kept"] is True


def test_same_inputs_give_the_same_packet_content(intake: Path, tmp_path: Path) -> None:  # noqa: F811
    decisions = {"02 重复发送": {"duplicate_of": "01 某市热线-感动瞬间"},
                 "05 某县热线.zip": {"fields": {"title": "新标题"}}}
    build(intake, tmp_path / "a.panelpack", decisions)
    build(intake, tmp_path / "b.panelpack", decisions)
    first, second = manifest_of(tmp_path / "a.panelpack"), manifest_of(tmp_path / "b.panelpack")
    assert first["submissions"] == second["submissions"]
    assert first["excluded"] == second["excluded"]


def test_unknown_sources_warn_and_unknown_categories_fail(intake: Path,  # noqa: F811
                                                          tmp_path: Path) -> None:
    report = build(intake, tmp_path / "p.panelpack", {
        "不存在的条目": {"exclude": "x"}, "02 重复发送": {"duplicate_of": "也不存在"},
        "01 某市热线-感动瞬间": {"acknowledge": {"word_count": "x"}},
        "04 坏申报书": {"fields": {"title": "补标题"}}})
    text = "\n".join(report.warnings)
    assert "不存在的条目" in text and "也不存在" in text and "word_count" in text
    assert "“04 坏申报书”已被拒收" in text
    with pytest.raises(PanelDeskError, match="没有这个类别"):
        build(intake, tmp_path / "q.panelpack",
              {"01 某市热线-感动瞬间": {"fields": {"category": "没有这个类别"}}})
    assert not (tmp_path / "q.panelpack").exists()


def test_contact_edits_never_reach_the_expert_packet(intake: Path, tmp_path: Path) -> None:  # noqa: F811
    build(intake, tmp_path / "p.panelpack",
          {"01 某市热线-感动瞬间": {"fields": {"contact_info": "13911112222"}}})
    text = (tmp_path / "p.panelpack").read_bytes()
    manifest = json.dumps(manifest_of(tmp_path / "p.panelpack"), ensure_ascii=False)
    assert "13911112222" not in manifest and "13800000000" not in manifest
    assert b"13911112222" not in text


def test_what_an_edit_removed_never_reaches_the_expert_packet(intake: Path,  # noqa: F811
                                                               tmp_path: Path) -> None:
    """Masking a number in the body: neither the form's full text nor the decision record
    in the packet keeps the old value (the report, for the organizer, does)."""
    with open_packet(build(intake, tmp_path / "a.panelpack", None).packet_path) as packet:
        body = packet.manifest.submission("S001").fields["body"]
    number = next(w for w in body.split() if any(c.isdigit() for c in w))
    masked = body.replace(number, "〔已隐去〕")
    report = build(intake, tmp_path / "p.panelpack",
                   {"01 某市热线-感动瞬间": {"fields": {"body": masked}}})
    sub = {s["id"]: s for s in manifest_of(tmp_path / "p.panelpack")["submissions"]}["S001"]
    assert sub["fields"]["body"] == masked
    assert number not in json.dumps(sub, ensure_ascii=False)
    assert report.to_dict()["entries"][0]["field_changes"]["body"]["old"] == body


def test_an_old_value_not_found_as_it_is_rebuilds_the_text(tmp_path: Path) -> None:
    from app.assembly.apply import edited_text
    from app.model import FIELD_LABELS

    fields = {"title": "新标题", "body": "正文"}
    changes = {"body": {"old": "电话 139 1234 5678", "new": "正文"}}
    text = edited_text("【详细内容】电话 139\n1234 5678", changes, fields, FIELD_LABELS)
    assert "5678" not in text and "【实践标题】\n新标题" in text and "正文" in text
