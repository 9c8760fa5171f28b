"""Minuting a meeting as it happens: what the live screen shows, and every change it makes.

Every change goes through ``live_write``, which checks in the same transaction that this
app holds the meeting (see ``live_lock``): a second window can look but never write.
Taking an item creates its minute with the next number and its standard wording; minutes
taken in private session are restricted; where the clerk is (the current minute) is stored
so that a crash reopens the meeting at the same place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlmodel import Session, select

from ..body import parse
from ..errors import InvalidInput
from ..models import (
    AgendaItem, Committee, LiveSession, Meeting, MeetingStatus, Minute, MinuteState,
)
from ..storage import Store
from . import live_wording as wording
from .agenda import AgendaRow, ordered_rows
from .attendance import AttendanceRow, attendance_rows
from ..wording import long_date
from .common import clean_text, ensure_editable, get, scheme_of
from .content import set_paragraphs_in, update_minute_in
from .live_lock import Holder, check_holder, live_row
from .live_save import save_body  # noqa: F401  (the autosave, with the other live changes)
from .minutes import add_minute_in, next_number
from .signoff import frozen_labels

TO_COME, CURRENT, MINUTED, WITHDRAWN, DEFERRED = "to come", "current", "minuted", "withdrawn", "deferred"


@dataclass(frozen=True)
class ItemState:
    row: AgendaRow
    state: str  # to come / current / minuted / withdrawn / deferred
    minute_id: int | None
    number: str  # "66" once minuted


@dataclass(frozen=True)
class MinuteRow:
    id: int
    number: str
    title: str
    item_id: int | None
    item_code: str
    state: MinuteState
    restricted: bool

    @property
    def heading(self) -> str:
        ref = f" (Item {self.item_code})" if self.item_code else ""
        return f"{self.number}. {self.title}{ref}"


@dataclass(frozen=True)
class LiveView:
    meeting_id: int
    committee: str
    body_noun: str
    chair_title: str
    vice_chair_title: str
    date: dt.date
    start_time: dt.time | None
    venue: str
    status: MeetingStatus
    started_at: dt.datetime | None
    items: tuple[ItemState, ...]
    minutes: tuple[MinuteRow, ...]
    current_minute_id: int | None
    private: bool
    attendance: tuple[AttendanceRow, ...]
    present: int
    quorum: int | None
    next_number: str
    sections: dict[str, str]
    previous_to_sign: str = ""  # "8 July 2014": the previous notes, held and not yet signed

    @property
    def signed(self) -> bool:
        return self.status is MeetingStatus.SIGNED

    @property
    def current(self) -> MinuteRow | None:
        return next((m for m in self.minutes if m.id == self.current_minute_id), None)

    def minute(self, minute_id: int | None) -> MinuteRow | None:
        return next((m for m in self.minutes if m.id == minute_id), None)

    def item(self, item_id: int | None) -> ItemState | None:
        return next((i for i in self.items if i.row.id == item_id), None)

    @property
    def quorate(self) -> bool | None:
        return None if self.quorum is None else self.present >= self.quorum


def is_member(row: AttendanceRow) -> bool:
    return row.role is not None or row.status is not None and row.status.value == "substitute"


def live_view(store: Store, meeting_id: int) -> LiveView:
    """Everything the live screen shows, read in one transaction."""
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        scheme = scheme_of(committee)
        rows = ordered_rows(list(session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()))
        codes = {r.id: r.code for r in rows}
        live = live_row(session, meeting_id)
        current = live.current_minute_id if live else None
        stored = session.exec(select(Minute).where(Minute.meeting_id == meeting_id).order_by(Minute.seq, Minute.id)).all()
        labels = [scheme.format(m.number, m.series) for m in stored]
        frozen = frozen_labels(session, [meeting_id]).get(meeting_id)
        if frozen is not None and len(frozen) == len(stored):
            labels = frozen  # signed notes show the numbers they were signed with
        minutes = [
            MinuteRow(m.id, label, m.title, m.agenda_item_id, codes.get(m.agenda_item_id, ""), MinuteState(m.state), m.restricted)
            for m, label in zip(stored, labels)
        ]
        by_item: dict[int, MinuteRow] = {}
        for m in minutes:
            if m.item_id is not None:
                by_item.setdefault(m.item_id, m)
        items = []
        for r in rows:
            m = by_item.get(r.id)
            if m is None:
                state = TO_COME
            elif m.state is MinuteState.WITHDRAWN:
                state = WITHDRAWN
            elif m.state is MinuteState.DEFERRED:
                state = DEFERRED
            else:
                state = CURRENT if m.id == current else MINUTED
            items.append(ItemState(r, state, m.id if m else None, m.number if m else ""))
        people = attendance_rows(session, meeting_id)
        present = sum(1 for r in people if is_member(r) and r.counts_to_quorum)
        view = dict(
            meeting_id=meeting.id, committee=committee.name, body_noun=committee.body_noun, chair_title=committee.chair_title,
            vice_chair_title=committee.vice_chair_title, date=meeting.date, start_time=meeting.start_time, venue=meeting.venue,
            status=MeetingStatus(meeting.status), started_at=meeting.started_at, items=tuple(items), minutes=tuple(minutes),
            current_minute_id=current if any(m.id == current for m in minutes) else None, private=bool(live and live.private),
            attendance=tuple(people), present=present, quorum=committee.quorum,
            previous_to_sign=long_date(p.date) if (p := wording.signable_previous(session, meeting)) else "",
            sections={"A": f"A. {committee.section_a}", "B": f"B. {committee.section_b}", "C": f"C. {committee.section_c}",
                      "D": f"D. {committee.section_d}"},
        )
    return LiveView(**view, next_number=next_number(store, meeting_id))


def match_items(items: tuple[ItemState, ...] | list[ItemState], query: str) -> list[ItemState]:
    """Items whose code starts with the query ("b3") or whose title holds every word of it."""
    q = query.strip().lower()
    if not q:
        return list(items)
    by_code = [i for i in items if i.row.code.lower() == q and not i.row.is_sub_item]
    if by_code:
        return by_code + [i for i in items if i.row.code.lower() == q and i.row.is_sub_item]
    words = q.split()
    return [i for i in items if all(w in f"{i.row.code} {i.row.title} {i.row.presenter} {i.number}".lower() for w in words)]


# -- writing ---------------------------------------------------------------------------------

@contextmanager
def live_write(store: Store, meeting_id: int, holder: Holder) -> Iterator[tuple[Session, LiveSession]]:
    """One transaction for a live change, refused (MeetingLocked) unless this app holds the meeting."""
    with store.transaction() as session:
        row = check_holder(session, meeting_id, holder)
        ensure_editable(get(session, Meeting, meeting_id, "meeting"))
        yield session, row


def local(now: dt.datetime | None = None) -> dt.datetime:
    """The time on the clerk's clock (naive, local), from an aware or naive datetime."""
    now = now or dt.datetime.now()
    return now.astimezone().replace(tzinfo=None) if now.tzinfo else now


