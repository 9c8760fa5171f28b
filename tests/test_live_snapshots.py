"""Snapshots of the live screen in its main states, at 80×24 and on larger terminals."""

from __future__ import annotations

import pytest

from clerk.demo import load_demo
from clerk.live import lock as live_lock
from clerk.services import signoff

from .live_pilot import FixedClock, live_app, ready
from .live_states import CLOCK, part_way
from .settled import settled


def before(*keys: str):
    """The keys pressed once the meeting is open, then a wait until the screen has settled:
    saved, labels redrawn, no service call running. The clock is frozen at CLOCK and the
    cursors do not blink (tests/conftest.py), so the timers left can change nothing."""

    async def run(pilot) -> None:
        await ready(pilot)
        if keys:
            await pilot.press(*keys)
        await settled(pilot)

    return run


@pytest.fixture
def meeting(store):
    return part_way(store)


def test_minuting_an_item_80x24(snap_compare, store, meeting):
    app = live_app(store, meeting.held_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(80, 24), run_before=before())


def test_attendance_panel_80x24(snap_compare, store, meeting):
    app = live_app(store, meeting.held_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(80, 24), run_before=before("f3", *"co"))


def test_numbered_preview_80x24(snap_compare, store, meeting):
    app = live_app(store, meeting.held_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(80, 24), run_before=before("f12", "f12", "f12"))


def test_taking_an_item_80x24(snap_compare, store, meeting):
    app = live_app(store, meeting.held_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(80, 24), run_before=before("f2", *"meet"))


def test_action_dialog_80x24(snap_compare, store, meeting):
    app = live_app(store, meeting.held_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(80, 24), run_before=before("ctrl+t", *"par"))


def test_private_session_120x36(snap_compare, store):
    built = part_way(store, private=True)
    app = live_app(store, built.held_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(120, 36), run_before=before())


def test_all_panels_170x45(snap_compare, store, meeting):
    app = live_app(store, meeting.held_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(170, 45), run_before=before("up", "up", "up"))


def test_signed_notes_are_read_only_100x30(snap_compare, store):
    demo = load_demo(store)
    signoff.sign(store, demo.held_meeting_id, approved_at_meeting_id=demo.next_meeting_id)
    app = live_app(store, demo.held_meeting_id, FixedClock(CLOCK))
    assert snap_compare(app, terminal_size=(100, 30), run_before=before())
    assert live_lock.is_free(store, demo.held_meeting_id)  # a read-only view takes no lock
