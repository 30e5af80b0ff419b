"""`paneldesk review set|show`: the expert's workspace, headless.

The same `ReviewSession` the review window uses, so scripts and tests make marks exactly
as the GUI does:

    paneldesk review set --packet P --expert E1 S001 CRIT=27.5 CRIT=26 \\
        [--comment 评语] [--recuse 原因] [--unrecuse 原因] \\
        [--flag suspect_untrue|pii_unmasked|wrong_category[:类别]] [--unflag FLAG]
    paneldesk review show --packet P --expert E1 [--json]

Scores follow the submission id directly (argparse cannot take positionals after the
options of a sub-command).  Everything on the command line is checked before anything is written, so a typo in one
value does not leave half of the command saved.  `CRIT=` with no value clears a score.
"""

from __future__ import annotations

import argparse
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.cli import packet_access, review_export
from app.errors import PanelDeskError
from app.terminal import json_text, terminal_safe


def register(sub: argparse._SubParsersAction) -> None:
    review = sub.add_parser("review", help="专家评审工作区：保存或查看评分（无界面）")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)

    p = actions.add_parser("set", help="保存一份申报的评分、评语、标记或回避")
    _common(p)
    p.add_argument("submission", metavar="SUB", help="申报编号，例如 S001")
    p.add_argument("scores", nargs="*", metavar="CRIT=V",
                   help="评分项（编号或名称，见 packet info）=分值，例如 某评分项=27.5；"
                        "只写“某评分项=”则清除该项")
    p.add_argument("--comment", help="评语（空字符串清除评语）")
    p.add_argument("--recuse", metavar="REASON", help="声明回避并写明原因")
    p.add_argument("--unrecuse", metavar="REASON", help="撤销回避并写明原因")
    p.add_argument("--flag", action="append", default=[], metavar="FLAG[:CATEGORY]",
                   help="标记：suspect_untrue（疑似不实）、pii_unmasked（未脱敏）、"
                        "wrong_category[:建议类别]（类别不符）；可重复")
    p.add_argument("--unflag", action="append", default=[], metavar="FLAG",
                   help="取消标记；可重复")
    p.set_defaults(handler=run_set)

    p = actions.add_parser("show", help="查看工作区中已保存的全部评审记录")
    _common(p)
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_show)

    review_export.register(actions)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--packet", required=True, type=Path, help="评审包文件（.panelpack）")
    p.add_argument("--expert", required=True, help="专家编号（见评审包的专家名单）")
    packet_access.add_argument(p)


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    from app.workspace import ReviewSession

    packet = packet_access.open_from_args(args)
    try:
        return packet, ReviewSession(packet, args.expert)
    except BaseException:
        packet.close()
        raise


def _split_score(item: str, example: str) -> tuple[str, str]:
    """"CRIT=V" split; `example` is a criterion of the packet's rubric, for the message."""
    for sep in ("=", "＝"):
        if sep in item:
            crit, _, value = item.partition(sep)
            if crit.strip():
                return crit.strip(), value.strip()
    raise PanelDeskError(f"无法理解“{item}”：评分应写作 评分项=分值，例如 {example}=27.5")


def _split_flag(item: str) -> tuple[str, str | None]:
    name, sep, category = item.partition(":")
    if not sep:
        name, _, category = item.partition("：")
    return name.strip(), category.strip() or None


