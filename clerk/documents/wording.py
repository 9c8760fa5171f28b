"""How the documents write dates, times, names and lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def long_date(date: dt.date) -> str:
    """8 July 2014."""
    return f"{date.day} {date:%B %Y}"


def day_date(date: dt.date) -> str:
    """Tuesday, 8 July 2014 (the notes' opening line, the agenda's foot)."""
    return f"{date:%A}, {date.day} {date:%B %Y}"


def agenda_when(date: dt.date, time: dt.time | None) -> str:
    """Wednesday, 21st March, 2018, at 10.00 am (the agenda front sheet)."""
    text = f"{date:%A}, {ordinal(date.day)} {date:%B}, {date.year}"
    if time is not None:
        hour = time.hour % 12 or 12
        text += f", at {hour}.{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"
    return text


def clock(t: dt.time | None) -> str:
    """10.25am."""
    if t is None:
        return ""
    return f"{t.hour % 12 or 12}.{t.minute:02d}{'am' if t.hour < 12 else 'pm'}"


def join_and(items: Sequence[str]) -> str:
    """A, B and C."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
