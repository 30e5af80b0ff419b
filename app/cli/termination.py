"""SIGTERM while a command runs: raise `Terminated`, and again at the next check.

The handler raises where the signal lands, so the command unwinds (closing and removing
its temporary files) and exits 143.  A signal can land where an exception is swallowed —
inside an object's finalizer, for one — and then nothing stops the command; so the
handler also notes the signal, and long loops (the packet build's progress) call
`raise_if_terminated` to stop at the next step.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

_received = False


class Terminated(BaseException):
    """SIGTERM arrived: unwind (closing and removing temporary files) and exit 143.

    A BaseException, so no `except Exception` on the way up mistakes it for a bad file.
    """


def raise_if_terminated() -> None:
    """Raise `Terminated` if SIGTERM arrived (its first raise may have been swallowed)."""
    if _received:
        raise Terminated


@contextlib.contextmanager
def sigterm_raises() -> Iterator[None]:
    """While a command runs, SIGTERM raises `Terminated` (only the main thread can)."""
    global _received

    def terminate(_signum: int, _frame: object) -> None:
        global _received
        _received = True
        raise Terminated

    _received = False
    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
