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

from sqlalchemy import func
from sqlmodel import Session, col, select

from .. import wording_import as words
from ..errors import InvalidInput, NumberingError
from ..ids import id_of
from ..kinds import AttendanceStatus, MeetingStatus, MinuteState, NumberingScheme, Role
from ..live.write import person_named
from ..models import Committee, Meeting, Membership, Minute, Person
from ..numbering import range_label
from ..services import attendance, committees, content, meetings, minutes, signoff
from ..services.agenda_rows import AgendaRow, rows_of
from ..services.common import get, parse_time, scheme_of
from ..services.people import find_person
from ..storage import Store
from ..wording import long_date
from .members import settle
from .notes_people import ImportedPerson, person
from .notes_text import ImportedMinute, ImportedNotes
from .plan import ImportPlan, ImportResult, PersonMatch
from .planning import plan_for, plan_import
from .store_minute import fill_in, numbers_resolutions, record_notes

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
        now = plan_for(store, plan.notes, plan.committee_name, partial=False)  # as the record is now
        if now.problems:
            raise InvalidInput(now.problems[0])
        if now.meeting_id is not None:
            return ImportResult(now.meeting_id, False, 0, len(plan.notes.minutes))
        writer = _Writer(store, session, plan.notes, now.committee_id, plan.committee_name)
        meeting_id = writer.meeting()
        writer.keep_later_numbers()
        for match in plan.people:
            writer.attend(match)
        for minute in plan.notes.minutes:
            writer.minute(minute)
        settle(session, writer.committee_id, writer.date, writer.roles)
        unexplained = [n for n, paragraph in writer.restricted.items() if paragraph is None]
        if signed and unexplained:  # signed notes are frozen with their public copy, which names the paragraph
            raise InvalidInput(words.SIGNED_WITHOUT_PARAGRAPH.format(range=range_label(unexplained)))
        meetings.set_status(store, meeting_id, MeetingStatus.HELD)
        if signed:  # signed as any notes; the day they were approved is not known, so none is said
            signed_off = signoff.sign_in(session, meeting_id)
            signed_off.approved_on = None
            signoff.freeze_in(session, store, signed_off)
        return ImportResult(meeting_id, True, writer.added, len(plan.notes.minutes))


