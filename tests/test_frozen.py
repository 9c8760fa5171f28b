"""Signed minutes never change: once the notes are approved at the next meeting, every edit
path is refused with a plain message, and the stored record and its hash stay as signed."""

from __future__ import annotations

import pytest

from clerk.errors import ClerkError, FrozenRecord
from clerk.live import lock as live_lock
from clerk.live.meeting import LiveMeeting
from clerk.services import agenda, attendance, committees, content, meetings, minutes
from clerk.services.signoff import approve_previous, content_hash, signoff_of

from .helpers import minutes_of


@pytest.fixture
def signed(store, demo):
    signoff, wording = approve_previous(store, demo.next_meeting_id, "the spelling of Kenworth in minute 69")
    assert wording.startswith(
        "RESOLVED that, subject to the spelling of Kenworth in minute 69, the notes of the meeting held on 8 July 2014"
    )
    return demo, signoff


def _edits(store, demo, tmp_path):
    held = demo.held_meeting_id
    first = minutes_of(store, held)[0]
    items = agenda.list_items(store, held)
    rows = attendance.list_attendance(store, held)
    (tmp_path / "slides.md").write_text("# x\n")
    me = live_lock.Holder.here()
    live_lock.acquire(store, held, me)
    return {
        "add a minute": lambda: minutes.add_minute(store, held, "Late addition"),
        "move a minute": lambda: minutes.move_minute(store, first.id, 3),
        "delete a minute": lambda: minutes.delete_minute(store, first.id),
        "retype a minute": lambda: content.set_body(store, first.id, "Something else"),
        "rename a minute": lambda: content.update_minute(store, first.id, title="Another title"),
        "withdraw a minute": lambda: content.update_minute(store, first.id, state="withdrawn"),
        "add an action": lambda: content.add_action(store, first.id, "Jim Parris"),
        "add a declaration": lambda: content.add_declaration(store, held, "Mr M Smith", "a pecuniary interest"),
        "record a vote": lambda: content.add_vote(store, first.id, "the motion", 3, 2),
        "attach a file": lambda: content.attach_to_minute(store, first.id, tmp_path / "slides.md"),
        "mark attendance": lambda: attendance.mark(store, held, rows[0].person_id, "apologies"),
        "change the chair": lambda: attendance.set_chair(store, held, rows[1].person_id),
        "record a departure": lambda: attendance.arrive_or_leave(
            store, held, rows[1].person_id, arrived=False, minute_id=first.id
        ),
        "edit the agenda": lambda: agenda.update_item(store, items[0].id, title="Apologies for absence"),
        "add an agenda item": lambda: agenda.add_item(store, held, "B", "New item"),
        "delete an agenda item": lambda: agenda.delete_item(store, items[-1].id),
        "reschedule": lambda: meetings.reschedule(store, held, "2014-07-09"),
        "change the status": lambda: meetings.set_status(store, held, "held"),
        "delete the meeting": lambda: meetings.delete_meeting(store, held),
        "sign again": lambda: approve_previous(store, demo.next_meeting_id),
        "move a minute live": lambda: LiveMeeting(store, held, me).order.move(first.id, +1),
        "delete a minute live": lambda: LiveMeeting(store, held, me).order.delete(first.id),
        "make a minute public live": lambda: LiveMeeting(store, held, me).order.restrict(first.id, False),
        "take an item live": lambda: LiveMeeting(store, held, me).take_item(items[0].id),
    }


def test_every_edit_path_is_refused(store, signed, tmp_path):
    demo, signoff = signed
    with store.read() as s:
        before = content_hash(s, demo.held_meeting_id)
    assert before == signoff.content_hash
    for name, edit in _edits(store, demo, tmp_path).items():
        with pytest.raises(ClerkError) as caught:
            edit()
        message = str(caught.value)
        assert "signed" in message, (name, message)
        assert "\n" not in message and len(message) < 300, (name, message)
    committees.update_committee(store, demo.committee_id, numbering_start=1)  # applies to unsigned notes only
    with store.read() as s:
        assert content_hash(s, demo.held_meeting_id) == before
    assert [m.number for m in minutes_of(store, demo.held_meeting_id)] == list(range(64, 75))


def test_the_cli_refuses_too(store, signed, capsys):
    from clerk.cli import main

    code = main(["--db", str(store.target.path), "approve", "2014-10-14"])
    assert code == 2 and "already signed" in capsys.readouterr().err


def test_the_signoff_records_the_approval(store, signed):
    demo, _ = signed
    record = signoff_of(store, demo.held_meeting_id)
    assert record.approved_at_meeting_id == demo.next_meeting_id
    assert record.approved_on.isoformat() == "2014-10-14"
    assert record.amendments == "the spelling of Kenworth in minute 69"
    assert record.snapshot_full and record.snapshot_public
    with pytest.raises(FrozenRecord):
        minutes.add_minute(store, demo.held_meeting_id, "x")
    # the next meeting is not frozen
    assert minutes.add_minute(store, demo.next_meeting_id, "Apologies").number == 75
