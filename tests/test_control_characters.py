"""The terminal is never attacked through the data: no control character is stored, whatever
path writes it; what the command line prints from the record is escaped; text pasted into the
minute editor keeps every printable character, in order."""

from __future__ import annotations

import re
import sqlite3
from enum import Enum

from sqlmodel import SQLModel, select

from clerk.cli import main
from clerk.services import committees

HOSTILE = "A\x1b[2Jb\x07c\x00d\x9be\x7ff\u0085g"
CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def stored_text(db) -> list[tuple[str, str, str]]:
    """(table, column, value) of every text value in the database."""
    con = sqlite3.connect(db)
    out = []
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        cols = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        for row in con.execute(f'SELECT * FROM "{table}"'):
            out += [(table, c, v) for c, v in zip(cols, row, strict=False) if isinstance(v, str)]
    con.close()
    return out


def test_services_store_names_without_control_characters(store):
    committee = committees.create_committee(store, f"Safety {HOSTILE}\nPartnership")
    assert committee.name == "Safety A[2Jbcdefg Partnership"
    person = committees.add_person(store, f"Sm{HOSTILE}ith")
    assert person.surname == "SmA[2Jbcdefgith"


def test_no_write_path_stores_a_control_character(store, demo):
    """Every text field of every row of the demo, rewritten with escape, BEL, NUL and C1
    controls in it, through the record's own sessions."""
    from clerk.text import NOT_TEXT

    tables = [m for m in SQLModel.__subclasses__() if hasattr(m, "__table__")]
    changed = 0
    with store.write() as session:
        for model in tables:
            for obj in session.exec(select(model)).all():
                for name, value in list(obj.__dict__.items()):
                    if isinstance(value, str) and not isinstance(value, Enum) and name not in NOT_TEXT:
                        setattr(obj, name, value + HOSTILE + "\nend\tline")
                        changed += 1
    assert changed > 200
    values = stored_text(store.target.path)
    assert not [v for v in values if CONTROLS.search(v[2])]
    assert any("A[2Jbcdefg\nend\tline" in v for _t, _c, v in values)  # multi-line text keeps newline and tab
    with store.read() as session:
        from clerk.models import Committee

        assert all("\n" not in c.name and "\t" not in c.name for c in session.exec(select(Committee)).all())


def test_the_command_line_prints_data_escaped(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    assert main(["--db", str(db), "demo"]) == 0
    con = sqlite3.connect(db)  # written by another program, or by an older clerk
    con.execute("UPDATE committee SET name = ?", ("Evil\x1b[2J\x07\u009b31m Partnership [bold]x[/bold]",))
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["--db", str(db), "meetings"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "Evil\\x1b[2J\\x07\\x9b31m" in out and "[bold]x[/bold]" in out  # shown, not obeyed
    assert main(["--db", str(db), "meetings", "--committee", "\x1b]0;owned\x07"]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\\x1b]0;owned\\x07" in err


async def test_pasting_escape_sequences_into_the_minute_editor(store):
    from .live_helpers import build_demo_agenda, stored_minutes
    from .live_pilot import live_app, paste, ready, settle, type_text

    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2", "b", "1", "enter")
        await type_text(pilot, "Start ")
        await paste(pilot, "one\x1b[2Jtwo\x07three\u009bfour\x00five\n\nsix\x1b]0;title\x07seven")
        await type_text(pilot, " end")
        assert screen.editor.text == "Start one[2Jtwothreefourfive\n\nsix]0;titleseven end"
        await settle(pilot)
        await pilot.press("ctrl+q")
    b1 = stored_minutes(store, built.held_id)[0]
    assert b1[4] == "Start one[2Jtwothreefourfive\n\nsix]0;titleseven end"
