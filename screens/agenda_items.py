"""The agenda builder's items: add one (or a sub-item), edit it in the item form, move it
up, down or to another section, change its paper or whether it is restricted, delete it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from clerk.wording import plural

from .agenda_host import Agenda
from .agenda_item_form import KINDS, item_fields, item_values
from .widgets.form import Form, Values
from .widgets.menu import Confirm


class AgendaItems:
    def __init__(self, screen: Agenda) -> None:
        self.screen = screen

    def add(self) -> None:
        from clerk.services.agenda import add_item

        section = self.screen.current_section()
        current = self.screen.current_item()

        def submit(values: Values) -> int | None:
            chosen = values.pop("section", section)
            at = None
            if current is not None and current.section == chosen and current.parent_id is None:
                at = current.position + 1
            parsed = item_values(values)
            return add_item(self.screen.store, self.screen.meeting_id, chosen, parsed.pop("title"), at=at, **parsed).id

        def note(values: dict[str, Any]) -> str:
            if values.get("section") == "D":
                return "Items under D are always restricted (not open to the press and public)."
            return "Restricted: the item is taken in private session." if values.get("restricted") else ""

        fields = item_fields(section=section, numbered=self.screen.numbered)
        self.screen.app.push_screen(Form("Add an agenda item", fields, submit, note=note), self.screen.changed)

    def add_sub(self) -> None:
        from clerk.services.agenda import add_item

        current = self.screen.current_item()
        if current is None:
            self.screen.notify("Choose the item the sub-item goes under.", severity="warning")
            return
        parent = current.parent_id or current.id

        def submit(values: Values) -> int | None:
            parsed = item_values(values)
            return add_item(
                self.screen.store, self.screen.meeting_id, current.section, parsed.pop("title"), parent_id=parent, **parsed
            ).id

        self.screen.app.push_screen(
            Form(f"Sub-item under {current.code}", item_fields(section=current.section, sub=True), submit),
            self.screen.changed,
        )

    def edit(self) -> None:
        from clerk.services.agenda import update_item

        row = self.screen.current_item()
        if row is None:
            self.add()
            return

        def submit(values: Values) -> int | None:
            update_item(self.screen.store, row.id, **item_values(values))
            return row.id

        self.screen.app.push_screen(Form(f"{row.code} {row.title}", item_fields(row), submit), self.screen.changed)

    # -- quick changes ------------------------------------------------------------------------
    def _quick(self, fn: Callable[..., object], *args: Any, **kwargs: Any) -> None:
        row = self.screen.current_item()
        if row is None:
            self.screen.notify("Choose an item first.", severity="warning")
            return
        if self.screen.attempt(fn, self.screen.store, row.id, *args, **kwargs):
            self.screen.reload(keep=row.id)

    def move(self, delta: int) -> None:
        from clerk.services.agenda import move_item

        self._quick(move_item, delta)

    def section(self, delta: int) -> None:
        from clerk.services.agenda import move_to_section

        row = self.screen.current_item()
        if self.screen.numbered:
            self.screen.notify("Numbered items have no sections; r marks an item restricted, to go after the exclusion item.")
            return
        if row is None:
            return
        letters = "ABCD"
        index = letters.index(row.section) + delta
        if 0 <= index < 4:
            self._quick(move_to_section, letters[index], at=0 if delta > 0 else None)

    def kind(self) -> None:
        from clerk.services.agenda import update_item

        row = self.screen.current_item()
        if row is not None:
            order = [k for _l, k in KINDS]
            self._quick(update_item, kind=order[(order.index(row.kind.value) + 1) % len(order)])

    def restricted(self) -> None:
        from clerk.services.agenda import update_item

        row = self.screen.current_item()
        if row is not None:
            self._quick(update_item, restricted=not row.restricted)

    def delete(self) -> None:
        from clerk.services.agenda import delete_item

        row = self.screen.current_item()
        if row is None:
            return

        def done(yes: bool | None) -> None:
            if yes and self.screen.attempt(delete_item, self.screen.store, row.id):
                self.screen.reload()

        subs = sum(1 for r in self.screen.rows if r.parent_id == row.id)
        detail = f"Its {plural(subs, 'sub-item')} go with it." if subs else ""
        self.screen.app.push_screen(Confirm(f"Delete {row.code} {row.title}?", detail), done)
