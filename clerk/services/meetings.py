"""Meetings: creating them, finding them by id or date, and listing them with their minute ranges."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from sqlalchemy import func
from sqlalchemy import select as sa_select  # sqlmodel's select types four columns at most
from sqlmodel import col, select

from ..errors import FrozenRecord, InvalidInput, NotFound
from ..ids import id_of
from ..listing import STATUS_LABELS as STATUS_LABELS  # the home list's rows and labels, also from here
from ..listing import MeetingRow as MeetingRow
from ..listing import minutes_label
from ..listing import status_label as status_label
from ..models import Committee, Meeting, MeetingStatus, Minute, SignOff
from ..storage import Store
from ..wording import long_date
from .common import as_id, clean_text, ensure_editable, get, lock_committee, parse_date, scheme_of
from .minutes import renumber

CONTACT_FIELDS = ("contact", "contact_phone", "contact_email")  # the agenda's "Ask for" block
TEXT_FIELDS = ("venue", *CONTACT_FIELDS, "refreshments")


def contact_defaults(committee: Committee) -> dict[str, str]:
    """A new meeting's contact officer, telephone and email: the committee's."""
    return {"contact": committee.contact_name, "contact_phone": committee.contact_phone, "contact_email": committee.contact_email}


class _Listed(NamedTuple):
    id: int
    committee_id: int
    date: dt.date
    start_time: dt.time | None
    venue: str
    status: str


def create_meeting(
    store: Store,
    committee_id: int,
    date: dt.date | str,
    *,
    standard_items: bool = True,
    refresh_previous: bool = True,
    **values: Any,
) -> Meeting:
    """A new meeting, by default with the standard items on its agenda (A1 Apologies,
    A2 Declarations of Interest, A3 Notes of the previous meeting, C1 Date of next meeting).
    Without ``refresh_previous`` the meeting before it keeps its C1 as it is (an imported
    agenda stays as it was printed)."""
    from .agenda_standard import add_standard_items_in, previous_meeting, refresh_standard_items_in
    from .plan import place_planned_in

    if isinstance(date, str):
        date = parse_date(date)
    for key in TEXT_FIELDS:
        if key in values:
            values[key] = clean_text(values[key]).strip()
    with store.write() as session:
        committee = lock_committee(session, committee_id)
        values.setdefault("venue", committee.default_venue)
        for key, default in contact_defaults(committee).items():  # "Ask for": the committee's officer
            values.setdefault(key, default)
        meeting = Meeting(committee_id=id_of(committee), date=date, **values)
        session.add(meeting)
        session.flush()
        if standard_items:
            add_standard_items_in(session, meeting)
        place_planned_in(session, meeting, build=standard_items)  # the forward plan's items for its date
        previous = previous_meeting(session, meeting)
        if (
            refresh_previous
            and previous is not None
            and previous.status in (MeetingStatus.DRAFT.value, MeetingStatus.PUBLISHED.value)
        ):
            refresh_standard_items_in(session, previous)  # its C1 now knows the next meeting
        return meeting


def reschedule(store: Store, meeting_id: int, date: dt.date | str, start_time: dt.time | None = None) -> Meeting:
    """Move a meeting in time; its minutes and the later meetings' are renumbered to follow."""
    if isinstance(date, str):
        date = parse_date(date)
    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = lock_committee(session, meeting.committee_id)
        ensure_editable(meeting)
        earliest = min((meeting.date, meeting.start_time or dt.time(0)), (date, start_time or dt.time(0)))
        meeting.date, meeting.start_time = date, start_time
        session.add(meeting)
        session.flush()
        probe = Meeting(id=-1, committee_id=id_of(committee), date=earliest[0], start_time=earliest[1])
        renumber(session, committee, probe)
        session.refresh(meeting)
        return meeting


def set_status(store: Store, meeting_id: int, status: MeetingStatus | str) -> Meeting:
    status = MeetingStatus(status)
    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        if status is MeetingStatus.SIGNED:
            raise InvalidInput("Notes are signed by approving them at the next meeting (item A3), not by setting a status.")
        ensure_editable(meeting)
        meeting.status = status
        session.add(meeting)
        return meeting


def delete_meeting(store: Store, meeting_id: int) -> None:
    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        committee = lock_committee(session, meeting.committee_id)
        ensure_editable(meeting)
        approved = session.exec(
            select(Meeting)
            .join(SignOff, col(SignOff.meeting_id) == Meeting.id)
            .where(SignOff.approved_at_meeting_id == meeting_id)
        ).first()
        if approved is not None:
            raise FrozenRecord(
                f"The meeting of {long_date(meeting.date)} approved the signed notes of "
                f"{long_date(approved.date)}, so it stays on the record."
            )
        session.delete(meeting)
        session.flush()
        renumber(session, committee, meeting)


