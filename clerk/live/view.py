"""What the live screen shows, read in one transaction: the agenda with each item's state,
the minutes with their numbers, where the clerk is, the private session and the attendance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlmodel import col, select

from ..ids import id_of
from ..models import Committee, Meeting, MeetingStatus, Minute, MinuteState
from ..services import live_wording as wording
from ..services.agenda_rows import AgendaRow, group_headings, is_numbered, rows_of
from ..services.attendance import AttendanceRow, attendance_rows
from ..services.common import get, scheme_of
from ..services.minutes import next_number
from ..services.signoff import frozen_labels
from ..storage import Store
from ..wording import item_reference, long_date
from .arrivals import known_people_in, previous_meeting_in
from .lock import live_row
from .people import Known

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
        ref = item_reference(self.item_code, self.number)
        return f"{self.number}. {self.title}" + (f" {ref}" if ref else "")


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
    known: tuple[Known, ...] = ()  # people in clerk not on the list, to add by name
    copy_from: str = ""  # "8 July 2014": whose attendance can be copied (nobody marked yet, not started)
    numbered: bool = False  # the committee's agenda style numbers items 1, 2, 3 … (no sections)

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

    def not_taken(self) -> list[str]:
        """The agenda's items with no minute yet ("A1 Apologies"), in agenda order."""
        return [f"{i.row.code} {i.row.title}" for i in self.items if i.state == TO_COME and not i.row.is_sub_item]

    def next_item(self) -> int | None:
        """The item to take next: in private session the first restricted item to come; else the
        first to come after the item last taken (in agenda order), else the first to come."""
        items = [i for i in self.items if not i.row.is_sub_item]
        if self.private:
            items = [i for i in items if i.row.restricted] or items
        taken = [m.item_id for m in self.minutes if m.item_id is not None]
        at = self.current.item_id if self.current and self.current.item_id else (taken[-1] if taken else None)
        start = next((n for n, i in enumerate(items) if i.row.id == at), -1) + 1
        for i in items[start:] + items[:start]:
            if i.state == TO_COME:
                return i.row.id
        return None

    @property
    def quorate(self) -> bool | None:
        return None if self.quorum is None else self.present >= self.quorum


def is_member(row: AttendanceRow) -> bool:
    return row.role is not None or (row.status is not None and row.status.value == "substitute")


def live_view(store: Store, meeting_id: int) -> LiveView:
    """Everything the live screen shows, read in one transaction."""
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        scheme = scheme_of(committee)
        rows = rows_of(session, meeting_id)
        codes: dict[int | None, str] = {r.id: r.code for r in rows}
        live = live_row(session, meeting_id)
        current = live.current_minute_id if live else None
        stored = session.exec(
            select(Minute).where(Minute.meeting_id == meeting_id).order_by(col(Minute.seq), col(Minute.id))
        ).all()
        labels = [scheme.format(m.number, m.series) for m in stored]
        frozen = frozen_labels(session, [meeting_id]).get(meeting_id)
        if frozen is not None and len(frozen) == len(stored):
            labels = frozen  # signed notes show the numbers they were signed with
        minutes = [
            MinuteRow(
                id_of(m), label, m.title, m.agenda_item_id, codes.get(m.agenda_item_id, ""), MinuteState(m.state), m.restricted
            )
            for m, label in zip(stored, labels, strict=False)
        ]
        by_item: dict[int, MinuteRow] = {}
        for m in minutes:
            if m.item_id is not None:
                by_item.setdefault(m.item_id, m)
        items = []
        for r in rows:
            taken = by_item.get(r.id)
            if taken is None:
                state = TO_COME
            elif taken.state is MinuteState.WITHDRAWN:
                state = WITHDRAWN
            elif taken.state is MinuteState.DEFERRED:
                state = DEFERRED
            else:
                state = CURRENT if taken.id == current else MINUTED
            items.append(ItemState(r, state, taken.id if taken else None, taken.number if taken else ""))
        people = attendance_rows(session, meeting_id)
        previous = previous_meeting_in(session, meeting) if not stored and all(r.status is None for r in people) else None
        present = sum(1 for r in people if is_member(r) and r.counts_to_quorum)
        view = LiveView(
            meeting_id=id_of(meeting),
            committee=committee.name,
            body_noun=committee.body_noun,
            chair_title=committee.chair_title,
            vice_chair_title=committee.vice_chair_title,
            date=meeting.date,
            start_time=meeting.start_time,
            venue=meeting.venue,
            status=MeetingStatus(meeting.status),
            started_at=meeting.started_at,
            items=tuple(items),
            minutes=tuple(minutes),
            current_minute_id=current if any(m.id == current for m in minutes) else None,
            private=bool(live and live.private),
            attendance=tuple(people),
            present=present,
            quorum=committee.quorum,
            next_number="",  # read below, once the view's own transaction has closed
            previous_to_sign=long_date(p.date) if (p := wording.signable_previous(session, meeting)) else "",
            known=known_people_in(session, meeting),
            copy_from=long_date(previous.date) if previous else "",
            sections=group_headings(committee),
            numbered=is_numbered(committee),
        )
    return replace(view, next_number=next_number(store, meeting_id))


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
