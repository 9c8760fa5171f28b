"""Committee settings, meeting setup and the export dialog, driven from the keyboard; what is
stored (or written) is checked, not only the screen."""

from __future__ import annotations

import datetime as dt

from clerk.cli.app import publishing
from clerk.services.committees import find_committee, list_members
from clerk.services.meetings import list_meetings
from screens.app import ClerkApp
from screens.live.screen import LiveScreen

from .settled import settled
from .test_agenda_keyboard import type_text

LATER = dt.date.today() + dt.timedelta(days=30)


async def settle(pilot) -> None:
    await settled(pilot)


async def test_change_a_setting_add_and_retire_a_member(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("e")  # settings: Name, Organisation, Heading word, body noun, Chairman, ...
        await settled(pilot)
        await pilot.press("down", "down", "down", "down")  # to "Chair is called"
        await pilot.press("ctrl+u")
        await type_text(pilot, "Chair")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert find_committee(store, demo.committee_id).chair_title == "Chair"

        await pilot.press("a")  # a new member
        await settled(pilot)
        await type_text(pilot, "Cllr")
        await pilot.press("enter")
        await type_text(pilot, "J")
        await pilot.press("enter")
        await type_text(pilot, "Knight")
        await pilot.press("ctrl+s")
        await settle(pilot)
        knight = next(r for r in list_members(store, demo.committee_id) if r.person.surname == "Knight")
        assert knight.name == "Cllr J Knight" and knight.role.value == "member" and knight.end_date is None
        assert knight.start_date == dt.date(2014, 10, 14)  # "Member from": the next meeting not yet held

        table = app.screen.query_one("#members")
        table.move_cursor(row=table.get_row_index(str(knight.membership_id)))
        await pilot.press("r")
        await settled(pilot)
        await pilot.press("ctrl+u")
        await type_text(pilot, "31/3/2014")
        await pilot.press("enter")
        await settled(pilot)
        assert "ends on or after the day it starts" in str(app.screen.query_one("#form-error").render())
        await pilot.press("ctrl+u")
        await type_text(pilot, f"{LATER:%d/%m/%Y}")
        await pilot.press("enter")
        await settle(pilot)
    knight = next(r for r in list_members(store, demo.committee_id) if r.person.surname == "Knight")
    assert knight.end_date == LATER


async def test_a_bad_value_is_explained_and_nothing_typed_is_lost(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("e")
        await settled(pilot)
        for _ in range(15):  # down to the template
            await pilot.press("down")
        await type_text(pilot, "/nowhere/kcc.docx")
        await pilot.press("ctrl+s")
        await settled(pilot)
        form = app.screen
        assert "There is no template at /nowhere/kcc.docx" in str(form.query_one("#form-error").render())
        assert form.query_one("#field-template_path").value == "/nowhere/kcc.docx"
    assert find_committee(store, demo.committee_id).template_path == ""


async def test_a_new_meeting_warns_of_a_late_agenda(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f2")
        await settled(pilot)
        await type_text(pilot, "24 April 2014")
        await pilot.press("enter", "enter", "enter", "enter", "enter", "enter")  # time, venue, ask for, telephone, email
        await type_text(pilot, "16/4/2014")
        await settled(pilot)
        note = str(app.screen.query_one("#form-note").render())
        assert "Only 3 clear working days before the meeting; five are needed. Publish by Monday 14 April 2014." in note
        assert "before the meeting of 8 July 2014, already held" in note
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "AgendaScreen"  # a new meeting opens on its agenda
    row = next(r for r in list_meetings(store) if r.date == dt.date(2014, 4, 24))
    assert row.start_time == dt.time(10) and row.status.value == "draft"


async def test_the_export_dialog_writes_the_public_notes(store, demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = ClerkApp(store, publishing=publishing())  # the writers, as clerk hands them to the app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f7")  # the 8 July 2014 meeting is highlighted
        await settled(pilot)
        await pilot.press("enter", "right", "enter", "enter")  # notes; public; Word
        await pilot.press("ctrl+u")
        await type_text(pilot, str(tmp_path / "public.docx"))
        await pilot.press("ctrl+s")
        await settle(pilot)
    from .docx_read import all_text

    text = all_text(tmp_path / "public.docx")
    assert "Exempt under paragraph 1" in text and "Alison Gilmour (Kent and Medway DV Co-ordinator)" not in text


async def test_home_shows_what_the_live_screen_changed(store, demo):
    """Minute 75 taken live, then back to the meetings: the row says in progress, 75."""
    from textual.widgets import DataTable

    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "f6")  # 14 October 2014
        await settled(pilot, LiveScreen)
        await pilot.press("f2", "a", "1", "enter")
        await settled(pilot)
        await pilot.press("f10", "q")
        await settle(pilot)
        table = app.screen.query_one("#meetings", DataTable)
        row = [str(c) for c in table.get_row_at(1)]
        assert "in progress" in row and "75" in row, row


async def test_the_file_name_follows_the_choices_until_it_is_typed(store, demo, tmp_path, monkeypatch):
    """Choosing Public or PDF changes the name offered, so a public export never overwrites the
    full one; a name the clerk typed is kept whatever is chosen after."""
    from textual.widgets import Input

    monkeypatch.chdir(tmp_path)
    app = ClerkApp(store, publishing=publishing())  # the writers, as clerk hands them to the app
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settled(pilot)
        out = app.screen.query_one("#field-out", Input)
        assert out.value == str(tmp_path / "kent-community-safety-partnership-2014-07-08-notes.docx")
        await pilot.press("down", "right", "down", "right")  # public, PDF
        await settled(pilot)
        assert out.value == str(tmp_path / "kent-community-safety-partnership-2014-07-08-notes-public.pdf")
        await pilot.press("down", "ctrl+u")
        await type_text(pilot, str(tmp_path / "mine.pdf"))
        await pilot.press("up", "left")  # back to Word: the typed name stays (the suffix follows on saving)
        await settled(pilot)
        assert out.value == str(tmp_path / "mine.pdf")
        await pilot.press("escape")


async def test_the_builder_and_home_show_what_changed_while_away(store, demo):
    """Back from the live screen the builder says the meeting is in progress; back from the
    new-committee form, home lists the committee."""
    from textual.widgets import Label, OptionList

    from screens.agenda_builder import AgendaScreen

    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.push_screen(AgendaScreen(demo.next_meeting_id))
        await settled(pilot)
        await pilot.press("f6")
        await settled(pilot, LiveScreen)
        await pilot.press("f2", "a", "1", "enter")
        await settled(pilot)
        await pilot.press("f10", "q")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert "in progress" in str(app.screen.query_one("#agenda-meeting", Label).render())
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f9")
        await settled(pilot)
        await type_text(pilot, "Scrutiny Committee")
        await pilot.press("ctrl+s")
        await settle(pilot)
        options = app.screen.query_one("#committees", OptionList)
        assert "Scrutiny Committee" in [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_paper_size_is_chosen_in_the_settings(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert "A4" in str(app.screen.query_one("#settings").get_row("paper_size"))
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#field-paper_size").focus()
        await pilot.press("u")  # US Letter
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert find_committee(store, demo.committee_id).paper_size == "Letter"
        assert "US Letter" in str(app.screen.query_one("#settings").get_row("paper_size"))
