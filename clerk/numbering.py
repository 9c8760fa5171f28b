"""Minute numbering rules, as pure functions of the committee's scheme and its meetings.

Numbers are given in the order minutes were taken, contiguous within a meeting, and
a meeting continues from the meeting before it (continuous numbering), restarts at 1
(per-meeting numbering) or restarts with each municipal year. Under a numbered-style agenda
a minute takes its item's number (a minute with no item of its own: the numbers after the
last item), restarting each meeting. Signed meetings keep
their numbers: a plan that would change them is refused by the services.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .errors import InvalidInput
from .kinds import AgendaStyle, NumberingScheme


@dataclass(frozen=True)
class MeetingSlot:
    """A meeting as numbering sees it: its place in time and its minutes in the order taken."""

    meeting_id: int
    date: dt.date
    start_time: dt.time | None
    signed: bool
    minute_ids: tuple[int, ...] = ()
    numbers: tuple[int | None, ...] = ()  # current numbers, same order as minute_ids
    series: str | None = None  # the series its minutes are stored in (None: not known)
    item_numbers: tuple[int | None, ...] = ()  # by item: each minute's item number, same order
    item_count: int = 0  # by item: the number of the agenda's last item
    first: int | None = None  # imported notes: their first minute's own number, where this meeting starts

    @property
    def order_key(self) -> tuple[dt.date, dt.time, int]:
        return (self.date, self.start_time or dt.time(0), self.meeting_id)


@dataclass(frozen=True)
class Scheme:
    kind: NumberingScheme = NumberingScheme.CONTINUOUS
    start: int = 1
    year_start_month: int = 5
    number_format: str = "{n}"
    by_item: bool = False  # numbered-style agenda: minutes take their items' numbers (per meeting)

    def series(self, meeting_id: int, date: dt.date) -> str:
        if self.kind is NumberingScheme.PER_MEETING:
            return f"m{meeting_id}"
        if self.kind is NumberingScheme.MUNICIPAL_YEAR:
            return str(municipal_year(date, self.year_start_month))
        return ""

    def format(self, number: int | None, series: str = "") -> str:
        if number is None:
            return "…"
        year = int(series) if series.isdigit() else None
        try:
            return self.number_format.format(
                n=number,
                year=year if year is not None else "",
                yy=f"{year % 100:02d}" if year is not None else "",
                next_yy=f"{(year + 1) % 100:02d}" if year is not None else "",
            )
        except (KeyError, IndexError, ValueError):
            return str(number)


def committee_scheme(agenda_style: str, kind: NumberingScheme, start: int, year_start_month: int, number_format: str) -> Scheme:
    """A committee's scheme from its settings: under a numbered-style agenda the minutes follow
    the items, each meeting; otherwise its numbering scheme, start and format."""
    if agenda_style == AgendaStyle.NUMBERED:
        return Scheme(kind=NumberingScheme.PER_MEETING, by_item=True)
    return Scheme(kind=kind, start=start, year_start_month=year_start_month, number_format=number_format)


def municipal_year(date: dt.date, start_month: int = 5) -> int:
    """The year a municipal year starts in: 23 March 2025 is in 2024/25 when years start in May."""
    return date.year if date.month >= start_month else date.year - 1


def municipal_year_range(year: int, start_month: int = 5) -> tuple[dt.date, dt.date]:
    """The municipal year starting in ``year``: 1 May 2014 to 30 April 2015 by default."""
    if not 1900 <= year <= 2999:
        raise InvalidInput(f"{year} is not a municipal year; give the year it starts, such as 2014 for 2014/15.")
    start = dt.date(year, start_month, 1)
    end = dt.date(year + 1, start_month, 1) - dt.timedelta(days=1)
    return start, end


def validate_format(number_format: str) -> None:
    try:
        number_format.format(n=1, year=2025, yy="25", next_yy="26")
    except (KeyError, IndexError, ValueError):
        raise InvalidInput(
            f"The number format '{number_format}' is not understood; use {{n}} for the number "
            "and {year}, {yy} or {next_yy} for the municipal year, e.g. '{n}/{year}'."
        ) from None
    if "{n}" not in number_format:
        raise InvalidInput("The number format must contain {n}, where the minute number goes.")


@dataclass
class Plan:
    """What every minute's (series, number) should be."""

    numbers: dict[int, tuple[str, int]] = field(default_factory=dict)
    signed_conflicts: list[tuple[int, int, int | None, int]] = field(default_factory=list)
    # (meeting_id, minute_id, current number, the number it would need) for signed meetings
    overlaps: list[tuple[int, int]] = field(default_factory=list)
    # (meeting_id, the number reached before it) for imported meetings the numbers before would run into


