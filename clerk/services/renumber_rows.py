"""What the renumbering reads, as typed rows: a committee's meetings in time order (all, or
from a point in time on), the last number used before a point in time, and the minutes of
some meetings in their order (SQLModel types every id ``int | None``; a row read from the
store has one). Each is one query whose cost does not grow with the committee's history
beyond the meetings it returns."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from sqlalchemy import not_
from sqlalchemy import select as sa_select  # sqlmodel's select types four columns at most
from sqlmodel import Session, col

from ..models import Meeting, Minute
from .meeting_order import Key, earlier_than, newest_first, order_key


class MeetingRow(NamedTuple):
    id: int
    date: dt.date
    start_time: dt.time | None
    status: str
    numbered_from: int | None  # imported notes: where their numbers start


class MinuteRow(NamedTuple):
    id: int
    meeting_id: int
    seq: int
    number: int | None
    series: str
    title: str
    agenda_item_id: int | None


class LastNumbered(NamedTuple):
    """The meeting nearest before a point in time that has numbered minutes, and its highest."""

    meeting_id: int
    date: dt.date
    number: int


def committee_meetings(session: Session, committee_id: int, since: Key | None = None) -> list[MeetingRow]:
    """The committee's meetings in time order; with ``since`` (an ``order_key``), only those
    from that point in time on."""
    columns = (Meeting.id, Meeting.date, Meeting.start_time, Meeting.status, Meeting.numbered_from)
    q = sa_select(*map(col, columns))
    q = q.where(col(Meeting.committee_id) == committee_id)
    if since is not None:  # the date bound lets the index find them
        q = q.where(col(Meeting.date) >= since[0], not_(earlier_than(since)))
    return sorted((MeetingRow._make(r) for r in session.execute(q).all()), key=order_key)


def last_numbered_before(session: Session, committee_id: int, key: Key) -> LastNumbered | None:
    """The committee's last minute number before ``key`` (an ``order_key``): the highest of the
    nearest earlier meeting that has numbered minutes; None when no minute comes before."""
    q = (
        sa_select(col(Meeting.id), col(Meeting.date), col(Minute.number))
        .join(Minute, col(Minute.meeting_id) == col(Meeting.id))
        .where(col(Meeting.committee_id) == committee_id, earlier_than(key), col(Minute.number).is_not(None))
        .order_by(*newest_first(), col(Minute.number).desc())
        .limit(1)
    )
    row = session.execute(q).first()
    return None if row is None else LastNumbered._make(row)


def minute_rows(session: Session, meeting_ids: list[int]) -> list[MinuteRow]:
    columns = (Minute.id, Minute.meeting_id, Minute.seq, Minute.number, Minute.series, Minute.title, Minute.agenda_item_id)
    q = sa_select(*map(col, columns)).where(col(Minute.meeting_id).in_(meeting_ids))
    rows = session.execute(q.order_by(col(Minute.meeting_id), col(Minute.seq), col(Minute.id))).all()
    return [MinuteRow._make(r) for r in rows]
