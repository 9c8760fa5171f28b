"""Storing imported notes: the committee, its people and their memberships, the meeting (held;
signed when asked) with its attendance, and its minutes with their own numbers, paragraphs,
sessions and actions, all through the services the live meeting uses, in one transaction.

The numbers are the notes' own: the meeting keeps the number its first minute had
(``Meeting.numbered_from``), so the committee's numbering continues from it (after 64–74 the
next minute is 75) and an older meeting imported after a newer one keeps its numbers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlmodel import Session, select

from .. import wording_import as words
from ..errors import InvalidInput, NumberingError
from ..ids import id_of
from ..kinds import AttendanceStatus, MeetingStatus, MinuteState, ParagraphKind, Role
from ..models import Membership, Person
from ..numbering import range_label
from ..services import attendance, committees, content, meetings, minutes, signoff
from ..services.common import parse_time
from ..services.people import find_person
from ..storage import Store
from ..wording import long_date
from .notes_minute import movement
from .notes_people import ImportedPerson, person
from .notes_text import ImportedMinute, ImportedNotes
from .plan import ImportPlan, ImportResult, PersonMatch
from .planning import plan_import

__all__ = ["ImportPlan", "ImportResult", "PersonMatch", "plan_import", "store_import"]

RESTRICTED_SESSIONS = ("PRIVATE SESSION", "EXEMPT ITEMS", "RESTRICTED ITEMS")
BODY_NOUNS = ("Partnership", "Board", "Panel", "Committee", "Cabinet", "Forum", "Group", "Council", "Commission")
STATUS = {
    "present": AttendanceStatus.PRESENT,
    "also_present": AttendanceStatus.ALSO_PRESENT,
    "in_attendance": AttendanceStatus.IN_ATTENDANCE,
    "apologies": AttendanceStatus.APOLOGIES,
}


def store_import(store: Store, plan: ImportPlan, *, signed: bool = False) -> ImportResult:
    """Store what ``plan`` understood, in one transaction: all of it or nothing. The people are
    those the plan chose (a PersonMatch's person_id; None: someone new). Notes already stored
    change nothing (``stored`` false); a plan with problems is refused with its first."""
    with store.transaction() as session:
        now = plan_import(store, plan.notes, committee=plan.committee_name)  # as the record is now
        if now.problems:
            raise InvalidInput(now.problems[0])
        if now.meeting_id is not None:
            return ImportResult(now.meeting_id, False, 0, len(plan.notes.minutes))
        unexplained = [m.number for m in plan.notes.minutes if _restricted(m) and _exempt(plan.notes, m) is None]
        if signed and unexplained:  # signed notes are frozen with their public copy, which names the paragraph
            raise InvalidInput(words.SIGNED_WITHOUT_PARAGRAPH.format(range=range_label(unexplained)))
        writer = _Writer(store, session, plan.notes, now.committee_id, plan.committee_name)
        meeting_id = writer.meeting()
        for match in plan.people:
            writer.attend(match)
        for minute in plan.notes.minutes:
            writer.minute(minute)
        meetings.set_status(store, meeting_id, MeetingStatus.HELD)
        if signed:
            signoff.sign_in(session, meeting_id, store=store)
        return ImportResult(meeting_id, True, writer.added, len(plan.notes.minutes))


class _Writer:
    """The rows of one import, written through the services."""

    def __init__(self, store: Store, session: Session, notes: ImportedNotes, committee_id: int | None, name: str) -> None:
        assert notes.heading is not None and notes.heading.date is not None  # the plan says so
        self.store, self.session, self.notes, self.heading = store, session, notes, notes.heading
        self.date: dt.date = notes.heading.date
        self.added = 0
        self.people: dict[tuple[str, str, str], int] = {}  # named in these notes: (title, forenames, surname)
        self.meeting_id = 0
        self.committee_id = committee_id if committee_id is not None else self._committee(name)

    def _committee(self, name: str) -> int:
        last = name.split()[-1].capitalize() if name.split() else ""
        values: dict[str, Any] = {
            "organisation": self.heading.organisation,
            "minutes_word": self.heading.word.upper(),
            "default_venue": self.heading.venue,
            "numbering_start": self.notes.minutes[0].number,
        }
        if last in BODY_NOUNS:
            values["body_noun"] = last
        if any(p.kind is ParagraphKind.RESOLUTION and p.numbered for m in self.notes.minutes for p in m.paragraphs):
            values["resolution_style"] = "numbered"  # "(5) RESOLVED that …": resolutions numbered with the rest
        return id_of(committees.create_committee(self.store, name, **values))

    def meeting(self) -> int:
        try:
            start = parse_time(self.heading.time.replace(" ", "")) if self.heading.time else None
        except InvalidInput:
            start = None
        meeting = meetings.create_meeting(
            self.store,
            self.committee_id,
            self.date,
            standard_items=False,
            start_time=start,
            venue=self.heading.venue,
            numbered_from=self.notes.minutes[0].number,
        )
        self.meeting_id = id_of(meeting)
        return self.meeting_id

    # -- people ------------------------------------------------------------------------
    def person_id(self, p: ImportedPerson, chosen: int | None, job: str = "") -> int:
        key = (p.title.lower(), p.forenames.lower(), p.surname.lower())
        if chosen is None:
            chosen = self.people.get(key)
        if chosen is None:
            new = committees.add_person(
                self.store, p.surname, title=p.title, forenames=p.forenames, honours=", ".join(p.honours), job_title=job
            )
            self.added += 1
            chosen = id_of(new)
        self.people[key] = chosen
        return chosen

    def _member(self, person_id: int, role: Role, represents: str = "") -> None:
        """A membership from this meeting on, unless the person is a member already (then one
        that started later now starts at this meeting)."""
        rows = self.session.exec(
            select(Membership).where(Membership.committee_id == self.committee_id, Membership.person_id == person_id)
        ).all()
        if not rows:
            committees.add_member(self.store, self.committee_id, person_id, role, represents=represents, start_date=self.date)
            return
        for row in rows:
            if row.start_date is not None and row.start_date > self.date:
                row.start_date = self.date
                self.session.add(row)

    def _absent_member(self, name: str) -> int:
        """The member a substitute stood in for: someone named in these notes, someone in clerk
        by that exact name, or someone new."""
        p = person(name)
        key = (p.title.lower(), p.forenames.lower(), p.surname.lower())
        if key in self.people:
            return self.people[key]
        exact, _alike = find_person(self.session, p.title, p.forenames, p.surname)
        found = self.person_id(p, id_of(exact) if exact else None)
        self._member(found, Role.MEMBER)
        return found

    def attend(self, match: PersonMatch) -> None:
        p = match.imported
        if match.person_id is not None and self.session.get(Person, match.person_id) is None:
            raise InvalidInput(f"The person chosen for {p.raw} is no longer in clerk; plan the import again.")
        pid = self.person_id(p, match.person_id, job=(p.role or "") if match.listed == "in_attendance" else "")
        status, values = STATUS[match.listed], dict[str, Any]()
        if match.listed == "in_attendance":
            values["role"] = p.role or ""
        if match.listed in ("present", "apologies"):
            role = Role.CHAIR if p.chair else Role.VICE_CHAIR if p.vice_chair else Role.MEMBER
            if p.substitute_for and match.listed == "present":
                role, status = Role.SUBSTITUTE, AttendanceStatus.SUBSTITUTE
                values["substitute_for_id"] = self._absent_member(p.substitute_for)
            self._member(pid, role, represents=(p.role or "") if match.listed == "present" else "")
        attendance.mark_in(self.session, self.meeting_id, pid, status, **values)
        if p.presiding and match.listed == "present":
            attendance.set_chair_in(self.session, self.meeting_id, pid)

    # -- minutes -----------------------------------------------------------------------
    def minute(self, m: ImportedMinute) -> None:
        restricted = _restricted(m)
        row, _ = minutes.add_minute_in(
            self.session,
            self.meeting_id,
            m.title,
            state=MinuteState(m.outcome or "taken"),
            restricted=restricted,
            exempt_paragraph=_exempt(self.notes, m) if restricted else None,
        )
        if row.number != m.number:  # the numbering did not give the notes' own number: nothing is kept
            raise NumberingError(
                f"Minute {m.number} of {long_date(self.date)} would be numbered {row.number}; nothing was imported."
            )
        content.set_paragraphs_in(self.session, id_of(row), list(m.paragraphs))
        for action in m.action_details:
            content.add_action_in(self.session, id_of(row), action.owner, action.description, due_date=action.due)
        for line in m.notes:
            moved = movement(line)
            if moved is not None:
                self._moved(id_of(row), *moved)

    def _moved(self, minute_id: int, who: str, arrived: bool, at: str | None) -> None:
        """An arrival or departure during the minute, of someone these notes list, at the time given."""
        p = person(who)
        pid = self.people.get((p.title.lower(), p.forenames.lower(), p.surname.lower()))
        record = attendance.record_of(self.session, self.meeting_id, pid) if pid is not None else None
        try:
            when = parse_time(at)
        except InvalidInput:
            when = None
        if record is not None and when is not None:
            attendance.record_movement(self.session, record, arrived, minute_id, when)


def _restricted(m: ImportedMinute) -> bool:
    return (m.session or "").upper() in RESTRICTED_SESSIONS


def _exempt(notes: ImportedNotes, m: ImportedMinute) -> int | None:
    """The Schedule 12A paragraph the minute's public text or its session's sentence names, if either names one."""
    if m.exempt_paragraph is not None:
        return m.exempt_paragraph
    said = " ".join(text for heading, text in notes.sessions if heading == m.session)
    found = re.search(r"paragraph\s+(\d)\b", said, re.IGNORECASE)
    return int(found.group(1)) if found else None
