"""Benchmark: a packet encrypted at rest vs the same packet plain, in the review window (issue 14).

    .venv/bin/python bench/bench_encrypted.py [--n 300] [--workdir DIR] [--rounds 2]
        [--settled 60]

The plain packet is the review benchmark's (`bench/bench_review.py`: 300 submissions, ~1.5 GB),
generated once into the work folder (or copied there beforehand); it is encrypted once
(`seal_file`, default scrypt cost).  Then, alternately plain / encrypted in fresh processes,
`--rounds` times, offscreen:
  open     open_path → review screen (an already verified file; the encrypted one also
           runs scrypt once)
  switch   list selection → first evidence shown and painted: back to back over every
           submission, and after 0.3 s of reading over the first `--settled`
  page     next PDF page on screen, prefetched and cold (as in bench_review)
and once in this process: the full verification of a first open (every member hashed), and
the member reads a switch and a PDF's first page make, plain and encrypted interleaved
member by member (the figure least disturbed by the load of a shared machine).  Page turns
within a PDF never read the packet (the render worker has the document's bytes), so their
plain/encrypted difference is the machine's noise — `bare get_pixmap` shows its size.
Target: encrypted ≤ 1.3× plain on switch and page times.  Figures go to bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_review import (  # noqa: E402 — needs the path set above
    ensure_packet,
    measure_pages,
    percentile,
    switch_through,
    wait_until,
)

PASSPHRASE = "基准测试 口令 2026"
EXPERT = "E1"


def sealed_copy(plain: Path, workdir: Path) -> tuple[Path, float]:
    from app.packet.sealed import seal_file

    target = workdir / f"sealed-{plain.name}"
    if target.is_file():
        return target, float("nan")
    start = time.perf_counter()
    seal_file(plain, target, PASSPHRASE)
    return target, time.perf_counter() - start


def prepare_home(packet: Path, home: Path, secret: str | None) -> float:
    """Verify fully (timed), note it as verified, remember the identity: a second start."""
    from app.packet import open_packet
    from app.packet.verified import remember_good
    from app.workspace import ReviewSession

    os.environ["PANELDESK_HOME"] = str(home)
    start = time.perf_counter()
    with open_packet(packet, passphrase=secret) as p:
        p.verify_all()
        took = time.perf_counter() - start
        remember_good(packet, p.manifest_hash, home)
        with ReviewSession(p, EXPERT) as session:
            session.confirm_identity(None)
            session.declare_recusals({})
            session.set_last_submission("S001")
    return took


def open_window(packet: Path, secret: str | None):
    from ui.application import create_application, open_settings
    from ui.review.packet_passphrases import PacketPassphrases
    from ui.review.passphrase_dialog import PassphraseAnswer
    from ui.review.window import ReviewWindow
    from ui.task_runner import TaskRunner

    app = create_application(["paneldesk"])
    window = ReviewWindow(runner=TaskRunner(), settings=open_settings())
    no_keyring = SimpleNamespace(available=lambda: False, recall=lambda _k: None,
                                 remember=lambda _k, _p: False, forget=lambda _k: None)
    window.opener.passphrases = PacketPassphrases(
        ask=lambda *_a: PassphraseAnswer(secret or "", False), store=no_keyring)
    window.resize(1600, 1000)
    shown: list[str] = []
    window.evidence.evidence_shown.connect(shown.append)
    window.show()
    start = time.perf_counter()
    window.open_path(packet)
    wait_until(app, lambda: window.session is not None and window.current_submission is not None
               and bool(shown), "the packet to open")
    app.processEvents()
    return app, window, shown, time.perf_counter() - start


def child(packet: Path, secret: str | None, settled: int) -> int:
    app, window, shown, opened = open_window(packet, secret)
    ids = window.list_panel.proxy.source_ids()
    hurried = switch_through(app, window, shown, ids[1:] + ids[:1], settle=False)
    calm = switch_through(app, window, shown, ids[1:settled + 1], settle=True)
    warm, cold, bare = measure_pages(app, window)
    print("RESULT " + json.dumps({"open": opened, "hurried": hurried, "calm": calm,
                                  "warm": warm, "cold": cold, "bare": bare}), flush=True)
    window.close()
    return 0


def run_child(packet: Path, home: Path, secret: str | None, settled: int) -> dict:
    env = os.environ.copy() | {"PANELDESK_HOME": str(home)}
    argv = [sys.executable, __file__, "--child", str(packet), "--settled", str(settled)]
    if secret:
        argv += ["--secret", secret]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=1800, env=env)
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"child failed:\n{out.stderr[-3000:]}")
    return json.loads(line[len("RESULT "):])


def member_reads(plain: Path, sealed: Path) -> dict[str, tuple[list[float], list[float]]]:
    """What a switch and a PDF's first page read from the packet, plain vs encrypted,
    interleaved member by member in one process (the order alternating), so the machine's
    load falls on both alike.  Returns kind → (plain times, encrypted times)."""
    from app.packet import open_packet

    out: dict[str, tuple[list[float], list[float]]] = {}
    with open_packet(plain) as a, open_packet(sealed, passphrase=PASSPHRASE) as b:
        subs = a.manifest.submissions
        picks = {
            "first evidence (switch)": [s.evidence[0].name for s in subs if s.evidence],
            "PDF (first page)": [f.name for s in subs for f in s.evidence if f.kind == "pdf"],
        }
        for kind, names in picks.items():
            times: tuple[list[float], list[float]] = ([], [])
            for i, name in enumerate(names):
                order = (0, 1) if i % 2 == 0 else (1, 0)
                for which in order:
                    packet = (a, b)[which]
                    start = time.perf_counter()
                    packet.read(name)
                    times[which].append(time.perf_counter() - start)
            out[kind] = times
    return out


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/paneldesk-bench-encrypted"))
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--settled", type=int, default=60)
    parser.add_argument("--plain", type=Path,
                        help="an existing plain packet (e.g. /tmp/paneldesk-bench-review/"
                             "review-300.panelpack); default: generated into the work folder")
    parser.add_argument("--child", type=Path)
    parser.add_argument("--secret")
    args = parser.parse_args(argv)
    if args.child:
        return child(args.child, args.secret, args.settled)
    args.workdir.mkdir(parents=True, exist_ok=True)
    plain = args.plain or ensure_packet(args.workdir, args.n)
    sealed, seal_s = sealed_copy(plain, args.workdir)
    print(f"plain {plain.stat().st_size / 1e9:.3f} GB, encrypted {sealed.stat().st_size / 1e9:.3f}"
          f" GB; encrypting took {seal_s:.1f} s (scrypt included)", flush=True)
    kinds = {"plain": (plain, None), "encrypted": (sealed, PASSPHRASE)}
    homes = {kind: args.workdir / f"home-{kind}" for kind in kinds}
    for kind, (path, secret) in kinds.items():
        took = prepare_home(path, homes[kind], secret)
        print(f"first open, full verification ({kind}): {took:.2f} s "
              f"= {path.stat().st_size / took / 1e6:.0f} MB/s", flush=True)
    for kind, (times_a, times_b) in member_reads(plain, sealed).items():
        print(f"read {kind}: plain median {median_ms(times_a):.2f} ms, encrypted "
              f"{median_ms(times_b):.2f} ms → {statistics.median(times_b) / statistics.median(times_a):.2f}×"
              f" over {len(times_a)} members (interleaved)", flush=True)
    results: dict[str, list[dict]] = {kind: [] for kind in kinds}
    for round_ in range(args.rounds):
        for kind, (path, secret) in kinds.items():
            results[kind].append(run_child(path, homes[kind], secret, args.settled))
            print(f"round {round_ + 1} {kind} done", flush=True)
    merged = {kind: {key: [v for r in runs for v in (r[key] if isinstance(r[key], list)
                                                        else [r[key]])]
                     for key in runs[0]} for kind, runs in results.items()}
    print(f"{'':28}{'plain':>12}{'encrypted':>12}{'ratio':>8}")
    for key, label in (("open", "open (verified file), s"), ("hurried", "switch back to back, ms"),
                       ("calm", "switch after reading, ms"), ("warm", "next page prefetched, ms"),
                       ("cold", "next page cold, ms"), ("bare", "bare get_pixmap, ms")):
        scale = 1 if key == "open" else 1000
        a = statistics.median(merged["plain"][key]) * scale
        b = statistics.median(merged["encrypted"][key]) * scale
        extra = ""
        if key in ("hurried", "calm"):
            extra = (f"   p95 {percentile(merged['plain'][key], 0.95) * 1000:.1f} / "
                     f"{percentile(merged['encrypted'][key], 0.95) * 1000:.1f}")
        print(f"{label:28}{a:12.2f}{b:12.2f}{b / a:8.2f}×{extra}")
    print(f"(medians over {args.rounds} alternating rounds; load {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
