"""``clerk import agenda FILE``: read an agenda front sheet (.txt or .docx) and create the
meeting with its agenda, or with --dry-run show what was understood and store nothing."""

from __future__ import annotations

from pathlib import Path

import rich_click as click

from ..errors import InvalidInput
from ..terminal import say
from .group import db_option, store_of
from .importing import import_group


def sheet_text(path: Path) -> str:
    """The text of the sheet, one paragraph a line. A Word file is read in the order of its body,
    tables included (the agenda's when and where, and who to ask, sit in a table), cell by cell."""
    from ..importing.reading import file_text
    from ..wording_import_agenda import UNREADABLE_AGENDA

    try:
        return file_text(path)
    except InvalidInput as exc:
        raise InvalidInput(UNREADABLE_AGENDA.format(name=path.name)) from exc


@import_group.command()
@db_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--committee", "-c", metavar="NAME", help="The committee (when the sheet does not name it, or names it otherwise).")
@click.option("--dry-run", is_flag=True, help="Show what was understood and every line not placed; store nothing.")
@click.pass_context
def agenda(ctx: click.Context, file: Path, committee: str | None, dry_run: bool) -> None:
    """Read the agenda front sheet in FILE (.txt or .docx): the meeting's date, time, venue and
    contact, sections A–D, each item's code, title, "(Verbal)", "(to follow)" and pages, the
    restricted items and the publication date; create the meeting with its agenda published."""
    from ..importing.agenda_store import import_agenda
    from ..importing.agenda_text import committee_name, parse_agenda
    from ..wording_import_agenda import NOT_AGENDA, heading_lines, item_line, leftover_lines, outcome_line

    found = parse_agenda(sheet_text(file))
    if not found.is_agenda:
        raise InvalidInput(NOT_AGENDA.format(name=file.name))
    done = import_agenda(store_of(ctx), found, committee=committee, dry_run=dry_run)
    if dry_run:
        for line in heading_lines(found, done.committee or committee_name(found.committee)):
            say(line)
        wording = dict(found.sections)
        section = None
        for item in found.items:
            if item.section != section:
                section = item.section
                say(f"{section}. {wording.get(section, '')}".rstrip() if section else "Items")
            say(f"    {item_line(item)}")
            for sub in item.sub_items:
                say(f"        - {sub}")
            if item.note:
                say(f"        {item.note}")
        for line in leftover_lines(found):
            say(line)
    say(outcome_line(done, found, dry_run))
