"""The evidence panel while keys are held: a submission flown past is listed but not
read, and look-aheads of submissions passed are withdrawn without leaving a file waiting."""

from __future__ import annotations

from tests.ui.test_evidence_panel import HeldRunner, make_submission, read_file
from ui.evidence import EvidencePanel
from ui.task_runner import SyncTaskRunner


def counting(reads: list[str]):
    """`read_file`, noting every name it is asked for in `reads`."""
    def read(name: str) -> bytes:
        reads.append(name)
        return read_file(name)

    return read


def test_a_submission_set_without_loading_reads_nothing_until_asked(qtbot: object) -> None:
    reads: list[str] = []
    panel = EvidencePanel(SyncTaskRunner(), counting(reads))
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    shown: list[str] = []
    panel.evidence_shown.connect(shown.append)
    panel.set_submission(make_submission(["S1/E1.jpg", "S1/E2.pdf"]), load=False)
    assert reads == [] and shown == []
    assert panel.model.rowCount() == 2 and panel.stack.currentWidget() is panel.loading
    assert panel.file_label.text()  # the file about to be read is named
    panel.load_deferred()
    assert shown == ["S1/E1.jpg"] and reads[0] == "S1/E1.jpg"
    panel.load_deferred()  # nothing left waiting: nothing read again
    assert shown == ["S1/E1.jpg"]


def test_a_submission_left_before_loading_is_never_read(qtbot: object) -> None:
    reads: list[str] = []
    panel = EvidencePanel(SyncTaskRunner(), counting(reads))
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.set_submission(make_submission(["S1/E1.jpg"]), load=False)
    panel.set_submission(make_submission(["S1/E4.docx"]), load=False)
    panel.load_deferred()
    assert reads[0] == "S1/E4.docx" and "S1/E1.jpg" not in reads
    assert panel.current_file.name == "S1/E4.docx"


def test_look_aheads_of_submissions_passed_are_withdrawn_and_never_waited_for(
        qtbot: object) -> None:
    runner = HeldRunner()
    panel = EvidencePanel(runner, read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    shown: list[str] = []
    panel.evidence_shown.connect(shown.append)
    passed, coming = make_submission(["S1/E1.jpg"]), make_submission(["S1/E2.pdf"])
    panel.prefetch(passed)
    panel.prefetch(coming)  # the expert moved on: the first look-ahead is withdrawn
    assert [job[2][1].name for job in runner.held] == ["S1/E2.pdf"]
    panel.set_submission(passed)  # back to it: read now, not waited for
    assert shown == ["S1/E1.jpg"]


def test_a_look_ahead_the_screen_waits_for_is_not_withdrawn(qtbot: object) -> None:
    runner = HeldRunner()
    panel = EvidencePanel(runner, read_file)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    shown: list[str] = []
    panel.evidence_shown.connect(shown.append)
    first = make_submission(["S1/E1.jpg"])
    panel.prefetch(first, now=True)  # the window's start
    panel.set_submission(first)
    panel.prefetch(make_submission(["S1/E2.pdf"]))
    assert len(runner.held) == 2
    runner.release()
    assert shown == ["S1/E1.jpg"]
