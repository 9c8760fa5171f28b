"""Meetings in time order: date, start time (none: midnight), then id. The same order in Python
and in SQL, so that "the meeting before" or "the meetings from here on" is one query on the
index of (committee_id, date), however long the committee's history."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sqlalchemy import ColumnElement, UnaryExpression, and_, func, or_
from sqlmodel import col

from ..ids import id_of
from ..models import Meeting

Key = tuple[dt.date, dt.time, int]


class Timed(Protocol):
    @property
    def id(self) -> int | None: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def start_time(self) -> dt.time | None: ...


def order_key(m: Timed) -> Key:
    return (m.date, m.start_time or dt.time(0), id_of(m))


def _start_time() -> ColumnElement[dt.time]:
    return func.coalesce(col(Meeting.start_time), dt.time(0))


def earlier_than(key: Key) -> ColumnElement[bool]:
    """``order_key(meeting) < key``, with the date bound the index needs."""
    date, start, meeting_id = key
    same_time = and_(_start_time() == start, col(Meeting.id) < meeting_id)
    earlier = or_(col(Meeting.date) < date, and_(col(Meeting.date) == date, or_(_start_time() < start, same_time)))
    return and_(col(Meeting.date) <= date, earlier)


def later_than(key: Key) -> ColumnElement[bool]:
    """``order_key(meeting) > key``, with the date bound the index needs."""
    date, start, meeting_id = key
    same_time = and_(_start_time() == start, col(Meeting.id) > meeting_id)
    later = or_(col(Meeting.date) > date, and_(col(Meeting.date) == date, or_(_start_time() > start, same_time)))
    return and_(col(Meeting.date) >= date, later)


def oldest_first() -> tuple[UnaryExpression[dt.date], UnaryExpression[dt.time], UnaryExpression[int | None]]:
    return col(Meeting.date).asc(), _start_time().asc(), col(Meeting.id).asc()


def newest_first() -> tuple[UnaryExpression[dt.date], UnaryExpression[dt.time], UnaryExpression[int | None]]:
    return col(Meeting.date).desc(), _start_time().desc(), col(Meeting.id).desc()
