"""The modal for errors that are not the clerk's doing: what happened in a line, where the
detail was saved to send on, and the detail itself only when asked for (d)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class ErrorScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="error.close"),
        Binding("enter", "close", "Close", show=False, id="error.enter"),
        Binding("d", "detail", "Show the detail", id="error.detail"),
    ]
    DEFAULT_CSS = """
    ErrorScreen { align: center middle; }
    ErrorScreen > Vertical { width: 90%; max-width: 100; height: auto; max-height: 90%; border: thick $error; background: $surface; padding: 1 2; }
    ErrorScreen #summary { text-style: bold; margin-bottom: 1; }
    ErrorScreen VerticalScroll { height: auto; max-height: 16; border: round $panel; display: none; }
    ErrorScreen VerticalScroll.-shown { display: block; }
    ErrorScreen #where { color: $text-muted; }
    ErrorScreen Button { margin-top: 1; }
    """

    def __init__(self, summary: str, detail: str, saved: Path | None = None) -> None:
        super().__init__()
        self.summary, self.detail, self.saved = summary, detail, saved

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Something went wrong. Nothing you typed has been lost.", id="title")
            yield Static(self.summary, id="summary", markup=False)
            where = f"The detail is saved in {self.saved} for whoever supports clerk." if self.saved else ""
            yield Static(f"{where} d: show it here. Esc: carry on.".strip(), id="where", markup=False)
            with VerticalScroll():
                yield Static(self.detail, markup=False)
            yield Button("Close (Esc)", variant="error", id="close")

    def action_detail(self) -> None:
        self.query_one(VerticalScroll).toggle_class("-shown")

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
