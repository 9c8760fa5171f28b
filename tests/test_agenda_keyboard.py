"""Issue 3's proof: the 21 March 2018 agenda of the seed built from the keyboard alone, from an
empty database, and what is stored checked item by item."""

from __future__ import annotations

from clerk.models import ItemKind
from clerk.services.agenda import list_items
from clerk.services.meetings import list_meetings
from screens.app import ClerkApp

from .settled import settled


async def type_text(pilot, text: str) -> None:
    """Key events for every character, as a fast typist sends them (Pilot waits for idle after
    each key, which makes a long title take seconds); then a wait until the app has settled."""
    from textual import events
    from textual.keys import _character_to_key

    for ch in text:
        pilot.app.post_message(events.Key(ch if ch.isalnum() else _character_to_key(ch), ch))
    await settled(pilot)


async def fill(pilot, *values) -> None:
    """Each value is typed into the field with the focus, then Enter moves on. None: leave as it is."""
    for value in values:
        if value is not None:
            if isinstance(value, tuple):  # keys, such as ("right",) for a choice
                await pilot.press(*value)
            else:
                await type_text(pilot, value)
        await pilot.press("enter")
        await settled(pilot)


async def new_meeting(pilot, date: str, time: str = "10:00", venue: str | None = None) -> None:
    await pilot.press("f2")
    await settled(pilot)
    screen = pilot.app.screen
    screen.query_one("#field-time").value = ""
    if venue is not None:
        screen.query_one("#field-venue").value = ""
    await fill(pilot, date, time, venue, None, None)
    await pilot.press("ctrl+s")
    await settled(pilot)


async def add_item(pilot, title: str, kind_steps: int = 0, restricted: bool = False, sub: bool = False) -> None:
    await pilot.press("s" if sub else "a")
    await settled(pilot)
    await type_text(pilot, title)
    await pilot.press("enter")
    if not sub:
        await pilot.press("enter")  # section: the one of the highlighted row
    await pilot.press("enter")  # presenter
    await pilot.press(*(["right"] * kind_steps))
    await pilot.press("ctrl+s")
    await settled(pilot)


async def test_the_21_march_2018_agenda_from_the_keyboard(store):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await settled(pilot)
        await pilot.press("f9")  # a new committee
        await settled(pilot)
        await fill(
            pilot,
            "Kent Community Safety Partnership",
            "KENT COUNTY COUNCIL",
            ("right",),
            None,
            "Medway Room, Sessions House, County Hall, Maidstone",
            "Joel Cook / Anna Taylor",
        )
        await settled(pilot)
        await new_meeting(pilot, "11 October 2017")
        await pilot.press("escape")  # back from the new meeting's agenda
        await settled(pilot)
        await new_meeting(pilot, "21/3/2018")
        assert app.screen.__class__.__name__ == "AgendaScreen"
        # the standard items are there; go to section B's heading and add its items
        table = app.screen.query_one("#agenda")
        table.move_cursor(row=table.get_row_index("sec-B"))
        for title, kind in [
            ("Kent Community Safety Agreement Review", 0),
            ("KCSP Working Group update", 0),
            ("Domestic Abuse Updates", 1),
        ]:
            await add_item(pilot, title, kind)
        await add_item(pilot, "Domestic Abuse and Sexual Violence Executive Group", sub=True)
        await pilot.press("up")  # back to B3 itself, so the second sub-item follows the first
        await add_item(pilot, "Integrated Domestic Abuse Services Commissioning Update", sub=True)
        table.move_cursor(
            row=table.get_row_index(
                next(k for k in (str(r.id) for r in app.screen.rows if r.code == "B3" and r.parent_id is None))
            )
        )
        for title, kind in [
            ("Kent and Medway Road Casualty Reduction Partnership", 0),
            ("Mental Health and Policing Oversight Board Update", 1),
            ("Kent Community Safety Team Update", 1),
            ("Kent and Medway Gangs Strategy", 2),
        ]:
            await add_item(pilot, title, kind)
        table.move_cursor(row=table.get_row_index("sec-D"))
        await add_item(pilot, "The PREVENT Duty and Home Office Dovetail Pilot")
        await add_item(pilot, "Domestic Homicide Reviews (DHRs) update")
        # B4 was added after B3's sub-items: move the Gangs Strategy up and down to check codes follow
        await pilot.press("shift+up")
        await settled(pilot)
        await pilot.press("shift+down")
        await settled(pilot)

    meeting = next(r for r in list_meetings(store) if r.date.isoformat() == "2018-03-21")
    rows = list_items(store, meeting.id)
    got = [(r.code, r.title, r.kind, r.restricted, r.parent_id is not None) for r in rows]
    R, V, F, S = ItemKind.REPORT, ItemKind.VERBAL, ItemKind.TO_FOLLOW, ItemKind.STANDARD
    assert got == [
        ("A1", "Apologies", S, False, False),
        ("A2", "Declarations of Interest", S, False, False),
        ("A3", "Notes of meeting held on 11 October 2017", S, False, False),
        ("B1", "Kent Community Safety Agreement Review", R, False, False),
        ("B2", "KCSP Working Group update", R, False, False),
        ("B3", "Domestic Abuse Updates", V, False, False),
        ("B3", "Domestic Abuse and Sexual Violence Executive Group", S, False, True),
        ("B3", "Integrated Domestic Abuse Services Commissioning Update", S, False, True),
        ("B4", "Kent and Medway Road Casualty Reduction Partnership", R, False, False),
        ("B5", "Mental Health and Policing Oversight Board Update", V, False, False),
        ("B6", "Kent Community Safety Team Update", V, False, False),
        ("B7", "Kent and Medway Gangs Strategy", F, False, False),
        ("C1", "Date of next meeting", S, False, False),
        ("D1", "The PREVENT Duty and Home Office Dovetail Pilot", R, True, False),
        ("D2", "Domestic Homicide Reviews (DHRs) update", R, True, False),
    ]
