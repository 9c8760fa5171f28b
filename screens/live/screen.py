"""The live screen: minuting a meeting as it happens.

The agenda with each item's state on the left, the minute being written in the middle,
its numbered preview and the attendance on the right (panels switch with a key when the
terminal is small). What is typed is stored by the minute pane within a second, and at once
on every switch and on quit. Rules live in clerk.live (LiveMeeting); this screen only shows
and asks: what each key does is in the key handlers (minutes, taking, menus, attendance,
order, holding), which it composes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea

from clerk.live.meeting import LiveMeeting

from ..base import ClerkScreen, handled_by
from ..widgets.line import Line
from . import keys
from .attendance import AttendanceKeys
from .commands import LiveCommands
from .dialogs import focus_now
from .holding import FOLLOW_SECONDS, Holding
from .layout import PanelLayout
from .menus import MeetingKeys
from .minute_pane import MinutePane
from .minutes import MinuteKeys
from .order import OrderKeys
from .panels import AgendaPanel, AttendancePanel
from .status import render_status
from .taking import TakingKeys


class LiveScreen(ClerkScreen):
    TITLE = "Live"
    CSS_PATH = "live.tcss"
    HELP = keys.HELP
    # In the editor and the filter boxes these keys are acted on in the order typed (widgets.keys).
    BINDINGS = keys.BINDINGS
    WRITE_ACTIONS = keys.WRITE_ACTIONS
    COMMANDS = {LiveCommands}

    # What each key does, in the handler that does it.
    action_step_minute = handled_by("minutes", "step_minute")
    action_new_minute = handled_by("minutes", "ask_new_minute")
    action_resolution = handled_by("minutes", "resolution")
    action_rename = handled_by("minutes", "rename")
    action_add_action = handled_by("minutes", "add_action")
    action_declaration = handled_by("minutes", "declaration")
    action_vote = handled_by("minutes", "vote")
    action_named_vote = handled_by("minutes", "named_vote")
    action_take_item = handled_by("taking", "take_item")
    action_sign_previous = handled_by("taking", "sign_previous")
    action_private_session = handled_by("taking", "private_session")
    action_private_unminuted = handled_by("taking", "private_unminuted")
    action_withdraw = handled_by("menus", "withdraw")
    action_add_menu = handled_by("menus", "add_menu")
    action_meeting_menu = handled_by("menus", "meeting_menu")
    action_leave = handled_by("menus", "leave")
    action_wording = handled_by("menus", "wording")
    action_end_meeting = handled_by("menus", "end_meeting")
    action_clear_minute = handled_by("menus", "clear_minute")
    action_attach = handled_by("menus", "attach")
    action_attendance = handled_by("people", "attendance")
    action_minute_earlier = handled_by("reorder", "minute_earlier")
    action_minute_later = handled_by("reorder", "minute_later")
    action_toggle_private = handled_by("reorder", "toggle_private")
    action_toggle_numbering = handled_by("reorder", "toggle_numbering")
    action_delete_minute = handled_by("reorder", "delete_minute")
    action_take_over = handled_by("holding", "take_over")
    action_panels = handled_by("shown", "cycle")

    def __init__(self, meeting_id: int, *, clock: Callable[[], dt.datetime] | None = None, holder: Any = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self._clock = clock  # None: the app's clock
        self.holder = holder
        self.meeting: LiveMeeting = None  # type: ignore[assignment]  # the LiveMeeting, once opened
        self.view: Any = None
        self.read_only = True  # until the lock is ours
        self.lock_message = ""
        self.saved_label = ""
        self._heartbeat: Timer | None = None
        self._following: Timer | None = None
        self._released = False
        self.looked_away = False  # a read-only reader went to another minute than the writer's
        self.loaded = False  # until the meeting is shown (_opened)
        self.pane = MinutePane(id="minute-pane")
        self.minutes = MinuteKeys(self)
        self.taking = TakingKeys(self, self.minutes)
        self.menus = MeetingKeys(self, self.minutes)
        self.people = AttendanceKeys(self, self.minutes)
        self.reorder = OrderKeys(self)
        self.holding = Holding(self)
        self.shown = PanelLayout(self)

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Line("Opening the meeting…", id="live-status")
        yield Static("", id="live-banner", markup=False)
        with Horizontal(id="live-body"):
            yield AgendaPanel(id="agenda-panel", classes="panel")
            yield self.pane
            with VerticalScroll(id="preview-panel", classes="panel"):
                yield Static("", id="preview", markup=False)
            yield AttendancePanel(id="attendance-panel", classes="panel")
        yield Footer(compact=True)

    def now(self) -> dt.datetime:
        """The time shown and stamped: from the clock given, else the app's."""
        return (self._clock or getattr(self.app, "clock", dt.datetime.now))()

    @property
    def editor(self) -> TextArea:
        return self.pane.editor

    @property
    def minute_id(self) -> int | None:
        return self.pane.minute_id

    def on_resize(self, _event: Any = None) -> None:
        self.shown.lay_out()

    def lay_out(self) -> None:
        self.shown.lay_out()

    def show_panel(self, panel: str) -> None:
        self.shown.show(panel)

    def ask(self, dialog: Any, on_result: Callable[[Any], Any] | None = None) -> None:
        """Open a dialog whose answer is handled at once (see LiveDialog)."""
        dialog.on_result = on_result
        self.app.push_screen(dialog)

    def focus_editor(self) -> None:
        focus_now(self.editor)

    def action_focus_editor(self) -> None:
        focus_now(self.editor)

    def list_enter(self, options: Any) -> None:
        """Enter on the agenda or attendance list."""
        options.parent.action_choose()

    def on_filtered_list_chosen(self, event: AgendaPanel.Chosen) -> None:
        event.stop()
        if isinstance(event.panel, AgendaPanel):
            self.taking.agenda_chosen(event)
        else:
            self.people.person_chosen(event)

    def on_attendance_panel_act(self, event: AttendancePanel.Act) -> None:
        self.people.act(event)

    # -- opening ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.lay_out()
        self.set_interval(1.0, self.tick)
        self.app.when_ready(lambda: self.background(self.holding.open, done=self.holding.opened, group="live-open"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_over":
            return self.read_only and self.view is not None and not self.view.signed
        if action == "sign_previous" and not (self.view and self.view.previous_to_sign):
            return False
        if action == "private_unminuted" and self.view is not None and self.view.private:
            return False
        return not (self.read_only and action in self.WRITE_ACTIONS)

    # -- showing ---------------------------------------------------------------------------
    def show_view(self, view: Any) -> None:
        self.view = view
        self.query_one(AgendaPanel).show(view)
        self.query_one(AttendancePanel).show(view)
        self.tick()
        self.show_minute_header()

    def refresh_view(self) -> None:
        if self.meeting is not None:
            self.attempt(self.meeting.view, then=self.show_view)

    def show_minute_header(self) -> None:
        self.pane.show_header(self.view)

    def tick(self) -> None:
        if self.view is not None:
            width = self.size.width or self.app.size.width
            self.query_one("#live-status", Line).set(render_status(self.view, self.now(), self.saved_label, width))

    def load_minute(self, minute_id: int | None, current: Any = None) -> None:
        self.pane.load(minute_id, current)
        self.show_minute_header()
        self.pane.update_labels()

    def update_labels(self) -> None:
        self.pane.update_labels()

    # -- holding the meeting, saving -------------------------------------------------------
    def hold_meeting(self) -> None:
        """This window has the meeting: save what is typed, keep the lock alive."""
        from clerk.live.lock import HEARTBEAT_SECONDS

        self.pane.hold(self.meeting)
        if self._heartbeat is None:
            self._heartbeat = self.set_interval(HEARTBEAT_SECONDS, self.holding.beat)

    def set_read_only(self, read_only: bool, message: str = "", *, follow: bool = True) -> None:
        self.read_only = read_only
        self.lock_message = message if read_only else ""
        self.query_one("#live-banner", Static).update(self.lock_message)
        self.pane.set_read_only(read_only)
        if read_only and follow and self._following is None:
            self._following = self.set_interval(FOLLOW_SECONDS, self.holding.follow)
        self.lay_out()
        self.refresh_bindings()

    def on_minute_pane_saving(self, _event: MinutePane.Saving) -> None:
        self.saved_label = "saving…"

    def on_minute_pane_stored(self, _event: MinutePane.Stored) -> None:
        self.saved_label = f"saved {self.now():%H:%M:%S}"
        if not self._released:
            self.tick()

    def on_minute_pane_store_failed(self, event: MinutePane.StoreFailed) -> None:
        if event.conflict:
            self.saved_label = "NOT SAVED – changed in another window"
            if event.first:
                self.notify(
                    f"{event.error} Your text is still here: ctrl+s stores it over the other change.",
                    severity="error",
                    timeout=10,
                )
        else:
            self.saved_label = "NOT SAVED – retrying"
            self.notify(
                f"Not saved yet ({event.error}); clerk keeps trying. Your text is still here.", severity="error", timeout=4
            )
        if not self._released:
            self.tick()

    def pending(self) -> str:
        """Besides loading and service calls (ClerkScreen.pending): the minute pane's text not
        yet stored, its paragraph labels not yet redrawn."""
        return self.pane.pending() or super().pending()

    def save_now(self) -> bool:
        return self.pane.save_now()

    def action_save_now(self) -> None:
        self.pane.save_over()

    def on_screen_suspend(self) -> None:
        if not self.read_only:
            self.save_now()

    def on_unmount(self) -> None:
        self.close_meeting()

    def close_meeting(self) -> None:
        """Store what is typed and let the meeting go (quitting, leaving the screen)."""
        if self._released or self.read_only or self.pane.saver is None:
            return
        self._released = True
        self.save_now()
        with contextlib.suppress(Exception):  # the lock expires by itself; nothing typed is at stake
            self.meeting.release()
