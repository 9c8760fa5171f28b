"""What the live screen's keys do with minutes: take an item (with the private-session and
sign-off offers), add a minute with no item, RESOLVED blocks, actions, declarations, votes,
withdrawing and deferring, renaming, attaching, and the meeting menu. Each asks in a small
dialog and calls one method of the LiveMeeting; the rules are in clerk.live."""

from __future__ import annotations

from typing import Any

from .dialogs import ChoiceDialog, FormDialog, FormField, focus_now
from .panels import AgendaPanel


class LiveActions:
    # -- moving between minutes --------------------------------------------------------------
    def goto_minute(self: Any, minute_id: int | None) -> None:
        self.save_now()
        if self.read_only:
            self.looked_away = True
        else:
            self.attempt(self.meeting.set_current, minute_id)
        self.refresh_view()
        self.load_minute(minute_id)
        focus_now(self.editor)

    def action_step_minute(self: Any, step: int) -> None:
        if not self.view or not self.view.minutes:
            return
        ids = [m.id for m in self.view.minutes]
        index = ids.index(self.minute_id) + step if self.minute_id in ids else (0 if step > 0 else len(ids) - 1)
        if 0 <= index < len(ids):
            self.goto_minute(ids[index])

    # -- taking items ------------------------------------------------------------------------
    def action_take_item(self: Any) -> None:
        self.show_panel("agenda")
        focus_now(self.query_one(AgendaPanel).filter)

    def agenda_chosen(self: Any, event: AgendaPanel.Chosen) -> None:
        panel = event.panel
        panel.filter.value = ""
        if event.option_id.startswith("minute-"):
            self.goto_minute(int(event.option_id.split("-")[1]))
        elif event.option_id.startswith("item-"):
            self.take(int(event.option_id.split("-")[1]))

    def take(self: Any, item_id: int) -> None:
        item = self.view.item(item_id)
        if item is not None and item.minute_id is not None:
            self.goto_minute(item.minute_id)
            return
        if self.read_only:
            return
        asked = self.attempt(self.meeting.exclusion_offer, item_id)
        if not asked:
            return
        offer = asked.value
        if offer is None:
            self._take(item_id)
            return

        def private(paragraph: str) -> None:
            if self._go_private(with_minute=True, paragraph=paragraph):
                self._take(item_id)

        def decided(choice: str | None) -> None:
            if choice is None:
                return
            if choice == "minute" and not offer.paragraph:  # the item has none: ask for it
                self.ask(FormDialog("Exclude the press and public", [FormField("paragraph", "Schedule 12A paragraph (1–7)")]),
                         lambda values: values and private(values["paragraph"]))
                return
            if self._go_private(with_minute=choice == "minute", paragraph=offer.paragraph):
                self._take(item_id)

        self.ask(ChoiceDialog(
            f"{item.row.code} is restricted: exclude the press and public first?", offer.wording,
            [("enter", "Minute this resolution, then take the item", "minute"),
             ("n", "Go into private session without minuting a resolution", "private")]), decided)

    def _go_private(self: Any, *, with_minute: bool, paragraph: str = "") -> bool:
        """False when refused (the refusal is shown)."""
        self.save_now()
        return self.attempt(self.meeting.go_private, paragraph=paragraph, with_minute=with_minute, now=self.now())

    def _take(self: Any, item_id: int) -> None:
        self.save_now()
        self.attempt(self.meeting.take_item, item_id, now=self.now(), then=self._taken)

    def _taken(self: Any, taken: Any) -> None:
        self.refresh_view()
        self.load_minute(taken.minute_id)
        focus_now(self.editor)
        if taken.sign_offer:
            self.offer_signing(taken.sign_offer)

    def action_new_minute(self: Any) -> None:
        chair = f"{self.view.vice_chair_title} in the Chair" if self.view else "Vice-Chairman in the Chair"
        fields = [FormField("title", "Title of the minute (type it, or ↓ to pick one)", placeholder="Thanks to …",
                            choices=[chair, "Thanks to a retiring member", "Guest invited to speak", "Announcements"],
                            pick_on_enter=False)]
        self.ask(FormDialog(f"Minute {self.view.next_number}, with no agenda item", fields), self._new_minute)

    def _new_minute(self: Any, values: dict[str, str] | None, body: str = "") -> None:
        if not values:
            return
        self.save_now()
        self.attempt(self.meeting.add_minute, values["title"], body, now=self.now(), then=self._minute_added)

    def _minute_added(self: Any, minute_id: int) -> None:
        self.refresh_view()
        self.load_minute(minute_id)
        focus_now(self.editor)

    # -- writing -----------------------------------------------------------------------------
    def insert_block(self: Any, text: str) -> None:
        from clerk.editing import new_block_at

        if self.read_only or self.minute_id is None:
            self.notify("Take an item first (F2).", severity="warning")
            return
        editor = self.editor
        location, before = new_block_at(editor.document.lines, editor.cursor_location[0])
        result = editor.insert(before + text, location)
        editor.move_cursor(result.end_location)
        focus_now(editor)

    def action_resolution(self: Any) -> None:
        self.insert_block("RESOLVED that ")

    def action_rename(self: Any) -> None:
        minute = self.view.minute(self.minute_id) if self.view else None
        if minute is None:
            return

        def done(values: dict[str, str] | None) -> None:
            if values and self.attempt(self.meeting.rename, minute.id, values["title"]):
                self.refresh_view()
                self.show_minute_header()

        self.ask(FormDialog(f"Rename minute {minute.number}", [FormField("title", "Title", minute.title)]), done)

    def people_names(self: Any, members_only: bool = False) -> list[str]:
        from clerk.live.view import is_member

        rows = self.view.attendance if self.view else ()
        present = {"present", "substitute", "also_present", "in_attendance"}
        return [r.name for r in rows if (r.status and r.status.value in present) and (is_member(r) or not members_only)]

    def _minute_required(self: Any) -> bool:
        if self.minute_id is None:
            self.notify("Take an item first (F2).", severity="warning")
            return False
        return True

    def action_add_action(self: Any) -> None:
        from clerk.errors import ClerkError
        from clerk.services.common import parse_date

        if not self._minute_required():
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
                if self.attempt(self.meeting.record.add_action, self.minute_id, values["owner"], values["description"], due):
                    self.load_minute(self.minute_id)

        fields = [FormField("owner", "Action for (pick, or type a name)", choices=self.people_names()),
                  FormField("description", "What (optional)"), FormField("due", "By (optional date, 14/10/2014)")]
        self.ask(FormDialog("Action", fields, validate=check), done)

    def action_declaration(self: Any) -> None:
        current = self.view.minute(self.minute_id) if self.view else None
        codes = [f"{i.row.code} {i.row.title}" for i in self.view.items if not i.row.is_sub_item]
        fields = [FormField("member", "Member", choices=self.people_names(members_only=True)),
                  FormField("item", "Item (code)", current.item_code if current else "", choices=codes),
                  FormField("nature", "Nature of the interest"),
                  FormField("secret", "Nature restricted (exempt information)? y/n", "n", choices=["n", "y"])]

        def done(values: dict[str, str] | None) -> None:
            if values:
                self.save_now()
                self.attempt(self.meeting.record.add_declaration, values["member"], values["nature"],
                             values["item"].split(" ")[0], minute_id=self.minute_id,
                             nature_restricted=values.get("secret", "").strip().lower().startswith("y"),
                             then=self.after_record_change)

        self.ask(FormDialog("Declaration of interest", fields), done)

    def action_vote(self: Any) -> None:
        if not self._minute_required():
            return
        names = self.people_names(members_only=True)

        def number(text: str) -> int | None:
            return int(text) if text.strip() else None

        def check(values: dict[str, str]) -> str | None:
            bad = [k for k in ("for", "against", "abstain") if values[k] and not values[k].isdigit()]
            return f"Give the number {bad[0]} as digits, or leave it empty." if bad else None

        def done(values: dict[str, str] | None) -> None:
            if values:
                self.attempt(self.meeting.record.add_vote, self.minute_id, values["motion"],
                             number(values["for"]), number(values["against"]), number(values["abstain"]),
                             named_for=values["named_for"], named_against=values["named_against"],
                             named_abstaining=values["named_abstaining"],
                             then=lambda _vote: self.load_minute(self.minute_id))

        fields = [FormField("motion", "Motion"), FormField("for", "For"), FormField("against", "Against"),
                  FormField("abstain", "Abstentions"),
                  FormField("named_for", "Recorded vote – for (names, commas)", choices=names),
                  FormField("named_against", "Recorded vote – against", choices=names),
                  FormField("named_abstaining", "Recorded vote – abstaining", choices=names)]
        self.ask(FormDialog("Vote (counts, or names when a recorded vote is asked for)", fields, validate=check), done)

    def after_record_change(self: Any, changed: list[int]) -> None:
        """The record changed under the minute (attendance, declarations): show it again."""
        self.refresh_view()
        if self.minute_id in changed:
            self.load_minute(self.minute_id)
        else:
            self.show_minute_header()
