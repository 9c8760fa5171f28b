"""Export: notes (full or public), the agenda, or a bound volume; Word or PDF; where to save.
The writing runs in a worker, with each step shown, and the saved path is said at the end."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk.wording import long_date

from .base import ScreenParts, clerk_app
from .widgets.file_picker import beside, default_folder
from .widgets.form import Field, Form, Values

if TYPE_CHECKING:
    from clerk.storage import Store
    from clerk.usecases.export import ExportChoice


WHAT = [("Notes (minutes)", "notes"), ("Agenda", "agenda"), ("Bound volume of notes", "volume")]
VERSION = [("Full (restricted, for members)", "full"), ("Public (no restricted text)", "public")]
FORMAT = [("Word (.docx)", "docx"), ("PDF (LibreOffice)", "pdf")]
NOT_AVAILABLE = "Exporting is not available in this window: open it with the clerk command to export."


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def export_form(store: Store, meeting_id: int, kind: str = "notes", folder: Path | None = None) -> Form:
    """A form returning an ``clerk.usecases.export.ExportChoice``, saving in ``folder`` unless
    told otherwise (the settings' export folder; ~/Documents or here without one)."""
    from clerk.numbering import municipal_year
    from clerk.services.committees import find_committee
    from clerk.services.meetings import find_meeting

    meeting = find_meeting(store, meeting_id)
    committee = find_committee(store, meeting.committee_id)
    year = municipal_year(meeting.date, committee.year_start_month)
    base = f"{slug(committee.name)}-{meeting.date.isoformat()}"

    def file_name(values: dict[str, Any]) -> str:
        """kcsp-2014-07-08-notes-public.pdf: the public and full versions never share a name."""
        public = "-public" if values["version"] == "public" and values["what"] != "agenda" else ""
        stem = f"{base}-{values['what']}" if values["what"] != "volume" else f"{slug(committee.name)}-{values['year']}-volume"
        return f"{stem}{public}.{'pdf' if values['format'] == 'pdf' else 'docx'}"

    def derive(values: dict[str, Any]) -> dict[str, Any]:
        return {"out": beside(str(values["out"]), file_name(values))}

    fields = [
        Field("what", "Export", kind, kind="choice", choices=WHAT),
        Field("version", "Version", "full", kind="choice", choices=VERSION),
        Field("format", "Format", "docx", kind="choice", choices=FORMAT),
        Field(
            "out",
            "Save as",
            str((folder or default_folder()) / file_name({"what": kind, "version": "full", "format": "docx", "year": year})),
        ),
        Field("year", "Volume: municipal year", str(year), placeholder=f"{year} for {year}/{(year + 1) % 100:02d}"),
    ]

    def submit(values: Values) -> ExportChoice:
        from clerk.errors import InvalidInput
        from clerk.numbering import municipal_year_range
        from clerk.usecases.export import ExportChoice

        out = Path(str(values["out"]).strip()).expanduser()
        if not str(values["out"]).strip():
            raise InvalidInput("Say where to save the file.")
        if out.is_dir():
            out = out / file_name(values)
        if not out.parent.is_dir():
            raise InvalidInput(f"The folder {out.parent} does not exist; choose another place to save.")
        start = end = None
        if values["what"] == "volume":
            if not str(values["year"]).strip().isdigit():
                raise InvalidInput("Give the municipal year as the year it starts, such as 2014.")
            start, end = municipal_year_range(int(values["year"]), committee.year_start_month)
        return ExportChoice(
            values["what"],
            out,
            meeting_id=meeting_id,
            public=values["version"] == "public",
            pdf=values["format"] == "pdf",
            committee_id=committee.id,
            start=start,
            end=end,
        )

    return Form(f"Export: {committee.name}, {long_date(meeting.date)}", fields, submit, derive=derive)


def open_export(screen: ScreenParts, meeting_id: int | None, kind: str = "notes") -> None:
    """Ask what to export, then write it in a worker with its steps shown."""
    if meeting_id is None:
        screen.notify("Choose a meeting first.", severity="warning")
        return
    app = clerk_app(screen.app)
    publishing = app.publishing
    if publishing is None:
        screen.notify(NOT_AVAILABLE, severity="warning")
        return
    asked = screen.attempt(export_form, screen.store, meeting_id, kind, app.export_folder)
    if not asked:
        return
    form = asked.value

    def chosen(choice: ExportChoice | None) -> None:
        if choice is None:
            return

        def progress(step: str) -> None:
            screen.app.call_from_thread(screen.notify, f"{step}…", timeout=3)

        def warn(warning: str) -> None:
            screen.app.call_from_thread(screen.notify, warning, title="Signed notes changed", severity="error", timeout=30)

        def done(path: Path) -> None:
            screen.notify(f"Saved {path}", title="Exported", timeout=15)

        screen.notify(f"Exporting ({'PDF' if choice.pdf else 'Word'})…", timeout=3)
        screen.background(publishing.export, screen.store, choice, progress, warn=warn, done=done, group="export")

    screen.app.push_screen(form, chosen)
