"""The live meeting's reads of its standard wording: the resolution to exclude the press and
public before a restricted item, the sentence for an item withdrawn or deferred, and the A3
minute worded to say the previous notes were approved."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from ..body import Para, parse
from ..ids import id_of
from ..models import AgendaItem, Committee, Meeting
from ..services import live_wording as wording
from ..services.agenda import PREVIOUS_NOTES
from ..services.agenda_rows import EXCLUSION
from ..services.agenda_standard import next_meeting
from ..services.common import get
from ..services.content import content_in, set_paragraphs_in
from ..wording import approval_wording, exempt_paragraph, long_date
from ..wording import state_sentence as state_wording
from ..wording_meetings import next_meeting_when
from .lock import live_row
from .write import item_minute


@dataclass(frozen=True)
class ExclusionOffer:
    paragraphs: tuple[int, ...]  # the Schedule 12A paragraphs of the restricted items to come (none given: empty)
    wording: str


def committee_in(session: Session, meeting_id: int) -> Committee:
    return get(session, Committee, get(session, Meeting, meeting_id, "meeting").committee_id, "committee")


def exclusion_offer_in(session: Session, meeting_id: int, item_id: int | None = None) -> ExclusionOffer | None:
    """The resolution to exclude the press and public for the restricted items still to come,
    with their paragraphs: before a restricted item is taken in public session (None when no
    resolution is needed), or (no ``item_id``) when the clerk asks for the private session."""
    live = live_row(session, meeting_id)
    if live and live.private:
        return None
    if item_id is not None:
        item = get(session, AgendaItem, item_id, "agenda item")
        if not item.restricted or item_minute(session, item_id) is not None:
            return None
    paragraphs = tuple(wording.exclusion_paragraphs(session, meeting_id))
    return ExclusionOffer(paragraphs, wording.exclusion_text(session, meeting_id))


def exclusion_item_in(session: Session, meeting_id: int) -> AgendaItem | None:
    """The agenda's "Exclusion of the press and public" item, when it is not minuted yet."""
    items = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.standard == EXCLUSION)).all()
    return next((i for i in items if item_minute(session, id_of(i)) is None), None)


def private_paragraph_in(session: Session, meeting_id: int, typed: str, *, needed: bool) -> tuple[int | None, int | None]:
    """(the paragraph typed, the one the private session keeps for minutes with none of their
    own). A paragraph is needed only when no restricted item to come has one."""
    known = wording.exclusion_paragraphs(session, meeting_id)
    number = exempt_paragraph_of(typed, needed=needed and not known)
    return number, number or (known[0] if len(known) == 1 else None)


def exempt_paragraph_of(text: str | int | None, *, needed: bool = True) -> int | None:
    """The Schedule 12A paragraph typed (1 to 7); None when none is typed and none is needed."""
    return exempt_paragraph(text, needed=needed)


def state_sentence_in(session: Session, meeting_id: int, state: str) -> str:
    """ "This item was deferred to the next meeting on 14 October 2014 at 10.00am."""
    meeting = get(session, Meeting, meeting_id, "meeting")
    later = next_meeting(session, meeting)
    when = ""
    if later is not None:
        when = next_meeting_when(later.date, later.start_time)
    return state_wording(state, when)


def word_approval_in(session: Session, meeting: Meeting, previous: Meeting, amendments: str) -> list[int]:
    """This meeting's A3 minute says the notes were approved, with the amendments (signing
    itself is ``signoff.approve_previous_in``, the one sign-off rule). The minutes reworded."""
    committee = committee_in(session, id_of(meeting))
    item = session.exec(
        select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.standard == PREVIOUS_NOTES)
    ).first()
    minute = item_minute(session, id_of(item)) if item else None
    if minute is None:
        return []
    old = approval_wording(long_date(previous.date), committee.chair_title)
    new = approval_wording(long_date(previous.date), committee.chair_title, amendments)
    paras = content_in(session, id_of(minute)).paragraphs
    replaced = [Para(p.kind, new, p.numbered) if p.text == old else p for p in paras]
    if not any(p.text == new for p in replaced):
        replaced.append(parse(new)[0])
    return [id_of(minute)] if set_paragraphs_in(session, id_of(minute), replaced) else []
