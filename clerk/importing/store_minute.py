"""What storing imported notes adds beyond the paragraphs, for the round trip of clerk's own
notes: the arrivals, departures and votes printed under a minute, and the house style a
committee takes from its first notes (NOTES or MINUTES, the organisation, resolutions numbered
or apart)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from ..errors import InvalidInput
from ..kinds import ParagraphKind
from ..models import Committee, Minute
from ..services import attendance, committees, voting
from ..services.common import parse_time
from .notes_minute import ImportedMinute, movement, vote
from .notes_people import person
from .notes_text import ImportedNotes


def numbers_resolutions(notes: ImportedNotes) -> bool:
    """ "(5) RESOLVED that …": the notes number resolutions with the other paragraphs."""
    return any(p.kind is ParagraphKind.RESOLUTION and p.numbered for m in notes.minutes for p in m.paragraphs)


def fill_in(session: Session, committee_id: int, notes: ImportedNotes) -> None:
    """A committee that has no notes yet (set up from its agenda, say) takes their house style:
    the organisation when it has none, NOTES or MINUTES, resolutions numbered or apart."""
    committee = session.get(Committee, committee_id)
    if committee is None or notes.heading is None:
        return
    if session.exec(select(Minute.id).where(Minute.committee_id == committee_id)).first() is not None:
        return
    values: dict[str, Any] = {"minutes_word": notes.heading.word.upper()}
    if not committee.organisation:
        values["organisation"] = notes.heading.organisation
    if numbers_resolutions(notes):
        values["resolution_style"] = "numbered"
    committees.update_committee_in(session, committee_id, **values)


def record_notes(
    session: Session, meeting_id: int, minute_id: int, m: ImportedMinute, people: dict[tuple[str, str, str], int]
) -> None:
    """The arrivals, departures and votes printed under the minute, stored again: a movement of
    someone these notes list (``people`` by title, forenames and surname) at the time given."""
    for line in m.notes:
        arrival, counted = movement(line), vote(line)
        if arrival is not None:
            who, arrived, at = arrival
            p = person(who)
            pid = people.get((p.title.lower(), p.forenames.lower(), p.surname.lower()))
            record = attendance.record_of(session, meeting_id, pid) if pid is not None else None
            try:
                when = parse_time(at)
            except InvalidInput:
                when = None
            if record is not None and when is not None:
                attendance.record_movement(session, record, arrived, minute_id, when)
        if counted is not None:
            voting.add_vote_in(
                session,
                minute_id,
                counted.motion,
                counted.votes_for,
                counted.votes_against,
                counted.abstentions,
                casting=counted.casting,
                named_for=counted.named_for,
                named_against=counted.named_against,
                named_abstaining=counted.named_abstaining,
            )
