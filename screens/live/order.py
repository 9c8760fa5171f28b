"""The live screen's corrections to the current minute: move it earlier or later, make it
private or public, delete it when it was taken by mistake. The numbering rules are the
LiveMeeting's (``self.meeting.order``); this only asks and shows what changed, once it has."""

from __future__ import annotations

from typing import Any

from clerk.wording import PARAGRAPH_RULE

from .dialogs import ChoiceDialog, FormDialog, FormField, focus_now


def changes_text(changes: list[Any], limit: int = 8) -> str:
    lines = [c.describe() for c in changes if c.old != c.new]
    more = len(lines) - limit
    return "\n".join(lines[:limit] + ([f"… and {more} more"] if more > 0 else [])) or "No number changes."


class MinuteOrderActions:
    def _minute_for_change(self: Any) -> Any:
        minute = self.view.minute(self.minute_id) if self.view and self.minute_id else None
        if minute is None:
            self.notify("Go to the minute first (F2, or alt+↑/↓).", severity="warning")
        return minute

    def action_minute_earlier(self: Any) -> None:
        self._move_minute(-1)

    def action_minute_later(self: Any) -> None:
        self._move_minute(+1)

    def _move_minute(self: Any, step: int) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.save_now()
        self.attempt(self.meeting.order.move, minute.id, step, then=self._moved)

    def _moved(self: Any, changes: list[Any]) -> None:
        self.refresh_view()
        self.show_minute_header()
        moved = [c for c in changes if c.old != c.new]
        self.notify("Renumbered: " + "; ".join(c.describe() for c in moved[:4]) if moved else "Moved.", timeout=6)

    def action_toggle_private(self: Any) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.save_now()
        if minute.restricted:
            if self.attempt(self.meeting.order.restrict, minute.id, False):
                self.refresh_view()
                self.show_minute_header()
                self.notify(f"Minute {minute.number} is public: its text goes into the public notes.", timeout=6)
            return

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            text = values["paragraph"].strip()
            if text and not text.isdigit():
                self.notify(PARAGRAPH_RULE, severity="error")
                return
            paragraph = int(text) if text else None
            if self.attempt(self.meeting.order.restrict, minute.id, True, paragraph):
                self.refresh_view()
                self.show_minute_header()
                self.notify(f"Minute {minute.number} is restricted: the public notes show only its title.", timeout=6)

        self.ask(FormDialog(f"Make minute {minute.number} restricted",
                            [FormField("paragraph", "Schedule 12A paragraph (1–7)")],
                            note="Its text, resolutions and actions stay out of every public export."), done)

    def action_toggle_numbering(self: Any) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.save_now()
        numbered = not self.minute_numbered
        if self.attempt(self.meeting.order.number_paragraphs, minute.id, numbered):
            if not hasattr(self, "numbering_chosen"):
                self.numbering_chosen = {}
            self.numbering_chosen[minute.id] = numbered  # kept for the text still to be typed
            self.load_minute(minute.id)
            self.minute_numbered = numbered
            self.update_labels()
            self.notify(f"Minute {minute.number}: paragraphs " + ("numbered (1), (2) …" if numbered else "not numbered"))

    def action_delete_minute(self: Any) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.save_now()
        order = self.meeting.order

        def ask(preview: list[Any]) -> None:
            self.attempt(order.has_text, minute.id, then=lambda typed: confirm(preview, typed))

        def confirm(preview: list[Any], typed: bool) -> None:
            warning = "Its text is deleted with it.\n\n" if typed else ""
            self.ask(ChoiceDialog(f"Delete minute {minute.number}: {minute.title}?",
                                  warning + changes_text(preview),
                                  [("n", "No, keep it", "keep"), ("y", "Yes, delete it", "delete")]), chosen)

        def chosen(answer: str | None) -> None:
            if answer != "delete":
                focus_now(self.editor)
                return
            self.attempt(order.delete, minute.id, then=deleted)

        def deleted(_changes: list[Any]) -> None:
            self.refresh_view()
            self.load_minute(self.view.current_minute_id if self.view else None)
            focus_now(self.editor)
            self.notify(f"Minute {minute.number} deleted.", timeout=6)

        self.attempt(order.preview_delete, minute.id, then=ask)
