"""The forward plan (work programme): items planned for a committee's future meetings before their
agendas exist. A planned item joins its meeting's agenda when the agenda is first built (a new
meeting's standard items), or at once when it is planned for a meeting whose agenda is still a
draft; otherwise the agenda builder offers it (``plan_offers``). It can move to another meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement
from sqlmodel import Session, and_, col, or_, select

from ..errors import InvalidInput
from ..ids import id_of
from ..models import SECTION_LETTERS, AgendaItem, Attachment, Committee, ItemKind, Meeting, MeetingStatus, Minute
from ..models_plan import PlannedItem, PlanStatus
from ..storage import Store
from ..wording import exempt_paragraph, long_date
from .agenda import _reposition, _siblings, add_item_in, settle
from .agenda_rows import numbered_meeting
from .common import clean_text, get, lock_committee, parse_date

PLANNABLE = (ItemKind.REPORT, ItemKind.VERBAL, ItemKind.TO_FOLLOW)
TAKEN_OFF = "taken_off"  # on an agenda once, since deleted from it by the clerk
OVER = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.SIGNED)


@dataclass(frozen=True)
class PlanRow:
    """A planned item as the plan lists it."""

    id: int
    committee_id: int
    committee: str
    date: dt.date  # its meeting's date (the meeting's own, once it is set up)
    meeting_id: int | None
    title: str
    presenter: str
    kind: ItemKind
    section: str
    restricted: bool
    exempt_paragraph: int | None
    note: str
    state: str  # planned, on_agenda, taken_off or dropped (clerk.wording_plan.PLAN_STATES)
    agenda_item_id: int | None


def waiting() -> ColumnElement[bool]:
    """Planned items waiting for an agenda: planned, or put on one whose meeting was deleted since."""
    on_none = and_(col(PlannedItem.status) == PlanStatus.ON_AGENDA, col(PlannedItem.meeting_id).is_(None))
    return or_(col(PlannedItem.status) == PlanStatus.PLANNED, on_none)


def check_planned(values: dict[str, Any]) -> dict[str, Any]:
    """A planned item's title, author, kind, section and paragraph, checked as an agenda item's are."""
    out = dict(values)
    for key in ("title", "presenter", "note"):
        if key in out:
            out[key] = clean_text(out[key] or "").strip()
    if "title" in out and not out["title"]:
        raise InvalidInput("A planned item needs a title.")
    if "kind" in out:
        kinds = {k.value: k for k in PLANNABLE} | {"to follow": ItemKind.TO_FOLLOW}
        kind = kinds.get(str(out["kind"]).strip().lower().replace("-", "_"))
        if kind is None:
            raise InvalidInput(f"'{out['kind']}' is not a kind of planned item; use report, verbal or to_follow.")
        out["kind"] = kind
    if "section" in out:
        out["section"] = str(out["section"] or "B").strip().upper()
        if out["section"] not in SECTION_LETTERS:
            raise InvalidInput(f"'{values['section']}' is not an agenda section; use A, B, C or D.")
        if out["section"] == "D":
            out["restricted"] = True
    if out.get("exempt_paragraph") not in (None, ""):
        out["exempt_paragraph"] = exempt_paragraph(out["exempt_paragraph"])
        out["restricted"] = True
    else:
        out.pop("exempt_paragraph", None)
    return out


def meeting_on(session: Session, committee_id: int, date: dt.date) -> Meeting | None:
    """The committee's meeting on that date, the one not cancelled first."""
    rows = session.exec(select(Meeting).where(Meeting.committee_id == committee_id, Meeting.date == date)).all()
    return min(rows, key=lambda m: (m.status == MeetingStatus.CANCELLED, m.start_time or dt.time(0), id_of(m)), default=None)


def _refuse_over(meeting: Meeting) -> None:
    if meeting.status in OVER:
        raise InvalidInput(f"The meeting of {long_date(meeting.date)} has been held; plan the item for a later one.")
    if meeting.status == MeetingStatus.CANCELLED:
        raise InvalidInput(f"The meeting of {long_date(meeting.date)} is cancelled; plan the item for another one.")


def place_in(session: Session, planned: PlannedItem, meeting: Meeting) -> AgendaItem:
    """Put a planned item on its meeting's agenda (restricted ones where restricted items go)."""
    section = planned.section
    if planned.restricted and numbered_meeting(session, id_of(meeting)):
        section = "D"  # numbered style: after the exclusion of the press and public
    item = add_item_in(
        session,
        id_of(meeting),
        section,
        planned.title,
        presenter=planned.presenter,
        kind=planned.kind,
        restricted=planned.restricted,
        exempt_paragraph=planned.exempt_paragraph,
        note=planned.note,
    )
    planned.status, planned.agenda_item_id, planned.meeting_id = PlanStatus.ON_AGENDA, item.id, meeting.id
    session.add(planned)
    settle(session, id_of(meeting))
    return item


def plan_item(store: Store, committee_id: int, date: dt.date | str, title: str, **values: Any) -> PlannedItem:
    """Plan an item for the committee's meeting on ``date``, set up or not. On a draft agenda it
    is added at once; on a published one the agenda builder offers it."""
    if isinstance(date, str):
        date = parse_date(date)
    values = check_planned({"title": title, "kind": values.pop("kind", ItemKind.REPORT), **values})
    with store.write() as session:
        lock_committee(session, committee_id)
        meeting = meeting_on(session, committee_id, date)
        if meeting is not None:
            _refuse_over(meeting)
        planned = PlannedItem(
            committee_id=committee_id,
            meeting_date=date,
            meeting_id=meeting.id if meeting else None,
            added_at=dt.datetime.now(dt.UTC),
            **values,
        )
        return _placed(session, planned, meeting)


