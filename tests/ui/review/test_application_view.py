"""ApplicationView: header, paragraphs, warning band and escaped highlights."""

from __future__ import annotations

from app.model import IntakeWarning, Submission
from ui.review.application_view import ApplicationView, application_html, field_spans, marked_html


def sub_with(body: str, warnings: list[IntakeWarning]) -> Submission:
    return Submission(id="S9", category="治理成效", title="<b>标题</b>", unit="某市热线",
                      fields={"highlights": "亮点", "body": body}, text=body, warnings=warnings)


def test_spans_are_highlighted_and_escaped():
    body = "来电人<张>电话13812345678，已回访。\n第二段。"
    start = body.index("138")
    sub = sub_with(body, [IntakeWarning("pii_phone", "疑似未脱敏手机号", field="body",
                                        spans=[[start, start + 11], [-5, 2], [99, 200], ["x"]])])
    assert field_spans(sub, "body") == [(0, 2), (start, start + 11)]
    page = application_html(sub)
    assert "疑似未脱敏手机号" in page
    assert "13812345678</span>" in page and "&lt;张&gt;" in page and "&lt;b&gt;标题" in page
    assert "<b>标题</b>" not in page
    assert page.count("<p>") >= 2  # paragraphs kept


def test_overlapping_spans_merge():
    assert marked_html("abcdef", [(1, 3)]).startswith("<p>a<span")
    sub = sub_with("abcdefgh", [IntakeWarning("x", "m", field="body", spans=[[1, 4], [3, 6]])])
    assert field_spans(sub, "body") == [(1, 6)]


def test_widget_shows_text_read_only(qtbot):
    view = ApplicationView()
    qtbot.addWidget(view)
    assert "未选择申报" in view.toPlainText()
    view.set_submission(sub_with("正文第一段", []))
    text = view.toPlainText()
    assert "某市热线" in text and "核心亮点" in text and "正文第一段" in text
    assert view.isReadOnly() and "提醒" not in text


def test_next_page_is_laid_out_ahead_and_used_when_switching(qtbot):
    view = ApplicationView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    first = sub_with("第一份申报的详细内容。" * 50, [])
    coming = Submission(id="S002", category="创新机制", title="第二份", unit="某热线",
                        fields={"body": "第二份申报的详细内容。" * 50}, text="")
    view.set_submission(first)
    view.prefetch(coming)
    qtbot.waitUntil(lambda: view._ready is not None, timeout=3000)
    prepared = view._ready[2]
    view.set_submission(coming)
    assert view.document() is prepared and "第二份申报" in view.toPlainText()
    view.set_submission(first)  # not prepared: built on the spot, as before
    assert view.document() is prepared and "第一份申报" in view.toPlainText()


def test_the_empty_page_is_said_in_english(qtbot, english_here):
    # The placeholder's tr() sat inside an f-string, where lupdate never looks.
    view = ApplicationView()
    qtbot.addWidget(view)
    assert view.toPlainText().strip() == "No submission selected"
