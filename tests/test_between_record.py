"""Between meetings: the attendance record, the calendar file and a year's dates set at once,
on a real SQLite file and on the real PostgreSQL server."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from docx import Document
from icalendar import Calendar

from clerk.cli import main
from clerk.demo import load_demo
from clerk.errors import InvalidInput
from clerk.models import AttendanceStatus, Meeting, MeetingStatus
from clerk.services import attendance, committees, meetings
from clerk.services.attendance_record import attendance_record
from clerk.services.calendar_feed import calendar_feed
from clerk.services.schedule import dates_for, parse_rule, plan_year, schedule_year
from clerk.storage import Store
from exports.ical import ical_bytes
from exports.table import table_csv, write_table

KCSP = "Kent Community Safety Partnership"
YEAR = (dt.date(2014, 5, 1), dt.date(2015, 4, 30))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request):
    return request.getfixturevalue("store" if request.param == "sqlite" else "pg_store")


def _held(store: Store, meeting_id: int) -> None:
    with store.write() as s:
        m = s.get(Meeting, meeting_id)
        m.status = MeetingStatus.HELD


def _year_with_a_cancellation(store: Store):
    """The demo's July meeting; October held, with Mr Hill substituted and Ms Allen late;
    a December meeting cancelled."""
    summary = load_demo(store)
    rows = {r.name: r for r in committees.list_members(store, summary.committee_id)}
    hill = next(r for n, r in rows.items() if "Hill" in n)
    allen = next(r for n, r in rows.items() if "Allen" in n)
    stand_in = committees.add_person(store, "Carter", title="Mr", forenames="Paul")
    october = summary.next_meeting_id
    for r in rows.values():
        if r.person_id not in (hill.person_id,):
            attendance.mark(store, october, r.person_id, AttendanceStatus.PRESENT)
    attendance.mark(store, october, hill.person_id, AttendanceStatus.APOLOGIES)
    attendance.mark(store, october, stand_in.id, AttendanceStatus.SUBSTITUTE, substitute_for_id=hill.person_id)
    attendance.arrive_or_leave(store, october, allen.person_id, arrived=True, minute_id=None, at=dt.time(10, 40))
    _held(store, october)
    december = meetings.create_meeting(store, summary.committee_id, dt.date(2014, 12, 9))
    meetings.cancel_meeting(store, december.id)
    return summary, hill, allen


def test_attendance_counts_held_meetings_and_leaves_the_cancelled_one_out(any_store):
    summary, hill, allen = _year_with_a_cancellation(any_store)
    record = attendance_record(any_store, summary.committee_id, *YEAR)
    assert (record.held, record.cancelled) == (2, 1)
    by_name = {m.name: m for m in record.members}
    chair = by_name[hill.name]
    assert (chair.role, chair.expected, chair.attended, chair.apologies, chair.substituted) == ("Chairman", 2, 0, 2, 1)
    assert chair.percentage == "0%"
    late = by_name[allen.name]
    assert (late.expected, late.attended, late.late, late.percentage) == (2, 2, 1, "100%")
    assert record.members[0].name == hill.name  # the chair first
    assert [s[0] for s in record.substitutes] == ["Mr Paul Carter"]
    assert "1 cancelled meeting is not counted" in record.table().notes[0]


def test_attendance_writes_docx_and_csv_read_back(store, tmp_path):
    summary, hill, _ = _year_with_a_cancellation(store)
    table = attendance_record(store, summary.committee_id, *YEAR).table()
    path = write_table(table, tmp_path / "attendance.docx")
    doc = Document(str(path))
    grid = doc.tables[0]
    assert [c.text for c in grid.rows[0].cells] == list(table.columns)
    first = [c.text for c in grid.rows[1].cells]
    assert first[0] == hill.name and first[-1] == "0%"
    assert KCSP in "\n".join(p.text for p in doc.paragraphs)
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape A4
    rows = list(csv.reader(table_csv(table).decode("utf-8-sig").splitlines()))
    assert rows[0] == list(table.columns) and rows[1][0] == hill.name


def test_csv_cells_never_run_as_formulas():
    from clerk.documents.table import TableDoc

    table = TableDoc("", "T", "S", ("Name", "N"), (("=HYPERLINK(1)", "-3"), ("@x", "+4")))
    rows = list(csv.reader(table_csv(table).decode("utf-8-sig").splitlines()))
    assert rows[1:] == [["'=HYPERLINK(1)", "-3"], ["'@x", "+4"]]


def test_attendance_command(store, tmp_path, capsys):
    _year_with_a_cancellation(store)
    store.close()
    path = tmp_path / "clerk.db"
    assert main(["--db", str(path), "attendance", "--committee", KCSP, "--year", "2014"]) == 0
    out = capsys.readouterr().out
    assert "Attendance record" in out and "Mr P M Hill, OBE" in out and "1 cancelled meeting" in out
    assert main(["--db", str(path), "attendance", "-c", KCSP, "--year", "2014", "--out", str(tmp_path / "a.csv")]) == 0
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbfMember,Role")
    assert main(["--db", str(path), "attendance", "-c", KCSP, "--year", "2014", "--out", str(tmp_path / "a.pdf")]) == 2
    assert ".docx or .csv" in capsys.readouterr().err
    assert main(["--db", str(path), "attendance", "-c", KCSP, "--from", "2015-01-01", "--to", "2014-01-01"]) == 2


def _uids(data: bytes) -> dict[str, tuple[str, str]]:
    cal = Calendar.from_ical(data)
    return {str(e["uid"]): (str(e["summary"]), str(e["status"])) for e in cal.walk("VEVENT")}


def test_calendar_parses_and_keeps_its_uids(any_store):
    summary, _, _ = _year_with_a_cancellation(any_store)
    first = ical_bytes(calendar_feed(any_store, summary.committee_id, past=True, publication=True))
    again = ical_bytes(calendar_feed(any_store, summary.committee_id, past=True, publication=True))
    assert _uids(first) == _uids(again)
    events = _uids(first)
    assert len(events) == 3 + 2  # three meetings, and publication days for the two not cancelled
    assert sum(status == "CANCELLED" for _, status in events.values()) == 1
    cal = Calendar.from_ical(first)
    july = next(
        e
        for e in cal.walk("VEVENT")
        if e.decoded("dtstart") == dt.datetime(2014, 7, 8, 10, 0, tzinfo=e.decoded("dtstart").tzinfo)
    )
    assert str(july["location"]) and july.decoded("dtstart").utcoffset() == dt.timedelta(hours=1)  # BST
    future = calendar_feed(any_store, summary.committee_id, today=dt.date(2014, 8, 1))
    starts = [e.start.date() if isinstance(e.start, dt.datetime) else e.start for e in future.events]
    assert starts and min(starts) >= dt.date(2014, 8, 1) and len(future.events) == 2


def test_calendar_command(store, tmp_path, capsys):
    load_demo(store)
    store.close()
    db = str(tmp_path / "clerk.db")
    assert main(["--db", db, "calendar", "--out", str(tmp_path / "m"), "--past"]) == 0
    assert "m.ics" in capsys.readouterr().out
    assert len(_uids((tmp_path / "m.ics").read_bytes())) == 2


def test_schedule_rule_and_dates():
    rule = parse_rule("second Tuesday", "March, July and October")
    assert rule.describe() == "every second Tuesday in March, July and October"
    assert dates_for(rule, 2026) == [dt.date(2026, 7, 14), dt.date(2026, 10, 13), dt.date(2027, 3, 9)]
    assert dates_for(parse_rule("last wed", "3"), 2026) == [dt.date(2027, 3, 31)]
    for day, months, said in (
        ("fifth tuesday", "march", "not a day of the month"),
        ("second tu", "march", "not a day of the week"),
        ("second tuesday", "marchember", "not a month"),
        ("second tuesday", "", "Say which months"),
    ):
        with pytest.raises(InvalidInput, match=said):
            parse_rule(day, months)


def test_schedule_sets_a_year_once_and_refuses_bank_holidays(any_store):
    summary = load_demo(any_store)
    rule = parse_rule("second Tuesday", "mar jul oct")
    made = schedule_year(any_store, summary.committee_id, rule, 2026, start_time=dt.time(10))
    assert [m.date for m in made] == [dt.date(2026, 7, 14), dt.date(2026, 10, 13), dt.date(2027, 3, 9)]
    assert schedule_year(any_store, summary.committee_id, rule, 2026) == []
    assert all(p.existing for p in plan_year(any_store, summary.committee_id, rule, 2026))
    with pytest.raises(InvalidInput, match="4 May 2026 is a bank holiday"):
        schedule_year(any_store, summary.committee_id, parse_rule("first Monday", "May"), 2026)
