"""The `paneldesk` command line: the scripted face of every organizer and expert flow.

Each sub-command lives in a small module of this package exposing `register(subparsers)`,
which adds its parser and sets `handler=` to a function `(args) -> int`.  This module
only wires them together and turns errors into one clear line on stderr: a
`PanelDeskError` (or rubric error) prints its message; a file-system error names the
file; anything else prints a short internal-error line — never a traceback — and exits 70.
Messages carry text from files, so they are printed through `terminal_safe`.  A reader
that goes away (`| head`) ends the command quietly with status 141, as a shell tool
killed by SIGPIPE would; SIGTERM unwinds like an interruption, so temporary files are
removed on the way out (status 143).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys

from app.atomic import remove_pending
from app.cli.termination import Terminated, sigterm_raises
from app.errors import PanelDeskError
from app.i18n import QT_TRANSLATE_NOOP
from app.terminal import terminal_safe
from scoring.rubric import RubricError

EXIT_BROKEN_PIPE = 128 + 13  # what a shell reports for a tool ended by SIGPIPE
EXIT_TERMINATED = 128 + 15

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
        with sigterm_raises():
            code = int(handler(args) or 0)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return code
    except BrokenPipeError:
        return _reader_gone()
    except (PanelDeskError, RubricError) as err:
        _error(str(err))
        return 1
    except KeyboardInterrupt:
        _error(QT_TRANSLATE_NOOP("cli", "已取消"))
        return 130
    except Terminated:
        remove_pending()  # a temporary file the unwinding could not reach
        _error(QT_TRANSLATE_NOOP("cli", "已终止"))
        return EXIT_TERMINATED
    except OSError as err:  # a folder we cannot write (PANELDESK_HOME), a full disk, …
        if os.environ.get("PANELDESK_DEBUG"):
            raise
        where = err.filename if err.filename is not None else ""
        _error(QT_TRANSLATE_NOOP("cli", "无法访问 {0}：{1}").replace("{0}", str(where))
               .replace("{1}", err.strerror or type(err).__name__))
        return 1
    except Exception as err:  # last line of defence: no tracebacks for users
        if os.environ.get("PANELDESK_DEBUG"):
            raise
        _error(f"内部错误（{type(err).__name__}: {err}）。设置 PANELDESK_DEBUG=1 可查看详细信息。")
        return 70


def _error(message: str) -> None:
    try:
        print(f"paneldesk: {terminal_safe(message)}", file=sys.stderr, flush=True)
    except OSError:
        pass  # nowhere left to say it


def _reader_gone() -> int:
    """stdout's reader closed the pipe: stop quietly (Python docs, "Note on SIGPIPE")."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the exit-time flush must not fail again
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
