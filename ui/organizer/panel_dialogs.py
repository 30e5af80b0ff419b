"""The small dialogs of 专家与分配: an expert, a fingerprint, the organizer's key, a conflict,
the reason for assigning or unassigning one pair in the matrix, how a roster file joins
the roster (合并 or 替换, and who 替换 removes).

`PanelQuestions` asks them; the page gets one through its constructor, so tests answer
with a fake.  The fingerprint is checked as it is typed or pasted, grouped as the expert
reads it out (`key_check.normalise_fingerprint`): 40 hexadecimal digits, or it cannot be
accepted.  The reason for a pair is optional (the audit log records who, when and what
anyway), except when the organizer assigns a pair a declared conflict covers: then the
dialog says so and OK waits for a reason.  An expert's id is checked as it is typed: one
already on the roster (ignoring case, as the roster file is read back) or one the file
could not hold keeps OK grey and is said under the field, the input kept.  The
organizer's key dialog says why OK waits (a passphrase too short, not repeated, or
repeated differently).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from app.intake.roster import ID_RE
from app.keys import format_fingerprint
from app.model import Expert
from app.organizer.panel import PairChange
from ui.file_dialogs import ROSTER, open_file
from ui.i18n import join_list
from ui.organizer.intake_dialogs import FormDialog
from ui.organizer.key_check import normalise_fingerprint

translate = QCoreApplication.translate
FINGERPRINT_DIGITS = 40
MIN_PASSPHRASE = 8
MERGE, REPLACE = "merge", "replace"


def fingerprint_check(text: str) -> tuple[str | None, str]:
    """(the bare fingerprint or None, what to tell the organizer) for typed text."""
    bare = normalise_fingerprint(text)
    stray = [ch for ch in text.lower() if not (ch.isspace() or ch in "0123456789abcdef:-")]
    if stray:
        return None, translate("PanelQuestions", "含有不是十六进制数字的字符“{ch}”").format(
            ch=stray[0])
    if len(bare) != FINGERPRINT_DIGITS:
        return None, translate("PanelQuestions", "已输入 {n} 位，指纹应为 40 位十六进制数字").format(
            n=len(bare))
    return bare, translate("PanelQuestions", "✓ {fp}").format(fp=format_fingerprint(bare))


class FingerprintDialog(FormDialog):
    """Type or paste the fingerprint the expert read out; OK only for 40 hex digits."""

    def __init__(self, parent: QWidget | None, expert: Expert) -> None:
        super().__init__(parent, translate("PanelQuestions", "登记专家密钥指纹"))
        intro = QLabel(translate(
            "PanelQuestions", "请专家读出自己的密钥指纹（导出评分表时显示，也可在命令行"
            "用 paneldesk key show 查看），当面或电话逐组核对后输入或粘贴。"), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.form.addRow(translate("PanelQuestions", "专家："),
                         QLabel(f"{expert.id} {expert.name}", self))
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("3F2A 9C01 …")
        self.verdict = QLabel(self)
        self.form.addRow(translate("PanelQuestions", "指纹："), self.edit)
        self.form.addRow("", self.verdict)
        self.edit.textChanged.connect(self._check)
        if expert.fingerprint:
            self.edit.setText(format_fingerprint(expert.fingerprint))
        self._check()

    def _check(self) -> None:
        bare, message = fingerprint_check(self.edit.text())
        self.verdict.setText(message if self.edit.text() else "")
        self.verdict.setStyleSheet("color: #1d7a46;" if bare else "color: #b42318;")
        self.update_ok(bare is not None)

    def value(self) -> str | None:
        return fingerprint_check(self.edit.text())[0]


class ExpertDialog(FormDialog):
    """编号, 姓名, 单位 of one expert.  OK waits for a name and an id the roster can hold:
    one already on it, or one the roster file could not be read back with, is said
    under the field, and what was typed stays."""

    def __init__(self, parent: QWidget | None, expert: Expert | None,
                 taken: Iterable[str] = ()) -> None:
        super().__init__(parent, translate("PanelQuestions", "专家"))
        self._expert = expert
        # Ids match as the roster file is read back: ignoring case.
        self._taken = {t.casefold() for t in taken} - ({expert.id.casefold()} if expert else set())
        self.id_edit, self.name_edit, self.org_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        if expert is not None:
            self.id_edit.setText(expert.id)
            self.name_edit.setText(expert.name)
            self.org_edit.setText(expert.organization)
        self.problem = QLabel(self)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # the typed id is shown in it
        self.problem.setStyleSheet("color: #b42318;")
        self.problem.setWordWrap(True)
        self.form.addRow(translate("PanelQuestions", "编号："), self.id_edit)
        self.form.addRow("", self.problem)
        self.form.addRow(translate("PanelQuestions", "姓名："), self.name_edit)
        self.form.addRow(translate("PanelQuestions", "单位："), self.org_edit)
        self.id_edit.textChanged.connect(self._check)
        self.name_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        eid = self.id_edit.text().strip()
        problem = ""
        if eid.casefold() in self._taken:
            problem = translate("PanelQuestions", "编号“{id}”已在名单中，请换一个编号。").format(
                id=eid)
        elif eid and (not ID_RE.fullmatch(eid) or eid.startswith(".")):
            problem = translate("PanelQuestions",
                                "编号只能使用字母、数字、汉字、-、_ 和 .，最长 64 个字符。")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.update_ok(bool(eid and self.name_edit.text().strip()) and not problem)

    def value(self) -> Expert:
        return Expert(self.id_edit.text().strip(), self.name_edit.text().strip(),
                      self.org_edit.text().strip(),
                      self._expert.fingerprint if self._expert else None)


def passphrase_problem(first: str, second: str) -> str:
    """Why a new key's passphrase cannot be taken yet ("" when it can)."""
    if len(first) < MIN_PASSPHRASE:
        return translate("PanelQuestions", "口令至少 {n} 个字符").format(n=MIN_PASSPHRASE)
    if not second:
        return translate("PanelQuestions", "请在“再输一次”中再次输入口令")
    if first != second:
        return translate("PanelQuestions", "两次输入的口令不一致")
    return ""


