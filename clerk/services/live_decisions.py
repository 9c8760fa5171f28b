"""What happens to items during a meeting beyond their text: the private session, items
withdrawn or deferred, approving (and signing) the previous notes, actions, declarations,
recorded votes and attachments. Each change checks that this app holds the meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from ..body import Para, parse
from ..errors import InvalidInput
from ..models import AgendaItem, Attachment, Committee, Meeting, Minute, MinuteState, Person, SignOff, Vote
from ..storage import Store
from . import live_wording as wording
from .agenda import PREVIOUS_NOTES, ordered_rows
from .agenda_standard import next_meeting, time_label
from .attendance import attendance_rows
from .common import clean_text, get, long_date
from .content import add_action_in, add_declaration_in, attach_to_minute, content_in, set_paragraphs_in, update_minute_in
from .live import _new_minute, item_minute, live_write
from .live_lock import Holder, live_row


# -- private session -------------------------------------------------------------------------

@dataclass(frozen=True)
class ExclusionOffer:
    paragraph: str  # the Schedule 12A paragraph of the item ("" when not given)
    wording: str


def exclusion_offer(store: Store, meeting_id: int, item_id: int) -> ExclusionOffer | None:
    """Before a restricted item is taken in public session: the resolution to exclude the
    press and public, with the item's paragraph. None when no resolution is needed."""
    with store.read() as session:
        item = get(session, AgendaItem, item_id, "agenda item")
        live = live_row(session, meeting_id)
        if not item.restricted or (live and live.private) or item_minute(session, item_id) is not None:
            return None
        committee = get(session, Committee, get(session, Meeting, meeting_id, "meeting").committee_id, "committee")
        para = str(item.exempt_paragraph) if item.exempt_paragraph else ""
        return ExclusionOffer(para, wording.exclusion_wording(committee, para))


def go_private(store: Store, meeting_id: int, holder: Holder, *, paragraph: str = "", with_minute: bool = True,
               now: dt.datetime | None = None) -> int | None:
    """Exclude the press and public: minutes from here on are restricted. With ``with_minute``
    the resolution is minuted first (in public: the resolution itself is not exempt). The
    Schedule 12A paragraph is kept for the minutes taken in private that have none of their own."""
    number = exempt_paragraph_of(paragraph, needed=with_minute)
    with live_write(store, meeting_id, holder) as (session, live):
        minute_id = None
        live.exempt_paragraph = number
        if with_minute:
            committee = get(session, Committee, get(session, Meeting, meeting_id, "meeting").committee_id, "committee")
            text = wording.exclusion_wording(committee, number)
            minute_id = _new_minute(session, live, meeting_id, wording.EXCLUSION_TITLE, text, now or dt.datetime.now(),
                                    restricted=False).id
        live.private = True
        session.add(live)
        return minute_id


def exempt_paragraph_of(text: str | int | None, *, needed: bool = True) -> int | None:
    """The Schedule 12A paragraph typed (1 to 7); None when none is typed and none is needed."""
    typed = str(text if text is not None else "").strip()
    if not typed and not needed:
        return None
    if not typed.isdigit() or not 1 <= int(typed) <= 7:
        raise InvalidInput("Give the Schedule 12A paragraph the press and public are excluded under, a number from 1 to 7.")
    return int(typed)


def go_public(store: Store, meeting_id: int, holder: Holder) -> None:
    """The press and public come back: minutes from here on are not restricted (unless their item is)."""
    with live_write(store, meeting_id, holder) as (session, live):
        live.private = False
        live.exempt_paragraph = None
        session.add(live)


# -- withdrawn, deferred ---------------------------------------------------------------------

def state_sentence(store: Store, meeting_id: int, state: str) -> str:
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        later = next_meeting(session, meeting)
        when = ""
        if later is not None:
            when = long_date(later.date) + (f" at {time_label(later.start_time)}" if later.start_time else "")
        return wording.state_sentence(committee, state, when)


def set_item_state(store: Store, meeting_id: int, holder: Holder, state: str, sentence: str = "", *,
                   item_id: int | None = None, minute_id: int | None = None, now: dt.datetime | None = None) -> int:
    """Withdraw or defer an item (or take it again): its minute gets the state and the
    sentence saying so. An item not yet minuted gets its minute now."""
    try:
        state_enum = MinuteState(state)
    except ValueError:
        raise InvalidInput(f"'{state}' is not a state; use taken, withdrawn or deferred.") from None
    sentence = clean_text(sentence).strip()
    with live_write(store, meeting_id, holder) as (session, live):
        minute = get(session, Minute, minute_id, "minute") if minute_id is not None else None
        if minute is None and item_id is not None:
            minute = item_minute(session, item_id)
        if minute is None:
            if item_id is None:
                raise InvalidInput("Choose the item to withdraw or defer.")
            item = get(session, AgendaItem, item_id, "agenda item")
            minute = _new_minute(session, live, meeting_id, item.title, sentence, now or dt.datetime.now(), item=item,
                                 state=state_enum)
            return minute.id
        update_minute_in(session, minute.id, state=state_enum)
        paras = content_in(session, minute.id).paragraphs
        if sentence and all(p.text != sentence for p in paras):
            set_paragraphs_in(session, minute.id, [*paras, *parse(sentence)])
        live.current_minute_id = minute.id
        session.add(live)
        return minute.id


# -- approving the previous notes ------------------------------------------------------------

