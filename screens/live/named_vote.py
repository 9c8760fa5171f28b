"""A recorded (named) vote, when one is asked for (F8 c): the members present during the minute,
one a line; f, a or b marks the highlighted member for, against or abstaining (and moves on),
n clears the mark, c gives the chair's casting vote on equal votes. The tally and the outcome
show as they are marked; Enter in the list or ctrl+s saves through ``LiveMeeting.record``, and
a refusal is shown with the marks kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from clerk.errors import ClerkError, InvalidInput

from ..widgets.dialog import Dialog
from ..widgets.fields import FormInput
from ..widgets.keys import OrderedList, focus_now
from .host import Live

MARKS = {"for": "For", "against": "Against", "abstaining": "Abstains", "": ""}
CASTING_NEXT = {"": "for", "for": "against", "against": ""}


class NamedVoteDialog(Dialog):
    """Not a form of fields but a list to mark; its keys are a form's: Enter moves on (from the
    motion to the members) and saves from the list, ctrl+s saves, Esc cancels."""

    DEFAULT_CSS = """
    NamedVoteDialog .field-label { color: $text-muted; margin-top: 1; }
    NamedVoteDialog FormInput { background: $boost; }
    NamedVoteDialog #members { height: auto; max-height: 12; border: none; background: $boost; }
    NamedVoteDialog #form-error { color: $error; height: auto; text-style: bold; }
    NamedVoteDialog { align: center middle; }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="vote.cancel"),
        Binding("ctrl+s", "submit", "Save", id="vote.save"),
        Binding("f", "mark('for')", "For", show=False, id="vote.for"),
        Binding("a", "mark('against')", "Against", show=False, id="vote.against"),
        Binding("b", "mark('abstaining')", "Abstains", show=False, id="vote.abstain"),
        Binding("n", "mark('')", "No vote", show=False, id="vote.none"),
        Binding("c", "casting", "Casting vote", show=False, id="vote.casting"),
    ]

    def __init__(self, title: str, names: list[str], save: Callable[[str, dict[str, str], str], Any]) -> None:
        super().__init__()
        self.title_text, self.names, self.save = title, names, save
        self.marks: dict[str, str] = dict.fromkeys(names, "")
        self.casting = ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="form-box"):
            yield Label(self.title_text, classes="form-title")
            yield Label("Motion", classes="field-label")
            yield FormInput("", placeholder="that …", id="motion", compact=True)
            yield Label("f for · a against · b abstains · n no vote · c chair's casting vote", classes="field-label")
            yield OrderedList(*[Option(self.line(n)) for n in self.names], id="members")
            yield Label(self.tally(), id="tally")
            yield Static("", id="form-error", markup=False)
            yield Label("Enter: to the members, then save · ctrl+s: save · Esc: cancel", classes="form-keys")

    def on_mount(self) -> None:
        self.query_one("#members", OptionList).highlighted = 0 if self.names else None
        focus_now(self.query_one("#motion", Input))

    def line(self, name: str) -> str:
        return f"{MARKS[self.marks[name]]:<9} {name}"

    def named(self) -> dict[str, str]:
        return {
            f"named_{key}": ", ".join(n for n in self.names if self.marks[n] == key) for key in ("for", "against", "abstaining")
        }

    def tally(self) -> str:
        counts = [sum(1 for m in self.marks.values() if m == key) for key in ("for", "against", "abstaining")]
        text = f"For {counts[0]} · Against {counts[1]} · Abstentions {counts[2]}"
        if self.casting:
            text += f" · the chair's casting vote {self.casting}"
        if counts[0] != counts[1]:
            return text + (" · carried" if counts[0] > counts[1] else " · lost")
        return text + (" · carried" if self.casting == "for" else " · lost") if any(counts) else text

    def shown(self) -> None:
        members = self.query_one("#members", OptionList)
        for index, name in enumerate(self.names):
            members.replace_option_prompt_at_index(index, self.line(name))
        self.query_one("#tally", Label).update(self.tally())

    def action_mark(self, mark: str) -> None:
        members = self.query_one("#members", OptionList)
        if members.highlighted is None or not self.names:
            return
        self.marks[self.names[members.highlighted]] = mark
        self.shown()
        if members.highlighted + 1 < len(self.names):
            members.highlighted += 1

    def action_casting(self) -> None:
        self.casting = CASTING_NEXT[self.casting]
        self.shown()

    def advance(self, _widget: Widget) -> None:  # Enter in the motion
        focus_now(self.query_one("#members", OptionList))

    def step(self, _widget: Widget, delta: int) -> None:  # ↓ in the motion: to the members
        if delta > 0:
            focus_now(self.query_one("#members", OptionList))

    def list_enter(self, _list: OptionList) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        try:
            self.save(self.query_one("#motion", Input).value.strip(), self.named(), self.casting)
        except ClerkError as exc:
            self.query_one("#form-error", Static).update(str(exc))
            return
        self.answer(True)

    def action_cancel(self) -> None:
        self.answer(None)


def ask_named_vote(screen: Live, minute_id: int, number: str) -> None:
    names = [v.name for v in screen.meeting.record.voters(minute_id)]
    if not names:
        screen.notify("No member is recorded present during this minute: mark the attendance first (F3).", severity="warning")
        return

    def save(motion: str, named: dict[str, str], casting: str) -> Any:
        if not any(named.values()):
            raise InvalidInput("Mark how each member voted: f for, a against, b abstains.")
        return screen.meeting.record.add_vote(
            minute_id,
            motion,
            named_for=named["named_for"],
            named_against=named["named_against"],
            named_abstaining=named["named_abstaining"],
            casting=casting,
        )

    def done(result: Any) -> None:
        if result:
            screen.load_minute(minute_id)

    screen.ask(NamedVoteDialog(f"Recorded vote, minute {number}: the members present", names, save), done)
