"""Home: committees and their meetings, past and future, with status and minute ranges.
Typing filters the list."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList
from textual.widgets.option_list import Option

from .base import ClerkScreen

ALL = "all"


def fuzzy_match(query: str, text: str) -> bool:
    """Every word of the query is in the text, or its letters come in order (``kcs oct``)."""
    text = text.lower()
    for word in query.lower().split():
        if word in text:
            continue
        pos = 0
        for ch in word:
            pos = text.find(ch, pos) + 1
            if not pos:
                return False
    return True


class HomeScreen(ClerkScreen):
    TITLE = "Meetings"
    HELP = """
Committees on the left, their meetings on the right, oldest first: date, time, status
and the minute numbers each meeting used (64–74). Type to filter: "oct 2014", "held".
New here? Quit (ctrl+q) and run `clerk demo` to load an example partnership.
"""
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", id="home.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="home.clear"),
        Binding("f5", "reload", "Reload", id="home.reload"),
        Binding("f6", "live", "Live", id="home.live"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self.committees: list[Any] = []
        self.committee_filter: str | int = ALL

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Input(placeholder="Type to filter meetings (date, committee, status)…", id="filter")
            with Horizontal(id="panes"):
                yield OptionList(id="committees")
                with Vertical(id="meetings-pane"):
                    yield Label("Loading…", id="meetings-title")
                    yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        for label, key in (("Date", "date"), ("Time", "time"), ("Committee", "committee"), ("Status", "status"), ("Minutes", "minutes"), ("Venue", "venue")):
            table.add_column(label, key=key)
        table.focus()
        self.app.when_ready(self.reload)

    # -- data -------------------------------------------------------------------------
    def reload(self) -> None:
        self.background(self._load, done=self._loaded, group="home-load", exclusive=True)

    def _load(self) -> tuple[list[Any], list[Any]]:
        from clerk.services.committees import list_committees
        from clerk.services.meetings import list_meetings

        return list_committees(self.store), list_meetings(self.store)

    def _loaded(self, result: tuple[list[Any], list[Any]]) -> None:
        self.committees, self.rows = result
        options = self.query_one("#committees", OptionList)
        options.clear_options()
        options.add_option(Option("All committees", id=ALL))
        for c in self.committees:
            options.add_option(Option(c.name, id=str(c.id)))
        self.refill()

    def refill(self) -> None:
        from clerk.services.meetings import status_label

        table = self.query_one("#meetings", DataTable)
        query = self.query_one("#filter", Input).value.strip()
        table.clear()
        shown = 0
        for r in self.rows:
            if self.committee_filter != ALL and r.committee_id != self.committee_filter:
                continue
            status = status_label(r.status)
            date = f"{r.date:%a} {r.date.day} {r.date:%b %Y}"
            if query and not fuzzy_match(query, f"{date} {r.date:%B} {r.date.isoformat()} {r.committee} {status} {r.minutes} {r.venue}"):
                continue
            time = r.start_time.strftime("%H:%M") if r.start_time else ""
            table.add_row(date, time, r.committee, status, r.minutes, r.venue, key=str(r.id))
            shown += 1
        title = self.query_one("#meetings-title", Label)
        if not self.rows:
            title.update("No meetings yet. Quit (ctrl+q) and run `clerk demo` to load an example.")
        else:
            title.update(f"{shown} of {len(self.rows)} meetings" + (f" matching “{query}”" if query else ""))

    # -- events -------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#meetings", DataTable).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option_id = event.option.id or ALL
        self.committee_filter = ALL if option_id == ALL else int(option_id)
        self.refill()

    def on_key(self, event) -> None:
        """Typing a letter anywhere but the filter starts filtering."""
        filter_input = self.query_one("#filter", Input)
        if self.focused is not filter_input and event.character and event.character.isprintable() and event.character not in " /":
            if event.is_printable:
                filter_input.focus()
                filter_input.insert_text_at_cursor(event.character)
                event.stop()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#meetings", DataTable).focus()

    def action_reload(self) -> None:
        self.reload()

    def action_live(self) -> None:
        """Minute the selected meeting live."""
        from .live import LiveScreen

        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            self.notify("Choose a meeting first.", severity="warning")
            return
        self.app.push_screen(LiveScreen(meeting_id))

    def selected_meeting_id(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key and key.value else None
