"""Someone not yet on the attendance list, added in one line: ``Ms C Gatward, Kent Police``.

The line is read into a name and what follows it (a role, or the body the person speaks
for); the person is found (never merged into someone who only looks alike: a person with
the same initials and surname but another title is asked about) and what they are at the
meeting is guessed where it can be: a known officer keeps the role on their record, a line
whose detail reads as a job ("Scrutiny Research Officer") is an officer in attendance.
What cannot be guessed (member, officer, guest or substitute) is left to ask."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..models import Attendance, AttendanceStatus, Meeting, Membership, Minute, Person, Role
from ..services.attendance import attendance_rows, mark_in, members_on, record_of
from ..services.committees import display_name
from ..services.common import clean_text, get
from ..services.people import SamePerson
from ..services.people import find_person as find_named
from ..wording import long_date
from .people import Known, Line, looks_like_role, parse_line

MEMBER, OFFICER, GUEST, SUBSTITUTE = "member", "officer", "guest", "substitute"
KINDS = (MEMBER, OFFICER, GUEST, SUBSTITUTE)


@dataclass(frozen=True)
class Arrival:
    """What adding a line (or a known person) would do, and what is left to ask."""

    line: Line
    person: Known | None  # the known person it is (None: someone new)
    similar: tuple[Known, ...]  # people it might be, to ask about first
    kind: str | None  # member / officer / guest / substitute; None: to ask
    role: str  # an officer's role: typed, or from their record


def find_person(session: Session, line: Line) -> tuple[Person | None, list[Person]]:
    """(the person the line names exactly, the people it only looks like): clerk's one rule."""
    return find_named(session, line.title, line.forenames, line.surname)


def mid(row: Meeting | Person) -> int:
    """The id of a stored row."""
    assert row.id is not None
    return row.id


def _member_ids(session: Session, meeting: Meeting) -> set[int]:
    return {p.id for _m, p in members_on(session, meeting.committee_id, meeting.date) if p.id is not None}


def known_in(session: Session, meeting: Meeting, person: Person) -> Known:
    record = record_of(session, mid(meeting), mid(person))
    bits = []
    if mid(person) in _member_ids(session, meeting):
        bits.append("member")
    if record is not None:
        bits.append(AttendanceStatus(record.status).value.replace("_", " "))
    bits += [b for b in (person.job_title, person.organisation) if b]
    return Known(mid(person), display_name(person), ", ".join(bits) or "no role on record")


def arrival_in(session: Session, meeting_id: int, text: str = "", person_id: int | None = None) -> Arrival:
    """What adding the line typed (or the known person chosen) would do."""
    meeting = get(session, Meeting, meeting_id, "meeting")
    line = parse_line(text) if text.strip() else None
    person: Person | None = None
    similar: list[Person] = []
    if person_id is not None:
        person = get(session, Person, person_id, "person")
    elif line is not None:
        person, similar = find_person(session, line)
    else:
        raise InvalidInput("Type the person's name, such as Ms C Gatward, Kent Police.")
    if line is None and person is not None:
        line = Line(person.title, person.forenames, person.surname, person.honours, "")
    assert line is not None
    kind, role = None, ""
    if person is not None and mid(person) in _member_ids(session, meeting):
        kind = MEMBER
    elif line.detail and looks_like_role(line.detail):
        kind, role = OFFICER, line.detail
    elif person is not None and person.job_title and not line.detail:
        kind, role = OFFICER, person.job_title
    return Arrival(
        line,
        known_in(session, meeting, person) if person else None,
        tuple(known_in(session, meeting, p) for p in similar),
        kind,
        role,
    )


def started_in(session: Session, meeting_id: int) -> bool:
    return session.exec(select(Minute.id).where(Minute.meeting_id == meeting_id)).first() is not None


def person_for(session: Session, line: Line, person_id: int | None, new: bool) -> Person:
    """The person to record: the one chosen, the one named exactly, or someone new (only when
    nobody looks alike, or when told it is someone new)."""
    if person_id is not None:
        return get(session, Person, person_id, "person")
    exact, alike = find_person(session, line)
    if exact is not None:
        return exact
    if alike and not new:
        raise SamePerson(line.name, [display_name(p) for p in alike])
    if not line.surname:
        raise InvalidInput("Type the person's name, such as Ms A Gilmour.")
    person = Person(title=line.title, forenames=line.forenames, surname=line.surname, honours=line.honours)
    session.add(person)
    session.flush()
    return person


def join_in(session: Session, meeting: Meeting, person: Person, represents: str) -> None:
    """A member from the meeting's date (a membership that starts later is brought forward)."""
    if mid(person) in _member_ids(session, meeting):
        return
    later = session.exec(
        select(Membership).where(
            Membership.committee_id == meeting.committee_id,
            Membership.person_id == mid(person),
            Membership.start_date > meeting.date,  # type: ignore[operator]
        )
    ).first()
    membership = later or Membership(committee_id=meeting.committee_id, person_id=mid(person), role=Role.MEMBER)
    membership.start_date = meeting.date
    membership.represents = membership.represents or represents
    session.add(membership)
    session.flush()


