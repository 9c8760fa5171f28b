"""``clerk import notes FILE``: read a council's existing notes or minutes (.txt or .docx) and
show what was understood. Storing them is a later step; for now only --dry-run runs."""

from __future__ import annotations

from pathlib import Path

import rich_click as click

from ..errors import InvalidInput
from ..terminal import say
from .group import cli


@cli.group(name="import")
def import_group() -> None:
    """Bring in records a council already has: `clerk import notes FILE --dry-run`."""


def read_text(path: Path) -> str:
    """The plain text of a .txt or .docx file, one paragraph a line."""
    from ..wording_import import UNREADABLE

    try:
        if path.suffix.lower() == ".docx":
            import docx

            return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        return path.read_text(encoding="utf-8-sig", errors="replace")
    except Exception as exc:  # a broken or foreign file: one line for the clerk
        raise InvalidInput(UNREADABLE.format(name=path.name)) from exc


@import_group.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what was understood; store nothing.")
def notes(file: Path, dry_run: bool) -> None:
    """Read the notes or minutes in FILE (.txt or .docx): the meeting, who attended, each minute
    with its number, title, paragraphs, resolutions and actions, and every line not understood."""
    from ..importing.notes_text import parse_notes
    from ..wording import plural
    from ..wording_import import NOT_NOTES, NOT_STORED, heading_line, minute_line, person_line

    found = parse_notes(read_text(file), whole_lines=file.suffix.lower() == ".docx")
    if found.heading is None or not found.minutes:
        raise InvalidInput(NOT_NOTES.format(name=file.name))
    if not dry_run:
        raise InvalidInput(NOT_STORED)
    say(heading_line(found.heading))
    for label, group in (
        ("Present", found.present),
        ("Also present", found.also_present),
        ("In attendance", found.in_attendance),
        ("Apologies", found.apologies),
    ):
        if group:
            say(f"{label} ({len(group)}):")
            for person in group:
                say(f"    {person_line(person)}")
    session = None
    for minute in found.minutes:
        if minute.session != session and minute.session:
            session = minute.session
            say(session)
        say(f"    {minute_line(minute)}")
    if found.appendix:
        say(f"Appendix after the minutes: {plural(len(found.appendix), 'line')} (kept as it is)")
    say(f"Not placed: {plural(len(found.unplaced), 'line')}")
    for line in found.unplaced:
        say(f"    {line}")
