"""The ``clerk`` command, the composition root: the one place that joins the domain (``clerk``)
to the app (``screens``) and the writers (``exports``). With no command it opens the app; bad
input gets one line and exit code 2, anything unexpected one line and its detail in the log.

Opening the app (``clerk``, ``clerk --db PATH``) goes straight to it; every other command line is
read by the commands of clerk.cli.root, whose parser the app does not need to load first."""

from __future__ import annotations

import os
import sys
from typing import Any

from .start import EXIT_BAD_INPUT, app_only, guarded, open_app_at

__all__ = ["EXIT_BAD_INPUT", "cli", "main"]

COMPLETE_VAR = "_CLERK_COMPLETE"  # click's shell completion: `eval "$(_CLERK_COMPLETE=bash_source clerk)"`


def main(argv: list[str] | None = None) -> int:
    """Entry point: never a traceback in the user's face."""
    args = sys.argv[1:] if argv is None else argv
    db = None if COMPLETE_VAR in os.environ else app_only(args)  # completing a word is for the parser
    if db is None:
        from .root import run_commands

        return guarded(lambda: run_commands(argv), args)
    return guarded(lambda: open_app_at(db), args)


def __getattr__(name: str) -> Any:
    """``clerk.cli.cli``: the command group, with every command attached."""
    if name == "cli":
        from . import root  # noqa: F401  (attaches the commands)
        from .group import cli

        return cli
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
