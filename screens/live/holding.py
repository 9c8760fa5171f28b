"""Holding the meeting: the lock kept alive by a heartbeat, a read-only view (another window
has the meeting, or its notes are signed) that follows what is typed there, and taking the
meeting over when that window has gone."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from clerk.live.meeting import LiveMeeting

from ..widgets.keys import focus_now
from .host import Live

FOLLOW_SECONDS = 2.0  # a read-only view re-reads the meeting this often


class Holding:
    def __init__(self, screen: Live) -> None:
        self.screen = screen

    def open(self) -> tuple[Any, Any, Any]:
        from clerk.live.lock import Holder, LockResult
        from clerk.services import content

        screen = self.screen
        screen.holder = screen.holder or Holder.here()
        screen.meeting = LiveMeeting(screen.store, screen.meeting_id, screen.holder)
        view = screen.meeting.view()
        if view.signed:
            result = LockResult(False, "These notes are signed: their text and numbers never change. This view is read-only.")
        elif view.status.value == "cancelled":
            result = LockResult(False, "This meeting was cancelled; it has no minutes. This view is read-only.")
        elif getattr(screen.app, "read_only", False):
            result = LockResult(False, "clerk was opened read-only.")
        else:
            result = screen.meeting.acquire()
        current = content.content(screen.store, view.current_minute_id) if view.current_minute_id else None
        return view, result, current

    def opened(self, opened: tuple[Any, Any, Any]) -> None:
        screen = self.screen
        view, result, current = opened
        screen.set_read_only(not result.granted, result.message, follow=view.status.value not in ("signed", "cancelled"))
        if result.granted:
            screen.hold_meeting()
        screen.show_view(view)
        if screen.read_only:
            screen.editor.placeholder = ""
            if view.current_minute_id is None and view.minutes:
                current = None
                view = replace(view, current_minute_id=view.minutes[0].id)
                screen.show_view(view)
        if result.granted and result.took_over:
            where = f" at minute {view.current.number}" if view.current else ""
            screen.notify(f"Reopened{where}: clerk had stopped without closing. What you typed is kept.", timeout=5)
        screen.load_minute(view.current_minute_id, current)
        focus_now(screen.editor)
        screen.loaded = True

    def beat(self) -> None:
        if not self.screen.read_only:
            self.screen.background(self.screen.meeting.heartbeat, done=self._beaten, group="heartbeat")

    def _beaten(self, still_ours: bool) -> None:
        if not still_ours and not self.screen.read_only:
            self.screen.set_read_only(
                True,
                "Another clerk window has taken over this meeting; this view is now read-only. "
                "Anything typed in the last second is still on screen: copy it across.",
            )

    def follow(self) -> None:
        if self.screen.read_only:
            wanted = self.screen.minute_id if self.screen.looked_away else None
            self.screen.background(self._read_other, wanted, done=self._followed, group="follow", exclusive=True)

    def _read_other(self, wanted: int | None) -> tuple[Any, Any, bool]:
        from clerk.live.lock import is_free
        from clerk.services import content

        screen = self.screen
        view = screen.meeting.view()
        free = not view.signed and not getattr(screen.app, "read_only", False) and is_free(screen.store, screen.meeting_id)
        target = wanted or view.current_minute_id
        return view, content.content(screen.store, target) if target else None, free

    def _followed(self, result: tuple[Any, Any, bool]) -> None:
        """A read-only view follows the window that is minuting (unless the reader went to
        another minute), and takes the meeting over when that window has gone."""
        if not self.screen.read_only:
            return
        view, current, free = result
        self.screen.show_view(view)
        self.screen.load_minute(current.minute.id if current else None, current)
        if free:
            self.take_over()

    def take_over(self) -> None:
        self.screen.attempt(self.screen.meeting.acquire, then=self._taken_over)

    def _taken_over(self, result: Any) -> None:
        if not result.granted:
            self.screen.notify(result.message, severity="warning", timeout=6)
            return
        self.screen.hold_meeting()
        self.screen.looked_away = False
        self.screen.set_read_only(False)
        self.screen.refresh_view()
        self.screen.load_minute(self.screen.view.current_minute_id if self.screen.view else None)
        self.screen.notify("You have this meeting now.")
