"""The committee screen's year keys, from the keyboard: t shows the attendance record (and
writes it), y sets a year's meetings at once. What is stored or written is checked."""

from __future__ import annotations

import datetime as dt

from docx import Document

from clerk.cli.app import publishing
from clerk.services.meetings import list_meetings
from screens.app import ClerkApp
from screens.attendance_screen import AttendanceScreen

from .settled import settled
from .test_agenda_keyboard import type_text

AUTUMN_2014 = lambda: dt.datetime(2014, 11, 1, 9, 0)  # noqa: E731


async def test_attendance_record_on_screen_and_in_word(store, demo, tmp_path):
    app = ClerkApp(store, clock=AUTUMN_2014, publishing=publishing())
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("f4")
        await settled(pilot)
        await pilot.press("t")
        screen = await settled(pilot, AttendanceScreen)
        title = str(screen.query_one("#record-title").render())
        assert "1 May 2014 to 30 April 2015" in title
        grid = screen.query_one("#record")
        assert grid.row_count == 16 and grid.get_row_at(0)[0] == "Mr P M Hill, OBE"
        assert [str(c.label) for c in grid.columns.values()][-1] == "%"  # short headings at 80 columns
        await pilot.press("right_square_bracket")
        await settled(pilot)
        assert "2015 to 30 April 2016" in str(screen.query_one("#record-title").render())
        assert grid.row_count == 0
        assert "No meetings were held in this period." in str(screen.query_one("#record-notes").render())
        await pilot.press("left_square_bracket")
        await settled(pilot)
        await pilot.press("w")
        await settled(pilot)
        await pilot.press("ctrl+u")
        await type_text(pilot, str(tmp_path / "record.docx"))
        await pilot.press("ctrl+s")
        await settled(pilot, AttendanceScreen)
    doc = Document(str(tmp_path / "record.docx"))
    assert doc.tables[0].rows[1].cells[0].text == "Mr P M Hill, OBE"


async def test_set_the_years_meetings_from_the_committee_screen(store, demo):
    app = ClerkApp(store, clock=AUTUMN_2014)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await pilot.press("f4")
        await settled(pilot)
        await pilot.press("y")
        await settled(pilot)
        form = app.screen
        await pilot.press("enter", "enter")  # year 2015 and "second Tuesday" as offered
        await type_text(pilot, "Jun, Sept, Jan")
        await settled(pilot)
        note = str(form.query_one("#form-note").render())
        assert "9 June 2015" in note and "8 September 2015" in note and "12 January 2016" in note
        await pilot.press("ctrl+s")
        await settled(pilot)
    dates = [r.date for r in list_meetings(store, demo.committee_id)]
    assert {dt.date(2015, 6, 9), dt.date(2015, 9, 8), dt.date(2016, 1, 12)} <= set(dates)
