"""The 8 July 2014 meeting of the Kent Community Safety Partnership minuted from its agenda,
from the keyboard: the stored minutes are 64–74 in the order of the signed notes."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from clerk.body import parse
from clerk.demo import demo_data
from clerk.models import Action, Attachment, Attendance, Meeting, Minute, Person

from .live_helpers import build_demo_agenda, stored_minutes
from .live_pilot import FixedClock, live_app, paste, ready, settle, type_text
from .settled import settled

MEMBERS_PRESENT = [
    "cole",
    "allen",
    "beau",
    "coff",
    "bone",
    "brett",
    "cooke",
    "davi",
    "hick",
    "kadir",
    "martin",
    "king",
    "rabey",
    "smith",
    "stew",
]
OFFICERS = [
    ("Ms A Gilmour", "Kent & Medway Domestic Violence Co-ordinator"),
    ("Mr J Parris", "Community Safety Manager"),
    ("Ms D Fitch", "Democratic Services Manager (Council)"),
    ("Mr M Campbell", "Policy Officer"),
]
WITHDRAWN = "As the Chairman was not able to join the meeting for this item it was withdrawn."


def seed_minutes() -> list[dict]:
    return demo_data()["held"]["minutes"]


async def take(pilot, code: str) -> None:
    await pilot.press("f2")
    await type_text(pilot, code)
    await pilot.press("enter")


async def take_attendance(pilot) -> None:
    await pilot.press("f3")
    for name in MEMBERS_PRESENT:
        await type_text(pilot, name)
        await pilot.press("enter")
    await type_text(pilot, "hill")
    await pilot.press("tab", "a")  # apologies, on the list
    await type_text(pilot, "Ms C Gatward")
    await pilot.press("enter", "g")  # known, with no role on record: asked, a guest (also present)
    await type_text(pilot, "Mr S Nolan")
    await pilot.press("enter")  # known as an officer: in attendance with the role on his record …
    await pilot.press("tab", "g")  # … but here a guest
    for name, _role in OFFICERS:
        await type_text(pilot, name)
        await pilot.press("enter")  # known officers: their roles from their record


async def test_minute_8_july_2014_from_its_agenda(store, tmp_path):
    built = build_demo_agenda(store)
    seed = seed_minutes()
    slides = tmp_path / "stocktake.pptx"
    slides.write_bytes(b"presentation")
    clock = FixedClock(dt.datetime(2014, 7, 8, 9, 55))
    app = live_app(store, built.held_id, clock)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await ready(pilot)
        await take_attendance(pilot)
        # the Vice-Chairman takes the chair: the minute is offered, and taken first (64)
        await pilot.press("f3")
        await type_text(pilot, "cole")
        await pilot.press("tab", "c")
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        assert screen.view.current.heading == "64. Vice-Chairman in the Chair"
        await pilot.press("f7")  # the editor's own select-all; the paste replaces the offered wording
        await paste(pilot, seed[0]["body"].strip())
        clock.advance(10)

        await take(pilot, "a3")  # 65: standard wording offered; replaced by the 2014 wording
        assert screen.editor.text.startswith("RESOLVED that the notes of the meeting held on 18 March 2014")
        await pilot.press("f7")
        await paste(pilot, seed[1]["body"].strip())

        await take(pilot, "b1")  # 66
        assert screen.view.current.number == "66"
        await paste(pilot, seed[2]["body"].strip())
        await pilot.press("ctrl+t")
        await type_text(pilot, "parr")
        await pilot.press("enter")  # picks Mr J Parris, from the people in the room
        await paste(pilot, "Report the agreed criteria to the next meeting")
        await pilot.press("enter")
        await type_text(pilot, "14/10/2014")
        await pilot.press("enter")

        for code, index in (("b2", 3), ("b3", 4)):  # 67, 68
            await take(pilot, code)
            await paste(pilot, seed[index]["body"].strip())
        await pilot.press("ctrl+t")
        await paste(pilot, "DCI Andy Prichard")  # not in the room: typed
        await pilot.press("enter", "enter", "enter")

        await take(pilot, "b4")  # 69
        await paste(pilot, seed[5]["body"].strip())
        await take(pilot, "b5")  # 70, with the presentation attached
        await paste(pilot, seed[6]["body"].strip())
        await pilot.press("ctrl+o")  # the file picker; ctrl+l to type (here paste) the path
        await settled(pilot)
        await pilot.press("ctrl+l", "ctrl+u")
        await paste(pilot, str(slides))
        await pilot.press("enter")
        await settle(pilot)

        await pilot.press("f2")  # 71: B6 highlighted in the agenda, withdrawn with its sentence
        await type_text(pilot, "b6")
        await pilot.press("f9", "w", "ctrl+u")
        await paste(pilot, WITHDRAWN)
        await pilot.press("enter")
        assert screen.view.current.heading == "71. Community Safety Conference - verbal report (Item B6)"

        await take(pilot, "c1")  # 72
        await pilot.press("f7")
        await paste(pilot, "Noted")

        await take(pilot, "d1")  # 73: restricted, so the exclusion of the press and public is offered first
        await settled(pilot)
        await pilot.press("n")  # private session, without a numbered resolution (as in 2014)
        assert screen.view.private
        await paste(pilot, seed[9]["body"].strip())
        await take(pilot, "d2")  # 74: already in private session, no question
        await paste(pilot, seed[10]["body"].strip())
        await pilot.press("f10", "e", "enter")  # asked first: every item was taken
        await pilot.press("ctrl+q")

    rows = stored_minutes(store, built.held_id)
    assert [r[0] for r in rows] == list(range(64, 75))
    assert [r[1] for r in rows] == [m["title"] for m in seed]
    assert [r[2] for r in rows] == ["withdrawn" if n == 71 else "taken" for n in range(64, 75)]
    assert [n for n, *_rest in rows if _rest[2]] == [73, 74]
    for (number, _title, _state, _restricted, body), m in zip(rows, seed, strict=False):
        expected = WITHDRAWN if number == 71 else "\n\n".join(p.text for p in parse(m["body"].strip()))
        assert body == expected, number
    with store.read() as s:
        minute_ids = {r.number: r.id for r in s.exec(select(Minute)).all()}
        actions = s.exec(select(Action).order_by(Action.id)).all()
        assert [(a.minute_id, a.owner_name, a.due_date) for a in actions] == [
            (minute_ids[66], "Mr J Parris", dt.date(2014, 10, 14)),
            (minute_ids[68], "DCI Andy Prichard", None),
        ]
        assert actions[0].owner_person_id == built.people["parris"]
        assert [a.filename for a in s.exec(select(Attachment).where(Attachment.minute_id == minute_ids[70])).all()] == [
            "stocktake.pptx"
        ]
        people = {p.id: p.surname for p in s.exec(select(Person)).all()}
        att = {people[a.person_id]: a for a in s.exec(select(Attendance).where(Attendance.meeting_id == built.held_id)).all()}
        assert [name for name, a in att.items() if a.in_chair] == ["Coleman"]
        assert att["Hill"].status == "apologies"
        assert sum(a.status == "present" for a in att.values()) == 15
        assert {n for n, a in att.items() if a.status == "also_present"} == {"Gatward", "Nolan"}
        assert {(n, a.role) for n, a in att.items() if a.status == "in_attendance"} == {
            (name.split()[-1], role) for name, role in OFFICERS
        }
        assert len(people) == 22  # the people added on the fly were found, not added twice
        meeting = s.get(Meeting, built.held_id)
        assert meeting.status == "held" and meeting.started_at is not None and meeting.ended_at is not None
