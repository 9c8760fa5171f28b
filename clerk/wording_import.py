"""The words of importing notes: what a dry run (and the app's preview) prints, how each person
was matched, and why a file or a plan is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .kinds import NumberingScheme, Role
from .wording import day_date, long_date, plural

if TYPE_CHECKING:
    from .importing.notes_people import ImportedPerson
    from .importing.notes_text import ImportedMinute, NotesHeading
    from .importing.plan import ImportPlan

NOT_NOTES = (
    "{name} does not read as notes or minutes: expected a heading such as “NOTES of a meeting of … held at … on …”"
    " or “Committee - Tuesday, 25th March, 2025 10.00 am”, then numbered minutes."
)
UNREADABLE = "{name} cannot be read: expected a .txt, .docx or .pdf file of notes or minutes."
EMPTY = "{name} is empty: expected the text of notes or minutes."
NO_TEXT = (
    "{name} has no text to read (a scanned image?): expected a PDF of notes or minutes with its text, or a Word or text copy."
)
OUTCOMES = {"withdrawn": "item withdrawn", "deferred": "item deferred"}
NO_DATE = "The heading gives no date the meeting was held on, as “held at … on Tuesday, 8 July 2014”."
NO_MINUTES = "No numbered minutes were found, as “64. Title”."
NO_COMMITTEE = "The heading names no committee; give one with --committee NAME."
NOT_IN_SEQUENCE = "The minute numbers do not run one after another ({numbers}); clerk keeps each meeting's numbers unbroken."
SEVERAL_COMMITTEES = "'{name}' matches several committees ({names}); give the whole name with --committee."
OTHER_MINUTES = "The meeting of {date} already has minutes {range}, other than these; nothing is imported over them."
NUMBERS_CLASH = (
    "Minutes {range} of {date} do not fit the numbers of the meeting of {other} (minutes {other_range}): "
    "the committee's minutes are numbered {scheme}; if it numbers them afresh each meeting or each municipal year, "
    "change its numbering in its settings (minutes that follow numbered items: "
    'clerk committee "{committee}" --agenda-style numbered), then import again.'
)
SCHEME_WORDS = {
    NumberingScheme.CONTINUOUS: "on from one meeting to the next",
    NumberingScheme.MUNICIPAL_YEAR: "on from one meeting to the next within each municipal year",
    NumberingScheme.PER_MEETING: "afresh at each meeting",
}
SIGNED_WITHOUT_PARAGRAPH = (
    "Minutes {range} were taken in private but the notes give no Schedule 12A paragraph, which signed notes' "
    "public copy names; import them without --signed, give each its paragraph, then sign them."
)
NUMBERS_MOVED = (
    "Minute {number} of {date} could not keep its number, or another meeting's minutes would be renumbered; nothing was imported."
)
PERSON_GONE = "The person chosen for {name} is no longer in clerk; look at the import again."
NEW_PERSON = "new person"
ROLE_WORDS = {Role.CHAIR: "chair", Role.VICE_CHAIR: "vice-chair", Role.MEMBER: "member", Role.SUBSTITUTE: "substitute"}
LIST_LABELS = {"present": "Present", "also_present": "Also present", "in_attendance": "In attendance", "apologies": "Apologies"}
ALREADY = "Already imported: the meeting of {date} holds these minutes; storing changes nothing."
STORED = "Imported the meeting of {date}: {minutes}, {people} added."
UNCHANGED = "The meeting of {date} already holds these minutes; nothing was changed."


def matched(name: str, role: Role | None) -> str:
    return f"matches {name} ({ROLE_WORDS[role]})" if role is not None else f"matches {name}, already in clerk"


def not_merged(others: list[str]) -> str:
    return f"new person, not merged with {' or '.join(others)} (the same surname and initials): say if it is the same person"


def heading_line(h: NotesHeading) -> str:
    when = day_date(h.date) if h.date else "an unread date"
    at = f" at {h.time}" if h.time else ""
    where = f", held {h.venue.lower()}" if h.venue.lower() in ("online", "virtually", "remotely") else f", held in the {h.venue}"
    contact = f" (contact: {', '.join(x for x in (h.contact, h.contact_email) if x)})" if h.contact or h.contact_email else ""
    return f"{h.word.capitalize()} of {h.committee}, {when}{at}{where if h.venue else ''}{contact}"


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
    cut = "; cut short on the web page: the full text is in the published minutes" if m.truncated else ""
    bare = "; no minute text" if not m.paragraphs and not m.exempt_paragraph else ""
    return f"{m.number}. {m.title}{item}{outcome}: {counts}{exempt}{bare}{cut}"


def described_line(m: ImportedMinute) -> str:
    return f"under the title: {'; '.join(m.described)}"


def preface_line(count: int) -> str:
    return f"Before the notes: {plural(count, 'line')}, the agenda front sheet (not imported with the notes)"


def preview_lines(plan: ImportPlan) -> list[str]:
    """What was understood, one line each: the meeting, each person and how matched, each
    minute's number and title (with counts), sessions, the appendix, every line not placed, and
    why storing would be refused."""
    notes = plan.notes
    out = [heading_line(notes.heading)] if notes.heading else []
    committee = "an existing committee" if plan.committee_id is not None else "a new committee"
    out.append(f"Committee: {plan.committee_name} ({committee})")
    if plan.meeting_id is not None and notes.heading and notes.heading.date:
        out.append(ALREADY.format(date=long_date(notes.heading.date)))
    for listed, label in LIST_LABELS.items():
        group = [m for m in plan.people if m.listed == listed]
        if group:
            out.append(f"{label} ({len(group)}):")
            out += [f"    {person_line(m.imported)}: {m.how}" for m in group]
    session = None
    for minute in notes.minutes:
        if minute.session != session and minute.session:
            session = minute.session
            out.append(session)
        out.append(f"    {minute_line(minute)}")
        if minute.described:
            out.append(f"        {described_line(minute)}")
    if notes.preface:
        out.append(preface_line(len(notes.preface)))
    if notes.declarations:
        out.append(f"Declarations of interest (kept only in the file): {notes.declarations}")
    if notes.approved:
        out.append(f"{notes.approved} (signed notes: import them with --signed to keep them signed)")
    if notes.appendix:
        out.append(f"Appendix after the minutes: {plural(len(notes.appendix), 'line')} (not imported)")
    out.append(f"Not placed: {plural(len(notes.unplaced), 'line')}")
    out += [f"    {line}" for line in notes.unplaced]
    out += [f"Cannot be stored: {problem}" for problem in plan.problems]
    return out
