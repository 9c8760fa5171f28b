"""Both agenda styles: lettered sections (A1 … D2, Kent 2014–2018) or numbered items 1, 2, 3 …
with no sections (Kent 2025, as the committee website shows it), the minutes following the item
numbers and restarting each meeting, the restricted items after the exclusion item."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.documents import build_agenda, build_notes
from clerk.errors import InvalidInput
from clerk.services import agenda, committees, meetings, minutes
from clerk.services.agenda import list_items
from exports.agenda import write_agenda
from exports.notes import write_notes

from .docx_read import paragraphs, styled

ITEMS_2025 = [  # the 2025 seed's items 1–10, as stored: (section, title, standard, kind)
    ("A", "Introduction", "", "standard"),
    ("A", "Notes of the meeting held on 21 November 2024", "previous_notes", "report"),
    ("B", "Kent Police and Crime Plan 2025-2029", "", "report"),
    ("B", "Kent Community Safety Agreement Review and Refresh", "", "report"),
    ("B", "Kent Community Safety Partnership Working Group Update", "", "report"),
    ("B", "Kent and Medway Road Safety Update", "", "report"),
    ("B", "Kent & Medway Serious Violence Duty Update", "", "report"),
    ("C", "Dates of Future Meetings", "next_meeting", "standard"),
    ("C", "Kent and Medway Domestic Abuse Related Death Reviews Update", "", "report"),
    ("C", "Kent and Medway PREVENT Duty Delivery Board Update", "", "report"),
]
RESTRICTED = "Prevent case review"


def kcsp_2025(store, date=dt.date(2025, 3, 25)):
    c = committees.create_committee(store, "Kent Community Safety Partnership", agenda_style="numbered", minutes_word="NOTES")
    m = meetings.create_meeting(store, c.id, date, standard_items=False, start_time=dt.time(10), venue="Online")
    for section, title, standard, kind in ITEMS_2025:
        agenda.add_item(store, m.id, section, title, standard=standard, kind=kind)
    return c, m


def codes(store, meeting_id):
    return [(r.code, r.title) for r in list_items(store, meeting_id) if not r.is_sub_item]


def test_numbered_items_run_1_to_10_with_no_sections(store):
    _c, m = kcsp_2025(store)
    assert codes(store, m.id) == [(str(n), t) for n, (_s, t, _k, _t) in enumerate(ITEMS_2025, start=1)]


def test_a_restricted_item_goes_after_the_exclusion_item_which_is_added_for_it(store):
    _c, m = kcsp_2025(store)
    agenda.add_item(store, m.id, "B", RESTRICTED, restricted=True, exempt_paragraph=3)
    rows = codes(store, m.id)
    assert rows[-2:] == [("11", "Exclusion of the press and public"), ("12", RESTRICTED)]
    later = agenda.add_item(store, m.id, "C", "Any other business")  # a public item added later goes before it
    assert codes(store, m.id)[10:] == [
        ("11", "Any other business"),
        ("12", "Exclusion of the press and public"),
        ("13", RESTRICTED),
    ]
    with pytest.raises(InvalidInput, match="after the exclusion"):
        agenda.move_item(store, later.id, 1)
    restricted = next(r for r in list_items(store, m.id) if r.title == RESTRICTED)
    agenda.update_item(store, restricted.id, restricted=False)  # back among the public items
    assert [t for _c, t in codes(store, m.id)][-3:] == ["Any other business", RESTRICTED, "Exclusion of the press and public"]
    agenda.update_item(store, later.id, restricted=True)  # straight after the exclusion item
    assert [t for _c, t in codes(store, m.id)][-3:] == [RESTRICTED, "Exclusion of the press and public", "Any other business"]


def test_moving_goes_item_by_item_across_the_stored_sections(store):
    _c, m = kcsp_2025(store)
    rows = list_items(store, m.id)
    road = next(r for r in rows if r.title.startswith("Kent and Medway Road"))  # item 6, last but one of B
    agenda.move_item(store, road.id, 1)
    agenda.move_item(store, road.id, 1)  # past item 7 and then past item 8, stored in C
    assert [c for c, t in codes(store, m.id) if t == road.title] == ["8"]
    assert codes(store, m.id)[6][1] == "Dates of Future Meetings"


def minute_all(store, meeting_id, restricted=True):
    rows = list_items(store, meeting_id)
    for r in rows:
        if r.code != "1" and (restricted or not r.restricted):
            minutes.add_minute(store, meeting_id, r.title, agenda_item_id=r.id)


def test_the_agenda_prints_1_2_3_with_no_section_headings(store, tmp_path):
    _c, m = kcsp_2025(store)
    agenda.add_item(store, m.id, "D", RESTRICTED, exempt_paragraph=3)
    text = [t for t in paragraphs(write_agenda(build_agenda(store, m.id), tmp_path / "agenda.docx")) if t]
    items = [t for t in text if t[:1].isdigit()]
    assert items[0] == "1.\tIntroduction"
    assert items[2].startswith("3.\tKent Police and Crime Plan 2025-2029")
    assert items[-2:] == ["11.\tExclusion of the press and public", f"12.\t{RESTRICTED}"]
    assert "RESTRICTED ITEM(S)" in text and text.index("RESTRICTED ITEM(S)") == text.index(items[-2]) + 1
    for heading in ("A. Committee Business", "B. Matters for Discussion", "C. Matters for Information"):
        assert heading not in text
    assert not any(t.startswith(("A1", "B1", "C1", "D1", "D -")) for t in text)


def minute_headings(path) -> list[str]:
    return [text for style, text in styled(path) if style == "Clerk Minute Heading"]


def test_the_minutes_take_their_items_numbers_and_restart_each_meeting(store, tmp_path):
    c, m = kcsp_2025(store)
    agenda.add_item(store, m.id, "D", RESTRICTED, exempt_paragraph=3)
    minute_all(store, m.id)
    notes = write_notes(build_notes(store, m.id), tmp_path / "notes.docx")
    headings = minute_headings(notes)
    assert headings[0] == "2.\tNotes of the meeting held on 21 November 2024"  # item 1 has no minute, as in the seed
    assert [h.split(".\t")[0] for h in headings] == [str(n) for n in range(2, 13)]
    assert not any("(Item" in h for h in headings)  # the number is the item's
    text = paragraphs(notes)
    assert text.index("PRIVATE SESSION") > text.index("11.\tExclusion of the press and public")
    assert text.index(f"12.\t{RESTRICTED}") > text.index("PRIVATE SESSION")
    # the next meeting starts again at its own items' numbers
    nxt = meetings.create_meeting(store, c.id, dt.date(2025, 7, 3), standard_items=False)
    agenda.add_item(store, nxt.id, "A", "Introduction", kind="standard")
    notes_item = agenda.add_item(store, nxt.id, "A", "Notes of the meeting held on 25 March 2025")
    taken = minutes.add_minute(store, nxt.id, "Notes of the meeting held on 25 March 2025", agenda_item_id=notes_item.id)
    assert taken.number == 2


def test_out_of_order_and_unlisted_minutes_and_a_moved_item(store, tmp_path):
    _c, m = kcsp_2025(store)
    rows = {r.code: r for r in list_items(store, m.id)}
    five = minutes.add_minute(store, m.id, rows["5"].title, agenda_item_id=rows["5"].id)
    four = minutes.add_minute(store, m.id, rows["4"].title, agenda_item_id=rows["4"].id)
    thanks = minutes.add_minute(store, m.id, "Thanks to a retiring member")  # no item: after the last one
    assert (five.number, four.number, thanks.number) == (5, 4, 11)
    assert minutes.next_number(store, m.id) == "12"
    agenda.move_item(store, rows["5"].id, -1)  # the agenda changes: the minute follows its item
    with store.read() as s:
        from clerk.models import Minute

        assert s.get(Minute, five.id).number == 4 and s.get(Minute, four.id).number == 5
    headings = minute_headings(write_notes(build_notes(store, m.id), tmp_path / "notes.docx"))
    assert headings[:3] == [f"4.\t{rows['5'].title}", f"5.\t{rows['4'].title}", "11.\tThanks to a retiring member"]


def test_changing_the_style_renumbers_unsigned_minutes_and_the_lettered_style_is_unchanged(store, tmp_path):
    c = committees.create_committee(store, "Board")
    meetings.create_meeting(store, c.id, dt.date(2024, 11, 21), standard_items=False)
    m = meetings.create_meeting(store, c.id, dt.date(2025, 3, 25))
    assert [code for code, _t in codes(store, m.id)] == ["A1", "A2", "A3", "C1"]
    minute_all(store, m.id)
    text = [t for t in paragraphs(write_agenda(build_agenda(store, m.id), tmp_path / "a.docx")) if t]
    assert "A. Committee Business" in text and "A1\tApologies" in text
    committees.update_committee(store, c.id, agenda_style="numbered")
    assert [code for code, _t in codes(store, m.id)] == ["1", "2", "3", "4"]
    headings = minute_headings(write_notes(build_notes(store, m.id), tmp_path / "n.docx"))
    assert [h.split(".\t")[0] for h in headings] == ["1", "2", "3", "4"]
    with pytest.raises(InvalidInput, match="agenda style"):
        committees.update_committee(store, c.id, agenda_style="roman")


def test_switching_to_numbered_adds_the_exclusion_item_to_unsigned_meetings_only(store):
    from clerk.services.signoff import approve_previous

    c = committees.create_committee(store, "Board")
    signed = meetings.create_meeting(store, c.id, dt.date(2024, 11, 21), standard_items=False)
    held = meetings.create_meeting(store, c.id, dt.date(2025, 3, 25), standard_items=False)
    later = meetings.create_meeting(store, c.id, dt.date(2025, 6, 24), standard_items=False)
    budget = {m.id: agenda.add_item(store, m.id, "B", "Budget").id for m in (signed, held, later)}
    for m in (signed, held, later):
        agenda.add_item(store, m.id, "D", RESTRICTED, exempt_paragraph=3)
    minutes.add_minute(store, signed.id, "Budget", agenda_item_id=budget[signed.id])
    meetings.set_status(store, signed.id, "held")
    minutes.add_minute(store, held.id, "Budget", agenda_item_id=budget[held.id])
    approve_previous(store, held.id)  # the first meeting's notes signed
    meetings.set_status(store, held.id, "held")
    before = codes(store, signed.id)
    committees.update_committee(store, c.id, agenda_style="numbered")
    for m in (held, later):
        assert codes(store, m.id) == [("1", "Budget"), ("2", "Exclusion of the press and public"), ("3", RESTRICTED)]
    assert [t for _c, t in codes(store, signed.id)] == [t for _c, t in before] == ["Budget", RESTRICTED]
    assert [m.number for m in minutes_of(store, held.id)] == [1]


def option_texts(options) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_builder_and_the_live_screen_show_the_numbers(store):
    from screens.agenda_builder import AgendaScreen
    from screens.app import ClerkApp
    from screens.live.panels import AgendaPanel

    from .live_pilot import live_app, ready
    from .settled import settled

    _c, m = kcsp_2025(store)
    agenda.add_item(store, m.id, "D", RESTRICTED, exempt_paragraph=3)
    app = ClerkApp(store, start=lambda: AgendaScreen(m.id))
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await settled(pilot, AgendaScreen)
        table = screen.query_one("#agenda")
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [row[0] for row in cells] == [str(n) for n in range(1, 12)] + ["D", "12"]  # one heading: the restricted part
        assert cells[0][1] == "Introduction" and cells[11][1] == "RESTRICTED ITEM(S)"
        table.move_cursor(row=2)  # item 3
        await pilot.press("shift+down")  # moves past item 4
        await settled(pilot)
        assert screen.current_item().code == "4" and screen.current_item().title.startswith("Kent Police")
        await pilot.press("a")  # a new item after it: no section is asked
        await settled(pilot)
        assert not pilot.app.screen.query("#field-section")
        await pilot.press("escape")
        await settled(pilot)
        await pilot.press("f1")  # the help speaks of numbered items
        await settled(pilot)
        assert "Under the numbered agenda style" in str(pilot.app.screen.query_one("#about").render())
        await pilot.press("escape")
        await settled(pilot)
    app = live_app(store, m.id)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(pilot)
        texts = option_texts(screen.query_one(AgendaPanel).options)
        assert screen.query_one(AgendaPanel).filter.placeholder == "3 or words…"  # a code of its own style
        assert not any(t.startswith(("A. ", "B. ", "C. ")) for t in texts)
        assert texts[0].startswith("1 ") and "Introduction" in texts[0]
        assert texts[-2:] == ["RESTRICTED ITEM(S)", "12 ·  ‡Prevent case re…"]  # ‡: restricted
        await pilot.press("f2", "4", "enter")  # take item 4 by its number
        await settled(pilot)
        [minute] = minutes_of(store, m.id)
        assert minute.number == 4 and minute.title.startswith("Kent Police")
        assert screen.view.current.heading == f"4. {minute.title}"  # no "(Item 4)": the number is the item's
        await pilot.press("ctrl+q")


def minutes_of(store, meeting_id):
    from sqlmodel import select

    from clerk.models import Minute

    with store.read() as s:
        return list(s.exec(select(Minute).where(Minute.meeting_id == meeting_id)).all())


def test_the_agenda_style_from_the_command_line(tmp_path, capsys):
    from clerk.cli import main
    from clerk.storage import Store

    db = str(tmp_path / "cli.db")
    store = Store.open(db)
    committees.create_committee(store, "Board")
    store.close()
    assert main(["committee", "Board", "--agenda-style", "numbered", "--db", db]) == 0
    assert "Board: agenda style numbered." in capsys.readouterr().out
    assert main(["committee", "Board", "--agenda-style", "roman", "--db", db]) == 2
    store = Store.open(db)
    try:
        assert committees.find_committee(store, "Board").agenda_style == "numbered"
    finally:
        store.close()


def test_an_older_database_is_upgraded_to_lettered(tmp_path):
    from clerk.models import Committee
    from clerk.storage import Store

    from .test_migrations import schema1_database

    store = Store.open(schema1_database(tmp_path / "old.db"))
    try:
        with store.read() as s:
            assert s.get(Committee, 1).agenda_style == "lettered"
        assert [code for code, _t in codes(store, 1)] == []
    finally:
        store.close()


async def test_the_style_is_chosen_in_the_committee_settings(store, demo):
    from screens.app import ClerkApp

    from .settled import settled

    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        await pilot.press("f4")  # the committee's settings
        await settled(pilot)
        await pilot.press("n")  # numbering, and the agenda style with it
        await settled(pilot)
        await pilot.press("down", "down", "down", "down", "right")  # agenda style: numbered items
        await settled(pilot)
        assert "renumbers" in str(pilot.app.screen.query_one("#form-note").render())
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Numbered items" in str(pilot.app.screen.query_one("#settings").get_row("agenda_style"))
    assert committees.find_committee(store, demo.committee_id).agenda_style == "numbered"
    assert [code for code, _t in codes(store, demo.held_meeting_id)][:3] == ["1", "2", "3"]


def test_the_pack_of_a_numbered_agenda(store, tmp_path):
    from pypdf import PdfReader

    from clerk.cli.publishing import build_pack
    from clerk.services.reports import attach_report
    from exports.pdf import find_soffice

    from .test_pack import CANARY, report_docx

    if find_soffice() is None and __import__("os").environ.get("CLERK_REQUIRE_SERVICES") != "1":
        pytest.skip("LibreOffice is not installed")
    c, m = kcsp_2025(store)
    meetings.create_meeting(store, c.id, dt.date(2024, 11, 21), standard_items=False)
    agenda.add_item(store, m.id, "D", RESTRICTED, exempt_paragraph=3)
    for code, title in (("3", ITEMS_2025[2][1]), ("12", RESTRICTED)):
        report_docx(tmp_path / f"{code}.docx", title, 2, extra=CANARY if code == "12" else "")
        attach_report(store, m.id, code, tmp_path / f"{code}.docx")
    build_pack(store, m.id, tmp_path / "pack.pdf")
    reader = PdfReader(str(tmp_path / "pack.pdf"))
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert titles == ["Agenda", f"3. {ITEMS_2025[2][1]}"]  # no section headings over the reports
    front = reader.pages[0].extract_text().splitlines()
    assert "3. Kent Police and Crime Plan 2025-2029 (Pages 2 3)" in front and "1. Introduction" in front
    assert front.index("11. Exclusion of the press and public") + 1 == front.index("RESTRICTED ITEM(S)")
    assert not any(line.startswith(("A. ", "B. ", "C. ", "D -")) for line in front)
    assert CANARY not in "".join(p.extract_text() for p in reader.pages)
    assert [r.code for r in list_items(store, m.id) if r.restricted] == ["12"]


def test_the_numbered_demo(tmp_path, capsys):
    from clerk.cli import main
    from clerk.storage import Store

    db = str(tmp_path / "demo.db")
    assert main(["demo", "--db", db]) == 0
    assert main(["demo", "--numbered", "--db", db]) == 0
    assert main(["demo", "--numbered", "--db", db]) == 0  # twice adds nothing
    out = capsys.readouterr().out
    assert "Loaded the 2025 demo" in out and "Already loaded: the 2025 demo" in out
    store = Store.open(db)
    try:
        c = committees.find_committee(store, "Kent Community Safety Partnership (2025)")
        [meeting] = [m for m in meetings.list_meetings(store, c.id) if m.date == dt.date(2025, 3, 25)]
        assert [code for code, _t in codes(store, meeting.id)] == [str(n) for n in range(1, 11)]
        assert committees.find_committee(store, "Kent Community Safety Partnership").agenda_style == "lettered"
    finally:
        store.close()
