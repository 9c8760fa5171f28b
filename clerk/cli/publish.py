"""``clerk publish``: the public record as a static website, and ``--serve`` to look at it."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

import rich_click as click

from ..errors import InvalidInput
from ..terminal import say
from .group import cli, db_option, store_of


@cli.command("publish")
@db_option
@click.option(
    "--out",
    "-o",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("site"),
    show_default=True,
    help="The site's folder.",
)
@click.option("--committee", "-c", metavar="NAME", help="Publish only this committee (the site then holds just it).")
@click.option("--from", "start", metavar="DATE", help="Publish meetings from this date on (2014-05-01).")
@click.option(
    "--drafts/--no-drafts",
    default=False,
    show_default=True,
    help="Show a meeting's agenda, marked a draft, before it is published (councils publish only published agendas).",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="The agenda, notes and public agenda pack as PDF too (LibreOffice; only what changed is converted).",
)
@click.option("--serve", is_flag=True, help="Then serve the site on 127.0.0.1 until Ctrl+C.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="The port to serve on (default: a free one).")
@click.pass_context
def publish(
    ctx: click.Context, out: Path, committee: str | None, start: str | None, drafts: bool, pdf: bool, serve: bool, port: int
) -> None:
    """Write the public record as a static website: committees, meetings, agendas, public notes,
    attendance, decisions, calendars and an Atom feed. Only what changed is rewritten."""
    from ..services.common import parse_date
    from .publishing import publish_site

    store = store_of(ctx)
    began = time.perf_counter()
    first = parse_date(start) if start else None
    try:
        report = publish_site(store, out, committee=committee, start=first, drafts=drafts, pdf=pdf, progress=say)
    except OSError as exc:  # each file is replaced whole: what was there before is still there
        where = exc.filename or out
        raise InvalidInput(f"clerk cannot write the site at {where} ({exc.strerror}); choose another --out folder.") from None
    for problem in report.problems:
        say(f"Left out: {problem}", err=True)
    result = report.result
    changed = f"{len(result.written)} written, {result.unchanged} unchanged" + (
        f", {len(result.removed)} removed" if result.removed else ""
    )
    say(f"Published {result.files} files to {out} ({changed}) in {time.perf_counter() - began:.1f}s")
    if serve:
        serve_site(out, port)


def serve_site(folder: Path, port: int = 0) -> None:
    """The site on http://127.0.0.1:PORT/ until Ctrl+C (stdlib http.server; read-only)."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = partial(Quiet, directory=str(folder))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise InvalidInput(f"Port {port} cannot be used ({exc.strerror}); choose another with --port, or leave it out.") from None
    with server:
        say(f"Serving {folder} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)", err=False)
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C: the server closes as the block ends
            server.serve_forever()
    say("Stopped serving.")
