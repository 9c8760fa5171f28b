"""Meetings as calendar events, for the iCalendar writer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: dt.datetime | dt.date  # a date: an all-day event
    end: dt.datetime | dt.date
    location: str = ""
    description: str = ""
    cancelled: bool = False


@dataclass(frozen=True)
class CalendarFeed:
    name: str  # "Kent Community Safety Partnership" or "All committees"
    timezone: str
    events: tuple[CalendarEvent, ...]
