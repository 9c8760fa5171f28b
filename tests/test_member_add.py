"""Adding a member in the settings never makes a second record of someone: the same name is
the same person, a look-alike is asked about ("Same as Dr S Beaumont?"), and "Member from"
is the committee's next meeting not yet held, so the member is offered for it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import select

from clerk.errors import InvalidInput
from clerk.models import Person
from clerk.services.committees import add_person, create_committee, list_members
from clerk.services.people import SamePerson, join_committee, member_from
from screens.app import ClerkApp
from screens.settings import CommitteeScreen
from screens.widgets.form import Form
from screens.widgets.menu import Menu

from .settled import settled
from .test_agenda_keyboard import type_text

NEXT = dt.date(2014, 10, 14)  # the demo's meeting not yet held


def people(store, surname: str) -> list[Person]:
    with store.read() as session:
        return list(session.exec(select(Person).where(Person.surname == surname)).all())


def test_the_same_name_joins_the_person_already_in_clerk(store):
    committee = create_committee(store, "Panel")
    officer = add_person(store, "Gilmour", title="Ms", forenames="A", job_title="Co-ordinator")
    row = join_committee(store, committee.id, "Gilmour", title="Ms", forenames="A.", organisation="KCC", job_title="Other")
    assert row.person_id == officer.id and len(people(store, "Gilmour")) == 1
    assert row.person.organisation == "KCC" and row.person.job_title == "Co-ordinator"  # filled in, never overwritten
    with pytest.raises(InvalidInput, match="Ms A Gilmour is already a member"):
        join_committee(store, committee.id, "Gilmour", title="Ms", forenames="A")


def test_a_look_alike_is_asked_about_and_never_merged(store):
    committee = create_committee(store, "Panel")
    dr = add_person(store, "Beaumont", title="Dr", forenames="S")
    with pytest.raises(SamePerson, match="Mr S Beaumont may be Dr S Beaumont") as refused:
        join_committee(store, committee.id, "Beaumont", title="Mr", forenames="S")
    assert [p.id for p in refused.value.people] == [dr.id]
    assert len(people(store, "Beaumont")) == 1 and list_members(store, committee.id) == []
    same = join_committee(store, committee.id, "Beaumont", title="Mr", forenames="S", person_id=dr.id)
    assert same.person_id == dr.id and same.name == "Dr S Beaumont"
    other = create_committee(store, "Board")
    new = join_committee(store, other.id, "Beaumont", title="Mr", forenames="S", new=True)
    assert new.person_id != dr.id and new.name == "Mr S Beaumont" and len(people(store, "Beaumont")) == 2
    # another first name is someone new without asking
    assert join_committee(store, other.id, "Beaumont", title="Dr", forenames="T").name == "Dr T Beaumont"


def test_member_from_is_the_next_meeting_not_yet_held(store, demo):
    assert member_from(store, demo.committee_id, dt.date(2026, 1, 5)) == (NEXT, True)
    empty = create_committee(store, "Panel")
    assert member_from(store, empty.id, dt.date(2026, 1, 5)) == (dt.date(2026, 1, 5), False)


async def add(pilot, title: str, forenames: str, surname: str) -> None:
    await pilot.press("a")
    await settled(pilot)
    for text in (title, forenames):
        await type_text(pilot, text)
        await pilot.press("enter")
    await type_text(pilot, surname)
    await pilot.press("ctrl+s")
    await settled(pilot)


async def test_add_a_member_from_the_settings_asks_about_a_look_alike(store, demo):
    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        await pilot.press("f4")
        await settled(pilot)
        await pilot.press("a")
        await settled(pilot)
        intro = str(app.screen.query_one(".form-intro").render())
        assert "Member from 14 October 2014: the committee's earliest meeting not yet held" in intro
        await pilot.press("escape")
        await settled(pilot)

        await add(pilot, "Mr", "S", "Beaumont")  # looks like the member Dr S Beaumont
        menu = app.screen
        assert isinstance(menu, Menu) and menu.menu_title == "Same as Dr S Beaumont?"
        assert "Typed now" in menu.message and "Already in clerk" in menu.message
        await pilot.press("escape")  # back at the form, nothing typed lost
        await settled(pilot)
        assert isinstance(app.screen, Form) and app.screen.query_one("#field-surname").value == "Beaumont"
        await pilot.press("ctrl+s")
        await settled(pilot)
        await pilot.press("n")  # someone new
        await settled(pilot)
        assert isinstance(app.screen, CommitteeScreen)
        assert sorted(p.title for p in people(store, "Beaumont")) == ["Dr", "Mr"]
        mr = next(r for r in list_members(store, demo.committee_id) if r.name == "Mr S Beaumont")
        assert mr.start_date == NEXT

        await add(pilot, "Ms", "V", "Coffey")  # looks like the member Mrs V Coffey: yes, but she is a member
        assert isinstance(app.screen, Menu)
        await pilot.press("y")
        await settled(pilot)
        assert isinstance(app.screen, Form)
        assert "Mrs V Coffey is already a member" in str(app.screen.query_one("#form-error").render())
        await pilot.press("escape")
        await settled(pilot)

        await add(pilot, "Ms", "A", "Gilmour")  # the officer already in clerk: joins, no second record
        assert isinstance(app.screen, CommitteeScreen)
        assert len(people(store, "Gilmour")) == 1 and len(people(store, "Coffey")) == 1
        gilmour = next(r for r in list_members(store, demo.committee_id) if r.person.surname == "Gilmour")
        assert gilmour.person.job_title == "Kent & Medway Domestic Violence Co-ordinator" and gilmour.start_date == NEXT
