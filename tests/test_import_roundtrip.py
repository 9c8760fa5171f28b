"""The round trip (issue 16): clerk's own notes, exported to Word in the full and the public
version, read back by the importer to the record the database holds, for every meeting of the
demo: numbers, titles, item codes, paragraphs, resolutions, actions, attendance, private session,
withdrawn and deferred items."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.cli import main as run_commands
from clerk.demo import load_demo, load_numbered_demo
from clerk.importing.notes_text import parse_notes
from clerk.kinds import ParagraphKind
from clerk.models import AttendanceStatus, MeetingStatus
from clerk.services import agenda, attendance, committees, content, meetings, minutes, voting
from clerk.services.live_wording import apologies_text
from clerk.services.meetings import list_meetings
from clerk.services.signoff import approve_previous
from clerk.storage import Store

from .roundtrip import export, read, read_back, stored


def every_meeting(store: Store) -> list[int]:
    return [row.id for row in list_meetings(store)]


def check_all(store: Store, db, folder) -> int:
    """Every meeting, both versions: what is read back is what is stored. The minutes checked."""
    checked = 0
    for meeting_id in every_meeting(store):
        for public in (False, True):
            notes = read_back(export(db, meeting_id, folder, public=public))
            assert notes.unplaced == ()
            assert read(notes) == stored(store, meeting_id, public=public), (meeting_id, public)
            checked += len(notes.minutes)
    return checked


def import_each(store: Store, db, folder, *, public: bool, sheet: bool = False) -> int:
    """Every meeting's notes imported into an empty database of its own (`clerk import notes`):
    the record stored there is the demo's. Without its agenda the minutes name no items (no item
    codes); with ``sheet``, the agenda is exported and imported first (`clerk import agenda`) and
    the minutes are of its items again. A meeting with no minutes has no notes to import and is
    refused. The meetings imported."""
    imported = 0
    for row in list_meetings(store):
        path = export(db, row.id, folder, public=public)
        empty = folder / f"empty-{row.id}-{public}-{sheet}.db"
        with_agenda = sheet and bool(agenda.list_items(store, row.id))  # 21 November 2024 has none
        if with_agenda:
            front = folder / f"agenda-{row.id}.docx"
            assert run_commands(["--db", str(db), "export", "agenda", str(row.id), "-o", str(front)]) == 0
            assert run_commands(["--db", str(empty), "import", "agenda", str(front)]) == 0
        assert run_commands(["--db", str(empty), "import", "notes", str(path)]) == (0 if row.minutes else 2)
        fresh = Store.open(empty)
        try:
            rows = list_meetings(fresh)
            assert len(rows) == (1 if row.minutes or with_agenda else 0)
            if row.minutes:
                want, got = stored(store, row.id, public=public), stored(fresh, rows[0].id, public=public)
                for minute in want["minutes"] if not sheet else []:
                    minute["item"] = None
                assert got == want, (row.id, public)
                imported += 1
        finally:
            fresh.close()
    return imported


def test_every_demo_meeting_reads_back_as_stored(tmp_path):
    db = tmp_path / "demo.db"
    store = Store.open(db)
    try:
        load_demo(store)
        load_numbered_demo(store)
        assert len(every_meeting(store)) == 4
        assert check_all(store, db, tmp_path) == 2 * 11  # 64–74, full and public
        assert import_each(store, db, tmp_path, public=False) == 1
        assert import_each(store, db, tmp_path, public=False, sheet=True) == 1
        held = read_back(export(db, every_meeting(store)[0], tmp_path, public=False))
        assert [m.outcome for m in held.minutes][7] == "withdrawn"  # 71: "… for this item it was withdrawn."
        assert held.minutes[9].paragraphs[-1].kind is ParagraphKind.POINT
    finally:
        store.close()


def _person(store: Store, surname: str, committee_id: int) -> int:
    return next(r.person_id for r in committees.list_members(store, committee_id) if r.person.surname == surname)


def minute_14_october(store: Store, committee_id: int, meeting_id: int) -> None:
    """The demo's next meeting minuted: the Chairman in the Chair, a substitute, an arrival,
    RESOLVED with points, actions with dates, an item withdrawn and one deferred, a private item."""
    meetings.set_status(store, meeting_id, MeetingStatus.IN_PROGRESS)
    hill, coleman, coffey = (_person(store, s, committee_id) for s in ("Hill", "Coleman", "Coffey"))
    jones = committees.add_person(store, "Jones", title="Mr", forenames="R")
    attendance.mark(store, meeting_id, hill, AttendanceStatus.PRESENT)
    attendance.set_chair(store, meeting_id, hill)
    attendance.mark(store, meeting_id, coleman, AttendanceStatus.APOLOGIES)
    attendance.mark(store, meeting_id, coffey, AttendanceStatus.APOLOGIES)
    attendance.mark(store, meeting_id, jones.id, AttendanceStatus.SUBSTITUTE, substitute_for_id=coffey)
    for surname in ("Allen", "Kadir", "Rabey", "Stewart"):
        attendance.mark(store, meeting_id, _person(store, surname, committee_id), AttendanceStatus.PRESENT)
    martin = _person(store, "Martin", committee_id)
    officer = committees.add_person(store, "Taylor", title="Mrs", forenames="A")
    attendance.mark(store, meeting_id, officer.id, AttendanceStatus.IN_ATTENDANCE, role="Scrutiny Research Officer")
    guest = committees.add_person(store, "Nolan", title="Mr", forenames="S")
    attendance.mark(store, meeting_id, guest.id, AttendanceStatus.ALSO_PRESENT)
    items = {row.code: row.id for row in agenda.list_items(store, meeting_id)}
    for title in ("Community Trigger Criteria", "Community Safety Conference", "MARAC Funding"):
        items[title] = agenda.add_item(store, meeting_id, "B", title, kind="report").id
    items["DHR"] = agenda.add_item(store, meeting_id, "D", "Domestic Homicide Reviews", kind="report", exempt_paragraph=1).id

    def minute(title: str, item: str | None, body: str, numbered: bool = True, **kw) -> int:
        m = minutes.add_minute(store, meeting_id, title, agenda_item_id=items.get(item or ""), **kw)
        content.set_body(store, m.id, body, numbered=numbered)
        return m.id

    with store.read() as session:
        minute("Apologies", "A1", apologies_text(session, meeting_id))  # minuted: the notes print no APOLOGIES line
    minute(
        "Notes of meeting held on 8 July 2014",
        "A3",
        "RESOLVED that the notes of the meeting held on 8 July 2014 were a correct record and that they be signed by the Chairman.",
    )
    trigger = minute(
        "Community Trigger Criteria",
        "Community Trigger Criteria",
        "Mr Parris introduced the report on the agreed criteria.\n\n"
        "Members asked how Parish Councils would be told (see the report, section 3).\n\n"
        "RESOLVED that the Partnership:\n- note the criteria\n- agree the review process.\n\n"
        "It was agreed that a training session for Parish Councils be arranged.\n\n"
        "AGREED that the Chairman write to the Parish Councils.",
    )
    content.add_action(store, trigger, "Jim Parris", "arrange the training session", due_date=dt.date(2015, 1, 13))
    content.add_action(store, trigger, "Chairman")
    attendance.arrive_or_leave(store, meeting_id, martin, arrived=True, minute_id=trigger, at=dt.time(14, 25))
    voting.add_vote(store, trigger, "to approve the criteria", 5, 1, 1, named_against="Mr A Stewart")
    voting.add_vote(store, trigger, "", 3, 3, casting="for")  # a recorded vote, the Chairman's casting vote
    minute("Community Safety Conference", "Community Safety Conference", "This item was withdrawn.", state="withdrawn")
    minute(
        "MARAC Funding",
        "MARAC Funding",
        "This item was deferred to the next meeting on 13 January 2015 at 2.00pm.",
        state="deferred",
    )
    dhr = minute(
        "Domestic Homicide Reviews",
        "DHR",
        "Ms Gilmour updated the Partnership on each case.\n\nRESOLVED that the update be noted.",
    )
    content.add_action(store, dhr, "Alison Gilmour", "report the costs")
    minute(
        "Date of next meeting", "C1", "Noted:\n13 January 2015 at 2.00pm\n14 April 2015 at 2.00pm", numbered=False
    )  # after the private item: open session again
    content.add_declaration(store, meeting_id, "Ms C Allen", "a trustee of a grant recipient")
    meetings.set_status(store, meeting_id, MeetingStatus.HELD)


def minute_25_march(store: Store, committee_id: int, meeting_id: int) -> None:
    """The 2025 body numbers its resolutions with its paragraphs: "(2) RESOLVED that …"."""
    committees.update_committee(store, committee_id, resolution_style="numbered")
    meetings.set_status(store, meeting_id, MeetingStatus.IN_PROGRESS)
    rows = agenda.list_items(store, meeting_id)
    for row, body in zip(
        rows[:3],
        (
            "The Chairman welcomed everyone to the meeting.",
            "Cllr Mochrie-Cox asked about the crime data.\n\nRESOLVED that the notes of the meeting held on 21 November 2024 were a correct record.",
            "Mr Scott introduced the plan.\n\nMembers discussed its priorities.\n\nRESOLVED that the Partnership:\n- note the plan\n- comment on its priorities.",
        ),
        strict=True,
    ):
        m = minutes.add_minute(store, meeting_id, row.title, agenda_item_id=row.id)
        content.set_body(store, m.id, body)
    meetings.set_status(store, meeting_id, MeetingStatus.HELD)


def test_minuted_meetings_read_back_with_resolutions_substitutes_and_outcomes(tmp_path, capsys):
    db = tmp_path / "demo.db"
    store = Store.open(db)
    try:
        summary = load_demo(store)
        later = load_numbered_demo(store)
        minute_14_october(store, summary.committee_id, summary.next_meeting_id)
        minute_25_march(store, later.committee_id, later.next_meeting_id)
        approve_previous(store, summary.next_meeting_id)  # 8 July signed: its notes say when they were approved
        assert check_all(store, db, tmp_path) == 2 * (11 + 7 + 3)
        assert import_each(store, db, tmp_path, public=False) == import_each(store, db, tmp_path, public=True) == 3
        assert import_each(store, db, tmp_path, public=False, sheet=True) == 3
        july_path = export(db, summary.held_meeting_id, tmp_path, public=True)
        july = read_back(july_path)
        assert july.approved == "Approved as a correct record on 14 October 2014." and july.minutes[-1].paragraphs == ()
        assert run_commands(["--db", str(tmp_path / "dry.db"), "import", "notes", str(july_path), "--dry-run"]) == 0
        assert (
            "Approved as a correct record on 14 October 2014. (signed notes: import them with --signed" in capsys.readouterr().out
        )
        october = read_back(export(db, summary.next_meeting_id, tmp_path, public=False))
        trigger = october.minutes[2]
        assert [p.kind for p in trigger.paragraphs] == [ParagraphKind.TEXT] * 2 + [ParagraphKind.RESOLUTION] + [
            ParagraphKind.POINT
        ] * 2 + [ParagraphKind.TEXT] * 2
        assert trigger.paragraphs[-1].text.startswith("AGREED that") and len(trigger.resolutions) == 1
        assert [m.outcome for m in october.minutes] == [None, None, None, "withdrawn", "deferred", None, None]
        assert trigger.notes[0] == "Ms E Martin arrived at 2.25pm during this item." and len(trigger.notes) == 3
        assert trigger.notes[1].startswith("On the motion to approve the criteria: For 5; Against 1 (Mr A Stewart)")
        assert october.declarations.startswith("Ms C Allen declared")
        assert october.minutes[-1].paragraphs[0].text.count("\n") == 2  # lines kept inside a paragraph
        assert [p.surname for p in october.apologies] == ["Coleman", "Coffey"]  # from minute 75's sentence
        assert [s for s, _ in october.sessions] == ["UNRESTRICTED ITEMS", "PRIVATE SESSION", "UNRESTRICTED ITEMS"]
        public = export(db, summary.next_meeting_id, tmp_path, public=True)
        assert run_commands(["--db", str(tmp_path / "dry.db"), "import", "notes", str(public), "--dry-run"]) == 0
        out = capsys.readouterr().out
        assert "80. Domestic Homicide Reviews (Item D1): 0 paragraphs, 0 resolutions, 0 actions, exempt under paragraph 1" in out
        assert "78. Community Safety Conference (Item B2) (item withdrawn)" in out
        committees.update_committee(store, summary.committee_id, public_restricted="omit")
        omitted = read_back(export(db, summary.next_meeting_id, tmp_path, public=True))
        assert [m.number for m in omitted.minutes] == [75, 76, 77, 78, 79, 81]  # 80 left out of the public version
        assert read(omitted) == stored(store, summary.next_meeting_id, public=True)
        march = read_back(export(db, later.next_meeting_id, tmp_path, public=False))
        assert [p.kind for p in march.minutes[1].paragraphs] == [ParagraphKind.TEXT, ParagraphKind.RESOLUTION]
        assert [m.item for m in march.minutes] == [None] * 3  # minute 2 is item 2: no "(Item 2)"
    finally:
        store.close()


NOTES = (
    "NOTES of a meeting of the Board held in the Council Chamber on Monday, 3 March 2025.\n"
    "PRESENT: Ms C Allen (Chair, in the Chair), Mr A Smith (substitute for Mr B Jones)\n\n"
    "UNRESTRICTED ITEMS\n"
    "1. Welcome\nThe Chair welcomed all.\n"
    "2. Community Safety Conference (Item B6) (Withdrawn)\n"
    "3. MARAC Event (Item B3)\nThis item was deferred to the next meeting.\n"
    "4. Grants\nAs the officer was not able to attend for this item it was withdrawn.\n"
    "5. Budget\nIt was agreed that the budget be noted.\nAGREED that the report be published.\n"
    "RESOLVED that the budget be approved.\n"
    "6. Deferred payments policy\nThe Board noted that payments deferred last year were paid.\n"
)


def test_withdrawn_and_deferred_items_are_marked_and_agreed_is_not_resolved():
    notes = parse_notes(NOTES)
    found = {m.number: m for m in notes.minutes}
    assert [m.outcome for m in notes.minutes] == [None, "withdrawn", "deferred", "withdrawn", None, None]
    assert (found[2].title, found[2].item, found[2].paragraphs) == ("Community Safety Conference", "B6", ())
    assert found[3].title == "MARAC Event" and found[3].paragraphs[0].text.startswith("This item was deferred")
    assert [p.kind for p in found[5].paragraphs] == [ParagraphKind.TEXT] * 2 + [ParagraphKind.RESOLUTION]
    allen, smith = notes.present
    assert allen.chair and allen.presiding and smith.substitute_for == "Mr B Jones"
    assert notes.heading is not None and notes.heading.venue == "Council Chamber"


def test_the_dry_run_says_which_items_were_withdrawn_or_deferred(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    assert run_commands(["import", "notes", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "2. Community Safety Conference (Item B6) (item withdrawn)" in out
    assert "3. MARAC Event (Item B3) (item deferred)" in out and "held in the Council Chamber" in out


def test_the_notes_as_a_pdf_read_back_as_stored(tmp_path):
    """A PDF's text is ragged (page headers and footers, lines broken, "(1)" apart from its text):
    the 8 July notes printed to PDF by LibreOffice still read back to the stored record, and
    import into an empty database as it."""
    import os
    import subprocess

    from clerk.importing.reading import read_notes
    from exports.pdf import find_soffice

    if find_soffice() is None and os.environ.get("CLERK_REQUIRE_SERVICES") != "1":
        pytest.skip("LibreOffice is not installed")
    db = tmp_path / "demo.db"
    store = Store.open(db)
    try:
        summary = load_demo(store)
        out = tmp_path / "notes.pdf"
        assert run_commands(["--db", str(db), "export", "notes", str(summary.held_meeting_id), "--pdf", "-o", str(out)]) == 0
        text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "Page 2" in text and "DRAFT" in text  # the ragged parts are there to be dropped
        want = stored(store, summary.held_meeting_id, public=False)
        assert read(parse_notes(text)) == want
        notes = read_notes(out)  # as `clerk import notes` reads a PDF
        assert notes.unplaced == () and read(notes) == want
        empty = tmp_path / "empty.db"
        assert run_commands(["--db", str(empty), "import", "notes", str(out)]) == 0
        fresh = Store.open(empty)
        try:
            got = stored(fresh, list_meetings(fresh)[0].id, public=False)
        finally:
            fresh.close()
        assert got == {**want, "minutes": [{**m, "item": None} for m in want["minutes"]]}
    finally:
        store.close()
