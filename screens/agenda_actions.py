"""What the agenda builder does beyond its items: standard items, copying the previous agenda,
the meeting's details, reports, the pack, the export, and minuting it live."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clerk.wording import long_date

from .agenda_host import Agenda
from .widgets.form import Field, Form, Values
from .widgets.menu import Confirm

EXTRAS = [
    ("Election of Vice-Chairman", "vice_chair_election"),
    ("Action log / matters arising", "matters_arising"),
    ("Exclusion of the press and public", "exclusion"),
    ("Minutes of the previous meeting", "minutes_of_last_meeting"),
]


class AgendaActions:
    def __init__(self, screen: Agenda) -> None:
        self.screen = screen

    def extra(self) -> None:
        """Offers the action log first when earlier meetings left actions (its paper is made
        from them when the pack is built)."""
        from clerk.services.actions import matters_arising_offer
        from clerk.services.agenda_standard import add_extra_standard_item

        def submit(values: Values) -> int | None:
            return add_extra_standard_item(self.screen.store, self.screen.meeting_id, values["which"]).id

        offer = matters_arising_offer(self.screen.store, self.screen.meeting_id)
        choices = EXTRAS if offer is None else sorted(EXTRAS, key=lambda c: c[1] != "matters_arising")
        fields = [Field("which", "Item", choices[0][1], kind="choice", choices=choices)]
        self.screen.app.push_screen(Form("Add a standard item", fields, submit, intro=offer or ""), self.screen.changed)

    def copy_previous(self) -> None:
        from clerk.services.agenda_standard import copy_agenda, previous_meeting_of

        found = self.screen.attempt(previous_meeting_of, self.screen.store, self.screen.meeting_id)
        if not found:
            return
        previous = found.value
        if previous is None:
            self.screen.notify("There is no earlier meeting to copy from.", severity="warning")
            return

        def done(yes: bool | None) -> None:
            if yes and self.screen.attempt(copy_agenda, self.screen.store, previous.id, self.screen.meeting_id):
                self.screen.reload()
                self.screen.notify(f"Copied the agenda of {long_date(previous.date)}.")

        self.screen.app.push_screen(
            Confirm(
                f"Replace this agenda with a copy of {long_date(previous.date)}'s?",
                "Items and sub-items are copied without page ranges; A3 and C1 take this meeting's dates.",
            ),
            done,
        )

    def meeting(self) -> None:
        from .meeting_setup import meeting_form

        meeting = self.screen.meeting
        if meeting is None:
            return

        def saved(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.screen.reload()

        self.screen.app.push_screen(meeting_form(self.screen.store, meeting.committee_id, meeting), saved)

    def attach(self) -> None:
        from clerk.services.reports import attach_report

        from .widgets.file_picker import FilePicker

        row = self.screen.current_item()
        if row is None or row.parent_id is not None:
            self.screen.notify("Choose the item the report is for.", severity="warning")
            return

        def chosen(path: Path | None) -> None:
            if path is None:
                return
            attached = self.screen.attempt(attach_report, self.screen.store, self.screen.meeting_id, row.id, path)
            if attached:
                report = attached.value
                self.screen.notify(
                    f"Attached {report.filename} to {report.code}. clerk keeps its own copy; "
                    "a later file replaces it and this one stays in the history.",
                    timeout=8,
                )
                self.screen.changed(row.id)

        self.screen.app.push_screen(FilePicker(f"Report for {row.code} {row.title} (.docx or PDF)", (".docx", ".pdf")), chosen)

    def pack(self) -> None:

        from .export_dialog import slug
        from .pack_progress import PACKS, PackScreen
        from .widgets.file_picker import beside, default_folder

        base = f"{slug((self.screen.meeting and str(self.screen.meeting.date)) or 'pack')}"

        def submit(values: Values) -> tuple[str, Path]:
            from clerk.errors import InvalidInput

            out = Path(values["out"].strip()).expanduser()
            if not out.parent.is_dir():
                raise InvalidInput(f"The folder {out.parent} does not exist; choose another place to save.")
            return values["kind"], out

        def chosen(choice: tuple[str, Path] | None) -> None:
            if choice is not None:
                self.screen.app.push_screen(
                    PackScreen(self.screen.store, self.screen.meeting_id, *choice), lambda _r: self.screen.reload()
                )

        def name(kind: str) -> str:  # the restricted pack never overwrites the public one
            return f"agenda-pack-{base}.pdf" if kind == "public" else f"agenda-pack-{base}-{kind}.pdf"

        def derive(values: dict[str, Any]) -> dict[str, Any]:
            return {"out": beside(values["out"], name(values["kind"]))}

        fields = [
            Field("kind", "Pack", "public", kind="choice", choices=PACKS),
            Field("out", "Save as", str(default_folder() / name("public"))),
        ]
        self.screen.app.push_screen(Form("Agenda pack", fields, submit, derive=derive), chosen)

    def export(self) -> None:
        from .export_dialog import open_export

        open_export(self.screen, self.screen.meeting_id, kind="agenda")

    def live(self) -> None:
        from .live.screen import LiveScreen

        self.screen.away = True  # reload when back (AgendaScreen.on_screen_resume)
        self.screen.app.push_screen(LiveScreen(self.screen.meeting_id))
