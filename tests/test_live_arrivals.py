"""Attendance at the speed of the room, in clerk/live terms: people added in one line, never
merged into someone who only looks alike, known officers' roles from their record, the
previous meeting's attendance copied, and no false late arrival."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from clerk.errors import InvalidInput
from clerk.live import lock
from clerk.live.arrivals import SamePerson
from clerk.live.meeting import LiveMeeting
from clerk.live.people import looks_like_role, parse_line
from clerk.models import Attendance, Membership, Person

NOW = dt.datetime(2014, 10, 14, 10, 0)


@pytest.fixture
def live(store, demo):
    holder = lock.Holder.here()
    meeting = LiveMeeting(store, demo.next_meeting_id, holder)
    assert meeting.acquire().granted
    return meeting


def people_named(store, surname: str) -> list[Person]:
    with store.read() as s:
        return list(s.exec(select(Person).where(Person.surname == surname)).all())


def row(live, surname: str):
    return next(r for r in live.view().attendance if r.surname == surname)


def test_a_line_is_read_into_a_name_and_what_follows_it():
    line = parse_line("Ms C Gatward, Kent Police")
    assert (line.title, line.forenames, line.surname, line.detail) == ("Ms", "C", "Gatward", "Kent Police")
    line = parse_line("Mr P M Hill, OBE, Kent County Council")
    assert (line.name, line.detail) == ("Mr P M Hill, OBE", "Kent County Council")
    assert looks_like_role("Scrutiny Research Officer") and looks_like_role("Kent & Medway DV Co-ordinator")
    assert not looks_like_role("Kent Police")


def test_a_member_added_in_one_line_is_a_member_from_the_meetings_date(store, demo, live):
    arrival = live.attendance.arrival("Cllr A Gulvin, Gravesham Borough Council")
    assert arrival.person is None and arrival.similar == () and arrival.kind is None  # member or guest: asked
    before = live.view().present
    live.attendance.add("Cllr A Gulvin, Gravesham Borough Council", "member")
    view = live.view()
    assert view.present == before + 1 and row(live, "Gulvin").role is not None
    assert row(live, "Gulvin").represents == "Gravesham Borough Council"
    with store.read() as s:
        (membership,) = s.exec(select(Membership).where(Membership.person_id == row(live, "Gulvin").person_id)).all()
    assert membership.start_date == dt.date(2014, 10, 14)  # the meeting's date, not today


def test_a_known_person_added_as_a_member_is_not_duplicated(store, demo, live):
    arrival = live.attendance.arrival("Ms C Gatward, Kent Police")
    assert arrival.person is not None and arrival.person.name == "Ms C Gatward" and arrival.kind is None
    live.attendance.add("Ms C Gatward, Kent Police", "member")
    assert len(people_named(store, "Gatward")) == 1
    assert row(live, "Gatward").status.value == "present" and row(live, "Gatward").represents == "Kent Police"
    live.attendance.add("Ms C Gatward", "member")  # twice: still one person, one membership
    with store.read() as s:
        assert len(s.exec(select(Membership).where(Membership.person_id == arrival.person.person_id)).all()) == 1


def test_a_name_that_only_looks_like_a_member_is_asked_about_never_merged(store, demo, live):
    beaumont = row(live, "Beaumont")
    live.attendance.present(beaumont.person_id)
    present = live.view().present
    arrival = live.attendance.arrival("Mr S Beaumont, Community Safety Analyst")
    assert arrival.person is None and [k.name for k in arrival.similar] == ["Dr S Beaumont"]
    assert arrival.kind == "officer" and arrival.role == "Community Safety Analyst"
    with pytest.raises(SamePerson, match="Mr S Beaumont may be Dr S Beaumont"):
        live.attendance.add("Mr S Beaumont, Community Safety Analyst", "officer")
    with pytest.raises(SamePerson):
        live.attendance.add_attendee("Mr S Beaumont", "Community Safety Analyst")
    live.attendance.add("Mr S Beaumont, Community Safety Analyst", "officer", new=True)  # "no": someone new
    doctor, mister = sorted(people_named(store, "Beaumont"), key=lambda p: p.id)
    assert (doctor.title, doctor.job_title) == ("Dr", "") and (mister.title, mister.job_title) == (
        "Mr",
        "Community Safety Analyst",
    )
    assert live.view().present == present and row(live, "Beaumont").status.value == "present"
    with pytest.raises(InvalidInput, match="is a member"):  # "yes, the same": a member is not made an officer
        live.attendance.add("Mr S Beaumont", "officer", person_id=doctor.id, role="Analyst")
    with pytest.raises(InvalidInput, match="is a member"):
        live.attendance.add_attendee("Dr S Beaumont", "Analyst")
    assert people_named(store, "Beaumont")[0].job_title == ""


def test_known_officers_keep_the_role_on_their_record(store, demo, live):
    nolan = next(k for k in live.view().known if k.name == "Mr S Nolan")
    arrival = live.attendance.arrival(person_id=nolan.person_id)
    assert (arrival.kind, arrival.role) == ("officer", "Chief Finance Officer PCC")
    live.attendance.add(kind=arrival.kind, person_id=nolan.person_id, role=arrival.role)
    assert row(live, "Nolan").status.value == "in_attendance" and row(live, "Nolan").job == "Chief Finance Officer PCC"
    assert all(k.name != "Mr S Nolan" for k in live.view().known)  # on the list now
    arrival = live.attendance.arrival("Mrs A Taylor, Scrutiny Research Officer")
    assert (arrival.kind, arrival.role) == ("officer", "Scrutiny Research Officer")


def test_the_previous_meetings_attendance_is_copied_as_a_starting_point(store, demo, live):
    assert live.view().copy_from == "8 July 2014"
    copied, _change = live.attendance.copy_previous()
    assert (copied.date, copied.people) == ("8 July 2014", 19)  # 15 members present, 4 officers
    view = live.view()
    assert view.present == 15 and view.copy_from == ""
    by = {r.surname: r for r in view.attendance}
    assert by["Hill"].status is None  # apologies are the day's own
    assert by["Parris"].status.value == "in_attendance" and by["Parris"].job == "Community Safety Manager"
    assert "Gatward" not in by  # guests come once
    assert not by["Coleman"].in_chair
    live.attendance.mark(by["Brett"].person_id, "apologies")
    assert live.attendance.copy_previous()[0].people == 0  # nobody marked is changed
    assert row(live, "Brett").status.value == "apologies"
    live.take_item(next(i.row.id for i in view.items), now=NOW)
    with pytest.raises(InvalidInput, match="has started"):
        live.attendance.copy_previous()


def test_checking_in_someone_already_there_after_the_start_is_not_a_late_arrival(store, demo, live):
    allen = row(live, "Allen").person_id
    live.attendance.present(allen, now=NOW)
    minute = live.take_item(next(i.row.id for i in live.view().items), now=NOW).minute_id
    live.attendance.present(allen, minute_id=minute, now=NOW + dt.timedelta(minutes=20))
    assert row(live, "Allen").arrived_at is None
    cooke = row(live, "Cooke").person_id
    live.attendance.present(cooke, minute_id=minute, now=NOW + dt.timedelta(minutes=20))
    assert row(live, "Cooke").arrived_at == dt.time(10, 20)
    live.attendance.add("Cllr A Gulvin", "member", minute_id=minute, now=NOW + dt.timedelta(minutes=25))
    assert row(live, "Gulvin").arrived_at == dt.time(10, 25)
    with store.read() as s:
        assert s.exec(select(Attendance).where(Attendance.person_id == allen)).all()[-1].arrived_minute_id is None


def test_a_guest_and_a_substitute_added_in_one_line(store, demo, live):
    live.attendance.add("Mr K Lee, Kent Police", "guest")
    assert row(live, "Lee").status.value == "also_present" and people_named(store, "Lee")[0].organisation == "Kent Police"
    brett = row(live, "Brett").person_id
    live.attendance.present(brett)
    live.attendance.add("Mr T Jones", "substitute", substitute_for=brett)
    assert row(live, "Jones").status.value == "substitute" and row(live, "Jones").substitute_for == "Ms A Brett"
    assert row(live, "Brett").status.value == "apologies"
    with pytest.raises(InvalidInput, match="say for whom"):
        live.attendance.add("Mr U Nobody", "substitute")
    live.attendance.add("Ms R Khan, Kent Police", "officer", role="Chief Inspector")
    khan = people_named(store, "Khan")[0]
    assert (khan.job_title, khan.organisation) == ("Chief Inspector", "Kent Police")
    assert row(live, "Khan").job == "Chief Inspector"
