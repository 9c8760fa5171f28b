"""Signing notes: approval at a later meeting freezes their text and numbers under a content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlmodel import Session, select

from ..errors import FrozenRecord, InvalidInput
from ..models import Action, Attachment, Attendance, Committee, Declaration, Meeting, MeetingStatus, Minute, Paragraph, SignOff, Vote
from ..storage import Store
from .common import get, lock_committee, long_date


def content_of(session: Session, meeting_id: int) -> dict:
    """Everything the signed record consists of, in a canonical form."""
    minutes = session.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(Minute.seq, Minute.id)).all()
    out = []
    for m in minutes:
        paras = session.exec(select(Paragraph).where(Paragraph.minute_id == m.id).order_by(Paragraph.position, Paragraph.id)).all()
        acts = session.exec(select(Action).where(Action.minute_id == m.id).order_by(Action.position, Action.id)).all()
        votes = session.exec(select(Vote).where(Vote.minute_id == m.id).order_by(Vote.position, Vote.id)).all()
        files = session.exec(select(Attachment).where(Attachment.minute_id == m.id).order_by(Attachment.id)).all()
        out.append({
            "number": m.number, "series": m.series, "title": m.title, "item": m.agenda_item_id,
            "state": str(m.state), "restricted": m.restricted, "exempt": m.exempt_paragraph,
            "paragraphs": [[str(p.kind), p.numbered, p.text] for p in paras],
            "actions": [[a.description, a.owner_name, a.owner_person_id, a.due_date.isoformat() if a.due_date else None] for a in acts],
            "votes": [[v.motion, v.votes_for, v.votes_against, v.abstentions, v.named_for, v.named_against, v.named_abstaining] for v in votes],
            "attachments": [[f.filename, f.sha256, f.superseded] for f in files],
        })
    attendance = session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(Attendance.id)).all()
    declarations = session.exec(select(Declaration).where(Declaration.meeting_id == meeting_id).order_by(Declaration.id)).all()
    return {
        "meeting": meeting_id,
        "minutes": out,
        "attendance": [[a.person_id, str(a.status), a.role, a.in_chair, a.substitute_for_id,
                        a.arrived_minute_id, str(a.arrived_at), a.left_minute_id, str(a.left_at)] for a in attendance],
        # the nature's restriction is kept only when set, so earlier signed records hash as they did
        "declarations": [[d.member_name, d.person_id, d.agenda_item_id, d.minute_id, d.nature] + (["restricted"] if d.nature_restricted else [])
                         for d in declarations],
    }


def content_hash(session: Session, meeting_id: int) -> str:
    blob = json.dumps(content_of(session, meeting_id), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def sign_in(session: Session, meeting_id: int, *, approved_at_meeting_id: int | None = None,
            approved_on: dt.date | None = None, amendments: str = "", store: Store | None = None) -> SignOff:
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
    if store is not None:  # freeze the notes as they now read, for every later export
        from ..documents.notes import notes_in
        from ..documents.snapshot import dump

        signoff.snapshot_full = dump(notes_in(session, store, meeting.id, public=False))
        signoff.snapshot_public = dump(notes_in(session, store, meeting.id, public=True))
        session.add(signoff)
        session.flush()
    return signoff


def sign(store: Store, meeting_id: int, **kw) -> SignOff:
    with store.write() as session:
        return sign_in(session, meeting_id, store=store, **kw)


def approval_wording(previous_date: dt.date, chair_title: str = "Chairman", amendments: str = "") -> str:
    """The A3 resolution: the seed's words, with the amendments when there are some."""
    subject = f", subject to {amendments.strip().rstrip('.')}," if amendments.strip() else ""
    return (f"RESOLVED that{subject} the notes of the meeting held on {long_date(previous_date)} were a correct record "
            f"and that they be signed by the {chair_title}.")


def approve_previous(store: Store, meeting_id: int, amendments: str = "") -> tuple[SignOff, str]:
    """At meeting ``meeting_id`` (item A3), approve the notes of the committee's previous held
    meeting: record the amendments (already made to the text), sign and freeze them, and
    return the sign-off with the resolution's wording."""
    from .agenda import previous_meeting
    from .common import clean_text

    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        previous = previous_meeting(session, meeting)
        if previous is None:
            raise InvalidInput(f"There is no meeting before {long_date(meeting.date)} whose notes could be approved.")
        amendments = clean_text(amendments).strip()
        signoff = sign_in(session, previous.id, approved_at_meeting_id=meeting.id, approved_on=meeting.date,
                          amendments=amendments, store=store)
        return signoff, approval_wording(previous.date, committee.chair_title, amendments)


def signoff_of(store: Store, meeting_id: int) -> SignOff | None:
    with store.read() as session:
        return session.exec(select(SignOff).where(SignOff.meeting_id == meeting_id)).first()
