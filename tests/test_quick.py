"""The light read of the home list (clerk.quick) gives what the services give, loads none of the
database layer, and is not trusted on anything but this clerk's SQLite schema."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clerk.config import resolve_database, sqlite_target
from clerk.ids import id_of
from clerk.listing import CommitteeRow, Listing
from clerk.migrations import SCHEMA_VERSION
from clerk.quick import quick_listing
from clerk.services import committees, meetings, minutes
from clerk.services.signoff import approve_previous

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "clerk.models", "clerk.storage", "clerk.services", "docx", "exports")


def through_services(store) -> Listing:
    return Listing([CommitteeRow(id_of(c), c.name) for c in committees.list_committees(store)], meetings.list_meetings(store))


def test_the_demo_reads_the_same_as_through_the_services(store, demo):
    quick = quick_listing(store.target)
    assert quick == through_services(store)
    assert [r.minutes for r in quick.meetings] == ["64–74", ""]


def test_signed_numbered_cancelled_and_retired_read_the_same(store, demo):
    approve_previous(store, demo.next_meeting_id)  # July's notes signed: their frozen numbers
    minutes.add_minute(store, demo.next_meeting_id, "Apologies")
    yearly = committees.create_committee(
        store, "Audit Panel", numbering_scheme="municipal_year", number_format="{n}/{yy}", numbering_start=7
    )
    june = meetings.create_meeting(store, id_of(yearly), dt.date(2025, 6, 3), venue="Room [B] & annexe")
    minutes.add_minute(store, id_of(june), "Minutes")
    minutes.add_minute(store, id_of(june), "Budget")
    meetings.create_meeting(store, id_of(yearly), dt.date(2025, 6, 3), start_time=dt.time(9, 30))
    numbered = committees.create_committee(store, "Board", agenda_style="numbered")
    board = meetings.create_meeting(store, id_of(numbered), dt.date(2025, 1, 9))
    minutes.add_minute(store, id_of(board), "Welcome")
    called_off = meetings.create_meeting(store, id_of(numbered), dt.date(2025, 2, 9), standard_items=False)
    meetings.cancel_meeting(store, id_of(called_off))
    old = committees.create_committee(store, "Old Forum")
    meetings.create_meeting(store, id_of(old), dt.date(2013, 5, 1))
    committees.update_committee(store, id_of(old), retired=True)

    quick = quick_listing(store.target)
    assert quick == through_services(store)
    assert "Old Forum" not in [c.name for c in quick.committees]
    assert "Old Forum" in [r.committee for r in quick.meetings]
    assert {r.minutes for r in quick.meetings} >= {"64–74", "75", "7/25–8/25", "5"}


def test_an_older_or_newer_schema_is_left_to_the_store(store, demo):
    path = store.target.path
    store.close()
    for version in (SCHEMA_VERSION - 1, SCHEMA_VERSION + 1):
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE clerk_meta SET value = ? WHERE key = 'schema_version'", (str(version),))
        assert quick_listing(store.target) is None


def test_what_is_not_a_clerk_database_is_left_to_the_store(tmp_path):
    assert quick_listing(sqlite_target(tmp_path / "none-yet.db")) is None
    (tmp_path / "notes.txt").write_text("not a database")
    assert quick_listing(sqlite_target(tmp_path / "notes.txt")) is None
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.close()
    assert quick_listing(sqlite_target(tmp_path / "other.db")) is None
    assert quick_listing(resolve_database("postgresql+psycopg://clerk@localhost/clerk")) is None


def test_the_quick_read_writes_nothing(store, demo):
    store.close()  # its changes are in the file now
    before = store.target.path.read_bytes()
    assert quick_listing(store.target) is not None
    assert store.target.path.read_bytes() == before


@pytest.mark.parametrize("reader", ["quick", "app"])
def test_the_first_frame_needs_none_of_the_database_layer(store, demo, reader):
    """What `clerk --db X` loads before the app runs and its first frame is drawn: the command
    line, the app and home screens, the writers as handed to the app, the light read."""
    code = f"""
import sys
from clerk.config import resolve_database
from clerk.quick import quick_listing
assert quick_listing(resolve_database({str(store.target.path)!r})) is not None
if {reader!r} == "app":
    import clerk.cli
    from clerk.cli.app import publishing
    publishing()
    import screens.app, screens.home
print(" ".join(sorted(m for m in sys.modules if m.startswith({HEAVY!r}))))
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
