"""The agenda services: standard items, codes that follow position, sections, restriction."""

from __future__ import annotations

import pytest

from clerk.errors import InvalidInput
from clerk.services import agenda, committees, meetings


@pytest.fixture
def meeting(store):
    c = committees.create_committee(store, "Kent Community Safety Partnership")
    meetings.create_meeting(store, c.id, "2014-07-08")
    return meetings.create_meeting(store, c.id, "2014-10-14")


def codes(store, meeting_id):
    return [(r.code, r.title, r.restricted) for r in agenda.list_items(store, meeting_id)]


def test_a_new_meeting_starts_with_the_standard_items(store, meeting):
    assert [(c, t) for c, t, _ in codes(store, meeting.id)] == [
        ("A1", "Apologies"),
        ("A2", "Declarations of Interest"),
        ("A3", "Notes of meeting held on 8 July 2014"),
        ("C1", "Date of next meeting"),
    ]


def test_codes_follow_position_across_sections(store, meeting):
    b1 = agenda.add_item(store, meeting.id, "B", "Kent Community Safety Agreement Review")
    b2 = agenda.add_item(store, meeting.id, "B", "Domestic Homicide Reviews")
    agenda.move_item(store, b2.id, -1)
    assert [c for c, *_ in codes(store, meeting.id)][3:5] == ["B1", "B2"]
    assert agenda.item_code(store, b2.id) == "B1"
    agenda.move_item(store, b1.id, +1)  # the last of B moves to the top of C
    assert agenda.item_code(store, b1.id) == "C1"
    assert agenda.item_code(store, b2.id) == "B1"


def test_section_d_is_always_restricted(store, meeting):
    """A clerk who adds an item under D, even with the box left unticked, gets a restricted item;
    making it public means moving it out of D. A restricted item may also sit under C."""
    d1 = agenda.add_item(store, meeting.id, "D", "Community Wardens staffing", restricted=False)
    assert d1.restricted
    with pytest.raises(InvalidInput, match="always restricted"):
        agenda.update_item(store, d1.id, restricted=False)
    c2 = agenda.add_item(store, meeting.id, "C", "Performance report", restricted=True, exempt_paragraph=3)
    moved = agenda.move_item(store, c2.id, +1)  # bottom of C into D
    assert moved.section == "D" and moved.restricted
    b = agenda.add_item(store, meeting.id, "B", "Public item")
    assert not b.restricted


def test_empty_titles_and_bad_ranges_are_refused(store, meeting):
    with pytest.raises(InvalidInput):
        agenda.add_item(store, meeting.id, "B", "   ")
    with pytest.raises(InvalidInput):
        agenda.add_item(store, meeting.id, "E", "Nowhere")
    with pytest.raises(InvalidInput, match="page range"):
        agenda.add_item(store, meeting.id, "B", "Report", page_from=9, page_to=3)
