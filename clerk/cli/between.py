"""Between meetings: ``clerk attendance`` (each member's record over a year), ``clerk calendar``
(the meetings as an iCalendar file) and ``clerk schedule`` (a year's dates at once)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import rich_click as click

from ..errors import InvalidInput
from ..terminal import printable, say, wrote
from .group import cli, db_option, store_of, write_output

if TYPE_CHECKING:
    from ..documents.table import TableDoc


@cli.command()
@db_option
@click.option("--committee", "-c", metavar="NAME", required=True, help="The committee (its name or id).")
@click.option(
    "--year", type=int, help="The municipal year, by the year it starts (2014 for 2014/15); the current one if not given."
)
@click.option("--from", "start", metavar="DATE", help="Or a period: its first day (2014-05-01) …")
@click.option("--to", "end", metavar="DATE", help="… and its last day.")
@click.option(
    "--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write it to a .docx or .csv file instead of the screen."
)
@click.pass_context
def attendance(
    ctx: click.Context, committee: str, year: int | None, start: str | None, end: str | None, out: Path | None
) -> None:
    """Each member's attendance over a municipal year: expected, attended, apologies, substituted,
    late, left early and a percentage (cancelled meetings are not counted)."""
    import datetime as dt

    from ..numbering import municipal_year, municipal_year_range
    from ..services.attendance_record import attendance_record
    from ..services.committees import find_committee
    from ..services.common import parse_date

    store = store_of(ctx)
    found = find_committee(store, committee)
    if year is not None and (start or end):
        raise InvalidInput("Give --year, or --from and --to dates, not both.")
    if start or end:
        if not (start and end):
            raise InvalidInput("Give both --from and --to, or --year.")
        first, last = parse_date(start), parse_date(end)
        if last < first:
            raise InvalidInput("The period ends before it starts: --to must be on or after --from.")
    else:
        first, last = municipal_year_range(
            year if year is not None else municipal_year(dt.date.today(), found.year_start_month), found.year_start_month
        )
    table = attendance_record(store, found.id or 0, first, last).table()
    if out is None:
        _show(table)
        return
    from .publishing import write_table_file

    wrote(out, write_table_file(table, out))


def _show(table: TableDoc) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(soft_wrap=True)
    say(f"{table.title}: {table.subtitle}")
    grid = Table(box=None, header_style="bold", pad_edge=False)
    wide = sum(max(len(c), *(len(r[i]) for r in table.rows)) + 1 for i, c in enumerate(table.columns)) if table.rows else 0
    names = table.short_columns if table.short_columns and wide > console.width else table.columns
    for i, name in enumerate(names):
        grid.add_column(name, justify="right" if i in table.numeric else "left", no_wrap=i in table.numeric)
    for row in table.rows:
        grid.add_row(*(Text(printable(cell)) for cell in row))
    console.print(grid)
    for line in table.notes:
        say(line)


@cli.command()
@db_option
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The .ics file to write.")
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's meetings (all committees if not given).")
@click.option("--past", is_flag=True, help="Past meetings too, not only those to come.")
@click.option("--publication", is_flag=True, help="Each agenda's publication day as an all-day event too.")
@click.pass_context
def calendar(ctx: click.Context, out: Path, committee: str | None, past: bool, publication: bool) -> None:
    """The meetings as an iCalendar file for Outlook, Google or Apple calendars. Exporting again
    gives the same event ids, so importing the new file updates the events; cancelled meetings
    are marked cancelled."""
    from exports.ical import ical_bytes

    from ..files import output_path
    from ..services.calendar_feed import calendar_feed
    from ..services.committees import find_committee

    store = store_of(ctx)
    committee_id = find_committee(store, committee).id if committee is not None else None
    feed = calendar_feed(store, committee_id, past=past, publication=publication)
    path = output_path(out, ".ics", elsewhere="choose another --out path")
    count = len(feed.events)
    hint = "" if count or past else ": no meetings to come; --past adds the past ones"
    wrote(out, write_output(path, ical_bytes(feed)), f" ({count} event{'s' if count != 1 else ''}{hint})")


@cli.command()
@db_option
@click.option("--committee", "-c", metavar="NAME", required=True, help="The committee (its name or id).")
@click.option("--year", type=int, required=True, help="The municipal year, by the year it starts (2026 for 2026/27).")
@click.option("--day", metavar="DAY", required=True, help="Which day of the month: 'second Tuesday', 'last Wednesday'.")
@click.option("--months", metavar="MONTHS", required=True, help="The months it meets in: 'March, July, October' or '3,7,10'.")
@click.option("--time", "start_time", metavar="HH:MM", help="The start time (10:00).")
@click.option("--dry-run", is_flag=True, help="Show the dates without setting them.")
@click.pass_context
def schedule(ctx: click.Context, committee: str, year: int, day: str, months: str, start_time: str | None, dry_run: bool) -> None:
    """Set a committee's meetings for a whole municipal year at once ("every second Tuesday in
    March, July and October"). Dates already set are left as they are."""
    from ..numbering import municipal_year_range
    from ..services.committees import find_committee
    from ..services.common import parse_time
    from ..services.schedule import parse_rule, plan_year, schedule_year
    from ..wording import long_date

    municipal_year_range(year)  # a plain message for a year that is not one
    store = store_of(ctx)
    found = find_committee(store, committee)
    rule = parse_rule(day, months)
    at = parse_time(start_time) if start_time else None
    planned = plan_year(store, found.id or 0, rule, year)
    say(f"{found.name}, {year}/{str(year + 1)[2:]}: {rule.describe()}")
    for p in planned:
        note = " (already set)" if p.existing else " (bank holiday)" if p.holiday else ""
        say(f"  {long_date(p.date)}{note}")
    if dry_run:
        return
    made = schedule_year(store, found.id or 0, rule, year, **({"start_time": at} if at else {}))
    say(f"Set {len(made)} meeting{'s' if len(made) != 1 else ''}.")
