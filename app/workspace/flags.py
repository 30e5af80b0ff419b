"""The flags an expert can raise on a submission (docs/formats.md §3): 疑似不实, 未脱敏, 类别不符.

Kept apart from the database schema so the GUI can name them without importing the store.
"""

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message

FLAGS = ("suspect_untrue", "pii_unmasked", "wrong_category")
# Translated where shown: QCoreApplication.translate(FLAG_CONTEXT, label).
FLAG_CONTEXT = "Flags"
FLAG_LABELS = {"suspect_untrue": QT_TRANSLATE_NOOP("Flags", "疑似不实"),
               "pii_unmasked": QT_TRANSLATE_NOOP("Flags", "未脱敏"),
               "wrong_category": QT_TRANSLATE_NOOP("Flags", "类别不符")}


def checked_flag(flag: str, suggested_category: str | None) -> str | None:
    """`flag` known and a suggested category only on `wrong_category`; returns the
    category stripped (None for none).  Whether it is one of the rubric's is the session's
    check: the store does not know the rubric."""
    if flag not in FLAGS:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Flags", "未知的标记“{flag}”，可用：{choices}"),
                                     flag=flag, choices=[f"{f}（{FLAG_LABELS[f]}）" for f in FLAGS]))
    category = (suggested_category or "").strip() or None
    if category is not None and flag != "wrong_category":
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Flags", "只有“类别不符”（wrong_category）标记可以附建议类别，“{label}”不可以"),
            label=FLAG_LABELS[flag]))
    return category
