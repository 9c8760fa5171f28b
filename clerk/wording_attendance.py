"""The words of the attendance record, once: its title, its columns and how it counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .wording import long_date

TITLE = "Attendance record"
COLUMNS = ("Member", "Role", "Expected", "Attended", "Apologies", "Substituted", "Absent", "Late", "Left early", "Attendance")
SHORT_COLUMNS = ("Member", "Role", "Exp", "Att", "Apol", "Sub", "Abs", "Late", "Left", "%")
NUMERIC = tuple(range(2, 10))


def role_label(committee: Any, role: str) -> str:
    """The committee's own words for its chair and vice-chair ("Chair", "Vice-Chairman")."""
    titles: dict[str, str] = {"chair": committee.chair_title, "vice_chair": committee.vice_chair_title}
    return titles.get(role, "Member")


def period_label(start: dt.date, end: dt.date) -> str:
    return f"{long_date(start)} to {long_date(end)}"


def percentage(attended: int, expected: int) -> str:
    """ "83%"; a dash when the member was expected at no meeting of the period."""
    return f"{round(100 * attended / expected)}%" if expected else "–"


def counting_note(held: int, cancelled: int) -> str:
    """How the figures were counted, printed under the table."""
    if not held:
        return "No meetings were held in this period" + (f" ({cancelled} cancelled)." if cancelled else ".")
    meetings = f"{held} meeting{'s' if held != 1 else ''} held"
    if cancelled:
        meetings += f"; {cancelled} cancelled meeting{'s are' if cancelled != 1 else ' is'} not counted"
    return (
        f"{meetings}. A member is expected at each meeting held while they were a member. "
        "Attendance is the share of those meetings they attended; a substitute's attendance is not counted as theirs."
    )
