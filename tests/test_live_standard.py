"""Standard minutes that write themselves, the private session in one key and ending the
meeting, through the LiveMeeting itself (issue 13, points 2, 5 and 7). The same from the
keyboard is in test_live_standard_keys."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.cli import main
from clerk.errors import InvalidInput
from clerk.live import lock
from clerk.live.meeting import LiveMeeting
from clerk.services import agenda, meetings

from .live_helpers import build_demo_agenda, stored_minutes

NOW = dt.datetime(2014, 7, 8, 10, 0)
RESOLVED_2015 = "RESOLVED that the Partnership note the date of the next meeting and the dates of meetings in 2015."


@pytest.fixture
def built(store):
    return build_demo_agenda(store)


@pytest.fixture
def meeting(store, built):
    live = LiveMeeting(store, built.held_id, lock.Holder.here())
    assert live.acquire().granted
    return live


def body(store, meeting_id: int, minute_id: int) -> str:
    from clerk.services.content import content

    return content(store, minute_id).body


def test_a1_a2_and_c1_bring_what_is_known(store, built, meeting):
    meeting.attendance.mark(built.people["hill"], "apologies")
    meeting.attendance.mark(built.people["brett"], "apologies")
    meeting.record.add_declaration("Dr S Beaumont", "a member of the Kent Police Authority", "B1")
    a1 = meeting.take_item(built.items["A1"], now=NOW).minute_id
    a2 = meeting.take_item(built.items["A2"], now=NOW).minute_id
    assert body(store, built.held_id, a1) == "Apologies were received from Mr P M Hill, OBE and Ms A Brett."
    assert body(store, built.held_id, a2).startswith("Dr S Beaumont declared an interest in Item B1")
    c1 = meeting.take_item(built.items["C1"], now=NOW)
    assert meeting.view().minute(c1.minute_id).title == "Date of next meeting - 14 October 2014 at 2.00pm"
    assert body(store, built.held_id, c1.minute_id) == "RESOLVED that the Partnership note the date of the next meeting."


def test_c1_lists_next_years_meetings_once_they_are_set(store, built, meeting):
    for day in (dt.date(2015, 3, 17), dt.date(2015, 7, 14), dt.date(2015, 11, 10)):
        meetings.create_meeting(store, built.committee_id, day, start_time=dt.time(14, 0))
    meetings.create_meeting(store, built.committee_id, dt.date(2016, 3, 15))  # the year after: not listed
    c1 = meeting.take_item(built.items["C1"], now=NOW).minute_id
    assert meeting.view().minute(c1).title == "Date of next meeting - 14 October 2014 at 2.00pm"
    assert body(store, built.held_id, c1) == "\n".join(
        [
            "Dates of meetings in 2015:",
            "- Tuesday, 17 March 2015 at 2.00pm",
            "- Tuesday, 14 July 2015 at 2.00pm",
            "- Tuesday, 10 November 2015 at 2.00pm",
            "",
            RESOLVED_2015,
        ]
    )


def test_the_exclusion_names_one_item_or_several(store, built, meeting):
    several = meeting.exclusion_offer(built.items["D1"])
    assert several.paragraphs == (1, 7)
    assert "for the following items on the grounds that they involve" in several.wording
    assert "paragraphs 1 and 7 of Part 1" in several.wording
    meeting.take_item(built.items["D2"], now=NOW)  # taken out of order (in public, as a mistake would be)
    one = meeting.exclusion_offer(built.items["D1"])
    assert one.paragraphs == (1,)
    assert "for the following item on the grounds that it involves" in one.wording
    assert "paragraph 1 of Part 1" in one.wording


def test_private_session_with_or_without_the_resolution(store, built, meeting):
    quiet = meeting.go_private(with_minute=False)
    assert quiet.private and quiet.minute_id is None and stored_minutes(store, built.held_id) == []
    meeting.go_public()
    minuted = meeting.go_private(now=NOW)  # the paragraphs are the restricted items': none asked for
    [row] = stored_minutes(store, built.held_id)
    assert row[1] == "Exclusion of the Press and Public" and row[3] is False  # the resolution itself is public
    assert "paragraphs 1 and 7" in row[4] and minuted.minute_id is not None
    d1 = meeting.take_item(built.items["D1"], now=NOW).minute_id
    assert meeting.view().minute(d1).restricted


def test_a_paragraph_is_asked_for_only_when_no_item_has_one(store, built, meeting):
    for code in ("D1", "D2"):
        meeting.take_item(built.items[code], now=NOW)
    assert meeting.exclusion_offer().paragraphs == ()
    with pytest.raises(InvalidInput, match="a number from 1 to 7"):
        meeting.go_private(now=NOW)
    assert meeting.go_private(paragraph="3", now=NOW).minute_id is not None
    assert "paragraph 3 of Part 1" in stored_minutes(store, built.held_id)[-1][4]


def test_the_agendas_exclusion_item_is_the_one_minuted(store, built, meeting):
    item = agenda.add_item(store, built.held_id, "C", "Exclusion of the press and public", standard="exclusion").id
    meeting.go_private(now=NOW)
    [row] = stored_minutes(store, built.held_id)
    assert row[1] == "Exclusion of the press and public"
    assert meeting.view().item(item).state != "to come"


def test_taking_the_exclusion_item_goes_into_private_session(store, built, meeting):
    item = agenda.add_item(store, built.held_id, "C", "Exclusion of the press and public", standard="exclusion").id
    taken = meeting.take_item(item, now=NOW)
    assert taken.private and meeting.view().private
    assert meeting.exclusion_offer(built.items["D1"]) is None  # no second resolution
    assert "the following items on the grounds that they involve" in body(store, built.held_id, taken.minute_id)
    d1 = meeting.take_item(built.items["D1"], now=NOW).minute_id
    assert meeting.view().minute(d1).restricted


def test_the_items_not_taken_are_named_before_the_end(store, built, meeting):
    for code in ("A1", "A2", "A3", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "D1"):
        meeting.take_item(built.items[code], now=NOW)
    view = meeting.view()
    assert view.not_taken() == ["D2 New Communities - verbal update"]
    from clerk.wording_meetings import not_taken_sentence

    assert not_taken_sentence(view.not_taken()).startswith("Not taken: D2 New Communities - verbal update.")
    assert not_taken_sentence([]) == "Every item on the agenda has been taken."


def test_the_next_item_follows_the_one_last_taken(store, built, meeting):
    assert meeting.view().next_item() == built.items["A1"]
    meeting.take_item(built.items["B2"], now=NOW)
    assert meeting.view().next_item() == built.items["B3"]
    for code in ("B3", "B4", "B5", "B6", "C1", "D1", "D2"):
        meeting.take_item(built.items[code], now=NOW)
    assert meeting.view().next_item() == built.items["A1"]  # back to the top for those skipped


def test_clerk_live_after_the_end_says_which_meeting_ended(tmp_path, capsys):
    db = tmp_path / "clerk.db"
    from clerk.storage import Store

    store = Store.open(db)
    built = build_demo_agenda(store)
    live = LiveMeeting(store, built.held_id, lock.Holder.here())
    assert live.acquire().granted
    live.take_item(built.items["A1"], now=NOW)
    live.end(now=dt.datetime(2014, 7, 8, 12, 30))
    live.release()
    store.close()
    assert main(["--db", str(db), "live"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "the meeting of the Kent Community Safety Partnership on Tuesday, 8 July 2014 ended at 12.30pm" in err
    assert "To reopen it: clerk live 2014-07-08" in err


def test_the_exclusion_wording_agrees_with_its_items():
    from types import SimpleNamespace

    from clerk.migrations import OLD_EXCLUSION_WORDING
    from clerk.models import Committee
    from clerk.wording import exclusion_wording

    committee = Committee(name="Kent Community Safety Partnership")
    one = exclusion_wording(committee, 1)
    assert "for the following item on the grounds that it involves" in one and "in paragraph 1 of Part 1" in one
    two = exclusion_wording(committee, [1, 7], 2)
    assert "for the following items on the grounds that they involve" in two and "in paragraphs 1 and 7 of Part 1" in two
    own = exclusion_wording(SimpleNamespace(exclusion_wording=OLD_EXCLUSION_WORDING), [1, 7], 2)
    assert "for the following business on the grounds that it involves" in own and "paragraphs 1 and 7" in own


def test_numbered_style_the_exclusion_item_takes_the_meeting_private(store):
    """The 2025 style: the exclusion item is added before the restricted item; taking it
    minutes the resolution for that one item and goes into private session."""
    from .test_agenda_style import RESTRICTED, kcsp_2025

    _c, m = kcsp_2025(store)
    agenda.add_item(store, m.id, "B", RESTRICTED, restricted=True, exempt_paragraph=3)
    live = LiveMeeting(store, m.id, lock.Holder.here())
    assert live.acquire().granted
    view = live.view()
    exclusion = next(i.row.id for i in view.items if i.row.standard == "exclusion")
    taken = live.take_item(exclusion, now=NOW)
    assert taken.private
    text = body(store, m.id, taken.minute_id)
    assert "for the following item on the grounds that it involves" in text and "paragraph 3 of Part 1" in text
    after = live.view()
    assert after.item(after.next_item()).row.title == RESTRICTED
