"""The flags an expert can raise on a submission (docs/formats.md §3): 疑似不实, 未脱敏, 类别不符.

Kept apart from the database schema so the GUI can name them without importing the store.
"""

from app.i18n import QT_TRANSLATE_NOOP

FLAGS = ("suspect_untrue", "pii_unmasked", "wrong_category")
# Translated where shown: QCoreApplication.translate(FLAG_CONTEXT, label).
FLAG_CONTEXT = "Flags"
FLAG_LABELS = {"suspect_untrue": QT_TRANSLATE_NOOP("Flags", "疑似不实"),
               "pii_unmasked": QT_TRANSLATE_NOOP("Flags", "未脱敏"),
               "wrong_category": QT_TRANSLATE_NOOP("Flags", "类别不符")}
