"""Adding, moving and deleting minutes, with the numbers kept right.

Every change renumbers the meeting it touches and the later unsigned meetings of the
same committee in one transaction. A change that would alter a signed meeting's
numbers is refused before anything is written. ``preview_*`` say what would change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from ..errors import InvalidInput, NumberingError
from ..ids import id_of
from ..models import AgendaItem, Committee, Meeting, MeetingStatus, Minute, MinuteState, NumberingScheme
from ..numbering import MeetingSlot, Scheme, plan_numbers, range_label
from ..storage import Store
from ..wording import long_date
from .agenda_rows import meeting_items, ordered_rows
from .common import clean_text, ensure_editable, get, lock_committee, scheme_of
from .meeting_order import Key, order_key
from .renumber_rows import MinuteRow, committee_meetings, last_numbered_before, minute_rows


@dataclass(frozen=True)
class Change:
    minute_id: int
    meeting_id: int
    title: str
    old: str | None  # the label before (None: a new minute)
    new: str | None  # the label after (None: deleted)

    def describe(self) -> str:
        if self.old is None:
            return f"new minute {self.new}: {self.title}"
        if self.new is None:
            return f"minute {self.old} deleted: {self.title}"
        return f"{self.old} → {self.new}: {self.title}"


def item_numbers(session: Session, meeting_id: int) -> dict[int, int]:
    """Under a numbered-style agenda: each item's number (a sub-item's is its item's)."""
    return {r.id: int(r.code) for r in ordered_rows(meeting_items(session, meeting_id), numbered=True)}


def _carry(session: Session, committee_id: int, scheme: Scheme, key: Key, wanted: set[str]) -> tuple[dict[str, int], bool]:
    """For each wanted series, the last number used before ``key`` (an ``order_key``; the
    stored numbers before it are right), and whether any minute was numbered before it. Only
    the nearest earlier meeting with numbers counts: a series continues from it or, when it is
    an earlier municipal year, starts afresh. One query however long the committee's history."""
    last = last_numbered_before(session, committee_id, key)
    if last is None:
        return {}, False
    series = scheme.series(last.meeting_id, last.date)
    return ({series: last.number} if series in wanted else {}), True


def renumber(
    session: Session, committee: Committee, from_meeting: Meeting | None = None, *, keep_signed: bool = False
) -> list[Change]:
    """Renumber ``from_meeting`` and every later meeting of ``committee`` (all when None).

    ``from_meeting`` need only carry a date, a start time and an id: the earliest point in
    time whose numbers may have changed. The caller holds the committee lock. Raises
    NumberingError, writing nothing, when a signed meeting's numbers would change.
    ``keep_signed``: a change of the numbering settings, which applies to unsigned meetings only.
    """
    scheme = scheme_of(committee)
    start = None if from_meeting is None else order_key(from_meeting)
    tail = committee_meetings(session, id_of(committee), since=start)  # the earlier ones keep their numbers
    if not tail:
        return []
    carry: dict[str, int] = {}
    started = False
    if start is not None and scheme.kind is not NumberingScheme.PER_MEETING:
        carry, started = _carry(session, id_of(committee), scheme, start, {scheme.series(m.id, m.date) for m in tail})
    tail_ids = [m.id for m in tail]
    minutes = minute_rows(session, tail_ids)
    by_meeting: dict[int, list[MinuteRow]] = {mid: [] for mid in tail_ids}
    for row in minutes:
        by_meeting[row.meeting_id].append(row)
    items = {mid: item_numbers(session, mid) for mid, rows in by_meeting.items() if rows and scheme.by_item}
    slots = [
        MeetingSlot(
            meeting_id=m.id,
            date=m.date,
            start_time=m.start_time,
            signed=m.status == MeetingStatus.SIGNED.value,
            minute_ids=tuple(r.id for r in by_meeting[m.id]),
            numbers=tuple(r.number for r in by_meeting[m.id]),
            series=by_meeting[m.id][0].series if by_meeting[m.id] else None,
            item_numbers=tuple(items.get(m.id, {}).get(r.agenda_item_id) if r.agenda_item_id else None for r in by_meeting[m.id]),
            item_count=max(items.get(m.id, {}).values(), default=0),
            first=m.numbered_from,
        )
        for m in tail
    ]
    plan = plan_numbers(scheme, slots, carry=carry, started=started, keep_signed=keep_signed)
    if plan.signed_conflicts:
        meeting_id = plan.signed_conflicts[0][0]
        signed = next(m for m in tail if m.id == meeting_id)
        nums = [r.number for r in by_meeting[meeting_id]]
        if keep_signed:
            raise NumberingError(
                f"With this numbering the signed notes of {long_date(signed.date)} (minutes {range_label(nums, scheme)}) "
                "would no longer follow on from the notes before them, and signed minutes never change; "
                "the numbering settings can change only what comes after them."
            )
        raise NumberingError(
            f"This would change the numbers of the signed notes of {long_date(signed.date)} "
            f"(minutes {range_label(nums, scheme)}); signed minutes never change. "
            "Make the change in a meeting after them instead."
        )
    if plan.overlaps:
        meeting_id, reached = plan.overlaps[0]
        imported = next(m for m in tail if m.id == meeting_id)
        raise NumberingError(
            f"The minutes before the meeting of {long_date(imported.date)} would run to {scheme.format(reached)}, "
            f"but its imported notes start at {scheme.format(imported.numbered_from)}; numbers are never used twice. "
            "Take the minute at a later meeting instead."
        )
    changes: list[Change] = []
    updates: list[dict[str, Any]] = []
    for row in minutes:
        series, number = plan.numbers[row.id]
        if (row.series, row.number) != (series, number):
            changes.append(
                Change(
                    row.id,
                    row.meeting_id,
                    row.title,
                    None if row.number is None else scheme.format(row.number, row.series),
                    scheme.format(number, series),
                )
            )
            updates.append({"id": row.id, "series": series, "number": number})
    if updates:
        # two phases, so the unique (committee, series, number) constraint holds at every statement
        ids = [u["id"] for u in updates]
        session.execute(update(Minute).where(col(Minute.id).in_(ids)).values(number=None))
        session.execute(update(Minute), updates)
        session.expire_all()
    return changes


