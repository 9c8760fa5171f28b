"""The autosave: what the clerk has typed in a minute, stored in one short transaction.

It runs every half second while the clerk types, so it is lean: one query checks that this
app holds the meeting, that the notes are not signed and that the minute is the meeting's;
then the minute's paragraphs are replaced whole (see ``minute_text``), unless they are
unchanged. With ``base_version`` (the version the window read), a minute changed in another
window since is refused (MinuteChanged) and the text typed stays in the window."""

from __future__ import annotations

from sqlmodel import select

from ..body import Para, numbers_paragraphs, parse
from ..errors import NotFound
from ..models import LiveSession, Meeting, MeetingStatus, Minute
from ..storage import Store
from .common import clean_text, ensure_editable
from .live_lock import Holder, MeetingLocked
from .minute_text import Saved, replace_paragraphs_in


def save_body(store: Store, meeting_id: int, holder: Holder, minute_id: int, text: str,
              numbered: bool | None = None, base_version: int | None = None) -> Saved:
    """Store the minute's text (parsed into paragraphs, see ``clerk.body``); false when unchanged.
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

        def wanted(current: list[Para]) -> list[Para]:
            numbers = numbers_paragraphs(current) if numbered is None else numbered
            return [Para(p.kind, p.text.strip(), p.numbered) for p in parse(clean_text(text), numbers) if p.text.strip()]

        return replace_paragraphs_in(session, minute_id, wanted, base_version)
