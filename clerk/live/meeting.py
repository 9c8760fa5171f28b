"""One meeting minuted as it happens: ``LiveMeeting`` has one method for each thing the clerk
does in the room. Each is one write transaction, refused unless this app holds the meeting
(see ``lock``), that returns what it did or raises a ClerkError; attendance, the record
(actions, declarations, votes, files) and corrections to the order are its collaborators
``attendance``, ``record`` and ``order``."""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlmodel import Session

from ..body import parse
from ..errors import InvalidInput
from ..ids import id_of
from ..models import AgendaItem, Committee, LiveSession, Meeting, MeetingStatus, Minute, MinuteState
from ..services import live_wording as wording
from ..services.agenda_rows import EXCLUSION
from ..services.common import clean_text, get
from ..services.content import content_in, set_paragraphs_in, update_minute_in
from ..services.minute_text import Saved
from ..services.signoff import approve_previous_in
from ..storage import Store
from ..wording import EXCLUSION_TITLE, long_date
from . import lock
from .attendance import LiveAttendance
from .lock import Holder, LockResult
from .order import LiveOrder
from .record import LiveRecord
from .standard import (
    ExclusionOffer,
    exclusion_item_in,
    exclusion_offer_in,
    private_paragraph_in,
    state_sentence_in,
    word_approval_in,
)
from .view import LiveView, live_view
from .write import aware, item_minute, live_write, new_minute_in, save_text


@dataclass(frozen=True)
class Taken:
    minute_id: int
    created: bool
    sign_offer: str = ""  # the date of the previous notes that approving this minute would sign
    private: bool = False  # the meeting is in private session after taking it


@dataclass(frozen=True)
class PrivateSession:
    private: bool
    minute_id: int | None = None  # the resolution minuted on going into private session


@dataclass(frozen=True)
class Approved:
    signed_date: str  # "8 July 2014": the notes now signed
    wording: str  # the resolution
    changed_minutes: list[int]  # this meeting's A3 minute, reworded


