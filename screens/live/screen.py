"""The live screen: minuting a meeting as it happens.

The agenda with each item's state on the left, the minute being written in the middle,
its numbered preview and the attendance on the right (panels switch with a key when the
terminal is small). What is typed is stored by a timer and a thread within a second, and
at once on every switch and on quit. Rules live in clerk.live (LiveMeeting); this screen only
shows and asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static, TextArea

from ..base import ClerkScreen
from .minutes import LiveActions
from .attendance import AttendanceActions
from .commands import LiveCommands
from .menus import MeetingActions
from .order import MinuteOrderActions
from .dialogs import focus_now
from ..widgets.minute_editor import MinuteEditor
from .panels import AgendaPanel, AttendancePanel
from .saving import Saving
from ..widgets.line import Line
from .status import render_info, render_preview, render_status

NARROW, WIDE = 100, 150
EDITOR_HINT = ("Type the minute. A blank line starts a new paragraph, numbered (1), (2) … for you; "
               "a line starting “- ” is a point (a), (b). F5 adds a RESOLVED that … block.")


class LiveScreen(Saving, LiveActions, MeetingActions, MinuteOrderActions, AttendanceActions, ClerkScreen):
    TITLE = "Live"
    CSS_PATH = "live.tcss"
    HELP = "\n".join((
        "F2: type an item's code (B3) or a few words and press Enter. Its minute is created with the next "
        "number; standard items bring their standard wording.",
        "F3: type part of a name, Enter marks the person present. Tab to the list, then: a apologies, "
        "x absent, s substitute, c in the chair, l arrived late, d left early, n add a person, u unmark.",
        "Leave a blank line between paragraphs: they are numbered (1), (2) for you. A line starting "
        "\"- \" is a point (a), (b). F5 adds RESOLVED that … ",
        "F4 a minute with no agenda item · F8 this minute: an action (ctrl+t), declaration, vote or file, "
        "rename, move earlier or later, restricted or public, numbered or plain paragraphs, delete (taken by "
        "mistake) · "
        "F9 withdraw or defer · F10 sign the previous notes, private session, end, leave.",
        "Everything is saved as you type. Agenda: · to come  ▶ current  ✓ minuted  ✗ withdrawn  "
        "» deferred  ‡ restricted.",
    ))
    # In the editor and the filter boxes these keys are acted on in the order typed (live_keys).
    BINDINGS = [
        Binding("f2", "take_item", "Take item", id="live.take"),
        Binding("f3", "attendance", "Attendance", id="live.attendance"),
        Binding("f5,ctrl+r", "resolution", "RESOLVED", id="live.resolved"),
        Binding("f8", "add_menu", "Minute", id="live.add"),
        Binding("ctrl+t", "add_action", "Action", show=False, id="live.action"),
        Binding("f9", "withdraw", "Withdraw", id="live.withdraw"),
        Binding("f10,ctrl+g", "meeting_menu", "Meeting", id="live.menu"),
        Binding("f12,ctrl+b", "panels", "Panels", id="live.panels"),
        Binding("f4,ctrl+n", "new_minute", "New minute", id="live.new"),
        Binding("alt+up", "step_minute(-1)", "Previous minute", show=False, id="live.prev"),
        Binding("alt+down", "step_minute(1)", "Next minute", show=False, id="live.next"),
        Binding("ctrl+o", "attach", "Attach file", show=False, id="live.attach"),
        Binding("ctrl+s", "save_now", "Save now", show=False, id="live.save"),
        Binding("ctrl+l", "take_over", "Take over", id="live.takeover"),
    ]
    WRITE_ACTIONS = {"new_minute", "resolution", "add_menu", "add_action", "declaration", "vote", "withdraw",
                     "rename", "attach", "save_now", "wording", "sign_previous", "private_session", "end_meeting",
                     "minute_earlier", "minute_later", "toggle_private", "delete_minute",
                     "toggle_numbering"}
    COMMANDS = {LiveCommands}

    def __init__(self, meeting_id: int, *, clock: Callable[[], dt.datetime] | None = None, holder: Any = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self._clock = clock  # None: the app's clock
        self.holder = holder
        self.meeting: Any = None  # the LiveMeeting, once opened
        self.view: Any = None
        self.minute_id: int | None = None
        self.minute_content: Any = None
        self.minute_source: Any = None  # what the notes print under the minute besides its text
        self.minute_numbered = True  # the minute numbers its paragraphs (F8 n turns it off)
        self.read_only = True  # until the lock is ours
        self.lock_message = ""
        self.saver: Any = None  # the Autosaver, once this window holds the meeting
        self.saved_label = ""
        self.side = "agenda"  # the one side panel shown on a narrow terminal
        self.right = "attendance"  # the right-hand panel on a medium one
        self._staged_text = ""  # the minute's text as last handed to the saver (or loaded)
        self._versions: dict[int, int] = {}  # the version of each minute the editor's text is based on
        self._conflicts: dict[int, int] = {}  # minutes whose save was refused: the version stored elsewhere
        self._skip_changes = 0
        self._save_timer: Any = None
        self._label_timer: Any = None
        self._cursor_label = ""
        self._released = False
        self.looked_away = False  # a read-only reader went to another minute than the writer's
        self._editor: TextArea | None = None
        self.loaded = False  # until the meeting is shown (_opened)

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Line("Opening the meeting…", id="live-status")
        yield Static("", id="live-banner", markup=False)
        with Horizontal(id="live-body"):
            yield AgendaPanel(id="agenda-panel", classes="panel")
            with Vertical(id="minute-pane"):
                yield Static("", id="minute-header", markup=False)
                yield MinuteEditor(id="editor", soft_wrap=True, tab_behavior="focus", placeholder=EDITOR_HINT, read_only=True,
                                   show_line_numbers=True)
                yield Line("", id="minute-info")
            with VerticalScroll(id="preview-panel", classes="panel"):
                yield Static("", id="preview", markup=False)
            yield AttendancePanel(id="attendance-panel", classes="panel")
        yield Footer(compact=True)

    def now(self) -> dt.datetime:
        """The time shown and stamped: from the clock given, else the app's."""
        return (self._clock or getattr(self.app, "clock", dt.datetime.now))()

    @property
    def editor(self) -> TextArea:
        if self._editor is None:
            self._editor = self.query_one("#editor", TextArea)
        return self._editor  # kept: it is still there to read while the screen closes

    def on_resize(self, _event: Any = None) -> None:
        self.lay_out()

    def lay_out(self) -> None:
        width = self.size.width or self.app.size.width
        size = "narrow" if width < NARROW else ("medium" if width < WIDE else "wide")
        for name in ("narrow", "medium", "wide"):
            self.set_class(name == size, f"-{name}")
        shown = {"agenda", "attendance", "preview"}
        if size == "medium":
            shown = {"agenda", self.right}
        elif size == "narrow":
            shown = {self.side} - {"none"}
        for panel in ("agenda", "attendance", "preview"):
            widget = self.query_one(f"#{panel}-panel")
            widget.display = panel in shown
            if panel not in shown and widget.has_focus_within:
                focus_now(self.editor)  # never leave the keys going into a hidden panel
        self.query_one("#live-banner").display = bool(self.lock_message)
        if "preview" in shown:
            self.update_labels()

    def show_panel(self, panel: str) -> None:
        width = self.size.width or self.app.size.width
        if width < NARROW:
            self.side = panel
        elif width < WIDE and panel != "agenda":
            self.right = panel
        self.lay_out()

    def action_panels(self) -> None:
        width = self.size.width or self.app.size.width
        if width < NARROW:
            order = ["agenda", "attendance", "preview", "none"]
            self.side = order[(order.index(self.side) + 1) % len(order)]
        else:
            self.right = "preview" if self.right == "attendance" else "attendance"
        self.lay_out()

    def ask(self, dialog: Any, on_result: Callable[[Any], Any] | None = None) -> None:
        """Open a dialog whose answer is handled at once (see LiveDialog)."""
        dialog.on_result = on_result
        self.app.push_screen(dialog)

    def action_focus_editor(self) -> None:
        focus_now(self.editor)

    def list_enter(self, options: Any) -> None:
        """Enter on the agenda or attendance list."""
        options.parent.action_choose()

    def on_filtered_list_chosen(self, event: AgendaPanel.Chosen) -> None:
        event.stop()
        if isinstance(event.panel, AgendaPanel):
            self.agenda_chosen(event)
        else:
            self.person_chosen(event)

    # -- opening ---------------------------------------------------------------------------
    def on_mount(self) -> None:
        self.lay_out()
        self.set_interval(1.0, self.tick)
        self.app.when_ready(lambda: self.background(self._open, done=self._opened, group="live-open"))

    def _open(self) -> tuple[Any, Any, Any]:
        from clerk.live.lock import Holder, LockResult
        from clerk.live.meeting import LiveMeeting
        from clerk.services import content

        self.holder = self.holder or Holder.here()
        self.meeting = LiveMeeting(self.store, self.meeting_id, self.holder)
        view = self.meeting.view()
        if view.signed:
            result = LockResult(False, "These notes are signed: their text and numbers never change. This view is read-only.")
        elif view.status.value == "cancelled":
            result = LockResult(False, "This meeting was cancelled; it has no minutes. This view is read-only.")
        elif getattr(self.app, "read_only", False):
            result = LockResult(False, "clerk was opened read-only.")
        else:
            result = self.meeting.acquire()
        current = content.content(self.store, view.current_minute_id) if view.current_minute_id else None
        return view, result, current

    def _opened(self, opened: tuple[Any, Any, Any]) -> None:
        view, result, current = opened
        self.set_read_only(not result.granted, result.message, follow=view.status.value not in ("signed", "cancelled"))
        if result.granted:
            self.hold_meeting()
        self.show_view(view)
        if self.read_only:
            self.editor.placeholder = ""
            if view.current_minute_id is None and view.minutes:
                current = None
                view = replace(view, current_minute_id=view.minutes[0].id)
                self.show_view(view)
        if result.granted and result.took_over:
            where = f" at minute {view.current.number}" if view.current else ""
            self.notify(f"Reopened{where}: clerk had stopped without closing. What you typed is kept.", timeout=5)
        self.load_minute(view.current_minute_id, current)
        focus_now(self.editor)
        self.loaded = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "take_over":
            return self.read_only and self.view is not None and not self.view.signed
        if action == "sign_previous" and not (self.view and self.view.previous_to_sign):
            return False
        if self.read_only and action in self.WRITE_ACTIONS:
            return False
        return True

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
        header = self.query_one("#minute-header", Static)
        minute = self.view.minute(self.minute_id) if self.view else None
        if minute is None:
            header.update(f"No minute yet: F2 takes an item (the next minute is {self.view.next_number}), F4 adds one with no item."
                          if self.view else "")
            return
        tags = [t for t, on_ in (("PRIVATE SESSION", minute.restricted), (minute.state.value.upper(), minute.state.value != "taken")) if on_]
        header.update(minute.heading + "".join(f"  [{t}]" for t in tags))
        header.set_class(minute.restricted, "-private")

    def tick(self) -> None:
        if self.view is not None:
            width = self.size.width or self.app.size.width
            self.query_one("#live-status", Line).set(render_status(self.view, self.now(), self.saved_label, width))

    def load_minute(self, minute_id: int | None, current: Any = None) -> None:
        from clerk.body import numbers_paragraphs
        from clerk.documents.blocks import minute_source
        from clerk.services.content import content

        self.minute_id = minute_id
        if minute_id is not None and current is None:
            current = self.attempt(content, self.store, minute_id).value
        self.minute_content = current
        self.minute_source = self.attempt(minute_source, self.store, minute_id).value if minute_id is not None else None
        derived = numbers_paragraphs(current.paragraphs) if current is not None else True
        self.minute_numbered = getattr(self, "numbering_chosen", {}).get(minute_id, derived)
        text = self.text_to_show(minute_id, current)
        self._staged_text = text
        if text != self.editor.text:
            self._skip_changes += 1
            self.editor.load_text(text)
        self.editor.move_cursor(self.editor.document.end)
        self.editor.read_only = self.read_only or minute_id is None
        self.show_minute_header()
        self.update_labels()

    def update_labels(self) -> None:
        from clerk.editing import label_at, line_labels

        self._label_timer = None
        lines = self.editor.document.lines
        key = (self.minute_id, self.minute_numbered, self.editor.text)
        if key != getattr(self, "_labels_for", None):  # a cursor move alone keeps the labels
            self._labels_for, self._labels = key, line_labels(lines, self.minute_numbered) if self.minute_id else []
        labels = self._labels
        self.editor.set_labels(labels)
        self._cursor_label = label_at(lines, self.editor.cursor_location[0], labels=labels) if self.minute_id else ""
        self.query_one("#minute-info", Line).set(render_info(self.minute_content, self._cursor_label, lines))
        if self.query_one("#preview-panel").display:
            self.query_one("#preview", Static).update(render_preview(self.minute_source, self.editor.text, self.minute_numbered))
