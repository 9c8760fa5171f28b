"""Opening the app: the screens, handed the writers they export and build packs with."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.app import Publishing


def _export(*args: Any, **kwargs: Any) -> Any:
    from .publishing import export_document

    return export_document(*args, **kwargs)


def _pack(*args: Any, **kwargs: Any) -> Any:
    from .publishing import build_pack

    return build_pack(*args, **kwargs)


def _table(*args: Any, **kwargs: Any) -> Any:
    from .publishing import write_table_file

    return write_table_file(*args, **kwargs)


def _chase(*args: Any, **kwargs: Any) -> Any:
    from .publishing import write_chase

    return write_chase(*args, **kwargs)


def publishing() -> Publishing:
    """The exporters' writers, joined to the use cases, as the app's dialogs take them. They are
    imported when first used (the writers bring python-docx, pypdf and the database layer, none of
    which the first frame needs)."""
    from screens.app import Publishing

    return Publishing(export=_export, pack=_pack, table=_table, chase=_chase)


def open_app(target: Any, start: Callable[[], Any] | None = None) -> int:
    """Run the app on ``target`` (opening ``start``'s screen over Home); returns the exit code.
    Textual is imported here, when the app is opened, not when the command line starts."""
    from screens.app import run

    return run(target, start=start, publishing=publishing()) or 0
