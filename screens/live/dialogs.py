"""Small keyboard dialogs for the live screen: a form of a few fields (with a pick list of
people or items under a field, filtered as you type) and a choice of a few keyed options."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ..widgets.keys import FieldInput, OrderedList

DIALOG_CSS = """
    .live-dialog { align: center middle; }
    .live-dialog .dialog-box { width: 90%; max-width: 86; height: auto; max-height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    .live-dialog .dialog-title { text-style: bold; padding: 0 0 1 0; width: 1fr; }
    .live-dialog .dialog-note { color: $text-muted; padding-bottom: 1; }
    .live-dialog .dialog-message { height: auto; max-height: 10; padding-bottom: 1; }
    .live-dialog .dialog-fields { height: auto; max-height: 24; }
    .live-dialog .field-label { color: $text-muted; margin-top: 1; }
    .live-dialog Input { background: $boost; }
    .live-dialog Input:focus { background: $accent 25%; }
    .live-dialog .picks { height: auto; max-height: 6; border: none; margin: 0 0 0 2; background: $boost; }
    .live-dialog .dialog-error { color: $error; height: auto; }
    .live-dialog .dialog-keys { color: $text-muted; }
    .live-dialog #choices { height: auto; max-height: 12; border: none; }
"""


def focus_now(widget) -> None:
    """Focus at once, so keys already typed after this one reach the widget (``Widget.focus``
    waits for the next turn of the event loop, and a fast typist does not)."""
    try:
        widget.screen.set_focus(widget)
    except Exception:
        widget.focus()


def words_match(query: str, text: str) -> bool:
    low = text.lower()
    return all(w in low for w in query.lower().split())


@dataclass
class FormField:
    key: str
    label: str
    value: str = ""
    placeholder: str = ""
    choices: list[str] = field(default_factory=list)  # a pick list under the field, filtered as you type
    pick_on_enter: bool = True  # Enter takes the highlighted choice once something is typed (else only after ↑/↓)


class LiveDialog(ModalScreen[Any]):
    """A dialog that answers by calling ``on_result`` at once (not on the next turn of the
    event loop, as ``dismiss`` callbacks are), so keys typed straight after the answer follow
    it; keys that still reach a finished dialog are passed on to the screen now on top."""

    DEFAULT_CSS = DIALOG_CSS
    SCOPED_CSS = False

    def __init__(self) -> None:
        super().__init__(classes="live-dialog")
        self.finished = False
        self.on_result: Callable[[Any], Any] | None = None

    def finish(self, result: Any) -> None:
        if self.finished:
            return
        self.finished = True
        if self.app.screen is self:
            self.dismiss()
        if self.on_result is not None:
            try:
                self.on_result(result)
            except Exception as exc:
                from ..base import report

                report(self.app.screen, exc)

    def passed_on(self, event: events.Key) -> bool:
        if not self.finished:
            return False
        event.stop()
        target = self.app.screen.focused or self.app.screen
        if target is not self:
            target.post_message(events.Key(event.key, event.character))
        return True


class FormDialog(LiveDialog):
    """Enter moves to the next field and, on the last, saves; ctrl+s saves; Esc cancels.
    Under a field with choices, ↑/↓ pick one and Enter takes it."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "submit", "Save"),
        Binding("enter", "advance", "Next field / save", show=False),
        Binding("down", "pick(1)", "Next choice", show=False),
        Binding("up", "pick(-1)", "Previous choice", show=False),
    ]

    def __init__(
        self,
        title: str,
        fields: list[FormField],
        *,
        note: str = "",
        validate: Callable[[dict[str, str]], str | None] | None = None,
    ) -> None:
        super().__init__()
        self.title_text, self.fields, self.note, self.validate = title, fields, note, validate
        self.navigated: set[str] = set()
        self.pick_query: dict[str, str] = {}
        self.early: list = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.note:
                yield Static(self.note, classes="dialog-note", markup=False)
            with VerticalScroll(classes="dialog-fields"):
                for f in self.fields:
                    yield Label(f.label, classes="field-label")
                    yield FieldInput(f.value, placeholder=f.placeholder, id=f"f-{f.key}", compact=True)
                    if f.choices:
                        yield OrderedList(*[Option(c) for c in f.choices], id=f"p-{f.key}", classes="picks")
            yield Label("", classes="dialog-error")
            yield Label("Enter: next field / save   ctrl+s: save   Esc: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        focus_now(self.query_one(f"#f-{self.fields[0].key}", Input))
        for f in self.fields:
            if f.choices:
                self._refill(f, f.value)
        early, self.early = self.early, []
        for event in early:
            self.on_key(event)

    def on_key(self, event) -> None:
        """Keys that reached the dialog itself, typed while it opened: into the field."""
        if self.passed_on(event):
            return
        fields = self.query(FieldInput)
        if not fields:  # not composed yet: kept, and typed in on mount
            self.early.append(event)
            event.stop()
            return
        target = self.focused if isinstance(self.focused, FieldInput) else fields.first()
        focus_now(target)
        event.stop()
        if event.key == "enter":
            self.action_advance()
        elif event.is_printable:
            target.insert_text_at_cursor(event.character)

    def _field_of(self, widget) -> FormField | None:
        key = (widget.id or "")[2:]
        return next((f for f in self.fields if f.key == key), None)

    def _refill(self, f: FormField, query: str) -> None:
        self.pick_query[f.key] = query
        picks = self.query_one(f"#p-{f.key}", OptionList)
        picks.clear_options()
        shown = [c for c in f.choices if words_match(query, c)] if query else f.choices
        picks.add_options([Option(c) for c in shown])
        picks.display = bool(shown)
        if shown:
            picks.highlighted = 0

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        f = self._field_of(event.input)
        if f is not None and f.choices:
            self._refill(f, event.value)

    def action_pick(self, step: int) -> None:
        focused = self.focused
        f = self._field_of(focused) if isinstance(focused, Input) else None
        if f is None or not f.choices:
            self.focus_next() if step > 0 else self.focus_previous()
            return
        picks = self.query_one(f"#p-{f.key}", OptionList)
        if picks.option_count:
            picks.display = True
            picks.highlighted = ((picks.highlighted or 0) + step) % picks.option_count if f.key in self.navigated else 0
            self.navigated.add(f.key)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter that reached a plain field (FieldInput acts on it itself)."""
        event.stop()
        self.action_advance()

    def action_advance(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            self._take_pick(focused, focused.highlighted)
            return
        field_input = focused if isinstance(focused, Input) else self.query_one(f"#f-{self.fields[0].key}", Input)
        f = self._field_of(field_input)
        value = field_input.value
        if f is not None and f.choices:
            if self.pick_query.get(f.key) != value:
                self._refill(f, value)  # typed faster than Input.Changed arrived
            picks = self.query_one(f"#p-{f.key}", OptionList)
            wanted = f.key in self.navigated or (f.pick_on_enter and value.strip())
            if wanted and picks.display and picks.highlighted is not None and value not in f.choices:
                field_input.value = str(picks.get_option_at_index(picks.highlighted).prompt)
            picks.display = False
        keys = [x.key for x in self.fields]
        index = keys.index(f.key) if f else len(keys) - 1
        if index + 1 < len(keys):
            focus_now(self.query_one(f"#f-{keys[index + 1]}", Input))
        else:
            self.action_submit()

    def list_enter(self, picks: OptionList) -> None:
        if picks.highlighted is not None:
            self._take_pick(picks, picks.highlighted)

    @on(OptionList.OptionSelected, ".picks")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self._take_pick(event.option_list, event.option_index)

    def _take_pick(self, picks: OptionList, index: int) -> None:
        key = (picks.id or "")[2:]
        field_input = self.query_one(f"#f-{key}", Input)
        field_input.value = str(picks.get_option_at_index(index).prompt)
        focus_now(field_input)

    def values(self) -> dict[str, str]:
        return {f.key: self.query_one(f"#f-{f.key}", Input).value.strip() for f in self.fields}

    def action_submit(self) -> None:
        values = self.values()
        problem = self.validate(values) if self.validate else None
        if problem:
            self.query_one(".dialog-error", Label).update(problem)
            return
        self.finish(values)

    def action_cancel(self) -> None:
        self.finish(None)


class ChoiceDialog(LiveDialog):
    """A question with a few answers, each on a key (shown beside it); ↑/↓ and Enter work too."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, message: str, choices: list[tuple[str, str, str]]) -> None:
        """``choices``: (key, label, value); the first is taken by Enter."""
        super().__init__()
        self.title_text, self.message, self.choices = title, message, choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.title_text, classes="dialog-title")
            if self.message:
                with VerticalScroll(classes="dialog-message"):
                    yield Static(self.message, markup=False)
            yield OrderedList(*[Option(f"{key:>5}  {label}", id=value) for key, label, value in self.choices], id="choices")
            yield Label("Press a key, or ↑/↓ and Enter.   Esc: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        options.highlighted = 0
        focus_now(options)

    def on_key(self, event) -> None:
        if self.passed_on(event):
            return
        for key, _label, value in self.choices:
            if key == "enter":
                continue  # Enter chooses the highlighted answer
            if event.key == key.lower() or (event.character and event.character == key):
                event.stop()
                self.finish(value)
                return

    def list_enter(self, options: OptionList) -> None:
        if options.highlighted is not None:
            self.finish(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:  # a click
        self.finish(event.option.id)

    def action_cancel(self) -> None:
        self.finish(None)
