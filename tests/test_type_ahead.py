"""Every filter and type-ahead field takes keys as fast as a terminal sends them: 30 characters
arriving in one write (a fast typist, a paste without bracketed paste) all reach the field.
Each field is tried twice: through Pilot with every key queued before any is handled
(``burst``), and through the real app under a pseudo-terminal, the bytes in one ``write``."""

from __future__ import annotations

from sqlmodel import select
from textual import events
from textual.widgets import Input, TextArea

from clerk.demo import load_demo
from clerk.models import Action, Attachment, Committee
from clerk.storage import Store
from screens.app import ClerkApp
from screens.home import HomeScreen
from screens.widgets.file_picker import FilePicker
from screens.widgets.form import Form

from .burst import burst
from .live_pilot import live_app, ready
from .pty_app import KEYS, PtyApp
from .settled import settled, until

THIRTY = "Kent Community Safety Partners"  # 30 characters, two spaces
assert len(THIRTY) == 30


def key(name: str) -> events.Key:
    """A new event each time: an event is marked as it is handled, so one cannot be sent twice."""
    return events.Key(name, None)


# -- Pilot: every key queued at once ------------------------------------------------------
async def test_the_home_filter_takes_a_burst_whole_and_enter_opens_the_agenda(store, demo):
    from screens.agenda_builder import AgendaScreen

    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        home = await settled(pilot, HomeScreen)
        await burst(pilot, THIRTY)  # typed on the list of meetings: the filter takes them all
        assert home.query_one("#filter", Input).value == THIRTY
        await burst(pilot, key("escape"))
        assert home.query_one("#filter", Input).value == ""
        await burst(pilot, "oct 2014\r")  # the issue's own words, then Enter in the same burst
        agenda = await settled(pilot, AgendaScreen)
        assert agenda.meeting_id == demo.next_meeting_id  # 14 October, not the first row (8 July)


async def test_keys_queued_for_the_list_keep_their_place_before_those_the_filter_took(store, demo):
    """The race a real terminal can lose: the first letter moves the focus to the filter while
    the next ones still wait in the list's queue; the keys sent after the move reach the filter
    first. Those that waited were typed earlier, so they go before them, not after."""
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        home = await settled(pilot, HomeScreen)
        home.on_key(events.Key("K", "K"))  # from the list: the filter takes the focus
        filter_input = home.query_one("#filter", Input)
        assert home.focused is filter_input
        filter_input.insert_text_at_cursor("y Safety Partners")  # sent after the move: straight in
        for c in "ent Communit":  # the list's queue, reaching the screen late
            home.on_key(events.Key(c if c != " " else "space", c))
        assert filter_input.value == THIRTY
        assert filter_input.cursor_position == len(THIRTY)
        await settled(pilot)


async def test_enter_in_the_home_filter_opens_the_highlighted_meetings_agenda(store, demo):
    from screens.agenda_builder import AgendaScreen

    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        home = await settled(pilot, HomeScreen)
        await pilot.press("slash", *"july")
        await settled(pilot)
        assert home.focused is home.query_one("#filter", Input)
        await pilot.press("enter")
        agenda = await settled(pilot, AgendaScreen)
        assert agenda.meeting_id == demo.held_meeting_id


async def test_the_live_filters_take_a_burst_whole(store, demo):
    app = live_app(store, demo.next_meeting_id)
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await ready(pilot)
        await burst(pilot, key("f2"), THIRTY)  # the key that opens the filter and the text, in one write
        assert screen.focused.value == THIRTY
        await burst(pilot, key("escape"))
        await burst(pilot, key("f3"), THIRTY)
        assert screen.focused.value == THIRTY


async def test_the_live_dialog_fields_and_the_file_picker_take_a_burst_whole(store, demo):
    app = live_app(store, demo.next_meeting_id)
    async with app.run_test(size=(120, 34)) as pilot:
        screen = await ready(pilot)
        await burst(pilot, key("f2"), "c1\r")  # a minute to add an action to
        await until(pilot, lambda: screen.minute_id is not None, "C1 taken")
        await burst(pilot, key("ctrl+t"))
        dialog = await settled(pilot, Form)
        await burst(pilot, THIRTY)  # a field with picks (the people)
        assert dialog.query_one("#field-owner", Input).value == THIRTY
        await burst(pilot, "\r", THIRTY)  # Enter moves on before the next key
        assert dialog.query_one("#field-description", Input).value == THIRTY
        await burst(pilot, key("escape"))
        await settled(pilot)
        await burst(pilot, key("ctrl+o"))
        picker = await settled(pilot, FilePicker)
        start = picker.query_one("#picker-path", Input).value
        await burst(pilot, key("ctrl+l"), THIRTY)
        assert picker.query_one("#picker-path", Input).value == start + THIRTY  # after the folder, not over it


