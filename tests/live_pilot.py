"""Driving the live screen from the keyboard in Pilot tests."""

from __future__ import annotations

import datetime as dt

from textual import events

from screens.app import ClerkApp
from screens.live.screen import LiveScreen

from .settled import settled


class FixedClock:
    """The meeting's own time, moved on by the test."""

    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


def live_app(store, meeting_id: int, clock=None) -> ClerkApp:
    """The app opened on the live screen of the meeting; ``clock`` is the app's (what the
    screen shows and stamps), the computer's when not given."""
    return ClerkApp(store, clock=clock, start=lambda: LiveScreen(meeting_id))


async def ready(pilot) -> LiveScreen:
    """Wait until the live screen has the meeting open and has settled."""
    return await settled(pilot, LiveScreen)


async def type_text(pilot, text: str) -> None:
    keys = []
    for ch in text:
        keys.append({"\n": "enter", " ": "space"}.get(ch, ch))
    await pilot.press(*keys)


async def paste(pilot, text: str) -> None:
    """What a terminal sends when text is pasted (bracketed paste)."""
    pilot.app.post_message(events.Paste(text))
    await settled(pilot)


async def settle(pilot) -> None:
    """Let workers (attach, autosave) finish and the screen redraw."""
    await settled(pilot)
