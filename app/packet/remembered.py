"""Packet passphrases the expert asked this computer to remember: the OS keyring, or nothing.

Only when the expert ticks "remember" is a passphrase stored, and only in the operating
system's keyring (Windows Credential Manager, macOS Keychain, Secret Service on Linux)
through the optional `keyring` package — never in a file of ours.  Without the package or
without a working backend, `available()` is False and the interface hides the choice.
A passphrase is filed under the encrypted file's salt (`Header.packet_key_id`), the one
public thing that names that file and survives copying it.
"""

from __future__ import annotations

from typing import Any

SERVICE = "PanelDesk packet passphrase"


def _backend() -> Any | None:
    """The keyring backend if one that can store secrets works here, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 — not installed, or a backend that fails to import
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 — a broken backend configuration must not break opening
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def available() -> bool:
    return _backend() is not None


def recall(packet_key_id: str) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, packet_key_id) or None
    except Exception:  # noqa: BLE001 — a locked or missing keyring: the expert types it
        return None


def remember(packet_key_id: str, passphrase: str) -> bool:
    """Store the passphrase; False when the keyring refused (the expert is told)."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, packet_key_id, passphrase)
    except Exception:  # noqa: BLE001 — the keyring's own errors vary by platform
        return False
    return True


def forget(packet_key_id: str) -> None:
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, packet_key_id)
    except Exception:  # noqa: BLE001 — nothing stored, or the keyring is locked
        pass
