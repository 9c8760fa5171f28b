"""The agenda builder: sections A–D with their items, coded by position (A1, B7 …), sub-items,
Verbal / to follow / reports with their pages, restricted items with their paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label

from clerk.wording import day_date

if TYPE_CHECKING:
    from clerk.models import Meeting
    from clerk.services.agenda_rows import AgendaRow

from .agenda_actions import AgendaActions
from .agenda_items import AgendaItems
from .agenda_offers import AgendaOffers
from .agenda_reports import AgendaReports, ask_for_line, paper_cell
from .base import ClerkScreen, handled_by


class AgendaScreen(ClerkScreen):
    TITLE = "Agenda"
    CSS_PATH = "agenda_builder.tcss"
    HELP = """Build the agenda from the keyboard. Codes follow position: moving an item renumbers the codes around it. Items in D are restricted; an item elsewhere can be restricted too (r). Sub-items sit under their item (s). Page ranges come from the agenda pack, or type them in the item (e). f attaches the report (.docx or PDF) from a file picker, or replaces it; u detaches it; ✓ marks an item whose report is attached, and one attached with `clerk attach` shows by itself. m changes the meeting's details, its "Ask for" officer among them. p builds the pack. w shows what is offered for this meeting: items planned for it (clerk plan, or n on the Reports due screen) not yet on the agenda, and items the last meeting deferred or withdrew, with their history ("Deferred from 8 July 2014, minute 68."); one added shows "from plan" or "carried". Under the numbered agenda style (a committee setting, n in the settings) items are numbered 1, 2, 3 … with no sections, and the minutes follow them: moves go from item to item, and a restricted item (r) goes after the exclusion of the press and public, which is added for it."""
    BINDINGS = [
        Binding("a", "add", "Add", id="agenda.add", tooltip="Add an item after the highlighted one"),
        Binding("e", "edit", "Edit", id="agenda.edit"),
        Binding("s", "add_sub", "Sub-item", id="agenda.sub"),
        Binding("delete,d", "delete", "Delete", id="agenda.delete"),
        Binding("shift+up,alt+up", "move(-1)", "Up", id="agenda.up", tooltip="Move the item up"),
        Binding("shift+down,alt+down", "move(1)", "Down", id="agenda.down", tooltip="Move the item down"),
        Binding("k", "kind", "Kind", id="agenda.kind", tooltip="Report, Verbal, to follow, standard"),
        Binding("r", "restricted", "Restricted", id="agenda.restricted"),
        Binding("f", "attach", "Report file", id="agenda.attach", tooltip="Attach or replace the item's report (.docx or PDF)"),
        Binding("u", "detach", "Detach", id="agenda.detach", tooltip="Take the report off the item (it stays in its history)"),
        Binding("p", "pack", "Pack", id="agenda.pack", tooltip="Build the agenda pack"),
        Binding("ctrl+e", "export", "Export", id="agenda.export"),
        Binding("f6", "live", "Live", id="agenda.live"),
        Binding("less_than_sign", "section(-1)", "To section above", id="agenda.section_up"),
        Binding("greater_than_sign", "section(1)", "To section below", id="agenda.section_down"),
        Binding("x", "extra", "Standard item", id="agenda.extra"),
        Binding("c", "copy_previous", "Copy previous", id="agenda.copy"),
        Binding("m", "meeting", "Meeting details", id="agenda.meeting"),
        Binding("w", "offers", "Planned", id="agenda.offers", tooltip="Items planned for it, or deferred at the last meeting"),
        Binding("escape", "back", "Back", id="agenda.back"),
    ]

    # What each key does, in the handler that does it.
    action_add = handled_by("items", "add")
    action_edit = handled_by("items", "edit")
    action_add_sub = handled_by("items", "add_sub")
    action_delete = handled_by("items", "delete")
    action_move = handled_by("items", "move")
    action_kind = handled_by("items", "kind")
    action_restricted = handled_by("items", "restricted")
    action_section = handled_by("items", "section")
    action_attach = handled_by("actions", "attach")
    action_pack = handled_by("actions", "pack")
    action_export = handled_by("actions", "export")
    action_live = handled_by("actions", "live")
    action_extra = handled_by("actions", "extra")
    action_copy_previous = handled_by("actions", "copy_previous")
    action_meeting = handled_by("actions", "meeting")
    action_detach = handled_by("reports", "detach")
    action_offers = handled_by("offers", "show")

    def __init__(self, meeting_id: int, *, at_item: int | None = None) -> None:
        """``at_item``: the item the cursor starts on (a search result's)."""
        super().__init__()
        self.meeting_id, self.at_item = meeting_id, at_item
        self.rows: list[AgendaRow] = []
        self.meeting: Meeting | None = None
        self.numbered = False  # the committee's agenda style: items 1, 2, 3 … with no sections
        self.away = False  # gone to the live screen: reload when back
        self.with_presenter = False  # the presenter column fits
        self.items = AgendaItems(self)
        self.actions = AgendaActions(self)
        self.reports = AgendaReports(self)
        self.offers = AgendaOffers(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="agenda-body"):
            yield Label("", id="agenda-meeting")
            yield Label("", id="agenda-contact")
            yield Label("", id="agenda-warning")
            yield DataTable(id="agenda", cursor_type="row", zebra_stripes=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._columns()
        self.reload(keep=self.at_item)
        self.query_one("#agenda", DataTable).focus()
        self.reports.watch()

    def on_screen_resume(self) -> None:
        """Back from the live screen: the meeting's status may have changed. (Dialogs reload
        through their own callbacks, keeping the cursor on the item they changed.)"""
        if self.away:
            self.away = False
            self.reload()
        self.reports.check()  # a report attached elsewhere meanwhile

    def _columns(self) -> None:
        """The title takes what the code, paper, presenter and flag leave of the width."""
        table = self.query_one("#agenda", DataTable)
        table.clear(columns=True)
        width = self.app.size.width
        presenter = 18 if width >= 100 else 0
        title = max(24, width - 4 - 12 - presenter - 14 - 12)
        table.add_column("Code", key="code", width=4)
        table.add_column("Title", key="title", width=title)
        table.add_column("Paper", key="paper", width=12)
        if presenter:
            table.add_column("Presenter", key="presenter", width=presenter)
        table.add_column("", key="flag", width=12)
        self.with_presenter = bool(presenter)

    def on_resize(self) -> None:
        if (self.app.size.width >= 100) != self.with_presenter:
            self._columns()
            self.reload()

    # -- data -------------------------------------------------------------------------
    def reload(self, keep: int | str | None = None) -> None:
        from clerk.calendar import publication_warning
        from clerk.services.agenda import list_items
        from clerk.services.agenda_rows import is_numbered, section_rows
        from clerk.services.committees import find_committee
        from clerk.services.meetings import find_meeting, status_label
        from clerk.services.plan_offers import offers, plan_marks
        from clerk.services.reports import reports
        from clerk.wording_plan import offered_line

        found = self.attempt(find_meeting, self.store, self.meeting_id)
        if not found:
            return
        meeting = self.meeting = found.value
        committee = find_committee(self.store, meeting.committee_id)
        self.rows = list_items(self.store, self.meeting_id)
        attached = {r.item_id for r in reports(self.store, self.meeting_id)}
        when = day_date(meeting.date, comma=False) + (f", {meeting.start_time:%H:%M}" if meeting.start_time else "")
        self.query_one("#agenda-meeting", Label).update(f"{committee.name} · {when} · {status_label(meeting.status)}")
        marks = plan_marks(self.store, self.meeting_id)
        self.query_one("#agenda-contact", Label).update(ask_for_line(meeting))
        warnings = (
            publication_warning(meeting.agenda_published, meeting.date, committee.holidays),
            offered_line(len(offers(self.store, self.meeting_id))),
        )
        self.query_one("#agenda-warning", Label).update("\n".join(w for w in warnings if w))
        table = self.query_one("#agenda", DataTable)
        current = keep if keep is not None else self.current_key()
        old_row = table.cursor_row
        table.clear()
        self.numbered = is_numbered(committee)
        for letter, heading in section_rows(committee, self.rows):
            if heading:  # numbered items: only the restricted part has a heading
                cells = [Text(letter, style="bold"), Text(heading, style="bold"), "", "", ""]
                table.add_row(*(cells if self.with_presenter else cells[:3] + cells[4:]), key=f"sec-{letter}")
            for r in (r for r in self.rows if r.group == letter):
                code = "" if r.parent_id else r.code
                title = f"  - {r.title}" if r.parent_id else r.title
                flag = (
                    f"restricted ¶{r.exempt_paragraph}"
                    if r.restricted and r.exempt_paragraph
                    else ("restricted" if r.restricted else marks.get(r.id, ""))
                )
                cells = [code, Text(title), paper_cell(r, r.id in attached), Text(r.presenter), flag]
                table.add_row(*(cells if self.with_presenter else cells[:3] + cells[4:]), key=str(r.id))
        if current is not None:
            try:
                table.move_cursor(row=table.get_row_index(str(current)))
            except Exception:
                table.move_cursor(row=min(old_row, table.row_count - 1))
        self.reports.shown()

    def current_key(self) -> str | None:
        table = self.query_one("#agenda", DataTable)
        if table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def current_item(self) -> AgendaRow | None:
        key = self.current_key()
        return next((r for r in self.rows if str(r.id) == key), None)

    def current_section(self) -> str:
        key = self.current_key() or "sec-B"
        item = self.current_item()
        return item.section if item else key.removeprefix("sec-")

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.items.edit()

    def changed(self, item_id: int | None) -> None:
        """A form's answer: the item it added or changed, None when cancelled."""
        if item_id is not None:
            self.reload(keep=item_id)

    def action_back(self) -> None:
        self.app.pop_screen()
