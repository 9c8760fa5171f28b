"""The search screen: from home with ctrl+f (or the command palette), words typed and Enter, the
results best first with their meeting and minute, Enter opens the meeting; restricted text only
after F2, marked; a search that cannot be read gets its message. At 80×24."""

from __future__ import annotations

import io

from textual.widgets import Input, Label, OptionList

from screens.agenda_builder import AgendaScreen
from screens.app import ClerkApp
from screens.home import HomeScreen
from screens.search import SearchScreen

from .settled import settled, until


def prompts(screen) -> list[str]:
    """Each result as the list shows it, 76 columns wide."""
    from rich.console import Console

    hits = screen.query_one("#search-hits", OptionList)
    shown = []
    for i in range(hits.option_count):
        console = Console(width=76, record=True, file=io.StringIO())
        console.print(hits.get_option_at_index(i).prompt)
        shown.append(console.export_text())
    return shown


async def search_for(pilot, words: str):
    screen = await settled(pilot, SearchScreen)
    screen.query_one("#search-words", Input).value = ""
    await pilot.press(*words)
    await pilot.press("enter")
    return await settled(pilot, SearchScreen)


async def test_search_from_home_finds_minute_66_and_opens_its_meeting(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("ctrl+f")
        screen = await search_for(pilot, '"Community Trigger"')
        shown = prompts(screen)
        assert shown[0].startswith("Minute 66 (minute), 8 July 2014, Kent Community Safety Partnership\n")
        assert "Community Trigger Criteria" in shown[0]
        assert '5 matches for "Community Trigger".' in str(screen.query_one("#search-status", Label).render())
        await pilot.press("down", "enter")
        agenda = await settled(pilot, AgendaScreen)
        assert agenda.meeting_id == demo.held_meeting_id
        item = agenda.current_item()  # the cursor is on the item minute 66 was taken under
        assert item is not None and item.title.startswith("Community Trigger")


async def test_restricted_text_only_after_f2_and_marked(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("ctrl+f")
        screen = await search_for(pilot, "homicide")
        assert prompts(screen) == []
        assert "Nothing found" in str(screen.query_one("#search-status", Label).render())
        await pilot.press("f2")
        screen = await settled(pilot, SearchScreen)
        [shown] = prompts(screen)
        assert shown.startswith("RESTRICTED Minute 73 (minute), 8 July 2014, Kent Community Safety Partnersh…\n")
        assert "  Domestic Homicide Reviews" in shown
        assert "Restricted text searched" in str(screen.query_one("#search-status", Label).render())


async def test_a_search_that_cannot_be_read_says_why(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        await pilot.press("ctrl+f")
        await search_for(pilot, '"Community')
        await until(pilot, lambda: any("quote mark" in str(n.message) for n in app._notifications), "the message")
        assert isinstance(app.screen, SearchScreen)


async def test_the_command_palette_jumps_to_search_from_any_screen(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot, HomeScreen)
        assert "Search" in [c.title for c in app.get_system_commands(app.screen)]
        await pilot.press("enter")  # the held meeting's agenda
        agenda = await settled(pilot, AgendaScreen)
        assert "Search" in [c.title for c in app.get_system_commands(agenda)]
        await pilot.press("ctrl+p")
        await settled(pilot)
        await pilot.press(*"search")
        commands = app.screen.query_one("CommandList")
        await until(
            pilot,
            lambda: commands.option_count and "Search" in str(commands.get_option_at_index(0).prompt),
            "the palette offers Search first",
        )
        await pilot.press("enter")
        await settled(pilot, SearchScreen)
