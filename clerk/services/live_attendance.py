"""Attendance taken in the room: checking people in by part of their name, apologies,
absences, substitutes, who is in the chair, people added on the fly, late arrivals and
early departures (with the time and the minute being taken). The Apologies minute (A1)
follows every change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ..errors import InvalidInput
from ..models import Attendance, AttendanceStatus, Committee, Meeting, Minute, Person, Role
from ..storage import Store
from . import live_wording as wording
from .attendance import AttendanceRow, attendance_rows, mark_in, record_movement, set_chair_in
from .common import clean_text, get
from .live import live_write, local
from .live_decisions import _person_named, refresh_standard_minutes
from .live_lock import Holder

TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "prof", "professor", "sir", "dame", "rev", "revd",
    "lord", "lady", "acting", "chief", "superintendent", "supt", "inspector", "insp", "ch", "dci", "di", "ds", "acc",
    "det", "sgt", "pc", "commander", "assistant", "deputy", "constable",
}


@dataclass(frozen=True)
class Change:
    changed_minutes: list[int] = field(default_factory=list)  # minutes reworded (A1, A2)
    offer: wording.Wording | None = None  # a minute to offer ("Vice-Chairman in the Chair")
    person_id: int | None = None


def parse_name(text: str) -> dict[str, str]:
    """"Ms A Gilmour", "Acting Chief Superintendent A. Rabey", "Mr P M Hill, OBE" → title,
    forenames, surname, honours."""
    text = " ".join(clean_text(text).split())
    name, _, honours = text.partition(",")
    words = name.split()
    if not words:
        raise InvalidInput("Type the person's name, such as Ms A Gilmour.")
    title: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLE_WORDS:
        title.append(words.pop(0))
    return {"title": " ".join(title), "forenames": " ".join(words[:-1]), "surname": words[-1], "honours": honours.strip()}


def match_people(rows: list[AttendanceRow] | tuple[AttendanceRow, ...], query: str) -> list[AttendanceRow]:
    """People whose name (or role, or organisation) holds every word typed: "cole", "dav col"."""
    words = query.lower().split()
    if not words:
        return list(rows)
    out = []
    for r in rows:
        hay = f"{r.name} {r.job} {r.represents}".lower()
        if all(w in hay for w in words):
            out.append(r)
    # surnames that start with the query first: typing "co" puts Coleman before Nicolson
    return sorted(out, key=lambda r: (not r.surname.lower().startswith(words[0]), rows.index(r)))


def _done(session: Session, meeting_id: int, **kw) -> Change:
    return Change(refresh_standard_minutes(session, meeting_id), **kw)


def _record(session: Session, meeting_id: int, person_id: int) -> Attendance | None:
    return session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id, Attendance.person_id == person_id)).first()


def _started(session: Session, meeting_id: int) -> bool:
    return session.exec(select(Minute.id).where(Minute.meeting_id == meeting_id)).first() is not None


def check_in(store: Store, meeting_id: int, holder: Holder, person_id: int, *, minute_id: int | None = None,
             now: dt.datetime | None = None) -> Change:
    """Present. Once the meeting has started, a check-in is a late arrival at ``minute_id``."""
    with live_write(store, meeting_id, holder) as (session, _live):
        record = _record(session, meeting_id, person_id)
        keep = {AttendanceStatus.ALSO_PRESENT.value, AttendanceStatus.IN_ATTENDANCE.value, AttendanceStatus.SUBSTITUTE.value}
        if record is None or record.status not in keep:
            record = mark_in(session, meeting_id, person_id, AttendanceStatus.PRESENT)
        if _started(session, meeting_id) and record.arrived_at is None:
            _arrive_or_leave(session, record, True, minute_id, now)
        return _done(session, meeting_id, person_id=person_id)


def set_status(store: Store, meeting_id: int, holder: Holder, person_id: int, status: str | None) -> Change:
    """Apologies, absent, present; None forgets the mark."""
    with live_write(store, meeting_id, holder) as (session, _live):
        if status is None:
            record = _record(session, meeting_id, person_id)
            if record is not None:
                session.delete(record)
                session.flush()
        else:
            mark_in(session, meeting_id, person_id, status, arrived_at=None, arrived_minute_id=None, left_at=None,
                    left_minute_id=None)
        return _done(session, meeting_id, person_id=person_id)


def _find_or_add(session: Session, meeting_id: int, name: str) -> int:
    found = _person_named(session, meeting_id, name)
    if found is not None:
        return found
    parts = parse_name(name)
    existing = session.exec(select(Person).where(Person.surname == parts["surname"], Person.forenames == parts["forenames"])).all()
    if len(existing) == 1:
        return existing[0].id
    person = Person(**parts)
    session.add(person)
    session.flush()
    return person.id


def substitute(store: Store, meeting_id: int, holder: Holder, member_id: int, name: str) -> Change:
    """``name`` attends as a substitute for the member; the member has sent apologies."""
    with live_write(store, meeting_id, holder) as (session, _live):
        person_id = _find_or_add(session, meeting_id, name)
        if person_id == member_id:
            raise InvalidInput("A member cannot substitute for themselves.")
        mark_in(session, meeting_id, person_id, AttendanceStatus.SUBSTITUTE, substitute_for_id=member_id)
        record = _record(session, meeting_id, member_id)
        if record is None or record.status in (AttendanceStatus.ABSENT.value, AttendanceStatus.PRESENT.value):
            mark_in(session, meeting_id, member_id, AttendanceStatus.APOLOGIES)
        return _done(session, meeting_id, person_id=person_id)


def take_chair(store: Store, meeting_id: int, holder: Holder, person_id: int | None) -> Change:
    """Who is in the chair. When the vice-chair takes it, the "Vice-Chairman in the Chair"
    minute is offered (unless there is one already)."""
    with live_write(store, meeting_id, holder) as (session, _live):
        set_chair_in(session, meeting_id, person_id)
        offer = None
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        row = next((r for r in attendance_rows(session, meeting_id) if r.person_id == person_id), None)
        if row is not None and row.role is Role.VICE_CHAIR:
            words = wording.vice_chair_in_the_chair(committee)
            exists = session.exec(select(Minute.id).where(Minute.meeting_id == meeting_id, Minute.title == words.title)).first()
            offer = None if exists else words
        return _done(session, meeting_id, offer=offer, person_id=person_id)


def add_person(store: Store, meeting_id: int, holder: Holder, name: str, role: str = "", *,
               status: str | None = None) -> Change:
    """Someone not on the list: "in attendance" with their role, or "also present"."""
    role = clean_text(role).strip()
    status = status or (AttendanceStatus.IN_ATTENDANCE if role else AttendanceStatus.ALSO_PRESENT)
    with live_write(store, meeting_id, holder) as (session, _live):
        person_id = _find_or_add(session, meeting_id, name)
        if role:
            person = get(session, Person, person_id, "person")
            if not person.job_title:
                person.job_title = role
                session.add(person)
        mark_in(session, meeting_id, person_id, status, role=role)
        return _done(session, meeting_id, person_id=person_id)


def _arrive_or_leave(session: Session, record: Attendance, arrived: bool, minute_id: int | None, now: dt.datetime | None) -> None:
    record_movement(session, record, arrived, minute_id, local(now).time().replace(second=0, microsecond=0))


def arrive_or_leave(store: Store, meeting_id: int, holder: Holder, person_id: int, *, arrived: bool,
                    minute_id: int | None, now: dt.datetime | None = None) -> Change:
    """A late arrival or an early departure, at the time and the minute being taken."""
    with live_write(store, meeting_id, holder) as (session, _live):
        record = _record(session, meeting_id, person_id)
        if record is None or record.status in (AttendanceStatus.APOLOGIES.value, AttendanceStatus.ABSENT.value):
            record = mark_in(session, meeting_id, person_id, AttendanceStatus.PRESENT)
        _arrive_or_leave(session, record, arrived, minute_id, now)
        return _done(session, meeting_id, person_id=person_id)


def status_glyph(row: AttendanceRow) -> str:
    """One character for the attendance list."""
    if row.left_at is not None:
        return "←"
    return {None: "·", "present": "✓", "substitute": "S", "apologies": "A", "absent": "✗", "also_present": "+",
            "in_attendance": "i"}[row.status.value if row.status else None]


def describe(row: AttendanceRow, minute_numbers: dict[int, str] | None = None, *, chair_title: str = "Chairman",
             vice_chair_title: str = "Vice-Chairman") -> str:
    """"Mr David Coleman (Vice-Chairman) – in the chair", "Ms S Davison – arrived 10.40, minute 67"."""
    numbers = minute_numbers or {}
    bits = []
    if row.status is AttendanceStatus.SUBSTITUTE and row.substitute_for:
        bits.append(f"for {row.substitute_for}")
    if row.status is AttendanceStatus.APOLOGIES:
        bits.append("apologies")
    if row.status is AttendanceStatus.ABSENT:
        bits.append("absent")
    if row.status is AttendanceStatus.ALSO_PRESENT:
        bits.append("also present")
    if row.status is AttendanceStatus.IN_ATTENDANCE:
        bits.append(row.job or "in attendance")
    if row.in_chair:
        bits.append("in the chair")
    for label, at, minute in (("arrived", row.arrived_at, row.arrived_minute_id), ("left", row.left_at, row.left_minute_id)):
        if at is not None:
            where = f", minute {numbers[minute]}" if minute in numbers else ""
            bits.append(f"{label} {at:%H.%M}{where}")
    role = {Role.CHAIR: f" ({chair_title})", Role.VICE_CHAIR: f" ({vice_chair_title})"}.get(row.role, "") if row.role else ""
    return f"{row.name}{role}" + (f" – {', '.join(bits)}" if bits else "")

