"""Importing notes in the app (issue 16): from home, ctrl+o opens "Import notes"; the path typed and
Enter show what was understood, as the dry run prints it; ctrl+s stores it and home shows the new
meeting selected; Esc stores nothing; the text can be mended and the preview follows; a file that
is not notes gets one line. Real SQLite files, the seed as it is; at 80×24."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.widgets import Input, Label, Static, TextArea

from clerk.cli.app import importing
from clerk.services.meetings import list_meetings
from screens.app import ClerkApp
from screens.help import key_rows
from screens.home import HomeScreen
from screens.import_notes import ImportNotesScreen
from screens.widgets.menu import Confirm

from .settled import settled, until

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NOTES_2014 = SEEDS / "kcsp-2014-07-08-notes.txt"


def row_counts(path: Path) -> dict[str, int]:
    """How many rows each table of the database holds."""
    with sqlite3.connect(path) as con:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def shown(screen: ImportNotesScreen) -> str:
    return str(screen.query_one("#import-lines", Static).render())


def status(screen: ImportNotesScreen) -> str:
    return str(screen.query_one("#import-status", Label).render())


async def read_file(pilot, path: Path | str, *, typed: bool = False) -> ImportNotesScreen:
    """From home: ctrl+o, the path (or, ``typed``, the keys typed after the folder offered),
    Enter; the preview (or the refusal) shown."""
    await settled(pilot, HomeScreen)
    await pilot.press("ctrl+o")
    screen = await settled(pilot, ImportNotesScreen)
    if typed:
        await pilot.press(*str(path))
    else:
        screen.query_one("#import-path", Input).value = str(path)
    await pilot.press("enter")
    return await settled(pilot, ImportNotesScreen)


async def test_the_2014_notes_imported_through_the_screen_are_listed_on_home(store):
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        assert ("^o", "Import") in key_rows(app.screen)  # F1 lists it, the palette offers it
        assert "Import" in [command.title for command in app.get_system_commands(app.screen)]
        screen = await read_file(pilot, NOTES_2014)
        text = shown(screen)
        assert text.startswith("Notes of Kent Community Safety Partnership, Tuesday, 8 July 2014")
        assert "64. Vice-Chairman in the Chair" in text and "74. New Communities - verbal update (Item D2)" in text
        assert "Mr David Coleman (Vice-Chairman; in the Chair)" in text
        assert status(screen).startswith("kcsp-2014-07-08-notes.txt: minutes 64–74")
        assert screen.query_one("#import-committee", Input).value == "Kent Community Safety Partnership"
        await pilot.press("ctrl+s")
        home = await settled(pilot, HomeScreen)
        [row] = list_meetings(store)
        assert (row.date.isoformat(), row.minutes) == ("2014-07-08", "64–74")
        assert home.selected_meeting_id() == row.id
        messages = [str(n.message) for n in app._notifications]
        assert "Imported the meeting of 8 July 2014: 11 minutes, 20 people added." in messages, messages


async def test_the_preview_is_the_dry_run_line_for_line(store, tmp_path, capsys):
    from clerk.cli import main as run_commands

    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await read_file(pilot, NOTES_2014)
        lines = [line for line, _ in screen.marked]
    capsys.readouterr()
    assert run_commands(["--db", str(tmp_path / "clerk.db"), "import", "notes", str(NOTES_2014), "--dry-run"]) == 0
    assert capsys.readouterr().out.splitlines() == lines


async def test_abandoning_stores_nothing(store, tmp_path):
    """Esc abandons at once; once the text is mended, only when the clerk says yes. The folder
    read from is offered again next time."""
    before = row_counts(tmp_path / "clerk.db")
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await read_file(pilot, NOTES_2014)
        assert "64. Vice-Chairman in the Chair" in shown(screen)
        await pilot.press("escape")
        await settled(pilot, HomeScreen)
        assert any("nothing was stored" in str(n.message) for n in app._notifications)
        screen = await read_file(pilot, NOTES_2014.name, typed=True)  # after the folder offered: the last read from
        assert screen.query_one("#import-path", Input).value == str(NOTES_2014)
        assert "64. Vice-Chairman in the Chair" in shown(screen)
        await pilot.press("f2", "end", *"!")
        await settled(pilot, ImportNotesScreen)
        await pilot.press("escape")
        await settled(pilot, Confirm)
        await pilot.press("n")
        await settled(pilot, ImportNotesScreen)
        await pilot.press("escape")
        await settled(pilot, Confirm)
        await pilot.press("y")
        await settled(pilot, HomeScreen)
    assert row_counts(tmp_path / "clerk.db") == before
    assert list_meetings(store) == []


async def test_the_path_is_completed_as_it_is_typed(store):
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("ctrl+o")
        screen = await settled(pilot, ImportNotesScreen)
        box = screen.query_one("#import-path", Input)
        box.value = f"{SEEDS}/kcsp-2014"
        box.cursor_position = len(box.value)
        await until(pilot, lambda: box._suggestion, "the rest of the name offered")
        await pilot.press("right", "enter")
        await settled(pilot, ImportNotesScreen)
        assert box.value == str(NOTES_2014)
        assert "64. Vice-Chairman in the Chair" in shown(screen)


async def test_notes_stored_already_change_nothing_and_are_selected(store):
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        previews = []
        for _ in range(2):
            previews.append(shown(await read_file(pilot, NOTES_2014)))
            await pilot.press("ctrl+s")
            home = await settled(pilot, HomeScreen)
        assert "Already imported: the meeting of 8 July 2014 holds these minutes" in previews[1]
        [row] = list_meetings(store)
        assert home.selected_meeting_id() == row.id
        assert "The meeting of 8 July 2014 already holds these minutes; nothing was changed." in [
            str(n.message) for n in app._notifications
        ]


async def test_mending_the_text_changes_the_preview(store, tmp_path):
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await read_file(pilot, NOTES_2014)
        assert "Not placed: 0 lines" in shown(screen)
        await pilot.press("f2")
        await settled(pilot, ImportNotesScreen)
        text = screen.query_one("#import-text", TextArea)
        assert app.focused is text
        text.insert("Draft for the Chairman to check\n", (0, 0))  # a line the importer cannot place
        await settled(pilot, ImportNotesScreen)
        assert "Not placed: 1 line\n    Draft for the Chairman to check" in shown(screen)
        assert "1 line not placed (marked)" in status(screen)
        assert ("    Draft for the Chairman to check", True) in screen.marked
        text.replace("MARAC Conference", *find(text, "MARAC Event"))
        text.delete((0, 0), (1, 0))  # the stray line mended away
        await settled(pilot, ImportNotesScreen)
        assert "68. MARAC Conference (Item B3)" in shown(screen) and "Not placed: 0 lines" in shown(screen)
        await pilot.press("ctrl+s")
        await settled(pilot, HomeScreen)
    [row] = list_meetings(store)
    assert row.minutes == "64–74"


async def test_a_look_alike_stands_out_and_the_committee_can_be_another(store):
    """Mr David Coleman is not merged with a Mr D Coleman already known: his line is marked. The
    committee typed is the one used (an existing one, offered as it is typed)."""
    from clerk.services.committees import add_person, create_committee

    add_person(store, "Coleman", title="Mr", forenames="D")
    create_committee(store, "Safer Kent Board")
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await read_file(pilot, NOTES_2014)
        [coleman] = [(line, eye) for line, eye in screen.marked if "Mr David Coleman" in line]
        assert coleman[1] and "not merged with Mr D Coleman" in coleman[0]
        assert "1 person to check (marked)" in status(screen)
        assert "Committee: Kent Community Safety Partnership (a new committee)" in shown(screen)
        box = screen.query_one("#import-committee", Input)
        box.focus()
        box.value = ""
        await pilot.press(*"Safer", "right")  # the rest of the name offered, and taken
        await settled(pilot, ImportNotesScreen)
        assert box.value == "Safer Kent Board"
        assert "Committee: Safer Kent Board (an existing committee)" in shown(screen)


def find(text: TextArea, words: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Where ``words`` first are in the text area, as its (row, column) start and end."""
    for row, line in enumerate(text.text.splitlines()):
        if words in line:
            column = line.index(words)
            return (row, column), (row, column + len(words))
    raise AssertionError(f"{words!r} is not in the text")


