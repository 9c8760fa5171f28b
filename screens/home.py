"""Home: committees and their meetings, past and future, with status and minute ranges.
Typing filters the list. The first frame shows the list read without the store (clerk.quick);
it is read again through the services once the store is open, and the keys that act on a
meeting wait for that."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Input, Label, OptionList
from textual.widgets.option_list import Option

from clerk.listing import CommitteeRow, Listing, status_label
from clerk.wording import short_date

if TYPE_CHECKING:
    from clerk.listing import MeetingRow

from .base import ClerkScreen, clerk_app, fit_column
from .home_actions import ALL, HomeActions
from .widgets.cursor import BubblingInput
from .widgets.keyed_table import KeyedTable


def fuzzy_match(query: str, text: str) -> bool:
    """Every word of the query is in the text, or is the initials of words in a row
    (``kcsp oct`` finds the Kent Community Safety Partnership's October meetings)."""
    text = text.lower()
    initials = "".join(w[0] for w in text.replace("-", " ").split() if w)
    return all(word in text or (len(word) > 1 and word in initials) for word in query.lower().split())


def when_open(method: str) -> Callable[..., None]:
    """A key acting on a meeting or committee (``HomeActions.<method>``), done once the store
    is open: pressed while it opens (the list is already shown), it waits for it."""

    def action(screen: HomeScreen, *args: Any) -> None:
        clerk_app(screen).when_ready(partial(getattr(screen.actions, method), *args))

    action.__name__ = action.__qualname__ = f"action_{method}"
    return action


class MeetingsTable(KeyedTable):
    def on_resize(self) -> None:
        if isinstance(self.screen, HomeScreen):
            self.screen.refit()


class HomeScreen(ClerkScreen):
    TITLE = "Meetings"
    AUTO_FOCUS = "#meetings"  # focused as it is composed: the footer is drawn once, with the table's keys
    HELP = (
        "Committees on the left, their meetings on the right, oldest first: date, time, status and the "
        'minute numbers each meeting used (64–74). Type to filter: "oct 2014", "held". Enter opens the '
        "agenda, F6 minutes the meeting live, F7 exports its agenda or notes, ctrl+t (or F10) opens the action log, "
        "ctrl+f searches every meeting's record, ctrl+o imports a council's own notes.\n"
        "New here? Quit (ctrl+q) and run `clerk demo` to load an example partnership."
    )
    BINDINGS = [  # in the footer in this order, as many as fit: the day's work first
        Binding("slash", "focus_filter", "Filter", id="home.filter", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="home.clear"),
        Binding("enter", "agenda", "Agenda", id="home.agenda", show=True),
        Binding("f6", "live", "Live", id="home.live"),
        Binding("f2", "new_meeting", "New", id="home.new", tooltip="A new meeting of the committee"),
        Binding("f7,ctrl+e", "export", "Export", id="home.export"),
        Binding("ctrl+t,f10", "action_log", "Actions", id="home.actions", tooltip="The action log: chase, close, update"),
        Binding("ctrl+r", "deadlines", "Reports due", id="home.deadlines", tooltip="Reports due, the forward plan"),
        Binding("ctrl+f", "search", "Search", id="home.search", priority=True, tooltip="Search every meeting's record"),
        Binding("f4", "settings", "Committee", id="home.settings"),
        Binding("f3", "meeting_details", "Details", id="home.details"),
        Binding("ctrl+o", "import_notes", "Import", id="home.import", tooltip="Import a council's own notes or minutes"),
        Binding("f8", "cancel_meeting", "Cancel meeting", id="home.cancel", show=False),
        Binding("f9", "new_committee", "Add committee", id="home.new_committee", show=False),
        Binding("f5", "reload", "Reload", id="home.reload", show=False),
    ]

    action_live = when_open("live")
    action_agenda = when_open("agenda")
    action_new_meeting = when_open("new_meeting")
    action_meeting_details = when_open("meeting_details")
    action_settings = when_open("settings")
    action_export = when_open("export")
    action_cancel_meeting = when_open("cancel_meeting")
    action_new_committee = when_open("new_committee")
    action_action_log = when_open("action_log")
    action_deadlines = when_open("deadlines")
    action_import_notes = when_open("import_notes")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[MeetingRow] = []
        self.committees: list[CommitteeRow] = []
        self.committee_filter: str | int = ALL
        self.wanted: int | None = None  # the meeting to select once listed (one just imported)
        self.loaded = False  # until the meetings are listed
        self.actions = HomeActions(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield BubblingInput(
                placeholder="Type to filter meetings (date, committee, status)…", id="filter", compact=True, select_on_focus=False
            )
            with Horizontal(id="panes"):
                yield OptionList(id="committees")
                with Vertical(id="meetings-pane"):
                    yield Label("Loading…", id="meetings-title")
                    yield MeetingsTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._columns(with_committee=True)
        early = clerk_app(self).early_listing()
        if early is not None:
            self._show(early)
        clerk_app(self).when_ready(self.reload)

    def refit(self) -> None:
        """The table changed width (the terminal, the committees list shown or hidden): the
        venue takes what the other columns leave."""
        if self.rows and self.query_one("#meetings", DataTable).size.width != getattr(self, "_fitted", None):
            self.refill()

    def on_screen_resume(self) -> None:
        """Back from a meeting (live, agenda, export): its status and minutes may have changed."""
        if getattr(self, "_shown_once", False):
            self.reload()
        self._shown_once = True

    def _columns(self, *, with_committee: bool) -> None:
        table = self.query_one("#meetings", MeetingsTable)
        table.clear(columns=True)
        columns = [("Date", "date"), ("Time", "time"), ("Status", "status"), ("Minutes", "minutes")]
        columns += [("Committee", "committee")] if with_committee else []
        for label, key in [*columns, ("Venue", "venue")]:
            table.add_column(label, key=key)
        self._with_committee = with_committee

    # -- data -------------------------------------------------------------------------
    def reload(self) -> None:
        self.background(self._load, done=self._loaded, group="home-load", exclusive=True)

    def _load(self) -> Listing:
        from clerk.ids import id_of
        from clerk.services.committees import list_committees
        from clerk.services.meetings import list_meetings

        committees = [CommitteeRow(id_of(c), c.name) for c in list_committees(self.store)]
        return Listing(committees, list_meetings(self.store))

    def _loaded(self, result: Listing) -> None:
        self._show(result)
        self.loaded = True

    def _show(self, listing: Listing) -> None:
        self.rows = listing.meetings
        if listing.committees != self.committees or not self.query_one("#committees", OptionList).option_count:
            self.committees = listing.committees
            options = self.query_one("#committees", OptionList)
            options.clear_options()
            options.add_option(Option("All committees", id=ALL))
            for c in self.committees:
                options.add_option(Option(c.name, id=str(c.id)))
        self.refill()

    def refill(self) -> None:
        table = self.query_one("#meetings", MeetingsTable)
        query = self.query_one("#filter", Input).value.strip()
        single = len(self.committees) <= 1
        self.set_class(single, "-single")  # one committee: no list of committees, no column for it
        with_committee = not single and self.committee_filter == ALL
        if with_committee != getattr(self, "_with_committee", True):
            self._columns(with_committee=with_committee)
        keep = self.wanted or (self.selected_meeting_id() if table.row_count else None)
        shown = 0
        rows: list[list[str]] = []
        keys: list[str] = []
        for r in self.rows:
            if self.committee_filter != ALL and r.committee_id != self.committee_filter:
                continue
            status = status_label(r.status)
            date = short_date(r.date)
            if query and not fuzzy_match(
                query, f"{date} {r.date:%B} {r.date.isoformat()} {r.committee} {status} {r.minutes} {r.venue}"
            ):
                continue
            time = r.start_time.strftime("%H:%M") if r.start_time else ""
            cells = [date, time, status, r.minutes] + ([r.committee] if with_committee else []) + [r.venue]
            rows.append(cells)
            keys.append(str(r.id))
            shown += 1
        headers = [str(c.label) for c in table.columns.values()]
        self._fitted = table.size.width
        width = table.size.width or self.app.size.width
        fitted = fit_column(rows, headers, width, -1, *([4] if with_committee else []))
        if (table.show(list(zip(keys, fitted, strict=True))) or self.wanted) and keep is not None:
            with contextlib.suppress(Exception):
                table.move_cursor(row=table.get_row_index(str(keep)))
                self.wanted = None
        title = self.query_one("#meetings-title", Label)
        if not self.rows:
            title.update(
                "No committees yet: F9 adds one, ctrl+o imports notes, or run `clerk demo`."
                if not self.committees
                else "No meetings yet: F2 adds one."
            )
        else:
            title.update(
                f"{shown} of {len(self.rows)} meetings"
                + (f" matching “{query}”" if query else "")
                + " · Enter: agenda · F1: all keys"
            )

    # -- events -------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.refill()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        option_id = event.option.id or ALL
        self.committee_filter = ALL if option_id == ALL else int(option_id)
        self.refill()

    def on_key(self, event: events.Key) -> None:
        """Typing a letter anywhere but the filter starts filtering. The filter types its own
        keys, so a key that reaches the screen came from elsewhere: when the filter has the
        focus already, it was typed before the focus moved (a burst, a paste) and is the
        filter's too, space and "/" included."""
        if self.app.screen is not self:
            return  # typed after a key that opened another screen: not the filter's
        filter_input = self.query_one("#filter", Input)
        if event.key == "enter" and self.focused is filter_input:
            # Enter in the filter opens the highlighted meeting's agenda, as the title line says;
            # the list is brought up to the filter first (its own update may not have come yet)
            event.stop()
            self.refill()
            self.action_agenda()
            return
        character = event.character
        if not (character and event.is_printable and character.isprintable()):
            return
        if self.focused is not filter_input:
            if character in " /":
                return
            event.stop()
            self.set_focus(filter_input)  # at once, so the next key typed lands there too
            filter_input.insert_text_at_cursor(character)
            self._late_at: int | None = filter_input.cursor_position
            return
        # Typed before the focus moved (queued for the list): it goes before what the filter has
        # taken itself since, which was typed after it.
        event.stop()
        at = getattr(self, "_late_at", None)
        if at is None or at > len(filter_input.value):
            filter_input.insert_text_at_cursor(character)
            return
        value, cursor = filter_input.value, filter_input.cursor_position
        filter_input.value = value[:at] + character + value[at:]
        filter_input.cursor_position = cursor + 1 if cursor >= at else cursor
        self._late_at = at + 1

    def action_focus_filter(self) -> None:
        self._late_at = None
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        self.query_one("#filter", Input).value = ""
        self.query_one("#meetings", DataTable).focus()

    def action_reload(self) -> None:
        self.reload()

    def action_search(self) -> None:
        from .search import SearchScreen

        clerk_app(self).when_ready(lambda: self.app.push_screen(SearchScreen()))  # it reads the store

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_agenda()

    def selected_meeting_id(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return int(key.value) if key and key.value else None
