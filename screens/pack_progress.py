"""Building the agenda pack from the app: a worker runs the build and the bar follows its steps;
what went wrong is said plainly with what to do, and nothing stored is touched."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar, Static

from .base import ServiceMixin, clerk_app, is_clerk_error
from .widgets.dialog import DIALOG_CSS

if TYPE_CHECKING:
    from textual.worker import Worker

    from clerk.storage import Store

PACKS = [("Public pack", "public"), ("Restricted pack (not for publication)", "restricted"), ("Supplementary pack", "supplement")]


class Packed(Protocol):
    """What the pack's writer says it did."""

    path: Path
    pages: int | None
    message: str


class PackScreen(ServiceMixin, ModalScreen[object]):
    DEFAULT_CSS = DIALOG_CSS + "PackScreen { align: center middle; } #form-error { color: $error; height: auto; }"
    SCOPED_CSS = False
    BINDINGS = [Binding("escape,enter", "close", "Close", id="pack.close")]

    def __init__(self, store: Store, meeting_id: int, kind: str, out: Path) -> None:
        super().__init__()
        self.store, self.meeting_id, self.kind, self.out = store, meeting_id, kind, out
        self.result: Packed | None = None
        self.ended = False  # the pack's worker has ended and what it did is shown
        self.failed = False  # nothing to wait for: the pack cannot be built, and it says why

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(f"Building the {dict((v, k) for k, v in PACKS)[self.kind].lower()}", classes="form-title")
            yield Static("Starting…", id="pack-step", markup=False)
            yield ProgressBar(total=5, show_eta=False, id="pack-bar")
            yield Static("", id="form-error", markup=False)
            yield Label("Building… Esc closes this when it is done.", id="pack-keys", classes="form-keys")

    def on_mount(self) -> None:
        publishing = clerk_app(self).publishing
        if publishing is None:
            from .export_dialog import NOT_AVAILABLE

            self.failed = True
            self.query_one("#form-error", Static).update(NOT_AVAILABLE)
            return

        def progress(step: str, done: int, total: int) -> None:
            self.app.call_from_thread(self._step, step, done, total)

        self.run_worker(
            lambda: publishing.pack(self.store, self.meeting_id, self.out, kind=self.kind, progress=progress),
            thread=True,
            exit_on_error=False,
            group="pack",
        )

    def _step(self, step: str, done: int, total: int) -> None:
        self.query_one("#pack-step", Static).update(step)
        bar = self.query_one("#pack-bar", ProgressBar)
        bar.update(total=total, progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from textual.worker import WorkerState

        if event.worker.group != "pack":
            return
        self.ended = event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)
        if event.state is WorkerState.SUCCESS:
            result: Packed | None = event.worker.result
            if result is None:
                return
            self.result = result
            message = f"Saved {result.path}" + (f" ({result.pages} pages)" if result.pages else "")
            self.query_one("#pack-step", Static).update(message + (f"\n{result.message}" if result.message else ""))
            self.notify(message, title="Agenda pack", timeout=15)
            self.query_one("#pack-keys", Label).update("Done. Esc or Enter: back to the agenda, with the page ranges.")
        elif event.state is WorkerState.ERROR:
            error = event.worker.error
            text = str(error) if is_clerk_error(error) else f"The pack could not be built ({type(error).__name__}: {error})."
            self.failed = True
            self.query_one("#form-error", Static).update(text)
            self.query_one("#pack-keys", Label).update("Nothing stored has changed. Esc or Enter: back to the agenda.")

    def pending(self) -> str:
        """What is about to change here by itself (see ClerkApp.unsettled)."""
        return "" if self.ended else "the pack is being built"

    def action_close(self) -> None:
        if self.result is None and not self.failed:
            self.notify("Still building; the pack will be saved when it is done.")
            return
        self.dismiss(self.result)