def list_meetings(store: Store, committee_id: int | None = None) -> list[MeetingRow]:
    """Every meeting with its committee, status and minute range, oldest first. One query:
    each meeting's first and last number come from the index on (meeting_id, number), and a
    signed meeting's from the numbers its notes were signed with (kept on the meeting), so the
    time it takes follows the number of meetings, not of minutes."""
    with store.read() as session:
        committees = {id_of(c): c for c in session.exec(select(Committee)).all()}
        schemes = {cid: scheme_of(c) for cid, c in committees.items()}
        of_meeting = col(Minute.meeting_id) == col(Meeting.id)
        first = sa_select(func.min(Minute.number)).where(of_meeting).scalar_subquery()
        last = sa_select(func.max(Minute.number)).where(of_meeting).scalar_subquery()
        count = sa_select(func.count(col(Minute.id))).where(of_meeting).scalar_subquery()
        columns = (Meeting.id, Meeting.committee_id, Meeting.date, Meeting.start_time, Meeting.venue, Meeting.status)
        q = sa_select(*map(col, columns), first, last, count, col(Meeting.signed_minutes))
        if committee_id is not None:
            q = q.where(col(Meeting.committee_id) == committee_id)
        listed = session.execute(q.order_by(col(Meeting.date), col(Meeting.start_time), col(Meeting.id))).all()
        rows = []
        for r in listed:
            m, lo, hi, n, signed = _Listed._make(r[:6]), r[6], r[7], r[8], r[9]
            scheme = schemes[m.committee_id]
            label = minutes_label(scheme, m.id, m.date, lo, hi, signed if m.status == MeetingStatus.SIGNED.value else "")
            rows.append(
                MeetingRow(
                    m.id,
                    m.committee_id,
                    committees[m.committee_id].name,
                    m.date,
                    m.start_time,
                    m.venue,
                    MeetingStatus(m.status),
                    label,
                    n,
                )
            )
        return rows


def find_meeting(store: Store, ref: str | int, committee: str | None = None) -> Meeting:
    """A meeting by id (``12``) or by date (``2014-07-08``), with ``committee`` when dates clash."""
    text = str(ref).strip()
    if committee is not None and not committee.strip():
        from .committees import find_committee

        find_committee(store, committee)  # says a committee must be named
    with store.read() as session:
        if as_id(text) is not None:
            return get(session, Meeting, as_id(text), "meeting")
        try:
            date = parse_date(text)
        except InvalidInput:
            raise InvalidInput(
                f"'{ref}' is neither a meeting id nor a date; give an id from `clerk meetings` or a date such as 2014-07-08."
            ) from None
        q = select(Meeting).where(Meeting.date == date)
        matches = list(session.exec(q).all())
        if committee is not None:
            wanted = committee.strip().lower()
            names = {c.id: c.name for c in session.exec(select(Committee)).all()}
            matches = [m for m in matches if wanted in names[m.committee_id].lower() or str(m.committee_id) == wanted]
        if not matches:
            raise NotFound(
                f"There is no meeting on {long_date(date)}"
                + (f" for '{committee}'" if committee else "")
                + "; `clerk meetings` lists them."
            )
        if len(matches) > 1:
            names = {
                c.id: c.name
                for c in session.exec(select(Committee).where(col(Committee.id).in_([m.committee_id for m in matches]))).all()
            }
            raise InvalidInput(
                f"{len(matches)} meetings are on {long_date(date)} ("
                + ", ".join(names[m.committee_id] for m in matches)
                + "); add --committee NAME or give the meeting id."
            )
        return matches[0]


MEETING_FIELDS = ("start_time", "venue", *CONTACT_FIELDS, "agenda_published", "refreshments")


def update_meeting(store: Store, meeting_id: int, *, date: dt.date | str | None = None, **values: Any) -> Meeting:
    """Meeting setup: the date goes through ``reschedule`` (numbers follow); the rest is plain."""
    for key in values:
        if key not in MEETING_FIELDS:
            raise InvalidInput(f"Meetings have no setting '{key}'.")
    for key in TEXT_FIELDS:
        if key in values:
            values[key] = clean_text(values[key] or "").strip()
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        ensure_editable(meeting)
        current_time = meeting.start_time
    new_time = values.get("start_time", current_time)
    if date is not None or new_time != current_time:
        meeting = reschedule(store, meeting_id, date if date is not None else meeting.date, new_time)
    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        ensure_editable(meeting)
        for key, value in values.items():
            setattr(meeting, key, value)
        session.add(meeting)
        session.flush()
    from .agenda_standard import refresh_standard_items

    refresh_standard_items(store, meeting_id)
    return meeting


def cancel_meeting(store: Store, meeting_id: int) -> Meeting:
    """A meeting that will not take place; one with minutes cannot be cancelled."""
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        taken = session.exec(select(func.count(col(Minute.id))).where(Minute.meeting_id == meeting_id)).one()
    if taken:
        raise InvalidInput(
            f"The meeting of {long_date(meeting.date)} has {taken} minutes; it was held, so it cannot be cancelled."
        )
    return set_status(store, meeting_id, MeetingStatus.CANCELLED)


def date_warnings(store: Store, committee_id: int, date: dt.date, meeting_id: int | None = None) -> list[str]:
    """What a clerk should know before dating a meeting: that it falls before the latest meeting
    (its minutes would be numbered before that meeting's), on a weekend or bank holiday."""
    from ..calendar import bank_holidays

    out = []
    with store.read() as session:
        rows = session.exec(
            select(Meeting).where(Meeting.committee_id == committee_id, Meeting.status != MeetingStatus.CANCELLED)
        ).all()
        nation = get(session, Committee, committee_id, "committee").holidays
    others = [m for m in rows if m.id != meeting_id]
    later = [
        m
        for m in others
        if m.date > date and m.status in (MeetingStatus.HELD.value, MeetingStatus.SIGNED.value, MeetingStatus.IN_PROGRESS.value)
    ]
    if later:
        latest = max(later, key=lambda m: m.date)
        out.append(
            f"This is before the meeting of {long_date(latest.date)}, already held; minutes taken here are numbered before its."
        )
    if any(m.date == date for m in others):
        out.append(f"The committee already has a meeting on {long_date(date)}.")
    if date.weekday() >= 5:
        out.append(f"{long_date(date)} is a {date:%A}.")
    elif date in bank_holidays(date.year, nation):
        out.append(f"{long_date(date)} is a bank holiday.")
    return out
