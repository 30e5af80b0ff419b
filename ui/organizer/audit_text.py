"""The audit log's values and reasons in words, for the 操作记录 table.

The log stores what changed as JSON (`app.organizer.project`, `ui.organizer.round`) and,
for roster changes, a short reason code; the table shows them as a person reads them —
known keys named, yes/no for flags, lists joined — and keeps the exact JSON as tooltip.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui.organizer.intake_model import field_label, warning_label

CONTEXT = "AuditText"
KEY_TEXT = {  # keys of the JSON the log stores
    "exclude": QT_TRANSLATE_NOOP("AuditText", "排除"),
    "duplicate_of": QT_TRANSLATE_NOOP("AuditText", "重复于"),
    "fields": QT_TRANSLATE_NOOP("AuditText", "字段"),
    "acknowledge": QT_TRANSLATE_NOOP("AuditText", "确认提示"),
    "keep_warnings": QT_TRANSLATE_NOOP("AuditText", "仍向专家显示"),
    "assigned": QT_TRANSLATE_NOOP("AuditText", "已分配"),
    "override": QT_TRANSLATE_NOOP("AuditText", "手动调整"),
    "id": QT_TRANSLATE_NOOP("AuditText", "编号"),
    "name": QT_TRANSLATE_NOOP("AuditText", "姓名"),
    "organization": QT_TRANSLATE_NOOP("AuditText", "单位"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditText", "指纹"),
}
VALUE_TEXT = {
    "assign": QT_TRANSLATE_NOOP("AuditText", "分配"),
    "unassign": QT_TRANSLATE_NOOP("AuditText", "取消分配"),
}
REASON_TEXT = {  # the roster page's reason codes
    "add": QT_TRANSLATE_NOOP("AuditText", "添加专家"),
    "edit": QT_TRANSLATE_NOOP("AuditText", "修改专家信息"),
    "remove": QT_TRANSLATE_NOOP("AuditText", "删除专家"),
    "fingerprint": QT_TRANSLATE_NOOP("AuditText", "登记指纹"),
    "import": QT_TRANSLATE_NOOP("AuditText", "导入名单"),
}
YES, NO, NOTHING = (QT_TRANSLATE_NOOP("AuditText", "是"), QT_TRANSLATE_NOOP("AuditText", "否"),
                    "—")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def value_text(stored: str | None) -> str:
    """A logged value in words; text that is not JSON as it is."""
    if not stored:
        return ""
    try:
        value = json.loads(stored)
    except ValueError:
        return stored
    return _words(value, None, 0)


def reason_text(reason: str | None) -> str:
    """A logged reason; the roster page's codes ("add", "import roster.csv") in words."""
    code, _, rest = (reason or "").partition(" ")
    if code in REASON_TEXT:
        return " ".join(filter(None, (tr(REASON_TEXT[code]), rest)))
    return reason or ""


def _words(value: Any, key: str | None, depth: int) -> str:
    if value is None:
        return NOTHING
    if isinstance(value, bool):
        return tr(YES if value else NO)
    if isinstance(value, dict):
        parts = [f"{_key(k, key)}：{_words(v, k, depth + 1)}" for k, v in value.items()]
        return "；".join(parts) if depth == 0 else "（" + "，".join(parts) + "）"
    if isinstance(value, list):
        if all(isinstance(v, list) and v and isinstance(v[0], list) for v in value):
            return "；".join(_words(v, key, depth + 1) for v in value)  # several tables
        if value and all(not isinstance(v, dict | list) for v in value) and key is None:
            return " ".join(_words(v, key, depth) for v in value)  # one row of a table
        return "、".join(_words(v, key, depth + 1) for v in value) or NOTHING
    text = str(value)
    if key == "keep_warnings":
        return warning_label(text)
    return tr(VALUE_TEXT[text]) if text in VALUE_TEXT else text


def _key(key: str, parent: str | None) -> str:
    if parent == "fields":
        return field_label(key)
    if parent in ("acknowledge",):
        return warning_label(key)
    return tr(KEY_TEXT[key]) if key in KEY_TEXT else key
