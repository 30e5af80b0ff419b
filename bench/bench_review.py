"""Benchmark: the expert's review screen on a 300-submission packet (issue 3 targets).

    .venv/bin/python bench/bench_review.py [--n 300] [--workdir DIR] [--launches 3]

The packet (each submission a .docx 申报书, three 1920×1080 JPG photos of ~0.9 MB and a
10-page PDF; ~1 GB) is generated once and kept in the work folder.  Offscreen, measured:
  launch   fresh process → review screen with the remembered submission's text and first
           evidence on screen (identity and recusal already answered)      target ≤ 1.5 s
  switch   list selection → text set and first evidence shown (the panel's
           `evidence_shown`) and one paint pass, over all submissions      p95 ≤ 50 ms
  page     next PDF page on screen vs a bare `page.get_pixmap` of it       ≤ 2×
           (prefetched, as when reading; and cold, page cache emptied)
  save     one mark through the window's writer thread until saved         p95 ≤ 20 ms
  memory   resident set after visiting every submission (window + render     ≤ 400 MB
           workers)
  held     Ctrl+↓ held down: key presses at key-repeat rate (~30/s) for a few
           seconds; each press's latency until the window shows (list, text
           and rubric) its submission or a later one, painted             p95 ≤ 150 ms
  bare     a bare PySide6 window (QMainWindow with a label) to its first paint,
           fresh process, same run: launch is also given as a ratio to it   ≤ 4×
The fonts the run used are printed first (the UI font and the font Chinese text is
drawn with, as Qt resolves them; fc-match's answer; whether fonts-noto-cjk is installed).
Launches also report processor time, which a shared machine's load disturbs less than
the wall clock.  Started processes keep compiled modules under the work folder (as an
installed PanelDesk has them), even where PYTHONDONTWRITEBYTECODE is set; one untimed
start of each kind comes first.
Figures go to bench/RESULTS.md by hand, with the machine, its load and the command.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EXPERT = "E1"
TIMEOUT_S = 30
READING_S = 0.3  # the least time an expert spends on a submission before moving on


# ------------------------------------------------------------------ the packet

def noisy_photo(seed: int) -> bytes:
    """A 1920×1080 JPEG of ~0.9 MB: coloured blocks over fine noise (photos do not compress)."""
    import random

    import pymupdf

    rnd = random.Random(seed)
    noise = bytes(rnd.getrandbits(8) & 0x3F for _ in range(1920 * 1080 * 3 // 4)) * 4
    pix = pymupdf.Pixmap(pymupdf.csRGB, 1920, 1080, noise, False)
    doc = pymupdf.open()
    page = doc.new_page(width=1920, height=1080)
    page.insert_image(page.rect, pixmap=pix)
    for i in range(40):
        x, y = rnd.randrange(1700), rnd.randrange(950)
        colour = (rnd.random(), rnd.random(), rnd.random())
        page.draw_rect(pymupdf.Rect(x, y, x + 220, y + 130), color=colour, fill=colour,
                       fill_opacity=0.6)
        page.insert_text((x + 10, y + 40), f"现场 {seed}-{i}", fontname="china-s", fontsize=26)
    return page.get_pixmap().tobytes("jpeg", jpg_quality=88)


def ten_page_pdf(seed: int) -> bytes:
    import pymupdf

    from bench.bench_packet import PARAGRAPH

    doc = pymupdf.open()
    scan = noisy_photo(100 + seed)  # report PDFs carry photos and scans, not only text
    for n in range(10):
        page = doc.new_page()
        page.insert_image(pymupdf.Rect(50, 50, 545, 330), stream=scan)
        page.insert_textbox(pymupdf.Rect(50, 345, 545, 760), (PARAGRAPH + "\n") * 6,
                            fontname="china-s", fontsize=11)
        page.draw_rect(pymupdf.Rect(50, 770, 50 + 40 * (n + 1), 800), fill=(0.2, 0.4, 0.7))
        page.insert_text((400, 820), f"文件 {seed} · 第 {n + 1} 页", fontname="china-s")
    return doc.tobytes()


def ensure_packet(workdir: Path, n: int) -> Path:
    """Build (once) the intake folder and the packet; later runs reuse them."""
    from app.assembly.builder import BuildOptions, build_packet
    from app.intake.roster import default_roster
    from app.keys import demo_signing_key
    from app.rubrics import load_default_rubric
    from bench.bench_packet import form_docx

    packet = workdir / f"review-{n}.panelpack"
    if packet.is_file():
        return packet
    print(f"generating a {n}-submission packet in {workdir} (once; a few minutes)…", flush=True)
    intake = workdir / f"intake-{n}"
    photos = [noisy_photo(s) for s in range(12)]
    pdfs = [ten_page_pdf(s) for s in range(4)]
    for i in range(1, n + 1):
        folder = intake / f"【实践申报】第{i:03d}份"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "申报书.docx").write_bytes(form_docx(i))
        for k in range(3):
            (folder / f"照片{k + 1}.jpg").write_bytes(photos[(i * 3 + k) % len(photos)])
        (folder / "汇报材料.pdf").write_bytes(pdfs[i % len(pdfs)])
    options = BuildOptions(rubric=load_default_rubric(), roster=default_roster(),
                           title="基准评审包（评审界面）", packet_id=f"BENCH-REVIEW-{n}",
                           created="2026-01-01T00:00:00Z")
    build_packet(intake, packet.with_suffix(".part"), demo_signing_key(), options)
    packet.with_suffix(".part").replace(packet)
    return packet


# ------------------------------------------------------------------ helpers

def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def workers_rss_mb() -> float:
    """The PDF render worker processes' share (they hold MuPDF's image store)."""
    from app.render.pool import default_pool

    return sum(rss_mb(pid) for pid in default_pool().worker_pids)


def wait_until(app, predicate, what: str) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + TIMEOUT_S
    while not predicate():
        if time.perf_counter() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)


def open_window(packet: Path):
    """The real window, real runners, identity remembered (no dialogs); started the way
    `ui.entry.run_gui` starts it."""
    from ui.entry import start_render_worker

    start_render_worker()
    from ui.application import create_application, open_settings
    from ui.review.window import ReviewWindow
    from ui.task_runner import TaskRunner

    app = create_application(["paneldesk"])
    window = ReviewWindow(runner=TaskRunner(), settings=open_settings())
    window.resize(1600, 1000)
    shown: list[str] = []
    window.evidence.evidence_shown.connect(shown.append)
    window.show()
    window.open_path(packet)
    wait_until(app, lambda: window.session is not None and window.current_submission is not None
               and bool(shown), "the packet to open")
    app.processEvents()
    return app, window, shown


def remember_identity(packet: Path, last: str) -> None:
    """What a second start finds: identity chosen, recusals declared, last submission."""
    from app.packet import open_packet
    from app.workspace import ReviewSession

    with open_packet(packet) as p, ReviewSession(p, EXPERT) as session:
        session.confirm_identity(None)
        session.declare_recusals({})
        session.set_last_submission(last)


# ------------------------------------------------------------------ measurements

def bare_child() -> int:
    """Runs in a fresh process: a bare PySide6 window, timed to its first paint."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.time())
            return False

    painted: list[float] = []
    app = QApplication(["bare"])
    window = QMainWindow()
    label = QLabel("PanelDesk 评审台", window)
    window.setCentralWidget(label)
    watcher = FirstPaint()
    label.installEventFilter(watcher)
    window.resize(1600, 1000)
    window.show()
    wait_until(app, lambda: bool(painted), "the first paint")
    print(f"READY {painted[0]:.6f} - {cpu_s():.3f}", flush=True)
    return 0


