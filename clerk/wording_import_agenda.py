"""The words of importing an agenda front sheet: what a dry run prints, what was stored, and why a
file is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .wording import day_date, item_label, long_date, page_label, plural

if TYPE_CHECKING:
    import datetime as dt

    from .importing.agenda_text import AgendaImport, ImportedAgenda, ImportedItem
    from .importing.agenda_text import ItemKey as Key

NOT_AGENDA = (
    "{name} does not read as an agenda front sheet: expected the meeting's date (such as "
    "“Wednesday, 21st March, 2018, at 10.00 am”) and its items with their codes (A1 Apologies, B1 …)."
)
UNREADABLE_AGENDA = "{name} cannot be read: expected an agenda front sheet as a .txt or .docx file."
NO_COMMITTEE = "The agenda does not name its committee: add --committee NAME."
DIFFERENT_AGENDA = "The {committee} already has a meeting on {date} with a different agenda ({diff}); nothing was imported."
MARKERS = {"verbal": "(Verbal)", "to_follow": "(to follow)"}


def different_agenda(committee: str, date: dt.date, diff: str) -> str:
    return DIFFERENT_AGENDA.format(committee=committee, date=long_date(date), diff=diff)


def _labels(marker: str, pages: tuple[int, int] | None) -> str:
    return " ".join(x for x in (MARKERS.get(marker, ""), page_label(*pages) if pages else "") if x)


def item_key_line(sheet: Key, stored: Key) -> str:
    """The first difference between an item on the sheet and the one stored under its place."""
    code, title, marker, pages, subs = sheet
    if code != stored[0] or title != stored[1]:
        return f"{code} is “{sheet[1]}” on the sheet, {stored[0]} “{stored[1]}” there"
    if (marker, pages) != (stored[2], stored[3]):
        return (
            f"{code} is {_labels(marker, pages) or 'a report'} on the sheet, {_labels(stored[2], stored[3]) or 'a report'} there"
        )
    return f"{code} has {plural(len(subs), 'sub-item')} on the sheet, {len(stored[4])} there"


def items_differ_in_number(there: int, sheet: int) -> str:
    return f"{plural(there, 'item')} there, {sheet} on the sheet"


def item_line(item: ImportedItem) -> str:
    """ "B3  Domestic Abuse Updates (Verbal)", with the presenter and the restricted mark."""
    labels = _labels(item.marker.value if item.marker else "", item.pages)
    text = f"{item_label(item.code)}  {item.title}" + (f" {labels}" if labels else "")
    marks = [f"presenter {item.presenter}"] if item.presenter else []
    if item.restricted:
        marks.append(f"restricted, paragraph {item.exempt_paragraph}" if item.exempt_paragraph else "restricted")
    return text + (f" [{'; '.join(marks)}]" if marks else "")


def heading_lines(agenda: ImportedAgenda, committee: str) -> list[str]:
    when = day_date(agenda.date) if agenda.date else "an unread date"
    lines = [
        f"{agenda.title.capitalize() or 'Agenda'} of the {committee}, {when}" + (f" at {agenda.time}" if agenda.time else "")
    ]
    for label, value in (
        ("Organisation", agenda.organisation),
        ("Venue", agenda.venue),
        ("Ask for", agenda.contact),
        ("Telephone", agenda.phone),
        ("Email", agenda.email),
        ("Refreshments", agenda.refreshments),
        ("Published", day_date(agenda.published) if agenda.published else ""),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return lines


def outcome_line(done: AgendaImport, agenda: ImportedAgenda, dry_run: bool) -> str:
    when = long_date(agenda.date) if agenda.date else ""
    items = plural(len(agenda.items), "item")
    new = f" and the committee {done.committee}" if done.new_committee else ""
    if done.meeting_id is not None and not done.stored:
        return f"The meeting of {when} is already there with this agenda (meeting {done.meeting_id}); nothing changed."
    if dry_run:
        return f"Nothing stored (dry run): importing would add the meeting of {when} with {items}{new}."
    return f"Imported the meeting of {when} (meeting {done.meeting_id}, agenda published) with {items}{new}."


def leftover_lines(agenda: ImportedAgenda) -> list[str]:
    lines = [f"Not placed: {plural(len(agenda.unplaced), 'line')}", *(f"    {line}" for line in agenda.unplaced)]
    if agenda.after:
        lines.append(f"After the front sheet: {plural(agenda.after, 'line')} (the rest of the pack, not read)")
    return lines
