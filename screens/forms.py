"""A keyboard form in a modal: one row per field (text, choice, tick box), a live note (a warning
as you type), and saving through a service whose refusal is shown in the form, so nothing typed
is lost. Enter moves to the next field and saves from the last; ctrl+s saves; Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .base import is_clerk_error, report
from .widgets.cursor import AppCursor
from .widgets.fields import ChoiceField, TickField, form_key
from .widgets.fields import Field as FieldWidget
from .widgets.keys import OrderedKeys


class FormInput(AppCursor, OrderedKeys, Input):
    """A text field: Enter moves to the next field at once, or saves from the last."""

    def own_key(self, key: str) -> bool:
        return form_key(self, key)


FIELDS = ".form-row > FormInput, .form-row > ChoiceField, .form-row > TickField"


@dataclass
class Field:
    key: str
    label: str
    value: Any = ""
    kind: str = "text"  # text, choice, check
    choices: list[tuple[str, Any]] = field(default_factory=list)  # (label, value) for a choice
    placeholder: str = ""


Values = dict[str, Any]


class FormScreen(ModalScreen[Any]):
    """``submit(values)`` runs the service and returns what the form returns; a ClerkError it
    raises is shown under the fields and the form stays open."""

    CSS_PATH = "forms.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),  # not priority: it waits for the keys typed before it
        Binding("escape", "cancel", "Cancel"),
        Binding("down,tab", "focus_next", "Next field", show=False),
        Binding("up,shift+tab", "focus_previous", "Previous field", show=False),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        submit: Callable[[Values], Any],
        *,
        note: Callable[[Values], str] | None = None,
        intro: str = "",
        derive: Callable[[Values], Values] | None = None,
    ) -> None:
        """``derive(values)`` gives fields that follow the others (a file name that follows the
        format chosen); a field the user has typed into is left as typed."""
        super().__init__()
        self.form_title, self.fields, self.submit, self.note, self.intro = title, fields, submit, note, intro
        self.derive = derive
        self._derived: Values = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(self.form_title, classes="form-title")
            if self.intro:
                yield Static(self.intro, classes="form-intro", markup=False)
            with Vertical(classes="form-fields"):  # scrolls with the focus; ↑/↓ move between fields
                for f in self.fields:
                    with Horizontal(classes="form-row"):
                        yield Label(f.label, classes="form-label")
                        yield self._widget(f)
            yield Static("", id="form-note", markup=False)
            yield Static("", id="form-error", markup=False)
            yield Label("Enter: next field · ctrl+s: save · Esc: cancel", classes="form-keys")

    def _widget(self, f: Field):
        wid = f"field-{f.key}"
        if f.kind == "choice":
            return ChoiceField(f.choices, f.value, id=wid)
        if f.kind == "check":
            return TickField(bool(f.value), id=wid)
        return FormInput(value="" if f.value is None else str(f.value), placeholder=f.placeholder, id=wid, compact=True)

    def on_mount(self) -> None:
        if self.derive is not None:
            self._derived = self.derive(self.values())
        self._update_note()
        self.query(FIELDS).first().focus()

    def values(self) -> Values:
        out: Values = {}
        for f in self.fields:
            out[f.key] = self.query_one(f"#field-{f.key}").value
        return out

    def _update_note(self) -> None:
        if self.note is None:
            return
        try:
            text = self.note(self.values())
        except Exception as exc:
            text = str(exc) if is_clerk_error(exc) else ""
        self.query_one("#form-note", Static).update(text or "")

    @on(Input.Changed)
    @on(FieldWidget.Changed)
    def _changed(self) -> None:
        self.query_one("#form-error", Static).update("")
        if self.derive is not None:
            for key, value in self.derive(self.values()).items():
                widget = self.query_one(f"#field-{key}", Input)
                if widget.value == self._derived.get(key) and widget.value != value:
                    widget.value = value
                self._derived[key] = value
        self._update_note()

    def action_focus_next(self) -> None:
        self.focus_next()

    def action_focus_previous(self) -> None:
        self.focus_previous()

    def advance(self, widget) -> None:
        """Enter in a field: the next field has the focus before the next key arrives."""
        fields = list(self.query(FIELDS))
        if widget is fields[-1]:
            self.action_save()
        else:
            self.set_focus(fields[fields.index(widget) + 1])

    def action_save(self) -> None:
        try:
            result = self.submit(self.values())
        except Exception as exc:
            if is_clerk_error(exc):
                self.query_one("#form-error", Static).update(str(exc))
                self.app.bell()
            else:
                report(self, exc)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: y or Enter says yes, n or Esc says no."""

    CSS_PATH = "forms.tcss"
    BINDINGS = [Binding("y,enter", "answer(True)", "Yes"), Binding("n,escape", "answer(False)", "No")]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question, self.detail = question, detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(self.question, classes="form-title")
            if self.detail:
                yield Static(self.detail, classes="form-intro", markup=False)
            yield Label("y / Enter: yes · n / Esc: no", classes="form-keys")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
