"""The action log from the keyboard at 80×24: reached from home (a key in the footer and the
palette), an action of 8 July 2014 closed with an update, the chasing report on screen and in
Word; and the agenda builder offering the action log for 14 October 2014."""

from __future__ import annotations

from docx import Document
from textual.widgets import DataTable, Static

from clerk.cli.app import publishing
from clerk.services import actions
from clerk.services.agenda import list_items
from screens.actions import ActionsScreen
from screens.actions_chase import ChaseScreen
from screens.app import ClerkApp
from screens.home import HomeScreen

from .settled import settled, until
from .test_agenda_keyboard import type_text


def footer_text(screen) -> str:
    return " ".join(str(k.description) for k in screen.query("FooterKey"))


async def test_close_an_action_from_july_and_chase_the_rest(store, demo, tmp_path):
    app = ClerkApp(store, publishing=publishing())
    async with app.run_test(size=(80, 24)) as pilot:
        home = await settled(pilot, HomeScreen)
        assert "Actions" in footer_text(home)
        commands = [c.title for c in app.get_system_commands(home)]
        assert "Actions" in commands
        await pilot.press("ctrl+t")
        screen = await settled(pilot, ActionsScreen)
        assert screen.committee_id == demo.committee_id
        table = screen.query_one("#actions", DataTable)
        assert table.row_count == 2 and all(k in footer_text(screen) for k in ("Done", "Supersede", "Update", "Chase"))
        assert screen.size.width == 80 and table.virtual_size.width <= 80  # no sideways scrolling at 80 columns
        parris = next(r for r in screen.rows if r.owner == "Jim Parris")
        table.move_cursor(row=table.get_row_index(str(parris.id)))
        await pilot.press("d")
        await settled(pilot)
        await type_text(pilot, "Criteria report on the October agenda")
        await pilot.press("ctrl+s")
        await settled(pilot, ActionsScreen)
        closed = actions.get_action(store, parris.id)
        assert closed.status == "done" and closed.progress == "Criteria report on the October agenda"
        assert closed.status_on == app.clock().date()
        assert table.row_count == 1  # open only
        await pilot.press("o")  # all of them
        await settled(pilot)
        assert table.row_count == 2
        assert "Done" in str(table.get_row(str(parris.id))[-1])

        await pilot.press("c")
        chase = await settled(pilot, ChaseScreen)
        shown = str(chase.query_one("#chase", Static).render())
        assert "Open actions: DCI Andy Prichard" in shown and "Jim Parris" not in shown
        await pilot.press("ctrl+e")
        form = await settled(pilot)
        form.query_one("#field-out").value = str(tmp_path / "chase.docx")
        await pilot.press("ctrl+s")
        await settled(pilot, ChaseScreen)
        await until(pilot, lambda: (tmp_path / "chase.docx").exists(), "the chasing report is written")
        cells = [c.text for t in Document(str(tmp_path / "chase.docx")).tables for row in t.rows for c in row.cells]
        assert "MARAC Event" in cells


async def test_the_agenda_builder_offers_the_action_log(store, demo):
    from screens.agenda_builder import AgendaScreen

    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        app.push_screen(AgendaScreen(demo.next_meeting_id))
        await settled(pilot, AgendaScreen)
        await pilot.press("x")
        form = await settled(pilot)
        assert "Action log / matters arising" in str(form.query_one("#field-which").render())
        assert "2 actions are still open (from the meeting of 8 July 2014 and before)" in str(
            form.query_one(".form-intro").render()
        )
        await pilot.press("ctrl+s")
        await settled(pilot, AgendaScreen)
    [item] = [r for r in list_items(store, demo.next_meeting_id) if r.standard == "matters_arising"]
    assert (item.code, item.title) == ("A4", "Action log / matters arising")


def test_action_log_80x24(snap_compare, store, demo):
    """Looked at before it was accepted: minute, action, owner and status fit; the highlighted
    action's whole text and update sit under the table."""
    import datetime as dt

    prichard = actions.list_actions(store, owner="Prichard")[0]
    actions.note_action(store, prichard.id, "Event booked for 12 November at Sessions House", on=dt.date(2014, 9, 1))

    async def run(pilot):
        await settled(pilot, HomeScreen)
        await pilot.press("ctrl+t")
        await settled(pilot, ActionsScreen)
        await pilot.press("down")
        await settled(pilot)

    assert snap_compare(ClerkApp(store), terminal_size=(80, 24), run_before=run)
