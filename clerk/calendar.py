"""Working days in a committee's nation of the UK (England and Wales, Scotland or Northern Ireland):
weekends and bank holidays, and the rule that an agenda is published at least five clear working
days before the meeting (Local Government Act 1972, s.100B: "clear days" count neither the day of
publication nor the day of the meeting).

The bank holidays come from the maintained ``holidays`` library (substitute days, Easter, the
one-off jubilee, coronation and state funeral days); every count of working days goes through
``bank_holidays`` with the committee's nation (``Committee.holidays``)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .errors import InvalidInput
from .wording import day_date, plural

CLEAR_DAYS_REQUIRED = 5

ENGLAND_WALES, SCOTLAND, NORTHERN_IRELAND = "england_wales", "scotland", "northern_ireland"
# the stored value: (the holidays library's subdivision of the UK, what the clerk reads)
NATIONS = {
    ENGLAND_WALES: ("ENG", "England and Wales"),
    SCOTLAND: ("SCT", "Scotland"),
    NORTHERN_IRELAND: ("NIR", "Northern Ireland"),
}
NATION_CHOICES = [(label, key) for key, (_, label) in NATIONS.items()]  # (what the clerk reads, stored value)
_TYPED = {
    "england": ENGLAND_WALES,
    "wales": ENGLAND_WALES,
    "englandandwales": ENGLAND_WALES,
    "englandwales": ENGLAND_WALES,
    "eng": ENGLAND_WALES,
    "wls": ENGLAND_WALES,
    "scotland": SCOTLAND,
    "sct": SCOTLAND,
    "northernireland": NORTHERN_IRELAND,
    "ni": NORTHERN_IRELAND,
    "nir": NORTHERN_IRELAND,
}


def nation(typed: object) -> str:
    """The stored nation for what the clerk typed ("scotland", "Northern Ireland", "wales" …)."""
    key = "".join(ch for ch in str(typed or "").lower() if ch.isalpha())
    if key not in _TYPED:
        raise InvalidInput(
            f"'{typed}' is not a UK nation clerk knows the bank holidays of; use england-wales, scotland or northern-ireland."
        )
    return _TYPED[key]


def nation_name(stored: str) -> str:
    return NATIONS.get(stored, NATIONS[ENGLAND_WALES])[1]


@lru_cache(maxsize=256)
def bank_holidays(year: int, nation: str) -> frozenset[dt.date]:
    """The nation's bank holidays in ``year`` that fall on a weekday (a holiday on a weekend is
    already a day off; its substitute weekday is in the list)."""
    from holidays import country_holidays  # loaded on first use: the app's first frame does not wait for it

    subdiv = NATIONS.get(nation, NATIONS[ENGLAND_WALES])[0]
    return frozenset(d for d in country_holidays("GB", subdiv=subdiv, years=year) if d.weekday() < 5)


def is_working_day(day: dt.date, nation: str) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year, nation)


def clear_working_days(published: dt.date, meeting: dt.date, nation: str) -> int:
    """Working days strictly between publication and the meeting."""
    count, day = 0, published + dt.timedelta(days=1)
    while day < meeting:
        count += is_working_day(day, nation)
        day += dt.timedelta(days=1)
    return count


def latest_publication(meeting: dt.date, nation: str) -> dt.date:
    """The last day the agenda can be published with five clear working days."""
    day, count = meeting - dt.timedelta(days=1), 0
    while True:
        if is_working_day(day, nation):
            count += 1
            if count == CLEAR_DAYS_REQUIRED:
                return day - dt.timedelta(days=1)
        day -= dt.timedelta(days=1)


def working_days_before(day: dt.date, days: int, nation: str) -> dt.date:
    """The working day ``days`` working days before ``day`` (``day`` itself not counted); 0 is
    ``day``, or the working day before it when it is not one."""
    out, count = day, 0
    while count < days or not is_working_day(out, nation):
        out -= dt.timedelta(days=1)
        count += is_working_day(out, nation)
    return out


def publication_warning(published: dt.date | None, meeting: dt.date, nation: str) -> str:
    """A plain warning when the agenda is published too late, or ""."""
    if published is None:
        return ""
    if published >= meeting:
        return "The agenda is published on or after the day of the meeting."
    clear = clear_working_days(published, meeting, nation)
    if clear >= CLEAR_DAYS_REQUIRED:
        return ""
    latest = latest_publication(meeting, nation)
    return (
        f"Only {plural(clear, 'clear working day')} before the meeting; five are needed. "
        f"Publish by {day_date(latest, comma=False)}."
    )
