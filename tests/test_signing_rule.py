"""One sign-off rule for every path: notes are signed only once their meeting has ended, and
never while another clerk window holds it live; the refusal says who holds it."""

from __future__ import annotations

import datetime as dt
import os
import socket

import pytest
from sqlmodel import select

from clerk.cli import main
from clerk.errors import ClerkError
from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.models import Meeting, MeetingStatus, SignOff
from clerk.services import meetings, signoff
from clerk.storage import Store

from .live_pilot import FixedClock, live_app, ready
from .settled import settled


def other_window() -> lock.Holder:
    """Another clerk window on this computer, alive (this test's own process)."""
    return lock.Holder("another-window", socket.gethostname(), os.getpid(), "jsmith")


def status_of(store, meeting_id) -> str:
    with store.read() as s:
        return s.get(Meeting, meeting_id).status


def nothing_signed(store, demo) -> None:
    assert status_of(store, demo.held_meeting_id) != MeetingStatus.SIGNED.value
    with store.read() as s:
        assert s.exec(select(SignOff)).first() is None


def test_there_is_one_approve_previous():
    import importlib.util

    assert importlib.util.find_spec("clerk.services.live_decisions") is None
    assert LiveMeeting.approve_previous.__doc__ and "signoff" in LiveMeeting.approve_previous.__doc__


def test_a_meeting_still_in_progress_is_not_signed(store, demo):
    meetings.set_status(store, demo.held_meeting_id, MeetingStatus.IN_PROGRESS)
    with pytest.raises(ClerkError, match=r"8 July 2014.*(not ended|still being minuted)"):
        signoff.approve_previous(store, demo.next_meeting_id)
    with pytest.raises(ClerkError, match="not ended"):
        signoff.sign(store, demo.held_meeting_id, approved_at_meeting_id=demo.next_meeting_id)
    nothing_signed(store, demo)


def test_a_meeting_another_window_holds_is_not_signed_by_any_path(store, demo):
    assert lock.acquire(store, demo.held_meeting_id, other_window()).granted
    for attempt in (
        lambda: signoff.approve_previous(store, demo.next_meeting_id, "the spelling of Kenworth"),
        lambda: signoff.sign(store, demo.held_meeting_id, approved_at_meeting_id=demo.next_meeting_id),
    ):
        with pytest.raises(ClerkError) as refused:
            attempt()
        assert "jsmith" in str(refused.value) and socket.gethostname() in str(refused.value)
    me = lock.Holder.here()
    assert lock.acquire(store, demo.next_meeting_id, me).granted
    with pytest.raises(ClerkError, match="jsmith"):
        LiveMeeting(store, demo.next_meeting_id, me).approve_previous()
    nothing_signed(store, demo)
    # the first window carries on: what it types is saved
    minute = LiveMeeting(store, demo.held_meeting_id, other_window()).add_minute("Any other business", "Typed after.")
    assert minute
    lock.release(store, demo.held_meeting_id, other_window())
    approved = LiveMeeting(store, demo.next_meeting_id, me).approve_previous()
    assert status_of(store, demo.held_meeting_id) == MeetingStatus.SIGNED.value and "8 July 2014" in approved.wording
    assert approved.signed_date == "8 July 2014"


def test_a_window_that_has_died_does_not_stop_signing(store, demo):
    dead = lock.Holder("dead-window", socket.gethostname(), 2**22 + 7, "jsmith")
    assert lock.acquire(store, demo.held_meeting_id, dead).granted
    signoff.approve_previous(store, demo.next_meeting_id)
    assert status_of(store, demo.held_meeting_id) == MeetingStatus.SIGNED.value


def test_clerk_approve_refuses_in_one_line(tmp_path, capsys):
    db = tmp_path / "demo.db"
    assert main(["--db", str(db), "demo"]) == 0
    store = Store.open(db)
    try:
        with store.read() as s:
            held = s.exec(select(Meeting).where(Meeting.date == dt.date(2014, 7, 8))).one().id
        assert lock.acquire(store, held, other_window()).granted
    finally:
        store.close()
    capsys.readouterr()
    assert main(["--db", str(db), "approve", "2014-10-14"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("clerk: ") and "jsmith" in err and "Traceback" not in err


async def test_taking_a3_in_the_next_meetings_live_screen_is_refused_while_another_window_holds_it(store, demo):
    assert lock.acquire(store, demo.held_meeting_id, other_window()).granted
    app = live_app(store, demo.next_meeting_id, FixedClock(dt.datetime(2014, 10, 14, 14, 0)))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f2", "a", "3", "enter")  # minute 75, and the offer to sign 8 July
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)
        said = " ".join(str(n.message) for n in app._notifications)
        await pilot.press("ctrl+q")
    assert "jsmith" in said
    nothing_signed(store, demo)
