"""Taking an agenda item from the live screen (with the private-session and sign-off offers
it may bring), private and public session, and signing the previous meeting's notes. Each
asks in a small dialog and calls one method of the LiveMeeting; the rules are in clerk.live."""

from __future__ import annotations

from typing import Any

from .dialogs import ChoiceDialog, FormDialog, FormField, focus_now
from .host import Live
from .minutes import MinuteKeys
from .panels import AgendaPanel

PRIVATE_NOW = "In private session: the minutes that follow are restricted."


class TakingKeys:
    def __init__(self, screen: Live, minutes: MinuteKeys) -> None:
        self.screen = screen
        self.minutes = minutes

    def take_item(self) -> None:
        """F2: the agenda, with the item to take next highlighted (Enter takes it)."""
        self.screen.show_panel("agenda")
        panel = self.screen.query_one(AgendaPanel)
        focus_now(panel.filter)
        item_id = self.screen.view.next_item() if self.screen.view and not panel.filter.value else None
        if item_id is not None:
            panel.refill()
            ids = [panel.options.get_option_at_index(n).id for n in range(panel.options.option_count)]
            if f"item-{item_id}" in ids:
                panel.options.highlighted = ids.index(f"item-{item_id}")

    def agenda_chosen(self, event: AgendaPanel.Chosen) -> None:
        panel = event.panel
        panel.filter.value = ""
        if event.option_id.startswith("minute-"):
            self.minutes.goto_minute(int(event.option_id.split("-")[1]))
        elif event.option_id.startswith("item-"):
            self.take(int(event.option_id.split("-")[1]))

    def take(self, item_id: int) -> None:
        item = self.screen.view.item(item_id)
        if item is not None and item.minute_id is not None:
            self.minutes.goto_minute(item.minute_id)
            return
        if self.screen.read_only:
            return
        asked = self.screen.attempt(self.screen.meeting.exclusion_offer, item_id)
        if not asked:
            return
        offer = asked.value
        if offer is None:
            self._take(item_id)
            return

        def private(paragraph: str) -> None:
            if self.go_private(with_minute=True, paragraph=paragraph):
                self._take(item_id)

        def decided(choice: str | None) -> None:
            if choice is None:
                return
            if choice == "minute" and not offer.paragraphs:  # the item has none: ask for it
                self.screen.ask(
                    FormDialog("Exclude the press and public", [FormField("paragraph", "Schedule 12A paragraph (1–7)")]),
                    lambda values: values and private(values["paragraph"]),
                )
                return
            if self.go_private(with_minute=choice == "minute"):  # the paragraph is the items' own
                self._take(item_id)

        self.screen.ask(
            ChoiceDialog(
                f"{item.row.code} is restricted: exclude the press and public first?",
                offer.wording,
                [
                    ("enter", "Minute this resolution, then take the item", "minute"),
                    ("n", "Go into private session without minuting a resolution", "private"),
                ],
            ),
            decided,
        )

    def go_private(self, *, with_minute: bool, paragraph: str = "") -> Any:
        """What was done (``.value``, a PrivateSession); false when refused (the refusal is shown)."""
        self.screen.save_now()
        return self.screen.attempt(
            self.screen.meeting.go_private, paragraph=paragraph, with_minute=with_minute, now=self.screen.now()
        )

    def _take(self, item_id: int) -> None:
        self.screen.save_now()
        self.screen.attempt(self.screen.meeting.take_item, item_id, now=self.screen.now(), then=self._taken)

    def _taken(self, taken: Any) -> None:
        was_private = bool(self.screen.view and self.screen.view.private)
        self.screen.refresh_view()
        if taken.private and not was_private:
            self.screen.notify(PRIVATE_NOW)
        self.screen.load_minute(taken.minute_id)
        focus_now(self.screen.pane.editor)
        if taken.sign_offer:
            self.offer_signing(taken.sign_offer)

    def sign_previous(self) -> None:
        self.offer_signing(self.screen.view.previous_to_sign if self.screen.view else "")

    def private_session(self) -> None:
        """F10 p: back to public session, or into private session with the resolution to exclude
        the press and public minuted (its paragraph asked for only when no item to come has one)."""
        if self.screen.view.private:
            self.screen.save_now()
            if self.screen.attempt(self.screen.meeting.go_public):
                self.screen.refresh_view()
                self.screen.notify("Back in public session.")
            return
        asked = self.screen.attempt(self.screen.meeting.exclusion_offer)
        if not asked or asked.value is None:
            return
        if asked.value.paragraphs:
            self._exclude({"paragraph": ""})
            return
        self.screen.ask(
            FormDialog(
                "Exclude the press and public",
                [FormField("paragraph", "Schedule 12A paragraph (1–7)")],
                note="The resolution is minuted; the minutes that follow are restricted.",
            ),
            self._exclude,
        )

    def private_unminuted(self) -> None:
        """F10 n: into private session without minuting a resolution."""
        if self.go_private(with_minute=False):
            self.screen.refresh_view()
            self.screen.notify(PRIVATE_NOW)

    def _exclude(self, values: dict[str, str] | None) -> None:
        if values is None:
            return
        done = self.go_private(with_minute=True, paragraph=values["paragraph"])
        if done:
            self.screen.refresh_view()
            if done.value.minute_id is not None:
                self.screen.load_minute(done.value.minute_id)
                focus_now(self.screen.pane.editor)
            self.screen.notify(PRIVATE_NOW)

    def offer_signing(self, date_label: str) -> None:
        def signed(approved: Any) -> None:
            self.screen.notify(
                f"The notes of {approved.signed_date} are signed; their text and numbers can no longer change.", timeout=6
            )
            self.screen.refresh_view()
            self.screen.load_minute(self.screen.minute_id)

        def chosen(values: dict[str, str] | None) -> None:
            if values is None:
                return
            self.screen.save_now()
            self.screen.attempt(self.screen.meeting.approve_previous, values["amendments"], then=signed)

        what = f"the notes of {date_label}" if date_label else "the previous meeting's notes"
        self.screen.ask(
            FormDialog(
                f"Approve and sign {what}?",
                [FormField("amendments", "Subject to these amendments (leave empty if none)")],
                note="Enter signs them now: their text and minute numbers are then frozen. Esc: not now (Meeting menu, ctrl+g, later).",
            ),
            chosen,
        )
