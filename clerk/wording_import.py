"""The words of importing notes: what a dry run prints, and why a file is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .wording import day_date, plural

if TYPE_CHECKING:
    from .importing.notes_people import ImportedPerson
    from .importing.notes_text import ImportedMinute, NotesHeading

NOT_NOTES = "{name} does not read as notes or minutes: expected a line such as “NOTES of a meeting of … held at … on …”."
NOT_STORED = "Storing imported notes is not built yet: run it with --dry-run to see what would be imported."
OUTCOMES = {"withdrawn": "item withdrawn", "deferred": "item deferred"}
UNREADABLE = "{name} cannot be read: expected a .txt or .docx file of notes or minutes."


def heading_line(h: NotesHeading) -> str:
    when = day_date(h.date) if h.date else "an unread date"
    at = f" at {h.time}" if h.time else ""
    where = f"held {h.venue.lower()}" if h.venue.lower() in ("online", "virtually", "remotely") else f"held in the {h.venue}"
    return f"{h.word.capitalize()} of {h.committee}, {when}{at}, {where if h.venue else 'held'}"


def person_line(p: ImportedPerson) -> str:
    name = " ".join(x for x in (p.title, p.forenames, p.surname) if x)
    marks = [*p.honours]
    marks += ["Chairman"] if p.chair else []
    marks += ["Vice-Chairman"] if p.vice_chair else []
    marks += ["in the Chair"] if p.presiding else []
    marks += [f"substitute for {p.substitute_for}"] if p.substitute_for else []
    marks += [p.role] if p.role else []
    return name + (f" ({'; '.join(marks)})" if marks else "")


def minute_line(m: ImportedMinute) -> str:
    item = f" (Item {m.item})" if m.item else ""
    counts = ", ".join(
        (
            plural(sum(1 for p in m.paragraphs if p not in m.resolutions), "paragraph"),
            plural(len(m.resolutions), "resolution"),
            plural(len(m.actions), "action"),
        )
    )
    outcome = f" ({OUTCOMES[m.outcome]})" if m.outcome in OUTCOMES else ""
    exempt = f", exempt under paragraph {m.exempt_paragraph}" if m.exempt_paragraph else ""
    return f"{m.number}. {m.title}{item}{outcome}: {counts}{exempt}"
