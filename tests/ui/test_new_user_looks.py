"""What a new user saw (issue 15): disabled looks, dialog buttons, the zoom label, the
thumbnail names, the full-screen hint, and English for what the core says."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from app.i18n import Message
from app.intake.checks import duplicate_warning, pii_warning
from app.intake.messages import recognise_warning
from app.intake.pii import find_pii
from app.results.explain import agreement_sentence
from app.results.model import AgreementStats
from app.sheets.export import CHECK, MISSING_CRITERIA, NOT_SCORED
from tests.ui.test_evidence_panel import make_submission, panel  # noqa: F401 — fixture
from ui import i18n
from ui.evidence import EvidencePanel
from ui.evidence.strip import ICON_SIZE
from ui.style import load_style_sheet


@pytest.fixture
def styled(qapp):
    """The application's own style sheet for one test."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(load_style_sheet(None))
    yield qapp
    qapp.setStyleSheet(before)


@pytest.fixture
def english(qapp):
    i18n.install_translators(qapp, "en")
    yield
    i18n.install_translators(qapp, "zh_CN")


# -- 1 and 11: disabled looks disabled; dialog buttons without fallback icons --------------

def test_a_disabled_button_is_drawn_differently_from_an_enabled_one(qtbot, styled):
    host = QWidget()
    qtbot.addWidget(host)
    enabled, disabled = QPushButton("导出", host), QPushButton("导出", host)
    disabled.setEnabled(False)
    for button in (enabled, disabled):
        button.resize(90, 30)
    host.show()
    assert enabled.grab().toImage() != disabled.grab().toImage()


def test_dialog_buttons_have_no_icons(qtbot, styled):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    box.show()
    assert all(button.icon().isNull() for button in box.buttons())


# -- 4. the zoom label follows the zoom ------------------------------------------------------

def test_zoom_label_follows_fit_and_the_zoom_buttons(panel: EvidencePanel):  # noqa: F811
    panel.show()
    panel.set_submission(make_submission())
    viewer = panel.image_viewer

    def label_matches() -> bool:
        return panel.zoom_reset_button.text() == f"{round(viewer.zoom_level * 100)}%"

    assert viewer.zoom_level < 1.0 and label_matches()  # fitted: not "100%"
    assert panel.zoom_reset_button.text() != "100%"
    for step in (panel.zoom_out, panel.zoom_in, panel.zoom_in, panel.reset_zoom,
                 panel.fit_to_window):
        step()
        assert label_matches()
    panel.reset_zoom()
    assert panel.zoom_reset_button.text() == "100%"
    panel.select(panel.model.row_of("S1/E2.pdf"))  # the PDF viewer keeps its own zoom
    panel.zoom_out()
    assert panel.zoom_reset_button.text() == f"{round(panel.pdf_viewer.zoom * 100)}%"


# -- 7. the thumbnail names are never clipped -----------------------------------------------

def test_the_strip_leaves_room_for_the_names_in_any_font(panel: EvidencePanel):  # noqa: F811
    strip = panel.strip
    line = strip.fontMetrics().lineSpacing()
    assert strip.gridSize().height() >= ICON_SIZE.height() + line
    assert strip.height() > strip.gridSize().height()
    big = QFont(strip.font())
    big.setPointSizeF(big.pointSizeF() * 2)
    strip.setFont(big)  # a taller CJK system font, a larger setting
    assert strip.gridSize().height() >= ICON_SIZE.height() + QFontMetrics(big).lineSpacing()
    assert strip.height() > strip.gridSize().height()


# -- 8. the full-screen hint goes when full screen does ---------------------------------------

def test_leaving_full_screen_clears_its_hint(panel: EvidencePanel):  # noqa: F811
    messages: list[str] = []
    panel.status_message.connect(messages.append)
    panel.show()
    panel.set_submission(make_submission())
    panel.toggle_fullscreen()
    assert "Esc" in messages[-1]
    panel.toggle_fullscreen()
    assert messages[-1] == ""


# -- 6. what the core says, in English ------------------------------------------------------

def test_export_check_lines_are_chinese_text_and_render_in_english(english):
    line = Message(CHECK, NOT_SCORED, sid="S004")
    assert line == "S004 尚未评分"  # the command line and the files keep the Chinese
    assert i18n.render(line) == "S004 not scored yet"
    several = Message(CHECK, MISSING_CRITERIA, sid="S2", criteria=["甲", "乙"])
    assert several == "S2 缺少评分项：甲、乙"
    assert i18n.render(several) == "S2 missing criteria: 甲, 乙"


