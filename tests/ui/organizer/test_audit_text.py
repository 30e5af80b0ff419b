"""The 操作记录 table shows logged values and reasons in words, the JSON as tooltip."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from ui.organizer.audit_text import reason_text, value_text
from ui.organizer.audit_view import AuditModel


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def test_intake_decisions_pairs_and_rosters_read_as_words(qapp) -> None:
    assert value_text(dumps({"exclude": "撤回"})) == "排除：撤回"
    assert value_text(dumps({"fields": {"category": "甲类", "title": "新题"},
                             "keep_warnings": ["pii_phone"]})) == (
        "字段：（实践类别：甲类，实践标题：新题）；仍向专家显示：手机号")
    assert value_text(dumps({"assigned": True, "override": "assign"})) == "已分配：是；手动调整：分配"
    assert value_text(dumps([[["E1", "甲类"], ["E2", "乙类"]], [["E2", "某市热线"]]])) == (
        "E1 甲类、E2 乙类；E2 某市热线")
    assert value_text(dumps([{"id": "E1", "name": "王", "fingerprint": None}])) == (
        "（编号：E1，姓名：王，指纹：—）")
    assert value_text("not json") == "not json" and value_text(None) == ""


def test_roster_reason_codes_read_as_words(qapp) -> None:
    assert reason_text("add") == "添加专家"
    assert reason_text("import 名单.csv") == "导入名单 名单.csv"
    assert reason_text("来函撤回") == "来函撤回"


def test_the_table_shows_words_and_keeps_the_json_as_tooltip(qapp) -> None:
    model = AuditModel()
    old, new = dumps({}), dumps({"exclude": "撤回"})
    model.set_rows([{"id": 1, "at": "2026-12-07T01:02:03.000Z", "who": "王秘书",
                     "action": "exclude", "subject": "01 某单位", "old": old, "new": new,
                     "reason": "fingerprint"}])
    cell = model.index(0, AuditModel.NEW)
    assert model.data(cell) == "排除：撤回"
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == new
    assert model.data(model.index(0, AuditModel.REASON)) == "登记指纹"
    assert model.data(model.index(0, AuditModel.AT)) == "2026-12-07 01:02:03"