def plan_numbers(
    scheme: Scheme,
    meetings: Sequence[MeetingSlot],
    carry: Mapping[str, int] | None = None,
    started: bool = False,
    keep_signed: bool = False,
) -> Plan:
    """Number the minutes of ``meetings`` (any order; they are sorted here).

    When only the tail of a committee's meetings is renumbered, ``carry`` gives, per
    series, the last number used before the first of them, and ``started`` says whether
    any minute was numbered before them. The first series that has a minute starts at
    ``scheme.start`` (a body moving onto clerk mid-way: 161); every later series at 1.

    A meeting with a ``first`` number (imported notes) starts at it, whatever came before.

    Signed meetings keep their stored series and numbers whatever the scheme now says (a
    change of the numbering settings applies to unsigned meetings only); a plan in which they
    would no longer follow on from the numbers before them lists them as conflicts. Where a
    signed meeting opens its series, its first number must be the one the scheme starts it
    at, unless ``keep_signed`` (a change of the numbering settings, which leaves it as it is).
    """
    last: dict[str, int] = dict(carry or {})
    plan = Plan()
    for slot in sorted(meetings, key=lambda m: m.order_key):
        if not slot.minute_ids:
            continue
        series = scheme.series(slot.meeting_id, slot.date)
        fresh = series not in last  # the first meeting of its series (the start applies to unsigned ones)
        if series not in last:
            first = scheme.kind is not NumberingScheme.PER_MEETING and not started
            last[series] = scheme.start - 1 if first else 0
        started = True
        if slot.first is not None:  # imported notes keep their own numbers; the next meeting goes on from them
            if not fresh and last[series] >= slot.first:
                plan.overlaps.append((slot.meeting_id, last[series]))
            last[series] = slot.first - 1
        if slot.signed:
            # a signed meeting keeps its stored series and numbers, which must follow on from the
            # numbers before it (unless it opens its series); the next continues after its last
            numbered = [n for n in slot.numbers if n is not None]
            follows = (fresh and keep_signed) or not numbered or min(numbered) == last[series] + 1 or scheme.by_item
            for mid, current in zip(slot.minute_ids, slot.numbers, strict=False):
                plan.numbers[mid] = (slot.series if slot.series is not None else series, current if current is not None else 0)
                if not follows:
                    plan.signed_conflicts.append((slot.meeting_id, mid, current, last[series] + 1))
            last[series] = max(numbered) if numbered else last[series]
            continue
        if scheme.by_item and slot.first is None:
            plan.numbers.update(_by_item(slot, series))
            continue
        for mid in slot.minute_ids:
            last[series] += 1
            plan.numbers[mid] = (series, last[series])
    return plan


def _by_item(slot: MeetingSlot, series: str) -> dict[int, tuple[str, int]]:
    """The first minute taken under an item takes its number; the others, in the order taken,
    the numbers after the agenda's last item."""
    out: dict[int, tuple[str, int]] = {}
    used: set[int] = set()
    for mid, n in zip(slot.minute_ids, slot.item_numbers, strict=False):
        if n is not None and n not in used:
            out[mid] = (series, n)
            used.add(n)
    extra = max([slot.item_count, *used])
    for mid in slot.minute_ids:
        if mid not in out:
            extra += 1
            out[mid] = (series, extra)
    return out


def range_label(numbers: Sequence[int | None], scheme: Scheme | None = None, series: str = "") -> str:
    """``64–74`` for a meeting's minutes, ``75`` for one, ``""`` for none."""
    nums = sorted(n for n in numbers if n is not None)
    if not nums:
        return ""
    fmt = scheme.format if scheme else (lambda n, s="": str(n))
    if nums[0] == nums[-1]:
        return fmt(nums[0], series)
    return f"{fmt(nums[0], series)}–{fmt(nums[-1], series)}"
