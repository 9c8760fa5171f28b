"""Signing notes: approval at a later meeting freezes their text and numbers under a content hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlmodel import Session, col, select

from ..errors import ClerkError, FrozenRecord, InvalidInput
from ..ids import id_of
from ..listing import frozen_numbers
from ..live.lock import Holder, MeetingLocked, held_elsewhere, holder_of
from ..models import (
    Action,
    Attachment,
    Attendance,
    Committee,
    Declaration,
    Meeting,
    MeetingStatus,
    Minute,
    Paragraph,
    SignOff,
    Vote,
)
from ..storage import Store
from ..wording import approval_wording, long_date
from .common import get, lock_committee


def content_of(session: Session, meeting_id: int) -> dict[str, Any]:
    """Everything the signed record consists of, in a canonical form."""
    minutes = session.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(col(Minute.seq), col(Minute.id))).all()
    out = []
    for m in minutes:
        paras = session.exec(
            select(Paragraph).where(Paragraph.minute_id == m.id).order_by(col(Paragraph.position), col(Paragraph.id))
        ).all()
        acts = session.exec(select(Action).where(Action.minute_id == m.id).order_by(col(Action.position), col(Action.id))).all()
        votes = session.exec(select(Vote).where(Vote.minute_id == m.id).order_by(col(Vote.position), col(Vote.id))).all()
        files = session.exec(select(Attachment).where(Attachment.minute_id == m.id).order_by(col(Attachment.id))).all()
        out.append(
            {
                "number": m.number,
                "series": m.series,
                "title": m.title,
                "item": m.agenda_item_id,
                "state": str(m.state),
                "restricted": m.restricted,
                "exempt": m.exempt_paragraph,
                "paragraphs": [[str(p.kind), p.numbered, p.text] for p in paras],
                "actions": [
                    [a.description, a.owner_name, a.owner_person_id, a.due_date.isoformat() if a.due_date else None] for a in acts
                ],
                "votes": [
                    [v.motion, v.votes_for, v.votes_against, v.abstentions, v.named_for, v.named_against, v.named_abstaining]
                    + ([v.outcome, v.casting] if v.outcome or v.casting else [])
                    for v in votes
                ],
                "attachments": [[f.filename, f.sha256, f.superseded] for f in files],
            }
        )
    attendance = session.exec(select(Attendance).where(Attendance.meeting_id == meeting_id).order_by(col(Attendance.id))).all()
    declarations = session.exec(
        select(Declaration).where(Declaration.meeting_id == meeting_id).order_by(col(Declaration.id))
    ).all()
    return {
        "meeting": meeting_id,
        "minutes": out,
        "attendance": [
            [
                a.person_id,
                str(a.status),
                a.role,
                a.in_chair,
                a.substitute_for_id,
                a.arrived_minute_id,
                str(a.arrived_at),
                a.left_minute_id,
                str(a.left_at),
            ]
            for a in attendance
        ],
        # the nature's restriction, the kind and what the member did are kept only when set, so
        # earlier signed records hash as they did (votes' outcomes likewise)
        "declarations": [
            [d.member_name, d.person_id, d.agenda_item_id, d.minute_id, d.nature]
            + (["restricted"] if d.nature_restricted else [])
            + ([d.interest, d.participation] if d.interest or d.participation else [])
            for d in declarations
        ],
    }


def content_hash(session: Session, meeting_id: int) -> str:
    blob = json.dumps(content_of(session, meeting_id), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def signing_refusal(session: Session, meeting: Meeting, holder: Holder | None = None) -> ClerkError | None:
    """The sign-off rule, for every path (``clerk approve``, A3 in the live screen, the services):
    notes are signed once, after their meeting has ended, and never while a clerk window other
    than ``holder`` has that meeting open live. None when they may be signed now."""
    when = long_date(meeting.date)
    if meeting.status == MeetingStatus.SIGNED.value:
        return FrozenRecord(f"The notes of {when} are already signed.")
    if meeting.status in (MeetingStatus.CANCELLED.value, MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value):
        return InvalidInput(f"The meeting of {when} has not been held; there are no notes to sign.")
    row = held_elsewhere(session, id_of(meeting), holder)
    if meeting.status == MeetingStatus.IN_PROGRESS.value:
        if row is not None:
            return MeetingLocked(
                f"The meeting of {when} is still being minuted in another clerk window ({holder_of(row)}); "
                "its notes can be signed once it has ended there."
            )
        return InvalidInput(f"The meeting of {when} has not ended; end it in the live screen before its notes are signed.")
    if row is not None:
        return MeetingLocked(
            f"The notes of {when} are open for minuting in another clerk window ({holder_of(row)}); "
            "close them there before they are signed."
        )
    return None


def sign_in(
    session: Session,
    meeting_id: int,
    *,
    approved_at_meeting_id: int | None = None,
    approved_on: dt.date | None = None,
    amendments: str = "",
    store: Store | None = None,
    holder: Holder | None = None,
) -> SignOff:
    meeting = get(session, Meeting, meeting_id, "meeting")
    lock_committee(session, meeting.committee_id)  # a live window opening the meeting waits for this
    session.refresh(meeting)
    refusal = signing_refusal(session, meeting, holder)
    if refusal is not None:
        raise refusal
    if approved_at_meeting_id is not None:
        later = get(session, Meeting, approved_at_meeting_id, "meeting")
        if later.date <= meeting.date:
            raise InvalidInput("Notes are approved at a later meeting.")
        approved_on = approved_on or later.date
    signoff = SignOff(
        meeting_id=id_of(meeting),
        approved_at_meeting_id=approved_at_meeting_id,
        approved_on=approved_on or dt.date.today(),
        amendments=amendments,
        content_hash=content_hash(session, id_of(meeting)),
        signed_at=dt.datetime.now(dt.UTC),
    )
    meeting.status = MeetingStatus.SIGNED
    session.add(meeting)
    session.add(signoff)
    session.flush()
    if store is not None:  # freeze the notes as they now read, for every later export
        freeze_in(session, store, signoff)
        session.flush()
    return signoff


def freeze_in(session: Session, store: Store, signoff: SignOff) -> None:
    """Keep the notes of ``signoff`` as they now read, full and public, and the minute numbers
    they were signed with (what lists show, without reading the whole copy)."""
    from ..documents.notes import notes_in
    from ..documents.snapshot import dump
    from ..listing import frozen_range

    signoff.snapshot_full = dump(notes_in(session, store, signoff.meeting_id, public=False))
    signoff.snapshot_public = dump(notes_in(session, store, signoff.meeting_id, public=True))
    session.add(signoff)
    meeting = get(session, Meeting, signoff.meeting_id, "meeting")
    meeting.signed_minutes = frozen_range(signoff.snapshot_full)
    session.add(meeting)


def sign(store: Store, meeting_id: int, **kw: Any) -> SignOff:
    with store.write() as session:
        return sign_in(session, meeting_id, store=store, **kw)


def approve_previous_in(
    session: Session, store: Store, meeting_id: int, amendments: str = "", *, holder: Holder | None = None
) -> tuple[SignOff, Meeting, str]:
    """At meeting ``meeting_id`` (item A3), approve the notes of the committee's previous held
    meeting: record the amendments (already made to the text), sign and freeze them. Returns the
    sign-off, the meeting signed and the resolution's wording. ``holder``: the live window that
    holds meeting ``meeting_id`` and approves from it (see ``clerk.live``)."""
    from .agenda_standard import previous_meeting
    from .common import clean_text

    amendments = clean_text(amendments).strip()
    meeting = get(session, Meeting, meeting_id, "meeting")
    committee = get(session, Committee, meeting.committee_id, "committee")
    previous = previous_meeting(session, meeting)
    if previous is None:
        raise InvalidInput(f"There is no meeting before {long_date(meeting.date)} whose notes could be approved.")
    signoff = sign_in(
        session,
        id_of(previous),
        approved_at_meeting_id=meeting.id,
        approved_on=meeting.date,
        amendments=amendments,
        store=store,
        holder=holder,
    )
    return signoff, previous, approval_wording(long_date(previous.date), committee.chair_title, amendments)


def approve_previous(store: Store, meeting_id: int, amendments: str = "") -> tuple[SignOff, str]:
    """``clerk approve``: the previous notes approved at meeting ``meeting_id``, signed and
    frozen; the sign-off and the resolution's wording."""
    with store.write() as session:
        signoff, _previous, wording = approve_previous_in(session, store, meeting_id, amendments)
        return signoff, wording


