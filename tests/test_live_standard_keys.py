"""Standard minutes, the private session and the end of the meeting from the keyboard
(issue 13, points 2, 5 and 7): the keys each standard item takes when its facts are known
are counted and printed (run with -s to see them), and each is at most 3."""

from __future__ import annotations

import datetime as dt

from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.services import agenda, meetings

from .live_helpers import build_demo_agenda, stored_minutes
from .live_pilot import FixedClock, live_app, ready, type_text
from .settled import settled


class Keys:
    """Presses keys and counts them."""

    def __init__(self, pilot) -> None:
        self.pilot, self.counted = pilot, {}

    async def press(self, what: str, *keys: str) -> None:
        for key in keys:
            await self.pilot.press(key)
            await settled(self.pilot)
        self.counted[what] = self.counted.get(what, 0) + len(keys)


async def test_each_standard_item_takes_at_most_three_keys(store, demo):
    """14 October 2014: apologies and a declaration recorded, 8 July's notes to sign, next
    year's meetings set, a restricted item D1 (paragraph 1)."""
    meeting_id = demo.next_meeting_id
    for day in (dt.date(2015, 3, 17), dt.date(2015, 7, 14)):
        meetings.create_meeting(store, demo.committee_id, day, start_time=dt.time(14, 0))
    agenda.add_item(store, meeting_id, "D", "Domestic Homicide Reviews - update", exempt_paragraph=1)
    facts = LiveMeeting(store, meeting_id, lock.Holder.here())
    assert facts.acquire().granted
    hill = next(r.person_id for r in facts.view().attendance if r.surname == "Hill")
    facts.attendance.mark(hill, "apologies")
    facts.record.add_declaration("Dr S Beaumont", "a member of the Kent Police Authority")
    facts.release()

    app = live_app(store, meeting_id, FixedClock(dt.datetime(2014, 10, 14, 14, 0)))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        keys = Keys(pilot)
        await keys.press("A1 Apologies", "f2", "enter")
        assert screen.view.current.heading.endswith("Apologies (Item A1)")
        assert screen.editor.text == "Apologies were received from Mr P M Hill, OBE."
        await keys.press("A2 Declarations of Interest", "f2", "enter")
        assert screen.editor.text.startswith("Dr S Beaumont declared an interest in the business of the meeting")
        await keys.press("A3 Notes of the previous meeting, approved and signed", "f2", "enter", "enter")
        assert screen.editor.text.startswith("RESOLVED that the notes of the meeting held on 8 July 2014 were a correct record")
        assert screen.view.previous_to_sign == ""  # signed
        await keys.press("C1 Date of next meeting", "f2", "enter")
        assert screen.view.current.title == "Date of next meeting - 17 March 2015 at 2.00pm"
        assert "Dates of meetings in 2015:\n- Tuesday, 17 March 2015 at 2.00pm" in screen.editor.text
        await keys.press("D1 restricted: exclusion of the press and public minuted", "f2", "enter", "enter")
        assert screen.view.private and screen.view.current.heading.endswith("(Item D1)")
        for what, count in keys.counted.items():
            print(f"{count} keys  {what}")
            assert count <= 3, what
        await pilot.press("ctrl+q")
    rows = stored_minutes(store, meeting_id)
    assert [(r[1], r[3]) for r in rows] == [
        ("Apologies", False),
        ("Declarations of Interest", False),
        ("Notes of meeting held on 8 July 2014", False),
        ("Date of next meeting - 17 March 2015 at 2.00pm", False),
        ("Exclusion of the Press and Public", False),
        ("Domestic Homicide Reviews - update", True),
    ]
    assert "for the following item on the grounds that it involves" in rows[4][4]


async def test_a_key_clears_the_minute_and_ctrl_z_brings_it_back(store):
    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2", "c", "1", "enter")  # the standard wording of C1
        assert screen.editor.text.startswith("RESOLVED that the Partnership note")
        await pilot.press("ctrl+delete")
        await settled(pilot)
        assert screen.editor.text == ""
        await type_text(pilot, "Noted")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert stored_minutes(store, built.held_id)[0][4] == "Noted"
        await pilot.press("f8", "e")  # the same from the minute's menu
        await settled(pilot)
        assert screen.editor.text == ""
        await pilot.press("ctrl+z")
        await settled(pilot)
        assert screen.editor.text == "Noted"
        await pilot.press("ctrl+q")
    assert stored_minutes(store, built.held_id)[0][4] == "Noted"


async def test_private_session_from_f10_in_one_key(store):
    """F10 p minutes the resolution for D1 and D2 (their paragraphs: none asked for); F10 p
    again lets the public back; F10 n goes into private session with no resolution."""
    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f10", "p")
        await settled(pilot)
        assert screen.view.private and screen.view.current.title == "Exclusion of the Press and Public"
        assert "following items on the grounds that they involve" in screen.editor.text
        await pilot.press("f10", "p")  # back in public
        await settled(pilot)
        assert not screen.view.private
        await pilot.press("f10", "n")
        await settled(pilot)
        assert screen.view.private and len(screen.view.minutes) == 1  # no second resolution
        await pilot.press("f2", "enter")  # D1, the next restricted item: no question in private session
        await settled(pilot)
        assert screen.view.current.heading.endswith("(Item D1)")
        await pilot.press("ctrl+q")
    rows = stored_minutes(store, built.held_id)
    assert [(r[0], r[3]) for r in rows] == [(64, False), (65, True)]


async def test_a_restricted_item_can_be_taken_without_minuting_the_resolution(store):
    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2", "d", "2", "enter")
        await settled(pilot)
        await pilot.press("n")  # the one key: private, no resolution
        await settled(pilot)
        assert screen.view.private and screen.view.current.heading == "64. New Communities - verbal update (Item D2)"
        await pilot.press("ctrl+q")
    assert [r[3] for r in stored_minutes(store, built.held_id)] == [True]


async def test_ending_asks_first_and_names_the_items_not_taken(store):
    from screens.live.dialogs import ChoiceDialog

    built = build_demo_agenda(store)
    app = live_app(store, built.held_id)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await ready(pilot)
        await pilot.press("f2", "enter")  # A1
        await pilot.press("f10", "e")
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.title_text == "End the meeting?"
        assert dialog.message.startswith("Not taken: A2 Declarations of Interest, A3 Notes of meeting held on 18 March 2014")
        assert "and D2 New Communities - verbal update." in dialog.message
        await pilot.press("escape")  # not yet
        await settled(pilot)
        assert screen.view.status.value == "in_progress"
        await pilot.press("f10", "e", "enter")
        await settled(pilot)
        assert screen.view.status.value == "held"
        await pilot.press("ctrl+q")
