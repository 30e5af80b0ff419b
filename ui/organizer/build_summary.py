"""What the 评审包 step shows in words: the rubric's preview, the build's summary, the note
to experts.

`rubric_preview` lists criteria (maximum, weight), categories and awards of any
rubric; `BuildSummaryModel` has one row per intake entry of a build (状态, 来源, 编号, 说明);
`build_summary_text` is the result in a few lines (the first warnings, how many more);
`show_text` shows all of them in a read-only plain-text window; `expert_message` is the
short text the organizer sends with the packet (`PacketNote`: from the build's report, or
from the packet itself when the project is reopened): how to open it and the fingerprint
to compare.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from app.assembly.builder import BuildReport
from app.keys import format_fingerprint
from app.packet import Packet
from scoring.rubric import Rubric
from ui.i18n import join_list, render
from ui.organizer.table_model import AnyIndex, ListTableModel
from ui.roles import KEY_ROLE, SORT_ROLE

_CTX = "BuildSummary"
STATUS_TEXT = {"included": QT_TRANSLATE_NOOP("BuildSummary", "纳入"),
               "excluded": QT_TRANSLATE_NOOP("BuildSummary", "已排除"),
               "rejected": QT_TRANSLATE_NOOP("BuildSummary", "无法读取")}
STATUS_COLOUR = {"included": "#1d7a46", "excluded": "#7b8794", "rejected": "#b42318"}


# The rubric preview and the note for the experts (a bare tr("…") would reach lupdate
# without this context).
VERSIONED = QT_TRANSLATE_NOOP("BuildSummary", "{name}（版本 {version}）")
CRITERIA = QT_TRANSLATE_NOOP("BuildSummary", "评分项（满分 · 权重）：")
CATEGORIES = QT_TRANSLATE_NOOP("BuildSummary", "类别：{categories}")
# One criterion or award of the preview: its name as the rubric writes it, then its value.
ITEM = QT_TRANSLATE_NOOP("BuildSummary", "  · {name}：{value}")
AWARDS = QT_TRANSLATE_NOOP("BuildSummary", "奖项：")
COUNT = QT_TRANSLATE_NOOP("BuildSummary", "{count} 名")
PERCENT = QT_TRANSLATE_NOOP("BuildSummary", "{percent}%")
NO_AWARDS = QT_TRANSLATE_NOOP("BuildSummary", "  （未设奖项）")
EXPERT_MESSAGE = QT_TRANSLATE_NOOP(
    "BuildSummary",
    "各位评审专家：\n\n"
    "附件“{file}”是本次评审的评审包（{title}，共 {count} 份申报）。\n"
    "1. 安装并打开 PanelDesk 评审台，选择“文件 ▸ 打开评审包…”，打开该文件；\n"
    "2. 核对组织方密钥指纹，应为：\n   {fingerprint}\n"
    "   如不一致，请勿评审，并与我们联系；\n"
    "3. 选择您的姓名，声明回避后开始评分；完成后“导出评分表”，把 .xlsx 文件发回给我们。\n\n"
    "评审包编号：{packet_id}")
REPLACED_BY = QT_TRANSLATE_NOOP("BuildSummary", "重复，保留：{kept}")
BUILT = QT_TRANSLATE_NOOP(
    "BuildSummary",
    "已生成 {file}\n纳入 {included} 份 · 排除 {excluded} 份 · 无法读取 {rejected} 份\n"
    "组织方密钥指纹：{fingerprint}")
MORE_WARNINGS = QT_TRANSLATE_NOOP("BuildSummary", "…另有 {n} 条提示（点“查看全部提示…”）")
EXISTING = QT_TRANSLATE_NOOP(
    "BuildSummary",
    "本轮的评审包：{file}\n共 {count} 份申报 · 评审包编号：{packet_id}\n组织方密钥指纹：{fingerprint}")
CLOSE = QT_TRANSLATE_NOOP("BuildSummary", "关闭")


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def rubric_preview(rubric: Rubric) -> str:
    """The rubric in a few lines of plain text (its own names as the rubric writes them)."""
    lines = [tr(VERSIONED).format(name=rubric.name, version=rubric.version), "", tr(CRITERIA)]
    for crit in rubric.criteria:
        lines.append(tr(ITEM).format(name=crit.name, value=f"{crit.max} · ×{crit.weight}"))
    lines += ["", tr(CATEGORIES).format(categories=join_list(rubric.categories)), "",
              tr(AWARDS)]
    for award in rubric.awards:
        quota = (tr(COUNT).format(count=award.count) if award.count is not None
                 else tr(PERCENT).format(percent=award.percent))
        lines.append(tr(ITEM).format(name=award.name, value=quota))
    if not rubric.awards:
        lines.append(tr(NO_AWARDS))
    return "\n".join(lines)


@dataclass(frozen=True)
class PacketNote:
    """What the note to the experts names: the packet's file, title, size and identity."""

    path: Path
    title: str
    count: int
    packet_id: str
    fingerprint: str  # formatted for reading aloud

    @classmethod
    def of_report(cls, report: BuildReport, fingerprint: str) -> PacketNote:
        return cls(report.packet_path, report.title, len(report.included), report.packet_id,
                   fingerprint)

    @classmethod
    def of_packet(cls, packet: Packet) -> PacketNote:
        """From a packet opened (and verified) again: its manifest names the organizer's
        key that signed it."""
        manifest = packet.manifest
        return cls(packet.path, manifest.title, len(manifest.submissions), manifest.packet_id,
                   format_fingerprint(manifest.organizer_fingerprint))


