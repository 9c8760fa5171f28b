"""A committee's attendance record for a municipal year, from the same table the Word and CSV
files print: [ and ] step a year back and on, w writes it to Word, c to CSV."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label, Static

from .base import ClerkScreen, clerk_app, fit_column
from .widgets.file_picker import default_folder
from .widgets.form import Field, Form, Values

if TYPE_CHECKING:
    from clerk.documents.table import TableDoc


def record_for(store: Any, committee_id: int, year: int) -> TableDoc:
    from clerk.numbering import municipal_year_range
    from clerk.services.attendance_record import attendance_record
    from clerk.services.committees import find_committee

    committee = find_committee(store, committee_id)
    return attendance_record(store, committee_id, *municipal_year_range(year, committee.year_start_month)).table()


class AttendanceScreen(ClerkScreen):
    TITLE = "Attendance record"
    HELP = (
        "Each member's attendance over a municipal year: the meetings held while they were a member, "
        "those they attended, sent apologies for or were substituted at, late arrivals and early departures. "
        "Cancelled meetings are not counted. The Word and CSV files hold the same table."
    )
    DEFAULT_CSS = """
    AttendanceScreen #record-title { text-style: bold; padding: 0 1; }
    AttendanceScreen #record { height: 1fr; }
    AttendanceScreen #record-notes { color: $text-muted; padding: 0 1; height: auto; }
    """
    BINDINGS = [
        Binding("left_square_bracket", "year(-1)", "Year before", id="attendance.earlier"),
        Binding("right_square_bracket", "year(1)", "Year after", id="attendance.later"),
        Binding("w", "write('docx')", "Word", id="attendance.word"),
        Binding("c", "write('csv')", "CSV", id="attendance.csv"),
        Binding("escape", "back", "Back", id="attendance.back"),
    ]

    def __init__(self, committee_id: int, year: int) -> None:
        super().__init__()
        self.committee_id, self.year = committee_id, year
        self.table: TableDoc | None = None
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Label("Loading…", id="record-title")
            yield DataTable(id="record", cursor_type="row", zebra_stripes=True)
            yield Static("", id="record-notes", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#record", DataTable).focus()
        clerk_app(self).when_ready(self.load)

    def load(self) -> None:
        self.loaded = False
        self.background(record_for, self.store, self.committee_id, self.year, done=self.show)

    def show(self, table: TableDoc) -> None:
        self.table = table
        grid = self.query_one("#record", DataTable)
        grid.clear(columns=True)
        width = grid.size.width or self.app.size.width
        wide = sum(max([len(c)] + [len(r[i]) for r in table.rows]) + 2 for i, c in enumerate(table.columns))
        headers = list(table.short_columns if table.short_columns and wide > width else table.columns)
        grid.add_columns(*headers)
        for cells in fit_column([list(r) for r in table.rows], headers, width, 0):
            grid.add_row(*cells)
        self.query_one("#record-title", Label).update(table.subtitle)  # the header says "Attendance record"
        self.query_one("#record-notes", Static).update("\n".join(table.notes) or "No members in this period.")
        self.loaded = True

    def action_year(self, step: int) -> None:
        self.year += step
        self.load()

    def action_write(self, kind: str) -> None:
        publishing = clerk_app(self).publishing
        write, table = (publishing.table if publishing else None), self.table
        if write is None or table is None:
            self.notify("Writing files is not available in this window: open it with the clerk command.", severity="warning")
            return
        name = f"attendance-{self.year}.{kind}"

        def submit(values: Values) -> Any:
            return write(table, values["out"])

        fields = [Field("out", "Save as", str(default_folder() / name))]
        self.app.push_screen(Form(f"Write the attendance record ({kind.upper()})", fields, submit), self._written)

    def _written(self, path: Any) -> None:
        if path is not None:
            self.notify(f"Wrote {path}", title="Attendance record")

    def action_back(self) -> None:
        self.dismiss()


def current_year(start_month: int, today: dt.date | None = None) -> int:
    from clerk.numbering import municipal_year

    return municipal_year(today or dt.date.today(), start_month)
