"""Signing notes: approval at a later meeting freezes their text and numbers under a content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlmodel import Session, select

from ..errors import FrozenRecord, InvalidInput
from ..models import Action, Attendance, Meeting, MeetingStatus, Minute, Paragraph, SignOff
from ..storage import Store
from .common import get, lock_committee, long_date


def content_of(session: Session, meeting_id: int) -> dict:
    """Everything the signed record consists of, in a canonical form."""
    minutes = session.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(Minute.seq, Minute.id)).all()
    out = []
    for m in minutes:
        paras = session.exec(select(Paragraph).where(Paragraph.minute_id == m.id).order_by(Paragraph.position, Paragraph.id)).all()
        acts = session.exec(select(Action).where(Action.minute_id == m.id).order_by(Action.position, Action.id)).all()
        out.append({
            "number": m.number, "series": m.series, "title": m.title, "item": m.agenda_item_id,
            "state": str(m.state), "restricted": m.restricted, "exempt": m.exempt_paragraph,
            "paragraphs": [[str(p.kind), p.numbered, p.text] for p in paras],
            "actions": [[a.description, a.owner_name, a.owner_person_id, a.due_date.isoformat() if a.due_date else None] for a in acts],
        })
    attendance = session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(Attendance.id)).all()
    return {
        "meeting": meeting_id,
        "minutes": out,
        "attendance": [[a.person_id, str(a.status), a.role, a.in_chair, a.substitute_for_id] for a in attendance],
    }


def content_hash(session: Session, meeting_id: int) -> str:
    blob = json.dumps(content_of(session, meeting_id), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def sign_in(session: Session, meeting_id: int, *, approved_at_meeting_id: int | None = None,
            approved_on: dt.date | None = None, amendments: str = "") -> SignOff:
    meeting = get(session, Meeting, meeting_id, "meeting")
    lock_committee(session, meeting.committee_id)
    session.refresh(meeting)
    if meeting.status == MeetingStatus.SIGNED.value:
        raise FrozenRecord(f"The notes of {long_date(meeting.date)} are already signed.")
    if meeting.status in (MeetingStatus.CANCELLED.value, MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value):
        raise InvalidInput(f"The meeting of {long_date(meeting.date)} has not been held; there are no notes to sign.")
    if approved_at_meeting_id is not None:
        later = get(session, Meeting, approved_at_meeting_id, "meeting")
        if later.date <= meeting.date:
            raise InvalidInput("Notes are approved at a later meeting.")
        approved_on = approved_on or later.date
    signoff = SignOff(
        meeting_id=meeting.id, approved_at_meeting_id=approved_at_meeting_id,
        approved_on=approved_on or dt.date.today(), amendments=amendments,
        content_hash=content_hash(session, meeting.id), signed_at=dt.datetime.now(dt.UTC),
    )
    meeting.status = MeetingStatus.SIGNED
    session.add(meeting)
    session.add(signoff)
    session.flush()
    return signoff


def sign(store: Store, meeting_id: int, **kw) -> SignOff:
    with store.write() as session:
        return sign_in(session, meeting_id, **kw)
