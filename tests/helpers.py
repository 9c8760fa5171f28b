"""Small helpers the tests share: reading back what is stored."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from clerk.models import Committee, Meeting, Minute
from clerk.numbering import municipal_year
from clerk.storage import Store


def meetings_in_order(store: Store, committee_id: int) -> list[Meeting]:
    with store.read() as s:
        rows = s.exec(select(Meeting).where(Meeting.committee_id == committee_id)).all()
    return sorted(rows, key=lambda m: (m.date, m.start_time or dt.time(0), m.id))


def minutes_of(store: Store, meeting_id: int) -> list[Minute]:
    with store.read() as s:
        return list(s.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(Minute.seq, Minute.id)).all())


def numbers(store: Store, meeting_id: int) -> list[int]:
    return [m.number for m in minutes_of(store, meeting_id)]


def check_contiguous(store: Store, committee_id: int) -> None:
    """Every series runs start, start+1, ... in meeting order then the order taken."""
    with store.read() as s:
        committee = s.get(Committee, committee_id)
    by_series: dict[str, list[int]] = {}
    order: list[str] = []
    for meeting in meetings_in_order(store, committee_id):
        for minute in minutes_of(store, meeting.id):
            if committee.numbering_scheme == "per_meeting":
                key = f"m{meeting.id}"
            elif committee.numbering_scheme == "municipal_year":
                key = str(municipal_year(meeting.date, committee.year_start_month))
            else:
                key = ""
            assert minute.series == key, (minute, key)
            if key not in by_series:
                order.append(key)
            by_series.setdefault(key, []).append(minute.number)
    for i, key in enumerate(order):
        nums = by_series[key]
        if committee.numbering_scheme == "per_meeting":
            first = 1
        elif i == 0:
            first = committee.numbering_start
        else:
            first = 1
        assert nums == list(range(first, first + len(nums))), (key, nums)
