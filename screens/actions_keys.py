"""What the action log's keys do: close, supersede, reopen or update the highlighted action
(each asks for a one-line update, optional but for u), keep one owner's, and chase."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from .base import ScreenParts
from .widgets.form import Field, Form, Values

if TYPE_CHECKING:
    import datetime as dt

    from clerk.services.actions import ActionRow


class Log(ScreenParts, Protocol):
    """What the keys use of the action log screen."""

    committee_id: int | None
    owner: str
    rows: list[ActionRow]

    def current(self) -> ActionRow | None: ...

    def reload(self, keep: int | None = None) -> None: ...

    def today(self) -> dt.date: ...


class ActionKeys:
    def __init__(self, screen: Log) -> None:
        self.screen = screen

    def _move(self, title: str, service: Callable[..., ActionRow], *, required: bool = False) -> None:
        from clerk.wording_actions import moved_sentence, noted_sentence

        row = self.screen.current()
        if row is None:
            self.screen.notify("Choose an action first (↑/↓ in the list).", severity="warning")
            return
        label = "Update (one line)" if required else "Update (one line, optional)"

        def submit(values: Values) -> ActionRow:
            note = values["note"].strip()
            return service(self.screen.store, row.id, note if (note or required) else None, self.screen.today())

        def done(moved: Any) -> None:
            if moved is None:  # cancelled, perhaps after a refusal: another window may have changed it
                self.screen.reload(keep=row.id)
                return
            said = noted_sentence(moved.id) if required else moved_sentence(moved.id, moved.status, moved.status_on)
            self.screen.notify(said)
            self.screen.reload(keep=moved.id)

        fields = [Field("note", label, row.progress if required else "")]
        what = row.action if len(row.action) <= 50 else row.action[:49].rstrip() + "…"
        self.screen.app.push_screen(Form(f"{title}: {what}", fields, submit), done)

    def done(self) -> None:
        from clerk.services.actions import close_action

        self._move("Done", close_action)

    def supersede(self) -> None:
        from clerk.services.actions import supersede_action

        self._move("Superseded", supersede_action)

    def reopen(self) -> None:
        from clerk.services.actions import reopen_action

        self._move("Reopen", reopen_action)

    def note(self) -> None:
        from clerk.services.actions import note_action

        self._move("Update", note_action, required=True)

    def owner(self) -> None:
        owners = sorted({r.owner for r in self.screen.rows})

        def chosen(values: Values | None) -> None:
            if values is not None:
                self.screen.owner = values["owner"].strip()
                self.screen.reload()

        fields = [Field("owner", "Owner (empty: everyone)", self.screen.owner, kind="pick", picks=owners, pick_on_enter=False)]
        self.screen.app.push_screen(Form("Whose actions", fields), chosen)

    def chase(self) -> None:
        from .actions_chase import ChaseScreen

        self.screen.app.push_screen(ChaseScreen(self.screen.committee_id, self.screen.owner or None))
