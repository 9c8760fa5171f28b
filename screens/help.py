"""F1: the keys of the screen below, read from its bindings, with the screen's own help."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) for every binding active on ``screen``, without repeats: the
    screen's own first, then the app's, then the focused widget's (cursor keys and the like)."""
    merged: dict[str, list[str]] = {}
    actives = list(screen.active_bindings.values())
    rank = lambda a: (not a.binding.show, 0 if a.node is screen else (1 if a.node is screen.app else 2))  # noqa: E731
    for active in sorted(actives, key=rank):
        binding = active.binding
        if not binding.description:
            continue
        label = screen.app.get_key_display(binding)
        labels = merged.setdefault(binding.description, [])
        if label not in labels:
            labels.append(label)
    return [(" / ".join(labels), description) for description, labels in merged.items()]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "close", "Close help", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90%; max-width: 90; height: 90%; border: thick $primary; background: $surface; padding: 0 1; }
    HelpScreen #help-title { text-style: bold; padding: 0 1; }
    HelpScreen #about { padding: 0 1 1 1; color: $text-muted; }
    HelpScreen .key { width: 22; color: $accent; text-style: bold; }
    HelpScreen .row { height: auto; }
    HelpScreen .desc { width: 1fr; }
    """

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal

        title = getattr(self.target, "TITLE", None) or type(self.target).__name__.removesuffix("Screen")
        with Vertical():
            yield Label(f"Help: {title}   (Esc to close)", id="help-title")
            about = getattr(self.target, "HELP", "") or ""
            with VerticalScroll():
                if about:
                    yield Static(about.strip(), id="about", markup=False)
                for keys, description in key_rows(self.target):
                    with Horizontal(classes="row"):
                        yield Static(keys, classes="key", markup=False)
                        yield Static(description, classes="desc", markup=False)
                yield Static(
                    "\nEvery key is also in the command palette (ctrl+p): type a few letters of what you want.",
                    id="palette-hint",
                    markup=False,
                )

    def action_close(self) -> None:
        self.dismiss(None)