def launch_child(packet: str) -> int:
    """Runs in a fresh process: open, then print when the screen is complete."""
    _app, window, _shown = open_window(Path(packet))
    print(f"READY {time.time():.6f} {window.current_submission} {cpu_s():.3f}", flush=True)
    return 0


def child_env() -> dict[str, str]:
    """The children's environment: compiled modules cached (as an installed or bundled
    PanelDesk has them), in the work folder rather than beside the sources."""
    env = os.environ.copy()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(env["PANELDESK_HOME"]).parent / "pycache"))
    return env


def cpu_s() -> float:
    """Processor time of this process so far, all its threads (less load-dependent than
    the wall clock on a shared machine; the render worker process is not counted)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child_time(args: list[str]) -> tuple[float, float]:
    """(seconds from starting a fresh `bench_review.py ARGS` process to its READY line,
    the processor seconds it had used by then)."""
    start = time.time()
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                         timeout=120, env=child_env())
    line = next((x for x in out.stdout.splitlines() if x.startswith("READY")), None)
    if line is None:
        raise SystemExit(f"child {args} failed:\n{out.stderr[-2000:]}")
    return float(line.split()[1]) - start, float(line.split()[3])


def measure_launch(packet: Path, runs: int) -> tuple[list[tuple[float, float]],
                                                     list[tuple[float, float]]]:
    """(launch times, bare-window times), alternated so both see the same load; after
    one untimed start of each (module caches written, files in the page cache)."""
    child_time(["--bare-child"])
    child_time(["--launch-child", str(packet)])
    launches, bares = [], []
    for _ in range(runs):
        bares.append(child_time(["--bare-child"]))
        launches.append(child_time(["--launch-child", str(packet)]))
    return launches, bares


def font_report(app) -> list[str]:
    """Which fonts this run draws with: Qt's resolution, fc-match, fonts-noto-cjk."""
    import shutil

    from PySide6.QtGui import QFontInfo, QTextLayout

    import ui.fonts

    def drawn_with(text: str) -> str:
        layout = QTextLayout(text, app.font())
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return ", ".join(dict.fromkeys(run.rawFont().familyName() for run in layout.glyphRuns()))

    def command(*args: str) -> str:
        if shutil.which(args[0]) is None:
            return f"({args[0]} not installed)"
        done = subprocess.run(args, capture_output=True, text=True)
        return done.stdout.strip() or done.stderr.strip() or "(nothing)"

    font = app.font()
    return [
        f"UI font: asked {font.families()} {font.pointSizeF():g} pt → "
        f"{QFontInfo(font).family()!r}; Latin drawn with {drawn_with('PanelDesk')!r}",
        f"Chinese text drawn with {drawn_with('评审台申报书详细内容')!r}; bundled fallback "
        f"registered: {ui.fonts._registered_family or 'no'}",  # noqa: SLF001
        "fc-match sans-serif:lang=zh-cn → "
        + command("fc-match", "-f", "%{family[0]} (%{file})", "sans-serif:lang=zh-cn"),
        "fonts-noto-cjk: " + command("dpkg-query", "-W", "-f", "${db:Status-Abbrev}${Version}",
                                     "fonts-noto-cjk"),
    ]


