"""Storing imported notes: the KCSP notes of 8 July 2014 and 11 October 2017 into real SQLite
files, through `clerk import notes` and the API; numbers kept, attendance as the notes give it,
nothing stored twice, signed notes frozen, restricted minutes kept off public notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from clerk.body import Para
from clerk.cli import main as run_commands
from clerk.documents import build_notes
from clerk.errors import FrozenRecord, InvalidInput, NumberingError
from clerk.importing.notes_people import people
from clerk.importing.notes_text import ImportedMinute, ImportedNotes, NotesHeading, parse_notes
from clerk.importing.store import plan_import, store_import
from clerk.kinds import AttendanceStatus, MeetingStatus, ParagraphKind, Role
from clerk.services import actions, agenda, attendance, committees, content, meetings, minutes, signoff
from clerk.services.search import search
from clerk.storage import Store
from clerk.wording_import import preview_lines
from exports.notes import write_notes

from .docx_read import all_text
from .helpers import minutes_of

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
NOTES_2014 = SEEDS / "kcsp-2014-07-08-notes.txt"
PACK_2018 = SEEDS / "kcsp-2018-03-21-agenda-pack.txt"


def seed(path: Path) -> Path:
    if not path.exists():
        pytest.skip("the seeds are not beside the repository")
    return path


def counts(store: Store) -> dict[str, int]:
    """Every table's row count."""
    with store.engine.connect() as conn:
        return {t: conn.execute(text(f'SELECT COUNT(*) FROM "{t}"')).scalar_one() for t in inspect(conn).get_table_names()}


def cli(db: Path, *args: str) -> int:
    return run_commands(["--db", str(db), "import", "notes", *args])


def stored(store: Store, path: Path, **kw):
    return store_import(store, plan_import(store, parse_notes(path.read_text(encoding="utf-8"))), **kw)


def synthetic(day: dt.date, first: int, count: int, committee: str = "Kent Community Safety Partnership") -> ImportedNotes:
    """Notes as the 2025 layout gives them: numbered from ``first``."""
    heading = NotesHeading("KENT COUNTY COUNCIL", "MINUTES", committee, "Online", day, None)
    paras = (Para(ParagraphKind.TEXT, "The Partnership noted the update.", False),)
    return ImportedNotes(
        heading=heading,
        present=people("Mr P M Hill, OBE (Chairman), Ms C Allen"),
        minutes=tuple(ImportedMinute(first + i, f"Item {first + i}", None, None, paras) for i in range(count)),
    )


