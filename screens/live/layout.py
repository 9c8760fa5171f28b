"""Which panels the live screen shows: all on a wide terminal, the agenda and one other on a
medium one, one at a time (or none) on a narrow one; F12 switches."""

from __future__ import annotations

from ..widgets.keys import focus_now
from .host import Live

NARROW, WIDE = 100, 150


class PanelLayout:
    def __init__(self, screen: Live) -> None:
        self.screen = screen
        self.side = "agenda"  # the one side panel shown on a narrow terminal
        self.right = "attendance"  # the right-hand panel on a medium one

    def lay_out(self) -> None:
        width = self.screen.size.width or self.screen.app.size.width
        size = "narrow" if width < NARROW else ("medium" if width < WIDE else "wide")
        for name in ("narrow", "medium", "wide"):
            self.screen.set_class(name == size, f"-{name}")
        shown = {"agenda", "attendance", "preview"}
        if size == "medium":
            shown = {"agenda", self.right}
        elif size == "narrow":
            shown = {self.side} - {"none"}
        for panel in ("agenda", "attendance", "preview"):
            widget = self.screen.query_one(f"#{panel}-panel")
            widget.display = panel in shown
            if panel not in shown and widget.has_focus_within:
                focus_now(self.screen.editor)  # never leave the keys going into a hidden panel
        self.screen.query_one("#live-banner").display = bool(self.screen.lock_message)
        if "preview" in shown:
            self.screen.pane.update_labels()

    def show(self, panel: str) -> None:
        width = self.screen.size.width or self.screen.app.size.width
        if width < NARROW:
            self.side = panel
        elif width < WIDE and panel != "agenda":
            self.right = panel
        self.lay_out()

    def cycle(self) -> None:
        width = self.screen.size.width or self.screen.app.size.width
        if width < NARROW:
            order = ["agenda", "attendance", "preview", "none"]
            self.side = order[(order.index(self.side) + 1) % len(order)]
        else:
            self.right = "preview" if self.right == "attendance" else "attendance"
        self.lay_out()
