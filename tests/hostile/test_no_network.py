"""The whole flow — intake → packet → review → export → import → results — opens no
network socket: an audit hook records every `socket.connect` (other than to a local
Unix socket) and every `socket.getaddrinfo` while the flow runs.

Audit hooks cannot be removed, so the hook is installed once and only records while
`WATCHING` is set; the test sets it around the flow.
"""

from __future__ import annotations

import json
import socket
import sys
from pathlib import Path

from tests.test_second_rubric import (  # noqa: F401 — homes: a fixture, found by name
    RUBRIC,
    homes,
    run,
    score_import,
    write_intake,
    write_roster,
)

WATCHING = False
SEEN: list[tuple[str, str]] = []


def _hook(event: str, args: tuple) -> None:
    if not WATCHING or event not in ("socket.connect", "socket.getaddrinfo"):
        return
    if event == "socket.connect":
        sock = args[0]
        if getattr(sock, "family", None) == getattr(socket, "AF_UNIX", object()):
            return  # local inter-process plumbing, not the network
    SEEN.append((event, repr(args[1:])[:200]))


if not getattr(sys, "_paneldesk_network_hook", False):
    sys.addaudithook(_hook)
    sys._paneldesk_network_hook = True  # one hook per process, whatever imports this


def test_the_hook_sees_a_connection_attempt() -> None:
    global WATCHING
    SEEN.clear()
    WATCHING = True
    try:
        try:
            socket.getaddrinfo("localhost", 9)
        except OSError:
            pass
    finally:
        WATCHING = False
    assert SEEN and SEEN[0][0] == "socket.getaddrinfo"
    SEEN.clear()


def test_the_whole_flow_opens_no_network_socket(tmp_path: Path, homes, capsys) -> None:  # noqa: F811
    global WATCHING
    from scoring.rubric_file import load_rubric

    rubric = load_rubric(RUBRIC)
    criteria = [c.name for c in rubric.criteria]
    packet, db = tmp_path / "p.panelpack", f"sqlite:///{tmp_path / 'org.db'}"
    roster = write_roster(tmp_path)
    SEEN.clear()
    WATCHING = True
    try:
        homes("organizer")
        run("key", "init")
        run("packet", "build", write_intake(tmp_path / "intake"), "-o", packet, "--rubric",
            RUBRIC, "--roster", roster)
        run("packet", "verify", packet)
        capsys.readouterr()
        run("packet", "info", packet, "--json")
        subs = [s["id"] for s in json.loads(capsys.readouterr().out)["submissions"]]
        score_import(homes, tmp_path, packet, db, subs, criteria)
        run("results", "--packet", packet, "--db", db, "-o", tmp_path / "results")
    finally:
        WATCHING = False
    assert (tmp_path / "results" / "results.json").is_file()
    assert SEEN == []
