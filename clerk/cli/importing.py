"""``clerk import notes FILE``: read a council's existing notes or minutes (.txt, .docx or .pdf) and
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


@import_group.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what was understood; store nothing.")
def notes(file: Path, dry_run: bool) -> None:
    """Read the notes or minutes in FILE (.txt, .docx or .pdf; printed notes or a web page's
    minutes): the meeting, who attended, each minute with its number, title, paragraphs,
    resolutions and actions, and every line not understood."""
    from ..importing.reading import read_notes
    from ..wording import plural
    from ..wording_import import NOT_STORED, described_line, heading_line, minute_line, person_line, preface_line

    found = read_notes(file)
    if not dry_run:
        raise InvalidInput(NOT_STORED)
    assert found.heading is not None  # read_notes refuses a file without one
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
        if minute.described:
            say(f"        {described_line(minute)}")
    if found.preface:
        say(preface_line(len(found.preface)))
    if found.appendix:
        say(f"Appendix after the minutes: {plural(len(found.appendix), 'line')} (kept as it is)")
    say(f"Not placed: {plural(len(found.unplaced), 'line')}")
    for line in found.unplaced:
        say(f"    {line}")
