"""Closing the terminal loses nothing: SIGHUP (the window closed, the connection dropped)
and SIGTERM (the computer shutting down) end clerk as quitting does. The keys already
sent are taken in first, then every screen stores what is typed and lets its meeting go,
and the app exits with 128 + the signal's number, the terminal put back as it was."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from typing import Any

SIGNALS = (signal.SIGHUP, signal.SIGTERM)
GRACE_SECONDS = 0.25  # for keys already sent to reach the editor


def catch_hangup(app: Any) -> None:
    """Handle the signals in the app's own event loop (never between two lines of a save)."""
    loop = asyncio.get_running_loop()
    for number in SIGNALS:
        try:
            loop.add_signal_handler(number, _ended, app, number)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
            return


def _ended(app: Any, number: int) -> None:
    if getattr(app, "_ending", False):
        return
    app._ending = True
    app.set_timer(GRACE_SECONDS, lambda: _store_and_exit(app, number))


def _store_and_exit(app: Any, number: int) -> None:
    for screen in reversed(app.screen_stack):
        close = getattr(screen, "close_meeting", None)
        if close is not None:
            with contextlib.suppress(Exception):
                close()
    app.exit(return_code=128 + number)
