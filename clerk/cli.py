"""The ``clerk`` command. With no command it opens the app; bad input gets one line and exit code 2."""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rich_click as click

from . import __version__
from .errors import ClerkError
from .terminal import printable, say, wrote
from .wording import long_date

UI_MODULE = "screens.app"  # the Textual app; loaded by name so the domain never imports the UI
EXIT_BAD_INPUT = 2

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


def _db(ctx: click.Context) -> str | None:
    return (ctx.find_root().obj or {}).get("db")


def _target(ctx: click.Context):
    from .config import resolve_database

    return resolve_database(_db(ctx))


def _store(ctx: click.Context):
    from .storage import Store

    store = Store.open(_target(ctx))
    ctx.call_on_close(store.close)
    if store.backup_path:
        say(f"Upgraded the database; a copy of the old one is at {store.backup_path}", err=True)
        for note in store.upgrade_notes:
            say(note, err=True)
    return store


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@click.version_option(__version__, prog_name="clerk")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Agendas, live minuting and Word notes for council and partnership meetings.

    With no command, opens the app. Start with `clerk demo` to load an example.
    """
    ctx.ensure_object(dict)
    if ctx.invoked_subcommand is None:
        target = _target(ctx)
        ui = importlib.import_module(UI_MODULE)
        code = ui.run(target)
        ctx.exit(code or 0)


@cli.command()
@db_option
@click.pass_context
def demo(ctx: click.Context) -> None:
    """Load the demo: the Kent Community Safety Partnership, 8 July 2014 (minutes 64–74) and the next meeting."""
    from .demo import load_demo
    from .services.meetings import list_meetings

    store = _store(ctx)
    summary = load_demo(store)
    rows = {r.id: r for r in list_meetings(store, summary.committee_id)}
    held, nxt = rows[summary.held_meeting_id], rows[summary.next_meeting_id]
    verb = "Loaded" if summary.created else "Already loaded:"
    say(
        f"{verb} the demo into {store.target.describe()}: {held.committee}, "
        f"{long_date(held.date)} (minutes {held.minutes}) and {long_date(nxt.date)} (draft agenda)."
    )
    say("Open it with: clerk" + (f" --db {_db(ctx)}" if _db(ctx) else ""))


@cli.command()
@db_option
@click.option("--committee", "-c", metavar="NAME", help="Only this committee's meetings.")
@click.pass_context
def meetings(ctx: click.Context, committee: str | None) -> None:
    """List meetings: id, committee, date, status and minute range (such as 64–74)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .services.committees import find_committee
    from .services.meetings import list_meetings, status_label

    store = _store(ctx)
    committee_id = find_committee(store, committee).id if committee is not None else None
    rows = list_meetings(store, committee_id)
    if not rows:
        say("No meetings yet. Load the demo with `clerk demo`.")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, justify in (("Id", "right"), ("Committee", "left"), ("Date", "left"), ("Time", "left"), ("Status", "left"), ("Minutes", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        time = r.start_time.strftime("%H:%M") if r.start_time else ""
        table.add_row(*(Text(printable(cell)) for cell in (str(r.id), r.committee, r.date.isoformat(), time, status_label(r.status), r.minutes)))
    Console(soft_wrap=True).print(table)


@cli.command()
@db_option
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Where to write the copy.")
@click.pass_context
def backup(ctx: click.Context, out: Path | None) -> None:
    """Copy the database while it is in use (SQLite's online backup)."""
    store = _store(ctx)
    path = store.backup(out)
    say(f"Backed up {store.target.describe()} to {path}")


@cli.group(invoke_without_command=True)
@db_option
@click.pass_context
def export(ctx: click.Context) -> None:
    """Write a meeting's documents. MEETING is an id from `clerk meetings` or a date (2014-07-08)."""
    if ctx.invoked_subcommand is None:
        raise click.UsageError("Say what to export: " + ", ".join(sorted(c for c, cmd in export.commands.items() if not cmd.hidden)) + ".")


def meeting_argument(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--committee", "-c", metavar="NAME", help="The committee, when two meetings share a date.")(f)
    return click.argument("meeting", metavar="MEETING")(f)


def resolve_meeting(ctx: click.Context, meeting: str, committee: str | None):
    from .services.meetings import find_meeting

    store = _store(ctx)
    return store, find_meeting(store, meeting, committee)


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

    from .files import output_path
    from .services.record import record_of

    store, found = resolve_meeting(ctx, meeting, committee)
    with store.read() as session:
        record = record_of(session, found.id, public=public)
    record["date"] = found.date.isoformat()
    path = write_output(output_path(out, ".json", elsewhere="choose another --out path"), json.dumps(record, indent=1, ensure_ascii=False, default=str).encode("utf-8"))
    if record["restricted_text"]:
        click.echo("RESTRICTED – NOT FOR PUBLICATION: this record holds restricted text (--public leaves it out).")
    else:
        click.echo("Public fields only." if public else "This record holds no restricted text.")
    wrote(out, path)


def write_output(out: Path, data: bytes) -> Path:
    """Write a file whole or not at all, with a plain message when the path is unusable."""
    from .files import write_whole

    return write_whole(out, lambda tmp: tmp.write_bytes(data), elsewhere="choose another --out path")


def _register_exports() -> None:
    from . import cli_export, cli_pack

    cli_export.register(cli, export, db_option, meeting_argument, resolve_meeting, _store)
    cli_pack.register(cli, db_option, meeting_argument, resolve_meeting)


_register_exports()


def _log_crash(exc: BaseException, argv: list[str] | None) -> Path | None:
    """The traceback in the error log the app writes too (clerk-errors.log in the data folder)."""
    from .config import record_error

    args = sys.argv[1:] if argv is None else argv
    return record_error(f"clerk {printable(' '.join(args))}\n" + "".join(traceback.format_exception(exc)))


def _error(text: str) -> None:
    say(f"clerk: {text}".replace("\r", " ").replace("\n", " "), err=True)


def main(argv: list[str] | None = None) -> int:
    """Entry point: never a traceback in the user's face."""
    try:
        result = cli.main(args=argv, prog_name="clerk", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except ClerkError as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        _error("stopped.")
        return 130
    except click.ClickException as exc:
        hint = " (see clerk --help)" if isinstance(exc, click.UsageError) else ""
        _error(f"{exc.format_message()}{hint}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last resort: one line here, the detail in the log
        log = _log_crash(exc, argv)
        where = f"; the detail is saved in {log}" if log else ""
        _error(f"something went wrong ({type(exc).__name__}: {exc}){where}")
        return 1


if __name__ != "__main__":  # commands in their own modules (as __main__, clerk.cli is imported below)
    from .cli_live import live  # noqa: E402

    cli.add_command(live)

if __name__ == "__main__":  # pragma: no cover
    from clerk.cli import main as _main

    sys.exit(_main())
