"""Minute numbering: continuous, per meeting, per municipal year; renumbering; signed meetings frozen."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.errors import FrozenRecord, InvalidInput, NumberingError
from clerk.models import NumberingScheme
from clerk.numbering import Scheme, municipal_year, range_label, validate_format
from clerk.services import committees, meetings, minute_previews, minutes, signoff

from .helpers import check_contiguous, minutes_of, numbers


def _held(store, committee_id, date, titles, **kw):
    m = meetings.create_meeting(store, committee_id, date, **kw)
    for t in titles:
        minutes.add_minute(store, m.id, t)
    meetings.set_status(store, m.id, "held")
    return m


def test_continuous_numbering_continues_from_the_last_meeting(store):
    c = committees.create_committee(store, "Kent Community Safety Partnership", numbering_start=64)
    july = _held(store, c.id, "2014-07-08", [f"item {i}" for i in range(11)])
    october = meetings.create_meeting(store, c.id, "2014-10-14")
    assert numbers(store, july.id) == list(range(64, 75))
    assert minutes.next_number(store, october.id) == "75"
    assert minutes.add_minute(store, october.id, "Apologies").number == 75
    rows = {r.id: r for r in meetings.list_meetings(store)}
    assert rows[july.id].minutes == "64–74"
    assert rows[october.id].minutes == "75"


def test_a_new_body_starts_where_it_left_off(store):
    c = committees.create_committee(store, "Joint Committee", numbering_start=161)
    m = meetings.create_meeting(store, c.id, dt.date(2017, 10, 11))
    assert minutes.next_number(store, m.id) == "161"
    assert minutes.add_minute(store, m.id, "Notes").number == 161


def test_per_meeting_numbering_restarts_at_one(store):
    c = committees.create_committee(store, "KCSP 2025", numbering_scheme="per_meeting")
    a = _held(store, c.id, "2025-03-25", ["a", "b", "c"])
    b = meetings.create_meeting(store, c.id, "2025-07-01")
    minutes.add_minute(store, b.id, "x")
    assert numbers(store, a.id) == [1, 2, 3]
    assert numbers(store, b.id) == [1]
    minutes.add_minute(store, a.id, "first", at=0)  # renumbers only its own meeting
    assert numbers(store, a.id) == [1, 2, 3, 4]
    assert numbers(store, b.id) == [1]


def test_municipal_year_restarts_in_may_with_a_format(store):
    c = committees.create_committee(store, "Cabinet", numbering_scheme="municipal_year", number_format="{n}/{year}")
    march = _held(store, c.id, "2025-03-20", ["a", "b"])
    may = _held(store, c.id, "2025-05-21", ["c"])
    assert numbers(store, march.id) == [1, 2]
    assert numbers(store, may.id) == [1]
    assert minutes.next_number(store, may.id) == "2/2025"
    assert [r.minutes for r in meetings.list_meetings(store)] == ["1/2024–2/2024", "1/2025"]
    assert municipal_year(dt.date(2025, 4, 30)) == 2024
    assert municipal_year(dt.date(2025, 5, 1)) == 2025


def test_year_start_month_is_configurable(store):
    c = committees.create_committee(store, "Board", numbering_scheme="municipal_year", year_start_month=4)
    a = _held(store, c.id, "2025-03-31", ["a"])
    b = _held(store, c.id, "2025-04-01", ["b"])
    assert numbers(store, a.id) == [1] and numbers(store, b.id) == [1]


def test_minutes_taken_out_of_order_insert_move_delete_renumber(store):
    c = committees.create_committee(store, "KCSP", numbering_start=64)
    july = _held(store, c.id, "2014-07-08", ["Notes", "B1", "B2"])
    october = meetings.create_meeting(store, c.id, "2014-10-14")
    minutes.add_minute(store, october.id, "Apologies")
    chair = minutes.add_minute(store, july.id, "Vice-Chairman in the Chair", at=0)
    assert chair.number == 64 and chair.agenda_item_id is None
    assert [m.title for m in minutes_of(store, july.id)] == ["Vice-Chairman in the Chair", "Notes", "B1", "B2"]
    assert numbers(store, october.id) == [68]
    b2 = minutes_of(store, july.id)[-1]
    minutes.move_minute(store, b2.id, 1)
    assert [(m.number, m.title) for m in minutes_of(store, july.id)] == [
        (64, "Vice-Chairman in the Chair"),
        (65, "B2"),
        (66, "Notes"),
        (67, "B1"),
    ]
    minutes.delete_minute(store, chair.id)
    assert numbers(store, july.id) == [64, 65, 66]
    assert numbers(store, october.id) == [67]
    check_contiguous(store, c.id)


def test_preview_says_what_changes_and_writes_nothing(store):
    c = committees.create_committee(store, "KCSP", numbering_start=64)
    july = _held(store, c.id, "2014-07-08", ["Notes", "B1"])
    october = _held(store, c.id, "2014-10-14", ["Apologies"])
    changes = minute_previews.preview_add(store, july.id, "Vice-Chairman in the Chair", at=0)
    assert [c.describe() for c in changes] == [
        "new minute 64: Vice-Chairman in the Chair",
        "64 → 65: Notes",
        "65 → 66: B1",
        "66 → 67: Apologies",
    ]
    assert numbers(store, july.id) == [64, 65] and numbers(store, october.id) == [66]
    first = minutes_of(store, july.id)[0]
    assert next(c.describe() for c in minute_previews.preview_delete(store, first.id)) == "minute 64 deleted: Notes"
    assert [c.describe() for c in minute_previews.preview_move(store, first.id, 1)] == [
        "65 → 64: B1",
        "64 → 65: Notes",
    ]  # in the new order
    assert numbers(store, july.id) == [64, 65]


def test_signed_meetings_never_change(store):
    c = committees.create_committee(store, "KCSP", numbering_start=64)
    march = _held(store, c.id, "2014-03-18", ["a", "b"])
    july = _held(store, c.id, "2014-07-08", ["c", "d"])
    signoff.sign(store, july.id)
    before = [(m.id, m.number, m.title) for m in minutes_of(store, july.id)]
    with pytest.raises(FrozenRecord, match="signed"):
        minutes.add_minute(store, july.id, "late")
    with pytest.raises(FrozenRecord):
        minutes.delete_minute(store, minutes_of(store, july.id)[0].id)
    with pytest.raises(FrozenRecord):
        minutes.move_minute(store, minutes_of(store, july.id)[0].id, 1)
    # an earlier unsigned meeting cannot grow: it would push the signed numbers along
    with pytest.raises(NumberingError, match="signed notes of 8 July 2014 \\(minutes 66–67\\)"):
        minutes.add_minute(store, march.id, "extra")
    with pytest.raises(NumberingError):
        minutes.delete_minute(store, minutes_of(store, march.id)[0].id)
    # moving within the earlier meeting keeps the count, so it is allowed
    minutes.move_minute(store, minutes_of(store, march.id)[0].id, 1)
    with pytest.raises(NumberingError):
        meetings.reschedule(store, march.id, "2014-08-01")
    with pytest.raises(NumberingError):
        committees.update_committee(store, c.id, numbering_start=1)
    assert [(m.id, m.number, m.title) for m in minutes_of(store, july.id)] == before
    later = meetings.create_meeting(store, c.id, "2014-10-14")
    assert minutes.add_minute(store, later.id, "next").number == 68


def test_rescheduling_a_meeting_reorders_the_numbers(store):
    c = committees.create_committee(store, "KCSP")
    a = _held(store, c.id, "2014-03-18", ["a1", "a2"])
    b = _held(store, c.id, "2014-07-08", ["b1"])
    meetings.reschedule(store, a.id, "2014-09-01")
    assert numbers(store, b.id) == [1]
    assert numbers(store, a.id) == [2, 3]
    check_contiguous(store, c.id)


def test_uniqueness_is_a_database_constraint(store):
    from sqlalchemy.exc import IntegrityError

    from clerk.models import Minute

    c = committees.create_committee(store, "KCSP")
    m = _held(store, c.id, "2014-03-18", ["a"])
    with pytest.raises(IntegrityError), store.write() as s:
        s.add(Minute(committee_id=c.id, meeting_id=m.id, seq=5, series="", number=1, title="clash"))


def test_bad_settings_are_refused_plainly(store):
    with pytest.raises(InvalidInput, match="numbering scheme"):
        committees.create_committee(store, "X", numbering_scheme="roman")
    with pytest.raises(InvalidInput, match="\\{n\\}"):
        validate_format("{year}")
    with pytest.raises(InvalidInput, match="not understood"):
        validate_format("{n}/{decade}")
    with pytest.raises(InvalidInput, match="1 or more"):
        committees.create_committee(store, "Y", numbering_start=0)


def test_range_labels():
    s = Scheme(NumberingScheme.MUNICIPAL_YEAR, number_format="{n}/{yy}")
    assert range_label([64, 74]) == "64–74"
    assert range_label([75]) == "75"
    assert range_label([]) == ""
    assert range_label([3, 1], s, "2025") == "1/25–3/25"


def test_imported_meetings_start_at_their_own_number():
    """A meeting with a first number (imported notes) starts there; the next goes on from it."""
    from clerk.numbering import MeetingSlot, plan_numbers

    day = dt.date(2014, 7, 8)
    slots = [
        MeetingSlot(1, day, None, False, (1, 2), first=64),
        MeetingSlot(2, dt.date(2017, 10, 11), None, True, (3, 4), (161, 162), "", first=161),
        MeetingSlot(3, dt.date(2018, 3, 21), None, False, (5,)),
    ]
    plan = plan_numbers(Scheme(), slots)
    assert [plan.numbers[i][1] for i in range(1, 6)] == [64, 65, 161, 162, 163] and plan.signed_conflicts == []
    by_item = plan_numbers(
        Scheme(kind=NumberingScheme.PER_MEETING, by_item=True), [MeetingSlot(1, day, None, False, (1, 2), first=7)]
    )
    assert [by_item.numbers[i][1] for i in (1, 2)] == [7, 8]
