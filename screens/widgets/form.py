"""The one keyboard form of clerk, in a modal: one row per field (text, a text with a pick
list under it, a choice, a tick box), a live note (a warning as you type), and saving through
a service whose refusal is shown in the form, so nothing typed is lost.

Keys, the same in every form: Enter moves to the next field and saves from the last (in a
pick field it first takes the highlighted pick, once something is typed or ↑/↓ were used);
↓/↑ move between fields, or between the picks under a pick field; ctrl+s saves; Esc cancels.
Labels sit beside their fields when they are short, above them when one is long."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static

from ..base import is_clerk_error, report
from .dialog import Dialog
from .fields import ChoiceField, FormInput, PickList, TickField
from .fields import Field as FieldWidget
from .keys import focus_now

Values = dict[str, Any]
LABEL_WIDTH = 24  # a longer label goes above its field
FORM_CSS = """
    Form .form-fields { height: auto; max-height: 18; overflow-y: auto; }
    Form .form-row { height: 1; }
    Form .form-label { width: 24; color: $text-muted; }
    Form .stacked .form-row { height: auto; }
    Form .stacked .form-label { width: 1fr; margin-top: 1; }
    Form FormInput { width: 1fr; background: $boost; }
    Form FormInput:focus { background: $accent 30%; }
    #form-note { color: $warning; height: auto; }
    #form-error { color: $error; height: auto; text-style: bold; }
