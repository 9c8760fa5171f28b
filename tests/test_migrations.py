"""Upgrading a database written by an older clerk: a backup first, then every step, data kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import select

from clerk.cli import main
from clerk.demo import load_demo
from clerk.errors import StorageError
from clerk.migrations import SCHEMA_VERSION
from clerk.models import Committee, Meeting
from clerk.services import committees, minutes
from clerk.services.meetings import list_meetings
from clerk.services.signoff import approve_previous
from clerk.storage import Store

from .helpers import minutes_of

SCHEMA1 = Path(__file__).parent / "data" / "schema1.sql"


def schema1_database(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.executescript(SCHEMA1.read_text())
    con.execute(
        "INSERT INTO committee (id, name, organisation, minutes_word, section_a, section_b, section_c, section_d, "
        "numbering_scheme, numbering_start, year_start_month, number_format, default_venue, contact_name, "
        "contact_phone, contact_email, template_path, retired) VALUES (1, 'Kent Community Safety Partnership', "
        "'KENT COUNTY COUNCIL', 'NOTES', 'Committee Business', 'Matters for Discussion', 'Matters for Information', "
        "'Restricted', 'CONTINUOUS', 64, 5, '{n}', 'Medway Room', '', '', '', '', 0)"
    )
    con.execute(
        "INSERT INTO meeting (id, committee_id, date, venue, contact, refreshments, status) "
        "VALUES (1, 1, '2014-07-08', 'Medway Room', '', '', 'HELD')"
    )
    con.execute(
        "INSERT INTO minute (id, committee_id, meeting_id, seq, series, number, title, state, restricted) "
        "VALUES (1, 1, 1, 0, '', 64, 'Vice-Chairman in the Chair', 'TAKEN', 0)"
    )
    con.commit()
    con.close()
    return path


def test_an_old_database_is_backed_up_then_upgraded(tmp_path):
    db = schema1_database(tmp_path / "old.db")
    store = Store.open(db)
    try:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.backup_path is not None and store.backup_path.exists()
        assert store.backup_path.parent == db.parent
        with sqlite3.connect(store.backup_path) as old:
            assert old.execute("SELECT value FROM clerk_meta").fetchone() == ("1",)
            assert old.execute("SELECT title FROM minute").fetchone() == ("Vice-Chairman in the Chair",)
        with store.read() as s:
            committee = s.get(Committee, 1)
        assert committee.body_noun == "Committee" and committee.chair_title == "Chairman"
        assert "paragraph {paragraph}" in committee.exclusion_wording  # filled by migration 2
        assert committee.resolution_style == "apart"  # migration 16: RESOLVED blocks print as before
        [row] = list_meetings(store)
        assert row.minutes == "64" and row.status == "held"
    finally:
        store.close()
    again = Store.open(db)  # a second open finds nothing to do
    assert again.backup_path is None
    again.close()


def test_the_cli_says_where_the_backup_is(tmp_path, capsys):
    db = schema1_database(tmp_path / "old.db")
    assert main(["--db", str(db), "meetings"]) == 0
    err = capsys.readouterr().err
    assert "Upgraded the database; a copy of the old one is at" in err and ".schema1-" in err


def test_a_newer_database_is_refused_plainly(tmp_path):
    db = tmp_path / "new.db"
    Store.open(db).close()
    with sqlite3.connect(db) as con:
        con.execute("UPDATE clerk_meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StorageError, match=r"written by a newer clerk.*upgrade clerk"):
        Store.open(db)


def test_a_file_that_is_not_a_database_is_refused_plainly(tmp_path):
    junk = tmp_path / "notes.db"
    junk.write_bytes(b"These are my notes, not a database.\n" * 100)
    with pytest.raises(StorageError, match="not a clerk database"):
        Store.open(junk)
    assert junk.read_bytes().startswith(b"These are my notes")


def test_the_exclusion_resolution_learns_to_name_its_items(tmp_path):
    """Schema 15: the stock resolution says "the following item(s)"; a committee's own wording is kept."""
    from clerk.migrations import OLD_EXCLUSION_WORDING
    from clerk.services import committees

    db = tmp_path / "fourteen.db"
    store = Store.open(db)
    stock = committees.create_committee(store, "Kent Community Safety Partnership").id
    own = committees.create_committee(store, "Kent Police and Crime Panel").id
    store.close()
    with sqlite3.connect(db) as con:
        con.execute("UPDATE committee SET exclusion_wording = ? WHERE id = ?", (OLD_EXCLUSION_WORDING, stock))
        con.execute("UPDATE committee SET exclusion_wording = 'The Panel went into private session.' WHERE id = ?", (own,))
        con.execute("UPDATE clerk_meta SET value = '14' WHERE key = 'schema_version'")
    store = Store.open(db)
    try:
        with store.read() as s:
            assert s.get(Committee, stock).exclusion_wording == Committee.model_fields["exclusion_wording"].default
            assert "for the following {items} on the grounds that {involves}" in s.get(Committee, stock).exclusion_wording
            assert s.get(Committee, own).exclusion_wording == "The Panel went into private session."
    finally:
        store.close()


