"""``clerk import notes FILE``: read a council's existing notes or minutes (.txt or .docx) and
store them (``--dry-run``: show what was understood and store nothing)."""

from __future__ import annotations

from pathlib import Path

import rich_click as click

from ..errors import InvalidInput
from ..terminal import say
from .group import cli, db_option, store_of


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
@db_option
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--committee", "-c", metavar="NAME", help="The committee the notes belong to (default: the one their heading names)."
)
@click.option("--dry-run", is_flag=True, help="Show what was understood and how each person matches; store nothing.")
@click.option("--signed", is_flag=True, help="The notes were approved and signed: store them signed, their text frozen.")
@click.pass_context
def notes(ctx: click.Context, file: Path, committee: str | None, dry_run: bool, signed: bool) -> None:
    """Import the notes or minutes in FILE (.txt or .docx): the committee, its people and their
    memberships, the meeting and who attended, each minute with its own number, paragraphs,
    resolutions and actions. The committee's numbering goes on from them."""
    from ..importing.notes_text import parse_notes
    from ..importing.store import plan_import, store_import
    from ..wording import long_date, plural
    from ..wording_import import NOT_NOTES, STORED, UNCHANGED, preview_lines

    found = parse_notes(read_text(file))
    if found.heading is None or not found.minutes:
        raise InvalidInput(NOT_NOTES.format(name=file.name))
    store = store_of(ctx)
    plan = plan_import(store, found, committee=committee)
    if dry_run:
        for line in preview_lines(plan):
            say(line)
        return
    result = store_import(store, plan, signed=signed)
    when = long_date(found.heading.date) if found.heading.date else ""
    if not result.stored:
        say(UNCHANGED.format(date=when))
        return
    say(
        STORED.format(date=when, minutes=plural(result.minutes, "minute"), people=plural(result.people_added, "person", "people"))
    )
