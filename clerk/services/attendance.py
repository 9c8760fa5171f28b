"""Who was there: present, apologies, substitutes, also present, in attendance, the chair,
late arrivals and early departures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from ..errors import InvalidInput
from ..ids import id_of
from ..models import Attendance, AttendanceStatus, Committee, Meeting, Membership, Minute, Person, Role
from ..storage import Store
from .committees import display_name
from .common import clean_text, ensure_editable, get

MEMBER_STATUSES = {AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE}


@dataclass(frozen=True)
class AttendanceRow:
    person_id: int
    name: str  # "Mr P M Hill, OBE"
    surname: str
    status: AttendanceStatus | None  # None: a member not yet marked
    role: Role | None  # committee role, for members
    job: str  # "Community Safety Manager" for those in attendance
    in_chair: bool
    substitute_for: str
    represents: str
    arrived_minute_id: int | None
    arrived_at: dt.time | None
    left_minute_id: int | None
    left_at: dt.time | None
    position: int

    @property
    def counts_to_quorum(self) -> bool:
        return self.status in MEMBER_STATUSES and self.left_at is None


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = get(session, Meeting, meeting_id, "meeting")
    ensure_editable(meeting)
    return meeting


def members_on(session: Session, committee_id: int, date: dt.date) -> list[tuple[Membership, Person]]:
    rows = session.exec(
        select(Membership, Person)
        .join(Person, col(Person.id) == Membership.person_id)
        .where(Membership.committee_id == committee_id)
    ).all()
    out = []
    for membership, person in rows:
        if membership.start_date and membership.start_date > date:
            continue
        if membership.end_date and membership.end_date < date:
            continue
        out.append((membership, person))
    order = {Role.CHAIR: 0, Role.VICE_CHAIR: 1, Role.MEMBER: 2, Role.SUBSTITUTE: 3}
    return sorted(out, key=lambda mp: (order[Role(mp[0].role)], mp[1].surname.lower(), mp[1].forenames.lower()))


def list_attendance(store: Store, meeting_id: int) -> list[AttendanceRow]:
    """Every current member (marked or not), then everyone else recorded for the meeting."""
    with store.read() as session:
        return attendance_rows(session, meeting_id)


def attendance_rows(session: Session, meeting_id: int) -> list[AttendanceRow]:
    meeting = get(session, Meeting, meeting_id, "meeting")
    records = {a.person_id: a for a in session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id)).all()}
    people = {id_of(p): p for p in session.exec(select(Person)).all()} if records else {}
    rows: list[AttendanceRow] = []
    seen: set[int] = set()
    for membership, person in members_on(session, meeting.committee_id, meeting.date):
        if person.id in seen:
            continue
        seen.add(id_of(person))
        people.setdefault(id_of(person), person)
        rows.append(_row(person, records.get(id_of(person)), Role(membership.role), membership.represents, people))
    for pid, record in records.items():
        if pid not in seen:
            person = people.get(pid) or get(session, Person, pid, "person")
            rows.append(_row(person, record, None, "", people))
    return rows


def _row(
    person: Person, record: Attendance | None, role: Role | None, represents: str, people: dict[int, Person]
) -> AttendanceRow:
    sub_for = ""
    if record and record.substitute_for_id:
        other = people.get(record.substitute_for_id)
        sub_for = display_name(other) if other else ""
    return AttendanceRow(
        person_id=id_of(person),
        name=display_name(person),
        surname=person.surname,
        status=AttendanceStatus(record.status) if record else None,
        role=role,
        job=(record.role if record and record.role else person.job_title),
        in_chair=bool(record and record.in_chair),
        substitute_for=sub_for,
        represents=represents or person.organisation,
        arrived_minute_id=record.arrived_minute_id if record else None,
        arrived_at=record.arrived_at if record else None,
        left_minute_id=record.left_minute_id if record else None,
        left_at=record.left_at if record else None,
        position=record.position if record else 0,
    )


def mark_in(session: Session, meeting_id: int, person_id: int, status: AttendanceStatus | str, **values: Any) -> Attendance:
    meeting = _meeting(session, meeting_id)
    get(session, Person, person_id, "person")
    try:
        status = AttendanceStatus(status)
    except ValueError:
        raise InvalidInput(f"'{status}' is not an attendance status.") from None
    if "role" in values:
        values["role"] = clean_text(values["role"]).strip()
    record = session.exec(
        select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.person_id == person_id)
    ).first()
    if record is None:
        count = len(session.exec(select(Attendance.id).where(Attendance.meeting_id == meeting.id)).all())
        record = Attendance(meeting_id=id_of(meeting), person_id=person_id, position=count)
    record.status = status
    if status is AttendanceStatus.SUBSTITUTE:
        sub_for = values.get("substitute_for_id", record.substitute_for_id)
        if not sub_for:
            raise InvalidInput("A substitute stands in for a member; say for whom.")
        if sub_for == person_id:
            raise InvalidInput("A member cannot substitute for themselves.")
    elif "substitute_for_id" not in values:
        record.substitute_for_id = None
    if status not in MEMBER_STATUSES and record.in_chair:
        record.in_chair = False
    for key, value in values.items():
        if not hasattr(record, key) or key in {"id", "meeting_id", "person_id"}:
            raise InvalidInput(f"Attendance has no setting '{key}'.")
        setattr(record, key, value)
    session.add(record)
    session.flush()
    return record


def mark(store: Store, meeting_id: int, person_id: int, status: AttendanceStatus | str, **values: Any) -> Attendance:
    with store.write() as session:
        return mark_in(session, meeting_id, person_id, status, **values)


def clear(store: Store, meeting_id: int, person_id: int) -> None:
    """Forget a mark (a member ticked by mistake goes back to unmarked)."""
    with store.write() as session:
        clear_in(session, meeting_id, person_id)


def clear_in(session: Session, meeting_id: int, person_id: int) -> None:
    _meeting(session, meeting_id)
    record = record_of(session, meeting_id, person_id)
    if record:
        session.delete(record)
        session.flush()


def record_of(session: Session, meeting_id: int, person_id: int) -> Attendance | None:
    """The person's attendance at the meeting (None: not marked)."""
    return session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.person_id == person_id)).first()


