"""Declaring conflicts of interest (回避) before scoring.

The dialog lists the expert's assigned submissions (unit + title, never scores) with a
check box each; a checked one needs a reason, typed in the row's reason field.
"无需回避" confirms that there is nothing to declare.  `RecusalDialog.recusals()` gives
{submission id: reason}; the window writes them through the review session.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.model import Submission
from ui.i18n import join_list


class RecusalDialog(QDialog):
    """Check the submissions you must recuse yourself from, each with a reason."""

    def __init__(self, submissions: Sequence[Submission],
                 existing: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("申报回避"))
        self.setObjectName("recusalDialog")
        self._existing = dict(existing or {})
        self.checks: dict[str, QCheckBox] = {}
        self.reasons: dict[str, QLineEdit] = {}
        self.resize(820, 560)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "开始评分前，请确认是否与下列申报存在利益关系（如本人所在单位、近亲属任职、"
            "曾参与指导等）。勾选需要回避的申报并写明理由；回避的申报不能评分。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setHorizontalSpacing(12)
        for col, caption in enumerate((self.tr("回避"), self.tr("申报单位 · 实践标题"),
                                       self.tr("回避理由"))):
            head = QLabel(caption, grid_host)
            head.setObjectName("sectionTitle")
            grid.addWidget(head, 0, col)
        for row, sub in enumerate(submissions, start=1):
            check = QCheckBox(sub.id, grid_host)
            label = QLabel(f"<b>{html.escape(sub.unit or '')}</b><br>{html.escape(sub.title or '')}", grid_host)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setBuddy(check)
            reason = QLineEdit(grid_host)
            reason.setPlaceholderText(self.tr("勾选后必填，例如：本人曾在该单位任职"))
            # The whole example readable, in English too ("…I used to wo…" was cut off).
            reason.setMinimumWidth(
                reason.fontMetrics().horizontalAdvance(reason.placeholderText()) + 16)
            reason.setEnabled(False)
            check.toggled.connect(lambda on, r=reason: self._toggled(r, on))
            grid.addWidget(check, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
            grid.addWidget(reason, row, 2, Qt.AlignmentFlag.AlignTop)
            self.checks[sub.id] = check
            self.reasons[sub.id] = reason
        grid.setRowStretch(len(submissions) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color:#b42318;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)

        buttons = QDialogButtonBox(self)
        self.none_button = QPushButton(self.tr("无需回避"), self)
        self.confirm_button = QPushButton(self.tr("确认回避"), self)
        buttons.addButton(self.none_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.none_button.clicked.connect(self.confirm_none)
        self.confirm_button.clicked.connect(self.confirm)
        layout.addWidget(buttons)
        # Pre-check earlier recusals only now: toggling updates the buttons made above.
        for sid, text in self._existing.items():
            if sid in self.checks:
                self.checks[sid].setChecked(True)
                self.reasons[sid].setText(text)
        self._update_buttons()

    def _toggled(self, reason: QLineEdit, on: bool) -> None:
        reason.setEnabled(on)
        if on:
            reason.setFocus()
        self._update_buttons()

    def _update_buttons(self) -> None:
        any_checked = any(c.isChecked() for c in self.checks.values())
        self.confirm_button.setEnabled(any_checked)
        self.none_button.setEnabled(not any_checked)
        self.confirm_button.setDefault(any_checked)
        self.none_button.setDefault(not any_checked)

    def recusals(self) -> dict[str, str]:
        """The checked submissions and their (stripped) reasons."""
        return {sid: self.reasons[sid].text().strip()
                for sid, check in self.checks.items() if check.isChecked()}

    def missing_reasons(self) -> list[str]:
        return [sid for sid, reason in self.recusals().items() if not reason]

    def confirm(self) -> None:
        """Accept if every checked submission has a reason; otherwise say which do not."""
        missing = self.missing_reasons()
        if missing:
            self.error_label.setText(self.tr("请填写回避理由：{ids}").format(
                ids=join_list(missing)))
            self.reasons[missing[0]].setFocus()
            return
        self.accept()

    def confirm_none(self) -> None:
        if self.recusals():
            return
        self.accept()
