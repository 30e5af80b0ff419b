"""The packet passphrase on the command line, the same for every command that opens a packet.

`--packet-passphrase-file F` (first line) or `$PANELDESK_PACKET_PASSPHRASE`; at a
terminal, a prompt when the packet is encrypted and neither was given.  (`--passphrase-file`
already means the passphrase of one's own signing key in `packet build` and `review
export`, so the packet's passphrase has a name of its own.)  Not a command module: the
commands that open packets call it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from app.errors import PanelDeskError

OPTION = "--packet-passphrase-file"


def add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(OPTION, dest="packet_passphrase_file", metavar="FILE",
                        help="加密评审包的口令文件（第一行为口令；也可用环境变量 "
                             "PANELDESK_PACKET_PASSPHRASE）")


def passphrase(args: argparse.Namespace, path: Path, *, prompt: bool = True) -> str | None:
    """The packet passphrase for `path`, or None (a plain packet needs none)."""
    from app.packet.sealed import passphrase_from
    from app.packet.source import is_encrypted

    given = passphrase_from(getattr(args, "packet_passphrase_file", None))
    if given or not prompt or not is_encrypted(path):
        return given
    if sys.stdin is not None and sys.stdin.isatty():
        typed = getpass.getpass(f"请输入评审包 {path.name} 的口令：")
        if not typed:
            raise PanelDeskError("评审包口令不能为空")
        return typed
    return None  # open_packet then says which option or variable to use


def open_from_args(args: argparse.Namespace, path: Path | None = None) -> Any:
    """`open_packet(args.packet)` with the passphrase resolved as above."""
    from app.packet import open_packet

    path = Path(path if path is not None else args.packet)
    return open_packet(path, passphrase=passphrase(args, path))
