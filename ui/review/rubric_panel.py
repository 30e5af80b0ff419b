"""The rubric (scoring) panel: one card per criterion, a live total, flags and the comment.

The panel only shows and edits; it never writes.  The review window fills it with
`show_submission()` and listens to three signals, which fire for the user's own changes
only — a programmatic fill emits nothing, so loading a submission can never be mistaken
for the expert re-scoring it.  Typed scores and the comment are committed after a short
pause, on focus-out, and by `flush_comment()`, which the window calls before it switches
submission or closes: nothing the expert typed is left only in a widget.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import recognise
from app.model import Submission
from app.rubrics import COMMENT_RULES
from app.workspace import FLAGS
from app.workspace.flags import FLAG_CONTEXT, FLAG_LABELS
from scoring.rubric import Rubric
from scoring.totals import canonical_decimal
from ui.i18n import render
from ui.review.rubric_widgets import CriterionCard, ScoreEditor, step_places

COMMENT_DEBOUNCE_MS = 400
WRONG_CATEGORY = "wrong_category"


PANEL_STYLE = """
QFrame#totalBar { background: #ffffff; border-bottom: 1px solid #d5d9de; }
QLabel#totalLabel { font-size: 14pt; font-weight: 600; color: #12355b; }
QLabel#progressLabel { color: #52606d; }
QLabel#recusedNote { color: #8a4b08; font-weight: 600; }
QWidget#rubricContent { background: #f6f7f9; }
QFrame#criterionCard { background: #ffffff; border: 1px solid #dde2e8; border-radius: 6px; }
QLabel#criterionName { font-size: 11pt; font-weight: 600; color: #12355b; }
QLabel#criterionMax { color: #52606d; }
QLabel#criterionDescription { color: #52606d; }
QLabel#levelLabel { color: #3e4c59; padding: 3px 6px; border-radius: 4px; }
QLabel#levelLabel[current="true"] { background: #dbe7f5; color: #102a43;
                                    border-left: 3px solid #2f6fb2; }
QLabel#guidanceLabel { background: #fdf6e3; color: #5c4813; padding: 5px 6px;
                       border-radius: 4px; }
