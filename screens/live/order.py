"""The live screen's corrections to the current minute: move it earlier or later, make it
private or public, delete it when it was taken by mistake. The numbering rules are the
LiveMeeting's (``self.meeting.order``); this only asks and shows what changed, once it has."""

from __future__ import annotations

from typing import Any

from clerk.wording import PARAGRAPH_RULE

from ..widgets.form import Field, Form
from ..widgets.keys import focus_now
from ..widgets.menu import Menu
from .host import Live


def changes_text(changes: list[Any], limit: int = 8) -> str:
    lines = [c.describe() for c in changes if c.old != c.new]
    more = len(lines) - limit
    return "\n".join(lines[:limit] + ([f"… and {more} more"] if more > 0 else [])) or "No number changes."


class OrderKeys:
    def __init__(self, screen: Live) -> None:
        self.screen = screen

    def _minute_for_change(self) -> Any:
        minute = self.screen.view.minute(self.screen.minute_id) if self.screen.view and self.screen.minute_id else None
        if minute is None:
            self.screen.notify("Go to the minute first (F2, or alt+↑/↓).", severity="warning")
        return minute

    def minute_earlier(self) -> None:
        self._move_minute(-1)

    def minute_later(self) -> None:
        self._move_minute(+1)

    def _move_minute(self, step: int) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.screen.save_now()
        self.screen.attempt(self.screen.meeting.order.move, minute.id, step, then=self._moved)

    def _moved(self, changes: list[Any]) -> None:
        self.screen.refresh_view()
        self.screen.show_minute_header()
        moved = [c for c in changes if c.old != c.new]
        self.screen.notify("Renumbered: " + "; ".join(c.describe() for c in moved[:4]) if moved else "Moved.", timeout=6)

    def toggle_private(self) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.screen.save_now()
        if minute.restricted:
            if self.screen.attempt(self.screen.meeting.order.restrict, minute.id, False):
                self.screen.refresh_view()
                self.screen.show_minute_header()
                self.screen.notify(f"Minute {minute.number} is public: its text goes into the public notes.", timeout=6)
            return

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            text = values["paragraph"].strip()
            if text and not text.isdigit():
                self.screen.notify(PARAGRAPH_RULE, severity="error")
                return
            paragraph = int(text) if text else None
            if self.screen.attempt(self.screen.meeting.order.restrict, minute.id, True, paragraph):
                self.screen.refresh_view()
                self.screen.show_minute_header()
                self.screen.notify(f"Minute {minute.number} is restricted: the public notes show only its title.", timeout=6)

        self.screen.ask(
            Form(
                f"Make minute {minute.number} restricted",
                [Field("paragraph", "Schedule 12A paragraph (1–7)")],
                intro="Its text, resolutions and actions stay out of every public export.",
            ),
            done,
        )

    def toggle_numbering(self) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.screen.save_now()
        numbered = not self.screen.pane.minute_numbered
        if self.screen.attempt(self.screen.meeting.order.number_paragraphs, minute.id, numbered):
            self.screen.pane.choose_numbering(minute.id, numbered)  # kept for the text still to be typed
            self.screen.load_minute(minute.id)
            self.screen.pane.minute_numbered = numbered
            self.screen.pane.update_labels()
            self.screen.notify(f"Minute {minute.number}: paragraphs " + ("numbered (1), (2) …" if numbered else "not numbered"))

    def delete_minute(self) -> None:
        minute = self._minute_for_change()
        if minute is None:
            return
        self.screen.save_now()
        order = self.screen.meeting.order

        def ask(preview: list[Any]) -> None:
            self.screen.attempt(order.has_text, minute.id, then=lambda typed: confirm(preview, typed))

        def confirm(preview: list[Any], typed: bool) -> None:
            warning = "Its text is deleted with it.\n\n" if typed else ""
            self.screen.ask(
                Menu(
                    f"Delete minute {minute.number}: {minute.title}?",
                    warning + changes_text(preview),
                    [("n", "No, keep it", "keep"), ("y", "Yes, delete it", "delete")],
                ),
                chosen,
            )

        def chosen(answer: str | None) -> None:
            if answer != "delete":
                focus_now(self.screen.pane.editor)
                return
            self.screen.attempt(order.delete, minute.id, then=deleted)

        def deleted(_changes: list[Any]) -> None:
            self.screen.refresh_view()
            self.screen.load_minute(self.screen.view.current_minute_id if self.screen.view else None)
            focus_now(self.screen.pane.editor)
            self.screen.notify(f"Minute {minute.number} deleted.", timeout=6)

        self.screen.attempt(order.preview_delete, minute.id, then=ask)
