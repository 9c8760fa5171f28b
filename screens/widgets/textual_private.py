"""Every use of Textual's private API, in one place, each behind a small named hook or function.

clerk needs a few things Textual keeps private: a widget's first look at a key (before its
own handling and the bindings), a text area's paste and rendered lines, its line cache,
the map from screen rows to document lines and the bracket it shows matched. A Textual upgrade may change any of them;
tests/test_textual_private.py fails loudly, naming the one that changed.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.strip import Strip
from textual.widgets import TextArea

from .mixin import WidgetMixin


class FirstLookAtKeys(WidgetMixin):
    """Mixin for a widget: ``first_look(event)`` runs before the widget's own key handling. (Textual
    dispatches its private ``_on_key`` handlers class by class along the MRO.)"""

    async def _on_key(self, event: events.Key) -> None:
        await self.first_look(event)

    async def first_look(self, event: events.Key) -> None:
        """Override; ``event.prevent_default()`` keeps the key from the widget."""


class PasteHook:
    """Mixin for a TextArea: ``paste(event)`` instead of Textual's private ``_on_paste``."""

    async def _on_paste(self, event: events.Paste) -> None:
        await self.paste(event)

    async def paste(self, event: events.Paste) -> None:
        """Override."""


class LineHook:
    """Mixin for a TextArea: ``decorate_line(y, strip)`` sees each rendered row (Textual's
    private ``_render_line``) and returns what is drawn."""

    def _render_line(self, y: int) -> Strip:
        return self.decorate_line(y, super()._render_line(y))  # type: ignore[misc]

    def decorate_line(self, y: int, strip: Strip) -> Strip:
        return strip


def redraw_lines(area: TextArea) -> None:
    """Forget the rendered rows, so the next refresh draws every line again."""
    area._line_cache.clear()


def line_at_row(area: TextArea, y: int) -> tuple[int, int] | None:
    """The document line and wrapped section drawn at screen row ``y``, or None below the text."""
    try:
        return area.wrapped_document._offset_to_line_info[y + area.scroll_offset.y]
    except (IndexError, TypeError):
        return None


def matched_bracket(area: TextArea) -> Any:
    """The location of the bracket matching the one at the cursor (drawn highlighted), or None."""
    return area._matching_bracket_location


def type_in(area: TextArea, text: str) -> Any:
    """Replace the selection with ``text`` as if typed (undo, events, read-only respected);
    returns Textual's edit result, or None when nothing changed."""
    return area._replace_via_keyboard(text, *area.selection)
