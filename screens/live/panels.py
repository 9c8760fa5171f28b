"""The panels of the live screen: the agenda with each item's state, the attendance with
the quorum, and the status line (clock, elapsed time, quorum, saved). They show what the
screen hands them and post messages; the screen calls the services."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from clerk.live.view import LiveView

from ..widgets.keys import OrderedList, PanelInput

GLYPHS = {"to come": "·", "current": "▶", "minuted": "✓", "withdrawn": "✗", "deferred": "»"}
STATE_STYLE = {"to come": "", "current": "bold $accent", "minuted": "$success", "withdrawn": "$error", "deferred": "$warning"}


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


@runtime_checkable
class ChoiceHandler(Protocol):
    """The screen a filtered list hands its choice to at once (not as a message, which would
    let keys typed after Enter overtake it)."""

    def on_filtered_list_chosen(self, event: FilteredList.Chosen) -> None: ...


@runtime_checkable
class ActHandler(Protocol):
    """The screen the attendance panel's letters are handed to at once."""

    def on_attendance_panel_act(self, event: AttendancePanel.Act) -> None: ...


class FilteredList(Vertical):
    """A filter box over a list: typing narrows the list, ↑/↓ move in it, Enter acts on the
    highlighted row, Esc goes back to the minute."""

    BINDINGS = [
        Binding("down", "move(1)", "Down", show=False, id="live.panel.down"),
        Binding("up", "move(-1)", "Up", show=False, id="live.panel.up"),
        Binding("escape", "screen.focus_editor", "Back to the minute", id="live.panel.back"),
        Binding("enter", "choose", "Choose", show=False, id="live.panel.choose"),
    ]

    class Chosen(Message):
        def __init__(self, panel: FilteredList, option_id: str, query: str) -> None:
            super().__init__()
            self.panel, self.option_id, self.query = panel, option_id, query

    title = ""
    placeholder = ""
    shown_query = ""

    def compose(self) -> ComposeResult:
        yield Label(self.title, classes="panel-title")
        yield PanelInput(placeholder=self.placeholder, classes="panel-filter")
        yield OrderedList(classes="panel-list")

    @property
    def filter(self) -> Input:
        return self.query_one(".panel-filter", Input)

    @property
    def options(self) -> OptionList:
        return self.query_one(".panel-list", OptionList)

    def list_width(self) -> int:
        """Room for a row, leaving the scrollbar its place."""
        width = self.options.size.width or max(0, self.size.width - 2)
        return max(10, width - 1)

    def on_resize(self) -> None:
        self.refill()

    def set_title(self, text: str | Content) -> None:
        self.query_one(".panel-title", Label).update(text)

    def action_move(self, step: int) -> None:
        options = self.options
        if self.screen.focused is options or not options.option_count:
            return
        index = options.highlighted if options.highlighted is not None else -step
        for _ in range(options.option_count):
            index = (index + step) % options.option_count
            if not options.get_option_at_index(index).disabled:
                options.highlighted = index
                return

    def fill(self, rows: list[tuple[str | None, Content]], keep: str | None = None) -> None:
        """``rows``: (option id, prompt); an id of None is a heading. The highlight stays on
        its row when the list is refreshed, and goes to the best match when the filter changes."""
        new_query = self.filter.value != self.shown_query
        self.shown_query = self.filter.value
        options = self.options
        current = keep
        if current is None and not new_query and options.highlighted is not None and options.option_count:
            current = options.get_option_at_index(options.highlighted).id
        options.clear_options()
        options.add_options([Option(prompt, id=oid, disabled=oid is None) for oid, prompt in rows])
        ids = [oid for oid, _ in rows]
        if current in ids:
            options.highlighted = ids.index(current)
        else:
            first = next((i for i, oid in enumerate(ids) if oid is not None), None)
            options.highlighted = first

    def highlighted_id(self) -> str | None:
        options = self.options
        if options.highlighted is None or not options.option_count:
            return None
        return options.get_option_at_index(options.highlighted).id

    def action_choose(self) -> None:
        """Enter, in the filter or on the list."""
        if self.filter.value != self.shown_query:
            self.refill()  # the keys just typed have not been through Input.Changed yet
        screen = self.screen
        if isinstance(screen, ChoiceHandler):
            screen.on_filtered_list_chosen(self.Chosen(self, self.highlighted_id() or "", self.filter.value))

    @on(Input.Submitted, ".panel-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter that reached a plain filter box (PanelInput acts on it itself)."""
        event.stop()
        self.action_choose()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:  # a click on a row
        event.stop()
        self.post_message(self.Chosen(self, event.option.id or "", self.filter.value))

    @on(Input.Changed, ".panel-filter")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.refill()

    def refill(self) -> None:  # pragma: no cover - overridden
        pass


class AgendaPanel(FilteredList):
    title = "Agenda"
    placeholder = "B3 or words…"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.view: LiveView | None = None

    def show(self, view: LiveView) -> None:
        self.view = view
        self.filter.placeholder = f"{'3' if view.numbered else 'B3'} or words…"  # a code of the committee's style
        done = sum(1 for i in view.items if i.state != "to come")
        upcoming = "" if view.signed else f" · next {view.next_number}"
        self.set_title(Content.assemble(("Agenda ", "bold"), f"{done}/{len(view.items)}{upcoming}"))
        self.refill()

    def refill(self) -> None:
        from clerk.live.view import match_items

        view = self.view
        if view is None:
            return
        query = self.filter.value
        digits = max([len(m.number) for m in view.minutes] + [len(view.next_number)])
        width = max(8, self.list_width() - 5 - digits)
        rows: list[tuple[str | None, Content]] = []
        section = None
        for item in match_items(view.items, query):
            r = item.row
            if r.group != section and not query:
                section = r.group
                if view.sections.get(section):  # numbered items have no sections, only the restricted part
                    rows.append((None, Content.styled(clip(view.sections[section], width + 5 + digits), "bold $text-muted")))
            code = "" if r.is_sub_item else r.code
            lock = "‡" if r.restricted else " "
            text = f"{code:<3}{GLYPHS[item.state]}{item.number:>{digits}}{lock}{clip(('  ' if r.is_sub_item else '') + r.title, width)}"
            rows.append((f"item-{r.id}", Content.styled(text, STATE_STYLE[item.state])))
        free = [m for m in view.minutes if m.item_id is None and (not query or query.lower() in m.title.lower())]
        if free:
            rows.append((None, Content.styled("Minutes with no item", "bold $text-muted")))
            for m in free:
                style = STATE_STYLE["current"] if m.id == view.current_minute_id else STATE_STYLE["minuted"]
                glyph = GLYPHS["current" if m.id == view.current_minute_id else "minuted"]
                text = f"   {glyph}{m.number:>{digits}}{'‡' if m.restricted else ' '}{clip(m.title, width)}"
                rows.append((f"minute-{m.id}", Content.styled(text, style)))
        self.fill(rows)


class AttendancePanel(FilteredList):
    title = "Attendance"
    placeholder = "Part of a name…"
    BINDINGS = [
        Binding("p", "act('present')", "Present", show=False, id="live.people.present"),
        Binding("a", "act('apologies')", "Apologies", id="live.people.apologies"),
        Binding("x", "act('absent')", "Absent", id="live.people.absent"),
        Binding("s", "act('substitute')", "Substitute", id="live.people.substitute"),
        Binding("c", "act('chair')", "Chair", id="live.people.chair"),
        Binding("l", "act('arrived')", "Arrived late", id="live.people.arrived"),
        Binding("d", "act('left')", "Left early", id="live.people.left"),
        Binding("n", "act('add')", "Add person", id="live.people.add"),
        Binding("u", "act('unmark')", "Unmark", id="live.people.unmark"),
        Binding("o", "act('officer')", "Officer in attendance", show=False, id="live.people.officer"),
        Binding("g", "act('guest')", "Guest: also present", show=False, id="live.people.guest"),
        Binding("ctrl+y", "act('copy')", "Copy last meeting", id="live.people.copy"),
    ]

    class Act(Message):
        def __init__(self, what: str, person_id: int | None, text: str) -> None:
            super().__init__()
            self.what, self.person_id, self.text = what, person_id, text

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.view: LiveView | None = None
        self.stay: str | None = None  # the row of the person just marked

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "act" and parameters != ("copy",):  # letters act on the list; in the filter box they are typed
            return self.screen.focused is self.options
        if action == "act":
            return bool(self.view and self.view.copy_from)
        return True

    def action_act(self, what: str) -> None:
        if self.filter.value != self.shown_query:
            self.refill()  # "bre" Tab a typed fast: the list has not caught up with the filter yet
        oid = self.highlighted_id()
        person_id = int(oid.split("-")[1]) if oid and oid.startswith("person-") else None
        if person_id is not None:
            self.stay = oid
        # at once, as Enter is (action_choose): the keys typed next follow the focus it moves
        screen = self.screen
        if isinstance(screen, ActHandler):
            screen.on_attendance_panel_act(self.Act(what, person_id, self.filter.value))

    def stay_on(self, person_id: int | None) -> None:
        """Keep the highlight on this person (the one just marked) while the filter is empty."""
        self.stay = f"person-{person_id}" if person_id else self.stay

    def show(self, view: LiveView) -> None:
        self.view = view
        quorum = "" if view.quorum is None else f" · quorum {view.quorum} " + ("✓" if view.quorate else "✗")
        style = "$error" if view.quorate is False else "$success"
        self.set_title(Content.assemble(("Attendance ", "bold"), (f"{view.present} present{quorum}", style)))
        self.refill()

    def refill(self) -> None:
        from clerk.live.people import describe, match_known, match_people, reads_as_new_name, status_glyph

        view = self.view
        if view is None:
            return
        numbers = {m.id: m.number for m in view.minutes}
        width = max(10, self.list_width() - 2)
        query = self.filter.value
        rows: list[tuple[str | None, Content]] = []
        if view.copy_from and not query.strip():
            rows.append(("copy", Content.styled(clip(f"⟳ Copy {view.copy_from} (ctrl+y)", width + 2), "italic")))
        shown = match_people(view.attendance, query)
        for r in shown:
            text = describe(r, numbers, chair_title=view.chair_title, vice_chair_title=view.vice_chair_title)
            style = {"✓": "$success", "A": "$warning", "✗": "$error", "←": "$text-muted"}.get(status_glyph(r), "")
            rows.append((f"person-{r.person_id}", Content.styled(f"{status_glyph(r)} {clip(text, width)}", style)))
        if query.strip():
            known = match_known(view.known, query)
            for k in known:
                text = f"○ {k.name}" + (f" – {k.about}" if k.about else "")
                rows.append((f"known-{k.person_id}", Content.styled(clip(text, width + 2), "$text-muted")))
            add = ("add", Content.styled(clip(f"+ Add “{query.strip()}”…", width + 2), "italic"))
            names = [r.name for r in shown] + [k.name for k in known]
            rows.insert(0 if reads_as_new_name(query, names) else len(rows), add)
        cleared = not query.strip() and query != self.shown_query  # the filter just emptied: back to the person marked
        self.fill(rows, keep=self.stay if cleared else None)
