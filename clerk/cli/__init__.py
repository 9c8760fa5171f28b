"""The ``clerk`` command, the composition root: the one place that joins the domain (``clerk``)
to the app (``screens``) and the writers (``exports``). With no command it opens the app; bad
input gets one line and exit code 2."""

from __future__ import annotations

import sys
from pathlib import Path

import rich_click as click
from click.exceptions import Exit

from ..errors import ClerkError
from ..terminal import printable, say
from . import actions, between, declare, export, live, meetings, pack, plan, record, search  # noqa: F401  (each attaches its commands)
from .group import EXIT_BAD_INPUT, cli

__all__ = ["EXIT_BAD_INPUT", "cli", "main"]


def _log_crash(exc: BaseException, argv: list[str] | None) -> Path | None:
    """The traceback in the error log the app writes too (clerk-errors.log in the data folder)."""
    import traceback

    from ..config import record_error

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
    except Exit as exc:
        return exc.exit_code
    except click.Abort:
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
