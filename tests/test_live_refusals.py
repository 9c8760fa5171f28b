"""A change the live meeting refuses is shown once, as the error it is, and the screen says
nothing of it being done."""

from __future__ import annotations

import datetime as dt

from clerk.live.view import live_view

from .live_helpers import build_demo_agenda
from .live_pilot import FixedClock, live_app, ready, type_text
from .settled import settled, until


def said(app) -> list[tuple[str, str]]:
    return [(str(n.title), str(n.message)) for n in app._notifications]


async def test_a_refused_change_is_shown_once_and_never_reported_done(store):
    built = build_demo_agenda(store)
    app = live_app(store, built.held_id, FixedClock(dt.datetime(2014, 7, 8, 10, 0)))
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2")
        await type_text(pilot, "b1")
        await pilot.press("enter")
        assert screen.view.current.number == "64"
        before = len(said(app))

        await pilot.press("f8", "u")  # the first minute moved earlier
        await settled(pilot)
        new = said(app)[before:]
        assert [t for t, _m in new] == ["Not done"] and "already the first" in new[0][1]

        before = len(said(app))
        await pilot.press("f8", "r")  # restricted, with no Schedule 12A paragraph given
        await until(pilot, lambda: app.screen is not screen and app.screen.query("Input"), "the paragraph asked for")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        new = said(app)[before:]
        assert [t for t, _m in new] == ["Not done"] and "Schedule 12A paragraph" in new[0][1]
        assert not any("is restricted" in m for _t, m in said(app))
        assert not screen.view.current.restricted
        await pilot.press("ctrl+q")
    assert [m.restricted for m in live_view(store, built.held_id).minutes] == [False]
