"""``clerk demo``, ``clerk meetings`` and ``clerk backup``: the record at a glance."""

from __future__ import annotations

from pathlib import Path

import rich_click as click

from ..errors import InvalidInput
from ..terminal import printable, say
from ..wording import long_date
from .group import cli, db_given, db_option, store_of


@cli.command()
@db_option
@click.option("--numbered", is_flag=True, help="The same body in 2025 instead: items numbered 1–10, no sections.")
@click.pass_context
def demo(ctx: click.Context, numbered: bool) -> None:
    """Load the demo: the Kent Community Safety Partnership, 8 July 2014 (minutes 64–74) and the next meeting."""
    from ..demo import load_demo, load_numbered_demo
    from ..services.meetings import list_meetings

    store = store_of(ctx)
    if numbered:
        summary = load_numbered_demo(store)
        verb = "Loaded" if summary.created else "Already loaded:"
        say(f"{verb} the 2025 demo into {store.target.describe()}: its items numbered 1–10, 25 March 2025 (draft agenda).")
        say("Open it with: clerk" + (f" --db {db_given(ctx)}" if db_given(ctx) else ""))
        return
    summary = load_demo(store)
    rows = {r.id: r for r in list_meetings(store, summary.committee_id)}
    held, nxt = rows[summary.held_meeting_id], rows[summary.next_meeting_id]
    verb = "Loaded" if summary.created else "Already loaded:"
    say(
        f"{verb} the demo into {store.target.describe()}: {held.committee}, "
        f"{long_date(held.date)} (minutes {held.minutes}) and {long_date(nxt.date)} (agenda published)."
    )
    say("Open it with: clerk" + (f" --db {db_given(ctx)}" if db_given(ctx) else ""))


@cli.command()
@db_option
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's meetings.")
@click.pass_context
def meetings(ctx: click.Context, committee: str | None) -> None:
    """List meetings: id, committee, date, status and minute range (such as 64–74)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..services.committees import find_committee
    from ..services.meetings import list_meetings, status_label

    store = store_of(ctx)
    committee_id = find_committee(store, committee).id if committee is not None else None
    rows = list_meetings(store, committee_id)
    if not rows:
        say("No meetings yet. Load the demo with `clerk demo`.")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, justify in (
        ("Id", "right"),
        ("Committee", "left"),
        ("Date", "left"),
        ("Time", "left"),
        ("Status", "left"),
        ("Minutes", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        time = r.start_time.strftime("%H:%M") if r.start_time else ""
        table.add_row(
            *(
                Text(printable(cell))
                for cell in (str(r.id), r.committee, r.date.isoformat(), time, status_label(r.status), r.minutes)
            )
        )
    Console(soft_wrap=True).print(table)


@cli.command()
@db_option
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Where to write the copy.")
@click.pass_context
def backup(ctx: click.Context, out: Path | None) -> None:
    """Copy the database while it is in use (SQLite's online backup)."""
    store = store_of(ctx)
    path = store.backup(out)
    say(f"Backed up {store.target.describe()} to {path}")


@cli.command()
@db_option
@click.argument("name", metavar="COMMITTEE")
@click.option(
    "--agenda-style",
    type=click.Choice(["lettered", "numbered"]),
    help="lettered: sections A–D, items A1 … D2; numbered: items 1, 2, 3 … with no sections, the minutes taking their numbers.",
)
@click.option(
    "--resolutions",
    type=click.Choice(["apart", "numbered"]),
    help="apart: RESOLVED blocks unnumbered; numbered: numbered with the paragraphs, (5) RESOLVED that ….",
)
@click.option(
    "--holidays",
    type=click.Choice(["england-wales", "scotland", "northern-ireland"], case_sensitive=False),
    help="Whose bank holidays count against working days (agenda publication, report deadlines).",
)
@click.option(
    "--site-stylesheet", metavar="URL", help='The council\'s own stylesheet, linked by every published page ("" for none).'
)
@click.option(
    "--site-header", metavar="FILE", help='A file of HTML shown above every published page: the council\'s header ("" for none).'
)
@click.option(
    "--site-footer", metavar="FILE", help='A file of HTML shown below every published page: the council\'s footer ("" for none).'
)
@click.pass_context
def committee(
    ctx: click.Context,
    name: str,
    agenda_style: str | None,
    resolutions: str | None,
    holidays: str | None,
    site_stylesheet: str | None,
    site_header: str | None,
    site_footer: str | None,
) -> None:
    """Show or change a committee's settings (COMMITTEE: its name or id)."""
    from ..calendar import nation_name
    from ..services.committees import find_committee, update_committee

    store = store_of(ctx)
    found = find_committee(store, name)
    if found.id is not None and agenda_style is not None and agenda_style != found.agenda_style:
        found = update_committee(store, found.id, agenda_style=agenda_style)  # renumbers unsigned minutes
    if found.id is not None and resolutions is not None and resolutions != found.resolution_style:
        found = update_committee(store, found.id, resolution_style=resolutions)  # signed notes keep theirs
    look = {
        key: value
        for key, value in (
            ("holidays", holidays),
            ("site_stylesheet", None if site_stylesheet is None else site_stylesheet.strip()),
            ("site_header", _snippet(site_header, "--site-header")),
            ("site_footer", _snippet(site_footer, "--site-footer")),
        )
        if value is not None
    }
    if found.id is not None and look:
        found = update_committee(store, found.id, **look)
    say(
        f"{found.name}: agenda style {found.agenda_style}. RESOLVED blocks {found.resolution_style}. "
        f"Bank holidays of {nation_name(found.holidays)}."
    )
    for label, value in (("stylesheet", found.site_stylesheet), ("header", found.site_header), ("footer", found.site_footer)):
        if value:
            say(f"Published site's {label}: " + (value if label == "stylesheet" else f"{len(value)} characters of HTML"))


def _snippet(path: str | None, option: str) -> str | None:
    """The HTML in the file at ``path``; "" clears the setting."""
    if path is None:
        return None
    if not path.strip():
        return ""
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise InvalidInput(f"{option}: clerk cannot read {path} ({why}); give a file of HTML.") from None
