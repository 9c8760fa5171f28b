"""A committee's dates for a whole municipal year at once: "every second Tuesday in March,
July and October". Dates that already have a meeting are left alone, so running it twice
adds nothing; a date on a bank holiday is refused with the reason."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from ..calendar import bank_holidays
from ..errors import InvalidInput
from ..models import Committee, Meeting
from ..storage import Store
from ..wording import long_date
from ..wording_calendar import MONTHS, ORDINALS, WEEKDAYS, schedule_rule
from .common import get


@dataclass(frozen=True)
class Rule:
    nth: int  # 1–4, or -1 for the last
    weekday: int  # Monday 0
    months: tuple[int, ...]

    def describe(self) -> str:
        return schedule_rule(self.nth, self.weekday, list(self.months))


def parse_rule(day: str, months: str) -> Rule:
    """``day`` such as "second Tuesday", "2nd tue", "last wednesday"; ``months`` such as
    "March, July, October", "mar jul oct" or "3,7,10"."""
    words = day.lower().split()
    if len(words) != 2 or words[0] not in ORDINALS:
        raise InvalidInput(f"'{day}' is not a day of the month clerk knows: write it as 'second Tuesday' or 'last Wednesday'.")
    weekday = next((i for i, name in enumerate(WEEKDAYS) if len(words[1]) >= 3 and name.startswith(words[1])), None)
    if weekday is None:
        raise InvalidInput(f"'{words[1]}' is not a day of the week: write Monday, Tuesday … Sunday.")
    found: list[int] = []
    for token in [t for t in re.split(r"[\s,;/]+|\band\b", months.lower()) if t]:
        if token.isdigit() and 1 <= int(token) <= 12:
            found.append(int(token))
        elif len(token) >= 3 and any(name.startswith(token) for name in MONTHS):
            found.append(next(i for i, name in enumerate(MONTHS) if name.startswith(token)) + 1)
        else:
            raise InvalidInput(f"'{token}' is not a month: write March, mar or 3.")
    if not found:
        raise InvalidInput("Say which months the committee meets in, such as 'March, July, October'.")
    return Rule(ORDINALS[words[0]], weekday, tuple(dict.fromkeys(found)))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth == -1:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def dates_for(rule: Rule, year: int, start_month: int = 5) -> list[dt.date]:
    """The rule's dates in the municipal year starting in ``year`` (months before the start
    month fall in the next calendar year), in date order."""
    out = [nth_weekday(year if m >= start_month else year + 1, m, rule.weekday, rule.nth) for m in rule.months]
    return sorted(out)


@dataclass(frozen=True)
class Planned:
    date: dt.date
    existing: bool  # a meeting is already set that day: left as it is
    holiday: bool  # a bank holiday: not added


def plan_year(store: Store, committee_id: int, rule: Rule, year: int) -> list[Planned]:
    with store.read() as session:
        committee = get(session, Committee, committee_id, "committee")
        dates = dates_for(rule, year, committee.year_start_month)
        taken = set(
            session.exec(
                select(col(Meeting.date)).where(Meeting.committee_id == committee_id, col(Meeting.date).in_(dates))
            ).all()
        )
        nation = committee.holidays
    holidays = set().union(*(bank_holidays(y, nation) for y in {d.year for d in dates}))
    return [Planned(d, d in taken, d in holidays) for d in dates]


def schedule_year(store: Store, committee_id: int, rule: Rule, year: int, **values: Any) -> list[Meeting]:
    """Create the meetings the rule gives for the year; returns those created."""
    from .meetings import create_meeting

    planned = plan_year(store, committee_id, rule, year)
    holidays = [p.date for p in planned if p.holiday and not p.existing]
    if holidays:
        raise InvalidInput(f"{long_date(holidays[0])} is a bank holiday: choose another rule, or set that meeting by hand (F2).")
    return [create_meeting(store, committee_id, p.date, **values) for p in planned if not p.existing]
