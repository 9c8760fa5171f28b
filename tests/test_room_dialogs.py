"""The live screen's declaration (F8 d) and vote (F8 v) dialogs, driven from the keyboard: the
Act's kinds and what the member did are asked for; a vote offers only the members present at
that moment; a refused vote keeps its dialog open with everything typed."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select
from textual.widgets import Input, Label, OptionList

from clerk.models import Declaration, Vote
from screens.live.dialogs import FormDialog
from screens.live.named_vote import NamedVoteDialog

from .live_helpers import stored_minutes
from .live_pilot import FixedClock, live_app, paste, ready, type_text
from .settled import settled


def options(dialog: FormDialog, key: str) -> list[str]:
    picks = dialog.query_one(f"#p-{key}", OptionList)
    return [str(picks.get_option_at_index(i).prompt) for i in range(picks.option_count)]


async def test_a_declaration_and_a_vote_from_the_keyboard(store, demo):
    clock = FixedClock(dt.datetime(2014, 10, 14, 14, 0))
    app = live_app(store, demo.next_meeting_id, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f3")
        for name in ("cole", "allen", "stewart", "brett"):
            await type_text(pilot, name)
            await pilot.press("enter")
        await pilot.press("f2", "a", "2", "enter")  # the Declarations minute
        await pilot.press("f2", "c", "1", "enter")  # the item the interest is in
        await settled(pilot)
        await pilot.press("f8", "d")
        dialog = await settled(pilot, FormDialog)
        assert "Mr A Stewart" in options(dialog, "member")
        await type_text(pilot, "cole")
        await pilot.press("enter", "enter")  # Mr David Coleman; the item taken (C1)
        await type_text(pilot, "pecuniary")
        await pilot.press("enter")
        await paste(pilot, "He owns the venue")
        await pilot.press("enter")
        await type_text(pilot, "left")
        await pilot.press("enter", "enter")  # left the room; the nature is public
        await settled(pilot)
        with store.read() as s:
            d = s.exec(select(Declaration)).one()
        assert (d.member_name, d.interest, d.participation, d.nature) == (
            "Mr David Coleman",
            "disclosable_pecuniary",
            "left",
            "He owns the venue",
        )
        a2 = stored_minutes(store, demo.next_meeting_id)[0]
        assert a2[4].startswith("Mr David Coleman declared a Disclosable Pecuniary Interest in Item C1 (")
        assert a2[4].endswith(": He owns the venue. Mr David Coleman left the room during consideration of the item.")

        await pilot.press("f3")  # Ms A Brett leaves during C1
        await type_text(pilot, "brett")
        await pilot.press("tab", "d")
        await pilot.press("escape")
        await settled(pilot)
        await pilot.press("f8", "v")
        dialog = await settled(pilot, FormDialog)
        offered = options(dialog, "named_for")
        assert "Mr David Coleman" in offered and "Mr A Stewart" in offered and "Ms A Brett" not in offered
        await paste(pilot, "that the venue be changed")
        await pilot.press("enter")
        await type_text(pilot, "3\n1\n\n\n\n\n\nfor")  # counts, no names, outcome as counted, a casting vote
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is dialog  # refused: still open, nothing lost
        assert "casting vote only when the votes are equal" in str(dialog.query_one(".dialog-error", Label).content)
        assert dialog.query_one("#f-motion", Input).value == "that the venue be changed"
        await pilot.press("backspace", "backspace", "backspace", "enter")
        await settled(pilot)
        assert app.screen is screen

        await pilot.press("f8", "c")  # a recorded vote: the members present, one a line
        dialog = await settled(pilot, NamedVoteDialog)
        assert dialog.names == ["Mr David Coleman", "Ms C Allen", "Mr A Stewart"]  # not Ms A Brett, who left
        await paste(pilot, "that the hire be approved")
        await pilot.press("enter", "enter")
        assert "Mark how each member voted" in str(dialog.query_one(".dialog-error", Label).content)
        await pilot.press("f", "f", "f", "c", "enter")  # all three for, and a casting vote on 3 to 0
        assert "casting vote only when the votes are equal" in str(dialog.query_one(".dialog-error", Label).content)
        await pilot.press("c", "c", "up", "a", "b")  # no casting vote; Allen against, Stewart abstains
        assert str(dialog.query_one("#tally", Label).content) == "For 1 · Against 1 · Abstentions 1 · lost"
        await pilot.press("c")  # equal votes: the chair's casting vote, for
        assert str(dialog.query_one("#tally", Label).content).endswith("the chair's casting vote for · carried")
        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is screen
        await pilot.press("ctrl+q")
    with store.read() as s:
        votes = [(v.motion, v.votes_for, v.votes_against, v.abstentions, v.outcome, v.casting) for v in s.exec(select(Vote))]
        named = s.exec(select(Vote).order_by(Vote.id.desc())).first()  # type: ignore[union-attr]
    assert votes == [
        ("that the venue be changed", 3, 1, 0, "carried", ""),
        ("that the hire be approved", 1, 1, 1, "carried", "for"),
    ]
    assert (named.named_for, named.named_against, named.named_abstaining) == ("Mr David Coleman", "Ms C Allen", "Mr A Stewart")