def freeze_unfrozen(store: Store) -> int:
    """Give signed notes that have no frozen copy (signed before clerk kept one) their copy,
    as they read now; later changes elsewhere (a member's name) then leave them alone.
    Returns how many were frozen; when there are none, nothing is written."""
    unfrozen = (
        select(SignOff)
        .join(Meeting, col(Meeting.id) == SignOff.meeting_id)
        .where(Meeting.status == MeetingStatus.SIGNED.value, SignOff.snapshot_full == "")
    )
    with store.read() as session:
        if session.exec(unfrozen).first() is None:
            return 0
    with store.write() as session:
        rows = session.exec(unfrozen).all()
        for signoff in rows:
            freeze_in(session, store, signoff)
        return len(rows)


def tamper_warnings(
    store: Store,
    meeting_ids: list[int] | None = None,
    *,
    committee_id: int | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[str]:
    """For signed notes about to be exported (these meetings, or a committee's from ``start`` to
    ``end``): a loud sentence for each whose stored text no longer matches its content hash,
    which only a direct edit of the database can cause. The export itself uses the frozen copy."""
    with store.read() as session:
        q = (
            select(Meeting, SignOff)
            .join(SignOff, col(SignOff.meeting_id) == Meeting.id)
            .where(Meeting.status == MeetingStatus.SIGNED.value)
        )
        if meeting_ids is not None:
            q = q.where(col(Meeting.id).in_(meeting_ids))
        if committee_id is not None:
            q = q.where(Meeting.committee_id == committee_id)
        if start is not None and end is not None:
            q = q.where(Meeting.date >= start, Meeting.date <= end)
        return [
            f"WARNING: the stored text of the signed notes of {long_date(m.date)} no longer matches what was signed "
            "(the database has been changed directly); they are exported as signed, from the copy frozen at signing."
            for m, so in session.exec(q.order_by(col(Meeting.date), col(Meeting.id))).all()
            if so.content_hash and content_hash(session, id_of(m)) != so.content_hash
        ]


def frozen_labels(session: Session, meeting_ids: list[int]) -> dict[int, list[str]]:
    """The minute numbers of signed notes as they were printed when signed ("64", "12/14"), in
    the order taken, by meeting; a later change of the committee's number format leaves them."""
    if not meeting_ids:
        return {}
    rows = session.exec(
        select(SignOff.meeting_id, SignOff.snapshot_full)
        .join(Meeting, col(Meeting.id) == SignOff.meeting_id)
        .where(col(SignOff.meeting_id).in_(meeting_ids), Meeting.status == MeetingStatus.SIGNED.value)
    ).all()
    return {meeting_id: frozen_numbers(frozen) for meeting_id, frozen in rows if frozen}


def signoff_of(store: Store, meeting_id: int) -> SignOff | None:
    with store.read() as session:
        return session.exec(select(SignOff).where(SignOff.meeting_id == meeting_id)).first()
