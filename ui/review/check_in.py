"""Who reviews an opened packet, and their conflicts of interest, before any mark.

`CheckIn.session_for(packet)` returns the expert's `ReviewSession` or None when the
expert dismissed the identity step.  The identity an expert confirmed and the fact that
they declared their conflicts are review state, kept in their workspace database
(`app.workspace`; `paneldesk review show` prints them) — so the next open skips both
steps.  A choice an earlier version kept in QSettings is taken over once.  The writes
here happen before the session is shown, when nothing else is writing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.errors import PanelDeskError
from app.keys import KeyStore, format_fingerprint
from app.packet import Packet
from app.workspace.locate import confirmed_expert
from ui.i18n import error_text
from ui.plain_text import plain_tooltip
from ui.review.identity_dialog import Identity, IdentityDialog, fingerprints_differ
from ui.review.recusal_dialog import RecusalDialog

if TYPE_CHECKING:
    from app.workspace import ReviewSession

Identify = Callable[[QWidget, Packet], Identity | None]
Declare = Callable[[QWidget, list[Any], dict[str, str]], dict[str, str] | None]


def dialog_identify(parent: QWidget, packet: Packet, home: Path | None = None) -> Identity | None:
    """The default identity step: the modal `IdentityDialog`."""
    dialog = IdentityDialog(packet.manifest.roster, KeyStore(home),
                            organizer_fingerprint=packet.organizer_fingerprint,
                            packet_title=packet.manifest.title, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.identity


def dialog_recusals(parent: QWidget, submissions: list[Any],
                    existing: dict[str, str]) -> dict[str, str] | None:
    """The default recusal step: the modal `RecusalDialog` (None if dismissed)."""
    dialog = RecusalDialog(submissions, existing, parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.recusals()


def legacy_identity_key(packet_id: str) -> str:
    return f"identity/{packet_id}"


def legacy_declared_key(packet_id: str, expert_id: str) -> str:
    return f"recusals_declared/{packet_id}/{expert_id}"


translate = QCoreApplication.translate


class CheckIn:
    """The identity and recusal steps for `parent`'s packets (see the module docstring)."""

    def __init__(self, parent: QWidget, home: Path | None, settings: QSettings | None, *,
                 identify: Identify | None = None, declare: Declare | None = None) -> None:
        self._parent = parent
        self._home = home
        self._settings = settings
        self._identify = identify or partial(dialog_identify, home=home)
        self._declare = declare or dialog_recusals

    def session_for(self, packet: Packet) -> ReviewSession | None:
        """The session of the expert reviewing `packet` (PanelDeskError if it cannot open)."""
        from app.workspace import ReviewSession  # loaded already by `open_and_verify`

        roster = [e.id for e in packet.manifest.roster]
        remembered = confirmed_expert(packet.manifest.packet_id, roster, self._home)
        legacy = None if remembered else self._legacy_identity(packet.manifest.packet_id, roster)
        identity = None
        if remembered is None and legacy is None:
            identity = self._identify(self._parent, packet)
            if identity is None:
                return None
        expert_id = remembered or legacy or identity.expert_id
        session = ReviewSession(packet, expert_id, self._home)
        if remembered is None:
            session.confirm_identity(identity.fingerprint if identity else None)
        if identity is not None:
            self._warn_if_not_pinned(session.expert.fingerprint, identity.fingerprint)
        self._declare_conflicts(session)
        return session

    def _legacy_identity(self, packet_id: str, roster: list[str]) -> str | None:
        if self._settings is None:
            return None
        key = legacy_identity_key(packet_id)
        value = self._settings.value(key)
        self._settings.remove(key)
        return str(value) if value in roster else None

    def _warn_if_not_pinned(self, pinned: str | None, mine: str | None) -> None:
        if fingerprints_differ(pinned, mine):
            QMessageBox.warning(self._parent, translate("CheckIn", "公钥指纹不一致"), translate(
                "CheckIn", "组织方登记的公钥指纹（{pinned}）与本机密钥（{mine}）不同，请联系组织方核对。").format(
                pinned=format_fingerprint(pinned or ""), mine=format_fingerprint(mine or "")))

    def _declare_conflicts(self, session: ReviewSession) -> None:
        """Ask for conflicts of interest once per packet and expert, before scoring."""
        if session.review_state()["recusals_declared"] or session.recusals():
            return
        key = legacy_declared_key(session.packet_id, session.expert_id)
        if self._settings is not None and self._settings.value(key):
            self._settings.remove(key)
            session.declare_recusals({})  # declared in an earlier version: taken over
            return
        subs = [session.submission(sid) for sid in session.assigned]
        declared = self._declare(self._parent, subs, {})
        if declared is None:  # dismissed: asked again next time
            return
        try:
            session.declare_recusals(declared)
        except PanelDeskError as err:  # nothing was saved: asked again next time
            QMessageBox.warning(self._parent, translate("CheckIn", "未能保存"),
                                plain_tooltip(error_text(err)))
