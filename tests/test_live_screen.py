"""The live screen's other keys, driven from the keyboard and checked in the database."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from clerk.models import Attendance, Meeting, Person, Vote

from .live_helpers import build_demo_agenda, stored_minutes
from .live_pilot import FixedClock, live_app, paste, ready, type_text
from .settled import settled


async def test_substitutes_late_arrivals_and_early_departures(store):
    built = build_demo_agenda(store)
    clock = FixedClock(dt.datetime(2014, 7, 8, 10, 0))
    app = live_app(store, built.held_id, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f3")
        await type_text(pilot, "brett")
        await pilot.press("tab", "s")
        await type_text(pilot, "Mr T Jones")
        await pilot.press("enter")
        await pilot.press("f2", "a", "1", "enter")  # A1 takes the apologies (and the substitute) from the attendance
        assert (
            screen.editor.text
            == "Apologies were received from Ms A Brett. Mr T Jones was present as a substitute for Ms A Brett."
        )
        await pilot.press("f2", "b", "1", "enter")
        clock.advance(25)
        await pilot.press("f3")
        await type_text(pilot, "cooke")
        await pilot.press("enter")  # checked in after the meeting started: a late arrival
        await type_text(pilot, "kadir")
        await pilot.press("tab", "d")  # left early
        await pilot.press("ctrl+q")
    with store.read() as s:
        people = {p.id: p.surname for p in s.exec(select(Person)).all()}
        rows = {people[a.person_id]: a for a in s.exec(select(Attendance)).all()}
    b1 = stored_minutes(store, built.held_id)[1]
    assert b1[0] == 65
    assert rows["Jones"].status == "substitute" and people[rows["Jones"].substitute_for_id] == "Brett"
    assert rows["Brett"].status == "apologies"
    assert rows["Cooke"].arrived_at == dt.time(10, 25) and rows["Cooke"].arrived_minute_id is not None
    assert rows["Kadir"].left_at == dt.time(10, 25) and rows["Kadir"].status == "present"


async def test_resolution_vote_deferral_and_signing_the_previous_notes(store, demo):
    clock = FixedClock(dt.datetime(2014, 10, 14, 14, 0))
    app = live_app(store, demo.next_meeting_id, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f3")
        for name in ("cole", "allen", "stewart"):
            await type_text(pilot, name)
            await pilot.press("enter")
        await pilot.press("f2", "a", "3", "enter")  # minute 75, and the offer to sign 8 July
        await settled(pilot)
        await pilot.press("enter")
        assert screen.view.previous_to_sign == ""
        await pilot.press("f4")
        await type_text(pilot, "Community Safety Agreement")
        await pilot.press("enter")
        await type_text(pilot, "Mr Parris introduced the report.")
        await pilot.press("f5")
        await type_text(pilot, "the report be noted.")
        await pilot.press("up", "up", "end", "f5")  # a resolution after the first paragraph
        await type_text(pilot, "the agreement be approved.")
        assert screen.editor.text == (
            "Mr Parris introduced the report.\n\nRESOLVED that the agreement be approved.\n\nRESOLVED that the report be noted."
        )
        await pilot.press("f8", "v")
        await paste(pilot, "That the agreement be approved")
        await pilot.press("enter", "enter", "enter", "enter")  # counts left empty: taken from the names
        await paste(pilot, "Mr David Coleman, Ms C Allen")
        await pilot.press("enter")
        await paste(pilot, "Mr A Stewart")
        await pilot.press("enter", "enter", "enter", "enter")  # no abstentions; carried and no casting vote, as counted
        await pilot.press("f9", "d", "enter")  # deferred, with the sentence offered
        await pilot.press("ctrl+q")
    rows = stored_minutes(store, demo.next_meeting_id)
    assert [(n, t, st) for n, t, st, _r, _b in rows] == [
        (75, "Notes of meeting held on 8 July 2014", "taken"),
        (76, "Community Safety Agreement", "deferred"),
    ]
    assert rows[1][4].endswith("RESOLVED that the report be noted.\n\nThis item was deferred to the next meeting.")
    with store.read() as s:
        vote = s.exec(select(Vote)).one()
        assert (vote.votes_for, vote.votes_against, vote.abstentions, vote.outcome) == (2, 1, 0, "carried")
        assert vote.named_for == "Mr David Coleman, Ms C Allen"
        assert s.get(Meeting, demo.held_meeting_id).status == "signed"


async def test_correcting_the_order_from_the_keyboard(store, demo):
    """D1 minuted before the press were excluded: the exclusion is moved before it and made
    restricted; an item taken by mistake is deleted after a question, and the numbers close up."""
    from clerk.services import agenda

    agenda.add_item(store, demo.next_meeting_id, "D", "Community Wardens staffing")
    clock = FixedClock(dt.datetime(2014, 10, 14, 14, 0))
    app = live_app(store, demo.next_meeting_id, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2", "a", "1", "enter")  # 75
        await pilot.press("f2", "a", "2", "enter")  # 76, taken by mistake
        await type_text(pilot, "Oops")
        await pilot.press("f8", "x")
        await settled(pilot)
        await pilot.press("y")  # deleted: its text goes with it, and the dialog said so
        await settled(pilot)
        assert [m.number for m in screen.view.minutes] == ["75"]
        await pilot.press("f2", "d", "1", "enter", "n")  # 76, in private without the resolution
        await settled(pilot)
        await pilot.press("f4")
        await type_text(pilot, "Exclusion of the Press and Public")
        await pilot.press("enter")  # 77, restricted: the meeting is in private session
        await settled(pilot)
        assert screen.view.minutes[-1].restricted
        await pilot.press("f8", "u")  # moved before D1: 76
        await pilot.press("f8", "r")  # public again
        await settled(pilot)
        assert not screen.view.minute(screen.minute_id).restricted
        await pilot.press("f8", "r")  # restricted, with its paragraph
        await type_text(pilot, "3")
        await pilot.press("enter")
        await settled(pilot)
        assert screen.view.minute(screen.minute_id).restricted
        await pilot.press("f8", "r")  # and public: it is the resolution the public saw
        await settled(pilot)
        await pilot.press("ctrl+q")
    rows = stored_minutes(store, demo.next_meeting_id)
    assert [(n, t, r) for n, t, _st, r, _b in rows] == [
        (75, "Apologies", False),
        (76, "Exclusion of the Press and Public", False),
        (77, "Community Wardens staffing", True),
    ]


async def test_the_gutter_shows_the_numbers_the_notes_will_print(store, demo):
    clock = FixedClock(dt.datetime(2014, 10, 14, 14, 0))
    app = live_app(store, demo.next_meeting_id, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f4")
        await type_text(pilot, "Thanks")
        await pilot.press("enter")
        await type_text(pilot, "First.\n\nMembers discussed:\n- one\n- two")
        await pilot.press("f5")
        await type_text(pilot, "it be noted.")
        screen.update_labels()  # what the 0.2 s debounce would do
        assert screen.editor.labels == ["(1)", "", "(2)", "(a)", "(b)", "", ""]
        await settled(pilot)
        gutter = screen.editor.render_line(3).text[: screen.editor.GUTTER]
        assert gutter.strip() == "(a)"
        await pilot.press("ctrl+q")


async def test_a_minute_can_leave_its_paragraphs_unnumbered(store, demo):
    """Minute 66 of 2014 prints its paragraphs plain: F8 n, before or after typing, and the
    gutter, the stored paragraphs and what is typed afterwards all follow."""
    from clerk.body import numbers_paragraphs
    from clerk.services.content import content

    clock = FixedClock(dt.datetime(2014, 10, 14, 14, 0))
    app = live_app(store, demo.next_meeting_id, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f4")
        await type_text(pilot, "Community Trigger")
        await pilot.press("enter")
        await pilot.press("f8", "n")  # before any text
        await settled(pilot)
        await type_text(pilot, "Jim Parris introduced a report.\n\nIt was suggested that there be training.")
        screen.update_labels()
        assert screen.editor.labels == ["", "", ""]
        await pilot.press("ctrl+s")
        first = screen.minute_id
        await pilot.press("f4")
        await type_text(pilot, "Reoffending Board")
        await pilot.press("enter")
        await type_text(pilot, "One.\n\nTwo.")
        await pilot.press("f8", "n", "f8", "n")  # off, and on again
        await settled(pilot)
        second = screen.minute_id
        await type_text(pilot, "\n\nThree.")
        await pilot.press("ctrl+q")
    plain, numbered = content(store, first), content(store, second)
    assert len(plain.paragraphs) == 2 and not numbers_paragraphs(plain.paragraphs)
    assert len(numbered.paragraphs) == 3 and all(p.numbered for p in numbered.paragraphs)