def test_meetings_get_their_own_contact_officers_number(tmp_path):
    """Schema 13: a meeting whose "Ask for" is the committee's officer (or empty) takes the
    committee's telephone and email; one asking for another officer is not given the
    committee's number."""
    db = schema1_database(tmp_path / "old.db")
    con = sqlite3.connect(db)
    con.execute(
        "UPDATE committee SET contact_name = 'Anna Taylor', contact_phone = '03000 416478', "
        "contact_email = 'anna.taylor@kent.gov.uk'"
    )
    con.execute(
        "INSERT INTO meeting (id, committee_id, date, venue, contact, refreshments, status) "
        "VALUES (2, 1, '2014-10-14', 'Medway Room', 'Joel Cook', '', 'DRAFT'), "
        "(3, 1, '2015-01-13', 'Medway Room', 'Anna Taylor', '', 'DRAFT')"
    )
    con.commit()
    con.close()
    store = Store.open(db)
    try:
        with store.read() as s:
            got = {m.id: (m.contact, m.contact_phone, m.contact_email) for m in s.exec(select(Meeting))}
    finally:
        store.close()
    assert got == {
        1: ("Anna Taylor", "03000 416478", "anna.taylor@kent.gov.uk"),
        2: ("Joel Cook", "", ""),
        3: ("Anna Taylor", "03000 416478", "anna.taylor@kent.gov.uk"),
    }


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "clerk.db")
    return request.getfixturevalue("pg_server").new_database()


def test_the_forward_plan_arrives_with_schema_19(database):
    """Schema 19: the planned items' table, and each committee's report deadline (5 working days)."""
    from sqlalchemy import inspect as sa_inspect
    from sqlalchemy import text

    from clerk.services import committees, plan

    store = Store.open(database)
    kcsp = committees.create_committee(store, "Kent Community Safety Partnership").id
    with store.engine.begin() as conn:  # as schema 16 left it
        conn.execute(text("DROP TABLE planneditem"))
        conn.execute(text("ALTER TABLE committee DROP COLUMN report_deadline_days"))
        conn.execute(text("UPDATE clerk_meta SET value = '16' WHERE key = 'schema_version'"))
    store.close()
    store = Store.open(database)
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 19
        assert "planneditem" in sa_inspect(store.engine).get_table_names()
        with store.read() as s:
            assert s.get(Committee, kcsp).report_deadline_days == 5
        plan.plan_item(store, kcsp, "2015-01-13", "Annual report", presenter="Shafick Peerbux")
        assert [r.title for r in plan.list_plan(store)] == ["Annual report"]
    finally:
        store.close()


def test_signed_ranges_and_number_indexes_arrive_with_schema_21(database):
    """Schema 21: each meeting's first and last minute number and the meeting before a date come
    from indexes; a signed meeting keeps the numbers it was signed with, filled from its copy."""
    store = Store.open(database)
    demo = load_demo(store)
    approve_previous(store, demo.next_meeting_id)  # 8 July 2014 signed: minutes 64–74
    committees.update_committee(store, demo.committee_id, number_format="No. {n}")  # later: not how they were signed
    with store.engine.begin() as conn:  # as schema 20 left it
        conn.execute(text("DROP INDEX ix_minute_meeting_number"))
        conn.execute(text("DROP INDEX ix_meeting_committee_date"))
        conn.execute(text("ALTER TABLE meeting DROP COLUMN signed_minutes"))
        conn.execute(text("UPDATE clerk_meta SET value = '20' WHERE key = 'schema_version'"))
    store.close()
    store = Store.open(database)
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 21
        indexes = {
            table: {i["name"]: i["column_names"] for i in inspect(store.engine).get_indexes(table)}
            for table in ("minute", "meeting")
        }
        assert indexes["minute"]["ix_minute_meeting_number"] == ["meeting_id", "number"]
        assert indexes["meeting"]["ix_meeting_committee_date"] == ["committee_id", "date"]
        rows = {r.id: r for r in list_meetings(store)}
        assert rows[demo.held_meeting_id].minutes == "64–74"  # as signed, from the frozen copy
        assert rows[demo.held_meeting_id].minute_count == 11
        assert minutes.next_number(store, demo.next_meeting_id) == "No. 75"
    finally:
        store.close()


