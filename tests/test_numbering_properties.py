"""Random sequences of create / insert / move / delete / reschedule / sign across several
meetings, under each numbering scheme. After every step the numbers are contiguous, unique
and in meeting order, and signed meetings are exactly as they were when signed; a refused
step changes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlmodel import select

from clerk.errors import FrozenRecord, NumberingError
from clerk.models import Meeting, MeetingStatus, Minute
from clerk.services import committees, meetings, minutes, signoff
from clerk.storage import Store

from .helpers import check_contiguous, meetings_in_order, minutes_of

BASE = dt.date(2024, 1, 1)
DAYS = st.integers(min_value=0, max_value=900)  # spans municipal years


def snapshot(store: Store) -> list[tuple]:
    with store.read() as s:
        return [
            (m.id, m.meeting_id, m.seq, m.series, m.number, m.title) for m in s.exec(select(Minute).order_by(Minute.id)).all()
        ]


class Numbering(RuleBasedStateMachine):
    def open_store(self) -> Store:
        """A fresh database for each run: an SQLite file here; PostgreSQL in test_postgres."""
        return Store.open(self.dir / "clerk.db")

    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="clerk-prop-"))
        self.store = self.open_store()
        self.signed: dict[int, list[tuple]] = {}
        self.counter = 0

    @initialize(scheme=st.sampled_from(["continuous", "per_meeting", "municipal_year"]), start=st.integers(1, 200))
    def make_committee(self, scheme: str, start: int) -> None:
        self.committee = committees.create_committee(self.store, "C", numbering_scheme=scheme, numbering_start=start)

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # -- what there is to act on ---------------------------------------------------
    def _meetings(self) -> list[Meeting]:
        return meetings_in_order(self.store, self.committee.id)

    def _all_minutes(self) -> list[Minute]:
        return [m for mt in self._meetings() for m in minutes_of(self.store, mt.id)]

    def _attempt(self, action) -> None:
        """Run a change; a refusal must be for a signed meeting and must leave everything as it was."""
        before = snapshot(self.store)
        try:
            action()
        except (FrozenRecord, NumberingError):
            assert snapshot(self.store) == before
            assert self.signed, "a change was refused although nothing is signed"

    # -- rules --------------------------------------------------------------------
    @rule(days=DAYS, hour=st.sampled_from([None, 10, 14]))
    def create_meeting(self, days: int, hour: int | None) -> None:
        meetings.create_meeting(
            self.store, self.committee.id, BASE + dt.timedelta(days=days), start_time=dt.time(hour) if hour is not None else None
        )

    @precondition(lambda self: True)
    @rule(which=st.integers(0, 50), at=st.one_of(st.none(), st.integers(0, 50)))
    def add_minute(self, which: int, at: int | None) -> None:
        ms = self._meetings()
        if not ms:
            return
        meeting = ms[which % len(ms)]
        self.counter += 1
        self._attempt(lambda: minutes.add_minute(self.store, meeting.id, f"minute {self.counter}", at=at))

    @rule(which=st.integers(0, 50))
    def next_number_is_the_number_taken(self, which: int) -> None:
        """The number offered for the next minute (a new meeting's too) is the one it gets."""
        ms = [m for m in self._meetings() if m.status != MeetingStatus.SIGNED.value]
        if not ms:
            return
        meeting = ms[which % len(ms)]
        offered = minutes.next_number(self.store, meeting.id)
        self.counter += 1
        taken: list[Minute] = []
        self._attempt(lambda: taken.append(minutes.add_minute(self.store, meeting.id, f"minute {self.counter}")))
        if taken:
            assert str(taken[0].number) == offered

    @rule(which=st.integers(0, 500), to=st.integers(0, 50))
    def move_minute(self, which: int, to: int) -> None:
        ms = self._all_minutes()
        if ms:
            self._attempt(lambda: minutes.move_minute(self.store, ms[which % len(ms)].id, to))

    @rule(which=st.integers(0, 500))
    def delete_minute(self, which: int) -> None:
        ms = self._all_minutes()
        if ms:
            self._attempt(lambda: minutes.delete_minute(self.store, ms[which % len(ms)].id))

    @rule(which=st.integers(0, 50), days=DAYS)
    def reschedule(self, which: int, days: int) -> None:
        ms = self._meetings()
        if ms:
            meeting = ms[which % len(ms)]
            self._attempt(lambda: meetings.reschedule(self.store, meeting.id, BASE + dt.timedelta(days=days), meeting.start_time))

    @rule(which=st.integers(0, 50))
    def sign(self, which: int) -> None:
        ms = [m for m in self._meetings() if m.status != MeetingStatus.SIGNED.value]
        if not ms:
            return
        meeting = ms[which % len(ms)]
        meetings.set_status(self.store, meeting.id, "held")
        signoff.sign(self.store, meeting.id)
        self.signed[meeting.id] = [(m.id, m.series, m.number, m.title) for m in minutes_of(self.store, meeting.id)]

    # -- invariants ---------------------------------------------------------------
    @invariant()
    def numbers_are_contiguous_unique_and_in_meeting_order(self) -> None:
        if hasattr(self, "committee"):
            check_contiguous(self.store, self.committee.id)

    @invariant()
    def signed_meetings_never_change(self) -> None:
        for meeting_id, frozen in self.signed.items():
            assert [(m.id, m.series, m.number, m.title) for m in minutes_of(self.store, meeting_id)] == frozen


Numbering.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestNumberingProperties = Numbering.TestCase
