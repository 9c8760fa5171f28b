"""A key typed into the minute editor redraws the rows it changed and nothing else, and the
screen after it is exactly what a full redraw draws: letters, wraps, Enter, points, brackets,
deletions, selections, undo and the paragraph labels in the gutter."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.strip import Strip
from textual.widgets import Static

from screens.widgets.minute_editor import MinuteEditor
from screens.widgets.textual_private import redraw_lines

from .settled import until


class CountingEditor(MinuteEditor):
    def __init__(self) -> None:
        super().__init__(soft_wrap=True, show_line_numbers=True, id="editor")
        self.drawn: list[int] = []

    def decorate_line(self, y: int, strip: Strip) -> Strip:
        self.drawn.append(y)
        return super().decorate_line(y, strip)


class EditorApp(App[None]):
    CSS = "#side { width: 12; } #editor { width: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("agenda\nbeside\nthe minute", id="side")
            yield CountingEditor()


KEYS = [
    *"Mr Parris introduced the report on the community trigger",  # wraps at least once
    "enter",
    "enter",
    *"- a point (with brackets) and [more]",
    "left",
    "left",
    "backspace",
    "x",
    "home",
    *"Now ",
    "shift+right",
    "shift+right",
    "y",
    "up",
    "end",
    "backspace",
    "backspace",
    "ctrl+z",
    "enter",
    *"RESOLVED that the report on the community trigger be noted",
    *["up"] * 8,
    "down",
    "end",
    *" and more",
]


@pytest.mark.parametrize("height", [12, 7])  # at 7 rows the minute scrolls as it is typed
async def test_each_key_shows_what_a_full_redraw_shows(height):
    app = EditorApp()
    async with app.run_test(size=(44, height)) as pilot:
        editor = app.query_one(CountingEditor)
        editor.cursor_blink = False
        editor.focus()
        await pilot.pause()
        scrolled = 0
        for n, key in enumerate(KEYS):
            await pilot.press(key)
            await pilot.pause()
            if n % 7 == 3:  # the labels change, as the minute pane sets them after a pause in typing
                editor.set_labels(["(1)", "", "(a)", "(b)", "(2)"])
            shown = app.export_screenshot()
            redraw_lines(editor)
            editor.refresh()
            await pilot.pause()
            assert app.export_screenshot() == shown, f"after {key!r} (key {n}) the screen is not what a full redraw draws"
            scrolled = max(scrolled, editor.scroll_offset.y)
        assert scrolled > 0 or height > 7, "the short editor scrolled"


async def test_a_letter_inside_a_line_redraws_that_line_only():
    app = EditorApp()
    async with app.run_test(size=(44, 12)) as pilot:
        editor = app.query_one(CountingEditor)
        editor.cursor_blink = False
        editor.load_text("First paragraph.\n\nSecond paragraph, long enough to wrap over two rows.\n\nThird.")
        editor.focus()
        editor.move_cursor((2, 6))
        await pilot.pause()
        editor.drawn.clear()
        await pilot.press("x")
        await until(pilot, lambda: editor.drawn, "the line drawn")
        await pilot.pause()
        assert editor.text.startswith("First paragraph.\n\nSecondx")
        wrapped = editor.wrapped_document
        rows = set(range(wrapped.location_to_offset((2, 0)).y, 2 + len(wrapped.get_offsets(2)) + 1))
        assert len(rows) > 1 and wrapped.height > len(rows) + 2
        assert set(editor.drawn) == rows, "the rows of the line typed into, and no others"
        editor.drawn.clear()
        await pilot.press("enter")
        await until(pilot, lambda: editor.drawn, "the lines drawn")
        await pilot.pause()
        assert len(set(editor.drawn)) > 2, "Enter moves the lines below: all are drawn again"
