"""Keys in the order they were typed.

Textual hands every key to the widget that had the focus when the key arrived, and runs
key bindings only after the key has travelled back up to the app. A clerk typing fast
("F2 b1 Enter Mr Parris introduced …") would see letters typed after Enter land in the
agenda filter, or letters typed after F8 land in the minute. The widgets here keep the
order: the live screen's keys and Enter are acted on the moment the widget reaches them,
and a key that reaches a widget which no longer has the focus is passed on to the one
that has it now.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual import events
from textual.widget import Widget
from textual.widgets import Input, OptionList, TextArea

from .cursor import AppCursor
from .textual_private import FirstLookAtKeys


def focus_now(widget: Widget) -> None:
    """Focus at once, so keys already typed after this one reach the widget (``Widget.focus``
    waits for the next turn of the event loop, and a fast typist does not)."""
    try:
        widget.screen.set_focus(widget)
    except Exception:
        widget.focus()


def pass_on(widget: Widget, event: events.Key) -> bool:
    """A key routed here before the focus moved on: give it to whoever has the focus now."""
    screen = widget.app.screen
    if screen.focused is widget:
        return False
    event.prevent_default()
    event.stop()
    (screen.focused or screen).post_message(events.Key(event.key, event.character))
    return True


@runtime_checkable
class ListOwner(Protocol):
    """A screen that acts on Enter in one of its lists (the live screen's panels, a menu)."""

    def list_enter(self, options: OptionList) -> None: ...


@runtime_checkable
class Chooser(Protocol):
    """The panel a filter box belongs to: Enter chooses, ↑/↓ move in its list."""

    def action_choose(self) -> None: ...

    def action_move(self, step: int) -> None: ...


@runtime_checkable
class EditorOwner(Protocol):
    """A screen with a main editor that Esc in a filter box goes back to."""

    def focus_editor(self) -> None: ...


class OrderedKeys(FirstLookAtKeys):
    """Mixin for every focusable widget of the live screen and its dialogs (it runs before
    the widget's own key handling)."""

    types_text = True  # printable keys are typed (a list looks them up in the bindings instead)

    async def first_look(self, event: events.Key) -> None:
        if pass_on(self, event):
            return
        if self.own_key(event.key):
            event.prevent_default()
            event.stop()
            return
        if event.is_printable and self.types_text:
            return  # the widget types it
        # A key binding (this widget's, the panel's, the screen's, the app's): run it now, as
        # Textual would once the key had bubbled up to the app, but before the next key.
        active = self.screen.active_bindings.get(event.key)
        if active is None or not active.enabled or active.binding.priority:
            return
        if active.node is self and active.binding.action.startswith("scroll_"):
            return  # a text box's own scrolling, which it skips: Textual passes the key on up
        event.prevent_default()
        event.stop()
        await self.app.run_action(active.binding.action, active.node)

    def own_key(self, key: str) -> bool:
        """Handle a key of this widget at once; False leaves it to the rest."""
        return False


class PanelInput(AppCursor, OrderedKeys, Input):
    """The filter box of the agenda and attendance panels."""

    def own_key(self, key: str) -> bool:
        panel = self.parent
        if not isinstance(panel, Chooser):
            return False
        if key == "enter":
            panel.action_choose()
            return True
        if key in ("up", "down"):
            panel.action_move(1 if key == "down" else -1)
            return True
        if key == "escape" and isinstance(self.screen, EditorOwner):
            self.screen.focus_editor()
            return True
        return False


class OrderedList(OrderedKeys, OptionList):
    """A list on the live screen or in a dialog: Enter is handed to the screen at once."""

    types_text = False

    def own_key(self, key: str) -> bool:
        if key == "enter" and isinstance(self.screen, ListOwner):
            self.screen.list_enter(self)
            return True
        return False


class PlainInput(AppCursor, OrderedKeys, Input):
    """A text box with no keys of its own (the home filter, the file picker's path, the import
    screen's boxes): ctrl+u, Home or Enter act before the letters typed after them."""


class PlainTextArea(AppCursor, OrderedKeys, TextArea):
    """A plain text editor whose cursor blinks as the app says (the import screen's text)."""
