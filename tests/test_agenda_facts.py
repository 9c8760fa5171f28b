"""An item's agenda facts at hand: the meeting's own "Ask for" officer with their telephone and
email (on the agenda, in the builder and the meeting form), a report detached or replaced and an
item made Verbal again from the builder and ``clerk detach``, the builder showing a report
attached with ``clerk attach`` while it is open, and the Paper column's ranges whole."""

from __future__ import annotations

import pytest
from docx import Document

from clerk.cli import main
from clerk.documents import build_agenda
from clerk.errors import InvalidInput
from clerk.models import ItemKind
from clerk.services import agenda, meetings
from clerk.services.reports import attach_report, detach_report, history, reports
from exports.agenda import write_agenda
from screens.agenda_builder import AgendaScreen
from screens.app import ClerkApp

from .settled import settled, until
from .test_agenda_keyboard import type_text


def report_file(path, title: str = "Kent Community Safety Agreement Review"):
    doc = Document()
    doc.add_heading(title, 1)
    doc.add_paragraph(f"{title}: the report.")
    doc.save(str(path))
    return path


def front_sheet(store, meeting_id, path) -> str:
    out = write_agenda(build_agenda(store, meeting_id), path)
    return "\n".join(c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells)


def table_lines(screen) -> list[str]:
    """The agenda table as it is drawn, line by line."""
    table = screen.query_one("#agenda")
    return [table.render_line(y).text for y in range(table.size.height)]


def with_report(store, demo, tmp_path, pages: tuple[int, int] | None = None):
    item = agenda.add_item(store, demo.next_meeting_id, "B", "Kent Community Safety Agreement Review")
    attach_report(store, demo.next_meeting_id, "B1", report_file(tmp_path / "csa.docx"))
    if pages:
        agenda.update_item(store, item.id, page_from=pages[0], page_to=pages[1])
    return item


# -- the meeting's own contact officer ----------------------------------------------------------


def test_a_new_meeting_takes_the_committees_officer_and_the_agenda_prints_the_meetings(store, demo, tmp_path):
    meeting = meetings.find_meeting(store, demo.next_meeting_id)
    assert (meeting.contact, meeting.contact_phone, meeting.contact_email) == (
        "Anna Taylor",
        "03000 416478",
        "anna.taylor@kent.gov.uk",
    )
    meetings.update_meeting(
        store, meeting.id, contact="Joel Cook", contact_phone="03000 416892", contact_email="joel.cook@kent.gov.uk"
    )
    sheet = front_sheet(store, meeting.id, tmp_path / "agenda.docx")
    assert "Ask for: Joel Cook" in sheet and "Telephone: 03000 416892" in sheet and "joel.cook@kent.gov.uk" in sheet
    assert "416478" not in sheet and "anna.taylor" not in sheet  # not the committee's officer's number
    other = meetings.create_meeting(store, demo.committee_id, "2015-01-13", contact_phone="01622 000000")
    assert (other.contact, other.contact_phone) == ("Anna Taylor", "01622 000000")


async def test_the_builder_shows_and_the_meeting_form_changes_the_meetings_officer(store, demo, tmp_path):
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await app.push_screen(AgendaScreen(demo.next_meeting_id))
        screen = await settled(pilot, AgendaScreen)
        shown = str(screen.query_one("#agenda-contact").render())
        assert "Anna Taylor" in shown and "03000 416478" in shown
        await pilot.press("m")
        form = await settled(pilot)
        form.query_one("#field-contact").value = "Joel Cook"
        form.query_one("#field-contact_phone").value = "03000 416892"
        form.query_one("#field-contact_email").value = "joel.cook@kent.gov.uk"
        await pilot.press("ctrl+s")
        screen = await settled(pilot, AgendaScreen)
        assert "Joel Cook · 03000 416892 · joel.cook@kent.gov.uk" in str(screen.query_one("#agenda-contact").render())
    sheet = front_sheet(store, demo.next_meeting_id, tmp_path / "agenda.docx")
    assert "Ask for: Joel Cook" in sheet and "Telephone: 03000 416892" in sheet and "416478" not in sheet


# -- detaching, replacing, Verbal again ---------------------------------------------------------


