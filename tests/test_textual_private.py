"""The private parts of Textual that clerk relies on, checked on a real TextArea in a running
app: when a Textual upgrade renames or changes one, this fails, naming it. They are used in
screens.widgets.textual_private.py only."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea

from screens.widgets.textual_private import (
    FirstLookAtKeys,
    LineHook,
    PasteHook,
    line_at_row,
    matched_bracket,
    redraw_lines,
    type_in,
)

from .settled import until

SCREENS = Path(__file__).resolve().parent.parent / "screens"
PRIVATE = re.compile(
    r"\b_(on_key|on_paste|render_line|line_cache|replace_via_keyboard|offset_to_line_info|matching_bracket_location)\b"
)


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_the_private_names_are_there_with_their_signatures():
    assert parameters(Widget._on_key) == ["self", "event"], "Widget._on_key changed"
    assert parameters(TextArea._on_key) == ["self", "event"], "TextArea._on_key changed"
    assert parameters(TextArea._on_paste) == ["self", "event"], "TextArea._on_paste changed"
    assert parameters(TextArea._render_line) == ["self", "y"], "TextArea._render_line changed"
    assert parameters(TextArea._replace_via_keyboard) == ["self", "insert", "start", "end"], (
        "TextArea._replace_via_keyboard changed"
    )


class Probe(FirstLookAtKeys, PasteHook, LineHook, TextArea):
    def __init__(self) -> None:
        super().__init__("", soft_wrap=True, id="probe")
        self.looked: list[str] = []
        self.pasted: list[str] = []
        self.rows: list[int] = []

    async def first_look(self, event: events.Key) -> None:
        self.looked.append(event.key)
        if event.key == "x":  # kept from the text area
            event.prevent_default()
            event.stop()

    async def paste(self, event: events.Paste) -> None:
        event.prevent_default()  # as the minute editor: the TextArea's own paste does not run
        event.stop()
        self.pasted.append(event.text)
        type_in(self, event.text.upper())

    def decorate_line(self, y: int, strip: Strip) -> Strip:
        self.rows.append(y)
        return strip


class ProbeApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Probe()


async def test_the_hooks_run_on_a_real_text_area():
    app = ProbeApp()
    async with app.run_test(size=(30, 8)) as pilot:
        probe = app.query_one(Probe)
        probe.focus()
        await pilot.pause()
        await pilot.press("x", "y")
        assert probe.looked == ["x", "y"], "_on_key is no longer dispatched before the widget's own handling"
        assert probe.text == "y", "_on_key's prevent_default no longer keeps a key from the TextArea"

        probe.post_message(events.Paste("pasted "))
        await until(pilot, lambda: probe.pasted, "the paste handled")
        assert probe.pasted == ["pasted "], "TextArea._on_paste is no longer called for a paste"
        assert probe.text == "yPASTED ", "TextArea._replace_via_keyboard no longer types the text in"

        probe.text = "a line long enough to wrap over several rows of a narrow text area"
        await until(pilot, lambda: probe.rows, "a row drawn")
        assert probe.rows, "TextArea._render_line is no longer called to draw a row"
        assert line_at_row(probe, 0) == (0, 0), "wrapped_document._offset_to_line_info no longer maps rows to lines"
        assert line_at_row(probe, 1) == (0, 1), "wrapped_document._offset_to_line_info no longer gives wrapped sections"
        assert line_at_row(probe, 500) is None

        probe.rows.clear()
        redraw_lines(probe)
        probe.refresh()
        await until(pilot, lambda: 0 in probe.rows, "row 0 drawn again")
        assert 0 in probe.rows, "clearing TextArea._line_cache no longer redraws the rows"

        probe.text = "see (1) above"
        probe.move_cursor((0, 4))
        await until(pilot, lambda: matched_bracket(probe) is not None, "the bracket matched")
        assert matched_bracket(probe) == (0, 6), "TextArea._matching_bracket_location no longer holds the matched bracket"
        probe.move_cursor((0, 1))
        await until(pilot, lambda: matched_bracket(probe) is None, "no bracket matched")


def test_only_one_module_touches_them():
    users = sorted(
        str(p.relative_to(SCREENS))
        for p in SCREENS.rglob("*.py")
        if p.name != "textual_private.py" and PRIVATE.search(p.read_text(encoding="utf-8"))
    )
    assert users == [], f"Textual's private API used outside screens.widgets.textual_private.py: {users}"
