"""The house style, continued (clerk/wording.py holds the rest, and the dates and lists these
use): the meetings' own sentences. The stock resolution to exclude the press and public, the
next meeting's date, C1's resolution and next year's dates, the items not taken before the
end, and the meeting that ended last."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .wording import clock, day_date, join_and, long_date

OPEN_NOTICE = "(During these items the meeting is likely to be open to the public)"  # the agenda's parts
CLOSED_NOTICE = "Meeting not open to the press and public and reports not for publication"
EXCLUSION_RESOLUTION = (
    "RESOLVED that under Section 100A of the Local Government Act 1972 the public be "
    "excluded from the meeting for the following {items} on the grounds that {involves} "
    "the likely disclosure of exempt information as defined in paragraph {paragraph} of "
    "Part 1 of Schedule 12A of the Act."
)


def next_meeting_when(date: dt.date, time: dt.time | None, *, joiner: str = " at ") -> str:
    """14 October 2014 at 2.00pm (C1's title); ``joiner`` ", " for the agenda's note."""
    return long_date(date) + (f"{joiner}{clock(time)}" if time else "")


def next_meeting_sentence(committee_name: str, date: dt.date, time: dt.time | None, venue: str = "") -> str:
    """The next meeting of the … will be held on 18 July 2018, 10.00am, Darent Room."""
    where = f", {venue}" if venue else ""
    return f"The next meeting of the {committee_name} will be held on {next_meeting_when(date, time, joiner=', ')}{where}."


def next_meeting_resolution(body_noun: str, year: int | None = None) -> str:
    """RESOLVED that the Partnership note the date of the next meeting[ and the dates of
    meetings in 2015] (C1)."""
    also = f" and the dates of meetings in {year}" if year else ""
    return f"RESOLVED that the {body_noun} note the date of the next meeting{also}."


def meetings_in_year(year: int, dates: Sequence[tuple[dt.date, dt.time | None]]) -> str:
    """Dates of meetings in 2015: and a point for each ("- Tuesday, 17 March 2015 at 2.00pm")."""
    points = [f"- {day_date(d)}" + (f" at {clock(t)}" if t else "") for d, t in dates]
    return "\n".join([f"Dates of meetings in {year}:", *points])


def not_taken_sentence(items: Sequence[str]) -> str:
    """Not taken: A1 Apologies and C1 Date of next meeting. (before the meeting is ended)"""
    if not items:
        return "Every item on the agenda has been taken."
    return f"Not taken: {join_and(list(items))}. They stay to come; a minute can still be written after the meeting."


def meeting_ended_message(committee: str, date: dt.date, ended: dt.time | None, reopen: str) -> str:
    """What ``clerk live`` says when the last meeting minuted has ended and none is in progress."""
    at = f" at {clock(ended)}" if ended else ""
    return (
        f"No meeting is in progress: the meeting of the {committee} on {day_date(date)} ended{at}. "
        f"To reopen it: {reopen} (another meeting: see `clerk meetings`)."
    )
