"""The flags an expert can raise on a submission (docs/formats.md §3): 疑似不实, 未脱敏, 类别不符.

Kept apart from the database schema so the GUI can name them without importing SQLAlchemy.
"""

FLAGS = ("suspect_untrue", "pii_unmasked", "wrong_category")
FLAG_LABELS = {"suspect_untrue": "疑似不实", "pii_unmasked": "未脱敏", "wrong_category": "类别不符"}