"""


@dataclass
class Field:
    """One field. ``choices`` are a choice's (label, value); ``picks`` the list under a pick
    field (Enter takes the highlighted one only after ↑/↓ when ``pick_on_enter`` is off)."""

    key: str
    label: str
    value: Any = ""
    kind: Literal["text", "pick", "choice", "check"] = "text"
    choices: Sequence[tuple[str, Any]] = ()
    picks: Sequence[str] = ()
    placeholder: str = ""
    pick_on_enter: bool = True


FieldWidgets = FormInput | ChoiceField | TickField


class Form(Dialog):
    """``submit(values)`` runs the service and its result is the form's answer (without one,
    the answer is the values); a ClerkError it raises is shown under the fields and the form
    stays open. Cancelled, the answer is None."""

    DEFAULT_CSS = FORM_CSS
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form.save"),  # not priority: it waits for the keys typed before it
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("enter", "advance", "Next field / save", show=False, id="form.next"),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        submit: Callable[[Values], Any] | None = None,
        *,
        note: Callable[[Values], str] | None = None,
        intro: str = "",
        derive: Callable[[Values], dict[str, str]] | None = None,
    ) -> None:
        """``derive(values)`` gives text fields that follow the others (a file name that follows
        the format chosen); a field the user has typed into is left as typed."""
        super().__init__()
        self.form_title, self.fields, self.submit, self.note, self.intro = title, fields, submit, note, intro
        self.derive = derive
        self._derived: dict[str, str] = {}
        self.inputs: dict[str, FieldWidgets] = {}
        self.early: list[events.Key] = []  # keys that reached the form before its fields

    def compose(self) -> ComposeResult:
        stacked = any(len(f.label) >= LABEL_WIDTH for f in self.fields)
        with Vertical(classes="form-box"):
            yield Label(self.form_title, classes="form-title")
            if self.intro:
                yield Static(self.intro, classes="form-intro", markup=False)
            with Vertical(classes="form-fields stacked" if stacked else "form-fields"):
                for f in self.fields:
                    with Vertical(classes="form-row") if stacked else Horizontal(classes="form-row"):
                        yield Label(f.label, classes="form-label")
                        yield self._widget(f)
                    if f.kind == "pick":
                        yield PickList(f.picks, id=f"pick-{f.key}")
            if self.note is not None:  # its line kept, so the form does not jump as it comes and goes
                yield Static("", id="form-note", markup=False)
            yield Static("", id="form-error", markup=False)
            yield Label("Enter: next field · ctrl+s: save · Esc: cancel", classes="form-keys")

    def _widget(self, f: Field) -> FieldWidgets:
        wid = f"field-{f.key}"
        widget: FieldWidgets
        if f.kind == "choice":
            widget = ChoiceField(f.choices, f.value, id=wid)
        elif f.kind == "check":
            widget = TickField(bool(f.value), id=wid)
        else:
            text = "" if f.value is None else str(f.value)
            widget = FormInput(value=text, placeholder=f.placeholder, id=wid, compact=True)
        self.inputs[f.key] = widget
        return widget

    def on_mount(self) -> None:
        if self.derive is not None:
            self._derived = self.derive(self.values())
        for f in self.fields:
            if f.kind == "pick":
                self._picks(f.key).fill(str(f.value or ""))
        self._update_note()
        focus_now(self.inputs[self.fields[0].key])
        early, self.early = self.early, []
        for event in early:
            self.on_key(event)

    def values(self) -> Values:
        return {key: w.value.strip() if isinstance(w, Input) else w.value for key, w in self.inputs.items()}

    def _field(self, widget: Widget | None) -> Field | None:
        key = (widget.id or "").removeprefix("field-") if widget is not None else ""
        return next((f for f in self.fields if f.key == key), None)

    def _picks(self, key: str) -> PickList:
        return self.query_one(f"#pick-{key}", PickList)

    # -- as you type ------------------------------------------------------------------------
    def on_key(self, event: events.Key) -> None:
        """Keys that reached the form itself, typed while it opened: into the first field."""
        if self.passed_on(event):
            return
        if not self.inputs or not self.inputs[self.fields[0].key].is_mounted:
            self.early.append(event)  # typed in on mount
            event.stop()
            return
        focused = self.focused
        if focused is not None and not isinstance(focused, Input):
            return  # a choice or a tick box: its keys and the form's bindings
        target = focused if isinstance(focused, Input) else self.inputs[self.fields[0].key]
        focus_now(target)
        if event.key == "enter":
            event.stop()
            self.advance(target)
        elif event.is_printable and event.character and isinstance(target, Input):
            event.stop()  # typed before the field had the focus: it goes into the field
            target.insert_text_at_cursor(event.character)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        f = self._field(event.input)
        if f is not None and f.kind == "pick":
            self._picks(f.key).fill(event.value)
        self._changed()

    @on(FieldWidget.Changed)
    def _changed(self) -> None:
        self.query_one("#form-error", Static).update("")
        if self.derive is not None:
            for key, value in self.derive(self.values()).items():
                widget = self.inputs[key]
                if isinstance(widget, Input) and widget.value == self._derived.get(key) and widget.value != value:
                    widget.value = value
                self._derived[key] = value
        self._update_note()

    def _update_note(self) -> None:
        if self.note is None:
            return
        try:
            text = self.note(self.values())
        except Exception as exc:
            text = str(exc) if is_clerk_error(exc) else ""
        self.query_one("#form-note", Static).update(text or "")

    # -- moving, picking --------------------------------------------------------------------
    def step(self, widget: Widget, delta: int) -> None:
        f = self._field(widget)
        if f is not None and f.kind == "pick" and self._picks(f.key).option_count:
            self._picks(f.key).move(delta)
        elif delta > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def advance(self, widget: Widget) -> None:
        """Enter in a field: a pick taken, then the next field has the focus before the next
        key arrives; from the last field, save."""
        f = self._field(widget)
        if f is not None and f.kind == "pick" and isinstance(widget, Input):
            picks = self._picks(f.key)
            picks.fill(widget.value)  # typed faster than Input.Changed arrived
            chosen = picks.pick()
            wanted = picks.navigated or (f.pick_on_enter and widget.value.strip())
            if wanted and chosen is not None and widget.value not in f.picks:
                widget.value = chosen
            picks.display = False
        keys = [x.key for x in self.fields]
        index = keys.index(f.key) if f is not None else len(keys) - 1
        if index + 1 < len(keys):
            focus_now(self.inputs[keys[index + 1]])
        else:
            self.action_save()

    def action_advance(self) -> None:
        """Enter that reached the form itself (a field's Enter is handled as it is typed)."""
        self.advance(self.focused or self.inputs[self.fields[0].key])

    @on(OptionList.OptionSelected, "PickList")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        """A click on a pick: it goes into its field."""
        if isinstance(event.option_list, PickList):
            self._take(event.option_list, event.option_index)

    def _take(self, picks: PickList, index: int) -> None:
        widget = self.inputs[(picks.id or "").removeprefix("pick-")]
        if isinstance(widget, Input):
            widget.value = str(picks.get_option_at_index(index).prompt)
            focus_now(widget)

    # -- the answer -------------------------------------------------------------------------
    def action_save(self) -> None:
        values = self.values()
        try:
            result = self.submit(values) if self.submit is not None else values
        except Exception as exc:
            if is_clerk_error(exc):
                self.query_one("#form-error", Static).update(str(exc))
                self.app.bell()
            else:
                report(self, exc)
            return
        self.answer(result)

    def action_cancel(self) -> None:
        self.answer(None)
