"""Attendance at the speed of the room, through the live screen: the previous meeting copied
in one key, people added in one line, a look-alike asked about (never merged), known
officers with their roles, and the highlight staying on the person just marked."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select
from textual import events

from clerk.models import Attendance, Membership, Person

from .live_pilot import FixedClock, live_app, ready, type_text
from .settled import settled


def attendance(store, meeting_id: int) -> dict[str, tuple[str, str]]:
    """ "Dr Beaumont" → (status, role) at the meeting."""
    with store.read() as s:
        people = {p.id: p for p in s.exec(select(Person)).all()}
        rows = s.exec(select(Attendance).where(Attendance.meeting_id == meeting_id)).all()
        return {f"{people[a.person_id].title} {people[a.person_id].surname}": (a.status, a.role) for a in rows}


async def test_the_room_recorded_from_the_keyboard(store, demo):
    clock = FixedClock(dt.datetime(2014, 10, 14, 9, 55))
    app = live_app(store, demo.next_meeting_id, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f3", "enter")  # the first row: copy who came on 8 July 2014
        await settled(pilot)
        assert screen.view.present == 15
        for name in ("bre", "hil"):
            await type_text(pilot, name)
            await pilot.press("tab", "a")  # apologies; the filter is ready for the next name
        await type_text(pilot, "gatw")
        await pilot.press("enter", "m")  # a known guest becomes a member (one person, not two)
        await type_text(pilot, "Cllr A Gulvin")
        await pilot.press("enter", "m")  # someone new, a member from the meeting's date
        await type_text(pilot, "nol")
        await pilot.press("enter")  # a known officer: the role from his record
        await type_text(pilot, "Mrs A Taylor, Scrutiny Research Officer")
        await pilot.press("enter")  # reads as a role: in attendance, nothing asked
        await type_text(pilot, "Mr S Beaumont, Community Safety Analyst")
        await pilot.press("enter")
        await settled(pilot)
        assert "Same as Dr S Beaumont?" in str(app.screen.title_text)
        await pilot.press("n")  # someone new
        await settled(pilot)
        assert screen.view.present == 16
        await pilot.press("ctrl+q")
    got = attendance(store, demo.next_meeting_id)
    assert sorted(n for n, (s, _) in got.items() if s == "apologies") == ["Mr Hill", "Ms Brett"]
    assert sum(s == "present" for s, _ in got.values()) == 16
    officers = {n: r for n, (s, r) in got.items() if s == "in_attendance"}
    assert officers == {
        "Ms Gilmour": "Kent & Medway Domestic Violence Co-ordinator",
        "Mr Parris": "Community Safety Manager",
        "Ms Fitch": "Democratic Services Manager (Council)",
        "Mr Campbell": "Policy Officer",
        "Mr Nolan": "Chief Finance Officer PCC",
        "Mrs Taylor": "Scrutiny Research Officer",
        "Mr Beaumont": "Community Safety Analyst",
    }
    assert got["Dr Beaumont"] == ("present", "")  # still a member
    with store.read() as s:
        assert len(s.exec(select(Person).where(Person.surname == "Gatward")).all()) == 1
        gulvin = s.exec(select(Person).where(Person.surname == "Gulvin")).one()
        (membership,) = s.exec(select(Membership).where(Membership.person_id == gulvin.id)).all()
        assert membership.start_date == dt.date(2014, 10, 14)


async def test_saying_it_is_the_same_person_marks_the_member_present(store, demo):
    app = live_app(store, demo.next_meeting_id, FixedClock(dt.datetime(2014, 10, 14, 9, 55)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f3")
        await type_text(pilot, "Mr S Beaumont, Community Safety Analyst")
        await pilot.press("enter", "y")
        await settled(pilot)
        assert screen.view.present == 1
        await pilot.press("ctrl+q")
    got = attendance(store, demo.next_meeting_id)
    assert got == {"Dr Beaumont": ("present", "")}
    with store.read() as s:
        (beaumont,) = s.exec(select(Person).where(Person.surname == "Beaumont")).all()
        assert (beaumont.title, beaumont.job_title) == ("Dr", "")


async def test_the_highlight_stays_on_the_person_just_marked(store, demo):
    clock = FixedClock(dt.datetime(2014, 10, 14, 10, 0))
    app = live_app(store, demo.next_meeting_id, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f3")
        for name in ("cole", "allen", "king"):
            await type_text(pilot, name)
            await pilot.press("enter")
        await pilot.press("f2", "a", "1", "enter")  # the meeting has started
        clock.advance(20)
        await pilot.press("f3")
        await type_text(pilot, "king")
        await pilot.press("tab", "u")  # unmarked by mistake …
        await settled(pilot)
        panel = screen.query_one("#attendance-panel")
        assert panel.highlighted_id() == f"person-{next(r.person_id for r in screen.view.attendance if r.surname == 'King')}"
        await pilot.press("enter")  # … and marked again: King, not the first on the list
        await type_text(pilot, "cole")
        await pilot.press("enter")  # already there: not a late arrival
        await pilot.press("ctrl+q")
    with store.read() as s:
        people = {p.id: p.surname for p in s.exec(select(Person)).all()}
        rows = {people[a.person_id]: a for a in s.exec(select(Attendance)).all() if a.meeting_id == demo.next_meeting_id}
    assert set(rows) == {"Coleman", "Allen", "King"}
    assert rows["Coleman"].arrived_at is None and rows["Allen"].arrived_at is None
    assert rows["King"].status == "present" and rows["King"].arrived_at == dt.time(10, 20)  # he was unmarked: arrives now


async def test_what_cannot_be_guessed_is_asked_one_key_at_a_time(store, demo):
    app = live_app(store, demo.next_meeting_id, FixedClock(dt.datetime(2014, 10, 14, 9, 55)))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f3")
        await type_text(pilot, "Mr K Lee, Kent Police")
        await pilot.press("enter", "g")  # a guest
        await type_text(pilot, "Ms R Khan, Kent Police")
        await pilot.press("enter", "o")  # an officer: her role is asked
        await type_text(pilot, "Chief Inspector")
        await pilot.press("enter")
        await type_text(pilot, "brett")
        await pilot.press("tab", "s")  # a substitute for Ms A Brett
        await type_text(pilot, "Mr T Jones")
        await pilot.press("enter")
        await type_text(pilot, "Ms P Hart")
        await pilot.press("enter", "s")  # a substitute, from the one line: for whom is asked
        await type_text(pilot, "coffey")
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("ctrl+q")
    got = attendance(store, demo.next_meeting_id)
    assert got["Mr Lee"] == ("also_present", "") and got["Ms Khan"] == ("in_attendance", "Chief Inspector")
    assert got["Mr Jones"][0] == "substitute" and got["Ms Brett"][0] == "apologies"
    assert got["Ms Hart"][0] == "substitute" and got["Mrs Coffey"][0] == "apologies"


async def test_keys_sent_in_one_burst_mark_the_person_typed(store, demo):
    """ "bre" Tab a "hil" Tab a arriving at once (as a terminal sends them): Brett and Hill."""
    app = live_app(store, demo.next_meeting_id, FixedClock(dt.datetime(2014, 10, 14, 9, 55)))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f3", "enter")
        await settled(pilot)
        for key in ["b", "r", "e", "tab", "a", "h", "i", "l", "tab", "a"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await settled(pilot)
        by = {r.surname: r.status.value for r in screen.view.attendance if r.status}
        assert (by["Brett"], by["Hill"]) == ("apologies", "apologies")
        assert screen.view.present == 14
        await pilot.press("ctrl+q")
