"""The modal for errors that are not the clerk's doing: what happened, and the detail to send on."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class ErrorScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close"), Binding("enter", "dismiss", "Close", show=False)]
    DEFAULT_CSS = """
    ErrorScreen { align: center middle; }
    ErrorScreen > Vertical { width: 90%; max-width: 100; height: 80%; border: thick $error; background: $surface; padding: 1 2; }
    ErrorScreen #summary { text-style: bold; margin-bottom: 1; }
    ErrorScreen VerticalScroll { height: 1fr; border: round $panel; }
    ErrorScreen Button { margin-top: 1; }
    """

    def __init__(self, summary: str, detail: str) -> None:
        super().__init__()
        self.summary, self.detail = summary, detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Something went wrong. Nothing you typed has been lost.", id="title")
            yield Static(self.summary, id="summary", markup=False)
            with VerticalScroll():
                yield Static(self.detail, markup=False)
            yield Button("Close (Esc)", variant="error", id="close")

    def on_button_pressed(self, _event: Button.Pressed) -> None:
        self.dismiss(None)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)
