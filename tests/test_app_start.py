"""Starting the app: the first frame before the database, the meetings once it is open, and a
database that cannot be opened ends the app with a plain message and exit code 2."""

from __future__ import annotations

from textual.widgets import DataTable

from clerk.errors import StorageError
from clerk.storage import Store
from screens.app import ClerkApp
from screens.home import HomeScreen

from .settled import settled, until


async def test_home_lists_the_demo_meetings(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        table = app.screen.query_one("#meetings", DataTable)
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[3] for r in rows] == ["64–74", ""]
        assert [r[2] for r in rows] == ["held", "scheduled"]


async def test_the_store_opens_after_the_first_frame(tmp_path):
    from clerk.demo import load_demo

    db = tmp_path / "clerk.db"
    seeded = Store.open(db)
    load_demo(seeded)
    seeded.close()
    app = ClerkApp(lambda: Store.open(db))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        assert app.store is not None
        assert app.screen.query_one("#meetings", DataTable).row_count == 2
        app.store.close()


async def test_the_meetings_show_before_the_store_opens_and_keys_wait_for_it(tmp_path):
    """The first frame lists the meetings read without the store (clerk.quick); a key acting on
    a meeting, pressed before the store is open, is done once it is."""
    import threading

    from clerk.config import sqlite_target
    from clerk.demo import load_demo
    from clerk.opening import open_store
    from clerk.quick import quick_listing
    from screens.agenda_builder import AgendaScreen

    db = tmp_path / "clerk.db"
    seeded = Store.open(db)
    load_demo(seeded)
    seeded.close()
    may_open = threading.Event()

    def opener() -> Store:
        may_open.wait(120)
        return open_store(db)

    app = ClerkApp(opener, listing=lambda: quick_listing(sqlite_target(db)))
    async with app.run_test(size=(80, 24)) as pilot:

        def listed() -> bool:
            return isinstance(app.screen, HomeScreen) and app.screen.query_one("#meetings", DataTable).row_count == 2

        await until(pilot, listed, "the meetings listed")
        assert app.store is None and app.unsettled() == "the database is opening"
        await pilot.press("enter")  # the agenda of the meeting highlighted: once the store is open
        assert isinstance(app.screen, HomeScreen)
        may_open.set()
        await settled(pilot, AgendaScreen)
        assert app.store is not None
        app.store.close()


async def test_an_unusable_database_ends_the_app_plainly():
    def opener() -> Store:
        raise StorageError("/nowhere/clerk.db is not a clerk database; give another --db path.")

    app = ClerkApp(opener)
    async with app.run_test() as pilot:
        await until(pilot, lambda: app.return_code is not None, "the app ends")
    assert app.return_code == 2


async def test_an_unexpected_error_shows_a_line_and_keeps_the_detail(tmp_path, monkeypatch):
    """No traceback in the clerk's face: one line, where the detail was saved, d to see it."""
    from textual.app import App
    from textual.containers import VerticalScroll

    from clerk.config import log_path
    from screens.base import report
    from screens.errors import ErrorScreen

    class Host(App):
        pass

    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            raise RuntimeError("the printer caught fire")
        except RuntimeError as exc:
            report(app, exc)
        await settled(pilot, ErrorScreen)
        screen = app.screen
        assert isinstance(screen, ErrorScreen)
        assert screen.summary == "the printer caught fire"
        assert not screen.query_one(VerticalScroll).display  # the traceback is not shown
        await pilot.press("d")
        assert screen.query_one(VerticalScroll).display
        await pilot.press("escape")
    assert "Traceback" in log_path().read_text() and "the printer caught fire" in log_path().read_text()
