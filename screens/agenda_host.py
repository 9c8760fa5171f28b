"""What the agenda builder's key handlers (agenda_items, agenda_actions) use of the screen they
serve: its meeting, the rows shown, the highlighted one, and a reload."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App
from textual.notifications import SeverityLevel
from textual.worker import Worker

from .base import Outcome

if TYPE_CHECKING:
    from clerk.models import Meeting
    from clerk.services.agenda import AgendaRow
    from clerk.storage import Store


class Agenda(Protocol):
    meeting_id: int
    meeting: Meeting | None
    rows: list[AgendaRow]
    away: bool  # gone to the live screen: reload when back

    @property
    def app(self) -> App[Any]: ...

    @property
    def store(self) -> Store: ...

    def current_item(self) -> AgendaRow | None: ...

    def current_section(self) -> str: ...

    def reload(self, keep: int | str | None = None) -> None: ...

    def changed(self, item_id: int | None) -> None: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def attempt(
        self, fn: Callable[..., Any], *args: Any, then: Callable[[Any], None] | None = None, **kwargs: Any
    ) -> Outcome: ...

    def background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        group: str = "service",
        exclusive: bool = False,
        **kwargs: Any,
    ) -> Worker[Any]: ...
