"""The action log's words, once: the status of an action, the columns of its table, the
matters-arising paper and the chasing report, what the screen and the command line say when
an action moves on. The screen, the command line and the Word documents all use these."""

from __future__ import annotations

import datetime as dt

from .wording import day_date, long_date, plural, short_date

MATTERS_ARISING_KEY = "matters_arising"  # the agenda item's standard key
MATTERS_ARISING_TITLE = "Action log / matters arising"
STATUS_LABELS = {"open": "Open", "done": "Done", "superseded": "Superseded"}
PAPER_COLUMNS = ("Minute", "Action", "Owner", "Status", "Update")
CHASE_COLUMNS = ("Minute", "Action", "Due", "Status", "Update")
LIST_COLUMNS = ("Id", "Minute", "Action", "Owner", "Due", "Status", "Update")


def status_label(status: str, on: dt.date | None = None, *, short: bool = False) -> str:
    """ "Open", "Done 3 October 2014" ("Done 3 Oct 2014" where the screen is narrow)."""
    word = STATUS_LABELS.get(status, status)
    if on is None or status == "open":
        return word
    return f"{word} {short_date(on)[4:] if short else long_date(on)}"


def minute_cell(number: str, date: dt.date, *, short: bool = False) -> str:
    """ "66 (8 July 2014)": the minute an action came from and its meeting."""
    return f"{number} ({short_date(date)[4:] if short else long_date(date)})" if number else long_date(date)


def action_text(description: str, minute_title: str) -> str:
    """What the action is: as written, or the minute's title when only its owner was noted
    ("Action – Jim Parris" under minute 66)."""
    return description or minute_title


def due_label(due: dt.date | None, *, short: bool = False) -> str:
    if due is None:
        return ""
    return short_date(due)[4:] if short else long_date(due)


def matters_arising_intro(body_noun: str, since: dt.date | None) -> str:
    if since is None:
        return f"The actions agreed by the {body_noun} that are still open."
    return f"The actions agreed by the {body_noun} that are still open, and those closed since {long_date(since)}."


def no_actions_sentence(since: dt.date | None) -> str:
    return "No actions are open" + (f" and none has closed since {long_date(since)}." if since else ".")


def chase_title(owner: str) -> str:
    return f"Open actions: {owner}"


def chase_intro(owner: str, count: int, today: dt.date) -> str:
    return f"{owner} has {plural(count, 'open action')} on {long_date(today)}."


def moved_sentence(action_id: int, status: str, on: dt.date) -> str:
    """What the command line and the screen say when an action is closed or superseded."""
    return f"Action {action_id} is {STATUS_LABELS.get(status, status).lower()} ({long_date(on)}); the minute it came from is unchanged."


def already_sentence(action_id: int, status: str, on: dt.date | None) -> str:
    return f"Action {action_id} is already {STATUS_LABELS.get(status, status).lower()}" + (
        f" (since {long_date(on)})." if on else "."
    )


def noted_sentence(action_id: int) -> str:
    return f"Noted the update on action {action_id}."


def restricted_mark(text: str) -> str:
    """A restricted minute's action as the clerk's own list shows it (never printed in public)."""
    return f"[restricted] {text}"


def matters_arising_offer(count: int, since: dt.date | None) -> str:
    """The agenda builder's offer of the item, above the choice."""
    when = f" (from the meeting of {long_date(since)} and before)" if since else ""
    said = f"{plural(count, 'action is', 'actions are')} still open{when}" if count else "Actions have closed"
    if not count and since:
        said += f" since {long_date(since)}"
    return f"{said}: the {MATTERS_ARISING_TITLE} item's paper lists them, made from the action log when the pack is built."


def paper_heading(date: dt.date) -> str:
    return f"Meeting of {day_date(date)}"


def chase_heading(day: dt.date) -> str:
    return f"Actions to chase, {long_date(day)}"


def no_open_actions(owner: str | None = None) -> str:
    return "No actions are open" + (f" for {owner}." if owner else ".")


def no_actions(open_only: bool, owner: str | None = None) -> str:
    """What a list of actions says when it has none."""
    return no_open_actions(owner) if open_only else "No actions" + (f" for {owner}." if owner else ".")
