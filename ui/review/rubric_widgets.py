"""Building blocks of the rubric panel: the exact score editor and one criterion's card.

`ScoreEditor` is a `QAbstractSpinBox` over exact `Decimal` values, not a
`QDoubleSpinBox`: a float spin box would turn "27.5" into a binary fraction and round it
back for display, and it has no honest "not yet scored" state.  Here the value is a
Decimal on the rubric's step grid or None (shown as "—"); the validator refuses text
that can never become a valid score, so an out-of-range number cannot even be typed —
and says so (`refused`), so typing "12" into a 10-point field never quietly leaves "1":
the card shows why the key was refused, and the leftover is saved only when the expert
confirms it (Enter, leaving the field), not by the pause after typing.  A number off the
step grid is snapped when committed, and that is said too.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from scoring.rubric import Criterion, Level
from scoring.totals import canonical_decimal
from ui.plain_text import plain_labels

EMPTY_TEXT = "—"
TYPING_COMMIT_MS = 700  # a typed score is saved this long after the last key press


def step_places(step: Decimal) -> int:
    """How many decimals a score on this step's grid needs: 0.5 → 1, 1 → 0, 0.25 → 2."""
    exponent = step.normalize().as_tuple().exponent
    return max(-int(exponent), 0) if isinstance(exponent, int) else 0


def score_text(value: Decimal | None, places: int = 1) -> str:
    """Display text of a score: "27.5", "30.0"; "—" for no score."""
    if value is None:
        return EMPTY_TEXT
    return format(value.quantize(Decimal(1).scaleb(-places)), "f")


