"""What the live screen's keys do with minutes: move between them, add one with no item,
RESOLVED blocks, actions, declarations, votes and renaming. Each asks in a small dialog and
calls one method of the LiveMeeting; the rules are in clerk.live."""

from __future__ import annotations

from .dialogs import FormDialog, FormField, focus_now
from .host import Live


class MinuteKeys:
    def __init__(self, screen: Live) -> None:
        self.screen = screen

    def goto_minute(self, minute_id: int | None) -> None:
        self.screen.save_now()
        if self.screen.read_only:
            self.screen.looked_away = True
        else:
            self.screen.attempt(self.screen.meeting.set_current, minute_id)
        self.screen.refresh_view()
        self.screen.load_minute(minute_id)
        focus_now(self.screen.pane.editor)

    def step_minute(self, step: int) -> None:
        if not self.screen.view or not self.screen.view.minutes:
            return
        ids = [m.id for m in self.screen.view.minutes]
        index = ids.index(self.screen.minute_id) + step if self.screen.minute_id in ids else (0 if step > 0 else len(ids) - 1)
        if 0 <= index < len(ids):
            self.goto_minute(ids[index])

    def ask_new_minute(self) -> None:
        chair = f"{self.screen.view.vice_chair_title} in the Chair" if self.screen.view else "Vice-Chairman in the Chair"
        fields = [
            FormField(
                "title",
                "Title of the minute (type it, or ↓ to pick one)",
                placeholder="Thanks to …",
                choices=[chair, "Thanks to a retiring member", "Guest invited to speak", "Announcements"],
                pick_on_enter=False,
            )
        ]
        self.screen.ask(FormDialog(f"Minute {self.screen.view.next_number}, with no agenda item", fields), self.add_minute)

    def add_minute(self, values: dict[str, str] | None, body: str = "") -> None:
        if not values:
            return
        self.screen.save_now()
        self.screen.attempt(self.screen.meeting.add_minute, values["title"], body, now=self.screen.now(), then=self._minute_added)

    def _minute_added(self, minute_id: int) -> None:
        self.screen.refresh_view()
        self.screen.load_minute(minute_id)
        focus_now(self.screen.pane.editor)

    def insert_block(self, text: str) -> None:
        if self.screen.read_only or self.screen.minute_id is None:
            self.screen.notify("Take an item first (F2).", severity="warning")
            return
        self.screen.pane.insert_block(text)
        focus_now(self.screen.pane.editor)

    def resolution(self) -> None:
        self.insert_block("RESOLVED that ")

    def rename(self) -> None:
        minute = self.screen.view.minute(self.screen.minute_id) if self.screen.view else None
        if minute is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values and self.screen.attempt(self.screen.meeting.rename, minute.id, values["title"]):
                self.screen.refresh_view()
                self.screen.show_minute_header()

        self.screen.ask(FormDialog(f"Rename minute {minute.number}", [FormField("title", "Title", minute.title)]), done)

    def people_names(self, members_only: bool = False) -> list[str]:
        from clerk.live.view import is_member

        rows = self.screen.view.attendance if self.screen.view else ()
        present = {"present", "substitute", "also_present", "in_attendance"}
        return [r.name for r in rows if (r.status and r.status.value in present) and (is_member(r) or not members_only)]

    def minute_required(self) -> bool:
        if self.screen.minute_id is None:
            self.screen.notify("Take an item first (F2).", severity="warning")
            return False
        return True

    def add_action(self) -> None:
        from clerk.errors import ClerkError
        from clerk.services.common import parse_date

        if not self.minute_required():
            return

        def check(values: dict[str, str]) -> str | None:
            if not values["owner"]:
                return "Who is the action for?"
            try:
                values["due"] and parse_date(values["due"])
            except ClerkError as exc:
                return str(exc)
            return None

        def done(values: dict[str, str] | None) -> None:
            if values:
                due = parse_date(values["due"]) if values["due"] else None
                if self.screen.attempt(
                    self.screen.meeting.record.add_action, self.screen.minute_id, values["owner"], values["description"], due
                ):
                    self.screen.load_minute(self.screen.minute_id)

        fields = [
            FormField("owner", "Action for (pick, or type a name)", choices=self.people_names()),
            FormField("description", "What (optional)"),
            FormField("due", "By (optional date, 14/10/2014)"),
        ]
        self.screen.ask(FormDialog("Action", fields, validate=check), done)

    def declaration(self) -> None:
        from .room_dialogs import ask_declaration

        ask_declaration(self.screen, self.people_names(members_only=True), self.after_record_change)

    def vote(self) -> None:
        from .room_dialogs import ask_vote

        if self.minute_required() and self.screen.minute_id is not None:
            ask_vote(self.screen, self.screen.minute_id)

    def named_vote(self) -> None:
        from .named_vote import ask_named_vote

        minute = self.screen.view.minute(self.screen.minute_id) if self.screen.view else None
        if self.minute_required() and minute is not None:
            ask_named_vote(self.screen, minute.id, minute.number)

    def after_record_change(self, changed: list[int]) -> None:
        """The record changed under the minute (attendance, declarations): show it again."""
        self.screen.refresh_view()
        if self.screen.minute_id in changed:
            self.screen.load_minute(self.screen.minute_id)
        else:
            self.screen.show_minute_header()
