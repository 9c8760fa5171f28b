"""Choosing a file from the keyboard: the folders and the files of the kinds asked for, ↑/↓ and
Enter to open a folder or choose a file, Backspace for the folder above; or type a path (typing
on the folders adds to the path)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label

from .keys import PlainInput


def default_folder() -> Path:
    """Where files are offered and saved first: ~/Documents when there is one, else here."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.cwd()


def beside(typed: str, name: str) -> str:
    """``name`` in the folder of what is typed in a "Save as" field (or the default folder)."""
    folder = Path(typed.strip() or str(default_folder())).expanduser()
    return str((folder if folder.is_dir() else folder.parent) / name)


class PickerTree(DirectoryTree):
    """Folders, and only the files of the kinds asked for; hidden ones left out."""

    def __init__(self, path: Path, suffixes: tuple[str, ...], **kw: Any) -> None:
        self.suffixes = suffixes
        super().__init__(path, **kw)

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        out = []
        for p in paths:
            if p.name.startswith("."):
                continue
            try:
                if p.is_dir() or not self.suffixes or p.suffix.lower() in self.suffixes:
                    out.append(p)
            except OSError:
                continue
        return out


class FilePicker(ModalScreen[Path | None]):
    CSS = """
    FilePicker { align: center middle; }
    #picker { width: 90%; max-width: 100; height: 90%; border: thick $accent; background: $surface; padding: 0 1; }
    #picker-title { text-style: bold; padding-bottom: 1; }
    #picker-path { margin-bottom: 1; }
    #picker-tree { height: 1fr; }
    #picker-keys { color: $text-muted; padding-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("backspace", "up", "Folder above", show=False, id="picker.up"),
        Binding("ctrl+l", "type_path", "Type a path", show=False, id="picker.type_path"),
    ]

    def __init__(self, title: str, suffixes: Iterable[str] = (), folder: Path | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.suffixes = tuple(s.lower() for s in suffixes)
        self.folder = (folder or default_folder()).expanduser().resolve()

    def compose(self) -> ComposeResult:
        kinds = " or ".join(s.lstrip(".") for s in self.suffixes) if self.suffixes else "any"
        with Vertical(id="picker"):
            yield Label(self.title_text, id="picker-title")
            yield PlainInput(
                str(self.folder) + "/",
                id="picker-path",
                compact=True,
                placeholder="Type a folder or a file and press Enter",
                select_on_focus=False,  # what is typed goes after the folder shown, not over it
            )
            yield PickerTree(self.folder, self.suffixes, id="picker-tree")
            yield Label(
                f"↑/↓ and Enter: open a folder or choose a file ({kinds}) · Backspace: folder above · "
                "ctrl+l: type a path · Esc: cancel",
                id="picker-keys",
            )

    def on_mount(self) -> None:
        self.query_one(PickerTree).focus()

    def _show(self, folder: Path) -> None:
        self.folder = folder
        tree = self.query_one(PickerTree)
        tree.path = folder
        self.query_one("#picker-path", Input).value = str(folder) + "/"
        tree.focus()

    def action_up(self) -> None:
        if self.focused is self.query_one("#picker-path", Input):
            return
        if self.folder.parent != self.folder:
            self._show(self.folder.parent)

    def action_type_path(self) -> None:
        box = self.query_one("#picker-path", Input)
        self.set_focus(box)  # at once: the keys typed after ctrl+l are the path's
        box.cursor_position = len(box.value)

    def on_key(self, event: events.Key) -> None:
        """A letter typed on the folders goes on the end of the path (the path box types its own
        keys, so one that reaches the picker was typed elsewhere, or before the focus moved)."""
        character = event.character
        if not (character and event.is_printable and character.isprintable()):
            return
        box = self.query_one("#picker-path", Input)
        if self.focused is not box:
            self.action_type_path()
        box.insert_text_at_cursor(character)
        event.stop()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(DirectoryTree.FileSelected)
    def _file(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.dismiss(Path(event.path))

    @on(DirectoryTree.DirectorySelected)
    def _folder(self, event: DirectoryTree.DirectorySelected) -> None:
        event.stop()
        self.query_one("#picker-path", Input).value = str(event.path) + "/"

    @on(Input.Submitted, "#picker-path")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip() or ".").expanduser()
        if path.is_dir():
            self._show(path.resolve())
        elif path.is_file():
            self.dismiss(path)
        else:
            self.notify(f"There is no file or folder {path}.", severity="warning")
