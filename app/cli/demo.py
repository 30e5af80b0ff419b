"""`paneldesk demo OUT_DIR`: write the demo intake folder and the demo packet."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="生成演示申报材料文件夹和演示评审包")
    p.add_argument("out_dir", type=Path, help="输出文件夹")
    p.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from app.demo.packet import build_demo

    intake, report = build_demo(args.out_dir)
    report_path = args.out_dir / "demo-report.json"
    report_path.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2),
                           encoding="utf-8")
    print(f"演示申报材料：{intake}")
    print(f"演示评审包：{report.packet_path}（纳入 {len(report.included)} 份，"
          f"拒收 {len(report.rejected)} 份）")
    print(f"处理报告：{report_path}")
    return 0
