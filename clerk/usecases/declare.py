"""``clerk declare``: a declaration of interest recorded after the meeting (or before it, as a
member gives notice), worded as the live screen words it. Refused while the meeting is open
for minuting in a clerk window: it is added there (F8 d), so nothing is written twice."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from ..errors import InvalidInput
from ..live.lock import MeetingLocked, held_elsewhere, holder_of
from ..live.write import person_named, refresh_standard_minutes
from ..models import AgendaItem, Meeting
from ..services.agenda import ordered_rows
from ..services.common import get
from ..services.content import add_declaration_in
from ..storage import Store
from ..wording import declaration_sentence, long_date


@dataclass(frozen=True)
class Declared:
    sentence: str  # as the full notes say it
    reworded: bool  # the Declarations minute (A2) was written again


def declare(
    store: Store,
    meeting_id: int,
    member: str,
    nature: str,
    item: str = "",
    *,
    interest: str = "",
    participation: str = "",
    nature_restricted: bool = False,
) -> Declared:
    with store.transaction() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        row = held_elsewhere(session, meeting_id)
        if row is not None:
            raise MeetingLocked(
                f"The meeting of {long_date(meeting.date)} is being minuted in a clerk window ({holder_of(row)}); "
                "add the declaration there (F8 d)."
            )
        found = None
        if item.strip():
            rows = ordered_rows(list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()))
            found = next((r for r in rows if r.code.lower() == item.strip().lower() and not r.is_sub_item), None)
            if found is None:
                codes = ", ".join(r.code for r in rows if not r.is_sub_item)
                raise InvalidInput(f"The agenda has no item {item.strip()}; its items are {codes}.")
        d = add_declaration_in(
            session,
            meeting_id,
            member,
            nature,
            person_id=person_named(session, meeting_id, member),
            agenda_item_id=found.id if found else None,
            nature_restricted=nature_restricted,
            interest=interest,
            participation=participation,
        )
        reworded = bool(refresh_standard_minutes(session, meeting_id))
        return Declared(declaration_sentence(d, found, public=False), reworded)
