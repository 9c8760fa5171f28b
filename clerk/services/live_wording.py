"""The words a clerk writes again and again, generated from the record and left editable:
apologies (A1), declarations (A2), approving the previous notes (A3), the date of the
next meeting (C1), the Vice-Chairman in the Chair, the resolution to exclude the press
and public, and the sentence for an item withdrawn or deferred."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import Session, col, select

from ..ids import id_of
from ..models import (
    AgendaItem,
    AttendanceStatus,
    Committee,
    Declaration,
    Meeting,
    MeetingStatus,
    Minute,
    Paragraph,
    ParagraphKind,
)
from ..wording import (  # the sentences themselves: one house style
    AN_INTEREST,
    APOLOGIES_START,
    INTERESTS,
    NO_APOLOGIES,
    NO_DECLARATIONS,
    apologies_sentence,
    approval_wording,
    declaration_sentence,
    exclusion_wording,
    long_date,
    vice_chair_sentences,
)
from ..wording_meetings import meetings_in_year, next_meeting_resolution, next_meeting_when
from .agenda import APOLOGIES, DECLARATIONS, NEXT_MEETING, PREVIOUS_NOTES
from .agenda_rows import EXCLUSION, AgendaRow, rows_of
from .agenda_standard import meetings_after, next_meeting, previous_meeting
from .attendance import attendance_rows
from .common import get

KINDS = "|".join(re.escape(k) for k in (AN_INTEREST, *INTERESTS.values()))
DECLARED = re.compile(rf"^.+ declared ({KINDS}) in (Item |the business of the meeting)")


@dataclass(frozen=True)
class Wording:
    title: str
    body: str


def apologies_text(session: Session, meeting_id: int) -> str:
    rows = attendance_rows(session, meeting_id)
    sent = [r.name for r in rows if r.status is AttendanceStatus.APOLOGIES]
    subs = [r for r in rows if r.status is AttendanceStatus.SUBSTITUTE and r.substitute_for]
    return apologies_sentence(sent, [(r.name, r.substitute_for) for r in subs])


def restricted_minute_ids(session: Session, meeting_id: int) -> set[int]:
    ids = session.exec(select(col(Minute.id)).where(Minute.meeting_id == meeting_id, Minute.restricted == True))  # noqa: E712
    return {mid for mid in ids.all() if mid is not None}


def declarations_text(session: Session, meeting_id: int) -> str:
    """The Declarations minute (A2): every declaration not made inside a restricted minute
    (those are restricted with it), each once."""
    meeting = get(session, Meeting, meeting_id, "meeting")
    private = restricted_minute_ids(session, meeting_id)
    decls = [
        d
        for d in session.exec(select(Declaration).where(Declaration.meeting_id == meeting_id).order_by(col(Declaration.id))).all()
        if d.minute_id not in private
    ]
    if not decls:
        return NO_DECLARATIONS
    codes = {r.id: r for r in rows_of(session, id_of(meeting))}
    out = []
    for d in decls:
        sentence = declaration_sentence(d, codes.get(d.agenda_item_id) if d.agenda_item_id else None)
        if sentence not in out:
            out.append(sentence)
    return "\n\n".join(out)


def is_generated(text: str) -> bool:
    """True when a paragraph is one clerk wrote from the attendance or declarations (and
    may be written again when they change)."""
    return (
        text.startswith(APOLOGIES_START)
        or text in (NO_APOLOGIES, NO_DECLARATIONS)
        or bool(DECLARED.match(text))
        or text.endswith("declared an interest in the business of the meeting.")
    )


def _date_in_title(title: str) -> str | None:
    m = re.search(r"held on (.+)$", title)
    return m.group(1).strip() if m else None


def previous_notes_date(session: Session, meeting: Meeting, item: AgendaItem | None) -> str:
    """The date the A3 item speaks of: the previous meeting in clerk, or the date in its title."""
    previous = previous_meeting(session, meeting)
    if previous is not None:
        return long_date(previous.date)
    return (_date_in_title(item.title) if item else None) or "⟨date⟩"


def signable_previous(session: Session, meeting: Meeting) -> Meeting | None:
    """The previous meeting, when its notes are held and not yet signed."""
    previous = previous_meeting(session, meeting)
    if previous is not None and previous.status in (MeetingStatus.HELD.value, MeetingStatus.IN_PROGRESS.value):
        return previous
    return None


def next_meeting_title(session: Session, meeting: Meeting, item: AgendaItem) -> str:
    later = next_meeting(session, meeting)
    if later is None or " - " in item.title:
        return item.title
    when = next_meeting_when(later.date, later.start_time)
    return f"{item.title} - {when}"


def next_meeting_text(session: Session, meeting: Meeting, body_noun: str) -> str:
    """C1: the resolution noting the date of the next meeting (its date is in the title), and
    every date of next year's meetings when they are set beyond the next one."""
    year = meeting.date.year + 1
    listed = [m for m in meetings_after(session, meeting) if m.date.year == year]
    later = next_meeting(session, meeting)
    if not listed or [m.id for m in listed] == [later.id if later else None]:
        return next_meeting_resolution(body_noun)
    dates = meetings_in_year(year, [(m.date, m.start_time) for m in listed])
    return f"{dates}\n\n{next_meeting_resolution(body_noun, year)}"


