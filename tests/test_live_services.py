"""Live minuting rules: taking items, numbering, standard wording, attendance, private
session, withdrawn items, signing the previous notes, actions, votes, and the lock."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import text
from sqlmodel import select

from clerk.errors import FrozenRecord, InvalidInput
from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.live.people import describe, match_people, parse_name
from clerk.live.view import CURRENT, DEFERRED, MINUTED, TO_COME, WITHDRAWN, live_view, match_items
from clerk.migrations import SCHEMA_VERSION
from clerk.models import Action, Attendance, Declaration, Meeting, MeetingStatus, SignOff
from clerk.services import content
from clerk.storage import Store

from .live_helpers import build_demo_agenda, stored_minutes

NOW = dt.datetime(2014, 7, 8, 10, 5)


@pytest.fixture
def built(store):
    return build_demo_agenda(store)


@pytest.fixture
def me(store, built):
    holder = lock.Holder.here()
    assert lock.acquire(store, built.held_id, holder).granted
    return holder


def test_taking_items_numbers_minutes_in_the_order_taken(store, built, me):
    b2 = LiveMeeting(store, built.held_id, me).take_item(built.items["B2"], now=NOW)
    b1 = LiveMeeting(store, built.held_id, me).take_item(built.items["B1"], now=NOW)
    assert b2.created and b1.created
    view = live_view(store, built.held_id)
    assert [(m.number, m.item_code) for m in view.minutes] == [("64", "B2"), ("65", "B1")]
    assert view.current_minute_id == b1.minute_id
    assert view.next_number == "66"
    states = {i.row.code: i.state for i in view.items}
    assert states["B1"] == CURRENT and states["B2"] == MINUTED and states["B3"] == TO_COME
    again = LiveMeeting(store, built.held_id, me).take_item(built.items["B2"], now=NOW)
    assert not again.created and again.minute_id == b2.minute_id
    assert live_view(store, built.held_id).current_minute_id == b2.minute_id
    with store.read() as s:
        meeting = s.get(Meeting, built.held_id)
    assert meeting.status == MeetingStatus.IN_PROGRESS and meeting.started_at == NOW.astimezone()


def test_standard_items_offer_their_wording(store, built, me):
    LiveMeeting(store, built.held_id, me).take_item(built.items["A3"], now=NOW)
    LiveMeeting(store, built.held_id, me).take_item(built.items["C1"], now=NOW)
    rows = stored_minutes(store, built.held_id)
    assert rows[0][4] == (
        "RESOLVED that the notes of the meeting held on 18 March 2014 were a correct record "
        "and that they be signed by the Chairman."
    )
    assert rows[1][1] == "Date of next meeting - 14 October 2014 at 2.00pm"
    assert rows[1][4] == "RESOLVED that the Partnership note the date of the next meeting."


def test_apologies_minute_follows_the_attendance(store, built, me):
    a1 = LiveMeeting(store, built.held_id, me).take_item(built.items["A1"], now=NOW).minute_id
    assert stored_minutes(store, built.held_id)[0][4] == "No apologies were received."
    change = LiveMeeting(store, built.held_id, me).attendance.mark(built.people["hill"], "apologies")
    assert change.changed_minutes == [a1]
    LiveMeeting(store, built.held_id, me).save_text(
        a1, content.content(store, a1).body + "\n\nThe Chairman sent his good wishes."
    )
    LiveMeeting(store, built.held_id, me).attendance.substitute(built.people["brett"], "Mr T Jones")
    body = stored_minutes(store, built.held_id)[0][4]
    assert body == (
        "Apologies were received from Mr P M Hill, OBE and Ms A Brett. Mr T Jones was present as a substitute "
        "for Ms A Brett.\n\nThe Chairman sent his good wishes."
    )


def test_check_in_by_part_of_a_name_and_late_arrivals(store, built, me):
    rows = live_view(store, built.held_id).attendance
    assert [r.surname for r in match_people(rows, "cole")] == ["Coleman"]
    assert [r.surname for r in match_people(rows, "kent police")] == ["Rabey"]
    LiveMeeting(store, built.held_id, me).attendance.present(built.people["coleman"], now=NOW)
    b1 = LiveMeeting(store, built.held_id, me).take_item(built.items["B1"], now=NOW).minute_id
    LiveMeeting(store, built.held_id, me).attendance.present(
        built.people["cooke"], minute_id=b1, now=dt.datetime(2014, 7, 8, 10, 40)
    )
    LiveMeeting(store, built.held_id, me).attendance.left(
        built.people["coleman"], minute_id=b1, now=dt.datetime(2014, 7, 8, 11, 55)
    )
    view = live_view(store, built.held_id)
    by = {r.surname: r for r in view.attendance}
    assert by["Cooke"].arrived_at == dt.time(10, 40) and by["Cooke"].arrived_minute_id == b1
    assert by["Coleman"].left_at == dt.time(11, 55) and by["Coleman"].arrived_at is None
    assert view.present == 1  # Coleman left
    assert describe(by["Cooke"], {b1: "64"}) == "Ms Z Cooke – arrived 10.40, minute 64"


def test_vice_chair_in_the_chair_is_offered_once(store, built, me):
    change = LiveMeeting(store, built.held_id, me).attendance.chair(built.people["coleman"])
    assert change.offer.title == "Vice-Chairman in the Chair"
    LiveMeeting(store, built.held_id, me).add_minute(change.offer.title, change.offer.body, now=NOW)
    assert LiveMeeting(store, built.held_id, me).attendance.chair(built.people["coleman"]).offer is None
    assert LiveMeeting(store, built.held_id, me).attendance.chair(built.people["hill"]).offer is None
    assert stored_minutes(store, built.held_id)[0][:2] == (64, "Vice-Chairman in the Chair")


def test_people_added_on_the_fly(store, built, me):
    assert parse_name("Acting Chief Superintendent A. Rabey") == {
        "title": "Acting Chief Superintendent",
        "forenames": "A.",
        "surname": "Rabey",
        "honours": "",
    }
    assert parse_name("Mr P M Hill, OBE")["honours"] == "OBE"
    LiveMeeting(store, built.held_id, me).attendance.add_attendee("Ms J Bloggs", "Press Officer")
    LiveMeeting(store, built.held_id, me).attendance.add_attendee("Mr S Nolan")
    by = {r.surname: r for r in live_view(store, built.held_id).attendance}
    assert by["Bloggs"].status.value == "in_attendance" and by["Bloggs"].job == "Press Officer"
    assert by["Nolan"].status.value == "also_present"  # the existing Mr S Nolan, not a new person
    with pytest.raises(InvalidInput):
        parse_name("  ")


def test_private_session_restricts_the_minutes_that_follow(store, built, me):
    offer = LiveMeeting(store, built.held_id, me).exclusion_offer(built.items["D1"])
    assert offer.paragraphs == (1, 7)  # D1 and D2, still to come
    assert "for the following items on the grounds that they involve" in offer.wording
    assert "paragraphs 1 and 7 of Part 1 of Schedule 12A" in offer.wording
    excl = LiveMeeting(store, built.held_id, me).go_private(now=NOW)  # their paragraphs: none asked for
    assert LiveMeeting(store, built.held_id, me).exclusion_offer(built.items["D1"]) is None
    LiveMeeting(store, built.held_id, me).take_item(built.items["D1"], now=NOW)
    LiveMeeting(store, built.held_id, me).add_minute("Thanks to Alison Gilmour", now=NOW)
    LiveMeeting(store, built.held_id, me).go_public()
    LiveMeeting(store, built.held_id, me).take_item(built.items["C1"], now=NOW)
    rows = stored_minutes(store, built.held_id)
    assert [(r[1][:20], r[3]) for r in rows] == [
        ("Exclusion of the Pre", False),
        ("Domestic Homicide Re", True),
        ("Thanks to Alison Gil", True),
        ("Date of next meeting", False),
    ]
    assert rows[0][4].startswith("RESOLVED that under Section 100A")
    assert excl is not None


def test_withdrawn_and_deferred_items(store, built, me):
    sentence = "As the Chairman was not able to join the meeting for this item it was withdrawn."
    mid = LiveMeeting(store, built.held_id, me).set_item_state("withdrawn", sentence, item_id=built.items["B6"], now=NOW)
    assert stored_minutes(store, built.held_id) == [
        (64, "Community Safety Conference - verbal report", "withdrawn", False, sentence)
    ]
    b5 = LiveMeeting(store, built.held_id, me).take_item(built.items["B5"], now=NOW).minute_id
    LiveMeeting(store, built.held_id, me).save_text(b5, "Started.")
    assert (
        LiveMeeting(store, built.held_id, me).state_sentence("deferred")
        == "This item was deferred to the next meeting on 14 October 2014 at 2.00pm."
    )
    LiveMeeting(store, built.held_id, me).set_item_state("deferred", "This item was deferred.", minute_id=b5)
    view = live_view(store, built.held_id)
    assert {i.row.code: i.state for i in view.items}["B5"] == DEFERRED
    assert {i.row.code: i.state for i in view.items}["B6"] == WITHDRAWN
    assert stored_minutes(store, built.held_id)[1][4] == "Started.\n\nThis item was deferred."
    assert mid == view.minutes[0].id


def test_approving_the_previous_notes_signs_them(store, demo):
    me = lock.Holder.here()
    assert lock.acquire(store, demo.next_meeting_id, me).granted
    view = live_view(store, demo.next_meeting_id)
    a3 = next(i for i in view.items if i.row.standard == "previous_notes")
    taken = LiveMeeting(store, demo.next_meeting_id, me).take_item(a3.row.id, now=dt.datetime(2014, 10, 14, 14, 5))
    assert taken.sign_offer == "8 July 2014"
    assert live_view(store, demo.next_meeting_id).minutes[0].number == "75"
    approved = LiveMeeting(store, demo.next_meeting_id, me).approve_previous("the correction of Ms C Allen's name")
    assert approved.signed_date == "8 July 2014" and approved.changed_minutes == [taken.minute_id]
    with store.read() as s:
        assert s.get(Meeting, demo.held_meeting_id).status == MeetingStatus.SIGNED
        assert s.exec(select(SignOff)).one().approved_at_meeting_id == demo.next_meeting_id
    assert stored_minutes(store, demo.next_meeting_id)[0][4] == (
        "RESOLVED that, subject to the correction of Ms C Allen's name, the notes of the meeting held on 8 July 2014 "
        "were a correct record and that they be signed by the Chairman."
    )
    with pytest.raises(FrozenRecord, match="already signed"):
        LiveMeeting(store, demo.next_meeting_id, me).approve_previous()
    with pytest.raises(FrozenRecord):
        lock.acquire(store, demo.held_meeting_id, me) and LiveMeeting(store, demo.held_meeting_id, me).take_item(1)


def test_actions_declarations_and_votes(store, built, me):
    LiveMeeting(store, built.held_id, me).attendance.add_attendee("Mr J Parris", "Community Safety Manager")
    a2 = LiveMeeting(store, built.held_id, me).take_item(built.items["A2"], now=NOW).minute_id
    b1 = LiveMeeting(store, built.held_id, me).take_item(built.items["B1"], now=NOW).minute_id
    LiveMeeting(store, built.held_id, me).record.add_action(b1, "Mr J Parris", "Report back", dt.date(2014, 10, 14))
    LiveMeeting(store, built.held_id, me).record.add_action(b1, "DCI Andy Prichard")
    with store.read() as s:
        acts = s.exec(select(Action).order_by(Action.id)).all()
    assert [(a.owner_name, a.owner_person_id is not None, a.due_date) for a in acts] == [
        ("Mr J Parris", True, dt.date(2014, 10, 14)),
        ("DCI Andy Prichard", False, None),
    ]
    changed = LiveMeeting(store, built.held_id, me).record.add_declaration("Mr David Coleman", "He is a director of KALA", "b2")
    assert changed == [a2]
    assert stored_minutes(store, built.held_id)[0][4] == (
        "Mr David Coleman declared an interest in Item B2 (Kent Community Safety Agreement - Development of a New "
        "Agreement and Performance Update): He is a director of KALA."
    )
    with store.read() as s:
        assert s.exec(select(Declaration)).one().person_id == built.people["coleman"]
    with pytest.raises(InvalidInput):
        LiveMeeting(store, built.held_id, me).record.add_declaration("Mr David Coleman", "x", "B9")
    vote = LiveMeeting(store, built.held_id, me).record.add_vote(
        b1, "That the criteria be agreed", named_for="Mr A, Mr B; Ms C", votes_against=2, abstentions=0
    )
    assert (vote.votes_for, vote.votes_against, vote.named_for) == (3, 2, "Mr A, Mr B, Ms C")
    with pytest.raises(InvalidInput):
        LiveMeeting(store, built.held_id, me).record.add_vote(b1, "x", 4, 0, named_for="Mr A")


def test_match_items_by_code_or_words(store, built):
    items = live_view(store, built.held_id).items
    assert [i.row.code for i in match_items(items, "b3")] == ["B3"]
    assert [i.row.code for i in match_items(items, "domestic homicide")] == ["D1"]
    assert len(match_items(items, "")) == len(items)


# -- the lock -----------------------------------------------------------------------------------


def test_a_second_app_is_refused_and_cannot_write(store, built, me):
    other = lock.Holder.here()
    result = lock.acquire(store, built.held_id, other)
    assert not result.granted and "read-only" in result.message
    mid = LiveMeeting(store, built.held_id, me).take_item(built.items["B1"], now=NOW).minute_id
    with pytest.raises(lock.MeetingLocked):
        LiveMeeting(store, built.held_id, other).save_text(mid, "overwritten")
    with pytest.raises(lock.MeetingLocked):
        LiveMeeting(store, built.held_id, other).attendance.present(built.people["hill"])
    assert stored_minutes(store, built.held_id)[0][4] == ""
    with store.read() as s:
        assert s.exec(select(Attendance)).all() == []


def test_a_lock_expires_without_heartbeat_and_is_taken_over(store, built, me):
    other = lock.Holder.here()
    later = lock.utcnow() + lock.LOCK_TTL + dt.timedelta(seconds=1)
    assert lock.heartbeat(store, built.held_id, me)
    result = lock.acquire(store, built.held_id, other, now=later)
    assert result.granted and result.took_over
    assert not lock.heartbeat(store, built.held_id, me)  # the first app learns it lost the meeting
    lock.release(store, built.held_id, me)  # not ours: nothing happens
    assert not lock.acquire(store, built.held_id, me).granted


def test_a_dead_process_lock_is_free_at_once(store, built):
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    dead = lock.Holder("dead-token", lock.Holder.here().host, child.pid, "someone")
    assert lock.acquire(store, built.held_id, dead).granted
    mine = lock.Holder.here()
    assert lock.acquire(store, built.held_id, mine).took_over
    lock.release(store, built.held_id, mine)
    assert lock.acquire(store, built.held_id, lock.Holder.here()).granted


def test_clerk_live_resumes_the_meeting_in_progress(store, built, me):
    assert lock.resumable_meeting(store) is None
    LiveMeeting(store, built.held_id, me).take_item(built.items["A1"], now=NOW)
    assert lock.resumable_meeting(store) == built.held_id
    LiveMeeting(store, built.held_id, me).end()
    assert lock.resumable_meeting(store) is None


def test_schema_3_databases_gain_the_live_table(tmp_path):
    path = tmp_path / "old.db"
    s = Store.open(path)
    with s.engine.begin() as conn:
        conn.execute(text("DROP TABLE livesession"))
        conn.execute(text("UPDATE clerk_meta SET value = '3' WHERE key = 'schema_version'"))
    s.close()
    s = Store.open(path)
    assert s.schema_version() == SCHEMA_VERSION and s.backup_path is not None
    with s.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM livesession")).scalar() == 0
    s.close()


def test_putting_the_order_right_during_the_meeting(store, built, me):
    """The exclusion of the press minuted after the item it was for is moved before it; a
    minute taken by mistake is deleted and the numbers close up; a minute is made private."""

    LiveMeeting(store, built.held_id, me).take_item(built.items["B1"], now=NOW)
    wrong = LiveMeeting(store, built.held_id, me).take_item(built.items["B2"], now=NOW).minute_id
    d1 = LiveMeeting(store, built.held_id, me).take_item(built.items["D1"], now=NOW).minute_id
    content.set_body(store, d1, "Restricted canary text.")
    exclusion = LiveMeeting(store, built.held_id, me).add_minute("Exclusion of the Press and Public", now=NOW)
    numbers = lambda: [(m.number, m.title) for m in live_view(store, built.held_id).minutes]  # noqa: E731
    assert [n for n, _ in numbers()] == ["64", "65", "66", "67"]

    preview = LiveMeeting(store, built.held_id, me).order.preview_move(exclusion, -1)
    assert {(c.old, c.new) for c in preview if c.old != c.new} == {("66", "67"), ("67", "66")}
    assert numbers()[3][1] == "Exclusion of the Press and Public"  # a preview writes nothing
    LiveMeeting(store, built.held_id, me).order.move(exclusion, -1)
    assert numbers()[2] == ("66", "Exclusion of the Press and Public")
    with pytest.raises(InvalidInput, match="already the last"):
        LiveMeeting(store, built.held_id, me).order.move(d1, +1)

    order = LiveMeeting(store, built.held_id, me).order
    assert not order.has_text(wrong) and order.has_text(d1)
    changes = LiveMeeting(store, built.held_id, me).order.delete(wrong)
    assert changes[0].describe().startswith("minute 65 deleted")
    assert [n for n, _ in numbers()] == ["64", "65", "66"]
    view = live_view(store, built.held_id)
    assert {i.row.code: i.state for i in view.items}["B2"] == TO_COME

    LiveMeeting(store, built.held_id, me).order.restrict(exclusion, True, 3)
    assert live_view(store, built.held_id).minute(exclusion).restricted
    with pytest.raises(InvalidInput, match="1 to 7"):
        LiveMeeting(store, built.held_id, me).order.restrict(exclusion, True, 9)
    other = lock.Holder("other-token", "elsewhere", 1, "someone")
    with pytest.raises(Exception, match=r"(?i)another|open|held"):
        LiveMeeting(store, built.held_id, other).order.delete(d1)
