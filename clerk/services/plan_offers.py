"""What the agenda builder offers a meeting beyond what is on its agenda: items planned for it
and not yet added, and the items the meeting before deferred or withdrew, each with its history
("Deferred from 8 July 2014, minute 71."). Taking one adds it to the agenda; declining one
stops it being offered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session, col, or_, select

from ..errors import InvalidInput
from ..ids import id_of
from ..models import AgendaItem, Committee, ItemKind, Meeting, Minute, MinuteState
from ..models_plan import PlannedItem, PlanStatus
from ..storage import Store
from ..wording_plan import CARRIED, FROM_PLAN, carried_history
from .agenda_standard import previous_meeting
from .common import ensure_editable, get, scheme_of
from .plan import place_in, waiting

CARRIED_STATES = (MinuteState.DEFERRED, MinuteState.WITHDRAWN)


@dataclass(frozen=True)
class Offer:
    key: str  # "plan:5" (a planned item) or "minute:71" (a minute that deferred its item)
    title: str
    presenter: str
    kind: ItemKind
    section: str
    restricted: bool
    exempt_paragraph: int | None
    note: str  # its history, put under the item
    source: str  # "plan", "deferred" or "withdrawn"


def _planned_for(session: Session, meeting: Meeting) -> list[PlannedItem]:
    return list(
        session.exec(
            select(PlannedItem)
            .where(
                PlannedItem.committee_id == meeting.committee_id,
                waiting(),
                or_(
                    PlannedItem.meeting_id == meeting.id,
                    col(PlannedItem.meeting_id).is_(None) & (PlannedItem.meeting_date == meeting.date),
                ),
            )
            .order_by(col(PlannedItem.id))
        ).all()
    )


def _carried(session: Session, meeting: Meeting) -> list[tuple[Minute, PlannedItem]]:
    """The minutes of the meeting before that deferred or withdrew their item, not yet carried
    or declined, each as the planned item carrying it would be."""
    before = previous_meeting(session, meeting)
    if before is None:
        return []
    minutes = session.exec(
        select(Minute)
        .where(Minute.meeting_id == before.id, col(Minute.state).in_(CARRIED_STATES))
        .order_by(col(Minute.seq), col(Minute.id))
    ).all()
    done = set(
        session.exec(select(PlannedItem.from_minute_id).where(col(PlannedItem.from_minute_id).in_([m.id for m in minutes]))).all()
    )
    scheme = scheme_of(get(session, Committee, meeting.committee_id, "committee"))
    out = []
    for minute in (m for m in minutes if m.id not in done):
        item = session.get(AgendaItem, minute.agenda_item_id) if minute.agenda_item_id else None
        earlier = session.exec(select(PlannedItem.note).where(PlannedItem.agenda_item_id == item.id)).first() if item else None
        state = MinuteState(minute.state).value
        planned = PlannedItem(
            committee_id=meeting.committee_id,
            meeting_date=meeting.date,
            meeting_id=meeting.id,
            title=minute.title,
            presenter=item.presenter if item else "",
            kind=ItemKind(item.kind) if item and item.kind != ItemKind.STANDARD else ItemKind.REPORT,
            section=item.section if item and item.parent_id is None else ("D" if minute.restricted else "B"),
            restricted=minute.restricted or bool(item and item.restricted),
            exempt_paragraph=minute.exempt_paragraph or (item.exempt_paragraph if item else None),
            note=carried_history(earlier or "", state, before.date, scheme.format(minute.number, minute.series)),
            from_minute_id=minute.id,
        )
        out.append((minute, planned))
    return out


def _offer(key: str, p: PlannedItem, source: str) -> Offer:
    return Offer(key, p.title, p.presenter, ItemKind(p.kind), p.section, p.restricted, p.exempt_paragraph, p.note, source)


def offers_in(session: Session, meeting: Meeting) -> list[Offer]:
    out = [_offer(f"plan:{p.id}", p, "plan") for p in _planned_for(session, meeting)]
    out += [_offer(f"minute:{m.id}", p, MinuteState(m.state).value) for m, p in _carried(session, meeting)]
    return out


def offers(store: Store, meeting_id: int) -> list[Offer]:
    """What the agenda builder offers the meeting: planned items, then items carried from the meeting before."""
    with store.read() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        if meeting.status not in ("draft", "published"):
            return []
        return offers_in(session, meeting)


def _planned_of(session: Session, meeting: Meeting, key: str) -> PlannedItem:
    """The planned item behind an offer (a new one carrying a deferred minute)."""
    kind, _, ident = key.partition(":")
    if kind == "plan":
        found = next((p for p in _planned_for(session, meeting) if str(p.id) == ident), None)
    else:
        found = next((p for m, p in _carried(session, meeting) if str(m.id) == ident), None)
        if found is not None:
            found.added_at = dt.datetime.now(dt.UTC)
            session.add(found)
    if found is None:
        raise InvalidInput("That item is no longer offered for this meeting; it has been added or declined.")
    return found


def take_offer(store: Store, meeting_id: int, key: str) -> AgendaItem:
    """Add an offered item to the agenda."""
    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        ensure_editable(meeting)
        return place_in(session, _planned_of(session, meeting, key), meeting)


def decline_offer(store: Store, meeting_id: int, key: str) -> None:
    """Stop offering an item: a planned one is dropped from the plan, a deferred one is not carried."""
    with store.write() as session:
        meeting = get(session, Meeting, meeting_id, "meeting")
        planned = _planned_of(session, meeting, key)
        planned.status = PlanStatus.DROPPED
        session.add(planned)


def plan_marks(store: Store, meeting_id: int) -> dict[int, str]:
    """The meeting's agenda items that came from the plan ("from plan") or were carried from the
    meeting before ("carried"), by item id: the builder marks them."""
    with store.read() as session:
        ids = [id_of(i) for i in session.exec(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id)).all()]
        rows = session.exec(select(PlannedItem).where(col(PlannedItem.agenda_item_id).in_(ids))).all() if ids else []
        return {p.agenda_item_id: CARRIED if p.from_minute_id else FROM_PLAN for p in rows if p.agenda_item_id is not None}
