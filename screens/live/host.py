"""What the live screen's key handlers (minutes, taking, menus, attendance, order) use of the
screen they serve: its meeting, the view shown, the minute pane and a few moves."""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol, overload

from textual.css.query import QueryType
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import TextArea

from clerk.live.lock import Holder
from clerk.live.meeting import LiveMeeting
from clerk.live.view import LiveView

from ..base import ScreenParts
from ..widgets.dialog import Answer, Dialog
from .minute_pane import MinutePane


class Live(ScreenParts, Protocol):
    meeting: LiveMeeting
    view: LiveView | None  # the view shown, once the meeting is open
    pane: MinutePane
    meeting_id: int
    holder: Holder | None
    loaded: bool
    lock_message: str
    read_only: bool
    looked_away: bool

    @property
    def size(self) -> Size: ...

    @property
    def editor(self) -> TextArea: ...

    @property
    def minute_id(self) -> int | None: ...

    def now(self) -> dt.datetime: ...

    @overload
    def query_one(self, selector: str) -> Widget: ...

    @overload
    def query_one(self, selector: type[QueryType]) -> QueryType: ...

    @overload
    def query_one(self, selector: str, expect_type: type[QueryType]) -> QueryType: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None: ...

    def ask(self, dialog: Dialog, on_result: Answer | None = None) -> None: ...

    def save_now(self) -> bool: ...

    def refresh_view(self) -> None: ...

    def show_view(self, view: LiveView) -> None: ...

    def load_minute(self, minute_id: int | None, current: Any = None) -> None: ...

    def show_minute_header(self) -> None: ...

    def show_panel(self, panel: str) -> None: ...

    def hold_meeting(self) -> None: ...

    def set_read_only(self, read_only: bool, message: str = "", *, follow: bool = True) -> None: ...

    def close_meeting(self) -> None: ...

    def focus_editor(self) -> None: ...

    def set_class(self, add: bool, *class_names: str, update: bool = True) -> object: ...
