"""The forward plan from the keyboard at 80×24: Reports due reached from home (its key in the
footer and the palette), an item planned for a meeting to come, and the agenda builder offering
the item withdrawn on 8 July 2014 with its history."""

from __future__ import annotations

import datetime as dt

from clerk.services import agenda, plan
from clerk.services.plan_offers import plan_marks
from screens.app import ClerkApp
from screens.deadlines import DeadlinesScreen

from .settled import settled
from .test_agenda_keyboard import fill

SEPTEMBER = lambda: dt.datetime(2014, 9, 22, 10, 0)  # noqa: E731  (a week before October's reports are due)


def footer_keys(screen) -> set[str]:
    return {b.binding.description for b in screen.active_bindings.values() if b.binding.show}


async def test_reports_due_and_planning_from_the_keyboard(store, demo):
    plan.plan_item(store, demo.committee_id, "2014-10-14", "Domestic Abuse Strategy", presenter="Jim Parris")
    app = ClerkApp(store, clock=SEPTEMBER)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await settled(pilot)
        assert "Reports due" in footer_keys(home)
        await pilot.press("ctrl+r")
        screen = await settled(pilot, DeadlinesScreen)
        assert [(r.code, r.title, r.author, r.state) for r in screen.rows] == [
            ("B1", "Domestic Abuse Strategy", "Jim Parris", "due")
        ]
        detail = str(screen.query_one("#deadlines-detail").render())
        assert detail == "Due in 7 days · meeting Tue 14 Oct 2014 · agenda out Mon 6 Oct 2014"
        assert {"Plan an item", "Move", "Agenda"} <= footer_keys(screen)
        await pilot.press("n")
        await settled(pilot)
        await fill(pilot, None, "13/1/2015", "Annual report", "Shafick Peerbux")
        await pilot.press("ctrl+s")
        screen = await settled(pilot, DeadlinesScreen)
        assert [(r.code, r.title, r.deadline) for r in screen.rows][-1] == ("", "Annual report", dt.date(2014, 12, 24))
        await pilot.press("down", "m")
        await settled(pilot)
        await fill(pilot, "2014-10-14")
        screen = await settled(pilot, DeadlinesScreen)
        assert [(r.code, r.title) for r in screen.rows] == [("B1", "Domestic Abuse Strategy"), ("B2", "Annual report")]
    titles = [r.title for r in agenda.list_items(store, demo.next_meeting_id)]
    assert "Annual report" in titles


async def test_the_agenda_builder_offers_the_withdrawn_item(store, demo):
    from screens.agenda_builder import AgendaScreen

    app = ClerkApp(store, clock=SEPTEMBER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        app.push_screen(AgendaScreen(demo.next_meeting_id))
        screen = await settled(pilot, AgendaScreen)
        assert "1 item offered for this meeting" in str(screen.query_one("#agenda-warning").render())
        assert "Planned" in {b.binding.description for b in screen.active_bindings.values()}
        await pilot.press("w")
        menu = await settled(pilot)
        assert "(Withdrawn from 8 July 2014, minute 71)" in str(menu.query_one("#choices").get_option_at_index(0).prompt)
        await pilot.press("1")
        await settled(pilot)
        await pilot.press("a")
        screen = await settled(pilot, AgendaScreen)
        item = screen.current_item()
        assert item is not None and item.title == "Community Safety Conference - verbal report"
        assert item.note == "Withdrawn from 8 July 2014, minute 71."
        assert plan_marks(store, demo.next_meeting_id) == {item.id: "carried"}
        assert "offered" not in str(screen.query_one("#agenda-warning").render())
