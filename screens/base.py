"""What every clerk screen shares: running services off the UI thread, and one way of
showing what went wrong (a notification for the clerk's mistakes, a modal for ours)."""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, runtime_checkable

from textual.app import App
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from .widgets.mixin import NodeMixin

if TYPE_CHECKING:
    from clerk.listing import Listing
    from clerk.storage import Store

Done = Callable[[Any], None]


class Publishing(NamedTuple):
    """The writers the app's dialogs export and build packs with, handed in by the command line
    (the screens never import the exporters): ``export(store, choice, progress, warn=...)`` and
    ``pack(store, meeting_id, out, kind=..., progress=...)``; ``table(table, out)`` writes a
    table report (an attendance record) as .docx or .csv; ``chase(store, out, owner=...,
    committee_id=..., restricted=...)`` writes the chasing report of open actions."""

    export: Callable[..., Any]
    pack: Callable[..., Any]
    table: Callable[..., Any] | None = None
    chase: Callable[..., Any] | None = None


class Importing(NamedTuple):
    """Bringing in a council's own notes, handed in by the command line: ``read(path)`` the text
    of the file and whether each line is a whole paragraph; ``plan(store, text, name=...,
    committee=..., whole_lines=...)`` what would be stored (refused with one line when the text
    is not notes); ``preview(plan)`` it, one line each, as
    the dry run prints it, each marked when it asks for the clerk's eye; ``store(store, plan)``
    stores it."""

    read: Callable[..., tuple[str, bool]]
    plan: Callable[..., Any]
    preview: Callable[..., list[tuple[str, bool]]]
    store: Callable[..., Any]


@runtime_checkable
class ClerkAppParts(Protocol):
    """What the screens use of ClerkApp (screens.app, which imports them)."""

    store: Store | None
    publishing: Publishing | None
    importing: Importing | None
    import_folder: Path | None
    export_folder: Path | None
    paper_size: str
    clock: Callable[[], dt.datetime]

    def when_ready(self, callback: Callable[[], Any]) -> None: ...

    def early_listing(self) -> Listing | None: ...


def clerk_app(node: DOMNode) -> ClerkAppParts:
    """The ClerkApp a screen or widget runs in."""
    app = node.app
    if not isinstance(app, ClerkAppParts):
        raise TypeError(f"clerk's screens run in ClerkApp, not {type(app).__name__}")
    return app


@dataclass(frozen=True)
class Outcome:
    """What a service call did: true when it was done, with its result as ``value``."""

    ok: bool
    value: Any = None

    def __bool__(self) -> bool:
        return self.ok


class ScreenParts(Protocol):
    """What a screen's key handlers use of any clerk screen (ClerkScreen has them all): the app,
    the store, notifications and the service calls. A handler's own protocol adds the rest."""

    @property
    def app(self) -> App[Any]: ...

    @property
    def store(self) -> Store: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def attempt(
        self, fn: Callable[..., Any], *args: Any, then: Callable[[Any], None] | None = None, **kwargs: Any
    ) -> Outcome: ...

    def background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None] | None = None,
        group: str = "service",
        exclusive: bool = False,
        **kwargs: Any,
    ) -> Worker[Any]: ...


def is_clerk_error(exc: BaseException | None) -> bool:
    """A ClerkError, without importing the domain on the start-up path."""
    return any(cls.__name__ == "ClerkError" and cls.__module__ == "clerk.errors" for cls in type(exc).__mro__)


def report(node: DOMNode, exc: BaseException) -> None:
    """Recoverable (the clerk's input, a locked file): a notification. Anything else: a
    modal with the detail, and the app carries on."""
    if is_clerk_error(exc):
        node.app.notify(str(exc), title="Not done", severity="error", timeout=8)
        return
    from clerk.config import record_error

    from .errors import ErrorScreen

    detail = "".join(traceback.format_exception(exc))
    node.app.push_screen(ErrorScreen(f"{exc}" or type(exc).__name__, detail, record_error(detail)))