def place_planned_in(session: Session, meeting: Meeting, *, build: bool = True) -> list[AgendaItem]:
    """A meeting just set up takes the items planned for its date; with ``build`` (its agenda
    first built) they are added to the agenda, in the order they were planned."""
    rows = session.exec(
        select(PlannedItem)
        .where(
            PlannedItem.committee_id == meeting.committee_id,
            PlannedItem.meeting_date == meeting.date,
            col(PlannedItem.meeting_id).is_(None),
            waiting(),
        )
        .order_by(col(PlannedItem.id))
    ).all()
    out = []
    for planned in rows:
        planned.meeting_id = meeting.id
        session.add(planned)
        if build:
            out.append(place_in(session, planned, meeting))
    session.flush()
    return out


def _take_off(session: Session, planned: PlannedItem) -> None:
    """Off the agenda it was put on, while nothing hangs on it there (a report, a minute)."""
    item = session.get(AgendaItem, planned.agenda_item_id) if planned.agenda_item_id else None
    if item is None:
        return
    meeting = get(session, Meeting, item.meeting_id, "meeting")
    _refuse_over(meeting)
    if session.exec(select(Attachment.id).where(Attachment.agenda_item_id == item.id)).first() is not None:
        raise InvalidInput(f"“{item.title}” has its report attached on the agenda of {long_date(meeting.date)}; detach it first.")
    if session.exec(select(Minute.id).where(Minute.agenda_item_id == item.id)).first() is not None:
        raise InvalidInput(f"“{item.title}” has been minuted on {long_date(meeting.date)}, so it stays there.")
    for sub in _siblings(session, item.meeting_id, item.section, item.id):
        session.delete(sub)
    session.delete(item)
    session.flush()
    _reposition(session, _siblings(session, item.meeting_id, item.section, item.parent_id))
    settle(session, item.meeting_id)


def move_planned(store: Store, planned_id: int, date: dt.date | str) -> PlannedItem:
    """Plan the item for the committee's meeting on another date instead; off the first agenda
    (a draft or published one) if it was put on it."""
    if isinstance(date, str):
        date = parse_date(date)
    with store.write() as session:
        planned = get(session, PlannedItem, planned_id, "planned item")
        lock_committee(session, planned.committee_id)
        meeting = meeting_on(session, planned.committee_id, date)
        if meeting is not None:
            _refuse_over(meeting)
            if meeting.id == planned.meeting_id:
                return planned
        _take_off(session, planned)
        planned.meeting_date, planned.meeting_id = date, meeting.id if meeting else None
        planned.status, planned.agenda_item_id = PlanStatus.PLANNED, None
        return _placed(session, planned, meeting)


def drop_planned(store: Store, planned_id: int) -> PlannedItem:
    """The item is no longer expected: off the plan (and off a draft agenda it was put on)."""
    with store.write() as session:
        planned = get(session, PlannedItem, planned_id, "planned item")
        _take_off(session, planned)
        planned.status, planned.agenda_item_id = PlanStatus.DROPPED, None
        session.add(planned)
        session.flush()
        session.refresh(planned)
        return planned


def _state(planned: PlannedItem) -> str:
    if planned.status == PlanStatus.ON_AGENDA and planned.meeting_id is None:
        return PlanStatus.PLANNED.value  # its meeting was deleted: it waits for another
    if planned.status == PlanStatus.ON_AGENDA and planned.agenda_item_id is None:
        return TAKEN_OFF
    return PlanStatus(planned.status).value


def plan_rows(session: Session, committee_id: int | None = None, since: dt.date | None = None) -> list[PlanRow]:
    q = select(PlannedItem)
    if committee_id is not None:
        q = q.where(PlannedItem.committee_id == committee_id)
    items = session.exec(q).all()
    names = {c.id: c.name for c in session.exec(select(Committee)).all()}
    dates = {m.id: m.date for m in session.exec(select(Meeting).where(col(Meeting.id).in_({p.meeting_id for p in items})))}
    out = [
        PlanRow(
            id=id_of(p),
            committee_id=p.committee_id,
            committee=names[p.committee_id],
            date=dates.get(p.meeting_id, p.meeting_date),
            meeting_id=p.meeting_id,
            title=p.title,
            presenter=p.presenter,
            kind=ItemKind(p.kind),
            section=p.section,
            restricted=p.restricted,
            exempt_paragraph=p.exempt_paragraph,
            note=p.note,
            state=_state(p),
            agenda_item_id=p.agenda_item_id,
        )
        for p in items
    ]
    return sorted((r for r in out if since is None or r.date >= since), key=lambda r: (r.committee, r.date, r.id))


def list_plan(store: Store, committee_id: int | None = None, since: dt.date | None = None) -> list[PlanRow]:
    """The plan, by committee and date: every item planned, with where it has got to."""
    with store.read() as session:
        return plan_rows(session, committee_id, since)


def _placed(session: Session, planned: PlannedItem, meeting: Meeting | None) -> PlannedItem:
    """The planned item stored, and on its meeting's agenda at once when that is still a draft."""
    session.add(planned)
    session.flush()
    if meeting is not None and meeting.status == MeetingStatus.DRAFT:
        place_in(session, planned, meeting)
    session.flush()
    session.refresh(planned)
    return planned
