"""The meetings as calendar events: each meeting (cancelled ones marked so), and its agenda's
publication day when wanted. UIDs are stable across exports, so a calendar that imports the
file again updates its events rather than adding copies."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlmodel import col, select

from ..calendar import latest_publication
from ..documents.calendar import CalendarEvent, CalendarFeed
from ..ids import id_of
from ..models import Committee, Meeting, MeetingStatus, Meta
from ..storage import Store
from ..wording_calendar import meeting_description, meeting_summary, publication_summary

INSTANCE_KEY = "instance_id"
DEFAULT_LENGTH = dt.timedelta(hours=2)  # a meeting with no recorded end is shown as two hours long
UK = "Europe/London"


def instance_id(store: Store) -> str:
    """This database's own identity, made once: it keeps UIDs apart from another database's."""
    with store.read() as session:
        row = session.get(Meta, INSTANCE_KEY)
        if row is not None and row.value:
            return row.value
    with store.write() as session:
        row = session.get(Meta, INSTANCE_KEY)
        if row is None:
            row = Meta(key=INSTANCE_KEY, value=uuid.uuid4().hex)
            session.add(row)
        return row.value


def calendar_feed(
    store: Store, committee_id: int | None = None, *, past: bool = False, publication: bool = False, today: dt.date | None = None
) -> CalendarFeed:
    """Future meetings (and past ones with ``past``) of one committee or all."""
    from zoneinfo import ZoneInfo

    today = today or dt.date.today()
    tz = ZoneInfo(UK)
    instance = instance_id(store)
    with store.read() as session:
        query = select(Meeting, Committee).join(Committee, col(Committee.id) == Meeting.committee_id)
        if committee_id is not None:
            query = query.where(Meeting.committee_id == committee_id)
        if not past:
            query = query.where(col(Meeting.date) >= today)
        rows = session.exec(query.order_by(col(Meeting.date), col(Meeting.start_time), col(Meeting.id))).all()
        name = rows[0][1].name if committee_id is not None and rows else "All committees"
        if committee_id is not None and not rows:
            committee = session.get(Committee, committee_id)
            name = committee.name if committee else name
    events: list[CalendarEvent] = []
    for meeting, committee in rows:
        events.append(_meeting_event(meeting, committee, instance, tz))
        if publication and meeting.status != MeetingStatus.CANCELLED:
            day = meeting.agenda_published or latest_publication(meeting.date, committee.holidays)
            events.append(
                CalendarEvent(
                    uid=f"agenda-{id_of(meeting)}-{instance}@clerk",
                    summary=publication_summary(committee.name, meeting.date, meeting.agenda_published is not None),
                    start=day,
                    end=day + dt.timedelta(days=1),
                )
            )
    return CalendarFeed(name, UK, tuple(events))


def _meeting_event(meeting: Meeting, committee: Committee, instance: str, tz: dt.tzinfo) -> CalendarEvent:
    cancelled = meeting.status == MeetingStatus.CANCELLED
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    if meeting.start_time is None:
        start, end = meeting.date, meeting.date + dt.timedelta(days=1)
    else:
        start = dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=tz)
        end = start + DEFAULT_LENGTH
        if meeting.ended_at and meeting.started_at and meeting.ended_at > meeting.started_at:
            end = start + (meeting.ended_at - meeting.started_at)
    return CalendarEvent(
        uid=f"meeting-{id_of(meeting)}-{instance}@clerk",
        summary=meeting_summary(committee.name, cancelled),
        start=start,
        end=end,
        location=meeting.venue,
        description=meeting_description(meeting.date, meeting.agenda_published),
        cancelled=cancelled,
    )
