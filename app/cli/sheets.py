"""`paneldesk sheets import`: the organizer verifies returned score sheets.

    paneldesk sheets import F... --packet P [--db URL] [--json] [--accept-key EXPERT]

Each file (or every .xlsx in a folder) gets one outcome with a Chinese explanation;
`--json` prints one JSON object per file (file, outcome, expert, version, and diff for
TAMPERED).  Exit code 0 when every file is VALID or DUPLICATE, else 3.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import packet_access

FINE = ("VALID", "DUPLICATE")


def register(sub: argparse._SubParsersAction) -> None:
    sheets = sub.add_parser("sheets", help="组织方：导入并核验专家交回的评分表")
    actions = sheets.add_subparsers(dest="sheets_command", metavar="ACTION", required=True)
    p = actions.add_parser("import", help="核验签名并导入评分表")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE",
                   help="评分表 .xlsx 文件或文件夹")
    p.add_argument("--packet", required=True, type=Path, help="评审包文件（.panelpack）")
    p.add_argument("--db", help="组织方数据库的 SQLAlchemy 地址（默认：数据目录中的 SQLite 文件）")
    p.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
    p.add_argument("--accept-key", action="append", default=[], metavar="EXPERT",
                   help="已当面核对指纹，接受并登记该专家的密钥；可重复")
    packet_access.add_argument(p)
    p.set_defaults(handler=run_import)


def run_import(args: argparse.Namespace) -> int:
    from app.sheets.importer import OUTCOME_LABELS, UNKNOWN_KEY, expand_paths, import_sheets
    from app.sheets.orgdb import OrgDB
    from app.terminal import json_line, terminal_safe

    packet = packet_access.open_from_args(args)
    try:
        with OrgDB(args.db) as db:
            results = import_sheets(expand_paths(args.files), packet, db,
                                    accept_keys=args.accept_key)
    finally:
        packet.close()
    for r in results:
        if args.json:
            print(json_line(r.to_dict()))
            continue
        # Ids, names and cells come from the (possibly self-signed) file: escape them.
        print(f"[{r.outcome} {OUTCOME_LABELS[r.outcome]}] {terminal_safe(r.explanation)}")
        if r.outcome == UNKNOWN_KEY:
            print(f"    核对无误后重新导入并加 --accept-key {terminal_safe(r.expert)}")
        for d in r.diff[:50]:
            signed = "（空）" if d.signed is None else d.signed
            found = "（空）" if d.found is None else d.found
            print(terminal_safe(f"    {d.submission} · {d.field}：签名时“{signed}” → 现在“{found}”"))
        if len(r.diff) > 50:
            print(f"    ……另有 {len(r.diff) - 50} 处差异")
    return 0 if all(r.outcome in FINE for r in results) else 3
