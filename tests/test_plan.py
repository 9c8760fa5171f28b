"""The forward plan and report deadlines, on SQLite and on the real PostgreSQL server: items planned
for meetings to come join their agendas, move, and are due working days before publication;
items deferred or withdrawn at a meeting are offered for the next agenda with their history."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.demo import load_demo
from clerk.errors import InvalidInput
from clerk.services import agenda, content, meetings, plan, plan_offers
from clerk.services.deadlines import deadlines, report_deadline
from clerk.services.reports import attach_report
from clerk.storage import Store

from .helpers import minutes_of

SEP, OCT, JAN = dt.date(2014, 9, 1), dt.date(2014, 10, 14), dt.date(2015, 1, 13)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def kcsp(request, tmp_path):
    """The demo (8 July 2014 held, 14 October 2014 to come, its agenda published) on either database."""
    url = str(tmp_path / "clerk.db") if request.param == "sqlite" else request.getfixturevalue("pg_server").new_database()
    store = Store.open(url)
    yield store, load_demo(store)
    store.close()


def titles(store, meeting_id):
    return [(r.code, r.title) for r in agenda.list_items(store, meeting_id)]


def test_a_planned_report_joins_its_agenda_when_it_is_built(kcsp):
    store, demo = kcsp
    planned = plan.plan_item(store, demo.committee_id, "13/1/2015", "Annual report", presenter="Shafick Peerbux")
    assert planned.agenda_item_id is None and planned.meeting_id is None  # no meeting on that date yet
    [row] = plan.list_plan(store, demo.committee_id)
    assert (row.date, row.state, row.presenter) == (JAN, "planned", "Shafick Peerbux")
    january = meetings.create_meeting(store, demo.committee_id, JAN)
    assert ("B1", "Annual report") in titles(store, january.id)
    item = next(r for r in agenda.list_items(store, january.id) if r.title == "Annual report")
    assert item.presenter == "Shafick Peerbux" and item.kind.value == "report"
    assert plan_offers.plan_marks(store, january.id) == {item.id: "from plan"}
    assert plan_offers.offers(store, january.id) == []  # added, so not offered as well
    assert plan.list_plan(store)[0].state == "on_agenda"


def test_a_draft_agenda_takes_a_planned_item_at_once_a_published_one_is_offered_it(kcsp):
    store, demo = kcsp
    plan.plan_item(store, demo.committee_id, OCT, "Domestic Abuse Strategy", presenter="Jim Parris", kind="verbal")
    assert ("B1", "Domestic Abuse Strategy") in titles(store, demo.next_meeting_id)
    meetings.set_status(store, demo.next_meeting_id, "published")
    late = plan.plan_item(store, demo.committee_id, OCT, "Prevent update", section="C")
    assert late.agenda_item_id is None
    offered = [o for o in plan_offers.offers(store, demo.next_meeting_id) if o.source == "plan"]
    assert [(o.title, o.section) for o in offered] == [("Prevent update", "C")]
    item = plan_offers.take_offer(store, demo.next_meeting_id, offered[0].key)
    assert item.section == "C" and not [o for o in plan_offers.offers(store, demo.next_meeting_id) if o.source == "plan"]
    with pytest.raises(InvalidInput, match="no longer offered"):
        plan_offers.take_offer(store, demo.next_meeting_id, offered[0].key)


def test_a_planned_item_moves_to_another_meeting(kcsp):
    store, demo = kcsp
    planned = plan.plan_item(store, demo.committee_id, OCT, "Annual report", presenter="Shafick Peerbux")
    assert ("B1", "Annual report") in titles(store, demo.next_meeting_id)
    moved = plan.move_planned(store, planned.id, JAN)
    assert ("B1", "Annual report") not in titles(store, demo.next_meeting_id)  # off October's agenda
    assert (moved.meeting_date, moved.meeting_id, moved.agenda_item_id) == (JAN, None, None)
    january = meetings.create_meeting(store, demo.committee_id, JAN)
    assert ("B1", "Annual report") in titles(store, january.id)
    back = plan.move_planned(store, planned.id, OCT)  # onto a draft agenda again
    assert back.agenda_item_id is not None and ("B1", "Annual report") not in titles(store, january.id)


def test_nothing_is_planned_for_a_meeting_held_or_with_a_bad_kind(kcsp):
    store, demo = kcsp
    with pytest.raises(InvalidInput, match="has been held"):
        plan.plan_item(store, demo.committee_id, "2014-07-08", "Too late")
    with pytest.raises(InvalidInput, match="not a kind of planned item"):
        plan.plan_item(store, demo.committee_id, JAN, "Annual report", kind="standard")
    with pytest.raises(InvalidInput, match="needs a title"):
        plan.plan_item(store, demo.committee_id, JAN, "  ")
    with pytest.raises(InvalidInput, match="1 to 7"):
        plan.plan_item(store, demo.committee_id, JAN, "Staffing", exempt_paragraph="9")
    assert plan.list_plan(store) == []


def test_the_withdrawn_and_deferred_items_are_offered_for_the_next_agenda(kcsp):
    """8 July 2014: minute 71 (the conference) was withdrawn; defer minute 68 (MARAC) too."""
    store, demo = kcsp
    marac = next(m for m in minutes_of(store, demo.held_meeting_id) if m.number == 68)
    content.update_minute(store, marac.id, state="deferred")
    offered = plan_offers.offers(store, demo.next_meeting_id)
    assert [(o.title, o.note, o.source) for o in offered] == [
        ("MARAC Event", "Deferred from 8 July 2014, minute 68.", "deferred"),
        ("Community Safety Conference - verbal report", "Withdrawn from 8 July 2014, minute 71.", "withdrawn"),
    ]
    assert (offered[0].presenter, offered[0].kind.value, offered[0].section) == ("Alison Gilmour", "verbal", "B")
    item = plan_offers.take_offer(store, demo.next_meeting_id, offered[0].key)
    assert item.note == "Deferred from 8 July 2014, minute 68." and item.presenter == "Alison Gilmour"
    assert plan_offers.plan_marks(store, demo.next_meeting_id) == {item.id: "carried"}
    plan_offers.decline_offer(store, demo.next_meeting_id, offered[1].key)
    assert plan_offers.offers(store, demo.next_meeting_id) == []  # carried once, declined once: offered no more


def test_an_item_deferred_twice_keeps_its_history(kcsp):
    store, demo = kcsp
    [offer] = plan_offers.offers(store, demo.next_meeting_id)
    item = plan_offers.take_offer(store, demo.next_meeting_id, offer.key)
    meetings.set_status(store, demo.next_meeting_id, "in_progress")
    from clerk.services.minutes import add_minute

    minute = add_minute(store, demo.next_meeting_id, item.title, agenda_item_id=item.id)
    content.update_minute(store, minute.id, state="deferred")
    meetings.set_status(store, demo.next_meeting_id, "held")
    january = meetings.create_meeting(store, demo.committee_id, JAN)
    [again] = plan_offers.offers(store, january.id)
    number = next(m.number for m in minutes_of(store, demo.next_meeting_id) if m.id == minute.id)
    assert again.note == f"Withdrawn from 8 July 2014, minute 71. Deferred from 14 October 2014, minute {number}."


def test_a_restricted_item_is_carried_restricted(kcsp):
    store, demo = kcsp
    dhr = next(m for m in minutes_of(store, demo.held_meeting_id) if m.number == 73)
    content.update_minute(store, dhr.id, state="deferred")
    offer = next(o for o in plan_offers.offers(store, demo.next_meeting_id) if o.source == "deferred")
    assert (offer.restricted, offer.section) == (True, "D")
    item = plan_offers.take_offer(store, demo.next_meeting_id, offer.key)
    assert item.restricted and item.section == "D" and item.exempt_paragraph == dhr.exempt_paragraph
    assert not item.note_public  # its history prints on the full agenda only


def test_deadlines_count_working_days_before_publication(kcsp):
    store, demo = kcsp
    from clerk.services.committees import find_committee, update_committee

    committee = find_committee(store, demo.committee_id)
    # 14 October 2014: published by Monday 6 October at the latest; five working days before: 29 September
    assert report_deadline(committee, OCT) == (dt.date(2014, 10, 6), dt.date(2014, 9, 29))
    # 13 January 2015: published by 5 January; Christmas, Boxing Day and New Year's Day are not counted
    assert report_deadline(committee, JAN) == (dt.date(2015, 1, 5), dt.date(2014, 12, 24))
    committee = update_committee(store, demo.committee_id, report_deadline_days=10)
    assert report_deadline(committee, OCT, dt.date(2014, 10, 3)) == (dt.date(2014, 10, 3), dt.date(2014, 9, 19))
    with pytest.raises(InvalidInput, match="working days"):
        update_committee(store, demo.committee_id, report_deadline_days="a week")


def test_reports_due_overdue_and_attached(kcsp, tmp_path):
    store, demo = kcsp
    plan.plan_item(store, demo.committee_id, OCT, "Domestic Abuse Strategy", presenter="Jim Parris")
    plan.plan_item(store, demo.committee_id, OCT, "Prevent update", presenter="Tim Woodhouse", kind="to_follow")
    plan.plan_item(store, demo.committee_id, OCT, "MARAC update", kind="verbal")  # no paper: no deadline
    plan.plan_item(store, demo.committee_id, JAN, "Annual report", presenter="Shafick Peerbux")
    rows = deadlines(store, demo.committee_id, today=SEP)
    assert [(r.code, r.title, r.author, r.deadline, r.state) for r in rows] == [
        ("B1", "Domestic Abuse Strategy", "Jim Parris", dt.date(2014, 9, 29), "due"),
        ("B2", "Prevent update", "Tim Woodhouse", dt.date(2014, 9, 29), "due"),
        ("", "Annual report", "Shafick Peerbux", dt.date(2014, 12, 24), "due"),
    ]
    from docx import Document

    paper = tmp_path / "strategy.docx"
    Document().save(paper)
    attach_report(store, demo.next_meeting_id, "B1", paper)
    later = deadlines(store, today=dt.date(2014, 10, 1))
    assert [(r.title, r.state) for r in later] == [
        ("Domestic Abuse Strategy", "attached"),
        ("Prevent update", "overdue"),
        ("Annual report", "due"),
    ]
    assert [r.title for r in deadlines(store, today=dt.date(2014, 10, 15))] == ["Annual report"]  # October is past


def test_a_meeting_deleted_gives_its_planned_items_back_to_the_plan(kcsp):
    store, demo = kcsp
    january = meetings.create_meeting(store, demo.committee_id, JAN)
    plan.plan_item(store, demo.committee_id, JAN, "Annual report")
    assert plan.list_plan(store)[0].state == "on_agenda"
    meetings.delete_meeting(store, january.id)
    assert [(r.state, r.date) for r in plan.list_plan(store)] == [("planned", JAN)]
    assert [d.title for d in deadlines(store, today=SEP)] == ["Annual report"]
    again = meetings.create_meeting(store, demo.committee_id, JAN)
    assert ("B1", "Annual report") in titles(store, again.id)
    assert plan.list_plan(store)[0].state == "on_agenda"
