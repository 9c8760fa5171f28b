"""The agenda builder's reports and facts: the Paper column's cell and the "Ask for" line,
detaching an item's report (the item then a report still to come, Verbal or to follow), and
noticing what changed elsewhere (``clerk attach`` in another terminal, another window) while
the builder is open: a small query every few seconds, compared with what is shown."""

from __future__ import annotations

from typing import Any, Protocol

from clerk.errors import ClerkError
from clerk.models import ItemKind
from clerk.wording import page_range_text

from .forms import Field, FormScreen

CHECK_SECONDS = 2.0  # how often the builder looks for changes made elsewhere
AFTER = [("A report still to come", "report"), ("Verbal", "verbal"), ("To follow", "to_follow")]


def paper_cell(row: Any, attached: bool) -> str:
    """ "9-36" (the range whole, as typed), "Verbal", "to follow" or "report"; ✓ when its file is attached."""
    if row.kind is ItemKind.VERBAL:
        text = "Verbal"
    elif row.kind is ItemKind.TO_FOLLOW:
        text = "to follow"
    elif row.page_from is not None:
        text = page_range_text(row.page_from, row.page_to)
    else:
        text = "report" if row.kind is ItemKind.REPORT else ""
    return f"✓ {text}" if attached else text


def ask_for_line(meeting: Any) -> str:
    """The meeting's own contact officer, as its agenda prints them under "Ask for"."""
    facts = [meeting.contact, meeting.contact_phone, meeting.contact_email]
    if not any(facts):
        return "Ask for: nobody yet (m: meeting details)"
    return "Ask for: " + " · ".join(f for f in facts if f)


class Agenda(Protocol):
    """What these actions use of the agenda builder."""

    meeting_id: int

    @property
    def app(self) -> Any: ...

    @property
    def store(self) -> Any: ...

    @property
    def is_current(self) -> bool: ...

    def current_item(self) -> Any: ...

    def reload(self, keep: int | str | None = None) -> None: ...

    def notify(
        self, message: str, *, title: str = "", severity: Any = "information", timeout: float | None = None, markup: bool = True
    ) -> None: ...

    def set_interval(self, interval: float, callback: Any) -> Any: ...


class AgendaReports:
    def __init__(self, screen: Agenda) -> None:
        self.screen = screen
        self.stamp: Any = None  # agenda_stamp of what is shown

    def watch(self) -> None:
        self.screen.set_interval(CHECK_SECONDS, self.check)

    def shown(self) -> None:
        """The screen has just shown the agenda as it is now."""
        from clerk.services.reports import agenda_stamp

        try:
            self.stamp = agenda_stamp(self.screen.store, self.screen.meeting_id)
        except ClerkError:
            self.stamp = None

    def check(self) -> None:
        """Show the agenda again when it changed elsewhere; quiet when the database cannot be
        read for a moment (the next check tries again; the clerk's next action says why)."""
        from clerk.services.reports import agenda_stamp

        if not self.screen.is_current or self.stamp is None:
            return
        try:
            now = agenda_stamp(self.screen.store, self.screen.meeting_id)
        except ClerkError:
            return
        if now != self.stamp:
            self.screen.reload()

    def detach(self) -> None:
        from clerk.services.reports import attached_name, detach_report

        screen = self.screen
        row = screen.current_item()
        if row is None or row.parent_id is not None:
            screen.notify("Choose the item whose report to detach.", severity="warning")
            return
        name = attached_name(screen.store, row.id)
        if not name:
            screen.notify(f"{row.code} has no report attached; f attaches one.", severity="warning")
            return

        def submit(values: dict[str, Any]) -> Any:
            return detach_report(screen.store, screen.meeting_id, row.code, values["kind"])

        def done(detached: Any) -> None:
            if detached is not None:
                screen.notify(detached.sentence, timeout=8)
                screen.reload(keep=detached.item_id)

        fields = [Field("kind", "Then the item is", "report", kind="choice", choices=AFTER)]
        intro = "The file stays in the item's history; f attaches another."
        screen.app.push_screen(FormScreen(f"Detach {name} from {row.code} {row.title}", fields, submit, intro=intro), done)
