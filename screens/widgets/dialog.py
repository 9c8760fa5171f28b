"""What every modal of clerk shares: the answer is handed on at once, and keys typed after it
go on to the screen underneath.

A dialog opened with ``open_dialog(app, dialog, on_result)`` calls ``on_result`` the moment it
is answered (not on the next turn of the event loop, as Textual's ``dismiss`` callbacks are),
so keys typed straight after the answer follow it. Pushed with ``app.push_screen(dialog,
callback)`` it answers through ``dismiss`` as any screen does."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App
from textual.screen import ModalScreen

from ..base import report

DIALOG_CSS = """
    Form, Menu, Confirm { align: center middle; }
    .form-box { width: 90%; max-width: 96; height: auto; max-height: 95%; border: thick $accent; background: $surface; padding: 0 1; }
    .form-title { text-style: bold; width: 1fr; padding-bottom: 1; }
    .form-intro { color: $text-muted; height: auto; max-height: 10; padding-bottom: 1; }
    .form-keys { color: $text-muted; padding-top: 1; }
"""

Answer = Callable[[Any], object]


class Dialog(ModalScreen[Any]):
    """A modal that answers with ``answer(result)``: None when cancelled."""

    DEFAULT_CSS = DIALOG_CSS
    SCOPED_CSS = False

    def __init__(self) -> None:
        super().__init__()
        self.answered = False
        self.on_result: Answer | None = None

    def answer(self, result: Any) -> None:
        if self.answered:
            return
        self.answered = True
        if self.on_result is None:
            self.dismiss(result)
            return
        if self.app.screen is self:
            self.dismiss()
        try:
            self.on_result(result)
        except Exception as exc:
            report(self.app.screen, exc)

    def passed_on(self, event: events.Key) -> bool:
        """A key that reached the dialog after it answered: given to the screen now on top."""
        if not self.answered:
            return False
        event.stop()
        target = self.app.screen.focused or self.app.screen
        if target is not self:
            target.post_message(events.Key(event.key, event.character))
        return True


def open_dialog(app: App[Any], dialog: Dialog, on_result: Answer | None = None) -> None:
    """Open ``dialog``; ``on_result(answer)`` runs the moment it is answered."""
    dialog.on_result = on_result
    app.push_screen(dialog)
