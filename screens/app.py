"""The clerk app. ``ClerkApp(store)`` takes its storage, or a function that opens it (the
CLI passes one, so the first frame is drawn before the database layer is even imported, and
the store opens in the background once that frame is shown), with a light read of the meetings
for that first frame (``listing``, see clerk.quick)."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

from . import ending
from .base import Importing, Publishing, ServiceMixin, is_clerk_error

if TYPE_CHECKING:
    from textual.worker import Worker

    from clerk.listing import Listing
    from clerk.storage import Store

EXIT_FATAL = 2
ENV_CURSOR_BLINK = "CLERK_CURSOR_BLINK"


class ClerkApp(ServiceMixin, App[int]):
    TITLE = "clerk"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help"),
        Binding("ctrl+p", "command_palette", "Commands", id="palette", show=False),
    ]

    def __init__(
        self,
        store: Store | Callable[[], Store],
        *,
        read_only: bool = False,
        start: Callable[[], Screen] | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        cursor_blink: bool | None = None,
        publishing: Publishing | None = None,
        listing: Callable[[], Listing | None] | None = None,
        importing: Importing | None = None,
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        export_folder: Path | None = None,
        paper_size: str = "A4",
        save_theme: Callable[[str], object] | None = None,
    ) -> None:
        """``theme``, ``keymap``, ``export_folder`` and ``paper_size`` (new committees') come from
        the settings; ``save_theme`` keeps the theme the clerk picks in the palette for next time.
        ``start`` builds a screen to open over Home once the store is ready (``clerk live``).
        ``clock`` is the time the screens show and stamp (the computer's unless given);
        ``cursor_blink`` defaults to on, off with CLERK_CURSOR_BLINK=0; without ``publishing``
        the export and pack dialogs say they are not available (and without ``importing``, the
        import of notes). ``listing`` reads the home
        list without the store, for the first frame while the store opens (None: it cannot).
        ``keymap`` remaps keys by binding id (config.toml's [keymap]; see screens.keymap)."""
        super().__init__()
        self.clock: Callable[[], dt.datetime] = clock or dt.datetime.now
        self.cursor_blink = os.environ.get(ENV_CURSOR_BLINK, "1") != "0" if cursor_blink is None else cursor_blink
        self._start = start
        self.publishing = publishing
        self.importing = importing
        self.import_folder: Path | None = None  # the folder notes were last imported from
        self.export_folder = export_folder  # where exports are offered first (None: ~/Documents or here)
        self.keymap: dict[str, str] = dict(keymap or {})
        self.paper_size = paper_size
        self._chosen_theme, self._save_theme = theme, save_theme
        self._opener: Callable[[], Store] | None = None
        self._listing = listing
        self.store: Store | None = None
        if callable(store) and not hasattr(store, "engine"):
            self._opener = store
        else:
            self.store = store  # type: ignore[assignment]
        self.read_only = read_only
        self._store_callbacks: list[Callable[[], Any]] = []

    # -- start-up: first frame first, then the database ---------------------------------
    def get_default_screen(self) -> Screen:
        """Home is the app's first screen, composed with the app (as Textual composes its
        default screen): its first frame is drawn once, footer and all."""
        from .home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self._use_theme()
        if self.keymap:
            self._apply_keymap(self.keymap)
        if not self.is_headless:
            ending.catch_hangup(self)
        start = self._start
        if start is not None:
            self.when_ready(lambda: self.push_screen(start()))
        if self.store is not None or self._opener is None:
            self.call_after_refresh(self._fire_ready)

    def _use_theme(self) -> None:
        """The settings' theme now, and the one picked later saved (when it is another)."""
        chosen = self._chosen_theme
        if chosen and chosen in self.available_themes:
            self.theme = chosen
        elif chosen:
            self.notify(f"There is no theme called '{chosen}'; using {self.theme}.", severity="warning")
        self._chosen_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._theme_picked)

    def _theme_picked(self, theme: Any) -> None:
        if theme.name == self._chosen_theme or self._save_theme is None:
            return
        self._chosen_theme = theme.name
        try:
            self._save_theme(theme.name)
        except Exception as exc:  # the theme is still used; only keeping it failed
            self.notify(f"The theme could not be saved for next time: {exc}", severity="warning")

    def on_ready(self) -> None:
        """The first frame is on the screen: the store opens now, in a thread (importing the
        database layer there before would slow that frame down)."""
        if self.store is None and self._opener is not None:
            self.background(self._opener, done=self._opened, group="open")

    def early_listing(self) -> Listing | None:
        """The home list read without the store, once, while the store is not open yet; None when
        it cannot be read that way (the screen then waits for the store)."""
        reader, self._listing = self._listing, None
        return reader() if reader is not None and self.store is None else None

    def _opened(self, store: Store) -> None:
        self.store = store
        if getattr(store, "backup_path", None):
            self.notify(f"The database was upgraded; a copy of the old one is at {store.backup_path}", timeout=10)
            for note in getattr(store, "upgrade_notes", []):
                self.notify(note, severity="warning", timeout=15)
        self._fire_ready()
        # What start-up made (modules, styles, the first screen) stays for the app's life: out of
        # the collections from now on (the command line stops them while it starts the app).
        gc.freeze()
        gc.enable()

    def _fire_ready(self) -> None:
        callbacks, self._store_callbacks = self._store_callbacks, []
        for callback in callbacks:
            callback()

    def when_ready(self, callback: Callable[[], Any]) -> None:
        """Call ``callback`` once the store is open (at once if it already is)."""
        if self.store is not None:
            callback()
        else:
            self._store_callbacks.append(callback)

    def unsettled(self) -> str:
        """Why what is on screen may still change by itself, or '' once it will not: the
        database is opening, a screen is reading its data, a service call is running or its
        answer is still to be shown, or a screen's timer is due to redraw (each screen's
        ``pending``: ClerkScreen, LiveScreen, PackScreen)."""
        if self.store is None or self._store_callbacks:
            return "the database is opening"
        reason = self.waiting_for()
        if reason:
            return f"the app waits for {reason}"
        # Only the app's own work counts: some widgets keep a worker for their whole life
        # (DirectoryTree's loader), so "no worker running" would never come.
        for screen in self.screen_stack:
            pending = getattr(screen, "pending", None)
            reason = pending() if pending is not None else ""
            if reason:
                return reason
        return ""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from textual.worker import WorkerState

        if event.worker.group == "open" and event.state is WorkerState.ERROR:
            error = event.worker.error
            message = (
                f"clerk: {error}"
                if is_clerk_error(error)
                else f"clerk: cannot open the database ({type(error).__name__}: {error})"
            )
            self.exit(EXIT_FATAL, return_code=EXIT_FATAL, message=message)
            return
        super().on_worker_state_changed(event)

    # -- keys everywhere ------------------------------------------------------------------
    def _apply_keymap(self, keymap: dict[str, str]) -> None:
        """The clerk's own keys where they can be had; a line for each that cannot."""
        from .keymap import check_keymap

        accepted, problems = check_keymap(keymap)
        self.set_keymap(accepted)
        for problem in problems:
            self.notify(problem, severity="warning", timeout=15)

    def action_help(self) -> None:
        from .help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every key of the screen below it, by its description."""
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.description in seen or binding.action == "command_palette":
                continue
            seen.add(binding.description)
            key = self.get_key_display(binding)
            yield SystemCommand(binding.description, f"{key}", partial(self._run_binding, active.node, binding.action))
        from .search import SearchScreen

        if "Search" not in seen and not isinstance(screen, SearchScreen) and self.store is not None:
            yield SystemCommand(
                "Search", "Search every meeting's minutes, actions and agenda items", lambda: self.push_screen(SearchScreen())
            )
        yield from super().get_system_commands(screen)

    def _run_binding(self, node: DOMNode, action: str) -> None:
        self.call_later(self.run_action, action, node)


def run(
    target: Any = None,
    *,
    read_only: bool = False,
    start: Callable[[], Screen] | None = None,
    publishing: Publishing | None = None,
    importing: Importing | None = None,
    **settings: Any,
) -> int:
    """Open the app on ``target`` (a DatabaseTarget, a path or URL, or None for the default),
    with ``settings`` (ClerkApp's theme, keymap, export_folder, save_theme); returns the exit code."""
    app = build(target, read_only=read_only, start=start, publishing=publishing, importing=importing, **settings)
    code = app.run()
    return app.return_code if app.return_code is not None else (code or 0)


def build(target: Any = None, **options: Any) -> ClerkApp:
    """The app on ``target``, not yet running (``options``: ClerkApp's)."""

    def opener() -> Store:
        from clerk.opening import open_store

        return open_store(target)

    def listing() -> Listing | None:
        from clerk.config import DatabaseTarget
        from clerk.quick import quick_listing

        return quick_listing(target) if isinstance(target, DatabaseTarget) else None

    return ClerkApp(opener, listing=listing, **options)
