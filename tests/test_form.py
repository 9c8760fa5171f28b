"""The one form of the app (screens.widgets.form) and its menu: the same keys in every form,
a pick list filtered as you type, a refusal shown in the form with everything typed kept, and
an answer handed on at once when the form is opened with ``open_dialog``."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widgets import Input, Static

from clerk.errors import InvalidInput
from screens.widgets.dialog import open_dialog
from screens.widgets.fields import ChoiceField, PickList, TickField
from screens.widgets.form import Field, Form, Values
from screens.widgets.menu import Confirm, Menu
from tests.settled import settled, until

PEOPLE = ["Mr David Coleman", "Ms C Allen", "Mr J Parris"]


class Host(App[None]):
    """A bare app that opens one dialog and keeps its answers."""

    def __init__(self, dialog: Any, *, at_once: bool = False) -> None:
        super().__init__()
        self.dialog, self.at_once, self.answers = dialog, at_once, []

    def on_mount(self) -> None:
        if self.at_once:
            open_dialog(self, self.dialog, self.answers.append)
        else:
            self.push_screen(self.dialog, self.answers.append)


def fields() -> list[Field]:
    return [
        Field("owner", "Action for", kind="pick", picks=PEOPLE),
        Field("what", "What"),
        Field("kind", "Paper", "report", kind="choice", choices=[("Report", "report"), ("Verbal", "verbal")]),
        Field("restricted", "Restricted", False, kind="check"),
    ]


async def test_enter_moves_on_takes_the_pick_and_saves_from_the_last_field():
    app = Host(Form("Action", fields()))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, Form)
        await pilot.press(*"parr", "enter")  # the pick list narrowed to Mr J Parris: Enter takes it
        await pilot.press(*"Report back", "enter")
        await pilot.press("v", "enter")  # a choice by its first letter
        await pilot.press("space", "enter")  # ticked; Enter on the last field saves
        await until(pilot, lambda: app.answers, "the form answered")
    assert app.answers == [{"owner": "Mr J Parris", "what": "Report back", "kind": "verbal", "restricted": True}]


async def test_arrows_walk_the_picks_and_a_name_typed_in_full_is_kept():
    app = Host(Form("Action", fields()))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await settled(pilot, Form)
        picks = form.query_one(PickList)
        assert picks.option_count == 3
        await pilot.press("down", "down", "enter")  # ↓ highlights the first, ↓ again the second
        assert form.query_one("#field-owner", Input).value == "Ms C Allen"
        assert form.focused is form.query_one("#field-what", Input)
        await pilot.press("up")  # ↑ in a plain field: back to the field before
        await pilot.press("ctrl+u", *"Mr New Person", "ctrl+s")
        await until(pilot, lambda: app.answers, "the form answered")
    assert app.answers[0]["owner"] == "Mr New Person"


async def test_a_refusal_is_shown_in_the_form_and_nothing_typed_is_lost():
    def submit(values: Values) -> str:
        if not values["what"]:
            raise InvalidInput("Say what the action is.")
        return f"{values['owner']}: {values['what']}"

    app = Host(Form("Action", fields(), submit))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await settled(pilot, Form)
        await pilot.press(*"allen", "ctrl+s")
        error = form.query_one("#form-error", Static)
        await until(pilot, lambda: "Say what the action is." in str(error.render()), "the refusal is shown")
        assert app.screen is form and app.answers == []
        assert form.query_one("#field-owner", Input).value == "allen"  # ctrl+s takes no pick
        await pilot.press("tab", *"Report back")
        assert str(error.render()) == ""  # typing clears the refusal
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.answers, "the form answered")
    assert app.answers == ["allen: Report back"]


async def test_escape_cancels_and_the_answer_comes_at_once_when_asked_so():
    app = Host(Form("Action", fields()), at_once=True)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await settled(pilot, Form)
        await pilot.press(*"par", "escape")
        assert app.answers == [None]  # handed on the moment Esc was handled
        assert app.screen is not form


async def test_short_labels_sit_beside_their_fields_and_long_ones_above():
    long = [Field("name", "Who is substituting (pick, or type a new name: Mr A Smith)", kind="pick", picks=PEOPLE)]
    for given, stacked in ((fields(), False), (long, True)):
        app = Host(Form("A form", given))
        async with app.run_test(size=(80, 24)) as pilot:
            form = await settled(pilot, Form)
            assert form.query_one(".form-fields").has_class("stacked") is stacked
            first = form.query_one(".form-row")
            assert (first.query_one(".form-label").region.y < first.children[1].region.y) is stacked


async def test_choice_and_tick_fields_keep_the_form_keys():
    app = Host(Form("Paper", fields()[2:]))
    async with app.run_test(size=(80, 24)) as pilot:
        form = await settled(pilot, Form)
        assert isinstance(form.focused, ChoiceField)
        await pilot.press("right", "down")  # → changes the choice, ↓ moves on
        assert isinstance(form.focused, TickField)
        await pilot.press("y", "up", "left", "enter", "enter")
        await until(pilot, lambda: app.answers, "the form answered")
    assert app.answers == [{"kind": "report", "restricted": True}]


async def test_the_menu_answers_on_its_keys_and_confirm_on_y_or_n():
    menu = Menu("Withdraw or defer", "", [("w", "Withdrawn", "withdrawn"), ("d", "Deferred", "deferred")])
    app = Host(menu, at_once=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, Menu)
        await pilot.press("d")
        assert app.answers == ["deferred"]
    for key, answer in (("y", True), ("enter", True), ("n", False), ("escape", False)):
        assert await confirm_with(key) == [answer], key


async def confirm_with(key: str) -> list[Any]:
    app = Host(Confirm("Delete B3?"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, Confirm)
        await pilot.press(key)
        await until(pilot, lambda: app.answers, "the question answered")
    return app.answers
