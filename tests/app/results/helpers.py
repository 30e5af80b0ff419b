"""Helpers for the results tests: signed packets of any shape and accepted sheets.

Two ways to get accepted sheets into the organizer database:

- `accept_rows` builds the payload the importer would have verified and stores it with
  `OrgDB.accept` — quick, for the many small worked examples;
- `sign_and_import` goes the real way: ReviewSession → export_sheet (signed .xlsx) →
  import_sheets — for the end-to-end and CLI tests.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
CRITERIA = (("warmth", 30), ("efficacy", 30), ("authenticity", 10), ("typicality", 10),
            ("storytelling", 10), ("compliance", 10))


def build_packet(path: Path, categories: dict[str, str], experts: list[str],
                 assignments: dict[str, list[str]] | None = None,
                 packet_id: str = "RES-2026", rubric: Any = None,
                 titles: dict[str, str] | None = None,
                 units: dict[str, str] | None = None,
                 distinct: frozenset[str] = frozenset()) -> Path:
    """A signed packet: submission id → category; every expert gets every submission
    unless `assignments` says otherwise."""
    from app.keys import demo_signing_key
    from app.model import DuplicateInfo, Expert, Submission
    from app.packet import Manifest, PacketWriter
    from app.rubrics import load_default_rubric, rubric_hash

    rubric = rubric or load_default_rubric()
    titles = titles or {}
    subs = [Submission(id=sid, category=cat, title=titles.get(sid, f"申报{sid}：接诉即办暖人心"),
                       unit=(units or {}).get(sid, f"{sid}市12345热线中心"), fields={"body": "详细内容" * 10},
                       text="正文",
                       duplicates=DuplicateInfo(sorted(distinct - {sid}), [], True)
                       if sid in distinct else None) for sid, cat in categories.items()]
    roster = [Expert(e, f"专家{e}", "某研究院") for e in experts]
    if assignments is None:
        assignments = {e: list(categories) for e in experts}
    manifest = Manifest(packet_id=packet_id, title="结果测试评审包",
                        created="2026-03-10T09:00:00Z", generator="tests",
                        rubric=rubric.to_dict(), rubric_hash=rubric_hash(rubric),
                        roster=roster, assignments=assignments, submissions=subs)
    PacketWriter(path).finish(manifest, demo_signing_key())
    return path


def split(total: Decimal | str | int, core: Decimal | str | int | None = None
          ) -> dict[str, str]:
    """Criterion scores (ids → text) adding up to `total`; `core` fixes 温度+效能."""
    total = Decimal(str(total))
    core = Decimal(str(core)) if core is not None else min(total, Decimal(60))
    if core > total or core > 60 or total - core > 40:
        raise ValueError("impossible split")
    out: dict[str, str] = {}
    for ids, amount in ((("warmth", "efficacy"), core),
                        (("authenticity", "typicality", "storytelling", "compliance"),
                         total - core)):
        left = amount
        for cid in ids:
            top = dict(CRITERIA)[cid]
            value = min(Decimal(top), left)
            out[cid] = str(value)
            left -= value
        assert left == 0
    return out


def accept_rows(db: Any, packet_id: str, expert: str, rows: dict[str, Any], *,
                version: int = 1, partial: bool = False) -> None:
    """Store expert's sheet: rows sub → total (number/str), ("recused", reason),
    a dict of criterion scores, or (total, {"comment":…, "flags":…, "core": …})."""
    payload_rows = []
    for sid in sorted(rows):
        spec = rows[sid]
        row = {"id": sid, "scores": {c: None for c, _ in CRITERIA}, "total": None,
               "comment": None, "flags": None, "recused": False, "recusal_reason": None}
        if isinstance(spec, tuple) and spec[0] == "recused":
            row.update(recused=True, recusal_reason=spec[1])
        else:
            extra: dict[str, Any] = {}
            if isinstance(spec, tuple):
                spec, extra = spec
            scores = spec if isinstance(spec, dict) else split(spec, extra.get("core"))
            row["scores"].update(scores)
            if all(v is not None for v in row["scores"].values()):
                row["total"] = str(sum(Decimal(v) for v in row["scores"].values()))
            row["comment"], row["flags"] = extra.get("comment"), extra.get("flags")
        payload_rows.append(row)
    payload = {"packet_id": packet_id, "expert_id": expert, "version": version,
               "partial": partial, "exported_at": "2026-03-11T10:00:00Z",
               "key_fingerprint": "ab" * 20, "rows": payload_rows}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    db.accept(payload, text, f"sha256:{expert}{version}", Path(f"{expert}.xlsx"),
              f"sha256:file-{expert}-{version}")


def panel_of(packet_path: Path, db: Any):
    from app.packet import open_packet
    from app.results.panel import panel_from

    with open_packet(packet_path) as packet:
        return panel_from(packet, db)


def make_panel(tmp_path: Path, db: Any, marks: dict[str, dict[str, Any]],
               categories: dict[str, str] | None = None,
               assignments: dict[str, list[str]] | None = None, rubric: Any = None,
               titles: dict[str, str] | None = None, units: dict[str, str] | None = None):
    """Packet + accepted sheets from {expert: {sub: spec}} (see `accept_rows`)."""
    experts = list(marks)
    subs = sorted({s for rows in marks.values() for s in rows})
    categories = categories or {s: CATEGORIES[0] for s in subs}
    if assignments is None:
        assignments = {e: sorted(rows) for e, rows in marks.items()}
    path = build_packet(tmp_path / "p.panelpack", categories, experts, assignments,
                        rubric=rubric, titles=titles, units=units)
    for expert, rows in marks.items():
        if rows:
            accept_rows(db, "RES-2026", expert, rows)
    return path, panel_of(path, db)


def sign_and_import(packet_path: Path, db: Any, home: Path, tmp_path: Path,
                    fills: dict[str, dict[str, Any]]) -> list[Any]:
    """The real path: each expert scores in a ReviewSession, exports a signed sheet with
    their own key, and the organizer imports it (accepting the key)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.packet import open_packet
    from app.sheets.export import export_sheet
    from app.sheets.importer import import_sheets
    from app.workspace import ReviewSession

    sheets = []
    with open_packet(packet_path) as packet:
        for n, (expert, rows) in enumerate(fills.items(), 1):
            with ReviewSession(packet, expert, home=home) as session:
                for sid, spec in rows.items():
                    if isinstance(spec, tuple) and spec[0] == "recused":
                        session.recuse(sid, spec[1])
                        continue
                    extra: dict[str, Any] = {}
                    if isinstance(spec, tuple):
                        spec, extra = spec
                    session.set_scores(sid, split(spec, extra.get("core")))
                    if extra.get("comment"):
                        session.set_comment(sid, extra["comment"])
                    if extra.get("flag"):
                        session.set_flag(sid, extra["flag"], True, extra.get("suggest"))
                    total = Decimal(str(spec))
                    if session.comment_required(sid) and not extra.get("comment"):
                        session.set_comment(sid, f"总分 {total}，理由见评审意见")
                key = Ed25519PrivateKey.from_private_bytes(bytes([n]) * 32)
                sheets.append(export_sheet(session, key, tmp_path / f"{expert}.xlsx",
                                           allow_partial=True).path)
        outcomes = import_sheets(sheets, packet, db, accept_keys=list(fills))
    assert [o.outcome for o in outcomes] == ["VALID"] * len(fills), \
        [o.explanation for o in outcomes]
    return outcomes
