"""`paneldesk organizer [PROJECT]`: the organizer's workbench, and its headless part.

The workbench is a window: `paneldesk organizer [PROJECT]` is taken by the GUI entry
(`ui/entry.py`) before the command line sees it.  What reaches this parser is the
headless use — `python -m app organizer`, or options the window does not take:

    paneldesk organizer PROJECT --audit [--json]   every decision (intake, roster,
                                                   assignments), oldest first

Without `--audit` it says how to open the window instead of failing with "invalid choice".
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.errors import PanelDeskError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("organizer", help="组织方工作台（图形界面）；--audit 列出项目的全部决定")
    p.add_argument("project", nargs="?", type=Path, help="评审项目文件夹（含 project.json）")
    p.add_argument("--audit", action="store_true", help="列出项目中的全部决定（申报材料、专家名单与分配；不打开窗口）")
    p.add_argument("--json", action="store_true", help="与 --audit 一起：输出 JSON")
    p.set_defaults(handler=run_organizer)


def run_organizer(args: argparse.Namespace) -> int:
    if not args.audit:
        print("paneldesk: 组织方工作台是图形界面，请运行 paneldesk organizer [项目文件夹]"
              "（python -m app 只提供命令行功能）", file=sys.stderr)
        return 2
    if args.project is None:
        raise PanelDeskError("请指定评审项目文件夹：paneldesk organizer 项目文件夹 --audit")
    from app.organizer.project import Project

    with Project.open(args.project) as project:
        rows = project.audit()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for row in rows:
        print(f"{row['at']}  {row['who']}  {row['action']}  {row['subject']}  {row['reason']}")
    if not rows:
        print("（尚无决定）")
    return 0