def test_detach_keeps_the_file_in_history_clears_the_pages_and_can_make_the_item_verbal(store, demo, tmp_path):
    item = with_report(store, demo, tmp_path, pages=(9, 36))
    attach_report(store, demo.next_meeting_id, "B1", report_file(tmp_path / "csa-v2.docx"))  # replaced
    assert [r.filename for r in reports(store, demo.next_meeting_id)] == ["csa-v2.docx"]
    with pytest.raises(InvalidInput, match=r"B1 has its report attached \(csa-v2.docx\): detach it first"):
        agenda.update_item(store, item.id, kind="verbal")
    with pytest.raises(InvalidInput, match="report, verbal or to follow"):
        detach_report(store, demo.next_meeting_id, "B1", "standard")
    detached = detach_report(store, demo.next_meeting_id, "B1", "verbal")
    assert detached.sentence == "Detached csa-v2.docx from B1; it stays in the item's history. B1 is now Verbal."
    assert reports(store, demo.next_meeting_id) == []
    assert [(a.filename, a.superseded) for a in history(store, item.id)] == [("csa.docx", True), ("csa-v2.docx", True)]
    [row] = [r for r in agenda.list_items(store, demo.next_meeting_id) if r.id == item.id]
    assert (row.kind, row.page_from, row.page_to, row.pages) == (ItemKind.VERBAL, None, None, "(Verbal)")
    with pytest.raises(InvalidInput, match="B1 has no report attached"):
        detach_report(store, demo.next_meeting_id, "B1")


def test_detach_by_the_items_number_on_a_numbered_agenda(store, demo, tmp_path):
    from clerk.services import committees

    item = with_report(store, demo, tmp_path)
    committees.update_committee(store, demo.committee_id, agenda_style="numbered")
    code = next(r.code for r in agenda.list_items(store, demo.next_meeting_id) if r.id == item.id)
    assert code == "4"  # after Apologies, Declarations, the previous notes
    with pytest.raises(InvalidInput, match=r"^4 has its report attached"):
        agenda.update_item(store, item.id, kind="standard")
    assert detach_report(store, demo.next_meeting_id, "4", "verbal").sentence.startswith("Detached csa.docx from 4;")


def test_clerk_detach(store, demo, tmp_path, capsys):
    item = with_report(store, demo, tmp_path)
    db = str(store.target.path)
    assert main(["--db", db, "detach", "2014-10-14", "B1", "--to-follow"]) == 0
    out, _err = capsys.readouterr()
    assert out.strip() == "Detached csa.docx from B1; it stays in the item's history. B1's report is to follow."
    assert reports(store, demo.next_meeting_id) == []
    assert agenda.list_items(store, demo.next_meeting_id)[3].kind is ItemKind.TO_FOLLOW
    assert main(["--db", db, "detach", "2014-10-14", "B1"]) == 2
    _out, err = capsys.readouterr()
    assert err == "clerk: B1 has no report attached.\n"
    assert main(["--db", db, "attach", "2", "B1", str(tmp_path / "csa.docx")]) == 0
    assert main(["--db", db, "detach", "2", "B1", "--verbal"]) == 0
    assert [a.superseded for a in history(store, item.id)] == [True, True]
    assert agenda.list_items(store, demo.next_meeting_id)[3].kind is ItemKind.VERBAL


async def test_detach_from_the_builder(store, demo, tmp_path):
    item = with_report(store, demo, tmp_path)
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await app.push_screen(AgendaScreen(demo.next_meeting_id))
        screen = await settled(pilot, AgendaScreen)
        table = screen.query_one("#agenda")
        table.move_cursor(row=table.get_row_index(str(item.id)))
        await pilot.press("k")  # not Verbal while its report is attached: it says how
        await settled(pilot)
        assert agenda.list_items(store, demo.next_meeting_id)[3].kind is ItemKind.REPORT
        assert any("detach it first" in str(n.message) for n in app._notifications)
        await pilot.press("f", "ctrl+l", "ctrl+u")  # replaced: the picker, a path typed
        await type_text(pilot, str(report_file(tmp_path / "csa-v2.docx")))
        await pilot.press("enter")
        await settled(pilot, AgendaScreen)
        assert [(a.filename, a.superseded) for a in history(store, item.id)] == [("csa.docx", True), ("csa-v2.docx", False)]
        await pilot.press("u")
        form = await settled(pilot)
        assert "Detach csa-v2.docx from B1" in str(form.query_one(".form-title").render())
        await pilot.press("right", "enter")  # then the item is Verbal
        screen = await settled(pilot, AgendaScreen)
        assert str(table.get_row(str(item.id))[2]) == "Verbal"
        assert any("B1 is now Verbal" in str(n.message) for n in app._notifications)
        await pilot.press("u")
        await settled(pilot)
        assert any("B1 has no report attached; f attaches one." in str(n.message) for n in app._notifications)
    assert reports(store, demo.next_meeting_id) == []
    assert agenda.list_items(store, demo.next_meeting_id)[3].kind is ItemKind.VERBAL


