"""The words of importing notes: what a dry run prints, and why a file is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .wording import day_date, plural

if TYPE_CHECKING:
    from .importing.notes_people import ImportedPerson
    from .importing.notes_text import ImportedMinute, NotesHeading

NOT_NOTES = (
    "{name} does not read as notes or minutes: expected a heading such as “NOTES of a meeting of … held at … on …”"
    " or “Committee - Tuesday, 25th March, 2025 10.00 am”, then numbered minutes."
)
NOT_STORED = "Storing imported notes is not built yet: run it with --dry-run to see what would be imported."
UNREADABLE = "{name} cannot be read: expected a .txt, .docx or .pdf file of notes or minutes."
EMPTY = "{name} is empty: expected the text of notes or minutes."
NO_TEXT = (
    "{name} has no text to read (a scanned image?): expected a PDF of notes or minutes with its text, or a Word or text copy."
)


def heading_line(h: NotesHeading) -> str:
    when = day_date(h.date) if h.date else "an unread date"
    at = f" at {h.time}" if h.time else ""
    where = ", held online" if h.venue.lower() == "online" else f", held in {h.venue}" if h.venue else ""
    contact = f" (contact: {', '.join(x for x in (h.contact, h.contact_email) if x)})" if h.contact or h.contact_email else ""
    return f"{h.word.capitalize()} of {h.committee}, {when}{at}{where}{contact}"


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
    cut = "; cut short on the web page: the full text is in the published minutes" if m.truncated else ""
    bare = "; no minute text" if not m.paragraphs else ""
    return f"{m.number}. {m.title}{item}: {counts}{bare}{cut}"


def described_line(m: ImportedMinute) -> str:
    return f"under the title: {'; '.join(m.described)}"


def preface_line(count: int) -> str:
    return f"Before the notes: {plural(count, 'line')} of the agenda front sheet (not part of the notes, kept as it is)"
