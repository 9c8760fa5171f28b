"""Keys remapped by binding id (config.toml's [keymap]): every binding has an id, a remapped key
shows in the footer and F1 help and does the work (the old key no longer does), and a key the
minute editor keeps, or an id no binding has, is refused with one line."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from screens.app import ClerkApp
from screens.help import HelpScreen, key_rows
from screens.keymap import binding_classes, check_keymap, keymap_table, own_bindings
from screens.live.panels import AgendaPanel
from screens.live.screen import LiveScreen
from screens.widgets.keys import PanelInput

from .live_helpers import build_demo_agenda
from .settled import settled

DOC = Path(__file__).resolve().parent.parent / "docs" / "keymap.md"


def test_every_binding_has_an_id_and_a_description():
    seen: dict[str, str] = {}
    for cls in binding_classes():
        for binding in own_bindings(cls):
            where = f"{cls.__qualname__} {binding.key}"
            assert binding.id, f"{where} has no id"
            assert binding.description, f"{where} has no description"
            assert binding.id not in seen, f"{binding.id} is used by {seen[binding.id]} and {where}"
            seen[binding.id] = where
    assert {"live.take", "home.new", "quit", "help", "agenda.add", "vote.for"} <= set(seen)


def test_the_check_is_in_one_place():
    accepted, problems = check_keymap({"live.take": "f11", "home.new": "n", "live.new": "ctrl+z", "nowhere": "f11"})
    assert accepted == {"live.take": "f11", "home.new": "n"}  # a letter is fine where nobody types
    assert len(problems) == 2
    assert "ctrl+z" in problems[0] and "live.new" in problems[0]
    assert "nowhere" in problems[1]
    # a key another binding of the same screen (or the app) already has: refused, unless that one moves too
    refused, problems = check_keymap({"live.take": "f3"})
    assert refused == {} and "live.attendance" in problems[0] and "f3" in problems[0]
    assert check_keymap({"live.take": "f3", "live.attendance": "f11"}) == ({"live.take": "f3", "live.attendance": "f11"}, [])
    assert check_keymap({"home.new": "f1"})[0] == {}  # F1 is help everywhere
    for key in ("a", "A", "shift+a", "enter", "ctrl+m", "tab", "up", "ctrl+a", "ctrl+z", "backspace", "space", "question_mark"):
        assert check_keymap({"live.take": key})[0] == {}, key


def footer_keys(screen) -> dict[str, str]:
    return {str(k.description): k.key for k in screen.query("FooterKey")}


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_remapped_key_shows_and_works_and_the_old_one_does_not(store):
    built = build_demo_agenda(store)
    app = ClerkApp(store, start=lambda: LiveScreen(built.held_id), keymap={"live.take": "f11", "live.new": "ctrl+z"})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled(pilot, LiveScreen)
        assert footer_keys(screen)["Take item"] == "f11"
        assert dict((d, k) for k, d in key_rows(screen))["Take item"].lower() == "f11"
        assert isinstance(app.focused, TextArea)
        await pilot.press("f2")
        await settled(pilot)
        assert isinstance(app.focused, TextArea)  # F2 no longer takes an item
        await pilot.press("f11")
        await settled(pilot)
        assert isinstance(app.focused, PanelInput) and isinstance(app.focused.parent, AgendaPanel)
        # the clash: refused with a message, ctrl+z stays the editor's, F4 still makes a new minute
        assert any("ctrl+z" in m and "live.new" in m for m in messages(app))
        assert footer_keys(screen)["New minute"] == "f4"
        await pilot.press("f1")
        help_screen = await settled(pilot, HelpScreen)
        shown = [str(s.render()) for s in help_screen.query(".key")]
        shown = [s.lower() for s in shown]
        assert "f11" in shown and "f2" not in shown
        await pilot.press("escape")
        await settled(pilot, LiveScreen)
        commands = {c.title: c.help for c in app.get_system_commands(screen)}
        assert commands["Take item"].lower() == "f11"


async def test_an_unknown_id_is_reported_and_the_rest_applied(store):
    app = ClerkApp(store, keymap={"home.take_item": "f11", "home.new": "ctrl+k"})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await settled(pilot)
        assert any("home.take_item" in m for m in messages(app))
        assert footer_keys(screen)["New"] == "ctrl+k"


def test_the_list_of_ids_is_up_to_date():
    """docs/keymap.md is written by screens.keymap.keymap_table (run this file to rewrite it)."""
    assert DOC.read_text(encoding="utf-8") == keymap_table(), "docs/keymap.md is out of date: python -m tests.test_keymap"


if __name__ == "__main__":
    DOC.write_text(keymap_table(), encoding="utf-8")
