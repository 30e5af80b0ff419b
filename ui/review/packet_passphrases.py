"""The passphrases of encrypted packets during one session of the app.

`PacketOpener` asks `PacketPassphrases.get()` before opening an encrypted packet: a
passphrase already accepted this session is used again; else one the expert asked this
computer to remember (the OS keyring, `app.packet.remembered`); else the dialog asks.
What was tried is settled after the open: `succeeded()` keeps it for the session (and
stores it in the keyring only if the expert ticked "remember"); `failed()` forgets it
everywhere it came from, so a wrong passphrase is never offered twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app.packet import remembered
from app.packet.sealed import packet_key_id
from ui.review.passphrase_dialog import PassphraseAnswer, ask_passphrase

AskFn = Callable[[QWidget | None, Path, bool, str | None], PassphraseAnswer | None]


@dataclass(frozen=True)
class _Attempt:
    key_id: str
    passphrase: str
    remember: bool
    from_keyring: bool


class PacketPassphrases:
    """Session memory of packet passphrases, with the keyring behind it on request."""

    def __init__(self, ask: AskFn = ask_passphrase, store: Any = remembered) -> None:
        self._ask = ask
        self._store = store
        self._known: dict[str, str] = {}  # salt (hex) → passphrase, this session only
        self._attempts: dict[Path, _Attempt] = {}

    def get(self, parent: QWidget | None, path: Path, problem: str | None = None) -> str | None:
        """The passphrase to try for `path`, or None when the expert cancelled.

        Raises PanelDeskError when the file's public header is unreadable or hostile.
        """
        key_id = packet_key_id(path)
        if problem is None and key_id in self._known:
            attempt = _Attempt(key_id, self._known[key_id], False, False)
        elif problem is None and (stored := self._store.recall(key_id)):
            attempt = _Attempt(key_id, stored, False, True)
        else:
            answer = self._ask(parent, path, self._store.available(), problem)
            if answer is None:
                return None
            attempt = _Attempt(key_id, answer.passphrase, answer.remember, False)
        self._attempts[path] = attempt
        return attempt.passphrase

    def succeeded(self, path: Path) -> bool:
        """The packet opened: keep its passphrase; False if remembering it was refused."""
        attempt = self._attempts.pop(path, None)
        if attempt is None:
            return True
        self._known[attempt.key_id] = attempt.passphrase
        return self._store.remember(attempt.key_id, attempt.passphrase) if attempt.remember \
            else True

    def failed(self, path: Path, wrong_passphrase: bool) -> None:
        """The open failed; a wrong passphrase is forgotten wherever it came from."""
        attempt = self._attempts.pop(path, None)
        if attempt is None or not wrong_passphrase:
            return
        self._known.pop(attempt.key_id, None)
        if attempt.from_keyring:
            self._store.forget(attempt.key_id)
