"""Report deadlines: each report expected at a meeting to come (an agenda item with a report, or
one to follow, and a planned report not yet on an agenda) is due a committee's number of working
days (``Committee.report_deadline_days``) before the agenda is published: the publication date
set, or else the last day that gives five clear working days (clerk.calendar)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..calendar import latest_publication, working_days_before
from ..models import Attachment, Committee, ItemKind, Meeting, MeetingStatus
from ..models_plan import PlannedItem
from ..storage import Store
from .agenda_rows import rows_of
from .plan import waiting

EXPECTED = (ItemKind.REPORT, ItemKind.TO_FOLLOW)
TO_COME = (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)
ATTACHED, DUE, OVERDUE = "attached", "due", "overdue"


@dataclass(frozen=True)
class Deadline:
    committee: str
    meeting_date: dt.date
    meeting_id: int | None  # None: planned for a meeting not yet set up
    code: str  # the item's code on the agenda; "" for a planned report not yet on one
    title: str
    author: str
    restricted: bool
    published: dt.date  # the agenda's publication date, set or latest
    deadline: dt.date
    state: str  # attached, due or overdue
    planned_id: int | None = None  # the plan's item, when it came from the plan (it can be moved)


def report_deadline(committee: Committee, meeting_date: dt.date, published: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """(publication date, deadline) for a report to the committee's meeting on ``meeting_date``."""
    publication = published or latest_publication(meeting_date, committee.holidays)
    return publication, working_days_before(publication, committee.report_deadline_days, committee.holidays)


def _state(deadline: dt.date, attached: bool, today: dt.date) -> str:
    return ATTACHED if attached else (OVERDUE if deadline < today else DUE)


def _meeting_reports(session: Session, committee: Committee, meeting: Meeting, today: dt.date) -> list[Deadline]:
    published, deadline = report_deadline(committee, meeting.date, meeting.agenda_published)
    rows = [r for r in rows_of(session, meeting.id or 0) if r.parent_id is None and r.kind in EXPECTED and not r.standard]
    ids = [r.id for r in rows]
    attached = set(
        session.exec(
            select(Attachment.agenda_item_id).where(
                col(Attachment.agenda_item_id).in_(ids),
                Attachment.superseded == False,  # noqa: E712
            )
        ).all()
        if ids
        else []
    )
    planned = dict(
        session.exec(select(PlannedItem.agenda_item_id, PlannedItem.id).where(col(PlannedItem.agenda_item_id).in_(ids))).all()
        if ids
        else []
    )
    return [
        Deadline(
            committee.name,
            meeting.date,
            meeting.id,
            r.code,
            r.title,
            r.presenter,
            r.restricted,
            published,
            deadline,
            _state(deadline, r.id in attached, today),
            planned.get(r.id),
        )
        for r in rows
    ]


def deadlines_in(session: Session, committee_id: int | None, today: dt.date) -> list[Deadline]:
    q = select(Committee).where(Committee.retired == False)  # noqa: E712
    if committee_id is not None:
        q = select(Committee).where(Committee.id == committee_id)
    out: list[Deadline] = []
    for committee in session.exec(q).all():
        meetings = session.exec(
            select(Meeting).where(Meeting.committee_id == committee.id, Meeting.date >= today, col(Meeting.status).in_(TO_COME))
        ).all()
        for meeting in meetings:
            out += _meeting_reports(session, committee, meeting, today)
        dates = {m.id: m for m in session.exec(select(Meeting).where(Meeting.committee_id == committee.id)).all()}
        planned = session.exec(
            select(PlannedItem).where(
                PlannedItem.committee_id == committee.id,
                waiting(),
                col(PlannedItem.kind).in_(EXPECTED),
            )
        ).all()
        for p in planned:
            set_up = dates.get(p.meeting_id)
            date = set_up.date if set_up else p.meeting_date
            if date < today or (set_up is not None and set_up.status not in TO_COME):
                continue
            published, deadline = report_deadline(committee, date, set_up.agenda_published if set_up else None)
            out.append(
                Deadline(
                    committee.name,
                    date,
                    p.meeting_id,
                    "",
                    p.title,
                    p.presenter,
                    p.restricted,
                    published,
                    deadline,
                    _state(deadline, False, today),
                    p.id,
                )
            )
    return sorted(out, key=lambda d: (d.deadline, d.committee, d.meeting_date, d.code == "", d.code, d.title))


def deadlines(store: Store, committee_id: int | None = None, today: dt.date | None = None) -> list[Deadline]:
    """Reports expected at meetings on or after ``today``, soonest deadline first."""
    with store.read() as session:
        return deadlines_in(session, committee_id, today or dt.date.today())
