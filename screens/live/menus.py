"""The live screen's meeting-level keys: withdraw or defer an item, the meeting menu
(standard wording, sign the previous notes, private session, attach a file, end the
meeting) and taking over a meeting left open by another window."""

from __future__ import annotations

from typing import Any

from ..widgets.file_picker import FilePicker
from .dialogs import ChoiceDialog, FormDialog, FormField, focus_now
from .panels import AgendaPanel


class MeetingActions:
    def action_withdraw(self: Any) -> None:
        """The item highlighted in the agenda (when the agenda has the focus) or the current minute."""
        panel = self.query_one(AgendaPanel)
        item_id = minute_id = None
        oid = panel.highlighted_id() if panel.has_focus_within else None
        if oid and oid.startswith("item-"):
            item_id = int(oid.split("-")[1])
        elif oid and oid.startswith("minute-"):
            minute_id = int(oid.split("-")[1])
        else:
            minute_id = self.minute_id
        if item_id is None and minute_id is None:
            self.notify("Highlight an item in the agenda (F2), or take it first.", severity="warning")
            return
        item = self.view.item(item_id) if item_id else None
        minute = self.view.minute(minute_id) if minute_id else self.view.minute(item.minute_id if item else None)
        label = f"{item.row.code} {item.row.title}" if item else (minute.heading if minute else "")

        def chosen(state: str | None) -> None:
            if state is not None:
                self._state_sentence(state, item_id, minute.id if minute else None, label)

        self.ask(ChoiceDialog(f"Withdraw or defer: {label}", "", [
            ("w", "Withdrawn", "withdrawn"), ("d", "Deferred", "deferred"), ("t", "Taken after all (neither)", "taken")]), chosen)

    def _state_sentence(self: Any, state: str, item_id: int | None, minute_id: int | None, label: str) -> None:
        def stated(mid: int) -> None:
            self.refresh_view()
            self.load_minute(mid)
            focus_now(self.editor)

        def done(values: dict[str, str] | None) -> None:
            if values is None:
                return
            self.save_now()
            self.attempt(self.meeting.set_item_state, state, values["sentence"], item_id=item_id, minute_id=minute_id,
                         now=self.now(), then=stated)

        def ask(sentence: str) -> None:
            note = "For example: As the Chairman was not able to join the meeting for this item it was withdrawn."
            self.ask(FormDialog(f"{state.capitalize()}: {label}", [FormField("sentence", "The sentence minuted", sentence)],
                                note=note), done)

        if state == "taken":
            done({"sentence": ""})
            return
        self.attempt(self.meeting.state_sentence, state, then=ask)

    # -- the menus ---------------------------------------------------------------------------
    ADD_MENU = [("a", "Action (ctrl+t)", "add_action"), ("d", "Declaration of interest", "declaration"),
                ("v", "Vote, counted or recorded", "vote"), ("f", "Attach a file (ctrl+o)", "attach"),
                ("t", "Rename this minute", "rename"), ("w", "Insert the standard wording of this item", "wording"),
                ("u", "Move this minute earlier (renumbers)", "minute_earlier"),
                ("l", "Move this minute later (renumbers)", "minute_later"),
                ("r", "Make this minute restricted, or public again", "toggle_private"),
                ("n", "Number this minute's paragraphs (1), (2) …, or not", "toggle_numbering"),
                ("x", "Delete this minute (taken by mistake)", "delete_minute")]

    def action_add_menu(self: Any) -> None:
        self.ask(ChoiceDialog("This minute", "", self.ADD_MENU),
                             lambda action: action and getattr(self, f"action_{action}")())

    def action_meeting_menu(self: Any) -> None:
        private = self.view.private if self.view else False
        choices = [
            ("s", "Sign the previous meeting's notes (approved under A3)", "sign_previous"),
            ("p", "Return to public session" if private else "Private session: exclude the press and public", "private_session"),
            ("e", "End the meeting (it is then held; minutes stay editable until signed)", "end_meeting"),
        ]
        choices = [c for c in choices if self.check_action(c[2], ()) is not False]
        choices.append(("q", "Leave this screen (back to the meetings)", "leave"))
        self.ask(ChoiceDialog("Meeting", "", choices), lambda action: action and getattr(self, f"action_{action}")())

    def action_leave(self: Any) -> None:
        self.close_meeting()
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
        else:
            self.app.exit()

    def action_wording(self: Any) -> None:
        def insert(text: str) -> None:
            if text:
                self.insert_block(text)
            else:
                self.notify("This item has no standard wording.", severity="warning")

        if self._minute_required():
            self.attempt(self.meeting.standard_wording, self.minute_id, then=insert)

    def action_sign_previous(self: Any) -> None:
        self.offer_signing(self.view.previous_to_sign if self.view else "")

    def action_private_session(self: Any) -> None:
        if self.view.private:
            self.save_now()
            if self.attempt(self.meeting.go_public):
                self.refresh_view()
                self.notify("Back in public session.")
            return
        self.ask(FormDialog("Exclude the press and public", [FormField("paragraph", "Schedule 12A paragraph (1–7)")],
                                        note="The resolution is minuted; the minutes that follow are restricted."),
                             self._exclude)

    def action_end_meeting(self: Any) -> None:
        self.save_now()
        if self.attempt(self.meeting.end, now=self.now()):
            self.refresh_view()
            self.notify("The meeting has ended. Its notes stay editable until they are approved and signed.")

    def _exclude(self: Any, values: dict[str, str] | None) -> None:
        if values is None:
            return
        if self._go_private(with_minute=True, paragraph=values["paragraph"]):
            self.refresh_view()
            if self.view.minutes:
                self.goto_minute(self.view.minutes[-1].id)

    def offer_signing(self: Any, date_label: str) -> None:
        def signed(approved: Any) -> None:
            self.notify(f"The notes of {approved.signed_date} are signed; their text and numbers can no longer change.",
                        timeout=6)
            self.refresh_view()
            self.load_minute(self.minute_id)

        def chosen(values: dict[str, str] | None) -> None:
            if values is None:
                return
            self.save_now()
            self.attempt(self.meeting.approve_previous, values["amendments"], then=signed)

        what = f"the notes of {date_label}" if date_label else "the previous meeting's notes"
        self.ask(FormDialog(
            f"Approve and sign {what}?", [FormField("amendments", "Subject to these amendments (leave empty if none)")],
            note="Enter signs them now: their text and minute numbers are then frozen. Esc: not now (Meeting menu, ctrl+g, later)."),
            chosen)

    def action_attach(self: Any) -> None:
        if not self._minute_required():
            return
        minute_id = self.minute_id

        def done(path) -> None:
            if path is not None:
                self.background(self.meeting.record.attach, minute_id, path,
                                done=lambda a: (self.notify(f"Attached {a.filename}"), self.load_minute(self.minute_id)))
            focus_now(self.editor)

        self.save_now()
        self.app.push_screen(FilePicker("Attach a file to this minute (a presentation, a tabled paper)"), done)

    def action_take_over(self: Any) -> None:
        self.attempt(self.meeting.acquire, then=self._taken_over)

    def _taken_over(self: Any, result: Any) -> None:
        if not result.granted:
            self.notify(result.message, severity="warning", timeout=6)
            return
        self.hold_meeting()
        self.looked_away = False
        self.set_read_only(False)
        self.refresh_view()
        self.load_minute(self.view.current_minute_id)
        self.notify("You have this meeting now.")
