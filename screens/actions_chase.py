"""Chasing: each owner's open actions, on screen as the Word report prints them (the same
document data, ``clerk.documents.actions``), and saved as Word with ctrl+e."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from .base import ClerkScreen, clerk_app
from .widgets.form import Field, Form, Values


class ChaseScreen(ClerkScreen):
    TITLE = "Actions to chase"
    DEFAULT_CSS = "#chase { padding: 0 1; }"
    HELP = (
        "Each owner's open actions, with the minute each came from, its due date and the last update: what to "
        "send them. ctrl+e saves it as Word, one owner a page. Actions of restricted minutes are left out."
    )
    BINDINGS = [
        Binding("ctrl+e,f7", "save", "Save as Word", id="chase.save"),
        Binding("escape", "back", "Back", id="chase.back"),
    ]

    def __init__(self, committee_id: int | None = None, owner: str | None = None) -> None:
        super().__init__()
        self.committee_id = committee_id
        self.owner = owner

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static("", id="chase")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from clerk.documents.actions import build_chase
        from clerk.documents.actions_doc import action_lines

        found = self.attempt(build_chase, self.store, owner=self.owner, committee_id=self.committee_id, today=self.today())
        if found:
            self.query_one("#chase", Static).update(Text("\n".join(action_lines(found.value))))

    def action_save(self) -> None:
        from .widgets.file_picker import default_folder

        publishing = clerk_app(self).publishing
        if publishing is None or publishing.chase is None:
            self.notify("Saving as Word is not available here.", severity="warning")
            return
        write = publishing.chase

        def submit(values: Values) -> Path:
            path: Path = write(self.store, values["out"].strip(), owner=self.owner, committee_id=self.committee_id)
            return path

        def saved(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote {path}")

        fields = [Field("out", "Save as", str(default_folder() / "actions-to-chase.docx"))]
        self.app.push_screen(Form("Actions to chase, as Word", fields, submit), saved)

    def action_back(self) -> None:
        self.app.pop_screen()
