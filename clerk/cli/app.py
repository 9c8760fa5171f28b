"""Opening the app: the screens, handed the writers they export and build packs with."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.app import ClerkApp, Importing, Publishing

    from ..settings import Settings


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


def _read_notes(*args: Any, **kwargs: Any) -> Any:
    from ..importing.reading import notes_text

    return notes_text(*args, **kwargs)


def _plan_notes(*args: Any, **kwargs: Any) -> Any:
    from ..importing.from_text import plan_text

    return plan_text(*args, **kwargs)


def _preview_notes(*args: Any, **kwargs: Any) -> Any:
    from ..wording_import import marked_preview

    return marked_preview(*args, **kwargs)


def _store_notes(*args: Any, **kwargs: Any) -> Any:
    from ..importing.store import store_import

    return store_import(*args, **kwargs)


def importing() -> Importing:
    """Reading, previewing and storing a council's own notes, as the import screen takes them."""
    from screens.app import Importing

    return Importing(read=_read_notes, plan=_plan_notes, preview=_preview_notes, store=_store_notes)


def app_settings(settings: Settings | None) -> dict[str, Any]:
    """What the app takes of the settings: the theme (kept in config.toml when the clerk picks
    another), the keymap, the export folder and new committees' paper size."""
    from ..settings import Settings, save_theme

    settings = settings or Settings()
    return {
        "theme": settings.theme,
        "keymap": dict(settings.keymap),
        "export_folder": settings.export_folder,
        "paper_size": settings.paper_size,
        "save_theme": save_theme,
    }


def make_app(target: Any, settings: Settings | None = None, start: Callable[[], Any] | None = None) -> ClerkApp:
    """The app as ``clerk`` opens it, not yet running."""
    from screens.app import build

    return build(target, start=start, publishing=publishing(), importing=importing(), **app_settings(settings))


def open_app(target: Any, start: Callable[[], Any] | None = None, settings: Settings | None = None) -> int:
    """Run the app on ``target`` (opening ``start``'s screen over Home); returns the exit code.
    Textual is imported here, when the app is opened, not when the command line starts."""
    from screens.app import run

    return run(target, start=start, publishing=publishing(), importing=importing(), **app_settings(settings)) or 0
