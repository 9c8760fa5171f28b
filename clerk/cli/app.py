"""Opening the app: the screens, handed the writers they export and build packs with."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from screens.app import ClerkApp, Importing, Publishing

    from ..settings import Settings


def later(module: str, name: str) -> Callable[..., Any]:
    """``module``'s ``name`` (relative to this package), imported when first called: the writers
    bring python-docx, pypdf and the database layer, none of which the first frame needs."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module, __package__), name)(*args, **kwargs)

    return call


def publishing() -> Publishing:
    """The exporters' writers, joined to the use cases, as the app's dialogs take them."""
    from screens.app import Publishing

    return Publishing(
        export=later(".publishing", "export_document"),
        pack=later(".publishing", "build_pack"),
        table=later(".publishing", "write_table_file"),
        chase=later(".publishing", "write_chase"),
    )


def importing() -> Importing:
    """Reading, previewing and storing a council's own notes, as the import screen takes them."""
    from screens.app import Importing

    return Importing(
        read=later("..importing.reading", "notes_text"),
        plan=later("..importing.from_text", "plan_text"),
        preview=later("..wording_import", "marked_preview"),
        store=later("..importing.store", "store_import"),
    )


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
