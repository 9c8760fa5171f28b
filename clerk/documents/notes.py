"""The notes of a meeting, full or public, and the bound volume of a committee's notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlmodel import Session, col, select

from ..body import Para
from ..errors import InvalidInput
from ..ids import id_of
from ..models import Attachment, Committee, Meeting, MeetingStatus, Minute, Paragraph, ParagraphKind, SignOff
from ..numbering import Scheme
from ..services.agenda import APOLOGIES
from ..services.attendance import attendance_rows
from ..services.common import get
from ..storage import Store
from ..wording import approved_line, day_date, exempt_sentence, join_and, long_date, private_session_intro
from .blocks import MeetingRecord, grouped
from .model import Appendix, Heading, MinuteBlock, NotesDoc, VolumeDoc, missing_value
from .people import attendance_lines
from .render import minute_block

RESTRICTED_MARK = "RESTRICTED – NOT FOR PUBLICATION"


def build_notes(store: Store, meeting_id: int, *, public: bool = False) -> NotesDoc:
    with store.read() as session:
        return notes_in(session, store, meeting_id, public=public)


def notes_in(session: Session, store: Store, meeting_id: int, *, public: bool) -> NotesDoc:
    meeting = get(session, Meeting, meeting_id, "meeting")
    signoff = session.exec(select(SignOff).where(SignOff.meeting_id == meeting_id)).first()
    frozen = signoff and (signoff.snapshot_public if public else signoff.snapshot_full)
    if meeting.status == MeetingStatus.SIGNED.value and frozen:
        from .snapshot import load

        return _files_of_signed(session, store, load(frozen))  # signed notes read as they were signed
    record = MeetingRecord(session, meeting_id, public=public)
    committee, scheme, minutes, by_item = record.committee, record.scheme, record.minutes, record.by_item
    paragraphs = grouped(session, Paragraph, [id_of(m) for m in minutes])
    apologies_minuted = any(m.agenda_item_id and by_item[m.agenda_item_id].standard == APOLOGIES for m in minutes)
    loose = [d for d in record.declarations if record.placed[id_of(d)] is None]
    blocks: list[MinuteBlock | Heading] = [Heading("UNRESTRICTED ITEMS")]
    in_private = False
    private_count = sum(1 for m in minutes if m.restricted)
    for m in minutes:
        if m.restricted and not in_private:
            omitted = private_count if public and committee.public_restricted == "omit" else None
            blocks.append(Heading("PRIVATE SESSION", private_session_intro(committee.body_noun, omitted)))
            in_private = True
        elif not m.restricted and in_private:
            blocks.append(Heading("UNRESTRICTED ITEMS", "The meeting returned to open session."))
            in_private = False
        label = record.label(m)
        if public and m.restricted:
            if committee.public_restricted == "omit":
                continue
            para = m.exempt_paragraph or (by_item[m.agenda_item_id].exempt_paragraph if m.agenda_item_id in by_item else None)
            if not para:
                raise InvalidInput(
                    f"Minute {label} ({m.title}) is restricted but has no Schedule 12A paragraph; "
                    "give it one (F8 in the live screen) before exporting the public notes."
                )
            blocks.append(MinuteBlock(label, m.title, record.item_ref(m), exempt=exempt_sentence(para), restricted=True))
            continue
        paras = [Para(ParagraphKind(p.kind), p.text, p.numbered) for p in paragraphs.get(id_of(m), [])]
        block = minute_block(record.source(m), paras)
        missing_value(
            f"Minute {label} ({m.title})", [block.title, *(p.text for p in block.paragraphs), *block.lines_after, *block.actions]
        )
        blocks.append(block)
    attendance = attendance_lines(attendance_rows(session, meeting_id), committee, apologies_minuted=apologies_minuted)
    if loose:
        said = [record.sentence[id_of(d)] for d in loose]
        one_each = not any(d.participation for d in loose)  # one sentence each: joined as a list, as before
        attendance.append(
            ("DECLARATIONS OF INTEREST", join_and([s.rstrip(".") for s in said]) + "." if one_each else " ".join(said))
        )
    signed_off = signoff if meeting.status == MeetingStatus.SIGNED.value else None
    signed = signed_off is not None
    approved = ""
    if signed_off is not None:
        approved = approved_line(signed_off.approved_on, signed_off.amendments)
    marks = [] if signed else ["DRAFT"]
    if not public and any(m.restricted for m in minutes):
        marks.append(RESTRICTED_MARK)
    venue = _held_in(meeting.venue)
    return NotesDoc(
        organisation=committee.organisation,
        committee=committee.name.upper(),
        opening=f"{committee.minutes_word} of a meeting of the {committee.name}{venue} on {day_date(meeting.date)}.",
        attendance=tuple(attendance),
        blocks=tuple(blocks),
        appendices=tuple(_appendices(session, store, minutes, public, scheme)),
        chair_title=committee.chair_title,
        public=public,
        draft=not signed,
        approved=approved,
        content_hash=signed_off.content_hash if signed_off is not None else "",
        title=f"{committee.name}: {committee.minutes_word.capitalize()} of {long_date(meeting.date)}"
        + (" (public version)" if public else ""),
        meeting_date=meeting.date,
        signed_at=signed_off.signed_at if signed_off is not None else None,
        template=Path(committee.template_path) if committee.template_path else None,
        paper=committee.paper_size,
        marks=tuple(marks),
    )


def _held_in(venue: str) -> str:
    """held in the Medway Room, … / held online / held in the Council Chamber."""
    v = venue.strip()
    if not v:
        return " held"
    if v.lower() in ("online", "virtually", "remotely"):
        return f" held {v.lower()}"
    return f" held in {v}" if v.lower().startswith("the ") else f" held in the {v}"


def _appendices(session: Session, store: Store, minutes: list[Minute], public: bool, scheme: Scheme) -> list[Appendix]:
    from ..blobs import bytes_in, cache_folder, file_in
    from ..services.content import attachment_suffix

    shown = [m for m in minutes if not (public and m.restricted)]
    attached: dict[int | None, list[Attachment]] = {}
    if shown:  # one query for the meeting, not one a minute
        for row in session.exec(
            select(Attachment)
            .where(col(Attachment.minute_id).in_([id_of(m) for m in shown]), Attachment.superseded == False)  # noqa: E712
            .order_by(col(Attachment.id))
        ).all():
            attached.setdefault(row.minute_id, []).append(row)
    out = []
    for m in shown:
        for a in attached.get(m.id, []):
            kind = {"md": "text", "txt": "text", "docx": "docx", "pdf": "pdf"}.get(a.content_type, "other")
            lines: tuple[str, ...] = ()
            path = None
            if kind == "text":
                data = bytes_in(session, a.sha256)
                if data is None:
                    kind, lines = "other", (f"(The attached file {a.filename} could not be read.)",)
                else:
                    lines = tuple(data.decode("utf-8", errors="replace").splitlines())
            elif kind in ("docx", "pdf"):
                path = file_in(session, cache_folder(store), a.sha256, attachment_suffix(a))
            out.append(Appendix(f"Minute Item {scheme.format(m.number, m.series)}", a.filename, kind, lines, path, a.sha256))
    return out


def _files_of_signed(session: Session, store: Store, notes: NotesDoc) -> NotesDoc:
    """Signed notes name their appended files by hash (older ones by the kept file's name);
    the working copy comes from the database on this machine."""
    from ..blobs import cache_folder, file_in

    appendices = []
    for a in notes.appendices:
        digest = a.sha256 or (a.path.stem if a.path is not None else "")
        if a.kind in ("docx", "pdf") and len(digest) == 64:
            a = dataclasses.replace(a, path=file_in(session, cache_folder(store), digest, f".{a.kind}"), sha256=digest)
        appendices.append(a)
    return dataclasses.replace(notes, appendices=tuple(appendices))


def build_volume(store: Store, committee_id: int, start: dt.date, end: dt.date, *, public: bool = False) -> VolumeDoc:
    """Every minuted meeting of the committee from ``start`` to ``end``, in order."""
    with store.read() as session:
        committee = get(session, Committee, committee_id, "committee")
        meetings = session.exec(
            select(Meeting)
            .where(Meeting.committee_id == committee_id, Meeting.date >= start, Meeting.date <= end)
            .order_by(col(Meeting.date), col(Meeting.start_time), col(Meeting.id))
        ).all()
        minuted = {row for row in session.exec(select(Minute.meeting_id).where(Minute.committee_id == committee_id)).all()}
        notes = tuple(
            notes_in(session, store, m.id, public=public)
            for m in meetings
            if m.id in minuted and m.status != MeetingStatus.CANCELLED.value
        )
        return VolumeDoc(
            committee=committee.name,
            organisation=committee.organisation,
            title=f"{committee.minutes_word.capitalize()} of meetings, {long_date(start)} to {long_date(end)}",
            notes=notes,
            public=public,
            template=Path(committee.template_path) if committee.template_path else None,
            paper=committee.paper_size,
        )
