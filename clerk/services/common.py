"""Helpers the services share: fetching with a plain message, locking, reading dates and times."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from sqlmodel import Session, SQLModel, select

from ..errors import FrozenRecord, InvalidInput, NotFound
from ..models import Committee, Meeting, MeetingStatus
from ..numbering import Scheme, committee_scheme
from ..text import clean_text as clean_text  # the one cleaning rule, for every service
from ..wording import long_date

T = TypeVar("T", bound=SQLModel)


MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL hold


def as_id(text: str | int) -> int | None:
    """``12`` as an id; None for anything that is not plain digits (``²``, ``1e5``, ``-1``)."""
    s = str(text).strip()
    return int(s) if s.isascii() and s.isdigit() else None


def get(session: Session, model: type[T], ident: int | None, what: str | None = None) -> T:
    in_range = ident is not None and 0 <= ident <= MAX_ID
    obj = session.get(model, ident) if in_range else None
    if obj is None:
        raise NotFound(f"There is no {what or model.__name__.lower()} with id {ident}.")
    return obj


def lock_committee(session: Session, committee_id: int) -> Committee:
    """Serialise numbering per committee: a row lock on PostgreSQL; on SQLite the
    write transaction (BEGIN IMMEDIATE) already holds the only write lock."""
    committee = session.exec(select(Committee).where(Committee.id == committee_id).with_for_update()).one_or_none()
    if committee is None:
        raise NotFound(f"There is no committee with id {committee_id}.")
    return committee


def scheme_of(committee: Committee) -> Scheme:
    return committee_scheme(
        committee.agenda_style,
        committee.numbering_scheme,
        committee.numbering_start,
        committee.year_start_month,
        committee.number_format,
    )


def ensure_editable(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.SIGNED:  # a StrEnum: equal to its stored text too
        raise FrozenRecord(
            f"The notes of the meeting held on {long_date(meeting.date)} are signed; their text and minute numbers cannot change."
        )
    if meeting.status == MeetingStatus.CANCELLED:
        raise InvalidInput(f"The meeting of {long_date(meeting.date)} was cancelled; it has no minutes.")


def parse_time(text: str | None) -> dt.time | None:
    """10:00, 10.00, 10am, 2.00pm, 14:30; empty is no time."""
    import re

    s = (text or "").strip().lower().replace(" ", "")
    if not s:
        return None
    m = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?(am|pm)?", s)
    if m:
        hour, minute, half = int(m.group(1)), int(m.group(2) or 0), m.group(3)
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60 and (half or m.group(2)):
            return dt.time(hour, minute)
    raise InvalidInput(f"'{text}' is not a time; write it as 10:00, 10.00am or 2.30pm.")


def parse_optional_date(text: str | None) -> dt.date | None:
    return parse_date(text) if text and text.strip() else None


def parse_date(text: str) -> dt.date:
    """ISO dates (2014-07-08) and the forms clerks type (8/7/2014, 8 July 2014)."""
    s = text.strip()
    s = __import__("re").sub(r"(\d)(st|nd|rd|th)\b", r"\1", s).replace(",", "")
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y", "%A %d %B %Y", "%a %d %b %Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise InvalidInput(f"'{text}' is not a date; write it as 2014-07-08 or 8/7/2014.")
