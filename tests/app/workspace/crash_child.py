"""Child process of the crash test, the change stream both sides share, and the small
signed test packet the workspace tests use (`build_packet`).

    python crash_child.py PACKET HOME EXPERT SEED COUNT

The child opens the packet and its workspace through `ReviewSession` (the code path the
UI uses), reads what is already stored, derives
a deterministic stream of COUNT changes from SEED and that state, and applies them one
by one, printing "SAVED <n>" and flushing after each call returns.  The parent kills it
with SIGKILL at a point of its choosing and replays the same stream (`make_script`) to
know what must be on disk.  Every generated change really changes something, so the
states after n and n + 1 changes always differ.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

# The default rubric's criteria (id, max); the crash test's packet uses that rubric.
CRITERIA = (("warmth", 30), ("efficacy", 30), ("authenticity", 10), ("typicality", 10),
            ("storytelling", 10), ("compliance", 10))
SUBMISSIONS = ("S001", "S002", "S003", "S004", "S005", "S006")
CATEGORIES = ("感动瞬间", "创新机制", "坚守故事", "治理成效")
FLAG_NAMES = ("suspect_untrue", "pii_unmasked", "wrong_category")
PHRASES = ("案例细节真实", "数据支撑充分", "群众获得感强", "机制可复制", "材料略显单薄",
           "建议补充回访记录", "情节感人", "“接诉即办”落实到位", "换行\n第二段", "🙂 emoji")


@dataclass
class State:
    """What a workspace holds, in plain Python (scores as Decimal)."""

    scores: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    flags: dict[str, dict[str, str | None]] = field(default_factory=dict)
    recusals: dict[str, str] = field(default_factory=dict)

    def copy(self) -> State:
        return State({k: dict(v) for k, v in self.scores.items()}, dict(self.comments),
                     {k: dict(v) for k, v in self.flags.items()}, dict(self.recusals))

    def normalised(self) -> State:
        """Without empty per-submission dicts, so equal contents compare equal."""
        return State({k: v for k, v in self.scores.items() if v}, dict(self.comments),
                     {k: v for k, v in self.flags.items() if v}, dict(self.recusals))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, State):
            return NotImplemented
        a, b = self.normalised(), other.normalised()
        return (a.scores, a.comments, a.flags, a.recusals) == (
            b.scores, b.comments, b.flags, b.recusals)


# An op is a tuple: ("scores", sub, {crit: "27.5" | ""}), ("comment", sub, text),
# ("flag", sub, flag, on, category | None), ("recuse", sub, reason), ("unrecuse", sub, reason).
Op = tuple


def apply(state: State, op: Op) -> int:
    """Apply `op` to `state` in place; returns how many history rows it writes."""
    kind, sub = op[0], op[1]
    if kind == "scores":
        rows = 0
        current = state.scores.setdefault(sub, {})
        for crit, text in op[2].items():
            new = Decimal(text) if text else None
            if current.get(crit) == new:
                continue
            rows += 1
            if new is None:
                current.pop(crit, None)
            else:
                current[crit] = new
        return rows
    if kind == "comment":
        if op[2]:
            state.comments[sub] = op[2]
        else:
            state.comments.pop(sub, None)
        return 1
    if kind == "flag":
        flags = state.flags.setdefault(sub, {})
        if op[3]:
            flags[op[2]] = op[4]
        else:
            flags.pop(op[2], None)
        return 1
    if kind == "recuse":
        state.recusals[sub] = op[2]
        return 1
    if kind == "unrecuse":
        state.recusals.pop(sub)
        return 1
    raise ValueError(kind)


def _next_op(rng: random.Random, state: State) -> Op:
    sub = rng.choice(SUBMISSIONS)
    if sub in state.recusals:
        if rng.random() < 0.6:
            return ("unrecuse", sub, f"撤销理由{rng.randrange(1000)}")
        reason = state.recusals[sub] + "（补充）"
        return ("recuse", sub, reason)
    roll = rng.random()
    if roll < 0.6:
        current = state.scores.get(sub, {})
        chosen = rng.sample(CRITERIA, rng.randint(1, 3))
        values: dict[str, str] = {}
        for crit, top in chosen:
            values[crit] = "" if rng.random() < 0.1 else str(Decimal(rng.randint(0, top * 2)) / 2)
        if all((Decimal(v) if v else None) == current.get(c) for c, v in values.items()):
            crit, top = chosen[0]
            old = current.get(crit)
            values[crit] = str(Decimal(top) if old != Decimal(top) else Decimal(0))
        return ("scores", sub, values)
    if roll < 0.75:
        old = state.comments.get(sub)
        if old is not None and rng.random() < 0.2:
            return ("comment", sub, "")
        text = "；".join(rng.sample(PHRASES, rng.randint(1, 3))) + f"（{rng.randrange(10**6)}）"
        return ("comment", sub, text)
    if roll < 0.9:
        flag = rng.choice(FLAG_NAMES)
        flags = state.flags.get(sub, {})
        if flag == "wrong_category":
            if flag in flags and rng.random() < 0.5:
                return ("flag", sub, flag, False, None)
            options = [c for c in CATEGORIES if c != flags.get(flag, "")]
            return ("flag", sub, flag, True, rng.choice(options))
        return ("flag", sub, flag, flag not in flags, None)
    return ("recuse", sub, f"回避理由{rng.randrange(1000)}")


def make_script(seed: int, start: State, count: int) -> list[Op]:
    """The deterministic change stream for `seed`, valid from state `start`."""
    rng = random.Random(seed)
    state = start.copy()
    ops: list[Op] = []
    for _ in range(count):
        op = _next_op(rng, state)
        apply(state, op)
        ops.append(op)
    return ops


def build_packet(path: Path, *, experts: tuple[str, ...] = ("E1", "E2"),
                 assignments: dict[str, list[str]] | None = None,
                 packet_id: str = "TEST-2026") -> Path:
    """A small real packet (default rubric, demo key) with SUBMISSIONS, no files.

    By default every expert is assigned every submission except that E2 does not get
    S006 (to test "not assigned").
    """
    from app.keys import demo_signing_key
    from app.model import Expert, Submission
    from app.packet import Manifest, PacketWriter
    from app.rubrics import load_default_rubric, rubric_hash

    rubric = load_default_rubric()
    submissions = [
        Submission(id=sid, category=CATEGORIES[i % len(CATEGORIES)],
                   title=f"测试申报{i + 1}：接诉即办暖人心", unit=f"某市12345热线中心{i + 1}",
                   fields={"body": "详细内容" * 10}, text="测试正文")
        for i, sid in enumerate(SUBMISSIONS)]
    roster = [Expert(e, f"专家{e}", "某研究院") for e in experts]
    if assignments is None:
        assignments = {e: [s for s in SUBMISSIONS if not (e == "E2" and s == "S006")]
                       for e in experts}
    manifest = Manifest(packet_id=packet_id, title="测试评审包", created="2026-03-10T09:00:00Z",
                        generator="tests", rubric=rubric.to_dict(),
                        rubric_hash=rubric_hash(rubric), roster=roster,
                        assignments=assignments, submissions=submissions)
    writer = PacketWriter(path)
    writer.finish(manifest, demo_signing_key())
    return path


def _apply_session(session: Any, op: Op) -> None:
    kind, sub = op[0], op[1]
    if kind == "scores":
        session.set_scores(sub, op[2])
    elif kind == "comment":
        session.set_comment(sub, op[2])
    elif kind == "flag":
        session.set_flag(sub, op[2], op[3], op[4])
    elif kind == "recuse":
        session.recuse(sub, op[2])
    else:
        session.unrecuse(sub, op[2])


def _state_of(store: Any) -> State:
    return State(store.all_scores(), store.all_comments(), store.all_flags(), store.recusals())


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[3]
    sys.path.insert(0, str(root))
    from app.packet import open_packet
    from app.workspace import ReviewSession

    packet_path, home, expert, seed, count = argv[:5]
    packet = open_packet(Path(packet_path))
    session = ReviewSession(packet, expert, home=Path(home))
    store = session.workspace
    script = make_script(int(seed), _state_of(store), int(count))
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    for n, op in enumerate(script, start=1):
        _apply_session(session, op)
        out.write(f"SAVED {n}\n")
        out.flush()
    out.write("DONE\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