# -- the operations, each usable inside an open session ------------------------------


def _meeting_for_change(session: Session, meeting_id: int) -> tuple[Meeting, Committee]:
    meeting = get(session, Meeting, meeting_id, "meeting")
    committee = lock_committee(session, meeting.committee_id)
    session.refresh(meeting)
    ensure_editable(meeting)
    return meeting, committee


def _resequence(session: Session, meeting_id: int, order: list[int]) -> None:
    for seq, mid in enumerate(order):
        session.execute(update(Minute).where(col(Minute.id) == mid).values(seq=seq))


def minute_ids_in(session: Session, meeting_id: int) -> list[int]:
    ids = session.exec(select(col(Minute.id)).where(Minute.meeting_id == meeting_id).order_by(col(Minute.seq), col(Minute.id)))
    return [mid for mid in ids.all() if mid is not None]


def add_minute_in(
    session: Session,
    meeting_id: int,
    title: str,
    *,
    at: int | None = None,
    agenda_item_id: int | None = None,
    state: MinuteState = MinuteState.TAKEN,
    restricted: bool | None = None,
    exempt_paragraph: int | None = None,
    taken_at: dt.time | None = None,
) -> tuple[Minute, list[Change]]:
    meeting, committee = _meeting_for_change(session, meeting_id)
    title = clean_text(title).strip()
    if not title:
        raise InvalidInput("A minute needs a title.")
    if agenda_item_id is not None:
        item = get(session, AgendaItem, agenda_item_id, "agenda item")
        if item.meeting_id != meeting.id:
            raise InvalidInput("That agenda item belongs to another meeting.")
        if restricted is None:
            restricted = item.restricted
            exempt_paragraph = exempt_paragraph or item.exempt_paragraph
    order = minute_ids_in(session, meeting_id)
    index = len(order) if at is None else max(0, min(at, len(order)))
    minute = Minute(
        committee_id=id_of(committee),
        meeting_id=meeting_id,
        seq=index,
        series=scheme_of(committee).series(meeting_id, meeting.date),
        number=None,
        title=title,
        agenda_item_id=agenda_item_id,
        state=state,
        restricted=bool(restricted),
        exempt_paragraph=exempt_paragraph,
        taken_at=taken_at,
    )
    session.add(minute)
    session.flush()
    order.insert(index, id_of(minute))
    _resequence(session, meeting_id, order)
    changes = renumber(session, committee, meeting)
    session.refresh(minute)
    return minute, changes


def move_minute_in(session: Session, minute_id: int, to_index: int) -> list[Change]:
    minute = get(session, Minute, minute_id, "minute")
    meeting, committee = _meeting_for_change(session, minute.meeting_id)
    order = minute_ids_in(session, minute.meeting_id)
    order.remove(minute_id)
    order.insert(max(0, min(to_index, len(order))), minute_id)
    _resequence(session, minute.meeting_id, order)
    return renumber(session, committee, meeting)


def delete_minute_in(session: Session, minute_id: int) -> list[Change]:
    minute = get(session, Minute, minute_id, "minute")
    meeting, committee = _meeting_for_change(session, minute.meeting_id)
    meeting_id = id_of(meeting)
    gone = Change(minute_id, meeting_id, minute.title, scheme_of(committee).format(minute.number, minute.series), None)
    session.delete(minute)
    session.flush()
    _resequence(session, meeting_id, minute_ids_in(session, meeting_id))
    return [gone, *renumber(session, committee, meeting)]


# -- the public API: one transaction each, or a preview that writes nothing ------------


def add_minute(store: Store, meeting_id: int, title: str, **kw: Any) -> Minute:
    with store.write() as session:
        minute, _ = add_minute_in(session, meeting_id, title, **kw)
        return minute


def move_minute(store: Store, minute_id: int, to_index: int) -> list[Change]:
    with store.write() as session:
        return move_minute_in(session, minute_id, to_index)


def delete_minute(store: Store, minute_id: int) -> list[Change]:
    with store.write() as session:
        return delete_minute_in(session, minute_id)


def next_number(store: Store, meeting_id: int) -> str:
    """The number the next minute taken at this meeting would get, without writing anything."""
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = get(session, Committee, meeting.committee_id, "committee")
        scheme = scheme_of(committee)
        series = scheme.series(id_of(meeting), meeting.date)
        last = session.exec(select(func.max(Minute.number)).where(Minute.meeting_id == meeting.id)).one()
        if scheme.by_item:  # a minute with no item of its own follows the last item
            last = max(last or 0, *item_numbers(session, id_of(meeting)).values(), 0)
        elif last is None and scheme.kind is not NumberingScheme.PER_MEETING:
            carry, started = _carry(session, id_of(committee), scheme, order_key(meeting), {series})
            last = carry.get(series, 0 if started else scheme.start - 1)
        return scheme.format((last or 0) + 1, series)
