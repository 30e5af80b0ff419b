"""`paneldesk review export`: check the expert's marks, then write the signed sheet.

    paneldesk review export --packet P --expert E -o F.xlsx [--partial]
        [--passphrase-file F] [--packet-passphrase-file F]

Lists what is missing first; an incomplete sheet is written only with --partial, and is
then marked 部分评分（未完成）.  `register(review_sub)` is called by `app/cli/review.py`
with the `review` action sub-parsers.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import packet_access
from app.terminal import terminal_safe


def register(review_sub: argparse._SubParsersAction) -> None:
    p = review_sub.add_parser("export", help="导出签名评分表（.xlsx），交回组织方")
    p.add_argument("--packet", required=True, type=Path, help="评审包文件（.panelpack）")
    p.add_argument("--expert", required=True, help="专家编号（见评审包的专家名单）")
    p.add_argument("-o", "--output", required=True, type=Path, help="输出的评分表 .xlsx")
    p.add_argument("--partial", action="store_true",
                   help="评分未完成时仍导出，评分表标明“部分评分（未完成）”")
    p.add_argument("--passphrase-file", help="口令文件（第一行为密钥口令）")
    packet_access.add_argument(p)
    p.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    # Imported here: SQLAlchemy and openpyxl must not slow down other sub-commands.
    from app.errors import PanelDeskError
    from app.keys import KeyStore, format_fingerprint, resolve_passphrase
    from app.sheets.export import check_before_export, export_sheet
    from app.workspace import ReviewSession

    store = KeyStore()
    packet = packet_access.open_from_args(args)
    try:
        # The expert first: an unknown id is "no such expert" (with the roster's ids),
        # whatever the state of the key.
        session = ReviewSession(packet, args.expert)
        try:
            if not store.exists():
                raise PanelDeskError("本机还没有专家密钥：请先运行 paneldesk key init 生成密钥，"
                                     "并把指纹告知组织方")
            missing = check_before_export(session)
            if missing:
                print(f"尚未完成的项目（{len(missing)} 项）：")
                for line in missing:
                    print(f"  - {terminal_safe(line)}")
                if not args.partial:
                    raise PanelDeskError(f"评分尚未完成（{len(missing)} 项），未导出。补全后再导出，"
                                         "或加 --partial 导出部分评分表")
            key = store.unlock(resolve_passphrase(args.passphrase_file))
            result = export_sheet(session, key, args.output, allow_partial=args.partial)
        finally:
            session.close()
    finally:
        packet.close()
    state = "部分评分（未完成）" if result.partial else "评分完成"
    print(f"已导出评分表 {terminal_safe(result.path)}（第 {result.version} 版，{result.rows} 份申报，{state}）")
    print(f"密钥指纹：{format_fingerprint(store.fingerprint())}")
    return 0
