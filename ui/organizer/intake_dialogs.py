"""The small dialogs of the intake review: edit a field, exclude, duplicate, acknowledge
and withdraw an acknowledgement.

`IntakeQuestions` asks them; the page gets one through its constructor, so tests answer
with a fake and never open a modal window.  Each question returns the organizer's answer
or None when cancelled.  Values shown here come from files and are set as plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.model import FIELD_LABELS
from ui.organizer.intake_model import field_label

translate = QCoreApplication.translate


@dataclass(frozen=True)
class FieldEdit:
    field: str
    value: str
    reason: str


@dataclass(frozen=True)
class Duplicate:
    kept: str  # source of the entry that stays
    reason: str


@dataclass(frozen=True)
class Acknowledgement:
    code: str
    note: str
    keep_visible: bool


@dataclass(frozen=True)
class Withdrawal:
    code: str  # the warning whose acknowledgement is taken back
    reason: str


class FormDialog(QDialog):
    """A titled form (with an optional plain-text intro) and OK/Cancel; `update_ok` says
    whether OK may be pressed.  The organizer's dialogs are all built on it."""

    def __init__(self, parent: QWidget | None, title: str, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The buttons were made first, so Qt would focus one of them and a typed space
        # would press it: put the cursor in the first field instead.
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLineEdit | QComboBox | QPlainTextEdit) and widget.isVisible():
                widget.setFocus()
                break

    def update_ok(self, valid: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(valid)


class IntakeQuestions:
    """The real dialogs."""

    def edit_field(self, parent: QWidget, fields: dict[str, str], categories: Sequence[str],
                   field: str = "", select: tuple[int, int] | None = None
                   ) -> FieldEdit | None:
        """Ask for one field's new value; `select` marks [start, end) in `field`'s text."""
        adding = field == "category" and not fields.get("category")
        dialog = FormDialog(parent, translate("IntakeQuestions", "补填类别") if adding else
                            translate("IntakeQuestions", "修改字段"), translate(
            "IntakeQuestions",
            "修改后的值写入决定文件，生成评审包时替换从申报书中读出的值。"))
        chooser = QComboBox(dialog)
        for key in FIELD_LABELS:
            chooser.addItem(field_label(key), key)
        category = QComboBox(dialog)
        category.addItems(list(categories))
        # No category chosen for the organizer: an OK pressed by mistake must not file the
        # entry under the first one.
        category.setPlaceholderText(translate("IntakeQuestions", "请选择类别"))
        category.setCurrentIndex(-1)
        text = QPlainTextEdit(dialog)
        text.setMinimumSize(560, 280)  # the body runs to some 2,000 characters
        reason = QLineEdit(dialog)
        dialog.form.addRow(translate("IntakeQuestions", "字段："), chooser)
        dialog.form.addRow(translate("IntakeQuestions", "类别："), category)
        dialog.form.addRow(translate("IntakeQuestions", "新值："), text)
        dialog.form.addRow(translate("IntakeQuestions", "理由："), reason)

        def show_field() -> None:
            key = chooser.currentData()
            is_category = key == "category"
            category.setVisible(is_category)
            dialog.form.labelForField(category).setVisible(is_category)
            text.setVisible(not is_category)
            dialog.form.labelForField(text).setVisible(not is_category)
            if is_category and fields.get("category") in categories:
                category.setCurrentText(fields["category"])
            text.setPlainText(fields.get(key, ""))
            allow_ok()

        def allow_ok() -> None:
            dialog.update_ok(chooser.currentData() != "category" or category.currentIndex() >= 0)

        chooser.currentIndexChanged.connect(show_field)
        category.currentIndexChanged.connect(allow_ok)
        chooser.setCurrentIndex(max(0, list(FIELD_LABELS).index(field))
                                if field in FIELD_LABELS else 0)
        show_field()
        if select is not None and text.isVisibleTo(dialog):
            cursor = text.textCursor()
            cursor.setPosition(min(select[0], len(text.toPlainText())))
            cursor.setPosition(min(select[1], len(text.toPlainText())),
                               QTextCursor.MoveMode.KeepAnchor)
            text.setTextCursor(cursor)
            text.setFocus()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        key = chooser.currentData()
        value = category.currentText() if key == "category" else text.toPlainText()
        return FieldEdit(key, value, reason.text().strip())

    def exclude(self, parent: QWidget, title: str) -> str | None:
        dialog = FormDialog(parent, translate("IntakeQuestions", "排除申报"), translate(
            "IntakeQuestions",
            "“{title}”将不放入评审包。请写明理由，理由记入操作记录。").format(title=title))
        reason = QLineEdit(dialog)
        dialog.form.addRow(translate("IntakeQuestions", "理由："), reason)
        reason.textChanged.connect(lambda t: dialog.update_ok(bool(t.strip())))
        dialog.update_ok(False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return reason.text().strip()

    def duplicate(self, parent: QWidget, title: str,
                  candidates: Sequence[tuple[str, str]]) -> Duplicate | None:
        dialog = FormDialog(parent, translate("IntakeQuestions", "标记为重复"), translate(
            "IntakeQuestions",
            "“{title}”是另一份申报的重复：选择保留的那一份。本份将不放入评审包，"
            "两份的关系都记入决定文件。").format(title=title))
        kept = QComboBox(dialog)
        for source, label in candidates:
            kept.addItem(label, source)
        reason = QLineEdit(dialog)
        reason.setText(translate("IntakeQuestions", "重复申报"))
        dialog.form.addRow(translate("IntakeQuestions", "保留："), kept)
        dialog.form.addRow(translate("IntakeQuestions", "理由："), reason)
        dialog.update_ok(kept.count() > 0)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Duplicate(kept.currentData(), reason.text().strip())

    def acknowledge(self, parent: QWidget, warnings: Sequence[tuple[str, str]]
                    ) -> Acknowledgement | None:
        dialog = FormDialog(parent, translate("IntakeQuestions", "确认提示"), translate(
            "IntakeQuestions",
            "确认已看过该提示。可以写一句说明；选择是否仍让专家看到这条提示。"))
        code = QComboBox(dialog)
        for key, label in warnings:
            code.addItem(label, key)
        note = QLineEdit(dialog)
        visible = QCheckBox(translate("IntakeQuestions", "评审包中仍向专家显示此提示"), dialog)
        dialog.form.addRow(translate("IntakeQuestions", "提示："), code)
        dialog.form.addRow(translate("IntakeQuestions", "说明："), note)
        dialog.form.addRow("", visible)
        dialog.update_ok(code.count() > 0)
        note.setFocus()  # the warning is usually the only one: the note is what is typed
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Acknowledgement(code.currentData(), note.text().strip(), visible.isChecked())

    def withdraw_acknowledgement(self, parent: QWidget,
                                 acknowledged: Sequence[tuple[str, str, str]]
                                 ) -> Withdrawal | None:
        """Which acknowledgement (code, label, note) to take back, and why (optional)."""
        dialog = FormDialog(parent, translate("IntakeQuestions", "撤销确认"), translate(
            "IntakeQuestions",
            "撤销后该提示重新成为待处理，评审包中按未确认的提示处理。撤销记入操作记录。"))
        code = QComboBox(dialog)
        for key, label, note in acknowledged:
            code.addItem(f"{label}（{note}）" if note else label, key)
        reason = QLineEdit(dialog)
        reason.setPlaceholderText(translate("IntakeQuestions", "可不填"))
        dialog.form.addRow(translate("IntakeQuestions", "提示："), code)
        dialog.form.addRow(translate("IntakeQuestions", "理由："), reason)
        dialog.update_ok(code.count() > 0)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Withdrawal(code.currentData(), reason.text().strip())

    def change_folder_after_build(self, parent: QWidget, packet: str) -> bool:
        """Whether to change the intake folder of a round that has built `packet`."""
        box = QMessageBox(QMessageBox.Icon.Warning, translate("IntakeQuestions", "更换申报材料文件夹"),
                          translate("IntakeQuestions",
                                    "已用当前的申报材料文件夹生成评审包“{packet}”。更换文件夹后，"
                                    "需要重新生成评审包并重新发给专家（已作的决定按文件名保留）。"
                                    "仍要更换吗？").format(packet=packet), parent=parent)
        change = box.addButton(translate("IntakeQuestions", "更换"),
                               QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is change
