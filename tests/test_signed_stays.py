"""Signed means signed, by every path: numbering settings, an upgrade from an older schema, a
direct edit of the database (detected and said loudly at export), deleting the meeting that
approved them."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text
from sqlmodel import select

from clerk.cli import main
from clerk.cli.publishing import ExportChoice
from clerk.cli.publishing import export_document as run
from clerk.errors import ClerkError
from clerk.live.view import live_view
from clerk.models import Minute, Person, SignOff
from clerk.opening import open_store
from clerk.services import committees, meetings, minutes, renumbering
from clerk.services.signoff import approve_previous, content_hash

from .docx_read import paragraphs


def stored(store, meeting_id) -> list[tuple]:
    with store.read() as s:
        return [
            (m.series, m.number) for m in s.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(Minute.seq)).all()
        ]


@pytest.fixture
def signed(store, demo):
    signoff, _ = approve_previous(store, demo.next_meeting_id)
    minutes.add_minute(store, demo.next_meeting_id, "Apologies")
    return signoff


@pytest.mark.parametrize(
    "change",
    [
        {"number_format": "{n}/{yy}"},
        {"numbering_scheme": "municipal_year", "number_format": "{n}/{yy}"},
        {"numbering_scheme": "municipal_year"},
        {"numbering_start": 161},
        {"numbering_scheme": "per_meeting"},
    ],
)
def test_numbering_settings_change_unsigned_meetings_only(store, demo, signed, tmp_path, change):
    before = stored(store, demo.held_meeting_id)
    notes_before = paragraphs(run(store, ExportChoice("notes", tmp_path / "a.docx", meeting_id=demo.held_meeting_id)))
    note = renumbering.numbering_preview(store, demo.committee_id, **change)
    assert "Signed notes keep their numbers: 8 July 2014 (64–74)" in note
    committees.update_committee(store, demo.committee_id, **change)
    assert stored(store, demo.held_meeting_id) == before
    with store.read() as s:
        assert content_hash(s, demo.held_meeting_id) == signed.content_hash
    july = next(r for r in meetings.list_meetings(store) if r.id == demo.held_meeting_id)
    assert july.minutes == "64–74"
    assert [m.number for m in live_view(store, demo.held_meeting_id).minutes] == [str(n) for n in range(64, 75)]
    assert paragraphs(run(store, ExportChoice("notes", tmp_path / "b.docx", meeting_id=demo.held_meeting_id))) == notes_before


def test_notes_signed_before_snapshots_are_frozen_on_upgrade(tmp_path, capsys):
    db = tmp_path / "old.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "approve", "2014-10-14"]) == 0
    raw = sqlite3.connect(db)
    with raw:  # what a database signed by schema 4 holds: no frozen copy
        raw.execute("UPDATE signoff SET snapshot_full = '', snapshot_public = ''")
        raw.execute("UPDATE clerk_meta SET value = '4' WHERE key = 'schema_version'")
    raw.close()
    store = open_store(db)
    try:
        with store.read() as s:
            so = s.exec(select(SignOff)).one()
            assert so.snapshot_full and so.snapshot_public
            parris = s.exec(select(Person).where(Person.surname == "Parris")).one()
        committees.update_person(store, parris.id, surname="Harris")
        out = run(store, ExportChoice("notes", tmp_path / "n.docx", meeting_id=so.meeting_id))
        body = "\n".join(paragraphs(out))
        assert "Mr J Parris" in body and "Mr J Harris" not in body
    finally:
        store.close()


def test_a_direct_edit_of_signed_notes_is_said_loudly_at_export(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "approve", "2014-10-14"]) == 0
    raw = sqlite3.connect(db)
    with raw:
        raw.execute("UPDATE paragraph SET text = 'Nothing was said.' WHERE id = (SELECT min(id) FROM paragraph)")
    raw.close()
    capsys.readouterr()
    out = tmp_path / "n.docx"
    assert main(["--db", str(db), "export", "notes", "2014-07-08", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "WARNING" in err and "no longer match" in err and "8 July 2014" in err
    assert "Nothing was said." not in "\n".join(paragraphs(out))  # exported as signed
    assert main(["--db", str(db), "export", "notes", "2014-10-14", "--out", str(tmp_path / "o.docx")]) == 0
    assert "WARNING" not in capsys.readouterr().err


def test_the_export_warning_reaches_the_caller(store, demo, signed, tmp_path):
    with store.write() as s:
        s.exec(text("UPDATE minute SET title = 'Changed' WHERE meeting_id = :m"), params={"m": demo.held_meeting_id})
    said = []
    run(store, ExportChoice("notes", tmp_path / "n.docx", meeting_id=demo.held_meeting_id), warn=said.append)
    assert len(said) == 1 and "8 July 2014" in said[0]


def test_deleting_the_meeting_that_approved_notes_is_refused_plainly(store, demo, signed):
    with pytest.raises(ClerkError, match="approved the signed notes of 8 July 2014"):
        meetings.delete_meeting(store, demo.next_meeting_id)
    assert any(r.id == demo.next_meeting_id for r in meetings.list_meetings(store))
