"""Keys on the live screen: typed faster than the screen can follow, they still land in
order; the editor's own keys are not taken; every key is in the help and the palette."""

from __future__ import annotations

from textual import events

from screens.live.screen import LiveScreen

from .live_helpers import build_demo_agenda, stored_minutes
from .live_pilot import live_app, ready
from .settled import settled, until

SCREEN_KEYS = {
    "f2",
    "f3",
    "f4",
    "ctrl+n",
    "f5",
    "ctrl+r",
    "f8",
    "ctrl+t",
    "f9",
    "f10",
    "ctrl+g",
    "f12",
    "ctrl+b",
    "alt+up",
    "alt+down",
    "ctrl+o",
    "ctrl+s",
    "ctrl+l",
    "ctrl+delete",
}
EDITOR_KEYS = {
    "ctrl+a",
    "ctrl+e",
    "ctrl+k",
    "ctrl+u",
    "ctrl+w",
    "ctrl+z",
    "ctrl+y",
    "ctrl+x",
    "ctrl+c",
    "ctrl+v",
    "ctrl+d",
    "ctrl+f",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "tab",
    "enter",
    "f6",
    "f7",
    "ctrl+pageup",
    "ctrl+pagedown",
    "shift+up",
    "shift+down",
    "backspace",
    "delete",
    "ctrl+left",
    "ctrl+right",
}


def burst(app, *chunks: str) -> None:
    """Keys all at once, as a terminal delivers them when the app is busy."""
    for chunk in chunks:
        keys = [chunk] if chunk in SCREEN_KEYS | {"tab", "enter", "escape"} else list(chunk)
        for key in keys:
            char = {"enter": "\r", "tab": "\t"}.get(key, key if len(key) == 1 else None)
            app.post_message(events.Key("space" if key == " " else key, char))


def widget_keys(widget_class) -> set[str]:
    keys: set[str] = set()
    for cls in widget_class.__mro__:
        for b in getattr(cls, "BINDINGS", []):
            key = b.key if hasattr(b, "key") else b[0]
            keys |= {k.strip() for k in key.split(",")}
    return keys


def test_the_live_keys_leave_the_editor_its_own():
    from textual.widgets import Input, OptionList, TextArea

    bound = {k.strip() for b in LiveScreen.BINDINGS for k in b.key.split(",")}
    assert bound == SCREEN_KEYS
    assert not bound & EDITOR_KEYS
    for widget in (TextArea, Input, OptionList):  # nothing the editor, the filters or the lists bind
        assert not bound & widget_keys(widget), widget


async def test_keys_typed_faster_than_the_screen_land_in_order(store):
    """Each phrase arrives at once (typed while the screen was busy): the key that moves
    somewhere else (Tab, Enter, F2, ctrl+t, a dialog's Enter) and what follows it."""
    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        for phrase in (
            ("f3", "hill", "tab", "a"),
            ("f3", "cole", "enter", "allen", "enter"),
            ("f2", "b1", "enter", "Jim Parris introduced the report.", "enter", "enter", "It was agreed."),
            ("ctrl+t", "parr", "enter", "Report back", "enter", "enter"),
            ("f4", "Thanks", "enter", "The Chairman thanked Mr Parris."),
        ):
            burst(app, *phrase)
            await settled(pilot)
        by = {r.surname: r.status.value for r in screen.view.attendance if r.status}
        assert by == {"Hill": "apologies", "Coleman": "present", "Allen": "present"}
        await pilot.press("ctrl+q")
    rows = stored_minutes(store, built.held_id)
    assert [(n, t, body) for n, t, _s, _r, body in rows] == [
        (64, "Community Trigger Criteria & Review Process in Kent", "Jim Parris introduced the report.\n\nIt was agreed."),
        (65, "Thanks", "The Chairman thanked Mr Parris."),
    ]


async def test_help_and_palette_offer_every_key(store):
    from screens.help import key_rows

    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        rows = dict((d, k) for k, d in key_rows(screen))
        for description in (
            "Take item",
            "Attendance",
            "New minute",
            "RESOLVED",
            "Minute",
            "Action",
            "Withdraw",
            "Meeting",
            "Panels",
            "Previous minute",
            "Next minute",
            "Attach file",
            "Save now",
        ):
            assert description in rows, description
        assert "Take over" not in rows  # only in a read-only view
        commands = [c.title for c in app.get_system_commands(screen)]
        assert "Take item" in commands and "Vote" not in commands  # Vote is a screen command
        await pilot.press("ctrl+p")
        await settled(pilot)
        await pilot.press(*"vote")
        commands = app.screen.query_one("CommandList")
        await until(
            pilot,
            lambda: commands.option_count and "Vote" in str(commands.get_option_at_index(0).prompt),
            "the palette offers Vote first",
        )


async def test_home_opens_the_live_screen_and_leaving_lets_the_meeting_go(store, demo):
    from clerk.live import lock as live_lock
    from screens.app import ClerkApp
    from screens.home import HomeScreen

    app = ClerkApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("down")  # 14 October 2014
        await pilot.press("f6")
        screen = await ready(pilot)
        assert isinstance(screen, LiveScreen) and screen.meeting_id == demo.next_meeting_id
        assert not screen.read_only
        assert not live_lock.is_free(store, demo.next_meeting_id)
        await pilot.press("f10", "q")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert live_lock.is_free(store, demo.next_meeting_id)