class LiveMeeting:
    def __init__(self, store: Store, meeting_id: int, holder: Holder) -> None:
        self.store, self.meeting_id, self.holder = store, meeting_id, holder
        self.attendance = LiveAttendance(store, meeting_id, holder)
        self.record = LiveRecord(store, meeting_id, holder)
        self.order = LiveOrder(store, meeting_id, holder)

    def _write(self) -> AbstractContextManager[tuple[Session, LiveSession]]:
        return live_write(self.store, self.meeting_id, self.holder)

    # -- holding the meeting ---------------------------------------------------------------
    def acquire(self) -> LockResult:
        return lock.acquire(self.store, self.meeting_id, self.holder)

    def heartbeat(self) -> bool:
        return lock.heartbeat(self.store, self.meeting_id, self.holder)

    def release(self) -> None:
        lock.release(self.store, self.meeting_id, self.holder)

    def view(self) -> LiveView:
        return live_view(self.store, self.meeting_id)

    # -- minutes ---------------------------------------------------------------------------
    def take_item(self, item_id: int, *, now: dt.datetime | None = None) -> Taken:
        """Go to the item's minute, creating it (numbered next, with its standard wording) if
        it has none yet."""
        now = now or dt.datetime.now()
        with self._write() as (session, live):
            item = get(session, AgendaItem, item_id, "agenda item")
            if item.meeting_id != self.meeting_id:
                raise InvalidInput("That agenda item belongs to another meeting.")
            existing = item_minute(session, item_id)
            if existing is not None:
                live.current_minute_id = existing.id
                session.add(live)
                return Taken(id_of(existing), False)
            meeting = get(session, Meeting, self.meeting_id, "meeting")
            words = wording.for_item(session, meeting, item)
            minute = new_minute_in(session, live, self.meeting_id, words.title, words.body, now, item=item)
            if item.standard == EXCLUSION and not live.private:  # the resolution passed: in private from here
                live.private, live.exempt_paragraph = True, private_paragraph_in(session, self.meeting_id, "", needed=False)[1]
            offer = ""
            if item.standard == "previous_notes":
                previous = wording.signable_previous(session, meeting)
                offer = long_date(previous.date) if previous else ""
            return Taken(id_of(minute), True, offer, live.private)

    def add_minute(self, title: str, body: str = "", *, now: dt.datetime | None = None) -> int:
        """A minute with no agenda item ("Vice-Chairman in the Chair", a thank-you, a guest); its id."""
        title = clean_text(title).strip()
        if not title:
            raise InvalidInput("A minute needs a title.")
        with self._write() as (session, live):
            if not body.strip():  # "Vice-Chairman in the Chair" brings its sentence
                meeting = get(session, Meeting, self.meeting_id, "meeting")
                body = wording.for_title(get(session, Committee, meeting.committee_id, "committee"), title)
            return id_of(new_minute_in(session, live, self.meeting_id, title, clean_text(body), now or dt.datetime.now()))

    def save_text(self, minute_id: int, text: str, numbered: bool | None = None, base_version: int | None = None) -> Saved:
        """The autosave (see ``write.save_text``)."""
        return save_text(self.store, self.meeting_id, self.holder, minute_id, text, numbered, base_version)

    def set_current(self, minute_id: int | None) -> int | None:
        """Where the clerk is, kept so that a crash reopens the meeting there."""
        with self._write() as (session, live):
            if minute_id is not None and get(session, Minute, minute_id, "minute").meeting_id != self.meeting_id:
                raise InvalidInput("That minute belongs to another meeting.")
            live.current_minute_id = minute_id
            session.add(live)
            return minute_id

    def rename(self, minute_id: int, title: str) -> str:
        """The minute's new title, as stored."""
        with self._write() as (session, _live):
            return update_minute_in(session, minute_id, title=title).title

    def standard_wording(self, minute_id: int) -> str:
        """The standard wording of the minute's item, to insert again ("" when it has none)."""
        with self.store.read() as session:
            minute = get(session, Minute, minute_id, "minute")
            if minute.agenda_item_id is None:
                meeting = get(session, Meeting, self.meeting_id, "meeting")
                return wording.for_title(get(session, Committee, meeting.committee_id, "committee"), minute.title)
            item = get(session, AgendaItem, minute.agenda_item_id, "agenda item")
            return wording.for_item(session, get(session, Meeting, self.meeting_id, "meeting"), item).body

    # -- private session -------------------------------------------------------------------
    def exclusion_offer(self, item_id: int | None = None) -> ExclusionOffer | None:
        """The resolution offered before a restricted item (or, with no item, on F10 p)."""
        with self.store.read() as session:
            return exclusion_offer_in(session, self.meeting_id, item_id)

    def go_private(self, *, paragraph: str = "", with_minute: bool = True, now: dt.datetime | None = None) -> PrivateSession:
        """Exclude the press and public: minutes from here on are restricted. With ``with_minute``
        the resolution is minuted first (in public: the resolution itself is not exempt), under
        the agenda's exclusion item if it has one, for the restricted items still to come. The
        Schedule 12A paragraph is theirs (asked for only when none has one) and is kept for the
        minutes taken in private that have none of their own."""
        with self._write() as (session, live):
            typed, kept = private_paragraph_in(session, self.meeting_id, paragraph, needed=with_minute)
            minute_id = None
            if with_minute:
                text = wording.exclusion_text(session, self.meeting_id, typed)
                item = exclusion_item_in(session, self.meeting_id)
                title = item.title if item else EXCLUSION_TITLE
                when = now or dt.datetime.now()
                minute_id = new_minute_in(session, live, self.meeting_id, title, text, when, item=item, restricted=False).id
            live.private, live.exempt_paragraph = True, kept
            session.add(live)
            return PrivateSession(True, minute_id)

    def go_public(self) -> PrivateSession:
        """The press and public come back: minutes from here on are not restricted (unless their item is)."""
        with self._write() as (session, live):
            live.private = False
            live.exempt_paragraph = None
            session.add(live)
            return PrivateSession(False)

    # -- withdrawn, deferred ---------------------------------------------------------------
    def state_sentence(self, state: str) -> str:
        with self.store.read() as session:
            return state_sentence_in(session, self.meeting_id, state)

    def set_item_state(
        self,
        state: str,
        sentence: str = "",
        *,
        item_id: int | None = None,
        minute_id: int | None = None,
        now: dt.datetime | None = None,
    ) -> int:
        """Withdraw or defer an item (or take it after all): its minute gets the state and the
        sentence saying so; an item not yet minuted gets its minute now. The minute's id."""
        try:
            state_enum = MinuteState(state)
        except ValueError:
            raise InvalidInput(f"'{state}' is not a state; use taken, withdrawn or deferred.") from None
        sentence = clean_text(sentence).strip()
        with self._write() as (session, live):
            minute = get(session, Minute, minute_id, "minute") if minute_id is not None else None
            if minute is None and item_id is not None:
                minute = item_minute(session, item_id)
            if minute is None:
                if item_id is None:
                    raise InvalidInput("Choose the item to withdraw or defer.")
                item = get(session, AgendaItem, item_id, "agenda item")
                return id_of(
                    new_minute_in(
                        session,
                        live,
                        self.meeting_id,
                        item.title,
                        sentence,
                        now or dt.datetime.now(),
                        item=item,
                        state=state_enum,
                    )
                )
            update_minute_in(session, id_of(minute), state=state_enum)
            paras = content_in(session, id_of(minute)).paragraphs
            if sentence and all(p.text != sentence for p in paras):
                set_paragraphs_in(session, id_of(minute), [*paras, *parse(sentence)])
            live.current_minute_id = minute.id
            session.add(live)
            return id_of(minute)

    # -- the previous notes, the end -------------------------------------------------------
    def approve_previous(self, amendments: str = "") -> Approved:
        """Approve and sign the previous notes under A3 (the one sign-off rule, ``signoff``),
        within this app's hold of the meeting; this meeting's A3 minute is worded to match."""
        with self._write() as (session, _live):
            signoff, previous, words = approve_previous_in(session, self.store, self.meeting_id, amendments, holder=self.holder)
            meeting = get(session, Meeting, self.meeting_id, "meeting")
            changed = word_approval_in(session, meeting, previous, signoff.amendments)
            return Approved(long_date(previous.date), words, changed)

    def end(self, *, now: dt.datetime | None = None) -> dt.datetime:
        """The meeting has ended: it is held (its notes editable until signed); when it ended."""
        with self._write() as (session, live):
            meeting = get(session, Meeting, self.meeting_id, "meeting")
            meeting.status = MeetingStatus.HELD
            meeting.ended_at = aware(now)
            live.private = False
            session.add(meeting)
            session.add(live)
            return meeting.ended_at