def aware(now: dt.datetime | None = None) -> dt.datetime:
    now = now or dt.datetime.now()
    return now if now.tzinfo else now.astimezone()


def _begin(session: Session, meeting_id: int, now: dt.datetime) -> None:
    """The first minute taken starts the meeting: in progress, with its start time."""
    meeting = get(session, Meeting, meeting_id, "meeting")
    if meeting.status in (MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value) or meeting.started_at is None:
        if meeting.status in (MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value):
            meeting.status = MeetingStatus.IN_PROGRESS
        meeting.started_at = meeting.started_at or aware(now)
        session.add(meeting)


def _new_minute(session: Session, live: LiveSession, meeting_id: int, title: str, body: str, now: dt.datetime, *,
                item: AgendaItem | None = None, state: MinuteState = MinuteState.TAKEN, restricted: bool | None = None) -> Minute:
    if restricted is None:
        restricted = bool(item and item.restricted) or live.private
    paragraph = item.exempt_paragraph if item else None
    if restricted and paragraph is None and live.private:
        paragraph = live.exempt_paragraph  # the paragraph the press and public were excluded under
    minute, _ = add_minute_in(session, meeting_id, title, agenda_item_id=item.id if item else None, state=state,
                              restricted=restricted, exempt_paragraph=paragraph,
                              taken_at=local(now).time().replace(microsecond=0))
    if body.strip():
        set_paragraphs_in(session, minute.id, parse(body))
    live.current_minute_id = minute.id
    session.add(live)
    _begin(session, meeting_id, now)
    return minute


