"""Benchmark: the organizer workbench reading a 300-entry intake folder (issue 11 target).

    .venv/bin/python bench/bench_workbench.py [--n 300] [--workdir DIR]

The intake folder is the demo intake's entries copied under new names until there are N
(written once into the work folder).  Offscreen, with the real threaded task runner, the
申报材料 page scans it from scratch while a 10 ms timer on the GUI thread measures how late
each tick arrives — the time the window would take to answer input.  Measured:
  first rows   scan started → the first rows in the table
  total        scan started → every entry read and shown
  answer       the GUI thread's worst and 99th-percentile lateness during the scan  ≤ 100 ms
  re-scan      nothing changed: only stamps are compared
Figures go to bench/RESULTS.md by hand, with the machine and the command.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_review import wait_until  # noqa: E402 — needs the path set above

TICK_MS = 10


def intake_folder(work: Path, n: int) -> Path:
    from app.demo.intake import write_demo_intake

    folder = work / f"intake-{n}"
    if folder.is_dir() and len(list(folder.iterdir())) == n:
        return folder
    demo = write_demo_intake(work / "demo") if not (work / "demo" / "intake").is_dir() \
        else work / "demo" / "intake"
    entries = sorted(demo.iterdir())
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        source = entries[i % len(entries)]
        target = folder / f"{i:04d}-{source.name}"
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "pd-bench-wb")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    os.environ["PANELDESK_HOME"] = str(args.workdir / "home")
    intake = intake_folder(args.workdir, args.n)

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.application import create_application
    from ui.organizer.intake_page import IntakePage
    from ui.organizer.round import Round
    from ui.task_runner import TaskRunner

    app = create_application(["bench"])
    project_dir = args.workdir / f"project-{time.time_ns()}"
    project = Round.create(project_dir, intake)
    runner, writer = TaskRunner(), TaskRunner(max_threads=1)
    page = IntakePage(runner, writer, project, project.rubric())
    page.resize(1400, 860)
    page.show()
    app.processEvents()

    clock = QElapsedTimer()
    lateness: list[float] = []
    last = [0.0]
    first_rows = [None]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        lateness.append(max(0.0, now - last[0] - TICK_MS))
        last[0] = now
        if first_rows[0] is None and page.model.rowCount():
            first_rows[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    page.scan()
    wait_until(app, lambda: not page.scanning, "the scan")
    total = clock.nsecsElapsed() / 1e6
    timer.stop()
    rows = page.model.rowCount()
    started = time.perf_counter()
    page.scan()
    wait_until(app, lambda: not page.scanning, "the scan")
    rescan = (time.perf_counter() - started) * 1000
    ordered = sorted(lateness)
    p99 = ordered[int(len(ordered) * 0.99) - 1] if ordered else 0.0
    print(f"entries {rows}/{args.n}")
    print(f"first rows   {first_rows[0]:.0f} ms")
    print(f"total        {total:.0f} ms ({rows / total * 1000:.1f} entries/s)")
    print(f"answer       worst {max(lateness):.1f} ms, p99 {p99:.1f} ms, "
          f"median {statistics.median(lateness):.1f} ms over {len(lateness)} ticks")
    print(f"re-scan      {rescan:.0f} ms")
    runner.wait_for_done()
    writer.wait_for_done()
    project.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
