"""results.json: the rankings for machines, byte-identical for the same accepted sheets.

Shape::

    {"format": "paneldesk-results", "format_version": 2, "method": "trimmed",
     "packet_id": "…", "score_scale": 4,
     "categories": {"<类别>": [{"id": "S001", "title": "…", "place": 1,
                                 "score": "86.3333", "n": 7, "award": "<奖项>",
                                 "status": "ranked", "reason": ""}, …], …},
     "unscored": {…}, "decisions": [{"action": "…", "subjects": […], "reason": "…",
                                     "by": "…", "at": "…", "effect": "…"}]}

`status` is `ranked` (has a place, may have an award), `insufficient_scores` (fewer
valid scores than the rubric's minimum), `excluded` (disqualified by the organizer) or
`duplicate` (same unit and title as an entry that is ranked); only `ranked` rows have a
`place` (the others have null and are listed after them) and `reason` says why not.

`score` is a *string* with exactly four decimals (rounded half up from the unrounded
value the ranking used): exact, never a binary float, and the same on every machine.
Places come from the unrounded scores, so two rows may show the same four decimals
and still hold different places.  Categories follow the rubric order, rows the place
order (then id); submissions without any valid score are left out (they have no place)
and listed under "unscored".  No timestamp: the file depends on the data (and the
organizer's decisions) only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.atomic import save_atomic
from app.results.model import Results
from app.results.panel import Panel
from scoring.totals import format_score

FORMAT = "paneldesk-results"
SCORE_SCALE = 4


def results_document(panel: Panel, results: Results) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": 2,
        "method": results.method,
        "packet_id": panel.packet_id,
        "score_scale": SCORE_SCALE,
        "categories": {
            cat: [{"id": r.id, "title": r.title, "place": r.place,
                   "score": format_score(r.score, SCORE_SCALE), "n": r.n, "award": r.award,
                   "status": str(r.status), "reason": r.status_reason}
                  for r in rows]
            for cat, rows in results.rankings.items()},
        "unscored": {cat: list(ids) for cat, ids in results.unscored.items()},
        "decisions": [{"action": n.action, "label": n.label, "subjects": list(n.subjects), "reason": n.reason,
                       "by": n.by, "at": n.at, "effect": n.effect}
                      for n in results.decisions],
    }


def results_bytes(panel: Panel, results: Results) -> bytes:
    text = json.dumps(results_document(panel, results), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def write_json(panel: Panel, results: Results, path: Path) -> Path:
    data = results_bytes(panel, results)
    return save_atomic(lambda fh: fh.write(data), path, "结果文件")
