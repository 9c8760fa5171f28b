"""The home list as plain data: a meeting's row (date, status, the minute numbers it used), a
committee's name, and the rules that make them, shared by the service that reads them through
the database layer (clerk.services.meetings) and the light read of the first frame (clerk.quick).
Nothing here imports the database layer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from .kinds import MeetingStatus
from .numbering import Scheme, range_label

STATUS_LABELS = {
    MeetingStatus.DRAFT: "scheduled",
    MeetingStatus.PUBLISHED: "agenda published",
    MeetingStatus.IN_PROGRESS: "in progress",
    MeetingStatus.HELD: "held",
    MeetingStatus.SIGNED: "signed",
    MeetingStatus.CANCELLED: "cancelled",
}


def status_label(status: MeetingStatus | str) -> str:
    """What the clerk calls the state: a draft agenda is a meeting "scheduled"."""
    return STATUS_LABELS[MeetingStatus(status)]


@dataclass(frozen=True)
class MeetingRow:
    id: int
    committee_id: int
    committee: str
    date: dt.date
    start_time: dt.time | None
    venue: str
    status: MeetingStatus
    minutes: str  # "64–74"
    minute_count: int


class CommitteeRow(NamedTuple):
    """A committee as the home list names it."""

    id: int
    name: str


def minutes_label(scheme: Scheme, meeting_id: int, date: dt.date, lo: int | None, hi: int | None, signed: str = "") -> str:
    """The minute numbers a meeting used ("64–74"), from its lowest and highest; signed notes
    show the numbers they were signed with (``signed``: the meeting's ``signed_minutes``, see
    ``frozen_range``)."""
    if signed:
        return signed
    return range_label([n for n in (lo, hi) if n is not None], scheme, scheme.series(meeting_id, date))


def frozen_numbers(snapshot: str) -> list[str]:
    """The minute numbers as printed in the copy of signed notes frozen at signing, in the order
    taken ([] when there is no copy)."""
    if not snapshot:
        return []
    import json

    return [b["number"] for b in json.loads(snapshot)["blocks"] if b.get("__type") == "MinuteBlock"]


def frozen_range(snapshot: str) -> str:
    """ "64–74" (one minute: "64"; none: "") for the copy of signed notes frozen at signing: what
    a signed meeting keeps as its ``signed_minutes``, so that lists need not read the copy."""
    numbers = frozen_numbers(snapshot)
    if not numbers:
        return ""
    first, last = numbers[0], numbers[-1]
    return first if first == last else f"{first}–{last}"


class Listing(NamedTuple):
    """What the home list shows: the committees in use, by name, and every meeting, oldest first."""

    committees: list[CommitteeRow]
    meetings: list[MeetingRow]
