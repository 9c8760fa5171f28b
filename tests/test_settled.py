"""What the UI tests wait for: the app says when nothing on screen will change by itself,
takes its clock from one place, and keeps its cursors steady when asked."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from screens.app import ClerkApp
from screens.home import HomeScreen
from screens.live.screen import LiveScreen

from .live_helpers import build_demo_agenda, stored_minutes
from .live_pilot import FixedClock, live_app, ready, type_text
from .settled import settled


async def test_the_live_screen_shows_the_apps_clock(store, demo):
    """Opened from home (F6), the live screen shows and stamps the app's time, not the computer's."""
    app = ClerkApp(store, clock=FixedClock(dt.datetime(2014, 10, 14, 14, 7, 31)))
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("down", "f6")  # 14 October 2014
        screen = await settled(pilot, LiveScreen)
        assert "14:07:31" in str(screen.query_one("#live-status").render())
        await pilot.press("f2", "a", "1", "enter")
        await pilot.press("ctrl+q")
    from clerk.models import Meeting

    with store.read() as s:
        started = s.get(Meeting, demo.next_meeting_id).started_at
    assert started is not None and started.astimezone().replace(tzinfo=None) == dt.datetime(2014, 10, 14, 14, 7, 31)


async def test_cursors_blink_only_when_the_app_does(store, demo, monkeypatch):
    for setting, blinks in (("0", False), ("1", True)):
        monkeypatch.setenv("CLERK_CURSOR_BLINK", setting)
        app = live_app(store, demo.next_meeting_id)
        assert app.cursor_blink is blinks
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await ready(pilot)
            await pilot.press("f3")  # the attendance filter
            await settled(pilot)
            assert screen.editor.cursor_blink is blinks
            assert [i.cursor_blink for i in screen.query(Input)] == [blinks] * len(screen.query(Input))
            home = next(s for s in app.screen_stack if isinstance(s, HomeScreen))
            assert [i.cursor_blink for i in home.query(Input)] == [blinks]  # its filter
            await pilot.press("ctrl+q")


async def test_the_app_settles_once_what_was_typed_is_stored(store):
    """Settled means the autosave has run: the text is in the database without ctrl+s."""
    built = build_demo_agenda(store)
    app = live_app(store, built.held_id, FixedClock(dt.datetime(2014, 7, 8, 10, 0)))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2", "b", "1", "enter")
        await type_text(pilot, "Jim Parris introduced the report.")
        await settled(pilot)
        assert app.unsettled() == "" and screen.saved_label == "saved 10:00:00"
        assert stored_minutes(store, built.held_id)[0][4] == "Jim Parris introduced the report."
        await pilot.press("ctrl+q")