def _as_schema_16(store: Store) -> None:
    """The database as clerk left it before schema 20: no search index, no triggers."""
    with store.engine.begin() as conn:
        if store.dialect == "sqlite":
            for (name,) in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all():
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
            conn.exec_driver_sql("DROP TABLE search_entry")
        else:
            conn.exec_driver_sql("DROP FUNCTION search_entry_keep() CASCADE")  # and its triggers
            conn.exec_driver_sql("DROP TABLE search_entry")
        conn.exec_driver_sql("UPDATE clerk_meta SET value = '16' WHERE key = 'schema_version'")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_search_index_is_built_for_the_record_already_there(tmp_path, request, backend):
    """Schema 20: the full-text index is created, every minute, paragraph, action, agenda item and
    attached file already in the record is indexed, and later writes are kept in it."""
    from clerk.demo import load_demo
    from clerk.services import content
    from clerk.services.search import search

    db = str(tmp_path / "sixteen.db") if backend == "sqlite" else request.getfixturevalue("pg_server").new_database()
    store = Store.open(db)
    load_demo(store)
    _as_schema_16(store)
    store.close()
    store = Store.open(db)
    try:
        assert store.schema_version() == SCHEMA_VERSION and store.backup_path is not None
        [first, *_rest] = search(store, '"Community Trigger"').hits
        assert (first.kind, first.minute, first.date.isoformat()) == ("minute", "66", "2014-07-08")
        assert {h.kind for h in search(store, "Parris").hits} >= {"action", "paragraph"}
        minute = next(m for m in minutes_of(store, first.meeting_id) if m.number == 66)
        content.set_body(store, minute.id, "The zeppelin criteria were agreed.")
        assert [h.minute for h in search(store, "zeppelin").hits] == ["66"]
        assert search(store, '"training session"').hits == ()
    finally:
        store.close()


def test_a_schema1_database_is_searchable_once_upgraded(tmp_path):
    from clerk.services.search import search

    store = Store.open(schema1_database(tmp_path / "old.db"))
    try:
        assert [(h.kind, h.minute) for h in search(store, "vice chairman").hits] == [("minute", "64")]
    finally:
        store.close()


def test_imported_meetings_keep_their_first_number_from_schema_22(database):
    """Schema 22: a meeting can keep the number its imported notes started at; meetings already
    there have none, and their numbers are as they were."""
    from sqlalchemy import text

    store = Store.open(database)
    demo = load_demo(store)
    with store.engine.begin() as conn:  # as schema 21 left it
        conn.execute(text("ALTER TABLE meeting DROP COLUMN numbered_from"))
        conn.execute(text("UPDATE clerk_meta SET value = '21' WHERE key = 'schema_version'"))
    store.close()
    store = Store.open(database)
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 22
        with store.read() as s:
            assert s.get(Meeting, demo.held_meeting_id).numbered_from is None
        assert minutes.next_number(store, demo.next_meeting_id) == "75"
        later = minutes.add_minute(store, demo.next_meeting_id, "Apologies")
        assert later.number == 75
    finally:
        store.close()


def test_the_sites_look_arrives_with_schema_23(database):
    """Schema 23: each committee's stylesheet, header and footer for the published site, empty at first."""
    store = Store.open(database)
    kcsp = committees.create_committee(store, "Kent Community Safety Partnership").id
    with store.engine.begin() as conn:  # as schema 22 left it
        for column in ("site_stylesheet", "site_header", "site_footer"):
            conn.execute(text(f"ALTER TABLE committee DROP COLUMN {column}"))
        conn.execute(text("UPDATE clerk_meta SET value = '22' WHERE key = 'schema_version'"))
    store.close()
    store = Store.open(database)
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 23
        with store.read() as s:
            found = s.get(Committee, kcsp)
            assert (found.site_stylesheet, found.site_header, found.site_footer) == ("", "", "")
        committees.update_committee(store, kcsp, site_header="<p>Kent County Council</p>", site_stylesheet="/kcc.css")
        assert committees.find_committee(store, "Kent Community Safety Partnership").site_header == "<p>Kent County Council</p>"
    finally:
        store.close()


def test_each_committee_chooses_its_bank_holidays_from_schema_24(database):
    """Schema 24: each committee's nation for bank holidays; committees already there keep England and Wales's."""
    store = Store.open(database)
    kcsp = committees.create_committee(store, "Kent Community Safety Partnership").id
    with store.engine.begin() as conn:  # as schema 23 left it
        conn.execute(text("ALTER TABLE committee DROP COLUMN holidays"))
        conn.execute(text("UPDATE clerk_meta SET value = '23' WHERE key = 'schema_version'"))
    store.close()
    store = Store.open(database)
    try:
        assert store.schema_version() == SCHEMA_VERSION >= 24
        with store.read() as s:
            assert s.get(Committee, kcsp).holidays == "england_wales"
        committees.update_committee(store, kcsp, holidays="Scotland")
        assert committees.find_committee(store, kcsp).holidays == "scotland"
    finally:
        store.close()