def restricted_to_come(session: Session, meeting_id: int) -> list[AgendaRow]:
    """The restricted items of the agenda not yet minuted, in agenda order."""
    minuted = set(session.exec(select(Minute.agenda_item_id).where(Minute.meeting_id == meeting_id)).all())
    rows = rows_of(session, meeting_id)
    return [r for r in rows if r.restricted and not r.is_sub_item and r.id not in minuted]


def exclusion_paragraphs(session: Session, meeting_id: int) -> list[int]:
    """The Schedule 12A paragraphs of the restricted items still to come (each once, in order)."""
    return sorted({r.exempt_paragraph for r in restricted_to_come(session, meeting_id) if r.exempt_paragraph})


def exclusion_text(session: Session, meeting_id: int, typed: int | None = None) -> str:
    """The resolution to exclude the press and public for the restricted item (or items) still
    to come, under their paragraphs (``typed`` when the clerk gave one)."""
    committee = get(session, Committee, get(session, Meeting, meeting_id, "meeting").committee_id, "committee")
    items = max(1, len(restricted_to_come(session, meeting_id)))
    return exclusion_wording(committee, [typed] if typed else exclusion_paragraphs(session, meeting_id), items)


def for_item(session: Session, meeting: Meeting, item: AgendaItem) -> Wording:
    """The title and standard wording a minute of this item starts with ("" when none)."""
    committee = get(session, Committee, meeting.committee_id, "committee")
    if item.standard == APOLOGIES:
        return Wording(item.title, apologies_text(session, id_of(meeting)))
    if item.standard == DECLARATIONS:
        return Wording(item.title, declarations_text(session, id_of(meeting)))
    if item.standard == PREVIOUS_NOTES:
        date = previous_notes_date(session, meeting, item)
        return Wording(item.title, approval_wording(date, committee.chair_title))
    if item.standard == NEXT_MEETING:
        return Wording(next_meeting_title(session, meeting, item), next_meeting_text(session, meeting, committee.body_noun))
    if item.standard == EXCLUSION:
        return Wording(item.title, exclusion_text(session, id_of(meeting), item.exempt_paragraph))
    return Wording(item.title, "")


def vice_chair_in_the_chair(committee: Committee) -> Wording:
    return Wording(*vice_chair_sentences(committee.chair_title, committee.vice_chair_title))


def for_title(committee: Committee, title: str) -> str:
    """The standard wording of a minute with no agenda item, known by its title (today the
    "Vice-Chairman in the Chair" sentence); "" for any other title."""
    words = vice_chair_in_the_chair(committee)
    return words.body if title.strip().casefold() == words.title.casefold() else ""


def refresh_generated(session: Session, minute: Minute, text: str) -> bool:
    """Rewrite the generated paragraphs at the top of a minute (apologies, declarations)
    with ``text``, keeping whatever the clerk wrote after them. False when unchanged."""
    paras = list(
        session.exec(
            select(Paragraph).where(Paragraph.minute_id == minute.id).order_by(col(Paragraph.position), col(Paragraph.id))
        ).all()
    )
    keep = [p for p in paras if not (p.kind == ParagraphKind.TEXT.value and is_generated(p.text))]
    generated = [p.text for p in paras if p not in keep]
    new = [t for t in text.split("\n\n") if t.strip()]
    if generated == new:
        return False
    for p in paras:
        session.delete(p)
    session.flush()
    position = 0
    for t in new:
        session.add(Paragraph(minute_id=id_of(minute), position=position, kind=ParagraphKind.TEXT, numbered=True, text=t))
        position += 1
    for p in keep:
        session.add(Paragraph(minute_id=id_of(minute), position=position, kind=p.kind, numbered=p.numbered, text=p.text))
        position += 1
    session.flush()
    return True
