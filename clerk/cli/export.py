"""``clerk export agenda|notes|minutes|volume`` and ``clerk approve``: the documents that leave the building."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import rich_click as click

from ..errors import InvalidInput
from ..ids import id_of
from ..terminal import say, wrote
from .group import cli, db_option, export, meeting_argument, resolve_meeting, settings_of, store_of

if TYPE_CHECKING:
    from ..storage import Store
    from ..usecases.export import ExportChoice

OUT = click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write (.docx, or .pdf with --pdf); a bare name goes in the settings' export folder.",
)
PDF = click.option("--pdf", is_flag=True, help="Write a PDF (needs LibreOffice).")


def run(ctx: click.Context, store: Store, choice: ExportChoice) -> None:
    """Export on the store the command already opened (opening it twice doubles the start). A
    bare file name goes in the settings' export folder (the current folder without one)."""
    from dataclasses import replace

    from .publishing import export_document

    folder = settings_of(ctx).export_folder
    if folder is not None and not choice.out.is_absolute() and choice.out.parent == Path():
        choice = replace(choice, out=folder / choice.out)
    wrote(choice.out, export_document(store, choice, warn=lambda warning: say(warning, err=True)))


@export.command("agenda")
@db_option
@meeting_argument
@OUT
@PDF
@click.pass_context
def export_agenda(ctx: click.Context, meeting: str, committee: str | None, out: Path, pdf: bool) -> None:
    """The agenda front sheet, as published."""
    from ..usecases.export import ExportChoice

    store, found = resolve_meeting(ctx, meeting, committee)
    run(ctx, store, ExportChoice("agenda", out, meeting_id=found.id, pdf=pdf))


def notes_command(name: str, hidden: bool = False) -> click.Command:
    @export.command(name, hidden=hidden)
    @db_option
    @meeting_argument
    @OUT
    @click.option("--public", is_flag=True, help="The public version: no restricted minute's text.")
    @PDF
    @click.pass_context
    def export_notes(ctx: click.Context, meeting: str, committee: str | None, out: Path, public: bool, pdf: bool) -> None:
        """The notes (minutes) of a meeting: the full version, or --public."""
        from ..usecases.export import ExportChoice

        store, found = resolve_meeting(ctx, meeting, committee)
        run(ctx, store, ExportChoice("notes", out, meeting_id=found.id, public=public, pdf=pdf))

    return export_notes


export_notes = notes_command("notes")
export_minutes = notes_command("minutes", hidden=True)  # what many councils call them


@export.command("volume")
@db_option
@click.option("--committee", "-c", metavar="NAME", required=True, help="The committee.")
@click.option("--from", "start", metavar="DATE", help="First date (2014-05-01).")
@click.option("--to", "end", metavar="DATE", help="Last date (2015-04-30).")
@click.option("--year", type=int, help="A municipal year, by the year it starts (2014 for 2014/15).")
@OUT
@click.option("--public", is_flag=True, help="The public version.")
@PDF
@click.pass_context
def export_volume(
    ctx: click.Context, committee: str, start: str | None, end: str | None, year: int | None, out: Path, public: bool, pdf: bool
) -> None:
    """All the notes of a committee for a date range or municipal year, numbers continuous."""
    from ..numbering import municipal_year_range
    from ..services.committees import find_committee
    from ..services.common import parse_date
    from ..usecases.export import ExportChoice

    store = store_of(ctx)
    found = find_committee(store, committee)
    if year is not None and (start or end):
        raise InvalidInput("Give --year, or --from and --to, not both.")
    if year is not None:
        first, last = municipal_year_range(year, found.year_start_month)
    elif start and end:
        first, last = parse_date(start), parse_date(end)
    else:
        raise InvalidInput("Give --from and --to dates, or --year.")
    run(ctx, store, ExportChoice("volume", out, committee_id=found.id, start=first, end=last, public=public, pdf=pdf))


@cli.command("approve")
@db_option
@meeting_argument
@click.option("--amendments", metavar="TEXT", default="", help="What the approval is subject to.")
@click.pass_context
def approve(ctx: click.Context, meeting: str, committee: str | None, amendments: str) -> None:
    """Approve and sign the notes of the meeting before MEETING (item A3 of MEETING)."""
    from ..services.signoff import approve_previous

    store, found = resolve_meeting(ctx, meeting, committee)
    signoff, wording = approve_previous(store, id_of(found), amendments)
    say(wording)
    say(f"Signed; content hash {signoff.content_hash}")
