"""SIGTERM during a command: raised where it lands, and again at the next check when that
first raise was swallowed (a signal landing inside a finalizer is one such place)."""

from __future__ import annotations

import signal

import pytest

from app.cli.termination import Terminated, raise_if_terminated, sigterm_raises


def test_a_swallowed_sigterm_is_raised_again_at_the_next_check() -> None:
    with sigterm_raises():
        raise_if_terminated()  # nothing received yet
        try:
            signal.raise_signal(signal.SIGTERM)  # the handler runs now, in this thread
        except Terminated:
            pass  # swallowed, as a finalizer would
        with pytest.raises(Terminated):
            raise_if_terminated()
    with sigterm_raises():  # the next command starts clean
        raise_if_terminated()
