"""The words of the published website, once: its page titles, the state of a meeting's papers
and the names of the documents it offers."""

from __future__ import annotations

import datetime as dt
import re

from .wording import day_date, long_date

SITE_TITLE = "Meetings, agendas and minutes"
ALL_COMMITTEES = "All committees"
AGENDA_AND_MINUTES = "Agenda and minutes"
CANCELLED = "This meeting was cancelled."
DRAFT_AGENDA = "Draft agenda: not yet published, and its items may change."


def meeting_page_title(committee: str, date: dt.date) -> str:
    """Kent Community Safety Partnership, Tuesday, 8 July 2014."""
    return f"{committee}, {day_date(date)}"


def agenda_state(published: bool, on: dt.date | None = None) -> str:
    if not published:
        return DRAFT_AGENDA
    return f"Agenda published on {day_date(on)}." if on else "Agenda published."


def minutes_state(minutes_word: str, approved: str) -> str:
    """ "Approved as a correct record on …", or that the notes are a draft until the next meeting approves them."""
    return approved or f"Draft {minutes_word.lower()}: to be approved as a correct record at the next meeting."


def signed_line(signed_at: dt.datetime | None) -> str:
    return f"Signed on {day_date(signed_at.date())}." if signed_at else ""


def previous_notes_link(minutes_word: str, date: dt.date) -> str:
    """The link from an agenda's A3 to the meeting whose notes it approves."""
    return f"{minutes_word.capitalize()} of the meeting held on {long_date(date)}"


def document_label(what: str, suffix: str) -> str:
    """ "Agenda (Word document)", "Notes, public version (PDF)"."""
    kind = {".docx": "Word document", ".pdf": "PDF"}.get(suffix, suffix.lstrip(".").upper())
    return f"{what} ({kind})"


def feed_entry_title(committee: str, what: str, date: dt.date) -> str:
    """ "Kent Community Safety Partnership: agenda for 8 July 2014"."""
    return f"{committee}: {what} for {long_date(date)}"


def period_heading(start: dt.date, end: dt.date) -> str:
    return f"{start.year}/{str(end.year)[-2:]}" if end.year == start.year + 1 else f"{long_date(start)} to {long_date(end)}"


# A decision in the notes: a RESOLVED paragraph, or as older notes put it, "It was agreed that …"
DECISION_OPENINGS = ("RESOLVED", "It was agreed", "It was resolved", "AGREED", "Agreed")


def is_decision(text: str) -> bool:
    return text.lstrip().startswith(DECISION_OPENINGS)


_SMALL = {"and", "of", "the", "for", "on", "in", "to", "a"}


def committee_slug(name: str) -> str:
    """The committee's folder in the site's addresses: the initials of its name ("kcsp"), a year
    kept whole ("kcsp-2025"); a short name spelt out ("audit-committee")."""
    words = re.findall(r"[A-Za-z]+|\d+", name)
    letters = [w for w in words if w.isalpha() and w.lower() not in _SMALL]
    numbers = [w for w in words if w.isdigit()]
    initials = "".join(w[0] for w in letters).lower()
    base = initials if len(initials) >= 3 else "-".join(w.lower() for w in letters) or "committee"
    return "-".join([base, *numbers])


def file_slug(text: str) -> str:
    """A name safe in an address: letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "file"
