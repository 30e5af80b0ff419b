"""Benchmark: the experts' bundle (issue 13) — its size, and its start against the venv's.

    .venv/bin/python bench/bench_bundle.py [--dist dist] [--launches 7]

Needs a built bundle (`python3 tools/dev.py bundle`); run it with the venv's Python (the
one that built the bundle), on the same machine, in the same run.  Measured:
  folder   bytes under dist/PanelDesk/                                  target ≤ 250 MB
  archive  dist/PanelDesk-*.tar.gz (.zip on Windows)                    target ≤ 100 MB
  start    fresh process → review screen with the demo packet's first submission and its
           first evidence on screen (`PANELDESK_STARTUP_PROBE`; identity and conflicts
           already answered), `dist/PanelDesk/PanelDesk` vs `python -m ui.entry`; one
           warm-up each, then launches alternate so a busy machine weighs on both alike;
           medians                                                        target ≤ 1.0×
Figures go to bench/RESULTS.md by hand, with the machine facts printed here.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBE_ENV = "PANELDESK_STARTUP_PROBE"  # ui.entry.STARTUP_PROBE_ENV (no Qt import here)
READY = "PANELDESK_READY"
TIMEOUT_S = 120
MB = 1024 * 1024


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def find_archive(dist: Path) -> Path | None:
    found = sorted(dist.glob("PanelDesk-*.tar.gz")) + sorted(dist.glob("PanelDesk-*.zip"))
    return found[-1] if found else None


def prepare_home(home: Path, packet: Path) -> None:
    """What a second start finds: identity chosen, conflicts declared (no dialogs)."""
    os.environ["PANELDESK_HOME"] = str(home)
    from app.packet import open_packet
    from app.workspace import ReviewSession

    with open_packet(packet) as p:
        expert = next(e.id for e in p.manifest.roster if p.manifest.assignments.get(e.id))
        with ReviewSession(p, expert, home) as session:
            session.confirm_identity(None)
            session.declare_recusals({})


def launch(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting `command` to its review screen being complete, and the CPU
    seconds the process used in all (a figure a busy machine disturbs less)."""
    before = _children_cpu()
    start = time.time()
    out = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S, env=env,
                         cwd=ROOT)
    line = next((x for x in out.stdout.splitlines() if x.startswith(READY)), None)
    if line is None:
        raise SystemExit(f"{command[0]} did not reach the review screen (exit "
                         f"{out.returncode}):\n{out.stderr[-2000:]}")
    return float(line.split()[1]) - start, _children_cpu() - before


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return 0.0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def machine_facts() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    try:
        fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True,
                               text=True, timeout=30).stdout.splitlines()
        cjk = f"{len(fonts)} CJK font families (e.g. {fonts[0].split(',')[0]})" if fonts \
            else "no CJK system font (PyMuPDF's fallback is used)"
    except (OSError, subprocess.SubprocessError):
        cjk = "fonts unknown"
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, load average {load}; {cjk}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--launches", type=int, default=7)
    args = parser.parse_args(argv)

    folder = args.dist / "PanelDesk"
    exe = folder / ("PanelDesk-cli.exe" if sys.platform == "win32" else "PanelDesk")
    if not exe.is_file():
        raise SystemExit(f"no bundle at {folder}: run python3 tools/dev.py bundle first")
    archive = find_archive(args.dist)
    print(f"machine: {machine_facts()}")
    print(f"folder:  {folder_bytes(folder) / MB:.1f} MB (target ≤ 250)")
    if archive is not None:
        print(f"archive: {archive.stat().st_size / MB:.1f} MB {archive.name} (target ≤ 100)")

    packet = ROOT / "resources" / "demo" / "demo.panelpack"
    with tempfile.TemporaryDirectory(prefix="paneldesk-bench-bundle-") as tmp:
        home = Path(tmp) / "home"
        prepare_home(home, packet)
        env = dict(os.environ, PANELDESK_HOME=str(home), QT_QPA_PLATFORM="offscreen",
                   **{PROBE_ENV: "1"})
        env.pop("PYTHONPATH", None)
        commands = {"venv": [sys.executable, "-m", "ui.entry", str(packet)],
                    "bundle": [str(exe), str(packet)]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():  # warm-up: font cache, OS file cache
            launch(command, env)
        for _ in range(args.launches):
            for name, command in commands.items():
                wall, used = launch(command, env)
                times[name].append(wall)
                cpu[name].append(used)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, values in times.items():
        print(f"{name:7s} start → review screen: median {medians[name]:.3f} s "
              f"(min {min(values):.3f}, max {max(values):.3f}, n={len(values)}); "
              f"CPU median {statistics.median(cpu[name]):.3f} s")
    ratio = medians["bundle"] / medians["venv"]
    print(f"bundle / venv: {ratio:.2f}× (target ≤ 1.0×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
