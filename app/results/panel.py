"""Everything the results need, read once: the packet's panel plus the accepted sheets.

`Panel` is an immutable snapshot built from the signed packet (rubric, submissions,
roster) and the organizer database (the current accepted sheet of every expert).  The
statistics, the files and the GUI all work from it, so one results run never sees two
different states of the database.

Per (expert, submission) the total is recomputed exactly from the criterion scores with
the rubric's (per-category) weights — the same arithmetic the expert's sheet used.  A
recused row, or a row of a partial sheet missing a criterion, has no total: it is
*missing*, never 0 (docs/aggregation.md §1); the incomplete ones are listed in `incomplete`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message
from scoring.aggregate import Mark
from scoring.rubric import Rubric, RubricError
from scoring.rubric_schema import parse_rubric

if TYPE_CHECKING:
    from app.packet import Packet
    from app.sheets.orgdb import OrgDB

UNCATEGORISED = "未分类"  # a submission whose category is missing or not in the rubric


@dataclass(frozen=True)
class SubmissionInfo:
    id: str
    title: str
    unit: str
    category: str
    # The organizer settled at intake that this entry and those it shares unit and title
    # with are distinct (the manifest's `duplicates.decided`).
    distinct: bool = False


@dataclass(frozen=True)
class ExpertInfo:
    id: str
    name: str
    organization: str
    version: int | None  # version of the accepted sheet counted, None if none yet
    partial: bool = False  # that sheet was exported as 部分评分
    file_name: str | None = None


@dataclass(frozen=True)
class Panel:
    """The packet's panel and the accepted marks (see the module docstring)."""

    packet_id: str
    title: str
    rubric: Rubric
    submissions: dict[str, SubmissionInfo]
    experts: dict[str, ExpertInfo]
    marks: list[Mark]
    criteria: dict[tuple[str, str], dict[str, Decimal]]
    comments: dict[tuple[str, str], str]
    flags: dict[tuple[str, str], str]
    recusals: dict[tuple[str, str], str]
    assignments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    incomplete: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    # Rows whose stored values the rubric does not allow (a database written by an older
    # PanelDesk or edited by hand): why, per (expert, submission); they never count.
    invalid: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def categories(self) -> list[str]:
        """Categories in rubric order, plus 未分类 when some submission has none."""
        cats = list(self.rubric.categories)
        if any(s.category == UNCATEGORISED for s in self.submissions.values()):
            cats.append(UNCATEGORISED)
        return cats

    def in_category(self, category: str) -> list[str]:
        """Submission ids of `category`, in packet order."""
        return [s.id for s in self.submissions.values() if s.category == category]

    @property
    def accepted_experts(self) -> list[str]:
        """Experts with an accepted sheet, in roster order."""
        return [e.id for e in self.experts.values() if e.version is not None]


def load_panel(packet_path: Path | str, db_url: str | None = None,
               passphrase: str | None = None) -> Panel:
    """Open and verify the packet, read the organizer database, build the `Panel`."""
    from app.packet import open_packet
    from app.sheets.orgdb import OrgDB

    _check_sqlite_exists(db_url)
    packet = open_packet(packet_path, passphrase=passphrase)
    try:
        with OrgDB(db_url) as db:
            return panel_from(packet, db)
    finally:
        packet.close()


def _check_sqlite_exists(db_url: str | None) -> None:
    """A mistyped SQLite path must not silently create an empty database."""
    if not db_url:
        return
    try:
        from sqlalchemy.engine import make_url

        url = make_url(db_url)
    except Exception:  # noqa: BLE001 — OrgDB reports a bad URL in Chinese
        return
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        if not path.is_file():
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "Results", "组织方数据库文件 {path} 不存在：请检查 --db，或先用 paneldesk sheets import 导入评分表"),
                path=path))


def panel_from(packet: Packet, db: OrgDB) -> Panel:
    """The `Panel` of an open packet and the accepted sheets in `db`."""
    manifest = packet.manifest
    try:
        rubric = parse_rubric(manifest.rubric)
    except RubricError as err:
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP("Results", "评审包 {name} 中的评审细则无效：{err}"),
            name=Path(packet.path).name, err=err)) from None
    known = set(rubric.categories)
    submissions = {
        s.id: SubmissionInfo(s.id, s.title, s.unit,
                             s.category if s.category in known else UNCATEGORISED,
                             distinct=bool(s.duplicates and s.duplicates.decided))
        for s in manifest.submissions}
    packet_id = manifest.packet_id
    try:
        raw_marks, raw_notes = db.marks(packet_id), db.notes(packet_id)
        experts: dict[str, ExpertInfo] = {}
        for e in manifest.roster:
            sheet = db.current(packet_id, e.id)
            experts[e.id] = ExpertInfo(
                e.id, e.name, e.organization, sheet["version"] if sheet else None,
                bool(sheet["partial"]) if sheet else False,
                sheet["file_name"] if sheet else None)
    except PanelDeskError:
        raise
    except Exception as err:  # noqa: BLE001 — any driver error becomes one Chinese line
        raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
            "Results", "无法读取组织方数据库 {database}：{name}: {err}"),
            database=getattr(db, 'url', ''), name=type(err).__name__, err=err)) from None

    marks: list[Mark] = []
    criteria: dict[tuple[str, str], dict[str, Decimal]] = {}
    comments: dict[tuple[str, str], str] = {}
    flags: dict[tuple[str, str], str] = {}
    recusals: dict[tuple[str, str], str] = {}
    incomplete: dict[tuple[str, str], tuple[str, ...]] = {}
    invalid: dict[tuple[str, str], str] = {}
    crit_ids = {c.id for c in rubric.criteria}
    # Sorted keys: the marks list (and everything derived from it) never depends on the
    # order the database returns rows in.
    for key in sorted(set(raw_marks) | set(raw_notes)):
        expert, sub = key
        if expert not in experts or sub not in submissions:
            continue  # the importer refuses these; never let a stray row count
        note = raw_notes.get(key, {})
        if note.get("comment"):
            comments[key] = note["comment"]
        if note.get("flags"):
            flags[key] = note["flags"]
        if note.get("recused"):
            recusals[key] = note.get("recusal_reason") or ""
            continue
        try:
            scores = {crit: rubric.parse_score(crit, text)
                      for crit, text in raw_marks.get(key, {}).items() if crit in crit_ids}
        except RubricError as err:  # the same checks the importer makes: it never counts
            invalid[key] = str(err)
            continue
        if not scores:
            continue
        criteria[key] = scores
        if not rubric.is_complete(scores):
            incomplete[key] = tuple(c.name for c in rubric.criteria if c.id not in scores)
            continue
        category = submissions[sub].category
        cat = category if category in known else None
        marks.append(Mark(expert, sub, rubric.total(scores, cat),
                          rubric.core_subtotal(scores, cat)))
    return Panel(
        packet_id=packet_id, title=manifest.title, rubric=rubric, submissions=submissions,
        experts=experts, marks=marks, criteria=criteria, comments=comments, flags=flags,
        recusals=recusals,
        assignments={e: tuple(subs) for e, subs in manifest.assignments.items()},
        incomplete=incomplete, invalid=invalid)