def expert_message(note: PacketNote) -> str:
    """The note sent to the experts with the packet."""
    return tr(EXPERT_MESSAGE).format(
        file=note.path.name, title=note.title, count=note.count,
        fingerprint=note.fingerprint, packet_id=note.packet_id)


def packet_summary_text(note: PacketNote) -> str:
    """The round's packet as found on reopening the project."""
    return tr(EXISTING).format(file=note.path, count=note.count, packet_id=note.packet_id,
                               fingerprint=note.fingerprint)


def build_summary_text(report: BuildReport, fingerprint: str, shown: int) -> str:
    """The result of a build in a few lines: file, counts, fingerprint, the first `shown`
    warnings and how many more there are."""
    text = tr(BUILT).format(file=report.packet_path, included=len(report.included),
                            excluded=len(report.excluded), rejected=len(report.rejected),
                            fingerprint=fingerprint)
    text += "".join("\n⚠ " + render(w) for w in report.warnings[:shown])
    if len(report.warnings) > shown:
        text += "\n" + tr(MORE_WARNINGS).format(n=len(report.warnings) - shown)
    return text


def show_text(parent: QWidget, title: str, text: str) -> QDialog:
    """A read-only window of plain text (it may quote applicants: never rich text); it
    stays open beside the page and is deleted when closed."""
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(title)
    dialog.resize(640, 420)
    layout = QVBoxLayout(dialog)
    view = QPlainTextEdit(dialog)
    view.setReadOnly(True)
    view.setPlainText(text)
    layout.addWidget(view)
    buttons = QDialogButtonBox(dialog)
    buttons.addButton(tr(CLOSE), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.show()
    return dialog


class BuildSummaryModel(ListTableModel):
    """Every entry of a build: included (with its id), excluded or rejected (with why)."""

    STATUS, SOURCE, ID, NOTE = range(4)
    CONTEXT = "BuildSummary"
    HEADERS = (QT_TRANSLATE_NOOP("BuildSummary", "状态"), QT_TRANSLATE_NOOP("BuildSummary", "来源"),
               QT_TRANSLATE_NOOP("BuildSummary", "编号"), QT_TRANSLATE_NOOP("BuildSummary", "说明"))

    def set_report(self, report: BuildReport) -> None:
        self.beginResetModel()
        order = {"rejected": 0, "excluded": 1, "included": 2}
        self._rows = sorted(report.entries, key=lambda e: (order.get(e.status, 3), e.source))
        self.endResetModel()

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.STATUS:
                return tr(STATUS_TEXT.get(entry.status, entry.status))
            if column == self.SOURCE:
                return entry.source
            if column == self.ID:
                return entry.submission.id if entry.submission is not None else ""
            if entry.status == "excluded" and getattr(entry, "duplicate_of", None):
                return tr(REPLACED_BY).format(kept=entry.duplicate_of)
            return render(entry.reason) or (entry.submission.title if entry.submission else "")
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == self.STATUS:
            return QBrush(QColor(STATUS_COLOUR.get(entry.status, "#000000")))
        if role == KEY_ROLE:
            return entry.source
        return None
