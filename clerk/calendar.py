"""Working days in England and Wales: weekends and bank holidays, and the rule that an agenda is
published at least five clear working days before the meeting (Local Government Act 1972,
s.100B: "clear days" count neither the day of publication nor the day of the meeting)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .wording import day_date, plural

CLEAR_DAYS_REQUIRED = 5

# One-off bank holidays, and moved ones (the early May holiday moved to VE Day in 1995, 2020).
SPECIAL = {
    dt.date(1999, 12, 31): "Millennium Celebrations",
    dt.date(2002, 6, 3): "Golden Jubilee",  # the spring holiday moved to the 4th
    dt.date(2002, 6, 4): "Golden Jubilee",
    dt.date(2011, 4, 29): "Royal Wedding",
    dt.date(2012, 6, 4): "Diamond Jubilee",  # the spring holiday moved to the 5th
    dt.date(2012, 6, 5): "Diamond Jubilee",
    dt.date(2022, 6, 2): "Platinum Jubilee",  # the spring holiday moved to the 2nd
    dt.date(2022, 6, 3): "Platinum Jubilee",
    dt.date(2022, 9, 19): "State Funeral of Queen Elizabeth II",
    dt.date(2023, 5, 8): "Coronation of King Charles III",
}
MOVED_EARLY_MAY = {1995: dt.date(1995, 5, 8), 2020: dt.date(2020, 5, 8)}
MOVED_SPRING = {2002, 2012, 2022}  # the late May holiday was replaced by the jubilee days


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _first_monday(year: int, month: int) -> dt.date:
    d = dt.date(year, month, 1)
    return d + dt.timedelta(days=(7 - d.weekday()) % 7)


def _last_monday(year: int, month: int) -> dt.date:
    d = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return d - dt.timedelta(days=d.weekday())


def _substitute(day: dt.date, taken: set[dt.date]) -> dt.date:
    """A holiday on a weekend moves to the next weekday not already a holiday."""
    while day.weekday() >= 5 or day in taken:
        day += dt.timedelta(days=1)
    return day


@lru_cache(maxsize=256)
def bank_holidays(year: int) -> frozenset[dt.date]:
    days: set[dt.date] = set()
    days.add(_substitute(dt.date(year, 1, 1), days))
    e = easter(year)
    days |= {e - dt.timedelta(days=2), e + dt.timedelta(days=1)}
    if year >= 1978:
        days.add(MOVED_EARLY_MAY.get(year, _first_monday(year, 5)))
    if year not in MOVED_SPRING:
        days.add(_last_monday(year, 5))
    days.add(_last_monday(year, 8))
    christmas = _substitute(dt.date(year, 12, 25), days)
    days.add(christmas)
    days.add(_substitute(dt.date(year, 12, 26), days))
    days |= {d for d in SPECIAL if d.year == year}
    return frozenset(days)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def clear_working_days(published: dt.date, meeting: dt.date) -> int:
    """Working days strictly between publication and the meeting."""
    count, day = 0, published + dt.timedelta(days=1)
    while day < meeting:
        count += is_working_day(day)
        day += dt.timedelta(days=1)
    return count


def latest_publication(meeting: dt.date) -> dt.date:
    """The last day the agenda can be published with five clear working days."""
    day, count = meeting - dt.timedelta(days=1), 0
    while True:
        if is_working_day(day):
            count += 1
            if count == CLEAR_DAYS_REQUIRED:
                return day - dt.timedelta(days=1)
        day -= dt.timedelta(days=1)


def working_days_before(day: dt.date, days: int) -> dt.date:
    """The working day ``days`` working days before ``day`` (``day`` itself not counted); 0 is
    ``day``, or the working day before it when it is not one."""
    out, count = day, 0
    while count < days or not is_working_day(out):
        out -= dt.timedelta(days=1)
        count += is_working_day(out)
    return out


def publication_warning(published: dt.date | None, meeting: dt.date) -> str:
    """A plain warning when the agenda is published too late, or ""."""
    if published is None:
        return ""
    if published >= meeting:
        return "The agenda is published on or after the day of the meeting."
    clear = clear_working_days(published, meeting)
    if clear >= CLEAR_DAYS_REQUIRED:
        return ""
    latest = latest_publication(meeting)
    return (
        f"Only {plural(clear, 'clear working day')} before the meeting; five are needed. "
        f"Publish by {day_date(latest, comma=False)}."
    )
