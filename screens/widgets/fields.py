"""The fields of a form, made for typing: Enter always moves on. A text field types; a pick
field is a text field with a list under it, filtered as you type (↑/↓ pick, Enter takes); a
choice changes with ←/→ or space, or by typing the first letter of an option; a tick box with
space, ←/→ or y/n."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from .cursor import AppCursor
from .keys import OrderedKeys


@runtime_checkable
class FormKeys(Protocol):
    """What a field asks of the form it is in (widgets.form.Form)."""

    def advance(self, widget: Widget) -> None:
        """Enter in ``widget``: on to the next field, or save from the last."""

    def step(self, widget: Widget, delta: int) -> None:
        """↓ (1) or ↑ (-1) in ``widget``: the next pick under it, else the next field."""


def form_key(widget: Widget, key: str) -> bool:
    """Enter and ↓ move to the next field at once (Enter saves from the last); ↑ goes back."""
    form = widget.screen
    if not isinstance(form, FormKeys):
        return False
    if key == "enter":
        form.advance(widget)
    elif key in ("up", "down"):
        form.step(widget, 1 if key == "down" else -1)
    else:
        return False
    return True


class FormInput(AppCursor, OrderedKeys, Input):
    """A text field (and the box of a pick field)."""

    def own_key(self, key: str) -> bool:
        return form_key(self, key)


def words_match(query: str, text: str) -> bool:
    low = text.lower()
    return all(w in low for w in query.lower().split())


class PickList(OptionList, can_focus=False):
    """The list under a pick field: what matches the words typed in the field. It never has the
    focus (the field keeps it: ↑/↓ there move in the list), so Tab goes from field to field;
    once the field holds one of the picks exactly, the list is hidden."""

    DEFAULT_CSS = "PickList { height: auto; max-height: 6; border: none; margin: 0 0 0 2; background: $boost; }"

    def __init__(self, picks: Sequence[str], *, id: str) -> None:
        super().__init__(id=id)
        self.picks = list(picks)
        self.shown_for: str | None = None  # the text the list was filtered by
        self.navigated = False  # ↑/↓ were used: Enter takes the highlighted pick whatever is typed

    def fill(self, query: str) -> None:
        if query == self.shown_for:
            return
        self.shown_for = query
        self.clear_options()
        shown = [p for p in self.picks if words_match(query, p)] if query else self.picks
        self.add_options([Option(p) for p in shown])
        self.display = bool(shown) and query not in self.picks
        if shown:
            self.highlighted = 0

    def move(self, delta: int) -> None:
        if not self.option_count:
            return
        self.display = True
        self.highlighted = ((self.highlighted or 0) + delta) % self.option_count if self.navigated else 0
        self.navigated = True

    def pick(self) -> str | None:
        """The highlighted pick, when one is shown."""
        if not self.display or self.highlighted is None or not self.option_count:
            return None
        return str(self.get_option_at_index(self.highlighted).prompt)


class Field(OrderedKeys, Widget, can_focus=True):
    """A field that is not typed into: a choice or a tick box."""

    class Changed(Message):
        def __init__(self, field: Field) -> None:
            super().__init__()
            self.field = field

    types_text = False

    def own_key(self, key: str) -> bool:
        """Enter moves on at once (before the next key typed), as in every form field."""
        return form_key(self, key)


class ChoiceField(Field):
    DEFAULT_CSS = "ChoiceField { height: 1; width: 1fr; background: $boost; } ChoiceField:focus { background: $accent 30%; }"
    BINDINGS = [
        Binding("left", "step(-1)", "Previous choice", show=False, id="choice.previous"),
        Binding("right,space", "step(1)", "Next choice", show=False, id="choice.next"),
    ]
    index: reactive[int] = reactive(0)

    def __init__(self, choices: Sequence[tuple[str, Any]], value: Any = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.choices = list(choices)
        values = [v for _l, v in self.choices]
        self.set_reactive(ChoiceField.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> Any:
        return self.choices[self.index][1]

    def render(self) -> Text:
        return Text(f"‹ {self.choices[self.index][0]} ›")

    def action_step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.choices)

    def watch_index(self) -> None:
        self.post_message(self.Changed(self))

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isalnum():
            letter = event.character.lower()
            order = list(range(self.index + 1, len(self.choices))) + list(range(self.index + 1))
            for i in order:
                if self.choices[i][0].lower().startswith(letter):
                    self.index = i
                    event.stop()
                    return


class TickField(Field):
    DEFAULT_CSS = "TickField { height: 1; width: 1fr; background: $boost; } TickField:focus { background: $accent 30%; }"
    BINDINGS = [
        Binding("space,left,right", "tick", "Tick", show=False, id="tick.toggle"),
        Binding("y", "set(True)", "Yes", show=False, id="tick.yes"),
        Binding("n", "set(False)", "No", show=False, id="tick.no"),
    ]
    value: reactive[bool] = reactive(False)

    def __init__(self, value: bool = False, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(TickField.value, bool(value))

    def render(self) -> Text:
        return Text("[x] yes" if self.value else "[ ] no")

    def action_tick(self) -> None:
        self.value = not self.value

    def action_set(self, value: bool) -> None:
        self.value = value

    def watch_value(self) -> None:
        self.post_message(self.Changed(self))
