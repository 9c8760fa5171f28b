"""Home's actions on the selected meeting or committee: agenda, live, new meeting, details,
committee settings, export, cancel, a new committee. Whatever they change shows when home is
back on top (HomeScreen.on_screen_resume reloads it)."""

from __future__ import annotations

from typing import Any

from clerk.wording import long_date

ALL = "all"


class HomeActions:
    def action_live(self: Any) -> None:
        """Minute the selected meeting live."""
        from .live.screen import LiveScreen

        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("Choose a meeting first.", severity="warning")
            return
        self.app.push_screen(LiveScreen(meeting_id))

    def _meeting_or_warn(self: Any) -> int | None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("Choose a meeting first (↑/↓ in the list).", severity="warning")
        return meeting_id

    def selected_committee_id(self: Any) -> int | None:
        if self.committee_filter != ALL:
            return int(self.committee_filter)
        meeting_id = self.selected_meeting_id()
        row = next((r for r in self.rows if r.id == meeting_id), None)
        if row is not None:
            return row.committee_id
        return self.committees[0].id if len(self.committees) == 1 else None

    def action_agenda(self: Any) -> None:
        from .agenda_builder import AgendaScreen

        if (meeting_id := self._meeting_or_warn()) is not None:
            self.app.push_screen(AgendaScreen(meeting_id))

    def action_new_meeting(self: Any) -> None:
        from .meeting_setup import meeting_form

        committee_id = self.selected_committee_id()
        if committee_id is None:
            self.notify("Choose the committee on the left first, or add one (F9).", severity="warning")
            return

        def created(meeting_id: int | None) -> None:
            if meeting_id is not None:
                from .agenda_builder import AgendaScreen

                self.app.push_screen(AgendaScreen(meeting_id))

        self.app.push_screen(meeting_form(self.store, committee_id), created)

    def action_meeting_details(self: Any) -> None:
        from clerk.services.meetings import find_meeting

        from .meeting_setup import meeting_form

        if (meeting_id := self._meeting_or_warn()) is None:
            return
        self.attempt(find_meeting, self.store, meeting_id,
                     then=lambda meeting: self.app.push_screen(meeting_form(self.store, meeting.committee_id, meeting)))

    def action_settings(self: Any) -> None:
        from .settings import CommitteeScreen

        committee_id = self.selected_committee_id()
        if committee_id is None:
            self.notify("Choose a committee on the left first, or add one (F9).", severity="warning")
            return
        self.app.push_screen(CommitteeScreen(committee_id))

    def action_export(self: Any) -> None:
        from .export_dialog import open_export

        open_export(self, self._meeting_or_warn())

    def action_cancel_meeting(self: Any) -> None:
        from clerk.services.meetings import cancel_meeting

        from .forms import ConfirmScreen

        if (meeting_id := self._meeting_or_warn()) is None:
            return
        row = next(r for r in self.rows if r.id == meeting_id)

        def done(yes: bool | None) -> None:
            if yes and self.attempt(cancel_meeting, self.store, meeting_id):
                self.notify(f"The meeting of {long_date(row.date)} is cancelled.")
                self.reload()

        self.app.push_screen(ConfirmScreen(f"Cancel the meeting of {long_date(row.date)}?",
                                           "It stays in the list, marked cancelled; minute numbers carry on past it."), done)

    def action_new_committee(self: Any) -> None:
        from clerk.services.committees import create_committee

        from .forms import Field, FormScreen

        fields = [Field("name", "Name"), Field("organisation", "Organisation heading", placeholder="KENT COUNTY COUNCIL"),
                  Field("minutes_word", "Heading word", "MINUTES", kind="choice", choices=[("MINUTES", "MINUTES"), ("NOTES", "NOTES")]),
                  Field("numbering_start", "Next minute number", "1"), Field("default_venue", "Usual venue"),
                  Field("contact_name", "Contact officer")]

        def submit(values: dict) -> int:
            from clerk.errors import InvalidInput

            if not str(values["numbering_start"]).strip().isdigit():
                raise InvalidInput("The next minute number is a whole number, such as 161.")
            values["numbering_start"] = int(values["numbering_start"])
            return create_committee(self.store, values.pop("name"), **values).id

        self.app.push_screen(FormScreen("New committee", fields, submit,
                                        intro="Moving a body onto clerk? Give the number its next minute should have."))

