"""`paneldesk results`: rankings, results workbook, report and JSON from accepted sheets.

    paneldesk results --packet P [--db URL] [--method NAME] [--decisions FILE.json] -o OUT_DIR

Reads the packet (verified) and the organizer database, aggregates with the chosen
method (default: the rubric's, normally trimmed), writes OUT_DIR/results.xlsx,
report.docx and results.json, and prints a short Chinese summary: the top places per
category, who is not ranked for an award and why, the re-review count and the files
written.  The workbook's 方法对比 sheet shows every method's places side by side.
`--decisions` applies the organizer's decisions on results (docs/formats.md, "Results
decisions"); without it the results follow from the marks and the rubric alone.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import packet_access

TOP = 3  # places per category in the printed summary


def register(sub: argparse._SubParsersAction) -> None:
    from scoring.aggregate import METHOD_LABELS

    p = sub.add_parser("results", help="组织方：汇总评分，生成排名、结果工作簿和评审结果报告")
    p.add_argument("--packet", required=True, type=Path, help="评审包文件（.panelpack）")
    p.add_argument("--db", help="组织方数据库的 SQLAlchemy 地址（默认：数据目录中的 SQLite 文件）")
    methods = "；".join(f"{k}={v}" for k, v in METHOD_LABELS.items())
    p.add_argument("--method", help=f"汇总方法（默认按评审细则，通常为 trimmed）：{methods}")
    p.add_argument("--decisions", type=Path, metavar="FILE.json",
                   help="组织方对结果的决定（取消资格、评分不足仍予排名、并列排序、重复申报），见 docs/formats.md")
    p.add_argument("-o", "--output", required=True, type=Path, metavar="OUT_DIR",
                   help="输出文件夹（写入 results.xlsx、report.docx、results.json）")
    packet_access.add_argument(p)
    p.set_defaults(handler=run_results)


def run_results(args: argparse.Namespace) -> int:
    from app.results.decisions import NO_DECISIONS, load_decisions
    from app.results.engine import ResultsEngine, check_method
    from app.results.model import STATUS_LABELS, RowStatus
    from app.results.outputs import write_outputs
    from app.results.panel import load_panel
    from app.terminal import terminal_safe
    from scoring.totals import format_score

    if args.method is not None:
        check_method(args.method)  # before any file is opened: a typo fails at once
    decisions = load_decisions(args.decisions) if args.decisions else NO_DECISIONS
    panel = load_panel(args.packet, args.db,
                       passphrase=packet_access.passphrase(args, args.packet))
    method = args.method or panel.rubric.aggregation.method
    engine = ResultsEngine(panel, decisions)
    results = engine.results(method)
    written = write_outputs(panel, results, args.output, comparison=engine.compare())
    experts = len({m.expert for m in panel.marks})
    print(terminal_safe(f"评审结果：{panel.title}（{panel.packet_id}）"))
    print(f"汇总方法：{results.method_label}（{results.method}）；"
          f"有效评分 {len(panel.marks)} 条，来自 {experts} 位专家")
    for cat, rows in results.rankings.items():
        if not rows:
            print(terminal_safe(f"【{cat}】暂无有效评分"))
            continue
        top = [f"{r.place}. {r.id} {r.title} {format_score(r.score, 2)}"
               + (f" {r.award}" if r.award else "") for r in rows
               if r.place is not None and r.place <= TOP]
        print(terminal_safe(f"【{cat}】" + ("；".join(top) or "无参与排名的作品")))
        for r in rows:
            if r.status != RowStatus.RANKED:
                print(terminal_safe(f"  {STATUS_LABELS[r.status]}（不参与评奖）：{r.id} {r.title}："
                                    f"{r.status_reason}"))
    print(f"复核清单：{len(results.re_review)} 件（分差过大或评分不足）；离群评分 {len(results.outliers)} 条；"
          f"跨越奖项线的并列 {len(results.quota_ties)} 处（须评审组决定）")
    for note in results.decisions:
        print(terminal_safe(f"组织方决定：{note.label}（{'、'.join(note.subjects)}）：{note.reason}"
                            f"——{note.effect}"))
    print("已写入：" + "、".join(terminal_safe(p) for p in written))
    return 0
