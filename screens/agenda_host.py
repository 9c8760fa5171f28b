"""What the agenda builder's key handlers (agenda_items, agenda_actions) use of the screen they
serve: its meeting, the rows shown, the highlighted one, and a reload."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from textual.timer import Timer

from .base import ScreenParts

if TYPE_CHECKING:
    from clerk.models import Meeting
    from clerk.services.agenda_rows import AgendaRow


class Agenda(ScreenParts, Protocol):
    meeting_id: int
    meeting: Meeting | None
    rows: list[AgendaRow]
    away: bool  # gone to the live screen: reload when back
    numbered: bool  # the committee's agenda style: items 1, 2, 3 … with no sections

    @property
    def is_current(self) -> bool: ...

    def set_interval(self, interval: float, callback: Callable[[], object] | None = None) -> Timer: ...

    def current_item(self) -> AgendaRow | None: ...

    def current_section(self) -> str: ...

    def reload(self, keep: int | str | None = None) -> None: ...

    def changed(self, item_id: int | None) -> None: ...
