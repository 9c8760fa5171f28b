"""``clerk attach``, ``clerk detach`` and ``clerk pack``: reports for agenda items, and the agenda pack."""

from __future__ import annotations

import sys
from pathlib import Path

import rich_click as click

from ..ids import id_of
from ..terminal import say, wrote
from .group import cli, db_option, meeting_argument, resolve_meeting


@cli.command("attach")
@db_option
@meeting_argument
@click.argument("item", metavar="ITEM")
@click.argument("file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def attach(ctx: click.Context, meeting: str, committee: str | None, item: str, file: Path) -> None:
    """Attach a report (.docx or PDF) to agenda item ITEM (its code, such as B1) of MEETING."""
    from ..services.reports import attach_report

    store, found = resolve_meeting(ctx, meeting, committee)
    report = attach_report(store, id_of(found), item, file)
    say(f"Attached {report.filename} to {report.code} {report.title} ({report.kind}).")


@cli.command("detach")
@db_option
@meeting_argument
@click.argument("item", metavar="ITEM")
@click.option("--verbal", "kind", flag_value="verbal", help="The item is then Verbal: no paper.")
@click.option("--to-follow", "kind", flag_value="to_follow", help="The item's report is then to follow.")
@click.pass_context
def detach(ctx: click.Context, meeting: str, committee: str | None, item: str, kind: str | None) -> None:
    """Take the report off agenda item ITEM of MEETING; the file stays in the item's history."""
    from ..services.reports import detach_report

    store, found = resolve_meeting(ctx, meeting, committee)
    say(detach_report(store, id_of(found), item, kind).sentence)


@cli.command("pack")
@db_option
@meeting_argument
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The PDF to write.")
@click.option("--restricted", "kind", flag_value="restricted", help="The restricted pack: reports not for publication.")
@click.option("--supplement", "kind", flag_value="supplement", help="The supplementary pack: reports that were to follow.")
@click.pass_context
def pack(ctx: click.Context, meeting: str, committee: str | None, out: Path, kind: str | None) -> None:
    """Build the agenda pack: front sheet with page ranges, previous notes, reports, one PDF."""
    from .publishing import build_pack

    store, found = resolve_meeting(ctx, meeting, committee)

    def progress(step: str, done: int, total: int) -> None:
        if sys.stderr.isatty():  # progress is for a person watching; a script gets one line
            say(f"[{done}/{total}] {step}", err=True)

    result = build_pack(store, id_of(found), out, kind=kind or "public", progress=progress)
    if result.message:
        say(result.message, err=True)
    wrote(out, result.path, f" ({result.pages} pages)" if result.pages else "")
