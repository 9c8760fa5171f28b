"""The house style, continued: the forward plan's words. The history line under an item carried
from a meeting that deferred or withdrew it, what the plan and the deadlines list call an item's
state, and the line a deadline is told in."""

from __future__ import annotations

import datetime as dt

from .wording import long_date, plural

CARRIED_VERBS = {"deferred": "Deferred", "withdrawn": "Withdrawn"}
PLAN_STATES = {"planned": "planned", "on_agenda": "on the agenda", "taken_off": "taken off the agenda", "dropped": "not taken"}
DEADLINE_STATES = {"attached": "attached", "due": "due", "overdue": "overdue"}
FROM_PLAN, CARRIED = "from plan", "carried"  # the agenda builder's mark on such items


def carried_note(state: str, meeting_date: dt.date, minute_label: str) -> str:
    """Deferred from 8 July 2014, minute 71."""
    return f"{CARRIED_VERBS[state]} from {long_date(meeting_date)}, minute {minute_label}."


def carried_history(earlier: str, state: str, meeting_date: dt.date, minute_label: str) -> str:
    """An item deferred twice keeps both lines: "Deferred from 8 July 2014, minute 71. Deferred from …"."""
    return " ".join(part for part in (earlier.strip(), carried_note(state, meeting_date, minute_label)) if part)


def deadline_line(deadline: dt.date, today: dt.date, attached: bool) -> str:
    """Due in 3 days / Due today / Overdue by 2 days / Attached."""
    if attached:
        return "Attached"
    days = (deadline - today).days
    if days < 0:
        return f"Overdue by {plural(-days, 'day')}"
    return "Due today" if days == 0 else f"Due in {plural(days, 'day')}"


def deadline_rule(days: int) -> str:
    """How the committee's deadline is worked out, as the settings and the list say it."""
    return f"Reports are due {plural(days, 'working day')} before the agenda is published."


def offered_line(count: int) -> str:
    """The agenda builder's line when something waits to be added ("" when nothing does)."""
    if not count:
        return ""
    return f"{plural(count, 'item')} offered for this meeting, planned or carried from the last one: w to see."
