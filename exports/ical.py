"""A calendar feed (clerk.services.calendar_feed.CalendarFeed) as an iCalendar (.ics) file."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from clerk.documents.calendar import CalendarFeed
from clerk.text import clean_text


def ical_bytes(feed: CalendarFeed, stamp: dt.datetime | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//clerk//meetings//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", clean_text(feed.name))
    cal.add("x-wr-timezone", feed.timezone)
    now = (stamp or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    for e in feed.events:
        event = Event()
        event.add("uid", e.uid)
        event.add("dtstamp", now)
        event.add("summary", clean_text(e.summary))
        event.add("dtstart", e.start)
        event.add("dtend", e.end)
        if e.location:
            event.add("location", clean_text(e.location))
        if e.description:
            event.add("description", clean_text(e.description))
        event.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
        if not isinstance(e.start, dt.datetime):
            event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    days = [e.start.date() if isinstance(e.start, dt.datetime) else e.start for e in feed.events]
    if days:  # the time zone's rules for the years the events span, not 1970 to 2038
        cal.add_missing_timezones(dt.date(min(days).year, 1, 1), dt.date(max(days).year + 1, 12, 31))
    data: bytes = cal.to_ical()
    return data
