"""Each member's attendance over a period (a municipal year by default): the meetings they were
expected at, attended, sent apologies for, were substituted at or missed, arrivals after the
start and departures before the end, and a percentage that leaves cancelled meetings out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlmodel import col, select

from ..documents.table import TableDoc
from ..ids import id_of
from ..models import Attendance, AttendanceStatus, Committee, Meeting, MeetingStatus, Person, Role
from ..storage import Store
from ..wording_attendance import (
    COLUMNS,
    NUMERIC,
    SHORT_COLUMNS,
    TITLE,
    counting_note,
    percentage,
    period_label,
    role_label,
)
from .attendance import members_on
from .committees import display_name
from .common import get

RANK = {Role.CHAIR: 0, Role.VICE_CHAIR: 1}
TOOK_PLACE = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.SIGNED)


@dataclass
class MemberAttendance:
    person_id: int
    name: str
    role: str  # the role held at the latest meeting of the period: "Chairman", "Member"
    rank: int = 2  # chair first, then vice-chair, then members
    expected: int = 0
    attended: int = 0
    apologies: int = 0
    substituted: int = 0
    absent: int = 0
    late: int = 0
    left_early: int = 0

    @property
    def percentage(self) -> str:
        return percentage(self.attended, self.expected)

    def cells(self) -> tuple[str, ...]:
        counts = (self.expected, self.attended, self.apologies, self.substituted, self.absent, self.late, self.left_early)
        return (self.name, self.role, *(str(n) for n in counts), self.percentage)


@dataclass(frozen=True)
class AttendanceRecord:
    committee: Committee
    start: dt.date
    end: dt.date
    held: int  # meetings that took place in the period
    cancelled: int
    members: tuple[MemberAttendance, ...]
    substitutes: tuple[tuple[str, int, str], ...]  # name, meetings attended as a substitute, for whom

    def table(self) -> TableDoc:
        rows = tuple(m.cells() for m in self.members)
        subs = tuple((name, str(n), whom) for name, n, whom in self.substitutes)
        notes = [counting_note(self.held, self.cancelled)]
        if subs:
            notes.append(
                "Substitutes: " + "; ".join(f"{n} ({a} meeting{'s' if a != '1' else ''}, for {w})" for n, a, w in subs) + "."
            )
        return TableDoc(
            organisation=self.committee.organisation,
            title=TITLE,
            subtitle=f"{self.committee.name}: {period_label(self.start, self.end)}",
            columns=COLUMNS,
            short_columns=SHORT_COLUMNS,
            rows=rows,
            notes=tuple(notes),
            numeric=NUMERIC,
            template=None,
            paper=self.committee.paper_size,
            landscape=True,
        )


def attendance_record(store: Store, committee_id: int, start: dt.date, end: dt.date) -> AttendanceRecord:
    """The record for ``committee_id`` from ``start`` to ``end`` inclusive; meetings not yet
    held (scheduled, agenda published) are not counted, cancelled ones are counted apart."""
    with store.read() as session:
        committee = get(session, Committee, committee_id, "committee")
        meetings = session.exec(
            select(Meeting)
            .where(Meeting.committee_id == committee_id, col(Meeting.date) >= start, col(Meeting.date) <= end)
            .order_by(col(Meeting.date), col(Meeting.start_time), col(Meeting.id))
        ).all()
        took_place = [m for m in meetings if MeetingStatus(m.status) in TOOK_PLACE]
        cancelled = sum(1 for m in meetings if m.status == MeetingStatus.CANCELLED)
        records: dict[int, list[Attendance]] = {}
        if took_place:
            for a in session.exec(select(Attendance).where(col(Attendance.meeting_id).in_([id_of(m) for m in took_place]))).all():
                records.setdefault(a.meeting_id, []).append(a)
        members: dict[int, MemberAttendance] = {}
        sub_counts: Counter[int] = Counter()
        sub_for: dict[int, set[int]] = {}
        people: dict[int, Person] = {}
        for meeting in took_place:
            by_person = {a.person_id: a for a in records.get(id_of(meeting), [])}
            substituted = {a.substitute_for_id for a in by_person.values() if a.substitute_for_id}
            for a in by_person.values():
                if a.status == AttendanceStatus.SUBSTITUTE:
                    sub_counts[a.person_id] += 1
                    if a.substitute_for_id:
                        sub_for.setdefault(a.person_id, set()).add(a.substitute_for_id)
            for membership, person in members_on(session, committee_id, meeting.date):
                if membership.role == Role.SUBSTITUTE:
                    continue
                pid = id_of(person)
                people[pid] = person
                row = members.setdefault(pid, MemberAttendance(pid, display_name(person), ""))
                row.role = role_label(committee, membership.role)
                row.rank = RANK.get(Role(membership.role), 2)
                row.expected += 1
                _count(row, by_person.get(pid), pid in substituted)
        missing = {p for ids in sub_for.values() for p in ids} | set(sub_counts)
        missing -= set(people)
        if missing:
            people.update({id_of(p): p for p in session.exec(select(Person).where(col(Person.id).in_(missing))).all()})
        substitutes = tuple(
            (
                display_name(people[pid]),
                n,
                ", ".join(sorted(display_name(people[f]) for f in sub_for.get(pid, set()) if f in people)),
            )
            for pid, n in sorted(sub_counts.items(), key=lambda kv: people[kv[0]].surname.lower())
            if pid in people
        )
        ranked = sorted(members.values(), key=lambda r: (r.rank, people[r.person_id].surname.lower()))
        return AttendanceRecord(committee, start, end, len(took_place), cancelled, tuple(ranked), substitutes)


def _count(row: MemberAttendance, record: Attendance | None, substituted: bool) -> None:
    status = AttendanceStatus(record.status) if record else None
    if status == AttendanceStatus.PRESENT:
        row.attended += 1
        row.late += bool(record and (record.arrived_minute_id or record.arrived_at))
        row.left_early += bool(record and (record.left_minute_id or record.left_at))
    elif substituted:
        row.substituted += 1
        row.apologies += status == AttendanceStatus.APOLOGIES
    elif status == AttendanceStatus.APOLOGIES:
        row.apologies += 1
    else:
        row.absent += 1