def measure_switching(app, window, shown: list[str], settle: bool) -> list[float]:
    """Next submission after next, in list order.  `settle`: as an expert does, who reads
    before moving on — background work (thumbnails, the look-ahead) finishes first;
    otherwise back to back, the moment the evidence appears."""
    ids = window.list_panel.proxy.source_ids()
    return switch_through(app, window, shown, ids[1:] + ids[:1], settle)


def switch_through(app, window, shown: list[str], ids: list[str], settle: bool) -> list[float]:
    """Seconds from selecting each of `ids` in turn to its first evidence on screen."""
    times = []
    for sid in ids:
        if settle:  # reading time: idle-time preparation and background work finish
            pause = time.perf_counter() + READING_S
            wait_until(app, lambda p=pause: time.perf_counter() > p, "reading time")
            wait_until(app, lambda: not window._runner.busy, "background work")  # noqa: SLF001
        shown.clear()
        start = time.perf_counter()
        window.list_panel.select(sid)
        wait_until(app, lambda s=sid: any(name.startswith(f"{s}/") for name in shown)
                   or not window.session.submission(s).evidence, f"evidence of {sid}")
        app.processEvents()  # the paint pass
        times.append(time.perf_counter() - start)
    return times


def measure_pages(app, window) -> tuple[list[float], list[float], list[float]]:
    """(prefetched next page, cold next page, bare get_pixmap) in seconds."""
    import pymupdf

    panel, pdf = window.evidence, window.evidence.pdf_viewer
    sub = next(s for s in window.list_panel.model.submissions()
               if any(f.kind == "pdf" for f in s.evidence))
    row = next(i for i, f in enumerate(sub.evidence) if f.kind == "pdf")
    pages: list[int] = []
    pdf.page_shown.connect(pages.append)
    other = next(s for s in window.list_panel.proxy.source_ids() if s != sub.id)
    window.list_panel.select(other)  # arrive afresh, so the PDF's first page is rendered
    window.list_panel.select(sub.id)
    panel.select(row)
    # Not `pages`: `other`'s PDF may have signalled; this document's page 1 is on screen.
    wait_until(app, lambda: panel.current_file == sub.evidence[row] and pdf.page_count > 1
               and pdf.page == 0 and not pdf._item.pixmap().isNull(),  # noqa: SLF001
               "the first PDF page")
    warm, cold = [], []
    for page in range(1, pdf.page_count):
        cache_key = pdf._key(page)  # noqa: SLF001 — waiting for the look-ahead to land
        wait_until(app, lambda k=cache_key: k in panel.page_cache, "the prefetched page")
        if page % 2 == 0:  # every other page cold: the cache emptied, rendered on demand
            panel.page_cache.clear()
        pages.clear()
        start = time.perf_counter()
        pdf.next_page()
        wait_until(app, lambda: bool(pages), "the next page")
        app.processEvents()
        (cold if page % 2 == 0 else warm).append(time.perf_counter() - start)
    zoom = pdf._key(0)[2]  # noqa: SLF001 — the same scale the viewer renders at
    data = window.packet.read(sub.evidence[row].name)
    doc = pymupdf.open(stream=data, filetype="pdf")
    bare = []
    for page in range(1, doc.page_count):
        loaded = doc[page]
        start = time.perf_counter()
        loaded.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom))
        bare.append(time.perf_counter() - start)
    return warm, cold, bare


