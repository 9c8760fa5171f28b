"""One line of text that repaints alone."""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.widget import Widget


class Line(Widget):
    """One line of text that changes often (the clock, the paragraph under the cursor):
    repainted when it changes, without laying the screen out again as ``Static.update`` does."""

    DEFAULT_CSS = "Line { height: 1; }"

    def __init__(self, text: str | Content = "", **kw: Any) -> None:
        super().__init__(**kw)
        self.text: str | Content = text

    def set(self, text: str | Content) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> Content:
        return self.text if isinstance(self.text, Content) else Content(self.text)
