"""文件 ▸ 导出评分表: check what is missing, unlock the key, choose where to write.

The dialog only gathers the decision; the window writes the sheet through its single
writer thread (the export reserves a version number in the workspace database, so it
must be serialised with the marks).  Shown first is what `check_before_export` finds
missing; with anything missing the sheet can be exported only as an explicitly partial
sheet (the check box), which the workbook then states.  The passphrase is checked here,
so a typo keeps the dialog open with the reason instead of failing after the file dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import PanelDeskError
from app.keys import KeyStore, format_fingerprint
from ui.file_dialogs import SHEET, save_file
from ui.i18n import error_text, render
from ui.plain_text import plain_labels

MAX_LISTED = 200  # the list is for reading, not a log: beyond this a count is shown


@dataclass(frozen=True)
class ExportChoice:
    """What the expert confirmed: where to write, whether partial, the unlocked key."""

    path: Path
    partial: bool
    key: Ed25519PrivateKey


def choose_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """The save dialog, in the folder a sheet was last saved to; None when cancelled."""
    path = save_file(parent, SHEET, QCoreApplication.translate("ExportDialog", "导出评分表"), suggested,
                     QCoreApplication.translate("ExportDialog", "Excel 工作簿 (*.xlsx)"))
    if path is None:
        return None
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


class ExportDialog(QDialog):
    """Shows the pre-export check, asks for the passphrase and the file."""

    def __init__(self, missing: Sequence[str], keystore: KeyStore, suggested: Path, *,
                 choose_path: Callable[[QWidget, Path], Path | None] = choose_save_path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出评分表"))
        self.setMinimumWidth(560)
        self._keystore = keystore
        self._choose_path = choose_path
        self.choice: ExportChoice | None = None
        layout = QVBoxLayout(self)

        if missing:
            summary = self.tr("评分尚未完成，还有 {count} 项：").format(count=len(missing))
        else:
            summary = self.tr("检查通过：全部申报已评分，评语和标记完整。")
        self.summary_label = QLabel(summary, self)
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.missing_list = QListWidget(self)
        self.missing_list.addItems([render(line) for line in missing[:MAX_LISTED]])
        if len(missing) > MAX_LISTED:
            self.missing_list.addItem(self.tr("……另有 {count} 项").format(
                count=len(missing) - MAX_LISTED))
        self.missing_list.setVisible(bool(missing))
        layout.addWidget(self.missing_list, 1)
        self.partial_box = QCheckBox(
            self.tr("仍然导出为“部分评分（未完成）”评分表，稍后可再导出完整版本"), self)
        self.partial_box.setVisible(bool(missing))
        layout.addWidget(self.partial_box)

        form = QFormLayout()
        self.fingerprint_label = QLabel(self._fingerprint_text(), self)
        form.addRow(self.tr("签名密钥指纹："), self.fingerprint_label)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self._buddy_row(form, self.tr("密钥口令(&P)："), self.passphrase, self.passphrase)
        path_row = QHBoxLayout()
        self.path_edit = QLineEdit(str(suggested), self)
        browse = QPushButton(self.tr("浏览(&B)…"), self)
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self._buddy_row(form, self.tr("保存到(&S)："), path_row, self.path_edit)
        layout.addLayout(form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        plain_labels(self.error_label)  # errors name files and ids
        layout.addWidget(self.error_label)

        # Why 导出 is unavailable, said next to it (a disabled button alone says nothing).
        self.export_hint = QLabel(self.tr("请先勾选上面的“部分评分”选项，才能导出未完成的评分表。"),
                                  self)
        self.export_hint.setObjectName("hintText")
        self.export_hint.setWordWrap(True)
        layout.addWidget(self.export_hint)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("导出(&E)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._missing = bool(missing)
        self.partial_box.toggled.connect(self._update_button)
        self._update_button()
        self.passphrase.setFocus()

    def _fingerprint_text(self) -> str:
        try:
            return format_fingerprint(self._keystore.fingerprint())
        except PanelDeskError as err:
            return error_text(err)

    def _buddy_row(self, form: QFormLayout, text: str, field: object, buddy: QWidget) -> None:
        # A QLabel shows "&S" as a mnemonic only when it has a buddy; QFormLayout's
        # own labels for a layout (the path row) have none and showed the "&" literally.
        label = QLabel(text, self)
        label.setBuddy(buddy)
        form.addRow(label, field)

    def _update_button(self) -> None:
        allowed = not self._missing or self.partial_box.isChecked()
        self.export_button.setEnabled(allowed)
        self.export_hint.setVisible(not allowed)
        self.export_button.setToolTip("" if allowed else self.export_hint.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a disabled 导出 would do nothing at all: say why instead.
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not self.export_button.isEnabled()):
            self.submit()
            return
        super().keyPressEvent(event)

    def _browse(self) -> None:
        path = self._choose_path(self, Path(self.path_edit.text()))
        if path is not None:
            self.path_edit.setText(str(path))

    def submit(self) -> None:
        """Unlock the key and accept; otherwise say why and stay open."""
        if self._missing and not self.partial_box.isChecked():
            self.error_label.setText(self.export_hint.text())  # Enter says why, too
            self.partial_box.setFocus()
            return
        text = self.path_edit.text().strip()
        if not text:
            self.error_label.setText(self.tr("请选择评分表的保存位置。"))
            return
        path = Path(text)
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        if not path.parent.is_dir():
            self.error_label.setText(self.tr("文件夹不存在：{folder}").format(folder=path.parent))
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.error_label.setText(self.tr("请输入密钥口令。"))
            return
        try:
            key = self._keystore.unlock(passphrase)
        except PanelDeskError as err:
            self.error_label.setText(error_text(err))
            self.passphrase.selectAll()
            return
        self.choice = ExportChoice(path, self._missing, key)
        self.accept()