KEY_REPEAT_PER_S = 30  # X11's and Windows' usual auto-repeat rate
HOLD_S = 4.0


def measure_held_key(app, window, start_sid: str) -> tuple[list[float], float]:
    """Ctrl+↓ held: a press every 1/30 s, as auto-repeat sends them; a press the window is
    too busy to take waits in the queue, as in the window system's, and is delivered as
    soon as the window takes events again.  Per press: seconds from when it was sent
    until the window (list, application text and rubric) shows its submission or a later
    one, painted.  Also: seconds from the last press until that submission's evidence
    is on screen."""
    from PySide6.QtCore import QEventLoop, Qt
    from PySide6.QtTest import QTest

    ids = window.list_panel.proxy.source_ids()
    window.list_panel.select(start_sid)
    window.activateWindow()
    wait_until(app, lambda: not window._runner.busy, "background work")  # noqa: SLF001
    first = ids.index(start_sid)
    presses = min(int(HOLD_S * KEY_REPEAT_PER_S), len(ids) - first - 1)
    position = {sid: i for i, sid in enumerate(ids)}

    def shown_row() -> int:
        text, rubric = window.app_view.submission, window.rubric_panel._submission  # noqa: SLF001
        listed = window.list_panel.table.currentIndex().row()
        if text is None or rubric is None:
            return -1
        return min(position[text.id], position[rubric.id], listed)

    shown: list[str] = []
    window.evidence.evidence_shown.connect(shown.append)
    due = [i / KEY_REPEAT_PER_S for i in range(presses)]
    sent_at: list[float] = []
    caught: dict[int, float] = {}
    start = time.perf_counter()
    while len(caught) < presses:
        now = time.perf_counter()
        while len(sent_at) < presses and now - start >= due[len(sent_at)]:
            # Waiting in the queue counts: latency runs from when the press was due.
            sent_at.append(start + due[len(sent_at)])
            QTest.keyPress(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        done = time.perf_counter()
        row = shown_row()
        for press in range(len(sent_at)):
            if press not in caught and row >= first + press + 1:
                caught[press] = done - sent_at[press]
        if done - start > TIMEOUT_S:
            raise SystemExit("timed out holding Ctrl+Down")
    QTest.keyRelease(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    last = ids[first + presses]
    wait_until(app, lambda: any(n.startswith(f"{last}/") for n in shown)
               or not window.session.submission(last).evidence, "the last evidence")
    settled = time.perf_counter() - sent_at[-1]
    window.evidence.evidence_shown.disconnect(shown.append)
    return [caught[i] for i in range(presses)], settled


def measure_saves(app, window, count: int = 200) -> list[float]:
    session, sid = window.session, window.current_submission
    crit = session.rubric.criteria[0]
    times: list[float] = []
    for i in range(count):
        done: list[float] = []
        value = str((i % int(crit.max)) + 0.5)
        start = time.perf_counter()
        window.marks.change(session, sid, session.set_score, crit.id, value,  # the UI path
                            then=lambda d=done: d.append(time.perf_counter()))
        wait_until(app, lambda d=done: bool(d), "a save")
        times.append(done[0] - start)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/paneldesk-bench-review"))
    parser.add_argument("--launches", type=int, default=3)
    parser.add_argument("--launch-child")
    parser.add_argument("--bare-child", action="store_true")
    args = parser.parse_args(argv)
    if args.bare_child:
        return bare_child()
    if args.launch_child:
        return launch_child(args.launch_child)
    args.workdir.mkdir(parents=True, exist_ok=True)
    packet = ensure_packet(args.workdir, args.n)
    os.environ["PANELDESK_HOME"] = str(args.workdir / "home")
    size_gb = packet.stat().st_size / 1e9
    middle = f"S{args.n // 2:03d}"
    remember_identity(packet, middle)
    launches, bare_windows = measure_launch(packet, args.launches)
    app, window, shown = open_window(packet)
    fonts = font_report(app)
    switches = measure_switching(app, window, shown, settle=True)
    memory, worker_memory = rss_mb(), workers_rss_mb()
    hurried = measure_switching(app, window, shown, settle=False)
    warm, cold, bare = measure_pages(app, window)
    saves = measure_saves(app, window)
    held, settled = measure_held_key(app, window, f"S{args.n // 10:03d}")
    ms = 1000
    for line in fonts:
        print(line)
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f}")
    print(f"packet: {args.n} submissions, {size_gb:.2f} GB")
    walls, bare_walls = [w for w, _ in launches], [w for w, _ in bare_windows]
    launch, bare_window = statistics.median(walls), statistics.median(bare_walls)
    launch_cpu = statistics.median(c for _, c in launches)
    bare_cpu = statistics.median(c for _, c in bare_windows)
    print(f"launch to review screen: median {launch:.2f} s (min {min(walls):.2f}) "
          f"over {len(walls)} fresh processes (target ≤ 1.5 s); bare PySide6 window to "
          f"first paint: median {bare_window:.2f} s (min {min(bare_walls):.2f}) → "
          f"{launch / bare_window:.2f}× (goal ≤ 4×); processor time {launch_cpu:.2f} s vs "
          f"{bare_cpu:.2f} s → {launch_cpu / bare_cpu:.2f}×")
    print(f"switch submission: median {statistics.median(switches) * ms:.1f} ms, "
          f"p95 {percentile(switches, 0.95) * ms:.1f} ms over {len(switches)} (target p95 ≤ 50); "
          f"back to back: median {statistics.median(hurried) * ms:.1f} ms, "
          f"p95 {percentile(hurried, 0.95) * ms:.1f} ms")
    print(f"Ctrl+↓ held ({KEY_REPEAT_PER_S}/s, {len(held)} presses): median "
          f"{statistics.median(held) * ms:.1f} ms, p95 {percentile(held, 0.95) * ms:.1f} ms, "
          f"max {max(held) * ms:.1f} ms (target p95 ≤ 150); last press → its evidence on "
          f"screen {settled * ms:.0f} ms")
    bare_median = statistics.median(bare)
    print(f"next PDF page: prefetched median {statistics.median(warm) * ms:.1f} ms, cold "
          f"{statistics.median(cold) * ms:.1f} ms; bare get_pixmap {bare_median * ms:.1f} ms "
          f"→ {statistics.median(warm) / bare_median:.2f}× / "
          f"{statistics.median(cold) / bare_median:.2f}× (target ≤ 2×)")
    print(f"mark saved durably: median {statistics.median(saves) * ms:.1f} ms, "
          f"p95 {percentile(saves, 0.95) * ms:.1f} ms over {len(saves)} (target p95 ≤ 20)")
    print(f"resident memory after visiting all {args.n}: {memory + worker_memory:.0f} MB "
          f"(window {memory:.0f} MB + PDF render workers {worker_memory:.0f} MB; target ≤ 400)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
