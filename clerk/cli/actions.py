"""``clerk actions``: the action log. Lists actions (``--committee``, ``--open``, ``--owner``),
closes, supersedes or updates one, and writes the chasing report of open actions by owner."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import rich_click as click

from ..terminal import printable, say, wrote
from .group import cli, db_option, store_of

if TYPE_CHECKING:
    from ..services.actions import ActionRow

NOTE = click.option("--note", "-n", metavar="TEXT", help="A one-line update: what was done, or why it is no longer needed.")
ON = click.option("--on", "on", metavar="DATE", help="The day it happened (2014-10-02); today when not given.")
RESTRICTED = click.option(
    "--restricted", is_flag=True, help="Include the actions of restricted minutes (marked; never for publication)."
)


def _committee_id(ctx: click.Context, committee: str | None) -> int | None:
    from ..services.committees import find_committee

    return find_committee(store_of(ctx), committee).id if committee is not None else None


def _print(rows: list[ActionRow]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..wording_actions import LIST_COLUMNS, due_label, minute_cell, restricted_mark

    several = len({r.committee_id for r in rows}) > 1  # then each row says whose it is
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in (*LIST_COLUMNS, *(["Committee"] if several else [])):
        table.add_column(name, justify="right" if name == "Id" else "left", no_wrap=name not in ("Action", "Update"))
    for r in rows:
        cells = (
            str(r.id),
            minute_cell(r.minute, r.meeting_date, short=True),
            restricted_mark(r.action) if r.restricted else r.action,
            r.owner,
            due_label(r.due, short=True),
            r.status_text(short=True),
            r.progress,
            *([r.committee] if several else []),
        )
        table.add_row(*(Text(printable(c)) for c in cells))
    console = Console(soft_wrap=True)
    if not console.is_terminal:  # piped or saved: every word whole, however long the line
        console = Console(soft_wrap=True, width=240)
    console.print(table)


@cli.group(invoke_without_command=True)
@db_option
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's actions.")
@click.option("--open", "open_only", is_flag=True, help="Only the actions still open.")
@click.option("--owner", metavar="NAME", help="Only this person's actions (surname, or initial and surname).")
@RESTRICTED
@click.pass_context
def actions(ctx: click.Context, committee: str | None, open_only: bool, owner: str | None, restricted: bool) -> None:
    """The action log: id, minute and meeting, action, owner, due date, status and update.
    `clerk actions done ID` closes one."""
    if ctx.invoked_subcommand is not None:
        return
    from ..services.actions import list_actions

    store = store_of(ctx)
    rows = list_actions(store, committee_id=_committee_id(ctx, committee), open_only=open_only, owner=owner)
    hidden = [r for r in rows if r.restricted and not restricted]
    shown = [r for r in rows if r not in hidden]
    if shown:
        _print(shown)
    else:
        from ..wording_actions import no_actions

        say(no_actions(open_only, owner))
    if hidden:
        say(f"{len(hidden)} of a restricted minute not shown (--restricted shows them).")


def _moved(row: ActionRow) -> None:
    from ..wording_actions import moved_sentence

    say(moved_sentence(row.id, row.status, row.status_on) if row.status_on else row.status_text())


def _id(value: str) -> int:
    from ..errors import InvalidInput
    from ..services.common import as_id

    found = as_id(value)
    if found is None:
        raise InvalidInput(f"'{value}' is not an action id; `clerk actions` lists them.")
    return found


@actions.command("done")
@db_option
@click.argument("action_id", metavar="ID")
@NOTE
@ON
@click.pass_context
def done(ctx: click.Context, action_id: str, note: str | None, on: str | None) -> None:
    """Close action ID as done (the minute it came from is not changed)."""
    from ..services.actions import close_action
    from ..services.common import parse_optional_date

    _moved(close_action(store_of(ctx), _id(action_id), note, parse_optional_date(on)))


@actions.command("supersede")
@db_option
@click.argument("action_id", metavar="ID")
@NOTE
@ON
@click.pass_context
def supersede(ctx: click.Context, action_id: str, note: str | None, on: str | None) -> None:
    """Mark action ID superseded: overtaken by events or a later action, no longer chased."""
    from ..services.actions import supersede_action
    from ..services.common import parse_optional_date

    _moved(supersede_action(store_of(ctx), _id(action_id), note, parse_optional_date(on)))


@actions.command("reopen")
@db_option
@click.argument("action_id", metavar="ID")
@NOTE
@click.pass_context
def reopen(ctx: click.Context, action_id: str, note: str | None) -> None:
    """Open action ID again (closed by mistake, or back on the list)."""
    from ..services.actions import reopen_action

    _moved(reopen_action(store_of(ctx), _id(action_id), note))


@actions.command("note")
@db_option
@click.argument("action_id", metavar="ID")
@click.argument("text", metavar="TEXT")
@ON
@click.pass_context
def note(ctx: click.Context, action_id: str, text: str, on: str | None) -> None:
    """Give action ID a new one-line update; its status stays."""
    from ..services.actions import note_action
    from ..services.common import parse_optional_date
    from ..wording_actions import noted_sentence

    row = note_action(store_of(ctx), _id(action_id), text, parse_optional_date(on))
    say(noted_sentence(row.id))


@actions.command("chase")
@db_option
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's actions.")
@click.option("--owner", metavar="NAME", help="Only this person's open actions.")
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write it as a .docx to chase them with.")
@RESTRICTED
@click.pass_context
def chase(ctx: click.Context, committee: str | None, owner: str | None, out: Path | None, restricted: bool) -> None:
    """Each owner's open actions, to chase them: on screen, or as Word (--out FILE.docx)."""
    from ..documents.actions import build_chase
    from ..documents.actions_doc import action_lines

    store, committee_id = store_of(ctx), _committee_id(ctx, committee)
    if out is None:
        for line in action_lines(build_chase(store, owner=owner, committee_id=committee_id, restricted=restricted)):
            say(line)
        return
    from exports.actions import write_actions

    from ..usecases.actions import export_chase

    wrote(out, export_chase(store, out, write_actions, owner=owner, committee_id=committee_id, restricted=restricted))
