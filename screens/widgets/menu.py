"""Modals that are not forms: a menu of a few answers, each on a key, and a yes/no question."""

from __future__ import annotations

from collections.abc import Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from .dialog import Dialog
from .keys import OrderedList, focus_now


def side_by_side(typed: str, typed_about: str, name: str, about: str, width: int = 36) -> str:
    """A name typed and the person in clerk it looks like, in two columns (a "Same as …?" menu's message)."""
    left = ["Typed now", typed, typed_about or "(new)"]
    right = ["Already in clerk", name, about]
    return "\n".join(f"{a[: width - 2]:<{width}}{b}" for a, b in zip(left, right, strict=True))


MENU_CSS = "Menu #choices { height: auto; max-height: 12; border: none; }"


class Menu(Dialog):
    """A question with a few answers, each on a key (shown beside it); ↑/↓ and Enter work too.
    The answer is the chosen value, or None (Esc)."""

    DEFAULT_CSS = MENU_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="menu.cancel")]

    def __init__(self, title: str, message: str, choices: Sequence[tuple[str, str, str]]) -> None:
        """``choices``: (key, label, value); the first is taken by Enter."""
        super().__init__()
        self.menu_title, self.message, self.choices = title, message, list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(self.menu_title, classes="form-title")
            if self.message:
                with VerticalScroll(classes="form-intro"):
                    yield Static(self.message, markup=False)
            yield OrderedList(*[Option(f"{key:>5}  {label}", id=value) for key, label, value in self.choices], id="choices")
            yield Label("Press a key, or ↑/↓ and Enter.   Esc: cancel", classes="form-keys")

    def on_mount(self) -> None:
        options = self.query_one("#choices", OptionList)
        options.highlighted = 0
        focus_now(options)

    def on_key(self, event: events.Key) -> None:
        if self.passed_on(event):
            return
        for key, _label, value in self.choices:
            if key == "enter":
                continue  # Enter chooses the highlighted answer
            if event.key == key.lower() or (event.character and event.character == key):
                event.stop()
                self.answer(value)
                return

    def list_enter(self, options: OptionList) -> None:
        if options.highlighted is not None:
            self.answer(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:  # a click
        self.answer(event.option.id)

    def action_cancel(self) -> None:
        self.answer(None)


class Confirm(Dialog):
    """A yes/no question: y or Enter says yes, n or Esc says no."""

    BINDINGS = [
        Binding("y,enter", "reply(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "reply(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question, self.detail = question, detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(self.question, classes="form-title")
            if self.detail:
                yield Static(self.detail, classes="form-intro", markup=False)
            yield Label("y / Enter: yes · n / Esc: no", classes="form-keys")

    def action_reply(self, yes: bool) -> None:
        self.answer(yes)
