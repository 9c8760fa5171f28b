"""Putting a live meeting's minutes right: a minute moved earlier or later (the exclusion of
the press minuted after the item it was for), one taken by mistake deleted, one made private
or public. Moves and deletions renumber this meeting and any later unsigned one, never a
signed one, and each can be previewed first without writing anything."""

from __future__ import annotations

from sqlmodel import Session, select

from ..errors import InvalidInput
from ..models import AgendaItem, Minute, Paragraph, ParagraphKind
from ..storage import Store
from ..wording import PARAGRAPH_RULE, exempt_paragraph
from .common import get
from .live import Holder, live_write
from .minutes import Change, _minute_ids, delete_minute_in, move_minute_in, preview


def _place(session: Session, meeting_id: int, minute_id: int) -> tuple[list[int], int]:
    minute = get(session, Minute, minute_id, "minute")
    if minute.meeting_id != meeting_id:
        raise InvalidInput("That minute belongs to another meeting.")
    order = _minute_ids(session, meeting_id)
    return order, order.index(minute_id)


def _move_in(session: Session, meeting_id: int, minute_id: int, step: int) -> list[Change]:
    order, index = _place(session, meeting_id, minute_id)
    target = index + step
    if not 0 <= target < len(order):
        where = "first" if step < 0 else "last"
        raise InvalidInput(f"This minute is already the {where} of the meeting.")
    return move_minute_in(session, minute_id, target)


def preview_move(store: Store, meeting_id: int, minute_id: int, step: int) -> list[Change]:
    """What moving the minute ``step`` places (-1 earlier, +1 later) would renumber."""
    return preview(store, lambda s: _move_in(s, meeting_id, minute_id, step))


def move(store: Store, meeting_id: int, holder: Holder, minute_id: int, step: int) -> list[Change]:
    with live_write(store, meeting_id, holder) as (session, _live):
        return _move_in(session, meeting_id, minute_id, step)


def has_text(store: Store, minute_id: int) -> bool:
    with store.read() as session:
        return session.exec(select(Paragraph.id).where(Paragraph.minute_id == minute_id)).first() is not None


def preview_delete(store: Store, meeting_id: int, minute_id: int) -> list[Change]:
    def op(session: Session) -> list[Change]:
        _place(session, meeting_id, minute_id)
        return delete_minute_in(session, minute_id)

    return preview(store, op)


def delete(store: Store, meeting_id: int, holder: Holder, minute_id: int) -> list[Change]:
    """Delete a minute taken by mistake; its item (if any) is to come again and the minute
    before it (or after, for the first) becomes the current one."""
    with live_write(store, meeting_id, holder) as (session, live):
        order, index = _place(session, meeting_id, minute_id)
        changes = delete_minute_in(session, minute_id)
        rest = [m for m in order if m != minute_id]
        if live.current_minute_id in (None, minute_id):
            live.current_minute_id = rest[max(0, index - 1)] if rest else None
            session.add(live)
        return changes


def set_private(store: Store, meeting_id: int, holder: Holder, minute_id: int, private: bool,
                paragraph: int | None = None) -> None:
    """Make one minute restricted (with its Schedule 12A paragraph) or public again."""
    paragraph = exempt_paragraph(paragraph, needed=False)
    with live_write(store, meeting_id, holder) as (session, _live):
        _place(session, meeting_id, minute_id)
        minute = get(session, Minute, minute_id, "minute")
        minute.restricted = private
        if private and paragraph is not None:
            minute.exempt_paragraph = paragraph
        item = session.get(AgendaItem, minute.agenda_item_id) if minute.agenda_item_id else None
        if private and minute.exempt_paragraph is None and not (item and item.exempt_paragraph):
            raise InvalidInput(f"Give the Schedule 12A paragraph minute {minute.number} is exempt under. {PARAGRAPH_RULE}")
        session.add(minute)


def set_numbered(store: Store, meeting_id: int, holder: Holder, minute_id: int, numbered: bool) -> None:
    """Number the minute's paragraphs (1), (2) … or print them plain, as minute 66 of 2014 is.
    The choice is kept in the paragraphs, so what is typed afterwards follows it."""
    with live_write(store, meeting_id, holder) as (session, _live):
        _place(session, meeting_id, minute_id)
        for p in session.exec(select(Paragraph).where(Paragraph.minute_id == minute_id)).all():
            if p.kind == ParagraphKind.TEXT and p.numbered != numbered:
                p.numbered = numbered
                session.add(p)
