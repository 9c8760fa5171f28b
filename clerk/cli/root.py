"""The commands of ``clerk``, read by click: each module of clerk.cli attaches its own to the
group of clerk.cli.group. Its own errors (a bad option, an unknown command) are one line and
exit code 2; the rest is handled as for every command line (clerk.cli.start.guarded)."""

from __future__ import annotations

import rich_click as click
from click.exceptions import Exit

# each module attaches its commands to the group as it is imported (one name of each, named here)
from .actions import actions  # noqa: F401
from .between import attendance  # noqa: F401
from .configuring import config  # noqa: F401
from .declare import declare  # noqa: F401
from .export import export_agenda  # noqa: F401
from .group import cli
from .importing import import_group  # noqa: F401
from .importing_agenda import agenda  # noqa: F401
from .live import live  # noqa: F401
from .meetings import demo  # noqa: F401
from .pack import attach  # noqa: F401
from .plan import plan  # noqa: F401
from .publish import publish  # noqa: F401
from .record import export_record  # noqa: F401
from .search import search  # noqa: F401
from .start import EXIT_BAD_INPUT, error

__all__ = ["cli", "run_commands"]


def run_commands(argv: list[str] | None = None) -> int:
    """Run the command line ``argv`` (the process's when None); returns the exit code."""
    try:
        result = cli.main(args=argv, prog_name="clerk", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except Exit as exc:
        return exc.exit_code
    except click.Abort:
        error("stopped.")
        return 130
    except click.ClickException as exc:
        hint = " (see clerk --help)" if isinstance(exc, click.UsageError) else ""
        error(f"{exc.format_message()}{hint}")
        return EXIT_BAD_INPUT
