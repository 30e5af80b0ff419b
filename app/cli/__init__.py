"""The `paneldesk` command line: the scripted face of every organizer and expert flow.

Each sub-command lives in a small module of this package exposing `register(subparsers)`,
which adds its parser and sets `handler=` to a function `(args) -> int`.  This module
only wires them together and turns errors into one clear line on stderr: a
`PanelDeskError` (or rubric error) prints its message; anything else prints a short
internal-error line — never a traceback — and exits 70.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from app.errors import PanelDeskError
from scoring.rubric import RubricError

# The registry of commands: modules that add sub-commands, imported when the parser is built
# (each defers its heavy imports to its handler, so `paneldesk packet info` stays fast).
COMMAND_MODULES = ("app.cli.key", "app.cli.packet", "app.cli.demo", "app.cli.review",
                   "app.cli.sheets", "app.cli.results", "app.cli.organizer")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="paneldesk",
        description="PanelDesk 评审台 — 离线专家评审工具（命令行）",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(args) or 0)
    except (PanelDeskError, RubricError) as err:
        print(f"paneldesk: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("paneldesk: 已取消", file=sys.stderr)
        return 130
    except Exception as err:  # last line of defence: no tracebacks for users
        if os.environ.get("PANELDESK_DEBUG"):
            raise
        print(f"paneldesk: 内部错误（{type(err).__name__}: {err}）。"
              "设置 PANELDESK_DEBUG=1 可查看详细信息。", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
