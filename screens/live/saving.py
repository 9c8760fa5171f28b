"""Never lose a word: what is typed is handed to the saver by a timer (never on the
keystroke path) and written by a thread within a second, and at once on every switch and
on quit. The meeting is held by a lock kept alive by a heartbeat; a read-only view (another
window has the meeting, or its notes are signed) follows what is typed there."""

from __future__ import annotations

from typing import Any

from textual.widgets import Static, TextArea

from ..widgets.autosave import Autosaver

AUTOSAVE_SECONDS = 0.5  # the first change is stored at most this long after it is typed
FOLLOW_SECONDS = 2.0  # a read-only view re-reads the meeting this often


class Saving:
    def hold_meeting(self: Any) -> None:
        """This window has the meeting: save what is typed, keep the lock alive."""
        from clerk.live.lock import HEARTBEAT_SECONDS

        if self.saver is None:
            self.saver = Autosaver(self._store_text)
        if getattr(self, "_heartbeat", None) is None:
            self._heartbeat = self.set_interval(HEARTBEAT_SECONDS, self._beat)

    def set_read_only(self: Any, read_only: bool, message: str = "", *, follow: bool = True) -> None:
        self.read_only = read_only
        self.lock_message = message if read_only else ""
        self.query_one("#live-banner", Static).update(self.lock_message)
        self.editor.read_only = read_only or self.minute_id is None
        if read_only and follow and not getattr(self, "_following", None):
            self._following = self.set_interval(FOLLOW_SECONDS, self._follow)
        self.lay_out()
        self.refresh_bindings()


    def on_text_area_changed(self: Any, event: TextArea.Changed) -> None:
        if event.text_area.id != "editor":
            return
        if self._skip_changes:
            self._skip_changes -= 1
            return
        if self.read_only or self.minute_id is None or self.saver is None:
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(AUTOSAVE_SECONDS, self._autosave)
        self._labels_soon()

    def on_text_area_selection_changed(self: Any, _event: TextArea.SelectionChanged) -> None:
        self._labels_soon()

    def pending(self: Any) -> str:
        """Besides loading and service calls (ClerkScreen.pending): text not yet stored,
        paragraph labels not yet redrawn."""
        refused = self.saver is not None and self.saver.last_error is not None  # kept until the clerk acts
        if self._save_timer is not None or (self.saver is not None and self.saver.dirty and not refused and not self.read_only):
            return "the minute's text is about to be saved"
        if self._label_timer is not None:
            return "the paragraph labels are about to be redrawn"
        return super().pending()  # type: ignore[misc]

    def _labels_soon(self: Any) -> None:
        if self._label_timer is None:
            self._label_timer = self.set_timer(0.2, self.update_labels)

    def _stage(self: Any) -> None:
        """Hand the text to the saver if it changed. Compared, not flagged: on a switch the
        editor's Changed messages for the last keys may not have arrived yet."""
        if self.minute_id is None or self.saver is None or self.read_only:
            return
        text = self.editor.text
        if text != self._staged_text:
            self.saver.put(self.minute_id, text)
            self._staged_text = text

    def _autosave(self: Any) -> None:
        self._save_timer = None
        self._stage()
        if self.saver is not None and self.saver.dirty:
            self.saved_label = "saving…"
            self.background(self.saver.flush, done=self._saved, group="autosave")

    def text_to_show(self: Any, minute_id: int | None, current: Any) -> str:
        """The minute's text for the editor: what was typed and is not stored yet (a save
        refused or failed), else what is stored. Notes the version the editor's text is based on."""
        if minute_id is None:
            return ""
        if current is not None:
            self._based_on(minute_id, current.minute.version)
        unsaved = self.saver.pending(minute_id) if self.saver is not None else None
        return unsaved if unsaved is not None else (current.body if current is not None else "")

    def _based_on(self: Any, minute_id: int, version: int) -> None:
        self._versions[minute_id] = max(version, self._versions.get(minute_id, version))  # versions only grow

    def _store_text(self: Any, minute_id: int, text: str) -> None:
        chosen = getattr(self, "numbering_chosen", {}).get(minute_id)  # F8 n on a minute with no text yet
        base = self._versions.get(minute_id)
        saved = self.meeting.save_text(minute_id, text, numbered=chosen, base_version=base)
        self._based_on(minute_id, saved.version)

    def _saved(self: Any, ok: bool) -> None:
        from clerk.services.minute_text import MinuteChanged

        error = self.saver.last_error if self.saver else None
        if not ok and isinstance(error, MinuteChanged):
            self.saved_label = "NOT SAVED – changed in another window"
            if error.minute_id not in self._conflicts:
                self.notify(f"{error} Your text is still here: ctrl+s stores it over the other change.",
                            severity="error", timeout=10)
            self._conflicts[error.minute_id] = error.version
        elif ok:
            self.saved_label = f"saved {self.now():%H:%M:%S}"
        else:
            self.saved_label = "NOT SAVED – retrying"
            if self._save_timer is None:
                self._save_timer = self.set_timer(1.0, self._autosave)
            self.notify(f"Not saved yet ({error}); clerk keeps trying. Your text is still here.", severity="error", timeout=4)
        if not self._released:
            self.tick()

    def save_now(self: Any) -> bool:
        """Store everything typed, now (on every switch, before every change, on quit)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._stage()
        if self.saver is None or not self.saver.dirty:
            return True
        ok = self.saver.flush()
        self._saved(ok)
        return ok

    def action_save_now(self: Any) -> None:
        """Store now; a minute whose save was refused (changed in another window) is stored
        over the other change, the clerk having been told."""
        if self.minute_id in self._conflicts:
            self._versions[self.minute_id] = self._conflicts.pop(self.minute_id)
        self.save_now()

    def on_screen_suspend(self: Any) -> None:
        if not self.read_only:
            self.save_now()

    def on_unmount(self: Any) -> None:
        self.close_meeting()

    def close_meeting(self: Any) -> None:
        """Store what is typed and let the meeting go (quitting, leaving the screen)."""
        if self._released or self.read_only or self.saver is None:
            return
        self._released = True
        self.save_now()
        try:
            self.meeting.release()
        except Exception:  # noqa: BLE001 - the lock expires by itself; nothing typed is at stake
            pass

    def _beat(self: Any) -> None:
        if not self.read_only:
            self.background(self.meeting.heartbeat, done=self._beaten, group="heartbeat")

    def _beaten(self: Any, still_ours: bool) -> None:
        if not still_ours and not self.read_only:
            self.set_read_only(True, "Another clerk window has taken over this meeting; this view is now read-only. "
                                     "Anything typed in the last second is still on screen: copy it across.")

    def _follow(self: Any) -> None:
        if self.read_only:
            wanted = self.minute_id if self.looked_away else None
            self.background(self._read_other, wanted, done=self._followed, group="follow", exclusive=True)

    def _read_other(self: Any, wanted: int | None) -> tuple[Any, Any, bool]:
        from clerk.live.lock import is_free
        from clerk.services import content

        view = self.meeting.view()
        free = not view.signed and not getattr(self.app, "read_only", False) and is_free(self.store, self.meeting_id)
        target = wanted or view.current_minute_id
        return view, content.content(self.store, target) if target else None, free

    def _followed(self: Any, result: tuple[Any, Any, bool]) -> None:
        """A read-only view follows the window that is minuting (unless the reader went to
        another minute), and takes the meeting over when that window has gone."""
        if not self.read_only:
            return
        view, current, free = result
        self.show_view(view)
        self.load_minute(current.minute.id if current else None, current)
        if free:
            self.action_take_over()
