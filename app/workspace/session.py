"""`ReviewSession`: the single code path through which marks are made (see the package)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP, Message, said
from app.workspace import schema
from app.workspace.database import HistoryRow, decimal_text
from app.workspace.flags import checked_flag
from app.workspace.locate import workspace_path
from app.workspace.status import ReviewStatus, SubmissionState
from app.workspace.store import Workspace
from scoring.rubric import RubricError
from scoring.rubric_schema import parse_rubric

if TYPE_CHECKING:
    from app.model import Submission

ScoreInput = str | Decimal | None

MAX_COMMENT_CHARS = 32767  # what one spreadsheet cell can hold (Excel, openpyxl)


class ReviewSession:
    """An expert's marks on one packet, validated against its rubric and assignments.

    `packet` is an open `app.packet.Packet` (the caller keeps ownership and closes it);
    `home` overrides the user data folder (tests).  Close the session (or use it as a
    context manager) to release the workspace database.
    """

    def __init__(self, packet: Any, expert_id: str, home: Path | None = None) -> None:
        manifest = packet.manifest
        self.packet = packet
        self.manifest = manifest
        self.packet_id: str = manifest.packet_id
        expert = next((e for e in manifest.roster if e.id == expert_id), None)
        if expert is None:
            names = [f"{e.id} {e.name}" for e in manifest.roster] or "—"
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "WorkspaceSession", "专家“{expert_id}”不在评审包“{packet_id}”的专家名单中。名单：{names}"),
                expert_id=expert_id, packet_id=manifest.packet_id, names=names))
        self.expert = expert
        self.expert_id = expert_id
        try:
            self.rubric = parse_rubric(manifest.rubric)
        except RubricError as err:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "WorkspaceSession", "评审包“{packet_id}”中的评分细则无效：{err}"),
                packet_id=manifest.packet_id, err=err)) from err
        self._submissions: dict[str, Submission] = {s.id: s for s in manifest.submissions}
        self.assigned: list[str] = [sid for sid in manifest.assignments.get(expert_id, [])
                                    if sid in self._submissions]
        self._assigned_set = set(self.assigned)
        path = workspace_path(manifest.packet_id, expert_id, home)
        self.workspace = Workspace.open(path, packet_id=manifest.packet_id,
                                        manifest_hash=packet.manifest_hash,
                                        rubric_hash=manifest.rubric_hash, expert_id=expert_id,
                                        organizer_fingerprint=packet.organizer_fingerprint)

    # -------------------------------------------------------------- lifecycle

    def close(self) -> None:
        self.workspace.close()

    def __enter__(self) -> ReviewSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------- resolving

    def submission(self, sub: str) -> Submission:
        """The assigned submission `sub`, or a PanelDeskError saying why not."""
        found = self._submissions.get(sub)
        if found is None:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "WorkspaceSession", "评审包“{packet_id}”中没有编号为“{sub}”的申报"),
                packet_id=self.packet_id, sub=sub))
        if sub not in self._assigned_set:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "WorkspaceSession", "申报 {sub} 未分配给专家 {expert_id}（{name}）"),
                sub=sub, expert_id=self.expert_id, name=self.expert.name))
        return found

    def criterion_id(self, name: str) -> str:
        """The criterion id for a criterion's id or its name."""
        try:
            return self.rubric.criterion(name.strip()).id
        except KeyError:
            known = [f"{c.name}（{c.id}）" for c in self.rubric.criteria]
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "WorkspaceSession", "评分项“{name}”不存在。可用评分项：{known}"),
                name=name, known=known)) from None

    def parse_score(self, crit_id: str, value: ScoreInput) -> Decimal | None:
        """A validated score (None for an empty value, which clears the score)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        # Non-text goes to the rubric as is, so that it can refuse floats.
        raw = value.strip() if isinstance(value, str) else value
        try:
            return self.rubric.parse_score(crit_id, raw)
        except RubricError as err:
            # The rubric's message already names the criterion and the value.
            raise PanelDeskError(said(err)) from err

    # ---------------------------------------------------------------- writes

    def set_scores(self, sub: str, values: Mapping[str, ScoreInput]) -> dict[str, Decimal | None]:
        """Validate every value first, then save them all in ONE transaction.

        Keys are criterion ids or names; an empty value clears that criterion.  Returns
        the saved values by criterion id.  Nothing is saved if any value is invalid.
        """
        self.submission(sub)
        parsed: dict[str, Decimal | None] = {}
        for name, value in values.items():
            crit = self.criterion_id(name)
            if crit in parsed:
                raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                    "WorkspaceSession", "评分项“{name}”重复给分"), name=self.rubric.criterion(crit).name))
            parsed[crit] = self.parse_score(crit, value)
        self.workspace.set_scores(sub, parsed)
        return parsed

    def set_score(self, sub: str, crit: str, value: ScoreInput) -> Decimal | None:
        return self.set_scores(sub, {crit: value})[self.criterion_id(crit)]

    def set_comment(self, sub: str, text: str | None) -> bool:
        self.submission(sub)
        if text is not None and len(text) > MAX_COMMENT_CHARS:
            # A score-sheet cell holds at most this much; a longer comment could never
            # be exported as signed.
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "WorkspaceSession", "申报 {sub} 的评语过长（{count} 字），评分表的单元格最多容纳 {limit} 字，请精简后再保存"),
                sub=sub, count=len(text), limit=MAX_COMMENT_CHARS))
        return self.workspace.set_comment(sub, text)

    def set_flag(self, sub: str, flag: str, on: bool = True,
                 suggested_category: str | None = None) -> bool:
        self.submission(sub)
        category = self.check_flag(flag, suggested_category) if on else None
        return self.workspace.set_flag(sub, flag, on, category)

    def check_flag(self, flag: str, suggested_category: str | None = None) -> str | None:
        """Validate a flag and its suggested category; returns the cleaned category."""
        category = checked_flag(flag, suggested_category)
        if category is None:
            return None
        if category not in self.rubric.categories:
            raise PanelDeskError(Message(QT_TRANSLATE_NOOP(
                "WorkspaceSession", "建议类别“{category}”不是本次评审的类别（{categories}）"),
                category=category, categories=list(self.rubric.categories)))
        return category

    def recuse(self, sub: str, reason: str) -> bool:
        self.submission(sub)
        return self.workspace.recuse(sub, reason)

    def unrecuse(self, sub: str, reason: str) -> bool:
        self.submission(sub)
        return self.workspace.unrecuse(sub, reason)

    def set_last_submission(self, sub: str) -> None:
        self.submission(sub)
        self.workspace.set_last_submission(sub)

    # ---------------------------------------------------------- review state

    def confirm_identity(self, fingerprint: str | None = None) -> None:
        """Record that the expert confirmed their identity (and the key they hold)."""
        self.workspace.confirm_identity(fingerprint)

    def declare_recusals(self, recusals: Mapping[str, str]) -> None:
        """Record the expert's conflicts of interest (an empty mapping: none) at once."""
        for sub in recusals:
            self.submission(sub)
        self.workspace.declare_recusals(recusals)

    def review_state(self) -> dict[str, str | None]:
        """When the identity was confirmed and the conflicts declared (None: not yet)."""
        meta = self.workspace.meta()
        return {"identity_confirmed": meta.get(schema.IDENTITY_CONFIRMED),
                "recusals_declared": meta.get(schema.RECUSALS_DECLARED)}

    # ----------------------------------------------------------------- reads

    def last_submission(self) -> str | None:
        """Where the expert was, if that submission is still assigned to them."""
        sub = self.workspace.last_submission()
        return sub if sub in self._assigned_set else None

    def scores(self, sub: str) -> dict[str, Decimal]:
        return self.workspace.scores(sub)

    def comment(self, sub: str) -> str | None:
        return self.workspace.comment(sub)

    def flags(self, sub: str) -> dict[str, str | None]:
        return self.workspace.flags(sub)

    def recusals(self) -> dict[str, str]:
        return self.workspace.recusals()

    def marks(self, sub: str) -> tuple[dict[str, Decimal], str | None,
                                      dict[str, str | None], str | None]:
        """(scores, comment, flags, recusal reason or None) of `sub`, read at once."""
        return self.workspace.marks(sub)

    def history(self, sub: str | None = None) -> list[HistoryRow]:
        return self.workspace.history(sub)

    def total(self, sub: str) -> Decimal | None:
        """The weighted total, only once every criterion is scored (and not recused)."""
        scores, _comment, _flags, recusal = self.workspace.marks(sub)
        return None if recusal is not None else self._total(sub, scores)

    def comment_required(self, sub: str) -> str | None:
        """Why a comment is required for `sub`'s total (None when it is not)."""
        total = self.total(sub)
        return None if total is None else self.rubric.comment_required(total)

    def status(self, sub: str) -> ReviewStatus:
        """未评 / 进行中 / 已评 / 回避 of one submission."""
        return self.state(sub).status

    def state(self, sub: str) -> SubmissionState:
        """Total, status and flags of `sub` from one (cached) read of its marks — what
        the single writer hands the window after a change."""
        self.submission(sub)
        scores, comment, flags, recusal = self.workspace.marks(sub)
        return self._state(sub, scores, comment, flags, recusal is not None)

    def states(self) -> dict[str, SubmissionState]:
        """`state()` of every assigned submission, from four reads in all."""
        return self._states(*self._all_marks())

    def summary(self) -> dict[str, Any]:
        """Everything stored, per assigned submission, as JSON-safe values (no floats)."""
        marks = self._all_marks()
        all_scores, comments, all_flags, recusals = marks
        states = self._states(*marks)
        subs: dict[str, Any] = {}
        counts = dict.fromkeys(ReviewStatus, 0)
        for sid in self.assigned:
            scores = all_scores.get(sid, {})
            state = states[sid]
            total = state.total
            counts[state.status] += 1
            submission = self._submissions[sid]
            subs[sid] = {
                "category": submission.category,
                "title": submission.title,
                "status": str(state.status),
                "scores": {c.id: decimal_text(scores[c.id]) for c in self.rubric.criteria
                           if c.id in scores},
                "total": None if total is None else decimal_text(total),
                "comment": comments.get(sid),
                "comment_required": (None if total is None
                                     else self.rubric.comment_required(total)),
                "flags": dict(all_flags.get(sid, {})),
                "recusal": recusals.get(sid),
            }
        return {
            "packet_id": self.packet_id,
            "expert_id": self.expert_id,
            "expert_name": self.expert.name,
            "manifest_hash": self.packet.manifest_hash,
            "rubric_hash": self.manifest.rubric_hash,
            "last_submission": self.last_submission(),
            **self.review_state(),
            "progress": {"assigned": len(self.assigned), "done": counts[ReviewStatus.DONE],
                         "in_progress": counts[ReviewStatus.PARTIAL],
                         "todo": counts[ReviewStatus.TODO],
                         "recused": counts[ReviewStatus.RECUSED]},
            "submissions": subs,
        }

    # -------------------------------------------------------------- helpers

    def _total(self, sub: str, scores: dict[str, Decimal]) -> Decimal | None:
        # Only the rubric's criteria count (a hand-edited database may hold others).
        scores = {c.id: scores[c.id] for c in self.rubric.criteria if c.id in scores}
        if not self.rubric.is_complete(scores):
            return None
        return self.rubric.total(scores, self._submissions[sub].category)

    def _all_marks(self) -> tuple[dict[str, dict[str, Decimal]], dict[str, str],
                                  dict[str, dict[str, str | None]], dict[str, str]]:
        """Every submission's scores, comments, flags and recusals: four reads."""
        ws = self.workspace
        return ws.all_scores(), ws.all_comments(), ws.all_flags(), ws.recusals()

    def _states(self, scores: dict[str, dict[str, Decimal]], comments: dict[str, str],
                flags: dict[str, dict[str, str | None]],
                recusals: dict[str, str]) -> dict[str, SubmissionState]:
        return {sid: self._state(sid, scores.get(sid, {}), comments.get(sid),
                                 flags.get(sid, {}), sid in recusals)
                for sid in self.assigned}

    def _state(self, sub: str, scores: dict[str, Decimal], comment: str | None,
               flags: dict[str, str | None], recused: bool) -> SubmissionState:
        if recused:
            return SubmissionState(None, ReviewStatus.RECUSED, bool(flags))
        total = self._total(sub, scores)
        if total is not None:
            # A total that needs a justification is not finished until it has one.
            done = comment is not None or not self.rubric.comment_required(total)
            status = ReviewStatus.DONE if done else ReviewStatus.PARTIAL
        else:
            status = ReviewStatus.PARTIAL if scores or comment or flags else ReviewStatus.TODO
        return SubmissionState(total, status, bool(flags))