async def test_a_file_that_is_not_notes_gets_one_line_and_nothing_is_stored(store, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("Quarterly performance report\n\nCrime fell by 3% across the county.\n", encoding="utf-8")
    broken = tmp_path / "notes.docx"
    broken.write_bytes(b"not a Word file")
    before = row_counts(tmp_path / "clerk.db")
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await read_file(pilot, report)
        assert status(screen).startswith("report.txt does not read as notes or minutes: expected a heading such as")
        await pilot.press("ctrl+s")  # nothing to accept: refused, nothing stored
        await settled(pilot, ImportNotesScreen)
        screen.query_one("#import-path", Input).value = str(NOTES_2014)
        screen.query_one("#import-path", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: "64. Vice-Chairman" in shown(screen), "the notes read")
        screen.query_one("#import-path", Input).value = str(broken)
        await pilot.press("enter")
        await until(pilot, lambda: status(screen).startswith("notes.docx cannot be read"), "the refusal")
        assert shown(screen) == "" and screen.plan is None  # the notes read before are not what is offered now
        assert not any(n.title == "Error" for n in app._notifications)
        await pilot.press("escape")
        await settled(pilot, HomeScreen)
    assert row_counts(tmp_path / "clerk.db") == before


async def test_a_plan_that_cannot_be_stored_says_why_in_one_line(store, tmp_path):
    """A committee name that fits two committees: the reason shows above the preview and in it,
    marked; ctrl+s is refused with it and stores nothing."""
    from clerk.services.committees import create_committee

    create_committee(store, "Kent Board North")
    create_committee(store, "Kent Board South")
    before = row_counts(tmp_path / "clerk.db")
    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await read_file(pilot, NOTES_2014)
        screen.query_one("#import-committee", Input).value = "Kent Board"
        await settled(pilot, ImportNotesScreen)
        line = status(screen)
        assert line.startswith("'Kent Board' matches several committees (Kent Board North, Kent Board South)")
        assert screen.query_one("#import-status", Label).has_class("-refused")
        assert (f"Cannot be stored: {line}", True) in screen.marked
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(str(n.message) == line for n in app._notifications), "the refusal")
        await settled(pilot, ImportNotesScreen)
    assert row_counts(tmp_path / "clerk.db") == before