def test_stored_intake_warnings_are_recognised_and_translated(english):
    hit = find_pii("电话13812345678")[0]
    stored = str(pii_warning(hit, "body").message)  # as a packet stores it: plain text
    shown = i18n.render(recognise_warning(stored))
    assert shown.startswith("Possibly unmasked mobile number: ") and "138" in shown
    duplicate = str(duplicate_warning(["S002", "S003"]).message)
    assert i18n.render(recognise_warning(duplicate)) == \
        "Same unit and title as S002, S003: possibly submitted twice"
    assert i18n.render(recognise_warning("某条旧的提醒")) == "某条旧的提醒"  # unknown: as is


def test_results_explanations_render_in_english(english):
    stats = AgreementStats(category="甲类", n_subs=5, n_experts=3, n_complete=5,
                           icc={"ICC(2,k)": 0.82}, kendall=(0.6, 7.2, 4, 0.01), alpha=0.7)
    sentence = agreement_sentence(stats)
    assert "专家平均分的可靠性" in sentence and sentence.endswith("。")
    english_text = i18n.render(sentence)
    assert english_text.startswith("甲类 (5 entries, 3 experts, 5 scored by every expert); "
                                   "reliability")
    assert "good" in english_text and "significant agreement" in english_text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in english_text.replace("甲类", ""))


def test_chinese_mode_translates_qt_own_file_dialog(qapp, qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    i18n.install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    dialog = QFileDialog(None, "打开评审包")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels and not any(text.isascii() for text in labels), labels
    # Strings Qt does translate, and PanelDesk's own (Chinese already), are unchanged.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QCoreApplication.translate("ReviewWindow", "打开评审包(&O)…") == "打开评审包(&O)…"


def test_aggregation_methods_are_named_in_english(english):
    from ui.organizer.results_page import method_text

    assert method_text("median") == "Median"
    assert method_text("trimmed").startswith("Mean without")


def test_result_flags_and_reasons_render_in_english(english):
    from app.results.model import EXPERT_FLAG_CATEGORY, FLAG_SPREAD, SPREAD_REASON
    from ui.organizer.results_models import result_text

    assert result_text(FLAG_SPREAD) == "Large spread"
    expert_flag = EXPERT_FLAG_CATEGORY.format(flag="类别不符", category="乙类", count=2)
    assert result_text(expert_flag) == "Wrong category → 乙类 (2 experts)"
    reason = SPREAD_REASON.format(max="90.0", min="60.0", spread="30.0", threshold="20")
    assert result_text(reason).startswith("Large spread: highest 90.0, lowest 60.0")


def test_lists_of_ids_are_joined_the_interface_languages_way(english):
    assert i18n.join_list(["S001", "S002"]) == "S001, S002"


def test_every_installed_translator_is_qt_s_own_class(qapp):
    """Qt asks translators from any thread, also while holding its own locks (an image
    plugin being loaded on a decoding thread): a translator written in Python waited
    there for the interpreter lock and the window deadlocked."""
    from PySide6.QtCore import QTranslator

    for language in i18n.LANGUAGES:
        installed = i18n.install_translators(qapp, language)
        assert installed and all(type(t) is QTranslator for t in installed), language
    i18n.install_translators(qapp, "zh_CN")
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："


def test_a_usual_file_name_is_not_elided_in_the_strip(panel: EvidencePanel):  # noqa: F811
    # With a CJK system font "工单截图1.jpg" came out as "工单截…jpg".
    strip = panel.strip
    big = QFont(strip.font())
    big.setPointSizeF(big.pointSizeF() * 1.6)
    strip.setFont(big)
    for name in ("工单截图1.jpg", "感谢信照片.jpg", "群众感谢信.pdf"):
        assert strip.fontMetrics().horizontalAdvance(name) + 8 <= strip.gridSize().width(), name
    # Each item is as wide as its cell, not as its thumbnail (a portrait PDF page is narrow).
    model = strip.model()
    for row in range(model.rowCount()):
        rect = strip.visualRect(model.index(row, 0))
        assert rect.width() >= strip.gridSize().width() - 8
