"""What the live screen's key handlers (minutes, taking, menus, attendance, order) use of the
screen they serve: its meeting, the view shown, the minute pane and a few moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from clerk.live.meeting import LiveMeeting

from ..base import Outcome
from ..widgets.dialog import Answer, Dialog
from .minute_pane import MinutePane


class Live(Protocol):
    meeting: LiveMeeting
    view: Any  # the LiveView shown
    pane: MinutePane
    meeting_id: int
    holder: Any
    loaded: bool
    lock_message: str
    read_only: bool
    looked_away: bool

    @property
    def app(self) -> Any: ...

    @property
    def size(self) -> Any: ...

    @property
    def editor(self) -> Any: ...

    @property
    def store(self) -> Any: ...

    @property
    def minute_id(self) -> int | None: ...

    def now(self) -> dt.datetime: ...

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
    ) -> Any: ...

    def notify(
        self, message: str, *, title: str = "", severity: Any = "information", timeout: float | None = None, markup: bool = True
    ) -> None: ...

    def query_one(self, selector: Any, expect_type: Any = None) -> Any: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None: ...

    def ask(self, dialog: Dialog, on_result: Answer | None = None) -> None: ...

    def save_now(self) -> bool: ...

    def refresh_view(self) -> None: ...

    def show_view(self, view: Any) -> None: ...

    def load_minute(self, minute_id: int | None, current: Any = None) -> None: ...

    def show_minute_header(self) -> None: ...

    def show_panel(self, panel: str) -> None: ...

    def hold_meeting(self) -> None: ...

    def set_read_only(self, read_only: bool, message: str = "", *, follow: bool = True) -> None: ...

    def close_meeting(self) -> None: ...

    def focus_editor(self) -> None: ...

    def set_class(self, add: bool, *class_names: str, update: bool = True) -> Any: ...
