"""Putting a live meeting's minutes right: a minute moved earlier or later (the exclusion of
the press minuted after the item it was for), one taken by mistake deleted, one made
restricted or public, its paragraphs numbered or plain. Moves and deletions renumber this
meeting and any later unsigned one, never a signed one, and each can be previewed first
without writing anything."""

from __future__ import annotations

from sqlmodel import Session, select

from ..errors import InvalidInput
from ..models import AgendaItem, Minute, Paragraph, ParagraphKind
from ..services.common import get
from ..services.minute_previews import preview
from ..services.minutes import Change, delete_minute_in, minute_ids_in, move_minute_in
from ..storage import Store
from ..wording import PARAGRAPH_RULE, exempt_paragraph
from .lock import Holder
from .write import live_write


def _place(session: Session, meeting_id: int, minute_id: int) -> tuple[list[int], int]:
    minute = get(session, Minute, minute_id, "minute")
    if minute.meeting_id != meeting_id:
        raise InvalidInput("That minute belongs to another meeting.")
    order = minute_ids_in(session, meeting_id)
    return order, order.index(minute_id)


def _move_in(session: Session, meeting_id: int, minute_id: int, step: int) -> list[Change]:
    order, index = _place(session, meeting_id, minute_id)
    target = index + step
    if not 0 <= target < len(order):
        where = "first" if step < 0 else "last"
        raise InvalidInput(f"This minute is already the {where} of the meeting.")
    return move_minute_in(session, minute_id, target)


def _delete_in(session: Session, meeting_id: int, minute_id: int) -> list[Change]:
    _place(session, meeting_id, minute_id)
    return delete_minute_in(session, minute_id)


class LiveOrder:
    """``LiveMeeting.order``: the corrections to the minutes taken, each one transaction."""

    def __init__(self, store: Store, meeting_id: int, holder: Holder) -> None:
        self.store, self.meeting_id, self.holder = store, meeting_id, holder

    def preview_move(self, minute_id: int, step: int) -> list[Change]:
        """What moving the minute ``step`` places (-1 earlier, +1 later) would renumber."""
        return preview(self.store, lambda s: _move_in(s, self.meeting_id, minute_id, step))

    def move(self, minute_id: int, step: int) -> list[Change]:
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            return _move_in(session, self.meeting_id, minute_id, step)

    def has_text(self, minute_id: int) -> bool:
        with self.store.read() as session:
            return session.exec(select(Paragraph.id).where(Paragraph.minute_id == minute_id)).first() is not None

    def preview_delete(self, minute_id: int) -> list[Change]:
        return preview(self.store, lambda s: _delete_in(s, self.meeting_id, minute_id))

    def delete(self, minute_id: int) -> list[Change]:
        """Delete a minute taken by mistake; its item (if any) is to come again and the minute
        before it (or after, for the first) becomes the current one."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, live):
            order, index = _place(session, self.meeting_id, minute_id)
            changes = delete_minute_in(session, minute_id)
            rest = [m for m in order if m != minute_id]
            if live.current_minute_id in (None, minute_id):
                live.current_minute_id = rest[max(0, index - 1)] if rest else None
                session.add(live)
            return changes

    def restrict(self, minute_id: int, restricted: bool, paragraph: int | None = None) -> bool:
        """Make one minute restricted (with its Schedule 12A paragraph) or public again; whether
        it is now restricted."""
        paragraph = exempt_paragraph(paragraph, needed=False)
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            _place(session, self.meeting_id, minute_id)
            minute = get(session, Minute, minute_id, "minute")
            minute.restricted = restricted
            if restricted and paragraph is not None:
                minute.exempt_paragraph = paragraph
            item = session.get(AgendaItem, minute.agenda_item_id) if minute.agenda_item_id else None
            if restricted and minute.exempt_paragraph is None and not (item and item.exempt_paragraph):
                raise InvalidInput(f"Give the Schedule 12A paragraph minute {minute.number} is exempt under. {PARAGRAPH_RULE}")
            session.add(minute)
            return restricted

    def number_paragraphs(self, minute_id: int, numbered: bool) -> bool:
        """Number the minute's paragraphs (1), (2) … or print them plain, as minute 66 of 2014
        is. The choice is kept in the paragraphs, so what is typed afterwards follows it."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            _place(session, self.meeting_id, minute_id)
            for p in session.exec(select(Paragraph).where(Paragraph.minute_id == minute_id)).all():
                if p.kind == ParagraphKind.TEXT and p.numbered != numbered:
                    p.numbered = numbered
                    session.add(p)
            return numbered