async def test_a_form_field_takes_a_burst_whole(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, HomeScreen)
        await burst(pilot, key("f2"))  # a new meeting
        form = await settled(pilot, Form)
        await burst(pilot, THIRTY)
        assert form.focused.value == THIRTY


async def test_the_import_path_takes_ctrl_u_and_a_path_in_one_burst(store, demo):
    """ctrl+u clears the box before the path typed after it, not after (Textual runs a binding
    once the key has bubbled up to the app, by which time the letters would be in)."""
    from clerk.cli.app import importing
    from screens.import_notes import ImportNotesScreen

    app = ClerkApp(store, importing=importing())
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot, HomeScreen)
        await burst(pilot, key("ctrl+o"))
        screen = await settled(pilot, ImportNotesScreen)
        await burst(pilot, key("ctrl+u"), THIRTY)
        assert screen.query_one("#import-path", Input).value == THIRTY
        await burst(pilot, key("f2"), THIRTY, key("ctrl+o"), "x")  # the text, then the path again
        assert screen.query_one("#import-text", TextArea).text == THIRTY
        assert screen.query_one("#import-path", Input).value == THIRTY + "x"


# -- a real terminal: the bytes in one write ---------------------------------------------------
def demo_db(tmp_path):
    db = tmp_path / "clerk.db"
    store = Store.open(db)
    summary = load_demo(store)
    store.close()
    return db, summary


def read(db, query):
    store = Store.open(db)
    try:
        with store.read() as session:
            return session.exec(query).all()
    finally:
        store.close()


def test_the_home_filter_in_a_terminal(tmp_path):
    db, _summary = demo_db(tmp_path)
    app = PtyApp("--db", str(db))
    try:
        app.wait_for("Enter: agenda")
        app.write(THIRTY)
        app.wait_for(f"matching “{THIRTY}”")
        app.write("\x1b")
        app.wait_for("2 of 2 meetings · Enter")
        app.write("oct 2014\r")
        app.wait_for("Partnership · Tuesday 14 October 2014")  # the agenda of the meeting the filter found
        assert app.quit() == 0
    finally:
        app.close()


def test_the_settings_form_in_a_terminal(tmp_path):
    db, _summary = demo_db(tmp_path)
    app = PtyApp("--db", str(db))
    try:
        app.wait_for("Enter: agenda")
        app.press("f4")
        app.wait_for("People")
        app.write("e")
        app.wait_for("Enter: next field")
        app.write(THIRTY)  # over the name, selected as the form opens
        app.wait_for(THIRTY)
        app.press("ctrl+s")
        app.wait_for("People")
        assert app.quit() == 0
    finally:
        app.close()
    assert [c.name for c in read(db, select(Committee))] == [THIRTY]


def test_a_live_dialog_and_the_file_picker_in_a_terminal(tmp_path, isolated_user_folders):
    db, _summary = demo_db(tmp_path)
    folder = isolated_user_folders / "Documents"
    folder.mkdir(parents=True)
    name = "tabled paper from the chair.md"  # 30 characters
    assert len(name) == 30
    (folder / name).write_text("# Tabled\n", encoding="utf-8")
    app = PtyApp("--db", str(db), "live", "2014-10-14", cols=120, rows=34)
    try:
        app.wait_for("No minute yet")
        app.press("f2")
        app.write("c1\r")
        app.wait_for("75. Date of next meeting")
        app.write(KEYS["ctrl+t"])
        app.wait_for("Action for")
        app.write(THIRTY)
        app.write("\r\r\r")  # owner, description (none), due date (none): saved
        app.wait_for("Action – Kent Community")  # the line under the minute (the rest is checked below)
        app.write(KEYS["ctrl+o"])
        app.wait_for("Attach a file to this minute")
        app.write(KEYS["ctrl+l"])
        app.write(name + "\r")
        app.wait_for(f"Attached {name}")
        assert app.quit() == 0
    finally:
        app.close()
    assert [a.owner_name for a in read(db, select(Action).order_by(Action.id))][-1] == THIRTY  # the demo has others
    assert [a.filename for a in read(db, select(Attachment).where(Attachment.minute_id.is_not(None)))][-1:] == [name]