QLabel#sectionTitle { font-weight: 600; color: #12355b; padding-top: 6px; }
QLabel#commentReason { color: #b3261e; font-weight: 600; }
QLabel#scoreRefused { color: #b3261e; }
QPlainTextEdit#commentBox[required="true"] { border: 2px solid #d64545; }
"""


class RubricPanel(QWidget):
    """Scores, flags and comment for the submission shown (see the module docstring)."""

    score_changed = Signal(str, object)  # criterion id, Decimal | None
    comment_changed = Signal(str)
    flag_changed = Signal(str, bool, object)  # flag, on, suggested category | None
    details_toggled = Signal(bool)  # the expert showed or collapsed the level descriptors

    def __init__(self, rubric: Rubric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric = rubric
        self._places = step_places(rubric.step)
        self._submission: Submission | None = None
        self._loading = False
        self._comment_dirty = False
        self.setObjectName("rubricPanel")
        self.setStyleSheet(PANEL_STYLE)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_total_bar())

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(self.scroll)
        content.setObjectName("rubricContent")
        self._content_layout = QVBoxLayout(content)
        self._content_layout.setContentsMargins(8, 8, 8, 8)
        self._content_layout.setSpacing(8)

        self.cards: list[CriterionCard] = []
        self.spins: dict[str, ScoreEditor] = {}  # criterion id → editor (rubric order)
        for index, crit in enumerate(rubric.criteria):
            card = CriterionCard(index, crit, rubric.step, content)
            card.editor.committed.connect(lambda v, c=crit.id: self._score_committed(c, v))
            card.editor.tentative.connect(lambda _v: self._refresh_total())
            self._content_layout.addWidget(card)
            self.cards.append(card)
            self.spins[crit.id] = card.editor
        self._content_layout.addWidget(self._build_flags(content))
        self._content_layout.addWidget(self._build_comment(content))
        self._content_layout.addStretch(1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)

        self._comment_timer = QTimer(self)
        self._comment_timer.setSingleShot(True)
        self._comment_timer.setInterval(COMMENT_DEBOUNCE_MS)
        self._comment_timer.timeout.connect(self._emit_comment)
        self._chain_tab_order()
        self._refresh_total()

    # -- construction ------------------------------------------------------------------

    def _build_total_bar(self) -> QWidget:
        bar = QFrame(self)
        bar.setObjectName("totalBar")
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(10, 6, 10, 6)
        self.total_label = QLabel(bar)
        self.total_label.setObjectName("totalLabel")
        self.progress_label = QLabel(bar)
        self.progress_label.setObjectName("progressLabel")
        # The running subtotal beside the progress: "已评 4/6 项" + "，小计 52".
        self.subtotal_label = QLabel(bar)
        self.subtotal_label.setObjectName("progressLabel")
        self.details_button = QToolButton(bar)
        self.details_button.setText(self.tr("评分标准"))
        self.details_button.setToolTip(self.tr("显示或收起各评分项的说明和各档标准"
                                               "（收起时只显示当前分数所在的一档）"))
        self.details_button.setCheckable(True)
        self.details_button.setChecked(True)
        self.details_button.toggled.connect(self._details_clicked)
        self.recused_note = QLabel(self.tr("已回避，不可评分"), bar)
        self.recused_note.setObjectName("recusedNote")
        self.recused_note.hide()
        layout.addWidget(self.total_label)
        layout.addSpacing(12)
        progress = QHBoxLayout()
        progress.setSpacing(0)  # the two read as one phrase: "已评 4/6 项，小计 52"
        progress.addWidget(self.progress_label)
        progress.addWidget(self.subtotal_label)
        self.comment_hint = QLabel(self.tr("，还须填写评语"), bar)
        self.comment_hint.setObjectName("commentReason")
        self.comment_hint.hide()
        progress.addWidget(self.comment_hint)
        layout.addLayout(progress)
        layout.addStretch(1)
        layout.addWidget(self.recused_note)
        layout.addWidget(self.details_button)
        return bar

    def _build_flags(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(2, 0, 2, 0)
        title = QLabel(self.tr("标记"), box)
        title.setObjectName("sectionTitle")
        layout.addWidget(title)
        row = QHBoxLayout()
        self.flag_boxes: dict[str, QCheckBox] = {}
        for flag in FLAGS:
            check = QCheckBox(QCoreApplication.translate(FLAG_CONTEXT,
                                                         FLAG_LABELS.get(flag, flag)), box)
            check.setObjectName(f"flag_{flag}")
            check.toggled.connect(lambda on, f=flag: self._flag_toggled(f, on))
            row.addWidget(check)
            self.flag_boxes[flag] = check
        self.category_combo = QComboBox(box)
        self.category_combo.setObjectName("suggestedCategory")
        self.category_combo.setToolTip(self.tr("建议改投的类别"))
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_combo.setEnabled(False)
        self.category_combo.currentIndexChanged.connect(self._category_chosen)
        row.addStretch(1)
        layout.addLayout(row)
        # Its own line: beside the flags it made the panel wider than a laptop's column.
        suggestion = QHBoxLayout()
        suggestion.addWidget(self.category_combo)
        suggestion.addStretch(1)
        layout.addLayout(suggestion)
        return box

    def _build_comment(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(2, 0, 2, 0)
        head = QHBoxLayout()
        title = QLabel(self.tr("评语"), box)
        title.setObjectName("sectionTitle")
        self.comment_reason = QLabel(box)
        self.comment_reason.setObjectName("commentReason")
        self.comment_reason.setWordWrap(True)
        self.comment_reason.hide()
        head.addWidget(title)
        head.addWidget(self.comment_reason, 1)
        layout.addLayout(head)
        self.comment = QPlainTextEdit(box)
        self.comment.setObjectName("commentBox")
        self.comment.setProperty("required", False)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("对本申报的评价与建议（选填）"))
        self.comment.setMinimumHeight(90)
        self.comment.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.comment.textChanged.connect(self._comment_edited)
        self.comment.installEventFilter(self)
        title.setBuddy(self.comment)
        layout.addWidget(self.comment)
        return box

    def _chain_tab_order(self) -> None:
        chain: list[QWidget] = [card.editor for card in self.cards]
        chain += list(self.flag_boxes.values()) + [self.category_combo, self.comment]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- filling -----------------------------------------------------------------------

    def show_submission(self, sub: Submission, scores: Mapping[str, Decimal],
                        comment: str | None, flags: Mapping[str, str | None],
                        recused: bool) -> None:
        """Show `sub`'s stored marks.  Emits nothing; unsaved typing is discarded, since
        the window flushes (`flush_comment`) before switching."""
        self._loading = True
        try:
            self._submission = sub
            self._comment_timer.stop()
            self._comment_dirty = False
            for card in self.cards:
                card.editor.set_value(scores.get(card.criterion.id))
                card.set_category(sub.category, self.rubric.weight(card.criterion.id,
                                                                   sub.category))
            self._fill_flags(sub, flags)
            self.comment.setPlainText(comment or "")
            self.setEnabled(not recused)
            self.recused_note.setVisible(recused)
            self.setToolTip(self.tr("已回避，不可评分") if recused else "")
            self._refresh_total()
            self.scroll.verticalScrollBar().setValue(0)
        finally:
            self._loading = False

    def _fill_flags(self, sub: Submission, flags: Mapping[str, str | None]) -> None:
        for flag, check in self.flag_boxes.items():
            check.setChecked(flag in flags)
        self.category_combo.clear()
        self.category_combo.addItem(self.tr("（建议类别）"), None)
        for category in self.rubric.categories:
            if category != sub.category:
                self.category_combo.addItem(category, category)
        suggested = flags.get(WRONG_CATEGORY)
        index = self.category_combo.findData(suggested) if suggested else 0
        self.category_combo.setCurrentIndex(max(index, 0))
        self.category_combo.setEnabled(WRONG_CATEGORY in flags)

    # -- reading -----------------------------------------------------------------------

    def current_scores(self) -> dict[str, Decimal]:
        """The scores as shown (criterion id → Decimal), unscored criteria left out."""
        return {cid: ed.value() for cid, ed in self.spins.items() if ed.value() is not None}

    def current_total(self) -> Decimal | None:
        """The weighted total once every criterion is scored, else None."""
        scores = self.current_scores()
        if not self.rubric.is_complete(scores):
            return None
        return self.rubric.total(scores, self._category())

    def _category(self) -> str | None:
        return self._submission.category if self._submission is not None else None

    def _refresh_total(self) -> None:
        scores = self.current_scores()
        total = self.current_total()
        maximum = canonical_decimal(self.rubric.max_total(self._category()))
        shown = "—" if total is None else canonical_decimal(total)
        self.total_label.setText(self.tr("总分 {total} / {max}").format(total=shown, max=maximum))
        self.progress_label.setText(self.tr("已评 {done}/{count} 项").format(
            done=len(scores), count=len(self.cards)))
        partial = total is None and bool(scores)
        self.subtotal_label.setVisible(partial)
        self.subtotal_label.setText(self.tr("，小计 {subtotal}").format(
            subtotal=canonical_decimal(self.rubric.total(scores, self._category())))
            if partial else "")
        for card in self.cards:
            value = card.editor.value()
            card.highlight(None if value is None
                           else self.rubric.level_for(card.criterion.id, value))
        reason = None if total is None else self.rubric.comment_required(total)
        reason = render(recognise(reason, COMMENT_RULES)) if reason else None
        self.comment_reason.setVisible(reason is not None)
        self.comment_reason.setText(reason or "")
        self.comment.setPlaceholderText(
            self.tr("此项必填：{reason}").format(reason=reason) if reason
            else self.tr("对本申报的评价与建议（选填）"))
        self._refresh_comment_hint()

    def _refresh_comment_hint(self) -> None:
        # All criteria scored but the submission stays "in progress" until the required
        # comment is written; the comment box is usually scrolled out of sight, so the
        # total bar says what is still missing.
        missing = bool(self.comment_reason.text()) and not self.comment.toPlainText().strip()
        self.comment_hint.setVisible(missing)
        # Red while the required comment is missing, not after it has been written.
        if self.comment.property("required") != missing:
            self.comment.setProperty("required", missing)
            self.comment.style().unpolish(self.comment)
            self.comment.style().polish(self.comment)
        self.comment_hint.setToolTip(self.comment_reason.text() if missing else "")

    # -- user changes ------------------------------------------------------------------

    def _score_committed(self, crit_id: str, value: object) -> None:
        self._refresh_total()
        if not self._loading:
            self.score_changed.emit(crit_id, value)

    def _flag_toggled(self, flag: str, on: bool) -> None:
        if flag == WRONG_CATEGORY:
            self.category_combo.setEnabled(on)
        if self._loading:
            return
        category = self.category_combo.currentData() if flag == WRONG_CATEGORY and on else None
        self.flag_changed.emit(flag, on, category)

    def _category_chosen(self, _index: int) -> None:
        if self._loading or not self.flag_boxes[WRONG_CATEGORY].isChecked():
            return
        self.flag_changed.emit(WRONG_CATEGORY, True, self.category_combo.currentData())

    def _comment_edited(self) -> None:
        if self._loading:
            return
        self._refresh_comment_hint()
        self._comment_dirty = True
        self._comment_timer.start()

    def _emit_comment(self) -> None:
        self._comment_timer.stop()
        if self._comment_dirty:
            self._comment_dirty = False
            self.comment_changed.emit(self.comment.toPlainText())

    def flush_comment(self) -> None:
        """Emit whatever is typed but not yet committed: scores first, then the comment."""
        for editor in self.spins.values():
            editor.commit_pending()  # emits only if the shown value differs from the saved
        self._emit_comment()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.comment and event.type() == QEvent.Type.FocusOut:
            self._emit_comment()
        return super().eventFilter(watched, event)

    # -- descriptors -------------------------------------------------------------------

    @property
    def details_shown(self) -> bool:
        return self.details_button.isChecked()

    def set_details_shown(self, shown: bool) -> None:
        """Show or collapse every card's descriptors (emits nothing)."""
        self.details_button.blockSignals(True)
        self.details_button.setChecked(shown)
        self.details_button.blockSignals(False)
        for card in self.cards:
            card.set_details_shown(shown)

    def _details_clicked(self, shown: bool) -> None:
        self.set_details_shown(shown)
        self.details_toggled.emit(shown)

    # -- keyboard ----------------------------------------------------------------------

    def focus_criterion(self, index: int) -> None:
        """Put keyboard focus on criterion `index` (0-based), its text selected."""
        if not 0 <= index < len(self.cards) or not self.isEnabled():
            return
        card = self.cards[index]
        editor = card.editor
        if card.height() > self.scroll.viewport().height():
            # ensureWidgetVisible centres a card taller than the view, which hides its
            # score field above the top edge: the expert would type blind.
            self.scroll.verticalScrollBar().setValue(card.y())
        else:
            self.scroll.ensureWidgetVisible(card, 0, 0)
        editor.setFocus(Qt.FocusReason.ShortcutFocusReason)
        editor.selectAll()
