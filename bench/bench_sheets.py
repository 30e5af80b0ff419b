"""Score-sheet speed: import + verify 7 experts × 300 submissions into a fresh SQLite
organizer database (target ≤ 2 s), and export one 300-row sheet (target ≤ 1 s).

    .venv/bin/python bench/bench_sheets.py [--runs 5]

Prints the median of each.  Setup (packet, filling seven workspaces) is not timed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

N_SUBS, N_EXPERTS = 300, 7
CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")


def build(root: Path) -> Path:
    from app.keys import demo_signing_key
    from app.model import Expert, Submission
    from app.packet import Manifest, PacketWriter
    from app.rubrics import load_default_rubric, rubric_hash

    rubric = load_default_rubric()
    subs = [Submission(id=f"S{i:03d}", category=CATEGORIES[i % 4], title=f"申报{i}：接诉即办",
                       unit="某市12345热线", fields={}, text="正文") for i in range(1, N_SUBS + 1)]
    experts = [f"E{i}" for i in range(1, N_EXPERTS + 1)]
    manifest = Manifest(packet_id="BENCH", title="基准评审包", created="2026-03-10T09:00:00Z",
                        generator="bench", rubric=rubric.to_dict(),
                        rubric_hash=rubric_hash(rubric),
                        roster=[Expert(e, f"专家{e}", "研究院") for e in experts],
                        assignments={e: [s.id for s in subs] for e in experts},
                        submissions=subs)
    path = root / "bench.panelpack"
    PacketWriter(path).finish(manifest, demo_signing_key())
    return path


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.packet import open_packet
    from app.sheets.export import export_sheet
    from app.sheets.importer import import_sheets
    from app.sheets.orgdb import OrgDB
    from app.workspace import ReviewSession

    root = Path(tempfile.mkdtemp(prefix="bench-sheets-"))
    os.environ["PANELDESK_HOME"] = str(root / "home")
    packet = open_packet(build(root))
    sheets, export_times = [], []
    for n, expert in enumerate(packet.manifest.roster):
        key = Ed25519PrivateKey.generate()
        with ReviewSession(packet, expert.id, home=root / "home") as session:
            for i, sid in enumerate(session.assigned):
                # Direct store call: one transaction per submission keeps setup short.
                session.workspace.set_scores(sid, {
                    c.id: session.parse_score(c.id, str(c.max * 8 / 10 - (i + n) % 3 * Decimal("0.5")))
                    for c in session.rubric.criteria})
                if i % 10 == 0:
                    session.set_comment(sid, f"评语{i}\n第二行")
            path = root / f"{expert.id}.xlsx"
            runs = args.runs if n == 0 else 1
            for _ in range(runs):
                start = time.perf_counter()
                export_sheet(session, key, path)
                export_times.append(time.perf_counter() - start) if n == 0 else None
            sheets.append(path)
    import_times = []
    accept = [e.id for e in packet.manifest.roster]
    for run in range(args.runs):
        start = time.perf_counter()
        with OrgDB(f"sqlite:///{root / f'org{run}.db'}") as db:
            results = import_sheets(sheets, packet, db, accept_keys=accept)
        import_times.append(time.perf_counter() - start)
        assert all(r.outcome == "VALID" for r in results), [r.explanation for r in results]
    packet.close()
    print(f"export one {N_SUBS}-row sheet: median {statistics.median(export_times):.3f} s "
          f"(target ≤ 1 s, {len(export_times)} runs)")
    print(f"import+verify {N_EXPERTS}×{N_SUBS} into fresh SQLite: median "
          f"{statistics.median(import_times):.3f} s (target ≤ 2 s, {len(import_times)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
