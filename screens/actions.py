"""The action log: every action minuted, oldest meeting first, with its minute, owner, status
and one-line update; closed, superseded, reopened and updated from the keyboard. The minute it
came from never changes (signed notes stay as signed); only the log moves on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Header, Label

from clerk.wording_actions import due_label, minute_cell, restricted_mark

from .actions_keys import ActionKeys
from .base import ClerkScreen, handled_by

if TYPE_CHECKING:
    from clerk.services.actions import ActionRow

CSS = """
#actions-body { height: 1fr; }
#actions-scope { text-style: bold; padding: 0 1; height: 1; }
#actions { height: 1fr; }
#actions-detail { color: $text-muted; padding: 0 1; height: 2; width: 1fr; }
"""


class ActionsScreen(ClerkScreen):
    TITLE = "Action log"
    DEFAULT_CSS = CSS
    HELP = (
        "The actions agreed at meetings, oldest first, with the minute each came from. d closes the highlighted "
        "action as done, s marks it superseded (overtaken, no longer chased), u gives it a one-line update, "
        "r opens it again; each asks for an optional update and dates the change today. o shows only the open "
        "actions or all; w keeps one owner's (empty: everyone's); c shows each owner's open actions for chasing, and saves them as "
        "Word. The minute an action came from is never changed: signed notes stay as signed. Actions of "
        "restricted minutes are marked [restricted] and never go into a public paper."
    )
    BINDINGS = [
        Binding("d", "done", "Done", id="actions.done", tooltip="Close the action as done"),
        Binding("s", "supersede", "Supersede", id="actions.supersede", tooltip="Overtaken: no longer chased"),
        Binding("u", "note", "Update", id="actions.note", tooltip="A one-line update on how it stands"),
        Binding("r", "reopen", "Reopen", id="actions.reopen", show=False),
        Binding("o", "open_only", "Open/all", id="actions.open"),
        Binding("w", "owner", "Owner", id="actions.owner", show=False, tooltip="Only one person's actions"),
        Binding("c", "chase", "Chase", id="actions.chase", tooltip="Each owner's open actions, to chase (Word too)"),
        Binding("escape", "back", "Back", id="actions.back", show=False),
    ]

    action_done = handled_by("keys", "done")
    action_supersede = handled_by("keys", "supersede")
    action_note = handled_by("keys", "note")
    action_reopen = handled_by("keys", "reopen")
    action_owner = handled_by("keys", "owner")
    action_chase = handled_by("keys", "chase")

    def __init__(self, committee_id: int | None = None, *, open_only: bool = True) -> None:
        super().__init__()
        self.committee_id = committee_id
        self.open_only = open_only
        self.owner = ""
        self.rows: list[ActionRow] = []
        self.keys = ActionKeys(self)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="actions-body"):
            yield Label("", id="actions-scope")
            yield DataTable(id="actions", cursor_type="row", zebra_stripes=True)
            yield Label("", id="actions-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._columns()
        self.reload()
        self.query_one("#actions", DataTable).focus()

    def on_resize(self) -> None:
        if (self.app.size.width >= 110) != getattr(self, "_wide", None):
            self._columns()
            self.reload()

    def _columns(self) -> None:
        """At 80 columns: minute, action, owner and status; the update and due date join them
        when there is room (the highlighted action's show below the table in any case)."""
        table = self.query_one("#actions", DataTable)
        table.clear(columns=True)
        width = self.app.size.width
        self._wide = width >= 110
        fixed = 15 + 18 + 15 + (12 + 24 if self._wide else 0)
        table.add_column("Minute", key="minute", width=15)
        table.add_column("Action", key="action", width=max(16, width - fixed - (14 if self._wide else 10)))
        table.add_column("Owner", key="owner", width=18)
        if self._wide:
            table.add_column("Due", key="due", width=12)
        table.add_column("Status", key="status", width=15)
        if self._wide:
            table.add_column("Update", key="update", width=24)

    # -- data -------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        from clerk.services.actions import list_actions
        from clerk.services.committees import find_committee

        found = self.attempt(
            list_actions, self.store, committee_id=self.committee_id, open_only=self.open_only, owner=self.owner or None
        )
        if not found:
            return
        self.rows = found.value
        where = find_committee(self.store, self.committee_id).name if self.committee_id is not None else "All committees"
        scope = [where, "open actions" if self.open_only else "all actions"] + ([f"owner: {self.owner}"] if self.owner else [])
        self.query_one("#actions-scope", Label).update(" · ".join(scope) + f" · {len(self.rows)}")
        table = self.query_one("#actions", DataTable)
        current = keep if keep is not None else self.current_id()
        table.clear()
        for r in self.rows:
            cells = [
                minute_cell(r.minute, r.meeting_date, short=True),
                Text(restricted_mark(r.action) if r.restricted else r.action),
                Text(r.owner),
                *([due_label(r.due, short=True)] if self._wide else []),
                r.status_text(short=True),
                *([Text(r.progress)] if self._wide else []),
            ]
            table.add_row(*cells, key=str(r.id))
        if current is not None and any(r.id == current for r in self.rows):
            table.move_cursor(row=table.get_row_index(str(current)))
        self.show_detail()

    def current_id(self) -> int | None:
        table = self.query_one("#actions", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def current(self) -> ActionRow | None:
        key = self.current_id()
        return next((r for r in self.rows if r.id == key), None)

    def show_detail(self) -> None:
        from clerk.wording_actions import no_actions

        r = self.current()
        if r is None:
            text = no_actions(self.open_only, self.owner or None)
        else:
            due = f" · due {due_label(r.due)}" if r.due else ""
            text = f"{minute_cell(r.minute, r.meeting_date)} · {r.action} · {r.owner}{due} · {r.status_text()}"
            text += f"\n{r.progress}" if r.progress else ""
        self.query_one("#actions-detail", Label).update(Text(text))

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def action_open_only(self) -> None:
        self.open_only = not self.open_only
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
