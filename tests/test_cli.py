"""The command line: what a newcomer types, and bad input answered with one line and exit code 2."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clerk.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line_exit_2(capsys, *argv: str) -> str:
    code, _out, err = run(capsys, *argv)
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("clerk: "), err
    assert "Traceback" not in err
    return err


@pytest.fixture
def demo_db(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    capsys.readouterr()
    return db


def test_demo_then_meetings(demo_db, capsys):
    code, out, _ = run(capsys, "--db", str(demo_db), "meetings")
    assert code == 0
    lines = [ln.split() for ln in out.splitlines()]
    july = next(ln for ln in lines if "2014-07-08" in ln)
    october = next(ln for ln in lines if "2014-10-14" in ln)
    assert "64–74" in july and "held" in july
    assert "scheduled" in october


def test_the_demo_twice_adds_nothing(demo_db, capsys):
    before = sqlite3.connect(demo_db).execute("SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM minute)").fetchone()
    code, out, _ = run(capsys, "--db", str(demo_db), "demo")
    assert code == 0 and "Already loaded" in out
    after = sqlite3.connect(demo_db).execute("SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM minute)").fetchone()
    assert before == after == (22, 11)


def test_db_option_after_the_command_and_the_environment(demo_db, capsys, monkeypatch):
    assert run(capsys, "meetings", "--db", str(demo_db))[0] == 0
    monkeypatch.setenv("CLERK_DATABASE_URL", f"sqlite:///{demo_db}")
    code, out, _ = run(capsys, "meetings")
    assert code == 0 and "64–74" in out


def test_backup_is_a_working_copy(demo_db, tmp_path, capsys):
    out_file = tmp_path / "copy.db"
    code, out, _ = run(capsys, "--db", str(demo_db), "backup", "--out", str(out_file))
    assert code == 0 and str(out_file) in out
    assert sqlite3.connect(out_file).execute("SELECT count(*) FROM minute").fetchone() == (11,)


def test_export_record_writes_json(demo_db, tmp_path, capsys):
    import json

    out_file = tmp_path / "record.json"
    assert run(capsys, "--db", str(demo_db), "export", "record", "2014-07-08", "--out", str(out_file))[0] == 0
    record = json.loads(out_file.read_text())
    assert [m["number"] for m in record["minutes"]] == list(range(64, 75))


@pytest.mark.parametrize(
    "args, says",
    [
        (["meetings"], "does not exist"),  # --db in a missing folder: added below
    ],
)
def test_db_in_a_missing_folder(tmp_path, capsys, args, says):
    err = one_line_exit_2(capsys, "--db", str(tmp_path / "nowhere" / "clerk.db"), *args)
    assert says in err
    assert not (tmp_path / "nowhere").exists()


def test_db_that_is_a_folder(tmp_path, capsys):
    assert "is a folder" in one_line_exit_2(capsys, "--db", str(tmp_path), "meetings")


def test_db_that_is_not_a_database(tmp_path, capsys):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01 not sqlite " * 500)
    assert "not a clerk database" in one_line_exit_2(capsys, "--db", str(junk), "meetings")


def test_db_url_clerk_cannot_use(capsys):
    assert "clerk cannot use the database" in one_line_exit_2(capsys, "--db", "nonsense://host/db", "meetings")
    assert "Cannot connect to the database" in one_line_exit_2(
        capsys, "--db", "postgresql+psycopg://nobody@127.0.0.1:1/x", "meetings"
    )


def _read_only(path) -> bool:
    """Make ``path`` unwritable, for root too (immutable) when the file system allows it."""
    import subprocess

    path.chmod(0o400)
    if os.geteuid() != 0:
        return True
    try:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    except FileNotFoundError:  # no e2fsprogs
        return False
    return done.returncode == 0


def test_db_that_cannot_be_written(tmp_path, capsys):
    import subprocess

    assert "Cannot write to the database" in one_line_exit_2(capsys, "--db", "/proc/clerk.db", "meetings")
    ro = tmp_path / "ro.db"
    ro.write_bytes(b"")
    if not _read_only(ro):
        pytest.skip("running as root where files cannot be made immutable")
    try:
        assert "Cannot read and write" in one_line_exit_2(capsys, "--db", str(ro), "meetings")
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(ro)], capture_output=True, check=False)


def test_unknown_meeting_and_malformed_date(demo_db, tmp_path, capsys):
    out = str(tmp_path / "x.json")
    assert "no meeting with id 99" in one_line_exit_2(capsys, "--db", str(demo_db), "export", "record", "99", "--out", out)
    assert "no meeting on 9 July 2014" in one_line_exit_2(
        capsys, "--db", str(demo_db), "export", "record", "2014-07-09", "--out", out
    )
    assert "neither a meeting id nor a date" in one_line_exit_2(
        capsys, "--db", str(demo_db), "export", "record", "2014-13-40", "--out", out
    )
    assert "does not exist" in one_line_exit_2(
        capsys, "--db", str(demo_db), "export", "record", "2014-07-08", "--out", str(tmp_path / "no" / "x.json")
    )


def test_a_date_two_committees_share(demo_db, tmp_path, capsys):
    from clerk.services import committees, meetings
    from clerk.storage import Store

    store = Store.open(demo_db)
    other = committees.create_committee(store, "Scrutiny Committee")
    meetings.create_meeting(store, other.id, "2014-07-08")
    store.close()
    out = str(tmp_path / "x.json")
    err = one_line_exit_2(capsys, "--db", str(demo_db), "export", "record", "2014-07-08", "--out", out)
    assert "2 meetings are on 8 July 2014" in err and "--committee" in err
    assert run(capsys, "--db", str(demo_db), "export", "record", "2014-07-08", "--committee", "scrutiny", "--out", out)[0] == 0


def test_unknown_command_and_option(capsys):
    assert "No such command" in one_line_exit_2(capsys, "frobnicate")
    assert "No such option" in one_line_exit_2(capsys, "meetings", "--colour")


def test_backup_into_a_missing_folder(demo_db, tmp_path, capsys):
    one_line_exit_2(capsys, "--db", str(demo_db), "backup", "--out", str(tmp_path / "no" / "where" / "b.db"))


LOCKER = """
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO clerk_meta (key, value) VALUES ('held by', 'another program')")
print("locked", flush=True)
sys.stdin.readline()
"""


def test_a_database_another_program_holds(tmp_path, capsys, monkeypatch):
    from clerk.storage import Store

    demo_db = tmp_path / "empty.db"
    Store.open(demo_db).close()
    monkeypatch.setenv("CLERK_BUSY_TIMEOUT_MS", "200")
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(demo_db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        assert run(capsys, "--db", str(demo_db), "meetings")[0] == 0  # readers are never blocked (WAL)
        err = one_line_exit_2(capsys, "--db", str(demo_db), "demo")
        assert "locked by another program" in err
    finally:
        locker.communicate("\n", timeout=10)


def test_the_installed_script(tmp_path):
    """The console script itself, as a newcomer runs it."""
    script = Path(sys.executable).with_name("clerk")
    env = {**os.environ, "CLERK_DATA_DIR": str(tmp_path / "data")}
    demo = subprocess.run([str(script), "demo"], capture_output=True, text=True, env=env, timeout=120)
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "data" / "clerk.db").exists()  # the user's data folder by default
    listed = subprocess.run([str(script), "meetings"], capture_output=True, text=True, env=env, timeout=120)
    assert "64–74" in listed.stdout
    bad = subprocess.run(
        [str(script), "--db", str(tmp_path / "no" / "x.db"), "meetings"], capture_output=True, text=True, env=env, timeout=120
    )
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr


def test_only_opening_the_app_skips_the_parser():
    """``clerk`` and ``clerk --db PATH`` open the app at once; anything else is a command line."""
    from clerk.cli.start import app_only

    assert app_only([]) == ""
    assert app_only(["--db", "x.db"]) == "x.db"
    assert app_only(["--db=x.db"]) == "x.db"
    for args in (["--db"], ["--db", "--help"], ["--help"], ["meetings"], ["--db", "x.db", "meetings"], ["--version"]):
        assert app_only(args) is None, args
