"""A key redraws the rows it changed, not the whole text area.

Textual's TextArea repaints its whole region on every edit (its selection is a repainting
reactive). The screen then recomposes every row of that region from every widget whose
clip overlaps it: on the live screen, ten widgets for each letter typed. A letter typed
into a line changes that line's rows only, so the mixin here holds the whole-widget repaint
an edit asks for and redraws just those rows when nothing else can have moved: the document
keeps its lines and its wrapped height, nothing is selected before or after, the cursor was
and stays on the edited line, nothing scrolled, no bracket is matched, and the text area is
not empty (the placeholder) before or after. Anything else (Enter, a join, a paste over
lines, a reflow that adds a row) repaints the whole text area as Textual does.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from textual.geometry import Offset
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, Selection

from .textual_private import matched_bracket


class _Shape(NamedTuple):
    lines: int
    height: int
    scroll: Offset
    selection: Selection
    bracket: Any
    empty: bool


def _shape(area: TextArea) -> _Shape:
    document = area.document
    return _Shape(
        document.line_count,
        area.wrapped_document.height,
        area.scroll_offset,
        area.selection,
        matched_bracket(area),
        document.end == (0, 0),
    )


class RowRefresh:
    """Mixin for a TextArea: an edit within one line redraws only that line's rows."""

    _holding_repaint = False
    _repaint_held = False

    def edit(self, edit: Edit) -> EditResult:
        area: TextArea = self  # type: ignore[assignment]
        before = _shape(area)
        self._holding_repaint, self._repaint_held = True, False
        try:
            result: EditResult = super().edit(edit)  # type: ignore[misc]
        finally:
            self._holding_repaint = False
        if self._repaint_held:
            self._repaint_held = False
            line = self._one_line(edit, before, _shape(area))
            if line is None:
                area.refresh()
            else:
                wrapped = area.wrapped_document
                first = wrapped.location_to_offset((line, 0)).y
                area.refresh_lines(first, len(wrapped.get_offsets(line)) + 1)
        return result

    @staticmethod
    def _one_line(edit: Edit, before: _Shape, after: _Shape) -> int | None:
        """The line whose rows are all that changed, or None to repaint everything."""
        line = edit.top[0]
        same = before.lines == after.lines and before.height == after.height and before.scroll == after.scroll
        if not same or edit.bottom[0] != line or "\n" in edit.text:
            return None
        for shape in (before, after):
            if shape.empty or shape.bracket is not None or shape.selection.start != shape.selection.end:
                return None
            if shape.selection.end[0] != line:
                return None
        return line

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Any:
        if self._holding_repaint and repaint and not (regions or layout or recompose):
            self._repaint_held = True  # decided when the edit is done
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)  # type: ignore[misc]
