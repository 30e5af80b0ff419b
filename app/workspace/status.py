"""Where the expert stands with one submission: its status, total and flags.

`ReviewStatus` is the one definition of the four states (the list in the review window,
`paneldesk review show` and the export check all use it).  Its values are the Chinese
labels, marked for translation (`app.i18n`), so the CLI and JSON keep printing them and the
interface shows them with `QCoreApplication.translate("ReviewStatus", status)`.
`SubmissionState` is what the single writer hands back after every change, so the
window updates a row without reading the database again.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.i18n import QT_TRANSLATE_NOOP


class ReviewStatus(StrEnum):
    TODO = QT_TRANSLATE_NOOP("ReviewStatus", "未评")
    PARTIAL = QT_TRANSLATE_NOOP("ReviewStatus", "进行中")
    DONE = QT_TRANSLATE_NOOP("ReviewStatus", "已评")
    RECUSED = QT_TRANSLATE_NOOP("ReviewStatus", "回避")


@dataclass(frozen=True)
class SubmissionState:
    """One submission as the expert's list shows it."""

    total: Decimal | None = None  # the weighted total, once every criterion is scored
    status: ReviewStatus = ReviewStatus.TODO
    flagged: bool = False
