"""Before 生成评审包: what the organizer has not settled yet, and the dialog asking whether
to build anyway.

`build_doubts` lists the entries the packet will include that still have warnings nobody
acknowledged (an undecided duplicate, a missing category, an unmasked phone number …, all
of which would reach the experts as they are) and the experts on the roster without an
enrolled key fingerprint (their sheets need a fingerprint check at import).  The intake
review's rows are brought up to the project's decisions first, since a decision may have
been taken elsewhere (the decisions tab, another window).  `BuildDoubtsDialog` names how
many and lists them as plain text — the titles are the applicants' own — with 返回处理 as
the default and 仍然生成 as the only way on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Expert
from ui.i18n import join_list
from ui.organizer.intake_model import warning_label
from ui.organizer.intake_rows import ATTENTION, IntakeRows

TITLE_CHARS = 24  # enough to recognise an entry, short enough for one line


class IntakeReview(Protocol):
    """What the build needs of the 申报材料 step (the intake page)."""

    rows: IntakeRows
    scanning: bool


@dataclass(frozen=True)
class OpenEntry:
    """An entry going into the packet with warnings nobody acknowledged."""

    submission_id: str
    title: str
    labels: tuple[str, ...]


@dataclass
class BuildDoubts:
    entries: list[OpenEntry] = field(default_factory=list)
    unenrolled: list[Expert] = field(default_factory=list)
    still_reading: bool = False  # the intake is being read: the list may be incomplete

    def __bool__(self) -> bool:
        return bool(self.entries or self.unenrolled or self.still_reading)


def shorten(text: str, limit: int = TITLE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def build_doubts(intake: IntakeReview | None, decisions: Mapping[str, dict[str, Any]],
                 roster: Sequence[Expert]) -> BuildDoubts:
    """What is still open before a build of the project with these decisions and roster."""
    doubts = BuildDoubts(unenrolled=[e for e in roster if not e.fingerprint])
    if intake is None:
        return doubts
    rows = intake.rows
    for source in rows.sources():
        if rows.decision(source) != dict(decisions.get(source, {})):
            rows.set_decision(source, decisions.get(source, {}))
    for row in rows.rebuild():
        if row.status == ATTENTION:
            labels = tuple(dict.fromkeys(warning_label(w.code) for w in row.open_warnings))
            doubts.entries.append(OpenEntry(row.submission_id,
                                            shorten(row.fields.get("title", "") or row.source),
                                            labels))
    doubts.still_reading = intake.scanning
    return doubts


class BuildDoubtsDialog(QDialog):
    """需处理的申报 and unenrolled experts; accepted only by 仍然生成."""

    def __init__(self, doubts: BuildDoubts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成前请确认"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.summary_text(doubts), self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.details = QPlainTextEdit(self.details_text(doubts), self)
        self.details.setReadOnly(True)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(self)
        self.back_button = QPushButton(self.tr("返回处理"), self)
        self.build_button = QPushButton(self.tr("仍然生成"), self)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.build_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.back_button.setDefault(True)
        self.back_button.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def summary_text(self, doubts: BuildDoubts) -> str:
        parts = []
        if doubts.entries:
            parts.append(self.tr("有 {count} 份将纳入评审包的申报仍标为“需处理”：其提示尚未处理或确认，"
                                 "会原样交给专家。").format(count=len(doubts.entries)))
        if doubts.unenrolled:
            parts.append(self.tr("有 {count} 位专家没有登记公钥指纹：导入其评分表时需要核对指纹。").format(
                count=len(doubts.unenrolled)))
        if doubts.still_reading:
            parts.append(self.tr("申报材料仍在读取中，以下清单可能不完整。"))
        return "\n".join(parts)

    def details_text(self, doubts: BuildDoubts) -> str:
        lines = []
        if doubts.entries:
            lines.append(self.tr("需处理的申报："))
            lines += [f"  {e.submission_id}  {e.title}  —  {join_list(e.labels)}"
                      for e in doubts.entries]
        if doubts.unenrolled:
            if lines:
                lines.append("")
            lines.append(self.tr("未登记指纹的专家："))
            lines += [f"  {e.id}  {e.name}" for e in doubts.unenrolled]
        return "\n".join(lines)


def confirm_build(parent: QWidget, doubts: BuildDoubts) -> bool:
    """True to build: at once when nothing is open, else only by 仍然生成."""
    if not doubts:
        return True
    return BuildDoubtsDialog(doubts, parent).exec() == QDialog.DialogCode.Accepted
