"""`PanelDesk --self-test`: the Qt steps of the self-test around `app.selftest`'s.

Offscreen, in a temporary data folder, the real review window opens the shipped demo
packet (verified by the same opener as always) and shows a submission with its first
evidence; an image is decoded by Qt's image plugins; the English catalogue and Qt's own
Chinese translations load.  Then the Qt-free flow runs (render worker, scoring, signed
sheet, import, results).  One line per step; the exit status names the outcome.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from app.errors import PanelDeskError
from app.selftest import (
    EVIDENCE_STEPS,
    FLOW_STEPS,
    PACKET_STEP,
    SelfTest,
    Step,
    isolate_home,
    run_steps,
)

WINDOW_TIMEOUT_S = 60.0
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")


def main() -> int:
    """Run every step in a temporary data folder; 0 when all pass."""
    work = isolate_home()  # first of all: nothing may read the user's real folder
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a test, not a window on the user's screen
    state = SelfTest(work)
    try:
        return run_steps(steps(), state)
    finally:
        state.close()


def steps() -> list[Step]:
    """The whole self-test in the order of the flow."""
    return [Step("window", check_window), PACKET_STEP, *EVIDENCE_STEPS,
            Step("image", check_image), Step("translations", check_translations),
            *FLOW_STEPS]


def check_window(state: SelfTest) -> str:
    from PySide6.QtCore import QEventLoop

    from ui.application import create_application, open_settings
    from ui.review.window import ReviewWindow
    from ui.task_runner import TaskRunner

    app = create_application(["PanelDesk"])
    expert = _remember_identity(state)
    runner, writer = TaskRunner(), TaskRunner(max_threads=1)
    window = ReviewWindow(runner=runner, writer=writer, settings=open_settings(),
                          home=state.home)
    shown: list[str] = []
    window.evidence.evidence_shown.connect(shown.append)
    window.show()
    window.open_path(state.packet_path)

    def ready() -> bool:
        return window.session is not None and window.current_submission is not None \
            and bool(shown)

    deadline = time.monotonic() + WINDOW_TIMEOUT_S
    try:
        while not ready():
            if time.monotonic() > deadline:
                raise PanelDeskError(f"评审窗口 {WINDOW_TIMEOUT_S:.0f} 秒内未显示申报及其材料")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
        submission = window.current_submission
        family = app.property("paneldeskCjkFamily") or "—"
    finally:
        window.close()
        runner.wait_for_done()
        writer.wait_for_done()
        window.deleteLater()
        app.processEvents()
    return (f"评审窗口（{app.platformName()}）以专家 {expert} 打开演示评审包，"
            f"显示申报 {submission} 及材料 {shown[0]}；中文字体 {family}")


def _remember_identity(state: SelfTest) -> str:
    """Answer the first-start questions (who am I, conflicts) in the temporary workspace,
    as an expert would have, so the window opens without a dialog."""
    from app.packet import open_packet
    from app.workspace import ReviewSession

    with open_packet(state.packet_path) as packet:
        manifest = packet.manifest
        expert = next(e.id for e in manifest.roster if manifest.assignments.get(e.id))
        with ReviewSession(packet, expert, state.home) as session:
            session.confirm_identity(None)
            session.declare_recusals({})
    return expert


def check_image(state: SelfTest) -> str:
    from PySide6.QtGui import QImageReader

    from ui.evidence.decoding import decode_image

    name, data = state.member(IMAGE_SUFFIXES)
    image = decode_image(data)
    formats = sorted(bytes(f).decode() for f in QImageReader.supportedImageFormats())
    return f"{name} 解码为 {image.width()}×{image.height()}；图片格式 {', '.join(formats)}"


def check_translations(_state: SelfTest) -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from ui.i18n import translation_file

    own = translation_file("en")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    checks: list[tuple[str, Callable[[QTranslator], bool]]] = [
        ("paneldesk_en", lambda t: own is not None and t.load(own.stem, str(own.parent))),
        ("qtbase_zh_CN", lambda t: t.load("qtbase_zh_CN", qt_dir)),
    ]
    missing = [name for name, load in checks if not load(QTranslator())]
    if missing:
        raise PanelDeskError(f"无法加载翻译：{'、'.join(missing)}（Qt 翻译目录 {qt_dir}）")
    return f"英文界面翻译 {own.name if own else '—'} 与 Qt 中文翻译均可加载"