def test_the_2014_notes_on_an_empty_database(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    assert cli(db, str(seed(NOTES_2014))) == 0
    assert "Imported the meeting of 8 July 2014: 11 minutes, 20 people added." in capsys.readouterr().out
    assert run_commands(["--db", str(db), "meetings"]) == 0
    listed = capsys.readouterr().out
    assert "2014-07-08" in listed and "64–74" in listed and "held" in listed
    store = Store.open(db)
    try:
        (row,) = meetings.list_meetings(store)
        rows = {r.name: r for r in attendance.list_attendance(store, row.id)}
        assert len(rows) == 20
        coleman = rows["Mr David Coleman"]
        assert coleman.in_chair and coleman.role is Role.VICE_CHAIR and coleman.status is AttendanceStatus.PRESENT
        present = [r.name for r in attendance.list_attendance(store, row.id) if r.status is AttendanceStatus.PRESENT]
        assert len(present) == 14 and "Acting Chief Superintendent A. Rabey" in present and "B King" in present
        assert {n for n, r in rows.items() if r.status is AttendanceStatus.ALSO_PRESENT} == {"Ms C Gatward", "Mr S Nolan"}
        assert rows["Ms D Fitch"].status is AttendanceStatus.IN_ATTENDANCE
        assert rows["Ms D Fitch"].job == "Democratic Services Manager (Council)"
        assert rows["Mr J Parris"].job == "Community Safety Manager" and rows["Mr J Parris"].role is None
        assert all(r.role is Role.MEMBER for r in rows.values() if r.status is AttendanceStatus.PRESENT and not r.in_chair)
        got = {m.number: m for m in minutes_of(store, row.id)}
        assert sorted(got) == list(range(64, 75))
        assert got[66].title == "Community Trigger Criteria & Review Process in Kent"
        assert [m.restricted for m in got.values()] == [False] * 9 + [True] * 2
        sixty_nine = content.content(store, got[69].id)
        assert [p.numbered for p in sixty_nine.paragraphs] == [True] * 6
        seventy_three = content.content(store, got[73].id).paragraphs
        assert [p.kind for p in seventy_three] == [ParagraphKind.TEXT] * 2 + [ParagraphKind.POINT] * 4
        log = actions.list_actions(store)
        assert [(a.owner, a.minute) for a in log] == [("Jim Parris", "66"), ("DCI Andy Prichard", "68")]
        found = search(store, "training session for the Parish Councils")
        assert [h.minute for h in found.hits] == ["66"]
        nxt = meetings.create_meeting(store, row.committee_id, dt.date(2014, 10, 14))
        assert minutes.next_number(store, nxt.id) == "75"
        assert minutes.add_minute(store, nxt.id, "Apologies").number == 75
    finally:
        store.close()


def test_the_2017_notes_inside_the_2018_pack_give_161_to_171(store):
    result = stored(store, seed(PACK_2018))
    assert result.stored and result.minutes == 11
    assert [m.number for m in minutes_of(store, result.meeting_id)] == list(range(161, 172))
    rows = {r.name: r for r in attendance.list_attendance(store, result.meeting_id)}
    assert rows["Mr P M Hill, OBE"].role is Role.CHAIR and rows["Mr Rivers"].role is Role.VICE_CHAIR
    assert rows["Mrs A Taylor"].job == "Scrutiny Research Officer"
    (first,) = [m for m in minutes_of(store, result.meeting_id) if m.number == 161]
    assert content.content(store, first.id).paragraphs[-1].kind is ParagraphKind.RESOLUTION


def test_importing_twice_changes_nothing(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    assert cli(db, str(seed(NOTES_2014))) == 0
    store = Store.open(db)
    try:
        before = counts(store)
        result = stored(store, NOTES_2014)
        assert not result.stored and result.people_added == 0
        assert counts(store) == before
        plan = plan_import(store, parse_notes(NOTES_2014.read_text(encoding="utf-8")))
        assert plan.meeting_id == result.meeting_id and not plan.problems
        assert all(m.person_id is not None for m in plan.people)
        assert any(line.startswith("Already imported") for line in preview_lines(plan))
    finally:
        store.close()
    capsys.readouterr()
    assert cli(db, str(NOTES_2014), "--signed") == 0
    assert "nothing was changed" in capsys.readouterr().out
    store = Store.open(db)
    try:
        assert counts(store) == before
    finally:
        store.close()


def test_a_dry_run_stores_nothing(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    Store.open(db).close()
    empty = Store.open(db)
    before = counts(empty)
    empty.close()
    assert cli(db, str(seed(NOTES_2014)), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Committee: Kent Community Safety Partnership (a new committee)" in out
    assert "Mr David Coleman (Vice-Chairman; in the Chair): new person" in out and "66. Community Trigger" in out
    store = Store.open(db)
    try:
        assert counts(store) == before
        stored(store, PACK_2018)
        after_2017 = counts(store)
    finally:
        store.close()
    assert cli(db, str(NOTES_2014), "--dry-run") == 0
    assert "Mrs V Coffey: matches Mrs V Coffey (member)" in capsys.readouterr().out
    store = Store.open(db)
    try:
        assert counts(store) == after_2017
    finally:
        store.close()


def test_an_older_meeting_imported_after_a_newer_one_keeps_the_numbers_in_date_order(store):
    newer = stored(store, seed(PACK_2018))
    committee_id = meetings.list_meetings(store)[0].committee_id
    after = meetings.create_meeting(store, committee_id, dt.date(2018, 3, 21))
    assert minutes.next_number(store, after.id) == "172"
    older = stored(store, seed(NOTES_2014))
    assert [r.minutes for r in meetings.list_meetings(store)] == ["64–74", "161–171", ""]
    assert [m.number for m in minutes_of(store, older.meeting_id)] == list(range(64, 75))
    assert [m.number for m in minutes_of(store, newer.meeting_id)] == list(range(161, 172))
    assert minutes.next_number(store, after.id) == "172"  # not pulled back to 75
    between = meetings.create_meeting(store, committee_id, dt.date(2015, 1, 20))
    assert minutes.add_minute(store, between.id, "Apologies").number == 75
    assert [m.number for m in minutes_of(store, newer.meeting_id)] == list(range(161, 172))
    # the Coffey of 2014 is the Coffey of 2017: one person, her membership now from 2014
    (coffey,) = [r for r in committees.list_members(store, committee_id) if r.person.surname == "Coffey"]
    assert coffey.start_date == dt.date(2014, 7, 8)


def test_signed_imported_notes_are_frozen(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    assert cli(db, str(seed(NOTES_2014)), "--signed") == 2  # its private minutes name no Schedule 12A paragraph
    assert "Minutes 73–74 were taken in private but the notes give no Schedule 12A paragraph" in capsys.readouterr().err
    assert cli(db, str(seed(PACK_2018)), "--signed") == 0
    store = Store.open(db)
    try:
        (row,) = meetings.list_meetings(store)
        assert row.status is MeetingStatus.SIGNED and row.minutes == "161–171"
        notes = all_text(write_notes(build_notes(store, row.id), tmp_path / "signed.docx"))
        assert "Approved as a correct record." in notes and "DRAFT" not in notes
        assert signoff.signoff_of(store, row.id).snapshot_public
        first = minutes_of(store, row.id)[0]
        with pytest.raises(FrozenRecord):
            content.set_body(store, first.id, "Rewritten.")
        with pytest.raises(FrozenRecord):
            content.update_minute(store, first.id, title="Another title")
        with pytest.raises(FrozenRecord):
            minutes.delete_minute(store, first.id)
        nxt = meetings.create_meeting(store, row.committee_id, dt.date(2018, 3, 21))
        assert minutes.add_minute(store, nxt.id, "Apologies").number == 172
        older = stored(store, NOTES_2014)  # an older meeting after a newer, signed one
        assert [m.number for m in minutes_of(store, older.meeting_id)] == list(range(64, 75))
    finally:
        store.close()


def test_a_restricted_imported_minute_stays_off_the_public_notes(store, tmp_path):
    result = stored(store, seed(NOTES_2014))
    private = "Kent and Medway DHR Steering Group"  # minute 73, in the private session
    with pytest.raises(InvalidInput, match="no Schedule 12A paragraph"):  # the notes name none: the clerk gives it
        build_notes(store, result.meeting_id, public=True)
    for m in minutes_of(store, result.meeting_id):
        if m.restricted:
            content.update_minute(store, m.id, exempt_paragraph=1)
    full = all_text(write_notes(build_notes(store, result.meeting_id), tmp_path / "full.docx"))
    public = all_text(write_notes(build_notes(store, result.meeting_id, public=True), tmp_path / "public.docx"))
    assert private in full and private not in public
    assert "Community Trigger" in public and "Domestic Homicide Reviews" in public  # its title, as any restricted minute
    assert search(store, "DHR Steering Group").hits == ()  # restricted text is searched only when asked


def test_minutes_restarting_at_1_and_numbers_that_clash(store):
    first = store_import(store, plan_import(store, synthetic(dt.date(2024, 11, 21), 1, 6)))
    assert [m.number for m in minutes_of(store, first.meeting_id)] == list(range(1, 7))
    later = plan_import(store, synthetic(dt.date(2025, 3, 25), 1, 10))
    (problem,) = later.problems
    assert problem.startswith("Minutes 1–10 of 25 March 2025 do not fit the numbers of the meeting of 21 November 2024")
    assert "Cannot be stored: " + problem in preview_lines(later)
    before = counts(store)
    with pytest.raises(InvalidInput, match="do not fit"):
        store_import(store, later)
    assert counts(store) == before
    committees.update_committee(store, later.committee_id or 0, numbering_scheme="per_meeting")
    again = store_import(store, plan_import(store, synthetic(dt.date(2025, 3, 25), 1, 10)))
    assert [m.number for m in minutes_of(store, again.meeting_id)] == list(range(1, 11))
    assert [m.number for m in minutes_of(store, first.meeting_id)] == list(range(1, 7))


def test_a_restart_with_numbered_items_after_the_2014_notes(tmp_path, capsys):
    """The 2025 layout: minutes following items numbered 1, 2, 3 … after continuous numbers."""
    db = tmp_path / "clerk.db"
    assert cli(db, str(seed(NOTES_2014))) == 0
    store = Store.open(db)
    try:
        notes = synthetic(dt.date(2025, 3, 25), 1, 10)
        (problem,) = plan_import(store, notes).problems
        assert 'clerk committee "Kent Community Safety Partnership" --agenda-style numbered' in problem
    finally:
        store.close()
    assert run_commands(["--db", str(db), "committee", "Kent Community Safety Partnership", "--agenda-style", "numbered"]) == 0
    store = Store.open(db)
    try:
        result = store_import(store, plan_import(store, notes))
        assert [r.minutes for r in meetings.list_meetings(store)] == ["64–74", "1–10"]
        assert [m.number for m in minutes_of(store, result.meeting_id)] == list(range(1, 11))
        committee_id = meetings.list_meetings(store)[0].committee_id
        nxt = meetings.create_meeting(store, committee_id, dt.date(2025, 7, 1), standard_items=False)
        assert minutes.add_minute(store, nxt.id, "Introduction").number == 1  # each meeting afresh
    finally:
        store.close()


def test_a_restart_in_a_later_municipal_year(store):
    committees.create_committee(store, "Board", numbering_scheme="municipal_year")
    store_import(store, plan_import(store, synthetic(dt.date(2024, 3, 5), 40, 3, "Board")))
    same_year = plan_import(store, synthetic(dt.date(2024, 4, 9), 1, 3, "Board"))
    assert len(same_year.problems) == 1
    next_year = store_import(store, plan_import(store, synthetic(dt.date(2024, 6, 4), 1, 3, "Board")))
    assert [m.number for m in minutes_of(store, next_year.meeting_id)] == [1, 2, 3]


def test_a_look_alike_is_never_merged(store):
    committees.add_person(store, "Coleman", title="Mr", forenames="D")
    plan = plan_import(store, parse_notes(seed(NOTES_2014).read_text(encoding="utf-8")))
    coleman = plan.people[0]
    assert coleman.person_id is None and "not merged with Mr D Coleman" in coleman.how
    assert any("not merged with Mr D Coleman" in line for line in preview_lines(plan))
    result = store_import(store, plan)
    names = [r.name for r in attendance.list_attendance(store, result.meeting_id)]
    assert "Mr David Coleman" in names and "Mr D Coleman" not in names
    assert result.people_added == 20


def test_substitutes_and_apologies_are_recorded(store):
    notes = parse_notes(
        "NOTES of a meeting of the Board held at the Hall on Monday, 3 March 2025.\n"
        "PRESENT: Ms C Allen (Chair), Mr A Smith (Substitute for Mr B Jones)\n"
        "APOLOGIES: Mr B Jones and Mrs E White\n\n1. Welcome\n\nThe Chair welcomed all.\n"
    )
    notes = replace(notes, minutes=(replace(notes.minutes[0], actions=("Mr A Smith", "Someone Else")),))
    result = store_import(store, plan_import(store, notes))
    rows = {r.name: r for r in attendance.list_attendance(store, result.meeting_id)}
    owners = [
        (a.owner_name, a.owner_person_id) for a in content.content(store, minutes_of(store, result.meeting_id)[0].id).actions
    ]
    assert owners == [("Mr A Smith", rows["Mr A Smith"].person_id), ("Someone Else", None)]
    assert rows["Mr A Smith"].status is AttendanceStatus.SUBSTITUTE and rows["Mr A Smith"].substitute_for == "Mr B Jones"
    assert rows["Mr A Smith"].role is Role.SUBSTITUTE
    assert rows["Mr B Jones"].status is AttendanceStatus.APOLOGIES and rows["Mr B Jones"].role is Role.MEMBER
    assert rows["Ms C Allen"].role is Role.CHAIR and result.people_added == 4


def test_a_meeting_set_up_for_that_day_takes_the_notes(store):
    committee = committees.create_committee(store, "Kent Community Safety Partnership", numbering_start=64)
    waiting = meetings.create_meeting(store, committee.id, dt.date(2014, 7, 8), standard_items=False)  # no minutes yet
    items = {}
    for code in ("A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "D1", "D2"):
        paragraph = {"D1": 1, "D2": 7}.get(code)
        items[code] = agenda.add_item(store, waiting.id, code[0], f"Item {code}", exempt_paragraph=paragraph).id
    result = stored(store, seed(NOTES_2014), signed=True)  # the agenda gives the private items' paragraphs
    assert result.meeting_id == waiting.id and result.stored
    assert [r.minutes for r in meetings.list_meetings(store)] == ["64–74"]
    got = {m.number: m for m in minutes_of(store, waiting.id)}
    assert got[66].agenda_item_id == items["B1"] and got[64].agenda_item_id is None
    assert (got[73].agenda_item_id, got[73].exempt_paragraph, got[74].exempt_paragraph) == (items["D1"], 1, 7)


def test_the_committee_given_by_name(store, tmp_path, capsys):
    committees.create_committee(store, "Audit Board")
    committees.create_committee(store, "Kent Community Safety Partnership (archive)")
    notes = synthetic(dt.date(2024, 3, 5), 1, 2, "Board")
    plan = plan_import(store, notes)
    assert plan.committee_id is None and plan.committee_name == "Board"  # the heading's name: exactly, or new
    result = store_import(store, plan)
    assert meetings.list_meetings(store)[0].committee == "Board" and result.stored
    db = tmp_path / "other.db"
    assert cli(db, str(seed(NOTES_2014)), "--committee", "KCSP Archive", "--dry-run") == 0
    assert "Committee: KCSP Archive (a new committee)" in capsys.readouterr().out


def test_a_minute_added_before_imported_notes_cannot_take_their_numbers(store):
    older = store_import(store, plan_import(store, synthetic(dt.date(2014, 7, 8), 64, 3)))
    newer = store_import(store, plan_import(store, synthetic(dt.date(2014, 10, 14), 67, 2)))
    before = counts(store)
    with pytest.raises(NumberingError, match="imported notes start at 67"):
        minutes.add_minute(store, older.meeting_id, "Any other business")
    assert counts(store) == before
    assert [m.number for m in minutes_of(store, newer.meeting_id)] == [67, 68]
    minutes.delete_minute(store, minutes_of(store, older.meeting_id)[0].id)  # fewer numbers: no clash
    assert [m.number for m in minutes_of(store, older.meeting_id)] == [64, 65]


@pytest.mark.postgres
def test_importing_into_postgresql(pg_store):
    """The same import on PostgreSQL: numbers, attendance, searchable, and again changes nothing."""
    newer = stored(pg_store, seed(PACK_2018))
    older = stored(pg_store, seed(NOTES_2014))
    assert [r.minutes for r in meetings.list_meetings(pg_store)] == ["64–74", "161–171"]
    assert len(attendance.list_attendance(pg_store, older.meeting_id)) >= 20
    assert [h.minute for h in search(pg_store, "training session for the Parish Councils").hits] == ["66"]
    before = counts(pg_store)
    assert not stored(pg_store, NOTES_2014).stored and counts(pg_store) == before
    assert newer.stored


def memberships(store: Store) -> set[tuple[str, Role, dt.date | None, dt.date | None]]:
    (committee,) = committees.list_committees(store)
    return {(r.name, r.role, r.start_date, r.end_date) for r in committees.list_members(store, committee.id)}


@pytest.mark.parametrize("order", ["oldest first", "newest first"])
def test_memberships_span_the_notes_that_name_them_in_either_order(tmp_path, order):
    store = Store.open(tmp_path / "clerk.db")
    try:
        files = [seed(NOTES_2014), seed(PACK_2018)]
        results = [stored(store, f) for f in (files if order == "oldest first" else files[::-1])]
        july, october = sorted(results, key=lambda r: r.meeting_id if order == "oldest first" else -r.meeting_id)
        got = memberships(store)
        assert ("Mrs V Coffey", Role.MEMBER, dt.date(2014, 7, 8), None) in got  # named in both
        assert ("Mr David Coleman", Role.VICE_CHAIR, dt.date(2014, 7, 8), dt.date(2014, 7, 8)) in got
        assert ("Mr P M Hill, OBE", Role.CHAIR, dt.date(2017, 10, 11), None) in got
        names_2017 = {r.name for r in attendance.list_attendance(store, october.meeting_id)}
        names_2014 = {r.name for r in attendance.list_attendance(store, july.meeting_id)}
        assert "Mr David Coleman" not in names_2017 and "Mr P M Hill, OBE" not in names_2014
        assert all(r.status is not None for r in attendance.list_attendance(store, october.meeting_id))
        assert all(r.status is not None for r in attendance.list_attendance(store, july.meeting_id))
    finally:
        store.close()


def test_a_membership_set_up_by_hand_is_left_as_it_is(store):
    committee = committees.create_committee(store, "Kent Community Safety Partnership", numbering_start=64)
    coffey = committees.add_person(store, "Coffey", title="Mrs", forenames="V")
    committees.add_member(store, committee.id, coffey.id, "vice_chair", start_date=dt.date(2013, 5, 1))
    stored(store, seed(NOTES_2014))
    stored(store, seed(PACK_2018))
    assert ("Mrs V Coffey", Role.VICE_CHAIR, dt.date(2013, 5, 1), None) in memberships(store)


@pytest.mark.parametrize("signed", [False, True])
def test_history_imported_after_clerk_has_numbered_its_own_meetings(store, signed):
    """A body moved onto clerk at minute 172; importing its older notes never renumbers what
    clerk has numbered since (signed or not), and the next minute is still the one after."""
    committee = committees.create_committee(store, "Kent Community Safety Partnership", numbering_start=172)
    live = meetings.create_meeting(store, committee.id, dt.date(2018, 3, 21))
    for title in ("Apologies", "Notes", "Updates"):
        minutes.add_minute(store, live.id, title)
    meetings.set_status(store, live.id, MeetingStatus.HELD)
    if signed:
        signoff.sign(store, live.id)
    older = stored(store, seed(NOTES_2014))
    assert [m.number for m in minutes_of(store, older.meeting_id)] == list(range(64, 75))
    assert [m.number for m in minutes_of(store, live.id)] == [172, 173, 174]
    nxt = meetings.create_meeting(store, committee.id, dt.date(2018, 7, 4))
    assert minutes.add_minute(store, nxt.id, "Apologies").number == 175
    between = stored(store, seed(PACK_2018))  # 161–171 fits between them
    assert [m.number for m in minutes_of(store, between.meeting_id)] == list(range(161, 172))
    assert [m.number for m in minutes_of(store, live.id)] == [172, 173, 174]


def test_older_notes_leave_a_numbered_agenda_meeting_numbered_by_its_items(store):
    """Minutes that follow numbered items (1, 2, then 5 under item 5) stay so when older notes come."""
    committee = committees.create_committee(store, "Board", agenda_style="numbered")
    live = meetings.create_meeting(store, committee.id, dt.date(2025, 3, 25), standard_items=False)
    items = [agenda.add_item(store, live.id, "B", f"Item {n}").id for n in range(1, 6)]
    for n in (0, 1, 4):
        minutes.add_minute(store, live.id, f"Minute under item {n + 1}", agenda_item_id=items[n])
    store_import(store, plan_import(store, synthetic(dt.date(2024, 11, 21), 1, 4, "Board")))
    assert [m.number for m in minutes_of(store, live.id)] == [1, 2, 5]


def test_exempt_items_are_restricted_with_the_paragraph_their_session_names(store):
    notes = synthetic(dt.date(2024, 3, 5), 12, 2, "Board")
    private = replace(notes.minutes[1], session="EXEMPT ITEMS")
    notes = replace(
        notes,
        minutes=(notes.minutes[0], private),
        sessions=(("EXEMPT ITEMS", "(Open access to minutes: exempt under paragraph 3 of Part 1 of Schedule 12A)"),),
    )
    result = store_import(store, plan_import(store, notes), signed=True)
    got = [(m.number, m.restricted, m.exempt_paragraph) for m in minutes_of(store, result.meeting_id)]
    assert got == [(12, False, None), (13, True, 3)]
