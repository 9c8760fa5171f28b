"""Search: type words, Enter, and every meeting's minutes, resolutions, actions, agenda items and
attached files' names that hold them are listed, best first, with their meeting, minute number
and the words found. Enter on one opens its meeting. Restricted text only when F2 says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Input, Label, OptionList
from textual.widgets.option_list import Option

from clerk.wording_search import RESTRICTED_MARK, found_line, hit_place

from .base import ClerkScreen
from .widgets.keys import PlainInput, focus_now

if TYPE_CHECKING:
    from clerk.services.search import SearchHit, SearchResults

PROMPT = 'Words to find: "Community Trigger" finds them together, trig* finds trigger and triggers. Enter searches.'


def hit_prompt(hit: SearchHit) -> Group:
    """Where it was found, on one line (cut short to fit), and under it the words around it,
    those found marked."""
    place = Text(no_wrap=True, overflow="ellipsis")
    if hit.restricted:
        place.append(f"{RESTRICTED_MARK} ", style="bold red")
    place.append(hit_place(hit.committee, hit.date, hit.minute, hit.kind), style="bold")
    words = Text()
    for piece, found in hit.snippet:
        words.append(piece, style="reverse bold" if found else "")
    return Group(place, Padding(words, (0, 0, 0, 2)))


class SearchScreen(ClerkScreen):
    TITLE = "Search"
    HELP = (
        "Search every meeting's minutes, resolutions, actions, agenda items and attached files' names. "
        'Words in quotes are found together ("Community Trigger"); a * at the end of a word finds '
        "the words starting with it (trig*). Enter searches; ↓ goes to the results, best first; Enter "
        "on one opens its meeting. Restricted text is searched only after F2, and is marked RESTRICTED."
    )
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="search.back"),
        Binding("f2", "toggle_restricted", "Restricted", id="search.restricted"),
        Binding("f5", "search", "Search again", id="search.again", show=False),
        Binding("down", "results", "Results", id="search.results", show=False),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.query_text = query
        self.restricted = False
        self.results: SearchResults | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="search"):
            yield PlainInput(self.query_text, placeholder=PROMPT, id="search-words", compact=True)
            yield Label(self._status(), id="search-status")
            yield OptionList(id="search-hits")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#search-words", Input).focus()
        if self.query_text:
            self.action_search()

    def _status(self) -> str:
        if self.results is not None:
            found = self.results
            return found_line(found.query, len(found.hits), found.more, found.restricted)
        scope = "restricted text searched too (F2: not)" if self.restricted else "restricted text not searched (F2: search it)"
        return f"Type words and press Enter; {scope}."

    # -- searching ---------------------------------------------------------------------
    def action_search(self) -> None:
        from clerk.services.search import search

        query = self.query_one("#search-words", Input).value
        # a search that cannot be read is refused with its message (screens.base.report)
        self.background(search, self.store, query, restricted=self.restricted, done=self._show, group="search", exclusive=True)

    def _show(self, results: SearchResults) -> None:
        self.results = results
        hits = self.query_one("#search-hits", OptionList)
        hits.clear_options()
        hits.add_options(Option(hit_prompt(h), id=str(i)) for i, h in enumerate(results.hits))
        self.query_one("#search-status", Label).update(self._status())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_search()

    def action_toggle_restricted(self) -> None:
        self.restricted = not self.restricted
        self.notify(
            "Restricted text is searched too: not for publication." if self.restricted else "Restricted text is not searched.",
            severity="warning" if self.restricted else "information",
        )
        if self.query_one("#search-words", Input).value.strip():
            self.action_search()
        else:
            self.query_one("#search-status", Label).update(self._status())

    def action_results(self) -> None:
        hits = self.query_one("#search-hits", OptionList)
        if hits.option_count:
            focus_now(hits)  # the Enter typed next reaches the list
            if hits.highlighted is None:
                hits.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from .agenda_builder import AgendaScreen

        if self.results is None or event.option.id is None:
            return
        hit = self.results.hits[int(event.option.id)]
        self.app.push_screen(AgendaScreen(hit.meeting_id, at_item=hit.item_id))
