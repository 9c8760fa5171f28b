"""Form fields made for typing: Enter always moves on. A choice changes with ←/→ or space, or by
typing the first letter of an option; a tick box with space, ←/→ or y/n."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from .keys import OrderedKeys


def form_key(widget, key: str) -> bool:
    """Enter and ↓ move to the next field at once (Enter saves from the last); ↑ goes back."""
    screen = widget.screen
    if not hasattr(screen, "advance"):
        return False
    if key == "enter":
        screen.advance(widget)
    elif key == "down":
        screen.focus_next()
    elif key == "up":
        screen.focus_previous()
    else:
        return False
    return True


class Field(OrderedKeys, Widget, can_focus=True):
    DEFAULT_CSS = """
    ChoiceField, TickField { height: 1; width: 1fr; background: $boost; padding: 0 1; }
    ChoiceField:focus, TickField:focus { background: $accent 30%; }
    """

    class Changed(Message):
        def __init__(self, field: Field) -> None:
            super().__init__()
            self.field = field

    types_text = False

    def own_key(self, key: str) -> bool:
        """Enter moves on at once (before the next key typed), as in every form field."""
        return form_key(self, key)


class ChoiceField(Field):
    BINDINGS = [
        Binding("left", "step(-1)", "Previous choice", show=False),
        Binding("right,space", "step(1)", "Next choice", show=False),
    ]
    index: reactive[int] = reactive(0)

    def __init__(self, choices: list[tuple[str, Any]], value: Any = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.choices = choices
        values = [v for _l, v in choices]
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
    BINDINGS = [
        Binding("space,left,right", "toggle", "Tick", show=False),
        Binding("y", "set(True)", "Yes", show=False),
        Binding("n", "set(False)", "No", show=False),
    ]
    value: reactive[bool] = reactive(False)

    def __init__(self, value: bool = False, **kw: Any) -> None:
        super().__init__(**kw)
        self.set_reactive(TickField.value, bool(value))

    def render(self) -> Text:
        return Text("[x] yes" if self.value else "[ ] no")

    def action_toggle(self) -> None:
        self.value = not self.value

    def action_set(self, value: bool) -> None:
        self.value = value

    def watch_value(self) -> None:
        self.post_message(self.Changed(self))
