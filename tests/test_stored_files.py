"""Reports and attached files belong to the record: they are kept in the database, so a backup
or a colleague sharing a PostgreSQL database can build the pack without the folder beside the
database; an older database has its files moved in when it is upgraded."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

from pypdf import PdfReader

from clerk.cli import main
from clerk.cli.publishing import build_pack
from clerk.demo import load_demo
from clerk.files import files_dir
from clerk.services import agenda, content
from clerk.services.reports import attach_report, reports
from clerk.storage import Store

from .helpers import minutes_of
from .test_pack import report_docx

TITLE = "Kent Community Safety Agreement Review"


def _pack_text(path) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def test_a_backup_builds_the_pack_without_the_files_folder(tmp_path):
    db = tmp_path / "clerk.db"
    store = Store.open(db)
    meeting = load_demo(store).next_meeting_id
    agenda.add_item(store, meeting, "B", TITLE)
    report_docx(tmp_path / "csa.docx", TITLE, 2, extra="Held in the record.")
    attach_report(store, meeting, "B1", tmp_path / "csa.docx")
    store.close()
    (tmp_path / "csa.docx").unlink()  # the original is gone too
    assert main(["--db", str(db), "backup", "--out", str(tmp_path / "b.db")]) == 0
    shutil.rmtree(files_dir(db), ignore_errors=True)
    backup = Store.open(tmp_path / "b.db")
    try:
        result = build_pack(backup, meeting, tmp_path / "pack.pdf")
        assert "Kent Community Safety Agreement Review, page 2. Held in the record." in _pack_text(result.path)
    finally:
        backup.close()


def test_two_machines_sharing_postgresql_share_the_reports(pg_server, tmp_path, monkeypatch):
    url = pg_server.new_database()
    monkeypatch.setenv("CLERK_DATA_DIR", str(tmp_path / "first-machine"))
    first = Store.open(url)
    meeting = load_demo(first).next_meeting_id
    agenda.add_item(first, meeting, "B", TITLE)
    report_docx(tmp_path / "csa.docx", TITLE, 2, extra="Shared with a colleague.")
    attach_report(first, meeting, "B1", tmp_path / "csa.docx")
    first.close()
    monkeypatch.setenv("CLERK_DATA_DIR", str(tmp_path / "second-machine"))
    second = Store.open(url)
    try:
        result = build_pack(second, meeting, tmp_path / "pack.pdf")
        assert "Kent Community Safety Agreement Review, page 2. Shared with a colleague." in _pack_text(result.path)
        dump = second.backup(tmp_path / "dump.json").read_text()
        assert '"base64"' in dump  # the server backup holds the report's bytes
    finally:
        second.close()


def test_a_schema_7_database_has_its_files_moved_into_the_table(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    store = Store.open(db)
    demo = load_demo(store)
    meeting = demo.next_meeting_id
    agenda.add_item(store, meeting, "B", TITLE)
    report_docx(tmp_path / "csa.docx", TITLE, 1)
    attach_report(store, meeting, "B1", tmp_path / "csa.docx")
    m = minutes_of(store, demo.held_meeting_id)[0]
    (tmp_path / "slides.md").write_text("# Slides\n- one point\n")
    content.attach_to_minute(store, m.id, tmp_path / "slides.md")
    content.attach_to_minute(store, m.id, tmp_path / "csa.docx", name="gone.docx")
    store.close()
    data = (tmp_path / "csa.docx").read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    slides = (tmp_path / "slides.md").read_bytes()
    folder = files_dir(db)
    # as schema 7 left it: the bytes in the folder beside the database, no blob table
    with sqlite3.connect(db) as con:
        con.execute("DROP TABLE blob")
        con.execute("ALTER TABLE committee DROP COLUMN paper_size")
        con.execute("UPDATE clerk_meta SET value = '7' WHERE key = 'schema_version'")
        con.execute(
            "INSERT INTO attachment (minute_id, filename, sha256, content_type, superseded) VALUES (?, 'lost.pdf', ?, 'pdf', 0)",
            (m.id, "0" * 64),
        )
    (folder / digest[:2]).mkdir(parents=True)
    (folder / digest[:2] / f"{digest}.docx").write_bytes(data)
    sd = hashlib.sha256(slides).hexdigest()
    (folder / sd[:2]).mkdir(parents=True, exist_ok=True)
    (folder / sd[:2] / f"{sd}.md").write_bytes(slides)
    assert main(["--db", str(db), "meetings"]) == 0
    err = capsys.readouterr().err
    assert "Upgraded the database" in err and "lost.pdf; attach them again" in err
    with sqlite3.connect(db) as con:
        stored = dict(con.execute("SELECT sha256, content FROM blob").fetchall())
        assert con.execute("SELECT paper_size FROM committee").fetchall() == [("A4",)]
    assert stored == {digest: data, sd: slides}
    shutil.rmtree(folder)
    store = Store.open(db)
    try:
        [report] = reports(store, meeting)
        assert report.sha256 == digest
        result = build_pack(store, meeting, tmp_path / "pack.pdf")
        assert "Kent Community Safety Agreement Review, page 1." in _pack_text(result.path)
    finally:
        store.close()


def test_signed_notes_print_their_attached_document_from_a_backup(tmp_path):
    from clerk.documents import build_notes
    from clerk.services.signoff import sign
    from exports.notes import write_notes

    from .docx_read import paragraphs

    db = tmp_path / "clerk.db"
    store = Store.open(db)
    demo = load_demo(store)
    m = minutes_of(store, demo.held_meeting_id)[0]
    report_docx(tmp_path / "slides.docx", "Briefing slides", 1, extra="Presented to the Partnership.")
    content.attach_to_minute(store, m.id, tmp_path / "slides.docx")
    sign(store, demo.held_meeting_id)
    store.backup(tmp_path / "b.db")
    store.close()
    shutil.rmtree(files_dir(db), ignore_errors=True)
    backup = Store.open(tmp_path / "b.db")
    try:
        out = write_notes(build_notes(backup, demo.held_meeting_id), tmp_path / "notes.docx")
    finally:
        backup.close()
    assert any("Briefing slides, page 1. Presented to the Partnership." in p for p in paragraphs(out))
