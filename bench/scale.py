"""Scale: listing meetings and giving the next minute number with 20 years of records
(200 meetings of 40 minutes, each with paragraphs) against one year (10 meetings), same run.

Run: .venv/bin/python bench/scale.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the project first

from clerk.models import Meeting, MeetingStatus, Minute, Paragraph
from clerk.services import committees, meetings, minutes
from clerk.storage import Store

MINUTES_PER_MEETING = 40
PARAGRAPH = "Mr Peerbux explained that the Community Safety Agreement was now a rolling document. " * 3


def build(store: Store, n_meetings: int) -> tuple[int, int]:
    """A committee with ``n_meetings`` held meetings, five a year from 2006, minuted in full; and
    the next meeting, scheduled. Rows go in in bulk: this is the data, not what is measured."""
    committee = committees.create_committee(store, "Kent Community Safety Partnership")
    number = 0
    with store.write() as s:
        for i in range(n_meetings):
            date = dt.date(2006 + i // 5, 1 + (i % 5) * 2, 10)
            meeting = Meeting(committee_id=committee.id, date=date, start_time=dt.time(10), status=MeetingStatus.HELD)
            s.add(meeting)
            s.flush()
            rows = []
            for seq in range(MINUTES_PER_MEETING):
                number += 1
                rows.append(Minute(committee_id=committee.id, meeting_id=meeting.id, seq=seq, number=number, title=f"Item {seq}"))
            s.add_all(rows)
            s.flush()
            s.add_all(Paragraph(minute_id=m.id, position=p, text=PARAGRAPH) for m in rows for p in range(3))
    last_date = dt.date(2006 + n_meetings // 5, 12, 1)
    nxt = meetings.create_meeting(store, committee.id, last_date)
    return committee.id, nxt.id


def median_ms(fn, repeat: int = 30) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def measure(n_meetings: int, folder: Path) -> dict[str, float]:
    store = Store.open(folder / f"scale-{n_meetings}.db")
    _committee_id, next_id = build(store, n_meetings)
    out = {
        "list meetings": median_ms(lambda: meetings.list_meetings(store)),
        "next number (new meeting)": median_ms(lambda: minutes.next_number(store, next_id)),
    }
    first = minutes.add_minute(store, next_id, "Apologies")
    out["next number (meeting under way)"] = median_ms(lambda: minutes.next_number(store, next_id))
    out["take an item (add a minute)"] = median_ms(lambda: minutes.add_minute(store, next_id, "Item"), repeat=15)
    assert first.number == n_meetings * MINUTES_PER_MEETING + 1
    store.close()
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        one = measure(10, Path(tmp))
        twenty = measure(200, Path(tmp))
    print("scale: 20 years (200 meetings x 40 minutes) against 1 year (10 meetings), median ms")
    for key in one:
        print(f"  {key:32} 1 year {one[key]:7.2f}   20 years {twenty[key]:7.2f}   ratio {twenty[key] / one[key]:5.2f}x")


if __name__ == "__main__":
    main()
