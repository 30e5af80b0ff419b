"""Results speed: 7 experts × 300 submissions (target ≤ 3 s).

    .venv/bin/python bench/bench_results.py [--runs 5]

Timed, from a filled organizer database to files on disk:

- "every method" (the target): read packet + database (load_panel), one ResultsEngine's
  results with each of the six methods (rankings, flags, agreement, expert statistics),
  its compare, and write results.xlsx, report.docx and results.json once (default
  method, with the 方法对比 sheet) — a superset of what `paneldesk results` does;
- "six output sets" (for information): load_panel, then for every method the engine's
  results and all three files written (six full sets; xlsx dominates).

Prints the median of `--runs` runs each.  Setup (packet, accepted sheets stored with
OrgDB.accept as the importer would) is not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

N_SUBS, N_EXPERTS = 300, 7
CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
CRITERIA = (("warmth", 30), ("efficacy", 30), ("authenticity", 10), ("typicality", 10),
            ("storytelling", 10), ("compliance", 10))


def build(root: Path) -> tuple[Path, str]:
    from app.keys import demo_signing_key
    from app.model import Expert, Submission
    from app.packet import Manifest, PacketWriter
    from app.rubrics import load_default_rubric, rubric_hash
    from app.sheets.orgdb import OrgDB

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
    url = f"sqlite:///{root / 'org.db'}"
    rng = random.Random(2026)
    quality = {s.id: rng.uniform(0.35, 0.95) for s in subs}
    with OrgDB(url) as db:
        for n, expert in enumerate(experts):
            lean = (n - 3) * 0.02
            rows = []
            for s in subs:
                if rng.random() < 0.03:
                    rows.append({"id": s.id, "scores": {c: None for c, _ in CRITERIA},
                                 "total": None, "comment": None, "flags": None,
                                 "recused": True, "recusal_reason": "曾在该单位任职"})
                    continue
                scores = {}
                for cid, top in CRITERIA:
                    value = min(1.0, max(0.0, quality[s.id] + lean + rng.gauss(0, 0.08)))
                    scores[cid] = str(round(value * top * 2) / 2)
                total = str(sum(float(v) for v in scores.values()))
                rows.append({"id": s.id, "scores": scores, "total": total,
                             "comment": "评语：事例具体，数据完整。" if rng.random() < 0.2 else None,
                             "flags": "疑似不实" if rng.random() < 0.01 else None,
                             "recused": False, "recusal_reason": None})
            payload = {"packet_id": "BENCH", "expert_id": expert, "version": 1,
                       "partial": False, "exported_at": "2026-03-11T10:00:00Z",
                       "key_fingerprint": "ab" * 20, "rows": rows}
            db.accept(payload, json.dumps(payload, ensure_ascii=False), f"sha256:{expert}",
                      Path(f"{expert}.xlsx"), f"sha256:{expert}")
    return path, url


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from app.results.engine import ResultsEngine
    from app.results.outputs import write_outputs
    from app.results.panel import load_panel
    from scoring.aggregate import METHODS

    root = Path(tempfile.mkdtemp(prefix="bench-results-"))
    os.environ["PANELDESK_HOME"] = str(root / "home")
    packet, url = build(root)

    def every_method(run: int) -> None:
        panel = load_panel(packet, url)
        engine = ResultsEngine(panel)
        results = {m: engine.results(m) for m in METHODS}
        write_outputs(panel, results["trimmed"], root / f"every{run}",
                      comparison=engine.compare())

    def all_methods(run: int) -> None:
        panel = load_panel(packet, url)
        engine = ResultsEngine(panel)
        for method in METHODS:
            write_outputs(panel, engine.results(method), root / f"all{run}" / method)

    for name, fn in (("every method", every_method), ("six output sets", all_methods)):
        times = []
        for run in range(args.runs):
            start = time.perf_counter()
            fn(run)
            times.append(time.perf_counter() - start)
        print(f"results {name} ({N_EXPERTS} experts × {N_SUBS} submissions): "
              f"median {statistics.median(times):.2f} s over {args.runs} runs "
              f"(min {min(times):.2f}, max {max(times):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
