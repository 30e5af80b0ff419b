"""`python tools/screenshots.py OUT_DIR`: the main screens, with the demo packet, as PNGs.

Runs offscreen with a throw-away PANELDESK_HOME: builds the demo packet (or uses the
shipped one), creates expert E1's key with a fixed passphrase (`PANELDESK_SCREENSHOT_
PASSPHRASE`, default "demo"), identifies and recuses without dialogs, scores a few
submissions through the review session, and grabs: the review screen (1600×1000) on a
submission whose intake warnings are highlighted, the evidence viewer on an image and
on a PDF page, the identity dialog, the recusal dialog and 我的排序; then the organizer's
import and results pages (`screenshots_organizer`, beside this script) and the steps of
the organizer workbench (`screenshots_workbench`).  A developer tool:
it is not part of the product.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script from a checkout

SIZE = (1600, 1000)


def _demo_packet(work: Path) -> Path:
    from app.paths import resource_path

    shipped = resource_path("demo", "demo.panelpack")
    if shipped.is_file():
        return shipped
    # The demo package is reserved for the command line (an import-linter contract),
    # so a checkout without the shipped packet builds it the way a user would.
    from app import cli

    if cli.main(["demo", str(work / "demo")]) != 0:
        raise SystemExit("could not build the demo packet")
    return work / "demo" / shipped.name


_RUNNERS: list = []  # task runners whose work must finish before a grab


def _settle(app: object, rounds: int = 30) -> None:
    """Let queued rendering (thumbnails, PDF pages) arrive before grabbing."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()
        QThreadPool.globalInstance().waitForDone(50)
        for runner in _RUNNERS:
            runner.wait_for_done(200)
    QApplication.processEvents()


def _grab(widget: object, path: Path) -> Path:
    widget.grab().save(str(path))  # type: ignore[attr-defined]
    print(path)
    return path


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("用法：python tools/screenshots.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="paneldesk-shots-"))
    os.environ["PANELDESK_HOME"] = str(work / "home")
    passphrase = os.environ.get("PANELDESK_SCREENSHOT_PASSPHRASE", "demo")

    from PySide6.QtCore import Qt

    from app.keys import KeyStore
    from ui.application import create_application, open_settings
    from ui.review.identity_dialog import Identity, IdentityDialog
    from ui.review.recusal_dialog import RecusalDialog
    from ui.review.window import ReviewWindow
    from ui.task_runner import SyncTaskRunner, TaskRunner

    app = create_application(["paneldesk"])
    packet_path = _demo_packet(work)
    store = KeyStore()
    fingerprint = store.create(passphrase)

    def identify(_window: object, _packet: object) -> Identity:
        return Identity("E1", fingerprint)

    def declare(_window: object, subs: list, _existing: dict) -> dict[str, str]:
        return {subs[-1].id: "本人曾为该单位提供咨询服务"} if subs else {}

    runner = TaskRunner()
    _RUNNERS.append(runner)
    window = ReviewWindow(runner=runner, writer=SyncTaskRunner(),
                          settings=open_settings(), identify=identify, declare_recusals=declare)
    # A first start fits the screen (maximized on the small offscreen one): the
    # screenshots are taken at one fixed size instead.
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(*SIZE)
    window.show()
    window.open_path(packet_path)
    while window.opening:
        _settle(app, 2)
    session = window.session
    if session is None:
        print("screenshots: 无法打开演示评审包", file=sys.stderr)
        return 1
    crits = list(session.rubric.criteria)
    samples = (("0.85", "0.8"), ("0.7", "0.75"), ("0.95", "0.9"))
    scored = [sid for sid in session.assigned if sid not in session.recusals()][:3]
    for sid, (a, b) in zip(scored, samples, strict=False):
        values = {}
        for i, crit in enumerate(crits):
            frac = float(a if i % 2 == 0 else b)
            values[crit.id] = str(round(float(crit.max) * frac * 2) / 2)
        session.set_scores(sid, values)
    session.set_comment(scored[0], "温度与效能兼具，个案到机制的转化清楚，建议保留。")
    window.list_panel.model.set_submissions(window.list_panel.model.submissions(),
                                            session.states())
    window.list_panel.update_progress()
    # Show a submission whose warnings carry highlighted spans, if there is one.
    target = next((s.id for s in window.list_panel.model.submissions()
                   if any(w.spans for w in s.warnings)), scored[0])
    # Away and back: the panels reload what was just stored for the target.
    window.list_panel.select(next(s for s in session.assigned if s != target))
    window.list_panel.select(target)
    _settle(app)
    _grab(window, out / "review_main.png")

    evidence = window.evidence
    for kind, name in (("image", "evidence_image.png"), ("pdf", "evidence_pdf.png")):
        sub = next((s for s in window.list_panel.model.submissions()
                    if any(f.kind == kind for f in s.evidence)), None)
        if sub is None:
            continue
        window.list_panel.select(sub.id)
        select_row = getattr(evidence, "select", None)  # EvidencePanel.select(row)
        if select_row is not None:
            select_row(next(i for i, f in enumerate(sub.evidence) if f.kind == kind))
        _settle(app)
        _grab(evidence, out / name)

    identity = IdentityDialog(session.manifest.roster, store,
                              organizer_fingerprint=window.packet.organizer_fingerprint,
                              packet_title=session.manifest.title, preselect="E1")
    identity.resize(640, identity.sizeHint().height())
    identity.show()
    _settle(app, 3)
    _grab(identity, out / "identity_dialog.png")
    identity.close()

    subs = [session.submission(sid) for sid in session.assigned]
    recusal = RecusalDialog(subs, session.recusals())
    recusal.resize(860, 620)
    recusal.show()
    _settle(app, 3)
    _grab(recusal, out / "recusal_dialog.png")
    recusal.close()

    ranking = window.make_ranking_dialog()
    if ranking is not None:
        ranking.resize(1100, 700)
        ranking.show()
        _settle(app, 3)
        _grab(ranking, out / "my_ranking.png")
        ranking.close()
    window.close()
    from screenshots_organizer import organizer_shots  # this script's folder is on the path

    organizer_shots(packet_path, out, work, lambda: _settle(app, 5), _grab)
    from screenshots_workbench import workbench_shots

    workbench_shots(out, work, lambda: _settle(app, 8), _grab, _RUNNERS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
