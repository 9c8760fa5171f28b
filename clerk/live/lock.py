"""One app at a time minutes a meeting: a lock row in the database, kept alive by a heartbeat.

The app that opens a meeting live takes the lock and refreshes it every few seconds. A
second app finds it held and is given a read-only view. A lock is free again when its
heartbeat is older than ``LOCK_TTL`` (a laptop that went away) or at once when the
process that held it on this computer is gone (a crash, ``kill -9``).
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import socket
import uuid
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..errors import ClerkError
from ..models import LiveSession, Meeting
from ..services.common import get, lock_committee
from ..storage import Store

LOCK_TTL = dt.timedelta(seconds=30)
HEARTBEAT_SECONDS = 5.0


class MeetingLocked(ClerkError):
    """Another app is minuting this meeting; this one may only look."""


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class Holder:
    """This app, as the lock records it."""

    token: str
    host: str
    pid: int
    user: str

    @classmethod
    def here(cls) -> Holder:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):
            user = ""
        return cls(uuid.uuid4().hex, socket.gethostname(), os.getpid(), user)


@dataclass(frozen=True)
class LockResult:
    granted: bool
    message: str = ""  # why not, for the clerk
    took_over: bool = False  # the lock of an app that had died was taken over


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def is_stale(row: LiveSession, now: dt.datetime, ttl: dt.timedelta = LOCK_TTL) -> bool:
    if not row.holder:
        return True
    if row.heartbeat_at is None or now - row.heartbeat_at > ttl:
        return True
    return row.holder_host == socket.gethostname() and not _pid_alive(row.holder_pid)


def holder_of(row: LiveSession) -> str:
    """Who holds the meeting, as the lock records it: "jsmith on pc-12, process 4242 since 14:05"."""
    who = " ".join(p for p in (row.holder_user, f"on {row.holder_host}" if row.holder_host else "") if p) or "another user"
    since = f" since {row.locked_at.astimezone():%H:%M}" if row.locked_at is not None else ""
    return f"{who}, process {row.holder_pid}{since}"


def describe(row: LiveSession) -> str:
    return (
        f"This meeting is being minuted in another clerk window ({holder_of(row)}). "
        "You have a read-only view; it follows what is typed there."
    )


def held_elsewhere(
    session: Session, meeting_id: int, holder: Holder | None = None, *, now: dt.datetime | None = None
) -> LiveSession | None:
    """The lock row when a live app other than ``holder`` holds the meeting; None when it is free."""
    row = live_row(session, meeting_id)
    if row is None or is_stale(row, now or utcnow()) or (holder is not None and row.holder == holder.token):
        return None
    return row


def live_row(session: Session, meeting_id: int, *, create: bool = False) -> LiveSession | None:
    row = session.exec(select(LiveSession).where(LiveSession.meeting_id == meeting_id)).first()
    if row is None and create:
        row = LiveSession(meeting_id=meeting_id)
        session.add(row)
        session.flush()
    return row


def acquire(
    store: Store, meeting_id: int, holder: Holder, *, now: dt.datetime | None = None, ttl: dt.timedelta = LOCK_TTL
) -> LockResult:
    """Take the meeting for this app, unless a live app holds it."""
    now = now or utcnow()
    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        lock_committee(session, meeting.committee_id)  # serialises two apps opening at once on PostgreSQL
        row = live_row(session, meeting_id, create=True)
        assert row is not None
        if row.holder and row.holder != holder.token and not is_stale(row, now, ttl):
            return LockResult(False, describe(row))
        took_over = bool(row.holder) and row.holder != holder.token
        if row.holder != holder.token or row.locked_at is None:
            row.locked_at = now
        row.holder, row.holder_host, row.holder_pid, row.holder_user = holder.token, holder.host, holder.pid, holder.user
        row.heartbeat_at = now
        session.add(row)
        return LockResult(True, took_over=took_over)


def is_free(store: Store, meeting_id: int, *, now: dt.datetime | None = None, ttl: dt.timedelta = LOCK_TTL) -> bool:
    """Nobody holds the meeting, or its holder has stopped (a read-only view may take it then)."""
    with store.read() as session:
        row = live_row(session, meeting_id)
        return row is None or is_stale(row, now or utcnow(), ttl)


def heartbeat(store: Store, meeting_id: int, holder: Holder, *, now: dt.datetime | None = None) -> bool:
    """Keep the lock alive; False when it is no longer ours (another app took it over)."""
    with store.write() as session:
        row = live_row(session, meeting_id)
        if row is None or row.holder != holder.token:
            return False
        row.heartbeat_at = now or utcnow()
        session.add(row)
        return True


def release(store: Store, meeting_id: int, holder: Holder) -> None:
    with store.write() as session:
        row = live_row(session, meeting_id)
        if row is not None and row.holder == holder.token:
            row.holder, row.holder_pid, row.heartbeat_at = "", 0, None
            session.add(row)


def check_holder(session: Session, meeting_id: int, holder: Holder) -> LiveSession:
    """The live row, when this app holds the meeting; MeetingLocked otherwise."""
    row = live_row(session, meeting_id)
    if row is None or row.holder != holder.token:
        raise MeetingLocked("This meeting is open for minuting in another window; this view is read-only.")
    return row


def _last_minuted(rows: list[tuple[LiveSession, Meeting]]) -> tuple[LiveSession, Meeting]:
    return max(rows, key=lambda rm: rm[0].heartbeat_at or rm[0].locked_at or dt.datetime.min.replace(tzinfo=dt.UTC))


def ended_meeting_message(store: Store) -> str:
    """``clerk live`` with no meeting and none in progress: which meeting ended last and how to
    reopen it ("" when no meeting was minuted live)."""
    from ..models import Committee
    from ..wording_meetings import meeting_ended_message

    with store.read() as session:
        rows = session.exec(select(LiveSession, Meeting).join(Meeting, col(Meeting.id) == LiveSession.meeting_id)).all()
        ended = [(row, m) for row, m in rows if m.ended_at is not None and m.status == "held"]
        if not ended:
            return ""
        meeting = _last_minuted(ended)[1]
        committee = get(session, Committee, meeting.committee_id, "committee")
        shared = session.exec(select(Meeting).where(Meeting.date == meeting.date, Meeting.id != meeting.id)).first()
        reopen = f"clerk live {meeting.date.isoformat()}" + (f' -c "{committee.name}"' if shared else "")
        ended_at = meeting.ended_at
        at = (ended_at.astimezone() if ended_at.tzinfo else ended_at).time() if ended_at else None
        return meeting_ended_message(committee.name, meeting.date, at, reopen)


def resumable_meeting(store: Store) -> int | None:
    """The meeting most recently minuted live and not yet finished (``clerk live`` with no meeting)."""
    with store.read() as session:
        rows = session.exec(select(LiveSession, Meeting).join(Meeting, col(Meeting.id) == LiveSession.meeting_id)).all()
        open_rows = [(row, m) for row, m in rows if m.status == "in_progress"]
        if not open_rows:
            return None
        return _last_minuted(open_rows)[1].id