def set_chair_in(session: Session, meeting_id: int, person_id: int | None) -> None:
    """Who is in the chair for this meeting (None: the committee's chair, as usual)."""
    _meeting(session, meeting_id)
    for record in session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id)).all():
        if record.in_chair and record.person_id != person_id:
            record.in_chair = False
            session.add(record)
    if person_id is not None:
        chair = session.exec(
            select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.person_id == person_id)
        ).first()
        if chair is None or chair.status not in (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE):
            chair = mark_in(session, meeting_id, person_id, AttendanceStatus.PRESENT)
        chair.in_chair = True
        session.add(chair)
    session.flush()


def set_chair(store: Store, meeting_id: int, person_id: int | None) -> None:
    with store.write() as session:
        set_chair_in(session, meeting_id, person_id)


def arrive_or_leave(
    store: Store, meeting_id: int, person_id: int, *, arrived: bool, minute_id: int | None, at: dt.time | None = None
) -> Attendance:
    """A late arrival or an early departure, at the minute being taken and the time."""
    at = at or dt.datetime.now().time().replace(second=0, microsecond=0)
    with store.write() as session:
        _meeting(session, meeting_id)
        record = session.exec(
            select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.person_id == person_id)
        ).first()
        if record is None:
            record = mark_in(session, meeting_id, person_id, AttendanceStatus.PRESENT)
        record_movement(session, record, arrived, minute_id, at)
        return record


def record_movement(session: Session, record: Attendance, arrived: bool, minute_id: int | None, at: dt.time) -> None:
    """A late arrival or an early departure: the time, and the minute it happened at."""
    if minute_id is not None and get(session, Minute, minute_id, "minute").meeting_id != record.meeting_id:
        raise InvalidInput("That minute belongs to another meeting.")
    if arrived:
        record.arrived_minute_id, record.arrived_at = minute_id, at
    else:
        record.left_minute_id, record.left_at = minute_id, at
    session.add(record)
    session.flush()


def quorum_of(store: Store, meeting_id: int) -> tuple[int, int | None]:
    """(members present now, the committee's quorum)."""
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        present = sum(
            1
            for r in attendance_rows(session, meeting_id)
            if (r.role is not None or r.status is AttendanceStatus.SUBSTITUTE) and r.counts_to_quorum
        )
        return present, committee.quorum
