"""Text cursors blink only when the app does. ``ClerkApp.cursor_blink`` is on unless
CLERK_CURSOR_BLINK=0 (for a clerk who finds the blinking distracting; screenshots need a
cursor that stays put). The choice is made before the widget starts its blink timer, so a
steady cursor never blinks once."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea

from .mixin import WidgetMixin


class AppCursor(WidgetMixin):
    """Mixin for an Input or a TextArea: its cursor blinks as the app says."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            blink = getattr(self.app, "cursor_blink", True)
        except Exception:
            blink = True
        if not blink and isinstance(self, Input):
            self.set_reactive(Input.cursor_blink, False)
        elif not blink and isinstance(self, TextArea):
            self.set_reactive(TextArea.cursor_blink, False)


class BubblingInput(AppCursor, Input):
    """A text box whose keys go up to its screen as Textual sends them: the home filter, whose
    screen acts on Enter and places keys typed before the focus reached it."""
