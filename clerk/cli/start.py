"""Starting ``clerk``: opening the app at once when the command line only asks for that, and the
one way every command line ends (a line for the clerk, an exit code, the detail of the unexpected
in the error log). Light: neither the parser nor the app is imported until it is needed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ClerkError
from ..terminal import printable, say

if TYPE_CHECKING:
    from ..settings import Settings

EXIT_BAD_INPUT = 2  # the exit code of bad input: a ClerkError, an option or command not understood


def app_only(args: Sequence[str]) -> str | None:
    """The ``--db`` value (``""`` when none is given) when ``args`` only open the app; None
    when they are a command, an option or anything else, for the full parser to read."""
    if not args:
        return ""
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return args[1]
    if len(args) == 1 and args[0].startswith("--db="):
        return args[0].removeprefix("--db=")
    return None


def open_app_at(db: str) -> int:
    """Open the app on the database ``db`` (the default one when empty)."""
    import gc

    # Starting makes objects that live as long as the app (modules, classes, styles, the first
    # screen) and little garbage; collecting meanwhile would walk them again and again (a fifth
    # of the start-up). The app collects again, with those objects frozen out, once its store
    # is open (screens.app.ClerkApp).
    gc.disable()
    from ..config import resolve_database
    from .app import open_app

    settings = load_settings()
    return open_app(resolve_database(db or None, configured=settings.database), settings=settings)


def load_settings() -> Settings:
    """config.toml's settings (a line on stderr, and the defaults, when it cannot be used); its
    LibreOffice is the one the writers use unless CLERK_SOFFICE names another."""
    import os

    from ..settings import load_settings as read

    settings, problem = read()
    if problem:
        error(problem)
    if settings.libreoffice:
        from ..config import ENV_SOFFICE

        os.environ.setdefault(ENV_SOFFICE, settings.libreoffice)
    return settings


def guarded(call: Callable[[], Any], args: list[str]) -> int:
    """Run the command: a ClerkError is one line and exit code 2, an interrupt 130, anything
    else one line, with the detail saved in the error log, and exit code 1."""
    try:
        result = call()
        return result if isinstance(result, int) else 0
    except ClerkError as exc:
        error(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last resort: one line here, the detail in the log
        log = _log_crash(exc, args)
        where = f"; the detail is saved in {log}" if log else ""
        error(f"something went wrong ({type(exc).__name__}: {exc}){where}")
        return 1


def _log_crash(exc: BaseException, args: list[str]) -> Path | None:
    """The traceback in the error log the app writes too (clerk-errors.log in the data folder)."""
    import traceback

    from ..config import record_error

    return record_error(f"clerk {printable(' '.join(args))}\n" + "".join(traceback.format_exception(exc)))


def error(text: str) -> None:
    say(f"clerk: {text}".replace("\r", " ").replace("\n", " "), err=True)
