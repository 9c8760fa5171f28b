"""Import notes: the clerk types (or pastes) the path of a council's own notes, Enter reads them,
and the screen shows what was understood, as `clerk import notes FILE --dry-run` prints it: the
meeting, each person and how they were matched, each minute, every line not placed (marked).
F2 shows the text as read, to mend; the preview follows the edits. ctrl+s stores it, Esc
abandons it: nothing is stored until the clerk accepts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester, SuggestFromList
from textual.widgets import Footer, Header, Input, Label, Static, TextArea

from clerk.wording_import import (
    IMPORT_ABANDON_MENDED,
    IMPORT_ABANDONED,
    IMPORT_NOTHING_READ,
    NOT_A_FILE,
    preview_summary,
    result_line,
)

from .base import ClerkScreen, Importing, clerk_app, is_clerk_error
from .widgets.file_picker import default_folder
from .widgets.keys import PlainInput, PlainTextArea, focus_now

if TYPE_CHECKING:
    from textual.timer import Timer

SUFFIXES = (".txt", ".docx", ".pdf")
WIDE = 120  # columns from which the text is shown beside the preview
SETTLE_SECONDS = 0.4  # the preview is read again once typing pauses this long


class PathSuggester(Suggester):
    """The rest of a path typed: the first folder or notes file whose name starts so."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        typed = Path(value).expanduser()
        folder, start = (typed, "") if value.endswith("/") else (typed.parent, typed.name)
        try:
            names = sorted(
                p.name + ("/" if p.is_dir() else "")
                for p in folder.iterdir()
                if p.name.startswith(start) and not p.name.startswith(".") and (p.is_dir() or p.suffix.lower() in SUFFIXES)
            )
        except OSError:
            return None
        return value + names[0][len(start) :] if names and names[0] != start else None