class NewKeyDialog(FormDialog):
    """创建组织方密钥: the passphrase twice; under them, why OK still waits."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, translate("PanelQuestions", "创建组织方密钥"))
        intro = QLabel(translate(
            "PanelQuestions", "组织方密钥用于给评审包签名，专家据其指纹确认评审包来自您。"
            "请设置口令并妥善保管；忘记口令将无法再签名。"), self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.first, self.second = QLineEdit(self), QLineEdit(self)
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._check)
        self.hint = QLabel(self)
        self.hint.setStyleSheet("color: #b42318;")
        self.form.addRow(translate("PanelQuestions", "口令："), self.first)
        self.form.addRow(translate("PanelQuestions", "再输一次："), self.second)
        self.form.addRow("", self.hint)
        self._check()

    def _check(self) -> None:
        problem = passphrase_problem(self.first.text(), self.second.text())
        self.hint.setText(problem)
        self.update_ok(not problem)

    def value(self) -> str:
        return self.first.text()


class PanelQuestions:
    """The real dialogs."""

    def expert(self, parent: QWidget, expert: Expert | None,
               taken: Iterable[str] = ()) -> Expert | None:
        """A new or edited expert; `taken`: the roster's ids (the edited one's own is free)."""
        dialog = ExpertDialog(parent, expert, taken)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def fingerprint(self, parent: QWidget, expert: Expert) -> str | None:
        dialog = FingerprintDialog(parent, expert)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def new_key(self, parent: QWidget) -> str | None:
        dialog = NewKeyDialog(parent)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def conflict(self, parent: QWidget, experts: Sequence[Expert],
                 units: Sequence[str]) -> tuple[str, str] | None:
        dialog = FormDialog(parent, translate("PanelQuestions", "添加回避"))
        who = QComboBox(dialog)
        for expert in experts:
            who.addItem(f"{expert.id} {expert.name}", expert.id)
        unit = QComboBox(dialog)
        unit.setEditable(True)
        unit.addItems(list(units))
        dialog.form.addRow(translate("PanelQuestions", "专家："), who)
        dialog.form.addRow(translate("PanelQuestions", "回避单位："), unit)
        if dialog.exec() != QDialog.DialogCode.Accepted or not unit.currentText().strip():
            return None
        return who.currentData(), unit.currentText().strip()

    def pair_reason(self, parent: QWidget, expert: Expert, submission: str,
                    change: PairChange) -> str | None:
        """The reason for flipping one pair ("" allowed), or None when cancelled."""
        title = translate("PanelQuestions", "分配") if change.after else \
            translate("PanelQuestions", "取消分配")
        text = (translate("PanelQuestions", "把申报 {submission} 分配给 {id} {name}？")
                if change.after else
                translate("PanelQuestions", "不再让 {id} {name} 评审申报 {submission}？")).format(
            submission=submission, id=expert.id, name=expert.name)
        dialog = FormDialog(parent, title, text)
        if change.over_conflict:
            warning = QLabel(translate(
                "PanelQuestions", "注意：已声明该专家回避单位“{unit}”。手动分配会覆盖这一回避，"
                "每次生成评审包都会提示；请写明理由。").format(unit=change.conflict_unit), dialog)
            warning.setWordWrap(True)
            warning.setTextFormat(Qt.TextFormat.PlainText)  # the unit comes from a file
            warning.setStyleSheet("color: #b42318;")
            dialog.form.addRow(warning)
        reason = QLineEdit(dialog)
        reason.setPlaceholderText(translate("PanelQuestions", "必填") if change.over_conflict
                                  else translate("PanelQuestions", "可不填"))
        dialog.form.addRow(translate("PanelQuestions", "理由："), reason)

        def check() -> None:
            dialog.update_ok(not change.over_conflict or bool(reason.text().strip()))

        reason.textChanged.connect(check)
        check()
        return reason.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def roster_file(self, parent: QWidget) -> Path | None:
        return open_file(parent, ROSTER, translate("PanelQuestions", "导入专家名单"),
                         translate("PanelQuestions", "专家名单 (*.csv *.xlsx);;所有文件 (*)"))

    def confirm_remove(self, parent: QWidget, expert: Expert) -> bool:
        answer = QMessageBox.question(
            parent, translate("PanelQuestions", "删除专家"),
            translate("PanelQuestions", "从名单中删除 {id} {name}？其分类评审组、回避和手动分配"
                      "也一并删除。").format(id=expert.id, name=expert.name))
        return answer == QMessageBox.StandardButton.Yes

    def roster_import(self, parent: QWidget, file_name: str, count: int,
                      packet_built: bool) -> str | None:
        """MERGE (the default), REPLACE, or None when cancelled."""
        text = translate("PanelQuestions", "名单文件 {file} 中有 {n} 位专家。如何导入？").format(
            file=file_name, n=count)
        details = translate(
            "PanelQuestions", "合并：文件中的专家按编号添加或更新（姓名、单位取自文件；文件没有"
            "指纹时保留已登记的指纹），名单上的其他专家连同其评审组和回避保持不变。\n"
            "替换：名单只保留文件中的专家，其他专家连同其评审组、回避和已登记的指纹一并删除。")
        if packet_built:
            details += "\n\n" + translate(
                "PanelQuestions", "本项目已生成评审包：名单的改动需重新生成评审包后才会到达专家。")
        box = QMessageBox(QMessageBox.Icon.Question, translate("PanelQuestions", "导入专家名单"),
                          text, QMessageBox.StandardButton.Cancel, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the file name is the organizer's
        box.setInformativeText(details)
        merge = box.addButton(translate("PanelQuestions", "合并"),
                              QMessageBox.ButtonRole.AcceptRole)
        replace = box.addButton(translate("PanelQuestions", "替换…"),
                                QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(merge)
        box.exec()
        return {merge: MERGE, replace: REPLACE}.get(box.clickedButton())

    def confirm_replace(self, parent: QWidget, removed: Sequence[Expert]) -> bool:
        """Whether the organizer still replaces the roster, knowing who goes."""
        names = join_list(f"{e.id} {e.name}" for e in removed)
        box = QMessageBox(QMessageBox.Icon.Warning, translate("PanelQuestions", "替换专家名单"),
                          translate("PanelQuestions", "替换后将从名单中删除 {n} 位专家：{names}").format(
                              n=len(removed), names=names),
                          QMessageBox.StandardButton.Cancel, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(translate(
            "PanelQuestions", "他们的分类评审组、回避和已登记的指纹也将一并删除，无法恢复。"))
        remove = box.addButton(translate("PanelQuestions", "删除并替换"),
                               QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is remove
