"""``clerk export record``: a meeting's whole record as JSON, for archiving."""

from __future__ import annotations

from pathlib import Path

import rich_click as click

from ..ids import id_of
from ..terminal import wrote
from .group import db_option, export, meeting_argument, resolve_meeting, write_output


@export.command("record")
@db_option
@meeting_argument
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .json file to write.")
@click.option("--public", is_flag=True, help="Public fields only: no restricted minute's text, no restricted declaration.")
@click.pass_context
def export_record(ctx: click.Context, meeting: str, committee: str | None, out: Path, public: bool) -> None:
    """The meeting's whole record (minutes, paragraphs, actions, attendance) as JSON, for archiving.
    Its first key, restricted_text, says whether it holds text not for publication."""
    import json

    from ..files import output_path
    from ..services.record import record_of

    store, found = resolve_meeting(ctx, meeting, committee)
    with store.read() as session:
        record = record_of(session, id_of(found), public=public)
    record["date"] = found.date.isoformat()
    path = write_output(
        output_path(out, ".json", elsewhere="choose another --out path"),
        json.dumps(record, indent=1, ensure_ascii=False, default=str).encode("utf-8"),
    )
    if record["restricted_text"]:
        click.echo("RESTRICTED – NOT FOR PUBLICATION: this record holds restricted text (--public leaves it out).")
    else:
        click.echo("Public fields only." if public else "This record holds no restricted text.")
    wrote(out, path)
