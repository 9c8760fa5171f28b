"""England and Wales bank holidays against the published lists, and the five clear working days."""

from __future__ import annotations

import datetime as dt

from clerk.calendar import ENGLAND_WALES as EW
from clerk.calendar import bank_holidays, clear_working_days, latest_publication, publication_warning

D = dt.date

PUBLISHED = {  # GOV.UK's lists
    2014: {
        D(2014, 1, 1),
        D(2014, 4, 18),
        D(2014, 4, 21),
        D(2014, 5, 5),
        D(2014, 5, 26),
        D(2014, 8, 25),
        D(2014, 12, 25),
        D(2014, 12, 26),
    },
    2015: {
        D(2015, 1, 1),
        D(2015, 4, 3),
        D(2015, 4, 6),
        D(2015, 5, 4),
        D(2015, 5, 25),
        D(2015, 8, 31),
        D(2015, 12, 25),
        D(2015, 12, 28),
    },
    2016: {
        D(2016, 1, 1),
        D(2016, 3, 25),
        D(2016, 3, 28),
        D(2016, 5, 2),
        D(2016, 5, 30),
        D(2016, 8, 29),
        D(2016, 12, 26),
        D(2016, 12, 27),
    },
    2020: {
        D(2020, 1, 1),
        D(2020, 4, 10),
        D(2020, 4, 13),
        D(2020, 5, 8),
        D(2020, 5, 25),
        D(2020, 8, 31),
        D(2020, 12, 25),
        D(2020, 12, 28),
    },
    2021: {
        D(2021, 1, 1),
        D(2021, 4, 2),
        D(2021, 4, 5),
        D(2021, 5, 3),
        D(2021, 5, 31),
        D(2021, 8, 30),
        D(2021, 12, 27),
        D(2021, 12, 28),
    },
    2022: {
        D(2022, 1, 3),
        D(2022, 4, 15),
        D(2022, 4, 18),
        D(2022, 5, 2),
        D(2022, 6, 2),
        D(2022, 6, 3),
        D(2022, 8, 29),
        D(2022, 9, 19),
        D(2022, 12, 26),
        D(2022, 12, 27),
    },
    2023: {
        D(2023, 1, 2),
        D(2023, 4, 7),
        D(2023, 4, 10),
        D(2023, 5, 1),
        D(2023, 5, 8),
        D(2023, 5, 29),
        D(2023, 8, 28),
        D(2023, 12, 25),
        D(2023, 12, 26),
    },
    2025: {
        D(2025, 1, 1),
        D(2025, 4, 18),
        D(2025, 4, 21),
        D(2025, 5, 5),
        D(2025, 5, 26),
        D(2025, 8, 25),
        D(2025, 12, 25),
        D(2025, 12, 26),
    },
    2026: {
        D(2026, 1, 1),
        D(2026, 4, 3),
        D(2026, 4, 6),
        D(2026, 5, 4),
        D(2026, 5, 25),
        D(2026, 8, 31),
        D(2026, 12, 25),
        D(2026, 12, 28),
    },
}


def test_bank_holidays_match_the_published_lists():
    for year, days in PUBLISHED.items():
        assert set(bank_holidays(year, EW)) == days, year


def test_clear_working_days():
    # the 2018 seed: published Tuesday 13 March for Wednesday 21 March: 14, 15, 16, 19, 20
    assert clear_working_days(D(2018, 3, 13), D(2018, 3, 21), EW) == 5
    assert publication_warning(D(2018, 3, 13), D(2018, 3, 21), EW) == ""
    assert latest_publication(D(2018, 3, 21), EW) == D(2018, 3, 13)
    # Easter eats two days: published Wednesday 16 April 2014 for Thursday 24 April
    assert clear_working_days(D(2014, 4, 16), D(2014, 4, 24), EW) == 3
    warning = publication_warning(D(2014, 4, 16), D(2014, 4, 24), EW)
    assert warning.startswith("Only 3 clear working days before the meeting; five are needed.")
    assert "Publish by Monday 14 April 2014" in warning  # 15, 16, 17, 22, 23 April are the five
    assert "on or after" in publication_warning(D(2014, 4, 24), D(2014, 4, 24), EW)
