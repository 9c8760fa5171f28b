"""The minute editor: a text area that labels each paragraph in its gutter and keeps the
order of the keys typed."""

from __future__ import annotations

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widgets import TextArea

from .cursor import AppCursor
from .keys import OrderedKeys
from .row_refresh import RowRefresh
from .textual_private import LineHook, PasteHook, line_at_row, redraw_lines, type_in


class MinuteEditor(AppCursor, OrderedKeys, RowRefresh, PasteHook, LineHook, TextArea):
    """The minute being written, with the label each paragraph will print with ((1), (2), (a))
    in the gutter where the line numbers of a code editor would be: the clerk never types them."""

    GUTTER = 5  # "(12) "
    labels: list[str] = []

    def set_labels(self, labels: list[str]) -> None:
        shown = [label if label.startswith("(") else "" for label in labels]  # RESOLVED is in the text
        if shown != self.labels:
            self.labels = shown
            redraw_lines(self)
            self.refresh()

    async def paste(self, event: events.Paste) -> None:
        """Pasted text goes in as the record will keep it: every printable character, in
        order, without the control characters (escape, BEL) a terminal would obey."""
        from clerk.services.common import clean_text

        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        if result := type_in(self, clean_text(event.text)):
            self.move_cursor(result.end_location)
            self.focus()

    @property
    def gutter_width(self) -> int:
        return self.GUTTER if self.show_line_numbers else 0

    def decorate_line(self, y: int, strip: Strip) -> Strip:
        if not self.show_line_numbers or strip.cell_length < self.GUTTER:
            return strip
        found = line_at_row(self, y)
        if found is None:
            return strip
        line_index, section = found
        label = self.labels[line_index] if section == 0 and line_index < len(self.labels) else ""
        segments = list(strip)
        style = segments[0].style if segments else None
        gutter = Segment(f"{label:>{self.GUTTER - 1}} "[: self.GUTTER], style)
        if segments and segments[0].cell_length == self.GUTTER:  # Textual's line number, in a segment of its own
            return Strip([gutter, *segments[1:]], strip.cell_length)
        return Strip.join([Strip([gutter], self.GUTTER), strip.crop(self.GUTTER, strip.cell_length)])