class ImportNotesScreen(ClerkScreen):
    TITLE = "Import notes"
    DEFAULT_CSS = """
    #import { height: 1fr; }
    .import-row { height: 1; margin: 0 1; }
    .import-row Label { width: 11; color: $text-muted; }
    .import-row Input { width: 1fr; background: $boost; }
    #import-status { padding: 0 1; color: $text-muted; }
    #import-status.-refused { color: $error; text-style: bold; }
    #import-body { height: 1fr; }
    #import-preview { height: 1fr; width: 1fr; padding: 0 1; }
    #import-text { height: 1fr; width: 1fr; display: none; }
    #import-body.-fixing #import-text { display: block; }
    #import-body.-fixing.-narrow #import-preview { display: none; }
    """
    HELP = (
        "Bring in a council's own notes or minutes (.txt, .docx or .pdf; printed notes or a web page's minutes). Type or paste the file's path "
        "(→ takes the suggested rest of it) and press Enter: the preview shows the meeting, each person "
        "and how they were matched, each minute's number and title, and every line not placed (marked). "
        "F2 shows the text as read beside the preview: mend it and the preview follows. The committee "
        "is the heading's unless you name another. ctrl+s stores it; Esc abandons it, storing nothing."
    )
    BINDINGS = [
        Binding("ctrl+s", "accept", "Accept", id="import.accept"),
        Binding("f2", "fix", "Fix text", id="import.fix", tooltip="Show the text as read, to mend it"),
        Binding("ctrl+o", "focus_path", "File", id="import.file", tooltip="Type another file's path"),
        Binding("escape", "abandon", "Abandon", id="import.abandon"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: Any = None
        self.marked: list[tuple[str, bool]] = []  # the preview's lines, each true when marked
        self.refusal = ""
        self.name_read = ""
        self.mended = False  # the clerk has changed the text as read
        self.whole_lines = False  # each line of the text is a whole paragraph (a Word file's)
        self.heading_committee = ""
        self._timer: Timer | None = None

    @property
    def importing(self) -> Importing:
        importing = clerk_app(self).importing
        if importing is None:
            raise RuntimeError("Importing notes is not available here.")
        return importing

    def compose(self) -> ComposeResult:
        folder = clerk_app(self).import_folder or default_folder()
        yield Header()
        with Vertical(id="import"):
            with Horizontal(classes="import-row"):
                yield Label("File")
                yield PlainInput(
                    str(folder).rstrip("/") + "/",
                    placeholder="The path of a .txt, .docx or .pdf file of notes or minutes",
                    id="import-path",
                    compact=True,
                    select_on_focus=False,
                    suggester=PathSuggester(),
                )
            with Horizontal(classes="import-row"):
                yield Label("Committee")
                yield PlainInput(
                    placeholder="The heading's, once read; or type another's name", id="import-committee", compact=True
                )
            yield Label(IMPORT_NOTHING_READ, id="import-status")
            with Horizontal(id="import-body"):
                with VerticalScroll(id="import-preview"):
                    yield Static("", id="import-lines")
                yield PlainTextArea(id="import-text", soft_wrap=True, show_line_numbers=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        from clerk.services.committees import list_committees

        path = self.query_one("#import-path", Input)
        path.focus()
        path.cursor_position = len(path.value)
        self.background(lambda: [c.name for c in list_committees(self.store)], done=self._committees, group="import-committees")

    def _committees(self, names: list[str]) -> None:
        """The committee box offers the names of those there are (→ takes the rest)."""
        self.query_one("#import-committee", Input).suggester = SuggestFromList(names, case_sensitive=False)

    def on_resize(self) -> None:
        """Wide, the text is mended beside the preview; narrow (80 columns), F2 shows one or the other."""
        self.query_one("#import-body").set_class(self.size.width < WIDE, "-narrow")

    def pending(self) -> str:
        if self._timer is not None:
            return "the preview is to be read again"
        return super().pending()

    # -- reading ---------------------------------------------------------------------------
    @on(Input.Submitted, "#import-path")
    def read_file(self, event: Input.Submitted) -> None:
        event.stop()
        path = Path(event.value.strip()).expanduser()
        if not event.value.strip() or path.is_dir():
            self._refuse(NOT_A_FILE)
            return
        self.background(self._read, path, done=self._shown, group="import-read", exclusive=True)

    def _read(self, path: Path) -> tuple[Path, str, Any, str]:
        """In a thread: the text of the file, and its plan or why it is refused."""
        try:
            text, self.whole_lines = self.importing.read(path)
        except Exception as exc:
            if not is_clerk_error(exc):
                raise
            return path, "", None, str(exc)
        return (path, text, *self._plan(text, path.name, None))

    def _plan(self, text: str, name: str, committee: str | None) -> tuple[Any, str]:
        try:
            plan = self.importing.plan(self.store, text, name=name, committee=committee, whole_lines=self.whole_lines)
            return plan, ""
        except Exception as exc:
            if not is_clerk_error(exc):
                raise
            return None, str(exc)

    def _shown(self, read: tuple[Path, str, Any, str]) -> None:
        path, text, plan, refusal = read
        if not text and refusal:
            self._refuse(refusal)
            return
        clerk_app(self).import_folder = path.resolve().parent
        self.name_read, self.mended = path.name, False
        self.heading_committee = plan.committee_name if plan is not None else ""
        committee = self.query_one("#import-committee", Input)
        with self.prevent(Input.Changed, TextArea.Changed):
            committee.value = plan.committee_name if plan is not None else ""
            self.query_one("#import-text", TextArea).load_text(text)
        self._replanned((plan, refusal))

    def _refuse(self, line: str) -> None:
        """The file was not read: nothing is shown but why."""
        self.plan, self.refusal, self.name_read, self.marked, self.mended = None, line, "", [], False
        self.query_one("#import-lines", Static).update("")
        with self.prevent(TextArea.Changed):
            self.query_one("#import-text", TextArea).load_text("")
        self.notify(line, title="Not read", severity="error", timeout=8, markup=False)
        self._status()

    def _status(self) -> None:
        status = self.query_one("#import-status", Label)
        problems = list(self.plan.problems) if self.plan is not None else []
        line = self.refusal or (problems[0] if problems else "")
        status.set_class(bool(line), "-refused")
        if line:
            status.update(Text(line))
        elif self.plan is not None:
            status.update(Text(preview_summary(self.plan, self.name_read)))

    # -- mending ---------------------------------------------------------------------------
    @on(TextArea.Changed, "#import-text")
    @on(Input.Changed, "#import-committee")
    def edited(self, event: TextArea.Changed | Input.Changed) -> None:
        if not self.name_read:
            return
        self.mended = self.mended or isinstance(event, TextArea.Changed)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SETTLE_SECONDS, self._replan)

    def _replan(self) -> None:
        self._timer = None
        text = self.query_one("#import-text", TextArea).text
        committee: str | None = self.query_one("#import-committee", Input).value
        if committee == self.heading_committee:
            committee = None  # the heading's own: matched as the dry run matches it
        self.background(self._plan, text, self.name_read, committee, done=self._replanned, group="import-plan", exclusive=True)

    def _replanned(self, planned: tuple[Any, str]) -> None:
        self.plan, self.refusal = planned
        if self.plan is not None:
            self.marked = self.importing.preview(self.plan)
            shown = Text()
            for line, eye in self.marked:
                shown.append(line + "\n", style="bold reverse" if eye else "")
            self.query_one("#import-lines", Static).update(shown)
        self._status()

    def action_fix(self) -> None:
        body = self.query_one("#import-body")
        body.toggle_class("-fixing")
        if body.has_class("-fixing"):
            text = self.query_one("#import-text", TextArea)
            focus_now(text)  # keys typed after F2 go into the text
            unplaced = self.plan.notes.unplaced if self.plan is not None else ()
            lines = [line.strip() for line in text.text.splitlines()]
            if unplaced and unplaced[0].strip() in lines:  # at the first line not placed
                text.move_cursor((lines.index(unplaced[0].strip()), 0), center=True)
        else:
            focus_now(self.query_one("#import-preview"))

    def action_focus_path(self) -> None:
        focus_now(self.query_one("#import-path", Input))

    # -- the clerk's answer ----------------------------------------------------------------
    def action_accept(self) -> None:
        if self._timer is not None or self.waiting_for():
            self.notify("The preview is being read again: accept it once it is shown.", severity="warning")
            return
        if self.plan is None:
            self.notify(self.refusal or IMPORT_NOTHING_READ, title="Not stored", severity="error", timeout=8, markup=False)
            return
        plan = self.plan  # one with problems is refused by storing, with the first of them
        self.background(self.importing.store, self.store, plan, done=lambda result: self._stored(plan, result))

    def _stored(self, plan: Any, result: Any) -> None:
        self.app.notify(result_line(plan, result), markup=False)
        self.dismiss(result.meeting_id)

    def action_abandon(self) -> None:
        """Nothing is stored; text the clerk has mended is lost only once they say so."""
        from .widgets.menu import Confirm

        def abandon(yes: bool | None = True) -> None:
            if yes:
                if self.name_read:
                    self.app.notify(IMPORT_ABANDONED)
                self.dismiss(None)

        if self.mended:
            self.app.push_screen(Confirm(*IMPORT_ABANDON_MENDED), abandon)
        else:
            abandon()
