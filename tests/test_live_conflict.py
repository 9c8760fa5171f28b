"""The live window whose minute was changed in another window meanwhile: its save is
refused with a plain message, what the clerk typed stays in the editor, and ctrl+s then
stores it over the other change."""

from __future__ import annotations

from clerk.services import content
from clerk.storage import Store

from .live_helpers import build_demo_agenda
from .live_pilot import live_app, ready, settle, type_text
from .settled import until as wait_until


async def until(pilot, condition) -> None:
    """Wait for the screen's own state (an autosave runs on a timer)."""
    await settle(pilot)
    await wait_until(pilot, condition, "the screen's own state")


async def test_a_save_refused_is_shown_and_keeps_the_text_typed(tmp_path):
    store = Store.open(tmp_path / "clerk.db")
    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2", "b", "2", "enter", "f2", "b", "1", "enter")  # minutes 64 and 65
        await type_text(pilot, "Jim Parris introduced the report.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        minute_id = screen.minute_id
        assert content.content(store, minute_id).body == "Jim Parris introduced the report."
        assert screen.view.minute(minute_id).number == "65"

        content.set_body(store, minute_id, "Another window's wording.")  # another clerk, meanwhile
        await type_text(pilot, " Members asked about the criteria.")
        await until(pilot, lambda: "changed in another window" in screen.saved_label)  # the autosave was refused
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith("Minute 65 was changed in another window since this one read it; nothing was overwritten.")
            for m in messages
        ), messages
        assert "changed in another window" in screen.saved_label
        assert screen.editor.text == "Jim Parris introduced the report. Members asked about the criteria."
        assert content.content(store, minute_id).body == "Another window's wording."

        await type_text(pilot, " It was agreed.")  # the autosave goes on refusing, quietly
        await pilot.press("alt+up")
        await until(pilot, lambda: screen.minute_id != minute_id)
        await pilot.press("alt+down")  # away and back: the text typed is still there
        await settle(pilot)
        assert screen.minute_id == minute_id
        assert screen.editor.text == "Jim Parris introduced the report. Members asked about the criteria. It was agreed."
        assert len(messages) == len([n.message for n in app._notifications])  # told once
        assert content.content(store, minute_id).body == "Another window's wording."

        await pilot.press("ctrl+s")  # the clerk, told, stores it over the other change
        await settle(pilot)
        assert screen.saved_label.startswith("saved")
    assert (
        content.content(store, minute_id).body
        == "Jim Parris introduced the report. Members asked about the criteria. It was agreed."
    )
    store.close()