async def test_the_text_is_mended_beside_the_preview_when_wide_and_instead_of_it_at_80(store):
    for size, beside in (((130, 36), True), ((80, 24), False)):
        app = ClerkApp(store, importing=importing())
        async with app.run_test(size=size) as pilot:
            screen = await read_file(pilot, NOTES_2014)
            await pilot.press("f2")
            await settled(pilot, ImportNotesScreen)
            assert screen.query_one("#import-text", TextArea).display
            assert screen.query_one("#import-preview").display is beside, size
            await pilot.press("f2")  # back to the preview alone
            await settled(pilot, ImportNotesScreen)
            assert screen.query_one("#import-preview").display and not screen.query_one("#import-text").display


def test_a_committee_name_that_fits_two_is_refused_by_the_command_too(store, tmp_path, capsys):
    """The plan's problem refuses storing, whichever way it is asked for: no committee is made of
    the name typed."""
    from clerk.cli import main as run_commands
    from clerk.services.committees import create_committee

    create_committee(store, "Kent Board North")
    create_committee(store, "Kent Board South")
    before = row_counts(tmp_path / "clerk.db")
    code = run_commands(["--db", str(tmp_path / "clerk.db"), "import", "notes", str(NOTES_2014), "--committee", "Kent Board"])
    assert code == 2
    assert "matches several committees" in capsys.readouterr().err
    assert row_counts(tmp_path / "clerk.db") == before
