"""The agenda builder's reports and facts: the Paper column's cell and the "Ask for" line,
detaching an item's report (the item then a report still to come, Verbal or to follow), and
noticing what changed elsewhere (``clerk attach`` in another terminal, another window) while
the builder is open: a small query every few seconds, compared with what is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clerk.errors import ClerkError
from clerk.models import ItemKind
from clerk.wording import page_range_text
from clerk.wording_actions import MATTERS_ARISING_KEY

from .agenda_host import Agenda
from .widgets.form import Field, Form, Values

if TYPE_CHECKING:
    from clerk.models import Meeting
    from clerk.services.agenda_rows import AgendaRow
    from clerk.services.reports import Detached

CHECK_SECONDS = 2.0  # how often the builder looks for changes made elsewhere
AFTER = [("A report still to come", "report"), ("Verbal", "verbal"), ("To follow", "to_follow")]


def paper_cell(row: AgendaRow, attached: bool) -> str:
    """ "9-36" (the range whole, as typed), "Verbal", "to follow" or "report"; ✓ when its file is attached."""
    if row.kind is ItemKind.VERBAL:
        text = "Verbal"
    elif row.kind is ItemKind.TO_FOLLOW:
        text = "to follow"
    elif row.page_from is not None:
        text = page_range_text(row.page_from, row.page_to)
    elif row.standard == MATTERS_ARISING_KEY and not attached:
        text = "action log"  # its paper is made from the action log when the pack is built
    else:
        text = "report" if row.kind is ItemKind.REPORT else ""
    return f"✓ {text}" if attached else text


def ask_for_line(meeting: Meeting) -> str:
    """The meeting's own contact officer, as its agenda prints them under "Ask for"."""
    facts = [meeting.contact, meeting.contact_phone, meeting.contact_email]
    if not any(facts):
        return "Ask for: nobody yet (m: meeting details)"
    return "Ask for: " + " · ".join(f for f in facts if f)


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

        def submit(values: Values) -> Detached:
            return detach_report(screen.store, screen.meeting_id, row.code, values["kind"])

        def done(detached: Detached | None) -> None:
            if detached is not None:
                screen.notify(detached.sentence, timeout=8)
                screen.reload(keep=detached.item_id)

        fields = [Field("kind", "Then the item is", "report", kind="choice", choices=AFTER)]
        intro = "The file stays in the item's history; f attaches another."
        screen.app.push_screen(Form(f"Detach {name} from {row.code} {row.title}", fields, submit, intro=intro), done)
