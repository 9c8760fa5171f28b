"""The minute being written: its header, the editor with each paragraph's label in the gutter,
the line under it and the numbered preview beside it. Never lose a word: what is typed is
handed to the saver by a timer (never on the keystroke path) and written by a thread within
a second, and at once on every switch and on quit. Posts ``Stored`` and ``StoreFailed``."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea

from clerk.live.meeting import LiveMeeting

from ..base import ServiceMixin, clerk_app
from ..widgets.autosave import Autosaver
from ..widgets.line import Line
from ..widgets.minute_editor import MinuteEditor
from .status import render_info, render_preview

AUTOSAVE_SECONDS = 0.5  # the first change is stored at most this long after it is typed
EDITOR_HINT = (
    "Type the minute. A blank line starts a new paragraph, numbered (1), (2) … for you; "
    "a line starting “- ” is a point (a), (b). F5 adds a RESOLVED that … block."
)


class MinutePane(ServiceMixin, Vertical):
    class Saving(Message):
        """What was typed is being stored, in a thread."""

    class Stored(Message):
        """What was typed is stored."""

    class StoreFailed(Message):
        """A save failed (``conflict``: refused, the minute changed in another window; ``first``:
        the first refusal of this minute, to be told)."""

        def __init__(self, error: BaseException | None, *, conflict: bool, first: bool) -> None:
            super().__init__()
            self.error, self.conflict, self.first = error, conflict, first

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.meeting: LiveMeeting | None = None  # set once this window holds the meeting
        self.saver: Autosaver | None = None
        self.read_only = True
        self.minute_id: int | None = None
        self.minute_content: Any = None
        self.minute_source: Any = None  # what the notes print under the minute besides its text
        self.minute_numbered = True  # the minute numbers its paragraphs (F8 n turns it off)
        self.numbering_chosen: dict[int, bool] = {}  # F8 n, kept for the text still to be typed
        self._staged_text = ""  # the minute's text as last handed to the saver (or loaded)
        self._versions: dict[int, int] = {}  # the version of each minute the editor's text is based on
        self._conflicts: dict[int, int] = {}  # minutes whose save was refused: the version stored elsewhere
        self._skip_changes = 0
        self._save_timer: Timer | None = None
        self._label_timer: Timer | None = None
        self._labels_for: tuple[Any, ...] | None = None
        self._labels: list[str] = []
        self._editor: MinuteEditor | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="minute-header", markup=False)
        yield MinuteEditor(
            id="editor", soft_wrap=True, tab_behavior="focus", placeholder=EDITOR_HINT, read_only=True, show_line_numbers=True
        )
        yield Line("", id="minute-info")

    @property
    def editor(self) -> MinuteEditor:
        if self._editor is None:
            self._editor = self.query_one("#editor", MinuteEditor)
        return self._editor  # kept: it is still there to read while the screen closes

    def hold(self, meeting: LiveMeeting) -> None:
        """This window has the meeting: what is typed is saved."""
        self.meeting = meeting
        if self.saver is None:
            self.saver = Autosaver(self._store_text)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.editor.read_only = read_only or self.minute_id is None

    # -- showing ---------------------------------------------------------------------------
    def show_header(self, view: Any) -> None:
        header = self.query_one("#minute-header", Static)
        minute = view.minute(self.minute_id) if view else None
        if minute is None:
            header.update(
                f"No minute yet: F2 takes an item (the next minute is {view.next_number}), F4 adds one with no item."
                if view
                else ""
            )
            return
        tags = [
            t
            for t, on_ in (("PRIVATE SESSION", minute.restricted), (minute.state.value.upper(), minute.state.value != "taken"))
            if on_
        ]
        header.update(minute.heading + "".join(f"  [{t}]" for t in tags))
        header.set_class(minute.restricted, "-private")

    def load(self, minute_id: int | None, current: Any = None) -> None:
        from clerk.body import numbers_paragraphs
        from clerk.documents.blocks import minute_source
        from clerk.services.content import content

        store = clerk_app(self).store
        self.minute_id = minute_id
        if minute_id is not None and current is None:
            current = self.attempt(content, store, minute_id).value
        self.minute_content = current
        self.minute_source = self.attempt(minute_source, store, minute_id).value if minute_id is not None else None
        derived = numbers_paragraphs(current.paragraphs) if current is not None else True
        self.minute_numbered = self.numbering_chosen.get(minute_id, derived) if minute_id is not None else derived
        text = self.text_to_show(minute_id, current)
        self._staged_text = text
        if text != self.editor.text:
            self._skip_changes += 1
            self.editor.load_text(text)
        self.editor.move_cursor(self.editor.document.end)
        self.editor.read_only = self.read_only or minute_id is None

    def choose_numbering(self, minute_id: int, numbered: bool) -> None:
        self.numbering_chosen[minute_id] = numbered

    def update_labels(self) -> None:
        from clerk.editing import label_at, line_labels

        self._label_timer = None
        lines = self.editor.document.lines
        style = bool(getattr(self.minute_source, "resolutions_numbered", False))  # the committee's
        key = (self.minute_id, self.minute_numbered, style, self.editor.text)
        if key != self._labels_for:  # a cursor move alone keeps the labels
            self._labels_for, self._labels = key, line_labels(lines, self.minute_numbered, style) if self.minute_id else []
        labels = self._labels
        self.editor.set_labels(labels)
        cursor_label = label_at(lines, self.editor.cursor_location[0], labels=labels) if self.minute_id else ""
        self.query_one("#minute-info", Line).set(render_info(self.minute_content, cursor_label, lines))
        if self.screen.query_one("#preview-panel").display:
            self.screen.query_one("#preview", Static).update(
                render_preview(self.minute_source, self.editor.text, self.minute_numbered)
            )

    def insert_block(self, text: str) -> None:
        from clerk.editing import new_block_at

        editor = self.editor
        location, before = new_block_at(editor.document.lines, editor.cursor_location[0])
        result = editor.insert(before + text, location)
        editor.move_cursor(result.end_location)

    def clear_text(self) -> None:
        """The minute's text goes, in one edit (ctrl+z brings it back); saved as typing is."""
        if self.minute_id is not None and not self.read_only and self.editor.text:
            self.editor.clear()

    # -- typing ----------------------------------------------------------------------------
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area.id != "editor":
            return
        if self._skip_changes:
            self._skip_changes -= 1
            return
        if self.read_only or self.minute_id is None or self.saver is None:
            return
        if self._save_timer is None:
            self._save_timer = self.set_timer(AUTOSAVE_SECONDS, self._autosave)
        self._labels_soon()

    def on_text_area_selection_changed(self, _event: TextArea.SelectionChanged) -> None:
        self._labels_soon()

    def pending(self) -> str:
        """Text not yet stored, paragraph labels not yet redrawn, a save still running."""
        refused = self.saver is not None and self.saver.last_error is not None  # kept until the clerk acts
        if self._save_timer is not None or (self.saver is not None and self.saver.dirty and not refused and not self.read_only):
            return "the minute's text is about to be saved"
        if self._label_timer is not None:
            return "the paragraph labels are about to be redrawn"
        waiting = self.waiting_for()
        return f"MinutePane waits for {waiting}" if waiting else ""

    def _labels_soon(self) -> None:
        if self._label_timer is None:
            self._label_timer = self.set_timer(0.2, self.update_labels)

    # -- saving ----------------------------------------------------------------------------
    def _stage(self) -> None:
        """Hand the text to the saver if it changed. Compared, not flagged: on a switch the
        editor's Changed messages for the last keys may not have arrived yet."""
        if self.minute_id is None or self.saver is None or self.read_only:
            return
        text = self.editor.text
        if text != self._staged_text:
            self.saver.put(self.minute_id, text)
            self._staged_text = text

    def _autosave(self) -> None:
        self._save_timer = None
        self._stage()
        if self.saver is not None and self.saver.dirty:
            self.post_message(self.Saving())
            self.background(self.saver.flush, done=self._saved, group="autosave")

    def text_to_show(self, minute_id: int | None, current: Any) -> str:
        """The minute's text for the editor: what was typed and is not stored yet (a save
        refused or failed), else what is stored. Notes the version the editor's text is based on."""
        if minute_id is None:
            return ""
        if current is not None:
            self._based_on(minute_id, current.minute.version)
        unsaved = self.saver.pending(minute_id) if self.saver is not None else None
        return unsaved if unsaved is not None else (current.body if current is not None else "")

    def _based_on(self, minute_id: int, version: int) -> None:
        self._versions[minute_id] = max(version, self._versions.get(minute_id, version))  # versions only grow

    def _store_text(self, minute_id: int, text: str) -> None:
        assert self.meeting is not None  # the saver exists only once the meeting is held
        chosen = self.numbering_chosen.get(minute_id)  # F8 n on a minute with no text yet
        base = self._versions.get(minute_id)
        saved = self.meeting.save_text(minute_id, text, numbered=chosen, base_version=base)
        self._based_on(minute_id, saved.version)

    def _saved(self, ok: bool) -> None:
        from clerk.services.minute_text import MinuteChanged

        error = self.saver.last_error if self.saver else None
        if not ok and isinstance(error, MinuteChanged):
            first = error.minute_id not in self._conflicts
            self._conflicts[error.minute_id] = error.version
            self.post_message(self.StoreFailed(error, conflict=True, first=first))
        elif ok:
            self.post_message(self.Stored())
        else:
            if self._save_timer is None:
                self._save_timer = self.set_timer(1.0, self._autosave)
            self.post_message(self.StoreFailed(error, conflict=False, first=True))

    def save_now(self) -> bool:
        """Store everything typed, now (on every switch, before every change, on quit)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        self._stage()
        if self.saver is None or not self.saver.dirty:
            return True
        ok = self.saver.flush()
        self._saved(ok)
        return ok

    def save_over(self) -> None:
        """Store now; a minute whose save was refused (changed in another window) is stored
        over the other change, the clerk having been told."""
        if self.minute_id is not None and self.minute_id in self._conflicts:
            self._versions[self.minute_id] = self._conflicts.pop(self.minute_id)
        self.save_now()