class ScoreEditor(QAbstractSpinBox):
    """An exact 0..max editor on the step grid; None ("—") means not yet scored.

    `committed(value)` is emitted only for the user's own changes: a step (arrow keys,
    Page keys, focused wheel, the buttons), Enter, focus-out, `commit_pending()`, or a
    short pause after typing.  `set_value()` never emits.
    """

    committed = Signal(object)  # Decimal | None
    tentative = Signal(object)  # the value as typed so far (for the live total)
    refused = Signal(str)  # why typed input was refused or changed; "" when that is over

    def __init__(self, maximum: Decimal, step: Decimal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max = Decimal(maximum)
        self._step = Decimal(step)
        self._places = step_places(self._step)
        self._value: Decimal | None = None
        self._committed_value: Decimal | None = None
        self._refusal = ""  # the message of a refused key, until the next edit or commit
        frac = rf"(\.\d{{0,{self._places}}})?" if self._places else ""
        self._pattern = re.compile(rf"\d{{0,4}}{frac}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # wheel only after a click or Tab
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setAccelerated(False)
        self.setKeyboardTracking(True)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.lineEdit().setText(EMPTY_TEXT)
        self.lineEdit().textEdited.connect(self._typed)
        self.editingFinished.connect(self.commit_pending)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_COMMIT_MS)
        self._timer.timeout.connect(self.commit_pending)

    # -- value ---------------------------------------------------------------------------

    def value(self) -> Decimal | None:
        """The score as shown (typed text counts once it is a valid score)."""
        return self._value

    def set_value(self, value: Decimal | None) -> None:
        """Show `value` without emitting anything (programmatic fill)."""
        self._timer.stop()
        self._value = self._snap(value) if value is not None else None
        self._committed_value = self._value
        self.lineEdit().setText(score_text(self._value, self._places))
        self._say("")

    def commit_pending(self) -> None:
        """Emit `committed` if the shown value differs from the last emitted or loaded one."""
        self._timer.stop()
        if not self.lineEdit().hasAcceptableInput():
            typed = self.lineEdit().text().strip()
            self.lineEdit().setText(self.fixup(self.lineEdit().text()))
            self._value = self._parse(self.lineEdit().text())
            if self._value is not None and typed.rstrip(".") != self.lineEdit().text():
                self._say(self.tr("“{typed}”不在 {step} 分的步长上，已记为 {value}").format(
                    typed=typed, step=canonical_decimal(self._step),
                    value=self.lineEdit().text()))
        elif self._value is None and self.lineEdit().text() != EMPTY_TEXT:
            self.lineEdit().setText(EMPTY_TEXT)
        elif self._value is not None:
            self.lineEdit().setText(score_text(self._value, self._places))
        if self._refusal:  # say what was kept instead of what was refused
            self._say(self.tr("{refusal}；本项为 {value}").format(
                refusal=self._refusal, value=score_text(self._value, self._places)))
            self._refusal = ""
        if self._value != self._committed_value:
            self._committed_value = self._value
            self.committed.emit(self._value)

    # -- QAbstractSpinBox ----------------------------------------------------------------

    def validate(self, text: str, pos: int) -> object:
        state = self._state(text)
        if state == QValidator.State.Invalid and self._over_maximum(text):
            # The key is refused; the leftover waits for the expert to confirm it.
            self._timer.stop()
            self._refusal = self.tr("“{typed}”超过本项满分 {max}，未接受").format(
                typed=text.strip(), max=canonical_decimal(self._max))
            self.refused.emit(self._refusal)
        return state, text, pos

    def fixup(self, text: str) -> str:
        """Snap text that is not on the grid to the nearest step (ties up), within range."""
        stripped = text.strip()
        if stripped in ("", EMPTY_TEXT):
            return EMPTY_TEXT
        try:
            number = Decimal(stripped.rstrip("."))
        except InvalidOperation:
            return score_text(self._value, self._places)
        return score_text(self._snap(number), self._places)

    def stepBy(self, steps: int) -> None:
        if self._value is None:
            # The first step from "not scored" lands on 0 (up) or on the maximum (down).
            start = Decimal(0) if steps > 0 else self._max
            steps -= 1 if steps > 0 else -1
        else:
            start = self._value
        self._value = self._snap(start + self._step * steps)
        self.lineEdit().setText(score_text(self._value, self._places))
        self.lineEdit().selectAll()
        self.tentative.emit(self._value)
        self.commit_pending()

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self._value is None or self._value < self._max:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        if self._value is None or self._value > 0:
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return flags

    def clear(self) -> None:
        self.lineEdit().setText(EMPTY_TEXT)
        self._value = None

    def wheelEvent(self, event: QWheelEvent) -> None:
        # An unfocused editor must not eat the wheel: the panel is scrolled with it.
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
                self.lineEdit().text() == EMPTY_TEXT or self.lineEdit().hasSelectedText()
                and self.lineEdit().selectedText() == self.lineEdit().text()):
            # Clearing the whole field means "not scored".
            self.lineEdit().setText("")
            self._typed("")
            event.accept()
            return
        if self.lineEdit().text() == EMPTY_TEXT and event.text() and event.text()[0].isdigit():
            self.lineEdit().setText("")  # typing over "—" replaces it
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        QTimer.singleShot(0, self.lineEdit().selectAll)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit_pending()
        super().focusOutEvent(event)

    # -- helpers -------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._say("")  # a new edit: whatever was said about the last one is over
        if self._state(text) == QValidator.State.Acceptable:
            self._value = self._parse(text)
            self.tentative.emit(self._value)
        self._timer.start()

    def _state(self, text: str) -> QValidator.State:
        stripped = text.strip()
        if stripped in ("", EMPTY_TEXT):
            return QValidator.State.Acceptable
        if not self._pattern.fullmatch(stripped):
            return QValidator.State.Invalid
        if stripped == ".":
            return QValidator.State.Intermediate
        number = Decimal(stripped.rstrip(".") or "0")
        if number > self._max:
            return QValidator.State.Invalid  # refuse: "31" cannot be typed into a 30 field
        if stripped.endswith(".") or not self._on_grid(number):
            return QValidator.State.Intermediate
        return QValidator.State.Acceptable

    def _parse(self, text: str) -> Decimal | None:
        stripped = text.strip()
        if stripped in ("", EMPTY_TEXT):
            return None
        try:
            return self._snap(Decimal(stripped.rstrip(".")))
        except InvalidOperation:
            return self._value

    def _over_maximum(self, text: str) -> bool:
        stripped = text.strip()
        if not self._pattern.fullmatch(stripped) or stripped in ("", "."):
            return False
        return Decimal(stripped.rstrip(".")) > self._max

    def _say(self, message: str) -> None:
        self._refusal = ""
        self.refused.emit(message)

    def _on_grid(self, number: Decimal) -> bool:
        return (number / self._step) == (number / self._step).to_integral_value()

    def _snap(self, number: Decimal) -> Decimal:
        halves = (Decimal(number) / self._step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        snapped = min(max(halves * self._step, Decimal(0)), self._max)
        return snapped.quantize(Decimal(1).scaleb(-self._places))


def level_range_text(level: Level) -> str:
    return f"{canonical_decimal(level.min)}–{canonical_decimal(level.max)}"


class CriterionCard(QFrame):
    """One criterion: name, points, editor, description, the four levels, the guidance."""

    def __init__(self, index: int, criterion: Criterion, step: Decimal,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self._details = True  # description and every level shown (see set_details_shown)
        self.setObjectName("criterionCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)

        head = QHBoxLayout()
        self.name_label = QLabel(f"{index + 1}. {criterion.name}", self)
        self.name_label.setObjectName("criterionName")
        self.max_label = QLabel(self.tr("满分 {max}").format(max=canonical_decimal(criterion.max)),
                                self)
        self.max_label.setObjectName("criterionMax")
        self.weight_label = QLabel(self)
        self.weight_label.setObjectName("criterionMax")
        self.editor = ScoreEditor(criterion.max, step, self)
        self.editor.setObjectName(f"score_{criterion.id}")
        self.editor.setMinimumWidth(84)
        self.editor.setToolTip(self.tr("输入 0 到 {max} 的分数（步长 {step}），上下键调整，"
                                       "清空表示未评").format(
            max=canonical_decimal(criterion.max), step=canonical_decimal(step)))
        self.name_label.setBuddy(self.editor)
        head.addWidget(self.name_label)
        head.addWidget(self.max_label)
        head.addWidget(self.weight_label)
        head.addStretch(1)
        head.addWidget(self.editor)
        layout.addLayout(head)
        self.refusal = QLabel(self)  # why typed input was refused (ScoreEditor.refused)
        self.refusal.setObjectName("scoreRefused")
        self.refusal.setWordWrap(True)
        self.refusal.hide()
        self.editor.refused.connect(self._show_refusal)
        layout.addWidget(self.refusal)

        self.description = QLabel(criterion.description, self)
        self.description.setObjectName("criterionDescription")
        self.description.setWordWrap(True)
        plain_labels(self.name_label, self.description)  # the packet's rubric: text only
        layout.addWidget(self.description)

        self.level_labels: dict[str, QLabel] = {}
        for level in criterion.levels:
            label = QLabel(f"<b>{_escape(level.name)} {level_range_text(level)}</b>："
                           f"{_escape(level.descriptor)}", self)
            label.setObjectName("levelLabel")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setProperty("current", False)
            layout.addWidget(label)
            self.level_labels[level.name] = label

        self.guidance = QLabel(self)
        self.guidance.setObjectName("guidanceLabel")
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.guidance)

    def set_category(self, category: str | None, weight: Decimal) -> None:
        text = self.criterion.guidance.get(category) if category else None
        self.guidance.setText(self.tr("<b>本类别（{category}）评审提示：</b>{text}").format(
            category=_escape(category or ""), text=_escape(text)) if text else "")
        self._show_details()
        self.weight_label.setVisible(weight != 1)
        self.weight_label.setText(self.tr("权重 ×{weight}").format(
            weight=canonical_decimal(weight)))

    def _show_refusal(self, message: str) -> None:
        self.refusal.setText(message)
        self.refusal.setVisible(bool(message))

    def set_details_shown(self, shown: bool) -> None:
        """Show the description, every level and the category's guidance, or (collapsed)
        only the level holding the score: on a laptop screen the criteria then fit
        without scrolling."""
        self._details = shown
        self._show_details()

    def _show_details(self) -> None:
        shown = self._details
        self.description.setVisible(shown)
        self.guidance.setVisible(shown and bool(self.guidance.text()))
        # Collapsed, the name's tooltip still holds what the card no longer shows.
        self.name_label.setToolTip("" if shown else "<p>" + "</p><p>".join(
            text for text in (_escape(self.criterion.description), self.guidance.text())
            if text) + "</p>")
        for label in self.level_labels.values():
            label.setVisible(shown or bool(label.property("current")))

    def highlight(self, level: Level | None) -> None:
        """Mark the level holding the current score (none when unscored)."""
        for name, label in self.level_labels.items():
            current = level is not None and level.name == name
            if label.property("current") != current:
                label.setProperty("current", current)
                label.style().unpolish(label)
                label.style().polish(label)
            if not self._details:
                label.setVisible(current)

    def current_level(self) -> str | None:
        for name, label in self.level_labels.items():
            if label.property("current"):
                return name
        return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