def run_set(args: argparse.Namespace) -> int:
    # Imported here: SQLAlchemy costs ~0.4 s, which other sub-commands must not pay.
    from app.workspace import FLAG_LABELS, decimal_text

    sub = args.submission.strip()
    if not (args.scores or args.comment is not None or args.recuse or args.unrecuse
            or args.flag or args.unflag):
        raise PanelDeskError("没有要保存的内容：请给出 评分项=分值、--comment、--flag、"
                             "--recuse 或 --unrecuse")
    packet, session = _open(args)
    try:
        # Check everything first: nothing is written unless the whole command is valid.
        session.submission(sub)
        values: dict[str, Decimal | None] = {}
        for item in args.scores:
            name, value = _split_score(item, session.rubric.criteria[0].name)
            crit = session.criterion_id(name)
            if crit in values:
                raise PanelDeskError(f"评分项“{name}”在命令中出现了多次")
            values[crit] = session.parse_score(crit, value)
        flags = [(name, session.check_flag(name, category))
                 for name, category in map(_split_flag, args.flag)]
        unflags = [_split_flag(f)[0] for f in args.unflag]
        for name in unflags:
            session.check_flag(name)
        if args.recuse is not None and not args.recuse.strip():
            raise PanelDeskError(f"声明回避申报 {sub} 时必须填写回避原因")
        if args.unrecuse is not None and not args.unrecuse.strip():
            raise PanelDeskError(f"撤销对申报 {sub} 的回避时必须填写撤销原因")

        lines: list[str] = []
        if args.unrecuse:
            session.unrecuse(sub, args.unrecuse)
            lines.append(f"撤销回避：{args.unrecuse.strip()}")
        if values:
            saved = session.set_scores(sub, values)
            for crit, value in saved.items():
                name = session.rubric.criterion(crit).name
                shown = "（已清除）" if value is None else decimal_text(value)
                lines.append(f"{name}（{crit}）= {shown}")
        if args.comment is not None:
            session.set_comment(sub, args.comment)
            lines.append("评语：已清除" if not args.comment.strip() else "评语：已保存")
        for name, category in flags:
            session.set_flag(sub, name, True, category)
            lines.append(f"标记：{FLAG_LABELS[name]}" + (f" → {category}" if category else ""))
        for name in unflags:
            session.set_flag(sub, name, False)
            lines.append(f"取消标记：{FLAG_LABELS[name]}")
        if args.recuse:
            session.recuse(sub, args.recuse)
            lines.append(f"回避：{args.recuse.strip()}")

        print(terminal_safe(f"已保存 {sub}（专家 {session.expert_id}）："))
        for line in lines:
            print(f"  {terminal_safe(line)}")
        total = session.total(sub)
        print(f"  状态：{session.status(sub)}；总分：{'—' if total is None else decimal_text(total)}")
        reason = session.comment_required(sub)
        if reason and not session.comment(sub):
            print(f"  注意：{terminal_safe(reason)}")
        return 0
    finally:
        session.close()
        packet.close()


def run_show(args: argparse.Namespace) -> int:
    from app.workspace import FLAG_LABELS

    packet, session = _open(args)
    try:
        summary = session.summary()
        criteria = [(c.id, c.name) for c in session.rubric.criteria]
    finally:
        session.close()
        packet.close()
    if args.json:
        print(json_text(summary))
        return 0
    print(terminal_safe(f"评审包 {summary['packet_id']} · 专家 {summary['expert_id']} "
                        f"{summary['expert_name']}"))
    print(f"身份确认：{summary['identity_confirmed'] or '尚未确认'}；"
          f"利益冲突声明：{summary['recusals_declared'] or '尚未声明'}")
    header = ["编号", "类别", "状态", "总分"] + [name for _, name in criteria] + ["标记", "评语"]
    rows = [header]
    for sid, item in summary["submissions"].items():
        flags = "、".join(FLAG_LABELS.get(f, f) + (f"→{c}" if c else "")
                         for f, c in item["flags"].items())
        comment = (item["comment"] or "").replace("\n", " ")
        rows.append([sid, item["category"] or "—", item["status"], item["total"] or "—"]
                    + [item["scores"].get(cid, "—") for cid, _ in criteria]
                    + [flags or "—", _clip(comment, 24) or "—"])
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    for row in rows:
        print(terminal_safe("  ".join(_pad(cell, w) for cell, w in zip(row, widths)).rstrip()))
    p = summary["progress"]
    print(f"已评 {p['done']} / {p['assigned']}（进行中 {p['in_progress']}，未评 {p['todo']}，"
          f"回避 {p['recused']}）")
    return 0


def _width(text: str) -> int:
    # CJK characters take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

