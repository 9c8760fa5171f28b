"""The one way a UI test waits: until the app says nothing on screen will change by itself
(``ClerkApp.unsettled``: the database open, the screen's data shown, no service call
running or waiting to be shown, no save or redraw timer due), or until a condition holds. Never a fixed
pause: on a busy machine any delay is too short. The timeout is only there so that a test
that can never settle fails with the reason instead of hanging."""

from __future__ import annotations

import time
from collections.abc import Callable

TIMEOUT = 120.0  # seconds; generous, for a machine whose cores are all busy


async def settled(pilot, screen: type | None = None, *, timeout: float = TIMEOUT):
    """Wait until the app has settled (with ``screen``, until that kind of screen is on top
    too); returns the screen on top."""
    app = pilot.app
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()  # the messages already queued are handled
        reason = app.unsettled() if hasattr(app, "unsettled") else ""  # a bare App of a widget test
        if not reason and screen is not None and not isinstance(app.screen, screen):
            reason = f"{type(app.screen).__name__} is on top, not {screen.__name__}"
        if not reason:
            return app.screen
        if time.monotonic() > deadline:
            raise AssertionError(f"the app did not settle in {timeout:.0f} s: {reason}")


async def until(pilot, condition: Callable[[], object], what: str, *, timeout: float = TIMEOUT) -> None:
    """Wait until ``condition()`` is true (for what the app does not track, such as the
    command palette's search)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not in {timeout:.0f} s: {what}")
        await pilot.pause()
