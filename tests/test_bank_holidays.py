"""Bank holidays for the whole UK, from the holidays library: England and Wales, Scotland and
Northern Ireland differ, and every count of working days takes the committee's nation."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk.calendar import ENGLAND_WALES as EW
from clerk.calendar import NORTHERN_IRELAND as NI
from clerk.calendar import SCOTLAND as SC
from clerk.calendar import bank_holidays, clear_working_days, latest_publication, nation, publication_warning
from clerk.errors import InvalidInput
from clerk.services import committees
from clerk.services.deadlines import report_deadline
from clerk.services.meetings import date_warnings

D = dt.date


def holiday(day: dt.date, where: str) -> bool:
    return day in bank_holidays(day.year, where)


def test_easter_good_friday_everywhere_easter_monday_not_in_scotland():
    good_friday, easter_monday = D(2025, 4, 18), D(2025, 4, 21)
    assert all(holiday(good_friday, n) for n in (EW, SC, NI))
    assert holiday(easter_monday, EW) and holiday(easter_monday, NI)
    assert not holiday(easter_monday, SC)
    assert holiday(D(2014, 4, 18), SC) and not holiday(D(2014, 4, 21), SC)


def test_christmas_on_a_weekend_moves_to_the_weekdays_after():
    # 2021: Christmas on a Saturday, Boxing Day on a Sunday: Monday 27 and Tuesday 28 instead
    for where in (EW, SC, NI):
        days = bank_holidays(2021, where)
        assert {D(2021, 12, 27), D(2021, 12, 28)} <= days, where
        assert D(2021, 12, 25) not in days and D(2021, 12, 29) not in days  # the weekend is off anyway
    # 2022: Christmas on a Sunday: Boxing Day on Monday 26, Christmas's substitute on Tuesday 27
    assert {D(2022, 12, 26), D(2022, 12, 27)} <= bank_holidays(2022, EW)
    # New Year's Day on a Saturday (2022): Monday 3 January
    assert D(2022, 1, 3) in bank_holidays(2022, EW)


def test_the_2022_extra_holidays():
    for where in (EW, SC, NI):
        days = bank_holidays(2022, where)
        assert {D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19)} <= days, where
        assert D(2022, 5, 30) not in days  # the late May holiday moved to 2 June
    assert D(2023, 5, 8) in bank_holidays(2023, EW)  # the coronation


def test_scotland_differs_from_england():
    # 2 January
    assert holiday(D(2025, 1, 2), SC) and not holiday(D(2025, 1, 2), EW)
    # 2022: 1 and 2 January on the weekend: Monday 3 and Tuesday 4 in Scotland, only the 3rd in England
    assert {D(2022, 1, 3), D(2022, 1, 4)} <= bank_holidays(2022, SC)
    assert not holiday(D(2022, 1, 4), EW)
    # St Andrew's Day, and its substitute: 30 November 2025 is a Sunday
    assert holiday(D(2022, 11, 30), SC) and not holiday(D(2022, 11, 30), EW)
    assert holiday(D(2025, 12, 1), SC) and not holiday(D(2025, 12, 1), EW)
    # August: the first Monday in Scotland, the last in England and Wales
    assert holiday(D(2025, 8, 4), SC) and not holiday(D(2025, 8, 25), SC)
    assert holiday(D(2025, 8, 25), EW) and not holiday(D(2025, 8, 4), EW)
    assert bank_holidays(2025, SC) != bank_holidays(2025, EW)


def test_northern_ireland_has_st_patricks_day_and_the_twelfth():
    assert holiday(D(2025, 3, 17), NI) and not holiday(D(2025, 3, 17), EW) and not holiday(D(2025, 3, 17), SC)
    assert holiday(D(2024, 7, 12), NI) and not holiday(D(2024, 7, 12), EW)
    assert holiday(D(2025, 7, 14), NI)  # 12 July 2025 is a Saturday
    assert holiday(D(2024, 3, 18), NI)  # 17 March 2024 is a Sunday
    assert holiday(D(2025, 8, 25), NI) and holiday(D(2025, 4, 21), NI)  # as England: Easter Monday, late August


def test_five_clear_working_days_count_the_nations_own_holidays():
    # a meeting on Thursday 24 April 2025: Easter Monday counts as a working day only in Scotland
    meeting = D(2025, 4, 24)
    assert latest_publication(meeting, EW) == D(2025, 4, 14)  # 15, 16, 17, 22, 23 April
    assert latest_publication(meeting, SC) == D(2025, 4, 15)  # 16, 17, 21, 22, 23 April
    assert clear_working_days(D(2025, 4, 15), meeting, SC) == 5
    assert clear_working_days(D(2025, 4, 15), meeting, EW) == 4
    assert publication_warning(D(2025, 4, 15), meeting, SC) == ""
    assert "Publish by Monday 14 April 2025" in publication_warning(D(2025, 4, 15), meeting, EW)


def test_what_the_clerk_types_for_a_nation():
    typed = ("england", "Wales", "england-wales", "England and Wales", "Scotland", "northern-ireland", "NI")
    assert [nation(t) for t in typed] == [EW, EW, EW, EW, SC, NI, NI]
    with pytest.raises(InvalidInput, match="'Cornwall' is not a UK nation"):
        nation("Cornwall")


def test_the_committee_chooses_its_nation(store):
    english = committees.create_committee(store, "Kent Community Safety Partnership")
    scottish = committees.create_committee(store, "Fife Community Safety Partnership", holidays="scotland")
    assert english.holidays == EW and scottish.holidays == SC
    with pytest.raises(InvalidInput, match="not a UK nation"):
        committees.update_committee(store, english.id, holidays="Atlantis")
    assert committees.find_committee(store, english.id).holidays == EW
    # date warnings: the first Monday in August is a holiday in Scotland only, the last in England only
    assert "4 August 2025 is a bank holiday." in date_warnings(store, scottish.id, D(2025, 8, 4))
    assert date_warnings(store, english.id, D(2025, 8, 4)) == []
    assert "25 August 2025 is a bank holiday." in date_warnings(store, english.id, D(2025, 8, 25))
    assert date_warnings(store, scottish.id, D(2025, 8, 25)) == []
    # report deadlines count back from publication over the committee's own working days
    fife = committees.find_committee(store, scottish.id)
    kent = committees.find_committee(store, english.id)
    assert report_deadline(fife, D(2025, 4, 24)) == (D(2025, 4, 15), D(2025, 4, 8))
    assert report_deadline(kent, D(2025, 4, 24)) == (D(2025, 4, 14), D(2025, 4, 7))
    # a meeting on 14 August: published on the 6th either way, but Scotland's reports are due a day
    # sooner, its first Monday in August not being a working day
    assert report_deadline(fife, D(2025, 8, 14)) == (D(2025, 8, 6), D(2025, 7, 29))
    assert report_deadline(kent, D(2025, 8, 14)) == (D(2025, 8, 6), D(2025, 7, 30))


def test_the_nation_from_the_command_line(tmp_path, capsys):
    from clerk.cli import main
    from clerk.storage import Store

    db = str(tmp_path / "cli.db")
    store = Store.open(db)
    committees.create_committee(store, "Board")
    store.close()
    assert main(["committee", "Board", "--db", db]) == 0
    assert "Bank holidays of England and Wales." in capsys.readouterr().out
    assert main(["committee", "Board", "--holidays", "scotland", "--db", db]) == 0
    assert "Bank holidays of Scotland." in capsys.readouterr().out
    assert main(["committee", "Board", "--holidays", "cornwall", "--db", db]) == 2
    store = Store.open(db)
    try:
        assert committees.find_committee(store, "Board").holidays == SC
    finally:
        store.close()


async def test_the_nation_is_chosen_in_the_committee_settings(store, demo):
    from screens.app import ClerkApp

    from .settled import settled

    app = ClerkApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settled(pilot)
        await pilot.press("f4")
        await settled(pilot)
        assert "England and Wales" in str(app.screen.query_one("#settings").get_row("holidays"))
        await pilot.press("e")
        await settled(pilot)
        app.screen.query_one("#field-holidays").focus()
        await pilot.press("s")  # Scotland
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert committees.find_committee(store, demo.committee_id).holidays == SC
        assert "Scotland" in str(app.screen.query_one("#settings").get_row("holidays"))
