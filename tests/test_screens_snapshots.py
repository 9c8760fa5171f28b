"""Snapshots of the home screen, committee settings and the agenda builder, at 80×24 and larger.
Each SVG was looked at before it was accepted."""

from __future__ import annotations

import pytest

from screens.app import ClerkApp

from .settled import settled


async def settle(pilot) -> None:
    await settled(pilot)


@pytest.mark.parametrize("size", [(80, 24), (130, 36)])
def test_home(snap_compare, store, demo, size):
    assert snap_compare(ClerkApp(store), terminal_size=size, run_before=settle)


def test_home_with_two_committees_filtered(snap_compare, store, demo):
    from clerk.services import committees, meetings

    other = committees.create_committee(store, "Scrutiny Committee", numbering_scheme="per_meeting")
    meetings.create_meeting(store, other.id, "2014-09-10")

    async def run(pilot):
        await settle(pilot)
        await pilot.press(*"2014 sch")
        await settle(pilot)

    assert snap_compare(ClerkApp(store), terminal_size=(100, 24), run_before=run)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_agenda_builder(snap_compare, store, size):
    from .seed_2018 import build_2018

    build_2018(store)

    async def run(pilot):
        await settle(pilot)
        table = pilot.app.screen.query_one("#meetings")
        table.move_cursor(row=1)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(ClerkApp(store), terminal_size=size, run_before=run)


def test_item_form(snap_compare, store, demo):
    async def run(pilot):
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        await pilot.press("down", "down", "down", "e")
        await settle(pilot)

    assert snap_compare(ClerkApp(store), terminal_size=(80, 24), run_before=run)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_committee_settings(snap_compare, store, demo, size):
    async def run(pilot):
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)

    assert snap_compare(ClerkApp(store), terminal_size=size, run_before=run)


def test_numbering_form_previews_the_renumbering(snap_compare, store, demo):
    async def run(pilot):
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("down", "ctrl+u", *"161")
        await settle(pilot)

    assert snap_compare(ClerkApp(store), terminal_size=(100, 30), run_before=run)


def test_search_with_restricted_text(snap_compare, store, demo):
    """Search at 80×24: review* (minute 66, and the restricted minute 73) with restricted text asked for (F2)."""

    async def run(pilot):
        await settle(pilot)
        await pilot.press("ctrl+f")
        await settle(pilot)
        await pilot.press(*"review*", "enter")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    assert snap_compare(ClerkApp(store), terminal_size=(80, 24), run_before=run)
