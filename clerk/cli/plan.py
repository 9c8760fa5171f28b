"""``clerk plan`` (the forward plan: list, add, move, drop) and ``clerk deadlines`` (the reports
due for meetings to come, with their authors and whether each is attached)."""

from __future__ import annotations

import datetime as dt

import rich_click as click

from ..terminal import printable, say
from .group import cli, db_option, store_of

KINDS = ("report", "verbal", "to_follow")


WRAPPED = {"Committee", "Title", "Report", "Author"}  # the rest never wrap


def _table(headers: tuple[str, ...], rows: list[tuple[str, ...]], *, apart: bool = False) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in headers:
        table.add_column(name, justify="right" if name == "Id" else "left", no_wrap=name not in WRAPPED)
    for n, row in enumerate(rows):
        if apart and n:
            table.add_row()  # rows of two lines, a blank line between them
        table.add_row(*(Text(printable(cell)) for cell in row))
    Console(soft_wrap=True).print(table)


def _committee_id(store: object, name: str | None) -> int | None:
    from ..services.committees import find_committee

    return find_committee(store, name).id if name is not None else None  # type: ignore[arg-type]


@cli.group(invoke_without_command=True)
@db_option
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's plan.")
@click.option("--all", "everything", is_flag=True, help="Meetings already held as well.")
@click.pass_context
def plan(ctx: click.Context, committee: str | None, everything: bool) -> None:
    """The forward plan: items planned for meetings to come, with their authors and where each has got to."""
    if ctx.invoked_subcommand is not None:
        return
    from ..services.plan import list_plan
    from ..wording import short_date
    from ..wording_plan import PLAN_STATES

    store = store_of(ctx)
    rows = list_plan(store, _committee_id(store, committee), None if everything else dt.date.today())
    if not rows:
        say("Nothing is planned. Plan an item with `clerk plan add --committee NAME --date YYYY-MM-DD TITLE`.")
        return
    several = len({r.committee_id for r in rows}) > 1  # the committee's column only when it says something
    _table(
        ("Id", *(("Committee",) if several else ()), "Meeting", "Title", "Author", "Kind", "State"),
        [
            (
                str(r.id),
                *((r.committee,) if several else ()),
                short_date(r.date),
                r.title + (" (restricted)" if r.restricted else ""),
                r.presenter,
                r.kind.value.replace("_", " "),
                PLAN_STATES[r.state],
            )
            for r in rows
        ],
    )


@plan.command("add")
@db_option
@click.option("--committee", "-c", metavar="NAME", required=True, help="The committee.")
@click.option("--date", "date", metavar="YYYY-MM-DD", required=True, help="The meeting's date (set up or not).")
@click.option("--author", metavar="NAME", default="", help="Who writes or presents it.")
@click.option("--kind", type=click.Choice(KINDS), default="report", show_default=True)
@click.option("--section", metavar="A-D", default="B", show_default=True, help="Where it goes on a lettered agenda.")
@click.option("--restricted", "paragraph", metavar="1-7", help="Restricted, under this Schedule 12A paragraph.")
@click.argument("title")
@click.pass_context
def plan_add(
    ctx: click.Context, committee: str, date: str, author: str, kind: str, section: str, paragraph: str | None, title: str
) -> None:
    """Plan TITLE for the committee's meeting on --date. A draft agenda takes it at once; a meeting set up later takes it when its agenda is built."""
    from ..services.committees import find_committee
    from ..services.plan import plan_item
    from ..wording import long_date

    store = store_of(ctx)
    found = find_committee(store, committee)
    planned = plan_item(
        store, found.id or 0, date, title, presenter=author, kind=kind, section=section, exempt_paragraph=paragraph
    )
    where = "added to its agenda" if planned.agenda_item_id else "planned"
    say(f"{planned.id}: “{planned.title}” {where} for {found.name}, {long_date(planned.meeting_date)}.")


@plan.command("move")
@db_option
@click.argument("planned_id", metavar="ID", type=int)
@click.option("--date", "date", metavar="YYYY-MM-DD", required=True, help="The meeting it moves to.")
@click.pass_context
def plan_move(ctx: click.Context, planned_id: int, date: str) -> None:
    """Move a planned item (ID from `clerk plan`) to the committee's meeting on --date."""
    from ..services.plan import move_planned
    from ..wording import long_date

    planned = move_planned(store_of(ctx), planned_id, date)
    say(f"{planned.id}: “{planned.title}” now planned for {long_date(planned.meeting_date)}.")


@plan.command("drop")
@db_option
@click.argument("planned_id", metavar="ID", type=int)
@click.pass_context
def plan_drop(ctx: click.Context, planned_id: int) -> None:
    """Take an item off the plan (and off a draft agenda it was added to)."""
    from ..services.plan import drop_planned

    planned = drop_planned(store_of(ctx), planned_id)
    say(f"{planned.id}: “{planned.title}” is off the plan.")


@cli.command()
@db_option
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's reports.")
@click.option("--on", "on", metavar="YYYY-MM-DD", help="As they stand on this day (default: today).")
@click.pass_context
def deadlines(ctx: click.Context, committee: str | None, on: str | None) -> None:
    """Reports due for meetings to come, soonest first: author, deadline, and whether each is attached."""
    from ..services.common import parse_date
    from ..services.deadlines import deadlines as listed
    from ..wording import short_date
    from ..wording_plan import deadline_line

    store = store_of(ctx)
    today = parse_date(on) if on else dt.date.today()
    rows = listed(store, _committee_id(store, committee), today)
    if not rows:
        say("No reports are expected at meetings to come.")
        return
    several = len({r.committee for r in rows}) > 1
    _table(
        ("Due", *(("Committee",) if several else ()), "Meeting", "Report", "Author"),
        [
            (
                f"{short_date(r.deadline)}\n{deadline_line(r.deadline, today, r.state == 'attached')}",
                *((r.committee,) if several else ()),
                short_date(r.meeting_date),
                f"{r.code} {r.title}" if r.code else f"{r.title} (planned)",
                r.author or "—",
            )
            for r in rows
        ],
        apart=True,
    )
