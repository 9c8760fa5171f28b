"""What a minute records beyond its text, added in the room: actions, declarations of
interest (the Declarations minute, A2, follows), recorded votes and attached files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import InvalidInput
from ..ids import id_of
from ..models import Attachment, Minute, Vote
from ..services.agenda_rows import rows_of
from ..services.common import clean_text, get
from ..services.content import add_action_in, add_declaration_in, attach_to_minute
from ..services.voting import Voter, add_vote_in, check_named, members_present_at
from ..storage import Store
from .lock import Holder
from .write import live_write, person_named, refresh_standard_minutes


def _names(text: str) -> str:
    return ", ".join(n.strip() for n in clean_text(text).replace(";", ",").split(",") if n.strip())


def vote_counts(votes_for: int | None, votes_against: int | None, abstentions: int | None, named: dict[str, str]) -> list[int]:
    """The counts of a vote; a count left out is that of the names given."""
    counts = []
    for given, names in (
        (votes_for, named["named_for"]),
        (votes_against, named["named_against"]),
        (abstentions, named["named_abstaining"]),
    ):
        counted = len(names.split(", ")) if names else 0
        if given is not None and names and given != counted:
            raise InvalidInput(
                f"{given} votes were given but {counted} names; give the names of everyone who voted that way, or no names."
            )
        counts.append(given if given is not None else counted)
    return counts


class LiveRecord:
    """``LiveMeeting.record``: each method one transaction, returning what it added."""

    def __init__(self, store: Store, meeting_id: int, holder: Holder) -> None:
        self.store, self.meeting_id, self.holder = store, meeting_id, holder

    def add_action(self, minute_id: int, owner: str, description: str = "", due: dt.date | None = None) -> int:
        """The new action's id; its owner is linked to the person of that name at the meeting."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            person_id = person_named(session, self.meeting_id, owner)
            return id_of(add_action_in(session, minute_id, owner, description, owner_person_id=person_id, due_date=due))

    def add_declaration(
        self,
        member: str,
        nature: str,
        item_code: str = "",
        *,
        minute_id: int | None = None,
        nature_restricted: bool = False,
        interest: str = "",
        participation: str = "",
    ) -> list[int]:
        """Record a declaration of interest: the Act's kind (``interest``) and whether the member
        left the room, took no part or spoke under a dispensation (``participation``). The
        Declarations minute (A2), if taken, is reworded. Returns the minutes whose text changed."""
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            item_id = None
            if item_code.strip():
                rows = rows_of(session, self.meeting_id)
                match = [r for r in rows if r.code.lower() == item_code.strip().lower() and not r.is_sub_item]
                if not match:
                    example = next((r.code for r in rows if not r.is_sub_item), "B2")
                    raise InvalidInput(f"There is no item {item_code.strip()} on the agenda; give its code, such as {example}.")
                item_id = match[0].id
            add_declaration_in(
                session,
                self.meeting_id,
                member,
                nature,
                person_id=person_named(session, self.meeting_id, member),
                agenda_item_id=item_id,
                minute_id=minute_id,
                nature_restricted=nature_restricted,
                interest=interest,
                participation=participation,
            )
            return refresh_standard_minutes(session, self.meeting_id)

    def add_vote(
        self,
        minute_id: int,
        motion: str,
        votes_for: int | None = None,
        votes_against: int | None = None,
        abstentions: int | None = None,
        *,
        named_for: str = "",
        named_against: str = "",
        named_abstaining: str = "",
        outcome: str = "",
        casting: str = "",
    ) -> Vote:
        """A vote, counted or recorded by name; counts left out are those of the names given.
        Names are those of members present during the minute; the outcome follows the counts
        (the chair's ``casting`` vote on equal votes), or is the one given when not counted."""
        named = {
            "named_for": _names(named_for),
            "named_against": _names(named_against),
            "named_abstaining": _names(named_abstaining),
        }
        counts = vote_counts(votes_for, votes_against, abstentions, named)
        with live_write(self.store, self.meeting_id, self.holder) as (session, _live):
            if get(session, Minute, minute_id, "minute").meeting_id != self.meeting_id:
                raise InvalidInput("That minute belongs to another meeting.")
            check_named(session, self.meeting_id, minute_id, named)
            votes_for_, votes_against_, abstentions_ = counts
            return add_vote_in(
                session, minute_id, motion, votes_for_, votes_against_, abstentions_, outcome=outcome, casting=casting, **named
            )

    def voters(self, minute_id: int | None) -> list[Voter]:
        """The members present during the minute: those a named vote may list."""
        with self.store.read() as session:
            return members_present_at(session, self.meeting_id, minute_id)

    def attach(self, minute_id: int, path: str | Path) -> Attachment:
        with live_write(self.store, self.meeting_id, self.holder):
            pass  # refused before the file is copied when another app holds the meeting
        return attach_to_minute(self.store, minute_id, Path(str(path).strip()).expanduser())