class _Writer:
    """The rows of one import, written through the services."""

    def __init__(self, store: Store, session: Session, notes: ImportedNotes, committee_id: int | None, name: str) -> None:
        assert notes.heading is not None and notes.heading.date is not None  # the plan says so
        self.store, self.session, self.notes, self.heading = store, session, notes, notes.heading
        self.date: dt.date = notes.heading.date
        self.added = 0
        self.people: dict[tuple[str, str, str], int] = {}  # named in these notes: (title, forenames, surname)
        self.roles: dict[int, Role] = {}  # each member's role in these notes
        self.meeting_id = 0
        self.restricted: dict[int, int | None] = {}  # each restricted minute's Schedule 12A paragraph
        self.items: dict[str, AgendaRow] = {}  # the agenda of a meeting set up before its notes came, by code
        self.committee_id = committee_id if committee_id is not None else self._committee(name)
        if committee_id is not None:
            fill_in(session, committee_id, notes)

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
        if numbers_resolutions(self.notes):
            values["resolution_style"] = "numbered"
        return id_of(committees.create_committee(self.store, name, **values))

    def meeting(self) -> int:
        """The meeting: the committee's meeting of that day when it has one (set up from its
        agenda, say; the plan found it holds no minutes), or a new one."""
        try:
            start = parse_time(self.heading.time.replace(" ", "")) if self.heading.time else None
        except InvalidInput:
            start = None
        waiting = self.session.exec(
            select(Meeting).where(
                Meeting.committee_id == self.committee_id,
                Meeting.date == self.date,
                col(Meeting.status).not_in((MeetingStatus.SIGNED.value, MeetingStatus.CANCELLED.value)),
            )
        ).first()
        if waiting is not None:
            waiting.numbered_from = self.notes.minutes[0].number
            waiting.start_time = waiting.start_time or start
            waiting.venue = waiting.venue or self.heading.venue
            waiting.contact = waiting.contact or self.heading.contact  # a web page's "Contact:"
            waiting.contact_email = waiting.contact_email or self.heading.contact_email
            self.session.add(waiting)
            self.meeting_id = id_of(waiting)
            self.items = {r.code: r for r in rows_of(self.session, self.meeting_id) if r.parent_id is None}
            return self.meeting_id
        meeting = meetings.create_meeting(
            self.store,
            self.committee_id,
            self.date,
            standard_items=False,
            start_time=start,
            venue=self.heading.venue,
            **{k: v for k, v in (("contact", self.heading.contact), ("contact_email", self.heading.contact_email)) if v},
            refresh_previous=False,  # the meeting before keeps its agenda as it was
            numbered_from=self.notes.minutes[0].number,
        )
        self.meeting_id = id_of(meeting)
        return self.meeting_id

    def keep_later_numbers(self) -> None:
        """The committee's next meeting with minutes keeps the numbers it has (clerk gave them,
        or its notes did): it goes on from its own first number, not from the notes imported.
        Where each meeting is numbered afresh, nothing carries over, so nothing need be kept."""
        scheme = scheme_of(get(self.session, Committee, self.committee_id, "committee"))
        if scheme.by_item or scheme.kind is NumberingScheme.PER_MEETING:
            return
        later = self.session.exec(
            select(Meeting)
            .where(Meeting.committee_id == self.committee_id, Meeting.date > self.date)
            .where(col(Meeting.id).in_(select(Minute.meeting_id).where(Minute.committee_id == self.committee_id)))
            .order_by(col(Meeting.date), col(Meeting.start_time), col(Meeting.id))
        ).first()
        first = self.session.exec(select(func.min(Minute.number)).where(Minute.meeting_id == later.id)).one() if later else None
        if later is not None and later.numbered_from is None and first is not None:
            later.numbered_from = first
            self.session.add(later)
            self.session.flush()

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
        else:  # details the record lacks are filled in from the notes; one on record is never overwritten
            found = self.session.get(Person, chosen)
            for field, value in (("honours", ", ".join(p.honours)), ("job_title", job)):
                if found is not None and value and not getattr(found, field):
                    setattr(found, field, value)
                    self.session.add(found)
        self.people[key] = chosen
        return chosen

    def _member(self, person_id: int, role: Role, represents: str = "") -> None:
        """A membership from this meeting, unless the person is a member already; its span and
        role are settled once the meeting is stored (clerk.importing.members)."""
        self.roles[person_id] = role
        rows = self.session.exec(
            select(Membership).where(Membership.committee_id == self.committee_id, Membership.person_id == person_id)
        ).all()
        if not rows:
            committees.add_member(self.store, self.committee_id, person_id, role, represents=represents, start_date=self.date)

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
            raise InvalidInput(words.PERSON_GONE.format(name=p.raw))
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
        # "(Item B3)": the agenda's B3, when the meeting has its agenda; numbered items: the minute's own number
        item = self.items.get(m.item or str(m.number))
        restricted = _restricted(m) or (item is not None and item.restricted)
        exempt = (_exempt(self.notes, m) or (item.exempt_paragraph if item else None)) if restricted else None
        row, changes = minutes.add_minute_in(
            self.session,
            self.meeting_id,
            m.title,
            agenda_item_id=item.id if item else None,
            state=MinuteState(m.outcome or "taken"),
            restricted=restricted,
            exempt_paragraph=exempt,
        )
        if restricted:
            self.restricted[m.number] = exempt
        moved = [c for c in changes if c.meeting_id != self.meeting_id and c.old is not None]
        if row.number != m.number or moved:  # the numbering would not keep the notes' or others' numbers: nothing is kept
            raise NumberingError(words.NUMBERS_MOVED.format(number=m.number, date=long_date(self.date)))
        content.set_paragraphs_in(self.session, id_of(row), list(m.paragraphs))
        for action in m.action_items:  # its owner linked to the person of that name at the meeting, as when minuted live
            owner_id = person_named(self.session, self.meeting_id, action.owner)
            content.add_action_in(
                self.session, id_of(row), action.owner, action.description, owner_person_id=owner_id, due_date=action.due
            )
        record_notes(self.session, self.meeting_id, id_of(row), m, self.people)


def _restricted(m: ImportedMinute) -> bool:
    return (m.session or "").upper() in RESTRICTED_SESSIONS


def _exempt(notes: ImportedNotes, m: ImportedMinute) -> int | None:
    """The Schedule 12A paragraph the minute's public text or its session's sentence names, if either names one."""
    if m.exempt_paragraph is not None:
        return m.exempt_paragraph
    said = " ".join(text for heading, text in notes.sessions if heading == m.session)
    found = re.search(r"paragraph\s+(\d)\b", said, re.IGNORECASE)
    return int(found.group(1)) if found else None
