"""The 8 July 2014 meeting of the Kent Community Safety Partnership minuted through the
LiveMeeting itself, one method per thing the clerk did in the room: the stored minutes are
64–74 in the order of the signed notes, 73 and 74 in private session, the Vice-Chairman in
the chair."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from clerk.body import parse
from clerk.demo import demo_data
from clerk.errors import ClerkError, InvalidInput
from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.models import Action, Attendance, Meeting, Minute, Person

from .live_helpers import build_demo_agenda, stored_minutes

NOW = dt.datetime(2014, 7, 8, 10, 0)
MEMBERS = [
    "coleman",
    "allen",
    "beaumont",
    "coffey",
    "boneknell",
    "brett",
    "cooke",
    "davison",
    "hicks",
    "kadir",
    "martin",
    "king",
    "rabey",
    "smith",
    "stewart",
]
OFFICERS = [
    ("Ms A Gilmour", "Kent & Medway Domestic Violence Co-ordinator"),
    ("Mr J Parris", "Community Safety Manager"),
    ("Ms D Fitch", "Democratic Services Manager (Council)"),
    ("Mr M Campbell", "Policy Officer"),
]
WITHDRAWN = "As the Chairman was not able to join the meeting for this item it was withdrawn."


@pytest.fixture
def built(store):
    return build_demo_agenda(store)


@pytest.fixture
def meeting(store, built):
    live = LiveMeeting(store, built.held_id, lock.Holder.here())
    assert live.acquire().granted
    return live


def test_8_july_2014_minuted_through_the_live_meeting(store, built, meeting):
    seed = demo_data()["held"]["minutes"]
    body = {n: seed[n - 64]["body"].strip() for n in range(64, 75)}
    for key in MEMBERS:
        assert meeting.attendance.present(built.people[key], now=NOW).person_id == built.people[key]
    assert meeting.attendance.mark(built.people["hill"], "apologies").changed_minutes == []  # A1 not taken yet
    for name in ("Ms C Gatward", "Mr S Nolan"):
        meeting.attendance.add_attendee(name)
    for name, role in OFFICERS:
        meeting.attendance.add_attendee(name, role)

    chair = meeting.attendance.chair(built.people["coleman"])  # the Vice-Chairman: a minute is offered
    assert chair.offer is not None and chair.offer.title == "Vice-Chairman in the Chair"
    m64 = meeting.add_minute(chair.offer.title, chair.offer.body, now=NOW)
    meeting.save_text(m64, body[64])
    assert meeting.attendance.chair(built.people["coleman"]).offer is None  # offered once

    a3 = meeting.take_item(built.items["A3"], now=NOW)
    assert a3.created and a3.sign_offer == ""  # 18 March 2014 is not in clerk: nothing to sign
    meeting.save_text(a3.minute_id, body[65])
    for code, number in (("B1", 66), ("B2", 67), ("B3", 68), ("B4", 69), ("B5", 70)):
        taken = meeting.take_item(built.items[code], now=NOW)
        assert meeting.view().current.number == str(number)
        meeting.save_text(taken.minute_id, body[number])
        if code == "B1":
            meeting.record.add_action(
                taken.minute_id, "Mr J Parris", "Report the agreed criteria to the next meeting", dt.date(2014, 10, 14)
            )
        if code == "B3":
            meeting.record.add_action(taken.minute_id, "DCI Andy Prichard")
    assert meeting.take_item(built.items["B1"]).created is False  # going back to 66 takes nothing new
    m71 = meeting.set_item_state("withdrawn", WITHDRAWN, item_id=built.items["B6"], now=NOW)
    assert meeting.view().minute(m71).heading == "71. Community Safety Conference - verbal report (Item B6)"
    c1 = meeting.take_item(built.items["C1"], now=NOW)
    meeting.save_text(c1.minute_id, body[72])

    assert meeting.exclusion_offer(built.items["D1"]) is not None  # restricted: the resolution is offered
    private = meeting.go_private(with_minute=False)
    assert private.private and private.minute_id is None
    assert meeting.exclusion_offer(built.items["D1"]) is None  # already in private session
    for code, number in (("D1", 73), ("D2", 74)):
        meeting.save_text(meeting.take_item(built.items[code], now=NOW).minute_id, body[number])
    view = meeting.view()
    assert view.private and [m.number for m in view.minutes if m.restricted] == ["73", "74"]
    ended = meeting.end(now=dt.datetime(2014, 7, 8, 12, 30))
    assert ended.hour == 12 and not meeting.view().private

    rows = stored_minutes(store, built.held_id)
    assert [r[0] for r in rows] == list(range(64, 75))
    assert [r[1] for r in rows] == [m["title"] for m in seed]
    assert [r[2] for r in rows] == ["withdrawn" if n == 71 else "taken" for n in range(64, 75)]
    assert [n for n, *rest in rows if rest[2]] == [73, 74]
    for number, _title, _state, _restricted, text in rows:
        expected = WITHDRAWN if number == 71 else "\n\n".join(p.text for p in parse(body[number]))
        assert text == expected, number
    with store.read() as s:
        ids = {m.number: m.id for m in s.exec(select(Minute).where(Minute.meeting_id == built.held_id)).all()}
        actions = s.exec(select(Action).order_by(Action.id)).all()
        assert [(a.minute_id, a.owner_name, a.owner_person_id) for a in actions] == [
            (ids[66], "Mr J Parris", built.people["parris"]),
            (ids[68], "DCI Andy Prichard", None),
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
        held = s.get(Meeting, built.held_id)
        assert held.status == "held" and held.started_at is not None and held.ended_at is not None


def test_a_refused_change_raises_and_writes_nothing(store, built, meeting):
    first = meeting.take_item(built.items["A1"], now=NOW).minute_id
    with pytest.raises(InvalidInput, match="already the first"):
        meeting.order.move(first, -1)
    with pytest.raises(ClerkError, match="another window"):
        LiveMeeting(store, built.held_id, lock.Holder.here()).add_minute("Any other business")
    assert [m.id for m in meeting.view().minutes] == [first]


def test_the_vice_chairman_in_the_chair_minute_brings_its_sentence(store, built, meeting):
    """Picked as the title of a minute with no item (F4), it brings the house sentence, as the
    chair's mark does; F8 w inserts it again; another title brings nothing."""
    vice = meeting.add_minute("Vice-Chairman in the Chair", now=NOW)
    other = meeting.add_minute("Thanks to a retiring member", now=NOW)
    texts = {m[1]: m[4] for m in stored_minutes(store, built.held_id)}
    assert texts["Vice-Chairman in the Chair"] == (
        "As the Chairman was not able to attend the meeting the Vice-Chairman took the chair."
    )
    assert texts["Thanks to a retiring member"] == ""
    assert meeting.standard_wording(vice).startswith("As the Chairman was not able")
    assert meeting.standard_wording(other) == ""
