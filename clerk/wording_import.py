"""The words of importing notes: what a dry run prints, and why a file is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .wording import day_date, long_date, plural

if TYPE_CHECKING:
    from .importing.notes_people import ImportedPerson
    from .importing.notes_text import ImportedMinute, NotesHeading
    from .importing.store import ImportPlan, ImportResult, PersonMatch

NOT_NOTES = "{name} does not read as notes or minutes: expected a line such as “NOTES of a meeting of … held at … on …”."
NOT_STORED = "Storing imported notes is not built yet: run it with --dry-run to see what would be imported."
UNREADABLE = "{name} cannot be read: expected a .txt or .docx file of notes or minutes."


def heading_line(h: NotesHeading) -> str:
    when = day_date(h.date) if h.date else "an unread date"
    at = f" at {h.time}" if h.time else ""
    return f"{h.word.capitalize()} of {h.committee}, {when}{at}, held in {h.venue}"


def person_line(p: ImportedPerson) -> str:
    name = " ".join(x for x in (p.title, p.forenames, p.surname) if x)
    marks = [*p.honours]
    marks += ["Chairman"] if p.chair else []
    marks += ["Vice-Chairman"] if p.vice_chair else []
    marks += ["in the Chair"] if p.presiding else []
    marks += [f"substitute for {p.substitute_for}"] if p.substitute_for else []
    marks += [p.role] if p.role else []
    return name + (f" ({'; '.join(marks)})" if marks else "")


IMPORT_ABANDONED = "Import abandoned: nothing was stored."
IMPORT_NOTHING_READ = "Nothing is read yet: type the file's path and press Enter."


def doubtful(match: PersonMatch) -> bool:
    """A person matched in a way the clerk should look at (not merged with a look-alike...)."""
    return not (match.how == "new person" or match.how.startswith("matches"))


def marked_preview(plan: ImportPlan) -> list[tuple[str, bool]]:
    """``preview_lines``, each line with whether it asks for the clerk's eye: a line not placed,
    a person matched doubtfully, a reason storing would be refused."""
    unplaced = {line.strip() for line in plan.notes.unplaced}
    looks = [m.how for m in plan.people if doubtful(m)] + list(plan.problems)
    return [(line, line.strip() in unplaced or any(look in line for look in looks)) for line in preview_lines(plan)]


def minutes_span(plan: ImportPlan) -> str:
    """minutes 64–74 (or 1 minute, no minutes)."""
    numbers = [m.number for m in plan.notes.minutes]
    return f"minutes {min(numbers)}–{max(numbers)}" if len(numbers) > 1 else plural(len(numbers), "minute")


def preview_summary(plan: ImportPlan, name: str) -> str:
    """Above the preview, on one line: what was read, and what asks for a second look."""
    doubts = sum(1 for m in plan.people if doubtful(m))
    unplaced = len(plan.notes.unplaced)
    looks = [plural(unplaced, "line") + " not placed"] if unplaced else []
    looks += [plural(doubts, "person", "people") + " to check"] if doubts else []
    return f"{name}: {minutes_span(plan)}" + (f"; {', '.join(looks)} (marked)" if looks else "") + ". ctrl+s stores it."


def stored_line(plan: ImportPlan, result: ImportResult) -> str:
    """What storing the imported notes did, on one line."""
    h = plan.notes.heading
    meeting = f"the meeting of {long_date(h.date)}" if h is not None and h.date else "the meeting"
    if not result.stored:
        return f"These notes were stored already ({meeting}): nothing changed."
    span = minutes_span(plan)
    people = f", {plural(result.people_added, 'person', 'people')} added" if result.people_added else ""
    return f"Stored {meeting} of {plan.committee_name}: {span}{people}."


def minute_line(m: ImportedMinute) -> str:
    item = f" (Item {m.item})" if m.item else ""
    counts = ", ".join(
        (
            plural(sum(1 for p in m.paragraphs if p not in m.resolutions), "paragraph"),
            plural(len(m.resolutions), "resolution"),
            plural(len(m.actions), "action"),
        )
    )
    return f"{m.number}. {m.title}{item}: {counts}"
