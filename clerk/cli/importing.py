"""``clerk import notes FILE``: read a council's existing notes or minutes (.txt, .docx or .pdf;
printed notes, an agenda pack carrying them, or a web page's minutes) and store them (``--dry-run``:
show what was understood and store nothing)."""

from __future__ import annotations

from pathlib import Path

import rich_click as click

from ..terminal import say
from .group import cli, db_option, store_of


@cli.group(name="import")
def import_group() -> None:
    """Bring in records a council already has: `clerk import notes FILE --dry-run`."""


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
    """Import the notes or minutes in FILE (.txt, .docx or .pdf; printed notes or a web page's
    minutes): the committee, its people and their memberships, the meeting and who attended,
    each minute with its own number, paragraphs, resolutions and actions. The committee's
    numbering goes on from them."""
    from ..importing.reading import read_notes
    from ..importing.store import plan_import, store_import
    from ..wording import long_date, plural
    from ..wording_import import STORED, UNCHANGED, preview_lines

    found = read_notes(file)
    assert found.heading is not None  # read_notes refuses a file without one
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
