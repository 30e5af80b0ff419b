"""`paneldesk`: the console script and `python -m ui.entry`.

    paneldesk                 open the GUI on the built-in demo packet
    paneldesk PACKET          open the GUI on PACKET
    paneldesk organizer [PROJECT]  the organizer's workbench on a project folder
    paneldesk COMMAND ...     the headless command line (`app.cli`), e.g. `paneldesk key show`
    paneldesk --self-test     check an installed copy end to end (`ui.selftest`), offscreen,
                              in a temporary data folder

Nothing here imports Qt at module level: command-line use must stay fast and must
work on a server without display libraries, so PySide6 is imported only once we
know the GUI is wanted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from app.render.pool import WORKER_FLAG, default_pool

HELP_FLAGS = ("-h", "--help")
# Set by bench/bench_bundle.py: a bundle cannot be instrumented from outside, so the app
# itself says when its review screen is complete (see `_quit_when_shown`).
STARTUP_PROBE_ENV = "PANELDESK_STARTUP_PROBE"
SELF_TEST_FLAG = "--self-test"
PACKET_SUFFIX = ".panelpack"
ORGANIZER = "organizer"


def main(argv: list[str] | None = None) -> int:
    """Run the GUI or delegate to the CLI; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False):
        # PDF workers are started as `PanelDesk --render-worker`, not by multiprocessing;
        # this keeps any library that does use multiprocessing from re-running the app.
        import multiprocessing

        multiprocessing.freeze_support()
        _utf8_output()
    if args[:1] == [WORKER_FLAG]:  # a frozen build starting one of its PDF render workers
        from app.render.worker import main as worker_main

        return worker_main()
    if args[:1] == [SELF_TEST_FLAG]:
        from ui.selftest import main as self_test

        return self_test()
    if _wants_workbench(args):
        return run_workbench(args[1:])
    if args and _wants_cli(args[0]):
        from app.cli import main as cli_main

        return cli_main(args)
    return run_gui(args)


def _utf8_output() -> None:
    """Chinese output in UTF-8 where the system's code page cannot encode it (Windows with
    output piped to a file or a CI log).  A venv user can set PYTHONUTF8; a bundle user
    cannot, and the command line would fail on its first Chinese line."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _wants_workbench(args: list[str]) -> bool:
    """`paneldesk organizer` or `paneldesk organizer FOLDER`: the workbench window.

    Anything else after `organizer` (options, several words) is left to the command line.
    """
    return args[:1] == [ORGANIZER] and len(args) <= 2 and not any(
        a.startswith("-") for a in args[1:])


def _wants_cli(first: str) -> bool:
    if first in HELP_FLAGS:
        return True
    if first.startswith("-"):  # a Qt option such as -platform or -style
        return False
    if first in cli_commands():
        return True
    # Not a command: a packet path opens the GUI; any other bare word goes to the CLI,
    # whose parser says "invalid choice" and lists the commands — better than a window
    # complaining that a file called "pakcet" does not exist.
    path = Path(first)
    return not (path.suffix.lower() == PACKET_SUFFIX or path.exists() or len(path.parts) > 1)


def cli_commands() -> set[str]:
    """The sub-command names `app.cli` knows (key, packet, demo, review, …)."""
    import argparse

    from app.cli import build_parser

    parser = build_parser()
    names: set[str] = set()
    # argparse offers no public way to list sub-commands; the sub-parsers action holds them.
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            names.update(action.choices)
    return names


def demo_packet_path() -> Path:
    """The packet opened when none is named: the demo shipped with the app."""
    from app.paths import resource_path

    return resource_path("demo", "demo.panelpack")


def start_render_worker() -> None:
    """Start a PDF render worker before the interface is imported.

    A worker needs ~0.2 s (a Python process importing PyMuPDF) before its first page; a
    packet often opens on a PDF.  Started here it gets ready on the other core while
    this process imports and builds the window, instead of after the packet is open
    (a start ~0.15 s sooner to the first screen, bench/RESULTS.md).
    """
    default_pool().warm()


def _gui_unavailable(err: ImportError) -> int:
    """Typically a server without display libraries (libEGL, libxkbcommon): say so in one
    line and point at the command line, which works without them."""
    print(f"paneldesk: 无法启动图形界面（{err}）。命令行功能仍可使用，见 paneldesk --help",
          file=sys.stderr)
    return 1


def _program() -> str:
    return sys.argv[0] if sys.argv and sys.argv[0] else "paneldesk"


def run_gui(args: list[str]) -> int:
    """Start the application and open the packet named in `args` (or the demo)."""
    start_render_worker()
    try:
        from PySide6.QtWidgets import QApplication

        from ui.application import create_application, open_settings, show_unexpected_error
        from ui.review.window import ReviewWindow
        from ui.task_runner import TaskRunner
    except ImportError as err:
        return _gui_unavailable(err)

    reused = QApplication.instance() is not None  # tests run inside pytest-qt's application
    app = create_application([_program(), *args])
    # A new application has removed Qt's own options (-platform, -style, …) from
    # arguments(); a reused one reports its own command line, so fall back to `args`.
    remaining = args if reused else app.arguments()[1:]
    positional = [a for a in remaining if not a.startswith("-")]
    if len(positional) > 1:
        print("paneldesk: 一次只能打开一个评审包（用法：paneldesk [评审包文件]）", file=sys.stderr)
        return 2
    sys.excepthook = show_unexpected_error
    runner = TaskRunner()
    # Marks go through ONE writer thread so they are saved in the order they were made.
    writer = TaskRunner(max_threads=1)
    window = ReviewWindow(runner=runner, writer=writer, settings=open_settings())
    window.show()
    if os.environ.get(STARTUP_PROBE_ENV):
        _quit_when_shown(app, window)
    window.open_path(Path(positional[0]) if positional else start_packet(window))
    code = app.exec()
    # Let a packet still being verified and marks still being written finish first.
    runner.wait_for_done()
    writer.wait_for_done()
    return int(code)


def _quit_when_shown(app: object, window: object) -> None:
    """Print the wall-clock time once a submission and its first evidence are on screen,
    then quit: the same measurement for a start from the venv and from the bundle."""
    import time

    def shown(_name: str) -> None:
        print(f"PANELDESK_READY {time.time():.6f}", flush=True)
        app.quit()

    window.evidence.evidence_shown.connect(shown)


def run_workbench(args: list[str]) -> int:
    """The organizer's workbench on the project folder in `args` (or one the user picks)."""
    try:
        from ui.application import create_application, open_settings, show_unexpected_error
        from ui.organizer.home_launch import WorkbenchLauncher
        from ui.task_runner import TaskRunner
    except ImportError as err:
        return _gui_unavailable(err)
    app = create_application([_program()])
    sys.excepthook = show_unexpected_error
    runner = TaskRunner()
    writer = TaskRunner(max_threads=1)  # decisions are saved in the order they were taken
    settings = open_settings()
    launcher = WorkbenchLauncher(None, runner, writer, settings)
    last = settings.value("organizer/last_project")
    folder = Path(args[0]) if args else (Path(last) if last and Path(last).is_dir() else None)
    if launcher.open(folder) is None:
        return 0
    code = app.exec()
    runner.wait_for_done()
    writer.wait_for_done()
    return int(code)


def start_packet(window: object) -> Path:
    """With no packet named: the most recent one that still exists, else the demo."""
    for text in getattr(window, "recent_packets", list)():
        if Path(text).is_file():
            return Path(text)
    return demo_packet_path()


if __name__ == "__main__":
    sys.exit(main())
