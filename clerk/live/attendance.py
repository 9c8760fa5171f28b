"""Attendance taken in the room: people checked in, apologies, absences, substitutes, who is
in the chair, people added on the fly, late arrivals and early departures (with the time and
the minute being taken). The Apologies minute (A1) follows every change."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlmodel import Session, select

from ..errors import InvalidInput
from ..ids import id_of
from ..models import Attendance, AttendanceStatus, Committee, Meeting, Minute, Person, Role
from ..services import live_wording as wording
from ..services.attendance import attendance_rows, clear_in, mark_in, record_movement, record_of, set_chair_in
from ..services.common import clean_text, get
from ..storage import Store
from .arrivals import Arrival, Copied, arrival_in, copy_previous_in, person_for, record_arrival, started_in
from .lock import Holder
from .people import parse_line
from .write import live_write, local, person_named, refresh_standard_minutes

GONE = (AttendanceStatus.APOLOGIES.value, AttendanceStatus.ABSENT.value)
KEEP = {AttendanceStatus.ALSO_PRESENT.value, AttendanceStatus.IN_ATTENDANCE.value, AttendanceStatus.SUBSTITUTE.value}


@dataclass(frozen=True)
class AttendanceChange:
    person_id: int
    changed_minutes: list[int] = field(default_factory=list)  # minutes reworded (A1, A2)
    offer: wording.Wording | None = None  # a minute to offer ("Vice-Chairman in the Chair")


class LiveAttendance:
    """``LiveMeeting.attendance``: each method one transaction, returning what changed."""

    def __init__(self, store: Store, meeting_id: int, holder: Holder) -> None:
        self.store, self.meeting_id, self.holder = store, meeting_id, holder

    def _done(self, session: Session, person_id: int, offer: wording.Wording | None = None) -> AttendanceChange:
        return AttendanceChange(person_id, refresh_standard_minutes(session, self.meeting_id), offer)

    def _moved(self, session: Session, record: Attendance, arrived: bool, minute_id: int | None, now: dt.datetime | None) -> None:
        record_movement(session, record, arrived, minute_id, local(now).time().replace(second=0, microsecond=0))

    def present(self, person_id: int, *, minute_id: int | None = None, now: dt.datetime | None = None) -> AttendanceChange:
        """Present. Once the meeting has started, a check-in is a late arrival at ``minute_id``
        (someone already there is not marked as arriving again)."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            record = record_of(session, self.meeting_id, person_id)
            there = {AttendanceStatus.PRESENT.value, *KEEP}
            was_there = record is not None and record.status in there and record.left_at is None
            if record is None or record.status not in KEEP:
                record = mark_in(session, self.meeting_id, person_id, AttendanceStatus.PRESENT)
            if started_in(session, self.meeting_id) and record.arrived_at is None and not was_there:
                self._moved(session, record, True, minute_id, now)
            return self._done(session, person_id)

    # -- someone not on the list, in one line ----------------------------------------------
    def arrival(self, text: str = "", *, person_id: int | None = None) -> Arrival:
        """What adding the line typed ("Ms C Gatward, Kent Police") or the known person chosen
        would do: who it is, who it might be (to ask), and what they are (None: to ask)."""
        with self.store.read() as session:
            return arrival_in(session, self.meeting_id, text, person_id)

    def add(
        self,
        text: str = "",
        kind: str = "",
        *,
        person_id: int | None = None,
        new: bool = False,
        role: str = "",
        substitute_for: int | None = None,
        minute_id: int | None = None,
        now: dt.datetime | None = None,
    ) -> AttendanceChange:
        """Add the person of the line typed (or ``person_id``, a known person) as a member
        present (with a membership from the meeting's date), an officer in attendance (with
        their role), a guest (also present) or a substitute. A name that only looks like
        someone in clerk is refused (SamePerson) unless ``new`` says it is someone new."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            line = parse_line(text) if text.strip() else None
            if line is None and person_id is None:
                raise InvalidInput("Type the person's name, such as Ms C Gatward, Kent Police.")
            meeting = get(session, Meeting, self.meeting_id, "meeting")
            person = person_for(session, line, person_id, new) if line else get(session, Person, person_id, "person")
            before = record_of(session, self.meeting_id, id_of(person))
            was_there = before is not None and before.status not in GONE
            record = record_arrival(session, meeting, person, kind, line.detail if line else "", role, substitute_for)
            if not was_there and started_in(session, self.meeting_id) and record.arrived_at is None:
                self._moved(session, record, True, minute_id, now)
            session.add(person)
            return self._done(session, id_of(person))

    def copy_previous(self) -> tuple[Copied, AttendanceChange]:
        """The previous meeting's attendance as a starting point (see ``arrivals.copy_previous_in``)."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            copied = copy_previous_in(session, get(session, Meeting, self.meeting_id, "meeting"))
            return copied, self._done(session, 0)

    def mark(self, person_id: int, status: str | None) -> AttendanceChange:
        """Apologies, absent, present; None forgets the mark."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            if status is None:
                clear_in(session, self.meeting_id, person_id)
            else:
                mark_in(
                    session,
                    self.meeting_id,
                    person_id,
                    status,
                    arrived_at=None,
                    arrived_minute_id=None,
                    left_at=None,
                    left_minute_id=None,
                )
            return self._done(session, person_id)

    def _find_or_add(self, session: Session, name: str, new: bool = False) -> int:
        """The person named: one on the meeting's list, one in clerk named exactly, or someone
        new; a name that only looks like someone is refused (SamePerson) unless ``new``."""
        found = person_named(session, self.meeting_id, name)
        if found is not None:
            return found
        return id_of(person_for(session, parse_line(name), None, new))

    def substitute(self, member_id: int, name: str, *, new: bool = False) -> AttendanceChange:
        """``name`` attends as a substitute for the member; the member has sent apologies."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            person_id = self._find_or_add(session, name, new)
            if person_id == member_id:
                raise InvalidInput("A member cannot substitute for themselves.")
            mark_in(session, self.meeting_id, person_id, AttendanceStatus.SUBSTITUTE, substitute_for_id=member_id)
            record = record_of(session, self.meeting_id, member_id)
            if record is None or record.status in (AttendanceStatus.ABSENT.value, AttendanceStatus.PRESENT.value):
                mark_in(session, self.meeting_id, member_id, AttendanceStatus.APOLOGIES)
            return self._done(session, person_id)

    def chair(self, person_id: int | None) -> AttendanceChange:
        """Who is in the chair. When the vice-chair takes it, the "Vice-Chairman in the Chair"
        minute is offered (unless there is one already)."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            set_chair_in(session, self.meeting_id, person_id)
            offer = None
            meeting = get(session, Meeting, self.meeting_id, "meeting")
            committee = get(session, Committee, meeting.committee_id, "committee")
            row = next((r for r in attendance_rows(session, self.meeting_id) if r.person_id == person_id), None)
            if row is not None and row.role is Role.VICE_CHAIR:
                words = wording.vice_chair_in_the_chair(committee)
                exists = session.exec(
                    select(Minute.id).where(Minute.meeting_id == self.meeting_id, Minute.title == words.title)
                ).first()
                offer = None if exists else words
            return self._done(session, person_id or 0, offer)

    def add_attendee(self, name: str, role: str = "", *, status: str | None = None, new: bool = False) -> AttendanceChange:
        """Someone not on the list: "in attendance" with their role, or "also present". A member
        of the committee is not made an officer, nor a job title on record overwritten."""
        role = clean_text(role).strip()
        status = status or (AttendanceStatus.IN_ATTENDANCE if role else AttendanceStatus.ALSO_PRESENT)
        kind = {AttendanceStatus.IN_ATTENDANCE.value: "officer", AttendanceStatus.ALSO_PRESENT.value: "guest"}.get(
            AttendanceStatus(status).value
        )
        if kind is None:
            raise InvalidInput("Add someone in attendance or also present here; members are marked on the list.")
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            person = get(session, Person, self._find_or_add(session, name, new), "person")
            record_arrival(session, get(session, Meeting, self.meeting_id, "meeting"), person, kind, "", role, None)
            session.add(person)
            return self._done(session, id_of(person))

    def arrived(self, person_id: int, *, minute_id: int | None, now: dt.datetime | None = None) -> AttendanceChange:
        """A late arrival, at the time and the minute being taken."""
        return self._arrive_or_leave(person_id, True, minute_id, now)

    def left(self, person_id: int, *, minute_id: int | None, now: dt.datetime | None = None) -> AttendanceChange:
        """An early departure, at the time and the minute being taken."""
        return self._arrive_or_leave(person_id, False, minute_id, now)

    def _arrive_or_leave(self, person_id: int, arrived: bool, minute_id: int | None, now: dt.datetime | None) -> AttendanceChange:
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            record = record_of(session, self.meeting_id, person_id)
            if record is None or record.status in GONE:
                record = mark_in(session, self.meeting_id, person_id, AttendanceStatus.PRESENT)
            self._moved(session, record, arrived, minute_id, now)
            return self._done(session, person_id)