@dataclass(frozen=True)
class Taken:
    minute_id: int
    created: bool
    sign_offer: str = ""  # the date of the previous notes that approving this minute would sign


def item_minute(session: Session, item_id: int) -> Minute | None:
    return session.exec(select(Minute).where(Minute.agenda_item_id == item_id).order_by(Minute.seq, Minute.id)).first()


def take_item(store: Store, meeting_id: int, holder: Holder, item_id: int, *, now: dt.datetime | None = None) -> Taken:
    """Go to the item's minute, creating it (numbered next, with its standard wording) if it
    has none yet."""
    now = now or dt.datetime.now()
    with live_write(store, meeting_id, holder) as (session, live):
        item = get(session, AgendaItem, item_id, "agenda item")
        if item.meeting_id != meeting_id:
            raise InvalidInput("That agenda item belongs to another meeting.")
        existing = item_minute(session, item_id)
        if existing is not None:
            live.current_minute_id = existing.id
            session.add(live)
            return Taken(existing.id, False)
        meeting = get(session, Meeting, meeting_id, "meeting")
        words = wording.for_item(session, meeting, item)
        minute = _new_minute(session, live, meeting_id, words.title, words.body, now, item=item)
        offer = ""
        if item.standard == "previous_notes":
            previous = wording.signable_previous(session, meeting)
            offer = long_date(previous.date) if previous else ""
        return Taken(minute.id, True, offer)


def add_free_minute(store: Store, meeting_id: int, holder: Holder, title: str, body: str = "", *,
                    now: dt.datetime | None = None) -> int:
    """A minute with no agenda item ("Vice-Chairman in the Chair", a thank-you, a guest)."""
    title = clean_text(title).strip()
    if not title:
        raise InvalidInput("A minute needs a title.")
    with live_write(store, meeting_id, holder) as (session, live):
        return _new_minute(session, live, meeting_id, title, clean_text(body), now or dt.datetime.now()).id


def set_current(store: Store, meeting_id: int, holder: Holder, minute_id: int | None) -> None:
    with live_write(store, meeting_id, holder) as (session, live):
        if minute_id is not None and get(session, Minute, minute_id, "minute").meeting_id != meeting_id:
            raise InvalidInput("That minute belongs to another meeting.")
        live.current_minute_id = minute_id
        session.add(live)


def rename(store: Store, meeting_id: int, holder: Holder, minute_id: int, title: str) -> None:
    with live_write(store, meeting_id, holder) as (session, _live):
        update_minute_in(session, minute_id, title=title)


def end_meeting(store: Store, meeting_id: int, holder: Holder, *, now: dt.datetime | None = None) -> None:
    with live_write(store, meeting_id, holder) as (session, live):
        meeting = get(session, Meeting, meeting_id, "meeting")
        meeting.status = MeetingStatus.HELD
        meeting.ended_at = aware(now)
        live.private = False
        session.add(meeting)
        session.add(live)


def standard_wording(store: Store, meeting_id: int, minute_id: int) -> str:
    """The standard wording of the minute's item, to insert again ("" when it has none)."""
    with store.read() as session:
        minute = get(session, Minute, minute_id, "minute")
        if minute.agenda_item_id is None:
            return ""
        item = get(session, AgendaItem, minute.agenda_item_id, "agenda item")
        return wording.for_item(session, get(session, Meeting, meeting_id, "meeting"), item).body
