"""The autosave: what the clerk has typed in a minute, stored in one short transaction.

It runs every half second while the clerk types, so it is lean: one query checks that this
app holds the meeting, that the notes are not signed and that the minute is the meeting's;
then only the paragraphs that changed are written (typing changes the last one)."""

from __future__ import annotations

from sqlalchemy import delete, insert, update
from sqlmodel import col, select

from ..body import Para, numbers_paragraphs, parse
from ..errors import NotFound
from ..models import LiveSession, Meeting, MeetingStatus, Minute, Paragraph, ParagraphKind
from ..storage import Store
from .common import clean_text, ensure_editable
from .live_lock import Holder, MeetingLocked


def save_body(store: Store, meeting_id: int, holder: Holder, minute_id: int, text: str,
              numbered: bool | None = None) -> bool:
    """Store the minute's text (parsed into paragraphs, see ``clerk.body``); False when unchanged.
    Its paragraphs are numbered as the minute's are already, or as ``numbered`` says."""
    with store.write() as session:
        row = session.exec(
            select(LiveSession.holder, Meeting.status, Minute.meeting_id)
            .join(Meeting, Meeting.id == LiveSession.meeting_id)
            .join(Minute, Minute.id == minute_id)
            .where(LiveSession.meeting_id == meeting_id)
        ).first()
        if row is None:
            raise NotFound(f"There is no minute with id {minute_id} in this meeting.")
        if row.holder != holder.token:
            raise MeetingLocked("This meeting is open for minuting in another window; this view is read-only.")
        if row.meeting_id != meeting_id:
            raise NotFound("That minute belongs to another meeting.")
        if MeetingStatus(row.status) in (MeetingStatus.SIGNED, MeetingStatus.CANCELLED):
            ensure_editable(session.get(Meeting, meeting_id))
        current = session.exec(
            select(Paragraph.id, Paragraph.kind, Paragraph.text, Paragraph.numbered)
            .where(Paragraph.minute_id == minute_id).order_by(Paragraph.position, Paragraph.id)
        ).all()
        if numbered is None:
            numbered = numbers_paragraphs(Para(ParagraphKind(p.kind), p.text, p.numbered) for p in current)
        wanted = [Para(p.kind, p.text.strip(), p.numbered) for p in parse(clean_text(text), numbered) if p.text.strip()]
        changed = False
        for position, para in enumerate(wanted):
            if position < len(current):
                old = current[position]
                if (ParagraphKind(old.kind), old.text, old.numbered) != (para.kind, para.text, para.numbered):
                    session.execute(update(Paragraph).where(col(Paragraph.id) == old.id).values(
                        position=position, kind=para.kind, text=para.text, numbered=para.numbered))
                    changed = True
            else:
                session.execute(insert(Paragraph).values(minute_id=minute_id, position=position, kind=para.kind,
                                                         text=para.text, numbered=para.numbered))
                changed = True
        extra = [old.id for old in current[len(wanted):]]
        if extra:
            session.execute(delete(Paragraph).where(col(Paragraph.id).in_(extra)))
            changed = True
        return changed
