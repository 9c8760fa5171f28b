"""Nothing clerk writes lands on what it must not: the database and its -wal, -shm and -journal
files, a folder, a device; a name with the wrong extension is refused, one without one is
completed, and the message says which."""

from __future__ import annotations

import sqlite3

import pytest

from clerk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def demo_db(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    return db


def meetings_in(db) -> list[str]:
    return [r[0] for r in sqlite3.connect(db).execute("SELECT date FROM meeting ORDER BY date")]


def refused(capsys, *argv: str) -> str:
    code, out, err = run(capsys, *argv)
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and err.startswith("clerk: ") and "Traceback" not in err
    return err


def test_export_record_never_replaces_the_database(demo_db, capsys):
    before = demo_db.read_bytes()
    err = refused(capsys, "--db", str(demo_db), "export", "record", "2014-07-08", "--out", str(demo_db))
    assert "is a database" in err
    assert demo_db.read_bytes() == before
    code, out, _ = run(capsys, "--db", str(demo_db), "meetings")
    assert code == 0 and "2014-07-08" in out and "2014-10-14" in out
    assert meetings_in(demo_db) == ["2014-07-08", "2014-10-14"]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_no_output_lands_on_the_database_or_its_files(demo_db, tmp_path, capsys, suffix):
    target = demo_db.with_name(demo_db.name + suffix)
    db = ("--db", str(demo_db))
    for argv in (
        ("export", "record", "1", "--out"),
        ("export", "notes", "1", "--out"),
        ("export", "agenda", "2", "--out"),
        ("export", "notes", "1", "--pdf", "--out"),
        ("backup", "--out"),
        ("pack", "2", "--out"),
    ):
        refused(capsys, *db, *argv, str(target))
        if target.exists():
            assert not target.read_bytes().startswith((b"{", b"PK", b"%PDF"))
    assert meetings_in(demo_db) == ["2014-07-08", "2014-10-14"]


def test_the_database_files_are_refused_by_their_own_rule(demo_db, capsys):
    from clerk.errors import InvalidInput
    from clerk.files import write_whole

    for suffix in ("", "-wal", "-shm", "-journal"):
        with pytest.raises(InvalidInput, match="is a database"):
            write_whole(demo_db.with_name(demo_db.name + suffix), lambda tmp: tmp.write_text("{}"))
    assert meetings_in(demo_db) == ["2014-07-08", "2014-10-14"]


def test_a_database_is_refused_whatever_its_name(demo_db, tmp_path, capsys):
    other = tmp_path / "archive.json"
    other.write_bytes(demo_db.read_bytes())  # another clerk database, misnamed
    assert "is a database" in refused(capsys, "--db", str(demo_db), "export", "record", "1", "--out", str(other))
    assert other.read_bytes() == demo_db.read_bytes()


def test_devices_and_folders_are_refused(demo_db, tmp_path, capsys):
    db = ("--db", str(demo_db))
    assert "not an ordinary file" in refused(capsys, *db, "backup", "--out", "/dev/null")
    assert "not an ordinary file" in refused(capsys, *db, "export", "record", "1", "--out", "/dev/null")
    refused(capsys, *db, "export", "record", "1", "--out", str(tmp_path))
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_the_wrong_extension_is_refused_and_says_so(demo_db, tmp_path, capsys):
    db = ("--db", str(demo_db))
    before = set(tmp_path.iterdir())
    assert "--pdf" in refused(capsys, *db, "export", "notes", "1", "--out", str(tmp_path / "notes.pdf"))
    assert ".docx" in refused(capsys, *db, "export", "notes", "1", "--out", str(tmp_path / "x.txt"))
    assert ".pdf" in refused(capsys, *db, "export", "notes", "1", "--pdf", "--out", str(tmp_path / "notes.docx"))
    assert ".json" in refused(capsys, *db, "export", "record", "1", "--out", str(tmp_path / "record.docx"))
    assert ".pdf" in refused(capsys, *db, "pack", "2", "--out", str(tmp_path / "pack.docx"))
    assert set(tmp_path.iterdir()) <= before


def test_a_name_without_an_extension_is_completed_and_says_so(demo_db, tmp_path, capsys):
    code, out, _ = run(capsys, "--db", str(demo_db), "export", "record", "1", "--out", str(tmp_path / "record"))
    assert code == 0 and "record.json (.json added" in out
    assert (tmp_path / "record.json").is_file()
    code, out, _ = run(capsys, "--db", str(demo_db), "backup", "--out", str(tmp_path / "copy"))
    assert code == 0 and (tmp_path / "copy.db").is_file()
    assert meetings_in(tmp_path / "copy.db") == ["2014-07-08", "2014-10-14"]


def test_a_backup_may_replace_an_older_backup(demo_db, tmp_path, capsys):
    copy = tmp_path / "copy.db"
    assert run(capsys, "--db", str(demo_db), "backup", "--out", str(copy))[0] == 0
    assert run(capsys, "--db", str(demo_db), "backup", "--out", str(copy))[0] == 0
    assert meetings_in(copy) == ["2014-07-08", "2014-10-14"]
