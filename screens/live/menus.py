"""The live screen's meeting-level keys: withdraw or defer an item, the F8 menu of this
minute and the F10 menu of the meeting (standard wording, attach a file, end, leave)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..widgets.file_picker import FilePicker
from ..widgets.form import Field, Form
from ..widgets.keys import focus_now
from ..widgets.menu import Menu
from .host import Live
from .minutes import MinuteKeys
from .panels import AgendaPanel


class MeetingKeys:
    ADD_MENU = [
        ("a", "Action (ctrl+t)", "add_action"),
        ("d", "Declaration of interest", "declaration"),
        ("v", "Vote, counted or recorded", "vote"),
        ("c", "Recorded vote: each member present for, against or abstaining", "named_vote"),
        ("f", "Attach a file (ctrl+o)", "attach"),
        ("t", "Rename this minute", "rename"),
        ("w", "Insert the standard wording of this item", "wording"),
        ("e", "Empty this minute's text (ctrl+delete; ctrl+z brings it back)", "clear_minute"),
        ("u", "Move this minute earlier (renumbers)", "minute_earlier"),
        ("l", "Move this minute later (renumbers)", "minute_later"),
        ("r", "Make this minute restricted, or public again", "toggle_private"),
        ("n", "Number this minute's paragraphs (1), (2) …, or not", "toggle_numbering"),
        ("x", "Delete this minute (taken by mistake)", "delete_minute"),
    ]

    def __init__(self, screen: Live, minutes: MinuteKeys) -> None:
        self.screen = screen
        self.minutes = minutes

    def withdraw(self) -> None:
        """The item highlighted in the agenda (when the agenda has the focus) or the current minute."""
        panel = self.screen.query_one(AgendaPanel)
        item_id = minute_id = None
        oid = panel.highlighted_id() if panel.has_focus_within else None
        if oid and oid.startswith("item-"):
            item_id = int(oid.split("-")[1])
        elif oid and oid.startswith("minute-"):
            minute_id = int(oid.split("-")[1])
        else:
            minute_id = self.screen.minute_id
        if item_id is None and minute_id is None:
            self.screen.notify("Highlight an item in the agenda (F2), or take it first.", severity="warning")
            return
        view = self.screen.view
        if view is None:
            return
        item = view.item(item_id) if item_id else None
        minute = view.minute(minute_id) if minute_id else view.minute(item.minute_id if item else None)
        label = f"{item.row.code} {item.row.title}" if item else (minute.heading if minute else "")

        def chosen(state: str | None) -> None:
            if state is not None:
                self._state_sentence(state, item_id, minute.id if minute else None, label)

        self.screen.ask(
            Menu(
                f"Withdraw or defer: {label}",
                "",
                [("w", "Withdrawn", "withdrawn"), ("d", "Deferred", "deferred"), ("t", "Taken after all (neither)", "taken")],
            ),
            chosen,
        )

    def _state_sentence(self, state: str, item_id: int | None, minute_id: int | None, label: str) -> None:
        def stated(mid: int) -> None:
            self.screen.refresh_view()
            self.screen.load_minute(mid)
            focus_now(self.screen.pane.editor)

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            self.screen.save_now()
            self.screen.attempt(
                self.screen.meeting.set_item_state,
                state,
                values["sentence"],
                item_id=item_id,
                minute_id=minute_id,
                now=self.screen.now(),
                then=stated,
            )

        def ask(sentence: str) -> None:
            note = "For example: As the Chairman was not able to join the meeting for this item it was withdrawn."
            self.screen.ask(
                Form(f"{state.capitalize()}: {label}", [Field("sentence", "The sentence minuted", sentence)], intro=note),
                done,
            )

        if state == "taken":
            done({"sentence": ""})
            return
        self.screen.attempt(self.screen.meeting.state_sentence, state, then=ask)

    def add_menu(self) -> None:
        self.screen.ask(
            Menu("This minute", "", self.ADD_MENU), lambda action: action and getattr(self.screen, f"action_{action}")()
        )

    def meeting_menu(self) -> None:
        private = self.screen.view.private if self.screen.view else False
        choices = [
            ("s", "Sign the previous meeting's notes (approved under A3)", "sign_previous"),
            (
                "p",
                "Return to public session" if private else "Private session: exclude the press and public (minuted)",
                "private_session",
            ),
            ("n", "Private session without minuting a resolution", "private_unminuted"),
            ("e", "End the meeting (it is then held; minutes stay editable until signed)", "end_meeting"),
        ]
        choices = [c for c in choices if self.screen.check_action(c[2], ()) is not False]
        choices.append(("q", "Leave this screen (back to the meetings)", "leave"))
        self.screen.ask(Menu("Meeting", "", choices), lambda action: action and getattr(self.screen, f"action_{action}")())

    def leave(self) -> None:
        self.screen.close_meeting()
        if len(self.screen.app.screen_stack) > 1:  # back to the screen below (home)
            self.screen.app.pop_screen()
        else:
            self.screen.app.exit()

    def wording(self) -> None:
        def insert(text: str) -> None:
            if text:
                self.minutes.insert_block(text)
            else:
                self.screen.notify("This item has no standard wording.", severity="warning")

        if self.minutes.minute_required():
            self.screen.attempt(self.screen.meeting.standard_wording, self.screen.minute_id, then=insert)

    def end_meeting(self) -> None:
        """F10 e: asks first, naming the items not taken."""
        from clerk.wording_meetings import not_taken_sentence

        def chosen(choice: str | None) -> None:
            if choice != "end":
                return
            self.screen.save_now()
            if self.screen.attempt(self.screen.meeting.end, now=self.screen.now()):
                self.screen.refresh_view()
                self.screen.notify("The meeting has ended. Its notes stay editable until they are approved and signed.")

        view = self.screen.view
        if view is None:
            return
        self.screen.ask(
            Menu(
                "End the meeting?",
                not_taken_sentence(view.not_taken()),
                [("enter", "End the meeting now", "end")],
            ),
            chosen,
        )

    def clear_minute(self) -> None:
        """ctrl+delete: the current minute's text goes (ctrl+z brings it back)."""
        if self.minutes.minute_required():
            self.screen.pane.clear_text()
            focus_now(self.screen.pane.editor)

    def attach(self) -> None:
        if not self.minutes.minute_required():
            return
        minute_id = self.screen.minute_id

        def attached(attachment: Any) -> None:
            self.screen.notify(f"Attached {attachment.filename}")
            self.screen.load_minute(self.screen.minute_id)

        def done(path: Path | None) -> None:
            if path is not None:
                self.screen.background(self.screen.meeting.record.attach, minute_id, path, done=attached)
            focus_now(self.screen.pane.editor)

        self.screen.save_now()
        self.screen.app.push_screen(FilePicker("Attach a file to this minute (a presentation, a tabled paper)"), done)
