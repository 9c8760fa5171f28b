"""Reports due: every report expected at a meeting to come, soonest deadline first, with its
author and whether it is attached; planning an item for a meeting (set up or not) and moving a
planned one to another meeting."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label

from clerk.wording import long_date, plural, short_date
from clerk.wording_plan import DEADLINE_STATES, deadline_line

from .base import ClerkScreen, clerk_app, fit_column
from .widgets.form import Field, Form

if TYPE_CHECKING:
    from clerk.models import PlannedItem
    from clerk.services.deadlines import Deadline

STYLES = {"overdue": "bold red", "due": "", "attached": "green"}
KINDS = [("Report", "report"), ("Report to follow", "to_follow"), ("Verbal", "verbal")]
HEADERS = ["Deadline", "State", "Item", "Report", "Author"]


class DeadlinesScreen(ClerkScreen):
    TITLE = "Reports due"
    DEFAULT_CSS = """
    #deadlines { height: 1fr; }
    #deadlines-title, #deadlines-detail { color: $text-muted; }
    """
    HELP = (
        "The reports expected at meetings to come, soonest deadline first: each is due the committee's "
        "number of working days (a committee setting) before the agenda is published, bank holidays not "
        "counted. Overdue ones are red; attached ones green. Item is the report's place on the agenda, or "
        "'plan' for one planned for a meeting whose agenda does not have it yet. n plans an item for a "
        "meeting, set up or not: a draft agenda takes it at once, a meeting set up later when its agenda "
        "is built. m moves a planned item to another meeting. Enter (or o) opens the meeting's agenda, to attach "
        "the report (f there)."
    )
    BINDINGS = [
        Binding("n", "plan", "Plan an item", id="deadlines.plan", tooltip="Plan an item for a meeting to come"),
        Binding("m", "move", "Move", id="deadlines.move", tooltip="Move a planned item to another meeting"),
        Binding("o", "agenda", "Agenda", id="deadlines.agenda", tooltip="Open the meeting's agenda (Enter too)"),
        Binding("f5", "reload", "Reload", id="deadlines.reload", show=False),
        Binding("escape", "back", "Back", id="deadlines.back"),
    ]

    def __init__(self, committee_id: int | None = None) -> None:
        super().__init__()
        self.committee_id = committee_id
        self.rows: list[Deadline] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="deadlines-body"):
            yield Label("Loading…", id="deadlines-title")
            yield DataTable(id="deadlines", cursor_type="row", zebra_stripes=True)
            yield Label("", id="deadlines-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#deadlines", DataTable).focus()
        clerk_app(self).when_ready(self.reload)

    def reload(self, keep: int | None = None) -> None:
        from clerk.services.deadlines import deadlines

        self.loaded = False
        self.background(
            deadlines,
            self.store,
            self.committee_id,
            self.today(),
            done=lambda rows: self._loaded(rows, keep),
            group="deadlines",
            exclusive=True,
        )

    def _loaded(self, rows: list[Deadline], keep: int | None) -> None:
        self.rows, today = rows, self.today()
        table = self.query_one("#deadlines", DataTable)
        table.clear(columns=True)
        for name in HEADERS:
            table.add_column(name)
        cells = [[short_date(r.deadline), DEADLINE_STATES[r.state], r.code or "plan", r.title, r.author or "—"] for r in rows]
        for n, (r, row) in enumerate(zip(rows, fit_column(cells, HEADERS, self.app.size.width, 3, 4), strict=True)):
            table.add_row(*(Text(c, style=STYLES[r.state]) if i == 1 else Text(c) for i, c in enumerate(row)), key=str(n))
        overdue = sum(r.state == "overdue" for r in rows)
        self.query_one("#deadlines-title", Label).update(
            f"{plural(len(rows), 'report')} due at meetings to come, {overdue} overdue · F1: all keys"
            if rows
            else "No reports are expected at meetings to come. n plans one."
        )
        if keep is not None and 0 <= keep < table.row_count:
            table.move_cursor(row=keep)
        self.show_detail(today)
        self.loaded = True

    def current(self) -> Deadline | None:
        table = self.query_one("#deadlines", DataTable)
        return self.rows[table.cursor_row] if self.rows and 0 <= table.cursor_row < len(self.rows) else None

    def show_detail(self, today: dt.date | None = None) -> None:
        r = self.current()
        text = ""
        if r is not None:
            when = deadline_line(r.deadline, today or self.today(), r.state == "attached")
            several = len({d.committee for d in self.rows}) > 1  # the table does not say whose
            text = f"{when} · meeting {short_date(r.meeting_date)} · agenda out {short_date(r.published)}"
            text = f"{r.committee}\n{text}" if several else text
        self.query_one("#deadlines-detail", Label).update(text)

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_agenda()

    # -- keys -----------------------------------------------------------------------------
    def action_plan(self) -> None:
        from clerk.services.committees import list_committees
        from clerk.services.plan import plan_item

        committees = [(c.name, c.id) for c in list_committees(self.store)]
        if not committees:
            self.notify("Add a committee first (F9 on the home screen).", severity="warning")
            return
        current = self.current()
        first = next((cid for name, cid in committees if current and name == current.committee), committees[0][1])

        def submit(values: dict[str, Any]) -> PlannedItem:
            return plan_item(
                self.store,
                int(values["committee"]),
                values["date"],
                values["title"],
                presenter=values["author"],
                kind=values["kind"],
            )

        fields = [
            Field("committee", "Committee", self.committee_id or first, kind="choice", choices=committees),
            Field("date", "Meeting date", "", placeholder="day/month/year"),
            Field("title", "Title"),
            Field("author", "Author or presenter"),
            Field("kind", "Kind", "report", kind="choice", choices=KINDS),
        ]
        self.app.push_screen(Form("Plan an item", fields, submit), self._planned)

    def _planned(self, planned: PlannedItem | None) -> None:
        if planned is not None:
            when = long_date(planned.meeting_date)
            self.notify(
                f"Added to the agenda of {when}."
                if planned.agenda_item_id
                else f"Planned for {when}: its agenda takes it when it is built, or offers it (w)."
            )
            self.reload()

    def action_move(self) -> None:
        from clerk.services.plan import move_planned

        r = self.current()
        if r is None or r.planned_id is None:
            self.notify("Choose a planned item (one from the plan) to move.", severity="warning")
            return
        planned_id, row = r.planned_id, self.query_one("#deadlines", DataTable).cursor_row

        def submit(values: dict[str, Any]) -> int:
            return move_planned(self.store, planned_id, values["date"]).id or 0

        fields = [Field("date", "To the meeting on", "", placeholder="day/month/year")]

        def moved(answer: int | None) -> None:
            if answer is not None:
                self.reload(keep=row)

        self.app.push_screen(Form(f"Move “{r.title}”", fields, submit), moved)

    def action_agenda(self) -> None:
        from .agenda_builder import AgendaScreen

        r = self.current()
        if r is None or r.meeting_id is None:
            self.notify("That meeting is not set up yet: add it from the home screen (F2).", severity="warning")
            return
        self.app.push_screen(AgendaScreen(r.meeting_id))

    def on_screen_resume(self) -> None:
        if self.loaded:
            self.reload(keep=self.query_one("#deadlines", DataTable).cursor_row)

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
