"""Home's actions on the selected meeting or committee: agenda, live, new meeting, details,
committee settings, export, cancel, a new committee. Whatever they change shows when home is
back on top (HomeScreen.on_screen_resume reloads it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from clerk.wording import long_date

from .base import ScreenParts

if TYPE_CHECKING:
    from clerk.listing import CommitteeRow, MeetingRow
    from clerk.models import Meeting

ALL = "all"


class Home(ScreenParts, Protocol):
    """What home's actions use of the home screen: the meetings and committees listed."""

    committee_filter: str | int
    rows: list[MeetingRow]
    committees: list[CommitteeRow]
    wanted: int | None

    def selected_meeting_id(self) -> int | None: ...

    def reload(self) -> None: ...


class HomeActions:
    def __init__(self, screen: Home) -> None:
        self.screen = screen

    def live(self) -> None:
        """Minute the selected meeting live."""
        from .live.screen import LiveScreen

        meeting_id = self.screen.selected_meeting_id()
        if meeting_id is None:
            self.screen.notify("Choose a meeting first.", severity="warning")
            return
        self.screen.app.push_screen(LiveScreen(meeting_id))

    def _meeting_or_warn(self) -> int | None:
        meeting_id = self.screen.selected_meeting_id()
        if meeting_id is None:
            self.screen.notify("Choose a meeting first (↑/↓ in the list).", severity="warning")
        return meeting_id

    def selected_committee_id(self) -> int | None:
        if self.screen.committee_filter != ALL:
            return int(self.screen.committee_filter)
        meeting_id = self.screen.selected_meeting_id()
        row = next((r for r in self.screen.rows if r.id == meeting_id), None)
        if row is not None:
            return row.committee_id
        return self.screen.committees[0].id if len(self.screen.committees) == 1 else None

    def action_log(self) -> None:
        """The action log of the committee chosen (or of the highlighted meeting), open actions first."""
        from .actions import ActionsScreen

        self.screen.app.push_screen(ActionsScreen(self.selected_committee_id()))

    def import_notes(self) -> None:
        """Import a council's own notes: a preview first; once stored, the new meeting is selected."""
        from .base import clerk_app
        from .import_notes import ImportNotesScreen

        if clerk_app(self.screen.app).importing is None:
            self.screen.notify("Importing notes is not available here.", severity="warning")
            return

        def imported(meeting_id: int | None) -> None:
            if meeting_id is not None:  # selected once listed: home reads its list again as it comes back
                self.screen.wanted = meeting_id

        self.screen.app.push_screen(ImportNotesScreen(), imported)

    def agenda(self) -> None:
        from .agenda_builder import AgendaScreen

        if (meeting_id := self._meeting_or_warn()) is not None:
            self.screen.app.push_screen(AgendaScreen(meeting_id))

    def deadlines(self) -> None:
        """Reports due for meetings to come, and the forward plan (the committee chosen on the left, or all)."""
        from .deadlines import DeadlinesScreen

        chosen = self.screen.committee_filter
        self.screen.app.push_screen(DeadlinesScreen(None if chosen == ALL else int(chosen)))

    def new_meeting(self) -> None:
        from .meeting_setup import meeting_form

        committee_id = self.selected_committee_id()
        if committee_id is None:
            self.screen.notify("Choose the committee on the left first, or add one (F9).", severity="warning")
            return

        def created(meeting_id: int | None) -> None:
            if meeting_id is not None:
                from .agenda_builder import AgendaScreen

                self.screen.app.push_screen(AgendaScreen(meeting_id))

        self.screen.app.push_screen(meeting_form(self.screen.store, committee_id), created)

    def meeting_details(self) -> None:
        from clerk.services.meetings import find_meeting

        from .meeting_setup import meeting_form

        if (meeting_id := self._meeting_or_warn()) is None:
            return

        def edit(meeting: Meeting) -> None:
            self.screen.app.push_screen(meeting_form(self.screen.store, meeting.committee_id, meeting))

        self.screen.attempt(find_meeting, self.screen.store, meeting_id, then=edit)

    def settings(self) -> None:
        from .settings import CommitteeScreen

        committee_id = self.selected_committee_id()
        if committee_id is None:
            self.screen.notify("Choose a committee on the left first, or add one (F9).", severity="warning")
            return
        self.screen.app.push_screen(CommitteeScreen(committee_id))

    def export(self) -> None:
        from .export_dialog import open_export

        open_export(self.screen, self._meeting_or_warn())

    def cancel_meeting(self) -> None:
        from clerk.services.meetings import cancel_meeting

        from .widgets.menu import Confirm

        if (meeting_id := self._meeting_or_warn()) is None:
            return
        row = next(r for r in self.screen.rows if r.id == meeting_id)

        def done(yes: bool | None) -> None:
            if yes and self.screen.attempt(cancel_meeting, self.screen.store, meeting_id):
                self.screen.notify(f"The meeting of {long_date(row.date)} is cancelled.")
                self.screen.reload()

        self.screen.app.push_screen(
            Confirm(
                f"Cancel the meeting of {long_date(row.date)}?",
                "It stays in the list, marked cancelled; minute numbers carry on past it.",
            ),
            done,
        )

    def new_committee(self) -> None:
        from clerk.services.committees import create_committee

        from .base import clerk_app
        from .widgets.form import Field, Form, Values

        fields = [
            Field("name", "Name"),
            Field("organisation", "Organisation heading", placeholder="KENT COUNTY COUNCIL"),
            Field("minutes_word", "Heading word", "MINUTES", kind="choice", choices=[("MINUTES", "MINUTES"), ("NOTES", "NOTES")]),
            Field("numbering_start", "Next minute number", "1"),
            Field("default_venue", "Usual venue"),
            Field("contact_name", "Contact officer"),
        ]

        def submit(values: Values) -> int | None:
            from clerk.errors import InvalidInput

            if not str(values["numbering_start"]).strip().isdigit():
                raise InvalidInput("The next minute number is a whole number, such as 161.")
            values["numbering_start"] = int(values["numbering_start"])
            values["paper_size"] = clerk_app(self.screen.app).paper_size  # the settings' paper
            return create_committee(self.screen.store, values.pop("name"), **values).id

        self.screen.app.push_screen(
            Form("New committee", fields, submit, intro="Moving a body onto clerk? Give the number its next minute should have.")
        )
