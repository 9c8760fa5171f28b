"""Every bad input, on every command and option, gets one line on stderr and exit code 2: no
traceback, and nothing written (no file, no change to the database). The cases are generated:
each command × each kind of bad value."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from clerk.cli import main

BAD_IDS = [
    "99999999999999999999",
    "9223372036854775808",
    "-1",
    "0",
    "²",
    "1e5",
    "0x10",
    "٣",
    "",
    " ",
    "abc",
    "2014-02-30",
    "2014-13-40",
    "2014-07-09",
    "0000-00-00",
    "9" * 400,
    "\x1b[2J",
]
BAD_COMMITTEES = ["99999999999999999999", "No Such Committee", "-1", "\x1b[2J\x07", "", "  "]
BAD_YEARS = ["0", "-5", "99999", "abc", "99999999999999999999", "1899"]
BAD_DATES = ["2014-02-30", "2014-13-01", "tomorrow", "", "31/02/2014", "99999-01-01"]
DB_KINDS = [
    "url foo:bar",
    "url nonsense://x/y",
    "missing folder",
    "folder",
    "not a database",
    "newer schema",
    "read-only",
    "empty url",
]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A demo database, the files a clerk might hand to attach, and databases that are wrong."""
    from docx import Document
    from pypdf import PdfWriter

    from clerk.demo import load_demo
    from clerk.storage import Store

    root = tmp_path_factory.mktemp("bad-input")
    db = root / "clerk.db"
    store = Store.open(db)
    load_demo(store)
    store.close()
    files = root / "given"
    files.mkdir()
    good_pdf = files / "good.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with good_pdf.open("wb") as fh:
        writer.write(fh)
    good_docx = files / "good.docx"
    Document().save(str(good_docx))
    (files / "damaged.pdf").write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 200)
    (files / "truncated.pdf").write_bytes(good_pdf.read_bytes()[:60])
    with zipfile.ZipFile(files / "not-word.docx", "w") as z:
        z.writestr("word/document.xml", "this is not Word")
    with zipfile.ZipFile(files / "plain.docx", "w") as z:
        z.writestr("readme.txt", "a zip")
    (files / "notes.txt.docx").write_text("plain text")
    (files / "empty.pdf").write_bytes(b"")
    (files / "folder.docx").mkdir()
    bad_dbs = root / "dbs"
    bad_dbs.mkdir()
    (bad_dbs / "folder").mkdir()
    (bad_dbs / "junk.db").write_bytes(b"\x00\x01 not sqlite " * 500)
    newer = bad_dbs / "newer.db"
    shutil.copyfile(db, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE clerk_meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    readonly = bad_dbs / "readonly.db"
    shutil.copyfile(db, readonly)
    readonly.chmod(0o400)
    immutable = subprocess.run(["chattr", "+i", str(readonly)], capture_output=True, check=False).returncode == 0
    yield {"root": root, "db": db, "files": files, "dbs": bad_dbs, "immutable": immutable}
    subprocess.run(["chattr", "-i", str(readonly)], capture_output=True, check=False)


def db_args(kind: str, w) -> list[str]:
    dbs = w["dbs"]
    return {
        "url foo:bar": ["--db", "foo:bar"],
        "url nonsense://x/y": ["--db", "nonsense://x/y"],
        "missing folder": ["--db", str(dbs / "nowhere" / "clerk.db")],
        "folder": ["--db", str(dbs / "folder")],
        "not a database": ["--db", str(dbs / "junk.db")],
        "newer schema": ["--db", str(dbs / "newer.db")],
        "read-only": ["--db", str(dbs / "readonly.db")],
        "empty url": ["--db", "sqlite://user@/"],
    }[kind]


def out_in(w, name: str) -> str:
    return str(w["root"] / "out" / name)


MEETING_COMMANDS = {  # command → the arguments after MEETING that make it otherwise good
    "export record": lambda w: ["--out", out_in(w, "r.json")],
    "export agenda": lambda w: ["--out", out_in(w, "a.docx")],
    "export notes": lambda w: ["--out", out_in(w, "n.docx")],
    "export minutes": lambda w: ["--out", out_in(w, "m.docx")],
    "approve": lambda w: [],
    "attach": lambda w: ["B1", str(w["files"] / "good.pdf")],
    "detach": lambda w: ["A1"],
    "pack": lambda w: ["--out", out_in(w, "p.pdf")],
    "live": lambda w: [],
}
GOOD_MEETING = {
    "export record": "1",
    "export agenda": "2",
    "export notes": "1",
    "export minutes": "1",
    "approve": "2",
    "attach": "2",
    "detach": "2",
    "pack": "2",
    "live": "2",
}


def cases():
    """(id, build argv from the world)."""
    out = []
    for command, rest in MEETING_COMMANDS.items():
        words = command.split()
        for bad in BAD_IDS:
            out.append((f"{command} meeting {bad!r}", lambda w, words=words, bad=bad, rest=rest: [*words, bad, *rest(w)]))
        for bad in BAD_COMMITTEES:
            out.append(
                (
                    f"{command} --committee {bad!r}",
                    lambda w, words=words, rest=rest, bad=bad: [*words, "2014-07-08", "--committee", bad, *rest(w)],
                )
            )
        for kind in DB_KINDS:
            good = GOOD_MEETING[command]
            out.append(
                (
                    f"{command} --db {kind}",
                    lambda w, words=words, kind=kind, rest=rest, good=good: [*db_args(kind, w), *words, good, *rest(w)],
                )
            )
    for command in ("meetings", "demo", "backup"):
        for kind in DB_KINDS:
            out.append((f"{command} --db {kind}", lambda w, command=command, kind=kind: [*db_args(kind, w), command]))
    for bad in BAD_COMMITTEES:
        out.append((f"meetings --committee {bad!r}", lambda w, bad=bad: ["meetings", "--committee", bad]))
    # --out, on every command that writes
    writers = {
        "export record 1": ".json",
        "export agenda 2": ".docx",
        "export notes 1": ".docx",
        "export notes 1 --pdf": ".pdf",
        "export minutes 1 --public": ".docx",
        "pack 2": ".pdf",
        "backup": ".db",
        "export volume -c KCSP --year 2014": ".docx",
    }
    for command, suffix in writers.items():
        words = command.split()
        bad_outs = {
            "empty": lambda w: "",
            "blank": lambda w: "   ",
            "folder": lambda w: str(w["root"] / "out"),
            "device": lambda w: "/dev/null",
            "the database": lambda w: str(w["db"]),
            "its -wal": lambda w: str(w["db"]) + "-wal",
            "missing folder": lambda w, suffix=suffix: out_in(w, "no/such/folder/x" + suffix),
            "wrong extension": lambda w: out_in(w, "x.txt"),
            "unwritable folder": lambda w, suffix=suffix: "/proc/x" + suffix,
        }
        for name, value in bad_outs.items():
            out.append((f"{command} --out {name}", lambda w, words=words, value=value: [*words, "--out", value(w)]))
    # attach: what is given to attach
    for name in (
        "damaged.pdf",
        "truncated.pdf",
        "not-word.docx",
        "plain.docx",
        "notes.txt.docx",
        "empty.pdf",
        "folder.docx",
        "missing.pdf",
    ):
        out.append((f"attach file {name}", lambda w, name=name: ["attach", "2", "B1", str(w["files"] / name)]))
    for item in ("Z9", "99999999999999999999", "", "\x1b[2J"):
        out.append((f"attach item {item!r}", lambda w, item=item: ["attach", "2", item, str(w["files"] / "good.pdf")]))
    # detach: an item that is not there, or has no report
    for item in ("Z9", "99999999999999999999", "", "\x1b[2J", "A1"):
        out.append((f"detach item {item!r}", lambda w, item=item: ["detach", "2", item]))
    # the volume: years, dates, both at once
    vol = ["export", "volume", "-c", "KCSP"]
    for year in BAD_YEARS:
        out.append((f"volume --year {year}", lambda w, year=year: [*vol, "--year", year, "--out", out_in(w, "v.docx")]))
    for date in BAD_DATES:
        out.append(
            (
                f"volume --from {date!r}",
                lambda w, date=date: [*vol, "--from", date, "--to", "2015-04-30", "--out", out_in(w, "v.docx")],
            )
        )
        out.append(
            (
                f"volume --to {date!r}",
                lambda w, date=date: [*vol, "--from", "2014-05-01", "--to", date, "--out", out_in(w, "v.docx")],
            )
        )
    for extra in (
        ["--year", "2014", "--from", "2014-05-01"],
        ["--year", "2014", "--to", "2015-04-30"],
        ["--year", "2014", "--from", "2014-05-01", "--to", "2015-04-30"],
        ["--from", "2014-05-01"],
        ["--from", "2015-04-30", "--to", "2014-05-01"],
        ["--from", "2020-01-01", "--to", "2020-12-31"],
        [],
    ):
        out.append(
            (f"volume {' '.join(extra) or 'no range'}", lambda w, extra=extra: [*vol, *extra, "--out", out_in(w, "v.docx")])
        )
    for bad in BAD_COMMITTEES:
        out.append(
            (
                f"volume -c {bad!r}",
                lambda w, bad=bad: ["export", "volume", "-c", bad, "--year", "2014", "--out", out_in(w, "v.docx")],
            )
        )
    # options and commands that do not exist, values missing
    for argv in (
        ["frobnicate"],
        ["meetings", "--colour"],
        ["export"],
        ["export", "record"],
        ["export", "record", "1"],
        ["attach", "2"],
        ["attach", "2", "B1"],
        ["detach", "2"],
        ["detach", "2", "A1", "--verbal=yes"],
        ["pack", "2"],
        ["export", "volume", "--year", "2014"],
        ["--db"],
        ["meetings", "--committee"],
        ["export", "notes", "1", "--pdf=yes", "--out", "x.pdf"],
    ):
        out.append((" ".join(argv), lambda w, argv=argv: argv))
    return out


CASES = cases()


def test_at_least_two_hundred_cases():
    assert len(CASES) >= 200


def snapshot(w) -> tuple:
    """Everything a bad command must leave as it was: the files under the test's folder and
    the rows of the demo database."""
    files = {}
    for p in sorted(w["root"].rglob("*")):
        if p.is_file() and p.name not in ("clerk.db-wal", "clerk.db-shm"):
            files[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest() if p.name != "clerk.db" else None
    con = sqlite3.connect(w["db"])
    rows = "\n".join(con.iterdump())
    con.close()
    return files, hashlib.sha256(rows.encode()).hexdigest()


@pytest.mark.parametrize("argv_of", [c[1] for c in CASES], ids=[c[0].encode("unicode_escape").decode() for c in CASES])
def test_bad_input_gets_one_line_and_exit_code_2(world, argv_of, capsys, monkeypatch):
    (world["root"] / "out").mkdir(exist_ok=True)
    argv = argv_of(world)
    if not any(a == "--db" for a in argv):
        argv = ["--db", str(world["db"]), *argv]
    if str(world["dbs"] / "readonly.db") in argv and not world["immutable"]:
        pytest.skip("the file system cannot make a file read-only for root")
    monkeypatch.setenv("CLERK_SOFFICE", "none")  # the checks come before any conversion
    cwd = world["root"] / "cwd"  # a relative --db such as foo:bar would land here
    cwd.mkdir(exist_ok=True)
    monkeypatch.chdir(cwd)
    import screens.app

    def no_app(*_args, **_kwargs):
        raise AssertionError("a bad input opened the app")

    monkeypatch.setattr(screens.app, "run", no_app)
    before = snapshot(world)
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2, (argv, out, err)
    assert err.count("\n") == 1 and err.startswith("clerk: "), err
    assert "Traceback" not in err and "\x1b" not in err and "\x07" not in err
    assert snapshot(world) == before
    assert not (world["root"] / "dbs" / "nowhere").exists()


def test_the_error_log_is_the_apps(tmp_path, capsys, monkeypatch):
    """An unexpected failure: one line naming clerk-errors.log, the traceback kept there."""
    from clerk.cli import meetings
    from clerk.config import log_path

    def broken(_ctx):
        raise RuntimeError("a fault in clerk itself")

    monkeypatch.setattr(meetings, "store_of", broken)
    code = main(["--db", str(tmp_path / "x.db"), "meetings"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and str(log_path()) in err and log_path().name == "clerk-errors.log"
    assert "Traceback" in log_path().read_text() and "a fault in clerk itself" in log_path().read_text()


@pytest.mark.parametrize(
    "argv",
    [
        ["meetings", "--committee", "99999999999999999999"],
        ["export", "volume", "-c", "KCSP", "--year", "0", "--out", "v.docx"],
        ["--db", "foo:bar", "meetings"],
    ],
)
def test_the_installed_script_too(world, tmp_path, argv):
    script = Path(sys.executable).with_name("clerk")
    if argv[0] != "--db":
        argv = ["--db", str(world["db"]), *argv]
    done = subprocess.run([str(script), *argv], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert list(tmp_path.iterdir()) == []
