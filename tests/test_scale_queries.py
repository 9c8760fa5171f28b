"""Twenty years of minutes cost the home list and the next minute number no more than one year:
their queries find what they need through indexes, never reading or sorting every minute (the
plans SQLite gives, checked here; bench/scale.py measures the time), and meetings on the same
day are still ordered by start time, then as created."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from sqlalchemy import event

from clerk.services import committees, meetings, minutes, signoff


def plans(store, call) -> list[str]:
    """SQLite's plan for every query ``call`` makes."""
    statements = []

    def seen(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    out = []
    with store.engine.connect() as conn:
        for statement, parameters in statements:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            out.append(" / ".join(r[-1] for r in rows))
    return out


def _history(store, held: int = 6):
    c = committees.create_committee(store, "Kent Community Safety Partnership", numbering_start=64)
    ids = []
    for i in range(held):
        m = meetings.create_meeting(store, c.id, dt.date(2014 + i // 3, 1 + (i % 3) * 4, 8), start_time=dt.time(10))
        for title in ("Apologies", "Notes", "Report"):
            minutes.add_minute(store, m.id, title)
        meetings.set_status(store, m.id, "held")
        ids.append(m.id)
    for earlier, later in pairwise(ids):
        signoff.sign(store, earlier, approved_at_meeting_id=later)
    return c


def test_the_list_reads_each_meetings_numbers_from_the_index(store):
    _history(store)
    [plan] = [p for p in plans(store, lambda: meetings.list_meetings(store)) if "minute" in p]
    assert "SEARCH minute USING COVERING INDEX ix_minute_meeting_number" in plan
    assert "SCAN minute" not in plan and "signoff" not in plan  # signed ranges are on the meeting
    rows = meetings.list_meetings(store)
    assert [r.minutes for r in rows] == ["64–66", "67–69", "70–72", "73–75", "76–78", "79–81"]
    assert [r.minute_count for r in rows] == [3] * 6


def test_the_next_number_looks_only_at_the_meeting_before(store):
    c = _history(store)
    nxt = meetings.create_meeting(store, c.id, "2016-12-01")
    found = plans(store, lambda: minutes.next_number(store, nxt.id))
    [before] = [p for p in found if "ix_meeting_committee_date" in p]
    assert "USE TEMP B-TREE FOR ORDER BY" not in before  # walks back from the date, sorts nothing
    assert not any("SCAN minute" in p or "SCAN meeting" in p for p in found)
    assert minutes.next_number(store, nxt.id) == "82"
    found = plans(store, lambda: minutes.add_minute(store, nxt.id, "Apologies"))
    assert not any("SCAN minute" in p or "SCAN meeting" in p for p in found)


def test_meetings_on_one_day_follow_their_start_times(store):
    c = committees.create_committee(store, "Cabinet")
    day = dt.date(2025, 3, 25)
    afternoon = meetings.create_meeting(store, c.id, day, start_time=dt.time(14), standard_items=False)
    untimed = meetings.create_meeting(store, c.id, day, standard_items=False)  # counts as midnight
    morning = meetings.create_meeting(store, c.id, day, start_time=dt.time(9, 30), standard_items=False)
    also_afternoon = meetings.create_meeting(store, c.id, day, start_time=dt.time(14), standard_items=False)
    assert [minutes.next_number(store, m.id) for m in (untimed, morning, afternoon, also_afternoon)] == ["1"] * 4
    minutes.add_minute(store, untimed.id, "a")
    minutes.add_minute(store, untimed.id, "b")
    assert minutes.next_number(store, morning.id) == "3"
    minutes.add_minute(store, morning.id, "c")
    assert minutes.next_number(store, afternoon.id) == "4"
    assert minutes.next_number(store, also_afternoon.id) == "4"  # created later: after the other 14:00
    minutes.add_minute(store, afternoon.id, "d")
    assert minutes.next_number(store, also_afternoon.id) == "5"
    assert minutes.add_minute(store, also_afternoon.id, "e").number == 5
