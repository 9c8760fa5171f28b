"""Opening the app: the screens, handed the writers they export and build packs with."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.app import Publishing


def publishing() -> Publishing:
    """The exporters' writers, joined to the use cases, as the app's dialogs take them."""
    from screens.app import Publishing

    from .publishing import build_pack, export_document, write_chase, write_table_file

    return Publishing(export=export_document, pack=build_pack, table=write_table_file, chase=write_chase)


def open_app(target: Any, start: Callable[[], Any] | None = None) -> int:
    """Run the app on ``target`` (opening ``start``'s screen over Home); returns the exit code.
    Textual is imported here, when the app is opened, not when the command line starts."""
    from screens.app import run

    return run(target, start=start, publishing=publishing()) or 0