def fill_in(person: Person, **values: str) -> None:
    """Details the record lacks, taken from the line typed; a detail on record is never overwritten."""
    for key, value in values.items():
        if value and not getattr(person, key):
            setattr(person, key, value)


def record_arrival(
    session: Session, meeting: Meeting, person: Person, kind: str, detail: str, role: str, substitute_for: int | None
) -> Attendance:
    """Record the person as a member present, an officer in attendance, a guest or a substitute."""
    members = _member_ids(session, meeting)
    if kind == MEMBER:
        join_in(session, meeting, person, detail)
        fill_in(person, organisation=detail)
        record = record_of(session, mid(meeting), mid(person))
        if record is not None and record.status == AttendanceStatus.PRESENT.value:
            return record
        return mark_in(session, mid(meeting), mid(person), AttendanceStatus.PRESENT)
    if mid(person) in members:
        raise InvalidInput(f"{display_name(person)} is a member: they are marked present, not {kind}.")
    if kind == OFFICER:
        role = clean_text(role or detail or person.job_title).strip()
        fill_in(person, job_title=role, organisation=detail if detail != role else "")
        return mark_in(session, mid(meeting), mid(person), AttendanceStatus.IN_ATTENDANCE, role=role)
    if kind == GUEST:
        fill_in(person, organisation=detail)
        return mark_in(session, mid(meeting), mid(person), AttendanceStatus.ALSO_PRESENT, role="")
    if kind == SUBSTITUTE:
        if substitute_for is None or substitute_for not in members:
            raise InvalidInput("A substitute stands in for a member; say for whom.")
        record = mark_in(session, mid(meeting), mid(person), AttendanceStatus.SUBSTITUTE, substitute_for_id=substitute_for)
        theirs = record_of(session, mid(meeting), substitute_for)
        if theirs is None or theirs.status in (AttendanceStatus.ABSENT.value, AttendanceStatus.PRESENT.value):
            mark_in(session, mid(meeting), substitute_for, AttendanceStatus.APOLOGIES)
        return record
    raise InvalidInput(f"'{kind}' is not a way to attend; use {', '.join(KINDS)}.")


@dataclass(frozen=True)
class Copied:
    date: str  # "8 July 2014": the meeting copied
    people: int  # how many were marked


def previous_meeting_in(session: Session, meeting: Meeting) -> Meeting | None:
    """The committee's last meeting before this one with attendance recorded."""
    recorded = select(Attendance.id).where(Attendance.meeting_id == Meeting.id).exists()
    q = select(Meeting).where(Meeting.committee_id == meeting.committee_id, Meeting.date < meeting.date, recorded)
    return session.exec(q.order_by(col(Meeting.date).desc()).limit(1)).first()


def copy_previous_in(session: Session, meeting: Meeting) -> Copied:
    """The previous meeting's members present (still members) and officers in attendance (with
    their roles), as a starting point: nobody already marked is changed; apologies, guests and
    substitutes are the day's own and are not copied."""
    if started_in(session, mid(meeting)):
        raise InvalidInput("The meeting has started: mark who is there one by one (a copy would hide late arrivals).")
    previous = previous_meeting_in(session, meeting)
    if previous is None:
        raise InvalidInput("No earlier meeting of this committee has its attendance recorded.")
    members = _member_ids(session, meeting)
    marked = {r.person_id for r in attendance_rows(session, mid(meeting)) if r.status is not None}
    records = session.exec(
        select(Attendance).where(Attendance.meeting_id == previous.id).order_by(col(Attendance.position))
    ).all()
    count = 0
    for r in records:
        if r.person_id in marked:
            continue
        if r.status == AttendanceStatus.PRESENT.value and r.person_id in members:
            mark_in(session, mid(meeting), r.person_id, AttendanceStatus.PRESENT)
        elif r.status == AttendanceStatus.IN_ATTENDANCE.value and r.person_id not in members:
            mark_in(session, mid(meeting), r.person_id, AttendanceStatus.IN_ATTENDANCE, role=r.role)
        else:
            continue
        count += 1
    return Copied(long_date(previous.date) if isinstance(previous.date, dt.date) else str(previous.date), count)


def known_people_in(session: Session, meeting: Meeting) -> tuple[Known, ...]:
    """Everyone in clerk not on this meeting's list: to add by typing part of their name."""
    listed = {r.person_id for r in attendance_rows(session, mid(meeting))}
    people = session.exec(select(Person).order_by(Person.surname, Person.forenames)).all()
    return tuple(
        Known(mid(p), display_name(p), ", ".join(b for b in (p.job_title, p.organisation) if b))
        for p in people
        if p.id not in listed and p.id is not None
    )
