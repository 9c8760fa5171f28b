"""A snapshot of the import screen's preview of the 2014 notes at 80×24: the file, the committee,
the summary line, and the start of what was understood, a look-alike marked. The SVG was looked at before it was
accepted. The path is typed relative to the seeds' folder, so the picture is the same anywhere."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from clerk.cli.app import importing
from screens.app import ClerkApp
from screens.home import HomeScreen
from screens.import_notes import ImportNotesScreen

from .settled import settled
from .test_import_screen import SEEDS

CLOCK = lambda: dt.datetime(2014, 7, 20, 10, 0)  # noqa: E731


def test_the_preview_of_the_2014_notes(snap_compare, store, monkeypatch):
    """A Mr D Coleman is known already: Mr David Coleman is not merged with him, and his line is marked."""
    from clerk.services.committees import add_person

    add_person(store, "Coleman", title="Mr", forenames="D")
    monkeypatch.chdir(SEEDS)

    async def run(pilot):
        await settled(pilot, HomeScreen)
        await pilot.press("ctrl+o")
        screen = await settled(pilot, ImportNotesScreen)
        path = screen.query_one("#import-path", Input)
        path.value = "kcsp-2014-07-08-notes.txt"
        path.cursor_position = len(path.value)  # as typed, wherever the seeds folder is
        await pilot.press("enter")
        await settled(pilot, ImportNotesScreen)

    app = ClerkApp(store, importing=importing(), clock=CLOCK)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run)