def handled_by(handler: str, method: str) -> Callable[..., None]:
    """A screen's action carried out by one of its key handlers (``screen.<handler>``), so a
    binding names the action on the screen as usual."""

    def action(screen: Any, *args: Any) -> None:
        getattr(getattr(screen, handler), method)(*args)

    action.__name__ = action.__qualname__ = f"action_{method}"
    return action


class ServiceMixin(NodeMixin):
    """``self.background(fn, *args, done=callback)`` runs ``fn`` in a thread worker and
    calls ``done(result)`` back on the UI thread; ``self.attempt(fn, *args, then=callback)``
    runs a quick one now. Failures go to ``report`` and the callback runs only on success."""

    _done: dict[Worker, Done | None]

    def background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        group: str = "service",
        exclusive: bool = False,
        **kwargs: Any,
    ) -> Worker:
        if not hasattr(self, "_done"):
            self._done = {}
        worker = self.run_worker(
            lambda: fn(*args, **kwargs),
            thread=True,
            exit_on_error=False,
            group=group,
            exclusive=exclusive,
            description=getattr(fn, "__name__", "service"),
        )
        self._done[worker] = done
        return worker

    def attempt(self, fn: Callable[..., Any], *args: Any, then: Done | None = None, **kwargs: Any) -> Outcome:
        """Run a quick service call now, on the UI thread. Done: ``then(result)`` runs and the
        outcome is true, with the result as its ``value``. Refused or failed: the error is shown
        once (``report``), ``then`` never runs and the outcome is false, so nothing says "done"
        that was not done."""
        try:
            result = fn(*args, **kwargs)
        except Exception as exc:
            report(self, exc)
            return Outcome(False)
        if then is not None:
            then(result)
        return Outcome(True, result)

    def waiting_for(self) -> str:
        """The service call whose answer is still to be shown ('' when there is none)."""
        for worker in getattr(self, "_done", {}):
            return worker.description
        return ""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        done = getattr(self, "_done", {})
        if event.worker not in done:
            return
        if event.state is WorkerState.SUCCESS:
            callback = done.pop(event.worker)
            if callback is not None:
                callback(event.worker.result)
        elif event.state is WorkerState.ERROR:
            done.pop(event.worker, None)
            report(self, event.worker.error or RuntimeError(f"{event.worker.description} failed"))
        elif event.state is WorkerState.CANCELLED:
            done.pop(event.worker, None)


class ClerkScreen(ServiceMixin, Screen):
    """A full screen of the app. ``HELP`` is shown above the key list in F1 help."""

    HELP = ""
    # False while the screen's data is still being read in the background; see ``pending``.
    loaded = True

    @property
    def store(self) -> Store:
        store = clerk_app(self).store
        if store is None:
            raise RuntimeError("The database is not open yet.")
        return store

    def today(self) -> dt.date:
        """Today, by the app's clock (which tests set)."""
        return clerk_app(self).clock().date()

    def pending(self) -> str:
        """What is about to change on this screen by itself: '' when nothing is (its data is
        shown, no service call is waiting to be shown). Screens with timers that redraw add
        those (LiveScreen)."""
        if not self.loaded:
            return f"{type(self).__name__} is still loading"
        waiting = self.waiting_for()
        return f"{type(self).__name__} waits for {waiting}" if waiting else ""


def fit_column(rows: list[list[str]], headers: list[str], width: int, column: int = -1, *more: int) -> list[list[str]]:
    """Clip one column's text (the venue, a long value) so that a table of ``rows`` fits in
    ``width`` cells without a horizontal scrollbar; when that is not enough, the ``more``
    columns are clipped too, in turn."""
    if not rows or width <= 0:
        return rows
    n = len(headers)
    for index in [c % n for c in (column, *more)]:
        widths = [max([len(headers[i])] + [len(str(r[i])) for r in rows]) for i in range(n)]
        room = max(len(headers[index]), 10, width - sum(w + 2 for i, w in enumerate(widths) if i != index) - 4)
        clipped = []
        for r in rows:
            cells, text = list(r), str(r[index])
            cells[index] = text if len(text) <= room else text[: room - 1] + "…"
            clipped.append(cells)
        rows = clipped
    return rows
