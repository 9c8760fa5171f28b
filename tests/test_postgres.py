"""The shared mode: clerk on a real PostgreSQL server (tests/pg.py starts one)."""

from __future__ import annotations

import inspect
import threading

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError

from clerk.demo import load_demo
from clerk.migrations import SCHEMA_VERSION
from clerk.models import Minute
from clerk.services import committees, meetings, minutes
from clerk.services.meetings import list_meetings
from clerk.storage import Store

from . import test_numbering
from .helpers import check_contiguous, numbers
from .test_numbering_properties import Numbering

pytestmark = pytest.mark.postgres

STORE_TESTS = sorted(
    name
    for name, fn in vars(test_numbering).items()
    if name.startswith("test_") and list(inspect.signature(fn).parameters) == ["store"]
)


def test_opening_creates_the_schema(pg_store):
    assert pg_store.dialect == "postgresql"
    assert pg_store.schema_version() == SCHEMA_VERSION
    assert {"committee", "meeting", "minute", "paragraph", "clerk_meta"} <= set(sa_inspect(pg_store.engine).get_table_names())


@pytest.mark.parametrize("name", STORE_TESTS)
def test_numbering_rules_hold_on_postgres(pg_store, name):
    getattr(test_numbering, name)(pg_store)


def test_the_demo_loads_once(pg_store):
    first, again = load_demo(pg_store), load_demo(pg_store)
    assert first.created and not again.created
    rows = {r.date.isoformat(): r for r in list_meetings(pg_store)}
    assert rows["2014-07-08"].minutes == "64–74" and rows["2014-07-08"].status == "held"
    assert rows["2014-10-14"].status == "draft"


def test_uniqueness_is_a_constraint_on_postgres(pg_store):
    c = committees.create_committee(pg_store, "KCSP")
    m = meetings.create_meeting(pg_store, c.id, "2014-07-08")
    minutes.add_minute(pg_store, m.id, "a")
    with pytest.raises(IntegrityError), pg_store.write() as s:
        s.add(Minute(committee_id=c.id, meeting_id=m.id, seq=5, series="", number=1, title="clash"))


def test_two_writers_at_once_never_clash(pg_server):
    """Two clerks, two connections, one committee: one adds minutes to the earlier meeting
    (renumbering the later one each time), the other to the later meeting, at the same time."""
    url = pg_server.new_database()
    first, second = Store.open(url), Store.open(url)
    try:
        c = committees.create_committee(first, "KCSP", numbering_start=64)
        july = meetings.create_meeting(first, c.id, "2014-07-08")
        october = meetings.create_meeting(first, c.id, "2014-10-14")
        errors: list[BaseException] = []
        start = threading.Barrier(2)

        def writer(store: Store, meeting_id: int, prefix: str) -> None:
            try:
                start.wait()
                for i in range(25):
                    minutes.add_minute(store, meeting_id, f"{prefix} {i}", at=0 if i % 3 == 0 else None)
            except BaseException as exc:
                errors.append(exc)

        threads = [
            threading.Thread(target=writer, args=(first, july.id, "july")),
            threading.Thread(target=writer, args=(second, october.id, "october")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert not errors, errors
        assert numbers(first, july.id) == list(range(64, 89))
        assert numbers(first, october.id) == list(range(89, 114))
        check_contiguous(first, c.id)
    finally:
        first.close()
        second.close()


class NumberingOnPostgres(Numbering):
    server = None

    def open_store(self) -> Store:
        return Store.open(self.server.new_database())


def test_numbering_properties_on_postgres(pg_server):
    NumberingOnPostgres.server = pg_server
    NumberingOnPostgres.TestCase.settings = settings(
        max_examples=12,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    NumberingOnPostgres.TestCase("runTest").runTest()
