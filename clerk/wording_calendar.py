"""The words of the calendar: an event's title and description, and the schedule's day names."""

from __future__ import annotations

import datetime as dt

from .wording import day_date, long_date

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}
MONTHS = (  # "march"; "mar" is taken too
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def meeting_summary(committee: str, cancelled: bool) -> str:
    return f"CANCELLED: {committee}" if cancelled else committee


def meeting_description(date: dt.date, published: dt.date | None, minutes: str = "") -> str:
    parts = [f"Meeting of {long_date(date)}."]
    if published:
        parts.append(f"Agenda published {day_date(published, comma=False)}.")
    if minutes:
        parts.append(f"Minutes {minutes}.")
    return " ".join(parts)


def publication_summary(committee: str, date: dt.date, published: bool) -> str:
    verb = "Agenda published" if published else "Agenda due"
    return f"{verb}: {committee}, {long_date(date)}"


def schedule_rule(nth: int, weekday: int, months: list[int]) -> str:
    """ "every second Tuesday in March, July and October" """
    which = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}[nth]
    names = [MONTHS[m - 1].title() for m in months]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"every {which} {WEEKDAYS[weekday].title()} in {listed}"
