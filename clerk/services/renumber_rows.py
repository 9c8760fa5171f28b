"""What the renumbering reads, as typed rows: a committee's meetings in time order, and the
minutes of some meetings in their order (SQLModel types every id ``int | None``; a row read
from the store has one)."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import select as sa_select  # sqlmodel's select types four columns at most
from sqlmodel import Session, col, select

from ..ids import id_of
from ..models import Meeting, Minute


class MeetingRow(NamedTuple):
    id: int
    date: dt.date
    start_time: dt.time | None
    status: str


class MinuteRow(NamedTuple):
    id: int
    meeting_id: int
    seq: int
    number: int | None
    series: str
    title: str
    agenda_item_id: int | None


def order_key(m: Meeting | MeetingRow) -> tuple[dt.date, dt.time, int]:
    """Meetings in time order: date, start time (none: midnight), then id."""
    return (m.date, m.start_time or dt.time(0), id_of(m))


def committee_meetings(session: Session, committee_id: int) -> list[MeetingRow]:
    q = select(col(Meeting.id), col(Meeting.date), col(Meeting.start_time), col(Meeting.status))
    rows = session.exec(q.where(Meeting.committee_id == committee_id)).all()
    return sorted((MeetingRow._make(r) for r in rows), key=order_key)


def minute_rows(session: Session, meeting_ids: list[int]) -> list[MinuteRow]:
    columns = (Minute.id, Minute.meeting_id, Minute.seq, Minute.number, Minute.series, Minute.title, Minute.agenda_item_id)
    q = sa_select(*map(col, columns)).where(col(Minute.meeting_id).in_(meeting_ids))
    rows = session.execute(q.order_by(col(Minute.meeting_id), col(Minute.seq), col(Minute.id))).all()
    return [MinuteRow._make(r) for r in rows]
