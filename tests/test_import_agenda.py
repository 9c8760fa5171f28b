"""Importing an agenda front sheet: the KCSP agenda of 21 March 2018 (the model), Word copies,
agendas clerk itself exported (the round trip), a dry run that stores nothing, files that are
not agendas, and a meeting already there with another agenda."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import docx
import pytest

from clerk.cli import main
from clerk.importing.agenda_text import parse_agenda
from clerk.kinds import ItemKind
from clerk.services.agenda import list_items, update_item
from clerk.services.meetings import find_meeting, list_meetings
from clerk.storage import Store

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
PACK_2018 = SEEDS / "kcsp-2018-03-21-agenda-pack.txt"
REPORT = SEEDS / "kcsa-2016-annual-review-report.txt"

ITEMS_2018 = [
    ("A1", "Apologies", None, None),
    ("A2", "Declarations of Interest", None, None),
    ("A3", "Notes of meeting held on 11 October 2017", None, (3, 8)),
    ("B1", "Kent Community Safety Agreement Review", None, (9, 36)),
    ("B2", "KCSP Working Group update", None, (37, 40)),
    ("B3", "Domestic Abuse Updates", ItemKind.VERBAL, None),
    ("B4", "Kent and Medway Road Casualty Reduction Partnership", None, (41, 44)),
    ("B5", "Mental Health and Policing Oversight Board Update", ItemKind.VERBAL, None),
    ("B6", "Kent Community Safety Team Update", ItemKind.VERBAL, None),
    ("B7", "Kent and Medway Gangs Strategy", ItemKind.TO_FOLLOW, None),
    ("C1", "Date of next meeting", None, None),
    ("D1", "The PREVENT Duty and Home Office Dovetail Pilot", None, None),
    ("D2", "Domestic Homicide Reviews (DHRs) update", None, None),
]


def pack_text() -> str:
    if not PACK_2018.exists():
        pytest.skip("the seeds are not beside the repository")
    return PACK_2018.read_text(encoding="utf-8")


def counts(db: Path) -> dict[str, int]:
    """Every table's number of rows (nothing stored means none of them moves)."""
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def clerk(capsys, db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def rows_of_meeting(db: Path, date: str) -> list[tuple]:
    store = Store.open(db)
    try:
        meeting = find_meeting(store, date)
        return [
            # a Part D item's paragraph is not printed on the agenda; one outside Part D is
            (
                r.code,
                r.title,
                r.kind,
                r.page_from,
                r.page_to,
                r.restricted,
                r.exempt_paragraph if r.section != "D" else None,
                r.parent_id is not None,
            )
            for r in list_items(store, meeting.id)
        ]
    finally:
        store.close()


def test_the_2018_front_sheet_is_read_whole():
    agenda = parse_agenda(pack_text())
    assert agenda.committee == "KENT COMMUNITY SAFETY PARTNERSHIP"
    assert (agenda.date, agenda.time) == (dt.date(2018, 3, 21), "10.00 am")
    assert agenda.venue == "Medway Room, Sessions House, County Hall, Maidstone"
    assert agenda.contact == "Joel Cook/ Anna Taylor"
    assert agenda.phone == "03000 416892/ 03000 416478"  # the number broken over two lines, joined
    assert agenda.email == "joel.cook@kent.gov.uk/ anna.taylor@kent.gov.uk"
    assert agenda.refreshments.startswith("Tea/Coffee will be available")
    assert agenda.published == dt.date(2018, 3, 13)
    assert dict(agenda.sections) == {
        "A": "Committee Business",
        "B": "Matters for Discussion",
        "C": "Matters for Information",
        "D": "Restricted",
    }
    assert [(i.code, i.title, i.marker, i.pages) for i in agenda.items] == ITEMS_2018
    b3 = agenda.items[5]
    assert b3.sub_items == (
        "Domestic Abuse and Sexual Violence Executive Group",
        "Integrated Domestic Abuse Services Commissioning Update",
    )
    assert agenda.items[10].note.startswith("The next meeting of the Kent Community Safety Partnership will be held on 18 July")
    assert [i.code for i in agenda.items if i.restricted] == ["D1", "D2"]
    assert agenda.unplaced == ()  # every line of the front sheet has its place
    assert agenda.after > 400  # the notes and reports of the pack follow, not read


def test_presenters_paragraphs_and_other_spellings():
    text = "\n".join(
        [
            "SUPPLEMENTARY AGENDA",
            "KENT COUNTY COUNCIL",
            "GROWTH AND ENVIRONMENT BOARD",
            "Thursday, 2nd May, 2024, at 2.00 p.m.",
            "Council Chamber, Sessions House",
            "Ask for: Ann Smith",
            "Tel: 03000 123456",
            "Email: ann.smith@kent.gov.uk",
            "A. Committee Business",
            "A1 Apologies and Substitutes",
            "B - Matters for Decision",
            "B1 Highways Programme (Pages 1 - 12)",
            "Presenter: Mr J Bloggs, Director of Highways",
            "B2 Land at Manor Farm (Pages 13-20) (Presenter: Ms K Lee)",
            "Restricted: exempt under paragraph 3 of Part 1 of Schedule 12A",
            "B3 A line nobody can place after this",
            "• Sub-item one",
            "B4 Disposal of a depot - exempt under paragraph 3 of Part 1 of Schedule 12A",
            "D - EXEMPT ITEMS",
            "D1 Staffing matters (Exempt - paragraph 1) (to follow)",
            "Monday, 22 April 2024",
        ]
    )
    agenda = parse_agenda(text)
    assert (agenda.title, agenda.organisation, agenda.committee) == (
        "SUPPLEMENTARY AGENDA",
        "KENT COUNTY COUNCIL",
        "GROWTH AND ENVIRONMENT BOARD",
    )
    assert (agenda.time, agenda.phone, agenda.email) == ("2.00 p.m.", "03000 123456", "ann.smith@kent.gov.uk")
    b1, b2, b3, b4, d1 = agenda.items[1:]
    assert (b1.pages, b1.presenter) == ((1, 12), "Mr J Bloggs, Director of Highways")
    assert (b2.title, b2.pages, b2.presenter, b2.restricted, b2.exempt_paragraph) == (
        "Land at Manor Farm",
        (13, 20),
        "Ms K Lee",
        True,
        3,
    )
    assert b3.sub_items == ("Sub-item one",)
    assert (b4.title, b4.restricted, b4.exempt_paragraph) == ("Disposal of a depot", True, 3)
    assert (d1.title, d1.marker, d1.restricted, d1.exempt_paragraph) == ("Staffing matters", ItemKind.TO_FOLLOW, True, 1)
    assert dict(agenda.sections)["D"] == "Exempt"
    assert dict(agenda.sections)["B"] == "Matters for Decision"
    assert agenda.published == dt.date(2024, 4, 22)


def test_the_seed_imports_as_a_published_meeting_and_twice_changes_nothing(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    code, out, _ = clerk(capsys, db, "import", "agenda", str(PACK_2018) if PACK_2018.exists() else "x")
    if not PACK_2018.exists():
        pytest.skip("the seeds are not beside the repository")
    assert code == 0, out
    assert "Imported the meeting of 21 March 2018" in out
    [listed] = list_meetings(store := Store.open(db))
    try:
        assert (listed.committee, listed.status.value, listed.start_time) == (
            "Kent Community Safety Partnership",
            "published",
            dt.time(10, 0),
        )
        meeting = find_meeting(store, "2018-03-21")
        assert (meeting.venue, meeting.contact, meeting.agenda_published) == (
            "Medway Room, Sessions House, County Hall, Maidstone",
            "Joel Cook/ Anna Taylor",
            dt.date(2018, 3, 13),
        )
        rows = list_items(store, meeting.id)
    finally:
        store.close()
    top = [r for r in rows if r.parent_id is None]
    assert [(r.code, r.title) for r in top] == [(c, t) for c, t, _k, _p in ITEMS_2018]
    assert [r.standard for r in top if r.standard] == ["apologies", "declarations", "previous_notes", "next_meeting"]
    assert [r.title for r in rows if r.parent_id is not None] == [
        "Domestic Abuse and Sexual Violence Executive Group",
        "Integrated Domestic Abuse Services Commissioning Update",
    ]
    assert [r.pages for r in top][2:7] == ["(Pages 3 8)", "(Pages 9 36)", "(Pages 37 40)", "(Verbal)", "(Pages 41 44)"]
    before = counts(db)
    code, out, _ = clerk(capsys, db, "import", "agenda", str(PACK_2018))
    assert code == 0 and "already there with this agenda" in out and "nothing changed" in out
    assert counts(db) == before


def test_a_dry_run_shows_everything_and_stores_nothing(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    assert clerk(capsys, db, "demo")[0] == 0
    before = counts(db)
    code, out, _ = clerk(capsys, db, "import", "agenda", str(PACK_2018) if PACK_2018.exists() else "x", "--dry-run")
    if not PACK_2018.exists():
        pytest.skip("the seeds are not beside the repository")
    assert code == 0
    for text in (
        "Wednesday, 21 March 2018 at 10.00 am",
        "B3  Domestic Abuse Updates (Verbal)",
        "        - Integrated",
        "Not placed: 0 lines",
    ):
        assert text in out
    assert "D2  Domestic Homicide Reviews (DHRs) update [restricted]" in out
    assert "Nothing stored (dry run)" in out
    assert counts(db) == before


def test_what_is_not_an_agenda_is_one_line_and_exit_2(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    files = [empty, REPORT] if REPORT.exists() else [empty]
    for path in files:
        code, _out, err = clerk(capsys, db, "import", "agenda", str(path))
        assert code == 2
        assert err.count("\n") == 1 and "does not read as an agenda front sheet: expected" in err
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    code, _out, err = clerk(capsys, db, "import", "agenda", str(broken))
    assert code == 2 and "cannot be read" in err


def test_a_different_agenda_on_that_date_is_refused_and_nothing_stored(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    assert clerk(capsys, db, "import", "agenda", str(PACK_2018) if PACK_2018.exists() else "x")[0] == 0
    changed = tmp_path / "changed.txt"
    changed.write_text(
        pack_text().replace("B7 Kent and Medway Gangs Strategy (to follow)", "B7 Kent Gangs Strategy (Pages 45 50)")
    )
    before = counts(db)
    code, _out, err = clerk(capsys, db, "import", "agenda", str(changed))
    assert code == 2
    assert err.count("\n") == 1
    assert "already has a meeting on 21 March 2018 with a different agenda (B7 is" in err
    assert counts(db) == before


def test_a_word_copy_of_the_seed_imports_the_same_and_committee_names_it(tmp_path, capsys):
    document = docx.Document()
    for line in pack_text().split("\n")[:60]:
        document.add_paragraph(line)
    path = tmp_path / "agenda.docx"
    document.save(str(path))
    db = tmp_path / "clerk.db"
    code, out, _ = clerk(capsys, db, "import", "agenda", str(path), "--committee", "Community Safety Board")
    assert code == 0, out
    assert "and the committee Community Safety Board" in out
    rows = rows_of_meeting(db, "2018-03-21")
    assert [(r[0], r[1]) for r in rows if not r[-1]] == [(c, t) for c, t, _k, _p in ITEMS_2018]


def test_an_agenda_clerk_exported_imports_back_to_the_same_items(tmp_path, capsys):
    """The round trip: the demo's 8 July 2014 agenda, given page ranges, a report to follow and a
    restricted item outside Part D, exported to Word and imported into an empty database."""
    demo = tmp_path / "demo.db"
    assert clerk(capsys, demo, "demo")[0] == 0
    store = Store.open(demo)
    try:
        meeting = find_meeting(store, "2014-07-08")
        rows = {r.code: r for r in list_items(store, meeting.id)}
        update_item(store, rows["A3"].id, page_from=3, page_to=10)
        update_item(store, rows["B1"].id, page_from=11, page_to=30)
        update_item(store, rows["B2"].id, kind=ItemKind.TO_FOLLOW)
        update_item(store, rows["B3"].id, restricted=True, exempt_paragraph=3)
    finally:
        store.close()
    out = tmp_path / "agenda.docx"
    assert clerk(capsys, demo, "export", "agenda", "2014-07-08", "--out", str(out))[0] == 0
    fresh = tmp_path / "fresh.db"
    code, printed, _ = clerk(capsys, fresh, "import", "agenda", str(out))
    assert code == 0, printed
    exported, imported = rows_of_meeting(demo, "2014-07-08"), rows_of_meeting(fresh, "2014-07-08")
    assert len(imported) == 12
    assert imported == exported
    # a later agenda imported after it leaves its C1 as it was printed
    if PACK_2018.exists():
        assert clerk(capsys, fresh, "import", "agenda", str(PACK_2018))[0] == 0
        with sqlite3.connect(fresh) as conn:
            notes = [r[0] for r in conn.execute("SELECT note FROM agendaitem WHERE standard = 'next_meeting' ORDER BY id")]
        assert "14 October 2014, 2.00pm" in notes[0] and "18 July 2018" in notes[1]
    # importing it into the demo itself finds the meeting there, with this agenda: nothing changes
    before = counts(demo)
    code, printed, _ = clerk(capsys, demo, "import", "agenda", str(out))
    assert code == 0 and "nothing changed" in printed
    assert counts(demo) == before


def test_a_numbered_agenda_clerk_exported_imports_back_numbered(tmp_path, capsys):
    """Items 1, 2, 3 … with no sections (as Kent's agendas are since 2025): the exclusion of the
    press and public and the restricted items after it come back in their places."""
    from clerk.services.committees import find_committee, update_committee

    demo = tmp_path / "demo.db"
    assert clerk(capsys, demo, "demo")[0] == 0
    store = Store.open(demo)
    try:
        update_committee(store, find_committee(store, "Kent Community Safety Partnership").id, agenda_style="numbered")
    finally:
        store.close()
    out = tmp_path / "agenda.docx"
    assert clerk(capsys, demo, "export", "agenda", "2014-07-08", "--out", str(out))[0] == 0
    fresh = tmp_path / "fresh.db"
    code, printed, _ = clerk(capsys, fresh, "import", "agenda", str(out))
    assert code == 0, printed
    exported, imported = rows_of_meeting(demo, "2014-07-08"), rows_of_meeting(fresh, "2014-07-08")
    assert [r[0] for r in imported] == [str(n) for n in range(1, 14)]
    assert imported == exported
    store = Store.open(fresh)
    try:
        assert find_committee(store, "Kent Community Safety Partnership").agenda_style == "numbered"
    finally:
        store.close()


def test_a_sheet_with_labelled_date_time_venue_and_contact():
    text = "\n".join(
        [
            "AGENDA",
            "PLANNING COMMITTEE",
            "Date: Tuesday, 25th March, 2025",
            "Time: 10.00 am",
            "Venue: Online",
            "Contact: Gaetano Romagnuolo  Email: gaetano.romagnuolo@kent.gov.uk",
            "A. Committee Business",
            "A1 Apologies",
            "Something nobody wrote on an agenda before A1 was read",
        ]
    )
    agenda = parse_agenda(text.replace("Something", "- Something"))
    assert (agenda.date, agenda.time, agenda.venue) == (dt.date(2025, 3, 25), "10.00 am", "Online")
    assert (agenda.contact, agenda.email) == ("Gaetano Romagnuolo", "gaetano.romagnuolo@kent.gov.uk")
    assert agenda.unplaced == ()
    headless = parse_agenda("AGENDA\nPLANNING COMMITTEE\nDate: Tuesday, 25th March, 2025\nA stray line\nA1 Apologies")
    assert headless.venue == "A stray line"  # the first line after the date, as the seed's venue
    assert parse_agenda("Stray words before anything\n" + text).unplaced == ("Stray words before anything",)