# -- what changes elsewhere shows --------------------------------------------------------------


async def test_the_builder_shows_a_report_attached_with_the_cli(store, demo, tmp_path):
    item = agenda.add_item(store, demo.next_meeting_id, "B", "Kent Community Safety Agreement Review")
    report_file(tmp_path / "csa.docx")
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await app.push_screen(AgendaScreen(demo.next_meeting_id))
        screen = await settled(pilot, AgendaScreen)
        table = screen.query_one("#agenda")
        assert str(table.get_row(str(item.id))[2]) == "report"
        # another terminal: its own connection to the same file
        assert main(["--db", str(store.target.path), "attach", "2014-10-14", "B1", str(tmp_path / "csa.docx")]) == 0
        await until(pilot, lambda: str(table.get_row(str(item.id))[2]) == "✓ report", "the attached report shows")
        assert main(["--db", str(store.target.path), "detach", "2014-10-14", "B1", "--verbal"]) == 0
        await until(pilot, lambda: str(table.get_row(str(item.id))[2]) == "Verbal", "the detached report shows")


async def test_the_paper_column_shows_the_range_whole_at_80_columns(store, demo, tmp_path):
    item = with_report(store, demo, tmp_path, pages=(9, 36))
    wide = agenda.add_item(store, demo.next_meeting_id, "B", "KCSP Working Group update")
    agenda.update_item(store, wide.id, page_from=137, page_to=1140)
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        await app.push_screen(AgendaScreen(demo.next_meeting_id))
        screen = await settled(pilot, AgendaScreen)
        lines = table_lines(screen)
        [b1] = [line for line in lines if "Kent Community Safety Agreement" in line]
        [b2] = [line for line in lines if "KCSP Working Group" in line]
        assert "✓ 9-36" in b1 and "137-1140" in b2
        assert str(screen.query_one("#agenda").get_row(str(item.id))[2]) == "✓ 9-36"


# -- the same on PostgreSQL ----------------------------------------------------------------------


@pytest.mark.postgres
def test_detach_the_change_check_and_the_upgrade_on_postgres(pg_store, tmp_path):
    from sqlalchemy import text

    from clerk.demo import load_demo
    from clerk.migrations import MIGRATIONS
    from clerk.services.reports import agenda_stamp

    demo = load_demo(pg_store)
    with_report(pg_store, demo, tmp_path, pages=(9, 36))
    before = agenda_stamp(pg_store, demo.next_meeting_id)
    assert agenda_stamp(pg_store, demo.next_meeting_id) == before  # nothing changed: the same
    detach_report(pg_store, demo.next_meeting_id, "B1", "verbal")
    assert agenda_stamp(pg_store, demo.next_meeting_id) != before
    meetings.update_meeting(pg_store, demo.next_meeting_id, contact="Joel Cook")
    with pg_store.engine.begin() as conn:  # as an older clerk left them: no numbers of their own
        conn.execute(text("UPDATE meeting SET contact_phone = '', contact_email = ''"))
        MIGRATIONS[13](conn)
    held = meetings.find_meeting(pg_store, demo.held_meeting_id)
    later = meetings.find_meeting(pg_store, demo.next_meeting_id)
    assert (held.contact_phone, held.contact_email) == ("03000 416478", "anna.taylor@kent.gov.uk")
    assert (later.contact, later.contact_phone, later.contact_email) == ("Joel Cook", "", "")
