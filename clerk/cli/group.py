"""The ``clerk`` group, its ``export`` subgroup and what every command shares: ``--db``, the
store, the meeting argument. The other modules of ``clerk.cli`` attach their commands here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rich_click as click

from .. import __version__
from ..terminal import say
from .start import EXIT_BAD_INPUT as EXIT_BAD_INPUT  # bad input, as the parser's errors and ClerkError

if TYPE_CHECKING:
    from ..config import DatabaseTarget
    from ..models import Meeting
    from ..settings import Settings
    from ..storage import Store

click.rich_click.SHOW_ARGUMENTS = True
click.rich_click.STYLE_ERRORS_SUGGESTION = "dim"


def db_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--db`` on the group and on every command; the innermost one wins."""

    def remember(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
        if value:
            ctx.ensure_object(dict)["db"] = value
            root = ctx.find_root()
            root.ensure_object(dict)["db"] = value
        return value

    return click.option(
        "--db",
        metavar="PATH|URL",
        expose_value=False,
        is_eager=True,
        callback=remember,
        help="Database file or SQLAlchemy URL (default: the user's data folder; env CLERK_DATABASE_URL).",
    )(f)


def db_given(ctx: click.Context) -> str | None:
    return (ctx.find_root().obj or {}).get("db")


def settings_of(ctx: click.Context) -> Settings:
    """config.toml's settings, read once for the command line."""
    from .start import load_settings

    root = ctx.find_root().ensure_object(dict)
    if "settings" not in root:
        root["settings"] = load_settings()
    settings: Settings = root["settings"]
    return settings


def target_of(ctx: click.Context) -> DatabaseTarget:
    from ..config import resolve_database

    return resolve_database(db_given(ctx), configured=settings_of(ctx).database)


def store_of(ctx: click.Context) -> Store:
    from ..opening import open_store

    store = open_store(target_of(ctx))
    ctx.call_on_close(store.close)
    if store.backup_path:
        say(f"Upgraded the database; a copy of the old one is at {store.backup_path}", err=True)
        for note in store.upgrade_notes:
            say(note, err=True)
    return store


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.version_option(__version__, "-V", "--version", prog_name="clerk")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Agendas, live minuting and Word notes for council and partnership meetings.

    With no command, opens the app. Start with `clerk demo` to load an example.
    """
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        from .app import open_app

        ctx.exit(open_app(target_of(ctx), settings=settings_of(ctx)))


@cli.group(invoke_without_command=True)
@db_option
@click.pass_context
def export(ctx: click.Context) -> None:
    """Write a meeting's documents. MEETING is an id from `clerk meetings` or a date (2014-07-08)."""
    if ctx.invoked_subcommand is None:
        raise click.UsageError(
            "Say what to export: " + ", ".join(sorted(c for c, cmd in export.commands.items() if not cmd.hidden)) + "."
        )


def meeting_argument(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--committee", "-c", metavar="NAME", help="The committee, when two meetings share a date.")(f)
    return click.argument("meeting", metavar="MEETING")(f)


def resolve_meeting(ctx: click.Context, meeting: str, committee: str | None) -> tuple[Store, Meeting]:
    from ..services.meetings import find_meeting

    store = store_of(ctx)
    return store, find_meeting(store, meeting, committee)


def write_output(out: Path, data: bytes) -> Path:
    """Write a file whole or not at all, with a plain message when the path is unusable."""
    from ..files import write_whole

    return write_whole(out, lambda tmp: tmp.write_bytes(data), elsewhere="choose another --out path")
