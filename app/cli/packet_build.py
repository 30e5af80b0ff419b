"""`paneldesk packet build INTAKE -o P`: the organizer's packet builder on the command line.

Signs with the user's own key (`paneldesk key init`); the passphrase comes from
`--passphrase-file` or `PANELDESK_PASSPHRASE`.  Progress goes to stderr, one line per
rejected entry with its reason; `--report` writes the full JSON report (which also
keeps the contact details left out of the expert packet).  `--strict` turns any
rejection into exit status 1 — the packet is still written so the rest is not lost.
The organizer's decisions (`--decisions`), assignments and conflicts (`--assignments`,
`--conflicts`) are files documented in docs/formats.md §12–13; without `--roster` the
packet gets placeholder experts and a warning on stderr names them.  `--project FOLDER`
takes all of these from an organizer project (§14), as the organizer's window does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli import packet_access
from app.cli.termination import raise_if_terminated
from app.errors import PanelDeskError
from app.terminal import terminal_safe


def register(packet_sub: argparse._SubParsersAction) -> None:
    p = packet_sub.add_parser("build", help="从申报材料文件夹生成签名评审包")
    p.add_argument("intake", type=Path, nargs="?",
                   help="申报材料文件夹（每份申报一个子文件夹或 .zip；用 --project 时可省略）")
    p.add_argument("--project", type=Path,
                   help="组织方项目文件夹：申报材料、细则、名单、决定、分配均取自项目（命令行给出的优先）")
    p.add_argument("-o", "--output", type=Path, required=True, help="输出的 .panelpack 文件")
    p.add_argument("--rubric", type=Path, help="评审细则文件（.toml/.json），默认为内置评审细则")
    p.add_argument("--roster", type=Path, help="专家名单（.csv/.xlsx：编号,姓名,单位,公钥指纹）")
    p.add_argument("--title", help="评审包标题（默认取评审细则中的 packet_title，否则为细则名称）")
    p.add_argument("--keep-contacts", action="store_true",
                   help="在专家评审包中保留联系人及联系方式（默认隐去）")
    p.add_argument("--decisions", type=Path,
                   help="组织方对申报材料的决定（JSON：排除、修改字段、标记重复，见 docs/formats.md）")
    p.add_argument("--assignments", type=Path,
                   help="分配文件（.csv：expert,submission 或 expert,category；override 列调整单个专家×申报），"
                        "默认每位专家评全部申报")
    p.add_argument("--conflicts", type=Path,
                   help="已知回避关系（.csv：expert,unit），这些专家不评该单位的申报")
    p.add_argument("--report", type=Path, help="把逐条处理结果写入 JSON 文件")
    p.add_argument("--strict", action="store_true", help="有任何条目被拒收时以非零状态退出")
    p.add_argument("--passphrase-file", help="读取私钥口令的文件（也可用 PANELDESK_PASSPHRASE）")
    p.add_argument("--encrypt", action="store_true",
                   help="用口令加密评审包（先签名后加密；口令见 --packet-passphrase-file）")
    packet_access.add_argument(p)
    p.set_defaults(handler=run_build)


def run_build(args: argparse.Namespace) -> int:
    from app.assembly.assignments import AssignmentRules, read_assignments, read_conflicts
    from app.assembly.builder import BuildOptions, NothingIncluded, build_packet
    from app.intake.roster import read_roster
    from app.keys import KeyStore, resolve_passphrase
    from app.organizer.decisions import IntakeDecisions
    from app.organizer.panel import placeholder_roster, placeholder_warning
    from app.rubrics import load_default_rubric, load_rubric_file

    if args.output.suffix.lower() != ".panelpack":
        raise PanelDeskError(f"输出文件应以 .panelpack 结尾：{args.output}")
    packet_secret = _packet_passphrase(args)  # refused before any work is done
    if args.project:
        _take_from_project(args)
    if args.intake is None:
        raise PanelDeskError("请给出申报材料文件夹，或用 --project 指定组织方项目")
    rubric = load_rubric_file(args.rubric) if args.rubric else load_default_rubric()
    if args.roster:
        roster = read_roster(args.roster)
    else:
        roster = placeholder_roster(rubric)
        print(placeholder_warning(roster), file=sys.stderr, flush=True)
    rules = None
    if args.assignments or args.conflicts:
        rules = AssignmentRules(
            assign=read_assignments(args.assignments) if args.assignments else [],
            conflicts=read_conflicts(args.conflicts) if args.conflicts else [])
    decisions = None
    if args.decisions:
        if not args.decisions.is_file():
            raise PanelDeskError(f"找不到决定文件：{args.decisions}")
        decisions = IntakeDecisions.load(args.decisions)
    store = KeyStore()
    if not store.exists():
        raise PanelDeskError("尚未创建组织方密钥，请先运行 paneldesk key init")
    key = store.unlock(resolve_passphrase(args.passphrase_file))
    title = args.title or rubric.packet_title or rubric.name
    options = BuildOptions(rubric=rubric, roster=roster, title=title,
                           keep_contacts=args.keep_contacts, decisions=decisions,
                           assignment_rules=rules)

    def progress(done: int, total: int, source: str) -> None:
        raise_if_terminated()  # a SIGTERM whose own raise was swallowed stops the build here
        if source:
            print(f"[{done + 1}/{total}] {terminal_safe(source)}", file=sys.stderr, flush=True)

    try:
        if packet_secret is None:
            report = build_packet(args.intake, args.output, key, options, progress=progress)
        else:
            report = _build_sealed(args, key, options, progress, packet_secret)
    except NothingIncluded as err:
        # No packet, but the organizer still needs every reason (and the report file).
        _print_rejections(err.report)
        if args.report:
            write_report(args.report, err.report.to_dict())
        raise
    _print_rejections(report)
    if args.report:
        write_report(args.report, report.to_dict())
    sealed = "加密" if packet_secret is not None else ""
    print(f"已生成{sealed}评审包 {terminal_safe(args.output)}：纳入 {len(report.included)} 份，"
          f"拒收 {len(report.rejected)} 份，排除 {len(report.excluded)} 份；"
          f"包编号 {terminal_safe(report.packet_id)}")
    return 1 if args.strict and report.rejected else 0


def _print_rejections(report: Any) -> None:
    for entry in report.rejected:
        print(f"拒收：{terminal_safe(entry.source)}：{terminal_safe(entry.reason)}",
              file=sys.stderr)
    for entry in report.excluded:
        print(f"排除：{terminal_safe(entry.source)}：{terminal_safe(entry.reason)}",
              file=sys.stderr)
    for warning in report.warnings:
        print(f"注意：{terminal_safe(warning)}", file=sys.stderr)


def _packet_passphrase(args: argparse.Namespace) -> str | None:
    from app.packet.sealed import PASSPHRASE_ENV, passphrase_from

    secret = passphrase_from(args.packet_passphrase_file)
    if secret is not None and not args.encrypt:
        secret = None  # a passphrase in the environment alone never encrypts a build
    if args.encrypt and secret is None:
        raise PanelDeskError(f"--encrypt 需要评审包口令：请用 {packet_access.OPTION} 指定口令文件"
                             f"（第一行为口令），或设置环境变量 {PASSPHRASE_ENV}")
    return secret


def _build_sealed(args: argparse.Namespace, key, options, progress, secret: str):
    """Build the signed packet beside the output, encrypt it into the output, drop the plain.

    The plain file lives only while it is encrypted (the organizer's intake folder holds
    the same content in the clear anyway); the expert only ever receives the sealed one.
    """
    from app.assembly.builder import build_packet
    from app.packet.sealed import seal_file

    plain = args.output.with_name(f".{args.output.name}.plain.tmp")
    try:
        report = build_packet(args.intake, plain, key, options, progress=progress)
        seal_file(plain, args.output, secret)
    finally:
        plain.unlink(missing_ok=True)
    return report


def _take_from_project(args: argparse.Namespace) -> None:
    """Fill what the command line left out from the project folder — the files the
    organizer's window keeps — so both build the same packet."""
    from app.organizer.project import Project

    with Project.open(args.project) as project:
        settings = project.settings
        args.intake = args.intake or settings.intake
        args.rubric = args.rubric or settings.rubric
        args.roster = args.roster or settings.roster
        args.assignments = args.assignments or settings.assignments
        args.conflicts = args.conflicts or settings.conflicts
        args.title = args.title or settings.title or None
        if args.decisions is None and project.decisions_path.is_file():
            args.decisions = project.decisions_path


def write_report(path: Path, data: dict) -> None:
    try:
        # An entry named with bytes that are not UTF-8 keeps them as lone surrogates:
        # written as JSON escapes ("\\udcff"), which read back as the same name.
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8",
                        errors="backslashreplace")
    except OSError as err:
        raise PanelDeskError(f"无法写入报告文件 {path}：{err.strerror or err}") from err
