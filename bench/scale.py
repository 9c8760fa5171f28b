"""Scale, side by side in one run: one committee with 80 minutes (2 held meetings of 40) against
8,000 (200 held meetings of 40, five a year from 2006: twenty years), each meeting with its
agenda, attendance and paragraphs, every held meeting but the latest signed (approved at the next).
Both databases then have the same two meetings to come: the next one (scheduled, its standard
agenda) and one under way. What is measured touches the same rows in both, so any ratio above
1 is what the history costs.

Rows: ``list_meetings``; the home list as drawn (the real app headless, 100x30, from asking the
home screen to reload until the app has settled); opening the agenda builder and the live screen
on the next meeting (until settled); the notes of the latest held meeting exported in-process
(the document data built, the .docx written); the next minute number for a new meeting and for
one under way; taking an item in the live meeting.

Each round measures both sizes in turn (call by call for the domain rows, one app after the other
for the screens) and keeps the quickest of a few calls each; the ratio 8,000/80 is printed as the
median and min-max over the rounds.

Run: .venv/bin/python bench/scale.py [rounds]
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from itertools import pairwise
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the project first

from clerk.documents import build_notes
from clerk.live.lock import Holder
from clerk.live.meeting import LiveMeeting
from clerk.models import AgendaItem, Attendance, Meeting, MeetingStatus, Membership, Minute, Paragraph, Person
from clerk.services import agenda, committees, meetings, minutes, signoff
from clerk.storage import Store
from exports.notes import write_notes

MINUTES_PER_MEETING = 40
PEOPLE = 15
SIZES = {"80": 2, "8,000": 200}  # held meetings of 40 minutes
PARAGRAPH = "Mr Peerbux explained that the Community Safety Agreement was now a rolling document. " * 3
INNER = 5  # calls per size per round; the round takes the quickest (the machine may be loaded)


class Case:
    """One database and the ids the measurements use."""

    def __init__(self, folder: Path, held: int) -> None:
        self.store = Store.open(folder / f"scale-{held}.db")
        self.folder = folder
        self.committee_id, self.latest_held, self.next_id, self.under_way = build(self.store, held)
        self.live = LiveMeeting(self.store, self.under_way, Holder.here())
        assert self.live.acquire().granted
        self.taken = 0

    def take_item(self) -> None:
        """A new agenda item taken live: its minute created and numbered (the item is added
        outside the clock by ``prepare_take``)."""
        self.live.take_item(self._item)

    def prepare_take(self) -> None:
        self.taken += 1
        self._item = agenda.add_item(self.store, self.under_way, "B", f"Report {self.taken}").id

    def export(self) -> None:
        write_notes(build_notes(self.store, self.latest_held), self.folder / f"notes-{self.committee_id}.docx")


def build(store: Store, held: int) -> tuple[int, int, int, int]:
    """The committee, its members and ``held`` held meetings (rows in bulk: this is the data,
    not what is measured), every one but the latest signed; then the next meeting and one
    under way, made through the services. Returns the committee, the latest held meeting, the
    next meeting and the one under way."""
    committee = committees.create_committee(store, "Kent Community Safety Partnership")
    cid = committee.id
    number = 0
    ids: list[int] = []
    with store.write() as s:
        people = [Person(title="Mr", forenames=f"P{i}", surname=f"Member{i}") for i in range(PEOPLE)]
        s.add_all(people)
        s.flush()
        s.add_all(Membership(committee_id=cid, person_id=p.id) for p in people)
        for i in range(held):
            date = dt.date(2006 + i // 5, 1 + (i % 5) * 2, 10)
            meeting = Meeting(committee_id=cid, date=date, start_time=dt.time(10), venue="Medway Room", status=MeetingStatus.HELD)
            s.add(meeting)
            s.flush()
            ids.append(meeting.id)
            items = [
                AgendaItem(meeting_id=meeting.id, section="B", position=k, title=f"Item {k}") for k in range(MINUTES_PER_MEETING)
            ]
            s.add_all(items)
            s.add_all(Attendance(meeting_id=meeting.id, person_id=p.id, position=k) for k, p in enumerate(people))
            s.flush()
            rows = []
            for seq, item in enumerate(items):
                number += 1
                rows.append(
                    Minute(
                        committee_id=cid, meeting_id=meeting.id, seq=seq, number=number, title=item.title, agenda_item_id=item.id
                    )
                )
            s.add_all(rows)
            s.flush()
            s.add_all(Paragraph(minute_id=m.id, position=p, text=PARAGRAPH) for m in rows for p in range(3))
    for earlier, later in pairwise(ids):  # the latest waits for the next meeting
        signoff.sign(store, earlier, approved_at_meeting_id=later)
    last = dt.date(2006 + held // 5, 11, 10)
    nxt = meetings.create_meeting(store, cid, last, start_time=dt.time(10)).id
    under_way = meetings.create_meeting(store, cid, last + dt.timedelta(days=28), start_time=dt.time(10)).id
    minutes.add_minute(store, under_way, "Vice-Chairman in the Chair")
    return cid, ids[-1], nxt, under_way


def domain_round(cases: list[Case]) -> list[dict[str, float]]:
    """Each call made on every database in turn, ``INNER`` times; the quickest of each."""
    ops: dict[str, tuple[Callable[[Case], object], Callable[[Case], object] | None]] = {
        "list_meetings": (lambda c: meetings.list_meetings(c.store), None),
        "notes export (in-process)": (Case.export, None),
        "next number, new meeting": (lambda c: minutes.next_number(c.store, c.next_id), None),
        "next number, under way": (lambda c: minutes.next_number(c.store, c.under_way), None),
        "take an item": (Case.take_item, Case.prepare_take),
    }
    out: list[dict[str, float]] = [{} for _ in cases]
    for name, (fn, before) in ops.items():
        for _ in range(INNER):
            for case, got in zip(cases, out, strict=True):
                if before is not None:
                    before(case)
                t = time.perf_counter()
                fn(case)
                took = time.perf_counter() - t
                got[name] = min(took, got.get(name, took))
    return out


async def quickest(fn: Callable[[], Awaitable[object]], after: Callable[[], Awaitable[object]]) -> float:
    best = float("inf")
    for _ in range(INNER):
        t = time.perf_counter()
        await fn()
        best = min(best, time.perf_counter() - t)
        await after()
    return best


async def ui_round(case: Case) -> dict[str, float]:
    from screens.agenda_builder import AgendaScreen
    from screens.app import ClerkApp
    from screens.home import HomeScreen
    from screens.live.screen import LiveScreen
    from tests.settled import settled

    app = ClerkApp(case.store)
    out = {}
    async with app.run_test(size=(100, 30)) as pilot:
        home = await settled(pilot, HomeScreen)
        assert isinstance(home, HomeScreen) and home.rows

        async def reload() -> None:
            home.reload()
            await settled(pilot, HomeScreen)

        async def nothing() -> None:
            pass

        async def back() -> None:
            app.pop_screen()
            await settled(pilot, HomeScreen)

        def opening(screen: Callable[[], object], kind: type) -> Callable[[], Awaitable[None]]:
            async def run() -> None:
                app.push_screen(screen())  # type: ignore[arg-type]
                await settled(pilot, kind)

            return run

        out["home list as drawn"] = await quickest(reload, nothing)
        out["open the agenda builder"] = await quickest(opening(lambda: AgendaScreen(case.next_id), AgendaScreen), back)
        out["open the live screen"] = await quickest(opening(lambda: LiveScreen(case.next_id), LiveScreen), back)
    return out


def main(rounds: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cases = [Case(Path(tmp), held) for held in SIZES.values()]
        domain_round(cases)  # warm: imports, first queries
        for case in cases:
            asyncio.run(ui_round(case))
        per_round = []
        for _ in range(rounds):
            domain = domain_round(cases)
            per_round.append([d | asyncio.run(ui_round(case)) for d, case in zip(domain, cases, strict=True)])
        for case in cases:
            case.live.release()
            case.store.close()
    print(f"scale: 8,000 minutes (200 meetings x 40) against 80 (2 x 40); {rounds} rounds, each the quickest of {INNER} calls")
    print(f"  {'':28} {'80 ms':>8} {'8,000 ms':>9}   ratio median (min-max)")
    for key in per_round[0][0]:
        small = statistics.median(r[0][key] for r in per_round) * 1000
        big = statistics.median(r[1][key] for r in per_round) * 1000
        ratios = [r[1][key] / r[0][key] for r in per_round]
        print(f"  {key:28} {small:8.1f} {big:9.1f}   {statistics.median(ratios):5.2f}x ({min(ratios):.2f}-{max(ratios):.2f})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
