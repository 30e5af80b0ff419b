"""Benchmark: build a packet from N synthetic submissions, then open and verify it.

    .venv/bin/python bench/bench_packet.py [--n 300] [--runs 3] [--workdir DIR]

Each submission is what the call describes: a .docx 申报书 (table style, ~2000-character
body), three 1920×1080 JPG photos and a PDF.  Reports medians:
  build      submissions per second (target ≥ 10)
  info       wall time of `python -m app packet info P --json` in a fresh process (≤ 0.5 s)
  verify     Packet.verify_all() throughput (hashing every member as stored, after the
             packet is open) vs hashlib.sha256 on the same member bytes in memory (≥ 70 %)
Results go to bench/RESULTS.md by hand, with the machine and the command.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402
from docx import Document  # noqa: E402

from app.assembly.builder import BuildOptions, build_packet  # noqa: E402
from app.intake.roster import default_roster  # noqa: E402
from app.keys import demo_signing_key  # noqa: E402
from app.packet import open_packet  # noqa: E402
from app.rubrics import load_default_rubric  # noqa: E402

CATEGORIES = ["感动瞬间", "创新机制", "坚守故事", "治理成效"]
PARAGRAPH = ("2025年3月以来，热线中心围绕群众反映集中的问题建立专班机制，逐件梳理工单，"
             "联合街道、社区和职能部门现场办理，做到当日响应、限时办结、逐一回访。")


def photo(seed: int) -> bytes:
    """A 1920×1080 JPEG with enough texture to weigh what a real photo weighs."""
    doc = pymupdf.open()
    page = doc.new_page(width=1920, height=1080)
    for i in range(120):
        x, y = (i * 157 + seed * 31) % 1900, (i * 89 + seed * 17) % 1060
        color = ((i * 37 % 255) / 255, (i * 73 % 255) / 255, (seed * 50 % 255) / 255)
        page.draw_rect(pymupdf.Rect(x, y, x + 220, y + 140), color=color, fill=color)
        page.insert_text((x + 10, y + 40), f"现场照片 {seed}-{i}", fontname="china-s",
                         fontsize=28, color=(1, 1, 1))
    return page.get_pixmap().tobytes("jpeg", jpg_quality=85)


def policy_pdf() -> bytes:
    doc = pymupdf.open()
    for n in range(2):
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(50, 50, 545, 790), (PARAGRAPH + "\n") * 12,
                            fontname="china-s", fontsize=11)
        page.insert_text((50, 820), f"第 {n + 1} 页", fontname="china-s")
    return doc.tobytes()


def form_docx(i: int) -> bytes:
    doc = Document()
    table = doc.add_table(rows=7, cols=2)
    title = table.cell(0, 0).merge(table.cell(0, 1))
    title.text = "2026年“12345的温度”创新实践申报书"
    rows = [
        ("申报单位（盖章）", f"第{i}市12345政务服务便民热线中心"),
        ("联系人及联系方式", "王老师 010-5555 0000"),
        ("实践类别", "".join(("☑" if c == CATEGORIES[i % 4] else "□") + c + " " for c in CATEGORIES)),
        ("实践标题", f"第{i}号实践：把群众的每一通来电办成暖心事"),
        ("核心亮点", "建立专班机制，诉求解决率由82%提升到96%，群众满意率达98.6%。"),
        ("详细内容", "\n".join([PARAGRAPH] * 30)),
    ]
    for r, (label, value) in enumerate(rows, start=1):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def make_intake(root: Path, n: int) -> Path:
    intake = root / "intake"
    photos = [photo(s) for s in range(3)]
    pdf = policy_pdf()
    for i in range(1, n + 1):
        folder = intake / f"【实践申报】第{i:03d}份"
        folder.mkdir(parents=True)
        (folder / "申报书.docx").write_bytes(form_docx(i))
        for k, data in enumerate(photos, start=1):
            (folder / f"照片{k}.jpg").write_bytes(data)
        (folder / "政策文件.pdf").write_bytes(pdf)
    return intake


def time_build(intake: Path, out: Path, runs: int) -> list[float]:
    options = BuildOptions(rubric=load_default_rubric(), roster=default_roster(),
                           title="基准评审包", packet_id="BENCH", created="2026-01-01T00:00:00Z")
    times = []
    for _ in range(runs):
        if out.exists():
            out.unlink()
        start = time.perf_counter()
        build_packet(intake, out, demo_signing_key(), options)
        times.append(time.perf_counter() - start)
    return times


def time_info(packet: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", "packet", "info", str(packet), "--json"],
                       check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


def time_verify(packet: Path, runs: int) -> tuple[list[float], list[float], int]:
    with zipfile.ZipFile(packet) as zf:
        members = [zf.read(i) for i in zf.infolist()]
    total = sum(len(m) for m in members)
    raw, ours = [], []
    for _ in range(runs):
        start = time.perf_counter()
        for data in members:
            hashlib.sha256(data).hexdigest()
        raw.append(time.perf_counter() - start)
        with open_packet(packet) as opened:  # signature + member list: timed by `info`
            start = time.perf_counter()
            opened.verify_all()
            ours.append(time.perf_counter() - start)
    return raw, ours, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    root = args.workdir or Path(tempfile.mkdtemp(prefix="paneldesk-bench-"))
    try:
        start = time.perf_counter()
        intake = make_intake(root, args.n)
        print(f"intake of {args.n} submissions generated in {time.perf_counter() - start:.1f} s")
        packet = root / "bench.panelpack"
        build = time_build(intake, packet, args.runs)
        rate = args.n / statistics.median(build)
        print(f"build: median {statistics.median(build):.2f} s over {args.runs} runs "
              f"= {rate:.1f} submissions/s (target ≥ 10); size {packet.stat().st_size / 1e6:.0f} MB")
        info = time_info(packet, max(args.runs, 5))
        print(f"packet info --json: median {statistics.median(info):.3f} s (target ≤ 0.5 s)")
        raw, ours, total = time_verify(packet, max(args.runs, 5))
        raw_rate = total / statistics.median(raw) / 1e6
        our_rate = total / statistics.median(ours) / 1e6
        print(f"verify: {our_rate:.0f} MB/s vs hashlib.sha256 {raw_rate:.0f} MB/s "
              f"= {100 * our_rate / raw_rate:.0f} % (target ≥ 70 %), {total / 1e6:.0f} MB")
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    finally:
        if args.workdir is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
