"""The agenda builder: sections A–D with their items, coded by position (A1, B7 …), sub-items,
Verbal / to follow / reports with their pages, restricted items with their paragraph."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label

from clerk.wording import day_date, plural

from .agenda_actions import AgendaActions
from .agenda_item_form import KINDS, item_fields, item_values
from .agenda_reports import AgendaReports, ask_for_line, paper_cell
from .base import ClerkScreen, handled_by
from .forms import ConfirmScreen, FormScreen


class AgendaScreen(AgendaActions, ClerkScreen):
    TITLE = "Agenda"
    CSS_PATH = "agenda_builder.tcss"
    HELP = """Build the agenda from the keyboard. Codes follow position: moving an item renumbers the codes around it. Items in D are restricted; an item elsewhere can be restricted too (r). Sub-items sit under their item (s). Page ranges come from the agenda pack, or type them in the item (e). f attaches the report (.docx or PDF) from a file picker, or replaces it; u detaches it; ✓ marks an item whose report is attached, and one attached with `clerk attach` shows by itself. m changes the meeting's details, its "Ask for" officer among them. p builds the pack."""
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
        Binding("escape", "back", "Back", id="agenda.back"),
    ]
    action_detach = handled_by("reports", "detach")

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.rows: list[Any] = []
        self.meeting: Any = None
        self.reports = AgendaReports(self)
        self.numbered = False  # the committee's agenda style: items 1, 2, 3 … with no sections

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
        self.reload()
        self.query_one("#agenda", DataTable).focus()
        self.reports.watch()

    def on_screen_resume(self) -> None:
        """Back from the live screen: the meeting's status may have changed. (Dialogs reload
        through their own callbacks, keeping the cursor on the item they changed.)"""
        if getattr(self, "_away", False):
            self._away = False
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
        self._with_presenter = bool(presenter)

    def on_resize(self) -> None:
        if (self.app.size.width >= 100) != getattr(self, "_with_presenter", None):
            self._columns()
            self.reload()

    # -- data -------------------------------------------------------------------------
    def reload(self, keep: int | str | None = None) -> None:
        from clerk.calendar import publication_warning
        from clerk.services.agenda import list_items
        from clerk.services.agenda_rows import is_numbered, section_rows
        from clerk.services.committees import find_committee
        from clerk.services.meetings import find_meeting, status_label
        from clerk.services.reports import reports

        found = self.attempt(find_meeting, self.store, self.meeting_id)
        if not found:
            return
        meeting = self.meeting = found.value
        committee = find_committee(self.store, meeting.committee_id)
        self.rows = list_items(self.store, self.meeting_id)
        attached = {r.item_id for r in reports(self.store, self.meeting_id)}
        when = day_date(meeting.date, comma=False) + (f", {meeting.start_time:%H:%M}" if meeting.start_time else "")
        self.query_one("#agenda-meeting", Label).update(f"{committee.name} · {when} · {status_label(meeting.status)}")
        self.query_one("#agenda-contact", Label).update(ask_for_line(meeting))
        self.query_one("#agenda-warning", Label).update(publication_warning(meeting.agenda_published, meeting.date))
        table = self.query_one("#agenda", DataTable)
        current = keep if keep is not None else self.current_key()
        old_row = table.cursor_row
        table.clear()
        self.numbered = is_numbered(committee)
        for letter, heading in section_rows(committee, self.rows):
            if heading:  # numbered items: only the restricted part has a heading
                cells = [Text(letter, style="bold"), Text(heading, style="bold"), "", "", ""]
                table.add_row(*(cells if self._with_presenter else cells[:3] + cells[4:]), key=f"sec-{letter}")
            for r in (r for r in self.rows if r.group == letter):
                code = "" if r.parent_id else r.code
                title = f"  - {r.title}" if r.parent_id else r.title
                flag = (
                    f"restricted ¶{r.exempt_paragraph}"
                    if r.restricted and r.exempt_paragraph
                    else ("restricted" if r.restricted else "")
                )
                cells = [code, Text(title), paper_cell(r, r.id in attached), Text(r.presenter), flag]
                table.add_row(*(cells if self._with_presenter else cells[:3] + cells[4:]), key=str(r.id))
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

    def current_item(self):
        key = self.current_key()
        return next((r for r in self.rows if str(r.id) == key), None)

    def current_section(self) -> str:
        key = self.current_key() or "sec-B"
        item = self.current_item()
        return item.section if item else key.removeprefix("sec-")

    def action_add(self) -> None:
        from clerk.services.agenda import add_item

        section = self.current_section()
        current = self.current_item()

        def submit(values: dict[str, Any]) -> int:
            chosen = values.pop("section", section)
            at = None
            if current is not None and current.section == chosen and current.parent_id is None:
                at = current.position + 1
            parsed = item_values(values)
            return add_item(self.store, self.meeting_id, chosen, parsed.pop("title"), at=at, **parsed).id

        def note(values: dict[str, Any]) -> str:
            if values.get("section") == "D":
                return "Items under D are always restricted (not open to the press and public)."
            return "Restricted: the item is taken in private session." if values.get("restricted") else ""

        fields = item_fields(section=section, numbered=self.numbered)
        self.app.push_screen(FormScreen("Add an agenda item", fields, submit, note=note), self._changed)

    def action_add_sub(self) -> None:
        from clerk.services.agenda import add_item

        current = self.current_item()
        if current is None:
            self.notify("Choose the item the sub-item goes under.", severity="warning")
            return
        parent = current.parent_id or current.id

        def submit(values: dict[str, Any]) -> int:
            parsed = item_values(values)
            return add_item(self.store, self.meeting_id, current.section, parsed.pop("title"), parent_id=parent, **parsed).id

        self.app.push_screen(
            FormScreen(f"Sub-item under {current.code}", item_fields(section=current.section, sub=True), submit),
            self._changed,
        )

    def action_edit(self) -> None:
        from clerk.services.agenda import update_item

        row = self.current_item()
        if row is None:
            self.action_add()
            return

        def submit(values: dict[str, Any]) -> int:
            update_item(self.store, row.id, **item_values(values))
            return row.id

        self.app.push_screen(FormScreen(f"{row.code} {row.title}", item_fields(row), submit), self._changed)

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_edit()

    def _changed(self, item_id: Any) -> None:
        if item_id is not None:
            self.reload(keep=item_id)

    # -- quick changes ------------------------------------------------------------------------
    def _quick(self, fn, *args, **kwargs) -> None:
        row = self.current_item()
        if row is None:
            self.notify("Choose an item first.", severity="warning")
            return
        if self.attempt(fn, self.store, row.id, *args, **kwargs):
            self.reload(keep=row.id)

    def action_move(self, delta: int) -> None:
        from clerk.services.agenda import move_item

        self._quick(move_item, delta)

    def action_section(self, delta: int) -> None:
        from clerk.services.agenda import move_to_section

        row = self.current_item()
        if self.numbered:
            self.notify("Numbered items have no sections; r marks an item restricted, to go after the exclusion item.")
            return
        if row is None:
            return
        letters = "ABCD"
        index = letters.index(row.section) + delta
        if 0 <= index < 4:
            self._quick(move_to_section, letters[index], at=0 if delta > 0 else None)

    def action_kind(self) -> None:
        from clerk.services.agenda import update_item

        row = self.current_item()
        if row is not None:
            order = [k for _l, k in KINDS]
            self._quick(update_item, kind=order[(order.index(row.kind.value) + 1) % len(order)])

    def action_restricted(self) -> None:
        from clerk.services.agenda import update_item

        row = self.current_item()
        if row is not None:
            self._quick(update_item, restricted=not row.restricted)

    def action_delete(self) -> None:
        from clerk.services.agenda import delete_item

        row = self.current_item()
        if row is None:
            return

        def done(yes: bool | None) -> None:
            if yes and self.attempt(delete_item, self.store, row.id):
                self.reload()

        subs = sum(1 for r in self.rows if r.parent_id == row.id)
        detail = f"Its {plural(subs, 'sub-item')} go with it." if subs else ""
        self.app.push_screen(ConfirmScreen(f"Delete {row.code} {row.title}?", detail), done)

    def action_back(self) -> None:
        self.app.pop_screen()