def approve_previous_live(store: Store, meeting_id: int, amendments: str, holder: Holder) -> tuple[SignOff, str]:
    """From the live screen: ``signoff.approve_previous`` within its hold of the meeting, and
    this meeting's A3 minute worded to match."""
    from .signoff import approve_previous_in

    with live_write(store, meeting_id, holder) as (session, _live):
        return approve_previous_in(session, store, meeting_id, amendments, holder=holder, then=word_approval_in)


def word_approval_in(session: Session, meeting: Meeting, previous: Meeting, committee: Committee, amendments: str) -> None:
    """This meeting's A3 minute says the notes were approved, with the amendments (signing
    itself is ``signoff.approve_previous_in``, the one sign-off rule)."""
    item = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.standard == PREVIOUS_NOTES)).first()
    minute = item_minute(session, item.id) if item else None
    if minute is None:
        return
    old = wording.previous_notes_wording(long_date(previous.date), committee.chair_title)
    new = wording.previous_notes_wording(long_date(previous.date), committee.chair_title, amendments)
    paras = content_in(session, minute.id).paragraphs
    replaced = [Para(p.kind, new, p.numbered) if p.text == old else p for p in paras]
    if not any(p.text == new for p in replaced):
        replaced.append(parse(new)[0])
    set_paragraphs_in(session, minute.id, replaced)


# -- actions, declarations, votes, files -----------------------------------------------------

def _person_named(session: Session, meeting_id: int, name: str) -> int | None:
    """A person recorded at the meeting whose name is the one typed ("Jim Parris", "Mr J Parris", "Parris")."""
    wanted = " ".join(name.lower().replace(",", " ").split())
    if not wanted:
        return None
    people = {p.id: p for p in session.exec(select(Person)).all()}
    hits = []
    for row in attendance_rows(session, meeting_id):
        p = people[row.person_id]
        forms = {row.name.lower(), f"{p.forenames} {p.surname}".lower().strip(), p.surname.lower(),
                 f"{p.title} {p.surname}".lower().strip()}
        if wanted in {" ".join(f.replace(",", " ").split()) for f in forms}:
            hits.append(p.id)
    return hits[0] if len(hits) == 1 else None


def add_action(store: Store, meeting_id: int, holder: Holder, minute_id: int, owner: str, description: str = "",
               due: dt.date | None = None) -> int:
    with live_write(store, meeting_id, holder) as (session, _live):
        person_id = _person_named(session, meeting_id, owner)
        return add_action_in(session, minute_id, owner, description, owner_person_id=person_id, due_date=due).id


def add_declaration(store: Store, meeting_id: int, holder: Holder, member: str, nature: str,
                    item_code: str = "", *, minute_id: int | None = None, nature_restricted: bool = False) -> list[int]:
    """Record a declaration of interest; the Declarations minute (A2), if taken, is reworded.
    Returns the minutes whose text changed."""
    with live_write(store, meeting_id, holder) as (session, _live):
        item_id = None
        if item_code.strip():
            rows = ordered_rows(list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()))
            match = [r for r in rows if r.code.lower() == item_code.strip().lower() and not r.is_sub_item]
            if not match:
                raise InvalidInput(f"There is no item {item_code.strip()} on the agenda; give its code, such as B2.")
            item_id = match[0].id
        add_declaration_in(session, meeting_id, member, nature, person_id=_person_named(session, meeting_id, member),
                           agenda_item_id=item_id, minute_id=minute_id, nature_restricted=nature_restricted)
        return refresh_standard_minutes(session, meeting_id)


def refresh_standard_minutes(session: Session, meeting_id: int) -> list[int]:
    """Reword the Apologies and Declarations minutes from the record; the minutes changed."""
    changed = []
    for key, make in (("apologies", wording.apologies_text), ("declarations", wording.declarations_text)):
        item = session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.standard == key)).first()
        minute = item_minute(session, item.id) if item else None
        if minute is not None and wording.refresh_generated(session, minute, make(session, meeting_id)):
            changed.append(minute.id)
    return changed


def _names(text: str) -> str:
    return ", ".join(n.strip() for n in clean_text(text).replace(";", ",").split(",") if n.strip())


def add_vote(store: Store, meeting_id: int, holder: Holder, minute_id: int, motion: str, votes_for: int | None = None,
             votes_against: int | None = None, abstentions: int | None = None, *, named_for: str = "",
             named_against: str = "", named_abstaining: str = "") -> Vote:
    """A vote, counted or recorded by name; counts left out are those of the names given."""
    named = {"named_for": _names(named_for), "named_against": _names(named_against), "named_abstaining": _names(named_abstaining)}
    counts = []
    for given, names in ((votes_for, named["named_for"]), (votes_against, named["named_against"]), (abstentions, named["named_abstaining"])):
        counted = len(names.split(", ")) if names else 0
        if given is not None and names and given != counted:
            raise InvalidInput(f"{given} votes were given but {counted} names; give the names of everyone who voted that way, or no names.")
        counts.append(given if given is not None else counted)
    if min(counts) < 0:
        raise InvalidInput("Votes are counted from 0.")
    with live_write(store, meeting_id, holder) as (session, _live):
        get(session, Minute, minute_id, "minute")
        position = len(session.exec(select(Vote.id).where(Vote.minute_id == minute_id)).all())
        vote = Vote(minute_id=minute_id, position=position, motion=clean_text(motion).strip(), votes_for=counts[0],
                    votes_against=counts[1], abstentions=counts[2], **named)
        session.add(vote)
        session.flush()
        return vote


def attach(store: Store, meeting_id: int, holder: Holder, minute_id: int, path: str | Path) -> Attachment:
    with live_write(store, meeting_id, holder):
        pass  # refused before the file is copied when another app holds the meeting
    return attach_to_minute(store, minute_id, Path(str(path).strip()).expanduser())
