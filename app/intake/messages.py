"""The texts of the intake warnings, marked for translation, and how to read them back.

A packet stores each warning's message as Chinese text (the manifest is signed and
read by the command line too).  The checks format these templates (`warning`), and the
interface turns a stored text back into a translatable `Message` with `recognise_warning`
— the same templates both ways, so the two cannot drift apart.  The words put into the
templates (field names, 不足/超出, the kinds of number) are marked in the same context,
so the interface translates them as well.
"""

from __future__ import annotations

from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Message, recognise

CONTEXT = "IntakeWarning"

FIELD_MISSING = QT_TRANSLATE_NOOP("IntakeWarning", "申报书缺少“{field}”")
WORD_COUNT = QT_TRANSLATE_NOOP("IntakeWarning", "详细内容约 {count} 字，{side}建议范围 {low}–{high} 字")
PII = QT_TRANSLATE_NOOP("IntakeWarning", "疑似未脱敏{kind}：{masked}")
IMAGE_COUNT = QT_TRANSLATE_NOOP("IntakeWarning", "附图 {count} 张，要求 {wanted} 张")
IMAGE_FORMAT = QT_TRANSLATE_NOOP("IntakeWarning", "图片格式为 {found}，要求 {wanted}")
IMAGE_RESOLUTION = QT_TRANSLATE_NOOP("IntakeWarning", "图片分辨率不足{side}P（{width}×{height}）")
UNREADABLE = QT_TRANSLATE_NOOP("IntakeWarning", "附件“{name}”无法安全打开：{problem}")
DUPLICATE = QT_TRANSLATE_NOOP("IntakeWarning", "与 {ids} 单位和标题相同，疑似重复申报")
CATEGORY_NONE = QT_TRANSLATE_NOOP(
    "IntakeWarning", "未能确定实践类别：申报书未填写或未勾选类别（应为 {allowed} 之一）")
CATEGORY_SEVERAL = QT_TRANSLATE_NOOP(
    "IntakeWarning", "未能确定实践类别：填写或勾选了多个类别（{named}），请与申报单位确认")
CATEGORY_GUESS = QT_TRANSLATE_NOOP(
    "IntakeWarning", "未能确定实践类别：“{value}”，可能是“{guess}”，请核对")
CATEGORY_UNKNOWN = QT_TRANSLATE_NOOP("IntakeWarning", "未能确定实践类别：“{value}”不是 {allowed} 之一")

# Most specific first: recognising takes the first template that produces the text.
TEMPLATES = (FIELD_MISSING, WORD_COUNT, IMAGE_COUNT, IMAGE_FORMAT, IMAGE_RESOLUTION,
             UNREADABLE, DUPLICATE, CATEGORY_NONE, CATEGORY_SEVERAL, CATEGORY_GUESS,
             CATEGORY_UNKNOWN, PII)

# The words the templates are filled with, marked so the interface can translate them.
SHORT = QT_TRANSLATE_NOOP("IntakeWarning", "不足")
LONG = QT_TRANSLATE_NOOP("IntakeWarning", "超出")
PII_KINDS = {"pii_phone": QT_TRANSLATE_NOOP("IntakeWarning", "手机号"),
             "pii_id_number": QT_TRANSLATE_NOOP("IntakeWarning", "身份证号"),
             "pii_bank_card": QT_TRANSLATE_NOOP("IntakeWarning", "银行卡号")}
FIELD_WORDS = (QT_TRANSLATE_NOOP("IntakeWarning", "申报单位"),
               QT_TRANSLATE_NOOP("IntakeWarning", "联系人"),
               QT_TRANSLATE_NOOP("IntakeWarning", "联系方式"),
               QT_TRANSLATE_NOOP("IntakeWarning", "实践类别"),
               QT_TRANSLATE_NOOP("IntakeWarning", "实践标题"),
               QT_TRANSLATE_NOOP("IntakeWarning", "核心亮点"),
               QT_TRANSLATE_NOOP("IntakeWarning", "详细内容"))


def warning(template: str, **args: Any) -> Message:
    """One warning's message: `template` (one of the above) filled in."""
    return Message(CONTEXT, template, **args)


def recognise_warning(text: str) -> Message | str:
    """A stored warning text as the translatable `Message` that made it (else `text`)."""
    return recognise(text, ((CONTEXT, template) for template in TEMPLATES))
